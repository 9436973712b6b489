//! One component per file; each takes plain props and callbacks, never the state handle.

pub mod connection_arrow;
pub mod overview_diagram;
pub mod part_box;
