//! aks-netviz: how clients and nodes reach the API server of an AKS cluster.
//!
//! The crate is layered so that everything the page shows can also be computed natively:
//! `model` is the pure simulator (no web types); `link` (deep links), `import` (az / ARM JSON in)
//! and `render` (terminal transcripts, command lines, IaC, hook values out) sit on it; `ui` (the
//! Yew page) and the native command `src/bin/aks-netviz.rs` sit on top.
//! Imports only ever point down: `ui` uses `model`, never the other way round.

pub mod exercise;
#[cfg(test)]
mod fixtures;
pub mod import;
pub mod link;
pub mod model;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod render;
pub mod ui;
