//! Importer tests: real-looking documents in both casings (docs/aks-facts.md §6, the article's jq
//! outputs), refusals, a round trip through `render::az_show_json`, and never-panic properties.

use super::*;
use crate::fixtures::{ARTICLE_AUTHORIZED_PROFILE, ARTICLE_PRIVATE_NONE_PROFILE};
use crate::link::print_scenario;
use crate::model::scenario::{ClientKind, DnsZone, Egress, Mode};
use crate::model::validate::validate;

fn ok(text: &str) -> Imported {
    match import(text.as_bytes()) {
        Ok(i) => i,
        Err(e) => panic!("refused: {e}\n{text}"),
    }
}

fn err(text: &str) -> String {
    match import(text.as_bytes()) {
        Ok(i) => panic!("accepted as {:?}: {text}", i.scenario),
        Err(e) => e.message,
    }
}

/// The article's authorized profile, with the blank lines a copy from a terminal brings along.
fn article_authorized() -> String {
    format!("\n{ARTICLE_AUTHORIZED_PROFILE}\n")
}

#[test]
fn article_authorized_profile() {
    let i = ok(&article_authorized());
    assert_eq!(i.kind, SourceKind::AccessProfile);
    assert_eq!(i.scenario.mode, Mode::Authorized);
    assert_eq!(i.scenario.ranges.as_deref(), Some("1.1.1.1/32"));
    assert_eq!(
        print_scenario(&i.scenario),
        "mode=authorized&ranges=1.1.1.1/32"
    );
}

#[test]
fn article_masked_range_is_kept_and_reported() {
    let i = ok(&article_authorized().replace("1.1.1.1/32", "81.xxx.yyy.zzz/32"));
    assert_eq!(i.scenario.mode, Mode::Authorized);
    assert_eq!(i.scenario.ranges.as_deref(), Some("81.xxx.yyy.zzz/32"));
    assert!(!validate(&i.scenario).is_empty());
}

#[test]
fn article_private_none_profile() {
    let i = ok(ARTICLE_PRIVATE_NONE_PROFILE);
    assert_eq!(i.scenario.mode, Mode::Private);
    assert_eq!(i.scenario.dns, Some(DnsZone::None));
    assert_eq!(i.scenario.public_fqdn, Some(true));
    assert_eq!(
        print_scenario(&i.scenario),
        "mode=private&dns=none&publicfqdn=on"
    );
}

/// What `jq .apiServerAccessProfile` prints for a public cluster whose profile is null.
#[test]
fn null_profile_is_public() {
    let i = ok("null\n");
    assert_eq!(i.scenario.mode, Mode::Public);
    assert_eq!(print_scenario(&i.scenario), "");
}

/// docs/aks-facts.md §6 A: public, profile null.
#[test]
fn facts_a_public() {
    let i = ok(r#"{ "apiServerAccessProfile": null,
  "dnsPrefix": "myaks-rg-1a2b3c",
  "fqdn": "myaks-rg-1a2b3c-4f9d2e1a.hcp.eastus2.azmk8s.io",
  "azurePortalFqdn": "myaks-rg-1a2b3c-4f9d2e1a.portal.hcp.eastus2.azmk8s.io",
  "privateFqdn": null,
  "networkProfile": { "outboundType": "loadBalancer", "loadBalancerSku": "standard" } }"#);
    assert_eq!(i.kind, SourceKind::AzShow);
    assert_eq!(i.scenario.mode, Mode::Public);
    assert_eq!(i.dns_prefix.as_deref(), Some("myaks-rg-1a2b3c"));
    assert_eq!(
        i.fqdn.as_deref(),
        Some("myaks-rg-1a2b3c-4f9d2e1a.hcp.eastus2.azmk8s.io")
    );
}

