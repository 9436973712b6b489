//! The native command: the same model the page runs, printed for scripts and graders
//! (`docs/contract.md`, "Command line").
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
//! * `aks-netviz svg '<fragment>' [--theme light|dark] [--width PX]`: the network diagram the
//!   page draws for that fragment (its `step`, else the last step) in a container `PX` wide
//!   (default 1000), as a standalone SVG document in the theme (default the fragment's `theme`
//!   when it is light or dark, else light).
//!
//! * `aks-netviz exercise <id> '<fragment>'`: checks an attendee's scenario against a workshop
//!   exercise (`www/exercises.json`) by running the model: one line per goal and per kept
//!   setting, then the verdict. Exit 0 when every goal is met and every kept setting is at its
//!   starting value, 1 when not yet, so graders can script it. `aks-netviz exercises` lists the
//!   exercises.
//!
//! Exit codes: 0 success, 2 usage or input errors, 1 when stdout cannot be written (and, for
//! `exercise`, when the exercise is not solved).

use std::ffi::OsString;
use std::io::{Read, Write};
use std::process::ExitCode;

use aks_netviz::exercise::{catalogue, check, shown_value, Exercise};
use aks_netviz::import::import;
use aks_netviz::link::{parse_strict, print_scenario, Link, Theme};
use aks_netviz::model::simulate;
use aks_netviz::model::validate::validate;
use aks_netviz::render::HookValues;
use aks_netviz::ui::diagram::svg::{diagram_svg, ExportTheme};

const USAGE: &str = "\
usage:
  aks-netviz scenario '<fragment>'   print the scenario's hook values as one JSON object
                                     (e.g. 'mode=private&dns=none&client=onprem')
  aks-netviz import FILE             print the fragment reproducing a cluster's access mode,
  aks-netviz import -                from `az aks show` JSON, an ARM managedClusters resource
                                     or its apiServerAccessProfile object (- reads stdin)
  aks-netviz svg '<fragment>' [--theme light|dark] [--width PX]
                                     print the page's network diagram for the fragment (its
                                     step, else the last) as an SVG document; theme default:
                                     the fragment's if light or dark, else light; width of
                                     the container in CSS px (default 1000) picks the layout
  aks-netviz exercise ID '<fragment>'
                                     check a scenario against a workshop exercise: exit 0
                                     when every goal is met, 1 when not yet
  aks-netviz exercises               list the workshop exercises (id, title, start link)
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

/// Reads a fragment argument, which may start with `#` or be a whole page address.
fn fragment(arg: &OsString) -> Result<Link, String> {
    let text = arg.to_str().ok_or("the fragment is not UTF-8 text")?;
    let fragment = text.split_once('#').map_or(text, |(_, f)| f);
    parse_strict(fragment).map_err(|e| e.to_string())
}

fn scenario(arg: &OsString) -> ExitCode {
    match fragment(arg) {
        Ok(link) => {
            let values = HookValues::for_scenario(&link.scenario);
            // Settings that have no effect are said, never ignored silently: in the JSON
            // (`notes`) for scripts, and here for whoever reads the terminal.
            for note in &values.notes {
                eprintln!("aks-netviz: note: `{}`: {}", note.key, note.message);
            }
            out(&values.to_json_pretty())
        }
        Err(e) => fail(&e),
    }
}

const WIDTH_ALLOWED: &str = "a container width in CSS px, above 0 and at most 10000";

