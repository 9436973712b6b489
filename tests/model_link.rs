//! The deep-link fragment codec (docs/contract.md "Deep links").
#![cfg(not(target_arch = "wasm32"))]

use std::net::Ipv4Addr;

use aks_netviz::link::{self, Link, Theme, View};
use aks_netviz::model::{ClientKind, DnsZone, Egress, Kubeconfig, Mode, Scenario};

#[test]
fn empty_fragment_is_the_default() {
    for f in ["", "#", "#&&", "&"] {
        let (l, errors) = link::parse(f);
        assert_eq!(l, Link::default(), "{f}");
        assert!(errors.is_empty());
    }
    assert_eq!(link::print(&Link::default()), "");
    let s = Scenario::default();
    assert_eq!(s.mode, Mode::Public);
    assert_eq!(s.client, ClientKind::Laptop);
    assert_eq!(s.laptop_ip, Ipv4Addr::new(81, 56, 12, 7));
    assert_eq!(s.egress, Egress::Lb);
    assert_eq!(s.kubeconfig, Kubeconfig::Private);
    assert!(s.run_command && !s.zone_link && !s.forwarder && !s.private);
}

#[test]
fn contract_examples() {
    let (l, e) = link::parse("#mode=private&dns=none&client=onprem");
    assert!(e.is_empty());
    assert_eq!(l.scenario.mode, Mode::Private);
    assert_eq!(l.scenario.dns, Some(DnsZone::None));
    assert_eq!(l.scenario.client, ClientKind::OnPrem);
    let (l, e) = link::parse("#mode=authorized&ranges=1.1.1.1/32&ip=81.56.12.7");
    assert!(e.is_empty());
    assert_eq!(l.scenario.ranges.as_deref(), Some("1.1.1.1/32"));
    assert_eq!(link::print(&l), "mode=authorized&ranges=1.1.1.1/32");
}

#[test]
fn every_key_parses_and_prints() {
    let f = "mode=vnet&dns=byo&publicfqdn=off&private=on&ranges=1.1.1.1/32,2.2.2.0/24&egress=firewall&client=peered&ip=1.2.3.4&zonelink=on&forwarder=on&runcommand=off&kubeconfig=public&cluster=aks-ntwdemo11&step=3&view=embed&theme=dark&exercise=ex-1";
    let (l, e) = link::parse(f);
    assert!(e.is_empty(), "{e:?}");
    let s = &l.scenario;
    assert_eq!(s.mode, Mode::Vnet);
    assert_eq!(s.dns, Some(DnsZone::Byo));
    assert_eq!(s.public_fqdn, Some(false));
    assert!(s.private && s.zone_link && s.forwarder && !s.run_command);
    assert_eq!(s.egress, Egress::Firewall);
    assert_eq!(s.client, ClientKind::Peered);
    assert_eq!(s.laptop_ip, Ipv4Addr::new(1, 2, 3, 4));
    assert_eq!(s.kubeconfig, Kubeconfig::Public);
    assert_eq!(s.cluster.name, "aks-ntwdemo11");
    assert_eq!(l.step, Some(3));
    assert_eq!(l.view, View::Embed);
    assert_eq!(l.theme, Theme::Dark);
    assert_eq!(l.exercise.as_deref(), Some("ex-1"));
    assert_eq!(link::print(&l), f);
}

#[test]
fn bad_value_names_key_value_and_allowed_and_keeps_the_rest() {
    let (l, e) = link::parse("mode=privat&client=vm&ip=1.2.3&step=-1&zonelink=yes");
    assert_eq!(l.scenario.mode, Mode::Public);
    assert_eq!(l.scenario.client, ClientKind::Vm);
    assert_eq!(l.scenario.laptop_ip, Ipv4Addr::new(81, 56, 12, 7));
    assert_eq!(l.step, None);
    let keys: Vec<&str> = e.iter().map(|e| e.key.as_str()).collect();
    assert_eq!(keys, ["mode", "ip", "step", "zonelink"]);
    assert_eq!(e[0].value, "privat");
    assert_eq!(e[0].allowed, "public, authorized, private, vnet");
    let text = e[0].to_string();
    assert!(
        text.contains("`mode`")
            && text.contains("privat")
            && text.contains("public, authorized, private, vnet"),
        "{text}"
    );
    assert_eq!(e[3].allowed, "on, off");
}

