//! The PaaS primer: how a client reaches any Azure PaaS instance, before AKS (the article's
//! section 2.1 and illustrations 3, 4 and 5).
//!
//! Why a second, tiny model: the AKS simulator (`simulate`) assumes the reader already knows the
//! three PaaS network controls the article starts from. This one teaches them on a generic
//! instance, then switches the same settings to the AKS API server to show what AKS keeps (the
//! public IP accept list) and drops (VNet rules).
//!
//! Rules:
//! * **Public endpoint with an accept list.** The instance's name is in the Azure public
//!   namespace and resolves to its public IP for everyone. Its firewall admits a source whose
//!   public IP is in the accept list, or (generic PaaS only) a VM whose subnet is declared in a
//!   VNet rule: the subnet's service endpoint carries the traffic on the Azure backbone with the
//!   VM's private address, so no public IP is involved.
//! * **A VM's public IP** depends on its egress: default outbound access picks an address from a
//!   shared regional pool (unpredictable, shared with other customers, so it cannot be listed);
//!   a NAT gateway or Azure Firewall gives a known IP that can be listed.
//! * **Private endpoint.** Public network access is disabled; a NIC with a private IP in a VNet
//!   carries Private Link, and the name is answered by a private DNS zone linked to the client's
//!   VNet (the client's VNet is peered with the endpoint's). The accept list and VNet rules no
//!   longer matter.
//! * **AKS** keeps the accept list (`authorizedIpRanges`) and has no VNet rules and no service
//!   endpoint, so a VM passes only when its *public* egress IP is listed. An empty list means no
//!   filter at all (a public API server). Denied packets are dropped: kubectl times out, where a
//!   generic PaaS firewall answers with an error. Its private endpoint form is the private
//!   cluster, whose private FQDN does not exist in public DNS.

use std::net::Ipv4Addr;

use serde::Serialize;

use super::cluster::{cidr, Cluster};
use super::kubectl;
use super::names::Names;
use super::scenario::{id_enum, DnsZone, Mode, Scenario};
use super::trace::Verdict;
use super::validate::MSG_RANGES_PRIVATE;

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

id_enum! {
    /// Stable hop ids (for `data-hop` attributes and the diagram).
    PrimerHopId {
        /// The Azure public namespace (public DNS).
        PublicDns => "public-dns",
        /// The private DNS zone linked to the client's VNet.
        PrivateZone => "private-zone",
        /// The Internet, from the Internet client.
        Internet => "internet",
        /// The VM's way out to public addresses (default outbound, NAT gateway, firewall).
        Egress => "egress",
        /// The subnet's service endpoint (Azure backbone, private source address).
        ServiceEndpoint => "service-endpoint",
        /// VNet peering between the client's VNet and the private endpoint's.
        Peering => "peering",
        /// The instance's network configuration (firewall: accept list, VNet rules, public access).
        NetworkConfig => "network-config",
        /// The private endpoint NIC.
        PrivateEndpoint => "private-endpoint",
        /// The PaaS instance itself.
        Paas => "paas",
    }
}

id_enum! {
    /// Whether a hop is a name lookup or a connection leg.
    PrimerHopKind {
        /// A DNS query and its answer.
        Dns => "dns",
        /// A packet / connection leg.
        Packet => "packet",
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
        }
    }
}

/// The primer's address plan. Plausible, fixed values so that every run reads the same; the AKS
/// instance takes its public IP, private endpoint and names from the main model's cluster so the
/// primer and the simulator agree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrimerAddresses {
    /// The generic instance's public name (Azure SQL-style).
    pub paas_name: String,
    /// The generic instance's public IP.
    pub paas_public_ip: Ipv4Addr,
    /// The generic instance's private endpoint NIC.
    pub paas_private_ip: Ipv4Addr,
    /// VNet holding the generic instance's private endpoint.
    pub pe_vnet: (Ipv4Addr, u8),
    /// Subnet of that private endpoint.
    pub pe_subnet: (Ipv4Addr, u8),
    /// Private DNS zone for the generic instance's Private Link name.
    pub paas_private_zone: String,
    /// The Internet client's public IP (the main model's laptop).
    pub internet_client_ip: Ipv4Addr,
    /// The client VM's VNet (peered with the private endpoint's VNet).
    pub vm_vnet: (Ipv4Addr, u8),
    /// The client VM's subnet (the one a VNet rule would declare).
    pub vm_subnet: (Ipv4Addr, u8),
    /// The client VM's private IP.
    pub vm_ip: Ipv4Addr,
    /// The NAT gateway's public IP.
    pub natgw_ip: Ipv4Addr,
    /// Azure Firewall's public IP.
    pub firewall_ip: Ipv4Addr,
    /// Today's draw from the default outbound pool (it changes without notice).
    pub default_outbound_ip: Ipv4Addr,
    /// The regional pool default outbound draws from, as an illustrative range.
    pub default_outbound_pool: (Ipv4Addr, u8),
    /// Azure-provided DNS.
    pub azure_dns_ip: Ipv4Addr,
    /// The Internet client's stub resolver (printed in `no such host`).
    pub internet_stub_ip: Ipv4Addr,
}

