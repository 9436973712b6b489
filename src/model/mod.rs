//! The pure network model: scenarios in, traces out. No Yew, no web-sys, no I/O.
//!
//! Layout (imports only point down, so there is no cycle):
//! * `id_enum` (the macro that gives enums their public ids), `cluster` (identity, address
//!   plan) and `scenario` (settings) at the bottom;
//! * `names`, `ranges`, `profile`, `validate` and `egress` derive facts from a scenario;
//!   `trace` is the data a simulation hands to the layers above; `kubectl` holds the exact
//!   terminal texts;
//! * `analysis` derives once what the rules share (names, parsed ranges, validation, the
//!   nodes' connections);
//! * `dns`, `route` and `tunnel` are the simulator's rules, each with the sentences that
//!   explain it; they read `analysis` and never each other's callers;
//! * `simulate` puts them together into a `trace`; `timing` turns a trace into the request's
//!   phases.
//!
//! Text is built with plain `format!` and `Display`; JSON is printed by `render`, not here.

pub mod analysis;
pub mod cluster;
pub mod dns;
pub mod egress;
mod id_enum;
pub mod kubectl;
pub mod names;
pub mod primer;
pub mod profile;
pub mod ranges;
pub mod route;
pub mod scenario;
pub mod simulate;
pub mod timing;
pub mod trace;
pub mod tunnel;
pub mod validate;

pub use analysis::{Analysis, Blocked};
pub use cluster::{AddressPlan, Cluster};
pub use names::Names;
pub use profile::AccessProfile;
pub use ranges::ParsedRanges;
pub use scenario::{ClientKind, DnsZone, Egress, Kubeconfig, Mode, Scenario};
pub use simulate::{simulate, simulate_all_clients};
pub use trace::{
    DnsAnswer, Event, EventKind, Hop, NodeStatus, Note, Outcome, PathStep, Place, Trace, Tunnel,
    Verdict,
};
pub use validate::{validate, ValidationMessage};
