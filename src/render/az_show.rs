//! A trimmed `az aks show` document for a scenario: the fields this widget is about.
//!
//! Why: readers compare it with their own cluster's output, and the importer's round-trip
//! tests feed it back (`import(az_show_json(s))` must give the same access mode). Keys are in
//! alphabetical order with two-space indentation, as `az` prints JSON. Fields the widget does
//! not model (agent pools, identities, add-ons...) are left out rather than invented.

use serde_json::json;

use super::resources::{cluster_cidrs, outbound_type, NETWORK_PLUGIN, NETWORK_PLUGIN_MODE};
use crate::model::names::Names;
use crate::model::scenario::Scenario;

/// The document, without a trailing newline.
pub fn az_show_json(s: &Scenario) -> String {
    let c = &s.cluster;
    let names = Names::for_scenario(s);
    let profile = serde_json::to_value(s.access_profile()).unwrap_or(serde_json::Value::Null);
    let [pod, service, dns] = cluster_cidrs(s);
    let id = format!(
        "/subscriptions/{}/resourcegroups/{}/providers/Microsoft.ContainerService/managedClusters/{}",
        c.subscription_id, c.resource_group, c.name
    );
    // Keys written in alphabetical order, so the output is sorted whether or not serde_json's
    // `preserve_order` feature is switched on by another dependency.
    let doc = json!({
        "apiServerAccessProfile": profile,
        "azurePortalFqdn": names.azure_portal_fqdn,
        "currentKubernetesVersion": c.kubernetes_version,
        "dnsPrefix": names.dns_prefix,
        "fqdn": names.fqdn,
        "fqdnSubdomain": null,
        "id": id,
        "kubernetesVersion": c.kubernetes_version,
        "location": c.region,
        "name": c.name,
        "networkProfile": {
            "dnsServiceIp": dns,
            "loadBalancerSku": "standard",
            "networkPlugin": NETWORK_PLUGIN,
            "networkPluginMode": NETWORK_PLUGIN_MODE,
            "outboundType": outbound_type(s.egress),
            "podCidr": pod,
            "serviceCidr": service,
        },
        "nodeResourceGroup": c.node_resource_group(),
        "privateFqdn": names.private_fqdn,
        "provisioningState": "Succeeded",
        "resourceGroup": c.resource_group,
        "type": "Microsoft.ContainerService/ManagedClusters",
    });
    serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "null".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_sorted_and_profile_is_embedded() {
        let text = az_show_json(&Scenario::default());
        let keys: Vec<&str> = text
            .lines()
            .filter(|l| l.starts_with("  \"") && !l.starts_with("   "))
            .filter_map(|l| l.trim().split('"').nth(1))
            .collect();
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        assert_eq!(keys, sorted);
        assert!(text.contains("\"enablePrivateCluster\": null"));
        assert!(text.contains("\"outboundType\": \"loadBalancer\""));
    }
}
