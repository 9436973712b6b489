//! Builds the release site into `dist/` with Trunk, offline, then moves Trunk's inline loader into a
//! file of its own so the page runs under a `script-src 'self'` Content-Security-Policy.

use std::path::PathBuf;

use crate::cmd::{command, root, run};
use crate::{check_args, flag_value, tools};

/// `cargo xtask dist [--public-url PATH]`.
pub fn run_dist(args: &[String]) -> Result<(), String> {
    check_args(args, &["--public-url"])?;
    let public_url = flag_value(args, "--public-url")?.unwrap_or("./");
    let dist = build(public_url)?;
    println!("xtask: release site in {}", dist.display());
    Ok(())
}

/// Builds the release site and returns the `dist/` folder.
pub fn build(public_url: &str) -> Result<PathBuf, String> {
    tools::ensure_build_tools()?;
    let dist = root().join("dist");
    run(command(
        "trunk",
        &[
            "build",
            "--release",
            "--offline",
            "--public-url",
            public_url,
            "--dist",
            "dist",
        ],
    ))?;
    externalise_loader(&dist)?;
    Ok(dist)
}

const LOADER_FILE: &str = "boot.js";

/// Moves the `<script type="module">` that Trunk writes inline into `boot.js` beside it.
fn externalise_loader(dist: &std::path::Path) -> Result<(), String> {
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index)
        .map_err(|e| format!("cannot read {}: {e}", index.display()))?;
    let Some((before, script, after)) = split_inline_module(&html) else {
        return Err(
            "dist/index.html has no inline module script; did Trunk's output change?".into(),
        );
    };
    std::fs::write(dist.join(LOADER_FILE), script.trim()).map_err(|e| e.to_string())?;
    let tag = format!("<script type=\"module\" src=\"./{LOADER_FILE}\"></script>");
    std::fs::write(&index, format!("{before}{tag}{after}")).map_err(|e| e.to_string())
}

/// Splits `html` around the first inline `<script type="module">…</script>`: (before, body, after).
/// The release build is minified, which drops the quotes (`<script type=module>`).
fn split_inline_module(html: &str) -> Option<(&str, &str, &str)> {
    let start = ["<script type=\"module\"", "<script type=module"]
        .iter()
        .filter_map(|open| html.find(open))
        .min()?;
    let body_start = start + html[start..].find('>')? + 1;
    if html[start..body_start].contains("src=") {
        return None;
    }
    let body_end = body_start + html[body_start..].find("</script>")?;
    Some((
        &html[..start],
        &html[body_start..body_end],
        &html[body_end + "</script>".len()..],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_the_inline_module_script() {
        let html =
            "<head><script type=\"module\" nonce=\"x\">import init from './a.js';</script></head>";
        let (before, body, after) = split_inline_module(html).expect("found");
        assert_eq!(before, "<head>");
        assert_eq!(body, "import init from './a.js';");
        assert_eq!(after, "</head>");
    }

    #[test]
    fn splits_a_minified_inline_module_script() {
        let html = "<head><script type=module>import init from'./a.js'</script></head>";
        let (before, body, after) = split_inline_module(html).expect("found");
        assert_eq!(before, "<head>");
        assert_eq!(body, "import init from'./a.js'");
        assert_eq!(after, "</head>");
    }

    #[test]
    fn leaves_external_scripts_alone() {
        assert!(
            split_inline_module("<script type=\"module\" src=\"./boot.js\"></script>").is_none()
        );
    }
}
