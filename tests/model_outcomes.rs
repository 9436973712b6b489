//! docs/model.md section 5, "Expected outcomes": one test per row and cell (client), asserting the
//! outcome, the DNS answer, the exact kubectl text, the path verdicts and the tunnel.
#![cfg(not(target_arch = "wasm32"))]

use aks_netviz::link;
use aks_netviz::model::{simulate, DnsAnswer, Hop, Outcome, Place, Trace, Tunnel, Verdict};

const PUBLIC_IP: &str = "52.226.4.150";
const PE_IP: &str = "10.224.0.4";
const ILB_IP: &str = "10.226.0.4";
const FQDN: &str = "aks-ntwdem-aksntwdemo-16e85b-6t70z79x.hcp.eastus.azmk8s.io";
const NODES_READY: &str = "NAME                                STATUS   ROLES   AGE   VERSION\naks-nodepool1-13348451-vmss000004   Ready    agent   12m   v1.26.6";
const NODES_NOT_READY: &str = "NAME                                STATUS     ROLES   AGE   VERSION\naks-nodepool1-13348451-vmss000004   NotReady   agent   12m   v1.26.6";

fn run(fragment: &str) -> Trace {
    let link = link::parse_strict(fragment).expect("test fragments are valid");
    simulate(&link.scenario)
}

fn verdict(t: &Trace, hop: Hop) -> Option<Verdict> {
    t.path.iter().find(|p| p.hop == hop).map(|p| p.verdict)
}

fn hops(t: &Trace) -> Vec<String> {
    t.path
        .iter()
        .map(|p| format!("{}:{}", p.hop, p.verdict))
        .collect()
}

fn private_fqdn(fragment: &str) -> String {
    let s = link::parse_strict(fragment).unwrap().scenario;
    aks_netviz::model::Names::for_scenario(&s)
        .private_fqdn
        .expect("private cluster with a zone")
}

#[track_caller]
fn success(t: &Trace, answer: &str) {
    assert_eq!(t.outcome, Outcome::Success, "{}: {:?}", t.summary, t.why);
    assert_eq!(t.dns_answer.to_string(), answer);
    assert_eq!(t.kubectl_output, NODES_READY);
    assert!(t.why.is_none());
    assert_eq!(
        verdict(t, Hop::ApiServer),
        Some(Verdict::Pass),
        "{:?}",
        hops(t)
    );
    assert!(
        t.path.iter().all(|p| p.verdict == Verdict::Pass),
        "{:?}",
        hops(t)
    );
}

#[track_caller]
fn timeout(t: &Trace, ip: &str, at: Hop) {
    assert_eq!(t.outcome, Outcome::Timeout, "{}", t.summary);
    assert_eq!(t.dns_answer.to_string(), ip);
    assert_eq!(
        t.kubectl_output,
        format!("Unable to connect to the server: dial tcp {ip}:443: i/o timeout")
    );
    assert_eq!(
        t.path.last().map(|p| (p.hop, p.verdict)),
        Some((at, Verdict::Block)),
        "{:?}",
        hops(t)
    );
    assert_eq!(verdict(t, Hop::ApiServer), None);
    assert!(
        t.why.as_deref().is_some_and(|w| w.contains("Fix")),
        "{:?}",
        t.why
    );
}

#[track_caller]
fn nxdomain(t: &Trace, name: &str, resolver: &str, at: Hop) {
    assert_eq!(t.outcome, Outcome::NxDomain, "{}", t.summary);
    assert_eq!(t.dns_answer, DnsAnswer::NxDomain);
    assert_eq!(t.dns_answer.to_string(), "NXDOMAIN");
    assert_eq!(
        t.kubectl_output,
        format!("Unable to connect to the server: dial tcp: lookup {name} on {resolver}:53: no such host")
    );
    assert_eq!(
        t.path.last().map(|p| (p.hop, p.verdict)),
        Some((at, Verdict::Block)),
        "{:?}",
        hops(t)
    );
    assert!(
        t.why.as_deref().is_some_and(|w| w.contains("Fix")),
        "{:?}",
        t.why
    );
}

