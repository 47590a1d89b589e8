//! Share links: any bytes, read as a query string the way a browser hands it over.
//!
//! `query::decode` never panics; the scenario it returns is valid and projects to finite
//! numbers; every key it ignored is reported by name.
#![no_main]

use hashpivot_fuzz::{assert_accepted, assert_named};
use hashpivot_model::query;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let decoded = query::decode(&text, &["lang"]);
    for e in &decoded.problems {
        assert_named(e);
    }
    assert!(decoded.claimed.iter().all(|(k, _)| k == "lang"));
    assert_accepted(&decoded.scenario);
});
