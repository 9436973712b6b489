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
//!   with a BYO VNet (NAT gateway or firewall egress, see `resources`) the subnet is passed;
//! * `--private-dns-zone` is printed only when `dns` is given (`system` is the default);
//! * `publicfqdn=on` adds nothing (the public FQDN is on by default at creation).

use super::resources::{
    apiserver_subnet_id, identity_id, needs_user_identity, node_subnet_id, outbound_type,
    private_dns_zone_value, ranges_value,
};
use super::shell::quote;
use crate::model::scenario::{Egress, Scenario};

/// The `az aks create` command line (one line, no trailing newline).
pub fn az_create(s: &Scenario) -> String {
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
    if s.egress != Egress::Lb {
        args.push(format!("--outbound-type {}", outbound_type(s.egress)));
    }
    if needs_user_identity(s) {
        args.push(format!("--assign-identity {}", quote(&identity_id(s))));
    }
    if !s.run_command {
        args.push("--disable-run-command".to_string());
    }
    args.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scenario::{DnsZone, Mode};

    use crate::fixtures::named;

    /// The article's command for aks-ntwdemo11 (its double space normalised).
    #[test]
    fn article_private_system() {
        let mut s = named("aks-ntwdemo11");
        s.mode = Mode::Private;
        assert_eq!(
            az_create(&s),
            "az aks create -n aks-ntwdemo11 -g aksntwdemo --enable-private-cluster --node-count 1"
        );
    }

    /// The article's command for aks-ntwdemo05 (private, VNet integration).
    #[test]
    fn article_vnet_private() {
        let mut s = named("aks-ntwdemo05");
        s.mode = Mode::Vnet;
        s.private = true;
        assert_eq!(
            az_create(&s),
            "az aks create -n aks-ntwdemo05 -g aksntwdemo --enable-private-cluster --node-count 1 --enable-apiserver-vnet-integration"
        );
    }

    #[test]
    fn public_and_authorized() {
        assert_eq!(
            az_create(&Scenario::default()),
            "az aks create -n aks-ntwdemo1 -g aksntwdemo --node-count 1"
        );
        let mut s = Scenario {
            mode: Mode::Authorized,
            ranges: Some("1.1.1.1/32, 2.2.2.0/24".into()),
            ..Scenario::default()
        };
        assert_eq!(
            az_create(&s),
            "az aks create -n aks-ntwdemo1 -g aksntwdemo --api-server-authorized-ip-ranges '1.1.1.1/32, 2.2.2.0/24' --node-count 1"
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
}
