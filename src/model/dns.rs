//! Name resolution: which resolver each client asks, and who can answer.
//!
//! Rules (docs/model.md section 4): the public name lives in Azure public DNS and anyone resolves
//! it; a private zone answers only through Azure-provided DNS (168.63.129.16) from a VNet
//! linked to it; on-prem reaches it only through a conditional forwarder to a DNS Private
//! Resolver inbound endpoint in a linked VNet (the hub). Everything else gets NXDOMAIN.
//!
//! Resolver addresses printed in `no such host` errors and `nslookup` (the address in the
//! client's `/etc/resolv.conf`): the systemd-resolved stub `127.0.0.53` on the laptop (as in the
//! article's nslookup) and on the Ubuntu VMs and nodes, where the stub forwards to Azure-provided
//! DNS `168.63.129.16` (the resolver the diagram draws); the on-prem DNS server for the on-prem
//! workstation (a Linux workstation whose `resolv.conf` points at it).

use std::net::Ipv4Addr;

use super::analysis::{Analysis, Blocked};
use super::scenario::{ClientKind, DnsZone, Kubeconfig};
use super::trace::{Event, EventKind, Hop, Place, Verdict};

/// Where a name's record lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameHome {
    /// Azure public DNS (`<prefix>-<hash>.hcp.<region>.azmk8s.io`).
    PublicDns,
    /// The cluster's private DNS zone (system or BYO).
    PrivateZone,
}

/// The resolver address a client's `resolv.conf` names (see the module comment).
pub fn resolver_ip(a: &Analysis<'_>, who: ClientKind) -> Ipv4Addr {
    let addr = &a.scenario().cluster.addresses;
    match who {
        ClientKind::Laptop
        | ClientKind::RunCommand
        | ClientKind::Vm
        | ClientKind::Peered
        | ClientKind::Node => addr.stub_resolver_ip,
        ClientKind::OnPrem => addr.onprem_dns_ip,
    }
}

/// The diagram node of a client's first resolver.
fn resolver_place(who: ClientKind) -> Place {
    match who {
        ClientKind::Laptop | ClientKind::RunCommand => Place::PublicResolver,
        ClientKind::Vm | ClientKind::Peered | ClientKind::Node => Place::AzureDns,
        ClientKind::OnPrem => Place::OnPremDns,
    }
}

fn resolver_words(a: &Analysis<'_>, who: ClientKind) -> String {
    let ip = resolver_ip(a, who);
    let azure = a.scenario().cluster.addresses.azure_dns_ip;
    let (subject, vnet) = match who {
        ClientKind::Vm => ("The VM", " from the cluster VNet."),
        ClientKind::Peered => ("The hub VM", " from the hub VNet."),
        ClientKind::Node => ("The node", " from the cluster VNet."),
        _ => ("", ""),
    };
    if !subject.is_empty() {
        return format!("{subject}'s systemd-resolved stub {ip} forwards the query to Azure-provided DNS {azure}{vnet}");
    }
    match who {
        ClientKind::Laptop | ClientKind::RunCommand => format!("The laptop's stub resolver {ip} forwards the query to its Internet provider's recursive resolver."),
        _ => format!("The workstation asks the on-prem DNS server {ip}."),
    }
}

/// Resolves `name` for `who`, recording every query and answer; `Ok` is the A record.
pub fn resolve(
    a: &Analysis<'_>,
    rec: &mut Vec<Event>,
    who: ClientKind,
    name: &str,
) -> Result<Ipv4Addr, Blocked> {
    let s = a.scenario();
    let names = a.names();
    let client = Place::from(who);
    let resolver = resolver_place(who);
    let home = if names.private_zone.is_some() && names.private_fqdn.as_deref() == Some(name) {
        NameHome::PrivateZone
    } else {
        NameHome::PublicDns
    };
    let record = a.record_ip();
    let record_text = record;
    let zone = names.private_zone.as_deref().unwrap_or_default();
    rec.push(Event::new(
        Hop::Resolver,
        EventKind::DnsQuery,
        client,
        resolver,
        format!("A? {name}"),
        resolver_words(a, who),
        Verdict::Pass,
    ));

    // The last hop that answers, and whether it found the name.
    let (answer_place, found): (Place, Result<(), Blocked>) = match home {
        NameHome::PublicDns => {
            let via = match who {
                ClientKind::Vm | ClientKind::Peered | ClientKind::Node => {
                    "Azure DNS recurses to the public azmk8s.io zone."
                }
                ClientKind::OnPrem => "The on-prem DNS server forwards it over the Internet.",
                _ => "The recursive resolver asks the authoritative servers.",
            };
            let (kind, end) = if s.is_private() {
                ("private", ": a public name for a private address.")
            } else {
                ("public", ".")
            };
            rec.push(Event::new(
                Hop::PublicDns,
                EventKind::DnsQuery,
                resolver,
                Place::PublicDns,
                format!("A? {name}"),
                format!("{via} Azure public DNS (Microsoft-managed) holds {name} and answers the {kind} IP {record_text}{end}"),
                Verdict::Pass,
            ));
            (Place::PublicDns, Ok(()))
        }
        NameHome::PrivateZone => private_lookup(a, rec, who, name, zone, resolver),
    };

    let via_private_resolver = who == ClientKind::OnPrem && answer_place == Place::PrivateZone;
    match found {
        Ok(()) => {
            let answer = format!("A {record_text}");
            rec.push(Event::new(
                if answer_place == Place::PublicDns {
                    Hop::PublicDns
                } else {
                    Hop::PrivateZone
                },
                EventKind::DnsAnswer,
                answer_place,
                if via_private_resolver {
                    Place::PrivateResolver
                } else {
                    resolver
                },
                answer.clone(),
                format!("{name} → {record_text}"),
                Verdict::Pass,
            ));
            if via_private_resolver {
                rec.push(Event::new(
                    Hop::PrivateResolver,
                    EventKind::DnsAnswer,
                    Place::PrivateResolver,
                    Place::OnPremDns,
                    answer.clone(),
                    "The Private Resolver returns the answer over the VPN to the on-prem DNS server.".to_string(),
                    Verdict::Pass,
                ));
            }
            rec.push(Event::new(
                Hop::Resolver,
                EventKind::DnsAnswer,
                resolver,
                client,
                answer,
                format!("The resolver returns {record_text}."),
                Verdict::Pass,
            ));
            Ok(record)
        }
        Err(blocked) => {
            rec.push(Event::new(
                Hop::Resolver,
                EventKind::DnsAnswer,
                resolver,
                client,
                "NXDOMAIN".to_string(),
                format!("No such name: {name}."),
                Verdict::Block,
            ));
            Err(blocked)
        }
    }
}

