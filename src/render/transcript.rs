//! The terminal panel (hook `transcript`): the article's commands and their outputs, for the
//! scenario's cluster and client.
//!
//! Order, as the article tells the story: `az aks show -o table` (which name?), `nslookup`
//! of the name kubectl dials (what does it resolve to?), `az aks show | jq
//! .apiServerAccessProfile` for every mode but public (what is configured?), `jq
//! '.fqdn,.privateFqdn'` for private clusters (which names exist?), then `kubectl get nodes`
//! (does it work?) and, when the konnectivity tunnel is down, `kubectl logs`. Run command
//! replaces kubectl with `az aks command invoke`. An invalid cluster shows `az aks create` and
//! the first error az prints (az stops at the first).
//!
//! Layout decisions, so the golden tests can compare with the article byte for byte:
//! * the prompt is the article's own, `yumemaru@azure:~$ ` (a neutral `$ ` would make every
//!   line differ from what readers saw);
//! * like the article, an `az` command line is followed by an empty line before its output;
//! * one empty line separates commands; the transcript ends with a newline;
//! * kubectl is spelled `kubectl` where the article uses its alias `k`, because readers copy
//!   these lines into shells that have no such alias;
//! * the AGE column is the model's `node_age` (`12m`, the article's first listing; its second
//!   shows `70m` an hour later);
//! * the article's `k config use-context` and `curl ifconfig.me` steps are left out: they do
//!   not depend on the scenario.

use crate::model::dns::resolver_ip;
use crate::model::profile::AccessProfile;
use crate::model::scenario::{ClientKind, Mode, Scenario};
use crate::model::simulate::Analysis;
use crate::model::trace::{EventKind, Outcome, Trace};

use super::az_create::az_create_command;
use super::{access_profile_json, az_show_table, fqdns_json, nslookup, profile_json};

/// The article's shell prompt.
pub const PROMPT: &str = "yumemaru@azure:~$ ";

/// What `az aks command invoke` prints before the command's own output (azure-cli's
/// `_print_command_result`). The timestamps are fixed so the transcript is stable.
pub const RUN_COMMAND_HEADER: &str = "command started at 2023-09-12 08:41:07+00:00, finished at 2023-09-12 08:41:09+00:00 with exitcode=0";

/// One command of the terminal panel and its output, with the animation step from which the
/// page shows it: `nslookup` once the client has its DNS answer, `kubectl`, `kubectl logs` and
/// `az aks command invoke` once the last event is reached, what `az aks show` and `az aks
/// create` say about the cluster from the start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranscriptBlock {
    /// The command line, without the prompt.
    pub command: String,
    /// What it prints (may be empty).
    pub output: String,
    /// The number of trace events shown before the block appears (0: from the start).
    pub shown_from: usize,
}

impl TranscriptBlock {
    /// The block as the terminal prints it: prompt and command, an empty line after an `az`
    /// command line (as in the article), then the output; ends with a newline.
    pub fn text(&self) -> String {
        let gap = if self.command.starts_with("az ") {
            "\n"
        } else {
            ""
        };
        let output = if self.output.is_empty() {
            String::new()
        } else {
            format!("{}\n", self.output)
        };
        format!("{PROMPT}{}\n{gap}{output}", self.command)
    }
}

