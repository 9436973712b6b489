//! The Azure resources around the cluster that command lines and IaC refer to, derived once so
//! that `az aks create`, `az aks update`, Terraform and Bicep name the same things.
//!
//! Decisions (no source fixes these names; they only need to be consistent and realistic):
//! * outbound types `loadBalancer` and `managedNATGateway` (`egress=natgw`) keep the AKS-managed
//!   VNet of the article; a firewall (`userDefinedRouting`) needs a subnet prepared beforehand
//!   (az: "--vnet-subnet-id must be specified for userDefinedRouting…"), so that scenario brings
//!   its own VNet `vnet-<cluster>` in the cluster's resource group, with subnets `snet-nodes`
//!   and, for VNet integration, `snet-apiserver` (delegated, /28), peered with the hub;
//! * that node subnet gets the route table `rt-<cluster>` before the cluster: route
//!   `default-to-hub-firewall` sends `0.0.0.0/0` to the hub firewall's private IP (Microsoft's
//!   `egress-udr.md`: outbound type UDR requires a `0.0.0.0/0` route to an NVA, which AKS
//!   validates);
//! * a BYO private DNS zone, or VNet integration in a BYO VNet, needs a user-assigned identity
//!   (`--assign-identity`), named `id-<cluster>` in the cluster's resource group, and that
//!   identity needs its roles before the cluster is created ([`Role`]);
//! * the hub VNet is `vnet-hub` in resource group `rg-hub` of the cluster's subscription; a BYO
//!   zone is linked to it (`link-hub`) when the scenario links the zone to the hub.

use std::net::Ipv4Addr;

use crate::model::kubectl::{BOOTSTRAP_CONN_FAIL, BOOTSTRAP_CONN_FAIL_EXIT};
use crate::model::names::Names;
use crate::model::ranges::ParsedRanges;
use crate::model::scenario::{DnsZone, Egress, Mode, Scenario};
use crate::model::simulate::Analysis;

/// The API version the Bicep snippet and the ARM names follow (docs/aks-facts.md §7).
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

/// The user-assigned identity's name (`id-<cluster>`).
pub fn identity_name(s: &Scenario) -> String {
    format!("id-{}", s.cluster.name)
}

/// User-assigned identity id for `--assign-identity`.
pub fn identity_id(s: &Scenario) -> String {
    format!(
        "{}/Microsoft.ManagedIdentity/userAssignedIdentities/{}",
        rg_prefix(s),
        identity_name(s)
    )
}

/// True when a user-assigned identity is required: BYO private DNS zone (AKS does not support a
/// system-assigned identity with a custom zone), or VNet integration in a BYO VNet.
pub fn needs_user_identity(s: &Scenario) -> bool {
    s.dns == Some(DnsZone::Byo) || (s.mode == Mode::Vnet && byo_vnet(s))
}

/// The name of a BYO private DNS zone: `privatelink.<region>.azmk8s.io`, or
/// `private.<region>.azmk8s.io` with VNet integration (docs/aks-facts.md §3, §4).
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
        DnsZone::Byo => byo_zone_id(s),
    })
}

/// The outbound type as ARM / az spell it. A NAT gateway is always the AKS-managed one
/// (`managedNATGateway`): `egress=natgw` keeps the AKS-managed VNet ([`Scenario::byo_vnet`]).
pub fn outbound_type(e: Egress) -> &'static str {
    match e {
        Egress::Lb => "loadBalancer",
        Egress::NatGw => "managedNATGateway",
        Egress::Firewall => "userDefinedRouting",
    }
}

/// The managed outbound IPs of the load balancer or the managed NAT gateway: one, the egress IP
/// the widget draws.
pub const MANAGED_OUTBOUND_IPS: u8 = 1;