impl Default for PrimerAddresses {
    fn default() -> Self {
        let a = Cluster::default().addresses;
        PrimerAddresses {
            paas_name: "contoso-paas.database.windows.net".to_string(),
            paas_public_ip: Ipv4Addr::new(20, 50, 10, 5),
            paas_private_ip: Ipv4Addr::new(10, 1, 0, 5),
            pe_vnet: (Ipv4Addr::new(10, 1, 0, 0), 16),
            pe_subnet: (Ipv4Addr::new(10, 1, 0, 0), 24),
            paas_private_zone: "privatelink.database.windows.net".to_string(),
            internet_client_ip: a.laptop_ip,
            vm_vnet: (Ipv4Addr::new(10, 2, 0, 0), 16),
            vm_subnet: (Ipv4Addr::new(10, 2, 1, 0), 24),
            vm_ip: Ipv4Addr::new(10, 2, 1, 4),
            natgw_ip: a.natgw_egress_ip,
            firewall_ip: a.firewall_egress_ip,
            default_outbound_ip: a.default_outbound_ip,
            default_outbound_pool: (Ipv4Addr::new(40, 76, 0, 0), 14),
            azure_dns_ip: a.azure_dns_ip,
            internet_stub_ip: a.stub_resolver_ip,
        }
    }
}

/// What the client's resolver answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrimerDnsAnswer {
    /// The instance's public IP (from the Azure public namespace).
    Public(Ipv4Addr),
    /// The private endpoint's IP (from the private DNS zone).
    Private(Ipv4Addr),
    /// No such name.
    NxDomain,
}

impl std::fmt::Display for PrimerDnsAnswer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PrimerDnsAnswer::Public(ip) => write!(f, "{ip} (public)"),
            PrimerDnsAnswer::Private(ip) => write!(f, "{ip} (private)"),
            PrimerDnsAnswer::NxDomain => f.write_str("NXDOMAIN"),
        }
    }
}

impl Serialize for PrimerDnsAnswer {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// One entry of the accept list, with whom it stands for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AcceptEntry {
    /// The CIDR as the portal shows it.
    pub cidr: String,
    /// Whose address it is.
    pub owner: String,
}

/// The instance's network configuration, as the portal would show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NetworkConfig {
    /// Public network access enabled (false with a private endpoint).
    pub public_access: bool,
    /// Accept list entries.
    pub accept_list: Vec<AcceptEntry>,
    /// Whether the service has VNet rules at all (false for AKS).
    pub vnet_rules_supported: bool,
    /// Subnets declared in VNet rules.
    pub vnet_rules: Vec<String>,
    /// Whether a private endpoint exists.
    pub private_endpoint: bool,
}

/// One hop of the primer's path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PrimerHop {
    /// Stable id.
    pub id: PrimerHopId,
    /// Lookup or connection leg.
    pub kind: PrimerHopKind,
    /// Short label (`A? name`, `from 81.56.12.7`...).
    pub label: String,
    /// Pass or block.
    pub verdict: Verdict,
    /// Why, in one or two sentences.
    pub reason: String,
}

/// What the primer computes for one set of settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PrimerTrace {
    /// The settings it was computed from (echoed for the page's labels).
    #[serde(skip)]
    pub settings: PrimerSettings,
    /// The instance's name as shown in the diagram (short, for AKS the cluster name).
    pub instance_label: String,
    /// The name the client looks up.
    pub name: String,
    /// The resolver the client asks, in words.
    pub resolver: String,
    /// The DNS answer.
    pub dns_answer: PrimerDnsAnswer,
    /// The source address the instance sees, when the connection gets that far.
    pub source: Option<String>,
    /// The instance's network configuration.
    pub config: NetworkConfig,
    /// Hops in order, stopping at the first block.
    pub hops: Vec<PrimerHop>,
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

/// Names and addresses of everything the primer's diagram shows, so the page prints values the
/// model computed rather than its own copies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
    /// That VNet's CIDR.
    pub pe_vnet: String,
    /// The client VM's VNet CIDR.
    pub client_vnet: String,
    /// The client VM's subnet CIDR.
    pub vm_subnet: String,
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
    pub default_outbound_pool: String,
}

/// The instance-specific facts: names and addresses of the generic PaaS or of the AKS cluster.
struct Instance {
    label: String,
    public_name: String,
    /// The name a client of the private endpoint form looks up (AKS: `privateFqdn`).
    private_lookup_name: String,
    /// The Private Link alias the public name points at (generic) or the private FQDN (AKS).
    private_link_name: String,
    zone: String,
    public_ip: Ipv4Addr,
    private_ip: Ipv4Addr,
    pe_network: String,
    pe_vnet_label: &'static str,
    pe_vnet: String,
    aks: bool,
}

