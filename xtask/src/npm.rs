//! The npm tools (wasm-opt 132, terser, playwright-core, axe-core, and mermaid, the peer `cargo
//! xtask bench` compares the page with) under `xtask/node`, installed with
//! `npm ci` from its `package-lock.json`, and installed again whenever that lockfile changes.

use std::path::Path;

use crate::cmd::{command, node_dir, probe, run};
use crate::tools::step;

/// Written into `node_modules` after `npm ci`: the lockfile's hash at that install, so a changed
/// lockfile (a tool bumped in `xtask/node/package-lock.json`) installs again.
const LOCK_STAMP: &str = ".xtask-lock-stamp";
const NODE_PACKAGES: [&str; 5] = [
    "binaryen",
    "terser",
    "playwright-core",
    "axe-core",
    "mermaid",
];

/// Node.js and npm present, and the npm tools installed from the current lockfile.
pub fn ensure_node_tools() -> Result<(), String> {
    for tool in ["node", "npm"] {
        if !probe(tool, &["--version"], ".") {
            return Err(format!(
                "`{tool}` is not installed; install Node.js 20 or newer (Debian: `apt-get install -y nodejs npm`)"
            ));
        }
    }
    let modules = node_dir().join("node_modules");
    let lock_path = node_dir().join("package-lock.json");
    let lock = std::fs::read(&lock_path)
        .map_err(|e| format!("cannot read {} ({e})", lock_path.display()))?;
    let what = "wasm-opt 132, terser, playwright-core, axe-core, mermaid (npm)";
    if step(what, node_tools_current(&modules, &lock)) {
        return Ok(());
    }
    let mut c = command("npm", &["ci", "--no-audit", "--no-fund"]);
    c.current_dir(node_dir());
    run(c).map_err(|e| {
        format!(
            "{e}; run it by hand:\n  cd {} && npm ci --no-audit --no-fund",
            node_dir().display()
        )
    })?;
    std::fs::write(modules.join(LOCK_STAMP), lock_stamp(&lock)).map_err(|e| {
        format!(
            "cannot record the npm install in {}: {e}",
            modules.display()
        )
    })
}

/// True when every npm tool is installed from exactly this lockfile.
fn node_tools_current(modules: &Path, lock: &[u8]) -> bool {
    NODE_PACKAGES
        .iter()
        .all(|p| modules.join(p).join("package.json").is_file())
        && std::fs::read_to_string(modules.join(LOCK_STAMP))
            .is_ok_and(|stamp| stamp.trim() == lock_stamp(lock))
}

/// FNV-1a (64 bits) of the lockfile, in hex: stable across toolchains, unlike std's hasher.
fn lock_stamp(lock: &[u8]) -> String {
    let hash = lock.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lock_stamp_is_fnv1a_in_hex() {
        // Published FNV-1a 64 test vectors.
        assert_eq!(lock_stamp(b""), "cbf29ce484222325");
        assert_eq!(lock_stamp(b"a"), "af63dc4c8601ec8c");
        assert_eq!(lock_stamp(b"foobar"), "85944171f73967e8");
    }

    #[test]
    fn npm_tools_reinstall_when_the_lockfile_changes() {
        let modules = std::env::temp_dir().join(format!("xtask-npm-{}", std::process::id()));
        for p in NODE_PACKAGES {
            std::fs::create_dir_all(modules.join(p)).unwrap();
            std::fs::write(modules.join(p).join("package.json"), "{}").unwrap();
        }
        let lock = br#"{"lockfileVersion": 3, "packages": {"node_modules/axe-core": {"version": "4.14.1"}}}"#;
        assert!(!node_tools_current(&modules, lock), "never stamped");
        std::fs::write(modules.join(LOCK_STAMP), lock_stamp(lock)).unwrap();
        assert!(node_tools_current(&modules, lock));
        let bumped = br#"{"lockfileVersion": 3, "packages": {"node_modules/axe-core": {"version": "4.15.0"}}}"#;
        assert!(!node_tools_current(&modules, bumped), "lockfile changed");
        std::fs::remove_dir_all(modules.join("binaryen")).unwrap();
        assert!(!node_tools_current(&modules, lock), "a package is gone");
        let _ = std::fs::remove_dir_all(&modules);
    }
}
