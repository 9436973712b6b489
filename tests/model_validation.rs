//! Validation (docs/model.md section 6, docs/aks-facts.md section 5): every message with its exact text,
//! typos included, and the fragment key of the setting to change.
#![cfg(not(target_arch = "wasm32"))]

use std::net::Ipv4Addr;

use aks_netviz::link;
use aks_netviz::model::ranges::{classify, ParsedRanges, RangeProblem};
use aks_netviz::model::validate::MessageSource;
use aks_netviz::model::{simulate, validate, Hop, Outcome, Scenario, ValidationMessage, Verdict};

const MALFORMED: &str =
    "--api-server-authorized-ip-ranges should be a list of IPv4 addresses or CIDRs";
const NOT_GLOBAL: &str =
    "--api-server-authorized-ip-ranges must be global non-reserved addresses or CIDRs";
const IPV6: &str = "--api-server-authorized-ip-ranges cannot be IPv6 addresses";
const PRIVATE: &str = "--api-server-authorized-ip-ranges is not supported for private cluster";
const ZERO_WITH_OTHERS: &str = "Setting --api-server-authorized-ip-ranges to 0.0.0.0/32 is not allowed with other IP ranges.Refer to https://aka.ms/aks/whitelist for more details";
const DISABLED_AND_ENABLED: &str =
    "--api-server-authorized-ip-ranges cannot be disabled and simultaneously enabled";
const DNS_PUBLIC: &str =
    "Invalid private dns zone for public cluster. It should always be empty for public cluster";
const DISABLE_FQDN_PUBLIC: &str =
    "--disable-public-fqdn should only be used with --enable-private-cluster";
const NONE_NEEDS_PUBLIC_FQDN: &str =
    "Private cluster with none private dns zone must enable public FQDN feature.";

fn scenario(fragment: &str) -> Scenario {
    link::parse_strict(fragment)
        .expect("valid fragment")
        .scenario
}

fn messages(fragment: &str) -> Vec<ValidationMessage> {
    validate(&scenario(fragment))
}

fn texts(fragment: &str) -> Vec<String> {
    messages(fragment).iter().map(|m| m.to_string()).collect()
}

#[track_caller]
fn only(fragment: &str, key: &str, text: &str) -> ValidationMessage {
    let m = messages(fragment);
    assert_eq!(m.len(), 1, "{fragment}: {m:?}");
    assert_eq!(m[0].key, key, "{fragment}");
    assert_eq!(m[0].message, text, "{fragment}");
    let t = simulate(&scenario(fragment));
    assert_eq!(t.outcome, Outcome::Invalid);
    assert_eq!(t.validation, m);
    m[0].clone()
}

#[track_caller]
fn valid(fragment: &str) {
    assert_eq!(messages(fragment), vec![], "{fragment}");
    assert_ne!(simulate(&scenario(fragment)).outcome, Outcome::Invalid);
}

// ------------------------------------------------------------- combinations of settings

#[test]
fn defaults_are_valid() {
    for f in [
        "",
        "mode=authorized",
        "mode=private",
        "mode=private&dns=byo",
        "mode=private&dns=none",
        "mode=private&publicfqdn=off",
        "mode=private&dns=byo&publicfqdn=off",
        "mode=vnet",
        "mode=vnet&private=on",
        "mode=vnet&private=on&dns=byo&publicfqdn=off",
        "mode=vnet&ranges=1.1.1.1",
        "publicfqdn=on",
    ] {
        valid(f);
    }
}

#[test]
fn private_cluster_with_ranges() {
    let m = only(
        "mode=private&ranges=1.1.1.1/32",
        "ranges",
        "--api-server-authorized-ip-ranges is not supported for private cluster",
    );
    assert_eq!(m.source, MessageSource::Cli);
    only(
        "mode=vnet&private=on&ranges=1.1.1.1/32",
        "ranges",
        "--api-server-authorized-ip-ranges is not supported for private cluster",
    );
    // `""` means "no ranges": fine on a private cluster, as in az.
    valid("mode=private&ranges=");
}

