//! Installs what the build and the tests need, skipping whatever is already present.
//!
//! Versions and pitfalls are the ones recorded for these machines: Trunk 0.21.14 (0.22 needs a newer
//! rustc), the wasm-bindgen CLI at exactly the version in Cargo.lock, wasm-opt 132 from npm (Debian's
//! 108 cannot parse current rustc output), Debian's Chromium and Firefox ESR, geckodriver from crates.io.

use std::path::Path;

use crate::cmd::{command, node_dir, probe, root, run};

const TRUNK_VERSION: &str = "0.21.14";
pub const GECKODRIVER_VERSION: &str = "0.37.1";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Everything `cargo xtask dist` and `serve` need.
pub fn ensure_build_tools() -> Result<(), String> {
    ensure_rust_parts()?;
    ensure_trunk()?;
    ensure_wasm_bindgen()?;
    ensure_node_tools()
}

/// The build tools and headless Chromium: what a script driving the built page needs.
pub fn ensure_page_tools() -> Result<(), String> {
    ensure_build_tools()?;
    ensure_browsers()
}

/// Everything `cargo xtask test` needs on top of the build tools.
pub fn ensure_test_tools() -> Result<(), String> {
    ensure_page_tools()?;
    ensure_geckodriver()
}

fn step(what: &str, present: bool) -> bool {
    if present {
        println!("xtask: {what}: present");
    } else {
        println!("xtask: {what}: installing");
    }
    present
}

fn ensure_rust_parts() -> Result<(), String> {
    ensure(
        "wasm32 target",
        || {
            std::process::Command::new("rustup")
                .args(["target", "list", "--installed"])
                .output()
                .is_ok_and(|o| {
                    String::from_utf8_lossy(&o.stdout)
                        .lines()
                        .any(|l| l.trim() == WASM_TARGET)
                })
        },
        &["rustup", "target", "add", WASM_TARGET],
    )?;
    ensure(
        "rustfmt and clippy",
        || {
            probe("cargo", &["fmt", "--version"], "rustfmt")
                && probe("cargo", &["clippy", "--version"], "clippy")
        },
        &["rustup", "component", "add", "rustfmt", "clippy"],
    )
}

fn ensure_trunk() -> Result<(), String> {
    let trunk = format!("trunk@{TRUNK_VERSION}");
    ensure(
        &format!("trunk {TRUNK_VERSION}"),
        || probe("trunk", &["--version"], TRUNK_VERSION),
        &["cargo", "install", &trunk, "--locked"],
    )
}

/// The wasm-bindgen version Cargo.lock resolved; the CLI must match it exactly.
pub fn wasm_bindgen_version() -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock ({e}); run `cargo generate-lockfile`"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = "))
            {
                return Ok(v.trim_matches('"').to_string());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen entry".into())
}

fn ensure_wasm_bindgen() -> Result<(), String> {
    let version = wasm_bindgen_version()?;
    let cli = format!("wasm-bindgen-cli@{version}");
    // Not --locked: the CLI's lock file names a dependency version the registry no longer has.
    ensure(
        &format!("wasm-bindgen CLI {version}"),
        || {
            probe("wasm-bindgen", &["--version"], &version)
                && probe("wasm-bindgen-test-runner", &["--version"], &version)
        },
        &["cargo", "install", &cli],
    )
}

/// Written into `node_modules` after `npm ci`: the lockfile's hash at that install, so a changed
/// lockfile (a tool bumped in `xtask/node/package-lock.json`) installs again.
const LOCK_STAMP: &str = ".xtask-lock-stamp";
const NODE_PACKAGES: [&str; 3] = ["binaryen", "playwright-core", "axe-core"];

