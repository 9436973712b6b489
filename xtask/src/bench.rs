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
    let chosen: Vec<&str> = if args.is_empty() {
        TARGETS.to_vec()
    } else {
        let mut chosen = Vec::new();
        for a in args {
            if !TARGETS.contains(&a.as_str()) {
                return Err(format!(
                    "unknown benchmark `{a}` (accepted: {}, or diagram [--widths W,W,...] alone)",
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
