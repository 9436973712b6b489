//! `cargo xtask fuzz [--seconds N]`: each fuzz target of `fuzz/` (the deep-link codec, the JSON
//! import, the authorized-ranges parser) run by libFuzzer for a bounded time.
//!
//! Needs the nightly toolchain and cargo-fuzz (installed when missing), and minutes, so it is not
//! part of `cargo xtask test`. Each target starts from its seeds in `fuzz/corpus/<target>/` and
//! keeps what it finds in `target/fuzz/corpus/<target>/`, so the committed seeds stay as they are
//! and a later run goes on from where the last one stopped. The crate has no `unsafe` code, so
//! the targets run without a sanitizer (several times the executions of AddressSanitizer's
//! build), with debug assertions (integer overflow panics).

use crate::cmd::{command, root, run_captured, target_dir};
use crate::{check_args, count_flag, tools};

/// The targets of `fuzz/Cargo.toml`, in the order they run.
pub const TARGETS: &[&str] = &["fragment", "import", "ranges"];

/// Seconds each target runs unless `--seconds` says otherwise.
const DEFAULT_SECONDS: u32 = 60;

/// `cargo xtask fuzz [--seconds N]`: every target for N seconds; fails naming each target that
/// crashed and the file holding the input.
pub fn run(args: &[String]) -> Result<(), String> {
    let seconds = seconds(args)?;
    tools::ensure_fuzz_tools()?;
    let mut crashes = Vec::new();
    let mut summary = Vec::new();
    for target in TARGETS {
        let corpus = target_dir().join("fuzz").join("corpus").join(target);
        std::fs::create_dir_all(&corpus)
            .map_err(|e| format!("cannot create {}: {e}", corpus.display()))?;
        let seeds = root().join("fuzz").join("corpus").join(target);
        let build_dir = target_dir().join("fuzz").join("build");
        let (corpus, seeds, build_dir) = (
            corpus.display().to_string(),
            seeds.display().to_string(),
            build_dir.display().to_string(),
        );
        let time = format!("-max_total_time={seconds}");
        let (ok, out) = run_captured(command(
            "cargo",
            &[
                "+nightly",
                "fuzz",
                "run",
                "--sanitizer",
                "none",
                "--debug-assertions",
                "--target-dir",
                &build_dir,
                target,
                &corpus,
                &seeds,
                "--",
                &time,
            ],
        ));
        let runs = executions(&out).unwrap_or_else(|| "no count".to_string());
        if ok {
            summary.push(format!("{target}: {runs} in {seconds} s, no crash"));
        } else {
            summary.push(format!("{target}: crashed after {runs}"));
            crashes.push(crash_message(target, &out));
        }
    }
    for line in &summary {
        println!("xtask: fuzz {line}");
    }
    if crashes.is_empty() {
        Ok(())
    } else {
        Err(crashes.join("\n"))
    }
}

/// The `--seconds` value (default 60), from 1 to 86,400; other options are refused.
fn seconds(args: &[String]) -> Result<u32, String> {
    check_args(args, &["--seconds"])?;
    count_flag(
        args,
        "--seconds",
        DEFAULT_SECONDS,
        1..=86_400,
        "seconds per target",
    )
}

/// How many inputs libFuzzer ran, from its closing `Done N runs in S second(s)` line (or the
/// last status line, `#N ...`, when it stopped on a crash).
fn executions(out: &str) -> Option<String> {
    if let Some(done) = out.lines().rev().find_map(|l| l.strip_prefix("Done ")) {
        return done.split(" in ").next().map(str::to_string);
    }
    out.lines()
        .rev()
        .filter_map(|l| l.strip_prefix('#'))
        .find_map(|l| l.split_whitespace().next()?.parse::<u64>().ok())
        .map(|n| format!("{n} runs"))
}

/// What failed, naming the target and the file libFuzzer wrote the input to.
fn crash_message(target: &str, out: &str) -> String {
    match crash_file(out) {
        Some(file) => format!(
            "fuzz target `{target}` crashed; the input is in {file}\n  reproduce: cargo +nightly fuzz run --sanitizer none --debug-assertions {target} {file}"
        ),
        None => format!(
            "fuzz target `{target}` failed without writing a crash file (a build error? see the output above)"
        ),
    }
}

/// The path in libFuzzer's `Test unit written to PATH` line.
fn crash_file(out: &str) -> Option<&str> {
    out.lines()
        .rev()
        .find_map(|l| l.split_once("Test unit written to "))
        .map(|(_, path)| path.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn seconds_default_to_a_minute_and_take_a_bounded_count() {
        assert_eq!(seconds(&[]), Ok(60));
        assert_eq!(seconds(&args(&["--seconds", "120"])), Ok(120));
        assert_eq!(seconds(&args(&["--seconds", "86400"])), Ok(86_400));
    }

    #[test]
    fn a_bad_seconds_value_is_refused_before_installing_anything() {
        for bad in ["0", "-5", "ten", "1.5", "86401", ""] {
            assert_eq!(
                run(&args(&["--seconds", bad])).unwrap_err(),
                format!(
                    "--seconds takes a number of seconds per target from 1 to 86400, not `{bad}`"
                )
            );
        }
        assert_eq!(
            run(&args(&["--seconds"])).unwrap_err(),
            "--seconds needs a value"
        );
        let err = run(&args(&["--time", "5"])).unwrap_err();
        assert!(
            err.contains("`--time`") && err.contains("--seconds"),
            "{err}"
        );
    }

    #[test]
    fn the_run_count_comes_from_the_closing_line_or_the_last_status_line() {
        let done = "#1024\tpulse  cov: 10 ft: 12 corp: 3/40b exec/s: 512 rss: 40Mb\nDone 2468642 runs in 121 second(s)\n";
        assert_eq!(executions(done).as_deref(), Some("2468642 runs"));
        let crashed = "#7\tINITED cov: 5\n#1900\tNEW    cov: 9 ft: 9\n==12== ERROR: libFuzzer: deadly signal\n";
        assert_eq!(executions(crashed).as_deref(), Some("1900 runs"));
        assert_eq!(executions("error: could not compile"), None);
    }

    #[test]
    fn a_crash_names_the_target_and_the_file_holding_the_input() {
        let out = "==1== ERROR: libFuzzer: deadly signal\nartifact_prefix='/r/fuzz/artifacts/ranges/'; Test unit written to /r/fuzz/artifacts/ranges/crash-abc\nBase64: MQ==\n";
        let msg = crash_message("ranges", out);
        assert!(
            msg.starts_with(
                "fuzz target `ranges` crashed; the input is in /r/fuzz/artifacts/ranges/crash-abc"
            ),
            "{msg}"
        );
        assert!(msg.contains("fuzz run --sanitizer none --debug-assertions ranges /r/fuzz/artifacts/ranges/crash-abc"), "{msg}");
        assert!(crash_message("import", "error[E0425]").contains("without writing a crash file"));
    }
}