// ---------------------------------------------------------------- public

#[test]
fn public_laptop_success_via_public_ip() {
    let t = run("");
    success(&t, PUBLIC_IP);
    assert_eq!(
        hops(&t),
        [
            "client:pass",
            "resolver:pass",
            "public-dns:pass",
            "internet:pass",
            "public-endpoint:pass",
            "apiserver:pass"
        ]
    );
    assert_eq!(t.server_name.as_deref(), Some(FQDN));
    assert_eq!(t.tunnel, Tunnel::Konnectivity);
}

#[test]
fn public_vm_success() {
    success(&run("client=vm"), PUBLIC_IP);
}

#[test]
fn public_peered_success() {
    success(&run("client=peered"), PUBLIC_IP);
}

#[test]
fn public_onprem_success() {
    success(&run("client=onprem"), PUBLIC_IP);
}

#[test]
fn public_node_tunnel_up_via_public_endpoint() {
    let t = run("client=node");
    success(&t, PUBLIC_IP);
    assert_eq!(t.tunnel, Tunnel::Konnectivity);
    assert_eq!(verdict(&t, Hop::PublicEndpoint), Some(Verdict::Pass));
    assert!(t.kubectl_logs_output.is_none());
}

// ---------------------------------------------------------------- authorized, laptop in range

#[test]
fn authorized_laptop_in_range_success() {
    let t = run("mode=authorized");
    success(&t, PUBLIC_IP);
    assert_eq!(verdict(&t, Hop::AuthorizedRanges), Some(Verdict::Pass));
}

#[test]
fn authorized_vm_default_outbound_times_out() {
    let t = run("mode=authorized&client=vm");
    timeout(&t, PUBLIC_IP, Hop::AuthorizedRanges);
    assert!(t.why.unwrap().contains("NAT gateway"));
}

#[test]
fn authorized_vm_with_authorized_natgw_succeeds() {
    success(
        &run("mode=authorized&client=vm&egress=natgw&ranges=81.56.12.7/32,20.81.110.5"),
        PUBLIC_IP,
    );
}

#[test]
fn authorized_vm_with_unlisted_firewall_times_out() {
    timeout(
        &run("mode=authorized&client=vm&egress=firewall"),
        PUBLIC_IP,
        Hop::AuthorizedRanges,
    );
}

#[test]
fn authorized_vm_with_authorized_firewall_succeeds() {
    success(
        &run("mode=authorized&client=vm&egress=firewall&ranges=81.56.12.7,20.81.96.14/32"),
        PUBLIC_IP,
    );
}

/// The hub VM leaves through the hub firewall or from default outbound access, never through
/// the cluster's NAT gateway (docs/model.md section 3, corrected): authorizing the NAT gateway's IP
/// does nothing for it.
#[test]
fn authorized_peered_never_uses_the_clusters_nat_gateway() {
    timeout(
        &run("mode=authorized&client=peered"),
        PUBLIC_IP,
        Hop::AuthorizedRanges,
    );
    let t = run("mode=authorized&client=peered&egress=natgw&ranges=81.56.12.7/32,20.81.110.0/24");
    timeout(&t, PUBLIC_IP, Hop::AuthorizedRanges);
    assert!(t.why.unwrap().contains("40.76.118.200"));
    assert!(t.events.iter().all(|e| e.to != Place::NatGateway));
    success(
        &run("mode=authorized&client=peered&egress=firewall&ranges=81.56.12.7/32,20.81.96.14/32"),
        PUBLIC_IP,
    );
}

