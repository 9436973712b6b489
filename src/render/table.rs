//! `az aks show -n <name> -g <rg> -o table`, laid out as the az CLI lays it out.
//!
//! The az CLI turns the cluster into one row with its table transformer
//! (`name, location, resourceGroup, kubernetesVersion, currentKubernetesVersion,
//! provisioningState, fqdn: fqdn || privateFqdn`), capitalises the keys for the header and
//! hands the row to `tabulate` (format "simple"): every column is as wide as its widest value
//! or its header plus two (tabulate's minimum padding), whichever is larger; columns are
//! separated by two spaces; a line of dashes sits under the header. That is why the article's
//! `Location` column is 10 wide (`eastus` is shorter than `Location` + 2) while `Name` is
//! exactly as wide as `aks-ntwdemo1`. Trailing spaces are trimmed, as in the article.

use crate::model::names::Names;
use crate::model::scenario::Scenario;

/// tabulate's `MIN_PADDING` for headers.
const HEADER_PADDING: usize = 2;

/// The table, without a trailing newline.
///
/// `Fqdn` is `fqdn || privateFqdn`: a private cluster with `--disable-public-fqdn` shows its
/// private FQDN there. `ProvisioningState` is always `Succeeded`: the widget shows clusters that
/// exist (an invalid one never reaches `az aks show`).
pub fn az_show_table(s: &Scenario, names: &Names) -> String {
    let c = &s.cluster;
    let fqdn = names
        .fqdn
        .as_deref()
        .or(names.private_fqdn.as_deref())
        .unwrap_or("");
    let headers = [
        "Name",
        "Location",
        "ResourceGroup",
        "KubernetesVersion",
        "CurrentKubernetesVersion",
        "ProvisioningState",
        "Fqdn",
    ];
    let row = [
        c.name.as_str(),
        c.region.as_str(),
        c.resource_group.as_str(),
        c.kubernetes_version.as_str(),
        c.kubernetes_version.as_str(),
        "Succeeded",
        fqdn,
    ];
    let widths: Vec<usize> = headers
        .iter()
        .zip(row.iter())
        .map(|(h, v)| (h.chars().count() + HEADER_PADDING).max(v.chars().count()))
        .collect();
    let dashes: Vec<String> = widths.iter().map(|&w| "-".repeat(w)).collect();
    let dash_refs: Vec<&str> = dashes.iter().map(String::as_str).collect();
    [
        line(&headers, &widths),
        line(&dash_refs, &widths),
        line(&row, &widths),
    ]
    .join("\n")
}

/// One line: cells left-aligned and padded to their column, two spaces apart, right-trimmed.
fn line(cells: &[&str], widths: &[usize]) -> String {
    let mut out = String::new();
    for (i, (cell, &width)) in cells.iter().zip(widths).enumerate() {
        if i > 0 {
            out.push_str("  ");
        }
        out.push_str(cell);
        for _ in cell.chars().count()..width {
            out.push(' ');
        }
    }
    out.truncate(out.trim_end().len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scenario::{DnsZone, Mode};

    fn cluster(name: &str) -> Scenario {
        let mut s = Scenario::default();
        s.cluster.name = name.to_string();
        s
    }

    /// The article's table for aks-ntwdemo1 (public), byte for byte.
    #[test]
    fn article_public_cluster() {
        let s = cluster("aks-ntwdemo1");
        let expected = "\
Name          Location    ResourceGroup    KubernetesVersion    CurrentKubernetesVersion    ProvisioningState    Fqdn
------------  ----------  ---------------  -------------------  --------------------------  -------------------  ----------------------------------------------------------
aks-ntwdemo1  eastus      aksntwdemo       1.26.6               1.26.6                      Succeeded            aks-ntwdem-aksntwdemo-16e85b-6t70z79x.hcp.eastus.azmk8s.io";
        assert_eq!(az_show_table(&s, &Names::for_scenario(&s)), expected);
    }

    /// The article's table for aks-ntwdemo2 (private, `none` zone), byte for byte.
    #[test]
    fn article_private_none_cluster() {
        let mut s = cluster("aks-ntwdemo2");
        s.mode = Mode::Private;
        s.dns = Some(DnsZone::None);
        let expected = "\
Name          Location    ResourceGroup    KubernetesVersion    CurrentKubernetesVersion    ProvisioningState    Fqdn
------------  ----------  ---------------  -------------------  --------------------------  -------------------  ----------------------------------------------------------
aks-ntwdemo2  eastus      aksntwdemo       1.26.6               1.26.6                      Succeeded            aks-ntwdem-aksntwdemo-16e85b-t0xkxtuj.hcp.eastus.azmk8s.io";
        assert_eq!(az_show_table(&s, &Names::for_scenario(&s)), expected);
    }

    #[test]
    fn disabled_public_fqdn_shows_the_private_fqdn() {
        let mut s = cluster("aks-ntwdemo11");
        s.mode = Mode::Private;
        s.public_fqdn = Some(false);
        let table = az_show_table(&s, &Names::for_scenario(&s));
        assert!(table.ends_with(
            "aks-ntwdem-aksntwdemo-16e85b-zkdf7afu.3b7ca984-03df-44f2-bfb3-e2234ff2c58f.privatelink.eastus.azmk8s.io"
        ));
    }

    #[test]
    fn short_values_are_padded_to_header_plus_two() {
        let mut s = cluster("a");
        s.cluster.resource_group = "r".into();
        let table = az_show_table(&s, &Names::for_scenario(&s));
        let dashes = table.lines().nth(1).unwrap_or_default();
        assert!(dashes.starts_with("------  ----------  "));
        assert!(table.lines().all(|l| l == l.trim_end()));
    }
}
