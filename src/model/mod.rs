//! The pure network model: scenarios in, traces out. No Yew, no web-sys, no I/O.
//!
//! Layout (imports only point down): `cluster` (identity, address plan) and `scenario`
//! (settings) at the bottom; `names`, `ranges`, `profile` and `validate` derive facts from a
//! scenario; `dns`, `route` and `tunnel` are the simulator's rules; `simulate` puts them
//! together into a `trace`; `kubectl` holds the exact terminal texts; `text` (crate-private)
//! builds the strings of the hot paths without `format!`'s reallocations.

pub mod cluster;
pub mod dns;
pub mod egress;
pub mod kubectl;
pub mod names;
pub mod primer;
pub mod profile;
pub mod ranges;
pub mod route;
pub mod scenario;
pub mod simulate;
pub(crate) mod text;
pub mod timing;
pub mod trace;
pub mod tunnel;
pub mod validate;

pub use cluster::{AddressPlan, Cluster};
pub use names::Names;
pub use profile::AccessProfile;
pub use ranges::ParsedRanges;
pub use scenario::{ClientKind, DnsZone, Egress, Kubeconfig, Mode, Scenario};
pub use simulate::{simulate, simulate_all_clients, Analysis};
pub use trace::{
    DnsAnswer, Event, EventKind, Hop, NodeStatus, Note, Outcome, PathStep, Place, Trace, Tunnel,
    Verdict,
};
pub use validate::{validate, ValidationMessage};
