//! `cargo xtask`: every set-up, build and check of the project behind one command.
//!
//! Verbs: `serve`, `test`, `dist`, `size`, `bench`, `e2e`, `fuzz`. Each installs what it needs and
//! is missing first, so a fresh clone needs nothing but Rust and the machine's package manager.

mod bench;
mod bench_machine;
mod bench_native;
mod bench_pages;
mod bench_report;
mod cmd;
mod e2e;
mod fuzz;
mod glue;
mod npm;
mod serve;
mod site;
mod size;
mod test;
mod tools;
mod wasm_imports;

use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <verb> [options]

  serve [--port N]            install what is missing, build the release site, serve it on 127.0.0.1
  test                        install what is missing, run every check and test, print a summary
  dist [--public-url PATH]    build the release site into dist/ (default public URL ./)
  size [--max-gz BYTES]       raw and gzip bytes of every file in dist/; non-zero over the budget
  bench [--check]             every measurement of BENCHMARKS.md in one run (long: 44 min on a
                              busy 2-core machine): the site beside the same diagram drawn by
                              Mermaid and as a static SVG page
                              (transfer, first diagram, ready), mode change, play, CPU paused and
                              hidden, memory over 10,000 changes, large pastes, the native command
                              on 10 MB and per change; prints the table and writes BENCHMARKS.md;
                              --check then exits non-zero naming every budget not met
  bench change | model        one settings change as the page makes it, 2,000 ranges: median and
                              p95 per change against 2 ms (cargo bench --bench change)
  bench mode-change [--changes N]
                              build the release site and time N clicks on the mode radios (default
                              200) from the input event to the next painted frame, at 1x and 4x CPU,
                              beside a static page swapping each mode's SVG (the floor)
  bench diagram [--widths W,W,...]
                              build the release site and measure the network diagram in Chromium at
                              each page width (default 360,720,1280): text overlaps, lines crossing
                              boxes and texts, clipped elements, smallest text; detail in
                              target/diagram-measure.json
  bench first-paint [--loads N]
                              build the release site and measure time to first diagram and to ready
                              of index.html with and without its prerendered HTML, beside a static
                              page of the same SVG, at 1x and 4x CPU (median of N loads, default 10);
                              and what the prerendered HTML adds to index.html
  e2e [NAME...]               build the release site and run only the page-level tests
                              (or only tests/e2e/NAME.test.mjs)
  fuzz [--seconds N]          install cargo-fuzz if missing and run each fuzz target of fuzz/ for N
                              seconds (default 60) on the nightly toolchain; fails naming the
                              target and the crash file
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve::run(&args[1..]),
        Some("test") => test::run(&args[1..]),
        Some("dist") => site::run_dist(&args[1..]),
        Some("size") => size::run(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        Some("e2e") => e2e::run(&args[1..]),
        Some("fuzz") => fuzz::run(&args[1..]),
        Some("-h" | "--help" | "help") => {
            print!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(format!("unknown verb `{other}`\n{USAGE}")),
        None => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The value after `flag` in `args`, if the flag is present; an error when it has no value.
pub fn flag_value<'a>(args: &'a [String], flag: &str) -> Result<Option<&'a str>, String> {
    match args.iter().position(|a| a == flag) {
        None => Ok(None),
        Some(i) => args
            .get(i + 1)
            .map(|v| Some(v.as_str()))
            .ok_or_else(|| format!("{flag} needs a value")),
    }
}

/// Refuses arguments the verb does not know, naming them and what is accepted.
pub fn check_args(args: &[String], flags_with_value: &[&str]) -> Result<(), String> {
    let mut i = 0;
    while i < args.len() {
        if flags_with_value.contains(&args[i].as_str()) {
            i += 2;
        } else {
            let accepted = if flags_with_value.is_empty() {
                "no options".to_string()
            } else {
                flags_with_value.join(", ")
            };
            return Err(format!(
                "unknown argument `{}` (accepted: {accepted})",
                args[i]
            ));
        }
    }
    Ok(())
}

/// The number after `flag` (or `default`), within `range`.
pub fn count_flag(
    args: &[String],
    flag: &str,
    default: u32,
    range: std::ops::RangeInclusive<u32>,
    what: &str,
) -> Result<u32, String> {
    match flag_value(args, flag)? {
        None => Ok(default),
        Some(v) => v
            .parse::<u32>()
            .ok()
            .filter(|n| range.contains(n))
            .ok_or_else(|| {
                format!(
                    "{flag} takes a number of {what} from {} to {}, not `{v}`",
                    range.start(),
                    range.end()
                )
            }),
    }
}