#[test]
fn authorized_onprem_needs_breakout_ip() {
    let t = run("mode=authorized&client=onprem");
    timeout(&t, PUBLIC_IP, Hop::AuthorizedRanges);
    assert!(t.why.unwrap().contains("81.56.40.1/32"));
    success(
        &run("mode=authorized&client=onprem&ranges=81.56.12.7/32,81.56.40.1/32"),
        PUBLIC_IP,
    );
}

#[test]
fn authorized_node_lb_egress_implicitly_authorized() {
    let t = run("mode=authorized&client=node");
    success(&t, PUBLIC_IP);
    assert_eq!(t.tunnel, Tunnel::Konnectivity);
    assert_eq!(verdict(&t, Hop::AuthorizedRanges), Some(Verdict::Pass));
}

#[test]
fn authorized_node_natgw_not_authorized_tunnel_down() {
    let t = run("mode=authorized&client=node&egress=natgw");
    timeout(&t, PUBLIC_IP, Hop::AuthorizedRanges);
    assert_eq!(t.tunnel, Tunnel::Down);
    assert!(!t.node_ready);
    // docs/model.md section 4: the URL names the node, the dial its address.
    assert_eq!(
        t.kubectl_logs_output.as_deref(),
        Some("Error from server: Get \"https://aks-nodepool1-13348451-vmss000004:10250/containerLogs/default/web/web\": dial tcp 10.224.0.5:10250: i/o timeout")
    );
    let why = t.why.unwrap();
    assert!(
        why.contains("dial tcp 10.224.0.5:10250: i/o timeout"),
        "{why}"
    );
    // NotReady is the kubelet's failure, never the tunnel's.
    assert!(why.contains("the kubelet's own calls"), "{why}");
    assert!(
        why.contains("VMExtensionError_K8SAPIServerConnFail"),
        "{why}"
    );
    assert!(why.contains("exit status 51"), "{why}");
    assert!(!why.contains("tunnel is down: the node"), "{why}");
    assert_eq!(t.node_status.node, "NotReady");
    assert!(t.node_status.text.contains("kubelet"));
    let kubelet = t.events.iter().find(|e| e.hop == Hop::Kubelet).unwrap();
    let tunnel = t.events.iter().find(|e| e.hop == Hop::Tunnel).unwrap();
    assert_eq!(
        (kubelet.verdict, tunnel.verdict),
        (Verdict::Block, Verdict::Block)
    );
    assert!(tunnel.detail.contains("10250"), "{}", tunnel.detail);
    assert!(!tunnel.detail.contains("NotReady"), "{}", tunnel.detail);
}

#[test]
fn authorized_node_firewall_not_authorized_tunnel_down() {
    let t = run("mode=authorized&client=node&egress=firewall");
    assert_eq!(t.outcome, Outcome::Timeout);
    assert_eq!(t.tunnel, Tunnel::Down);
}

#[test]
fn authorized_node_natgw_authorized_tunnel_up() {
    let t = run("mode=authorized&client=node&egress=natgw&ranges=81.56.12.7/32,20.81.110.5/32");
    success(&t, PUBLIC_IP);
    assert_eq!(t.tunnel, Tunnel::Konnectivity);
}

#[test]
fn authorized_tunnel_down_shows_not_ready_to_the_laptop() {
    let t = run("mode=authorized&egress=natgw");
    assert_eq!(t.outcome, Outcome::Success);
    assert_eq!(t.kubectl_output, NODES_NOT_READY);
    assert_eq!(t.tunnel, Tunnel::Down);
}

#[test]
fn authorized_zero_slash_32_only_cluster_egress() {
    let t = run("mode=authorized&ranges=0.0.0.0/32");
    timeout(&t, PUBLIC_IP, Hop::AuthorizedRanges);
    assert_eq!(
        run("mode=authorized&ranges=0.0.0.0/32&client=node").tunnel,
        Tunnel::Konnectivity
    );
    assert_eq!(
        run("mode=authorized&ranges=0.0.0.0/32&client=node&egress=natgw").tunnel,
        Tunnel::Down
    );
}

