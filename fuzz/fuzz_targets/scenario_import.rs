//! Scenario files: any bytes picked as a file to import.
//!
//! `import::scenario_from_json` never panics; a scenario it accepts is valid, projects to
//! finite numbers and exports back to itself; a refusal names its field.
#![no_main]

use hashpivot_fuzz::{assert_accepted, assert_named};
use hashpivot_model::import::{scenario_from_json, scenario_to_json};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match scenario_from_json(&text) {
        Ok(s) => {
            assert_accepted(&s);
            let again = scenario_from_json(&scenario_to_json(&s));
            assert!(
                again.as_ref() == Ok(&s),
                "export then import changed it: {again:?}"
            );
        }
        Err(e) => assert_named(&e),
    }
});
