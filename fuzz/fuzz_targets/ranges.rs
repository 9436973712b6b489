//! The authorized-ranges parser on any text, at both limits (200 and 2,000), each entry's
//! classification, and the stored form: one stored entry per typed entry, and a valid entry's
//! stored form classifies to the same network.
#![no_main]

use aks_netviz::model::ranges::{classify, ParsedRanges};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for limit in [200, 2000] {
        let parsed = ParsedRanges::parse(text, limit);
        let _ = (
            parsed.issues(),
            parsed.is_valid(),
            parsed.only_cluster_egress(),
        );
        let stored = parsed.stored_form();
        assert_eq!(stored.len(), parsed.len());
        if text.is_empty() {
            continue;
        }
        for (entry, stored) in text.split(',').zip(&stored) {
            let _ = classify(entry);
            if let Ok(net) = classify(entry.trim()) {
                assert_eq!(classify(stored), Ok(net), "{entry:?} stored as {stored:?}");
            }
        }
    }
});
