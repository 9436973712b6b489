//! The PaaS primer: how a client reaches any Azure PaaS instance, before AKS (the article's
//! section 2.1 and illustrations 3, 4 and 5). The rules are in `docs/model-rules.md`, section
//! "PaaS primer".
//!
//! Why it exists beside the simulator: the AKS simulator (`simulate`) assumes the reader
//! already knows the three PaaS network controls the article starts from (a public IP accept
//! list, VNet rules with a service endpoint, a private endpoint). The primer teaches them on a
//! generic instance ([`paas`], the only hand-written rules here), then switches the same settings
//! to the AKS API server, which it does not model itself: [`aks`] turns the settings into a
//! [`Scenario`](super::Scenario) of the widget's cluster and reads the simulator's [`Trace`](super::Trace).
//! Both produce the simulator's own [`Event`]s and [`DnsAnswer`].

use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use super::cluster::{net, Cluster};
use super::scenario::id_enum;
use super::trace::{DnsAnswer, Event, EventKind, Verdict};

mod aks;
mod paas;
#[cfg(test)]
mod tests;

id_enum! {
    /// Which PaaS instance the client reaches (illustrations 3/4 versus 5).
    PaasService {
        /// Any PaaS instance with a firewall (accept list and VNet rules), Azure SQL-style names.
        GenericPaas => "paas",
        /// The AKS API server: accept list only, no VNet rules.
        AksApiServer => "aks",
    }
}

id_enum! {
    /// How the instance is exposed.
    PaasAccess {
        /// Public endpoint, filtered by a public IP accept list and (generic PaaS) VNet rules.
        PublicAcceptList => "accept-list",
        /// Public access disabled; a private endpoint NIC with a private IP, private DNS zone.
        PrivateEndpoint => "private-endpoint",
    }
}

id_enum! {
    /// Who connects.
    PrimerClient {
        /// A client on the Internet with its own public IP.
        InternetClient => "internet",
        /// A virtual machine in an Azure VNet.
        VnetVm => "vm",
    }
}

id_enum! {
    /// How the VM reaches the Internet, which decides the public IP the instance sees.
    VmEgress {
        /// Default outbound access: an address from a shared regional pool.
        DefaultOutbound => "default",
        /// A NAT gateway on the VM's subnet: one known public IP.
        NatGateway => "natgw",
        /// Azure Firewall (user-defined route): its known public IP.
        Firewall => "firewall",
    }
}

impl VmEgress {
    /// The egress as the diagram names it.
    pub fn label(self) -> &'static str {
        match self {
            VmEgress::DefaultOutbound => "Default outbound",
            VmEgress::NatGateway => "NAT gateway",
            VmEgress::Firewall => "Azure Firewall",
        }
    }

    /// Only a known address can be put in an accept list: default outbound's changes without
    /// notice and is shared with other customers.
    pub fn listable(self) -> bool {
        self != VmEgress::DefaultOutbound
    }
}

id_enum! {
    /// Final result of the primer's connection.
    PrimerOutcome {
        /// The client talks to the instance.
        Reached => "reached",
        /// Something on the way stopped it.
        Blocked => "blocked",
    }
}

/// The primer's settings: one value per radio group of the primer widget.
///
/// `Default` is illustration 3's first case: a generic PaaS instance with an accept list that
/// lists the Internet client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PrimerSettings {
    /// Generic PaaS or the AKS API server.
    pub service: PaasService,
    /// Public endpoint with accept list, or private endpoint.
    pub access: PaasAccess,
    /// Who connects.
    pub client: PrimerClient,
    /// The accept list holds the Internet client's public IP.
    pub internet_client_listed: bool,
    /// The accept list holds the VM's public egress IP (impossible with default outbound).
    pub vm_egress_listed: bool,
    /// A VNet rule declares the VM's subnet (with its service endpoint). Generic PaaS only.
    pub vnet_rule: bool,
    /// How the VM reaches public addresses.
    pub vm_egress: VmEgress,
    /// The private DNS zone is linked to the VM's VNet (matters only with a private
    /// endpoint). Default on, so that illustration 4 reads as the article draws it.
    pub zone_link: bool,
}