fn svg(args: &[OsString]) -> ExitCode {
    let Some(first) = args.first() else {
        return usage_error("`svg` takes a fragment");
    };
    let link = match fragment(first) {
        Ok(link) => link,
        Err(e) => return fail(&e),
    };
    let mut theme = match link.theme {
        Theme::Dark => ExportTheme::Dark,
        _ => ExportTheme::Light,
    };
    let mut width = 1000.0f32;
    let mut rest = args[1..].iter().map(|a| a.to_string_lossy().into_owned());
    while let Some(flag) = rest.next() {
        let (name, value) = match flag.split_once('=') {
            Some((n, v)) => (n.to_string(), Some(v.to_string())),
            None => (flag.clone(), None),
        };
        if name != "--theme" && name != "--width" {
            return fail(&format!(
                "unknown argument `{flag}` for `svg` (accepted: --theme light|dark, --width PX)"
            ));
        }
        let Some(value) = value.or_else(|| rest.next()) else {
            return fail(&format!(
                "`{name}` needs a value (accepted: --theme light|dark, --width PX)"
            ));
        };
        if name == "--theme" {
            let Some(t) = ExportTheme::from_id(&value) else {
                return fail(&format!(
                    "bad value for `--theme`: `{value}` (allowed: light, dark)"
                ));
            };
            theme = t;
        } else {
            match value.parse::<f32>() {
                Ok(w) if w > 0.0 && w <= 10000.0 => width = w,
                _ => {
                    return fail(&format!(
                        "bad value for `--width`: `{value}` (allowed: {WIDTH_ALLOWED})"
                    ))
                }
            }
        }
    }
    let trace = simulate(&link.scenario);
    let step = link.step.map_or(trace.events.len(), |s| s as usize);
    out(&diagram_svg(&link.scenario, &trace, step, width, theme))
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

/// The exercise `id`, or a message listing the ids there are.
fn find_exercise(id: &str) -> Result<&'static Exercise, String> {
    let list = catalogue().map_err(str::to_string)?;
    list.iter().find(|e| e.id == id).ok_or_else(|| {
        let ids: Vec<&str> = list.iter().map(|e| e.id.as_str()).collect();
        format!("no exercise `{id}` (there are: {})", ids.join(", "))
    })
}

fn exercise(id: &OsString, arg: &OsString) -> ExitCode {
    let ex = match id
        .to_str()
        .ok_or_else(|| "the exercise id is not UTF-8 text".to_string())
        .and_then(find_exercise)
    {
        Ok(ex) => ex,
        Err(e) => return fail(&e),
    };
    let link = match fragment(arg) {
        Ok(link) => link,
        Err(e) => return fail(&e),
    };
    let result = check(ex, &link.scenario);
    let mut lines = vec![format!("exercise {}: {}", ex.id, ex.title)];
    for g in &result.goals {
        if g.met {
            lines.push(format!("met      {}", g.goal));
        } else {
            lines.push(format!("NOT MET  {} (sees {})", g.goal, g.saw));
            if let Some(why) = &g.why {
                lines.push(format!("         why: {why}"));
            }
        }
    }
    for k in &result.kept {
        if k.kept {
            lines.push(format!("kept     {} = {}", k.key, shown_value(&k.start)));
        } else {
            lines.push(format!(
                "CHANGED  {} = {} (must stay {})",
                k.key,
                shown_value(&k.now),
                shown_value(&k.start)
            ));
        }
    }
    let met = result.goals_met();
    let changed = result.kept.iter().filter(|k| !k.kept).count();
    lines.push(if result.solved() {
        "solved".to_string()
    } else {
        format!(
            "not solved: {met} of {} goals met, {changed} kept setting(s) changed",
            result.goals.len()
        )
    });
    match (out(&lines.join("\n")), result.solved()) {
        (code, true) => code,
        (_, false) => ExitCode::from(1),
    }
}

fn exercises() -> ExitCode {
    match catalogue() {
        Ok(list) => out(&list
            .iter()
            .map(|e| format!("{}\t{}\t#exercise={}", e.id, e.title, e.id))
            .collect::<Vec<_>>()
            .join("\n")),
        Err(e) => fail(e),
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
        (Some("svg"), _) => svg(&args[1..]),
        (Some("exercise"), 3) => exercise(&args[1], &args[2]),
        (Some("exercises"), 1) => exercises(),
        (Some("exercise"), _) => usage_error("`exercise` takes an exercise id and one fragment"),
        (Some("exercises"), _) => usage_error("`exercises` takes no argument"),
        (Some("scenario"), _) => usage_error("`scenario` takes exactly one fragment"),
        (Some("import"), _) => usage_error("`import` takes exactly one FILE (or -)"),
        (None, 0) => usage_error("missing verb"),
        (Some(other), _) => usage_error(&format!("unknown verb `{other}`")),
        (None, _) => usage_error("the verb is not UTF-8 text"),
    }
}
