//! The deep-link codec on any text: `parse` never fails, `parse_strict` agrees with it, the
//! printed form of what was read reads back to the same link (and prints the same again), and
//! the model and the page's hook values run on the scenario read.
#![no_main]

use aks_netviz::link::{parse, parse_strict, print};
use aks_netviz::model::simulate;
use aks_netviz::render::HookValues;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|fragment: &str| {
    let (link, errors) = parse(fragment);
    match parse_strict(fragment) {
        Ok(strict) => {
            assert!(
                errors.is_empty(),
                "strict accepted what parse refused: {errors:?}"
            );
            assert_eq!(strict, link);
        }
        Err(e) => assert_eq!(Some(&e), errors.first()),
    }

    let printed = print(&link);
    let (again, again_errors) = parse(&printed);
    assert!(
        again_errors.is_empty(),
        "the printed link {printed:?} reads with errors: {again_errors:?}"
    );
    assert_eq!(again.scenario, link.scenario, "printed as {printed:?}");
    assert_eq!(again, link, "printed as {printed:?}");
    assert_eq!(print(&again), printed);

    let _ = simulate(&link.scenario);
    let _ = HookValues::for_scenario(&link.scenario).to_json_pretty();
});
