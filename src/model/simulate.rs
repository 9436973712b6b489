//! The simulator: a scenario in, a [`Trace`] out.
//!
//! [`Analysis`] does the per-scenario work once (names, range parsing, validation, tunnel
//! state) so that tracing several clients of one scenario costs only the events; [`simulate`]
//! is the one-call form the page and the native command use.

use std::net::Ipv4Addr;
use std::sync::Arc;

use super::dns;
use super::kubectl;
use super::names::Names;
use super::ranges::ParsedRanges;
use super::route::{self, Endpoint};
use super::scenario::{ClientKind, DnsZone, Scenario};
use super::text::{cat, Ip4Text};
use super::trace::{
    path_from_events, DnsAnswer, Event, EventKind, Hop, NodeStatus, Note, Outcome, Place, Trace,
    Tunnel, Verdict,
};
use super::tunnel;
use super::validate::{validate_parsed, ValidationMessage};

/// Simulates `kubectl get nodes` (or the node's leg, or run command) for the scenario's client.
pub fn simulate(s: &Scenario) -> Trace {
    Analysis::new(s).trace(s.client)
}

/// Simulates every client of one scenario, parsing its ranges once.
pub fn simulate_all_clients(s: &Scenario) -> Vec<(ClientKind, Trace)> {
    let a = Analysis::new(s);
    ClientKind::ALL.iter().map(|&c| (c, a.trace(c))).collect()
}

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

