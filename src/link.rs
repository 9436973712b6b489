//! Deep links: the URL fragment (`#k=v&k=v`) ⇄ a [`Link`] (scenario + page state).
//!
//! Blog authors paste these links and graders drive the page with them (`docs/contract.md`), so
//! the codec is forgiving when reading and canonical when writing:
//! * reading: a leading `#` is optional; unknown keys are ignored; a key given twice keeps its
//!   last value (appending `&mode=private` to a link overrides it); a bad value yields a
//!   [`LinkError`] naming the key, the value and the allowed values, and the default is used
//!   for that key only, so [`parse`] never fails;
//! * `%XX` is decoded (bytes, then UTF-8; invalid UTF-8 becomes U+FFFD; a `%` not followed by
//!   two hex digits is kept as is); `+` is a plus, not a space (RFC 3986, not forms);
//! * writing: keys in the contract's order, defaults omitted, every byte outside
//!   `A-Za-z0-9-._~/,:` written `%XX` (uppercase hex), no leading `#`.
//!
//! `parse(&print(&link)).0 == link` for every link whose cluster differs from the default
//! cluster at most by its name: the fragment carries the cluster name (key `cluster`, an
//! addition to the contract's keys so that the article's other clusters can be linked to) but
//! not the address plan.

use std::net::Ipv4Addr;

use crate::model::cluster::Cluster;
use crate::model::scenario::{id_enum, ClientKind, DnsZone, Egress, Kubeconfig, Mode, Scenario};

id_enum! {
    /// Page layout (key `view`).
    View {
        /// Full page.
        Full => "full",
        /// Minimal chrome for iframes.
        Embed => "embed",
        /// Presenter mode.
        Present => "present",
    }
}

id_enum! {
    /// Colour scheme (key `theme`).
    Theme {
        /// Follow the system.
        Auto => "auto",
        /// Light.
        Light => "light",
        /// Dark.
        Dark => "dark",
    }
}

/// Everything a fragment carries: the scenario and the page state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The scenario (keys `mode` … `kubeconfig`, `cluster`).
    pub scenario: Scenario,
    /// Animation position (`step`); `None` = the last step.
    pub step: Option<u32>,
    /// `view`.
    pub view: View,
    /// `theme`.
    pub theme: Theme,
    /// `exercise`: a workshop exercise id, free text.
    pub exercise: Option<String>,
}

impl Default for Link {
    fn default() -> Self {
        Link {
            scenario: Scenario::default(),
            step: None,
            view: View::Full,
            theme: Theme::Auto,
            exercise: None,
        }
    }
}

/// A bad value in a fragment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkError {
    /// The key whose value was refused.
    pub key: String,
    /// The value as decoded.
    pub value: String,
    /// The allowed values, in words.
    pub allowed: String,
}

impl std::fmt::Display for LinkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "bad value for `{}`: `{}` (allowed: {})",
            self.key, self.value, self.allowed
        )
    }
}

impl std::error::Error for LinkError {}

const ON_OFF: &str = "on, off";
const IP_ALLOWED: &str = "an IPv4 address such as 81.56.12.7";
const STEP_ALLOWED: &str = "an integer ≥ 0";
const CLUSTER_ALLOWED: &str =
    "1 to 63 letters, digits, '-' or '_', starting and ending with a letter or digit";

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Decodes `%XX` escapes (see the module comment for the lenient cases).
pub fn percent_decode(text: &str) -> String {
    if !text.contains('%') {
        return text.to_string();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex_value(bytes[i + 1]), hex_value(bytes[i + 2])) {
                out.push(h * 16 + l);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Encodes every byte outside `A-Za-z0-9-._~/,:` as `%XX`.
///
/// Hand-written rather than the `percent-encoding` crate: with the crate (the same bytes out,
/// decoding included) the release wasm grew by 566 bytes (863 gzipped).
pub fn percent_encode(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let bytes = text.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len());
    // Runs of bytes that need no escape are copied whole: a pasted range list is megabytes of them.
    let mut run = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if !(b.is_ascii_alphanumeric() || b"-._~/,:".contains(&b)) {
            out.extend_from_slice(&bytes[run..i]);
            out.extend_from_slice(&[b'%', HEX[usize::from(b >> 4)], HEX[usize::from(b & 15)]]);
            run = i + 1;
        }
    }
    out.extend_from_slice(&bytes[run..]);
    // Only ASCII was written.
    String::from_utf8(out).unwrap_or_default()
}

