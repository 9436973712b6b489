//! The scenario's cluster as Terraform (azurerm provider 4.x): `azurerm_kubernetes_cluster`
//! and the resources it needs first.
//!
//! Names from docs/aks-facts.md §7: `private_cluster_enabled`, `private_dns_zone_id` (`System`,
//! `None` or a zone id, capitalised as Terraform wants them), `private_cluster_public_fqdn_enabled`
//! (written explicitly for private clusters: Terraform's default is `false` where the az CLI's
//! is on, a classic source of surprise), `api_server_access_profile { authorized_ip_ranges,
//! virtual_network_integration_enabled, subnet_id }`, `run_command_enabled`, `dns_prefix` and
//! `network_profile { outbound_type, nat_gateway_profile { managed_outbound_ip_count } }`. Laid
//! out as `terraform fmt` would (two-space indent, `=` aligned across consecutive attributes).
//! Like the az command line, invalid settings are reproduced, not fixed. The node pool size is
//! illustrative; the network profile (Azure CNI Overlay, the address plan's pod and service
//! CIDRs) is the one the widget draws. No `kubernetes_version`: the article's 1.26.6 is out of
//! support, AKS picks its default.
//!
//! Before the cluster, as the provider's documentation shows for a BYO zone: the firewall
//! route table and its subnet association, the user-assigned identity, the BYO zone (and its
//! link to the hub), the identity's `azurerm_role_assignment`s; the cluster `depends_on` the
//! association and the assignments.

use super::resources::{
    apiserver_subnet_id, byo_vnet, byo_zone, byo_zone_hub_link, byo_zone_name, cluster_cidrs,
    cluster_notes, firewall_note, hub_vnet_id, identity_name, managed_vnet_note,
    needs_user_identity, node_subnet_id, outbound_type, private_dns_zone_value, ranges_entries,
    roles, route_table_name, Role, FIREWALL_ROUTE_NAME, HUB_LINK_NAME, MANAGED_OUTBOUND_IPS,
    MANAGED_VNET_NOTE, NETWORK_PLUGIN, NETWORK_PLUGIN_MODE,
};
use crate::model::names::dns_prefix;
use crate::model::scenario::{DnsZone, Egress, Scenario};

