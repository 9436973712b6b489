//! The exercises file, read and checked: every id, client, outcome and fragment in it must be one
//! the widget knows, so a typo in the file is a clear error at test time rather than an exercise
//! nobody can solve.

use std::net::Ipv4Addr;
use std::sync::OnceLock;

use serde_json::Value;

use crate::link::{parse_strict, Link};
use crate::model::{ClientKind, Outcome, Tunnel};

/// The exercises shipped with the widget, for the native command and the tests. The page fetches
/// the same file from the site (`exercises.json`) when it needs it and never calls [`catalogue`],
/// so this text is not linked into every reader's wasm.
const FILE: &str = include_str!("../../www/exercises.json");

/// The fragment keys a `keep` list may name: the scenario's settings.
pub const KEEPABLE: [&str; 12] = [
    "mode",
    "dns",
    "publicfqdn",
    "private",
    "ranges",
    "egress",
    "ip",
    "zonelink",
    "forwarder",
    "runcommand",
    "kubeconfig",
    "cluster",
];

/// One exercise, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Exercise {
    /// Used in `exercise=<id>` links and in the browser's progress record.
    pub id: String,
    pub title: String,
    /// The situation, as the attendee meets it.
    pub story: String,
    /// The starting fragment, as written in the file.
    pub start: String,
    /// The starting state ([`Self::start`] parsed).
    pub start_link: Link,
    pub goals: Vec<Goal>,
    /// Settings (fragment keys) that must keep their starting value.
    pub keep: Vec<String>,
    /// Shown one at a time, in order.
    pub hints: Vec<String>,
    /// Shown once every goal is met.
    pub explanation: String,
    /// One known solution, for the instructor page; the tests check that it solves the
    /// exercise, and the checker never looks at it.
    pub solution: Link,
}

/// What one client must see in the attendee's scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Goal {
    pub client: ClientKind,
    /// The laptop's address for this goal only: "someone else on the Internet".
    pub ip: Option<Ipv4Addr>,
    /// The outcomes that meet the goal (any of them); empty when the outcome is not checked.
    pub outcome: Vec<Outcome>,
    /// `Ready` or `NotReady`.
    pub node: Option<&'static str>,
    pub tunnel: Option<Tunnel>,
    pub dns: Option<DnsKind>,
}

/// The kind of answer the client's resolver gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DnsKind {
    /// A private (RFC 1918) address: the private endpoint or the ILB.
    Private,
    /// A public address: the public endpoint.
    Public,
    /// NXDOMAIN.
    NxDomain,
    /// No lookup (run command, VNet-integrated nodes).
    None,
}

impl DnsKind {
    /// The word used in the exercises file.
    pub fn as_str(self) -> &'static str {
        match self {
            DnsKind::Private => "private",
            DnsKind::Public => "public",
            DnsKind::NxDomain => "NXDOMAIN",
            DnsKind::None => "none",
        }
    }

    fn from_id(id: &str) -> Option<DnsKind> {
        [
            DnsKind::Private,
            DnsKind::Public,
            DnsKind::NxDomain,
            DnsKind::None,
        ]
        .into_iter()
        .find(|k| k.as_str() == id)
    }
}

/// One JSON object of the file, read field by field: unknown fields are refused, so a typo is
/// an error rather than a setting silently ignored. (Read from a `serde_json::Value`, which the
/// page already parses for the import box, rather than with derived deserializers that would add
/// their code to every reader's wasm.)
struct Fields<'a> {
    map: &'a serde_json::Map<String, Value>,
}

impl<'a> Fields<'a> {
    fn new(v: &'a Value, what: &str, allowed: &[&str]) -> Result<Fields<'a>, String> {
        let map = v
            .as_object()
            .ok_or_else(|| format!("{what} must be a JSON object"))?;
        if let Some(k) = map.keys().find(|k| !allowed.contains(&k.as_str())) {
            return Err(format!(
                "unknown field `{k}` in {what} (expected {})",
                allowed.join(", ")
            ));
        }
        Ok(Fields { map })
    }

    fn text(&self, key: &str) -> Result<Option<String>, String> {
        match self.map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(t)) => Ok(Some(t.clone())),
            Some(_) => Err(format!("{key} must be text")),
        }
    }

    fn required(&self, key: &str) -> Result<String, String> {
        self.text(key)?.ok_or_else(|| format!("{key} is missing"))
    }

    fn list(&self, key: &str) -> Result<&'a [Value], String> {
        match self.map.get(key) {
            None => Ok(&[]),
            Some(Value::Array(items)) => Ok(items),
            Some(_) => Err(format!("{key} must be a list")),
        }
    }

    fn texts(&self, key: &str) -> Result<Vec<String>, String> {
        self.list(key)?
            .iter()
            .map(|v| {
                v.as_str()
                    .map(str::to_string)
                    .ok_or_else(|| format!("{key} must be a list of texts"))
            })
            .collect()
    }
}

/// The shipped exercises, read once; an error names the exercise and the field at fault.
pub fn catalogue() -> Result<&'static [Exercise], &'static str> {
    static CATALOGUE: OnceLock<Result<Vec<Exercise>, String>> = OnceLock::new();
    match CATALOGUE.get_or_init(|| parse_catalogue(FILE)) {
        Ok(list) => Ok(list),
        Err(e) => Err(e),
    }
}

