//! `cargo xtask bench [model]`: run the native benchmarks and print their figures.
//!
//! Benchmarks are plain `harness = false` programs under `benches/` (no criterion: it does not
//! build for wasm32 and doubles a clean build), so this verb only picks the target and runs
//! `cargo bench` on it, with the bench profile (opt-level 3, no LTO) rather than the
//! size-tuned release profile.

use crate::cmd::{command, run as run_cmd};

/// The benchmark targets `cargo xtask bench` accepts, each a `[[bench]]` of the crate.
pub const TARGETS: &[&str] = &["model"];

/// Runs `cargo bench --bench <target>` for every target named (all when none is).
pub fn run(args: &[String]) -> Result<(), String> {
    let chosen: Vec<&str> = if args.is_empty() {
        TARGETS.to_vec()
    } else {
        let mut chosen = Vec::new();
        for a in args {
            if !TARGETS.contains(&a.as_str()) {
                return Err(format!(
                    "unknown benchmark `{a}` (accepted: {})",
                    TARGETS.join(", ")
                ));
            }
            chosen.push(a.as_str());
        }
        chosen
    };
    for target in chosen {
        run_cmd(command("cargo", &["bench", "--bench", target]))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::run;

    #[test]
    fn unknown_targets_are_refused_with_the_accepted_list() {
        let err = run(&["criterion".to_string()]).unwrap_err();
        assert!(err.contains("`criterion`"));
        assert!(err.contains("accepted: model"));
    }
}
