//! `cargo xtask bench [change|model]`, `bench mode-change [--changes N]`, `bench diagram
//! [--widths W,W,...]`, `bench first-paint [--loads N]`: measurements that print figures, never
//! pass/fail. `bench` alone takes every measurement of BENCHMARKS.md in one run (the site beside
//! a Mermaid page and a static SVG page, the native command) and writes that file; `bench
//! --check` does the same, then exits non-zero naming every budget not met.
//!
//! Native benchmarks are plain `harness = false` programs under `benches/` (no criterion: it does
//! not build for wasm32 and doubles a clean build), so for them this verb only picks the target and
//! runs `cargo bench` on it, with the bench profile (opt-level 3, no LTO) rather than the
//! size-tuned release profile.
//!
//! `diagram` measures how legible the network diagram is in the release site: it builds and serves
//! the site as `cargo xtask e2e` does and runs `tests/e2e/diagram-measure.mjs` in headless Chromium
//! at each page width, which prints the figures and writes the detail to
//! `target/diagram-measure.json`.

use std::time::Instant;

use crate::bench_report::{self, Setting};
use crate::cmd::{command, root, run as run_cmd, run_captured, target_dir};
use crate::{bench_machine, bench_native, bench_pages};
use crate::{check_args, count_flag, e2e, flag_value, serve, site, tools};

/// The native benchmark targets `cargo xtask bench` accepts, each a `[[bench]]` of the crate.
pub const TARGETS: &[&str] = &["change"];

/// Older names of native targets, still accepted: `model` was the scenario-matrix benchmark that
/// `change` replaced.
const ALIASES: &[(&str, &str)] = &[("model", "change")];

/// The page widths (CSS px) the diagram is measured at unless `--widths` says otherwise.
const DEFAULT_WIDTHS: &str = "360,720,1280";

/// `cargo xtask bench [NAME...]`: the native benchmarks named, or the diagram, first-paint or
/// mode-change measurement; with no argument (or `--check` alone), every measurement of
/// BENCHMARKS.md in one table.
pub fn run(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("diagram") => return diagram(&args[1..]),
        Some("first-paint") => return first_paint(&args[1..]),
        Some("mode-change") => return mode_change(&args[1..]).map(|_| ()),
        None => return full(false),
        Some("--check") => {
            check_args(&args[1..], &[])?;
            return full(true);
        }
        Some(_) => {}
    }
    for target in native_targets(args)? {
        run_cmd(command("cargo", &["bench", "--bench", target]))?;
    }
    Ok(())
}

/// The `[[bench]]` targets `args` name, aliases resolved; an error names what is accepted.
fn native_targets(args: &[String]) -> Result<Vec<&'static str>, String> {
    args.iter()
        .map(|a| {
            TARGETS
                .iter()
                .find(|t| **t == a.as_str())
                .copied()
                .or_else(|| ALIASES.iter().find(|(old, _)| *old == a.as_str()).map(|(_, new)| *new))
                .ok_or_else(|| {
                    format!(
                        "unknown benchmark `{a}` (accepted: {}, model (the same as change), or diagram [--widths W,W,...], first-paint [--loads N], mode-change [--changes N] or --check alone)",
                        TARGETS.join(", ")
                    )
                })
        })
        .collect()
}

/// The folder (under `target/`) of the pages `bench` compares.
const PAGES_DIR: &str = "bench-pages";

