//! The native command, run as a process: every cell of docs/model.md section 5 (one fragment per
//! cell), the contract's JSON keys, and the refusals (bad fragment, bad import, bad usage).
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_aks-netviz");

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {BIN}: {e}"));
    if let Some(mut pipe) = child.stdin.take() {
        if let Some(text) = stdin {
            pipe.write_all(text.as_bytes())
                .unwrap_or_else(|e| panic!("stdin: {e}"));
        }
    }
    child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("{BIN}: {e}"))
}

/// Runs `scenario <fragment>` and parses its JSON.
fn scenario(fragment: &str) -> Value {
    let out = run(&["scenario", fragment], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{fragment}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{fragment}: not JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

/// Checks the outcome of each `(fragment, outcome)` pair.
fn outcomes(cases: &[(&str, &str)]) {
    for (fragment, expected) in cases {
        let v = scenario(fragment);
        assert_eq!(v["outcome"], *expected, "{fragment}: {v:#}");
    }
}

#[test]
fn every_contract_key_is_present_with_its_type() {
    let v = scenario("mode=authorized&ranges=1.1.1.1/32&ip=81.56.12.7");
    assert!(v["outcome"].is_string());
    assert!(v["dns_answer"].is_string());
    assert!(v["kubectl_output"].is_string());
    assert!(v["path"].as_array().is_some_and(|p| p
        .iter()
        .all(|s| s["hop"].is_string() && s["verdict"].is_string())));
    assert!(v["tunnel"].is_string());
    assert!(v["why"].is_string() || v["why"].is_null());
    assert!(v["validation"]
        .as_array()
        .is_some_and(|a| a.iter().all(Value::is_string)));
    assert!(v["access_profile"].is_object());
    assert!(v["az_command"].is_string());
    assert!(v["transcript"].is_string());
    assert_eq!(v["outcome"], "timeout");
    assert_eq!(v["dns_answer"], "52.226.4.150");
    assert_eq!(
        v["kubectl_output"],
        "Unable to connect to the server: dial tcp 52.226.4.150:443: i/o timeout"
    );
    assert_eq!(v["access_profile"]["authorizedIpRanges"][0], "1.1.1.1/32");
    assert!(v["why"].is_string());
}

#[test]
fn fragment_may_carry_a_hash_or_a_whole_address() {
    let a = scenario("#mode=private&dns=none");
    let b = scenario("https://example.org/aks-netviz/index.html#mode=private&dns=none");
    assert_eq!(a, b);
    assert_eq!(a["dns_answer"], "10.224.0.4");
}

#[test]
fn row_public() {
    outcomes(&[
        ("mode=public", "success"),
        ("mode=public&client=vm", "success"),
        ("mode=public&client=peered", "success"),
        ("mode=public&client=onprem", "success"),
        ("mode=public&client=node", "success"),
    ]);
    assert_eq!(
        scenario("mode=public&client=node")["tunnel"],
        "konnectivity"
    );
    assert_eq!(scenario("mode=public")["dns_answer"], "52.226.4.150");
}

#[test]
fn row_authorized_laptop_inside() {
    outcomes(&[
        ("mode=authorized", "success"),
        // The VM leaves from an unpredictable regional-pool address: not authorized.
        ("mode=authorized&client=vm", "timeout"),
        (
            "mode=authorized&client=vm&egress=natgw&ranges=81.56.12.7/32,20.81.110.5/32",
            "success",
        ),
        ("mode=authorized&client=peered", "timeout"),
        (
            "mode=authorized&client=peered&egress=firewall&ranges=81.56.12.7/32,20.81.96.14/32",
            "success",
        ),
        ("mode=authorized&client=onprem", "timeout"),
        (
            "mode=authorized&client=onprem&ranges=81.56.12.7/32,81.56.40.1/32",
            "success",
        ),
        ("mode=authorized&client=node", "success"),
        (
            "mode=authorized&client=node&egress=firewall&ranges=81.56.12.7/32,20.81.96.14/32",
            "success",
        ),
    ]);
    assert_eq!(
        scenario("mode=authorized&client=node")["tunnel"],
        "konnectivity"
    );
    for egress in ["natgw", "firewall"] {
        let v = scenario(&format!("mode=authorized&client=node&egress={egress}"));
        assert_eq!(v["tunnel"], "down", "{egress}: {v:#}");
        assert_ne!(v["outcome"], "success", "{egress}: {v:#}");
    }
}

#[test]
fn row_authorized_laptop_outside() {
    let v = scenario("mode=authorized&ip=81.56.99.99");
    assert_eq!(v["outcome"], "timeout");
    assert_eq!(v["dns_answer"], "52.226.4.150");
    outcomes(&[
        ("mode=authorized&ip=81.56.99.99&client=vm", "timeout"),
        ("mode=authorized&ip=81.56.99.99&client=peered", "timeout"),
        ("mode=authorized&ip=81.56.99.99&client=onprem", "timeout"),
        ("mode=authorized&ip=81.56.99.99&client=node", "success"),
    ]);
}

#[test]
fn row_private_system_public_fqdn_on() {
    outcomes(&[
        ("mode=private", "nxdomain"),
        ("mode=private&kubeconfig=public", "timeout"),
        ("mode=private&client=vm", "success"),
        ("mode=private&client=peered", "nxdomain"),
        ("mode=private&client=peered&zonelink=on", "success"),
        ("mode=private&client=peered&kubeconfig=public", "success"),
        ("mode=private&client=onprem", "nxdomain"),
        ("mode=private&client=onprem&forwarder=on", "nxdomain"),
        ("mode=private&client=onprem&zonelink=on", "nxdomain"),
        (
            "mode=private&client=onprem&forwarder=on&zonelink=on",
            "success",
        ),
        ("mode=private&client=onprem&kubeconfig=public", "success"),
        ("mode=private&client=node", "success"),
    ]);
    let v = scenario("mode=private&kubeconfig=public");
    assert_eq!(
        v["kubectl_output"],
        "Unable to connect to the server: dial tcp 10.224.0.4:443: i/o timeout"
    );
    assert_eq!(scenario("mode=private")["dns_answer"], "NXDOMAIN");
    assert_eq!(
        scenario("mode=private&client=node")["tunnel"],
        "konnectivity"
    );
}

#[test]
fn row_private_system_public_fqdn_off() {
    outcomes(&[
        ("mode=private&publicfqdn=off", "nxdomain"),
        ("mode=private&publicfqdn=off&client=vm", "success"),
        ("mode=private&publicfqdn=off&client=peered", "nxdomain"),
        (
            "mode=private&publicfqdn=off&client=peered&zonelink=on",
            "success",
        ),
        ("mode=private&publicfqdn=off&client=onprem", "nxdomain"),
        (
            "mode=private&publicfqdn=off&client=onprem&forwarder=on",
            "nxdomain",
        ),
        (
            "mode=private&publicfqdn=off&client=onprem&zonelink=on",
            "nxdomain",
        ),
        (
            "mode=private&publicfqdn=off&client=onprem&forwarder=on&zonelink=on",
            "success",
        ),
        ("mode=private&publicfqdn=off&client=node", "success"),
    ]);
}

#[test]
fn row_private_byo() {
    outcomes(&[
        ("mode=private&dns=byo", "nxdomain"),
        ("mode=private&dns=byo&client=vm", "success"),
        ("mode=private&dns=byo&client=peered", "nxdomain"),
        ("mode=private&dns=byo&client=peered&zonelink=on", "success"),
        ("mode=private&dns=byo&client=onprem", "nxdomain"),
        (
            "mode=private&dns=byo&client=onprem&forwarder=on",
            "nxdomain",
        ),
        (
            "mode=private&dns=byo&client=onprem&forwarder=on&zonelink=on",
            "success",
        ),
        ("mode=private&dns=byo&client=node", "success"),
    ]);
}

#[test]
fn row_private_none() {
    outcomes(&[
        ("mode=private&dns=none", "timeout"),
        ("mode=private&dns=none&client=vm", "success"),
        ("mode=private&dns=none&client=peered", "success"),
        ("mode=private&dns=none&client=onprem", "success"),
        ("mode=private&dns=none&client=node", "success"),
    ]);
    let v = scenario("mode=private&dns=none");
    assert_eq!(v["dns_answer"], "10.224.0.4");
    assert_eq!(
        v["kubectl_output"],
        "Unable to connect to the server: dial tcp 10.224.0.4:443: i/o timeout"
    );
}

#[test]
fn row_vnet_public() {
    outcomes(&[
        ("mode=vnet", "success"),
        ("mode=vnet&client=vm", "success"),
        ("mode=vnet&client=peered", "success"),
        ("mode=vnet&client=onprem", "success"),
        ("mode=vnet&client=node", "success"),
    ]);
    let v = scenario("mode=vnet&client=node");
    assert_eq!(v["tunnel"], "direct");
    assert_eq!(v["dns_answer"], "none");
}

#[test]
fn row_vnet_private() {
    outcomes(&[
        ("mode=vnet&private=on", "nxdomain"),
        ("mode=vnet&private=on&client=vm", "success"),
        ("mode=vnet&private=on&client=peered", "nxdomain"),
        ("mode=vnet&private=on&client=peered&zonelink=on", "success"),
        ("mode=vnet&private=on&client=onprem", "nxdomain"),
        (
            "mode=vnet&private=on&client=onprem&forwarder=on&zonelink=on",
            "success",
        ),
        ("mode=vnet&private=on&client=node", "success"),
    ]);
    let v = scenario("mode=vnet&private=on&client=node");
    assert_eq!(v["tunnel"], "direct");
    assert_eq!(v["dns_answer"], "none");
}

#[test]
fn row_run_command() {
    for mode in [
        "mode=public",
        "mode=authorized",
        "mode=private",
        "mode=private&dns=none",
        "mode=vnet&private=on",
    ] {
        let v = scenario(&format!("{mode}&client=runcommand"));
        assert_eq!(v["outcome"], "success", "{mode}");
        assert_eq!(v["dns_answer"], "none", "{mode}");
        let v = scenario(&format!("{mode}&client=runcommand&runcommand=off"));
        assert_eq!(v["outcome"], "denied", "{mode}");
    }
}

#[test]
fn invalid_cluster() {
    let v = scenario("mode=private&ranges=1.1.1.1/32");
    assert_eq!(v["outcome"], "invalid");
    assert_eq!(
        v["validation"][0],
        "--api-server-authorized-ip-ranges is not supported for private cluster"
    );
    assert!(v["az_command"].as_str().is_some_and(
        |c| c.contains("--enable-private-cluster --api-server-authorized-ip-ranges 1.1.1.1/32")
    ));
}

#[test]
fn bad_fragment_names_the_key_and_exits_2() {
    for (fragment, key, allowed) in [
        ("mode=bogus", "`mode`", "public, authorized, private, vnet"),
        (
            "client=phone",
            "`client`",
            "laptop, vm, peered, onprem, node, runcommand",
        ),
        ("ip=999.1.1.1", "`ip`", "IPv4"),
        ("mode=private&zonelink=yes", "`zonelink`", "on, off"),
    ] {
        let out = run(&["scenario", fragment], None);
        assert_eq!(out.status.code(), Some(2), "{fragment}");
        assert!(out.stdout.is_empty(), "{fragment}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(key) && err.contains(allowed),
            "{fragment}: {err}"
        );
    }
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[][..],
        &["frobnicate"][..],
        &["scenario"][..],
        &["import"][..],
        &["scenario", "a", "b"][..],
    ] {
        let out = run(args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("usage:"),
            "{args:?}"
        );
    }
}

#[test]
fn import_from_stdin_and_file() {
    // As pasted from a terminal: with the blank lines around it.
    let profile = format!(
        "\n{}\n",
        include_str!("fixtures/az-aks-show-authorized-profile.json")
    );
    let out = run(&["import", "-"], Some(&profile));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "mode=authorized&ranges=1.1.1.1/32\n"
    );

    let arm = r#"{"name": "aks-ntwdemo2", "type": "Microsoft.ContainerService/managedClusters",
      "properties": {"apiServerAccessProfile": {"enablePrivateCluster": true,
      "privateDNSZone": "none", "enablePrivateClusterPublicFQDN": true}}}"#;
    let path = std::env::temp_dir().join(format!("aks-netviz-cli-{}.json", std::process::id()));
    std::fs::write(&path, arm).unwrap_or_else(|e| panic!("{e}"));
    let out = run(&["import", &path.to_string_lossy()], None);
    let _ = std::fs::remove_file(&path);
    assert_eq!(out.status.code(), Some(0));
    let fragment = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert_eq!(
        fragment,
        "mode=private&dns=none&publicfqdn=on&cluster=aks-ntwdemo2"
    );
    // The fragment feeds straight back into `scenario`: the article's nslookup answer.
    assert_eq!(scenario(&fragment)["dns_answer"], "10.224.0.4");
}

