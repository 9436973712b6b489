//! Names and access profiles against the article's transcripts.
#![cfg(not(target_arch = "wasm32"))]

use aks_netviz::link;
use aks_netviz::model::names::{dns_prefix, fqdn_suffix, private_suffix, zone_guid};
use aks_netviz::model::{Cluster, Names, Scenario};

fn scenario(fragment: &str) -> Scenario {
    link::parse_strict(fragment)
        .expect("valid fragment")
        .scenario
}

fn names(fragment: &str) -> Names {
    Names::for_scenario(&scenario(fragment))
}

#[test]
fn default_cluster_matches_the_article() {
    let c = Cluster::default();
    assert_eq!(c.name, "aks-ntwdemo1");
    assert_eq!(c.resource_group, "aksntwdemo");
    assert_eq!(c.region, "eastus");
    assert_eq!(c.kubernetes_version, "1.26.6");
    assert_eq!(c.node_name, "aks-nodepool1-13348451-vmss000004");
    assert!(c.subscription_id.starts_with("16e85b"));
    assert_eq!(c.addresses.api_public_ip.to_string(), "52.226.4.150");
    assert_eq!(c.addresses.private_endpoint_ip.to_string(), "10.224.0.4");
    assert_eq!(c.addresses.ilb_ip.to_string(), "10.226.0.4");
    assert_eq!(c.addresses.lb_egress_ip.to_string(), "20.246.161.12");
    assert_eq!(c.addresses.natgw_egress_ip.to_string(), "20.81.110.5");
    assert_eq!(c.addresses.firewall_egress_ip.to_string(), "20.81.96.14");
    assert_eq!(c.addresses.onprem_breakout_ip.to_string(), "81.56.40.1");
    assert_eq!(c.addresses.laptop_ip.to_string(), "81.56.12.7");
    assert_eq!(c.node_resource_group(), "MC_aksntwdemo_aks-ntwdemo1_eastus");
}

#[test]
fn dns_prefix_is_the_az_default() {
    assert_eq!(
        dns_prefix(&Cluster::default()),
        "aks-ntwdem-aksntwdemo-16e85b"
    );
    let c = Cluster {
        name: "9lives_cluster".into(),
        resource_group: "my_resource.group-with-a-long-name".into(),
        ..Cluster::default()
    };
    // Non-[A-Za-z0-9-] stripped, `a` prepended when the name starts with a digit, cut to 10 / 16.
    assert_eq!(dns_prefix(&c), "a9livesclu-myresourcegroup--16e85b");
}

#[test]
fn article_public_cluster_fqdn() {
    let n = names("");
    assert_eq!(n.dns_prefix, "aks-ntwdem-aksntwdemo-16e85b");
    assert_eq!(
        n.fqdn.as_deref(),
        Some("aks-ntwdem-aksntwdemo-16e85b-6t70z79x.hcp.eastus.azmk8s.io")
    );
    assert_eq!(
        n.azure_portal_fqdn.as_deref(),
        Some("aks-ntwdem-aksntwdemo-16e85b-6t70z79x.portal.hcp.eastus.azmk8s.io")
    );
    assert_eq!(n.private_fqdn, None);
    assert_eq!(n.private_zone, None);
}

#[test]
fn article_none_cluster_same_fqdn_twice() {
    let n = names("cluster=aks-ntwdemo2&mode=private&dns=none");
    let fqdn = "aks-ntwdem-aksntwdemo-16e85b-t0xkxtuj.hcp.eastus.azmk8s.io";
    assert_eq!(n.fqdn.as_deref(), Some(fqdn));
    assert_eq!(n.private_fqdn.as_deref(), Some(fqdn));
}

#[test]
fn article_system_zone_cluster() {
    let n = names("cluster=aks-ntwdemo11&mode=private");
    assert_eq!(
        n.fqdn.as_deref(),
        Some("aks-ntwdem-aksntwdemo-16e85b-1ulw5vjo.hcp.eastus.azmk8s.io")
    );
    assert_eq!(
        n.private_fqdn.as_deref(),
        Some("aks-ntwdem-aksntwdemo-16e85b-zkdf7afu.3b7ca984-03df-44f2-bfb3-e2234ff2c58f.privatelink.eastus.azmk8s.io")
    );
    assert_eq!(
        n.private_zone.as_deref(),
        Some("3b7ca984-03df-44f2-bfb3-e2234ff2c58f.privatelink.eastus.azmk8s.io")
    );
}

#[test]
fn byo_and_vnet_zone_names() {
    let byo = names("mode=private&dns=byo");
    assert_eq!(
        byo.private_zone.as_deref(),
        Some("privatelink.eastus.azmk8s.io")
    );
    let p = byo.private_fqdn.unwrap();
    assert!(
        p.starts_with("aks-ntwdem-aksntwdemo-16e85b-")
            && p.ends_with(".privatelink.eastus.azmk8s.io")
    );
    let vnet_byo = names("mode=vnet&private=on&dns=byo");
    assert_eq!(
        vnet_byo.private_zone.as_deref(),
        Some("private.eastus.azmk8s.io")
    );
    let vnet_sys = names("mode=vnet&private=on");
    assert!(vnet_sys
        .private_zone
        .unwrap()
        .ends_with(".private.eastus.azmk8s.io"));
    assert_eq!(names("mode=vnet").private_fqdn, None);
}

#[test]
fn public_fqdn_off_removes_fqdn() {
    let n = names("mode=private&publicfqdn=off");
    assert_eq!(n.fqdn, None);
    assert_eq!(n.azure_portal_fqdn, None);
    assert!(n.private_fqdn.is_some());
}