// ---------------------------------------------------------------- authorized, laptop outside

#[test]
fn authorized_laptop_outside_times_out_on_public_ip() {
    let t = run("mode=authorized&ip=1.2.3.4");
    timeout(&t, PUBLIC_IP, Hop::AuthorizedRanges);
    assert_eq!(
        hops(&t),
        [
            "client:pass",
            "resolver:pass",
            "public-dns:pass",
            "internet:pass",
            "authorized-ranges:block"
        ]
    );
    assert_eq!(
        t.kubectl_output,
        "Unable to connect to the server: dial tcp 52.226.4.150:443: i/o timeout"
    );
}

#[test]
fn authorized_article_one_one_one_one() {
    timeout(
        &run("mode=authorized&ranges=1.1.1.1/32"),
        PUBLIC_IP,
        Hop::AuthorizedRanges,
    );
    success(
        &run("mode=authorized&ranges=1.1.1.1/32&ip=1.1.1.1"),
        PUBLIC_IP,
    );
}

#[test]
fn authorized_laptop_outside_other_clients_unchanged() {
    timeout(
        &run("mode=authorized&ip=1.2.3.4&client=vm"),
        PUBLIC_IP,
        Hop::AuthorizedRanges,
    );
    timeout(
        &run("mode=authorized&ip=1.2.3.4&client=onprem"),
        PUBLIC_IP,
        Hop::AuthorizedRanges,
    );
    assert_eq!(
        run("mode=authorized&ip=1.2.3.4&client=node").tunnel,
        Tunnel::Konnectivity
    );
}

// ---------------------------------------------------------------- private, system, public FQDN on

#[test]
fn private_system_laptop_kubeconfig_private_no_such_host() {
    let name = private_fqdn("mode=private");
    assert!(name.ends_with(".privatelink.eastus.azmk8s.io"));
    let t = run("mode=private");
    nxdomain(&t, &name, "127.0.0.53", Hop::PublicDns);
    assert_eq!(
        hops(&t),
        ["client:pass", "resolver:pass", "public-dns:block"]
    );
}

#[test]
fn private_system_laptop_kubeconfig_public_timeout_on_private_ip() {
    let t = run("mode=private&kubeconfig=public");
    timeout(&t, PE_IP, Hop::Internet);
    assert_eq!(t.server_name.as_deref(), Some(FQDN));
    assert_eq!(verdict(&t, Hop::PublicDns), Some(Verdict::Pass));
}

#[test]
fn private_system_vm_success() {
    let t = run("mode=private&client=vm");
    success(&t, PE_IP);
    assert_eq!(
        hops(&t),
        [
            "client:pass",
            "resolver:pass",
            "private-zone:pass",
            "private-endpoint:pass",
            "apiserver:pass"
        ]
    );
}

#[test]
fn private_system_peered_zonelink_off_no_such_host() {
    let name = private_fqdn("mode=private");
    nxdomain(
        &run("mode=private&client=peered"),
        &name,
        "127.0.0.53",
        Hop::PrivateZone,
    );
}

#[test]
fn private_system_peered_zonelink_on_success() {
    let t = run("mode=private&client=peered&zonelink=on");
    success(&t, PE_IP);
    assert_eq!(verdict(&t, Hop::Peering), Some(Verdict::Pass));
}

#[test]
fn private_system_peered_kubeconfig_public_success_without_link() {
    let t = run("mode=private&client=peered&kubeconfig=public");
    success(&t, PE_IP);
    assert_eq!(verdict(&t, Hop::PrivateZone), None);
    assert_eq!(verdict(&t, Hop::PublicDns), Some(Verdict::Pass));
}

