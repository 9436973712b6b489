//! The generic PaaS instance's rules (illustrations 3 and 4): the only network rules the primer
//! writes by hand, because the simulator models AKS alone. Rules: `docs/model-rules.md`,
//! section "PaaS primer".

use std::net::Ipv4Addr;

use super::{
    accept_list, default_outbound_words, outcome_of, NetworkConfig, PaasAccess, PrimerAddresses,
    PrimerClient, PrimerFacts, PrimerOutcome, PrimerSettings, PrimerTrace, Source, SourceKind,
    VmEgress, VnetRule,
};
use crate::model::trace::{DnsAnswer, Event, EventKind, Hop, Place, Verdict};

/// What the client experiences when the instance answers.
fn reached_words(a: &PrimerAddresses) -> String {
    format!(
        "The connection to {} opens and the service answers.",
        a.paas_name
    )
}

/// The generic instance's trace.
pub(super) fn trace(s: &PrimerSettings, a: &PrimerAddresses, laptop_ip: Ipv4Addr) -> PrimerTrace {
    let mut notes = Vec::new();
    let egress_ip = vm_egress_ip(s.vm_egress, a);
    let private = s.access == PaasAccess::PrivateEndpoint;
    let config = NetworkConfig {
        public_access: !private,
        accept_list: accept_list(s, laptop_ip, egress_ip, a.default_outbound_pool, &mut notes),
        vnet_rules_supported: true,
        vnet_rules: if s.vnet_rule {
            vec![VnetRule {
                subnet: a.vm_subnet,
                service_endpoint: true,
            }]
        } else {
            Vec::new()
        },
        private_endpoint: private,
    };
    if private && (!config.accept_list.is_empty() || !config.vnet_rules.is_empty()) {
        notes.push(
            "Public network access is disabled: the accept list and VNet rules stay configured but no longer apply."
                .to_string(),
        );
    }
    let host = a.paas_name.split('.').next().unwrap_or_default();
    let mut t = PrimerTrace {
        settings: *s,
        instance_label: host.to_string(),
        name: a.paas_name.clone(),
        dns_answer: DnsAnswer::Address(a.paas_public_ip),
        source: None,
        config,
        events: Vec::new(),
        outcome: PrimerOutcome::Reached,
        client_sees: String::new(),
        notes,
        explanation: String::new(),
        facts: PrimerFacts {
            service_label: "PaaS instance".to_string(),
            public_ip: a.paas_public_ip,
            private_ip: a.paas_private_ip,
            private_zone: a.paas_private_zone.clone(),
            pe_vnet_label: "Private endpoint VNet".to_string(),
            pe_vnet: a.pe_vnet,
            client_vnet_label: "Client VNet".to_string(),
            client_vnet: a.vm_vnet,
            vm_subnet: Some(a.vm_subnet),
            vm_ip: a.vm_ip,
            internet_client_ip: laptop_ip,
            egress_label: s.vm_egress.label().to_string(),
            egress_ip,
            egress_listable: s.vm_egress.listable(),
            default_outbound_pool: a.default_outbound_pool,
        },
    };
    let mut p = Paas { s, a, t: &mut t };
    match s.access {
        PaasAccess::PublicAcceptList => p.public_path(),
        PaasAccess::PrivateEndpoint => p.private_path(),
    }
    t.outcome = outcome_of(&t.events);
    t
}

/// The VM's public egress address.
fn vm_egress_ip(e: VmEgress, a: &PrimerAddresses) -> Ipv4Addr {
    match e {
        VmEgress::DefaultOutbound => a.default_outbound_ip,
        VmEgress::NatGateway => a.natgw_ip,
        VmEgress::Firewall => a.firewall_ip,
    }
}

/// Where the VM's packets leave for public addresses.
fn egress_place(e: VmEgress) -> Place {
    match e {
        VmEgress::DefaultOutbound => Place::DefaultOutbound,
        VmEgress::NatGateway => Place::NatGateway,
        VmEgress::Firewall => Place::Firewall,
    }
}

fn egress_name(e: VmEgress) -> &'static str {
    match e {
        VmEgress::DefaultOutbound => "default outbound access",
        VmEgress::NatGateway => "its NAT gateway",
        VmEgress::Firewall => "Azure Firewall",
    }
}