impl Instance {
    fn new(service: PaasService, a: &PrimerAddresses) -> Instance {
        match service {
            PaasService::GenericPaas => {
                let host = a.paas_name.split('.').next().unwrap_or_default();
                let rest = a.paas_name.split_once('.').map_or("", |(_, r)| r);
                Instance {
                    label: host.to_string(),
                    public_name: a.paas_name.clone(),
                    private_lookup_name: a.paas_name.clone(),
                    private_link_name: format!("{host}.privatelink.{rest}"),
                    zone: a.paas_private_zone.clone(),
                    public_ip: a.paas_public_ip,
                    private_ip: a.paas_private_ip,
                    pe_network: format!("subnet {} of VNet {}", cidr(a.pe_subnet), cidr(a.pe_vnet)),
                    pe_vnet_label: "Private endpoint VNet",
                    pe_vnet: cidr(a.pe_vnet),
                    aks: false,
                }
            }
            PaasService::AksApiServer => {
                let public = Scenario::default();
                let private = Scenario {
                    mode: Mode::Private,
                    dns: Some(DnsZone::System),
                    ..Scenario::default()
                };
                let public_names = Names::for_scenario(&public);
                let private_names = Names::for_scenario(&private);
                let c = &public.cluster;
                let private_fqdn = private_names.private_fqdn.unwrap_or_default();
                Instance {
                    label: c.name.clone(),
                    public_name: public_names.fqdn.unwrap_or_default(),
                    private_lookup_name: private_fqdn.clone(),
                    private_link_name: private_fqdn,
                    zone: private_names.private_zone.unwrap_or_default(),
                    public_ip: c.addresses.api_public_ip,
                    private_ip: c.addresses.private_endpoint_ip,
                    pe_network: format!(
                        "the node subnet {} of the cluster VNet {}",
                        cidr(c.addresses.node_subnet),
                        cidr(c.addresses.vnet)
                    ),
                    pe_vnet_label: "Cluster VNet",
                    pe_vnet: cidr(c.addresses.vnet),
                    aks: true,
                }
            }
        }
    }
}

/// Computes the primer's trace with the default address plan.
pub fn simulate_primer(s: &PrimerSettings) -> PrimerTrace {
    simulate_primer_with(s, &PrimerAddresses::default())
}

/// Why default outbound cannot be listed (shown as a note and in reasons).
fn default_outbound_words(a: &PrimerAddresses) -> String {
    format!(
        "default outbound access gives the VM an address from a regional pool shared with other customers (here {} today, somewhere in a range like {} tomorrow): it is unpredictable, so it cannot be put in an accept list, and listing the whole pool would let every VM of the region in",
        a.default_outbound_ip,
        cidr(a.default_outbound_pool)
    )
}

/// The VM's public egress address, and whether it can be listed.
fn vm_public_source(s: &PrimerSettings, a: &PrimerAddresses) -> (Ipv4Addr, bool) {
    match s.vm_egress {
        VmEgress::DefaultOutbound => (a.default_outbound_ip, false),
        VmEgress::NatGateway => (a.natgw_ip, true),
        VmEgress::Firewall => (a.firewall_ip, true),
    }
}

/// The network configuration the settings describe.
fn network_config(
    s: &PrimerSettings,
    a: &PrimerAddresses,
    notes: &mut Vec<String>,
) -> NetworkConfig {
    let aks = s.service == PaasService::AksApiServer;
    let private = s.access == PaasAccess::PrivateEndpoint;
    let mut accept_list = Vec::new();
    if aks && private {
        // A private AKS cluster cannot carry authorized ranges: the az CLI refuses them.
        if s.internet_client_listed || s.vm_egress_listed {
            notes.push(format!(
                "A private AKS cluster has no accept list: the az CLI refuses it (\"{MSG_RANGES_PRIVATE}\"), so the listed addresses are dropped."
            ));
        }
    } else {
        if s.internet_client_listed {
            accept_list.push(AcceptEntry {
                cidr: format!("{}/32", a.internet_client_ip),
                owner: "Internet client".to_string(),
            });
        }
        if s.vm_egress_listed {
            match s.vm_egress {
                VmEgress::DefaultOutbound => notes.push(format!(
                    "The VM's egress IP is not in the accept list: {}.",
                    default_outbound_words(a)
                )),
                VmEgress::NatGateway => accept_list.push(AcceptEntry {
                    cidr: format!("{}/32", a.natgw_ip),
                    owner: "VM's NAT gateway".to_string(),
                }),
                VmEgress::Firewall => accept_list.push(AcceptEntry {
                    cidr: format!("{}/32", a.firewall_ip),
                    owner: "Azure Firewall".to_string(),
                }),
            }
        }
    }
    let vnet_rules_supported = !aks;
    let vnet_rules = if s.vnet_rule && vnet_rules_supported {
        vec![format!("{} (service endpoint on)", cidr(a.vm_subnet))]
    } else {
        Vec::new()
    };
    if s.vnet_rule && aks {
        notes.push(
            "AKS has no VNet rules (and no service endpoint for the API server): the VNet rule is dropped."
                .to_string(),
        );
    }
    if private && !aks && (!accept_list.is_empty() || !vnet_rules.is_empty()) {
        notes.push(
            "Public network access is disabled: the accept list and VNet rules stay configured but no longer apply."
                .to_string(),
        );
    }
    NetworkConfig {
        public_access: !private,
        accept_list,
        vnet_rules_supported,
        vnet_rules,
        private_endpoint: private,
    }
}

