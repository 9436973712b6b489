//! The structured data the model hands to the layers above, so that none of them re-parses a
//! string: the connection's target on each event, the filter state on the trace, each
//! transcript command with the step it waits for, and the entry index on each ranges message.
#![cfg(not(target_arch = "wasm32"))]

use std::net::{Ipv4Addr, SocketAddrV4};

use aks_netviz::link;
use aks_netviz::model::{simulate, Analysis, EventKind, Scenario, Trace};
use aks_netviz::render::{transcript, HookValues};

fn scenario(fragment: &str) -> Scenario {
    link::parse_strict(fragment)
        .expect("valid test fragment")
        .scenario
}

fn run(fragment: &str) -> Trace {
    simulate(&scenario(fragment))
}

#[test]
fn connection_events_carry_their_target_and_dns_events_none() {
    let public = SocketAddrV4::new(Ipv4Addr::new(52, 226, 4, 150), 443);
    let t = run("");
    let packets: Vec<_> = t
        .events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::Packet | EventKind::Filter))
        .collect();
    assert_eq!(packets.len(), 3, "internet, public endpoint, API server");
    assert!(packets.iter().all(|e| e.target == Some(public)));
    assert!(t
        .events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::DnsQuery | EventKind::DnsAnswer))
        .all(|e| e.target.is_none()));

    // A private cluster from on-prem: the VPN and peering legs go to the private endpoint.
    let private = SocketAddrV4::new(Ipv4Addr::new(10, 224, 0, 4), 443);
    let t = run("mode=private&dns=none&client=onprem");
    let vpn = t.events.iter().find(|e| e.kind == EventKind::Packet);
    assert_eq!(vpn.map(|e| e.target), Some(Some(private)));
    // The node's own connections are not the client's: no target.
    let node_legs = t
        .events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::Kubelet | EventKind::Tunnel));
    assert!(node_legs.into_iter().all(|e| e.target.is_none()));
}

#[test]
fn the_filter_state_is_one_rule_for_trace_diagram_and_simulator() {
    for (fragment, on) in [
        ("mode=authorized", true),
        ("mode=authorized&ranges=0.0.0.0/32", true),
        ("mode=vnet&ranges=1.1.1.1/32", true),
        // An empty list or a list of blanks switches the filter off, as "" does in az.
        ("mode=vnet&ranges=", false),
        ("mode=vnet&ranges=%20", false),
        ("mode=vnet&ranges=%20,%20", false),
        ("mode=vnet", false),
        ("mode=public&ranges=1.1.1.1/32", false),
    ] {
        let s = scenario(fragment);
        assert_eq!(s.filter_active(), on, "{fragment}");
        assert_eq!(Analysis::new(&s).filter_active(), on, "{fragment}");
        assert_eq!(simulate(&s).filter_active, on, "{fragment}");
    }
}

#[test]
fn transcript_blocks_wait_for_the_step_their_command_needs() {
    let s = scenario("");
    let hooks = HookValues::for_scenario(&s);
    let shown: Vec<(&str, usize)> = hooks
        .transcript_blocks
        .iter()
        .map(|b| (b.command.as_str(), b.shown_from))
        .collect();
    // Ten events: start, two queries, two answers, three packets, the kubelet and the tunnel;
    // the resolver's answer to the laptop is the fifth.
    assert_eq!(
        shown,
        [
            ("az aks show -n aks-ntwdemo1 -g aksntwdemo -o table", 0),
            (
                "nslookup aks-ntwdem-aksntwdemo-16e85b-6t70z79x.hcp.eastus.azmk8s.io",
                5
            ),
            ("kubectl get nodes", 10),
        ]
    );
    let joined = hooks
        .transcript_blocks
        .iter()
        .map(|b| b.text())
        .collect::<Vec<_>>()
        .join("\n");
    assert_eq!(joined, transcript(&s));
    assert_eq!(hooks.transcript, transcript(&s));

    // An invalid cluster: the create line and its error, shown from the start.
    let invalid = HookValues::for_scenario(&scenario("mode=private&ranges=1.1.1.1/32"));
    assert_eq!(invalid.transcript_blocks.len(), 1);
    assert_eq!(invalid.transcript_blocks[0].shown_from, 0);

    // Run command with the tunnel cut: the invoke and `kubectl logs` wait for the end.
    let rc = scenario("mode=authorized&egress=natgw&client=runcommand");
    let t = simulate(&rc);
    let blocks = HookValues::for_scenario(&rc).transcript_blocks;
    let last: Vec<(&str, usize)> = blocks
        .iter()
        .skip(2)
        .map(|b| (&b.command[..16], b.shown_from))
        .collect();
    assert_eq!(t.events.len(), 5);
    assert_eq!(last, [("az aks command i", 5), ("kubectl logs web", 5)]);
}

#[test]
fn ranges_messages_name_the_entry_they_are_about_by_position() {
    // The same bad text twice: each message belongs to one field, not to both.
    let s = scenario("mode=authorized&ranges=1.2.3.4/33,8.8.8.8/32,1.2.3.4/33,10.0.0.0/8");
    let t = simulate(&s);
    let at: Vec<(Option<usize>, Option<&str>)> = t
        .validation
        .iter()
        .map(|m| (m.entry_index, m.entry.as_deref()))
        .collect();
    assert_eq!(
        at,
        [
            (Some(0), Some("1.2.3.4/33")),
            (Some(2), Some("1.2.3.4/33")),
            (Some(3), Some("10.0.0.0/8")),
        ]
    );
    // List-level messages have no entry; `0.0.0.0/32` with others names its own field.
    let s = scenario("mode=authorized&ranges=8.8.8.8/32,,0.0.0.0/32");
    let at: Vec<Option<usize>> = simulate(&s)
        .validation
        .iter()
        .map(|m| m.entry_index)
        .collect();
    assert_eq!(at, [Some(2), None]);
}
