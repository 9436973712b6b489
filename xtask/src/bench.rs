//! `cargo xtask bench [change|model]`, `bench mode-change [--changes N]`, `bench diagram
//! [--widths W,W,...]`, `bench first-paint [--loads N]`, and `bench` alone (the native change and
//! the page's mode change in one table): measurements that print figures, never pass/fail.
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

use crate::cmd::{command, root, run as run_cmd, run_captured, target_dir};
use crate::{check_args, count_flag, e2e, flag_value, serve, site, tools};

/// The native benchmark targets `cargo xtask bench` accepts, each a `[[bench]]` of the crate.
pub const TARGETS: &[&str] = &["change"];

/// Older names of native targets, still accepted: `model` was the scenario-matrix benchmark that
/// `change` replaced.
const ALIASES: &[(&str, &str)] = &[("model", "change")];

/// The page widths (CSS px) the diagram is measured at unless `--widths` says otherwise.
const DEFAULT_WIDTHS: &str = "360,720,1280";

/// `cargo xtask bench [NAME...]`: the native benchmarks named, or the diagram, first-paint or
/// mode-change measurement; with no argument, the native change benchmark and the page's mode
/// change, summed up in one table.
pub fn run(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("diagram") => return diagram(&args[1..]),
        Some("first-paint") => return first_paint(&args[1..]),
        Some("mode-change") => return mode_change(&args[1..]).map(|_| ()),
        None => return both(),
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
                        "unknown benchmark `{a}` (accepted: {}, model (the same as change), or diagram [--widths W,W,...], first-paint [--loads N] or mode-change [--changes N] alone)",
                        TARGETS.join(", ")
                    )
                })
        })
        .collect()
}

/// `cargo xtask bench`: one settings change natively and a mode change painted in Chromium, the
/// two budgets a reader feels, in one table at the end.
fn both() -> Result<(), String> {
    let (ok, native) = run_captured(command("cargo", &["bench", "--bench", "change"]));
    if !ok {
        return Err("the native change benchmark failed".into());
    }
    let page = mode_change(&[])?;
    println!("\n{}", summary_table(&format!("{native}\n{page}")));
    Ok(())
}

/// The `summary:` lines the benchmarks print (`summary: WHAT<TAB>MEDIAN<TAB>P95<TAB>BUDGET`),
/// as one aligned table.
fn summary_table(output: &str) -> String {
    let rows: Vec<Vec<&str>> = output
        .lines()
        .filter_map(|l| l.strip_prefix("summary: "))
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|cells| cells.len() == 4)
        .collect();
    let width = rows.iter().map(|r| r[0].len()).max().unwrap_or(0).max(4);
    let mut table = format!(
        "{:<width$}  {:>10}  {:>10}  {:>10}",
        "what", "median", "p95", "budget"
    );
    for r in rows {
        table.push_str(&format!(
            "\n{:<width$}  {:>10}  {:>10}  {:>10}",
            r[0], r[1], r[2], r[3]
        ));
    }
    table
}

/// `cargo xtask bench mode-change [--changes N]`: a click on another mode radio until the next
/// painted frame, in the release site at 1x and 4x CPU; returns what the script printed.
fn mode_change(args: &[String]) -> Result<String, String> {
    check_args(args, &["--changes"])?;
    let changes = count_flag(args, "--changes", 200, 1..=5000, "mode changes")?;
    tools::ensure_page_tools()?;
    let dist = site::build("./")?;
    let base = serve::spawn(dist)?;
    let mut c = measure_script("mode-change-measure.mjs", &base);
    c.env("AKS_NETVIZ_CHANGES", changes.to_string());
    let (ok, out) = run_captured(c);
    if ok {
        Ok(out)
    } else {
        Err("the mode-change measurement failed".into())
    }
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
    copy_dir(&dist, &site_dir)?;
    let index = site::read(&dist.join("index.html"))?;
    let before = site::read(&site::unprerendered_index())?;
    std::fs::write(site_dir.join("unprerendered.html"), &before).map_err(|e| e.to_string())?;
    std::fs::write(site_dir.join("static.html"), static_page(&index)?)
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

/// A page that shows the prerendered diagram's SVG with the site's stylesheet and nothing else:
/// what a blog gets by pasting the picture as a static image.
fn static_page(index: &str) -> Result<String, String> {
    let hook = index
        .find("data-testid=\"network-diagram\"")
        .ok_or("index.html has no prerendered network diagram")?;
    let start = index[..hook]
        .rfind("<svg")
        .ok_or("index.html has no prerendered network diagram")?;
    let end = start
        + index[start..]
            .find("</svg>")
            .ok_or("the prerendered diagram is not closed")?
        + "</svg>".len();
    let css = site::stylesheet_href(index).ok_or("index.html links no stylesheet")?;
    Ok(format!(
        "<!doctype html><html lang=en><head><meta charset=utf-8><meta name=viewport content=\"width=device-width,initial-scale=1\"><title>The same diagram as a static SVG</title><link rel=stylesheet href=\"{css}\"></head><body><main class=page><div class=aks-netviz><div class=diagram-frame><div class=diagram-fit>{}</div></div></div></main></body></html>",
        &index[start..end]
    ))
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| e.to_string())?;
    for entry in std::fs::read_dir(from)
        .map_err(|e| e.to_string())?
        .flatten()
    {
        let path = entry.path();
        if path.is_file() {
            std::fs::copy(&path, to.join(entry.file_name())).map_err(|e| e.to_string())?;
        }
    }
    Ok(())
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
    use super::{native_targets, parse_widths, run, summary_table};

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
    fn the_summary_lines_become_one_aligned_table() {
        let out = "noise\nsummary: native, mode\t0.400 ms\t0.500 ms\t2.000 ms\n\
                   summary: page, 4x CPU\t9.0 ms\t14.2 ms\t16.7 ms\nsummary: broken line\n";
        assert_eq!(
            summary_table(out),
            "what              median         p95      budget\n\
             native, mode    0.400 ms    0.500 ms    2.000 ms\n\
             page, 4x CPU      9.0 ms     14.2 ms     16.7 ms"
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
