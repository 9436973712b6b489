//! Page-level tests: the release site served on loopback, driven in headless Chromium by the scripts
//! under `tests/e2e/`.

use std::path::Path;
use std::process::Command;

use crate::cmd::{self, command, node_dir, root, run_captured, target_dir};
use crate::{check_args, serve, site, tools};

/// `cargo xtask e2e`: the page-level tests alone, for a quicker loop than `cargo xtask test`.
pub fn run(args: &[String]) -> Result<(), String> {
    check_args(args, &[])?;
    tools::ensure_test_tools()?;
    let dist = site::build("./")?;
    let (ok, _) = run_all(&dist);
    if ok {
        Ok(())
    } else {
        Err("page-level tests failed".into())
    }
}

/// Serves `dist` on an ephemeral port and runs every `tests/e2e/*.test.mjs` against it.
/// Returns whether all passed and the combined output (which ends in `N passed, N failed` lines).
pub fn run_all(dist: &Path) -> (bool, String) {
    // The native command computes what the page must show; the tests compare the two.
    if let Err(e) = cmd::run(command("cargo", &["build", "--bin", "aks-netviz"])) {
        return (false, e);
    }
    let cli = target_dir().join("debug").join("aks-netviz");
    let base = match serve::spawn(dist.to_path_buf()) {
        Ok(base) => base,
        Err(e) => return (false, e),
    };
    let dir = root().join("tests").join("e2e");
    let mut scripts: Vec<_> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.to_string_lossy().ends_with(".test.mjs"))
                .collect()
        })
        .unwrap_or_default();
    scripts.sort();
    if scripts.is_empty() {
        return (
            false,
            format!("no page-level tests found in {}", dir.display()),
        );
    }
    let mut all_ok = true;
    let mut output = String::new();
    for script in scripts {
        let mut c = node_script(&script, &base);
        c.env("AKS_NETVIZ_CLI", &cli);
        let (ok, out) = run_captured(c);
        all_ok &= ok;
        output.push_str(&out);
    }
    (all_ok, output)
}

/// `node <script>` for a script that drives the site served at `base` through tests/e2e/harness.mjs.
pub fn node_script(script: &Path, base: &str) -> Command {
    let mut c = command("node", &[&script.display().to_string()]);
    c.env("AKS_NETVIZ_URL", base)
        .env("AKS_NETVIZ_NODE_MODULES", node_dir().join("node_modules"))
        .env("AKS_NETVIZ_CHROMIUM", "/usr/bin/chromium");
    c
}
