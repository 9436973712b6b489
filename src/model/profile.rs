//! The `apiServerAccessProfile` a scenario corresponds to, as `az aks show` prints it.
//!
//! The widget shows it next to the diagram (hook `access-profile`) so readers connect the knobs
//! to the JSON they will meet in real clusters. Values follow the article's transcripts: every
//! field printed, unset ones as `null`.

use serde::Serialize;

use super::names::Names;
use super::ranges::ParsedRanges;
use super::scenario::{DnsZone, Scenario};

/// `apiServerAccessProfile` with the az CLI's camelCase keys; `None` prints `null`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct AccessProfile {
    /// Authorized ranges as the service stores them (bare IP → `/32`).
    pub authorized_ip_ranges: Option<Vec<String>>,
    /// `true` when `az aks command invoke` is disabled; `null` otherwise (as in the article).
    pub disable_run_command: Option<bool>,
    /// `true` for private clusters; `false` for public VNet-integrated ones (as AKS prints);
    /// `null` otherwise.
    pub enable_private_cluster: Option<bool>,
    /// Private clusters only: whether the public FQDN exists.
    pub enable_private_cluster_public_fqdn: Option<bool>,
    /// `true` with API server VNet integration.
    pub enable_vnet_integration: Option<bool>,
    /// `system`, `none`, or the BYO zone's resource id.
    pub private_dns_zone: Option<String>,
    /// The delegated API server subnet with VNet integration.
    pub subnet_id: Option<String>,
}

impl Scenario {
    /// Derives the access profile from the scenario (pure).
    pub fn access_profile(&self) -> AccessProfile {
        let parsed = self
            .ranges_text()
            .map(|text| ParsedRanges::parse(text, self.max_ranges()));
        self.access_profile_with(parsed.as_ref())
    }

    /// [`Self::access_profile`] from the filter's ranges already parsed (`None` when
    /// [`Self::ranges_text`] is `None`), so that a caller holding an [`Analysis`] parses them
    /// once per change.
    ///
    /// [`Analysis`]: super::analysis::Analysis
    pub fn access_profile_with(&self, parsed: Option<&ParsedRanges<'_>>) -> AccessProfile {
        let private = self.is_private();
        // Blanks only (or `""`) switch the filter off: the one rule, `Scenario::filter_active`.
        let authorized_ip_ranges = parsed
            .filter(|_| self.filter_active())
            .map(ParsedRanges::stored_form);
        let private_dns_zone = self.dns_zone().map(|zone| match zone {
            DnsZone::System => "system".to_string(),
            DnsZone::None => "none".to_string(),
            DnsZone::Byo => {
                let names = Names::for_scenario(self);
                let zone_name = names.private_zone.unwrap_or_default();
                Names::byo_zone_id(&self.cluster, &zone_name)
            }
        });
        AccessProfile {
            authorized_ip_ranges,
            disable_run_command: if self.run_command { None } else { Some(true) },
            enable_private_cluster: if private {
                Some(true)
            } else if self.vnet_integration() {
                Some(false)
            } else {
                None
            },
            enable_private_cluster_public_fqdn: if private {
                Some(self.public_fqdn_enabled())
            } else {
                None
            },
            enable_vnet_integration: if self.vnet_integration() {
                Some(true)
            } else {
                None
            },
            private_dns_zone,
            subnet_id: if self.vnet_integration() {
                Some(self.apiserver_subnet_id())
            } else {
                None
            },
        }
    }
}