#[test]
fn private_dns_zone_on_public_cluster() {
    let text =
        "Invalid private dns zone for public cluster. It should always be empty for public cluster";
    only("dns=system", "dns", text);
    only("dns=byo", "dns", text);
    only("mode=authorized&dns=none", "dns", text);
    only("mode=vnet&dns=system", "dns", text);
}

#[test]
fn disable_public_fqdn_on_public_cluster() {
    let text = "--disable-public-fqdn should only be used with --enable-private-cluster";
    only("publicfqdn=off", "publicfqdn", text);
    only("mode=authorized&publicfqdn=off", "publicfqdn", text);
    only("mode=vnet&publicfqdn=off", "publicfqdn", text);
}

#[test]
fn none_zone_needs_public_fqdn() {
    let text = "Private cluster with none private dns zone must enable public FQDN feature.";
    let m = only("mode=private&dns=none&publicfqdn=off", "publicfqdn", text);
    assert_eq!(m.source, MessageSource::Arm);
    only(
        "mode=vnet&private=on&dns=none&publicfqdn=off",
        "publicfqdn",
        text,
    );
}

#[test]
fn several_problems_are_all_reported() {
    let m = texts("dns=byo&publicfqdn=off");
    assert_eq!(
        m,
        [
            "Invalid private dns zone for public cluster. It should always be empty for public cluster",
            "--disable-public-fqdn should only be used with --enable-private-cluster"
        ]
    );
}

// ------------------------------------------------------------- authorized ranges

#[test]
fn host_bits_refused_network_address_accepted() {
    let m = only(
        "mode=authorized&ranges=137.117.106.90/29",
        "ranges",
        MALFORMED,
    );
    assert_eq!(m.entry.as_deref(), Some("137.117.106.90/29"));
    valid("mode=authorized&ranges=137.117.106.88/29");
}

#[test]
fn malformed_entries() {
    for bad in [
        "193.168.0",
        "81.xxx.yyy.zzz/32",
        "1.2.3.4/33",
        "1.2.3.4/",
        "1.2.3.256",
        "01.2.3.4",
        "1.2.3.4/24/1",
        "1.2.3.4.5",
        "a.b.c.d",
        "1.2.3.4/255.0.255.0",
        "1.2.3.4/-1",
    ] {
        let m = only(
            &format!("mode=authorized&ranges={}", link::percent_encode(bad)),
            "ranges",
            MALFORMED,
        );
        assert_eq!(m.entry.as_deref(), Some(bad));
    }
}

#[test]
fn python_ipaddress_forms_accepted() {
    assert_eq!(
        classify("8.8.8.8/032").map(|n| n.to_string()),
        Ok("8.8.8.8/32".into())
    );
    assert_eq!(
        classify("8.8.8.0/255.255.255.0").map(|n| n.to_string()),
        Ok("8.8.8.0/24".into())
    );
    assert_eq!(
        classify("8.8.8.0/0.0.0.255").map(|n| n.to_string()),
        Ok("8.8.8.0/24".into())
    );
    assert_eq!(
        classify("8.8.8.8").map(|n| n.to_string()),
        Ok("8.8.8.8/32".into())
    );
}

#[test]
fn non_global_entries() {
    for bad in [
        "10.0.0.0/8",
        "10.1.2.3",
        "172.16.0.0/12",
        "192.168.1.1",
        "100.64.0.1",
        "127.0.0.1",
        "169.254.169.254",
        "0.0.0.0",
        "0.1.2.3",
        "192.0.2.1",
        "198.51.100.0/24",
        "203.0.113.5",
        "198.18.0.1",
        "198.19.255.255",
        "240.0.0.1",
        "255.255.255.255",
        "192.0.0.8",
        "::1",
        "fe80::1",
        "fd00::/8",
        "2001:db8::/32",
    ] {
        let m = only(
            &format!("mode=authorized&ranges={}", link::percent_encode(bad)),
            "ranges",
            NOT_GLOBAL,
        );
        assert_eq!(m.entry.as_deref(), Some(bad));
    }
}

