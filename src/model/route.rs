//! Routing from a client to the address its resolver returned.
//!
//! Rules (model.md section 4): the private endpoint / ILB address is reachable from the cluster
//! VNet, a peered VNet and on-prem over the VPN (then the hub's peering), never from the
//! Internet. The public IP is reachable from everywhere with Internet egress; with authorized
//! ranges the source address the API server sees must be in a range, otherwise the packets are
//! dropped (a timeout, not a refusal). AKS authorizes the cluster's load-balancer outbound IP
//! at creation; NAT gateway and firewall egress IPs must be listed by hand.

use std::net::Ipv4Addr;

use super::egress;
use super::scenario::ClientKind;
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

/// How `who` gets to the Internet when no device of the customer's translates its address.
fn edge_words(who: ClientKind, src: &str) -> String {
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
    cat(&[before, src, after])
}

/// The translation event at an egress device: the private source becomes the public egress IP.
fn nat_event(a: &Analysis<'_>, who: ClientKind, device: egress::Device) -> Event {
    let s = a.scenario();
    let private = Ip4Text::new(egress::private_source(s, who));
    let public = Ip4Text::new(egress::public_source(s, who));
    // The cluster's subnets reach the hub firewall through their route table and the peering;
    // the firewall must also let the konnectivity and kubelet traffic through untouched.
    let routed = device.place == Place::Firewall && who != ClientKind::Peered;
    let mut detail = cat(&[
        if routed {
            "A user-defined route sends 0.0.0.0/0 from the cluster's subnets across the peering to "
        } else {
            "Leaving for the Internet through "
        },
        device.words,
        ", the private source ",
        &private,
        " becomes the public IP ",
        &public,
        ": the address the API server's authorized ranges filter sees.",
    ]);
    if routed {
        detail.push(' ');
        detail.push_str(&egress::firewall_rule_words(s));
    }
    Event::new(
        Hop::Egress,
        EventKind::Nat,
        Place::from(who),
        device.place,
        cat(&["SNAT ", &private, " → ", &public]),
        detail,
        Verdict::Pass,
    )
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
            let src = egress::public_source(s, who);
            let src_text = Ip4Text::new(src);
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
                    Place::LoadBalancer | Place::NatGateway | Place::Firewall => cat(&[
                        "The packets cross the Internet from ",
                        &src_text,
                        " to the API server's public endpoint.",
                    ]),
                    _ => edge_words(who, &src_text),
                },
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
