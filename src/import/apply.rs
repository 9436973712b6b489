//! From a recognised document to a scenario (the mapping is described in `import/mod.rs`).

use super::detect::Doc;
use super::json::{excerpt, Reader};
use super::{ImportError, Imported};
use crate::link::valid_cluster_name;
use crate::model::names::dns_prefix;
use crate::model::scenario::{DnsZone, Egress, Mode, Scenario};

/// The first non-null string among the document's field holders.
fn string<'a>(doc: &Doc<'a>, key: &str) -> Result<Option<&'a str>, ImportError> {
    for r in &doc.fields {
        if let Some(s) = r.string(key)? {
            return Ok(Some(s));
        }
    }
    Ok(None)
}

/// True when some field holder has `key` with an explicit `null`.
fn explicit_null(doc: &Doc<'_>, key: &str) -> bool {
    doc.fields
        .iter()
        .any(|r| matches!(super::json::get(r.obj, key), Some(serde_json::Value::Null)))
}

/// The segment after `/<name>/` in a resource id (case-insensitive), e.g. the resource group.
fn id_segment<'a>(id: &'a str, name: &str) -> Option<&'a str> {
    let mut parts = id.split('/');
    while let Some(p) = parts.next() {
        if p.eq_ignore_ascii_case(name) {
            return parts.next().filter(|v| !v.is_empty());
        }
    }
    None
}

/// `privateDnsZone`: `system`, `none` (any case, as Terraform writes them) or a zone id.
fn dns_zone(profile: &Reader<'_>) -> Result<Option<DnsZone>, ImportError> {
    let Some(raw) = profile.string("privateDnsZone")? else {
        return Ok(None);
    };
    let v = raw.trim();
    if v.is_empty() {
        Ok(None)
    } else if v.eq_ignore_ascii_case("system") {
        Ok(Some(DnsZone::System))
    } else if v.eq_ignore_ascii_case("none") {
        Ok(Some(DnsZone::None))
    } else if v.len() > 15
        && v.is_char_boundary(15)
        && v[..15].eq_ignore_ascii_case("/subscriptions/")
        && v.to_ascii_lowercase()
            .contains("/providers/microsoft.network/privatednszones/")
    {
        Ok(Some(DnsZone::Byo))
    } else {
        Err(ImportError::field(
            &profile.path_of("privateDnsZone"),
            "system, none, or the resource id of a private DNS zone (/subscriptions/…/providers/Microsoft.Network/privateDnsZones/<zone>)",
            format!("the string {}", excerpt(raw)),
        ))
    }
}

/// `networkProfile.outboundType` → egress; `None` for types the widget does not model
/// (`none`, `block`...).
fn egress(outbound: &str) -> Option<Egress> {
    match outbound.to_ascii_lowercase().as_str() {
        "loadbalancer" => Some(Egress::Lb),
        "userassignednatgateway" | "managednatgateway" | "managednatgatewayv2" => {
            Some(Egress::NatGw)
        }
        "userdefinedrouting" => Some(Egress::Firewall),
        _ => None,
    }
}

/// The note for a NAT gateway the widget draws differently: `userAssignedNATGateway` lives in
/// the customer's VNet, while `egress=natgw` is the AKS-managed NAT gateway in the AKS-managed
/// VNet. The egress path is the same (the nodes leave through the NAT gateway's IP).
fn nat_gateway_note(outbound: &str) -> Option<String> {
    outbound
        .eq_ignore_ascii_case("userAssignedNATGateway")
        .then(|| format!(
            "outbound type {} (a NAT gateway attached to your own VNet's subnets) is drawn as managedNATGateway, the AKS-managed NAT gateway in the AKS-managed VNet: the nodes leave through a NAT gateway's IP either way",
            excerpt(outbound)
        ))
}