fn ensure_node_tools() -> Result<(), String> {
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
    let what = "wasm-opt 132, playwright-core, axe-core (npm)";
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

const BROWSER_FILES: [&str; 3] = [
    "/usr/bin/chromium",
    "/usr/bin/chromedriver",
    "/usr/bin/firefox-esr",
];
const APT_PACKAGES: [&str; 3] = ["chromium", "chromium-driver", "firefox-esr"];

fn ensure_browsers() -> Result<(), String> {
    let present = BROWSER_FILES.iter().all(|f| Path::new(f).exists());
    if step("Chromium, ChromeDriver, Firefox ESR", present) {
        return Ok(());
    }
    let is_root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false);
    let is_debian = Path::new("/etc/debian_version").exists();
    let install = format!("apt-get install -y {}", APT_PACKAGES.join(" "));
    if !(is_root && is_debian) {
        return Err(format!(
            "headless browsers are missing and this is not a Debian machine run as root; install them, then run again:\n  sudo apt-get update\n  sudo {install}"
        ));
    }
    run(command("apt-get", &["update"]))?;
    let mut args = vec!["install", "-y"];
    args.extend(APT_PACKAGES);
    let mut c = command("apt-get", &args);
    c.env("DEBIAN_FRONTEND", "noninteractive");
    run(c)
}

/// What installs the ChromeDriver the Chrome browser tests use.
pub const CHROMEDRIVER_INSTALL: &str = "apt-get install -y chromium-driver";

/// The command that installs the geckodriver the Firefox browser tests expect.
pub fn geckodriver_install() -> String {
    format!("cargo install geckodriver@{GECKODRIVER_VERSION}")
}

/// The version `geckodriver --version` reports on its first line (`geckodriver 0.37.1 (…)`).
fn geckodriver_version(output: &str) -> Option<&str> {
    output
        .lines()
        .next()?
        .strip_prefix("geckodriver ")?
        .split_whitespace()
        .next()
}

fn installed_geckodriver() -> Option<String> {
    let out = std::process::Command::new("geckodriver")
        .arg("--version")
        .env("PATH", crate::cmd::tool_path())
        .output()
        .ok()?;
    geckodriver_version(&String::from_utf8_lossy(&out.stdout)).map(str::to_string)
}

/// geckodriver at exactly [`GECKODRIVER_VERSION`]: another version is replaced (cargo's bin folder
/// comes first on the tool PATH), and one that stays wrong fails with the command to run.
fn ensure_geckodriver() -> Result<(), String> {
    let wanted = format!("geckodriver {GECKODRIVER_VERSION}");
    match installed_geckodriver() {
        Some(v) if v == GECKODRIVER_VERSION => {
            step(&wanted, true);
            return Ok(());
        }
        Some(v) => println!("xtask: {wanted}: found {v}, installing {GECKODRIVER_VERSION}"),
        None => {
            step(&wanted, false);
        }
    }
    let install = geckodriver_install();
    let args: Vec<&str> = install.split(' ').collect();
    run(command(args[0], &args[1..])).map_err(|e| format!("{e}; run it by hand:\n  {install}"))?;
    match installed_geckodriver() {
        Some(v) if v == GECKODRIVER_VERSION => Ok(()),
        found => Err(format!(
            "geckodriver {GECKODRIVER_VERSION} is expected but the PATH gives {}; run:\n  {install} --force",
            found.map_or("none".to_string(), |v| format!("version {v}"))
        )),
    }
}

/// Installs `what` with the command `install` unless `present` says it is there, then checks
/// again: an install that did not take fails here, naming the tool and the command, rather than
/// later as a program the shell cannot find.
fn ensure(what: &str, present: impl Fn() -> bool, install: &[&str]) -> Result<(), String> {
    if step(what, present()) {
        return Ok(());
    }
    let line = install.join(" ");
    run(command(install[0], &install[1..]))
        .map_err(|e| format!("{what} could not be installed: {e}; run it by hand:\n  {line}"))?;
    if present() {
        Ok(())
    } else {
        Err(format!(
            "{what} is still missing after `{line}`; check that cargo's bin folder is on PATH and run it again by hand:\n  {line}"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn geckodriver_version_is_read_from_its_first_line() {
        let out = "geckodriver 0.37.1 (a1b2c3d4 2025-10-06 11:00 +0000)\n\nThe source code of this program is available...";
        assert_eq!(geckodriver_version(out), Some("0.37.1"));
        assert_eq!(geckodriver_version("geckodriver 0.36.0\n"), Some("0.36.0"));
        assert_eq!(geckodriver_version("chromedriver 120\n"), None);
        assert_eq!(geckodriver_version(""), None);
    }

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
