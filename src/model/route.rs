//! Routing from a client to the address its resolver returned.
//!
//! Rules (docs/model.md section 4): the private endpoint / ILB address is reachable from the cluster
//! VNet, a peered VNet and on-prem over the VPN (then the hub's peering), never from the
//! Internet. The public IP is reachable from everywhere with Internet egress; with authorized
//! ranges the source address the API server sees must be in a range, otherwise the packets are
//! dropped (a timeout, not a refusal). AKS authorizes the cluster's load-balancer outbound IP
//! at creation; NAT gateway and firewall egress IPs must be listed by hand.

use std::net::{Ipv4Addr, SocketAddrV4};

pub use super::analysis::Endpoint;
use super::analysis::{Analysis, Blocked};
use super::egress;
use super::scenario::{who_words, ClientKind, Egress};
use super::trace::{Event, EventKind, Hop, Place, Verdict};
use super::tunnel;

/// How `who` gets to the Internet when no device of the customer's translates its address.
fn edge_words(who: ClientKind, src: Ipv4Addr) -> String {
    let (before, after) = match who {
        ClientKind::OnPrem => (
            "The workstation leaves through the site's Internet breakout, which translates it to ",
            ".",
        ),
        ClientKind::Vm | ClientKind::Peered => (
            "No NAT gateway or firewall serves this VNet, so the VM uses default outbound access: Azure translates it to a regional-pool address, unpredictable and shared (here ",
            ").",
        ),
        _ => ("The laptop connects from its public IP ", "."),
    };
    format!("{before}{src}{after}")
}

/// The translation event at an egress device: the private source becomes the public egress IP.
fn nat_event(a: &Analysis<'_>, who: ClientKind, device: egress::Device) -> Event {
    let s = a.scenario();
    let private = egress::private_source(s, who);
    let public = egress::public_source(s, who);
    // The cluster's subnets reach the hub firewall through their route table and the peering;
    // the firewall must also let the konnectivity and kubelet traffic through untouched.
    let routed = device.place == Place::Firewall && who != ClientKind::Peered;
    let how = if routed {
        "A user-defined route sends 0.0.0.0/0 from the cluster's subnets across the peering to "
    } else {
        "Leaving for the Internet through "
    };
    let mut detail = format!(
        "{how}{}, the private source {private} becomes the public IP {public}: the address the API server's authorized ranges filter sees.",
        device.words
    );
    if routed {
        detail.push(' ');
        detail.push_str(&egress::firewall_rule_words(s));
    }
    Event::new(
        Hop::Egress,
        EventKind::Nat,
        Place::from(who),
        device.place,
        format!("SNAT {private} → {public}"),
        detail,
        Verdict::Pass,
    )
}

/// Connects `who` to `target` on TCP 443, recording each hop; every packet and filter event
/// of the connection carries `target:443`. `Ok` carries a phrase for the summary ("through the
/// public endpoint"...).
pub fn connect(
    a: &Analysis<'_>,
    rec: &mut Vec<Event>,
    who: ClientKind,
    target: Ipv4Addr,
) -> Result<String, Blocked> {
    let first = rec.len();
    let result = connect_hops(a, rec, who, target);
    for e in &mut rec[first..] {
        if matches!(e.kind, EventKind::Packet | EventKind::Filter) {
            e.target = Some(SocketAddrV4::new(target, 443));
        }
    }
    result
}

