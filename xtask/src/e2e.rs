//! Page-level tests: the release site served on loopback, driven in headless Chromium by the scripts
//! under `tests/e2e/`.

use std::path::Path;

use crate::cmd::{command, node_dir, root, run_captured};
use crate::serve;

/// Serves `dist` on an ephemeral port and runs every `tests/e2e/*.test.mjs` against it.
/// Returns whether all passed and the combined output (which ends in `N passed, N failed` lines).
pub fn run_all(dist: &Path) -> (bool, String) {
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
        let script = script.display().to_string();
        let mut c = command("node", &[&script]);
        c.env("AKS_NETVIZ_URL", &base)
            .env("AKS_NETVIZ_NODE_MODULES", node_dir().join("node_modules"))
            .env("AKS_NETVIZ_CHROMIUM", "/usr/bin/chromium");
        let (ok, out) = run_captured(c);
        all_ok &= ok;
        output.push_str(&out);
    }
    (all_ok, output)
}