/// docs/aks-facts.md §6 B: authorized ranges, CLI casing.
#[test]
fn facts_b_authorized() {
    let i = ok(
        r#"{ "apiServerAccessProfile": { "authorizedIpRanges": ["73.140.245.0/24","203.0.113.7/32"],
    "disableRunCommand": null, "enablePrivateCluster": null, "enablePrivateClusterPublicFqdn": null,
    "enableVnetIntegration": null, "privateDnsZone": null, "subnetId": null },
  "fqdn": "myaks-rg-1a2b3c-4f9d2e1a.hcp.eastus2.azmk8s.io", "privateFqdn": null,
  "networkProfile": { "outboundType": "loadBalancer" } }"#,
    );
    assert_eq!(i.scenario.mode, Mode::Authorized);
    assert_eq!(
        i.scenario.ranges.as_deref(),
        Some("73.140.245.0/24,203.0.113.7/32")
    );
}

/// docs/aks-facts.md §6 C1: private, system zone, with the cluster identity.
#[test]
fn facts_c1_private_system() {
    let i = ok(
        r#"{ "apiServerAccessProfile": { "authorizedIpRanges": null, "disableRunCommand": null,
    "enablePrivateCluster": true, "enablePrivateClusterPublicFqdn": true, "enableVnetIntegration": null,
    "privateDnsZone": "system", "subnetId": null },
  "id": "/subscriptions/8d99b0aa-1111-2222-3333-444444444444/resourcegroups/rg-sec/providers/Microsoft.ContainerService/managedClusters/aks-sec",
  "name": "aks-sec", "location": "swedencentral", "resourceGroup": "rg-sec",
  "fqdn": "aks-rgsec-8d99b0-zodmp4em.hcp.swedencentral.azmk8s.io",
  "privateFqdn": "aks-rgsec-111111-3d9q3p7f.1d71c86b-50e6-40b5-9f84-111111111111.privatelink.swedencentral.azmk8s.io",
  "privateLinkResources": [{ "groupId": "management", "name": "management", "requiredMembers": ["management"] }] }"#,
    );
    let s = &i.scenario;
    assert_eq!(
        (s.mode, s.dns, s.public_fqdn),
        (Mode::Private, Some(DnsZone::System), Some(true))
    );
    assert_eq!(s.cluster.name, "aks-sec");
    assert_eq!(s.cluster.resource_group, "rg-sec");
    assert_eq!(s.cluster.region, "swedencentral");
    assert_eq!(
        s.cluster.subscription_id,
        "8d99b0aa-1111-2222-3333-444444444444"
    );
    assert_eq!(
        print_scenario(s),
        "mode=private&dns=system&publicfqdn=on&cluster=aks-sec"
    );
}

/// docs/aks-facts.md §6 C2: public FQDN disabled, `fqdn` null.
#[test]
fn facts_c2_public_fqdn_off() {
    let i = ok(
        r#"{ "apiServerAccessProfile": { "enablePrivateCluster": true,
    "enablePrivateClusterPublicFqdn": false, "privateDnsZone": "system" }, "fqdn": null }"#,
    );
    assert_eq!(i.scenario.public_fqdn, Some(false));
    // Same cluster, flag missing: the null `fqdn` says it.
    let i = ok(r#"{ "apiServerAccessProfile": { "enablePrivateCluster": true }, "fqdn": null }"#);
    assert_eq!(i.scenario.public_fqdn, Some(false));
}

/// docs/aks-facts.md §6 C4: BYO zone, ARM example values (with the elided id kept as printed).
#[test]
fn facts_c4_byo_zone() {
    let i = ok(
        r#"{ "apiServerAccessProfile": { "enablePrivateCluster": true,
    "privateDnsZone": "/subscriptions/…/resourcegroups/rg1/providers/Microsoft.Network/privateDnsZones/privatelink.location1.azmk8s.io" },
  "fqdnSubdomain": "domain1", "privateFqdn": "domain1.privatelink.location1.azmk8s.io" }"#,
    );
    assert_eq!(i.scenario.mode, Mode::Private);
    assert_eq!(i.scenario.dns, Some(DnsZone::Byo));
}