#[test]
fn unknown_keys_ignored() {
    let (l, e) = link::parse("foo=bar&mode=private&=x&novalue");
    assert!(e.is_empty());
    assert_eq!(l.scenario.mode, Mode::Private);
}

#[test]
fn last_value_wins() {
    let (l, e) = link::parse("mode=bogus&mode=private&client=vm&client=node");
    assert!(e.is_empty(), "a later good value clears the error: {e:?}");
    assert_eq!(l.scenario.mode, Mode::Private);
    assert_eq!(l.scenario.client, ClientKind::Node);
}

#[test]
fn percent_decoding() {
    let (l, _) = link::parse("ranges=1.1.1.1%2F32%2C%202.2.2.2&exercise=caf%C3%A9+1");
    assert_eq!(l.scenario.ranges.as_deref(), Some("1.1.1.1/32, 2.2.2.2"));
    assert_eq!(l.exercise.as_deref(), Some("café+1"));
    let (l, _) = link::parse("exercise=100%&ranges=%zz%4");
    assert_eq!(l.exercise.as_deref(), Some("100%"));
    assert_eq!(l.scenario.ranges.as_deref(), Some("%zz%4"));
    let (l, _) = link::parse("exercise=%FF");
    assert_eq!(l.exercise.as_deref(), Some("\u{FFFD}"));
    let (l, _) = link::parse("%6Dode=private");
    assert_eq!(l.scenario.mode, Mode::Private);
}

#[test]
fn percent_encoding() {
    assert_eq!(link::percent_encode("aZ09-._~/,:"), "aZ09-._~/,:");
    assert_eq!(
        link::percent_encode("a b&c=d#e%f+g"),
        "a%20b%26c%3Dd%23e%25f%2Bg"
    );
    assert_eq!(link::percent_encode("é"), "%C3%A9");
    let l = Link {
        scenario: Scenario {
            mode: Mode::Authorized,
            ranges: Some(" 1.1.1.1 ,2.2.2.2/32&x".into()),
            ..Scenario::default()
        },
        ..Link::default()
    };
    let printed = link::print(&l);
    assert_eq!(
        printed,
        "mode=authorized&ranges=%201.1.1.1%20,2.2.2.2/32%26x"
    );
    assert_eq!(link::parse(&printed).0, l);
}

#[test]
fn given_keys_are_kept() {
    // `dns=system` is the default value but giving it matters (invalid on a public cluster).
    let (l, _) = link::parse("dns=system&publicfqdn=on&ranges=");
    assert_eq!(l.scenario.dns, Some(DnsZone::System));
    assert_eq!(l.scenario.public_fqdn, Some(true));
    assert_eq!(l.scenario.ranges.as_deref(), Some(""));
    assert_eq!(link::print(&l), "dns=system&publicfqdn=on&ranges=");
}

#[test]
fn strict_variant() {
    assert_eq!(
        link::parse_strict("#mode=vnet&private=on")
            .unwrap()
            .scenario
            .mode,
        Mode::Vnet
    );
    let e = link::parse_strict("mode=vnet&egress=nat").unwrap_err();
    assert_eq!(e.key, "egress");
    assert_eq!(e.value, "nat");
    assert_eq!(e.allowed, "lb, natgw, firewall");
    assert!(link::parse_strict("cluster=-bad-").is_err());
    assert!(link::parse_strict("step=99999999999").is_err());
    assert!(link::parse_strict("theme=blue").is_err());
    assert!(link::parse_strict("view=presenter").is_err());
    assert!(link::parse_strict("kubeconfig=both").is_err());
    assert!(link::parse_strict("client=cloudshell").is_err());
    assert!(link::parse_strict("dns=custom").is_err());
}

#[test]
fn cluster_name_rule() {
    assert!(link::valid_cluster_name("a"));
    assert!(link::valid_cluster_name("aks_ntw-demo1"));
    assert!(!link::valid_cluster_name(""));
    assert!(!link::valid_cluster_name("-a"));
    assert!(!link::valid_cluster_name("a-"));
    assert!(!link::valid_cluster_name("a.b"));
    assert!(!link::valid_cluster_name(&"a".repeat(64)));
    assert!(link::valid_cluster_name(&"a".repeat(63)));
}