/// Applies the document onto `base`.
pub fn apply(base: &Scenario, doc: &Doc<'_>) -> Result<Imported, ImportError> {
    let mut s = base.clone();
    let mut notes = Vec::new();

    // Cluster identity.
    if let Some(name) = string(doc, "name")? {
        if valid_cluster_name(name) {
            s.cluster.name = name.to_string();
        } else {
            notes.push(format!(
                "cluster name {} is not a valid AKS name; kept {}",
                excerpt(name),
                s.cluster.name
            ));
        }
    }
    let id = string(doc, "id")?;
    let rg = match string(doc, "resourceGroup")? {
        Some(rg) => Some(rg),
        None => id.and_then(|id| id_segment(id, "resourceGroups")),
    };
    if let Some(rg) = rg.filter(|r| !r.trim().is_empty()) {
        s.cluster.resource_group = rg.to_string();
    }
    if let Some(sub) = id.and_then(|id| id_segment(id, "subscriptions")) {
        s.cluster.subscription_id = sub.to_string();
    }
    if let Some(loc) = string(doc, "location")? {
        let region: String = loc
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if !region.is_empty() {
            s.cluster.region = region;
        }
    }
    if let Some(v) = string(doc, "kubernetesVersion")? {
        if !v.trim().is_empty() {
            s.cluster.kubernetes_version = v.trim().to_string();
        }
    }

    // Egress.
    for r in &doc.fields {
        if let Some(net) = r.object("networkProfile")? {
            if let Some(ot) = net.string("outboundType")? {
                match egress(ot) {
                    Some(e) => {
                        s.egress = e;
                        notes.extend(nat_gateway_note(ot));
                    }
                    None => notes.push(format!(
                        "outbound type {} is not modelled (the widget knows loadBalancer, managedNATGateway, userAssignedNATGateway and userDefinedRouting); egress left as {}",
                        excerpt(ot),
                        s.egress
                    )),
                }
                break;
            }
        }
    }

    // Access settings: reset, then read the profile.
    s.mode = Mode::Public;
    s.dns = None;
    s.public_fqdn = None;
    s.private = false;
    s.ranges = None;
    s.run_command = true;
    if let Some(p) = &doc.profile {
        let private = p.boolean("enablePrivateCluster")?.unwrap_or(false);
        let vnet = p.boolean("enableVnetIntegration")?.unwrap_or(false);
        let ranges = p.strings("authorizedIpRanges")?.unwrap_or_default();
        let zone = dns_zone(p)?;
        let public_fqdn = p.boolean("enablePrivateClusterPublicFqdn")?;
        // Type-check even the fields that do not change the scenario.
        p.string("subnetId")?;
        if p.boolean("disableRunCommand")? == Some(true) {
            s.run_command = false;
        }
        let joined = (!ranges.is_empty()).then(|| ranges.join(","));
        s.mode = match (private, vnet) {
            (true, true) => {
                s.private = true;
                Mode::Vnet
            }
            (true, false) => Mode::Private,
            (false, true) => Mode::Vnet,
            (false, false) if joined.is_some() => Mode::Authorized,
            (false, false) => Mode::Public,
        };
        s.ranges = joined;
        if private {
            s.dns = zone;
            s.public_fqdn = public_fqdn;
        } else {
            if zone.is_some() {
                notes.push(
                    "privateDnsZone is set on a cluster that is not private; ignored".to_string(),
                );
            }
            if public_fqdn.is_some() {
                notes.push(
                    "enablePrivateClusterPublicFqdn is set on a cluster that is not private; ignored"
                        .to_string(),
                );
            }
        }
    }
    // A private cluster whose profile does not say but whose `fqdn` is explicitly null has
    // its public FQDN disabled.
    if s.is_private() && s.public_fqdn.is_none() && explicit_null(doc, "fqdn") {
        s.public_fqdn = Some(false);
    }

    let prefix = string(doc, "dnsPrefix")?.map(str::to_string);
    if let Some(p) = &prefix {
        if *p != dns_prefix(&s.cluster) {
            notes.push(format!(
                "dnsPrefix {} differs from the az CLI default for this cluster; the widget derives its names from the cluster name, resource group and subscription",
                excerpt(p)
            ));
        }
    }
    Ok(Imported {
        scenario: s,
        kind: doc.kind,
        dns_prefix: prefix,
        fqdn: string(doc, "fqdn")?.map(str::to_string),
        private_fqdn: string(doc, "privateFqdn")?.map(str::to_string),
        notes,
    })
}