#[test]
fn hashed_names_are_stable_and_shaped() {
    let c = Cluster {
        name: "my-cluster".into(),
        ..Cluster::default()
    };
    let f = fqdn_suffix(&c);
    let p = private_suffix(&c);
    assert_eq!(f, fqdn_suffix(&c.clone()));
    assert_ne!(f, p);
    for s in [&f, &p] {
        assert_eq!(s.len(), 8);
        assert!(
            s.bytes()
                .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase()),
            "{s}"
        );
    }
    let g = zone_guid(&c);
    let parts: Vec<usize> = g.split('-').map(str::len).collect();
    assert_eq!(parts, [8, 4, 4, 4, 12], "{g}");
    assert!(g
        .bytes()
        .all(|b| b == b'-' || b.is_ascii_hexdigit() && !b.is_ascii_uppercase()));
    let other = Cluster {
        name: "my-cluster2".into(),
        ..Cluster::default()
    };
    assert_ne!(fqdn_suffix(&other), f);
    assert_ne!(zone_guid(&other), g);
}

// ------------------------------------------------------------- access profile

fn profile_json(fragment: &str) -> String {
    aks_netviz::render::profile_json(&scenario(fragment).access_profile())
}

#[test]
fn profile_authorized_as_in_the_article() {
    assert_eq!(
        profile_json("mode=authorized&ranges=1.1.1.1/32"),
        include_str!("fixtures/az-aks-show-authorized-profile.json")
    );
    // The article's `--api-server-authorized-ip-ranges "81.xxx.yyy.zzz"` came back with /32.
    assert_eq!(
        scenario("mode=authorized&ranges=81.56.12.7")
            .access_profile()
            .authorized_ip_ranges,
        Some(vec!["81.56.12.7/32".to_string()])
    );
    // Valid entries are stored canonically whatever the typed prefix; the rest as typed.
    assert_eq!(
        scenario(
            "mode=authorized&ranges=8.8.4.0/255.255.255.0,1.1.1.0/024,8.0.0.0/08,8.0.0.0/8,9.9.9.0/24,%209.9.8.1%20,81.xxx.yyy.zzz,0.0.0.0/32,,10.0.0.1/8"
        )
        .access_profile()
        .authorized_ip_ranges,
        Some(
            [
                "8.8.4.0/24",
                "1.1.1.0/24",
                "8.0.0.0/8",
                "8.0.0.0/8",
                "9.9.9.0/24",
                "9.9.8.1/32",
                "81.xxx.yyy.zzz/32",
                "0.0.0.0/32",
                "",
                "10.0.0.1/8"
            ]
            .map(String::from)
            .to_vec()
        )
    );
}

#[test]
fn profile_none_zone_as_in_the_article() {
    assert_eq!(
        profile_json("cluster=aks-ntwdemo2&mode=private&dns=none"),
        include_str!("fixtures/az-aks-show-private-none-profile.json")
    );
}

#[test]
fn profile_public_all_null() {
    let v: serde_json::Value = serde_json::from_str(&profile_json("")).unwrap();
    let obj = v.as_object().unwrap();
    assert_eq!(obj.len(), 7);
    assert!(obj.values().all(|x| x.is_null()));
}

#[test]
fn profile_private_system_and_byo() {
    let p = scenario("mode=private").access_profile();
    assert_eq!(p.enable_private_cluster, Some(true));
    assert_eq!(p.enable_private_cluster_public_fqdn, Some(true));
    assert_eq!(p.private_dns_zone.as_deref(), Some("system"));
    let p = scenario("mode=private&publicfqdn=off").access_profile();
    assert_eq!(p.enable_private_cluster_public_fqdn, Some(false));
    let p = scenario("mode=private&dns=byo").access_profile();
    assert_eq!(
        p.private_dns_zone.as_deref(),
        Some("/subscriptions/16e85b2c-7d3a-4f19-9b8e-5a0c1d2e3f40/resourceGroups/aksntwdemo/providers/Microsoft.Network/privateDnsZones/privatelink.eastus.azmk8s.io")
    );
}

#[test]
fn profile_vnet_integration() {
    let p = scenario("mode=vnet").access_profile();
    assert_eq!(p.enable_vnet_integration, Some(true));
    assert_eq!(p.enable_private_cluster, Some(false));
    assert_eq!(p.private_dns_zone, None);
    let subnet = p.subnet_id.unwrap();
    assert!(subnet.starts_with("/subscriptions/16e85b"), "{subnet}");
    assert!(
        subnet.ends_with("/virtualNetworks/aks-vnet-13348451/subnets/aks-apiserver-subnet"),
        "{subnet}"
    );
    let p = scenario("mode=vnet&private=on&dns=byo").access_profile();
    assert_eq!(p.enable_private_cluster, Some(true));
    assert!(p
        .private_dns_zone
        .unwrap()
        .ends_with("/privateDnsZones/private.eastus.azmk8s.io"));
    let p = scenario("mode=vnet&ranges=1.1.1.1").access_profile();
    assert_eq!(p.authorized_ip_ranges, Some(vec!["1.1.1.1/32".to_string()]));
}

#[test]
fn profile_run_command_disabled() {
    assert_eq!(
        scenario("runcommand=off")
            .access_profile()
            .disable_run_command,
        Some(true)
    );
    assert_eq!(scenario("").access_profile().disable_run_command, None);
}
