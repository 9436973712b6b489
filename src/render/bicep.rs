//! The scenario's cluster as Bicep: a `Microsoft.ContainerService/managedClusters@2025-05-01`
//! resource, with ARM's property casing (`authorizedIPRanges`, `privateDNSZone`,
//! `enablePrivateClusterPublicFQDN`, `enableVnetIntegration`, `subnetId`, `disableRunCommand`),
//! because that casing is exactly where hand-written templates go wrong (docs/aks-facts.md §6, §7),
//! and the resources it needs first. As with the other renderers, invalid settings are
//! reproduced, not fixed; the node pool is illustrative, the network profile (Azure CNI Overlay,
//! the address plan's pod and service CIDRs, `natGatewayProfile` for the managed NAT gateway)
//! is the one the widget draws. No `kubernetesVersion`: the article's 1.26.6 is out of support.
//!
//! Before the cluster: the firewall route table and the node subnet that uses it, the
//! user-assigned identity, the BYO zone (and its link to the hub), the identity's
//! `Microsoft.Authorization/roleAssignments` (built-in role definition ids, names from
//! `guid()` so redeploying is idempotent); the cluster's `dependsOn` lists the subnet and the
//! assignments.

use super::resources::{
    apiserver_subnet_id, byo_vnet, byo_vnet_name, byo_zone, byo_zone_hub_link, byo_zone_name,
    cluster_cidrs, cluster_notes, firewall_note, hub_vnet_id, identity_id, identity_name,
    managed_vnet_note, needs_user_identity, node_subnet_id, outbound_type, private_dns_zone_value,
    ranges_entries, roles, route_table_name, Role, ARM_API_VERSION, FIREWALL_ROUTE_NAME,
    HUB_LINK_NAME, MANAGED_OUTBOUND_IPS, MANAGED_VNET_NOTE, NETWORK_PLUGIN, NETWORK_PLUGIN_MODE,
};
use crate::model::names::dns_prefix;
use crate::model::scenario::{Egress, Scenario};

