//! The scenario's cluster as a Bicep `Microsoft.ContainerService/managedClusters@2025-05-01`
//! resource, with ARM's property casing (`authorizedIPRanges`, `privateDNSZone`,
//! `enablePrivateClusterPublicFQDN`, `enableVnetIntegration`, `subnetId`, `disableRunCommand`),
//! because that casing is exactly where hand-written templates go wrong (aks-facts.md §6, §7).
//! As with the other renderers, invalid settings are reproduced, not fixed; the node pool and
//! network plugin are illustrative.

use super::resources::{
    apiserver_subnet_id, identity_id, needs_user_identity, node_subnet_id, outbound_type,
    private_dns_zone_value, ranges_entries, ARM_API_VERSION,
};
use crate::model::names::dns_prefix;
use crate::model::scenario::Scenario;

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

/// The `resource aks '…' = { … }` declaration, ending with a newline.
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

    let body = V::Obj(vec![
        prop("name", V::Str(c.name.clone())),
        prop("location", V::Str(c.region.clone())),
        prop("identity", identity),
        prop(
            "properties",
            V::Obj(vec![
                prop("dnsPrefix", V::Str(dns_prefix(c))),
                prop("kubernetesVersion", V::Str(c.kubernetes_version.clone())),
                prop("agentPoolProfiles", V::Arr(vec![V::Obj(pool)])),
                prop("apiServerAccessProfile", V::Obj(profile)),
                prop(
                    "networkProfile",
                    V::Obj(vec![
                        prop("networkPlugin", V::Str("azure".into())),
                        prop("networkPluginMode", V::Str("overlay".into())),
                        prop("loadBalancerSku", V::Str("standard".into())),
                        prop("outboundType", V::Str(outbound_type(s.egress).into())),
                    ]),
                ),
            ]),
        ),
    ]);
    let mut out =
        format!("resource aks 'Microsoft.ContainerService/managedClusters@{ARM_API_VERSION}' = ");
    write(&mut out, &body, 0);
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
            "resource aks 'Microsoft.ContainerService/managedClusters@2025-05-01' = {\n  name: 'aks-ntwdemo2'\n"
        ));
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
