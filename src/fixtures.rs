//! Test fixtures shared by the crate's unit tests: the article's clusters, and the outputs it
//! prints as read from `tests/fixtures/` (one copy for the unit, native and browser tests).

use crate::model::scenario::Scenario;

/// The default scenario for one of the article's clusters (`aks-ntwdemo1`, `aks-ntwdemo2`,
/// `aks-ntwdemo11`…).
pub fn named(name: &str) -> Scenario {
    let mut s = Scenario::default();
    s.cluster.name = name.to_string();
    s
}

/// The article: `az aks show -n aks-ntwdemo1 -g aksntwdemo | jq .apiServerAccessProfile` after
/// `--api-server-authorized-ip-ranges 1.1.1.1/32` (the one copy, `tests/fixtures/README.md`).
pub const ARTICLE_AUTHORIZED_PROFILE: &str =
    include_str!("../tests/fixtures/az-aks-show-authorized-profile.json");

/// The article: aks-ntwdemo2's profile (private cluster, `none` zone).
pub const ARTICLE_PRIVATE_NONE_PROFILE: &str =
    include_str!("../tests/fixtures/az-aks-show-private-none-profile.json");