/// A Bicep value.
enum V<'a> {
    Raw(String),
    Str(String),
    /// A string borrowed from the scenario (the authorized ranges: no copy per entry).
    Borrowed(&'a str),
    Obj(Vec<(String, V<'a>)>),
    Arr(Vec<V<'a>>),
}

/// A Bicep string literal: single quotes, with `\`, `'`, `${` and control characters escaped.
pub fn bicep_string(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    push_bicep_string(&mut out, value);
    out
}

/// Appends [`bicep_string`]`(value)` to `out`.
fn push_bicep_string(out: &mut String, value: &str) {
    // Fast path: printable ASCII without `\`, `'` or `$` is copied as is.
    if value
        .bytes()
        .all(|b| (b' '..=b'~').contains(&b) && !matches!(b, b'\\' | b'\'' | b'$'))
    {
        out.push('\'');
        out.push_str(value);
        out.push('\'');
        return;
    }
    out.push('\'');
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '$' if chars.peek() == Some(&'{') => out.push_str("\\$"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('\'');
}

/// A property name: bare when it is an identifier, quoted otherwise (identity ids as keys).
fn key(k: &str) -> String {
    let ident = k
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if ident {
        k.to_string()
    } else {
        bicep_string(k)
    }
}

fn write(out: &mut String, v: &V<'_>, indent: usize) {
    let pad = || " ".repeat(indent + 2);
    match v {
        V::Raw(r) => out.push_str(r),
        V::Str(s) => push_bicep_string(out, s),
        V::Borrowed(s) => push_bicep_string(out, s),
        V::Obj(props) if props.is_empty() => out.push_str("{}"),
        V::Obj(props) => {
            let pad = pad();
            out.push_str("{\n");
            for (k, v) in props {
                out.push_str(&format!("{pad}{}: ", key(k)));
                write(out, v, indent + 2);
                out.push('\n');
            }
            out.push_str(&" ".repeat(indent));
            out.push('}');
        }
        V::Arr(items) if items.is_empty() => out.push_str("[]"),
        V::Arr(items) => {
            let pad = pad();
            out.push_str("[\n");
            for v in items {
                out.push_str(&pad);
                write(out, v, indent + 2);
                out.push('\n');
            }
            out.push_str(&" ".repeat(indent));
            out.push(']');
        }
    }
}

fn prop<'a>(k: &str, v: V<'a>) -> (String, V<'a>) {
    (k.to_string(), v)
}

/// API versions of the resources around the cluster.
const ROLE_ASSIGNMENTS: &str = "Microsoft.Authorization/roleAssignments@2022-04-01";
const IDENTITIES: &str = "Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31";
const PRIVATE_DNS_ZONES: &str = "Microsoft.Network/privateDnsZones@2020-06-01";
const ZONE_LINKS: &str = "Microsoft.Network/privateDnsZones/virtualNetworkLinks@2020-06-01";
const NETWORK_API: &str = "2024-05-01";

/// `resource <symbol> '<type>' [existing] = <body>` and a blank line.
fn declare(out: &mut String, symbol: &str, kind: &str, existing: bool, body: &V<'_>) {
    let existing = if existing { " existing" } else { "" };
    out.push_str(&format!("resource {symbol} '{kind}'{existing} = "));
    write(out, body, 0);
    out.push_str("\n\n");
}

/// `// <line>` for each line.
fn comments(out: &mut String, lines: &[String]) {
    for l in lines {
        out.push_str(&format!("// {l}\n"));
    }
}

/// The Bicep symbol of a role assignment.
fn role_symbol(role: Role) -> &'static str {
    match role {
        Role::PrivateDnsZoneContributor => "privateDnsZoneContributor",
        Role::NetworkContributor => "networkContributor",
    }
}

/// What the cluster needs first, declared into `out`; returns the symbols its `dependsOn`
/// lists.
fn prerequisites(out: &mut String, s: &Scenario) -> Vec<&'static str> {
    let c = &s.cluster;
    let mut deps = Vec::new();
    let raw = |r: &str| V::Raw(r.to_string());
    if byo_vnet(s) {
        comments(out, &[firewall_note(s)]);
        declare(
            out,
            "clusterVnet",
            &format!("Microsoft.Network/virtualNetworks@{NETWORK_API}"),
            true,
            &V::Obj(vec![prop("name", V::Str(byo_vnet_name(s)))]),
        );
        let route = V::Obj(vec![
            prop("name", V::Str(FIREWALL_ROUTE_NAME.into())),
            prop(
                "properties",
                V::Obj(vec![
                    prop("addressPrefix", V::Str("0.0.0.0/0".into())),
                    prop("nextHopType", V::Str("VirtualAppliance".into())),
                    prop(
                        "nextHopIpAddress",
                        V::Str(c.addresses.firewall_private_ip.to_string()),
                    ),
                ]),
            ),
        ]);
        declare(
            out,
            "routeTable",
            &format!("Microsoft.Network/routeTables@{NETWORK_API}"),
            false,
            &V::Obj(vec![
                prop("name", V::Str(route_table_name(s))),
                prop("location", V::Str(c.region.clone())),
                prop(
                    "properties",
                    V::Obj(vec![prop("routes", V::Arr(vec![route]))]),
                ),
            ]),
        );
        declare(
            out,
            "nodeSubnet",
            &format!("Microsoft.Network/virtualNetworks/subnets@{NETWORK_API}"),
            false,
            &V::Obj(vec![
                prop("parent", raw("clusterVnet")),
                prop("name", V::Str("snet-nodes".into())),
                prop(
                    "properties",
                    V::Obj(vec![
                        prop("addressPrefix", V::Str(c.addresses.node_subnet.to_string())),
                        prop("routeTable", V::Obj(vec![prop("id", raw("routeTable.id"))])),
                    ]),
                ),
            ]),
        );
        deps.push("nodeSubnet");
    }
    // A resource with only a name and a location.
    let named = |out: &mut String, symbol: &str, kind: &str, name: String, location: &str| {
        let body = vec![
            prop("name", V::Str(name)),
            prop("location", V::Str(location.to_string())),
        ];
        declare(out, symbol, kind, false, &V::Obj(body));
    };
    if needs_user_identity(s) {
        named(
            out,
            "clusterIdentity",
            IDENTITIES,
            identity_name(s),
            &c.region,
        );
    }
    if byo_zone(s) {
        named(
            out,
            "privateDnsZone",
            PRIVATE_DNS_ZONES,
            byo_zone_name(s),
            "global",
        );
        if byo_zone_hub_link(s) {
            declare(
                out,
                "hubLink",
                ZONE_LINKS,
                false,
                &V::Obj(vec![
                    prop("parent", raw("privateDnsZone")),
                    prop("name", V::Str(HUB_LINK_NAME.into())),
                    prop("location", V::Str("global".into())),
                    prop(
                        "properties",
                        V::Obj(vec![
                            prop("registrationEnabled", raw("false")),
                            prop(
                                "virtualNetwork",
                                V::Obj(vec![prop("id", V::Str(hub_vnet_id(s)))]),
                            ),
                        ]),
                    ),
                ]),
            );
        }
    }
    for role in roles(s) {
        let scope = match role {
            Role::PrivateDnsZoneContributor => "privateDnsZone",
            Role::NetworkContributor => "clusterVnet",
        };
        let def = role.definition_id();
        declare(
            out,
            role_symbol(role),
            ROLE_ASSIGNMENTS,
            false,
            &V::Obj(vec![
                prop(
                    "name",
                    raw(&format!("guid({scope}.id, clusterIdentity.id, '{def}')")),
                ),
                prop("scope", raw(scope)),
                prop(
                    "properties",
                    V::Obj(vec![
                        prop(
                            "roleDefinitionId",
                            raw(&format!("subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '{def}')")),
                        ),
                        prop("principalId", raw("clusterIdentity.properties.principalId")),
                        prop("principalType", V::Str("ServicePrincipal".into())),
                    ]),
                ),
            ]),
        );
        deps.push(role_symbol(role));
    }
    if managed_vnet_note(s) {
        comments(out, &[MANAGED_VNET_NOTE.to_string()]);
        out.push('\n');
    }
    deps
}

/// The declarations, ending with the cluster (`resource aks '…' = { … }`) under the Kubernetes
/// version note (and the bootstrap failure warning when the create would fail), and a newline.
pub fn bicep(s: &Scenario) -> String {
    let c = &s.cluster;
    let mut pool = vec![
        prop("name", V::Str("nodepool1".into())),
        prop("count", V::Raw("1".into())),
        prop("vmSize", V::Str("Standard_D2s_v5".into())),
        prop("mode", V::Str("System".into())),
    ];
    if let Some(subnet) = node_subnet_id(s) {
        pool.push(prop("vnetSubnetID", V::Str(subnet)));
    }

    let mut profile = Vec::new();
    if s.is_private() {
        profile.push(prop("enablePrivateCluster", V::Raw("true".into())));
    } else if s.vnet_integration() {
        profile.push(prop("enablePrivateCluster", V::Raw("false".into())));
    }
    if let Some(zone) = private_dns_zone_value(s) {
        profile.push(prop("privateDNSZone", V::Str(zone)));
    }
    if s.is_private() || s.public_fqdn.is_some() {
        let on = if s.is_private() {
            s.public_fqdn_enabled()
        } else {
            s.public_fqdn.unwrap_or(true)
        };
        profile.push(prop(
            "enablePrivateClusterPublicFQDN",
            V::Raw(on.to_string()),
        ));
    }
    let ranges = ranges_entries(s);
    if !ranges.is_empty() {
        profile.push(prop(
            "authorizedIPRanges",
            V::Arr(ranges.into_iter().map(V::Borrowed).collect()),
        ));
    }
    if s.vnet_integration() {
        profile.push(prop("enableVnetIntegration", V::Raw("true".into())));
        profile.push(prop("subnetId", V::Str(apiserver_subnet_id(s))));
    }
    profile.push(prop(
        "disableRunCommand",
        V::Raw((!s.run_command).to_string()),
    ));

    let identity = if needs_user_identity(s) {
        V::Obj(vec![
            prop("type", V::Str("UserAssigned".into())),
            prop(
                "userAssignedIdentities",
                V::Obj(vec![(identity_id(s), V::Obj(Vec::new()))]),
            ),
        ])
    } else {
        V::Obj(vec![prop("type", V::Str("SystemAssigned".into()))])
    };

    let [pod, service, dns] = cluster_cidrs(s);
    let mut network = vec![
        prop("networkPlugin", V::Str(NETWORK_PLUGIN.into())),
        prop("networkPluginMode", V::Str(NETWORK_PLUGIN_MODE.into())),
        prop("podCidr", V::Str(pod)),
        prop("serviceCidr", V::Str(service)),
        prop("dnsServiceIP", V::Str(dns)),
        prop("loadBalancerSku", V::Str("standard".into())),
        prop("outboundType", V::Str(outbound_type(s.egress).into())),
    ];
    if s.egress == Egress::NatGw {
        network.push(prop(
            "natGatewayProfile",
            V::Obj(vec![prop(
                "managedOutboundIPProfile",
                V::Obj(vec![prop(
                    "count",
                    V::Raw(MANAGED_OUTBOUND_IPS.to_string()),
                )]),
            )]),
        ));
    }

    let mut out = String::new();
    let deps = prerequisites(&mut out, s);
    let mut body = vec![
        prop("name", V::Str(c.name.clone())),
        prop("location", V::Str(c.region.clone())),
        prop("identity", identity),
        prop(
            "properties",
            V::Obj(vec![
                prop("dnsPrefix", V::Str(dns_prefix(c))),
                prop("agentPoolProfiles", V::Arr(vec![V::Obj(pool)])),
                prop("apiServerAccessProfile", V::Obj(profile)),
                prop("networkProfile", V::Obj(network)),
            ]),
        ),
    ];
    if !deps.is_empty() {
        body.push(prop(
            "dependsOn",
            V::Arr(deps.into_iter().map(|d| V::Raw(d.to_string())).collect()),
        ));
    }
    comments(&mut out, &cluster_notes(s, "authorizedIPRanges"));
    out.push_str(&format!(
        "resource aks 'Microsoft.ContainerService/managedClusters@{ARM_API_VERSION}' = "
    ));
    write(&mut out, &V::Obj(body), 0);
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scenario::{DnsZone, Mode};

    #[test]
    fn private_none_cluster() {
        let mut s = Scenario::default();
        s.cluster.name = "aks-ntwdemo2".into();
        s.mode = Mode::Private;
        s.dns = Some(DnsZone::None);
        let b = bicep(&s);
        assert!(b.starts_with(
            "// Kubernetes version: the AKS default (the article's 1.26 is out of support)\nresource aks 'Microsoft.ContainerService/managedClusters@2025-05-01' = {\n  name: 'aks-ntwdemo2'\n"
        ), "{b}");
        assert!(b.contains("    apiServerAccessProfile: {\n      enablePrivateCluster: true\n      privateDNSZone: 'none'\n      enablePrivateClusterPublicFQDN: true\n      disableRunCommand: false\n    }\n"));
        assert!(b.ends_with("  }\n}\n"));
    }

    #[test]
    fn authorized_ranges_and_vnet() {
        let s = Scenario {
            mode: Mode::Vnet,
            ranges: Some("1.1.1.1/32".into()),
            ..Scenario::default()
        };
        let b = bicep(&s);
        assert!(b.contains("      enablePrivateCluster: false\n      authorizedIPRanges: [\n        '1.1.1.1/32'\n      ]\n      enableVnetIntegration: true\n      subnetId: '/subscriptions/"));
    }

    #[test]
    fn user_assigned_identity_key_is_quoted() {
        let s = Scenario {
            mode: Mode::Private,
            dns: Some(DnsZone::Byo),
            ..Scenario::default()
        };
        let b = bicep(&s);
        assert!(b.contains("userAssignedIdentities: {\n      '/subscriptions/"));
        assert!(b.contains("': {}\n"));
    }

    #[test]
    fn strings_are_escaped() {
        assert_eq!(bicep_string("it's ${x} \\"), "'it\\'s \\${x} \\\\'");
    }
}
