//! Reading a real cluster's JSON and turning it into a [`Scenario`]: the page's `import-json`
//! textarea and the native `aks-netviz import` both use it, so a reader can paste their own
//! `az aks show` output and see their cluster's access mode.
//!
//! Accepted (docs/aks-facts.md §6):
//! * what `az aks show` prints (camelCase keys: `authorizedIpRanges`, `privateDnsZone`,
//!   `enablePrivateClusterPublicFqdn`, `privateFqdn`…);
//! * an ARM `Microsoft.ContainerService/managedClusters` resource (`properties.…`, ARM casing:
//!   `authorizedIPRanges`, `privateDNSZone`, `enablePrivateClusterPublicFQDN`, `privateFQDN`…);
//! * the bare `apiServerAccessProfile` object, as `az aks show | jq .apiServerAccessProfile`
//!   prints it — including `null`, what jq prints for a plain public cluster.
//!
//! Keys are matched without regard to ASCII case, so both casings work, even mixed in one
//! document. Unknown fields are ignored. A profile that is `null` or missing means a public
//! cluster. Known fields with the wrong JSON type, and anything that is not one of the three
//! shapes, are refused with a message saying what was expected; no input panics.
//!
//! The mapping (`apply`): `enablePrivateCluster` → `mode=private` (or `mode=vnet&private=on`
//! with `enableVnetIntegration`), `enableVnetIntegration` alone → `mode=vnet`, a non-empty
//! `authorizedIpRanges` → `mode=authorized` (entries joined with commas exactly as typed, so a
//! masked `81.xxx.yyy.zzz/32` stays and the model's validation reports it), otherwise
//! `public`; `privateDnsZone` → `dns` (`system`, `none`, a zone resource id → `byo`);
//! `enablePrivateClusterPublicFqdn` → `publicfqdn`; `disableRunCommand` → `runcommand`;
//! `networkProfile.outboundType` → `egress` (`userAssignedNATGateway` with a note: the widget draws
//! the AKS-managed NAT gateway); `name`, `resourceGroup`, `location`,
//! `kubernetesVersion` and the subscription in `id` → the cluster.

mod apply;
mod detect;
mod json;

use crate::model::scenario::Scenario;

pub use detect::SourceKind;

/// What every refusal starts with: the three shapes the importer understands.
pub const EXPECTED: &str = "expected the JSON that `az aks show` prints, an ARM managedClusters resource, or its apiServerAccessProfile object";

/// Why a document was refused; the message says what was expected and what was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// The whole message, ready to show.
    pub message: String,
}

impl ImportError {
    /// `EXPECTED; got <what>`.
    pub(crate) fn got(what: impl std::fmt::Display) -> ImportError {
        ImportError {
            message: format!("{EXPECTED}; got {what}"),
        }
    }

    /// A known field with a value of the wrong type or form.
    pub(crate) fn field(path: &str, expected: &str, got: impl std::fmt::Display) -> ImportError {
        ImportError {
            message: format!("in `{path}`: expected {expected}; got {got}"),
        }
    }
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ImportError {}

/// An imported cluster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// The scenario reproducing the cluster's access mode.
    pub scenario: Scenario,
    /// Which of the three shapes the document was.
    pub kind: SourceKind,
    /// `dnsPrefix` as found. The model derives names from the cluster's identity, so this is
    /// for display only.
    pub dns_prefix: Option<String>,
    /// `fqdn` as found.
    pub fqdn: Option<String>,
    /// `privateFqdn` / `privateFQDN` as found.
    pub private_fqdn: Option<String>,
    /// What was read but could not be represented (an unknown outbound type, an invalid
    /// cluster name...), in words.
    pub notes: Vec<String>,
}

/// Imports a document onto the default scenario.
pub fn import(input: &[u8]) -> Result<Imported, ImportError> {
    import_onto(&Scenario::default(), input)
}

/// Imports a document onto `base`: the access settings (mode, zone, public FQDN, ranges, run
/// command) are replaced, the cluster's identity and egress only when the document has them,
/// and the client-side settings (client, laptop IP, zone link, forwarder, kubeconfig) are kept,
/// so the page can switch to the pasted cluster without losing the reader's viewpoint.
pub fn import_onto(base: &Scenario, input: &[u8]) -> Result<Imported, ImportError> {
    let text = std::str::from_utf8(input)
        .map_err(|e| ImportError::got(format!("bytes that are not UTF-8 text ({e})")))?;
    import_text_onto(base, text)
}

/// [`import_onto`] for text.
pub fn import_text_onto(base: &Scenario, text: &str) -> Result<Imported, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value = json::parse(text)?;
    let doc = detect::detect(&value)?;
    apply::apply(base, &doc)
}

#[cfg(test)]
mod tests;