impl Default for PrimerSettings {
    fn default() -> Self {
        PrimerSettings {
            service: PaasService::GenericPaas,
            access: PaasAccess::PublicAcceptList,
            client: PrimerClient::InternetClient,
            internet_client_listed: true,
            vm_egress_listed: false,
            vnet_rule: false,
            vm_egress: VmEgress::DefaultOutbound,
            zone_link: true,
        }
    }
}

/// The generic instance's address plan. Plausible, fixed values so that every run reads the
/// same; the egress addresses are the default cluster's, so the two widgets agree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrimerAddresses {
    /// The generic instance's public name (Azure SQL-style).
    pub paas_name: String,
    /// The generic instance's public IP.
    pub paas_public_ip: Ipv4Addr,
    /// The generic instance's private endpoint NIC.
    pub paas_private_ip: Ipv4Addr,
    /// VNet holding the generic instance's private endpoint.
    pub pe_vnet: Ipv4Net,
    /// Subnet of that private endpoint.
    pub pe_subnet: Ipv4Net,
    /// Private DNS zone for the generic instance's Private Link name.
    pub paas_private_zone: String,
    /// The client VM's VNet (peered with the private endpoint's VNet).
    pub vm_vnet: Ipv4Net,
    /// The client VM's subnet (the one a VNet rule would declare).
    pub vm_subnet: Ipv4Net,
    /// The client VM's private IP.
    pub vm_ip: Ipv4Addr,
    /// The NAT gateway's public IP.
    pub natgw_ip: Ipv4Addr,
    /// Azure Firewall's public IP.
    pub firewall_ip: Ipv4Addr,
    /// Today's draw from the default outbound pool (it changes without notice).
    pub default_outbound_ip: Ipv4Addr,
    /// The regional pool default outbound draws from, as an illustrative range.
    pub default_outbound_pool: Ipv4Net,
    /// Azure-provided DNS.
    pub azure_dns_ip: Ipv4Addr,
    /// The Internet client's stub resolver.
    pub internet_stub_ip: Ipv4Addr,
}

impl Default for PrimerAddresses {
    fn default() -> Self {
        let a = Cluster::default().addresses;
        PrimerAddresses {
            paas_name: "contoso-paas.database.windows.net".to_string(),
            paas_public_ip: Ipv4Addr::new(20, 50, 10, 5),
            paas_private_ip: Ipv4Addr::new(10, 1, 0, 5),
            pe_vnet: net([10, 1, 0, 0], 16),
            pe_subnet: net([10, 1, 0, 0], 24),
            paas_private_zone: "privatelink.database.windows.net".to_string(),
            vm_vnet: net([10, 2, 0, 0], 16),
            vm_subnet: net([10, 2, 1, 0], 24),
            vm_ip: Ipv4Addr::new(10, 2, 1, 4),
            natgw_ip: a.natgw_egress_ip,
            firewall_ip: a.firewall_egress_ip,
            default_outbound_ip: a.default_outbound_ip,
            default_outbound_pool: net([40, 76, 0, 0], 14),
            azure_dns_ip: a.azure_dns_ip,
            internet_stub_ip: a.stub_resolver_ip,
        }
    }
}

/// One entry of the accept list, with whom it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AcceptEntry {
    /// The range as the portal shows it (a single address is a `/32`).
    pub net: Ipv4Net,
    /// Whose address it is.
    pub owner: String,
}

/// A VNet rule of a generic PaaS instance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VnetRule {
    /// The subnet it declares.
    pub subnet: Ipv4Net,
    /// The subnet has a service endpoint for the service (the rule admits nothing without it).
    pub service_endpoint: bool,
}

/// The instance's network configuration, as the portal would show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetworkConfig {
    /// Public network access enabled (false with a private endpoint).
    pub public_access: bool,
    /// Accept list entries.
    pub accept_list: Vec<AcceptEntry>,
    /// Whether the service has VNet rules at all (false for AKS).
    pub vnet_rules_supported: bool,
    /// VNet rules.
    pub vnet_rules: Vec<VnetRule>,
    /// Whether a private endpoint exists.
    pub private_endpoint: bool,
}

