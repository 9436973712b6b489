//! What the simulator's rules share about one scenario, derived once: its names, its parsed
//! authorized ranges, its validation and the state of the nodes' connections.
//!
//! The rules (`dns`, `route`, `tunnel`) read it and `simulate` turns it into traces; it imports
//! none of them, so the model's modules form no cycle (see `mod.rs`).

use std::net::Ipv4Addr;

use super::names::Names;
use super::ranges::ParsedRanges;
use super::scenario::{ClientKind, DnsZone, Kubeconfig, Mode, Scenario};
use super::trace::{Hop, Note, Tunnel};
use super::validate::{validate_parsed, ValidationMessage};

/// Where and why a query or connection stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blocked {
    /// The hop that blocked.
    pub hop: Hop,
    /// The blocking component and the fix, in words (hook `why`).
    pub why: String,
}

impl Blocked {
    /// A block at `hop`.
    pub fn new(hop: Hop, why: String) -> Self {
        Blocked { hop, why }
    }
}

/// Which API server front door an address is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    /// The public endpoint (public, authorized, VNet-integrated public clusters).
    Public,
    /// The private endpoint NIC in the node subnet (private clusters).
    PrivateEndpoint,
    /// The internal load balancer VIP in the delegated subnet (VNet integration).
    Ilb,
}

/// Everything derived once from a scenario, so that tracing several clients of one scenario
/// costs only their events.
#[derive(Debug, Clone)]
pub struct Analysis<'a> {
    scenario: &'a Scenario,
    names: Names,
    /// The authorized-ranges filter text, parsed; `None` when the filter does not apply.
    ranges: Option<ParsedRanges<'a>>,
    validation: Vec<ValidationMessage>,
    tunnel: Tunnel,
    /// The settings without effect: the same for every client.
    notes: Vec<Note>,
}

impl<'a> Analysis<'a> {
    /// Parses and validates the scenario.
    pub fn new(scenario: &'a Scenario) -> Analysis<'a> {
        let ranges = scenario
            .ranges_text()
            .map(|text| ParsedRanges::parse(text, scenario.max_ranges()));
        let validation = validate_parsed(scenario, ranges.as_ref());
        let mut a = Analysis {
            scenario,
            names: Names::for_scenario(scenario),
            ranges,
            validation,
            tunnel: Tunnel::Down,
            notes: notes(scenario),
        };
        a.tunnel = a.tunnel_state();
        a
    }

    /// The scenario.
    pub fn scenario(&self) -> &'a Scenario {
        self.scenario
    }

    /// The cluster's DNS names.
    pub fn names(&self) -> &Names {
        &self.names
    }

    /// Validation messages (empty when the cluster can be created).
    pub fn validation(&self) -> &[ValidationMessage] {
        &self.validation
    }

    /// Node ↔ control plane state (`down` for an invalid cluster, which does not exist).
    pub fn tunnel(&self) -> Tunnel {
        self.tunnel
    }

    /// Settings that have no effect in this scenario, said aloud (`docs/model-rules.md`,
    /// "Settings"): the page shows them beside the settings and the native command prints them.
    pub fn notes(&self) -> &[Note] {
        &self.notes
    }

    /// The tunnel state of a valid scenario: direct with VNet integration, down when the nodes'
    /// egress IP is refused by the authorized ranges, konnectivity otherwise. The node always
    /// resolves its API server name (its own VNet is linked to the private zone, public names
    /// are public) and a private endpoint is always reachable from the node subnet.
    fn tunnel_state(&self) -> Tunnel {
        if !self.validation.is_empty() {
            Tunnel::Down
        } else if self.scenario.vnet_integration() {
            Tunnel::Direct
        } else if self.node_egress_blocked() {
            Tunnel::Down
        } else {
            Tunnel::Konnectivity
        }
    }

    /// The address the API server name resolves to: the public IP for public clusters, the
    /// ILB VIP with VNet integration, the private endpoint otherwise.
    pub fn record_ip(&self) -> Ipv4Addr {
        let s = self.scenario;
        let a = &s.cluster.addresses;
        if !s.is_private() {
            a.api_public_ip
        } else if s.vnet_integration() {
            a.ilb_ip
        } else {
            a.private_endpoint_ip
        }
    }

    /// Which endpoint an address is, for this cluster.
    pub fn endpoint_of(&self, ip: Ipv4Addr) -> Option<Endpoint> {
        let s = self.scenario;
        let a = &s.cluster.addresses;
        if ip == a.api_public_ip && !s.is_private() {
            Some(Endpoint::Public)
        } else if ip == a.ilb_ip && s.vnet_integration() {
            Some(Endpoint::Ilb)
        } else if ip == a.private_endpoint_ip && s.is_private() && !s.vnet_integration() {
            Some(Endpoint::PrivateEndpoint)
        } else {
            None
        }
    }