/// The az flags that set the outbound type, with the managed outbound IP count where AKS
/// manages the egress device (Microsoft's `az aks update --outbound-type` examples pass one).
pub fn outbound_flags(e: Egress) -> String {
    let count = match e {
        Egress::Lb => "--load-balancer-managed-outbound-ip-count",
        Egress::NatGw => "--nat-gateway-managed-outbound-ip-count",
        Egress::Firewall => return format!("--outbound-type {}", outbound_type(e)),
    };
    format!(
        "--outbound-type {} {count} {MANAGED_OUTBOUND_IPS}",
        outbound_type(e)
    )
}

/// True when a cluster in the AKS-managed VNet (`byo_vnet == false`) or in its own VNet can use
/// outbound type `e` (Microsoft's migration tables: `managedNATGateway` only in the managed
/// VNet, `userDefinedRouting` only in a customer VNet, `loadBalancer` in both).
pub fn egress_fits_vnet(e: Egress, byo_vnet: bool) -> bool {
    match e {
        Egress::Lb => true,
        Egress::NatGw => !byo_vnet,
        Egress::Firewall => byo_vnet,
    }
}

/// The one comment line every IaC output carries in place of a Kubernetes version: the
/// article's 1.26.6 is out of support, so the version is left to AKS (its default at creation).
/// The transcripts keep the article's version: they reproduce what it printed.
pub const KUBERNETES_VERSION_NOTE: &str =
    "Kubernetes version: the AKS default (the article's 1.26 is out of support)";

/// Azure CNI Overlay, as all three outputs build the cluster (what the widget draws: pod IPs
/// outside the VNet, konnectivity-agent kept for API server → pod traffic).
pub const NETWORK_PLUGIN: &str = "azure";
/// See [`NETWORK_PLUGIN`].
pub const NETWORK_PLUGIN_MODE: &str = "overlay";

/// The cluster's pod CIDR, service CIDR and DNS service IP, from the address plan, as text.
pub fn cluster_cidrs(s: &Scenario) -> [String; 3] {
    let a = &s.cluster.addresses;
    [
        a.pod_cidr.to_string(),
        a.service_cidr.to_string(),
        a.dns_service_ip.to_string(),
    ]
}

/// Resource id of the hub VNet (`vnet-hub` in `rg-hub`).
pub fn hub_vnet_id(s: &Scenario) -> String {
    format!(
        "/subscriptions/{}/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub",
        s.cluster.subscription_id
    )
}

/// The name of the VNet link from a BYO zone to the hub VNet.
pub const HUB_LINK_NAME: &str = "link-hub";

/// The name of the route that sends the cluster's egress to the hub firewall.
pub const FIREWALL_ROUTE_NAME: &str = "default-to-hub-firewall";

/// The route table of a firewall scenario's node subnet.
pub fn route_table_name(s: &Scenario) -> String {
    format!("rt-{}", s.cluster.name)
}

/// The BYO VNet's name (`vnet-<cluster>`).
pub fn byo_vnet_name(s: &Scenario) -> String {
    format!("vnet-{}", s.cluster.name)
}

/// What a firewall scenario's IaC says about the network it relies on: the cluster's VNet,
/// peered with the hub, and the firewall's private IP the route points at.
pub fn firewall_note(s: &Scenario) -> String {
    let a = &s.cluster.addresses;
    format!(
        "Egress: snet-nodes of {} ({}) sends 0.0.0.0/0 to the hub firewall's private IP {}; the VNet is peered with the hub VNet ({}).",
        byo_vnet_name(s),
        a.vnet,
        a.firewall_private_ip,
        a.hub_vnet
    )
}

/// Why a BYO zone in the AKS-managed VNet gets no Network Contributor assignment.
pub const MANAGED_VNET_NOTE: &str = "No Network Contributor to assign: the cluster's VNet is the AKS-managed one, created with the cluster, and AKS links the zone to it.";

