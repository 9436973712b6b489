//! A scenario: the cluster, its API server access settings, and who runs `kubectl`.
//!
//! The settings mirror the deep-link keys of `docs/contract.md` one to one, so that the fragment
//! codec (`link.rs`) is a thin layer. Settings whose mere presence matters keep a "was it given"
//! bit (`Option`): `dns=system` on a public cluster is invalid even though `system` is the
//! default value, and `ranges` switches the filter on for a public VNet-integrated cluster only
//! when it is given.

use std::net::Ipv4Addr;

use super::cluster::Cluster;
use super::ranges::switches_filter_on;

pub(crate) use super::id_enum::id_enum;

id_enum! {
    /// API server access mode (fragment key `mode`).
    Mode {
        /// Public endpoint, reachable from anywhere.
        Public => "public",
        /// Public endpoint with a source-IP allow list.
        Authorized => "authorized",
        /// Private cluster: private endpoint in the node subnet.
        Private => "private",
        /// API server VNet integration: ILB VIP in a delegated subnet; public or private.
        Vnet => "vnet",
    }
}

id_enum! {
    /// Private DNS zone option of a private cluster (fragment key `dns`).
    DnsZone {
        /// AKS creates `<guid>.privatelink.<region>.azmk8s.io` in the node resource group.
        System => "system",
        /// Bring your own `privatelink.<region>.azmk8s.io`, shared by many clusters.
        Byo => "byo",
        /// No private zone: the public FQDN in Azure public DNS answers the private IP.
        None => "none",
    }
}

id_enum! {
    /// Outbound type of the cluster and its VNet (fragment key `egress`).
    Egress {
        /// Standard load balancer outbound rule (AKS default).
        Lb => "lb",
        /// NAT gateway on the subnets.
        NatGw => "natgw",
        /// Firewall with user-defined routing.
        Firewall => "firewall",
    }
}

id_enum! {
    /// Who runs `kubectl get nodes` (fragment key `client`).
    ClientKind {
        /// Admin laptop on the Internet.
        Laptop => "laptop",
        /// VM in another subnet of the cluster VNet.
        Vm => "vm",
        /// VM in a hub VNet peered with the cluster VNet.
        Peered => "peered",
        /// Workstation on-premises, VPN/ExpressRoute to the hub.
        OnPrem => "onprem",
        /// The cluster's own node (kubelet, konnectivity-agent).
        Node => "node",
        /// `az aks command invoke`, through Azure Resource Manager.
        RunCommand => "runcommand",
    }
}

id_enum! {
    /// Which FQDN the kubeconfig points at (fragment key `kubeconfig`).
    Kubeconfig {
        /// `az aks get-credentials`: `privateFqdn` for private clusters with a zone.
        Private => "private",
        /// `az aks get-credentials --public-fqdn`: always `fqdn`.
        Public => "public",
    }
}

/// Authorized ranges used with `mode=authorized` when the fragment gives none: the default
/// laptop IP, so that the default authorized scenario shows the laptop getting through.
pub const DEFAULT_AUTHORIZED_RANGES: &str = "81.56.12.7/32";

/// Everything the simulator needs: the cluster, its access settings and the client.
///
/// `Scenario::default()` is the contract's defaults: public cluster, laptop at `81.56.12.7`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scenario {
    /// Cluster identity and address plan (only `name` travels in the fragment).
    pub cluster: Cluster,
    /// `mode`.
    pub mode: Mode,
    /// `dns`, when given. Applies to private clusters; given on a public one it is invalid
    /// (the az CLI refuses `--private-dns-zone` without `--enable-private-cluster`).
    pub dns: Option<DnsZone>,
    /// `publicfqdn` (`true` = on), when given. `off` on a public cluster is invalid.
    pub public_fqdn: Option<bool>,
    /// `private`: private API server for `mode=vnet`. Ignored by the other modes, which have no
    /// az equivalent for it.
    pub private: bool,
    /// `ranges`, exactly as typed, when given. With `mode=authorized` the default is
    /// [`DEFAULT_AUTHORIZED_RANGES`]; with a public VNet-integrated cluster the filter is on only
    /// when given; with `mode=public` it is ignored (no filter: that is what "public" means);
    /// with a private cluster, a non-empty value is invalid.
    pub ranges: Option<String>,
    /// `egress`.
    pub egress: Egress,
    /// `client`.
    pub client: ClientKind,
    /// `ip`: the laptop's public IP.
    pub laptop_ip: Ipv4Addr,
    /// `zonelink`: the private DNS zone is linked to the hub VNet.
    pub zone_link: bool,
    /// `forwarder`: on-prem DNS conditionally forwards the zone to the hub's Private Resolver.
    pub forwarder: bool,
    /// `runcommand`: `az aks command invoke` allowed (`false` sets `disableRunCommand`).
    pub run_command: bool,
    /// `kubeconfig`.
    pub kubeconfig: Kubeconfig,
}

impl Default for Scenario {
    fn default() -> Self {
        let cluster = Cluster::default();
        let laptop_ip = cluster.addresses.laptop_ip;
        Scenario {
            cluster,
            mode: Mode::Public,
            dns: None,
            public_fqdn: None,
            private: false,
            ranges: None,
            egress: Egress::Lb,
            client: ClientKind::Laptop,
            laptop_ip,
            zone_link: false,
            forwarder: false,
            run_command: true,
            kubeconfig: Kubeconfig::Private,
        }
    }
}

