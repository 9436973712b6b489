//! Which of the three accepted shapes a JSON value is, and where its fields are.

use serde_json::Value;

use super::json::{describe, get, has, Reader};
use super::ImportError;

/// The shape of an imported document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// `az aks show` output: cluster fields at the top level.
    AzShow,
    /// An ARM resource: cluster fields under `properties`.
    ArmResource,
    /// The bare `apiServerAccessProfile` object (or `null`).
    AccessProfile,
}

impl SourceKind {
    /// In words, for messages (same as [`SourceKind::describe`]).
    pub fn as_str(self) -> &'static str {
        self.describe()
    }

    /// In words, for messages ("az aks show output"...).
    pub fn describe(self) -> &'static str {
        match self {
            SourceKind::AzShow => "az aks show output",
            SourceKind::ArmResource => "ARM managedClusters resource",
            SourceKind::AccessProfile => "apiServerAccessProfile object",
        }
    }
}

/// Keys of `apiServerAccessProfile` (either casing matches, see `json::get`).
pub const PROFILE_KEYS: &[&str] = &[
    "authorizedIpRanges",
    "disableRunCommand",
    "enablePrivateCluster",
    "enablePrivateClusterPublicFqdn",
    "enableVnetIntegration",
    "privateDnsZone",
    "subnetId",
];

/// Keys only a whole cluster has (`az aks show` top level, or ARM `properties`).
pub const CLUSTER_KEYS: &[&str] = &[
    "apiServerAccessProfile",
    "fqdn",
    "privateFqdn",
    "azurePortalFqdn",
    "dnsPrefix",
    "fqdnSubdomain",
    "networkProfile",
    "agentPoolProfiles",
    "kubernetesVersion",
    "currentKubernetesVersion",
    "provisioningState",
    "nodeResourceGroup",
];

/// A recognised document: where to read cluster fields (in order) and the access profile.
pub struct Doc<'a> {
    /// The shape.
    pub kind: SourceKind,
    /// Objects holding cluster fields, most specific first (ARM: `properties`, then the top).
    pub fields: Vec<Reader<'a>>,
    /// The access profile; `None` when `null` or missing (a public cluster).
    pub profile: Option<Reader<'a>>,
}

/// Recognises the shape of `value`.
pub fn detect(value: &Value) -> Result<Doc<'_>, ImportError> {
    let obj = match value {
        Value::Object(o) => o,
        // What `jq .apiServerAccessProfile` prints for a plain public cluster.
        Value::Null => {
            return Ok(Doc {
                kind: SourceKind::AccessProfile,
                fields: Vec::new(),
                profile: None,
            })
        }
        Value::Array(items) => {
            return Err(ImportError::got(format!(
                "an array of {} item(s) (`az aks list` prints an array; import one cluster, e.g. `az aks show -n <name> -g <rg>` or `jq '.[0]'`)",
                items.len()
            )))
        }
        other => return Err(ImportError::got(describe(other))),
    };
    let top = Reader::new(obj, "");
    if let Some(Value::Object(props)) = get(obj, "properties") {
        let props = Reader::new(props, "properties");
        let profile = match props.object("apiServerAccessProfile")? {
            Some(p) => Some(p),
            None => top.object("apiServerAccessProfile")?,
        };
        return Ok(Doc {
            kind: SourceKind::ArmResource,
            fields: vec![props, Reader::new(obj, "")],
            profile,
        });
    }
    if let Some(bad) = get(obj, "properties").filter(|v| !v.is_null()) {
        if !CLUSTER_KEYS.iter().any(|k| has(obj, k)) {
            return Err(ImportError::field(
                "properties",
                "an object (an ARM resource's properties)",
                describe(bad),
            ));
        }
    }
    if CLUSTER_KEYS.iter().any(|k| has(obj, k)) {
        let profile = top.object("apiServerAccessProfile")?;
        return Ok(Doc {
            kind: SourceKind::AzShow,
            fields: vec![top],
            profile,
        });
    }
    if PROFILE_KEYS.iter().any(|k| has(obj, k)) {
        return Ok(Doc {
            kind: SourceKind::AccessProfile,
            fields: Vec::new(),
            profile: Some(top),
        });
    }
    if obj.is_empty() {
        return Err(ImportError::got("an empty object"));
    }
    let keys: Vec<&str> = obj.keys().take(8).map(String::as_str).collect();
    let more = if obj.len() > keys.len() { ", …" } else { "" };
    Err(ImportError::got(format!(
        "an object with none of their keys (found: {}{more})",
        keys.join(", ")
    )))
}
