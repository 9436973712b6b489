//! Benchmark: the simulator over the whole scenario matrix (`cargo xtask bench model`).
//!
//! Why: the page re-simulates on every click and the workshop grader runs whole matrices, and
//! the authorized-ranges filter is the one input that can grow large (2,000 ranges with VNet
//! integration). No criterion (it does not build for wasm32 and adds minutes to a clean build):
//! plain `Instant`, a warm-up, then the median and minimum of repeated runs.
//!
//! The matrix is the full product of every scenario knob:
//! mode × dns (unset, system, byo, none) × publicfqdn (unset, on, off) × private (off, on) ×
//! client (6) × egress (3) × zonelink × forwarder × runcommand × kubeconfig × laptop IP (inside
//! or outside the ranges). `ranges` is 2,000 global /32s (20.0.0.0/8) with VNet integration and
//! the first 200 of them (the maximum without it) with `mode=authorized`; the other modes do
//! not take ranges. Invalid combinations are part of the matrix: validating is work too.

use std::hint::black_box;
use std::net::Ipv4Addr;
use std::time::{Duration, Instant};

use aks_netviz::model::{
    simulate, Analysis, ClientKind, DnsZone, Egress, Kubeconfig, Mode, Outcome, Scenario,
};

/// `n` valid, global, distinct /32 ranges, comma separated.
fn ranges(n: usize) -> String {
    (0..n)
        .map(|i| format!("20.{}.{}.1/32", 10 + i / 250, i % 250))
        .collect::<Vec<_>>()
        .join(",")
}

/// The access configurations: mode × dns × publicfqdn × private, with their ranges.
fn access_configs() -> Vec<Scenario> {
    let ranges_2000 = ranges(2000);
    let ranges_200 = ranges(200);
    let mut out = Vec::new();
    for &mode in Mode::ALL {
        for dns in [
            None,
            Some(DnsZone::System),
            Some(DnsZone::Byo),
            Some(DnsZone::None),
        ] {
            for public_fqdn in [None, Some(true), Some(false)] {
                for private in [false, true] {
                    let mut s = Scenario {
                        mode,
                        dns,
                        public_fqdn,
                        private,
                        ..Scenario::default()
                    };
                    s.ranges = match mode {
                        Mode::Authorized => Some(ranges_200.clone()),
                        Mode::Vnet => Some(ranges_2000.clone()),
                        Mode::Public | Mode::Private => None,
                    };
                    out.push(s);
                }
            }
        }
    }
    out
}

/// Calls `f` on every scenario of the matrix: each access configuration × client × egress ×
/// zonelink × forwarder × runcommand × kubeconfig × laptop IP. One scenario per configuration
/// is mutated in place, so the benchmark measures the model, not copies of the ranges text.
fn for_each(configs: &[Scenario], mut f: impl FnMut(&Scenario)) {
    let inside = Ipv4Addr::new(20, 10, 0, 1);
    let outside = Ipv4Addr::new(81, 56, 99, 99);
    let bools = [false, true];
    for config in configs {
        let mut s = config.clone();
        for &client in ClientKind::ALL {
            s.client = client;
            for &egress in Egress::ALL {
                s.egress = egress;
                for zone_link in bools {
                    s.zone_link = zone_link;
                    for forwarder in bools {
                        s.forwarder = forwarder;
                        for run_command in bools {
                            s.run_command = run_command;
                            for &kubeconfig in Kubeconfig::ALL {
                                s.kubeconfig = kubeconfig;
                                for ip in [inside, outside] {
                                    s.laptop_ip = ip;
                                    f(&s);
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// One full simulation pass; returns a checksum so nothing is optimised away.
fn pass(configs: &[Scenario]) -> usize {
    let mut sum = 0usize;
    for_each(configs, |s| {
        let t = simulate(black_box(s));
        sum = sum.wrapping_add(t.outcome as usize + t.path.len() + t.kubectl_output.len());
        black_box(&t);
    });
    sum
}

/// The per-scenario analysis alone (names, range parsing, validation, tunnel state), to show
/// how the cost splits between deriving facts and building the animated trace.
fn analysis_pass(configs: &[Scenario]) -> usize {
    let mut sum = 0usize;
    for_each(configs, |s| {
        let a = Analysis::new(black_box(s));
        sum = sum.wrapping_add(a.validation().len() + a.tunnel() as usize);
        black_box(&a);
    });
    sum
}

/// Median and minimum of `runs` timed calls after three warm-up calls.
fn time(runs: usize, mut f: impl FnMut() -> usize) -> (Duration, Duration) {
    for _ in 0..3 {
        black_box(f());
    }
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .collect();
    times.sort_unstable();
    (times[runs / 2], times[0])
}

fn fmt(d: Duration) -> String {
    let ns = d.as_nanos();
    if ns >= 1_000_000 {
        format!("{:.2} ms", ns as f64 / 1e6)
    } else if ns >= 1_000 {
        format!("{:.2} µs", ns as f64 / 1e3)
    } else {
        format!("{ns} ns")
    }
}

fn main() {
    // `cargo bench` passes `--bench` (and maybe a filter); there is only one benchmark.
    let configs = access_configs();
    let mut n = 0usize;
    let mut outcomes = [0usize; 5];
    for_each(&configs, |s| {
        n += 1;
        let o = simulate(s).outcome;
        let i = Outcome::ALL.iter().position(|x| *x == o).unwrap_or(0);
        outcomes[i] += 1;
    });
    let per = |d: Duration| fmt(d / u32::try_from(n.max(1)).unwrap_or(u32::MAX));
    let runs = 15;
    let (median, min) = time(runs, || pass(&configs));
    let (a_median, a_min) = time(runs, || analysis_pass(&configs));

    println!("model matrix: {n} scenarios = {} access configurations (mode × dns × publicfqdn × private) × 6 clients × 3 egress × zonelink × forwarder × runcommand × kubeconfig × laptop IP in/out", configs.len());
    let counts: Vec<String> = Outcome::ALL
        .iter()
        .zip(outcomes)
        .map(|(o, c)| format!("{o} {c}"))
        .collect();
    println!("outcomes: {}", counts.join(", "));
    println!("authorized ranges: 2,000 with mode=vnet, 200 with mode=authorized");
    println!(
        "full matrix (simulate): median {}, min {} ({runs} runs after 3 warm-up runs)",
        fmt(median),
        fmt(min)
    );
    println!(
        "per scenario (simulate): median {}, min {}",
        per(median),
        per(min)
    );
    println!(
        "analysis only (names, ranges, validation, tunnel): median {} per matrix, {} per scenario",
        fmt(a_median),
        per(a_median)
    );
    let _ = a_min;
}