/// The hops of [`connect`], in order.
fn connect_hops(
    a: &Analysis<'_>,
    rec: &mut Vec<Event>,
    who: ClientKind,
    target: Ipv4Addr,
) -> Result<String, Blocked> {
    let s = a.scenario();
    let client = Place::from(who);
    let endpoint = a.endpoint_of(target);
    let target_text = target;
    let label = format!("TCP {target_text}:443");
    match endpoint {
        Some(Endpoint::Public) => {
            let src = egress::public_source(s, who);
            let src_text = src;
            let from = match egress::device(s, who) {
                Some(device) => {
                    rec.push(nat_event(a, who, device));
                    device.place
                }
                None => client,
            };
            rec.push(Event::new(
                Hop::Internet,
                EventKind::Packet,
                from,
                Place::Internet,
                label.clone(),
                match from {
                    Place::LoadBalancer | Place::NatGateway | Place::Firewall => format!("The packets cross the Internet from {src_text} to the API server's public endpoint."),
                    _ => edge_words(who, src_text),
                },
                Verdict::Pass,
            ));
            let mut through = String::from("through its public endpoint");
            if let Some(allowed) = a.filter_allows(src) {
                if allowed {
                    let detail = if src == s.cluster.addresses.lb_egress_ip
                        && !a.ranges_contain(src)
                    {
                        format!("{src_text} is the cluster load balancer's outbound IP, which AKS authorized at creation (it is not listed in authorizedIpRanges).")
                    } else {
                        format!("{src_text} is inside an authorized range: the packets go through.")
                    };
                    rec.push(Event::new(
                        Hop::AuthorizedRanges,
                        EventKind::Filter,
                        Place::Internet,
                        Place::PublicEndpoint,
                        format!("source {src_text}"),
                        detail,
                        Verdict::Pass,
                    ));
                    through =
                        format!("through its public endpoint, where {src_text} is authorized");
                } else {
                    rec.push(Event::new(
                        Hop::AuthorizedRanges,
                        EventKind::Filter,
                        Place::Internet,
                        Place::PublicEndpoint,
                        format!("source {src_text}"),
                        format!("{src_text} is in no authorized range: the packets are dropped silently, the client waits and times out."),
                        Verdict::Block,
                    ));
                    return Err(Blocked::new(
                        Hop::AuthorizedRanges,
                        unauthorized_why(a, who, src),
                    ));
                }
            }
            rec.push(Event::new(
                Hop::PublicEndpoint,
                EventKind::Packet,
                Place::Internet,
                Place::PublicEndpoint,
                label,
                format!("The API server's public endpoint {target_text} accepts the connection."),
                Verdict::Pass,
            ));
            rec.push(Event::new(
                Hop::ApiServer,
                EventKind::Packet,
                Place::PublicEndpoint,
                Place::ApiServer,
                "HTTPS GET /api/v1/nodes".to_string(),
                "TLS, authentication, then the API server answers.".to_string(),
                Verdict::Pass,
            ));
            Ok(through)
        }
        Some(private) => {
            let (hop, place, words) = match private {
                Endpoint::Ilb => (
                    Hop::Ilb,
                    Place::Ilb,
                    "the API server's internal load balancer VIP",
                ),
                _ => (
                    Hop::PrivateEndpoint,
                    Place::PrivateEndpoint,
                    "the private endpoint",
                ),
            };
            let mut from = client;
            let via = match who {
                ClientKind::Laptop | ClientKind::RunCommand => {
                    rec.push(Event::new(
                        Hop::Internet,
                        EventKind::Packet,
                        client,
                        Place::Internet,
                        label,
                        format!("{target_text} is a private address: nothing on the Internet routes it, the SYN is lost and kubectl times out."),
                        Verdict::Block,
                    ));
                    let why = format!(
                        "The name resolves to {target}, {words} inside the cluster VNet; a private address cannot be reached over the Internet, so the connection times out. Fix: connect from the cluster VNet, a peered VNet or on-prem over the VPN, or use `az aks command invoke`."
                    );
                    return Err(Blocked::new(Hop::Internet, why));
                }
                ClientKind::Vm | ClientKind::Node => "inside the cluster VNet",
                ClientKind::Peered => {
                    rec.push(Event::new(
                        Hop::Peering,
                        EventKind::Packet,
                        client,
                        Place::Peering,
                        label.clone(),
                        "The hub VNet is peered with the cluster VNet: private addresses route across.".to_string(),
                        Verdict::Pass,
                    ));
                    from = Place::Peering;
                    "over the VNet peering"
                }
                ClientKind::OnPrem => {
                    rec.push(Event::new(
                        Hop::Vpn,
                        EventKind::Packet,
                        client,
                        Place::VpnGateway,
                        label.clone(),
                        "The VPN / ExpressRoute carries private traffic from on-prem to the hub."
                            .to_string(),
                        Verdict::Pass,
                    ));
                    rec.push(Event::new(
                        Hop::Peering,
                        EventKind::Packet,
                        Place::VpnGateway,
                        Place::Peering,
                        label.clone(),
                        "Gateway transit: the hub's peering forwards it to the cluster VNet."
                            .to_string(),
                        Verdict::Pass,
                    ));
                    from = Place::Peering;
                    "over the VPN and the hub's peering"
                }
            };
            rec.push(Event::new(
                hop,
                EventKind::Packet,
                from,
                place,
                label,
                format!("{target_text} is {words}, reachable {via}."),
                Verdict::Pass,
            ));
            rec.push(Event::new(
                Hop::ApiServer,
                EventKind::Packet,
                place,
                Place::ApiServer,
                "HTTPS GET /api/v1/nodes".to_string(),
                if private == Endpoint::Ilb {
                    "The ILB forwards to the API server projected into the delegated subnet.".to_string()
                } else {
                    "Private Link carries the connection to the API server in the AKS-managed network.".to_string()
                },
                Verdict::Pass,
            ));
            Ok(format!("through {words} {target_text} {via}"))
        }
        None => {
            rec.push(Event::new(
                Hop::Internet,
                EventKind::Packet,
                client,
                Place::Internet,
                label,
                format!("Nothing listens on {target_text}."),
                Verdict::Block,
            ));
            Err(Blocked::new(
                Hop::Internet,
                format!("No API server endpoint answers on {target}."),
            ))
        }
    }
}

