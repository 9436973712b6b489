//! docs/model.md section 5 as data: every cell of `tests/data/outcomes.json` (the one copy of the
//! expected-outcomes table, also read by the page-level tests) against the model.
#![cfg(not(target_arch = "wasm32"))]

use aks_netviz::link;
use aks_netviz::model::{simulate, EventKind, Hop, Verdict};
mod common;

#[test]
fn every_cell_of_the_expected_outcomes_table_holds() {
    let cells = common::cells();
    assert!(cells.len() >= 100, "the whole table is there");
    let mut wrong = Vec::new();
    for cell in &cells {
        let scenario = link::parse_strict(&cell.fragment)
            .unwrap_or_else(|e| panic!("{}: {e}", cell.fragment))
            .scenario;
        let t = simulate(&scenario);
        let blocked_at = t
            .path
            .iter()
            .find(|p| p.verdict == Verdict::Block)
            .map(|p| p.hop.to_string());
        let egress_via = t
            .events
            .iter()
            .find(|e| e.hop == Hop::Egress)
            .map(|e| e.to.to_string());
        let got = (
            t.outcome.to_string(),
            t.dns_answer.to_string(),
            t.tunnel.to_string(),
            t.node_status.node.to_string(),
            blocked_at,
            egress_via,
        );
        let want = (
            cell.outcome.clone(),
            cell.dns_answer.clone(),
            cell.tunnel.clone(),
            cell.node.clone(),
            cell.blocked_at.clone(),
            cell.egress_via.clone(),
        );
        if got != want {
            wrong.push(format!(
                "{} ({}):\n  want {want:?}\n  got  {got:?}\n  {}",
                cell.fragment, cell.row, t.summary
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Every cell draws the node's two connections, each with its own verdict, and the node's
/// status follows the kubelet's alone.
#[test]
fn every_cell_shows_the_kubelet_and_the_tunnel_apart() {
    for cell in common::cells() {
        let s = link::parse_strict(&cell.fragment).unwrap().scenario;
        let t = simulate(&s);
        let kubelet: Vec<_> = t
            .events
            .iter()
            .filter(|e| e.kind == EventKind::Kubelet)
            .collect();
        let tunnel: Vec<_> = t
            .events
            .iter()
            .filter(|e| e.kind == EventKind::Tunnel)
            .collect();
        assert_eq!(kubelet.len(), 1, "{}", cell.fragment);
        assert_eq!(tunnel.len(), 1, "{}", cell.fragment);
        assert_eq!(
            kubelet[0].verdict == Verdict::Pass,
            cell.node == "Ready",
            "{}: the kubelet decides Ready",
            cell.fragment
        );
        assert_eq!(t.node_ready, cell.node == "Ready", "{}", cell.fragment);
        assert!(
            !t.node_status.text.contains("tunnel"),
            "{}: the node status never names the tunnel: {}",
            cell.fragment,
            t.node_status.text
        );
    }
}