/// A name in the private zone: who can see the zone from where `who` asks.
fn private_lookup(
    a: &Analysis<'_>,
    rec: &mut Vec<Event>,
    who: ClientKind,
    name: &str,
    zone: &str,
    resolver: Place,
) -> (Place, Result<(), Blocked>) {
    let s = a.scenario();
    let addr = &s.cluster.addresses;
    // The fix sentences (`zone_kind_words`, `public_fqdn_hint`, `forwarding_rule_words`) are
    // built only on the paths that block, where `why` needs them.
    match who {
        ClientKind::Laptop | ClientKind::RunCommand => {
            let why = format!(
                "Azure public DNS has no record for {name}: it exists only in the private DNS zone {zone}, which answers only inside Azure VNets linked to it. Fix: run kubectl from a linked network (the cluster VNet, a peered VNet with a zone link, on-prem with a conditional forwarder) or use `az aks command invoke`.{}",
                if s.public_fqdn_enabled() {
                    format!(
                        " The public FQDN resolves to the private IP {}, so `az aks get-credentials --public-fqdn` does not help from the Internet.",
                        a.record_ip()
                    )
                } else {
                    String::new()
                }
            );
            rec.push(Event::new(
                Hop::PublicDns,
                EventKind::DnsQuery,
                resolver,
                Place::PublicDns,
                format!("A? {name}"),
                format!("The recursive resolver asks the public azmk8s.io servers, which have no record for {name}: NXDOMAIN."),
                Verdict::Block,
            ));
            (Place::PublicDns, Err(Blocked::new(Hop::PublicDns, why)))
        }
        ClientKind::Vm | ClientKind::Node => {
            rec.push(Event::new(
                Hop::PrivateZone,
                EventKind::DnsQuery,
                resolver,
                Place::PrivateZone,
                format!("A? {name}"),
                format!("The private DNS zone {zone} is linked to the cluster VNet (AKS creates that link), so Azure DNS answers from it."),
                Verdict::Pass,
            ));
            (Place::PrivateZone, Ok(()))
        }
        ClientKind::Peered => {
            if s.zone_link {
                rec.push(Event::new(
                    Hop::PrivateZone,
                    EventKind::DnsQuery,
                    resolver,
                    Place::PrivateZone,
                    format!("A? {name}"),
                    format!("The private DNS zone {zone} is linked to the hub VNet, so Azure DNS in the hub answers from it."),
                    Verdict::Pass,
                ));
                (Place::PrivateZone, Ok(()))
            } else {
                rec.push(Event::new(
                    Hop::PrivateZone,
                    EventKind::DnsQuery,
                    resolver,
                    Place::PrivateZone,
                    format!("A? {name}"),
                    format!("The private DNS zone {zone} is not linked to the hub VNet: Azure DNS in the hub cannot see it and public DNS has no record, so NXDOMAIN."),
                    Verdict::Block,
                ));
                let zone_words = zone_kind_words(a);
                let public_hint = public_fqdn_hint(a);
                let why = format!(
                    "The private DNS zone {zone} is not linked to the hub VNet, so Azure DNS in the hub cannot see it and public DNS has no record. Fix: link the zone to the hub VNet (zonelink=on){zone_words}.{public_hint}"
                );
                (Place::PrivateZone, Err(Blocked::new(Hop::PrivateZone, why)))
            }
        }
        ClientKind::OnPrem => {
            let rule = forwarding_rule_words(a, zone);
            if !s.forwarder {
                rec.push(Event::new(
                    Hop::PublicDns,
                    EventKind::DnsQuery,
                    resolver,
                    Place::PublicDns,
                    format!("A? {name}"),
                    format!("Without a conditional forwarder the on-prem DNS server sends the query to the Internet; Azure public DNS has no record for {name}: NXDOMAIN."),
                    Verdict::Block,
                ));
                let public_hint = public_fqdn_hint(a);
                let link = if s.zone_link {
                    ""
                } else {
                    ", and link the zone to the hub VNet (zonelink=on)"
                };
                let why = format!(
                    "The on-prem DNS server sends {name} to the Internet, where Azure public DNS has no record, and 168.63.129.16 cannot be reached from on-prem. Fix: add a conditional forwarder for {rule} to the DNS Private Resolver inbound endpoint {} in the hub (forwarder=on){link}.{public_hint}",
                    addr.private_resolver_ip
                );
                return (Place::PublicDns, Err(Blocked::new(Hop::PublicDns, why)));
            }
            rec.push(Event::new(
                Hop::PrivateResolver,
                EventKind::DnsQuery,
                resolver,
                Place::PrivateResolver,
                format!("A? {name}"),
                format!("A conditional forwarder for {rule} sends the query over the VPN to the DNS Private Resolver inbound endpoint {} in the hub, which asks Azure DNS from inside the hub VNet.", addr.private_resolver_ip),
                Verdict::Pass,
            ));
            if s.zone_link {
                rec.push(Event::new(
                    Hop::PrivateZone,
                    EventKind::DnsQuery,
                    Place::PrivateResolver,
                    Place::PrivateZone,
                    format!("A? {name}"),
                    format!("The private DNS zone {zone} is linked to the hub VNet, so the Private Resolver gets the answer."),
                    Verdict::Pass,
                ));
                (Place::PrivateZone, Ok(()))
            } else {
                rec.push(Event::new(
                    Hop::PrivateZone,
                    EventKind::DnsQuery,
                    Place::PrivateResolver,
                    Place::PrivateZone,
                    format!("A? {name}"),
                    format!("The private DNS zone {zone} is not linked to the hub VNet where the Private Resolver lives: NXDOMAIN."),
                    Verdict::Block,
                ));
                let zone_words = zone_kind_words(a);
                let public_hint = public_fqdn_hint(a);
                let why = format!(
                    "The conditional forwarder reaches the DNS Private Resolver in the hub, but the private DNS zone {zone} is not linked to the hub VNet, so the resolver finds nothing. Fix: link the zone to the hub VNet (zonelink=on){zone_words}.{public_hint}"
                );
                (Place::PrivateZone, Err(Blocked::new(Hop::PrivateZone, why)))
            }
        }
    }
}