/// One trace being written.
struct Paas<'a> {
    s: &'a PrimerSettings,
    a: &'a PrimerAddresses,
    t: &'a mut PrimerTrace,
}

impl Paas<'_> {
    fn vm(&self) -> bool {
        self.s.client == PrimerClient::VnetVm
    }

    fn client(&self) -> Place {
        if self.vm() {
            Place::Vm
        } else {
            Place::Laptop
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        hop: Hop,
        kind: EventKind,
        from: Place,
        to: Place,
        label: String,
        verdict: Verdict,
        detail: String,
    ) {
        self.t
            .events
            .push(Event::new(hop, kind, from, to, label, detail, verdict));
    }

    fn lookup(&mut self, detail: String) {
        let name = self.a.paas_name.clone();
        let client = self.client();
        self.push(
            Hop::PublicDns,
            EventKind::DnsQuery,
            client,
            Place::PublicDns,
            format!("A? {name}"),
            Verdict::Pass,
            detail,
        );
    }

    /// The VM leaves through its egress with its public IP: the place it reaches the instance
    /// from.
    fn egress(&mut self) -> Place {
        let src = self.t.facts.egress_ip;
        let how = match self.s.vm_egress {
            VmEgress::DefaultOutbound => format!(
                "No NAT gateway or firewall: the VM uses default outbound access, an address picked from the region's shared pool (here {src}, for now)."
            ),
            VmEgress::NatGateway => format!(
                "The subnet's NAT gateway gives every outbound connection its known public IP {src}."
            ),
            VmEgress::Firewall => format!(
                "A route sends the traffic through Azure Firewall, which leaves from its known public IP {src}."
            ),
        };
        let place = egress_place(self.s.vm_egress);
        self.push(
            Hop::Egress,
            EventKind::Nat,
            Place::Vm,
            place,
            format!("from {src}"),
            Verdict::Pass,
            how,
        );
        place
    }

    /// The Internet client connects from its own public IP, which it returns.
    fn over_the_internet(&mut self) -> Ipv4Addr {
        let src = self.t.facts.internet_client_ip;
        self.push(
            Hop::Internet,
            EventKind::Packet,
            Place::Laptop,
            Place::NetworkConfig,
            format!("from {src}"),
            Verdict::Pass,
            format!("The client connects over the Internet from its public IP {src}."),
        );
        src
    }

    fn paas(&mut self, from: Place) {
        self.push(
            Hop::Paas,
            EventKind::Packet,
            from,
            Place::Paas,
            "connection accepted".to_string(),
            Verdict::Pass,
            "The PaaS instance accepts the connection and answers.".to_string(),
        );
        self.t.client_sees = reached_words(self.a);
    }

    fn public_path(&mut self) {
        let (a, vm) = (self.a, self.vm());
        let name = &a.paas_name;
        let ip = a.paas_public_ip;
        let with_rule = vm && !self.t.config.vnet_rules.is_empty();
        self.lookup(if vm {
            format!(
                "Azure-provided DNS {} recurses to the Azure public namespace, which answers {name} → {ip}.{}",
                a.azure_dns_ip,
                if with_rule {
                    " A service endpoint does not change DNS: the instance stays in the public namespace."
                } else {
                    ""
                }
            )
        } else {
            format!("The Azure public namespace answers {name} → {ip}, for anyone who asks.")
        });
        if with_rule {
            self.service_endpoint();
            return;
        }
        let (src, from) = if vm {
            (self.t.facts.egress_ip, self.egress())
        } else {
            (self.over_the_internet(), Place::NetworkConfig)
        };
        self.t.source = Some(Source {
            ip: src,
            kind: SourceKind::Public,
        });
        if self.t.config.lists(src) {
            self.admitted(src, from);
        } else {
            self.refused(src, from);
        }
    }

    /// Generic PaaS, VM, VNet rule declared: the service endpoint carries the traffic.
    fn service_endpoint(&mut self) {
        let a = self.a;
        let subnet = a.vm_subnet;
        let ip = a.paas_public_ip;
        self.t.source = Some(Source {
            ip: a.vm_ip,
            kind: SourceKind::ServiceEndpoint(subnet),
        });
        self.push(
            Hop::ServiceEndpoint,
            EventKind::Packet,
            Place::Vm,
            Place::NetworkConfig,
            format!("from {} via service endpoint", a.vm_ip),
            Verdict::Pass,
            format!(
                "Subnet {subnet} has a service endpoint for the service: traffic to {ip} stays on the Azure backbone and arrives with the VM's private address {} and its subnet's identity, not a public IP.",
                a.vm_ip
            ),
        );
        self.push(
            Hop::NetworkConfig,
            EventKind::Filter,
            Place::NetworkConfig,
            Place::NetworkConfig,
            format!("VNet rule {subnet}"),
            Verdict::Pass,
            format!(
                "A VNet rule declares subnet {subnet}: the firewall admits the VM by its subnet."
            ),
        );
        self.paas(Place::NetworkConfig);
        self.t.explanation = format!(
            "The VM reaches the public instance through its subnet's service endpoint, and the VNet rule for {subnet} admits it: no public IP to know or to list. The instance is still in the Azure public namespace ({} resolves to {ip} for anyone) and still reachable from the Internet for whatever its accept list allows; to take it off the public network, use a private endpoint.",
            a.paas_name
        );
    }

    fn admitted(&mut self, src: Ipv4Addr, from: Place) {
        self.push(
            Hop::NetworkConfig,
            EventKind::Filter,
            from,
            Place::NetworkConfig,
            format!("accept list: {src} listed"),
            Verdict::Pass,
            format!("{src} is in the public IP accept list: the firewall lets it through."),
        );
        self.paas(Place::NetworkConfig);
        let ip = self.a.paas_public_ip;
        self.t.explanation = if self.vm() {
            format!(
                "The VM leaves through {} with the known public IP {src}, and that IP is in the accept list, so it passes. A known egress IP (NAT gateway or firewall) is what makes an Azure client listable.",
                egress_name(self.s.vm_egress)
            )
        } else {
            format!(
                "The instance's name resolves to its public IP {ip} for everyone, and its firewall admits the Internet client because {src} is in the public IP accept list. Accept lists suit clients with a known, stable public address; many consider them not secure enough on their own."
            )
        };
    }

    fn refused(&mut self, src: Ipv4Addr, from: Place) {
        let (a, vm) = (self.a, self.vm());
        let pool_words = default_outbound_words(src, a.default_outbound_pool);
        let unlistable = vm && !self.s.vm_egress.listable();
        let reason = if unlistable {
            format!("{src} is not in the accept list and cannot be: {pool_words}.")
        } else {
            format!("{src} is not in the public IP accept list.")
        };
        let no_rule = if vm {
            format!(" No VNet rule declares subnet {}.", a.vm_subnet)
        } else {
            String::new()
        };
        self.push(
            Hop::NetworkConfig,
            EventKind::Filter,
            from,
            Place::NetworkConfig,
            format!("accept list: {src} not listed"),
            Verdict::Block,
            format!("{reason}{no_rule} The service refuses the connection with an error naming the client address."),
        );
        self.t.client_sees = format!("The service refuses the connection: client address {src} is not allowed by the firewall (the exact error text depends on the service).");
        self.t.explanation = if unlistable {
            format!(
                "The VM is blocked because it has no known public IP: {pool_words}. Fix: give the subnet a NAT gateway, or route it through Azure Firewall, and put that IP in the accept list. Or declare the VM's subnet in a VNet rule (service endpoint), which needs no public IP at all."
            )
        } else if vm {
            format!(
                "The VM leaves through {} with the known public IP {src}, but that IP is not in the accept list. Fix: add {src}/32 to the accept list. Or declare the VM's subnet in a VNet rule (service endpoint).",
                egress_name(self.s.vm_egress)
            )
        } else {
            format!(
                "The instance is public ({} resolves to {} for everyone), but its firewall admits only listed addresses and {src} is not one of them, so the service refuses the connection. Fix: add {src}/32 to the accept list.",
                a.paas_name, a.paas_public_ip
            )
        };
    }

    /// Public network access is disabled: whoever arrives from a public address is refused.
    fn public_access_disabled(&mut self, from: Place, why: &str) {
        self.push(
            Hop::NetworkConfig,
            EventKind::Filter,
            from,
            Place::NetworkConfig,
            "public network access disabled".to_string(),
            Verdict::Block,
            format!("{why}Public network access is disabled: the instance is disconnected from the Azure public network and refuses every public connection, whatever the accept list says."),
        );
        self.t.client_sees =
            "The service refuses the connection: public network access is disabled (the exact error text depends on the service).".to_string();
    }

    fn private_path(&mut self) {
        let a = self.a;
        let (name, ip, pip) = (&a.paas_name, a.paas_public_ip, a.paas_private_ip);
        let host = name.split('.').next().unwrap_or_default();
        let rest = name.split_once('.').map_or("", |(_, r)| r);
        let alias = format!("{host}.privatelink.{rest}");
        let zone = &a.paas_private_zone;
        if !self.vm() {
            self.lookup(format!(
                "The Azure public namespace answers {name} with an alias to {alias}; outside a VNet linked to the private zone, that alias still resolves to the public IP {ip}."
            ));
            let src = self.over_the_internet();
            self.t.source = Some(Source {
                ip: src,
                kind: SourceKind::Public,
            });
            self.public_access_disabled(Place::NetworkConfig, "");
            self.t.explanation = format!(
                "With a private endpoint the instance is disconnected from the public network: the Internet client still resolves {name} to {ip}, but public access is disabled, so nothing from the Internet gets in, accept list or not. Only clients that reach the private IP {pip} can connect."
            );
            return;
        }
        if !self.s.zone_link {
            self.lookup(format!(
                "The private DNS zone {zone} is not linked to the VM's VNet, so Azure-provided DNS {} cannot see it: it follows the public alias {name} → {alias} to the public IP {ip}.",
                a.azure_dns_ip
            ));
            let src = self.t.facts.egress_ip;
            self.t.source = Some(Source {
                ip: src,
                kind: SourceKind::Public,
            });
            let from = self.egress();
            self.public_access_disabled(
                from,
                &format!("The VM resolved the public IP, so it arrives from its public egress IP {src}. "),
            );
            self.t.explanation = format!(
                "The private endpoint exists, but the private DNS zone {zone} is not linked to the VM's VNet: its resolver follows the public alias to the public IP {ip}, and public network access is disabled, so the instance refuses the connection. Fix: link the zone to the VM's VNet, and it resolves the private IP {pip}."
            );
            return;
        }
        self.t.dns_answer = DnsAnswer::Address(pip);
        self.push(
            Hop::PrivateZone,
            EventKind::DnsQuery,
            Place::Vm,
            Place::PrivateZone,
            format!("A? {name}"),
            Verdict::Pass,
            format!(
                "{name} is an alias of {alias}, and the private DNS zone {zone} holds it; the zone is linked to the VM's VNet, so Azure-provided DNS {} answers the private IP {pip}.",
                a.azure_dns_ip
            ),
        );
        self.t.source = Some(Source {
            ip: a.vm_ip,
            kind: SourceKind::Private,
        });
        self.push(
            Hop::Peering,
            EventKind::Packet,
            Place::Vm,
            Place::Peering,
            format!("from {} to {pip}", a.vm_ip),
            Verdict::Pass,
            format!(
                "The VM's VNet {} is peered with the VNet holding the private endpoint: private addresses route across, no public IP involved.",
                a.vm_vnet
            ),
        );
        self.push(
            Hop::PrivateEndpoint,
            EventKind::Packet,
            Place::Peering,
            Place::PrivateEndpoint,
            format!("private endpoint {pip}"),
            Verdict::Pass,
            format!(
                "The private endpoint NIC {pip} in subnet {} of VNet {} carries the connection to the instance over Private Link.",
                a.pe_subnet, a.pe_vnet
            ),
        );
        self.paas(Place::PrivateEndpoint);
        self.t.explanation = format!(
            "With a private endpoint the instance has a NIC with the private IP {pip} in subnet {} of VNet {}, and its name is registered in the private DNS zone {zone}. The VM's VNet is linked to that zone and peered with the endpoint's VNet, so it resolves the private IP and connects privately: its egress IP, the accept list and VNet rules no longer matter.",
            a.pe_subnet, a.pe_vnet
        );
    }
}
