//! One component per file; each takes plain props and callbacks, never the state handle.

pub mod connection_arrow;
pub mod controls;
pub mod disclosure;
pub mod exercises;
pub mod export_buttons;
pub mod import_box;
pub mod inspector;
pub mod network_diagram;
pub mod outcome_panel;
pub mod overview_diagram;
pub mod part_box;
pub mod primer;
pub mod radio_group;
pub mod ranges_editor;
pub mod share;
pub mod terminal;
pub mod timeline;
pub mod waterfall;
#[cfg(target_arch = "wasm32")]
pub mod waterfall_canvas;
