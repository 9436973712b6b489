//! The primer's rules, checked with literal addresses, hop ids and outcomes.

use std::net::Ipv4Addr;

use super::*;
use crate::model::trace::{DnsAnswer, Hop, Verdict};
use crate::model::validate::MSG_RANGES_PRIVATE;

fn laptop() -> Ipv4Addr {
    Ipv4Addr::new(81, 56, 12, 7)
}

fn run(s: &PrimerSettings) -> PrimerTrace {
    simulate_primer(s, &Cluster::default(), laptop())
}

fn settings() -> PrimerSettings {
    PrimerSettings::default()
}

fn vm(egress: VmEgress) -> PrimerSettings {
    PrimerSettings {
        client: PrimerClient::VnetVm,
        internet_client_listed: false,
        vm_egress: egress,
        ..settings()
    }
}

fn aks(s: PrimerSettings) -> PrimerSettings {
    PrimerSettings {
        service: PaasService::AksApiServer,
        ..s
    }
}

fn private(s: PrimerSettings) -> PrimerSettings {
    PrimerSettings {
        access: PaasAccess::PrivateEndpoint,
        ..s
    }
}

fn ids(t: &PrimerTrace) -> Vec<&'static str> {
    t.steps().map(|e| e.hop.as_str()).collect()
}

/// The source as the page prints it.
fn source(t: &PrimerTrace) -> String {
    t.source
        .map_or_else(|| "none".to_string(), |s| s.to_string())
}

