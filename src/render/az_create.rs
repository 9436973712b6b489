//! `az aks create`: the command line that builds the scenario's cluster (hook `az-command`).
//!
//! The line reproduces the settings as configured, including invalid ones (authorized ranges on
//! a private cluster, `--private-dns-zone` on a public one...): running it is how a reader would
//! meet the validation message the widget shows. Flag order follows the article
//! (`az aks create -n aks-ntwdemo11 -g aksntwdemo --enable-private-cluster --node-count 1`,
//! then `--enable-apiserver-vnet-integration` after `--node-count 1`); defaults are omitted so
//! the line stays as short as what people type.
//!
//! Decisions:
//! * VNet integration in the AKS-managed VNet needs no `--apiserver-subnet-id` (AKS creates the
//!   delegated subnet; az even refuses `--apiserver-subnet-id` without `--vnet-subnet-id`);
//!   with a BYO VNet (firewall egress, see `resources`) the subnet is passed;
//! * `--private-dns-zone` is printed only when `dns` is given (`system` is the default);
//! * `publicfqdn=on` adds nothing (the public FQDN is on by default at creation);
//! * the network profile is spelled out (`--network-plugin azure --network-plugin-mode overlay`
//!   and the pod CIDR, service CIDR and DNS service IP of the address plan), so the command, the
//!   Terraform and the Bicep build the same cluster, the one the widget draws;
//! * no `--kubernetes-version`: the article's 1.26.6 is out of support, AKS picks its default;
//! * what must exist first comes first, as commands: the firewall route table, the
//!   user-assigned identity, the BYO zone and its hub link, the identity's role assignments;
//! * a create that would fail at node bootstrap keeps the reader's ranges but says so, with the
//!   fix, in comment lines right above it.

use super::resources::{
    apiserver_subnet_id, byo_vnet, byo_vnet_name, byo_zone, byo_zone_hub_link, byo_zone_name,
    cluster_cidrs, cluster_notes, firewall_note, hub_vnet_id, identity_id, identity_name,
    managed_vnet_note, needs_user_identity, node_subnet_id, outbound_flags, private_dns_zone_value,
    ranges_value, roles, route_table_name, FIREWALL_ROUTE_NAME, HUB_LINK_NAME, MANAGED_VNET_NOTE,
    NETWORK_PLUGIN, NETWORK_PLUGIN_MODE,
};
use super::shell::quote;
use crate::model::scenario::{Egress, Scenario};

/// The `az aks create` command line alone (one line, no trailing newline): what a terminal
/// shows when az refuses the settings.
pub fn az_create_command(s: &Scenario) -> String {
    let c = &s.cluster;
    let mut args: Vec<String> = vec![
        "az aks create".to_string(),
        format!("-n {}", quote(&c.name)),
        format!("-g {}", quote(&c.resource_group)),
    ];
    if s.is_private() {
        args.push("--enable-private-cluster".to_string());
    }
    if let Some(zone) = private_dns_zone_value(s) {
        args.push(format!("--private-dns-zone {}", quote(&zone)));
    }
    if s.public_fqdn == Some(false) {
        args.push("--disable-public-fqdn".to_string());
    }
    if let Some(ranges) = ranges_value(s) {
        args.push(format!(
            "--api-server-authorized-ip-ranges {}",
            quote(ranges)
        ));
    }
    args.push("--node-count 1".to_string());
    if s.vnet_integration() {
        args.push("--enable-apiserver-vnet-integration".to_string());
    }
    if let Some(subnet) = node_subnet_id(s) {
        args.push(format!("--vnet-subnet-id {}", quote(&subnet)));
        if s.vnet_integration() {
            args.push(format!(
                "--apiserver-subnet-id {}",
                quote(&apiserver_subnet_id(s))
            ));
        }
    }
    let [pod, service, dns] = cluster_cidrs(s);
    args.push(format!(
        "--network-plugin {NETWORK_PLUGIN} --network-plugin-mode {NETWORK_PLUGIN_MODE} --pod-cidr {pod} --service-cidr {service} --dns-service-ip {dns}"
    ));
    if s.egress != Egress::Lb {
        args.push(outbound_flags(s.egress));
    }
    if needs_user_identity(s) {
        args.push(format!("--assign-identity {}", quote(&identity_id(s))));
    }
    if !s.run_command {
        args.push("--disable-run-command".to_string());
    }
    args.join(" ")
}

