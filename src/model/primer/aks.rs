//! The AKS API server in the primer (illustration 5): the primer's settings become a
//! [`Scenario`] of the widget's cluster, and the simulator decides. No AKS rule is written here;
//! the mapping is in `docs/model-rules.md`, section "PaaS primer".

use std::net::Ipv4Addr;

use super::{
    accept_list, NetworkConfig, PaasAccess, PrimerAddresses, PrimerClient, PrimerFacts,
    PrimerOutcome, PrimerSettings, PrimerTrace, Source, SourceKind, VmEgress,
};
use crate::model::cluster::Cluster;
use crate::model::names::Names;
use crate::model::scenario::{ClientKind, DnsZone, Egress, Mode, Scenario};
use crate::model::simulate::simulate;
use crate::model::trace::{EventKind, Outcome, Trace};
use crate::model::validate::MSG_RANGES_PRIVATE;

/// The cluster's outbound type that gives the VM the primer's egress: a VM in the cluster VNet
/// is not behind the cluster load balancer, so `lb` leaves it on default outbound access
/// (`Scenario::vm_egress_ip`).
fn egress(e: VmEgress) -> Egress {
    match e {
        VmEgress::DefaultOutbound => Egress::Lb,
        VmEgress::NatGateway => Egress::NatGw,
        VmEgress::Firewall => Egress::Firewall,
    }
}

/// The scenario the settings describe, with its network configuration and the notes on
/// settings AKS cannot carry.
fn scenario(
    s: &PrimerSettings,
    a: &PrimerAddresses,
    cluster: &Cluster,
    laptop_ip: Ipv4Addr,
) -> (Scenario, NetworkConfig, Vec<String>) {
    let vm = s.client == PrimerClient::VnetVm;
    let mut sc = Scenario {
        cluster: cluster.clone(),
        laptop_ip,
        egress: egress(s.vm_egress),
        ..Scenario::default()
    };
    let mut notes = Vec::new();
    let private = s.access == PaasAccess::PrivateEndpoint;
    let config = if private {
        sc.mode = Mode::Private;
        sc.dns = Some(DnsZone::System);
        sc.zone_link = s.zone_link;
        sc.client = if vm {
            ClientKind::Peered
        } else {
            ClientKind::Laptop
        };
        if s.internet_client_listed || s.vm_egress_listed {
            notes.push(format!(
                "A private AKS cluster has no accept list: the az CLI refuses it (\"{MSG_RANGES_PRIVATE}\"), so the listed addresses are dropped."
            ));
        }
        NetworkConfig {
            public_access: false,
            accept_list: Vec::new(),
            vnet_rules_supported: false,
            vnet_rules: Vec::new(),
            private_endpoint: true,
        }
    } else {
        sc.client = if vm {
            ClientKind::Vm
        } else {
            ClientKind::Laptop
        };
        let config = NetworkConfig {
            public_access: true,
            accept_list: accept_list(
                s,
                laptop_ip,
                sc.vm_egress_ip(),
                a.default_outbound_pool,
                &mut notes,
            ),
            vnet_rules_supported: false,
            vnet_rules: Vec::new(),
            private_endpoint: false,
        };
        // For AKS an empty list is no filter at all: a public API server.
        if !config.accept_list.is_empty() {
            sc.mode = Mode::Authorized;
            sc.ranges = Some(config.accept_list_text());
        }
        config
    };
    if s.vnet_rule {
        notes.push(
            "AKS has no VNet rules (and no service endpoint for the API server): the VNet rule is dropped."
                .to_string(),
        );
    }
    (sc, config, notes)
}

