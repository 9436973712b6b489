//! The pure network model: scenarios in, traces out. No Yew, no web-sys.
