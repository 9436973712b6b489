//! Hooks that connect the widget to the browser's edges: the address bar, the clock, the
//! viewport and the keyboard.

pub mod use_fragment_sync;
pub mod use_present_keys;
pub mod use_reduced_motion;
pub mod use_ticker;
pub mod use_visibility;
