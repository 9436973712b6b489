//! Deterministic DNS names: `dnsPrefix`, `fqdn`, `azurePortalFqdn`, `privateFqdn`, zone names.
//!
//! AKS appends random parts (an 8-character suffix, a zone GUID) to its names. The widget needs
//! them stable, so they come from a hash of the cluster identity (FNV-1a, printed in base 36
//! lowercase like the article's suffixes, and as a version-4-shaped GUID). The article's own
//! clusters are looked up first in [`OBSERVED`], so that transcripts match what readers saw.

use super::cluster::Cluster;
use super::scenario::{DnsZone, Scenario};

/// Random name parts the article printed for one of its clusters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ObservedNames {
    /// Cluster name.
    pub cluster: &'static str,
    /// Resource group.
    pub resource_group: &'static str,
    /// The 8 characters after the DNS prefix in `fqdn`.
    pub fqdn_suffix: &'static str,
    /// The 8 characters after the DNS prefix in `privateFqdn`, when shown.
    pub private_suffix: Option<&'static str>,
    /// The GUID of the system private DNS zone, when shown.
    pub zone_guid: Option<&'static str>,
}

/// Names the article printed for its clusters, consulted before the hash.
///
/// Source: the article's `az aks show` transcripts (aks-ntwdemo1: public; aks-ntwdemo2:
/// private, `none` zone; aks-ntwdemo11: private, system zone).
pub const OBSERVED: &[ObservedNames] = &[
    ObservedNames {
        cluster: "aks-ntwdemo1",
        resource_group: "aksntwdemo",
        fqdn_suffix: "6t70z79x",
        private_suffix: None,
        zone_guid: None,
    },
    ObservedNames {
        cluster: "aks-ntwdemo2",
        resource_group: "aksntwdemo",
        fqdn_suffix: "t0xkxtuj",
        private_suffix: None,
        zone_guid: None,
    },
    ObservedNames {
        cluster: "aks-ntwdemo11",
        resource_group: "aksntwdemo",
        fqdn_suffix: "1ulw5vjo",
        private_suffix: Some("zkdf7afu"),
        zone_guid: Some("3b7ca984-03df-44f2-bfb3-e2234ff2c58f"),
    },
];

/// The az CLI's default `--dns-name-prefix`: `{name[0:10]}-{rg[0:16]}-{sub[0:6]}`.
///
/// `_get_default_dns_prefix` in azure-cli strips every character outside `[A-Za-z0-9-]` (so
/// dashes are kept: the article's `aks-ntwdem`, where docs/aks-facts.md's summary says
/// "non-alphanumerics") and prefixes `a` when the name part does not start with a letter.
pub fn dns_prefix(cluster: &Cluster) -> String {
    let keep = |c: &char| c.is_ascii_alphanumeric() || *c == '-';
    let mut name_part: String = cluster.name.chars().filter(keep).take(10).collect();
    if !name_part.starts_with(|c: char| c.is_ascii_alphabetic()) {
        name_part = std::iter::once('a')
            .chain(name_part.chars())
            .take(10)
            .collect();
    }
    let rg_part: String = cluster
        .resource_group
        .chars()
        .filter(keep)
        .take(16)
        .collect();
    let sub_part: String = cluster.subscription_id.chars().take(6).collect();
    format!("{name_part}-{rg_part}-{sub_part}")
}