    /// True when the authorized-ranges filter drops the nodes' own egress IP: the kubelet and
    /// the konnectivity tunnel are both cut. A running cluster updated into this state has
    /// `NotReady` nodes; `az aks create` with these settings fails at node bootstrap
    /// ([`super::kubectl::BOOTSTRAP_CONN_FAIL`], exit status 51). Only a NAT gateway or
    /// firewall egress can be refused: AKS authorizes the load balancer's outbound IP itself.
    pub fn node_egress_blocked(&self) -> bool {
        !self.scenario.is_private()
            && !self.scenario.vnet_integration()
            && self.filter_allows(self.scenario.node_egress_ip()) == Some(false)
    }

    /// True when the authorized-ranges filter is on ([`Scenario::filter_active`]).
    pub fn filter_active(&self) -> bool {
        self.scenario.filter_active()
    }

    /// The parsed authorized ranges, when the filter applies.
    pub fn ranges(&self) -> Option<&ParsedRanges<'a>> {
        self.ranges.as_ref()
    }

    /// Is `src` listed in a valid authorized range? (Ignores the implicit LB IP.)
    pub fn ranges_contain(&self, src: Ipv4Addr) -> bool {
        self.ranges.as_ref().is_some_and(|r| r.contains(src))
    }

    /// The filter's decision for a source address on the public endpoint: `None` when there is
    /// no filter. The cluster load balancer's outbound IP is always allowed (AKS authorizes it
    /// at creation, without listing it); `0.0.0.0/32` allows only that address.
    pub fn filter_allows(&self, src: Ipv4Addr) -> Option<bool> {
        let ranges = self.ranges.as_ref().filter(|_| self.filter_active())?;
        let lb = self.scenario.cluster.addresses.lb_egress_ip;
        Some(src == lb || (!ranges.only_cluster_egress() && ranges.contains(src)))
    }

    /// The name kubectl dials for `who`.
    ///
    /// Admin clients follow the kubeconfig: `privateFqdn` for private clusters with a system
    /// or BYO zone, `fqdn` otherwise; `kubeconfig=public` switches to `fqdn`. When the public
    /// FQDN is disabled there is no `fqdn` to switch to, so the kubeconfig keeps `privateFqdn`
    /// (decision: no az message is known for `get-credentials --public-fqdn` on such a cluster).
    /// Nodes always use `privateFqdn` when there is a zone, `fqdn` otherwise; VNet-integrated
    /// nodes and run command use no name.
    pub fn server_name(&self, who: ClientKind) -> Option<&str> {
        let s = self.scenario;
        let n = &self.names;
        match who {
            ClientKind::RunCommand => None,
            ClientKind::Node if s.vnet_integration() => None,
            _ => {
                let zone = matches!(s.dns_zone(), Some(DnsZone::System | DnsZone::Byo));
                let wants_public = who != ClientKind::Node && s.kubeconfig == Kubeconfig::Public;
                if zone && !(wants_public && n.fqdn.is_some()) {
                    n.private_fqdn.as_deref()
                } else {
                    n.fqdn.as_deref()
                }
            }
        }
    }
}

/// Settings that have no effect in `s`, each with the key to change (`docs/model-rules.md`,
/// "Settings").
fn notes(s: &Scenario) -> Vec<Note> {
    let mut notes = Vec::new();
    if s.mode == Mode::Public && s.ranges.is_some() {
        notes.push(Note {
            key: "ranges",
            message: "A public cluster has no authorized ranges filter, so these ranges are not applied: choose mode=authorized (or API server VNet integration) to filter sources.".to_string(),
        });
    }
    if s.private && s.mode != Mode::Vnet {
        notes.push(Note {
            key: "private",
            message: "private=on applies only to API server VNet integration (mode=vnet); for a private cluster without it choose mode=private.".to_string(),
        });
    }
    if s.kubeconfig == Kubeconfig::Public && s.is_private() && !s.public_fqdn_enabled() {
        notes.push(Note {
            key: "kubeconfig",
            message: "The public FQDN is disabled (publicfqdn=off), so there is no public name for `az aks get-credentials --public-fqdn` to use: the kubeconfig keeps the private FQDN. Turn the public FQDN on to use it.".to_string(),
        });
    }
    notes
}
