//! Running child processes with the project's tool folders on PATH, and echoing what runs.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread::JoinHandle;

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

/// Why `line` did not start; a program that is not on PATH is named as missing, with where the
/// project's tools come from.
fn not_started(c: &Command, line: &str, e: &std::io::Error) -> String {
    if e.kind() == std::io::ErrorKind::NotFound {
        format!(
            "could not start `{line}`: `{}` is not installed (not found on PATH); `cargo xtask` installs its own tools first, see README.md \"Set up, run and test\" for the rest",
            c.get_program().to_string_lossy()
        )
    } else {
        format!("could not start `{line}`: {e}")
    }
}

/// Runs to completion with output passed through; Err names the command when it fails.
pub fn run(mut c: Command) -> Result<(), String> {
    let line = describe(&c);
    println!("$ {line}");
    let status = c.status().map_err(|e| not_started(&c, &line, &e))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{line}` failed ({status})"))
    }
}

/// Runs to completion, printing each line of its output as it arrives (a stage that hangs shows
/// where it hangs) while also returning all of it, so test counts can be read from it.
pub fn run_captured(mut c: Command) -> (bool, String) {
    let line = describe(&c);
    println!("$ {line}");
    c.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = match c.spawn() {
        Ok(child) => child,
        Err(e) => return (false, not_started(&c, &line, &e)),
    };
    let out = child.stdout.take().map(|s| relay(s, false));
    let err = child.stderr.take().map(|s| relay(s, true));
    let status = child.wait();
    let mut text = String::new();
    for relayed in [out, err].into_iter().flatten() {
        text.push_str(&relayed.join().unwrap_or_default());
        text.push('\n');
    }
    match status {
        Ok(status) => (status.success(), text),
        Err(e) => (false, format!("{text}`{line}` failed: {e}")),
    }
}

/// Echoes `stream` line by line (to stderr when `to_stderr`) on a thread of its own, and hands
/// back everything it read when the stream closes.
fn relay(stream: impl Read + Send + 'static, to_stderr: bool) -> JoinHandle<String> {
    std::thread::spawn(move || {
        let mut all = String::new();
        let mut reader = BufReader::new(stream);
        let mut sink: Box<dyn Write> = if to_stderr {
            Box::new(std::io::stderr())
        } else {
            Box::new(std::io::stdout())
        };
        let mut buf = Vec::new();
        while reader.read_until(b'\n', &mut buf).is_ok_and(|n| n > 0) {
            let text = String::from_utf8_lossy(&buf);
            let _ = sink.write_all(text.as_bytes()).and_then(|()| sink.flush());
            all.push_str(&text);
            buf.clear();
        }
        all
    })
}

/// The full path of `program` on the tool PATH, or an error naming the tool and the command that
/// installs it: a bare name handed on to another program would fail later, far from the cause.
pub fn find_tool(program: &str, install: &str) -> Result<PathBuf, String> {
    find_in(&tool_path(), program).ok_or_else(|| {
        format!("`{program}` is not installed (not found on PATH); install it with:\n  {install}")
    })
}

/// `program` in the first folder of the colon-separated `path` that holds it (a path is returned
/// as it is when it names a file).
fn find_in(path: &str, program: &str) -> Option<PathBuf> {
    if program.contains('/') {
        return Path::new(program).is_file().then(|| PathBuf::from(program));
    }
    path.split(':')
        .filter(|d| !d.is_empty())
        .map(|d| Path::new(d).join(program))
        .find(|p| p.is_file())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tool_is_found_in_the_first_folder_that_holds_it() {
        let dir = std::env::temp_dir().join(format!("xtask-find-{}", std::process::id()));
        let (a, b) = (dir.join("a"), dir.join("b"));
        std::fs::create_dir_all(&a).unwrap();
        std::fs::create_dir_all(&b).unwrap();
        std::fs::write(b.join("tool"), "").unwrap();
        let path = format!("{}:{}", a.display(), b.display());
        assert_eq!(find_in(&path, "tool"), Some(b.join("tool")));
        assert_eq!(find_in(&path, "other"), None);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_missing_tool_is_an_error_naming_it_and_its_install_command() {
        let err = find_tool("no-such-tool-xtask", "cargo install no-such-tool-xtask").unwrap_err();
        assert!(
            err.contains("`no-such-tool-xtask` is not installed"),
            "{err}"
        );
        assert!(
            err.contains("\n  cargo install no-such-tool-xtask"),
            "{err}"
        );
    }

    #[test]
    fn a_program_that_is_not_installed_is_named_as_missing() {
        let (ok, text) = run_captured(Command::new("no-such-tool-xtask"));
        assert!(!ok);
        assert!(
            text.contains("`no-such-tool-xtask` is not installed (not found on PATH)"),
            "{text}"
        );
        let err = run(Command::new("no-such-tool-xtask")).unwrap_err();
        assert!(
            err.contains("`no-such-tool-xtask` is not installed"),
            "{err}"
        );
    }

    #[test]
    fn captured_output_holds_both_streams_and_the_status() {
        let mut c = Command::new("sh");
        c.args(["-c", "echo one; echo two >&2; echo three; exit 3"]);
        let (ok, text) = run_captured(c);
        assert!(!ok);
        assert!(text.contains("one\nthree\n"), "{text:?}");
        assert!(text.contains("two\n"), "{text:?}");
    }
}