/// Everything derived once from a scenario.
#[derive(Debug, Clone)]
pub struct Analysis<'a> {
    scenario: &'a Scenario,
    /// Shared with the per-thread memo of [`Names::shared`].
    names: Arc<Names>,
    /// The authorized-ranges filter text, parsed; `None` when the filter does not apply.
    ranges: Option<ParsedRanges<'a>>,
    validation: Vec<ValidationMessage>,
    tunnel: Tunnel,
    /// The node's status and the settings without effect: the same for every client.
    node_status: NodeStatus,
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
            names: Names::shared(scenario),
            ranges,
            validation,
            tunnel: Tunnel::Down,
            node_status: NodeStatus {
                node: "NotReady",
                text: String::new(),
            },
            notes: Vec::new(),
        };
        if a.validation.is_empty() {
            a.tunnel = tunnel::tunnel_state(&a);
        }
        a.node_status = tunnel::node_status(&a);
        a.notes = a.compute_notes();
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
    /// ([`kubectl::BOOTSTRAP_CONN_FAIL`], exit status 51). Only a NAT gateway or firewall egress
    /// can be refused: AKS authorizes the load balancer's outbound IP itself.
    pub fn node_egress_blocked(&self) -> bool {
        !self.scenario.is_private()
            && !self.scenario.vnet_integration()
            && self.filter_allows(self.scenario.node_egress_ip()) == Some(false)
    }

    /// True when the authorized-ranges filter is on.
    pub fn filter_active(&self) -> bool {
        self.ranges.as_ref().is_some_and(|r| !r.is_disabled())
    }

    /// Is `src` listed in a valid authorized range? (Ignores the implicit LB IP.)
    pub fn ranges_contain(&self, src: Ipv4Addr) -> bool {
        self.ranges.as_ref().is_some_and(|r| r.contains(src))
    }

    /// The filter's decision for a source address on the public endpoint: `None` when there is
    /// no filter. The cluster load balancer's outbound IP is always allowed (AKS authorizes it
    /// at creation, without listing it); `0.0.0.0/32` allows only that address.
    pub fn filter_allows(&self, src: Ipv4Addr) -> Option<bool> {
        let ranges = self.ranges.as_ref().filter(|r| !r.is_disabled())?;
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
                let wants_public =
                    who != ClientKind::Node && s.kubeconfig == super::scenario::Kubeconfig::Public;
                if zone && !(wants_public && n.fqdn.is_some()) {
                    n.private_fqdn.as_deref()
                } else {
                    n.fqdn.as_deref()
                }
            }
        }
    }

    /// Hint appended to DNS failures when the public FQDN would work from private networks.
    pub(crate) fn public_fqdn_hint(&self) -> String {
        let s = self.scenario;
        match &self.names.fqdn {
            Some(fqdn) if s.is_private() && s.kubeconfig == super::scenario::Kubeconfig::Private => format!(
                " Or use the public FQDN (`az aks get-credentials --public-fqdn`, kubeconfig=public): {fqdn} resolves to {} anywhere, with no zone link or forwarder.",
                self.record_ip()
            ),
            _ => String::new(),
        }
    }

    /// `why` for a source refused by the authorized ranges.
    pub(crate) fn unauthorized_why(&self, who: ClientKind, src: Ipv4Addr) -> String {
        let s = self.scenario;
        let c = &s.cluster;
        let listed = s.ranges_text().unwrap_or_default().trim();
        let only_lb = self
            .ranges
            .as_ref()
            .is_some_and(|r| r.only_cluster_egress());
        let ranges_words = if only_lb {
            "the ranges are 0.0.0.0/32: only the cluster load balancer's own outbound IP may connect".to_string()
        } else {
            let n = self.ranges.as_ref().map_or(0, |r| r.len());
            if n <= 3 {
                format!("authorized ranges: {listed}")
            } else {
                format!("{n} authorized ranges")
            }
        };
        let fix = format!(
            "add {src}/32 to the authorized ranges (`az aks update -g {} -n {} --api-server-authorized-ip-ranges ...`; an update replaces the whole list)",
            c.resource_group, c.name
        );
        match who {
            ClientKind::Node => format!(
                "The nodes leave through {} as {src}, which is not authorized ({ranges_words}); AKS authorizes only the load balancer's outbound IP by itself. {} Fix: {fix}.{}",
                super::egress::node_device(s).words,
                tunnel::cut_words(self),
                if s.egress == super::scenario::Egress::Firewall {
                    format!(" {}", super::egress::firewall_rule_words(s))
                } else {
                    String::new()
                }
            ),
            ClientKind::Vm | ClientKind::Peered
                if super::egress::device(s, who).is_none() =>
            {
                let fix = if who == ClientKind::Peered {
                    "route the hub's Internet traffic through a firewall with a known IP (egress=firewall; a NAT gateway on the cluster's subnets never serves a peered VNet) and authorize it"
                } else {
                    "give the VNet a known egress IP (NAT gateway or firewall: egress=natgw or egress=firewall) and authorize it"
                };
                format!(
                    "The VM reaches the public endpoint from default outbound access, an unpredictable regional-pool address (here {src}) that is not authorized ({ranges_words}). Fix: {fix}, or reach the API server privately."
                )
            }
            _ => format!(
                "{} reaches the public endpoint from {src}, which is not authorized ({ranges_words}), so the API server drops the packets and kubectl times out. Fix: {fix}.",
                who_words(who)
            ),
        }
    }

    /// Traces `who` in this scenario.
    pub fn trace(&self, who: ClientKind) -> Trace {
        if !self.validation.is_empty() {
            return self.invalid_trace(who);
        }
        match who {
            ClientKind::RunCommand => self.run_command_trace(),
            _ => self.kubectl_trace(who),
        }
    }

    fn base_trace(&self, who: ClientKind) -> Trace {
        let ready = !self.node_egress_blocked();
        Trace {
            outcome: Outcome::Success,
            summary: String::new(),
            dns_answer: DnsAnswer::None,
            kubectl_output: String::new(),
            kubectl_logs_output: if ready {
                None
            } else {
                Some(kubectl::logs_timeout(&self.scenario.cluster))
            },
            path: Vec::new(),
            tunnel: self.tunnel,
            why: None,
            validation: Vec::new(),
            events: Vec::new(),
            server_name: self.server_name(who).map(str::to_string),
            node_ready: ready,
            node_status: self.node_status.clone(),
            notes: self.notes.clone(),
            output_illustrative: false,
        }
    }

    /// Settings that have no effect in this scenario, said aloud (model-rules.md, "Settings"):
    /// the page shows them beside the settings and the native command prints them.
    pub fn notes(&self) -> &[Note] {
        &self.notes
    }

    fn compute_notes(&self) -> Vec<Note> {
        let s = self.scenario;
        let mut notes = Vec::new();
        if s.mode == super::scenario::Mode::Public && s.ranges.is_some() {
            notes.push(Note {
                key: "ranges",
                message: "A public cluster has no authorized ranges filter, so these ranges are not applied: choose mode=authorized (or API server VNet integration) to filter sources.".to_string(),
            });
        }
        if s.private && s.mode != super::scenario::Mode::Vnet {
            notes.push(Note {
                key: "private",
                message: "private=on applies only to API server VNet integration (mode=vnet); for a private cluster without it choose mode=private.".to_string(),
            });
        }
        if s.kubeconfig == super::scenario::Kubeconfig::Public
            && s.is_private()
            && !s.public_fqdn_enabled()
        {
            notes.push(Note {
                key: "kubeconfig",
                message: "The public FQDN is disabled (publicfqdn=off), so there is no public name for `az aks get-credentials --public-fqdn` to use: the kubeconfig keeps the private FQDN. Turn the public FQDN on to use it.".to_string(),
            });
        }
        notes
    }

    fn invalid_trace(&self, who: ClientKind) -> Trace {
        let first = &self.validation[0];
        let mut t = self.base_trace(who);
        t.outcome = Outcome::Invalid;
        t.summary = format!("This cluster cannot be created: {}", first.message);
        t.why = Some(format!(
            "The cluster cannot be created; change `{}`. {} says: {}",
            first.key,
            match first.source {
                super::validate::MessageSource::Cli => "The az CLI",
                super::validate::MessageSource::Arm => "Azure Resource Manager",
            },
            first.message
        ));
        t.validation = self.validation.clone();
        t.kubectl_logs_output = None;
        t.node_ready = false;
        t.output_illustrative = false;
        t
    }

    fn run_command_trace(&self) -> Trace {
        let s = self.scenario;
        let c = &s.cluster;
        let mut t = self.base_trace(ClientKind::RunCommand);
        // Both run command texts are unconfirmed by any source: the page says so.
        t.output_illustrative = true;
        let mut events = vec![Event {
            hop: Hop::Client,
            kind: EventKind::Start,
            from: Place::RunCommand,
            to: Place::RunCommand,
            label: "az aks command invoke".to_string(),
            detail: cat(&[
                "az aks command invoke -g ",
                &c.resource_group,
                " -n ",
                &c.name,
                " --command \"kubectl get nodes\": Azure Resource Manager relays the command, so the caller needs no network path to the API server; the command itself runs in a pod on a node.",
            ]),
            verdict: Verdict::Pass,
        }];
        let arm = |detail: &str, verdict| Event {
            hop: Hop::Arm,
            kind: EventKind::Request,
            from: Place::RunCommand,
            to: Place::Arm,
            label: "POST …/runCommand".to_string(),
            detail: detail.to_string(),
            verdict,
        };
        if !s.run_command {
            events.push(arm(
                "disableRunCommand is true: Azure Resource Manager refuses the request.",
                Verdict::Block,
            ));
            t.outcome = Outcome::Denied;
            t.summary = "Run command is disabled on this cluster: Azure Resource Manager refuses az aks command invoke.".to_string();
            t.kubectl_output = kubectl::run_command_disabled();
            t.why = Some(format!(
                "Run command is disabled (apiServerAccessProfile.disableRunCommand: true). Fix: `az aks update -g {} -n {} --enable-run-command` (runcommand=on), or reach the API server over the network.",
                c.resource_group, c.name
            ));
        } else {
            events.push(arm(
                "Azure Resource Manager accepts the run command request.",
                Verdict::Pass,
            ));
            let ready = t.node_ready;
            events.push(Event {
                hop: Hop::ApiServer,
                kind: EventKind::Request,
                from: Place::Arm,
                to: Place::ApiServer,
                label: "pod command-<id> in aks-command".to_string(),
                detail: if ready {
                    "AKS creates a command-<id> pod in the aks-command namespace; a Ready node runs it, kubectl inside the cluster answers, and the output returns through ARM.".to_string()
                } else {
                    "AKS creates a command-<id> pod in the aks-command namespace, but no node is Ready to run it: the kubelet cannot reach the API server, so the pod never starts.".to_string()
                },
                verdict: if ready { Verdict::Pass } else { Verdict::Block },
            });
            if ready {
                t.summary = "az aks command invoke runs kubectl in a pod inside the cluster through Azure Resource Manager: no DNS, no network path from the caller needed.".to_string();
                t.kubectl_output = kubectl::get_nodes(c, true);
            } else {
                t.outcome = Outcome::Timeout;
                t.summary = "az aks command invoke times out: Azure Resource Manager accepts it, but its pod never starts because the node is NotReady.".to_string();
                t.kubectl_output = kubectl::run_command_timeout();
                t.why = Some(format!(
                    "The command runs in a pod on a node, and the node is NotReady: its kubelet cannot reach the API server, so the command-<id> pod never starts and az gives up. {} Fix: add {}/32 to the authorized ranges so the nodes' connections get through.",
                    tunnel::cut_words(self),
                    s.node_egress_ip()
                ));
            }
        }
        events.push(tunnel::kubelet_event(self));
        events.push(tunnel::tunnel_event(self));
        t.path = path_from_events(&events);
        t.events = events;
        t
    }

    fn kubectl_trace(&self, who: ClientKind) -> Trace {
        let s = self.scenario;
        let c = &s.cluster;
        let mut t = self.base_trace(who);
        let client = Place::from(who);
        let mut events: Vec<Event> = Vec::with_capacity(16);
        let name = self.server_name(who);
        events.push(Event {
            hop: Hop::Client,
            kind: EventKind::Start,
            from: client,
            to: client,
            label: "kubectl get nodes".to_string(),
            detail: match (who, name) {
                (ClientKind::Node, None) => cat(&[
                    "kubelet and konnectivity on the node use the API server's ILB address ",
                    &Ip4Text::new(c.addresses.ilb_ip),
                    " directly (VNet integration).",
                ]),
                (ClientKind::Node, Some(n)) => cat(&[
                    "kubelet's kubeconfig on the node points at https://",
                    n,
                    ":443.",
                ]),
                (_, Some(n)) => cat(&["The kubeconfig's server is https://", n, ":443."]),
                (_, None) => String::new(),
            },
            verdict: Verdict::Pass,
        });

        let result = match name {
            None => Ok(c.addresses.ilb_ip),
            Some(n) => dns::resolve(self, &mut events, who, n).map_err(|b| (b, true)),
        }
        .and_then(|ip| {
            if name.is_some() {
                t.dns_answer = DnsAnswer::Address(ip);
            }
            route::connect(self, &mut events, who, ip)
                .map(|through| (ip, through))
                .map_err(|b| (b, false))
        });

        let who_text = who_words(who);
        match result {
            Ok((ip, through)) => {
                t.outcome = Outcome::Success;
                t.kubectl_output = kubectl::get_nodes(c, t.node_ready);
                let tunnel_up = who == ClientKind::Node && self.tunnel == Tunnel::Konnectivity;
                let not_ready = !t.node_ready;
                let tail = [
                    if tunnel_up {
                        " The kubelet's calls and the konnectivity tunnel are both up."
                    } else {
                        ""
                    },
                    if not_ready {
                        " The node shows NotReady: its kubelet cannot reach the API server (the nodes' egress IP is not authorized)."
                    } else {
                        ""
                    },
                ];
                t.summary = match name {
                    Some(n) => cat(&[
                        who_text,
                        " resolves ",
                        n,
                        " to ",
                        &Ip4Text::new(ip),
                        " and reaches the API server ",
                        &through,
                        ".",
                        tail[0],
                        tail[1],
                    ]),
                    None => cat(&[
                        who_text,
                        " reaches the API server ",
                        &through,
                        ", without DNS: the kubelet calls the ILB directly.",
                        tail[0],
                        tail[1],
                    ]),
                };
            }
            Err((blocked, true)) => {
                let n = name.unwrap_or_default();
                t.outcome = Outcome::NxDomain;
                t.dns_answer = DnsAnswer::NxDomain;
                t.kubectl_output = kubectl::no_such_host(n, dns::resolver_ip(self, who));
                t.summary = cat(&[
                    who_text,
                    " cannot resolve ",
                    n,
                    ": NXDOMAIN from ",
                    hop_words(blocked.hop),
                    ".",
                ]);
                t.why = Some(blocked.why);
            }
            Err((blocked, false)) => {
                let ip = match t.dns_answer {
                    DnsAnswer::Address(ip) => ip,
                    _ => c.addresses.ilb_ip,
                };
                t.outcome = Outcome::Timeout;
                t.kubectl_output = kubectl::timeout(ip);
                t.summary = cat(&[
                    who_text,
                    " times out connecting to ",
                    &Ip4Text::new(ip),
                    ": blocked at ",
                    hop_words(blocked.hop),
                    ".",
                ]);
                t.why = Some(blocked.why);
            }
        }
        events.push(tunnel::kubelet_event(self));
        events.push(tunnel::tunnel_event(self));
        t.path = path_from_events(&events);
        t.events = events;
        t
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
