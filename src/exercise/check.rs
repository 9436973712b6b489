//! Checks an attendee's scenario against an exercise: each goal by simulating its client in that
//! scenario, each kept setting against its starting value. The feedback is the model's own: what
//! the client sees and, when that is not the goal, the model's reason.

use std::fmt;

use super::catalogue::{DnsKind, Exercise, Goal};
use crate::model::scenario::DEFAULT_AUTHORIZED_RANGES;
use crate::model::{simulate, Analysis, DnsAnswer, Mode, Scenario, Trace};

/// The result of checking one scenario against one exercise.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    pub goals: Vec<GoalCheck>,
    pub kept: Vec<KeptCheck>,
}

impl Check {
    /// Every goal met and every kept setting at its starting value.
    pub fn solved(&self) -> bool {
        self.goals_met() == self.goals.len() && self.kept.iter().all(|k| k.kept)
    }

    /// How many goals are met.
    pub fn goals_met(&self) -> usize {
        self.goals.iter().filter(|g| g.met).count()
    }
}

/// One goal, against what its client sees.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalCheck {
    pub goal: Goal,
    pub met: bool,
    /// What the client sees, in the goal's terms (`timeout, node Ready`).
    pub saw: String,
    /// The model's reason when the goal is not met: a validation message, the trace's `why`, the
    /// node's status line, or (when the client gets through and should not) its summary.
    pub why: Option<String>,
}

/// One setting the exercise keeps.
#[derive(Debug, Clone, PartialEq)]
pub struct KeptCheck {
    pub key: String,
    pub start: String,
    pub now: String,
    pub kept: bool,
}

/// Checks `scenario` (the attendee's; its `client` does not matter: each goal names one).
pub fn check(ex: &Exercise, scenario: &Scenario) -> Check {
    // One analysis serves every goal on the attendee's scenario; a goal with its own laptop
    // address is another scenario.
    let analysis = Analysis::new(scenario);
    let goals = ex
        .goals
        .iter()
        .map(|g| {
            let trace = match g.ip {
                None => analysis.trace(g.client),
                Some(ip) => simulate(&Scenario {
                    client: g.client,
                    laptop_ip: ip,
                    ..scenario.clone()
                }),
            };
            check_goal(g, &trace)
        })
        .collect();
    let kept = ex
        .keep
        .iter()
        .map(|key| {
            let start = setting_value(&ex.start_link.scenario, key);
            let now = setting_value(scenario, key);
            KeptCheck {
                kept: start == now,
                key: key.clone(),
                start,
                now,
            }
        })
        .collect();
    Check { goals, kept }
}

fn check_goal(g: &Goal, t: &Trace) -> GoalCheck {
    let dns = dns_kind(t.dns_answer);
    let mut saw = Vec::new();
    let mut met = true;
    if !g.outcome.is_empty() {
        saw.push(t.outcome.as_str().to_string());
        met &= g.outcome.contains(&t.outcome);
    }
    if let Some(n) = g.node {
        saw.push(format!("node {}", t.node_status.node));
        met &= t.node_status.node == n;
    }
    if let Some(tu) = g.tunnel {
        saw.push(format!("tunnel {}", t.tunnel.as_str()));
        met &= t.tunnel == tu;
    }
    if let Some(d) = g.dns {
        saw.push(format!("DNS {} ({})", dns.as_str(), t.dns_answer));
        met &= dns == d;
    }
    let node_missed = g.node.is_some_and(|n| t.node_status.node != n);
    let why = (!met).then(|| match (t.validation.first(), &t.why) {
        (Some(v), _) => v.message.clone(),
        (None, Some(why)) => why.clone(),
        (None, None) if node_missed => t.node_status.text.clone(),
        (None, None) => t.summary.clone(),
    });
    GoalCheck {
        goal: g.clone(),
        met,
        saw: saw.join(", "),
        why,
    }
}

fn dns_kind(answer: DnsAnswer) -> DnsKind {
    match answer {
        DnsAnswer::Address(ip) if ip.is_private() => DnsKind::Private,
        DnsAnswer::Address(_) => DnsKind::Public,
        DnsAnswer::NxDomain => DnsKind::NxDomain,
        DnsAnswer::None => DnsKind::None,
    }
}

/// A setting's value as people read it: an empty one (no ranges) is said, not left blank.
pub fn shown_value(value: &str) -> &str {
    if value.is_empty() {
        "(none)"
    } else {
        value
    }
}

/// A setting's value in effect (defaults filled in), for comparing a scenario with the start.
pub fn setting_value(s: &Scenario, key: &str) -> String {
    let on_off = |b: bool| if b { "on" } else { "off" }.to_string();
    match key {
        "mode" => s.mode.as_str().to_string(),
        "dns" => s.dns.map_or("system", |z| z.as_str()).to_string(),
        "publicfqdn" => on_off(s.public_fqdn.unwrap_or(true)),
        "private" => on_off(s.private),
        "ranges" => match (&s.ranges, s.mode) {
            (Some(r), _) => r.clone(),
            (None, Mode::Authorized) => DEFAULT_AUTHORIZED_RANGES.to_string(),
            (None, _) => String::new(),
        },
        "egress" => s.egress.as_str().to_string(),
        "ip" => s.laptop_ip.to_string(),
        "zonelink" => on_off(s.zone_link),
        "forwarder" => on_off(s.forwarder),
        "runcommand" => on_off(s.run_command),
        "kubeconfig" => s.kubeconfig.as_str().to_string(),
        "cluster" => s.cluster.name.clone(),
        _ => String::new(),
    }
}

impl fmt::Display for Goal {
    /// `laptop: success`, `laptop at 203.0.113.7: timeout`, `node: node Ready, tunnel direct`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.client.as_str())?;
        if let Some(ip) = self.ip {
            write!(f, " at {ip}")?;
        }
        let mut parts = Vec::new();
        if !self.outcome.is_empty() {
            let any: Vec<&str> = self.outcome.iter().map(|o| o.as_str()).collect();
            parts.push(any.join(" or "));
        }
        if let Some(n) = self.node {
            parts.push(format!("node {n}"));
        }
        if let Some(t) = self.tunnel {
            parts.push(format!("tunnel {}", t.as_str()));
        }
        if let Some(d) = self.dns {
            parts.push(format!("DNS {}", d.as_str()));
        }
        write!(f, ": {}", parts.join(", "))
    }
}
