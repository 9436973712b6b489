//! How a source leaves for the Internet, and which public address the API server then sees.
//!
//! Authorized ranges filter on the address the packets carry when they reach the public
//! endpoint, so where the private source address is translated is the whole story (docs/model.md
//! sections 1 and 3):
//! * the node leaves through its cluster's outbound type: the load balancer's outbound rule,
//!   the NAT gateway on the cluster's subnets, or the hub firewall its route table points at;
//! * the VM in the cluster VNet shares the subnets' NAT gateway or firewall route; with the
//!   load-balancer outbound type it is not behind the cluster's load balancer and uses default
//!   outbound access (an unpredictable regional-pool address);
//! * the hub VM leaves through the hub firewall with `egress=firewall`, otherwise from default
//!   outbound access: a NAT gateway serves only the subnets it is attached to, never a peered
//!   VNet;
//! * the on-prem workstation leaves through its site's Internet breakout; the laptop has its
//!   own public address.

use std::net::Ipv4Addr;

use super::scenario::{ClientKind, Egress, Scenario};
use super::trace::Place;

/// A device that translates the source address, drawn in the diagram.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Device {
    /// Where it is drawn.
    pub place: Place,
    /// The device, as the object of a sentence ("the NAT gateway").
    pub words: &'static str,
}

/// The device the nodes leave through: always one, the cluster's outbound type.
pub fn node_device(s: &Scenario) -> Device {
    let (place, words) = match s.egress {
        Egress::Lb => (
            Place::LoadBalancer,
            "the cluster load balancer's outbound rule",
        ),
        Egress::NatGw => (Place::NatGateway, "the NAT gateway"),
        Egress::Firewall => (Place::Firewall, "the hub firewall"),
    };
    Device { place, words }
}

/// The device that translates `who`'s source address for the Internet, or `None` when no
/// device of the customer's does (the laptop, default outbound access, the on-prem breakout).
/// The VM in the cluster VNet shares the nodes' NAT gateway or firewall route, the hub VM only
/// the firewall.
pub fn device(s: &Scenario, who: ClientKind) -> Option<Device> {
    let shared = matches!(
        (who, s.egress),
        (ClientKind::Node, _)
            | (ClientKind::Vm, Egress::NatGw | Egress::Firewall)
            | (ClientKind::Peered, Egress::Firewall)
    );
    shared.then(|| node_device(s))
}

/// What the hub firewall must also let through for the nodes (docs/model.md section 4): the control
/// plane's FQDNs on 443, with TLS (and konnectivity's ALPN) untouched.
pub fn firewall_rule_words(s: &Scenario) -> String {
    format!(
        "The firewall must also allow *.hcp.{}.azmk8s.io:443 and leave that TLS untouched.",
        s.cluster.region
    )
}

/// The private address `who` sends from (the laptop has only its public one).
pub fn private_source(s: &Scenario, who: ClientKind) -> Ipv4Addr {
    let a = &s.cluster.addresses;
    match who {
        ClientKind::Laptop | ClientKind::RunCommand => s.laptop_ip,
        ClientKind::Vm => a.vm_ip,
        ClientKind::Peered => a.hub_vm_ip,
        ClientKind::OnPrem => a.onprem_ws_ip,
        ClientKind::Node => a.node_ip,
    }
}

/// The public source address the API server sees from `who` on the public endpoint.
pub fn public_source(s: &Scenario, who: ClientKind) -> Ipv4Addr {
    match who {
        ClientKind::Laptop | ClientKind::RunCommand => s.laptop_ip,
        ClientKind::Vm => s.vm_egress_ip(),
        ClientKind::Peered => s.hub_vm_egress_ip(),
        ClientKind::OnPrem => s.cluster.addresses.onprem_breakout_ip,
        ClientKind::Node => s.node_egress_ip(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(egress: Egress) -> Scenario {
        Scenario {
            egress,
            ..Scenario::default()
        }
    }

    #[test]
    fn the_hub_vm_never_leaves_through_the_clusters_nat_gateway() {
        let s = with(Egress::NatGw);
        assert_eq!(device(&s, ClientKind::Peered), None);
        assert_eq!(
            public_source(&s, ClientKind::Peered),
            s.cluster.addresses.default_outbound_ip
        );
        assert_eq!(
            public_source(&s, ClientKind::Vm),
            s.cluster.addresses.natgw_egress_ip
        );
        let fw = with(Egress::Firewall);
        assert_eq!(
            device(&fw, ClientKind::Peered).map(|d| d.place),
            Some(Place::Firewall)
        );
        assert_eq!(
            public_source(&fw, ClientKind::Peered),
            fw.cluster.addresses.firewall_egress_ip
        );
    }

    #[test]
    fn the_nodes_always_leave_through_their_outbound_type() {
        for (egress, place) in [
            (Egress::Lb, Place::LoadBalancer),
            (Egress::NatGw, Place::NatGateway),
            (Egress::Firewall, Place::Firewall),
        ] {
            assert_eq!(node_device(&with(egress)).place, place);
        }
        assert_eq!(device(&with(Egress::Lb), ClientKind::Vm), None);
    }
}