fn hop(
    id: PrimerHopId,
    kind: PrimerHopKind,
    label: String,
    verdict: Verdict,
    reason: String,
) -> PrimerHop {
    PrimerHop {
        id,
        kind,
        label,
        verdict,
        reason,
    }
}

fn facts(s: &PrimerSettings, a: &PrimerAddresses, inst: &Instance) -> PrimerFacts {
    let (egress_ip, egress_listable) = vm_public_source(s, a);
    PrimerFacts {
        service_label: if inst.aks {
            "AKS API server"
        } else {
            "PaaS instance"
        }
        .to_string(),
        public_ip: inst.public_ip,
        private_ip: inst.private_ip,
        private_zone: inst.zone.clone(),
        pe_vnet_label: inst.pe_vnet_label.to_string(),
        pe_vnet: inst.pe_vnet.clone(),
        client_vnet: cidr(a.vm_vnet),
        vm_subnet: cidr(a.vm_subnet),
        vm_ip: a.vm_ip,
        internet_client_ip: a.internet_client_ip,
        egress_label: match s.vm_egress {
            VmEgress::DefaultOutbound => "Default outbound",
            VmEgress::NatGateway => "NAT gateway",
            VmEgress::Firewall => "Azure Firewall",
        }
        .to_string(),
        egress_ip,
        egress_listable,
        default_outbound_pool: cidr(a.default_outbound_pool),
    }
}

/// Computes the primer's trace for an address plan.
pub fn simulate_primer_with(s: &PrimerSettings, a: &PrimerAddresses) -> PrimerTrace {
    let inst = Instance::new(s.service, a);
    let mut notes = Vec::new();
    let config = network_config(s, a, &mut notes);
    let vm = s.client == PrimerClient::VnetVm;
    let resolver = if vm {
        format!("Azure-provided DNS {}", a.azure_dns_ip)
    } else {
        format!(
            "the stub resolver {} and the Internet provider's recursive resolver",
            a.internet_stub_ip
        )
    };
    let mut t = PrimerTrace {
        settings: *s,
        instance_label: inst.label.clone(),
        name: inst.public_name.clone(),
        resolver,
        dns_answer: PrimerDnsAnswer::Public(inst.public_ip),
        source: None,
        config,
        hops: Vec::new(),
        outcome: PrimerOutcome::Reached,
        client_sees: String::new(),
        notes,
        explanation: String::new(),
        facts: facts(s, a, &inst),
    };
    match s.access {
        PaasAccess::PublicAcceptList => public_path(s, a, &inst, &mut t),
        PaasAccess::PrivateEndpoint => private_path(s, a, &inst, &mut t),
    }
    if t.hops.iter().any(|h| h.verdict == Verdict::Block) {
        t.outcome = PrimerOutcome::Blocked;
    }
    t
}

/// What a reached client sees.
fn reached_words(inst: &Instance) -> String {
    if inst.aks {
        kubectl::get_nodes(&Cluster::default(), true)
    } else {
        format!(
            "The connection to {} opens and the service answers.",
            inst.public_name
        )
    }
}