fn details(t: &PrimerTrace) -> String {
    t.events
        .iter()
        .map(|e| e.detail.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn internet_client_in_the_accept_list_reaches_the_public_instance() {
    let t = run(&settings());
    assert_eq!(t.outcome, PrimerOutcome::Reached);
    assert_eq!(
        t.dns_answer,
        DnsAnswer::Address(Ipv4Addr::new(20, 50, 10, 5))
    );
    assert_eq!(t.dns_answer_words(), "20.50.10.5 (public)");
    assert_eq!(
        ids(&t),
        ["public-dns", "internet", "network-config", "paas"]
    );
    assert_eq!(source(&t), "81.56.12.7");
    assert!(t.explanation.contains("81.56.12.7"));
}

#[test]
fn listed_is_decided_by_range_containment() {
    let mut t = run(&settings());
    assert!(t.config.lists(Ipv4Addr::new(81, 56, 12, 7)));
    assert!(!t.config.lists(Ipv4Addr::new(81, 56, 12, 70)));
    t.config.accept_list[0].net = "81.56.0.0/16".parse().expect("net");
    assert!(t.config.lists(Ipv4Addr::new(81, 56, 12, 70)));
    assert_eq!(t.config.accept_list_text(), "81.56.0.0/16");
}

#[test]
fn internet_client_not_listed_is_refused_by_generic_paas_and_timed_out_by_aks() {
    let s = PrimerSettings {
        internet_client_listed: false,
        vm_egress_listed: true,
        vm_egress: VmEgress::NatGateway,
        ..settings()
    };
    let t = run(&s);
    assert_eq!(t.outcome, PrimerOutcome::Blocked);
    assert_eq!(t.steps().last().map(|e| e.hop), Some(Hop::NetworkConfig));
    assert!(t.client_sees.contains("refuses"));
    let t = run(&aks(s));
    assert_eq!(t.outcome, PrimerOutcome::Blocked);
    assert_eq!(
        t.client_sees,
        "Unable to connect to the server: dial tcp 52.226.4.150:443: i/o timeout"
    );
    assert_eq!(
        t.steps().last().map(|e| (e.hop, e.verdict)),
        Some((Hop::AuthorizedRanges, Verdict::Block))
    );
    assert!(t.explanation.contains("silently"), "{}", t.explanation);
}

#[test]
fn an_empty_accept_list_denies_all_on_generic_paas_but_means_public_for_aks() {
    let s = PrimerSettings {
        internet_client_listed: false,
        ..settings()
    };
    assert_eq!(run(&s).outcome, PrimerOutcome::Blocked);
    let t = run(&aks(s));
    assert_eq!(t.outcome, PrimerOutcome::Reached);
    assert_eq!(
        ids(&t),
        [
            "resolver",
            "public-dns",
            "internet",
            "public-endpoint",
            "apiserver"
        ],
        "no authorized-ranges filter"
    );
    assert!(t.explanation.contains("empty"));
}

#[test]
fn default_outbound_cannot_be_accept_listed_and_the_reason_is_given() {
    for service in PaasService::ALL {
        let s = PrimerSettings {
            service: *service,
            vm_egress_listed: true,
            internet_client_listed: true,
            ..vm(VmEgress::DefaultOutbound)
        };
        let t = run(&s);
        assert_eq!(t.outcome, PrimerOutcome::Blocked, "{service}");
        let listed: Vec<String> = t
            .config
            .accept_list
            .iter()
            .map(|e| e.net.to_string())
            .collect();
        assert_eq!(
            listed,
            ["81.56.12.7/32"],
            "{service}: the VM cannot be listed"
        );
        assert_eq!(
            t.source.map(|s| s.ip),
            Some(Ipv4Addr::new(40, 76, 118, 200)),
            "{service}"
        );
        let words = details(&t);
        assert!(
            words.contains("unpredictable") && words.contains("shared"),
            "{words}"
        );
        assert!(
            t.notes.iter().any(|n| n.contains("regional pool")),
            "{:?}",
            t.notes
        );
        assert!(t.explanation.contains("NAT gateway"));
    }
}

#[test]
fn a_known_egress_ip_passes_only_when_listed() {
    for (egress, ip) in [
        (VmEgress::NatGateway, "20.81.110.5"),
        (VmEgress::Firewall, "20.81.96.14"),
    ] {
        for (service, path) in [
            (
                PaasService::GenericPaas,
                &["public-dns", "egress", "network-config", "paas"][..],
            ),
            (
                PaasService::AksApiServer,
                &[
                    "resolver",
                    "public-dns",
                    "egress",
                    "internet",
                    "authorized-ranges",
                    "public-endpoint",
                    "apiserver",
                ][..],
            ),
        ] {
            let listed = PrimerSettings {
                service,
                vm_egress_listed: true,
                ..vm(egress)
            };
            let t = run(&listed);
            assert_eq!(t.outcome, PrimerOutcome::Reached, "{egress} {service}");
            assert_eq!(source(&t), ip);
            assert_eq!(ids(&t), path, "{egress} {service}");
            let not_listed = PrimerSettings {
                vm_egress_listed: false,
                internet_client_listed: true,
                ..listed
            };
            let t = run(&not_listed);
            assert_eq!(t.outcome, PrimerOutcome::Blocked, "{egress} {service}");
            assert!(
                t.explanation.contains(&format!("add {ip}/32")),
                "{}",
                t.explanation
            );
        }
    }
}

#[test]
fn a_vnet_rule_lets_the_vm_in_on_generic_paas_but_not_on_aks() {
    let s = PrimerSettings {
        vnet_rule: true,
        internet_client_listed: true,
        ..vm(VmEgress::DefaultOutbound)
    };
    let t = run(&s);
    assert_eq!(t.outcome, PrimerOutcome::Reached);
    assert_eq!(
        ids(&t),
        ["public-dns", "service-endpoint", "network-config", "paas"]
    );
    assert_eq!(
        t.config.vnet_rules,
        [VnetRule {
            subnet: "10.2.1.0/24".parse().expect("net"),
            service_endpoint: true
        }]
    );
    assert_eq!(
        source(&t),
        "10.2.1.4 (subnet 10.2.1.0/24, via service endpoint)"
    );
    // A service endpoint does not change DNS: still the public IP.
    assert_eq!(
        t.dns_answer,
        DnsAnswer::Address(Ipv4Addr::new(20, 50, 10, 5))
    );

    let t = run(&aks(s));
    assert_eq!(t.outcome, PrimerOutcome::Blocked);
    assert!(!t.config.vnet_rules_supported);
    assert!(t.config.vnet_rules.is_empty());
    assert!(t.notes.iter().any(|n| n.contains("no VNet rules")));
    assert_eq!(
        ids(&t),
        ["resolver", "public-dns", "internet", "authorized-ranges"]
    );
}

#[test]
fn aks_vm_passes_only_with_its_public_egress_ip_listed_even_with_a_vnet_rule() {
    let s = aks(PrimerSettings {
        vnet_rule: true,
        vm_egress_listed: true,
        internet_client_listed: true,
        ..vm(VmEgress::NatGateway)
    });
    let t = run(&s);
    assert_eq!(t.outcome, PrimerOutcome::Reached);
    assert_eq!(t.config.accept_list_text(), "81.56.12.7/32,20.81.110.5/32");
    assert!(t.notes.iter().any(|n| n.contains("no VNet rules")));
    assert!(t.explanation.contains("no VNet rules"), "{}", t.explanation);
}

#[test]
fn private_endpoint_blocks_the_internet_and_lets_the_linked_vm_in() {
    let t = run(&private(settings()));
    assert_eq!(t.outcome, PrimerOutcome::Blocked);
    assert!(!t.config.public_access);
    assert_eq!(
        t.steps().last().map(|e| e.label.as_str()),
        Some("public network access disabled")
    );
    assert!(t.notes.iter().any(|n| n.contains("no longer apply")));

    for egress in VmEgress::ALL {
        let t = run(&private(vm(*egress)));
        assert_eq!(t.outcome, PrimerOutcome::Reached);
        assert_eq!(t.dns_answer_words(), "10.1.0.5 (private)");
        assert_eq!(
            ids(&t),
            ["private-zone", "peering", "private-endpoint", "paas"]
        );
        assert_eq!(source(&t), "10.2.1.4 (private)");
    }
}

#[test]
fn generic_paas_without_a_zone_link_resolves_the_public_ip_and_is_refused() {
    let s = PrimerSettings {
        zone_link: false,
        ..private(vm(VmEgress::NatGateway))
    };
    let t = run(&s);
    assert_eq!(t.outcome, PrimerOutcome::Blocked);
    assert_eq!(t.dns_answer_words(), "20.50.10.5 (public)");
    assert_eq!(ids(&t), ["public-dns", "egress", "network-config"]);
    let last = t.steps().last().expect("a step");
    assert_eq!(last.verdict, Verdict::Block);
    assert_eq!(last.label, "public network access disabled");
    assert!(last.detail.contains("20.81.110.5"), "{}", last.detail);
    assert!(
        t.explanation.contains("not linked")
            && t.explanation.contains("public network access is disabled"),
        "{}",
        t.explanation
    );
    assert!(t.client_sees.contains("public network access is disabled"));
}

#[test]
fn private_aks_is_a_private_cluster_nxdomain_from_the_internet() {
    let t = run(&aks(private(settings())));
    assert_eq!(t.outcome, PrimerOutcome::Blocked);
    assert_eq!(t.dns_answer, DnsAnswer::NxDomain);
    assert!(
        t.name.contains(".privatelink.eastus.azmk8s.io"),
        "{}",
        t.name
    );
    assert!(t.client_sees.ends_with("on 127.0.0.53:53: no such host"));
    assert!(t.config.accept_list.is_empty());
    assert!(t.notes.iter().any(|n| n.contains(MSG_RANGES_PRIVATE)));
    assert_eq!(source(&t), "none");
}

#[test]
fn the_aks_peered_vm_needs_the_zone_link() {
    let linked = aks(private(vm(VmEgress::DefaultOutbound)));
    let t = run(&linked);
    assert_eq!(t.outcome, PrimerOutcome::Reached);
    assert_eq!(t.dns_answer_words(), "10.224.0.4 (private)");
    assert_eq!(
        ids(&t),
        [
            "resolver",
            "private-zone",
            "peering",
            "private-endpoint",
            "apiserver"
        ]
    );
    assert_eq!(source(&t), "10.100.2.4 (private)");
    assert!(t
        .client_sees
        .contains("aks-nodepool1-13348451-vmss000004   Ready"));

    let t = run(&PrimerSettings {
        zone_link: false,
        ..linked
    });
    assert_eq!(t.outcome, PrimerOutcome::Blocked);
    assert_eq!(t.dns_answer, DnsAnswer::NxDomain);
    assert_eq!(ids(&t), ["resolver", "private-zone"]);
    assert!(t.client_sees.ends_with("no such host"), "{}", t.client_sees);
    assert!(t.explanation.contains("not linked"), "{}", t.explanation);
}

#[test]
fn the_aks_primer_follows_the_widgets_cluster() {
    let mut cluster = Cluster {
        name: "payments-prod".to_string(),
        region: "westeurope".to_string(),
        ..Cluster::default()
    };
    let a = &mut cluster.addresses;
    a.api_public_ip = Ipv4Addr::new(51, 105, 7, 9);
    a.private_endpoint_ip = Ipv4Addr::new(10, 40, 0, 4);
    a.vnet = "10.40.0.0/16".parse().expect("cidr");
    a.vm_subnet = "10.40.8.0/24".parse().expect("cidr");
    a.vm_ip = Ipv4Addr::new(10, 40, 8, 4);
    a.natgw_egress_ip = Ipv4Addr::new(51, 105, 99, 1);
    let home = Ipv4Addr::new(90, 12, 34, 56);

    let t = simulate_primer(&aks(settings()), &cluster, home);
    assert_eq!(t.instance_label, "payments-prod");
    assert!(t.name.contains(".hcp.westeurope.azmk8s.io"), "{}", t.name);
    assert_eq!(
        t.dns_answer,
        DnsAnswer::Address(Ipv4Addr::new(51, 105, 7, 9))
    );
    assert_eq!(t.config.accept_list_text(), "90.12.34.56/32");
    assert_eq!(source(&t), "90.12.34.56");
    assert_eq!(t.facts.internet_client_ip, home);
    assert_eq!(t.facts.pe_vnet.to_string(), "10.40.0.0/16");

    let t = simulate_primer(
        &aks(PrimerSettings {
            vm_egress_listed: true,
            ..vm(VmEgress::NatGateway)
        }),
        &cluster,
        home,
    );
    assert_eq!(t.outcome, PrimerOutcome::Reached);
    assert_eq!(t.config.accept_list_text(), "51.105.99.1/32");
    assert_eq!(t.facts.vm_ip, Ipv4Addr::new(10, 40, 8, 4));
    assert_eq!(
        t.facts.vm_subnet.map(|n| n.to_string()).as_deref(),
        Some("10.40.8.0/24")
    );
    assert_eq!(t.source.map(|s| s.ip), Some(Ipv4Addr::new(51, 105, 99, 1)));

    let t = simulate_primer(&aks(private(vm(VmEgress::NatGateway))), &cluster, home);
    assert_eq!(
        t.dns_answer,
        DnsAnswer::Address(Ipv4Addr::new(10, 40, 0, 4))
    );
    assert!(
        t.name.contains(".privatelink.westeurope.azmk8s.io"),
        "{}",
        t.name
    );
    assert!(t
        .facts
        .private_zone
        .ends_with(".privatelink.westeurope.azmk8s.io"));
}

/// Every combination: the path stops at its first block and the outcome follows the path.
#[test]
fn every_combination_is_consistent() {
    for s in all_settings() {
        let t = run(&s);
        let steps: Vec<_> = t.steps().collect();
        let blocks = steps.iter().filter(|e| e.verdict == Verdict::Block).count();
        assert!(blocks <= 1, "{s:?}");
        if blocks == 1 {
            assert_eq!(
                steps.last().map(|e| e.verdict),
                Some(Verdict::Block),
                "{s:?}"
            );
            assert_eq!(t.outcome, PrimerOutcome::Blocked, "{s:?}");
        } else {
            let last = if s.service == PaasService::AksApiServer {
                Hop::ApiServer
            } else {
                Hop::Paas
            };
            assert_eq!(steps.last().map(|e| e.hop), Some(last), "{s:?}");
            assert_eq!(t.outcome, PrimerOutcome::Reached, "{s:?}");
        }
        assert!(
            !t.explanation.is_empty() && !t.client_sees.is_empty(),
            "{s:?}"
        );
        assert!(t.events.iter().all(|e| !e.detail.is_empty()));
    }
}

/// What the AKS API server does for every combination, as a table: `*` matches any value.
/// Columns: exposure, client, VM egress, Internet client listed, VM egress listed, zone link,
/// then what kubectl gets. A VNet rule never changes it (AKS has none).
#[rustfmt::skip]
const AKS_TABLE: &[[&str; 7]] = &[
    // Private cluster: the Internet never resolves the name; a peered VM needs the zone link.
    ["private-endpoint", "internet", "*",        "*",   "*",   "*",   "nxdomain"],
    ["private-endpoint", "vm",       "*",        "*",   "*",   "yes", "success"],
    ["private-endpoint", "vm",       "*",        "*",   "*",   "no",  "nxdomain"],
    // Public endpoint, Internet client.
    ["accept-list",      "internet", "*",        "yes", "*",   "*",   "success"],
    ["accept-list",      "internet", "default",  "no",  "*",   "*",   "success"],
    ["accept-list",      "internet", "natgw",    "no",  "no",  "*",   "success"],
    ["accept-list",      "internet", "natgw",    "no",  "yes", "*",   "timeout"],
    ["accept-list",      "internet", "firewall", "no",  "no",  "*",   "success"],
    ["accept-list",      "internet", "firewall", "no",  "yes", "*",   "timeout"],
    // Public endpoint, VM in the cluster VNet.
    ["accept-list",      "vm",       "default",  "yes", "*",   "*",   "timeout"],
    ["accept-list",      "vm",       "default",  "no",  "*",   "*",   "success"],
    ["accept-list",      "vm",       "natgw",    "*",   "yes", "*",   "success"],
    ["accept-list",      "vm",       "natgw",    "yes", "no",  "*",   "timeout"],
    ["accept-list",      "vm",       "natgw",    "no",  "no",  "*",   "success"],
    ["accept-list",      "vm",       "firewall", "*",   "yes", "*",   "success"],
    ["accept-list",      "vm",       "firewall", "yes", "no",  "*",   "timeout"],
    ["accept-list",      "vm",       "firewall", "no",  "no",  "*",   "success"],
];

#[test]
fn every_aks_combination_matches_the_table() {
    let yes_no = |b: bool| if b { "yes" } else { "no" };
    for s in all_settings()
        .into_iter()
        .filter(|s| s.service == PaasService::AksApiServer)
    {
        let key = [
            s.access.as_str(),
            s.client.as_str(),
            s.vm_egress.as_str(),
            yes_no(s.internet_client_listed),
            yes_no(s.vm_egress_listed),
            yes_no(s.zone_link),
        ];
        let rows: Vec<&[&str; 7]> = AKS_TABLE
            .iter()
            .filter(|row| row[..6].iter().zip(key).all(|(r, k)| *r == "*" || *r == k))
            .collect();
        assert_eq!(rows.len(), 1, "{s:?} matches {rows:?}");
        let t = run(&s);
        let got = match (t.outcome, t.dns_answer) {
            (PrimerOutcome::Reached, _) => "success",
            (_, DnsAnswer::NxDomain) => "nxdomain",
            _ if t.client_sees.ends_with("i/o timeout") => "timeout",
            _ => "other",
        };
        assert_eq!(got, rows[0][6], "{s:?}");
    }
}

#[test]
fn a_laptop_address_the_az_cli_refuses_makes_an_invalid_cluster_not_a_timeout() {
    let t = simulate_primer(
        &aks(settings()),
        &Cluster::default(),
        Ipv4Addr::new(192, 0, 2, 10),
    );
    assert_eq!(t.outcome, PrimerOutcome::Blocked);
    assert!(t.events.is_empty());
    assert!(
        t.client_sees
            .contains("must be global non-reserved addresses"),
        "{}",
        t.client_sees
    );
    assert!(!t.explanation.contains("times out"), "{}", t.explanation);
}