#[test]
fn private_system_onprem_forwarder_and_zonelink_success() {
    let t = run("mode=private&client=onprem&forwarder=on&zonelink=on");
    success(&t, PE_IP);
    assert_eq!(
        hops(&t),
        [
            "client:pass",
            "resolver:pass",
            "private-resolver:pass",
            "private-zone:pass",
            "vpn:pass",
            "peering:pass",
            "private-endpoint:pass",
            "apiserver:pass"
        ]
    );
}

#[test]
fn private_system_onprem_forwarder_only_no_such_host() {
    let name = private_fqdn("mode=private");
    nxdomain(
        &run("mode=private&client=onprem&forwarder=on"),
        &name,
        "192.168.0.53",
        Hop::PrivateZone,
    );
}

#[test]
fn private_system_onprem_zonelink_only_no_such_host() {
    let name = private_fqdn("mode=private");
    nxdomain(
        &run("mode=private&client=onprem&zonelink=on"),
        &name,
        "192.168.0.53",
        Hop::PublicDns,
    );
}

#[test]
fn private_system_onprem_neither_no_such_host() {
    let name = private_fqdn("mode=private");
    let t = run("mode=private&client=onprem");
    nxdomain(&t, &name, "192.168.0.53", Hop::PublicDns);
    // One forwarding rule serves every cluster; the zone link is what is per cluster.
    let why = t.why.unwrap();
    assert!(
        why.contains("privatelink.eastus.azmk8s.io (one rule serves every cluster; each cluster's system zone still needs its own link to the hub)"),
        "{why}"
    );
}

#[test]
fn private_system_onprem_kubeconfig_public_success_without_either() {
    success(&run("mode=private&client=onprem&kubeconfig=public"), PE_IP);
}

#[test]
fn private_system_node_tunnel_via_private_endpoint() {
    let t = run("mode=private&client=node");
    success(&t, PE_IP);
    assert_eq!(t.tunnel, Tunnel::Konnectivity);
    assert_eq!(verdict(&t, Hop::PrivateEndpoint), Some(Verdict::Pass));
    assert_eq!(t.server_name, Some(private_fqdn("mode=private")));
}

// ---------------------------------------------------------------- private, system, public FQDN off

#[test]
fn private_system_fqdn_off_laptop_no_such_host() {
    let name = private_fqdn("mode=private&publicfqdn=off");
    nxdomain(
        &run("mode=private&publicfqdn=off"),
        &name,
        "127.0.0.53",
        Hop::PublicDns,
    );
    // No public FQDN to switch to: kubeconfig=public keeps the private name.
    nxdomain(
        &run("mode=private&publicfqdn=off&kubeconfig=public"),
        &name,
        "127.0.0.53",
        Hop::PublicDns,
    );
}

#[test]
fn private_system_fqdn_off_vm_success() {
    success(&run("mode=private&publicfqdn=off&client=vm"), PE_IP);
}

#[test]
fn private_system_fqdn_off_peered() {
    let name = private_fqdn("mode=private&publicfqdn=off");
    nxdomain(
        &run("mode=private&publicfqdn=off&client=peered"),
        &name,
        "127.0.0.53",
        Hop::PrivateZone,
    );
    success(
        &run("mode=private&publicfqdn=off&client=peered&zonelink=on"),
        PE_IP,
    );
}

#[test]
fn private_system_fqdn_off_onprem() {
    let name = private_fqdn("mode=private&publicfqdn=off");
    success(
        &run("mode=private&publicfqdn=off&client=onprem&forwarder=on&zonelink=on"),
        PE_IP,
    );
    nxdomain(
        &run("mode=private&publicfqdn=off&client=onprem&forwarder=on"),
        &name,
        "192.168.0.53",
        Hop::PrivateZone,
    );
    nxdomain(
        &run("mode=private&publicfqdn=off&client=onprem&zonelink=on"),
        &name,
        "192.168.0.53",
        Hop::PublicDns,
    );
    nxdomain(
        &run("mode=private&publicfqdn=off&client=onprem&kubeconfig=public"),
        &name,
        "192.168.0.53",
        Hop::PublicDns,
    );
}