fn public_path(s: &PrimerSettings, a: &PrimerAddresses, inst: &Instance, t: &mut PrimerTrace) {
    let vm = s.client == PrimerClient::VnetVm;
    let name = &inst.public_name;
    let ip = inst.public_ip;
    let dns_reason = if vm {
        format!(
            "Azure-provided DNS recurses to the Azure public namespace, which answers {name} → {ip}.{}",
            if t.config.vnet_rules.is_empty() {
                ""
            } else {
                " A service endpoint does not change DNS: the instance stays in the public namespace."
            }
        )
    } else {
        format!("The Azure public namespace answers {name} → {ip}, for anyone who asks.")
    };
    t.hops.push(hop(
        PrimerHopId::PublicDns,
        PrimerHopKind::Dns,
        format!("A? {name}"),
        Verdict::Pass,
        dns_reason,
    ));
    t.dns_answer = PrimerDnsAnswer::Public(ip);

    // Service endpoint: generic PaaS, VM, VNet rule declared.
    if vm && !t.config.vnet_rules.is_empty() {
        let subnet = cidr(a.vm_subnet);
        t.source = Some(format!(
            "{} (subnet {subnet}, via service endpoint)",
            a.vm_ip
        ));
        t.hops.push(hop(
            PrimerHopId::ServiceEndpoint,
            PrimerHopKind::Packet,
            format!("from {} via service endpoint", a.vm_ip),
            Verdict::Pass,
            format!(
                "Subnet {subnet} has a service endpoint for the service: traffic to {ip} stays on the Azure backbone and arrives with the VM's private address {} and its subnet's identity, not a public IP.",
                a.vm_ip
            ),
        ));
        t.hops.push(hop(
            PrimerHopId::NetworkConfig,
            PrimerHopKind::Packet,
            format!("VNet rule {subnet}"),
            Verdict::Pass,
            format!(
                "A VNet rule declares subnet {subnet}: the firewall admits the VM by its subnet."
            ),
        ));
        t.hops.push(paas_hop(inst));
        t.client_sees = reached_words(inst);
        t.explanation = format!(
            "The VM reaches the public instance through its subnet's service endpoint, and the VNet rule for {subnet} admits it: no public IP to know or to list. The instance is still in the Azure public namespace ({name} resolves to {ip} for anyone) and still reachable from the Internet for whatever its accept list allows; to take it off the public network, use a private endpoint."
        );
        return;
    }

    let (src, listable) = if vm {
        vm_public_source(s, a)
    } else {
        (a.internet_client_ip, true)
    };
    t.source = Some(src.to_string());
    let aks_no_rules = inst.aks && vm && s.vnet_rule;
    if vm {
        let how = match s.vm_egress {
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
        let prefix = if aks_no_rules {
            "AKS has no VNet rules and no service endpoint for the API server, so the VM's subnet setting changes nothing. "
        } else {
            ""
        };
        t.hops.push(hop(
            PrimerHopId::Egress,
            PrimerHopKind::Packet,
            format!("from {src}"),
            Verdict::Pass,
            format!("{prefix}{how}"),
        ));
    } else {
        t.hops.push(hop(
            PrimerHopId::Internet,
            PrimerHopKind::Packet,
            format!("from {src}"),
            Verdict::Pass,
            format!("The client connects over the Internet from its public IP {src}."),
        ));
    }

    let list = &t.config.accept_list;
    let listed = list.iter().any(|e| e.cidr == format!("{src}/32"));
    let no_filter = inst.aks && list.is_empty();
    let who = if vm { "The VM" } else { "The Internet client" };
    if no_filter {
        t.hops.push(hop(
            PrimerHopId::NetworkConfig,
            PrimerHopKind::Packet,
            "accept list empty: no filter".to_string(),
            Verdict::Pass,
            "The accept list is empty: for AKS that means no filter at all, the API server is public to every address.".to_string(),
        ));
        t.hops.push(paas_hop(inst));
        t.client_sees = reached_words(inst);
        t.explanation = format!(
            "{who} reaches the AKS API server from {src} because the accept list is empty, and for AKS an empty list means a public API server, open to the whole Internet. Add at least one range to turn the filter on.{}",
            if aks_no_rules {
                " AKS has no VNet rules, so the VM's subnet could not have been used anyway."
            } else {
                ""
            }
        );
        return;
    }
    if listed {
        t.hops.push(hop(
            PrimerHopId::NetworkConfig,
            PrimerHopKind::Packet,
            format!("accept list: {src} listed"),
            Verdict::Pass,
            format!("{src} is in the public IP accept list: the firewall lets it through."),
        ));
        t.hops.push(paas_hop(inst));
        t.client_sees = reached_words(inst);
        t.explanation = if vm {
            format!(
                "The VM leaves through {} with the known public IP {src}, and that IP is in the accept list, so it passes.{} A known egress IP (NAT gateway or firewall) is what makes an Azure client listable.",
                egress_name(s.vm_egress),
                if inst.aks {
                    " This is the only way for a VNet client to reach a public AKS API server with an accept list: AKS has no VNet rules, only the VM's public IP counts."
                } else {
                    ""
                }
            )
        } else {
            format!(
                "The instance's name resolves to its public IP {ip} for everyone, and its firewall admits the Internet client because {src} is in the public IP accept list. Accept lists suit clients with a known, stable public address; many consider them not secure enough on their own."
            )
        };
        return;
    }

    // Blocked at the network configuration.
    let reason_core = if vm && !listable {
        format!(
            "{src} is not in the accept list and cannot be: {}.",
            default_outbound_words(a)
        )
    } else {
        format!("{src} is not in the public IP accept list.")
    };
    let no_rule = if vm && !inst.aks {
        format!(" No VNet rule declares subnet {}.", cidr(a.vm_subnet))
    } else {
        String::new()
    };
    let effect = if inst.aks {
        " The API server drops the packets silently: the client waits, then times out."
    } else {
        " The service refuses the connection with an error naming the client address."
    };
    t.hops.push(hop(
        PrimerHopId::NetworkConfig,
        PrimerHopKind::Packet,
        format!("accept list: {src} not listed"),
        Verdict::Block,
        format!("{reason_core}{no_rule}{effect}"),
    ));
    t.client_sees = if inst.aks {
        kubectl::timeout(ip)
    } else {
        format!("The service refuses the connection: client address {src} is not allowed by the firewall (the exact error text depends on the service).")
    };
    t.explanation = if vm && !listable {
        let alt = if inst.aks {
            " AKS has no VNet rules, so a service endpoint is no way out here."
        } else {
            " Or declare the VM's subnet in a VNet rule (service endpoint), which needs no public IP at all."
        };
        format!(
            "The VM is blocked because it has no known public IP: {}. Fix: give the subnet a NAT gateway, or route it through Azure Firewall, and put that IP in the accept list.{alt}",
            default_outbound_words(a)
        )
    } else if vm {
        let alt = if inst.aks {
            if aks_no_rules {
                " AKS keeps the accept list and drops VNet rules: the VM's subnet rule is ignored, only its public egress IP counts."
            } else {
                " AKS has no VNet rules: only the VM's public egress IP counts."
            }
        } else {
            " Or declare the VM's subnet in a VNet rule (service endpoint)."
        };
        format!(
            "The VM leaves through {} with the known public IP {src}, but that IP is not in the accept list. Fix: add {src}/32 to the accept list.{alt}",
            egress_name(s.vm_egress)
        )
    } else {
        format!(
            "The instance is public ({name} resolves to {ip} for everyone), but its firewall admits only listed addresses and {src} is not one of them, so the {}. Fix: add {src}/32 to the accept list.",
            if inst.aks {
                "packets are dropped and kubectl times out"
            } else {
                "service refuses the connection"
            }
        )
    };
}

fn egress_name(e: VmEgress) -> &'static str {
    match e {
        VmEgress::DefaultOutbound => "default outbound access",
        VmEgress::NatGateway => "its NAT gateway",
        VmEgress::Firewall => "Azure Firewall",
    }
}

