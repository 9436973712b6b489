//! What a simulation produces: the ordered events the page animates, and the values its test
//! hooks show (outcome, DNS answer, kubectl text, path, tunnel, why, validation).
//!
//! Ids are stable strings (`docs/contract.md`): the page writes them into `data-*` attributes and
//! graders read them, so they are part of the public API.

use std::net::{Ipv4Addr, SocketAddrV4};

use serde::Serialize;

use super::scenario::{id_enum, ClientKind};
use super::validate::ValidationMessage;

id_enum! {
    /// Final result of `kubectl get nodes` (hook `outcome`, attribute `data-outcome`).
    Outcome {
        /// The API server answered; kubectl lists the node.
        Success => "success",
        /// Packets dropped or unroutable: `dial tcp <ip>:443: i/o timeout`.
        Timeout => "timeout",
        /// The name did not resolve: `no such host`.
        NxDomain => "nxdomain",
        /// The cluster could not be created (validation messages).
        Invalid => "invalid",
        /// Run command refused (`disableRunCommand`).
        Denied => "denied",
    }
}

id_enum! {
    /// Node ↔ control plane connection (hook `tunnel`, attribute `data-tunnel`).
    Tunnel {
        /// konnectivity-agent tunnel up, via the public or the private endpoint.
        Konnectivity => "konnectivity",
        /// VNet integration: nodes talk to the ILB VIP directly, no tunnel.
        Direct => "direct",
        /// The tunnel cannot be established (or the cluster does not exist).
        Down => "down",
    }
}

id_enum! {
    /// Pass or block, for an event and for a path hop.
    Verdict {
        /// The query or packet goes on.
        Pass => "pass",
        /// It stops here.
        Block => "block",
    }
}

id_enum! {
    /// Stable hop ids of the `path` hook (`data-hop`).
    Hop {
        /// The machine running kubectl.
        Client => "client",
        /// The client's DNS resolver (public recursive, Azure DNS, on-prem DNS).
        Resolver => "resolver",
        /// Conditional forwarder target: DNS Private Resolver inbound endpoint in the hub.
        PrivateResolver => "private-resolver",
        /// Azure public DNS (`azmk8s.io`, Microsoft-managed).
        PublicDns => "public-dns",
        /// The private DNS zone and its VNet links.
        PrivateZone => "private-zone",
        /// The public Internet.
        Internet => "internet",
        /// VPN / ExpressRoute between on-prem and the hub.
        Vpn => "vpn",
        /// VNet peering hub ↔ cluster VNet.
        Peering => "peering",
        /// Authorized IP ranges filter on the public endpoint.
        AuthorizedRanges => "authorized-ranges",
        /// API server public endpoint.
        PublicEndpoint => "public-endpoint",
        /// Private endpoint NIC in the node subnet.
        PrivateEndpoint => "private-endpoint",
        /// Internal load balancer VIP in the delegated subnet (VNet integration).
        Ilb => "ilb",
        /// The API server itself.
        ApiServer => "apiserver",
        /// Azure Resource Manager (`az aks command invoke`).
        Arm => "arm",
        /// The node ↔ control plane leg summary (not part of `path`).
        Tunnel => "tunnel",
        /// The kubelet's own calls to the API server, which keep the node Ready (not part of
        /// `path`).
        Kubelet => "kubelet",
        /// Source NAT: the private source address becomes the public egress IP (load balancer
        /// outbound rule, NAT gateway or firewall), the address authorized ranges filter on.
        Egress => "egress",
        /// The PaaS primer: a subnet's service endpoint, carrying a VM's traffic to a generic
        /// PaaS instance on the Azure backbone with its private address.
        ServiceEndpoint => "service-endpoint",
        /// The PaaS primer: a generic PaaS instance's firewall (public access, accept list,
        /// VNet rules).
        NetworkConfig => "network-config",
        /// The PaaS primer: the generic PaaS instance itself.
        Paas => "paas",
    }
}