/// The blocks as one transcript: one empty line between commands.
pub fn render(blocks: &[TranscriptBlock]) -> String {
    blocks
        .iter()
        .map(TranscriptBlock::text)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The transcript for a scenario (simulates it first).
pub fn transcript(s: &Scenario) -> String {
    let a = Analysis::new(s);
    let trace = a.trace(s.client);
    transcript_for(&a, &trace)
}

/// The transcript from an analysis and the trace of the scenario's client, so callers that
/// already simulated (the page, [`HookValues`](super::HookValues)) do not simulate twice.
pub fn transcript_for(a: &Analysis<'_>, trace: &Trace) -> String {
    render(&transcript_blocks(a, trace, None))
}

/// The transcript's blocks, each with the step it waits for (see [`TranscriptBlock`]); pass
/// the scenario's access profile when the caller already has it (with 2,000 authorized ranges,
/// deriving it is a good part of a change's work).
pub fn transcript_blocks(
    a: &Analysis<'_>,
    trace: &Trace,
    profile: Option<&AccessProfile>,
) -> Vec<TranscriptBlock> {
    let s = a.scenario();
    let end = trace.events.len();
    let answered = trace
        .events
        .iter()
        .rposition(|e| e.kind == EventKind::DnsAnswer)
        .map_or(0, |i| i + 1);
    let block = |command: String, output: String, shown_from: usize| TranscriptBlock {
        command,
        output,
        shown_from,
    };
    let c = &s.cluster;
    let (n, g) = (&c.name, &c.resource_group);
    if let Some(first) = trace.validation.first() {
        return vec![block(
            az_create_command(s),
            format!("ERROR: {}", first.message),
            0,
        )];
    }
    let mut blocks = vec![block(
        format!("az aks show -n {n} -g {g} -o table"),
        az_show_table(s, a.names()),
        0,
    )];
    if let Some(name) = trace.server_name.as_deref() {
        blocks.push(block(
            format!("nslookup {name}"),
            nslookup(name, resolver_ip(a, s.client), trace.dns_answer),
            answered,
        ));
    }
    if s.mode != Mode::Public {
        blocks.push(block(
            format!("az aks show -n {n} -g {g} | jq .apiServerAccessProfile"),
            profile.map_or_else(|| access_profile_json(s), profile_json),
            0,
        ));
    }
    if s.is_private() {
        blocks.push(block(
            format!("az aks show -n {n} -g {g} | jq '.fqdn,.privateFqdn'"),
            fqdns_json(a.names()),
            0,
        ));
    }
    if s.client == ClientKind::RunCommand {
        let output = if trace.outcome == Outcome::Success {
            format!("{RUN_COMMAND_HEADER}\n{}", trace.kubectl_output)
        } else {
            trace.kubectl_output.clone()
        };
        blocks.push(block(
            format!("az aks command invoke -n {n} -g {g} --command \"kubectl get nodes\""),
            output,
            end,
        ));
    } else {
        blocks.push(block(
            "kubectl get nodes".to_string(),
            trace.kubectl_output.clone(),
            end,
        ));
    }
    if let Some(logs) = &trace.kubectl_logs_output {
        blocks.push(block("kubectl logs web".to_string(), logs.clone(), end));
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scenario::DnsZone;

    use crate::fixtures::named;

    const TABLE1: &str = "\
Name          Location    ResourceGroup    KubernetesVersion    CurrentKubernetesVersion    ProvisioningState    Fqdn
------------  ----------  ---------------  -------------------  --------------------------  -------------------  ----------------------------------------------------------
aks-ntwdemo1  eastus      aksntwdemo       1.26.6               1.26.6                      Succeeded            aks-ntwdem-aksntwdemo-16e85b-6t70z79x.hcp.eastus.azmk8s.io
";

    const NSLOOKUP1: &str = "\
yumemaru@azure:~$ nslookup aks-ntwdem-aksntwdemo-16e85b-6t70z79x.hcp.eastus.azmk8s.io
Server:\t\t127.0.0.53
Address:\t127.0.0.53#53

Non-authoritative answer:
Name:\taks-ntwdem-aksntwdemo-16e85b-6t70z79x.hcp.eastus.azmk8s.io
Address: 52.226.4.150
";

    /// Section 2.2 of the article: aks-ntwdemo1, public, from the author's machine.
    #[test]
    fn article_public_transcript() {
        let expected = format!(
            "yumemaru@azure:~$ az aks show -n aks-ntwdemo1 -g aksntwdemo -o table\n\n{TABLE1}\n{NSLOOKUP1}\nyumemaru@azure:~$ kubectl get nodes\nNAME                                STATUS   ROLES   AGE   VERSION\naks-nodepool1-13348451-vmss000004   Ready    agent   12m   v1.26.6\n"
        );
        assert_eq!(transcript(&named("aks-ntwdemo1")), expected);
    }

    /// Section 2.2 with the accept list `1.1.1.1/32`: the laptop times out.
    #[test]
    fn article_authorized_transcript() {
        let mut s = named("aks-ntwdemo1");
        s.mode = Mode::Authorized;
        s.ranges = Some("1.1.1.1/32".into());
        let expected = format!(
            "yumemaru@azure:~$ az aks show -n aks-ntwdemo1 -g aksntwdemo -o table\n\n{TABLE1}\n{NSLOOKUP1}\nyumemaru@azure:~$ az aks show -n aks-ntwdemo1 -g aksntwdemo | jq .apiServerAccessProfile\n\n{{\n  \"authorizedIpRanges\": [\n    \"1.1.1.1/32\"\n  ],\n  \"disableRunCommand\": null,\n  \"enablePrivateCluster\": null,\n  \"enablePrivateClusterPublicFqdn\": null,\n  \"enableVnetIntegration\": null,\n  \"privateDnsZone\": null,\n  \"subnetId\": null\n}}\n\nyumemaru@azure:~$ kubectl get nodes\nUnable to connect to the server: dial tcp 52.226.4.150:443: i/o timeout\n"
        );
        assert_eq!(transcript(&s), expected);
    }

    /// Section 2.3: aks-ntwdemo2, private with the `none` zone; nslookup answers the private IP.
    #[test]
    fn article_private_none_blocks() {
        let mut s = named("aks-ntwdemo2");
        s.mode = Mode::Private;
        s.dns = Some(DnsZone::None);
        let t = transcript(&s);
        let article = [
            "yumemaru@azure:~$ az aks show -n aks-ntwdemo2 -g aksntwdemo -o table\n\nName          Location    ResourceGroup    KubernetesVersion    CurrentKubernetesVersion    ProvisioningState    Fqdn\n------------  ----------  ---------------  -------------------  --------------------------  -------------------  ----------------------------------------------------------\naks-ntwdemo2  eastus      aksntwdemo       1.26.6               1.26.6                      Succeeded            aks-ntwdem-aksntwdemo-16e85b-t0xkxtuj.hcp.eastus.azmk8s.io\n",
            "yumemaru@azure:~$ az aks show -n aks-ntwdemo2 -g aksntwdemo | jq .apiServerAccessProfile\n\n{\n  \"authorizedIpRanges\": null,\n  \"disableRunCommand\": null,\n  \"enablePrivateCluster\": true,\n  \"enablePrivateClusterPublicFqdn\": true,\n  \"enableVnetIntegration\": null,\n  \"privateDnsZone\": \"none\",\n  \"subnetId\": null\n}\n",
            "yumemaru@azure:~$ nslookup aks-ntwdem-aksntwdemo-16e85b-t0xkxtuj.hcp.eastus.azmk8s.io\nServer:\t\t127.0.0.53\nAddress:\t127.0.0.53#53\n\nNon-authoritative answer:\nName:\taks-ntwdem-aksntwdemo-16e85b-t0xkxtuj.hcp.eastus.azmk8s.io\nAddress: 10.224.0.4\n",
            "yumemaru@azure:~$ az aks show -n aks-ntwdemo2 -g aksntwdemo | jq '.fqdn,.privateFqdn'\n\n\"aks-ntwdem-aksntwdemo-16e85b-t0xkxtuj.hcp.eastus.azmk8s.io\"\n\"aks-ntwdem-aksntwdemo-16e85b-t0xkxtuj.hcp.eastus.azmk8s.io\"\n",
        ];
        for block in article {
            assert!(t.contains(block), "missing block:\n{block}\nin:\n{t}");
        }
        assert!(t.ends_with("yumemaru@azure:~$ kubectl get nodes\nUnable to connect to the server: dial tcp 10.224.0.4:443: i/o timeout\n"));
    }

    /// Section 2.3: aks-ntwdemo11, private with a system zone; from the laptop the private FQDN
    /// does not resolve.
    #[test]
    fn article_private_system_blocks() {
        let mut s = named("aks-ntwdemo11");
        s.mode = Mode::Private;
        let t = transcript(&s);
        let private = "aks-ntwdem-aksntwdemo-16e85b-zkdf7afu.3b7ca984-03df-44f2-bfb3-e2234ff2c58f.privatelink.eastus.azmk8s.io";
        assert!(t.contains(&format!(
            "| jq '.fqdn,.privateFqdn'\n\n\"aks-ntwdem-aksntwdemo-16e85b-1ulw5vjo.hcp.eastus.azmk8s.io\"\n\"{private}\"\n"
        )));
        assert!(t.contains(&format!(
            "yumemaru@azure:~$ nslookup {private}\nServer:\t\t127.0.0.53\nAddress:\t127.0.0.53#53\n\n** server can't find {private}: NXDOMAIN\n"
        )));
        assert!(t.contains(&format!(
            "lookup {private} on 127.0.0.53:53: no such host\n"
        )));
    }

    #[test]
    fn invalid_cluster_shows_the_create_error() {
        let s = Scenario {
            mode: Mode::Private,
            ranges: Some("1.1.1.1/32".into()),
            ..Scenario::default()
        };
        assert_eq!(
            transcript(&s),
            "yumemaru@azure:~$ az aks create -n aks-ntwdemo1 -g aksntwdemo --enable-private-cluster --api-server-authorized-ip-ranges 1.1.1.1/32 --node-count 1 --network-plugin azure --network-plugin-mode overlay --pod-cidr 10.244.0.0/16 --service-cidr 10.0.0.0/16 --dns-service-ip 10.0.0.10\n\nERROR: --api-server-authorized-ip-ranges is not supported for private cluster\n"
        );
    }

    #[test]
    fn run_command_and_vnet_node() {
        let s = Scenario {
            client: ClientKind::RunCommand,
            ..Scenario::default()
        };
        let t = transcript(&s);
        assert!(!t.contains("nslookup"));
        assert!(t.contains("--command \"kubectl get nodes\"\n\ncommand started at"));
        let s = Scenario {
            mode: Mode::Vnet,
            client: ClientKind::Node,
            ..Scenario::default()
        };
        assert!(!transcript(&s).contains("nslookup"));
    }
}
