//! Benchmark: one settings change in the page, natively (`cargo xtask bench change`, alias
//! `cargo xtask bench model`).
//!
//! The budget a reader feels: every click or keystroke in the settings recomputes everything the
//! page shows before the next frame, so one change must cost under 2 ms natively (the wasm build
//! is a few times slower, and the frame is 16.7 ms). Measured on the heaviest scenario the page
//! allows: a VNet-integrated public cluster with 2,000 authorized /32 ranges (the ARM limit with
//! VNet integration; the laptop's address is the last of them, so the "is the laptop allowed"
//! check scans the whole list).
//!
//! One change is what `ui/state.rs` `compute` does plus what the diagram draws from it: analyse
//! the scenario and trace its client (`simulate`), every hook value (`HookValues::from_trace`,
//! which renders the transcript and the `az aks create` commands), the `az aks update` from the
//! previous scenario, the access profile as JSON (the inspector's first tab), and the network
//! diagram's layout and routed scene for a 1280 px page (routed again, as the page does with
//! `LastScene`, only when the layout or the trace's lines differ from the last change's).
//! Terraform and Bicep are rendered only while their inspector tab is open: their cost is
//! printed apart, as what that tab adds. Each change is applied back and forth (A to B, then B
//! to A), so every sample is a real change, and the typed character alternates between two range
//! lists, so every sample parses a list that differs from the last.
//!
//! Prints the median and 95th percentile per change against the budget, and one `summary:` line
//! per change that `cargo xtask bench` gathers into its table. Figures, not a pass/fail test.

use std::hint::black_box;
use std::time::{Duration, Instant};

use aks_netviz::model::{Analysis, ClientKind, Egress, Mode, Scenario};
use aks_netviz::render::{az_update, bicep, profile_json, terraform, HookValues};
use aks_netviz::ui::diagram::scene::{LastScene, Lines};
use aks_netviz::ui::network::{layout, LayoutKind};

/// What one change may cost natively.
const BUDGET: Duration = Duration::from_millis(2);

/// The page width the diagram is laid out for.
const PAGE_PX: f32 = 1280.0;

/// Timed samples per change, after a tenth as many warm-up ones.
const SAMPLES: usize = 1000;

