//! `cargo xtask bench [model]` and `cargo xtask bench diagram [--widths W,W,...]`: measurements
//! that print figures, never pass/fail.
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

use crate::cmd::{command, root, run as run_cmd, target_dir};
use crate::{check_args, e2e, flag_value, serve, site, tools};

/// The native benchmark targets `cargo xtask bench` accepts, each a `[[bench]]` of the crate.
pub const TARGETS: &[&str] = &["model"];

/// The page widths (CSS px) the diagram is measured at unless `--widths` says otherwise.
const DEFAULT_WIDTHS: &str = "360,720,1280";

/// Runs `cargo bench --bench <target>` for every target named (all when none is), or the diagram
/// measurement when the first argument is `diagram`.
pub fn run(args: &[String]) -> Result<(), String> {
    if args.first().map(String::as_str) == Some("diagram") {
        return diagram(&args[1..]);
    }
    if args.first().map(String::as_str) == Some("first-paint") {
        return first_paint(&args[1..]);
    }
    let chosen: Vec<&str> = if args.is_empty() {
        TARGETS.to_vec()
    } else {
        let mut chosen = Vec::new();
        for a in args {
            if !TARGETS.contains(&a.as_str()) {
                return Err(format!(
                    "unknown benchmark `{a}` (accepted: {}, or diagram [--widths W,W,...] or first-paint [--loads N] alone)",
                    TARGETS.join(", ")
                ));
            }
            chosen.push(a.as_str());
        }
        chosen
    };
    for target in chosen {
        run_cmd(command("cargo", &["bench", "--bench", target]))?;
    }
    Ok(())
}

/// `cargo xtask bench diagram [--widths W,W,...]`.
fn diagram(args: &[String]) -> Result<(), String> {
    check_args(args, &["--widths"])?;
    let widths = parse_widths(flag_value(args, "--widths")?.unwrap_or(DEFAULT_WIDTHS))?;
    tools::ensure_page_tools()?;
    let dist = site::build("./")?;
    let base = serve::spawn(dist)?;
    let script = root().join("tests").join("e2e").join("diagram-measure.mjs");
    let mut c = e2e::node_script(&script, &base);
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
    let loads = match flag_value(args, "--loads")? {
        None => 10,
        Some(v) => v
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=100).contains(n))
            .ok_or_else(|| {
                format!("--loads takes a number of page loads from 1 to 100, not `{v}`")
            })?,
    };
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
    let script = root()
        .join("tests")
        .join("e2e")
        .join("first-paint-measure.mjs");
    let mut c = e2e::node_script(&script, &base);
    c.env("AKS_NETVIZ_LOADS", loads.to_string());
    run_cmd(c)
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
    use super::{parse_widths, run};

    #[test]
    fn unknown_targets_are_refused_with_the_accepted_list() {
        let err = run(&["criterion".to_string()]).unwrap_err();
        assert!(err.contains("`criterion`"));
        assert!(err.contains("accepted: model"));
        assert!(err.contains("diagram"));
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
