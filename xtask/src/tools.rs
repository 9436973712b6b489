//! Installs what the build and the tests need, skipping whatever is already present.
//!
//! Versions and pitfalls are the ones recorded for these machines: Trunk 0.21.14 (0.22 needs a newer
//! rustc), the wasm-bindgen CLI at exactly the version in Cargo.lock, wasm-opt 132 from npm (Debian's
//! 108 cannot parse current rustc output), Debian's Chromium and Firefox ESR, geckodriver from crates.io.

use std::path::Path;

use crate::cmd::{command, node_dir, probe, root, run};

const TRUNK_VERSION: &str = "0.21.14";
const GECKODRIVER_VERSION: &str = "0.37.1";
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
    let targets = std::process::Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    if !step(
        "wasm32 target",
        targets.lines().any(|l| l.trim() == WASM_TARGET),
    ) {
        run(command("rustup", &["target", "add", WASM_TARGET]))?;
    }
    let fmt = probe("cargo", &["fmt", "--version"], "rustfmt");
    let clippy = probe("cargo", &["clippy", "--version"], "clippy");
    if !step("rustfmt and clippy", fmt && clippy) {
        run(command(
            "rustup",
            &["component", "add", "rustfmt", "clippy"],
        ))?;
    }
    Ok(())
}

fn ensure_trunk() -> Result<(), String> {
    if !step(
        &format!("trunk {TRUNK_VERSION}"),
        probe("trunk", &["--version"], TRUNK_VERSION),
    ) {
        run(command(
            "cargo",
            &["install", &format!("trunk@{TRUNK_VERSION}"), "--locked"],
        ))?;
    }
    Ok(())
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
    let present = probe("wasm-bindgen", &["--version"], &version)
        && probe("wasm-bindgen-test-runner", &["--version"], &version);
    if !step(&format!("wasm-bindgen CLI {version}"), present) {
        // Not --locked: the CLI's lock file names a dependency version the registry no longer has.
        run(command(
            "cargo",
            &["install", &format!("wasm-bindgen-cli@{version}")],
        ))?;
    }
    Ok(())
}

fn ensure_node_tools() -> Result<(), String> {
    if !probe("npm", &["--version"], ".") {
        return Err(
            "npm is missing; install Node.js 20 or newer (Debian: `apt-get install -y nodejs npm`)"
                .into(),
        );
    }
    let modules = node_dir().join("node_modules");
    let present = ["binaryen", "playwright-core", "axe-core"]
        .iter()
        .all(|p| modules.join(p).join("package.json").is_file());
    if !step("wasm-opt 132, playwright-core, axe-core (npm)", present) {
        let mut c = command("npm", &["ci", "--no-audit", "--no-fund"]);
        c.current_dir(node_dir());
        run(c)?;
    }
    Ok(())
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

fn ensure_geckodriver() -> Result<(), String> {
    if !step(
        "geckodriver",
        probe("geckodriver", &["--version"], "geckodriver"),
    ) {
        run(command(
            "cargo",
            &["install", &format!("geckodriver@{GECKODRIVER_VERSION}")],
        ))?;
    }
    Ok(())
}