impl Scenario {
    /// True when the cluster lives in a VNet the customer prepared beforehand: a firewall
    /// (`userDefinedRouting`) needs a route table on a subnet that exists before the cluster.
    /// The load balancer and the NAT gateway keep the AKS-managed VNet of the article (`natgw`
    /// is `managedNATGateway` there, an in-place `az aks update` from `loadBalancer`). The
    /// access profile, the az commands and the IaC all follow this one rule.
    pub fn byo_vnet(&self) -> bool {
        self.egress == Egress::Firewall
    }

    /// Resource id of the customer's VNet (`vnet-<cluster>` in the cluster's resource group) for
    /// the BYO-VNet scenarios.
    pub fn byo_vnet_id(&self) -> String {
        let c = &self.cluster;
        format!(
            "/subscriptions/{}/resourceGroups/{}/providers/Microsoft.Network/virtualNetworks/vnet-{}",
            c.subscription_id, c.resource_group, c.name
        )
    }

    /// The delegated API server subnet (`subnetId`): `snet-apiserver` in a BYO VNet, otherwise
    /// the one AKS creates in its managed VNet.
    pub fn apiserver_subnet_id(&self) -> String {
        if self.byo_vnet() {
            format!("{}/subnets/snet-apiserver", self.byo_vnet_id())
        } else {
            self.cluster.apiserver_subnet_id()
        }
    }

    /// True when the API server has no public endpoint: `mode=private`, or `mode=vnet` with
    /// `private=on`.
    pub fn is_private(&self) -> bool {
        match self.mode {
            Mode::Private => true,
            Mode::Vnet => self.private,
            Mode::Public | Mode::Authorized => false,
        }
    }

    /// True with API server VNet integration (ILB VIP in a delegated subnet).
    pub fn vnet_integration(&self) -> bool {
        self.mode == Mode::Vnet
    }

    /// The private DNS zone option in effect: `Some` only for private clusters (default
    /// `system`).
    pub fn dns_zone(&self) -> Option<DnsZone> {
        if self.is_private() {
            Some(self.dns.unwrap_or(DnsZone::System))
        } else {
            None
        }
    }

    /// Whether the cluster has a public FQDN (`fqdn` not null). Public clusters always do;
    /// private ones unless `publicfqdn=off` (`--disable-public-fqdn`).
    pub fn public_fqdn_enabled(&self) -> bool {
        if self.is_private() {
            self.public_fqdn.unwrap_or(true)
        } else {
            true
        }
    }

    /// The authorized-ranges text in effect for the public endpoint's filter, as typed, or
    /// `None` when the filter does not apply (public mode, private clusters, VNet integration
    /// without `ranges`). An empty value is returned as is: like
    /// `--api-server-authorized-ip-ranges ""`, it disables the filter.
    pub fn ranges_text(&self) -> Option<&str> {
        match self.mode {
            Mode::Authorized => Some(self.ranges.as_deref().unwrap_or(DEFAULT_AUTHORIZED_RANGES)),
            Mode::Vnet if !self.private => self.ranges.as_deref(),
            _ => None,
        }
    }

    /// True when the authorized-ranges filter is on: the filter applies ([`Self::ranges_text`])
    /// and its list is not blank ([`switches_filter_on`]).
    pub fn filter_active(&self) -> bool {
        self.ranges_text().is_some_and(switches_filter_on)
    }

    /// Maximum number of authorized ranges: 200, or 2,000 with API server VNet integration.
    pub fn max_ranges(&self) -> usize {
        if self.vnet_integration() {
            2000
        } else {
            200
        }
    }

    /// The public IP the cluster's nodes leave from, per outbound type.
    pub fn node_egress_ip(&self) -> Ipv4Addr {
        let a = &self.cluster.addresses;
        match self.egress {
            Egress::Lb => a.lb_egress_ip,
            Egress::NatGw => a.natgw_egress_ip,
            Egress::Firewall => a.firewall_egress_ip,
        }
    }

    /// The public IP the VM in the cluster VNet leaves from. With `egress=lb` the VM is not
    /// behind the cluster's load balancer, so it uses default outbound access: an unpredictable
    /// regional-pool address (docs/model.md section 3); the NAT gateway sits on the cluster's
    /// subnets and the firewall's route covers them.
    pub fn vm_egress_ip(&self) -> Ipv4Addr {
        let a = &self.cluster.addresses;
        match self.egress {
            Egress::Lb => a.default_outbound_ip,
            Egress::NatGw => a.natgw_egress_ip,
            Egress::Firewall => a.firewall_egress_ip,
        }
    }

    /// The public IP the VM in the hub VNet leaves from: the hub firewall's with
    /// `egress=firewall`, otherwise the hub's default outbound address. A NAT gateway belongs to
    /// the subnets it is attached to and is never used across a peering.
    pub fn hub_vm_egress_ip(&self) -> Ipv4Addr {
        let a = &self.cluster.addresses;
        match self.egress {
            Egress::Firewall => a.firewall_egress_ip,
            Egress::Lb | Egress::NatGw => a.default_outbound_ip,
        }
    }
}

/// The client, as the subject of a sentence.
pub fn who_words(who: ClientKind) -> &'static str {
    match who {
        ClientKind::Laptop => "The laptop",
        ClientKind::Vm => "The VM in the cluster VNet",
        ClientKind::Peered => "The VM in the peered hub VNet",
        ClientKind::OnPrem => "The on-prem workstation",
        ClientKind::Node => "The node",
        ClientKind::RunCommand => "az aks command invoke",
    }
}
