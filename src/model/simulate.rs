//! The simulator: a scenario in, a [`Trace`] out.
//!
//! [`Analysis`] does the per-scenario work once (names, range parsing, validation, tunnel
//! state) so that tracing several clients of one scenario costs only the events; [`simulate`]
//! is the one-call form the page and the native command use.

pub use super::analysis::{Analysis, Blocked};
use super::dns;
use super::kubectl;
use super::route;
pub use super::scenario::who_words;
use super::scenario::{ClientKind, Scenario};
pub use super::trace::hop_words;
use super::trace::{
    path_from_events, DnsAnswer, Event, EventKind, Hop, Outcome, Place, Trace, Tunnel, Verdict,
};
use super::tunnel;
use super::validate::MessageSource;

/// Simulates `kubectl get nodes` (or the node's leg, or run command) for the scenario's client.
pub fn simulate(s: &Scenario) -> Trace {
    Analysis::new(s).trace(s.client)
}

/// Simulates every client of one scenario, parsing its ranges once.
pub fn simulate_all_clients(s: &Scenario) -> Vec<(ClientKind, Trace)> {
    let a = Analysis::new(s);
    ClientKind::ALL.iter().map(|&c| (c, a.trace(c))).collect()
}

impl Analysis<'_> {
    /// Traces `who` in this scenario.
    pub fn trace(&self, who: ClientKind) -> Trace {
        if !self.validation().is_empty() {
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
                Some(kubectl::logs_timeout(&self.scenario().cluster))
            },
            path: Vec::new(),
            tunnel: self.tunnel(),
            why: None,
            validation: Vec::new(),
            events: Vec::new(),
            server_name: self.server_name(who).map(str::to_string),
            node_ready: ready,
            node_status: tunnel::node_status(self),
            notes: self.notes().to_vec(),
            output_illustrative: false,
            filter_active: self.filter_active(),
        }
    }

    fn invalid_trace(&self, who: ClientKind) -> Trace {
        let first = &self.validation()[0];
        let mut t = self.base_trace(who);
        t.outcome = Outcome::Invalid;
        t.summary = format!("This cluster cannot be created: {}", first.message);
        t.why = Some(format!(
            "The cluster cannot be created; change `{}`. {} says: {}",
            first.key,
            match first.source {
                MessageSource::Cli => "The az CLI",
                MessageSource::Arm => "Azure Resource Manager",
            },
            first.message
        ));
        t.validation = self.validation().to_vec();
        t.kubectl_logs_output = None;
        t.node_ready = false;
        t.output_illustrative = false;
        t
    }

    fn run_command_trace(&self) -> Trace {
        let s = self.scenario();
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
            detail: format!("az aks command invoke -g {} -n {} --command \"kubectl get nodes\": Azure Resource Manager relays the command, so the caller needs no network path to the API server; the command itself runs in a pod on a node.", c.resource_group, c.name),
            verdict: Verdict::Pass,
            target: None,
        }];
        let arm = |detail: &str, verdict| Event {
            hop: Hop::Arm,
            kind: EventKind::Request,
            from: Place::RunCommand,
            to: Place::Arm,
            label: "POST …/runCommand".to_string(),
            detail: detail.to_string(),
            verdict,
            target: None,
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
                target: None,
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
        let s = self.scenario();
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
                (ClientKind::Node, None) => format!("kubelet and konnectivity on the node use the API server's ILB address {} directly (VNet integration).", c.addresses.ilb_ip),
                (ClientKind::Node, Some(n)) => format!("kubelet's kubeconfig on the node points at https://{n}:443."),
                (_, Some(n)) => format!("The kubeconfig's server is https://{n}:443."),
                (_, None) => String::new(),
            },
            verdict: Verdict::Pass,
            target: None,
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
                let tunnel_up = who == ClientKind::Node && self.tunnel() == Tunnel::Konnectivity;
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
                    Some(n) => format!("{who_text} resolves {n} to {ip} and reaches the API server {through}.{}{}", tail[0], tail[1]),
                    None => format!("{who_text} reaches the API server {through}, without DNS: the kubelet calls the ILB directly.{}{}", tail[0], tail[1]),
                };
            }
            Err((blocked, true)) => {
                let n = name.unwrap_or_default();
                t.outcome = Outcome::NxDomain;
                t.dns_answer = DnsAnswer::NxDomain;
                t.kubectl_output = kubectl::no_such_host(n, dns::resolver_ip(self, who));
                t.summary = format!(
                    "{who_text} cannot resolve {n}: NXDOMAIN from {}.",
                    hop_words(blocked.hop)
                );
                t.why = Some(blocked.why);
            }
            Err((blocked, false)) => {
                let ip = match t.dns_answer {
                    DnsAnswer::Address(ip) => ip,
                    _ => c.addresses.ilb_ip,
                };
                t.outcome = Outcome::Timeout;
                t.kubectl_output = kubectl::timeout(ip);
                t.summary = format!(
                    "{who_text} times out connecting to {ip}: blocked at {}.",
                    hop_words(blocked.hop)
                );
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