/// A built-in role the cluster's user-assigned identity needs before the cluster is created.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// On the BYO private DNS zone: AKS writes the API server's record and the link to the
    /// cluster's VNet there (docs/aks-facts.md §3; missing: `CustomPrivateDNSZoneMissingPermissionError`).
    PrivateDnsZoneContributor,
    /// On the customer's VNet: AKS joins its subnets (node subnet, delegated API server subnet)
    /// and links the BYO zone to it (docs/aks-facts.md §3, §4). Scoped to the VNet, which covers both
    /// subnets and the link.
    NetworkContributor,
}

impl Role {
    /// The built-in role's name.
    pub fn name(self) -> &'static str {
        match self {
            Role::PrivateDnsZoneContributor => "Private DNS Zone Contributor",
            Role::NetworkContributor => "Network Contributor",
        }
    }

    /// The built-in role definition's id (the same in every tenant).
    pub fn definition_id(self) -> &'static str {
        match self {
            Role::PrivateDnsZoneContributor => "b12aa53e-6015-4669-85d0-8515ebb3ae7f",
            Role::NetworkContributor => "4d97b98b-1d4f-4787-a291-c67834d15db7",
        }
    }

    /// The resource id the role is assigned on.
    pub fn scope_id(self, s: &Scenario) -> String {
        match self {
            Role::PrivateDnsZoneContributor => byo_zone_id(s),
            Role::NetworkContributor => vnet_id(s),
        }
    }
}

/// The resource id of the BYO private DNS zone.
pub fn byo_zone_id(s: &Scenario) -> String {
    Names::byo_zone_id(&s.cluster, &byo_zone_name(s))
}

/// True when the scenario brings its own private DNS zone (created before the cluster).
pub fn byo_zone(s: &Scenario) -> bool {
    s.dns == Some(DnsZone::Byo)
}

/// True when the BYO zone is linked to the hub VNet (the link is the customer's, made with the
/// zone; AKS adds the link to the cluster's VNet itself).
pub fn byo_zone_hub_link(s: &Scenario) -> bool {
    byo_zone(s) && s.zone_link
}

/// The roles the user-assigned identity needs before the cluster, in order: Private DNS Zone
/// Contributor on a BYO zone, Network Contributor on a customer VNet. None with a
/// system-assigned identity. With a BYO zone in the AKS-managed VNet only the zone's role can be
/// assigned beforehand ([`MANAGED_VNET_NOTE`]).
pub fn roles(s: &Scenario) -> Vec<Role> {
    let mut out = Vec::new();
    if !needs_user_identity(s) {
        return out;
    }
    if byo_zone(s) {
        out.push(Role::PrivateDnsZoneContributor);
    }
    if byo_vnet(s) {
        out.push(Role::NetworkContributor);
    }
    out
}

/// True when the IaC says why no Network Contributor is assigned (BYO zone, managed VNet).
pub fn managed_vnet_note(s: &Scenario) -> bool {
    byo_zone(s) && !byo_vnet(s)
}

/// Why `az aks create` with the scenario's settings fails at node bootstrap: the authorized
/// ranges omit the NAT gateway's or firewall's egress IP ([`Analysis::node_egress_blocked`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BootstrapFailure {
    /// The egress device, in words (`the NAT gateway`, `the hub firewall`).
    pub device: &'static str,
    /// Its public IP, the source address the API server sees.
    pub ip: Ipv4Addr,
    /// The ranges are `0.0.0.0/32` alone, which takes no other range: the fix replaces it.
    pub only_cluster_egress: bool,
}

/// The bootstrap failure of a valid create whose ranges omit the nodes' egress IP; `None`
/// otherwise (an invalid create fails earlier, with the message the validation shows).
///
/// Only `mode=authorized` with a NAT gateway or firewall can get there (AKS authorizes the load
/// balancer's outbound IP itself, and VNet-integrated nodes use the ILB), so every other
/// scenario, including 2,000 ranges with VNet integration, is answered without parsing.
pub fn bootstrap_failure(s: &Scenario) -> Option<BootstrapFailure> {
    if s.mode != Mode::Authorized || s.egress == Egress::Lb {
        return None;
    }
    let a = Analysis::new(s);
    if !a.validation().is_empty() || !a.node_egress_blocked() {
        return None;
    }
    let device = match s.egress {
        Egress::Firewall => "the hub firewall",
        Egress::Lb | Egress::NatGw => "the NAT gateway",
    };
    let only_cluster_egress = s
        .ranges_text()
        .is_some_and(|t| ParsedRanges::parse(t, s.max_ranges()).only_cluster_egress());
    Some(BootstrapFailure {
        device,
        ip: s.node_egress_ip(),
        only_cluster_egress,
    })
}