/// Reads an exercises file (the format of `www/exercises.json`).
pub fn parse_catalogue(text: &str) -> Result<Vec<Exercise>, String> {
    let invalid = |e: String| format!("the exercises file is not valid: {e}");
    let file: Value = serde_json::from_str(text).map_err(|e| invalid(e.to_string()))?;
    let raw = Fields::new(&file, "the file", &["exercises"]).map_err(invalid)?;
    let mut out: Vec<Exercise> = Vec::new();
    for (i, v) in raw.list("exercises").map_err(invalid)?.iter().enumerate() {
        let e = exercise(v).map_err(|e| format!("exercise {}: {e}", i + 1))?;
        if out.iter().any(|o| o.id == e.id) {
            return Err(format!("exercise `{}` is listed twice", e.id));
        }
        out.push(e);
    }
    Ok(out)
}

const EXERCISE_FIELDS: [&str; 9] = [
    "id",
    "title",
    "story",
    "start",
    "goals",
    "keep",
    "hints",
    "explanation",
    "solution",
];

fn exercise(v: &Value) -> Result<Exercise, String> {
    let f = Fields::new(v, "an exercise", &EXERCISE_FIELDS)?;
    let id = f.required("id")?;
    let at = |field: &str, why: String| format!("exercise `{id}`, {field}: {why}");
    if id.is_empty()
        || !id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Err(at(
            "id",
            "use lowercase letters, digits and `-` only (it goes into links)".into(),
        ));
    }
    let text = |key: &str| f.required(key).map_err(|e| at(key, e));
    let start = text("start")?;
    let solution = text("solution")?;
    let start_link = fragment_link(&start).map_err(|e| at("start", e))?;
    let solution = fragment_link(&solution).map_err(|e| at("solution", e))?;
    let goals = f
        .list("goals")
        .map_err(|e| at("goals", e))?
        .iter()
        .enumerate()
        .map(|(i, g)| goal(g).map_err(|e| at(&format!("goal {}", i + 1), e)))
        .collect::<Result<Vec<_>, _>>()?;
    if goals.is_empty() {
        return Err(at("goals", "give at least one goal".into()));
    }
    let keep = f.texts("keep").map_err(|e| at("keep", e))?;
    for k in &keep {
        if !KEEPABLE.contains(&k.as_str()) {
            return Err(at(
                "keep",
                format!("`{k}` is not a setting; use {}", KEEPABLE.join(", ")),
            ));
        }
    }
    let hints = f.texts("hints").map_err(|e| at("hints", e))?;
    if hints.is_empty() {
        return Err(at("hints", "give at least one hint".into()));
    }
    Ok(Exercise {
        title: text("title")?,
        story: text("story")?,
        explanation: text("explanation")?,
        start,
        start_link,
        goals,
        keep,
        hints,
        solution,
        id,
    })
}

/// A fragment of settings only: page state (`view`, `step`, `exercise`…) does not belong in an
/// exercise's start or solution.
fn fragment_link(fragment: &str) -> Result<Link, String> {
    let link = parse_strict(fragment).map_err(|e| e.to_string())?;
    let bare = Link {
        scenario: link.scenario.clone(),
        ..Link::default()
    };
    if link != bare {
        return Err("only settings belong here (no `step`, `view`, `theme` or `exercise`)".into());
    }
    Ok(link)
}

fn goal(v: &Value) -> Result<Goal, String> {
    let g = Fields::new(
        v,
        "a goal",
        &["client", "ip", "outcome", "node", "tunnel", "dns"],
    )?;
    let client = g.required("client")?;
    let client = ClientKind::from_id(&client)
        .ok_or_else(|| format!("client `{client}`: use {}", ClientKind::allowed()))?;
    let ip = g
        .text("ip")?
        .map(|ip| {
            ip.parse::<Ipv4Addr>()
                .map_err(|_| format!("ip `{ip}`: give an IPv4 address"))
        })
        .transpose()?;
    if ip.is_some() && client != ClientKind::Laptop {
        return Err("ip: only the laptop's address can be set for a goal".into());
    }
    // `"timeout"` or `["timeout", "nxdomain"]`: any of them meets the goal.
    let outcomes = match g.map.get("outcome") {
        Some(Value::Array(_)) => g.texts("outcome")?,
        _ => g.text("outcome")?.into_iter().collect(),
    };
    let outcome = outcomes
        .iter()
        .map(|o| {
            Outcome::from_id(o).ok_or_else(|| format!("outcome `{o}`: use {}", Outcome::allowed()))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let node = g
        .text("node")?
        .map(|n| match n.as_str() {
            "Ready" => Ok("Ready"),
            "NotReady" => Ok("NotReady"),
            _ => Err(format!("node `{n}`: use Ready or NotReady")),
        })
        .transpose()?;
    let tunnel = g
        .text("tunnel")?
        .map(|t| {
            Tunnel::from_id(&t).ok_or_else(|| format!("tunnel `{t}`: use {}", Tunnel::allowed()))
        })
        .transpose()?;
    let dns = g
        .text("dns")?
        .map(|d| {
            DnsKind::from_id(&d)
                .ok_or_else(|| format!("dns `{d}`: use private, public, NXDOMAIN or none"))
        })
        .transpose()?;
    if outcome.is_empty() && node.is_none() && tunnel.is_none() && dns.is_none() {
        return Err("say what the client must see: outcome, node, tunnel or dns".into());
    }
    Ok(Goal {
        client,
        ip,
        outcome,
        node,
        tunnel,
        dns,
    })
}
