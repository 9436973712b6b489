//! The settings an attendee can reach from an exercise's start, searched in full: a few thousand
//! scenarios, so the tests prove that every exercise is solvable under its constraints and that
//! no exercise is solved before the attendee does anything.

use super::catalogue::Exercise;
use super::check::check;
use crate::model::{DnsZone, Egress, Kubeconfig, Mode, Scenario};

/// Every scenario reachable from the exercise's start by changing the settings it does not keep.
/// Settings without effect in a mode stay at their starting value (the private DNS zone of a
/// public cluster), and the ranges take the values that matter: none, blank, and the addresses
/// the model knows (the laptop, the on-prem breakout, the NAT gateway, the firewall), alone and
/// with the laptop.
pub fn setting_space(ex: &Exercise) -> Vec<Scenario> {
    let start = &ex.start_link.scenario;
    let free = |key: &str| !ex.keep.iter().any(|k| k == key);
    let choose = |key: &str, all: Vec<Scenario>, vary: &dyn Fn(&Scenario) -> Vec<Scenario>| {
        if free(key) {
            all.iter().flat_map(vary).collect()
        } else {
            all
        }
    };
    let mut space = vec![start.clone()];
    space = choose("mode", space, &|s| {
        Mode::ALL
            .iter()
            .map(|&mode| Scenario { mode, ..s.clone() })
            .collect()
    });
    space = choose("private", space, &|s| {
        both(s, s.mode == Mode::Vnet, |s, on| s.private = on)
    });
    space = choose("dns", space, &|s| {
        if s.is_private() {
            DnsZone::ALL
                .iter()
                .map(|&z| Scenario {
                    dns: Some(z),
                    ..s.clone()
                })
                .collect()
        } else {
            vec![s.clone()]
        }
    });
    space = choose("publicfqdn", space, &|s| {
        both(s, s.is_private(), |s, on| s.public_fqdn = Some(on))
    });
    space = choose("ranges", space, &|s| {
        if s.mode == Mode::Authorized || (s.mode == Mode::Vnet && !s.private) {
            ranges_choices(s)
                .into_iter()
                .map(|ranges| Scenario {
                    ranges,
                    ..s.clone()
                })
                .collect()
        } else {
            vec![s.clone()]
        }
    });
    space = choose("egress", space, &|s| {
        Egress::ALL
            .iter()
            .map(|&egress| Scenario {
                egress,
                ..s.clone()
            })
            .collect()
    });
    for (key, set) in [
        (
            "zonelink",
            (|s, on| s.zone_link = on) as fn(&mut Scenario, bool),
        ),
        ("forwarder", |s, on| s.forwarder = on),
        ("runcommand", |s, on| s.run_command = on),
        ("kubeconfig", |s, public| {
            s.kubeconfig = if public {
                Kubeconfig::Public
            } else {
                Kubeconfig::Private
            }
        }),
    ] {
        space = choose(key, space, &|s| both(s, true, set));
    }
    space
}

/// Both values of an on/off setting where it has an effect (`applies`), else `s` alone.
fn both(s: &Scenario, applies: bool, set: fn(&mut Scenario, bool)) -> Vec<Scenario> {
    if !applies {
        return vec![s.clone()];
    }
    [false, true]
        .map(|on| {
            let mut s = s.clone();
            set(&mut s, on);
            s
        })
        .to_vec()
}

/// The ranges worth trying in `s`: its own, none, blank, and the known public addresses.
fn ranges_choices(s: &Scenario) -> Vec<Option<String>> {
    let plan = &s.cluster.addresses;
    let laptop = format!("{}/32", s.laptop_ip);
    let others = [
        plan.onprem_breakout_ip,
        plan.natgw_egress_ip,
        plan.firewall_egress_ip,
    ]
    .map(|ip| format!("{ip}/32"));
    let mut out = vec![
        s.ranges.clone(),
        None,
        Some(String::new()),
        Some(laptop.clone()),
    ];
    for o in &others {
        out.push(Some(o.clone()));
        out.push(Some(format!("{laptop},{o}")));
    }
    out.push(Some(format!("{laptop},{},{}", others[0], others[1])));
    out.push(Some(format!("{laptop},{},{}", others[0], others[2])));
    out.push(Some("0.0.0.0/32".to_string()));
    let mut unique: Vec<Option<String>> = Vec::new();
    for r in out {
        if !unique.contains(&r) {
            unique.push(r);
        }
    }
    unique
}

/// The first scenario of [`setting_space`] that solves the exercise.
pub fn find_solution(ex: &Exercise) -> Option<Scenario> {
    setting_space(ex)
        .into_iter()
        .find(|s| check(ex, s).solved())
}