/// `cargo xtask bench [--check]`: every measurement of BENCHMARKS.md in one run, the table
/// printed and written there; with `check`, an error naming every budget not met. A measurement
/// that fails leaves its figures "not measured" in the table and fails the run after it is
/// written.
fn full(check: bool) -> Result<(), String> {
    let started = Instant::now();
    let load = bench_machine::load_average();
    let mut failed = Vec::new();
    let (ok, native) = run_captured(command("cargo", &["bench", "--bench", "change"]));
    if !ok {
        failed.push("the native change benchmark");
    }
    let import = bench_native::import_10mb().unwrap_or_else(|e| {
        eprintln!("xtask: {e}");
        failed.push("the native import of 10 MB");
        String::new()
    });
    tools::ensure_page_tools()?;
    let dist = site::build("./")?;
    let base = serve::spawn(bench_pages::build(&dist, PAGES_DIR)?)?;
    let (ok, modes) = mode_change_on(&base, 200);
    if !ok {
        failed.push("the mode-change measurement");
    }
    let (ok, page) = run_captured(measure_script("bench-measure.mjs", &base));
    if !ok {
        failed.push("the page measurements (tests/e2e/bench-measure.mjs)");
    }
    let output = [native, import, modes, page].join("\n");
    let rows = bench_report::rows(&bench_report::parse_figures(&output), &output);
    let setting = Setting {
        date: bench_machine::now_utc(),
        machine: bench_machine::describe(),
        browser: output
            .lines()
            .find_map(|l| l.strip_prefix("browser: "))
            .unwrap_or("Chromium (version unknown)")
            .trim()
            .to_string(),
        load,
        minutes: started.elapsed().as_secs_f64() / 60.0,
    };
    let path = root().join("BENCHMARKS.md");
    std::fs::write(&path, bench_report::benchmarks_md(&setting, &rows))
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    println!("\n{}", bench_report::table(&rows));
    println!(
        "xtask: written to {} ({:.1} min)",
        path.display(),
        setting.minutes
    );
    if !failed.is_empty() {
        return Err(format!("{} failed", failed.join(", ")));
    }
    if check {
        bench_report::check(&rows)?;
        println!("xtask: every budget is met");
    }
    Ok(())
}

/// `cargo xtask bench mode-change [--changes N]`: a click on another mode radio until the next
/// painted frame, in the release site at 1x and 4x CPU; returns what the script printed.
fn mode_change(args: &[String]) -> Result<String, String> {
    check_args(args, &["--changes"])?;
    let changes = count_flag(args, "--changes", 200, 1..=5000, "mode changes")?;
    tools::ensure_page_tools()?;
    let dist = site::build("./")?;
    let base = serve::spawn(bench_pages::build(&dist, PAGES_DIR)?)?;
    let (ok, out) = mode_change_on(&base, changes);
    if ok {
        Ok(out)
    } else {
        Err("the mode-change measurement failed".into())
    }
}

/// `mode-change-measure.mjs` against the pages at `base` (`bench_pages::build`): the site, then
/// the floor page; whether it ran, and what it printed.
fn mode_change_on(base: &str, changes: u32) -> (bool, String) {
    let mut c = measure_script("mode-change-measure.mjs", base);
    c.env("AKS_NETVIZ_CHANGES", changes.to_string())
        .env("AKS_NETVIZ_FLOOR", "static-modes.html");
    run_captured(c)
}

/// `cargo xtask bench diagram [--widths W,W,...]`.
fn diagram(args: &[String]) -> Result<(), String> {
    check_args(args, &["--widths"])?;
    let widths = parse_widths(flag_value(args, "--widths")?.unwrap_or(DEFAULT_WIDTHS))?;
    tools::ensure_page_tools()?;
    let dist = site::build("./")?;
    let base = serve::spawn(dist)?;
    let mut c = measure_script("diagram-measure.mjs", &base);
    let widths: Vec<String> = widths.iter().map(u32::to_string).collect();
    c.env("AKS_NETVIZ_WIDTHS", widths.join(",")).env(
        "AKS_NETVIZ_MEASURE_OUT",
        target_dir().join("diagram-measure.json"),
    );
    run_cmd(c)
}