#[test]
fn global_entries() {
    for ok in [
        "1.1.1.1",
        "8.8.8.0/24",
        "20.81.110.5/32",
        "100.128.0.1",
        "172.32.0.1",
        "192.169.0.0/16",
        "198.20.0.1",
        "81.56.12.7/32",
        "128.0.0.0/1",
        "0.0.0.0/0",
        "10.0.0.0/7",
        "224.0.0.0/4",
        "239.1.2.3",
        "192.0.0.9",
    ] {
        valid(&format!("mode=authorized&ranges={ok}"));
    }
}

#[test]
fn ipv6_refused() {
    let m = only(
        "mode=authorized&ranges=3ffe:1900:4545:3:200:f8ff:fe21:67cf",
        "ranges",
        IPV6,
    );
    assert_eq!(
        m.entry.as_deref(),
        Some("3ffe:1900:4545:3:200:f8ff:fe21:67cf")
    );
    only("mode=authorized&ranges=2603:1030::/32", "ranges", IPV6);
    only(
        "mode=authorized&ranges=2603:1030::1/32",
        "ranges",
        MALFORMED,
    );
}

#[test]
fn zero_slash_32_alone_or_nothing() {
    valid("mode=authorized&ranges=0.0.0.0/32");
    let m = only(
        "mode=authorized&ranges=0.0.0.0/32,1.1.1.1",
        "ranges",
        "Setting --api-server-authorized-ip-ranges to 0.0.0.0/32 is not allowed with other IP ranges.Refer to https://aka.ms/aks/whitelist for more details",
    );
    assert_eq!(m.entry.as_deref(), Some("0.0.0.0/32"));
}

#[test]
fn empty_entry_mixed_with_ranges() {
    only(
        "mode=authorized&ranges=1.1.1.1,",
        "ranges",
        "--api-server-authorized-ip-ranges cannot be disabled and simultaneously enabled",
    );
    // The empty value alone disables the filter.
    valid("mode=authorized&ranges=");
    assert_eq!(
        scenario("mode=authorized&ranges=")
            .access_profile()
            .authorized_ip_ranges,
        None
    );
}

#[test]
fn whitespace_is_trimmed() {
    valid("mode=authorized&ranges=%201.1.1.1%20,%202.2.2.0/24%09");
    let p = scenario("mode=authorized&ranges=%201.1.1.1%20,%202.2.2.0/24%09").access_profile();
    assert_eq!(
        p.authorized_ip_ranges,
        Some(vec!["1.1.1.1/32".to_string(), "2.2.2.0/24".to_string()])
    );
}

#[test]
fn bare_ip_is_slash_32() {
    let p = scenario("mode=authorized&ranges=81.56.12.7").access_profile();
    assert_eq!(
        p.authorized_ip_ranges,
        Some(vec!["81.56.12.7/32".to_string()])
    );
    let parsed = ParsedRanges::parse("81.56.12.7", 200);
    assert!(parsed.contains(Ipv4Addr::new(81, 56, 12, 7)));
    assert!(!parsed.contains(Ipv4Addr::new(81, 56, 12, 8)));
}

fn many(n: usize) -> String {
    (0..n)
        .map(|i| {
            format!(
                "{}.{}.{}.0/24",
                11 + i / 62500,
                (i / 250) % 250 + 1,
                i % 250 + 1
            )
        })
        .collect::<Vec<_>>()
        .join(",")
}

#[test]
fn limit_200_without_vnet_integration() {
    valid(&format!("mode=authorized&ranges={}", many(200)));
    let m = only(
        &format!("mode=authorized&ranges={}", many(201)),
        "ranges",
        "The number of APIServer Authorized IP Ranges is greater than the allowed value 200.",
    );
    assert_eq!(m.source, MessageSource::Arm);
    assert_eq!(m.entry, None);
}

#[test]
fn limit_2000_with_vnet_integration() {
    valid(&format!("mode=vnet&ranges={}", many(201)));
    valid(&format!("mode=vnet&ranges={}", many(2000)));
    only(
        &format!("mode=vnet&ranges={}", many(2001)),
        "ranges",
        "The number of APIServer Authorized IP Ranges is greater than the allowed value 2000.",
    );
}

