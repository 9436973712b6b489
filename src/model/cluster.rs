//! The cluster and the networks around it: identity and address plan.
//!
//! Every value here is shown somewhere in the widget (diagram labels, transcripts, kubectl
//! output), so the defaults reproduce the article (`aks-ntwdemo1` in `aksntwdemo`, East US,
//! Kubernetes 1.26.6) and the address plan of `docs/model.md` section 1. Everything is a plain
//! public field so that the model can be edited; the fragment only carries the cluster name.

use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

/// Identity of the AKS cluster plus the addresses of everything a packet or a DNS query meets.
///
/// Why one struct: names (`names.rs`), the access profile and every trace derive from it, and a
/// reader who renames the cluster must see the change everywhere at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cluster {
    /// Cluster name (`az aks create -n`).
    pub name: String,
    /// Resource group (`az aks create -g`).
    pub resource_group: String,
    /// Subscription id; its first six characters end the default DNS prefix.
    pub subscription_id: String,
    /// Azure region short name, used in every `azmk8s.io` name.
    pub region: String,
    /// Kubernetes version, printed by `kubectl get nodes` as `v<version>` and by `az aks show`:
    /// the transcripts reproduce the article. The IaC leaves the version to AKS (the article's
    /// 1.26.6 is out of support).
    pub kubernetes_version: String,
    /// The one node of the article's `k get nodes`.
    pub node_name: String,
    /// The node's age column in `kubectl get nodes` (the article shows `12m`).
    pub node_age: String,
    /// Every address the simulation uses.
    pub addresses: AddressPlan,
}

/// The address plan: cluster VNet, API server endpoints, egress IPs, hub and on-prem networks.
///
/// The hub and on-prem values are not in the article; they are chosen to overlap nothing of the
/// cluster's: its VNet (`10.224.0.0/12`), its service CIDR (`10.0.0.0/16`, DNS service IP
/// `10.0.0.10`) and its pod CIDR (`10.244.0.0/16`, Azure CNI Overlay's default), as a network
/// engineer checks first before peering or routing anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddressPlan {
    /// Cluster VNet `10.224.0.0/12` (AKS managed-VNet default).
    pub vnet: Ipv4Net,
    /// Node subnet `10.224.0.0/16`.
    pub node_subnet: Ipv4Net,
    /// Delegated API server subnet for VNet integration, `10.226.0.0/28` (minimum size).
    pub apiserver_subnet: Ipv4Net,
    /// Subnet of the `vm` client inside the cluster VNet.
    pub vm_subnet: Ipv4Net,
    /// Kubernetes service CIDR `10.0.0.0/16` (AKS default): never routable outside the cluster,
    /// so no peered or on-prem network may use it.
    pub service_cidr: Ipv4Net,
    /// CoreDNS service IP `10.0.0.10`, inside the service CIDR.
    pub dns_service_ip: Ipv4Addr,
    /// Pod CIDR `10.244.0.0/16` (Azure CNI Overlay default): pod IPs outside the VNet, which is
    /// why konnectivity-agent stays for API server → pod traffic with VNet integration.
    pub pod_cidr: Ipv4Net,
    /// The node's private IP. `.5` rather than `.4`: `.4` is the private endpoint NIC of a
    /// private cluster in the same subnet (the article's nslookup answer).
    pub node_ip: Ipv4Addr,
    /// The `vm` client in the cluster VNet.
    pub vm_ip: Ipv4Addr,
    /// API server public IP (Microsoft-managed side, not in the customer's subscription).
    pub api_public_ip: Ipv4Addr,
    /// Private endpoint NIC of a private cluster, in the node subnet.
    pub private_endpoint_ip: Ipv4Addr,
    /// Internal load balancer VIP of the API server with VNet integration.
    pub ilb_ip: Ipv4Addr,
    /// Outbound IP of the cluster's standard load balancer (outbound type `loadBalancer`).
    pub lb_egress_ip: Ipv4Addr,
    /// Outbound IP of a NAT gateway on the VNet's subnets.
    pub natgw_egress_ip: Ipv4Addr,
    /// Public IP of the hub firewall (outbound type `userDefinedRouting`).
    pub firewall_egress_ip: Ipv4Addr,
    /// Private IP of the hub firewall, `10.100.3.4`: the first usable address of its
    /// `AzureFirewallSubnet` `10.100.3.0/26` in the hub. The cluster's route table sends
    /// `0.0.0.0/0` there (next hop `VirtualAppliance`), so it must sit in the hub, outside the
    /// cluster's VNet, service CIDR and pod CIDR.
    pub firewall_private_ip: Ipv4Addr,
    /// One draw from the regional pool used by "default outbound access" (a VM with no NAT
    /// gateway, firewall or load balancer rule). The real address is unpredictable; this fixed
    /// value keeps transcripts stable and is never in the default authorized ranges.
    pub default_outbound_ip: Ipv4Addr,
    /// The laptop's public IP by default (fragment key `ip`).
    pub laptop_ip: Ipv4Addr,
    /// Public IP of the on-prem site's Internet breakout.
    pub onprem_breakout_ip: Ipv4Addr,
    /// Hub VNet (peered with the cluster VNet; VPN gateway, firewall, DNS Private Resolver).
    pub hub_vnet: Ipv4Net,
    /// The `peered` client VM in the hub.
    pub hub_vm_ip: Ipv4Addr,
    /// Inbound endpoint of the Azure DNS Private Resolver in the hub.
    pub private_resolver_ip: Ipv4Addr,
    /// On-prem network behind the VPN / ExpressRoute.
    pub onprem_network: Ipv4Net,
    /// The `onprem` workstation.
    pub onprem_ws_ip: Ipv4Addr,
    /// On-prem DNS server the workstation uses.
    pub onprem_dns_ip: Ipv4Addr,
    /// Azure-provided DNS, reachable only from inside an Azure VNet.
    pub azure_dns_ip: Ipv4Addr,
    /// systemd-resolved stub on the laptop, the Ubuntu VMs and the nodes (the article's nslookup
    /// shows `Server: 127.0.0.53`); in Azure it forwards to Azure-provided DNS.
    pub stub_resolver_ip: Ipv4Addr,
}

