//! What the article pipes through `jq`: `jq .apiServerAccessProfile` and `jq '.fqdn,.privateFqdn'`.
//!
//! The access profile comes from the model ([`Scenario::access_profile`]) and is printed here
//! ([`profile_json`]): keys in alphabetical order as `az` prints them, two-space indentation as
//! jq prints them, unset fields as `null`.

use crate::model::names::Names;
use crate::model::profile::AccessProfile;
use crate::model::scenario::Scenario;

/// `az aks show -n <name> -g <rg> | jq .apiServerAccessProfile`, without a trailing newline.
pub fn access_profile_json(s: &Scenario) -> String {
    profile_json(&s.access_profile())
}

/// An access profile as pretty JSON with two-space indentation, like
/// `az aks show | jq .apiServerAccessProfile`.
pub fn profile_json(profile: &AccessProfile) -> String {
    serde_json::to_string_pretty(profile).unwrap_or_else(|_| "null".to_string())
}

/// `az aks show -n <name> -g <rg> | jq '.fqdn,.privateFqdn'`: one JSON value per line.
///
/// jq prints `null` for a null or missing key, so a public cluster prints its FQDN and then
/// `null`. Decision: the article's public-cluster transcript shows only the FQDN line (its
/// `null` was lost when the post was edited); the widget prints what jq really prints.
pub fn fqdns_json(names: &Names) -> String {
    [names.fqdn.as_deref(), names.private_fqdn.as_deref()]
        .iter()
        .map(|v| match v {
            Some(name) => serde_json::Value::String((*name).to_string()).to_string(),
            None => "null".to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scenario::{DnsZone, Mode};

    use crate::fixtures::{named, ARTICLE_AUTHORIZED_PROFILE, ARTICLE_PRIVATE_NONE_PROFILE};

    /// The article's profile after `--api-server-authorized-ip-ranges 1.1.1.1/32`.
    #[test]
    fn article_authorized_profile() {
        let mut s = named("aks-ntwdemo1");
        s.mode = Mode::Authorized;
        s.ranges = Some("1.1.1.1/32".into());
        assert_eq!(access_profile_json(&s), ARTICLE_AUTHORIZED_PROFILE);
    }

    /// The article's masked second profile: the placeholder is echoed back with `/32`.
    #[test]
    fn article_masked_profile() {
        let mut s = named("aks-ntwdemo1");
        s.mode = Mode::Authorized;
        s.ranges = Some("81.xxx.yyy.zzz".into());
        assert!(access_profile_json(&s).contains("\"81.xxx.yyy.zzz/32\""));
    }

    /// The article's aks-ntwdemo2 profile (private, `none` zone).
    #[test]
    fn article_private_none_profile() {
        let mut s = named("aks-ntwdemo2");
        s.mode = Mode::Private;
        s.dns = Some(DnsZone::None);
        assert_eq!(access_profile_json(&s), ARTICLE_PRIVATE_NONE_PROFILE);
    }

    #[test]
    fn article_fqdns() {
        let mut s = named("aks-ntwdemo11");
        s.mode = Mode::Private;
        assert_eq!(
            fqdns_json(&Names::for_scenario(&s)),
            "\"aks-ntwdem-aksntwdemo-16e85b-1ulw5vjo.hcp.eastus.azmk8s.io\"\n\"aks-ntwdem-aksntwdemo-16e85b-zkdf7afu.3b7ca984-03df-44f2-bfb3-e2234ff2c58f.privatelink.eastus.azmk8s.io\""
        );
        let mut s = named("aks-ntwdemo2");
        s.mode = Mode::Private;
        s.dns = Some(DnsZone::None);
        assert_eq!(
            fqdns_json(&Names::for_scenario(&s)),
            "\"aks-ntwdem-aksntwdemo-16e85b-t0xkxtuj.hcp.eastus.azmk8s.io\"\n\"aks-ntwdem-aksntwdemo-16e85b-t0xkxtuj.hcp.eastus.azmk8s.io\""
        );
        let s = named("aks-ntwdemo1");
        assert_eq!(
            fqdns_json(&Names::for_scenario(&s)),
            "\"aks-ntwdem-aksntwdemo-16e85b-6t70z79x.hcp.eastus.azmk8s.io\"\nnull"
        );
    }
}
