//! Text renderers: what a terminal, an IaC file or a test hook shows for a scenario.
//!
//! Everything here is a pure function of a [`Scenario`](crate::model::Scenario) (and of the
//! model's [`Trace`](crate::model::Trace) / [`Names`](crate::model::Names) where the text depends
//! on the simulation), so the page and the native command print the same bytes and the golden
//! tests can compare them with the article natively.
//!
//! Layout (one job per file):
//! * `table`, `nslookup`, `jq`, `az_show`: what `az aks show -o table`, `nslookup`,
//!   `az aks show | jq …` and `az aks show` print;
//! * `shell` and `resources`: quoting and the resource ids the command lines and IaC share;
//! * `az_create`, `az_update`: the command lines that build or change the cluster;
//! * `terraform`, `bicep`: the same cluster as infrastructure code;
//! * `transcript`: the article's terminal session for the scenario;
//! * `hooks`: every test-hook value at once, shared by the page and the native command;
//! * `embed`: the share link and the embed snippets (iframe, host element and loader).

pub mod az_create;
pub mod az_show;
pub mod az_update;
pub mod bicep;
pub mod embed;
pub mod hooks;
pub mod jq;
pub mod nslookup;
pub mod resources;
pub mod shell;
pub mod table;
pub mod terraform;
pub mod transcript;

pub use az_create::az_create;
pub use az_show::az_show_json;
pub use az_update::{az_update, UpdatePlan, UpdateRefusal};
pub use bicep::bicep;
pub use hooks::HookValues;
pub use jq::{access_profile_json, fqdns_json, profile_json};
pub use nslookup::nslookup;
pub use table::az_show_table;
pub use terraform::terraform;
pub use transcript::{transcript, transcript_blocks, transcript_for, TranscriptBlock, PROMPT};

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props;
