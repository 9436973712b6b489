//! The native command: the same model the page runs, printed for scripts and graders
//! (`contract.md`, "Command line").
//!
//! * `aks-netviz scenario '<fragment>'`: one JSON object with the page's hook values
//!   (`render::HookValues`). The fragment may start with `#`, or be a whole page address (what
//!   follows the first `#` is used), since people paste share links. A bad value is an error
//!   naming the key and the allowed values (exit 2), never the page's silent default.
//! * `aks-netviz import FILE` (or `-` for stdin): the fragment that reproduces the cluster's
//!   access mode, from `az aks show` output, an ARM resource or the bare access profile. Notes
//!   about what could not be represented, and validation problems of the imported cluster, go
//!   to stderr; the fragment alone goes to stdout, so `$(aks-netviz import show.json)` works.
//!
//! Exit codes: 0 success, 2 usage or input errors, 1 when stdout cannot be written.

use std::ffi::OsString;
use std::io::{Read, Write};
use std::process::ExitCode;

use aks_netviz::import::import;
use aks_netviz::link::{parse_strict, print_scenario};
use aks_netviz::model::validate::validate;
use aks_netviz::render::HookValues;

const USAGE: &str = "\
usage:
  aks-netviz scenario '<fragment>'   print the scenario's hook values as one JSON object
                                     (e.g. 'mode=private&dns=none&client=onprem')
  aks-netviz import FILE             print the fragment reproducing a cluster's access mode,
  aks-netviz import -                from `az aks show` JSON, an ARM managedClusters resource
                                     or its apiServerAccessProfile object (- reads stdin)
";

/// Refuses with a message on stderr and exit code 2.
fn fail(message: &str) -> ExitCode {
    eprintln!("aks-netviz: {message}");
    ExitCode::from(2)
}

fn usage_error(message: &str) -> ExitCode {
    eprint!("aks-netviz: {message}\n{USAGE}");
    ExitCode::from(2)
}

/// Writes to stdout without panicking on a closed pipe.
fn out(text: &str) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match writeln!(stdout, "{text}").and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(1),
    }
}

fn scenario(arg: &OsString) -> ExitCode {
    let Some(text) = arg.to_str() else {
        return fail("the fragment is not UTF-8 text");
    };
    let fragment = text.split_once('#').map_or(text, |(_, f)| f);
    match parse_strict(fragment) {
        Ok(link) => {
            let values = HookValues::for_scenario(&link.scenario);
            // Settings that have no effect are said, never ignored silently: in the JSON
            // (`notes`) for scripts, and here for whoever reads the terminal.
            for note in &values.notes {
                eprintln!("aks-netviz: note: `{}`: {}", note.key, note.message);
            }
            out(&values.to_json_pretty())
        }
        Err(e) => fail(&e.to_string()),
    }
}

fn import_cmd(arg: &OsString) -> ExitCode {
    let (name, read) = if arg == "-" {
        let mut bytes = Vec::new();
        let r = std::io::stdin().read_to_end(&mut bytes).map(|_| bytes);
        ("stdin".to_string(), r)
    } else {
        (arg.to_string_lossy().into_owned(), std::fs::read(arg))
    };
    let bytes = match read {
        Ok(b) => b,
        Err(e) => {
            return fail(&format!(
                "cannot read {name}: {e} (expected a file holding `az aks show` JSON, an ARM managedClusters resource or its apiServerAccessProfile object, or - for stdin)"
            ))
        }
    };
    match import(&bytes) {
        Ok(imported) => {
            for note in &imported.notes {
                eprintln!("aks-netviz: note: {note}");
            }
            for problem in validate(&imported.scenario) {
                eprintln!(
                    "aks-netviz: note: this cluster does not validate: {}",
                    problem.detail()
                );
            }
            out(&print_scenario(&imported.scenario))
        }
        Err(e) => fail(&format!("{name}: {e}")),
    }
}

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let verb = args.first().and_then(|a| a.to_str());
    match (verb, args.len()) {
        (Some("-h" | "--help" | "help"), 1) => {
            let mut stdout = std::io::stdout().lock();
            let _ = stdout.write_all(USAGE.as_bytes());
            ExitCode::SUCCESS
        }
        (Some("scenario"), 2) => scenario(&args[1]),
        (Some("import"), 2) => import_cmd(&args[1]),
        (Some("scenario"), _) => usage_error("`scenario` takes exactly one fragment"),
        (Some("import"), _) => usage_error("`import` takes exactly one FILE (or -)"),
        (None, 0) => usage_error("missing verb"),
        (Some(other), _) => usage_error(&format!("unknown verb `{other}`")),
        (None, _) => usage_error("the verb is not UTF-8 text"),
    }
}