/// One line of a block: an attribute, a nested block, a comment or a blank separator.
enum Item {
    Attr(&'static str, String),
    Block(String, Vec<Item>),
    Comment(String),
    Blank,
}

/// An HCL string literal: `\`, `"` and control characters escaped, `${` / `%{` doubled so no
/// template is interpolated.
pub fn hcl_string(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    push_hcl_string(&mut out, value);
    out
}

/// Appends [`hcl_string`]`(value)` to `out`.
fn push_hcl_string(out: &mut String, value: &str) {
    // Fast path: printable ASCII without `\`, `"`, `$` or `%` is copied as is.
    if value
        .bytes()
        .all(|b| (b' '..=b'~').contains(&b) && !matches!(b, b'\\' | b'"' | b'$' | b'%'))
    {
        out.push('"');
        out.push_str(value);
        out.push('"');
        return;
    }
    out.push('"');
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '$' | '%' if chars.peek() == Some(&'{') => {
                out.push(c);
                out.push(c);
            }
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}

fn list<S: AsRef<str>>(values: &[S], indent: usize) -> String {
    if values.len() <= 3 {
        let inner: Vec<String> = values.iter().map(|v| hcl_string(v.as_ref())).collect();
        return format!("[{}]", inner.join(", "));
    }
    let pad = " ".repeat(indent + 2);
    let size: usize = values
        .iter()
        .map(|v| pad.len() + v.as_ref().len() + 4)
        .sum();
    let mut out = String::with_capacity(size + indent + 3);
    out.push_str("[\n");
    for v in values {
        out.push_str(&pad);
        push_hcl_string(&mut out, v.as_ref());
        out.push_str(",\n");
    }
    out.push_str(&" ".repeat(indent));
    out.push(']');
    out
}

fn write_items(out: &mut String, items: &[Item], indent: usize) {
    let pad = " ".repeat(indent);
    let mut i = 0;
    while i < items.len() {
        match &items[i] {
            Item::Blank => {
                out.push('\n');
                i += 1;
            }
            Item::Comment(text) => {
                out.push_str(&format!("{pad}# {text}\n"));
                i += 1;
            }
            Item::Block(header, inner) => {
                out.push_str(&format!("{pad}{header} {{\n"));
                write_items(out, inner, indent + 2);
                out.push_str(&format!("{pad}}}\n"));
                i += 1;
            }
            Item::Attr(..) => {
                let end = items[i..]
                    .iter()
                    .position(|it| !matches!(it, Item::Attr(..)))
                    .map_or(items.len(), |p| i + p);
                let width = items[i..end]
                    .iter()
                    .map(|it| match it {
                        Item::Attr(k, _) => k.len(),
                        _ => 0,
                    })
                    .max()
                    .unwrap_or(0);
                for it in &items[i..end] {
                    if let Item::Attr(k, v) = it {
                        // `{pad}{k:<width$} = {v}\n`, without copying `v` (a 2,000-range list is
                        // 40 KB) through a growing `format!` buffer.
                        out.reserve(pad.len() + width + v.len() + 4);
                        out.push_str(&pad);
                        out.push_str(k);
                        for _ in k.chars().count()..width {
                            out.push(' ');
                        }
                        out.push_str(" = ");
                        out.push_str(v);
                        out.push('\n');
                    }
                }
                i = end;
            }
        }
    }
}

fn bool_text(b: bool) -> String {
    b.to_string()
}

/// `[\n  a,\n  b,\n]` of references (not strings), as `terraform fmt` lays out `depends_on`.
fn refs(values: &[String], indent: usize) -> String {
    let pad = " ".repeat(indent + 2);
    let mut out = String::from("[\n");
    for v in values {
        out.push_str(&format!("{pad}{v},\n"));
    }
    out.push_str(&" ".repeat(indent));
    out.push(']');
    out
}

/// `resource "<kind>" "<name>" { … }`.
fn resource(kind: &str, name: &str, body: Vec<Item>) -> Item {
    Item::Block(format!("resource \"{kind}\" \"{name}\""), body)
}

/// `name`, `location` (when given) and `resource_group_name`, the first lines of most resources.
fn placed(s: &Scenario, name: &str, location: bool) -> Vec<Item> {
    let c = &s.cluster;
    let mut out = vec![Item::Attr("name", hcl_string(name))];
    if location {
        out.push(Item::Attr("location", hcl_string(&c.region)));
    }
    out.push(Item::Attr(
        "resource_group_name",
        hcl_string(&c.resource_group),
    ));
    out
}

/// Appends a resource and the blank line after it.
fn push_resource(items: &mut Vec<Item>, item: Item) {
    items.push(item);
    items.push(Item::Blank);
}

/// The Terraform address a role assignment is declared under.
fn role_address(role: Role) -> &'static str {
    match role {
        Role::PrivateDnsZoneContributor => "azurerm_role_assignment.private_dns_zone_contributor",
        Role::NetworkContributor => "azurerm_role_assignment.network_contributor",
    }
}

/// What the cluster needs first, in order, and the addresses its `depends_on` lists.
fn prerequisites(s: &Scenario) -> (Vec<Item>, Vec<String>) {
    let mut items = Vec::new();
    let mut deps = Vec::new();
    if byo_vnet(s) {
        items.push(Item::Comment(firewall_note(s)));
        let mut table = placed(s, &route_table_name(s), true);
        table.push(Item::Blank);
        table.push(Item::Block(
            "route".into(),
            vec![
                Item::Attr("name", hcl_string(FIREWALL_ROUTE_NAME)),
                Item::Attr("address_prefix", hcl_string("0.0.0.0/0")),
                Item::Attr("next_hop_type", hcl_string("VirtualAppliance")),
                Item::Attr(
                    "next_hop_in_ip_address",
                    hcl_string(&s.cluster.addresses.firewall_private_ip.to_string()),
                ),
            ],
        ));
        push_resource(&mut items, resource("azurerm_route_table", "aks", table));
        let subnet = node_subnet_id(s).unwrap_or_default();
        push_resource(
            &mut items,
            resource(
                "azurerm_subnet_route_table_association",
                "nodes",
                vec![
                    Item::Attr("subnet_id", hcl_string(&subnet)),
                    Item::Attr("route_table_id", "azurerm_route_table.aks.id".into()),
                ],
            ),
        );
        deps.push("azurerm_subnet_route_table_association.nodes".to_string());
    }
    if needs_user_identity(s) {
        let identity = placed(s, &identity_name(s), true);
        push_resource(
            &mut items,
            resource("azurerm_user_assigned_identity", "aks", identity),
        );
    }
    if byo_zone(s) {
        let zone = placed(s, &byo_zone_name(s), false);
        push_resource(
            &mut items,
            resource("azurerm_private_dns_zone", "aks", zone),
        );
        if byo_zone_hub_link(s) {
            let mut link = placed(s, HUB_LINK_NAME, false);
            link.push(Item::Attr(
                "private_dns_zone_name",
                "azurerm_private_dns_zone.aks.name".into(),
            ));
            link.push(Item::Attr(
                "virtual_network_id",
                hcl_string(&hub_vnet_id(s)),
            ));
            link.push(Item::Attr("registration_enabled", "false".into()));
            push_resource(
                &mut items,
                resource("azurerm_private_dns_zone_virtual_network_link", "hub", link),
            );
        }
    }
    for role in roles(s) {
        let scope = match role {
            Role::PrivateDnsZoneContributor => "azurerm_private_dns_zone.aks.id".to_string(),
            Role::NetworkContributor => hcl_string(&role.scope_id(s)),
        };
        let address = role_address(role);
        push_resource(
            &mut items,
            resource(
                "azurerm_role_assignment",
                address.trim_start_matches("azurerm_role_assignment."),
                vec![
                    Item::Attr("scope", scope),
                    Item::Attr("role_definition_name", hcl_string(role.name())),
                    Item::Attr(
                        "principal_id",
                        "azurerm_user_assigned_identity.aks.principal_id".into(),
                    ),
                ],
            ),
        );
        deps.push(address.to_string());
    }
    if managed_vnet_note(s) {
        items.push(Item::Comment(MANAGED_VNET_NOTE.to_string()));
        items.push(Item::Blank);
    }
    (items, deps)
}

