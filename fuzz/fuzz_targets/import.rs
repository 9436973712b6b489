//! The `az aks show` / ARM JSON import the native command runs (`aks-netviz import FILE`), on any
//! bytes read as UTF-8 (lossily): an error or a scenario, never a panic; an imported scenario
//! validates, simulates, and prints as a link that reads back without errors to the same link.
#![no_main]

use aks_netviz::import::import;
use aks_netviz::link::{parse, print, print_scenario};
use aks_netviz::model::{simulate, validate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(imported) = import(text.as_bytes()) else {
        return;
    };
    let _ = validate(&imported.scenario);
    let _ = simulate(&imported.scenario);
    let printed = print_scenario(&imported.scenario);
    let (link, errors) = parse(&printed);
    assert!(
        errors.is_empty(),
        "the imported scenario prints as {printed:?}, which reads with errors: {errors:?}"
    );
    assert_eq!(print(&link), printed);
});
