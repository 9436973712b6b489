//! The exact text `kubectl` (and `az aks command invoke`) print, as in the article.
//!
//! Readers compare the widget's terminal with their own, so the texts are byte-exact:
//! kubectl's table is laid out like Go's tabwriter (each column as wide as its widest cell plus
//! three spaces, the last column unpadded), and error lines are Go's `net` errors.

use std::net::Ipv4Addr;

use super::cluster::Cluster;

/// The provisioning error `az aks create` reports when the nodes cannot reach the API server
/// during bootstrap (the CSE exits with status 51), for example when authorized ranges omit
/// the NAT gateway's or firewall's egress IP.
pub const BOOTSTRAP_CONN_FAIL: &str = "VMExtensionError_K8SAPIServerConnFail";

/// The node bootstrap script's exit status for [`BOOTSTRAP_CONN_FAIL`].
pub const BOOTSTRAP_CONN_FAIL_EXIT: u8 = 51;

/// `kubectl get nodes` listing the cluster's node, `Ready` or `NotReady`.
///
/// With the article's node this is exactly
/// `NAME                                STATUS   ROLES   AGE   VERSION` followed by the node
/// row.
pub fn get_nodes(cluster: &Cluster, ready: bool) -> String {
    let status = if ready { "Ready" } else { "NotReady" };
    let version = format!("v{}", cluster.kubernetes_version);
    let header = ["NAME", "STATUS", "ROLES", "AGE", "VERSION"];
    let row = [
        cluster.node_name.as_str(),
        status,
        "agent",
        cluster.node_age.as_str(),
        &version,
    ];
    let widths: Vec<usize> = (0..header.len())
        .map(|col| header[col].len().max(row[col].len()) + 3)
        .collect();
    let line = |cells: &[&str]| {
        let mut out = String::new();
        for (col, cell) in cells.iter().enumerate() {
            out.push_str(cell);
            if col + 1 < cells.len() {
                out.push_str(&" ".repeat(widths[col] - cell.len()));
            }
        }
        out
    };
    format!("{}\n{}", line(&header), line(&row))
}

/// Blocked or unroutable: the SYN is dropped and Go's dialer gives up.
pub fn timeout(ip: Ipv4Addr) -> String {
    format!("Unable to connect to the server: dial tcp {ip}:443: i/o timeout")
}

/// The name did not resolve; `resolver` is the address in the client's `resolv.conf`.
pub fn no_such_host(name: &str, resolver: Ipv4Addr) -> String {
    format!(
        "Unable to connect to the server: dial tcp: lookup {name} on {resolver}:53: no such host"
    )
}

/// `kubectl logs` when the API server cannot reach the kubelet (konnectivity tunnel down): the
/// API server dials the node by name on 10250, and the dial to its address times out
/// (docs/model.md section 4). The pod is the article's sample `default/web`.
pub fn logs_timeout(cluster: &Cluster) -> String {
    format!("Error from server: Get \"https://{}:10250/containerLogs/default/web/web\": dial tcp {}:10250: i/o timeout", cluster.node_name, cluster.addresses.node_ip)
}

/// What `az aks command invoke` prints when its `command-<id>` pod never starts (every node is
/// NotReady, so nothing runs it) and the call gives up.
///
/// ILLUSTRATIVE: no source gives the real text; the page labels it so
/// ([`crate::model::Trace::output_illustrative`]).
pub fn run_command_timeout() -> String {
    "(Timeout) The command pod in namespace aks-command did not start: no Ready node could run it.\nCode: Timeout\nMessage: The command pod in namespace aks-command did not start: no Ready node could run it.".to_string()
}

/// What `az aks command invoke` prints when `disableRunCommand` is true.
///
/// ILLUSTRATIVE: no source gives the real text (docs/aks-facts.md: "Error text returned when
/// invoking on a disabled cluster: UNCONFIRMED"). This is a plausible message in the az CLI's
/// usual `(Code) Message` shape for ARM errors, and the page labels it as illustrative.
pub fn run_command_disabled() -> String {
    "(OperationNotAllowed) Run command is disabled for this managed cluster (apiServerAccessProfile.disableRunCommand is true).\nCode: OperationNotAllowed\nMessage: Run command is disabled for this managed cluster (apiServerAccessProfile.disableRunCommand is true).".to_string()
}