impl BootstrapFailure {
    /// The warning, one comment line per item (without the comment marker); `field` is how the
    /// output names the authorized ranges (`--api-server-authorized-ip-ranges`,
    /// `authorized_ip_ranges`, `authorizedIPRanges`).
    pub fn lines(&self, s: &Scenario, field: &str) -> Vec<String> {
        let ip = self.ip;
        let fix = if self.only_cluster_egress {
            format!("Fix: replace 0.0.0.0/32 with {ip}/32 in {field} (0.0.0.0/32 admits only the load balancer's outbound IP and takes no other range).")
        } else {
            format!("Fix: add {ip}/32 to {field}.")
        };
        vec![
            format!("This create fails at node bootstrap: {BOOTSTRAP_CONN_FAIL} (exit status {BOOTSTRAP_CONN_FAIL_EXIT})."),
            format!("Why: the nodes leave through {}'s public IP {ip}, which the authorized ranges omit; AKS authorizes only the load balancer's outbound IP by itself.", self.device),
            fix,
            format!(
                "The NotReady nodes the widget shows are a running cluster updated into this state: az aks update -n {} -g {} --api-server-authorized-ip-ranges <these ranges>.",
                s.cluster.name, s.cluster.resource_group
            ),
        ]
    }
}

/// The comment lines an output puts right above its cluster, without their comment marker:
/// the Kubernetes version note, then the bootstrap failure warning when the create would fail.
/// `field` is how the output names the authorized ranges.
pub fn cluster_notes(s: &Scenario, field: &str) -> Vec<String> {
    let mut out = vec![KUBERNETES_VERSION_NOTE.to_string()];
    if let Some(f) = bootstrap_failure(s) {
        out.extend(f.lines(s, field));
    }
    out
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
            text.split(',')
                .map(str::trim)
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
    /// for the managed VNet and for the BYO VNet a firewall needs.
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
                egress == Egress::Firewall,
                "{subnet}"
            );
            // With the managed VNet AKS creates the subnet itself and az names none.
            if egress == Egress::Firewall {
                for text in [az_create(&s), terraform(&s), bicep(&s)] {
                    assert!(text.contains(&subnet), "{egress:?}: {text}");
                }
            }
        }
    }
}

#[cfg(test)]
mod iac_tests {
    use std::net::Ipv4Addr;

    use ipnet::Ipv4Net;

    use super::*;
    use crate::link::parse;
    use crate::render::{az_create, bicep, terraform, transcript};