#[test]
fn every_bad_entry_is_named() {
    let m = messages("mode=authorized&ranges=10.0.0.0/8,1.1.1.1,137.117.106.90/29,::1");
    let got: Vec<(&str, Option<&str>)> = m
        .iter()
        .map(|m| (m.message.as_str(), m.entry.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (NOT_GLOBAL, Some("10.0.0.0/8")),
            (MALFORMED, Some("137.117.106.90/29")),
            (NOT_GLOBAL, Some("::1")),
        ]
    );
    assert!(m[1].detail().contains("137.117.106.90/29"));
}

#[test]
fn range_problems_classify() {
    assert_eq!(classify("137.117.106.90/29"), Err(RangeProblem::Malformed));
    assert_eq!(classify("10.0.0.1"), Err(RangeProblem::NotGlobal));
    assert_eq!(classify("3ffe::1"), Err(RangeProblem::Ipv6));
    assert!(classify("137.117.106.88/29").is_ok());
}

#[test]
fn containment() {
    let p = ParsedRanges::parse("137.117.106.88/29, 20.81.110.5,81.56.0.0/16", 200);
    assert!(p.is_valid());
    assert_eq!(p.len(), 3);
    for ip in [
        [137, 117, 106, 88],
        [137, 117, 106, 95],
        [20, 81, 110, 5],
        [81, 56, 40, 1],
    ] {
        assert!(p.contains(Ipv4Addr::from(ip)), "{ip:?}");
    }
    for ip in [
        [137, 117, 106, 96],
        [137, 117, 106, 87],
        [20, 81, 110, 6],
        [81, 57, 0, 1],
    ] {
        assert!(!p.contains(Ipv4Addr::from(ip)), "{ip:?}");
    }
    assert!(!ParsedRanges::parse("0.0.0.0/32", 200).contains(Ipv4Addr::new(0, 0, 0, 0)));
    assert!(ParsedRanges::parse("0.0.0.0/32", 200).only_cluster_egress());
}

#[test]
fn ranges_ignored_in_public_mode() {
    valid("ranges=10.0.0.0/8");
    assert_eq!(
        scenario("ranges=1.1.1.1")
            .access_profile()
            .authorized_ip_ranges,
        None
    );
}

#[test]
fn long_lists_memoised_per_limit() {
    let text = many(201);
    assert_eq!(ParsedRanges::parse(&text, 200).issues().len(), 1);
    assert!(ParsedRanges::parse(&text, 2000).is_valid());
    assert_eq!(ParsedRanges::parse(&text, 200).issues().len(), 1);
    let other = format!("{text},10.0.0.0/8");
    let issues = ParsedRanges::parse(&other, 2000).issues();
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].entry, Some("10.0.0.0/8"));
}

// ------------------------------------------------------------- az's verdicts, entry by entry

/// Fragment for the authorized mode with `ranges` set to `text`.
fn authorized(text: &str) -> String {
    format!("mode=authorized&ranges={}", link::percent_encode(text))
}