/// The commands that must run before `az aks create`, in order, with their comment lines.
fn prerequisites(s: &Scenario) -> Vec<String> {
    let c = &s.cluster;
    let g = quote(&c.resource_group);
    let mut out = Vec::new();
    if byo_vnet(s) {
        let rt = quote(&route_table_name(s));
        out.push(format!("# {}", firewall_note(s)));
        out.push(format!("az network route-table create -g {g} -n {rt}"));
        out.push(format!(
            "az network route-table route create -g {g} --route-table-name {rt} -n {FIREWALL_ROUTE_NAME} --address-prefix 0.0.0.0/0 --next-hop-type VirtualAppliance --next-hop-ip-address {}",
            c.addresses.firewall_private_ip
        ));
        out.push(format!(
            "az network vnet subnet update -g {g} --vnet-name {} -n snet-nodes --route-table {rt}",
            quote(&byo_vnet_name(s))
        ));
    }
    if needs_user_identity(s) {
        out.push(format!(
            "principal=$(az identity create -g {g} -n {} --query principalId -o tsv)",
            quote(&identity_name(s))
        ));
    }
    if byo_zone(s) {
        let zone = quote(&byo_zone_name(s));
        out.push(format!(
            "az network private-dns zone create -g {g} -n {zone}"
        ));
        if byo_zone_hub_link(s) {
            out.push(format!(
                "az network private-dns link vnet create -g {g} -z {zone} -n {HUB_LINK_NAME} -v {} -e false",
                quote(&hub_vnet_id(s))
            ));
        }
    }
    for role in roles(s) {
        out.push(format!(
            "az role assignment create --assignee-object-id \"$principal\" --assignee-principal-type ServicePrincipal --role {} --scope {}",
            quote(role.name()),
            quote(&role.scope_id(s))
        ));
    }
    if managed_vnet_note(s) {
        out.push(format!("# {MANAGED_VNET_NOTE}"));
    }
    out
}