/// The cluster and what it needs first: the firewall route table, the user-assigned identity,
/// the BYO zone (and its hub link), the identity's role assignments, then
/// `resource "azurerm_kubernetes_cluster" "aks" { … }` with `depends_on` on them, under the
/// Kubernetes version note (and the bootstrap failure warning when the create would fail).
/// Ends with a newline.
pub fn terraform(s: &Scenario) -> String {
    let c = &s.cluster;
    let mut top = vec![
        Item::Attr("name", hcl_string(&c.name)),
        Item::Attr("location", hcl_string(&c.region)),
        Item::Attr("resource_group_name", hcl_string(&c.resource_group)),
        Item::Attr("dns_prefix", hcl_string(&dns_prefix(c))),
        Item::Blank,
        Item::Attr("private_cluster_enabled", bool_text(s.is_private())),
    ];
    let zone = match s.dns_zone() {
        Some(DnsZone::System) if s.dns.is_none() => Some(hcl_string("System")),
        _ if byo_zone(s) => Some("azurerm_private_dns_zone.aks.id".to_string()),
        _ => private_dns_zone_value(s).map(|z| match z.as_str() {
            "system" => hcl_string("System"),
            "none" => hcl_string("None"),
            _ => hcl_string(&z),
        }),
    };
    if let Some(zone) = zone {
        top.push(Item::Attr("private_dns_zone_id", zone));
    }
    if s.is_private() || s.public_fqdn.is_some() {
        let on = if s.is_private() {
            s.public_fqdn_enabled()
        } else {
            s.public_fqdn.unwrap_or(true)
        };
        top.push(Item::Attr(
            "private_cluster_public_fqdn_enabled",
            bool_text(on),
        ));
    }
    top.push(Item::Attr("run_command_enabled", bool_text(s.run_command)));

    let ranges = ranges_entries(s);
    let mut profile = Vec::new();
    if !ranges.is_empty() {
        profile.push(Item::Attr("authorized_ip_ranges", list(&ranges, 4)));
    }
    if s.vnet_integration() {
        profile.push(Item::Attr(
            "virtual_network_integration_enabled",
            "true".to_string(),
        ));
        profile.push(Item::Attr("subnet_id", hcl_string(&apiserver_subnet_id(s))));
    }
    if !profile.is_empty() {
        top.push(Item::Blank);
        top.push(Item::Block("api_server_access_profile".into(), profile));
    }

    let mut pool = vec![
        Item::Attr("name", hcl_string("nodepool1")),
        Item::Attr("node_count", "1".to_string()),
        Item::Attr("vm_size", hcl_string("Standard_D2s_v5")),
    ];
    if let Some(subnet) = node_subnet_id(s) {
        pool.push(Item::Attr("vnet_subnet_id", hcl_string(&subnet)));
    }
    top.push(Item::Blank);
    top.push(Item::Block("default_node_pool".into(), pool));

    let identity = if needs_user_identity(s) {
        vec![
            Item::Attr("type", hcl_string("UserAssigned")),
            Item::Attr(
                "identity_ids",
                "[azurerm_user_assigned_identity.aks.id]".to_string(),
            ),
        ]
    } else {
        vec![Item::Attr("type", hcl_string("SystemAssigned"))]
    };
    top.push(Item::Blank);
    top.push(Item::Block("identity".into(), identity));

    let [pod, service, dns] = cluster_cidrs(s);
    let mut network = vec![
        Item::Attr("network_plugin", hcl_string(NETWORK_PLUGIN)),
        Item::Attr("network_plugin_mode", hcl_string(NETWORK_PLUGIN_MODE)),
        Item::Attr("pod_cidr", hcl_string(&pod)),
        Item::Attr("service_cidr", hcl_string(&service)),
        Item::Attr("dns_service_ip", hcl_string(&dns)),
        Item::Attr("load_balancer_sku", hcl_string("standard")),
        Item::Attr("outbound_type", hcl_string(outbound_type(s.egress))),
    ];
    if s.egress == Egress::NatGw {
        network.push(Item::Blank);
        network.push(Item::Block(
            "nat_gateway_profile".into(),
            vec![Item::Attr(
                "managed_outbound_ip_count",
                MANAGED_OUTBOUND_IPS.to_string(),
            )],
        ));
    }
    top.push(Item::Blank);
    top.push(Item::Block("network_profile".into(), network));

    let (mut items, deps) = prerequisites(s);
    if !deps.is_empty() {
        top.push(Item::Blank);
        top.push(Item::Attr("depends_on", refs(&deps, 2)));
    }
    items.extend(
        cluster_notes(s, "authorized_ip_ranges")
            .into_iter()
            .map(Item::Comment),
    );
    items.push(resource("azurerm_kubernetes_cluster", "aks", top));

    let mut out = String::new();
    write_items(&mut out, &items, 0);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scenario::Mode;

    #[test]
    fn private_system_cluster() {
        let mut s = Scenario::default();
        s.cluster.name = "aks-ntwdemo11".into();
        s.mode = Mode::Private;
        let tf = terraform(&s);
        assert!(tf.starts_with("# Kubernetes version: the AKS default (the article's 1.26 is out of support)\nresource \"azurerm_kubernetes_cluster\" \"aks\" {\n  name                = \"aks-ntwdemo11\"\n"), "{tf}");
        assert!(tf.contains("  private_cluster_enabled             = true\n"));
        assert!(tf.contains("  private_dns_zone_id                 = \"System\"\n"));
        assert!(tf.contains("  private_cluster_public_fqdn_enabled = true\n"));
        assert!(tf.contains("  run_command_enabled                 = true\n"));
        assert!(!tf.contains("api_server_access_profile"));
        assert!(tf.contains("    outbound_type       = \"loadBalancer\"\n"));
        assert!(!tf.contains("depends_on"));
        assert!(tf.ends_with("  }\n}\n"));
    }

    #[test]
    fn authorized_and_vnet() {
        let s = Scenario {
            mode: Mode::Vnet,
            ranges: Some("1.1.1.1/32,2.2.2.0/24".into()),
            ..Scenario::default()
        };
        let tf = terraform(&s);
        assert!(tf.contains("  api_server_access_profile {\n    authorized_ip_ranges                = [\"1.1.1.1/32\", \"2.2.2.0/24\"]\n    virtual_network_integration_enabled = true\n    subnet_id                           = \"/subscriptions/"));
        assert!(
            tf.contains("  private_cluster_enabled = false\n  run_command_enabled     = true\n")
        );
    }

    #[test]
    fn byo_zone_uses_a_user_assigned_identity_and_none_is_capitalised() {
        let mut s = Scenario {
            mode: Mode::Private,
            dns: Some(DnsZone::Byo),
            ..Scenario::default()
        };
        let tf = terraform(&s);
        assert!(
            tf.contains("private_dns_zone_id                 = azurerm_private_dns_zone.aks.id\n")
        );
        assert!(tf.contains("type         = \"UserAssigned\""));
        assert!(tf.contains("identity_ids = [azurerm_user_assigned_identity.aks.id]\n"));
        s.dns = Some(DnsZone::None);
        assert!(terraform(&s).contains("= \"None\""));
    }

    #[test]
    fn strings_are_escaped() {
        assert_eq!(hcl_string("a\"b\\c${x}%{y}"), "\"a\\\"b\\\\c$${x}%%{y}\"");
        let s = Scenario {
            mode: Mode::Authorized,
            ranges: Some("${file(\"/etc/passwd\")}".into()),
            ..Scenario::default()
        };
        assert!(terraform(&s).contains("[\"$${file(\\\"/etc/passwd\\\")}\"]"));
    }
}
