//! Running child processes with the project's tool folders on PATH, and echoing what runs.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The repository root (the parent of `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Cargo's target folder (`CARGO_TARGET_DIR` when set).
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
}

/// Where the npm-installed tools live (wasm-opt, the browser driver, axe-core).
pub fn node_dir() -> PathBuf {
    root().join("xtask").join("node")
}

/// PATH with the npm tools' bin folder and cargo's bin folder first, so Trunk finds the pinned
/// wasm-opt and wasm-bindgen rather than anything older on the machine.
pub fn tool_path() -> String {
    let mut dirs = vec![node_dir().join("node_modules").join(".bin")];
    if let Some(home) = std::env::var_os("CARGO_HOME") {
        dirs.push(PathBuf::from(home).join("bin"));
    } else if let Some(home) = std::env::var_os("HOME") {
        dirs.push(PathBuf::from(home).join(".cargo").join("bin"));
    }
    let mut parts: Vec<String> = dirs.iter().map(|d| d.display().to_string()).collect();
    if let Ok(path) = std::env::var("PATH") {
        parts.push(path);
    }
    parts.join(":")
}

/// A command rooted at the repository with the tool PATH.
pub fn command(program: &str, args: &[&str]) -> Command {
    let mut c = Command::new(program);
    c.args(args).current_dir(root()).env("PATH", tool_path());
    c
}

fn describe(c: &Command) -> String {
    let mut s = c.get_program().to_string_lossy().into_owned();
    for a in c.get_args() {
        s.push(' ');
        s.push_str(&a.to_string_lossy());
    }
    s
}

/// Runs to completion with output passed through; Err names the command when it fails.
pub fn run(mut c: Command) -> Result<(), String> {
    let line = describe(&c);
    println!("$ {line}");
    let status = c
        .status()
        .map_err(|e| format!("could not start `{line}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{line}` failed ({status})"))
    }
}

/// Runs to completion, echoing output while also returning it, so test counts can be read from it.
pub fn run_captured(mut c: Command) -> (bool, String) {
    let line = describe(&c);
    println!("$ {line}");
    c.stdout(Stdio::piped()).stderr(Stdio::piped());
    let child = match c.spawn() {
        Ok(child) => child,
        Err(e) => return (false, format!("could not start `{line}`: {e}")),
    };
    match child.wait_with_output() {
        Ok(out) => {
            let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
            let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
            print!("{stdout}");
            eprint!("{stderr}");
            (out.status.success(), format!("{stdout}\n{stderr}"))
        }
        Err(e) => (false, format!("`{line}` failed: {e}")),
    }
}

/// True when `program --version` (or the given probe args) runs and its output contains `needle`.
pub fn probe(program: &str, args: &[&str], needle: &str) -> bool {
    Command::new(program)
        .args(args)
        .env("PATH", tool_path())
        .output()
        .map(|o| {
            o.status.success()
                && (String::from_utf8_lossy(&o.stdout).contains(needle)
                    || String::from_utf8_lossy(&o.stderr).contains(needle))
        })
        .unwrap_or(false)
}
