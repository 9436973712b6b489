//! aks-netviz: how clients and nodes reach the API server of an AKS cluster.
//!
//! The crate is layered so that everything the page shows can also be computed natively:
//! `model` is the pure simulator (no web types), `ui` the Yew components that render it.
//! Imports only ever point down: `ui` uses `model`, never the other way round.

pub mod model;
pub mod ui;
