//! Property tests over random scenarios and fragments.
#![cfg(not(target_arch = "wasm32"))]

use std::net::Ipv4Addr;

use aks_netviz::link::{self, Link, Theme, View};
use aks_netviz::model::{
    simulate, ClientKind, Cluster, DnsAnswer, DnsZone, Egress, Hop, Kubeconfig, Mode, Outcome,
    Scenario, Tunnel, Verdict,
};
use ipnet::Ipv4Net;
use proptest::prelude::*;

const PUBLIC_IP: Ipv4Addr = Ipv4Addr::new(52, 226, 4, 150);
const PE_IP: Ipv4Addr = Ipv4Addr::new(10, 224, 0, 4);
const ILB_IP: Ipv4Addr = Ipv4Addr::new(10, 226, 0, 4);
const LB_EGRESS: Ipv4Addr = Ipv4Addr::new(20, 246, 161, 12);

fn pick<T: Clone + std::fmt::Debug + 'static>(all: &'static [T]) -> impl Strategy<Value = T> {
    proptest::sample::select(all)
}

/// Addresses that matter (the defaults, egress IPs, neighbours) plus anything.
const INTERESTING: &[Ipv4Addr] = &[
    Ipv4Addr::new(81, 56, 12, 7),
    Ipv4Addr::new(81, 56, 12, 8),
    Ipv4Addr::new(81, 56, 40, 1),
    Ipv4Addr::new(20, 81, 110, 5),
    Ipv4Addr::new(20, 81, 96, 14),
    Ipv4Addr::new(1, 1, 1, 1),
    LB_EGRESS,
];

fn ip() -> impl Strategy<Value = Ipv4Addr> {
    prop_oneof![pick(INTERESTING), any::<u32>().prop_map(Ipv4Addr::from),]
}

/// One range entry: mostly valid CIDRs around interesting addresses, sometimes junk.
fn entry() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (ip(), 0u8..=32).prop_map(|(ip, p)| {
            Ipv4Net::new(ip, p).map(|n| n.trunc().to_string()).unwrap_or_default()
        }),
        2 => ip().prop_map(|ip| ip.to_string()),
        1 => (ip(), 0u8..=40).prop_map(|(ip, p)| format!("{ip}/{p}")),
        1 => pick(&["0.0.0.0/32", "", " 1.1.1.1 ", "::1", "3ffe::1", "10.0.0.0/8", "81.xxx.yyy.zzz/32", "137.117.106.90/29"])
            .prop_map(str::to_string),
        1 => "[ -~]{0,12}",
    ]
}

fn ranges() -> impl Strategy<Value = Option<String>> {
    prop::option::of(prop::collection::vec(entry(), 0..6).prop_map(|v| v.join(",")))
}

fn cluster_name() -> impl Strategy<Value = String> {
    prop_oneof![
        pick(&["aks-ntwdemo1", "aks-ntwdemo2", "aks-ntwdemo11"]).prop_map(str::to_string),
        "[a-z0-9][a-z0-9_-]{0,20}[a-z0-9]",
    ]
}

prop_compose! {
    fn scenario()(
        mode in pick(Mode::ALL),
        dns in prop::option::of(pick(DnsZone::ALL)),
        public_fqdn in prop::option::of(any::<bool>()),
        private in any::<bool>(),
        ranges in ranges(),
        egress in pick(Egress::ALL),
        client in pick(ClientKind::ALL),
        laptop_ip in ip(),
        zone_link in any::<bool>(),
        forwarder in any::<bool>(),
        run_command in any::<bool>(),
        kubeconfig in pick(Kubeconfig::ALL),
        name in cluster_name(),
    ) -> Scenario {
        Scenario {
            cluster: Cluster { name, ..Cluster::default() },
            mode, dns, public_fqdn, private, ranges, egress, client, laptop_ip,
            zone_link, forwarder, run_command, kubeconfig,
        }
    }
}

prop_compose! {
    fn a_link()(
        scenario in scenario(),
        step in prop::option::of(any::<u32>()),
        view in pick(View::ALL),
        theme in pick(Theme::ALL),
        exercise in prop::option::of(any::<String>()),
    ) -> Link {
        Link { scenario, step, view, theme, exercise }
    }
}