impl Default for AddressPlan {
    fn default() -> Self {
        AddressPlan {
            vnet: net([10, 224, 0, 0], 12),
            node_subnet: net([10, 224, 0, 0], 16),
            apiserver_subnet: net([10, 226, 0, 0], 28),
            vm_subnet: net([10, 225, 0, 0], 24),
            service_cidr: net([10, 0, 0, 0], 16),
            dns_service_ip: Ipv4Addr::new(10, 0, 0, 10),
            pod_cidr: net([10, 244, 0, 0], 16),
            node_ip: Ipv4Addr::new(10, 224, 0, 5),
            vm_ip: Ipv4Addr::new(10, 225, 0, 4),
            api_public_ip: Ipv4Addr::new(52, 226, 4, 150),
            private_endpoint_ip: Ipv4Addr::new(10, 224, 0, 4),
            ilb_ip: Ipv4Addr::new(10, 226, 0, 4),
            lb_egress_ip: Ipv4Addr::new(20, 246, 161, 12),
            natgw_egress_ip: Ipv4Addr::new(20, 81, 110, 5),
            firewall_egress_ip: Ipv4Addr::new(20, 81, 96, 14),
            firewall_private_ip: Ipv4Addr::new(10, 100, 3, 4),
            default_outbound_ip: Ipv4Addr::new(40, 76, 118, 200),
            laptop_ip: Ipv4Addr::new(81, 56, 12, 7),
            onprem_breakout_ip: Ipv4Addr::new(81, 56, 40, 1),
            hub_vnet: net([10, 100, 0, 0], 16),
            hub_vm_ip: Ipv4Addr::new(10, 100, 2, 4),
            private_resolver_ip: Ipv4Addr::new(10, 100, 1, 4),
            onprem_network: net([192, 168, 0, 0], 16),
            onprem_ws_ip: Ipv4Addr::new(192, 168, 10, 25),
            onprem_dns_ip: Ipv4Addr::new(192, 168, 0, 53),
            azure_dns_ip: Ipv4Addr::new(168, 63, 129, 16),
            stub_resolver_ip: Ipv4Addr::new(127, 0, 0, 53),
        }
    }
}

/// The article's subscription id is hidden; only its first six characters show in the DNS
/// prefix (`16e85b`). The rest is made up.
pub const DEFAULT_SUBSCRIPTION_ID: &str = "16e85b2c-7d3a-4f19-9b8e-5a0c1d2e3f40";

impl Default for Cluster {
    fn default() -> Self {
        Cluster {
            name: "aks-ntwdemo1".to_string(),
            resource_group: "aksntwdemo".to_string(),
            subscription_id: DEFAULT_SUBSCRIPTION_ID.to_string(),
            region: "eastus".to_string(),
            kubernetes_version: "1.26.6".to_string(),
            node_name: "aks-nodepool1-13348451-vmss000004".to_string(),
            node_age: "12m".to_string(),
            addresses: AddressPlan::default(),
        }
    }
}

impl Cluster {
    /// The node resource group AKS creates (`MC_<rg>_<name>_<region>`); the system private DNS
    /// zone and the private endpoint live there, which is why the article tells readers to look
    /// in it to recognise a system-managed zone.
    pub fn node_resource_group(&self) -> String {
        format!("MC_{}_{}_{}", self.resource_group, self.name, self.region)
    }

    /// Resource id of the delegated API server subnet (VNet integration, managed VNet).
    ///
    /// The managed VNet is named `aks-vnet-<digits>` after the node pool's number, as AKS does;
    /// the subnet name `aks-apiserver-subnet` is the managed-VNet default as observed in
    /// third-party walkthroughs (not confirmed by Microsoft docs).
    pub fn apiserver_subnet_id(&self) -> String {
        format!(
            "/subscriptions/{}/resourceGroups/{}/providers/Microsoft.Network/virtualNetworks/aks-vnet-{}/subnets/aks-apiserver-subnet",
            self.subscription_id,
            self.node_resource_group(),
            self.node_pool_number()
        )
    }

    /// The digits AKS puts in node pool and managed VNet names (`13348451` in the article).
    fn node_pool_number(&self) -> &str {
        self.node_name
            .split('-')
            .find(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
            .unwrap_or("13348451")
    }
}

/// A network of an address plan (the cluster's, the primer's), `a.b.c.d/prefix`; the plans'
/// prefixes are all valid.
pub(crate) fn net(octets: [u8; 4], prefix: u8) -> Ipv4Net {
    Ipv4Net::new(Ipv4Addr::from(octets), prefix).unwrap_or_default()
}
