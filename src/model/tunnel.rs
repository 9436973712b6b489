//! The node's two connections to the control plane (docs/model.md section 4, "Node to control
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

use super::analysis::Analysis;
use super::egress;
use super::kubectl;
use super::trace::{Event, EventKind, Hop, NodeStatus, Place, Tunnel, Verdict};

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
    format!(
        " from {}, the address {} gives them",
        s.node_egress_ip(),
        egress::node_device(s).words
    )
}

/// The kubelet's own connection: what keeps the node `Ready`.
pub fn kubelet_event(a: &Analysis<'_>) -> Event {
    let (to, words, ip) = endpoint(a);
    let blocked = a.node_egress_blocked();
    let direct = if a.scenario().vnet_integration() {
        " directly, without DNS"
    } else {
        ""
    };
    let (label, detail) = if blocked {
        (
            format!("kubelet → {ip}"),
            format!("The kubelet's own calls (node status, lease, its pods) leave{}, which no authorized range lists: dropped. After the node-lease grace period (about 40 s) the node is NotReady and no new pod starts on it.", public_leg(a)),
        )
    } else {
        (
            format!("kubelet → {ip}"),
            format!(
                "The kubelet's own calls (node status, lease, its pods) reach {words}{ip}{}{direct}: they keep the node Ready.",
                public_leg(a)
            ),        )
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
    let (label, detail, verdict) = match a.tunnel() {
        Tunnel::Direct => (
            format!("konnectivity (pod traffic) → ILB {ip}"),
            format!("The API server reaches the kubelet on 10250 directly through the delegated subnet. With Azure CNI Overlay the pods' addresses ({}) are outside the VNet, so konnectivity-agent still keeps a tunnel to the ILB for API server → pod traffic: webhooks, metrics-server, port-forward to pods.", addr.pod_cidr),
            Verdict::Pass,
        ),
        Tunnel::Konnectivity => (
            format!("konnectivity → {ip}"),
            format!("konnectivity-agent keeps a tunnel to {words}{ip}{}; API server → kubelet traffic (logs, exec, port-forward, webhooks) rides back through it.", public_leg(a)),
            Verdict::Pass,
        ),
        Tunnel::Down => (
            format!("konnectivity → {ip}"),
            format!("konnectivity-agent's tunnel leaves{} too and is dropped: API server → kubelet traffic has no way back, so `kubectl logs` and `exec` fail with `{}`.", public_leg(a), kubectl::logs_timeout(&s.cluster)),
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
        target: None,
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
    if a.node_egress_blocked() {
        NodeStatus {
            node: "NotReady",
            text: format!("NotReady: the kubelet's calls to {words}{ip} leave{}, which the authorized ranges omit (a running cluster updated into this state; created like this, az aks create fails at node bootstrap).", public_leg(a)),
        }
    } else {
        NodeStatus {
            node: "Ready",
            text: format!(
                "Ready: the kubelet's own calls reach {words}{ip}{}.",
                public_leg(a)
            ),
        }
    }
}

/// What cutting the nodes' egress does, for `why` texts: both connections, and how the cluster
/// got there (update) versus what a create would do.
pub fn cut_words(a: &Analysis<'_>) -> String {
    let c = &a.scenario().cluster;
    format!("Both connections from the node are cut: the kubelet's own calls (node status, lease), so the node goes NotReady after the node-lease grace period (about 40 s) and no new pod starts on it; and the konnectivity tunnel, so `kubectl logs` and `exec` fail with `{}`. This is a running cluster updated into this state (`az aks update --api-server-authorized-ip-ranges`); `az aks create` with these ranges fails instead at node bootstrap with {} (exit status {}).", kubectl::logs_timeout(c), kubectl::BOOTSTRAP_CONN_FAIL, kubectl::BOOTSTRAP_CONN_FAIL_EXIT)
}
