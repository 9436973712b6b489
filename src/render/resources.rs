//! The Azure resources around the cluster that command lines and IaC refer to, derived once so
//! that `az aks create`, `az aks update`, Terraform and Bicep name the same things.
//!
//! Decisions (no source fixes these names; they only need to be consistent and realistic):
//! * outbound type `loadBalancer` keeps the AKS-managed VNet of the article; a NAT gateway
//!   (`userAssignedNATGateway`) or a firewall (`userDefinedRouting`) needs a subnet prepared
//!   beforehand (az: "--vnet-subnet-id must be specified for userDefinedRouting…"), so those
//!   scenarios bring their own VNet `vnet-<cluster>` in the cluster's resource group, with
//!   subnets `snet-nodes` and, for VNet integration, `snet-apiserver` (delegated, /28);
//! * a BYO private DNS zone, or VNet integration in a BYO VNet, needs a user-assigned identity
//!   (`--assign-identity`), named `id-<cluster>` in the cluster's resource group.

use crate::model::names::Names;
use crate::model::scenario::{DnsZone, Egress, Mode, Scenario};
use crate::model::text::{split_commas, trim};

/// The API version the Bicep snippet and the ARM names follow (aks-facts.md §7).
pub const ARM_API_VERSION: &str = "2025-05-01";

/// True when the cluster needs a VNet prepared beforehand ([`Scenario::byo_vnet`]).
pub fn byo_vnet(s: &Scenario) -> bool {
    s.byo_vnet()
}

fn rg_prefix(s: &Scenario) -> String {
    let c = &s.cluster;
    format!(
        "/subscriptions/{}/resourceGroups/{}/providers",
        c.subscription_id, c.resource_group
    )
}

/// Resource id of the customer's VNet (BYO VNet scenarios only).
pub fn vnet_id(s: &Scenario) -> String {
    s.byo_vnet_id()
}

/// Node subnet id for `--vnet-subnet-id`, `None` with the AKS-managed VNet.
pub fn node_subnet_id(s: &Scenario) -> Option<String> {
    byo_vnet(s).then(|| format!("{}/subnets/snet-nodes", vnet_id(s)))
}

/// The delegated API server subnet, the same one the access profile's `subnetId` names
/// ([`Scenario::apiserver_subnet_id`]).
pub fn apiserver_subnet_id(s: &Scenario) -> String {
    s.apiserver_subnet_id()
}

/// User-assigned identity id for `--assign-identity`.
pub fn identity_id(s: &Scenario) -> String {
    format!(
        "{}/Microsoft.ManagedIdentity/userAssignedIdentities/id-{}",
        rg_prefix(s),
        s.cluster.name
    )
}

/// True when a user-assigned identity is required: BYO private DNS zone (AKS does not support a
/// system-assigned identity with a custom zone), or VNet integration in a BYO VNet.
pub fn needs_user_identity(s: &Scenario) -> bool {
    s.dns == Some(DnsZone::Byo) || (s.mode == Mode::Vnet && byo_vnet(s))
}

/// The name of a BYO private DNS zone: `privatelink.<region>.azmk8s.io`, or
/// `private.<region>.azmk8s.io` with VNet integration (aks-facts.md §3, §4).
pub fn byo_zone_name(s: &Scenario) -> String {
    let label = if s.vnet_integration() {
        "private"
    } else {
        "privatelink"
    };
    format!("{label}.{}.azmk8s.io", s.cluster.region)
}

/// The `--private-dns-zone` value the scenario sets, as the az CLI spells it (`system`, `none`
/// or the BYO zone's resource id); `None` when `dns` is not given.
///
/// The value follows the setting even on a public cluster, where it is invalid: the command
/// line must reproduce what the reader configured, and the validation shows why az refuses it.
pub fn private_dns_zone_value(s: &Scenario) -> Option<String> {
    s.dns.map(|zone| match zone {
        DnsZone::System => "system".to_string(),
        DnsZone::None => "none".to_string(),
        DnsZone::Byo => Names::byo_zone_id(&s.cluster, &byo_zone_name(s)),
    })
}

/// The outbound type as ARM / az spell it.
pub fn outbound_type(e: Egress) -> &'static str {
    match e {
        Egress::Lb => "loadBalancer",
        Egress::NatGw => "userAssignedNATGateway",
        Egress::Firewall => "userDefinedRouting",
    }
}

/// The authorized-ranges value to pass at creation, as typed; `None` when none is passed.
///
/// * `mode=authorized`: the ranges in effect (the default `81.56.12.7/32` when not given);
/// * `mode=public`: never (the model ignores `ranges` there: public means no filter);
/// * VNet integration and private clusters: the typed value when given and not empty (on a
///   private cluster az refuses it, and the validation says so).
pub fn ranges_value(s: &Scenario) -> Option<&str> {
    match s.mode {
        Mode::Authorized => s.ranges_text(),
        Mode::Public => None,
        Mode::Private | Mode::Vnet => s.ranges.as_deref().filter(|r| !r.is_empty()),
    }
}

/// The typed ranges as a list: split on commas, trimmed, blanks dropped (what IaC lists hold).
pub fn ranges_list(s: &Scenario) -> Vec<String> {
    ranges_entries(s).into_iter().map(str::to_string).collect()
}

/// [`ranges_list`], borrowed from the scenario: no allocation per entry (2,000 entries with
/// VNet integration, rendered on every keystroke).
pub fn ranges_entries(s: &Scenario) -> Vec<&str> {
    ranges_value(s)
        .map(|text| {
            split_commas(text)
                .map(trim)
                .filter(|e| !e.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod subnet_tests {
    use super::*;
    use crate::render::{az_create, bicep, terraform};

    /// The access profile and every text that builds the cluster name the same API server subnet,
    /// for the managed VNet and for the BYO VNet a NAT gateway or firewall needs.
    #[test]
    fn every_output_names_the_subnet_the_access_profile_shows() {
        for egress in [Egress::Lb, Egress::NatGw, Egress::Firewall] {
            let s = Scenario {
                mode: Mode::Vnet,
                egress,
                ..Scenario::default()
            };
            let subnet = s.access_profile().subnet_id.unwrap_or_default();
            assert_eq!(subnet, apiserver_subnet_id(&s), "{egress:?}");
            assert_eq!(
                subnet.contains("/vnet-aks-ntwdemo1/"),
                egress != Egress::Lb,
                "{subnet}"
            );
            // With the managed VNet AKS creates the subnet itself and az names none.
            if egress != Egress::Lb {
                for text in [az_create(&s), terraform(&s), bicep(&s)] {
                    assert!(text.contains(&subnet), "{egress:?}: {text}");
                }
            }
        }
    }
}