#[test]
fn bad_import_exits_2_saying_what_was_expected() {
    for input in [
        "not json",
        "[1,2]",
        "42",
        "{\"foo\":1}",
        "{\"enablePrivateCluster\":\"yes\"}",
    ] {
        let out = run(&["import", "-"], Some(input));
        assert_eq!(out.status.code(), Some(2), "{input}");
        assert!(out.stdout.is_empty(), "{input}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("expected"), "{input}: {err}");
    }
    let out = run(&["import", "/nonexistent/aks.json"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
}

/// Runs `svg` with `args` and returns its stdout, checking it succeeded.
fn svg(args: &[&str]) -> String {
    let out = run(&[&["svg"][..], args].concat(), None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty(), "{args:?}");
    String::from_utf8(out.stdout).unwrap_or_else(|e| panic!("{args:?}: {e}"))
}

#[test]
fn svg_prints_the_diagram_at_a_width_in_a_theme() {
    let fragment = "mode=private&dns=none&client=onprem";
    let wide = svg(&[fragment]);
    assert!(wide.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1000.0\""));
    assert!(wide.trim_end().ends_with("</svg>"));
    assert!(wide.contains(r#"data-layout="wide""#) && wide.contains(r#"data-theme="light""#));
    assert!(wide.contains(r#"data-place="apiserver""#));
    // The last step by default, as the page: every event that has a line is drawn.
    assert!(wide.contains(r#"class="event dns-query pass past""#));
    assert!(wide.contains(" current\""));

    let column = svg(&[fragment, "--width", "720", "--theme", "dark"]);
    assert!(column.contains(r#"width="720.0""#) && column.contains(r#"data-layout="column""#));
    assert!(column.contains(r#"data-theme="dark""#) && column.contains("#0f1419"));
    assert_eq!(svg(&[fragment, "--width=720", "--theme=dark"]), column);

    // The fragment's theme and step are honoured; a leading `#` or a whole address is fine.
    let dark = svg(&["https://example.org/page#mode=private&dns=none&client=onprem&theme=dark"]);
    assert!(dark.contains(r#"data-theme="dark""#) && dark.contains(r#"data-layout="wide""#));
    let auto = svg(&["#mode=public&theme=auto&step=0"]);
    assert!(auto.contains(r#"data-theme="light""#));
    assert!(!auto.contains("data-event="), "step 0 draws no event");
    assert_eq!(
        svg(&["mode=public&theme=dark", "--theme", "light"]),
        svg(&["mode=public"])
    );
}

#[test]
fn svg_refuses_bad_input_in_one_line_saying_what_is_accepted() {
    for (args, says) in [
        (&["mode=bogus"][..], "public, authorized, private, vnet"),
        (&["mode=private", "--theme", "blue"][..], "light, dark"),
        (&["mode=private", "--theme", "auto"][..], "light, dark"),
        (&["mode=private", "--width", "0"][..], "CSS px"),
        (&["mode=private", "--width", "wide"][..], "CSS px"),
        (&["mode=private", "--width=NaN"][..], "CSS px"),
        (&["mode=private", "--width", "1e9"][..], "CSS px"),
        (
            &["mode=private", "--height", "3"][..],
            "--theme light|dark, --width PX",
        ),
        (&["mode=private", "--width"][..], "--width PX"),
        (&["mode=private", "extra"][..], "--theme light|dark"),
    ] {
        let out = run(&[&["svg"][..], args].concat(), None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
    let out = run(&["svg"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("usage:"));
}

/// `exercise <id> <fragment>`: a grader's check, exit 0 only when every goal is met and every
/// kept setting is at its starting value; a share link (`…#…`) is read like a fragment.
#[test]
fn exercise_checks_a_solution_and_says_what_is_not_met() {
    let solved = run(
        &[
            "exercise",
            "firewall-notready",
            "https://example.org/aks-netviz/#mode=authorized&ranges=81.56.12.7/32,20.81.96.14/32&egress=firewall&exercise=firewall-notready",
        ],
        None,
    );
    let text = String::from_utf8_lossy(&solved.stdout);
    assert_eq!(solved.status.code(), Some(0), "{text}");
    assert!(text.contains("met      node: node Ready"), "{text}");
    assert!(text.trim_end().ends_with("solved"), "{text}");

    let start = run(
        &[
            "exercise",
            "firewall-notready",
            "mode=authorized&ranges=81.56.12.7/32&egress=firewall",
        ],
        None,
    );
    let text = String::from_utf8_lossy(&start.stdout);
    assert_eq!(start.status.code(), Some(1), "{text}");
    assert!(
        text.contains("NOT MET  node: node Ready (sees node NotReady)"),
        "{text}"
    );
    assert!(
        text.contains("why: The nodes leave through the hub firewall as 20.81.96.14"),
        "{text}"
    );

    let changed = run(
        &[
            "exercise",
            "firewall-notready",
            "mode=public&egress=firewall",
        ],
        None,
    );
    let text = String::from_utf8_lossy(&changed.stdout);
    assert_eq!(changed.status.code(), Some(1), "{text}");
    assert!(
        text.contains("CHANGED  mode = public (must stay authorized)"),
        "{text}"
    );
}

#[test]
fn exercise_refuses_an_unknown_id_or_a_bad_fragment() {
    let out = run(&["exercise", "no-such-thing", "mode=public"], None);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        err.contains("no exercise `no-such-thing` (there are: locked-out-at-home"),
        "{err}"
    );
    let out = run(&["exercise", "firewall-notready", "mode=sideways"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad value for `mode`"));
    let out = run(&["exercise", "firewall-notready"], None);
    assert_eq!(out.status.code(), Some(2));
    let listed = run(&["exercises"], None);
    let text = String::from_utf8_lossy(&listed.stdout);
    assert_eq!(listed.status.code(), Some(0));
    assert!(text.lines().count() >= 12, "{text}");
    assert!(
        text.contains(
            "firewall-notready\tNodes NotReady behind the firewall\t#exercise=firewall-notready"
        ),
        "{text}"
    );
}
