//! Test fixtures shared by the crate's unit tests: the article's clusters and the outputs it
//! prints, written once so every golden and import test compares against the same text.

use crate::model::scenario::Scenario;

/// The default scenario for one of the article's clusters (`aks-ntwdemo1`, `aks-ntwdemo2`,
/// `aks-ntwdemo11`…).
pub fn named(name: &str) -> Scenario {
    let mut s = Scenario::default();
    s.cluster.name = name.to_string();
    s
}

/// The article: `az aks show -n aks-ntwdemo1 -g aksntwdemo | jq .apiServerAccessProfile` after
/// `--api-server-authorized-ip-ranges 1.1.1.1/32`.
pub const ARTICLE_AUTHORIZED_PROFILE: &str = r#"{
  "authorizedIpRanges": [
    "1.1.1.1/32"
  ],
  "disableRunCommand": null,
  "enablePrivateCluster": null,
  "enablePrivateClusterPublicFqdn": null,
  "enableVnetIntegration": null,
  "privateDnsZone": null,
  "subnetId": null
}"#;

/// The article: aks-ntwdemo2's profile (private cluster, `none` zone).
pub const ARTICLE_PRIVATE_NONE_PROFILE: &str = r#"{
  "authorizedIpRanges": null,
  "disableRunCommand": null,
  "enablePrivateCluster": true,
  "enablePrivateClusterPublicFqdn": true,
  "enableVnetIntegration": null,
  "privateDnsZone": "none",
  "subnetId": null
}"#;