fn on_off(v: &str) -> Option<bool> {
    match v {
        "on" => Some(true),
        "off" => Some(false),
        _ => None,
    }
}

fn on_off_str(b: bool) -> &'static str {
    if b {
        "on"
    } else {
        "off"
    }
}

/// AKS cluster name rule: `^[a-zA-Z0-9]$|^[a-zA-Z0-9][-_a-zA-Z0-9]{0,61}[a-zA-Z0-9]$`.
pub fn valid_cluster_name(name: &str) -> bool {
    let b = name.as_bytes();
    let edge = |c: u8| c.is_ascii_alphanumeric();
    let inner = |c: u8| c.is_ascii_alphanumeric() || c == b'-' || c == b'_';
    match b.len() {
        0 => false,
        1 => edge(b[0]),
        n if n <= 63 => edge(b[0]) && edge(b[n - 1]) && b.iter().all(|&c| inner(c)),
        _ => false,
    }
}

/// Applies one `key=value` pair; `Err` when the value is refused (the field keeps its value).
fn apply(link: &mut Link, key: &str, value: &str) -> Result<(), LinkError> {
    let bad = |allowed: String| LinkError {
        key: key.to_string(),
        value: value.to_string(),
        allowed,
    };
    let s = &mut link.scenario;
    match key {
        "mode" => s.mode = Mode::from_id(value).ok_or_else(|| bad(Mode::allowed()))?,
        "dns" => s.dns = Some(DnsZone::from_id(value).ok_or_else(|| bad(DnsZone::allowed()))?),
        "publicfqdn" => s.public_fqdn = Some(on_off(value).ok_or_else(|| bad(ON_OFF.into()))?),
        "private" => s.private = on_off(value).ok_or_else(|| bad(ON_OFF.into()))?,
        "ranges" => s.ranges = Some(value.to_string()),
        "egress" => s.egress = Egress::from_id(value).ok_or_else(|| bad(Egress::allowed()))?,
        "client" => {
            s.client = ClientKind::from_id(value).ok_or_else(|| bad(ClientKind::allowed()))?
        }
        "ip" => {
            s.laptop_ip = value
                .parse::<Ipv4Addr>()
                .map_err(|_| bad(IP_ALLOWED.into()))?
        }
        "zonelink" => s.zone_link = on_off(value).ok_or_else(|| bad(ON_OFF.into()))?,
        "forwarder" => s.forwarder = on_off(value).ok_or_else(|| bad(ON_OFF.into()))?,
        "runcommand" => s.run_command = on_off(value).ok_or_else(|| bad(ON_OFF.into()))?,
        "kubeconfig" => {
            s.kubeconfig = Kubeconfig::from_id(value).ok_or_else(|| bad(Kubeconfig::allowed()))?
        }
        "cluster" => {
            if valid_cluster_name(value) {
                s.cluster.name = value.to_string();
            } else {
                return Err(bad(CLUSTER_ALLOWED.into()));
            }
        }
        "step" => {
            if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad(STEP_ALLOWED.into()));
            }
            link.step = Some(value.parse::<u32>().map_err(|_| bad(STEP_ALLOWED.into()))?);
        }
        "view" => link.view = View::from_id(value).ok_or_else(|| bad(View::allowed()))?,
        "theme" => link.theme = Theme::from_id(value).ok_or_else(|| bad(Theme::allowed()))?,
        "exercise" => link.exercise = Some(value.to_string()),
        _ => {}
    }
    Ok(())
}