/// What az answers for one entry (`validate_ip_ranges`, CPython 3.13 `ipaddress`): `""` when it
/// accepts the entry, otherwise its message. Worked out from the rules in `model/ranges.rs`;
/// every row but the `192.0.0.x` ones and the IPv6 rows marked (3.13) is what Python 3.11's
/// `ipaddress` answers too (3.11 lacks the exceptions, has `192.0.0.0/29` instead of the /24
/// and lacks `3fff::/20`, `64:ff9b:1::/48`).
const AZ_VERDICTS: &[(&str, &str)] = &[
    ("1.1.1.1", ""),
    ("0.0.0.0/32", ""),
    ("0.0.0.0/0", ""),
    ("0.0.0.0/1", ""),
    ("0.0.0.0/7", ""),
    ("0.0.0.0/8", NOT_GLOBAL),
    ("0.0.0.0", NOT_GLOBAL),
    ("10.0.0.0/7", ""),
    ("10.0.0.0/8", NOT_GLOBAL),
    ("11.0.0.0/8", ""),
    ("100.64.0.0/10", NOT_GLOBAL),
    ("100.64.0.0/9", MALFORMED),
    ("100.0.0.0/9", ""),
    ("100.64.0.0/11", NOT_GLOBAL),
    ("100.127.255.255", NOT_GLOBAL),
    ("100.63.255.255", ""),
    ("126.0.0.0/7", ""),
    ("127.0.0.0/7", MALFORMED),
    ("127.0.0.1", NOT_GLOBAL),
    ("169.254.169.254", NOT_GLOBAL),
    ("172.0.0.0/11", ""),
    ("172.16.0.0/11", MALFORMED),
    ("172.16.0.0/12", NOT_GLOBAL),
    ("192.0.0.0/23", ""),
    ("192.0.0.0/24", NOT_GLOBAL),
    ("192.0.0.8/29", NOT_GLOBAL),
    ("192.0.0.8/30", NOT_GLOBAL),
    ("192.0.0.8/31", ""),
    ("192.0.0.8", NOT_GLOBAL),
    ("192.0.0.9/32", ""),
    ("192.0.0.10/31", ""),
    ("192.0.0.170/31", NOT_GLOBAL),
    ("192.0.0.171", NOT_GLOBAL),
    ("192.0.2.0/24", NOT_GLOBAL),
    ("192.168.0.0/15", ""),
    ("192.168.1.1", NOT_GLOBAL),
    ("198.18.0.0/15", NOT_GLOBAL),
    ("198.51.100.0/24", NOT_GLOBAL),
    ("203.0.113.5", NOT_GLOBAL),
    ("224.0.0.0/4", ""),
    ("224.0.0.0/3", ""),
    ("239.1.2.3", ""),
    ("240.0.0.0/4", NOT_GLOBAL),
    ("255.255.255.254/31", NOT_GLOBAL),
    ("255.255.255.255", NOT_GLOBAL),
    ("128.0.0.0/1", ""),
    ("137.117.106.90/29", MALFORMED),
    ("137.117.106.88/29", ""),
    ("2001:db8::/32", NOT_GLOBAL),
    ("2606:4700::/32", IPV6),
    ("::/0", IPV6),
    ("::/0064", IPV6),
    ("::", NOT_GLOBAL),
    ("::1", NOT_GLOBAL),
    ("::ffff:1.2.3.4", NOT_GLOBAL),
    ("64:ff9b::1", IPV6),
    ("64:ff9b:1::/48", NOT_GLOBAL), // (3.13)
    ("fe80::1", NOT_GLOBAL),
    ("fe80::1%eth0", NOT_GLOBAL),
    ("fe80::1%", MALFORMED),
    ("fc00::/6", IPV6),
    ("2001::/16", IPV6),
    ("2001::/23", NOT_GLOBAL),
    ("2001:1::1", IPV6),    // (3.13)
    ("2001:20::/28", IPV6), // (3.13)
    ("2001:db8::1/32", MALFORMED),
    ("2002::/16", NOT_GLOBAL), // (3.13)
    ("3fff::/20", NOT_GLOBAL), // (3.13)
];

#[test]
fn entries_judged_as_az_judges_them() {
    for &(entry, verdict) in AZ_VERDICTS {
        let fragment = authorized(entry);
        if verdict.is_empty() {
            valid(&fragment);
        } else {
            let m = only(&fragment, "ranges", verdict);
            assert_eq!(m.entry.as_deref(), Some(entry));
        }
    }
}

#[test]
fn zero_slash_zero_alone_lets_every_source_through() {
    valid("mode=authorized&ranges=0.0.0.0/0");
    let p = ParsedRanges::parse("0.0.0.0/0", 200);
    for ip in [[0, 0, 0, 0], [40, 76, 118, 200], [255, 255, 255, 255]] {
        assert!(p.contains(Ipv4Addr::from(ip)), "{ip:?}");
    }
    // The VM leaves from an unpredictable default-outbound address: only a range as wide as
    // 0.0.0.0/0 lets it through.
    for f in [
        "mode=authorized&ranges=0.0.0.0/0&client=vm",
        "mode=authorized&ranges=0.0.0.0/0&ip=203.0.114.9",
    ] {
        let t = simulate(&scenario(f));
        assert_eq!(t.outcome, Outcome::Success, "{f}");
        assert!(
            t.path
                .iter()
                .any(|p| p.hop == Hop::AuthorizedRanges && p.verdict == Verdict::Pass),
            "{f}"
        );
    }
    assert_eq!(
        simulate(&scenario("mode=authorized&client=vm")).outcome,
        Outcome::Timeout
    );
}