#[test]
fn private_system_fqdn_off_node_tunnel_via_private_endpoint() {
    let t = run("mode=private&publicfqdn=off&client=node");
    success(&t, PE_IP);
    assert_eq!(t.tunnel, Tunnel::Konnectivity);
}

// ---------------------------------------------------------------- private, BYO zone

#[test]
fn private_byo_laptop_no_such_host() {
    let name = private_fqdn("mode=private&dns=byo");
    assert!(name.starts_with("aks-ntwdem-aksntwdemo-16e85b-"), "{name}");
    assert!(name.ends_with(".privatelink.eastus.azmk8s.io"));
    assert_eq!(
        name.split('.').count(),
        5,
        "no GUID label in a BYO name: {name}"
    );
    nxdomain(
        &run("mode=private&dns=byo"),
        &name,
        "127.0.0.53",
        Hop::PublicDns,
    );
}

#[test]
fn private_byo_vm_success() {
    success(&run("mode=private&dns=byo&client=vm"), PE_IP);
}

#[test]
fn private_byo_peered_needs_zonelink() {
    let name = private_fqdn("mode=private&dns=byo");
    success(
        &run("mode=private&dns=byo&client=peered&zonelink=on"),
        PE_IP,
    );
    let t = run("mode=private&dns=byo&client=peered");
    nxdomain(&t, &name, "127.0.0.53", Hop::PrivateZone);
    assert!(t.why.unwrap().contains("shared by every cluster"));
}

#[test]
fn private_byo_onprem_forwarder_and_zonelink() {
    let name = private_fqdn("mode=private&dns=byo");
    success(
        &run("mode=private&dns=byo&client=onprem&forwarder=on&zonelink=on"),
        PE_IP,
    );
    let t = run("mode=private&dns=byo&client=onprem");
    nxdomain(&t, &name, "192.168.0.53", Hop::PublicDns);
    let why = t.why.unwrap();
    assert!(
        why.contains("privatelink.eastus.azmk8s.io (one rule serves every cluster, and the shared BYO zone is linked to the hub once)"),
        "{why}"
    );
    nxdomain(
        &run("mode=private&dns=byo&client=onprem&forwarder=on"),
        &name,
        "192.168.0.53",
        Hop::PrivateZone,
    );
}

#[test]
fn private_byo_node_tunnel_via_private_endpoint() {
    let t = run("mode=private&dns=byo&client=node");
    success(&t, PE_IP);
    assert_eq!(t.tunnel, Tunnel::Konnectivity);
}

// ---------------------------------------------------------------- private, none

#[test]
fn private_none_laptop_timeout_on_private_ip() {
    let t = run("mode=private&dns=none");
    timeout(&t, PE_IP, Hop::Internet);
    assert_eq!(
        t.kubectl_output,
        "Unable to connect to the server: dial tcp 10.224.0.4:443: i/o timeout"
    );
    assert_eq!(t.server_name.as_deref(), Some(FQDN));
}

#[test]
fn private_none_vm_success() {
    success(&run("mode=private&dns=none&client=vm"), PE_IP);
}

#[test]
fn private_none_peered_success_without_zone_link() {
    let t = run("mode=private&dns=none&client=peered");
    success(&t, PE_IP);
    assert_eq!(verdict(&t, Hop::PrivateZone), None);
}

#[test]
fn private_none_onprem_success_without_forwarder() {
    let t = run("mode=private&dns=none&client=onprem");
    success(&t, PE_IP);
    assert_eq!(verdict(&t, Hop::PrivateResolver), None);
    assert_eq!(verdict(&t, Hop::Vpn), Some(Verdict::Pass));
}

#[test]
fn private_none_node_tunnel_via_private_endpoint() {
    let t = run("mode=private&dns=none&client=node");
    success(&t, PE_IP);
    assert_eq!(t.tunnel, Tunnel::Konnectivity);
    assert_eq!(t.server_name.as_deref(), Some(FQDN));
}

