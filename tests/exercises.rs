//! The workshop exercises (`www/exercises.json`): every one is solvable under its constraints,
//! none is solved at its start, the solution the instructor page links solves it, and the file's
//! mistakes are refused with a message naming the exercise and the field.

use aks_netviz::exercise::{catalogue, check, find_solution, parse_catalogue, setting_space};
use aks_netviz::link::{parse_strict, print_scenario};

#[test]
fn there_are_at_least_twelve_exercises() {
    let list = catalogue().expect("the shipped exercises file is valid");
    assert!(list.len() >= 12, "{} exercises", list.len());
}

#[test]
fn no_exercise_is_solved_at_its_start() {
    for ex in catalogue().expect("valid file") {
        let result = check(ex, &ex.start_link.scenario);
        assert!(
            !result.solved(),
            "exercise `{}` is already solved at its start",
            ex.id
        );
        assert!(
            result.goals.iter().any(|g| !g.met && g.why.is_some()),
            "exercise `{}`: an unmet goal says why",
            ex.id
        );
    }
}

#[test]
fn every_exercise_is_solvable_under_its_constraints() {
    for ex in catalogue().expect("valid file") {
        let space = setting_space(ex);
        assert!(
            space.len() > 1,
            "exercise `{}` leaves nothing to change",
            ex.id
        );
        let found = find_solution(ex);
        assert!(
            found.is_some(),
            "exercise `{}` has no solution among {} scenarios that keep {:?}",
            ex.id,
            space.len(),
            ex.keep
        );
        let found = found.unwrap_or_default();
        for key in &ex.keep {
            assert_eq!(
                aks_netviz::exercise::setting_value(&found, key),
                aks_netviz::exercise::setting_value(&ex.start_link.scenario, key),
                "exercise `{}`: the search changed kept `{key}` ({})",
                ex.id,
                print_scenario(&found)
            );
        }
    }
}

#[test]
fn the_listed_solution_solves_its_exercise() {
    for ex in catalogue().expect("valid file") {
        let result = check(ex, &ex.solution.scenario);
        assert!(
            result.solved(),
            "exercise `{}`: its solution `{}` does not solve it: {:?}",
            ex.id,
            print_scenario(&ex.solution.scenario),
            result
        );
    }
}

#[test]
fn a_solution_that_changes_a_kept_setting_does_not_pass() {
    let list = catalogue().expect("valid file");
    let ex = list
        .iter()
        .find(|e| e.id == "locked-out-at-home")
        .expect("the exercise exists");
    // Public access lets the laptop in, but the exercise keeps the mode.
    let public = parse_strict("mode=public").expect("fragment").scenario;
    let result = check(ex, &public);
    assert!(!result.solved());
    let mode = result
        .kept
        .iter()
        .find(|k| k.key == "mode")
        .expect("mode is kept");
    assert!(!mode.kept);
    assert_eq!(
        (mode.start.as_str(), mode.now.as_str()),
        ("authorized", "public")
    );
    // Opening the filter to everyone else fails the goal on another Internet address.
    let wide = parse_strict("mode=authorized&ranges=81.56.40.1/32,81.56.12.7/32,62.210.0.0/16")
        .expect("fragment")
        .scenario;
    let result = check(ex, &wide);
    let outsider = result
        .goals
        .iter()
        .find(|g| g.goal.ip.is_some())
        .expect("the outsider goal");
    assert!(!outsider.met);
    assert_eq!(outsider.saw, "success");
}

#[test]
fn an_unmet_goal_carries_the_models_reason() {
    let list = catalogue().expect("valid file");
    let ex = list
        .iter()
        .find(|e| e.id == "firewall-notready")
        .expect("the exercise exists");
    let result = check(ex, &ex.start_link.scenario);
    let node = result
        .goals
        .iter()
        .find(|g| g.goal.node.is_some())
        .expect("the node goal");
    assert!(!node.met);
    assert_eq!(node.saw, "node NotReady");
    let why = node.why.clone().unwrap_or_default();
    assert!(why.contains("20.81.96.14"), "{why}");
}

#[test]
fn mistakes_in_the_file_name_the_exercise_and_the_field() {
    let one = |goals: &str, keep: &str| {
        format!(
            r#"{{"exercises": [{{"id": "x-1", "title": "t", "story": "s", "start": "mode=public",
            "goals": {goals}, "keep": {keep}, "hints": ["h"], "explanation": "e",
            "solution": "mode=private"}}]}}"#
        )
    };
    let err = |text: String| parse_catalogue(&text).expect_err("refused");
    let e = err(one(
        r#"[{"client": "bastion", "outcome": "success"}]"#,
        "[]",
    ));
    assert!(
        e.contains("exercise `x-1`, goal 1: client `bastion`") && e.contains("laptop"),
        "{e}"
    );
    let e = err(one(r#"[{"client": "laptop", "outcome": "works"}]"#, "[]"));
    assert!(
        e.contains("outcome `works`") && e.contains("timeout"),
        "{e}"
    );
    let e = err(one(r#"[{"client": "laptop"}]"#, "[]"));
    assert!(e.contains("say what the client must see"), "{e}");
    let e = err(one(
        r#"[{"client": "vm", "ip": "1.2.3.4", "outcome": "success"}]"#,
        "[]",
    ));
    assert!(e.contains("only the laptop"), "{e}");
    let e = err(one(
        r#"[{"client": "laptop", "outcome": "success"}]"#,
        r#"["colour"]"#,
    ));
    assert!(e.contains("keep: `colour` is not a setting"), "{e}");
    let e = err(one(r#"[{"client": "laptop", "outcome": "success"}]"#, "[]")
        .replace("mode=public", "mode=sideways"));
    assert!(e.contains("start: bad value for `mode`"), "{e}");
    let e = err(one(r#"[{"client": "laptop", "outcome": "success"}]"#, "[]")
        .replace("mode=private", "mode=private&view=embed"));
    assert!(e.contains("solution: only settings"), "{e}");
    let e = err(one(
        r#"[{"client": "laptop", "outcome": "success", "colour": "red"}]"#,
        "[]",
    ));
    assert!(e.contains("unknown field `colour`"), "{e}");
    let twice = one(r#"[{"client": "laptop", "outcome": "success"}]"#, "[]");
    let body = &twice[twice.find('{').unwrap_or(0) + 1..];
    let entry = &body[body.find('[').unwrap_or(0) + 1..body.rfind(']').unwrap_or(0)];
    let e = err(format!(r#"{{"exercises": [{entry}, {entry}]}}"#));
    assert!(e.contains("`x-1` is listed twice"), "{e}");
}