/// docs/aks-facts.md §6 D1 and D2: VNet integration, public and private.
#[test]
fn facts_d_vnet_integration() {
    let i = ok(
        r#"{ "apiServerAccessProfile": { "authorizedIpRanges": null, "enablePrivateCluster": false,
    "enableVnetIntegration": true,
    "subnetId": "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/apiserver-subnet", "privateDnsZone": null },
  "fqdn": "aks-cluste-rg-aks-public-vn-17b128-2ab6e274.hcp.eastus2.azmk8s.io", "privateFqdn": null }"#,
    );
    assert_eq!((i.scenario.mode, i.scenario.private), (Mode::Vnet, false));
    assert_eq!(i.scenario.ranges, None);
    let i = ok(
        r#"{ "apiServerAccessProfile": { "enablePrivateCluster": true, "enableVnetIntegration": true,
    "privateDnsZone": "system" } }"#,
    );
    assert_eq!((i.scenario.mode, i.scenario.private), (Mode::Vnet, true));
    assert_eq!(
        print_scenario(&i.scenario),
        "mode=vnet&dns=system&private=on"
    );
}

/// An ARM resource in ARM casing (REST example shape, docs/aks-facts.md [S7]).
#[test]
fn arm_resource_casing() {
    let i = ok(r#"{
  "id": "/subscriptions/subid1/resourcegroups/rg1/providers/Microsoft.ContainerService/managedClusters/clustername1",
  "location": "location1",
  "name": "clustername1",
  "type": "Microsoft.ContainerService/ManagedClusters",
  "tags": { "archv2": "", "tier": "production" },
  "properties": {
    "provisioningState": "Succeeded",
    "kubernetesVersion": "1.30.4",
    "dnsPrefix": "dnsprefix1",
    "fqdn": "dnsprefix1-ee788a1f.hcp.location1.azmk8s.io",
    "privateFQDN": "dnsprefix1-aae7e0f0.5cef6058-b6b5-414d-8cb1-4bd14eb0b15c.privatelink.location1.azmk8s.io",
    "apiServerAccessProfile": {
      "enablePrivateCluster": true,
      "enablePrivateClusterPublicFQDN": true,
      "privateDNSZone": "system",
      "disableRunCommand": true
    },
    "networkProfile": { "loadBalancerSku": "standard", "outboundType": "userDefinedRouting" }
  }
}"#);
    assert_eq!(i.kind, SourceKind::ArmResource);
    let s = &i.scenario;
    assert_eq!(
        (s.mode, s.dns, s.public_fqdn),
        (Mode::Private, Some(DnsZone::System), Some(true))
    );
    assert!(!s.run_command);
    assert_eq!(s.egress, Egress::Firewall);
    assert_eq!(s.cluster.name, "clustername1");
    assert_eq!(s.cluster.resource_group, "rg1");
    assert_eq!(s.cluster.kubernetes_version, "1.30.4");
    assert_eq!(
        i.private_fqdn.as_deref(),
        Some("dnsprefix1-aae7e0f0.5cef6058-b6b5-414d-8cb1-4bd14eb0b15c.privatelink.location1.azmk8s.io")
    );
}

#[test]
fn mixed_casing_in_one_document() {
    let i = ok(r#"{ "name": "aks-mixed", "apiServerAccessProfile": {
      "authorizedIPRanges": ["20.1.2.3/32"], "authorizedIpRanges": null,
      "disableRunCommand": false },
      "networkProfile": { "OutboundType": "managedNATGateway" } }"#);
    assert_eq!(i.scenario.mode, Mode::Authorized);
    assert_eq!(i.scenario.ranges.as_deref(), Some("20.1.2.3/32"));
    assert_eq!(i.scenario.egress, Egress::NatGw);
}

#[test]
fn terraform_casing_and_unknown_fields() {
    let i = ok(r#"{ "enablePrivateCluster": true, "privateDNSZone": "None",
      "enablePrivateClusterPublicFQDN": true, "somethingNew": {"deep": [1, 2, {"x": null}]} }"#);
    assert_eq!(i.scenario.dns, Some(DnsZone::None));
}

#[test]
fn import_onto_keeps_the_viewpoint() {
    let base = Scenario {
        client: ClientKind::OnPrem,
        forwarder: true,
        egress: Egress::NatGw,
        ..Scenario::default()
    };
    let i = import_onto(&base, ARTICLE_PRIVATE_NONE_PROFILE.as_bytes())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(i.scenario.client, ClientKind::OnPrem);
    assert!(i.scenario.forwarder);
    assert_eq!(i.scenario.egress, Egress::NatGw);
    assert_eq!(i.scenario.mode, Mode::Private);
}