// ---------------------------------------------------------------- VNet integration, public

#[test]
fn vnet_public_laptop_success() {
    success(&run("mode=vnet"), PUBLIC_IP);
}

#[test]
fn vnet_public_vm_peered_onprem_success() {
    success(&run("mode=vnet&client=vm"), PUBLIC_IP);
    success(&run("mode=vnet&client=peered"), PUBLIC_IP);
    success(&run("mode=vnet&client=onprem"), PUBLIC_IP);
}

#[test]
fn vnet_public_node_direct_to_ilb() {
    let t = run("mode=vnet&client=node");
    assert_eq!(t.outcome, Outcome::Success);
    assert_eq!(t.tunnel, Tunnel::Direct);
    assert_eq!(t.dns_answer, DnsAnswer::None);
    assert_eq!(t.dns_answer.to_string(), "none");
    assert_eq!(hops(&t), ["client:pass", "ilb:pass", "apiserver:pass"]);
    assert_eq!(t.kubectl_output, NODES_READY);
    assert!(t.summary.contains(ILB_IP));
}

#[test]
fn vnet_public_ranges_filter_only_when_given() {
    assert_eq!(verdict(&run("mode=vnet"), Hop::AuthorizedRanges), None);
    timeout(
        &run("mode=vnet&ranges=1.1.1.1"),
        PUBLIC_IP,
        Hop::AuthorizedRanges,
    );
    // Nodes use the ILB: the filter never breaks them.
    assert_eq!(
        run("mode=vnet&ranges=1.1.1.1&client=node&egress=natgw").tunnel,
        Tunnel::Direct
    );
}

// ---------------------------------------------------------------- VNet integration, private

#[test]
fn vnet_private_laptop_as_private() {
    let name = private_fqdn("mode=vnet&private=on");
    assert!(name.ends_with(".private.eastus.azmk8s.io"), "{name}");
    nxdomain(
        &run("mode=vnet&private=on"),
        &name,
        "127.0.0.53",
        Hop::PublicDns,
    );
    timeout(
        &run("mode=vnet&private=on&kubeconfig=public"),
        ILB_IP,
        Hop::Internet,
    );
}

#[test]
fn vnet_private_vm_success_via_ilb() {
    let t = run("mode=vnet&private=on&client=vm");
    success(&t, ILB_IP);
    assert_eq!(verdict(&t, Hop::Ilb), Some(Verdict::Pass));
    assert_eq!(verdict(&t, Hop::PrivateEndpoint), None);
}

#[test]
fn vnet_private_peered_as_private() {
    let name = private_fqdn("mode=vnet&private=on");
    nxdomain(
        &run("mode=vnet&private=on&client=peered"),
        &name,
        "127.0.0.53",
        Hop::PrivateZone,
    );
    success(
        &run("mode=vnet&private=on&client=peered&zonelink=on"),
        ILB_IP,
    );
    success(&run("mode=vnet&private=on&dns=none&client=peered"), ILB_IP);
}

#[test]
fn vnet_private_onprem_as_private() {
    let name = private_fqdn("mode=vnet&private=on");
    nxdomain(
        &run("mode=vnet&private=on&client=onprem"),
        &name,
        "192.168.0.53",
        Hop::PublicDns,
    );
    success(
        &run("mode=vnet&private=on&client=onprem&forwarder=on&zonelink=on"),
        ILB_IP,
    );
    success(&run("mode=vnet&private=on&dns=none&client=onprem"), ILB_IP);
}

#[test]
fn vnet_private_node_direct_to_ilb() {
    let t = run("mode=vnet&private=on&client=node");
    assert_eq!(t.outcome, Outcome::Success);
    assert_eq!(t.tunnel, Tunnel::Direct);
    assert_eq!(t.dns_answer, DnsAnswer::None);
    assert_eq!(hops(&t), ["client:pass", "ilb:pass", "apiserver:pass"]);
}