/// Why a system zone is harder than a BYO one (the article's hybrid-DNS point).
fn zone_kind_words(a: &Analysis<'_>) -> String {
    match a.scenario().dns_zone() {
        Some(DnsZone::System) => format!(
            ", once per cluster: a system zone lives in the node resource group {} and every cluster has its own",
            a.scenario().cluster.node_resource_group()
        ),
        Some(DnsZone::Byo) => ", once: the BYO zone is shared by every cluster".to_string(),
        _ => String::new(),
    }
}

/// The conditional forwarding rule on-prem needs: one rule for the zones' common parent
/// (`privatelink.<region>.azmk8s.io`, or `private.<region>.azmk8s.io` with VNet integration)
/// serves every cluster, whatever the zone type; what is per cluster with system zones is the
/// zone's link to the hub (docs/model.md section 4).
fn forwarding_rule_words(a: &Analysis<'_>, zone: &str) -> String {
    let suffix = ["privatelink.", "private."]
        .iter()
        .find_map(|p| zone.find(p).map(|i| &zone[i..]))
        .unwrap_or(zone);
    match a.scenario().dns_zone() {
        Some(DnsZone::System) => format!(
            "{suffix} (one rule serves every cluster; each cluster's system zone still needs its own link to the hub)"
        ),
        Some(DnsZone::Byo) => format!(
            "{suffix} (one rule serves every cluster, and the shared BYO zone is linked to the hub once)"
        ),
        _ => suffix.to_string(),
    }
}

/// Hint appended to DNS failures when the public FQDN would work from private networks.
fn public_fqdn_hint(a: &Analysis<'_>) -> String {
    let s = a.scenario();
    match &a.names().fqdn {
        Some(fqdn) if s.is_private() && s.kubeconfig == Kubeconfig::Private => format!(
            " Or use the public FQDN (`az aks get-credentials --public-fqdn`, kubeconfig=public): {fqdn} resolves to {} anywhere, with no zone link or forwarder.",
            a.record_ip()
        ),
        _ => String::new(),
    }
}