id_enum! {
    /// Diagram node ids: where an event starts and ends.
    Place {
        /// Admin laptop.
        Laptop => "laptop",
        /// VM in the cluster VNet.
        Vm => "vm",
        /// VM in the hub VNet.
        Peered => "peered",
        /// On-prem workstation.
        OnPrem => "onprem",
        /// The cluster node.
        Node => "node",
        /// `az` CLI issuing `az aks command invoke`.
        RunCommand => "runcommand",
        /// Public recursive resolver (the laptop's ISP).
        PublicResolver => "public-resolver",
        /// Azure-provided DNS 168.63.129.16.
        AzureDns => "azure-dns",
        /// On-prem DNS server.
        OnPremDns => "onprem-dns",
        /// DNS Private Resolver inbound endpoint in the hub.
        PrivateResolver => "private-resolver",
        /// Azure public DNS zone.
        PublicDns => "public-dns",
        /// Private DNS zone.
        PrivateZone => "private-zone",
        /// The Internet.
        Internet => "internet",
        /// VPN gateway in the hub.
        VpnGateway => "vpn-gateway",
        /// Peering between hub and cluster VNet.
        Peering => "peering",
        /// API server public endpoint (with its authorized-ranges filter).
        PublicEndpoint => "public-endpoint",
        /// Private endpoint NIC.
        PrivateEndpoint => "private-endpoint",
        /// Internal load balancer VIP.
        Ilb => "ilb",
        /// The API server.
        ApiServer => "apiserver",
        /// Azure Resource Manager.
        Arm => "arm",
        /// The cluster load balancer's outbound rule (outbound type `loadBalancer`).
        LoadBalancer => "load-balancer",
        /// NAT gateway on the cluster's subnets (`managedNATGateway`).
        NatGateway => "nat-gateway",
        /// Azure Firewall in the hub (`userDefinedRouting`).
        Firewall => "firewall",
        /// The PaaS primer: default outbound access, an address from a shared regional pool.
        DefaultOutbound => "default-outbound",
        /// The PaaS primer: a generic PaaS instance's firewall.
        NetworkConfig => "network-config",
        /// The PaaS primer: the generic PaaS instance.
        Paas => "paas",
    }
}

impl From<ClientKind> for Place {
    fn from(c: ClientKind) -> Place {
        match c {
            ClientKind::Laptop => Place::Laptop,
            ClientKind::Vm => Place::Vm,
            ClientKind::Peered => Place::Peered,
            ClientKind::OnPrem => Place::OnPrem,
            ClientKind::Node => Place::Node,
            ClientKind::RunCommand => Place::RunCommand,
        }
    }
}

id_enum! {
    /// What an event is, so the page can draw it (query arrow, answer arrow, packet, gate...).
    EventKind {
        /// The client starts (kubectl reads its kubeconfig).
        Start => "start",
        /// A DNS query travelling to a resolver or zone.
        DnsQuery => "dns-query",
        /// A DNS answer travelling back.
        DnsAnswer => "dns-answer",
        /// A TCP packet / connection leg.
        Packet => "packet",
        /// A filter decision (authorized ranges).
        Filter => "filter",
        /// An Azure Resource Manager call.
        Request => "request",
        /// Node ↔ control plane tunnel state.
        Tunnel => "tunnel",
        /// The kubelet's own connection to the API server.
        Kubelet => "kubelet",
        /// Source NAT at the egress device.
        Nat => "nat",
    }
}

/// One animated event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    /// Stable hop id (groups events into the `path`).
    pub hop: Hop,
    /// Kind of event.
    pub kind: EventKind,
    /// Diagram node it leaves.
    pub from: Place,
    /// Diagram node it reaches.
    pub to: Place,
    /// Short label for the arrow (`A? <name>`, `TCP 443 → 52.226.4.150`...).
    pub label: String,
    /// One or two sentences of narration.
    pub detail: String,
    /// Pass or block.
    pub verdict: Verdict,
    /// The address and port a connection's events are for (`52.226.4.150:443`), so that
    /// readers of the trace (the request timeline) need not recover it from `label`; `None`
    /// for DNS, translation, ARM and the node's own connections.
    pub target: Option<SocketAddrV4>,
}

impl Event {
    /// An event, in the order the fields are read aloud: where, what, from, to, words, verdict.
    pub fn new(
        hop: Hop,
        kind: EventKind,
        from: Place,
        to: Place,
        label: String,
        detail: String,
        verdict: Verdict,
    ) -> Event {
        Event {
            hop,
            kind,
            from,
            to,
            label,
            detail,
            verdict,
            target: None,
        }
    }
}

/// One item of the `path` hook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PathStep {
    /// Stable hop id.
    pub hop: Hop,
    /// Pass or block.
    pub verdict: Verdict,
}

/// What the client's resolver returned (hook `dns-answer`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DnsAnswer {
    /// An A record.
    Address(Ipv4Addr),
    /// No such name.
    NxDomain,
    /// No lookup happened (run command, VNet-integrated nodes, invalid cluster).
    None,
}

impl std::fmt::Display for DnsAnswer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DnsAnswer::Address(ip) => write!(f, "{ip}"),
            DnsAnswer::NxDomain => f.write_str("NXDOMAIN"),
            DnsAnswer::None => f.write_str("none"),
        }
    }
}