impl NetworkConfig {
    /// Whether the accept list holds `src`: a range contains it, not a string that looks alike.
    pub fn lists(&self, src: Ipv4Addr) -> bool {
        self.accept_list.iter().any(|e| e.net.contains(&src))
    }

    /// The accept list as az and the AKS `ranges` setting write it: comma separated.
    pub fn accept_list_text(&self) -> String {
        self.accept_list
            .iter()
            .map(|e| e.net.to_string())
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// How the source address reaches the instance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// A public address (the client's own or its egress device's).
    Public,
    /// A private address, over peering and a private endpoint.
    Private,
    /// A private address through the subnet's service endpoint.
    ServiceEndpoint(Ipv4Net),
}

/// The source address the instance sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    /// The address.
    pub ip: Ipv4Addr,
    /// How it got there.
    pub kind: SourceKind,
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.kind {
            SourceKind::Public => write!(f, "{}", self.ip),
            SourceKind::Private => write!(f, "{} (private)", self.ip),
            SourceKind::ServiceEndpoint(subnet) => {
                write!(f, "{} (subnet {subnet}, via service endpoint)", self.ip)
            }
        }
    }
}

/// What the primer computes for one set of settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrimerTrace {
    /// The settings it was computed from (echoed for the page's labels).
    pub settings: PrimerSettings,
    /// The instance's name as shown in the diagram (short, for AKS the cluster name).
    pub instance_label: String,
    /// The name the client looks up.
    pub name: String,
    /// The DNS answer.
    pub dns_answer: DnsAnswer,
    /// The source address the instance sees, when the connection gets that far.
    pub source: Option<Source>,
    /// The instance's network configuration.
    pub config: NetworkConfig,
    /// What happens, in order, stopping at the first block: the simulator's events for AKS.
    pub events: Vec<Event>,
    /// Reached or blocked.
    pub outcome: PrimerOutcome,
    /// What the client experiences (for AKS, kubectl's exact output).
    pub client_sees: String,
    /// Side facts the settings raise (a setting that cannot apply, and why).
    pub notes: Vec<String>,
    /// One paragraph: what protects the instance, why this client passes or not, the fix.
    pub explanation: String,
    /// The names and addresses the diagram prints.
    pub facts: PrimerFacts,
}

impl PrimerTrace {
    /// The client's own steps, the ones the path lists and the diagram numbers: answers
    /// retrace their query, and the node's connections and kubectl's start are not the
    /// client's path (as in `trace::path_from_events`).
    pub fn steps(&self) -> impl Iterator<Item = &Event> {
        self.events.iter().filter(|e| {
            !matches!(
                e.kind,
                EventKind::Start | EventKind::DnsAnswer | EventKind::Tunnel | EventKind::Kubelet
            )
        })
    }

    /// The DNS answer in words: private when it is the private endpoint's address.
    pub fn dns_answer_words(&self) -> String {
        match self.dns_answer {
            DnsAnswer::Address(ip) if ip == self.facts.private_ip => format!("{ip} (private)"),
            DnsAnswer::Address(ip) => format!("{ip} (public)"),
            other => other.to_string(),
        }
    }
}

