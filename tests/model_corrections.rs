//! The model as corrected on 2026-12-01 (docs/model.md, "Corrected" paragraph): one test per rule
//! the review found wrong, each failing on the model it replaced.
#![cfg(not(target_arch = "wasm32"))]

use aks_netviz::link;
use aks_netviz::model::{simulate, EventKind, Hop, Outcome, Place, Trace, Tunnel, Verdict};
use aks_netviz::render::{transcript, HookValues};
use ipnet::Ipv4Net;

fn run(fragment: &str) -> Trace {
    simulate(
        &link::parse_strict(fragment)
            .expect("valid test fragment")
            .scenario,
    )
}

fn hooks(fragment: &str) -> HookValues {
    HookValues::for_scenario(&link::parse_strict(fragment).unwrap().scenario)
}

#[test]
fn run_command_needs_a_ready_node_and_its_unsourced_texts_are_labelled() {
    let t = run("mode=authorized&egress=natgw&client=runcommand");
    assert_eq!(t.outcome, Outcome::Timeout, "{}", t.summary);
    assert!(!t.node_ready);
    assert!(t.output_illustrative);
    let pod = t
        .events
        .iter()
        .find(|e| e.hop == Hop::ApiServer && e.kind == EventKind::Request)
        .unwrap();
    assert_eq!(pod.verdict, Verdict::Block);
    assert!(t.why.unwrap().contains("never starts"));
    let ok = run("mode=private&client=runcommand");
    assert_eq!(ok.outcome, Outcome::Success);
    assert!(
        ok.output_illustrative,
        "the header is az's, the timing fixed"
    );
    let denied = run("mode=private&client=runcommand&runcommand=off");
    assert_eq!(denied.outcome, Outcome::Denied);
    assert!(denied.output_illustrative);
    assert!(!run("mode=private&client=vm").output_illustrative);
}

#[test]
fn vms_and_nodes_name_the_systemd_resolved_stub() {
    let t = run("mode=private&client=peered");
    assert!(
        t.kubectl_output.ends_with("on 127.0.0.53:53: no such host"),
        "{}",
        t.kubectl_output
    );
    // The diagram keeps Azure DNS: the query still goes there, through the stub.
    let query = t
        .events
        .iter()
        .find(|e| e.kind == EventKind::DnsQuery)
        .unwrap();
    assert_eq!(query.to, Place::AzureDns);
    assert!(query.detail.contains("127.0.0.53"), "{}", query.detail);
    assert!(query.detail.contains("168.63.129.16"), "{}", query.detail);
    let text = transcript(
        &link::parse_strict("mode=private&client=vm")
            .unwrap()
            .scenario,
    );
    assert!(
        text.contains("Server:\t\t127.0.0.53\nAddress:\t127.0.0.53#53"),
        "{text}"
    );
}

#[test]
fn the_translation_to_the_egress_ip_is_a_step_of_the_trace() {
    let t = run("mode=authorized&egress=natgw&client=node&ranges=81.56.12.7/32,20.81.110.5/32");
    let nat = t.events.iter().find(|e| e.kind == EventKind::Nat).unwrap();
    assert_eq!(
        (nat.hop, nat.from, nat.to),
        (Hop::Egress, Place::Node, Place::NatGateway)
    );
    assert_eq!(nat.label, "SNAT 10.224.0.5 → 20.81.110.5");
    let filter = t.events.iter().position(|e| e.hop == Hop::AuthorizedRanges);
    let nat_at = t.events.iter().position(|e| e.kind == EventKind::Nat);
    assert!(nat_at < filter, "translated before the filter judges it");
    let fw = run("mode=authorized&egress=firewall&client=vm&ranges=20.81.96.14/32");
    let nat = fw.events.iter().find(|e| e.kind == EventKind::Nat).unwrap();
    assert_eq!(nat.to, Place::Firewall);
    assert!(
        nat.detail.contains("*.hcp.eastus.azmk8s.io:443"),
        "{}",
        nat.detail
    );
    let lb = run("mode=public&client=node");
    assert!(lb.events.iter().any(|e| e.to == Place::LoadBalancer));
}

#[test]
fn vnet_integration_keeps_konnectivity_for_pod_traffic_under_overlay() {
    let t = run("mode=vnet&client=node");
    assert_eq!(t.tunnel, Tunnel::Direct);
    let tunnel = t.events.iter().find(|e| e.hop == Hop::Tunnel).unwrap();
    assert_eq!(tunnel.to, Place::Ilb);
    assert!(
        tunnel.label.contains("konnectivity (pod traffic)"),
        "{}",
        tunnel.label
    );
    assert!(tunnel.detail.contains("Overlay"), "{}", tunnel.detail);
    assert!(
        !tunnel.detail.contains("without a tunnel"),
        "{}",
        tunnel.detail
    );
    assert!(!t.summary.contains("without a tunnel"), "{}", t.summary);
}

#[test]
fn settings_without_effect_are_said_not_ignored() {
    let public = hooks("mode=public&ranges=1.2.3.4/32");
    assert_eq!(public.notes.len(), 1);
    assert_eq!(public.notes[0].key, "ranges");
    assert_eq!(public.outcome, Outcome::Success);
    let kubeconfig = hooks("mode=private&publicfqdn=off&kubeconfig=public&client=vm");
    assert_eq!(
        kubeconfig.notes.iter().map(|n| n.key).collect::<Vec<_>>(),
        ["kubeconfig"]
    );
    assert!(hooks("mode=private&client=vm").notes.is_empty());
    let json = hooks("mode=public&ranges=1.2.3.4/32").to_json_pretty();
    assert!(json.contains("\"notes\""), "{json}");
}

#[test]
fn the_hub_and_on_prem_overlap_nothing_of_the_clusters() {
    let a = aks_netviz::model::Cluster::default().addresses;
    let cluster = [
        a.vnet,
        a.service_cidr,
        a.pod_cidr,
        Ipv4Net::from(a.dns_service_ip),
    ];
    for other in [a.hub_vnet, a.onprem_network] {
        for c in cluster {
            assert!(
                !other.contains(&c.network()) && !c.contains(&other.network()),
                "{other} overlaps {c}"
            );
        }
    }
    assert!(a.hub_vnet.contains(&a.hub_vm_ip));
    assert!(a.hub_vnet.contains(&a.private_resolver_ip));
}

#[test]
fn the_node_status_hook_says_which_connection_decides() {
    let ready = hooks("mode=private&client=vm");
    assert_eq!(ready.node_status.node, "Ready");
    assert!(ready.node_status.text.contains("kubelet"));
    let cut = hooks("mode=authorized&egress=firewall&client=laptop");
    assert_eq!(cut.outcome, Outcome::Success);
    assert_eq!(cut.node_status.node, "NotReady");
    assert!(
        cut.node_status.text.contains("updated into this state"),
        "{}",
        cut.node_status.text
    );
    assert!(
        cut.summary.contains("kubelet cannot reach the API server"),
        "{}",
        cut.summary
    );
    assert!(!cut.summary.contains("tunnel is down"), "{}", cut.summary);
}