// ---------------------------------------------------------------- run command

#[test]
fn runcommand_succeeds_in_every_mode() {
    for f in [
        "",
        "mode=authorized&ip=1.2.3.4",
        "mode=private",
        "mode=private&dns=byo&publicfqdn=off",
        "mode=private&dns=none",
        "mode=vnet",
        "mode=vnet&private=on",
    ] {
        let t = run(&format!("{f}&client=runcommand"));
        assert_eq!(t.outcome, Outcome::Success, "{f}");
        assert_eq!(t.dns_answer, DnsAnswer::None, "{f}");
        assert_eq!(t.kubectl_output, NODES_READY, "{f}");
        assert_eq!(
            hops(&t),
            ["client:pass", "arm:pass", "apiserver:pass"],
            "{f}"
        );
    }
}

#[test]
fn runcommand_disabled_is_denied() {
    let t = run("mode=private&client=runcommand&runcommand=off");
    assert_eq!(t.outcome, Outcome::Denied);
    assert_eq!(t.dns_answer.to_string(), "none");
    assert_eq!(hops(&t), ["client:pass", "arm:block"]);
    assert!(t.kubectl_output.contains("Run command is disabled"));
    assert!(t.why.unwrap().contains("--enable-run-command"));
}

#[test]
fn runcommand_off_does_not_affect_kubectl_clients() {
    success(&run("runcommand=off"), PUBLIC_IP);
}

// ---------------------------------------------------------------- invalid and cross-checks

#[test]
fn invalid_scenario_animates_nothing() {
    let t = run("mode=private&ranges=1.1.1.1/32");
    assert_eq!(t.outcome, Outcome::Invalid);
    assert!(t.events.is_empty());
    assert!(t.path.is_empty());
    assert_eq!(t.dns_answer, DnsAnswer::None);
    assert_eq!(t.kubectl_output, "");
    assert_eq!(t.validation.len(), 1);
    assert_eq!(t.validation[0].key, "ranges");
    assert!(t.why.unwrap().contains("ranges"));
}

#[test]
fn node_outcome_agrees_with_tunnel_everywhere() {
    for mode in ["public", "authorized", "private", "vnet"] {
        for egress in ["lb", "natgw", "firewall"] {
            for extra in ["", "&private=on", "&ranges=20.81.110.5"] {
                if mode != "vnet" && extra == "&private=on" {
                    continue;
                }
                if mode == "private" && extra.starts_with("&ranges") {
                    continue;
                }
                let f = format!("mode={mode}&egress={egress}&client=node{extra}");
                let t = run(&f);
                assert_ne!(t.outcome, Outcome::Invalid, "{f}");
                assert_eq!(
                    t.outcome == Outcome::Success,
                    t.tunnel != Tunnel::Down,
                    "{f}"
                );
                assert_eq!(t.node_ready, t.tunnel != Tunnel::Down, "{f}");
            }
        }
    }
}

#[test]
fn events_carry_narration_and_end_with_the_tunnel() {
    let t = run("mode=private&client=onprem&forwarder=on&zonelink=on");
    assert!(t.events.len() >= 10);
    assert!(t
        .events
        .iter()
        .all(|e| !e.label.is_empty() && !e.detail.is_empty()));
    let last = t.events.last().unwrap();
    assert_eq!(last.hop, Hop::Tunnel);
    assert_eq!(last.verdict, Verdict::Pass);
    let json = serde_json::to_value(&t).unwrap();
    assert_eq!(json["outcome"], "success");
    assert_eq!(json["dns_answer"], "10.224.0.4");
    assert_eq!(json["tunnel"], "konnectivity");
    assert_eq!(json["path"][0]["hop"], "client");
    assert_eq!(json["path"][0]["verdict"], "pass");
    assert_eq!(json["events"][1]["kind"], "dns-query");
}