    /// The three outputs that build a cluster: az commands, Terraform, Bicep.
    fn outputs(fragment: &str) -> [(&'static str, String); 3] {
        let s = parse(fragment).0.scenario;
        [
            ("az", az_create(&s)),
            ("terraform", terraform(&s)),
            ("bicep", bicep(&s)),
        ]
    }

    /// Scenarios covering every mode, zone, egress and the hub link.
    const FRAGMENTS: &[&str] = &[
        "",
        "mode=authorized&ranges=81.56.12.7/32&egress=natgw",
        "mode=authorized&ranges=81.56.12.7/32,20.81.96.14/32&egress=firewall",
        "mode=private&dns=system",
        "mode=private&dns=none&egress=natgw",
        "mode=private&dns=byo&zonelink=on",
        "mode=private&dns=byo&egress=firewall&zonelink=on",
        "mode=vnet&egress=firewall",
        "mode=vnet&private=on&dns=byo&egress=firewall&zonelink=on",
    ];

    /// Where `text` has `needle`.
    fn position(text: &str, needle: &str) -> usize {
        text.find(needle)
            .unwrap_or_else(|| panic!("{needle} missing from:\n{text}"))
    }

    /// The article's 1.26.6 is out of support: no output pins a version, each says in one
    /// comment line that AKS picks its default; the transcripts keep the article's version.
    #[test]
    fn no_output_pins_the_articles_kubernetes_version() {
        for fragment in FRAGMENTS {
            for (kind, text) in outputs(fragment) {
                for pin in [
                    "1.26.6",
                    "--kubernetes-version",
                    "kubernetes_version",
                    "kubernetesVersion",
                ] {
                    assert!(!text.contains(pin), "{fragment} {kind}: {pin}\n{text}");
                }
                let notes = text
                    .lines()
                    .filter(|l| l.contains(KUBERNETES_VERSION_NOTE))
                    .count();
                assert_eq!(notes, 1, "{fragment} {kind}\n{text}");
            }
        }
        let s = Scenario::default();
        assert!(transcript(&s).contains("v1.26.6"));
        assert_eq!(s.cluster.kubernetes_version, "1.26.6");
    }

    /// A BYO zone in a customer VNet: the identity, the zone, its hub link and both role
    /// assignments come before the cluster, which depends on them and uses the identity.
    #[test]
    fn byo_zone_roles_come_before_the_cluster() {
        let fragment = "mode=private&dns=byo&egress=firewall&zonelink=on";
        let [(_, az), (_, tf), (_, bc)] = outputs(fragment);

        // Each output: where the cluster starts, what must come before it, what it then says.
        let cases: [(&str, &str, &[&str], &[&str]); 3] = [
            (&az, "\naz aks create ", &[
                "principal=$(az identity create -g aksntwdemo -n id-aks-ntwdemo1 ",
                "az network private-dns zone create -g aksntwdemo -n privatelink.eastus.azmk8s.io",
                "az network private-dns link vnet create -g aksntwdemo -z privatelink.eastus.azmk8s.io -n link-hub -v /subscriptions/16e85b2c-7d3a-4f19-9b8e-5a0c1d2e3f40/resourceGroups/rg-hub/",
                "--role 'Private DNS Zone Contributor' --scope /subscriptions/16e85b2c-7d3a-4f19-9b8e-5a0c1d2e3f40/resourceGroups/aksntwdemo/providers/Microsoft.Network/privateDnsZones/privatelink.eastus.azmk8s.io\n",
                "--role 'Network Contributor' --scope /subscriptions/16e85b2c-7d3a-4f19-9b8e-5a0c1d2e3f40/resourceGroups/aksntwdemo/providers/Microsoft.Network/virtualNetworks/vnet-aks-ntwdemo1\n",
            ], &["--assign-identity /subscriptions/"]),
            (&tf, "resource \"azurerm_kubernetes_cluster\" \"aks\"", &[
                "resource \"azurerm_user_assigned_identity\" \"aks\"",
                "resource \"azurerm_private_dns_zone\" \"aks\"",
                "resource \"azurerm_private_dns_zone_virtual_network_link\" \"hub\"",
                "resource \"azurerm_role_assignment\" \"private_dns_zone_contributor\" {\n  scope                = azurerm_private_dns_zone.aks.id\n  role_definition_name = \"Private DNS Zone Contributor\"\n  principal_id         = azurerm_user_assigned_identity.aks.principal_id\n}",
                "resource \"azurerm_role_assignment\" \"network_contributor\" {\n  scope                = \"/subscriptions/16e85b2c-7d3a-4f19-9b8e-5a0c1d2e3f40/resourceGroups/aksntwdemo/providers/Microsoft.Network/virtualNetworks/vnet-aks-ntwdemo1\"\n  role_definition_name = \"Network Contributor\"",
            ], &[
                "    type         = \"UserAssigned\"\n    identity_ids = [azurerm_user_assigned_identity.aks.id]\n",
                "  depends_on = [\n    azurerm_subnet_route_table_association.nodes,\n    azurerm_role_assignment.private_dns_zone_contributor,\n    azurerm_role_assignment.network_contributor,\n  ]\n}\n",
            ]),
            (&bc, "resource aks 'Microsoft.ContainerService/managedClusters@", &[
                "resource clusterIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@",
                "resource privateDnsZone 'Microsoft.Network/privateDnsZones@",
                "resource hubLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@",
                "resource privateDnsZoneContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {\n  name: guid(privateDnsZone.id, clusterIdentity.id, 'b12aa53e-6015-4669-85d0-8515ebb3ae7f')\n  scope: privateDnsZone\n  properties: {\n    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b12aa53e-6015-4669-85d0-8515ebb3ae7f')\n    principalId: clusterIdentity.properties.principalId\n",
                "resource networkContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {\n  name: guid(clusterVnet.id, clusterIdentity.id, '4d97b98b-1d4f-4787-a291-c67834d15db7')\n  scope: clusterVnet\n  properties: {\n    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4d97b98b-1d4f-4787-a291-c67834d15db7')\n",
            ], &[
                "    type: 'UserAssigned'\n",
                "  dependsOn: [\n    nodeSubnet\n    privateDnsZoneContributor\n    networkContributor\n  ]\n}\n",
            ]),
        ];
        for (text, cluster, before, after) in cases {
            let at = position(text, cluster);
            for needle in before {
                assert!(position(text, needle) < at, "{needle}\n{text}");
            }
            for needle in after {
                assert!(text[at..].contains(needle), "{needle}\n{text}");
            }
        }
        assert!(position(&az, "principal=") < position(&az, "az role assignment"));
    }

    /// `egress=natgw` is the AKS-managed NAT gateway in the AKS-managed VNet in every output,
    /// with the one managed outbound IP the widget draws.
    #[test]
    fn nat_gateway_is_the_managed_one_everywhere() {
        let [(_, az), (_, tf), (_, bc)] = outputs("egress=natgw");
        assert!(
            az.ends_with(
                " --outbound-type managedNATGateway --nat-gateway-managed-outbound-ip-count 1"
            ),
            "{az}"
        );
        assert!(tf.contains("    outbound_type       = \"managedNATGateway\"\n\n    nat_gateway_profile {\n      managed_outbound_ip_count = 1\n    }\n"), "{tf}");
        assert!(bc.contains("      outboundType: 'managedNATGateway'\n      natGatewayProfile: {\n        managedOutboundIPProfile: {\n          count: 1\n        }\n      }\n"), "{bc}");
        for text in [&az, &tf, &bc] {
            for byo in ["userAssignedNATGateway", "vnet-aks-ntwdemo1", "snet-nodes"] {
                assert!(!text.contains(byo), "{byo}\n{text}");
            }
        }
        let show = crate::render::az_show_json(&parse("egress=natgw").0.scenario);
        assert!(
            show.contains("\"outboundType\": \"managedNATGateway\""),
            "{show}"
        );
        assert!(
            show.contains("\"networkPluginMode\": \"overlay\""),
            "{show}"
        );
    }

    /// With the AKS-managed VNet there is no customer VNet to grant Network Contributor on: the
    /// zone's role only, and a comment saying why; VNet integration in a customer VNet needs
    /// Network Contributor alone.
    #[test]
    fn roles_follow_whose_vnet_it_is() {
        let s = parse("mode=private&dns=byo").0.scenario;
        assert_eq!(roles(&s), vec![Role::PrivateDnsZoneContributor]);
        for (kind, text) in outputs("mode=private&dns=byo") {
            assert!(text.contains(MANAGED_VNET_NOTE), "{kind}");
            assert!(
                !text.contains(Role::NetworkContributor.definition_id()),
                "{kind}"
            );
            assert!(!text.contains("network_contributor"), "{kind}");
        }
        let s = parse("mode=vnet&egress=firewall").0.scenario;
        assert_eq!(roles(&s), vec![Role::NetworkContributor]);
        let s = parse("mode=private&egress=firewall").0.scenario;
        assert!(
            roles(&s).is_empty(),
            "system-assigned identity: no role to give beforehand"
        );
        let [(_, az), (_, tf), (_, bc)] = outputs("mode=private&dns=byo");
        assert!(
            !az.contains("link vnet create"),
            "no hub link unless the zone is linked to the hub"
        );
        assert!(tf.contains(
            "  depends_on = [\n    azurerm_role_assignment.private_dns_zone_contributor,\n  ]\n"
        ));
        assert!(bc.contains("  dependsOn: [\n    privateDnsZoneContributor\n  ]\n"));
    }

    /// The IPv4 addresses and networks an output writes.
    fn addresses(text: &str) -> Vec<Ipv4Net> {
        text.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '/'))
            .filter(|t| t.bytes().filter(|&b| b == b'.').count() == 3)
            .filter_map(|t| {
                let t = t.trim_end_matches('.');
                t.parse::<Ipv4Net>()
                    .ok()
                    .or_else(|| t.parse::<Ipv4Addr>().ok().map(Ipv4Net::from))
            })
            .collect()
    }

    /// All three outputs build the Azure CNI Overlay cluster the widget draws, with the address
    /// plan's pod CIDR, service CIDR and DNS service IP; every other private address they write
    /// (the hub, its firewall) is off the service CIDR, the pod CIDR and the cluster's VNet.
    #[test]
    fn addresses_come_from_the_address_plan() {
        let a = crate::model::cluster::AddressPlan::default();
        let (service, pod, vnet) = (a.service_cidr, a.pod_cidr, a.vnet);
        let dns = Ipv4Net::from(a.dns_service_ip);
        let private = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"]
            .map(|n| n.parse::<Ipv4Net>().unwrap_or_default());
        let overlaps =
            |x: &Ipv4Net, y: &Ipv4Net| x.contains(&y.network()) || y.contains(&x.network());
        for fragment in FRAGMENTS {
            for (kind, text) in outputs(fragment) {
                for cni in [["azure", "overlay"], ["10.244.0.0/16", "10.0.0.0/16"]] {
                    for word in cni {
                        assert!(text.contains(word), "{fragment} {kind}: {word}");
                    }
                }
                let found = addresses(&text);
                // Written once, in the network profile: a hub or on-prem range equal to one of
                // them (the old hub was the service CIDR) would show up a second time.
                for cluster_range in [service, pod, dns] {
                    let times = found.iter().filter(|&&x| x == cluster_range).count();
                    assert_eq!(times, 1, "{fragment} {kind}: {cluster_range}\n{text}");
                }
                for addr in found {
                    if [service, pod, dns].contains(&addr) || vnet.contains(&addr) {
                        continue;
                    }
                    if !private.iter().any(|p| p.contains(&addr)) {
                        continue; // public: authorized ranges, 0.0.0.0/0
                    }
                    for cluster_range in [service, pod, vnet] {
                        assert!(
                            !overlaps(&addr, &cluster_range),
                            "{fragment} {kind}: {addr} overlaps {cluster_range}\n{text}"
                        );
                    }
                }
            }
            let [(_, az), _, _] = outputs(fragment);
            assert!(az.contains("--network-plugin azure --network-plugin-mode overlay"));
        }
        // The firewall route points at the hub firewall's private IP, inside the hub.
        let hub = a.hub_vnet;
        assert!(hub.contains(&a.firewall_private_ip));
        for (kind, text) in outputs("mode=vnet&egress=firewall") {
            let found = addresses(&text);
            assert!(
                found.contains(&Ipv4Net::from(a.firewall_private_ip)),
                "{kind}"
            );
            assert!(found.contains(&hub), "{kind}");
            assert!(text.contains("0.0.0.0/0"), "{kind}");
        }
    }
}
