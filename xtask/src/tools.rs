//! Installs what the build and the tests need, skipping whatever is already present.
//!
//! Versions and pitfalls are the ones recorded for these machines: Trunk 0.21.14 (0.22 needs a newer
//! rustc), the wasm-bindgen CLI at exactly the version in Cargo.lock, wasm-opt 132 from npm (Debian's
//! 108 cannot parse current rustc output), Debian's Chromium and Firefox ESR, geckodriver from crates.io.

use std::path::Path;

use crate::cmd::{command, probe, root, run};
use crate::npm;

const TRUNK_VERSION: &str = "0.21.14";
pub const GECKODRIVER_VERSION: &str = "0.37.1";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Everything `cargo xtask dist` and `serve` need.
pub fn ensure_build_tools() -> Result<(), String> {
    ensure_rust_parts()?;
    ensure_trunk()?;
    ensure_wasm_bindgen()?;
    npm::ensure_node_tools()
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

/// The nightly toolchain and cargo-fuzz: what `cargo xtask fuzz` needs.
pub fn ensure_fuzz_tools() -> Result<(), String> {
    ensure(
        "nightly toolchain",
        || probe("cargo", &["+nightly", "--version"], "nightly"),
        &[
            "rustup",
            "toolchain",
            "install",
            "nightly",
            "--profile",
            "minimal",
        ],
    )?;
    ensure(
        "cargo-fuzz",
        || probe("cargo", &["+nightly", "fuzz", "--version"], "cargo-fuzz"),
        &["cargo", "install", "cargo-fuzz", "--locked"],
    )
}

/// Prints whether `what` is present or about to be installed; returns `present`.
pub fn step(what: &str, present: bool) -> bool {
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
}