/// Names and addresses of everything the primer's diagram shows, so the page prints values the
/// model computed rather than its own copies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrimerFacts {
    /// What the instance is ("PaaS instance", "AKS API server").
    pub service_label: String,
    /// The instance's public IP.
    pub public_ip: Ipv4Addr,
    /// The private endpoint NIC's IP.
    pub private_ip: Ipv4Addr,
    /// The private DNS zone.
    pub private_zone: String,
    /// What the VNet holding the private endpoint is ("Private endpoint VNet", "Cluster VNet").
    pub pe_vnet_label: String,
    /// That VNet.
    pub pe_vnet: Ipv4Net,
    /// What the client VM's VNet is ("Client VNet", "Cluster VNet", "Hub VNet").
    pub client_vnet_label: String,
    /// The client VM's VNet.
    pub client_vnet: Ipv4Net,
    /// The client VM's subnet, when the address plan names it.
    pub vm_subnet: Option<Ipv4Net>,
    /// The client VM's private IP.
    pub vm_ip: Ipv4Addr,
    /// The Internet client's public IP.
    pub internet_client_ip: Ipv4Addr,
    /// The VM's way out ("Default outbound", "NAT gateway", "Azure Firewall").
    pub egress_label: String,
    /// The VM's current public egress IP.
    pub egress_ip: Ipv4Addr,
    /// Whether that IP can be put in an accept list (false for default outbound).
    pub egress_listable: bool,
    /// The default outbound pool, as an illustrative range.
    pub default_outbound_pool: Ipv4Net,
}

/// Computes the primer's trace. `cluster` and `laptop_ip` are the main widget's, so that the
/// AKS instance is the reader's cluster and the Internet client is the reader's laptop.
pub fn simulate_primer(s: &PrimerSettings, cluster: &Cluster, laptop_ip: Ipv4Addr) -> PrimerTrace {
    let a = PrimerAddresses::default();
    match s.service {
        PaasService::GenericPaas => paas::trace(s, &a, laptop_ip),
        PaasService::AksApiServer => aks::trace(s, &a, cluster, laptop_ip),
    }
}

/// Why default outbound cannot be listed (shown as a note and in reasons).
fn default_outbound_words(ip: Ipv4Addr, pool: Ipv4Net) -> String {
    format!(
        "default outbound access gives the VM an address from a regional pool shared with other customers (here {ip} today, somewhere in a range like {pool} tomorrow): it is unpredictable, so it cannot be put in an accept list, and listing the whole pool would let every VM of the region in"
    )
}

/// The accept list the settings describe: the Internet client's address and the VM's egress
/// address, each as a `/32` when listed and listable (with a note when it is not).
fn accept_list(
    s: &PrimerSettings,
    laptop_ip: Ipv4Addr,
    egress_ip: Ipv4Addr,
    pool: Ipv4Net,
    notes: &mut Vec<String>,
) -> Vec<AcceptEntry> {
    let mut list = Vec::new();
    let host = |ip: Ipv4Addr, owner: &str| AcceptEntry {
        net: Ipv4Net::from(ip),
        owner: owner.to_string(),
    };
    if s.internet_client_listed {
        list.push(host(laptop_ip, "Internet client"));
    }
    if s.vm_egress_listed {
        match s.vm_egress {
            VmEgress::DefaultOutbound => notes.push(format!(
                "The VM's egress IP is not in the accept list: {}.",
                default_outbound_words(egress_ip, pool)
            )),
            VmEgress::NatGateway => list.push(host(egress_ip, "VM's NAT gateway")),
            VmEgress::Firewall => list.push(host(egress_ip, "Azure Firewall")),
        }
    }
    list
}

/// Blocked when any event blocks.
fn outcome_of(events: &[Event]) -> PrimerOutcome {
    if events.iter().any(|e| e.verdict == Verdict::Block) {
        PrimerOutcome::Blocked
    } else {
        PrimerOutcome::Reached
    }
}

/// Every combination of the settings (for the exhaustive tests of the model and the layout).
#[cfg(test)]
pub(crate) fn all_settings() -> Vec<PrimerSettings> {
    let mut out = Vec::new();
    for service in PaasService::ALL {
        for access in PaasAccess::ALL {
            for client in PrimerClient::ALL {
                for egress in VmEgress::ALL {
                    for bits in 0..16u8 {
                        out.push(PrimerSettings {
                            service: *service,
                            access: *access,
                            client: *client,
                            vm_egress: *egress,
                            internet_client_listed: bits & 1 != 0,
                            vm_egress_listed: bits & 2 != 0,
                            vnet_rule: bits & 4 != 0,
                            zone_link: bits & 8 != 0,
                        });
                    }
                }
            }
        }
    }
    out
}
