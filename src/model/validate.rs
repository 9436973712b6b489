//! Invalid combinations, reported with the az CLI's or ARM's own words (typos included).
//!
//! The widget never fixes a scenario silently: an invalid cluster could not have been created,
//! so the page shows why (the real message readers would meet) and which setting to change
//! (the fragment key). Only the combinations of docs/aks-facts.md section 5 that a scenario can
//! express are here; the others (Basic load balancer, `--fqdn-subdomain`, identities...) have
//! no knob.

use serde::Serialize;

use super::ranges::ParsedRanges;
use super::scenario::{DnsZone, Scenario};

/// az CLI: authorized ranges on a private cluster.
pub const MSG_RANGES_PRIVATE: &str =
    "--api-server-authorized-ip-ranges is not supported for private cluster";
/// az CLI: `--private-dns-zone` without `--enable-private-cluster`.
pub const MSG_DNS_PUBLIC: &str =
    "Invalid private dns zone for public cluster. It should always be empty for public cluster";
/// az CLI (create): `--disable-public-fqdn` without `--enable-private-cluster`.
pub const MSG_DISABLE_FQDN_PUBLIC: &str =
    "--disable-public-fqdn should only be used with --enable-private-cluster";
/// ARM: private DNS zone `none` with the public FQDN disabled.
///
/// Why the ARM message rather than the CLI's `--disable-public-fqdn cannot be applied for none
/// mode private dns zone cluster`: that CLI check only runs on `az aks update`; the widget
/// models `az aks create` (hook `az-command`), where the CLI passes the flags through and ARM
/// refuses the cluster with this message.
pub const MSG_NONE_NEEDS_PUBLIC_FQDN: &str =
    "Private cluster with none private dns zone must enable public FQDN feature.";

/// Who refuses the combination.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MessageSource {
    /// Client-side check in the az CLI (nothing reaches Azure).
    Cli,
    /// Azure Resource Manager refuses the request.
    Arm,
}

/// One validation message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValidationMessage {
    /// The fragment key of the setting to change (`ranges`, `dns`, `publicfqdn`, `mode`...).
    pub key: &'static str,
    /// The exact az CLI / ARM text.
    pub message: String,
    /// The offending authorized-range entry, trimmed, when the message is about one entry.
    pub entry: Option<String>,
    /// That entry's position in the comma-separated `ranges` list (0 for the first): the ranges
    /// editor puts the message under that field, even when two fields hold the same text. Not
    /// part of the native command's JSON, which lists messages only.
    #[serde(skip)]
    pub entry_index: Option<usize>,
    /// Who produces the message.
    pub source: MessageSource,
}

impl std::fmt::Display for ValidationMessage {
    /// Only the exact message: the page and graders compare it with what az prints.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl ValidationMessage {
    fn cli(key: &'static str, message: &str) -> Self {
        ValidationMessage {
            key,
            message: message.to_string(),
            entry: None,
            entry_index: None,
            source: MessageSource::Cli,
        }
    }

    /// The message followed by the offending entry, for a banner that points at it.
    pub fn detail(&self) -> String {
        match &self.entry {
            Some(e) => format!("{} (entry `{}`, setting `{}`)", self.message, e, self.key),
            None => format!("{} (setting `{}`)", self.message, self.key),
        }
    }
}

/// Converts range problems into messages (key `ranges`).
pub fn range_messages(parsed: &ParsedRanges<'_>) -> Vec<ValidationMessage> {
    parsed
        .issues()
        .into_iter()
        .map(|issue| ValidationMessage {
            key: "ranges",
            message: issue.problem.message(),
            entry: issue.entry.map(str::to_string),
            entry_index: issue.index,
            source: if issue.problem.is_arm() {
                MessageSource::Arm
            } else {
                MessageSource::Cli
            },
        })
        .collect()
}

/// Every validation message of a scenario, in az's order: the argument validator of
/// `--api-server-authorized-ip-ranges` first (it runs while az parses the command line, before
/// the command itself), then the create-time checks of the az CLI, then ARM's. az stops at the
/// first problem; the widget lists them all, the one az prints first at the top.
///
/// Decisions where no az check exists:
/// * `ranges` with `mode=public` is ignored (the public mode has no filter by definition);
/// * `private` with a mode other than `vnet` is ignored;
/// * `publicfqdn=on` on a public cluster is accepted (it is the default; only
///   `--disable-public-fqdn` has a create-time check).
pub fn validate(s: &Scenario) -> Vec<ValidationMessage> {
    let parsed = s
        .ranges_text()
        .map(|text| ParsedRanges::parse(text, s.max_ranges()));
    validate_parsed(s, parsed.as_ref())
}

/// [`validate`] with the filter's ranges already parsed (`None` when [`Scenario::ranges_text`]
/// is `None`), so that the simulator parses them only once. A private cluster has no filter:
/// the ranges typed for it are parsed here, since az checks them before refusing them all.
pub fn validate_parsed(s: &Scenario, parsed: Option<&ParsedRanges<'_>>) -> Vec<ValidationMessage> {
    let private = s.is_private();
    // `--api-server-authorized-ip-ranges` given (even blank entries) on a private cluster.
    let private_ranges = s.ranges.as_deref().filter(|r| private && !r.is_empty());
    let own = private_ranges.map(|text| ParsedRanges::parse(text, s.max_ranges()));
    let (mut out, arm_ranges): (Vec<_>, Vec<_>) = own
        .as_ref()
        .or(parsed)
        .map(range_messages)
        .unwrap_or_default()
        .into_iter()
        .partition(|m| m.source == MessageSource::Cli);
    if private_ranges.is_some() {
        out.push(ValidationMessage::cli("ranges", MSG_RANGES_PRIVATE));
    }
    if !private {
        if s.dns.is_some() {
            out.push(ValidationMessage::cli("dns", MSG_DNS_PUBLIC));
        }
        if s.public_fqdn == Some(false) {
            out.push(ValidationMessage::cli(
                "publicfqdn",
                MSG_DISABLE_FQDN_PUBLIC,
            ));
        }
    }
    out.extend(arm_ranges);
    if s.dns_zone() == Some(DnsZone::None) && !s.public_fqdn_enabled() {
        out.push(ValidationMessage {
            key: "publicfqdn",
            message: MSG_NONE_NEEDS_PUBLIC_FQDN.to_string(),
            entry: None,
            entry_index: None,
            source: MessageSource::Arm,
        });
    }
    out
}
