//! The node's two connections to the control plane (model.md section 4, "Node to control
//! plane"), each with its own verdict:
//! 1. the kubelet's own HTTPS calls (node status, lease, watching its pods): they alone keep the
//!    node `Ready`; dropped, the node goes `NotReady` after the node-lease grace period;
//! 2. the konnectivity-agent tunnel on 443, through which API server → kubelet traffic (`logs`,
//!    `exec`, `port-forward`, webhooks) rides back; down, those time out on port 10250.
//!
//! Both leave through the same egress, so an egress IP the authorized ranges omit cuts both;
//! the tunnel never explains `NotReady`. With VNet integration nodes and API server reach each
//! other directly through the ILB, and konnectivity-agent stays only for API server → pod
//! traffic, because Azure CNI Overlay (what the widget's IaC builds) gives pods addresses
//! outside the VNet.

use std::net::Ipv4Addr;

use super::egress;
use super::kubectl;
use super::simulate::Analysis;
use super::text::{cat, Ip4Text};
use super::trace::{Event, EventKind, Hop, NodeStatus, Place, Tunnel, Verdict};

/// The tunnel state of a (valid) scenario: direct with VNet integration, down when the nodes'
/// egress IP is refused by the authorized ranges, konnectivity otherwise. The node always
/// resolves its API server name (its own VNet is linked to the private zone, public names are
/// public) and a private endpoint is always reachable from the node subnet.
pub fn tunnel_state(a: &Analysis<'_>) -> Tunnel {
    if a.scenario().vnet_integration() {
        Tunnel::Direct
    } else if a.node_egress_blocked() {
        Tunnel::Down
    } else {
        Tunnel::Konnectivity
    }
}

/// Where the node's connections enter the control plane, and that endpoint in words.
fn endpoint(a: &Analysis<'_>) -> (Place, &'static str, Ipv4Addr) {
    let s = a.scenario();
    let addr = &s.cluster.addresses;
    if s.vnet_integration() {
        (Place::Ilb, "the API server's ILB ", addr.ilb_ip)
    } else if s.is_private() {
        (
            Place::PrivateEndpoint,
            "the private endpoint ",
            addr.private_endpoint_ip,
        )
    } else {
        (
            Place::PublicEndpoint,
            "the public endpoint ",
            addr.api_public_ip,
        )
    }
}

/// " from <egress IP> (<device>)" for connections to the public endpoint, "" otherwise.
fn public_leg(a: &Analysis<'_>) -> String {
    let s = a.scenario();
    if s.is_private() || s.vnet_integration() {
        return String::new();
    }
    cat(&[
        " from ",
        &Ip4Text::new(s.node_egress_ip()),
        ", the address ",
        egress::node_device(s).words,
        " gives them",
    ])
}

/// The kubelet's own connection: what keeps the node `Ready`.
pub fn kubelet_event(a: &Analysis<'_>) -> Event {
    let (to, words, ip) = endpoint(a);
    let ip = Ip4Text::new(ip);
    let blocked = a.node_egress_blocked();
    let (label, detail) = if blocked {
        (
            cat(&["kubelet → ", &ip]),
            cat(&[
                "The kubelet's own calls (node status, lease, its pods) leave",
                &public_leg(a),
                ", which no authorized range lists: dropped. After the node-lease grace period (about 40 s) the node is NotReady and no new pod starts on it.",
            ]),
        )
    } else {
        (
            cat(&["kubelet → ", &ip]),
            cat(&[
                "The kubelet's own calls (node status, lease, its pods) reach ",
                words,
                &ip,
                &public_leg(a),
                if a.scenario().vnet_integration() {
                    " directly, without DNS"
                } else {
                    ""
                },
                ": they keep the node Ready.",
            ]),
        )
    };
    Event::new(
        Hop::Kubelet,
        EventKind::Kubelet,
        Place::Node,
        to,
        label,
        detail,
        if blocked {
            Verdict::Block
        } else {
            Verdict::Pass
        },
    )
}

/// The konnectivity tunnel: the way back from the API server to the kubelet.
pub fn tunnel_event(a: &Analysis<'_>) -> Event {
    let s = a.scenario();
    let addr = &s.cluster.addresses;
    let (to, words, ip) = endpoint(a);
    let ip = Ip4Text::new(ip);
    let (label, detail, verdict) = match a.tunnel() {
        Tunnel::Direct => (
            cat(&["konnectivity (pod traffic) → ILB ", &ip]),
            cat(&[
                "The API server reaches the kubelet on 10250 directly through the delegated subnet. With Azure CNI Overlay the pods' addresses (",
                &super::cluster::cidr(addr.pod_cidr),
                ") are outside the VNet, so konnectivity-agent still keeps a tunnel to the ILB for API server → pod traffic: webhooks, metrics-server, port-forward to pods.",
            ]),
            Verdict::Pass,
        ),
        Tunnel::Konnectivity => (
            cat(&["konnectivity → ", &ip]),
            cat(&[
                "konnectivity-agent keeps a tunnel to ",
                words,
                &ip,
                &public_leg(a),
                "; API server → kubelet traffic (logs, exec, port-forward, webhooks) rides back through it.",
            ]),
            Verdict::Pass,
        ),
        Tunnel::Down => (
            cat(&["konnectivity → ", &ip]),
            cat(&[
                "konnectivity-agent's tunnel leaves",
                &public_leg(a),
                " too and is dropped: API server → kubelet traffic has no way back, so `kubectl logs` and `exec` fail with `",
                &kubectl::logs_timeout(&s.cluster),
                "`.",
            ]),
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

/// Hook `node-status`: the node as `kubectl get nodes` lists it, and the connection that
/// decides it (the kubelet's).
pub fn node_status(a: &Analysis<'_>) -> NodeStatus {
    if !a.validation().is_empty() {
        return NodeStatus {
            node: "NotReady",
            text: "NotReady: there is no node, the cluster cannot be created.".to_string(),
        };
    }
    let (_, words, ip) = endpoint(a);
    let ip = Ip4Text::new(ip);
    if a.node_egress_blocked() {
        NodeStatus {
            node: "NotReady",
            text: cat(&[
                "NotReady: the kubelet's calls to ",
                words,
                &ip,
                " leave",
                &public_leg(a),
                ", which the authorized ranges omit (a running cluster updated into this state; created like this, az aks create fails at node bootstrap).",
            ]),
        }
    } else {
        NodeStatus {
            node: "Ready",
            text: cat(&[
                "Ready: the kubelet's own calls reach ",
                words,
                &ip,
                &public_leg(a),
                ".",
            ]),
        }
    }
}

/// What cutting the nodes' egress does, for `why` texts: both connections, and how the cluster
/// got there (update) versus what a create would do.
pub fn cut_words(a: &Analysis<'_>) -> String {
    let c = &a.scenario().cluster;
    cat(&[
        "Both connections from the node are cut: the kubelet's own calls (node status, lease), so the node goes NotReady after the node-lease grace period (about 40 s) and no new pod starts on it; and the konnectivity tunnel, so `kubectl logs` and `exec` fail with `",
        &kubectl::logs_timeout(c),
        "`. This is a running cluster updated into this state (`az aks update --api-server-authorized-ip-ranges`); `az aks create` with these ranges fails instead at node bootstrap with ",
        kubectl::BOOTSTRAP_CONN_FAIL,
        " (exit status ",
        &kubectl::BOOTSTRAP_CONN_FAIL_EXIT.to_string(),
        ").",
    ])
}