fn paas_hop(inst: &Instance) -> PrimerHop {
    hop(
        PrimerHopId::Paas,
        PrimerHopKind::Packet,
        if inst.aks {
            "HTTPS GET /api/v1/nodes".to_string()
        } else {
            "connection accepted".to_string()
        },
        Verdict::Pass,
        if inst.aks {
            "The API server answers: kubectl lists the node.".to_string()
        } else {
            "The PaaS instance accepts the connection and answers.".to_string()
        },
    )
}

fn private_path(s: &PrimerSettings, a: &PrimerAddresses, inst: &Instance, t: &mut PrimerTrace) {
    let vm = s.client == PrimerClient::VnetVm;
    let zone = &inst.zone;
    let pip = inst.private_ip;
    if !vm {
        if inst.aks {
            let name = &inst.private_lookup_name;
            t.name = name.clone();
            t.dns_answer = PrimerDnsAnswer::NxDomain;
            t.hops.push(hop(
                PrimerHopId::PublicDns,
                PrimerHopKind::Dns,
                format!("A? {name}"),
                Verdict::Block,
                format!("The private cluster's name {name} exists only in the private DNS zone {zone}; the Azure public namespace has no record: NXDOMAIN."),
            ));
            t.client_sees = kubectl::no_such_host(name, a.internet_stub_ip);
            t.explanation = format!(
                "With a private endpoint the AKS API server is a private cluster: public access is gone and its name {name} is registered only in the private DNS zone {zone}, which answers only VNets linked to it. From the Internet the name does not even resolve. Reach it from a linked, peered VNet (or on-premises through a DNS forwarder and a VPN), or with az aks command invoke."
            );
            return;
        }
        let name = &inst.public_name;
        let ip = inst.public_ip;
        t.dns_answer = PrimerDnsAnswer::Public(ip);
        t.hops.push(hop(
            PrimerHopId::PublicDns,
            PrimerHopKind::Dns,
            format!("A? {name}"),
            Verdict::Pass,
            format!(
                "The Azure public namespace answers {name} with an alias to {}; outside a VNet linked to the private zone, that alias still resolves to the public IP {ip}.",
                inst.private_link_name
            ),
        ));
        let src = a.internet_client_ip;
        t.source = Some(src.to_string());
        t.hops.push(hop(
            PrimerHopId::Internet,
            PrimerHopKind::Packet,
            format!("from {src}"),
            Verdict::Pass,
            format!("The client connects over the Internet from {src}."),
        ));
        t.hops.push(hop(
            PrimerHopId::NetworkConfig,
            PrimerHopKind::Packet,
            "public network access disabled".to_string(),
            Verdict::Block,
            "Public network access is disabled: the instance is disconnected from the Azure public network and refuses every public connection, whatever the accept list says.".to_string(),
        ));
        t.client_sees =
            "The service refuses the connection: public network access is disabled (the exact error text depends on the service).".to_string();
        t.explanation = format!(
            "With a private endpoint the instance is disconnected from the public network: the Internet client still resolves {name} to {ip}, but public access is disabled, so nothing from the Internet gets in, accept list or not. Only clients that reach the private IP {pip} can connect."
        );
        return;
    }

    let name = &inst.private_lookup_name;
    t.name = name.clone();
    t.dns_answer = PrimerDnsAnswer::Private(pip);
    let how = if inst.aks {
        format!("{name} lives in the private DNS zone {zone}")
    } else {
        format!(
            "{name} is an alias of {}, and the private DNS zone {zone} holds it",
            inst.private_link_name
        )
    };
    t.hops.push(hop(
        PrimerHopId::PrivateZone,
        PrimerHopKind::Dns,
        format!("A? {name}"),
        Verdict::Pass,
        format!(
            "{how}; the zone is linked to the VM's VNet, so Azure-provided DNS {} answers the private IP {pip}.",
            a.azure_dns_ip
        ),
    ));
    t.source = Some(format!("{} (private)", a.vm_ip));
    t.hops.push(hop(
        PrimerHopId::Peering,
        PrimerHopKind::Packet,
        format!("from {} to {pip}", a.vm_ip),
        Verdict::Pass,
        format!(
            "The VM's VNet {} is peered with the VNet holding the private endpoint: private addresses route across, no public IP involved.",
            cidr(a.vm_vnet)
        ),
    ));
    t.hops.push(hop(
        PrimerHopId::PrivateEndpoint,
        PrimerHopKind::Packet,
        format!("private endpoint {pip}"),
        Verdict::Pass,
        format!(
            "The private endpoint NIC {pip} in {} carries the connection to the instance over Private Link.",
            inst.pe_network
        ),
    ));
    t.hops.push(paas_hop(inst));
    t.client_sees = reached_words(inst);
    t.explanation = format!(
        "With a private endpoint the instance has a NIC with the private IP {pip} in {}, and its name is registered in the private DNS zone {zone}. The VM's VNet is linked to that zone and peered with the endpoint's VNet, so it resolves the private IP and connects privately: its egress IP, the accept list and VNet rules no longer matter.{}",
        inst.pe_network,
        if inst.aks {
            " For AKS this is the private cluster (section 2.3 of the article)."
        } else {
            ""
        }
    );
}