/// Independent containment check with `ipnet` (bare IP = /32, host bits truncated).
fn listed(ranges: &str, ip: Ipv4Addr) -> bool {
    ranges.split(',').map(str::trim).any(|e| {
        let e = if e.contains('/') {
            e.to_string()
        } else {
            format!("{e}/32")
        };
        e.parse::<Ipv4Net>().is_ok_and(|n| n.trunc().contains(&ip))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// A private API server is never reached from the laptop over the Internet: a laptop
    /// success always went to the public endpoint of a public IP.
    #[test]
    fn laptop_success_is_always_public(mut s in scenario()) {
        s.client = ClientKind::Laptop;
        let t = simulate(&s);
        if s.is_private() {
            prop_assert_ne!(t.outcome, Outcome::Success);
        }
        if t.outcome == Outcome::Success {
            prop_assert!(!s.is_private());
            prop_assert_eq!(t.dns_answer, DnsAnswer::Address(PUBLIC_IP));
            prop_assert!(t.path.iter().any(|p| p.hop == Hop::PublicEndpoint && p.verdict == Verdict::Pass));
            prop_assert!(!t.path.iter().any(|p| p.hop == Hop::PrivateEndpoint || p.hop == Hop::Ilb));
        }
    }

    /// A laptop IP outside every authorized range never passes the authorized-ranges hop.
    #[test]
    fn unlisted_laptop_never_passes_the_filter(mut s in scenario()) {
        s.client = ClientKind::Laptop;
        let t = simulate(&s);
        let passed = t.path.iter().any(|p| p.hop == Hop::AuthorizedRanges && p.verdict == Verdict::Pass);
        if passed {
            let text = s.ranges_text().unwrap_or_default();
            prop_assert!(s.laptop_ip == LB_EGRESS || listed(text, s.laptop_ip),
                "{} passed with ranges {:?}", s.laptop_ip, text);
        }
        if let Some(text) = s.ranges_text() {
            if t.outcome != Outcome::Invalid && !text.trim().is_empty()
                && !listed(text, s.laptop_ip) && s.laptop_ip != LB_EGRESS && !s.is_private()
            {
                prop_assert_eq!(t.outcome, Outcome::Timeout);
                prop_assert_eq!(t.path.last().map(|p| (p.hop, p.verdict)), Some((Hop::AuthorizedRanges, Verdict::Block)));
            }
        }
    }

    /// The DNS answer always matches the mode.
    #[test]
    fn dns_answer_matches_mode(s in scenario()) {
        let t = simulate(&s);
        if t.outcome == Outcome::Invalid || s.client == ClientKind::RunCommand {
            prop_assert_eq!(t.dns_answer, DnsAnswer::None);
        } else if s.client == ClientKind::Node && s.vnet_integration() {
            prop_assert_eq!(t.dns_answer, DnsAnswer::None);
        } else if !s.is_private() {
            prop_assert_eq!(t.dns_answer, DnsAnswer::Address(PUBLIC_IP));
        } else if s.vnet_integration() {
            prop_assert!(matches!(t.dns_answer, DnsAnswer::Address(ILB_IP) | DnsAnswer::NxDomain), "{:?}", t.dns_answer);
        } else {
            prop_assert!(matches!(t.dns_answer, DnsAnswer::Address(PE_IP) | DnsAnswer::NxDomain), "{:?}", t.dns_answer);
        }
    }

    /// Hooks are consistent with each other on every scenario.
    #[test]
    fn hooks_agree(s in scenario()) {
        let t = simulate(&s);
        match t.outcome {
            Outcome::Invalid => {
                prop_assert!(!t.validation.is_empty());
                prop_assert!(t.events.is_empty() && t.path.is_empty());
            }
            Outcome::Success => {
                prop_assert!(t.validation.is_empty() && t.why.is_none());
                prop_assert!(t.path.iter().all(|p| p.verdict == Verdict::Pass));
                prop_assert!(t.kubectl_output.starts_with("NAME "));
            }
            _ => {
                prop_assert!(t.why.is_some());
                prop_assert_eq!(t.path.iter().filter(|p| p.verdict == Verdict::Block).count(), 1);
                prop_assert_eq!(t.path.last().map(|p| p.verdict), Some(Verdict::Block));
            }
        }
        if t.outcome == Outcome::NxDomain {
            prop_assert!(t.kubectl_output.ends_with(": no such host"));
        }
        if t.outcome == Outcome::Timeout && s.client != ClientKind::RunCommand {
            prop_assert!(t.kubectl_output.ends_with(":443: i/o timeout"));
        }
        if s.client == ClientKind::Node && t.outcome != Outcome::Invalid {
            prop_assert_eq!(t.outcome == Outcome::Success, t.tunnel != Tunnel::Down);
        }
        if t.outcome != Outcome::Invalid {
            // The node is Ready exactly when its kubelet's connection passes, whoever asks;
            // run command needs a Ready node.
            let kubelet = t.events.iter().find(|e| e.hop == Hop::Kubelet);
            prop_assert_eq!(kubelet.map(|e| e.verdict == Verdict::Pass), Some(t.node_ready));
            prop_assert_eq!(t.node_status.node == "Ready", t.node_ready);
            if s.client == ClientKind::RunCommand && s.run_command {
                prop_assert_eq!(t.outcome == Outcome::Success, t.node_ready);
            }
        }
        if s.vnet_integration() && t.outcome != Outcome::Invalid {
            prop_assert_eq!(t.tunnel, Tunnel::Direct);
        }
    }

    /// print then parse gives back the same link, without errors.
    #[test]
    fn fragment_round_trips(l in a_link()) {
        let printed = link::print(&l);
        let (back, errors) = link::parse(&printed);
        prop_assert!(errors.is_empty(), "{:?} from {}", errors, printed);
        prop_assert_eq!(&back, &l);
        let (again, _) = link::parse(&format!("#{printed}"));
        prop_assert_eq!(again, l);
        prop_assert!(printed.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~/,:=&%".contains(&b)));
    }

    /// parse never panics, and neither does anything downstream of it.
    #[test]
    fn parse_never_panics(f in any::<String>()) {
        let (l, _) = link::parse(&f);
        let _ = simulate(&l.scenario);
        let _ = aks_netviz::render::profile_json(&l.scenario.access_profile());
        let _ = link::parse_strict(&f);
    }

    /// Fragment-shaped junk: real keys with random values, stray `%`, `&`, `=`.
    #[test]
    fn parse_never_panics_on_fragment_like_input(
        parts in prop::collection::vec(
            (pick(&["mode", "dns", "publicfqdn", "private", "ranges", "egress", "client", "ip",
                    "zonelink", "forwarder", "runcommand", "kubeconfig", "cluster", "step", "view",
                    "theme", "exercise", "x"]),
             "[ -~%é]{0,24}"),
            0..12)
    ) {
        let f: String = parts.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&");
        let (l, _) = link::parse(&f);
        let t = simulate(&l.scenario);
        prop_assert!(!t.summary.is_empty());
        let _ = l.scenario.access_profile();
        let reprinted = link::print(&l);
        prop_assert_eq!(link::parse(&reprinted).0, l);
    }
}