/// `why` for a source refused by the authorized ranges.
fn unauthorized_why(a: &Analysis<'_>, who: ClientKind, src: Ipv4Addr) -> String {
    let s = a.scenario();
    let c = &s.cluster;
    let listed = s.ranges_text().unwrap_or_default().trim();
    let only_lb = a.ranges().is_some_and(|r| r.only_cluster_egress());
    let ranges_words = if only_lb {
        "the ranges are 0.0.0.0/32: only the cluster load balancer's own outbound IP may connect"
            .to_string()
    } else {
        let n = a.ranges().map_or(0, |r| r.len());
        if n <= 3 {
            format!("authorized ranges: {listed}")
        } else {
            format!("{n} authorized ranges")
        }
    };
    let fix = format!(
        "add {src}/32 to the authorized ranges (`az aks update -g {} -n {} --api-server-authorized-ip-ranges ...`; an update replaces the whole list)",
        c.resource_group, c.name
    );
    match who {
        ClientKind::Node => format!(
            "The nodes leave through {} as {src}, which is not authorized ({ranges_words}); AKS authorizes only the load balancer's outbound IP by itself. {} Fix: {fix}.{}",
            egress::node_device(s).words,
            tunnel::cut_words(a),
            if s.egress == Egress::Firewall {
                format!(" {}", egress::firewall_rule_words(s))
            } else {
                String::new()
            }
        ),
        ClientKind::Vm | ClientKind::Peered
            if egress::device(s, who).is_none() =>
        {
            let fix = if who == ClientKind::Peered {
                "route the hub's Internet traffic through a firewall with a known IP (egress=firewall; a NAT gateway on the cluster's subnets never serves a peered VNet) and authorize it"
            } else {
                "give the VNet a known egress IP (NAT gateway or firewall: egress=natgw or egress=firewall) and authorize it"
            };
            format!(
                "The VM reaches the public endpoint from default outbound access, an unpredictable regional-pool address (here {src}) that is not authorized ({ranges_words}). Fix: {fix}, or reach the API server privately."
            )
        }
        _ => format!(
            "{} reaches the public endpoint from {src}, which is not authorized ({ranges_words}), so the API server drops the packets and kubectl times out. Fix: {fix}.",
            who_words(who)
        ),
    }
}