/// The AKS API server's trace: the simulator's, in the primer's terms.
pub(super) fn trace(
    s: &PrimerSettings,
    a: &PrimerAddresses,
    cluster: &Cluster,
    laptop_ip: Ipv4Addr,
) -> PrimerTrace {
    let (sc, config, notes) = scenario(s, a, cluster, laptop_ip);
    let aks = simulate(&sc);
    let names = Names::for_scenario(&sc);
    let private_names = Names::for_scenario(&Scenario {
        mode: Mode::Private,
        dns: Some(DnsZone::System),
        ..sc.clone()
    });
    let c = &sc.cluster.addresses;
    let private = s.access == PaasAccess::PrivateEndpoint;
    let (client_vnet_label, client_vnet, vm_subnet, vm_ip) = if private {
        ("Hub VNet", c.hub_vnet, None, c.hub_vm_ip)
    } else {
        ("Cluster VNet", c.vnet, Some(c.vm_subnet), c.vm_ip)
    };
    let source = source(&sc, &aks);
    let explanation = explanation(s, &config, &aks);
    PrimerTrace {
        settings: *s,
        instance_label: sc.cluster.name.clone(),
        name: aks
            .server_name
            .clone()
            .or_else(|| names.fqdn.clone())
            .unwrap_or_default(),
        dns_answer: aks.dns_answer,
        source,
        config,
        outcome: if aks.outcome == Outcome::Success {
            PrimerOutcome::Reached
        } else {
            PrimerOutcome::Blocked
        },
        client_sees: if aks.outcome == Outcome::Invalid {
            let said: Vec<String> = aks.validation.iter().map(|m| m.to_string()).collect();
            format!("az aks create fails: {}", said.join(" "))
        } else {
            aks.kubectl_output.clone()
        },
        notes,
        explanation,
        facts: PrimerFacts {
            service_label: "AKS API server".to_string(),
            public_ip: c.api_public_ip,
            private_ip: c.private_endpoint_ip,
            private_zone: private_names.private_zone.clone().unwrap_or_default(),
            pe_vnet_label: "Cluster VNet".to_string(),
            pe_vnet: c.vnet,
            client_vnet_label: client_vnet_label.to_string(),
            client_vnet,
            vm_subnet,
            vm_ip,
            internet_client_ip: laptop_ip,
            egress_label: s.vm_egress.label().to_string(),
            egress_ip: sc.vm_egress_ip(),
            egress_listable: s.vm_egress.listable(),
            default_outbound_pool: a.default_outbound_pool,
        },
        events: aks.events,
    }
}

/// The address the API server sees, once the client sends a packet.
fn source(sc: &Scenario, aks: &Trace) -> Option<Source> {
    let connects = aks
        .events
        .iter()
        .any(|e| matches!(e.kind, EventKind::Packet | EventKind::Nat));
    let a = &sc.cluster.addresses;
    connects.then(|| match sc.client {
        ClientKind::Peered => Source {
            ip: a.hub_vm_ip,
            kind: SourceKind::Private,
        },
        ClientKind::Vm => Source {
            ip: sc.vm_egress_ip(),
            kind: SourceKind::Public,
        },
        _ => Source {
            ip: sc.laptop_ip,
            kind: SourceKind::Public,
        },
    })
}

/// The simulator's own words (why it failed, else what happened), then what the primer
/// teaches about AKS for these settings.
fn explanation(s: &PrimerSettings, config: &NetworkConfig, aks: &Trace) -> String {
    let mut out = aks.why.clone().unwrap_or_else(|| aks.summary.clone());
    let vm = s.client == PrimerClient::VnetVm;
    let reached = aks.outcome == Outcome::Success;
    let teach = match s.access {
        _ if aks.outcome == Outcome::Invalid => "",
        PaasAccess::PrivateEndpoint => {
            "For AKS a private endpoint is the private cluster (section 2.3 of the article): no accept list, and the name lives only in a private DNS zone that answers the VNets linked to it."
        }
        PaasAccess::PublicAcceptList if config.accept_list.is_empty() => {
            "The accept list is empty: for AKS an empty list means no filter at all, a public API server open to the whole Internet. Add at least one range to turn the filter on."
        }
        PaasAccess::PublicAcceptList if vm && reached => {
            "AKS keeps the accept list and has no VNet rules: a VNet client passes only by its public egress IP, and a known one (NAT gateway or firewall) is what makes it listable."
        }
        PaasAccess::PublicAcceptList if vm => {
            "AKS keeps the accept list and drops VNet rules: only the VM's public egress IP counts, so a service endpoint is no way in."
        }
        PaasAccess::PublicAcceptList if !reached => {
            "An AKS API server drops refused packets silently, where a generic PaaS firewall answers with an error: kubectl waits, then times out."
        }
        PaasAccess::PublicAcceptList => "",
    };
    if !teach.is_empty() {
        out.push(' ');
        out.push_str(teach);
    }
    out
}
