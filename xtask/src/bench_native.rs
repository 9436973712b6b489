//! The native command on a large input: `target/release/aks-netviz import FILE` (docs/contract.md)
//! on a generated 10 MB `az aks show` JSON, wall time. Whatever the command answers (a fragment,
//! or a refusal saying what is wrong) counts; it must answer, not hang or crash.

use std::path::Path;
use std::time::Instant;

use crate::cmd::{command, run, target_dir};

/// The size of the generated input.
const INPUT_BYTES: usize = 10 * 1024 * 1024;

/// Runs of the command, of which the median is reported.
const RUNS: usize = 5;

/// Builds the release command, writes the input under `target/` and prints the
/// `figure: native.import-10mb<TAB>MS` line `cargo xtask bench` gathers; returns it.
pub fn import_10mb() -> Result<String, String> {
    run(command(
        "cargo",
        &["build", "--release", "--quiet", "--bin", "aks-netviz"],
    ))?;
    let cli = target_dir().join("release").join("aks-netviz");
    let input = target_dir().join("az-aks-show-10mb.json");
    let json = az_show_json(INPUT_BYTES);
    std::fs::write(&input, &json).map_err(|e| format!("cannot write {}: {e}", input.display()))?;
    let mut times = Vec::with_capacity(RUNS);
    for i in 0..RUNS {
        let (ms, answer) = time_import(&cli, &input)?;
        if i == 0 {
            println!(
                "aks-netviz import of {} B ({} ranges): {answer}",
                json.len(),
                json.matches("/32").count()
            );
        }
        times.push(ms);
    }
    times.sort_by(f64::total_cmp);
    let line = format!("figure: native.import-10mb\t{}", times[RUNS / 2]);
    println!("{line}");
    Ok(line)
}

/// Wall time of one `aks-netviz import FILE` in ms, and the first line it answered (stdout, or
/// stderr when it refused the input).
fn time_import(cli: &Path, input: &Path) -> Result<(f64, String), String> {
    let start = Instant::now();
    let out = std::process::Command::new(cli)
        .arg("import")
        .arg(input)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", cli.display()))?;
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    let text = if out.status.success() {
        &out.stdout
    } else {
        &out.stderr
    };
    let first = String::from_utf8_lossy(text)
        .lines()
        .next()
        .unwrap_or("")
        .chars()
        .take(160)
        .collect::<String>();
    if out.status.code().is_none() {
        return Err(format!(
            "`aks-netviz import` was killed ({}) on the 10 MB input",
            out.status
        ));
    }
    Ok((ms, format!("{}, {first}", out.status)))
}

/// `az aks show` output of a VNet-integrated public cluster whose authorized ranges (distinct
/// /32s) make the text at least `min_bytes` long.
fn az_show_json(min_bytes: usize) -> String {
    let head = "{\n  \"name\": \"aks-ntwdemo1\",\n  \"apiServerAccessProfile\": {\n    \"enableVnetIntegration\": true,\n    \"authorizedIpRanges\": [\n";
    let tail = "\n    ]\n  }\n}\n";
    let mut json = String::with_capacity(min_bytes + 64);
    json.push_str(head);
    let mut i: u32 = 0;
    while json.len() + tail.len() < min_bytes {
        if i > 0 {
            json.push_str(",\n");
        }
        json.push_str(&format!(
            "      \"20.{}.{}.{}/32\"",
            10 + (i >> 16),
            (i >> 8) & 255,
            i & 255
        ));
        i += 1;
    }
    json.push_str(tail);
    json
}

#[cfg(test)]
mod tests {
    use super::az_show_json;

    #[test]
    fn the_large_input_is_az_aks_show_json_of_distinct_ranges() {
        let json = az_show_json(16_384);
        assert!(
            json.len() >= 16_384 && json.len() < 16_384 + 64,
            "{}",
            json.len()
        );
        assert!(
            json.starts_with("{\n  \"name\": \"aks-ntwdemo1\",\n  \"apiServerAccessProfile\": {")
        );
        assert!(json.ends_with("/32\"\n    ]\n  }\n}\n"), "{json}");
        let ranges: Vec<&str> = json
            .lines()
            .filter_map(|l| l.trim().trim_end_matches(',').strip_prefix('"'))
            .filter(|l| l.ends_with("/32\""))
            .collect();
        assert!(ranges.len() > 100);
        let distinct: std::collections::BTreeSet<&&str> = ranges.iter().collect();
        assert_eq!(distinct.len(), ranges.len());
        assert_eq!(ranges[257], "20.10.1.1/32\"");
        // Two fields before the list, then one separator between ranges.
        assert_eq!(json.matches(",\n").count(), ranges.len() + 1);
    }
}