/// `managedNATGateway` is what the widget draws for `egress=natgw`; `userAssignedNATGateway`
/// maps to it too, with a note saying the widget draws the managed variant.
#[test]
fn user_assigned_nat_gateway_is_drawn_as_the_managed_one() {
    let i = ok(r#"{ "fqdn": "x", "networkProfile": { "outboundType": "managedNATGateway" } }"#);
    assert_eq!(i.scenario.egress, Egress::NatGw);
    assert!(i.notes.is_empty(), "{:?}", i.notes);
    let i =
        ok(r#"{ "fqdn": "x", "networkProfile": { "outboundType": "userAssignedNATGateway" } }"#);
    assert_eq!(i.scenario.egress, Egress::NatGw);
    assert_eq!(i.notes.len(), 1, "{:?}", i.notes);
    assert!(
        i.notes[0].contains("\"userAssignedNATGateway\""),
        "{}",
        i.notes[0]
    );
    assert!(
        i.notes[0].contains("drawn as managedNATGateway"),
        "{}",
        i.notes[0]
    );
}

#[test]
fn unknown_outbound_type_is_a_note() {
    let i = ok(r#"{ "fqdn": "x", "networkProfile": { "outboundType": "none" } }"#);
    assert_eq!(i.scenario.egress, Egress::Lb);
    assert_eq!(i.notes.len(), 1);
}

#[test]
fn refusals_say_what_was_expected() {
    for (input, got) in [
        ("", "got empty input"),
        ("   \n", "got empty input"),
        (
            "Name  Location\n----  --------",
            "got text that is not JSON",
        ),
        ("42", "got a number (42)"),
        ("\"aks\"", "got a string"),
        ("true", "got true"),
        ("[]", "got an array of 0 item(s)"),
        ("[{\"name\":\"a\"}]", "az aks list"),
        ("{}", "got an empty object"),
        (
            "{\"foo\": 1, \"bar\": 2}",
            "got an object with none of their keys (found: bar, foo)",
        ),
        ("{\"a\":1}{\"b\":2}", "not JSON"),
    ] {
        let msg = err(input);
        assert!(msg.starts_with(EXPECTED), "{msg}");
        assert!(msg.contains(got), "{input:?}: {msg}");
    }
    let bytes = import(&[0x7b, 0xff, 0xfe, 0x7d]).map(|_| ()).unwrap_err();
    assert!(bytes.message.contains("not UTF-8"));
}

#[test]
fn wrong_types_name_the_field() {
    for (input, path) in [
        (
            r#"{"enablePrivateCluster": "yes"}"#,
            "`enablePrivateCluster`: expected true, false or null; got a string",
        ),
        (
            r#"{"authorizedIpRanges": "1.1.1.1/32"}"#,
            "`authorizedIpRanges`: expected an array of strings or null",
        ),
        (
            r#"{"authorizedIpRanges": ["1.1.1.1/32", 7]}"#,
            "`authorizedIpRanges[1]`",
        ),
        (
            r#"{"fqdn": "x", "apiServerAccessProfile": "private"}"#,
            "`apiServerAccessProfile`: expected an object or null",
        ),
        (
            r#"{"properties": {"apiServerAccessProfile": {"enableVnetIntegration": 1}}}"#,
            "`properties.apiServerAccessProfile.enableVnetIntegration`",
        ),
        (
            r#"{"privateDnsZone": "myzone.local", "enablePrivateCluster": true}"#,
            "`privateDnsZone`: expected system, none, or the resource id",
        ),
        (
            r#"{"name": 5, "fqdn": "x"}"#,
            "`name`: expected a string or null; got a number (5)",
        ),
        (
            r#"{"fqdn": "x", "networkProfile": []}"#,
            "`networkProfile`: expected an object or null",
        ),
        (r#"{"properties": 3}"#, "`properties`: expected an object"),
    ] {
        let msg = err(input);
        assert!(msg.contains(path), "{input}: {msg}");
    }
}

/// `import(az_show_json(s))` gives back the same access profile and egress for every access
/// configuration the widget can express.
#[test]
fn round_trip_through_az_show_json() {
    for mode in Mode::ALL {
        for dns in [
            None,
            Some(DnsZone::System),
            Some(DnsZone::Byo),
            Some(DnsZone::None),
        ] {
            for public_fqdn in [None, Some(true), Some(false)] {
                for private in [false, true] {
                    for ranges in [
                        None,
                        Some(""),
                        Some("1.1.1.1"),
                        Some("20.0.0.0/8, 81.56.12.7/32"),
                    ] {
                        for egress in Egress::ALL {
                            for run_command in [true, false] {
                                let s = Scenario {
                                    mode: *mode,
                                    dns,
                                    public_fqdn,
                                    private,
                                    ranges: ranges.map(str::to_string),
                                    egress: *egress,
                                    run_command,
                                    ..Scenario::default()
                                };
                                let json = crate::render::az_show_json(&s);
                                let back = ok(&json).scenario;
                                assert_eq!(back.access_profile(), s.access_profile(), "{json}");
                                assert_eq!(back.egress, s.egress);
                                assert_eq!(back.is_private(), s.is_private());
                                assert_eq!(back.vnet_integration(), s.vnet_integration());
                            }
                        }
                    }
                }
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod props {
    use super::*;
    use proptest::prelude::*;

    /// Keys the importer looks at, in both casings, plus noise.
    const KEYS: &[&str] = &[
        "apiServerAccessProfile",
        "authorizedIpRanges",
        "authorizedIPRanges",
        "disableRunCommand",
        "enablePrivateCluster",
        "enablePrivateClusterPublicFqdn",
        "enablePrivateClusterPublicFQDN",
        "enableVnetIntegration",
        "privateDnsZone",
        "privateDNSZone",
        "subnetId",
        "properties",
        "name",
        "id",
        "location",
        "resourceGroup",
        "dnsPrefix",
        "fqdn",
        "privateFqdn",
        "privateFQDN",
        "networkProfile",
        "outboundType",
        "kubernetesVersion",
        "x",
    ];

    fn json_value() -> impl Strategy<Value = serde_json::Value> {
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::Bool),
            any::<i64>().prop_map(|n| serde_json::json!(n)),
            prop_oneof![
                Just("system".to_string()),
                Just("none".to_string()),
                Just("/subscriptions/a/resourceGroups/b/providers/Microsoft.Network/privateDnsZones/privatelink.x.azmk8s.io".to_string()),
                Just("/subscriptions/é".to_string()),
                Just("81.xxx.yyy.zzz/32".to_string()),
                ".{0,12}",
            ]
            .prop_map(serde_json::Value::String),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..5).prop_map(serde_json::Value::Array),
                prop::collection::vec((prop::sample::select(KEYS), inner), 0..7).prop_map(|kv| {
                    serde_json::Value::Object(
                        kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect(),
                    )
                }),
            ]
        })
    }

    proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
            let _ = import(&bytes);
        }

        #[test]
        fn arbitrary_text_never_panics(text in ".{0,200}") {
            let _ = import(text.as_bytes());
        }

        #[test]
        fn json_made_of_known_keys_never_panics(v in json_value()) {
            let text = v.to_string();
            if let Ok(i) = import(text.as_bytes()) {
                // Whatever was accepted can be printed and simulated.
                let _ = print_scenario(&i.scenario);
                let _ = crate::render::HookValues::for_scenario(&i.scenario);
            }
        }
    }

    #[test]
    fn deep_nesting_is_refused_not_a_stack_overflow() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(import(deep.as_bytes()).is_err());
        let deep = format!("{{\"fqdn\":{}1{}}}", "[".repeat(50_000), "]".repeat(50_000));
        assert!(import(deep.as_bytes()).is_err());
    }
}

/// ARM accepts a location's display name; the region in names (`privatelink.<region>.azmk8s.io`)
/// is its lowercase, spaceless form. Region names are ASCII, so ASCII lowercasing is all it takes.
#[test]
fn a_display_name_location_becomes_the_region_name() {
    let i = ok(
        r#"{ "apiServerAccessProfile": { "enablePrivateCluster": true }, "location": "West Europe" }"#,
    );
    assert_eq!(i.scenario.cluster.region, "westeurope");
}
