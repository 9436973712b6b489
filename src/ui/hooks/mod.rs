//! Hooks that connect the widget to the browser's edges: the address bar and the clock.

pub mod use_fragment_sync;
pub mod use_reduced_motion;
pub mod use_ticker;