/// The `az-command` hook: the commands that build the scenario's cluster, ending with
/// `az aks create` ([`az_create_command`]); comment lines above it say which Kubernetes version
/// it gets and, when the create would fail at node bootstrap, why and how to fix it. Lines are
/// separated by `\n`, with no trailing newline.
pub fn az_create(s: &Scenario) -> String {
    let mut lines = prerequisites(s);
    lines.extend(
        cluster_notes(s, "--api-server-authorized-ip-ranges")
            .into_iter()
            .map(|l| format!("# {l}")),
    );
    lines.push(az_create_command(s));
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::kubectl::{BOOTSTRAP_CONN_FAIL, BOOTSTRAP_CONN_FAIL_EXIT};
    use crate::model::scenario::{DnsZone, Mode};
    use crate::render::resources::KUBERNETES_VERSION_NOTE;

    use crate::fixtures::named;

    /// The network profile every create line spells out (Azure CNI Overlay, the address plan's
    /// ranges).
    const NETWORK: &str = "--network-plugin azure --network-plugin-mode overlay --pod-cidr 10.244.0.0/16 --service-cidr 10.0.0.0/16 --dns-service-ip 10.0.0.10";

    /// The article's command for aks-ntwdemo11 (its double space normalised), with the network
    /// profile the widget draws; the hook puts the Kubernetes version note above it.
    #[test]
    fn article_private_system() {
        let mut s = named("aks-ntwdemo11");
        s.mode = Mode::Private;
        let line = format!(
            "az aks create -n aks-ntwdemo11 -g aksntwdemo --enable-private-cluster --node-count 1 {NETWORK}"
        );
        assert_eq!(az_create_command(&s), line);
        assert_eq!(
            az_create(&s),
            format!("# {KUBERNETES_VERSION_NOTE}\n{line}")
        );
    }

    /// The article's command for aks-ntwdemo05 (private, VNet integration).
    #[test]
    fn article_vnet_private() {
        let mut s = named("aks-ntwdemo05");
        s.mode = Mode::Vnet;
        s.private = true;
        assert_eq!(
            az_create_command(&s),
            format!("az aks create -n aks-ntwdemo05 -g aksntwdemo --enable-private-cluster --node-count 1 --enable-apiserver-vnet-integration {NETWORK}")
        );
    }

    #[test]
    fn public_and_authorized() {
        assert_eq!(
            az_create_command(&Scenario::default()),
            format!("az aks create -n aks-ntwdemo1 -g aksntwdemo --node-count 1 {NETWORK}")
        );
        let mut s = Scenario {
            mode: Mode::Authorized,
            ranges: Some("1.1.1.1/32, 2.2.2.0/24".into()),
            ..Scenario::default()
        };
        assert_eq!(
            az_create_command(&s),
            format!("az aks create -n aks-ntwdemo1 -g aksntwdemo --api-server-authorized-ip-ranges '1.1.1.1/32, 2.2.2.0/24' --node-count 1 {NETWORK}")
        );
        s.ranges = None;
        assert!(az_create(&s).contains("--api-server-authorized-ip-ranges 81.56.12.7/32"));
    }

    #[test]
    fn byo_zone_needs_an_identity() {
        let s = Scenario {
            mode: Mode::Private,
            dns: Some(DnsZone::Byo),
            public_fqdn: Some(false),
            run_command: false,
            ..Scenario::default()
        };
        let cmd = az_create(&s);
        assert!(cmd.contains("--private-dns-zone /subscriptions/"));
        assert!(cmd.contains("/privateDnsZones/privatelink.eastus.azmk8s.io"));
        assert!(cmd.contains("--disable-public-fqdn"));
        assert!(cmd.contains("--assign-identity /subscriptions/"));
        assert!(cmd.ends_with("--disable-run-command"));
    }

    #[test]
    fn firewall_egress_brings_its_own_vnet() {
        let s = Scenario {
            mode: Mode::Vnet,
            egress: Egress::Firewall,
            ..Scenario::default()
        };
        let cmd = az_create(&s);
        assert!(cmd.contains("--vnet-subnet-id /subscriptions/"));
        assert!(cmd.contains("--apiserver-subnet-id /subscriptions/"));
        assert!(cmd.contains("--outbound-type userDefinedRouting"));
        assert!(cmd.contains("--assign-identity"));
    }

    #[test]
    fn invalid_settings_are_reproduced() {
        let s = Scenario {
            mode: Mode::Private,
            ranges: Some("1.1.1.1/32".into()),
            ..Scenario::default()
        };
        assert!(az_create(&s).contains("--api-server-authorized-ip-ranges 1.1.1.1/32"));
        let s = Scenario {
            dns: Some(DnsZone::System),
            ..Scenario::default()
        };
        assert!(az_create(&s).contains("--private-dns-zone system"));
    }

    /// `egress=natgw` is the AKS-managed NAT gateway in the AKS-managed VNet; with ranges that
    /// omit its IP the create fails at node bootstrap, and the comment lines right above the
    /// command say so, why, and how to fix it.
    #[test]
    fn nat_gateway_create_with_its_ip_omitted_says_it_fails() {
        let s = crate::link::parse("mode=authorized&ranges=81.56.12.7/32&egress=natgw")
            .0
            .scenario;
        let text = az_create(&s);
        let lines: Vec<&str> = text.lines().collect();
        let create = lines.last().copied().unwrap_or_default();
        assert!(
            create.starts_with("az aks create -n aks-ntwdemo1 "),
            "{text}"
        );
        assert!(create.contains("--api-server-authorized-ip-ranges 81.56.12.7/32"));
        assert!(create.contains(
            "--outbound-type managedNATGateway --nat-gateway-managed-outbound-ip-count 1"
        ));
        assert!(!text.contains("--vnet-subnet-id"), "{text}");
        assert!(!text.contains("userAssignedNATGateway"), "{text}");
        // Right above the command: the failure, why, the fix and how the widget's state arises.
        let above = &lines[lines.len() - 5..lines.len() - 1];
        assert!(above.iter().all(|l| l.starts_with("# ")), "{text}");
        assert!(above[0].contains(&format!(
            "fails at node bootstrap: {BOOTSTRAP_CONN_FAIL} (exit status {BOOTSTRAP_CONN_FAIL_EXIT})"
        )));
        assert!(above[1].contains("NAT gateway's public IP 20.81.110.5"));
        assert!(above[1].contains("only the load balancer's outbound IP"));
        assert_eq!(
            above[2],
            "# Fix: add 20.81.110.5/32 to --api-server-authorized-ip-ranges."
        );
        assert!(above[3].contains("NotReady"));
        assert!(above[3].contains(
            "az aks update -n aks-ntwdemo1 -g aksntwdemo --api-server-authorized-ip-ranges"
        ));
    }

    /// No warning where the create works: the egress IP is listed, the load balancer's IP is
    /// authorized by AKS, VNet-integrated nodes use the ILB, invalid ranges fail earlier.
    #[test]
    fn creates_that_work_carry_no_warning() {
        for fragment in [
            "mode=authorized&ranges=81.56.12.7/32,20.81.110.5/32&egress=natgw",
            "mode=authorized&ranges=81.56.12.7/32",
            "mode=vnet&ranges=81.56.12.7/32&egress=natgw",
            "mode=authorized&ranges=10.0.0.0/8&egress=natgw",
            "mode=private&egress=firewall",
        ] {
            let s = crate::link::parse(fragment).0.scenario;
            assert!(!az_create(&s).contains(BOOTSTRAP_CONN_FAIL), "{fragment}");
        }
        let s = crate::link::parse("mode=authorized&ranges=0.0.0.0/32&egress=firewall")
            .0
            .scenario;
        assert!(az_create(&s).contains(
            "# Fix: replace 0.0.0.0/32 with 20.81.96.14/32 in --api-server-authorized-ip-ranges"
        ));
    }
}