/// FNV-1a 64-bit over the cluster identity and a purpose tag.
fn fnv1a(cluster: &Cluster, purpose: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let parts = [
        cluster.name.as_str(),
        cluster.resource_group.as_str(),
        cluster.subscription_id.as_str(),
        purpose,
    ];
    for part in parts {
        for b in part.bytes().chain(std::iter::once(0u8)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// Eight base-36 lowercase characters from a hash.
fn base36_8(mut h: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = String::with_capacity(8);
    for _ in 0..8 {
        out.push(char::from(DIGITS[(h % 36) as usize]));
        h /= 36;
    }
    out
}

fn observed(cluster: &Cluster) -> Option<&'static ObservedNames> {
    OBSERVED
        .iter()
        .find(|o| o.cluster == cluster.name && o.resource_group == cluster.resource_group)
}

/// The 8-character suffix of `fqdn` (and `azurePortalFqdn`).
pub fn fqdn_suffix(cluster: &Cluster) -> String {
    match observed(cluster) {
        Some(o) => o.fqdn_suffix.to_string(),
        None => base36_8(fnv1a(cluster, "fqdn")),
    }
}

/// The 8-character suffix of `privateFqdn`, different from the public one.
pub fn private_suffix(cluster: &Cluster) -> String {
    match observed(cluster).and_then(|o| o.private_suffix) {
        Some(s) => s.to_string(),
        None => base36_8(fnv1a(cluster, "private-fqdn")),
    }
}

/// The GUID in a system private DNS zone name.
pub fn zone_guid(cluster: &Cluster) -> String {
    if let Some(g) = observed(cluster).and_then(|o| o.zone_guid) {
        return g.to_string();
    }
    let hi = fnv1a(cluster, "zone-guid-hi");
    let lo = fnv1a(cluster, "zone-guid-lo");
    let mut v = (u128::from(hi) << 64) | u128::from(lo);
    // Shape it like a random (version 4, RFC 4122 variant) GUID, as Azure's are.
    v = (v & !(0xf << 76)) | (0x4 << 76);
    v = (v & !(0x3 << 62)) | (0x2 << 62);
    let hex = format!("{v:032x}");
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

/// Every DNS name of a scenario, as `az aks show` prints them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Names {
    /// `dnsPrefix`.
    pub dns_prefix: String,
    /// `fqdn`: the public name in Azure public DNS; `None` with `--disable-public-fqdn`.
    pub fqdn: Option<String>,
    /// `azurePortalFqdn`: same suffix as `fqdn` under `portal.hcp`; `None` with `fqdn`.
    pub azure_portal_fqdn: Option<String>,
    /// `privateFqdn`: `None` for public clusters.
    pub private_fqdn: Option<String>,
    /// The private DNS zone holding `privateFqdn` (system or BYO); `None` otherwise.
    pub private_zone: Option<String>,
}

impl Names {
    /// Names for a scenario.
    ///
    /// * public / authorized / VNet-integrated public: `fqdn`, no `privateFqdn`;
    /// * private, system zone: `<prefix>-<p8>.<guid>.privatelink.<region>.azmk8s.io` in zone
    ///   `<guid>.privatelink.<region>.azmk8s.io`;
    /// * private, BYO: `<prefix>-<p8>.privatelink.<region>.azmk8s.io` in zone
    ///   `privatelink.<region>.azmk8s.io`;
    /// * private, `none`: `privateFqdn` equals `fqdn` (the article shows the same value);
    /// * VNet integration, private: the same with `private.` instead of `privatelink.`;
    /// * `fqdn` is null when the public FQDN is disabled.
    pub fn for_scenario(s: &Scenario) -> Names {
        let c = &s.cluster;
        let prefix = dns_prefix(c);
        let region = &c.region;
        let public_suffix = fqdn_suffix(c);
        let public_name = format!("{prefix}-{public_suffix}.hcp.{region}.azmk8s.io");
        let fqdn = if s.public_fqdn_enabled() {
            Some(public_name.clone())
        } else {
            None
        };
        let azure_portal_fqdn = fqdn
            .as_ref()
            .map(|_| format!("{prefix}-{public_suffix}.portal.hcp.{region}.azmk8s.io"));
        let label = if s.vnet_integration() {
            "private"
        } else {
            "privatelink"
        };
        let (private_fqdn, private_zone) = match s.dns_zone() {
            None => (None, None),
            Some(DnsZone::None) => (Some(public_name), None),
            Some(DnsZone::System) => {
                let zone = format!("{}.{label}.{region}.azmk8s.io", zone_guid(c));
                (
                    Some(format!("{prefix}-{}.{zone}", private_suffix(c))),
                    Some(zone),
                )
            }
            Some(DnsZone::Byo) => {
                let zone = format!("{label}.{region}.azmk8s.io");
                (
                    Some(format!("{prefix}-{}.{zone}", private_suffix(c))),
                    Some(zone),
                )
            }
        };
        Names {
            dns_prefix: prefix,
            fqdn,
            azure_portal_fqdn,
            private_fqdn,
            private_zone,
        }
    }

    /// Resource id of the private DNS zone as `privateDnsZone` shows it for a BYO zone. The
    /// customer creates it beforehand; the widget puts it in the cluster's resource group.
    pub fn byo_zone_id(cluster: &Cluster, zone: &str) -> String {
        format!(
            "/subscriptions/{}/resourceGroups/{}/providers/Microsoft.Network/privateDnsZones/{}",
            cluster.subscription_id, cluster.resource_group, zone
        )
    }
}
