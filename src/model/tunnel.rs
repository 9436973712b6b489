//! Node ↔ control plane: konnectivity tunnel or direct ILB path.
//!
//! Without VNet integration, konnectivity-agent on the nodes opens a tunnel to the API server
//! on 443 (public endpoint, or the private endpoint of a private cluster); API server → kubelet
//! traffic (`logs`, `exec`, `port-forward`, webhooks) rides back through it. If the nodes'
//! egress IP is not authorized, the tunnel is down: nodes go NotReady and `kubectl logs` fails
//! with `dial tcp <node-ip>:10250: i/o timeout`. With VNet integration nodes reach the ILB VIP
//! directly, without DNS and without a tunnel.

use super::simulate::Analysis;
use super::text::{cat, Ip4Text};
use super::trace::{Event, EventKind, Hop, Place, Tunnel, Verdict};

/// The tunnel state of a (valid) scenario, computed without building events: the node always
/// resolves its API server name (its own VNet is linked to the private zone, public names are
/// public), and a private endpoint is always reachable from the node subnet, so only the
/// authorized-ranges filter can break the leg.
pub fn tunnel_state(a: &Analysis<'_>) -> Tunnel {
    let s = a.scenario();
    if s.vnet_integration() {
        Tunnel::Direct
    } else if s.is_private() {
        Tunnel::Konnectivity
    } else if a.filter_allows(s.node_egress_ip()) == Some(false) {
        Tunnel::Down
    } else {
        Tunnel::Konnectivity
    }
}

/// The closing event of every trace: the state of the node ↔ control plane leg.
pub fn tunnel_event(a: &Analysis<'_>) -> Event {
    let s = a.scenario();
    let addr = &s.cluster.addresses;
    let (to, label, detail, verdict) = match a.tunnel() {
        Tunnel::Direct => {
            let ilb = Ip4Text::new(addr.ilb_ip);
            (
                Place::Ilb,
                cat(&["direct → ILB ", &ilb]),
                cat(&[
                    "VNet integration: the nodes talk to the ILB VIP ",
                    &ilb,
                    " in the delegated subnet directly, without DNS and without a tunnel.",
                ]),
                Verdict::Pass,
            )
        }
        Tunnel::Konnectivity if s.is_private() => (
            Place::PrivateEndpoint,
            "konnectivity up via the private endpoint".to_string(),
            cat(&[
                "konnectivity-agent keeps a tunnel to the API server through the private endpoint ",
                &Ip4Text::new(addr.private_endpoint_ip),
                "; logs, exec and webhooks ride back through it.",
            ]),
            Verdict::Pass,
        ),
        Tunnel::Konnectivity => (
            Place::PublicEndpoint,
            "konnectivity up via the public endpoint".to_string(),
            cat(&[
                "konnectivity-agent keeps a tunnel to the API server's public endpoint ",
                &Ip4Text::new(addr.api_public_ip),
                " from ",
                &Ip4Text::new(s.node_egress_ip()),
                "; logs, exec and webhooks ride back through it.",
            ]),
            Verdict::Pass,
        ),
        Tunnel::Down => (
            Place::PublicEndpoint,
            "konnectivity down".to_string(),
            format!(
                "The nodes' egress IP {} is not authorized: no konnectivity tunnel, the node is NotReady and `kubectl logs` fails with `dial tcp {}:10250: i/o timeout`.",
                s.node_egress_ip(),
                addr.node_ip
            ),
            Verdict::Block,
        ),
    };
    Event {
        hop: Hop::Tunnel,
        kind: EventKind::Tunnel,
        from: Place::Node,
        to,
        label,
        detail,
        verdict,
    }
}