#[test]
fn multicast_and_wide_ranges_accepted() {
    for ok in ["224.0.0.0/4", "239.1.2.3", "10.0.0.0/7", "0.0.0.0/1"] {
        assert!(classify(ok).is_ok(), "{ok}");
    }
}

#[test]
fn ietf_protocol_block_follows_python_exceptions() {
    assert!(classify("192.0.0.9/32").is_ok());
    assert!(classify("192.0.0.10").is_ok());
    // An end of the network in an exception is enough.
    assert!(classify("192.0.0.8/31").is_ok());
    assert_eq!(classify("192.0.0.8/29"), Err(RangeProblem::NotGlobal));
    assert_eq!(classify("192.0.0.0/24"), Err(RangeProblem::NotGlobal));
}

#[test]
fn shared_address_space_refused_only_inside() {
    assert_eq!(classify("100.64.0.0/10"), Err(RangeProblem::NotGlobal));
    assert_eq!(classify("100.64.0.0/9"), Err(RangeProblem::Malformed));
    assert!(classify("100.0.0.0/9").is_ok());
}

#[test]
fn ipv6_message_choice() {
    only("mode=authorized&ranges=2001:db8::/32", "ranges", NOT_GLOBAL);
    only("mode=authorized&ranges=2606:4700::/32", "ranges", IPV6);
    only("mode=authorized&ranges=::/0", "ranges", IPV6);
    assert_eq!(classify("2001:20::/28"), Err(RangeProblem::Ipv6));
    assert_eq!(classify("3fff::/20"), Err(RangeProblem::NotGlobal));
    assert_eq!(classify("fe80::1%eth0"), Err(RangeProblem::NotGlobal));
}

// ------------------------------------------------------------- order of the messages

#[test]
fn private_cluster_entries_checked_before_private_refusal() {
    assert_eq!(
        texts(&format!(
            "mode=private&ranges={}",
            link::percent_encode("137.117.106.90/29")
        )),
        [MALFORMED, PRIVATE]
    );
    assert_eq!(
        texts("mode=vnet&private=on&ranges=0.0.0.0/32,1.1.1.1"),
        [ZERO_WITH_OTHERS, PRIVATE]
    );
    assert_eq!(
        texts("mode=private&dns=none&publicfqdn=off&ranges=10.0.0.1"),
        [NOT_GLOBAL, PRIVATE, NONE_NEEDS_PUBLIC_FQDN]
    );
    let t = simulate(&scenario("mode=private&ranges=10.0.0.1"));
    assert_eq!(t.outcome, Outcome::Invalid);
    assert_eq!(t.validation[0].message, NOT_GLOBAL);
    assert_eq!(t.validation[0].entry.as_deref(), Some("10.0.0.1"));
}

#[test]
fn range_errors_before_create_time_checks() {
    assert_eq!(
        texts("mode=authorized&dns=system&ranges=10.0.0.0/8"),
        [NOT_GLOBAL, DNS_PUBLIC]
    );
    assert_eq!(
        texts("mode=authorized&publicfqdn=off&ranges=1.1.1.1,"),
        [DISABLED_AND_ENABLED, DISABLE_FQDN_PUBLIC]
    );
    assert_eq!(
        simulate(&scenario("mode=vnet&dns=byo&ranges=::1")).validation[0].message,
        NOT_GLOBAL
    );
}

#[test]
fn list_checks_in_az_order_then_arm() {
    assert_eq!(
        texts("mode=authorized&ranges=10.0.0.1,,0.0.0.0/32"),
        [ZERO_WITH_OTHERS, DISABLED_AND_ENABLED, NOT_GLOBAL]
    );
    let too_many =
        "The number of APIServer Authorized IP Ranges is greater than the allowed value 200.";
    assert_eq!(
        texts(&format!(
            "mode=authorized&dns=byo&ranges=10.0.0.1,{}",
            many(200)
        )),
        [NOT_GLOBAL, DNS_PUBLIC, too_many]
    );
}
