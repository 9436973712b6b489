//! Every test-hook value of `docs/contract.md` for one scenario, computed in one place so that the
//! page (which writes them into `data-testid` elements) and the native command (which prints
//! them as JSON) can never disagree.

use std::rc::Rc;

use serde::Serialize;

use super::az_create;
use super::transcript::{render, transcript_blocks, TranscriptBlock};
use crate::model::profile::AccessProfile;
use crate::model::scenario::Scenario;
use crate::model::simulate::Analysis;
use crate::model::trace::{DnsAnswer, NodeStatus, Note, Outcome, PathStep, Trace, Tunnel};

/// The hook values; serialised field by field as the native command's JSON object (keys as in
/// `docs/contract.md`, plus `summary`, the `outcome` hook's text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HookValues {
    /// `outcome` (`data-outcome`): `success`, `timeout`, `nxdomain`, `invalid`, `denied`.
    pub outcome: Outcome,
    /// The `outcome` hook's text: a one-line human summary.
    pub summary: String,
    /// `dns-answer`: an address, `NXDOMAIN`, or `none`.
    pub dns_answer: DnsAnswer,
    /// `kubectl-output`: exactly what `kubectl get nodes` prints.
    pub kubectl_output: String,
    /// `path`: `{hop, verdict}` in order.
    pub path: Vec<PathStep>,
    /// `tunnel` (`data-tunnel`): `konnectivity`, `direct`, `down`.
    pub tunnel: Tunnel,
    /// `why`: the blocking component and the fix; `null` on success.
    pub why: Option<String>,
    /// `validation`: the az / ARM messages, empty when the cluster is valid.
    pub validation: Vec<String>,
    /// `access-profile`: the `apiServerAccessProfile` object as `az aks show` prints it.
    pub access_profile: AccessProfile,
    /// `az-command`: the commands that build the cluster, ending with `az aks create`, with
    /// comment lines above it (Kubernetes version; why the create fails when it would).
    pub az_command: String,
    /// `transcript`: the terminal panel.
    pub transcript: String,
    /// The same transcript as commands, each with the step the page shows it from (not part
    /// of the native command's JSON, which carries `transcript`).
    #[serde(skip)]
    pub transcript_blocks: Rc<[TranscriptBlock]>,
    /// `node-status` (`data-node`): the node as `kubectl get nodes` lists it and the connection
    /// that decides it.
    pub node_status: NodeStatus,
    /// `notes`: settings that have no effect in this scenario, with the key to change.
    pub notes: Vec<Note>,
    /// True when no source confirms `kubectl_output` word for word (the page labels it).
    pub output_illustrative: bool,
}

impl HookValues {
    /// Simulates the scenario's client and collects every hook value.
    pub fn for_scenario(s: &Scenario) -> HookValues {
        let a = Analysis::new(s);
        let trace = a.trace(s.client);
        HookValues::from_trace(&a, &trace)
    }

    /// The hook values from an analysis and its client's trace (for callers that keep the
    /// trace, like the page's animation).
    pub fn from_trace(a: &Analysis<'_>, trace: &Trace) -> HookValues {
        let s = a.scenario();
        let access_profile = s.access_profile_with(a.ranges());
        let blocks = transcript_blocks(a, trace, Some(&access_profile));
        HookValues {
            outcome: trace.outcome,
            summary: trace.summary.clone(),
            dns_answer: trace.dns_answer,
            kubectl_output: trace.kubectl_output.clone(),
            path: trace.path.clone(),
            tunnel: trace.tunnel,
            why: trace.why.clone(),
            validation: trace.validation.iter().map(|m| m.message.clone()).collect(),
            transcript: render(&blocks),
            transcript_blocks: blocks.into(),
            access_profile,
            az_command: az_create(s),
            node_status: trace.node_status.clone(),
            notes: trace.notes.clone(),
            output_illustrative: trace.output_illustrative,
        }
    }

    /// Pretty JSON (two-space indent), as the native command prints it.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self)
            .unwrap_or_else(|e| serde_json::json!({ "error": e.to_string() }).to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_has_the_contract_keys() {
        let v: serde_json::Value =
            serde_json::from_str(&HookValues::for_scenario(&Scenario::default()).to_json_pretty())
                .unwrap_or_default();
        for key in [
            "outcome",
            "dns_answer",
            "kubectl_output",
            "path",
            "tunnel",
            "why",
            "validation",
            "access_profile",
            "az_command",
            "transcript",
            "node_status",
            "notes",
        ] {
            assert!(v.get(key).is_some(), "missing {key}");
        }
        assert_eq!(v["outcome"], "success");
        assert_eq!(v["dns_answer"], "52.226.4.150");
        assert_eq!(v["why"], serde_json::Value::Null);
        assert!(v["path"][0]["hop"].is_string());
        assert!(v["path"][0]["verdict"].is_string());
        assert!(v["access_profile"].is_object());
    }
}
