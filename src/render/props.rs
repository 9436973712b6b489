//! Property tests: every renderer accepts every scenario a fragment can express (including
//! invalid ones and arbitrary typed ranges) without panicking, and the hook JSON is well formed.

use proptest::prelude::*;

use super::{az_create, az_show_json, az_update, bicep, terraform, HookValues};
use crate::link::parse;

fn pair() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "mode=public",
            "mode=authorized",
            "mode=private",
            "mode=vnet",
            "dns=system",
            "dns=byo",
            "dns=none",
            "publicfqdn=on",
            "publicfqdn=off",
            "private=on",
            "private=off",
            "egress=lb",
            "egress=natgw",
            "egress=firewall",
            "client=laptop",
            "client=vm",
            "client=peered",
            "client=onprem",
            "client=node",
            "client=runcommand",
            "zonelink=on",
            "forwarder=on",
            "runcommand=off",
            "kubeconfig=public",
            "ip=81.56.40.1",
            "ranges=0.0.0.0/32",
            "ranges=",
            "ranges=1.1.1.1,%20192.168.0.0/16",
            "ranges=2001:db8::/32",
            "ranges=81.xxx.yyy.zzz",
            "cluster=aks-ntwdemo2",
        ])
        .prop_map(str::to_string),
        ".{0,30}".prop_map(|r| format!("ranges={}", crate::link::percent_encode(&r))),
    ]
}

fn fragment() -> impl Strategy<Value = String> {
    prop::collection::vec(pair(), 0..8).prop_map(|p| p.join("&"))
}

proptest! {
    #[test]
    fn renderers_never_panic(a in fragment(), b in fragment()) {
        let from = parse(&a).0.scenario;
        let to = parse(&b).0.scenario;
        let hooks = HookValues::for_scenario(&from);
        let json: serde_json::Value = serde_json::from_str(&hooks.to_json_pretty())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(json["access_profile"].is_object());
        prop_assert!(hooks.transcript.ends_with('\n'));
        // Comments and preparation commands, then the create line, always last.
        let lines: Vec<&str> = hooks.az_command.lines().collect();
        prop_assert!(lines.last().is_some_and(|l| l.starts_with("az aks create -n ")));
        prop_assert!(lines.iter().all(|l| l.starts_with("# ")
            || l.starts_with("az ")
            || l.starts_with("principal=$(az identity create ")));
        let _ = (terraform(&from), bicep(&from), az_show_json(&from), az_create(&to));
        let plan = az_update(&from, &to);
        prop_assert!(plan.commands.iter().all(|c| c.starts_with("az aks ")));
    }
}
