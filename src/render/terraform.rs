//! The scenario's cluster as a Terraform `azurerm_kubernetes_cluster` resource (provider 4.x).
//!
//! Names from aks-facts.md §7: `private_cluster_enabled`, `private_dns_zone_id` (`System`,
//! `None` or a zone id, capitalised as Terraform wants them), `private_cluster_public_fqdn_enabled`
//! (written explicitly for private clusters: Terraform's default is `false` where the az CLI's
//! is on, a classic source of surprise), `api_server_access_profile { authorized_ip_ranges,
//! virtual_network_integration_enabled, subnet_id }`, `run_command_enabled`, `dns_prefix` and
//! `network_profile { outbound_type }`. Laid out as `terraform fmt` would (two-space indent,
//! `=` aligned across consecutive attributes). Like the az command line, invalid settings are
//! reproduced, not fixed. Node pool size and network plugin (Azure CNI Overlay, today's az
//! default) are illustrative: the widget does not model them.

use super::resources::{
    apiserver_subnet_id, identity_id, needs_user_identity, node_subnet_id, outbound_type,
    private_dns_zone_value, ranges_entries,
};
use crate::model::names::dns_prefix;
use crate::model::scenario::{DnsZone, Scenario};

/// One line of a block: an attribute, a nested block, or a blank separator.
enum Item {
    Attr(&'static str, String),
    Block(String, Vec<Item>),
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

/// The `resource "azurerm_kubernetes_cluster" "aks" { … }` block, ending with a newline.
pub fn terraform(s: &Scenario) -> String {
    let c = &s.cluster;
    let mut top = vec![
        Item::Attr("name", hcl_string(&c.name)),
        Item::Attr("location", hcl_string(&c.region)),
        Item::Attr("resource_group_name", hcl_string(&c.resource_group)),
        Item::Attr("dns_prefix", hcl_string(&dns_prefix(c))),
        Item::Attr("kubernetes_version", hcl_string(&c.kubernetes_version)),
        Item::Blank,
        Item::Attr("private_cluster_enabled", bool_text(s.is_private())),
    ];
    let zone = match s.dns_zone() {
        Some(DnsZone::System) if s.dns.is_none() => Some("System".to_string()),
        _ => private_dns_zone_value(s).map(|z| match z.as_str() {
            "system" => "System".to_string(),
            "none" => "None".to_string(),
            _ => z,
        }),
    };
    if let Some(zone) = zone {
        top.push(Item::Attr("private_dns_zone_id", hcl_string(&zone)));
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
            Item::Attr("identity_ids", list(&[identity_id(s)], 4)),
        ]
    } else {
        vec![Item::Attr("type", hcl_string("SystemAssigned"))]
    };
    top.push(Item::Blank);
    top.push(Item::Block("identity".into(), identity));

    top.push(Item::Blank);
    top.push(Item::Block(
        "network_profile".into(),
        vec![
            Item::Attr("network_plugin", hcl_string("azure")),
            Item::Attr("network_plugin_mode", hcl_string("overlay")),
            Item::Attr("load_balancer_sku", hcl_string("standard")),
            Item::Attr("outbound_type", hcl_string(outbound_type(s.egress))),
        ],
    ));

    let mut out = String::new();
    write_items(
        &mut out,
        &[Item::Block(
            "resource \"azurerm_kubernetes_cluster\" \"aks\"".into(),
            top,
        )],
        0,
    );
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
        assert!(tf.starts_with("resource \"azurerm_kubernetes_cluster\" \"aks\" {\n  name                = \"aks-ntwdemo11\"\n"));
        assert!(tf.contains("  private_cluster_enabled             = true\n"));
        assert!(tf.contains("  private_dns_zone_id                 = \"System\"\n"));
        assert!(tf.contains("  private_cluster_public_fqdn_enabled = true\n"));
        assert!(tf.contains("  run_command_enabled                 = true\n"));
        assert!(!tf.contains("api_server_access_profile"));
        assert!(tf.contains("    outbound_type       = \"loadBalancer\"\n"));
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
        assert!(tf.contains("private_dns_zone_id                 = \"/subscriptions/"));
        assert!(tf.contains("type         = \"UserAssigned\""));
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
