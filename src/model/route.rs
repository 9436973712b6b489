//! Routing from a client to the address its resolver returned.
//!
//! Rules (model.md section 4): the private endpoint / ILB address is reachable from the cluster
//! VNet, a peered VNet and on-prem over the VPN (then the hub's peering), never from the
//! Internet. The public IP is reachable from everywhere with Internet egress; with authorized
//! ranges the source address the API server sees must be in a range, otherwise the packets are
//! dropped (a timeout, not a refusal). AKS authorizes the cluster's load-balancer outbound IP
//! at creation; NAT gateway and firewall egress IPs must be listed by hand.

use std::net::Ipv4Addr;

use super::scenario::{ClientKind, Egress};
use super::simulate::{Analysis, Blocked};
use super::text::{cat, Ip4Text};
use super::trace::{Event, EventKind, Hop, Place, Verdict};

/// Which API server front door an address is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    /// The public endpoint (public, authorized, VNet-integrated public clusters).
    Public,
    /// The private endpoint NIC in the node subnet (private clusters).
    PrivateEndpoint,
    /// The internal load balancer VIP in the delegated subnet (VNet integration).
    Ilb,
}

/// The public source address the API server sees from `who` on the public endpoint.
pub fn public_source(a: &Analysis<'_>, who: ClientKind) -> Ipv4Addr {
    let s = a.scenario();
    match who {
        ClientKind::Laptop | ClientKind::RunCommand => s.laptop_ip,
        ClientKind::Vm | ClientKind::Peered => s.vm_egress_ip(),
        ClientKind::OnPrem => s.cluster.addresses.onprem_breakout_ip,
        ClientKind::Node => s.node_egress_ip(),
    }
}

/// How `who` gets to the Internet, in words.
fn egress_words(a: &Analysis<'_>, who: ClientKind, src: &str) -> String {
    let s = a.scenario();
    let (before, after) = match (who, s.egress) {
        (ClientKind::Laptop | ClientKind::RunCommand, _) => {
            ("The laptop connects from its public IP ", ".")
        }
        (ClientKind::OnPrem, _) => (
            "The workstation leaves through the site's Internet breakout ",
            ".",
        ),
        (ClientKind::Vm | ClientKind::Peered, Egress::Lb) => (
            "The VM uses default outbound access: a regional-pool address, unpredictable (here ",
            ").",
        ),
        (ClientKind::Node, Egress::Lb) => (
            "The node leaves through the cluster load balancer's outbound IP ",
            ".",
        ),
        (_, Egress::NatGw) => ("Traffic leaves through the NAT gateway ", "."),
        (_, Egress::Firewall) => (
            "A user-defined route sends traffic through the firewall ",
            ".",
        ),
    };
    cat(&[before, src, after])
}

/// Connects `who` to `target` on TCP 443, recording each hop. `Ok` carries a phrase for the
/// summary ("through the public endpoint"...).
pub fn connect(
    a: &Analysis<'_>,
    rec: &mut Vec<Event>,
    who: ClientKind,
    target: Ipv4Addr,
) -> Result<String, Blocked> {
    let s = a.scenario();
    let client = Place::from(who);
    let endpoint = a.endpoint_of(target);
    let target_text = Ip4Text::new(target);
    let label = cat(&["TCP ", &target_text, ":443"]);
    match endpoint {
        Some(Endpoint::Public) => {
            let src = public_source(a, who);
            let src_text = Ip4Text::new(src);
            rec.push(Event::new(
                Hop::Internet,
                EventKind::Packet,
                client,
                Place::Internet,
                label.clone(),
                egress_words(a, who, &src_text),
                Verdict::Pass,
            ));
            let mut through = String::from("through its public endpoint");
            if let Some(allowed) = a.filter_allows(src) {
                if allowed {
                    let detail = if src == s.cluster.addresses.lb_egress_ip
                        && !a.ranges_contain(src)
                    {
                        cat(&[&src_text, " is the cluster load balancer's outbound IP, which AKS authorized at creation (it is not listed in authorizedIpRanges)."])
                    } else {
                        cat(&[
                            &src_text,
                            " is inside an authorized range: the packets go through.",
                        ])
                    };
                    rec.push(Event::new(
                        Hop::AuthorizedRanges,
                        EventKind::Filter,
                        Place::Internet,
                        Place::PublicEndpoint,
                        cat(&["source ", &src_text]),
                        detail,
                        Verdict::Pass,
                    ));
                    through = cat(&[
                        "through its public endpoint, where ",
                        &src_text,
                        " is authorized",
                    ]);
                } else {
                    rec.push(Event::new(
                        Hop::AuthorizedRanges,
                        EventKind::Filter,
                        Place::Internet,
                        Place::PublicEndpoint,
                        cat(&["source ", &src_text]),
                        cat(&[&src_text, " is in no authorized range: the packets are dropped silently, the client waits and times out."]),
                        Verdict::Block,
                    ));
                    return Err(Blocked::new(
                        Hop::AuthorizedRanges,
                        a.unauthorized_why(who, src),
                    ));
                }
            }
            rec.push(Event::new(
                Hop::PublicEndpoint,
                EventKind::Packet,
                Place::Internet,
                Place::PublicEndpoint,
                label,
                cat(&[
                    "The API server's public endpoint ",
                    &target_text,
                    " accepts the connection.",
                ]),
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
                        cat(&[&target_text, " is a private address: nothing on the Internet routes it, the SYN is lost and kubectl times out."]),
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
                cat(&[&target_text, " is ", words, ", reachable ", via, "."]),
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
            Ok(cat(&["through ", words, " ", &target_text, " ", via]))
        }
        None => {
            rec.push(Event::new(
                Hop::Internet,
                EventKind::Packet,
                client,
                Place::Internet,
                label,
                cat(&["Nothing listens on ", &target_text, "."]),
                Verdict::Block,
            ));
            Err(Blocked::new(
                Hop::Internet,
                format!("No API server endpoint answers on {target}."),
            ))
        }
    }
}