/// Splits a fragment into decoded `(key, value)` pairs, skipping empty parts.
fn pairs(fragment: &str) -> impl Iterator<Item = (String, String)> + '_ {
    let body = fragment.strip_prefix('#').unwrap_or(fragment);
    body.split('&').filter(|p| !p.is_empty()).map(|part| {
        let (k, v) = part.split_once('=').unwrap_or((part, ""));
        (percent_decode(k), percent_decode(v))
    })
}

/// Parses a fragment, forgivingly: every bad value is reported and replaced by its default.
pub fn parse(fragment: &str) -> (Link, Vec<LinkError>) {
    let mut link = Link::default();
    let mut errors = Vec::new();
    for (key, value) in pairs(fragment) {
        if let Err(e) = apply(&mut link, &key, &value) {
            errors.retain(|old: &LinkError| old.key != e.key);
            errors.push(e);
        } else {
            errors.retain(|old: &LinkError| old.key != key);
        }
    }
    (link, errors)
}

/// Parses a fragment strictly (the native command): the first bad value is an error.
pub fn parse_strict(fragment: &str) -> Result<Link, LinkError> {
    let (link, errors) = parse(fragment);
    match errors.into_iter().next() {
        Some(e) => Err(e),
        None => Ok(link),
    }
}

/// Prints a link as a fragment body (no leading `#`), defaults omitted.
pub fn print(link: &Link) -> String {
    join(&print_scenario(&link.scenario), &print_page(link))
}

/// `scenario` and `page`, the two halves of a fragment, joined as `print` joins them: the page
/// keeps the scenario's half, printed once per change (a pasted range list can make it megabytes
/// long), and adds the half that changes on every animation step.
pub fn join(scenario: &str, page: &str) -> String {
    match (scenario.is_empty(), page.is_empty()) {
        (_, true) => scenario.to_string(),
        (true, false) => page.to_string(),
        (false, false) => format!("{scenario}&{page}"),
    }
}

/// The keys that say what the page shows of a scenario: step, view, theme and exercise.
pub fn print_page(link: &Link) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut put = |k: &str, v: &str| parts.push(format!("{k}={}", percent_encode(v)));
    if let Some(step) = link.step {
        put("step", &step.to_string());
    }
    if link.view != View::Full {
        put("view", link.view.as_str());
    }
    if link.theme != Theme::Auto {
        put("theme", link.theme.as_str());
    }
    if let Some(e) = &link.exercise {
        put("exercise", e);
    }
    parts.join("&")
}

/// Prints only a scenario (page state at its defaults).
pub fn print_scenario(s: &Scenario) -> String {
    let d = Scenario::default();
    let mut parts: Vec<String> = Vec::new();
    let mut put = |k: &str, v: &str| parts.push(format!("{k}={}", percent_encode(v)));
    if s.mode != d.mode {
        put("mode", s.mode.as_str());
    }
    if let Some(z) = s.dns {
        put("dns", z.as_str());
    }
    if let Some(p) = s.public_fqdn {
        put("publicfqdn", on_off_str(p));
    }
    if s.private != d.private {
        put("private", on_off_str(s.private));
    }
    if let Some(r) = &s.ranges {
        put("ranges", r);
    }
    if s.egress != d.egress {
        put("egress", s.egress.as_str());
    }
    if s.client != d.client {
        put("client", s.client.as_str());
    }
    if s.laptop_ip != d.laptop_ip {
        put("ip", &s.laptop_ip.to_string());
    }
    if s.zone_link != d.zone_link {
        put("zonelink", on_off_str(s.zone_link));
    }
    if s.forwarder != d.forwarder {
        put("forwarder", on_off_str(s.forwarder));
    }
    if s.run_command != d.run_command {
        put("runcommand", on_off_str(s.run_command));
    }
    if s.kubeconfig != d.kubeconfig {
        put("kubeconfig", s.kubeconfig.as_str());
    }
    if s.cluster.name != Cluster::default().name {
        put("cluster", &s.cluster.name);
    }
    parts.join("&")
}