#[cfg(test)]
mod tests {
    use super::*;

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
        t.hops.iter().map(|h| h.id.as_str()).collect()
    }

    #[test]
    fn internet_client_in_the_accept_list_reaches_the_public_instance() {
        let t = simulate_primer(&settings());
        assert_eq!(t.outcome, PrimerOutcome::Reached);
        assert_eq!(
            t.dns_answer,
            PrimerDnsAnswer::Public(Ipv4Addr::new(20, 50, 10, 5))
        );
        assert_eq!(
            ids(&t),
            ["public-dns", "internet", "network-config", "paas"]
        );
        assert_eq!(t.source.as_deref(), Some("81.56.12.7"));
        assert!(t.explanation.contains("81.56.12.7"));
    }

    #[test]
    fn internet_client_not_listed_is_refused_by_generic_paas_and_timed_out_by_aks() {
        let s = PrimerSettings {
            internet_client_listed: false,
            vm_egress_listed: true,
            vm_egress: VmEgress::NatGateway,
            ..settings()
        };
        let t = simulate_primer(&s);
        assert_eq!(t.outcome, PrimerOutcome::Blocked);
        assert_eq!(
            t.hops.last().map(|h| h.id),
            Some(PrimerHopId::NetworkConfig)
        );
        assert!(t.client_sees.contains("refuses"));
        let t = simulate_primer(&aks(s));
        assert_eq!(t.outcome, PrimerOutcome::Blocked);
        assert_eq!(
            t.client_sees,
            "Unable to connect to the server: dial tcp 52.226.4.150:443: i/o timeout"
        );
    }

    #[test]
    fn an_empty_accept_list_denies_all_on_generic_paas_but_means_public_for_aks() {
        let s = PrimerSettings {
            internet_client_listed: false,
            ..settings()
        };
        assert_eq!(simulate_primer(&s).outcome, PrimerOutcome::Blocked);
        let t = simulate_primer(&aks(s));
        assert_eq!(t.outcome, PrimerOutcome::Reached);
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
            let t = simulate_primer(&s);
            assert_eq!(t.outcome, PrimerOutcome::Blocked, "{service}");
            assert_eq!(
                t.config.accept_list.len(),
                1,
                "{service}: only the Internet client is listed, the VM cannot be"
            );
            let block = t.hops.last().map(|h| h.reason.clone()).unwrap_or_default();
            assert!(
                block.contains("unpredictable") && block.contains("shared"),
                "{block}"
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
        for egress in [VmEgress::NatGateway, VmEgress::Firewall] {
            for service in PaasService::ALL {
                let listed = PrimerSettings {
                    service: *service,
                    vm_egress_listed: true,
                    ..vm(egress)
                };
                let t = simulate_primer(&listed);
                assert_eq!(t.outcome, PrimerOutcome::Reached, "{egress} {service}");
                let ip = if egress == VmEgress::NatGateway {
                    "20.81.110.5"
                } else {
                    "20.81.96.14"
                };
                assert_eq!(t.source.as_deref(), Some(ip));
                assert_eq!(ids(&t), ["public-dns", "egress", "network-config", "paas"]);
                let not_listed = PrimerSettings {
                    vm_egress_listed: false,
                    internet_client_listed: true,
                    ..listed
                };
                let t = simulate_primer(&not_listed);
                assert_eq!(t.outcome, PrimerOutcome::Blocked, "{egress} {service}");
                assert!(t.explanation.contains(&format!("add {ip}/32")));
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
        let t = simulate_primer(&s);
        assert_eq!(t.outcome, PrimerOutcome::Reached);
        assert_eq!(
            ids(&t),
            ["public-dns", "service-endpoint", "network-config", "paas"]
        );
        assert_eq!(t.config.vnet_rules, ["10.2.1.0/24 (service endpoint on)"]);
        assert!(t
            .source
            .as_deref()
            .is_some_and(|s| s.starts_with("10.2.1.4")));
        // A service endpoint does not change DNS: still the public IP.
        assert_eq!(
            t.dns_answer,
            PrimerDnsAnswer::Public(Ipv4Addr::new(20, 50, 10, 5))
        );

        let t = simulate_primer(&aks(s));
        assert_eq!(t.outcome, PrimerOutcome::Blocked);
        assert!(!t.config.vnet_rules_supported);
        assert!(t.config.vnet_rules.is_empty());
        assert!(t.notes.iter().any(|n| n.contains("no VNet rules")));
        assert_eq!(ids(&t), ["public-dns", "egress", "network-config"]);
    }

    #[test]
    fn aks_vm_passes_only_with_its_public_egress_ip_listed_even_with_a_vnet_rule() {
        let s = aks(PrimerSettings {
            vnet_rule: true,
            vm_egress_listed: true,
            internet_client_listed: true,
            ..vm(VmEgress::NatGateway)
        });
        let t = simulate_primer(&s);
        assert_eq!(t.outcome, PrimerOutcome::Reached);
        assert!(t.hops.iter().any(|h| h.reason.contains("no VNet rules")));
    }

    #[test]
    fn private_endpoint_blocks_the_internet_and_lets_the_linked_vm_in() {
        let t = simulate_primer(&private(settings()));
        assert_eq!(t.outcome, PrimerOutcome::Blocked);
        assert!(!t.config.public_access);
        assert_eq!(
            t.hops.last().map(|h| h.label.as_str()),
            Some("public network access disabled")
        );
        assert!(t.notes.iter().any(|n| n.contains("no longer apply")));

        for egress in VmEgress::ALL {
            let t = simulate_primer(&private(vm(*egress)));
            assert_eq!(t.outcome, PrimerOutcome::Reached);
            assert_eq!(
                t.dns_answer,
                PrimerDnsAnswer::Private(Ipv4Addr::new(10, 1, 0, 5))
            );
            assert_eq!(
                ids(&t),
                ["private-zone", "peering", "private-endpoint", "paas"]
            );
        }
    }

    #[test]
    fn private_aks_is_a_private_cluster_nxdomain_from_the_internet() {
        let t = simulate_primer(&aks(private(settings())));
        assert_eq!(t.outcome, PrimerOutcome::Blocked);
        assert_eq!(t.dns_answer, PrimerDnsAnswer::NxDomain);
        assert!(t.name.contains(".privatelink.eastus.azmk8s.io"));
        assert!(t.client_sees.ends_with("on 127.0.0.53:53: no such host"));
        assert!(t.config.accept_list.is_empty());
        assert!(t.notes.iter().any(|n| n.contains(MSG_RANGES_PRIVATE)));

        let t = simulate_primer(&aks(private(vm(VmEgress::DefaultOutbound))));
        assert_eq!(t.outcome, PrimerOutcome::Reached);
        assert_eq!(
            t.dns_answer,
            PrimerDnsAnswer::Private(Ipv4Addr::new(10, 224, 0, 4))
        );
        assert!(t.client_sees.contains("aks-nodepool1-13348451-vmss000004"));
    }

    /// Every combination: the path stops at its first block, the outcome follows the path, and
    /// every output is filled in.
    #[test]
    fn every_combination_is_consistent() {
        let bools = [false, true];
        for service in PaasService::ALL {
            for access in PaasAccess::ALL {
                for client in PrimerClient::ALL {
                    for egress in VmEgress::ALL {
                        for il in bools {
                            for vl in bools {
                                for rule in bools {
                                    let s = PrimerSettings {
                                        service: *service,
                                        access: *access,
                                        client: *client,
                                        internet_client_listed: il,
                                        vm_egress_listed: vl,
                                        vnet_rule: rule,
                                        vm_egress: *egress,
                                    };
                                    let t = simulate_primer(&s);
                                    let blocks = t
                                        .hops
                                        .iter()
                                        .filter(|h| h.verdict == Verdict::Block)
                                        .count();
                                    assert!(blocks <= 1, "{s:?}");
                                    if blocks == 1 {
                                        assert_eq!(
                                            t.hops.last().map(|h| h.verdict),
                                            Some(Verdict::Block),
                                            "{s:?}"
                                        );
                                        assert_eq!(t.outcome, PrimerOutcome::Blocked);
                                    } else {
                                        assert_eq!(
                                            t.hops.last().map(|h| h.id),
                                            Some(PrimerHopId::Paas),
                                            "{s:?}"
                                        );
                                        assert_eq!(t.outcome, PrimerOutcome::Reached);
                                    }
                                    assert!(
                                        !t.explanation.is_empty() && !t.client_sees.is_empty(),
                                        "{s:?}"
                                    );
                                    assert!(t.hops.iter().all(|h| !h.reason.is_empty()));
                                    // The expected outcome, from the rules in the module comment.
                                    let aks = *service == PaasService::AksApiServer;
                                    let vm = *client == PrimerClient::VnetVm;
                                    let expected = match access {
                                        PaasAccess::PrivateEndpoint => vm,
                                        PaasAccess::PublicAcceptList => {
                                            let listable = *egress != VmEgress::DefaultOutbound;
                                            let empty = !(il || (vl && listable));
                                            if aks && empty {
                                                true
                                            } else if vm {
                                                (!aks && rule) || (vl && listable)
                                            } else {
                                                il
                                            }
                                        }
                                    };
                                    assert_eq!(
                                        t.outcome == PrimerOutcome::Reached,
                                        expected,
                                        "{s:?}"
                                    );
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
