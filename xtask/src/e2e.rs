//! Page-level tests: the release site served on loopback, driven in headless Chromium by the scripts
//! under `tests/e2e/`.

use std::path::Path;
use std::process::Command;

use crate::cmd::{self, command, node_dir, root, run_captured, target_dir};
use crate::{check_args, serve, site, tools};

/// `cargo xtask e2e [NAME…]`: the page-level tests alone (or only `tests/e2e/NAME.test.mjs` for
/// each NAME), for a quicker loop than `cargo xtask test`.
pub fn run(args: &[String]) -> Result<(), String> {
    let names: Vec<&str> = args.iter().map(String::as_str).collect();
    if let Some(flag) = names.iter().find(|a| a.starts_with('-')) {
        check_args(&[flag.to_string()], &[])?;
    }
    let dir = root().join("tests").join("e2e");
    if let Some(missing) = names
        .iter()
        .find(|n| !dir.join(format!("{n}.test.mjs")).is_file())
    {
        return Err(format!(
            "no page-level test `{missing}` (tests/e2e/{missing}.test.mjs does not exist)"
        ));
    }
    tools::ensure_test_tools()?;
    let dist = site::build("./")?;
    let (ok, _) = run_selected(&dist, &names);
    if ok {
        Ok(())
    } else {
        Err("page-level tests failed".into())
    }
}

/// The sub-path the project site is tested under, and the folder that build goes to.
const SUBPATH: &str = "/aks-netviz/";
const SUBPATH_DIST: &str = "target/dist-subpath";

/// Page-level tests that run only when named (`cargo xtask e2e NAME`), not in `cargo xtask test`:
/// none now. The soak was one until its widgets answered every batch and a whole run passed.
pub const NAMED_ONLY: &[&str] = &[];

/// Serves `dist` on an ephemeral port and runs every `tests/e2e/*.test.mjs` against it, except
/// [`NAMED_ONLY`]. Returns whether all passed and the combined output (which ends in
/// `N passed, N failed` lines).
pub fn run_all(dist: &Path) -> (bool, String) {
    run_selected(dist, &[])
}

/// As [`run_all`], only the scripts named (all when `names` is empty).
fn run_selected(dist: &Path, names: &[&str]) -> (bool, String) {
    // The native command computes what the page must show; the tests compare the two.
    if let Err(e) = cmd::run(command("cargo", &["build", "--bin", "aks-netviz"])) {
        return not_run(e);
    }
    let cli = target_dir().join("debug").join("aks-netviz");
    let base = match serve::spawn(dist.to_path_buf()) {
        Ok(base) => base,
        Err(e) => return not_run(e),
    };
    // The site as GitHub Pages publishes it: built for a sub-path and served only there.
    let subpath = match site::build_into(SUBPATH, SUBPATH_DIST)
        .and_then(|d| serve::spawn_under(d, SUBPATH))
    {
        Ok(base) => base,
        Err(e) => return not_run(e),
    };
    let dir = root().join("tests").join("e2e");
    let mut scripts: Vec<_> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.to_string_lossy().ends_with(".test.mjs"))
                .filter(|p| {
                    let named = |n: &&str| {
                        p.file_name()
                            .is_some_and(|f| f.to_string_lossy() == format!("{n}.test.mjs"))
                    };
                    if names.is_empty() {
                        !NAMED_ONLY.iter().any(named)
                    } else {
                        names.iter().any(named)
                    }
                })
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
        c.env("AKS_NETVIZ_CLI", &cli)
            .env("AKS_NETVIZ_SUBPATH_URL", &subpath);
        let (ok, out) = run_captured(c);
        all_ok &= ok;
        output.push_str(&out);
    }
    (all_ok, output)
}

/// A failure before any script ran (a build or a server that did not start): printed here, as the
/// scripts' own output is, so that `cargo xtask e2e` says why it failed.
fn not_run(e: String) -> (bool, String) {
    eprintln!("xtask: {e}");
    (false, e)
}

/// `node <script>` for a script that drives the site served at `base` through tests/e2e/harness.mjs.
pub fn node_script(script: &Path, base: &str) -> Command {
    let mut c = command("node", &[&script.display().to_string()]);
    c.env("AKS_NETVIZ_URL", base)
        .env("AKS_NETVIZ_NODE_MODULES", node_dir().join("node_modules"))
        .env("AKS_NETVIZ_CHROMIUM", "/usr/bin/chromium");
    c
}