/// `cargo xtask bench first-paint [--loads N]`: time to first diagram of the release site with and
/// without its prerendered HTML, beside a static page of the same diagram; and what the
/// prerendered HTML adds to index.html.
fn first_paint(args: &[String]) -> Result<(), String> {
    check_args(args, &["--loads"])?;
    let loads = count_flag(args, "--loads", 10, 1..=100, "page loads")?;
    tools::ensure_page_tools()?;
    let dist = site::build("./")?;
    let site_dir = target_dir().join("first-paint-site");
    let _ = std::fs::remove_dir_all(&site_dir);
    bench_pages::copy_dir(&dist, &site_dir)?;
    let index = site::read(&dist.join("index.html"))?;
    let before = site::read(&site::unprerendered_index())?;
    std::fs::write(site_dir.join("unprerendered.html"), &before).map_err(|e| e.to_string())?;
    std::fs::write(
        site_dir.join("static.html"),
        bench_pages::static_page(&index)?,
    )
    .map_err(|e| e.to_string())?;
    let added = crate::size::prerendered_addition(&index, &before)?;
    println!("the prerendered HTML adds {added} B gzipped to index.html (budget 15,000)");
    let base = serve::spawn(site_dir)?;
    let mut c = measure_script("first-paint-measure.mjs", &base);
    c.env("AKS_NETVIZ_LOADS", loads.to_string());
    run_cmd(c)
}

/// `node tests/e2e/<name>` against the site served at `base`.
fn measure_script(name: &str, base: &str) -> std::process::Command {
    e2e::node_script(&root().join("tests").join("e2e").join(name), base)
}

/// Comma-separated page widths in CSS px, each from 200 to 3840.
fn parse_widths(text: &str) -> Result<Vec<u32>, String> {
    let widths: Vec<u32> = text
        .split(',')
        .map(|w| {
            w.trim()
                .parse::<u32>()
                .ok()
                .filter(|w| (200..=3840).contains(w))
                .ok_or_else(|| {
                    format!("--widths takes page widths from 200 to 3840 px separated by commas, such as {DEFAULT_WIDTHS}, not `{text}`")
                })
        })
        .collect::<Result<_, _>>()?;
    Ok(widths)
}

#[cfg(test)]
mod tests {
    use super::{native_targets, parse_widths, run};

    #[test]
    fn unknown_targets_are_refused_with_the_accepted_list() {
        let err = run(&["criterion".to_string()]).unwrap_err();
        assert!(err.contains("`criterion`"));
        assert!(err.contains("accepted: change, model"), "{err}");
        assert!(
            err.contains("diagram") && err.contains("mode-change"),
            "{err}"
        );
    }

    #[test]
    fn model_is_still_accepted_as_the_change_benchmark() {
        let args = ["model".to_string(), "change".to_string()];
        assert_eq!(native_targets(&args), Ok(vec!["change", "change"]));
    }

    #[test]
    fn mode_change_refuses_a_bad_count_before_building_anything() {
        let err = run(&["mode-change".into(), "--changes".into(), "0".into()]).unwrap_err();
        assert_eq!(
            err,
            "--changes takes a number of mode changes from 1 to 5000, not `0`"
        );
        let err = run(&["mode-change".into(), "--loads".into(), "3".into()]).unwrap_err();
        assert!(err.contains("`--loads`"), "{err}");
    }

    #[test]
    fn check_takes_no_other_argument_and_other_flags_are_refused() {
        let err = run(&["--check".into(), "--loads".into()]).unwrap_err();
        assert_eq!(err, "unknown argument `--loads` (accepted: no options)");
        let err = run(&["--chek".to_string()]).unwrap_err();
        assert!(
            err.contains("`--chek`") && err.contains("--check alone"),
            "{err}"
        );
    }

    #[test]
    fn widths_are_a_comma_separated_list_of_sane_pixels() {
        assert_eq!(parse_widths("360, 720,1280"), Ok(vec![360, 720, 1280]));
        assert!(parse_widths("360,,720").is_err());
        assert!(parse_widths("100").is_err());
        assert!(parse_widths("wide").is_err());
    }

    #[test]
    fn the_diagram_refuses_unknown_options_before_building_anything() {
        let err = run(&["diagram".to_string(), "--width".to_string()]).unwrap_err();
        assert!(err.contains("--width"), "{err}");
    }
}