/// `n` valid, global, distinct /32 ranges, comma separated; the last one is the laptop's
/// default address, the others are in `20.10.0.0/16`–`20.17.0.0/16`.
fn ranges(n: usize) -> String {
    let laptop = Scenario::default().laptop_ip;
    (0..n)
        .map(|i| {
            if i + 1 == n {
                format!("{laptop}/32")
            } else {
                format!("20.{}.{}.1/32", 10 + i / 250, i % 250)
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// Everything the page computes and draws after one change from `previous` to `scenario`;
/// returns a checksum so nothing is optimised away.
fn change(previous: &Scenario, scenario: &Scenario, drawn: &mut LastScene) -> usize {
    let analysis = Analysis::new(black_box(scenario));
    let trace = analysis.trace(scenario.client);
    let hooks = HookValues::from_trace(&analysis, &trace);
    let update = az_update(black_box(previous), scenario);
    let profile = profile_json(&hooks.access_profile);
    let routes = drawn
        .scene(
            layout(scenario, LayoutKind::for_width(PAGE_PX)),
            Lines::of(&trace),
        )
        .routes
        .len();
    hooks.transcript.len() + hooks.az_command.len() + update.commands.len() + profile.len() + routes
}

/// The parts of [`change`], timed one by one: simulate, hook values, the other texts, diagram;
/// then Terraform and Bicep (rendered while their tab is open).
fn parts(previous: &Scenario, scenario: &Scenario, drawn: &mut LastScene) -> [Duration; 5] {
    let start = Instant::now();
    let analysis = Analysis::new(black_box(scenario));
    let trace = analysis.trace(scenario.client);
    let simulated = Instant::now();
    let hooks = black_box(HookValues::from_trace(&analysis, &trace));
    let hooked = Instant::now();
    black_box((
        az_update(black_box(previous), scenario),
        profile_json(&hooks.access_profile),
    ));
    let written = Instant::now();
    black_box(drawn.scene(
        layout(scenario, LayoutKind::for_width(PAGE_PX)),
        Lines::of(&trace),
    ));
    let drawn = Instant::now();
    black_box((terraform(scenario), bicep(scenario)));
    let infrastructure = Instant::now();
    [
        simulated - start,
        hooked - simulated,
        written - hooked,
        drawn - written,
        infrastructure - drawn,
    ]
}

/// The median of each part of [`change`] over changes alternating between `a` and `b`.
fn breakdown(a: &Scenario, b: &Scenario) -> [Duration; 5] {
    let pair = [a, b];
    let mut samples: [Vec<Duration>; 5] = Default::default();
    let mut drawn = LastScene::default();
    for k in 0..SAMPLES / 2 {
        for (all, t) in samples
            .iter_mut()
            .zip(parts(pair[k % 2], pair[(k + 1) % 2], &mut drawn))
        {
            all.push(t);
        }
    }
    samples.map(|mut all| {
        all.sort_unstable();
        all[all.len() / 2]
    })
}

/// The 50th and 95th percentiles of `SAMPLES` timed changes alternating between `a` and `b`.
fn measure(a: &Scenario, b: &Scenario) -> (Duration, Duration) {
    let pair = [a, b];
    let mut drawn = LastScene::default();
    for k in 0..SAMPLES / 10 {
        black_box(change(pair[k % 2], pair[(k + 1) % 2], &mut drawn));
    }
    let mut times: Vec<Duration> = (0..SAMPLES)
        .map(|k| {
            let (from, to) = (pair[k % 2], pair[(k + 1) % 2]);
            let start = Instant::now();
            black_box(change(from, to, &mut drawn));
            start.elapsed()
        })
        .collect();
    times.sort_unstable();
    (times[SAMPLES / 2], times[SAMPLES * 95 / 100])
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1e3)
}

fn main() {
    let base = Scenario {
        mode: Mode::Vnet,
        ranges: Some(ranges(2000)),
        ..Scenario::default()
    };
    let text = base.ranges.clone().unwrap_or_default();
    let changes: [(&str, Scenario); 4] = [
        (
            "mode (vnet <-> authorized)",
            Scenario {
                mode: Mode::Authorized,
                ..base.clone()
            },
        ),
        (
            "client (laptop <-> vm)",
            Scenario {
                client: ClientKind::Vm,
                ..base.clone()
            },
        ),
        (
            "egress (lb <-> natgw)",
            Scenario {
                egress: Egress::NatGw,
                ..base.clone()
            },
        ),
        (
            "one character typed in the ranges",
            Scenario {
                ranges: Some(text.replacen("20.10.0.1/32", "20.10.0.2/32", 1)),
                ..base.clone()
            },
        ),
    ];
    println!(
        "one settings change as the page makes it: simulate, HookValues::from_trace (transcript, az aks create), az_update, access profile JSON, diagram layout and scene at {PAGE_PX} px"
    );
    println!("scenario: mode=vnet (public) with 2,000 authorized /32 ranges, laptop client; {SAMPLES} samples per change, each one way or back");
    println!(
        "{:<36}{:>12}{:>12}   budget {}",
        "change",
        "median",
        "p95",
        ms(BUDGET)
    );
    let mut summary = Vec::new();
    for (name, changed) in &changes {
        let (median, p95) = measure(&base, changed);
        let verdict = if p95 <= BUDGET { "within" } else { "OVER" };
        println!("{name:<36}{:>12}{:>12}   {verdict}", ms(median), ms(p95));
        summary.push(format!(
            "summary: native, one change: {name}\t{}\t{}\t{}",
            ms(median),
            ms(p95),
            ms(BUDGET)
        ));
    }
    let (_, typed) = &changes[3];
    let [simulated, hooks, texts, diagram, infrastructure] = breakdown(&base, typed);
    println!(
        "where one typed character goes (medians): simulate {}, hook values {}, az_update + profile JSON {}, diagram layout + scene {}; with the Terraform or Bicep tab open, Terraform + Bicep add {}",
        ms(simulated),
        ms(hooks),
        ms(texts),
        ms(diagram),
        ms(infrastructure)
    );
    // For `cargo xtask bench`, which gathers these lines into its table.
    println!("{}", summary.join("\n"));
}