impl Serialize for DnsAnswer {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The node as `kubectl get nodes` lists it (hook `node-status`): `Ready` only while the
/// kubelet's own calls reach the API server. The konnectivity tunnel never decides it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NodeStatus {
    /// `Ready` or `NotReady` (attribute `data-node`).
    pub node: &'static str,
    /// One line saying which connection decides it.
    pub text: String,
}

/// A setting that has no effect in this scenario, said aloud rather than ignored silently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    /// The fragment key of the setting.
    pub key: &'static str,
    /// What happens to it, and what would make it count.
    pub message: String,
}

/// The result of simulating one scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Trace {
    /// Hook `outcome` (`data-outcome`).
    pub outcome: Outcome,
    /// Hook `outcome` text: one line for humans.
    pub summary: String,
    /// Hook `dns-answer`.
    pub dns_answer: DnsAnswer,
    /// Hook `kubectl-output`: exactly what `kubectl get nodes` prints.
    pub kubectl_output: String,
    /// What `kubectl logs` prints when the tunnel is down (`dial tcp <node-ip>:10250: i/o
    /// timeout`), `None` otherwise.
    pub kubectl_logs_output: Option<String>,
    /// Hook `path`: hops in order, each with its verdict; stops at the first block.
    pub path: Vec<PathStep>,
    /// Hook `tunnel`.
    pub tunnel: Tunnel,
    /// Hook `why`: blocking component and fix, `None` on success.
    pub why: Option<String>,
    /// Hook `validation`.
    pub validation: Vec<ValidationMessage>,
    /// Everything to animate, in order; empty for an invalid cluster.
    pub events: Vec<Event>,
    /// The name kubectl dialled (`None` when no lookup happens).
    pub server_name: Option<String>,
    /// Whether `kubectl get nodes` would show the node `Ready`: its kubelet reaches the API
    /// server.
    pub node_ready: bool,
    /// Hook `node-status`.
    pub node_status: NodeStatus,
    /// Settings that have no effect here (hook `notes`).
    pub notes: Vec<Note>,
    /// True when the authorized-ranges filter is on ([`Scenario::filter_active`]), for the
    /// layers that draw or describe the public endpoint.
    ///
    /// [`Scenario::filter_active`]: super::scenario::Scenario::filter_active
    pub filter_active: bool,
    /// True when no source gives the exact text of `kubectl_output` (some `az aks command
    /// invoke` errors): the page labels it as illustrative.
    pub output_illustrative: bool,
}

/// Builds `path` from events: query and packet events in order of first appearance, one step
/// per hop, blocked when any of its events blocks. Answers retrace the query's hops and the
/// node's two connections (kubelet, tunnel) are not the client's hops, so neither counts.
pub fn path_from_events(events: &[Event]) -> Vec<PathStep> {
    let mut path: Vec<PathStep> = Vec::with_capacity(events.len());
    for e in events {
        if matches!(
            e.kind,
            EventKind::DnsAnswer | EventKind::Tunnel | EventKind::Kubelet
        ) {
            continue;
        }
        match path.iter_mut().find(|p| p.hop == e.hop) {
            Some(step) => {
                if e.verdict == Verdict::Block {
                    step.verdict = Verdict::Block;
                }
            }
            None => path.push(PathStep {
                hop: e.hop,
                verdict: e.verdict,
            }),
        }
    }
    path
}

/// A hop, in words (with its article, to follow "at" or "from").
pub fn hop_words(hop: Hop) -> &'static str {
    match hop {
        Hop::Client => "the client",
        Hop::Resolver => "the resolver",
        Hop::PrivateResolver => "the DNS Private Resolver",
        Hop::PublicDns => "Azure public DNS",
        Hop::PrivateZone => "the private DNS zone",
        Hop::Internet => "the Internet",
        Hop::Vpn => "the VPN",
        Hop::Peering => "the VNet peering",
        Hop::AuthorizedRanges => "the authorized IP ranges filter",
        Hop::PublicEndpoint => "the public endpoint",
        Hop::PrivateEndpoint => "the private endpoint",
        Hop::Ilb => "the internal load balancer",
        Hop::ApiServer => "the API server",
        Hop::Arm => "Azure Resource Manager",
        Hop::Tunnel => "the konnectivity tunnel",
        Hop::Kubelet => "the kubelet's connection",
        Hop::Egress => "the egress device",
        Hop::ServiceEndpoint => "the service endpoint",
        Hop::NetworkConfig => "the PaaS firewall",
        Hop::Paas => "the PaaS instance",
    }
}
