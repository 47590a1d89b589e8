//! Hostile scenario files, as an attacker or a careless tool would write them: the import never
//! panics, what it accepts is valid and projects to finite numbers, and what it refuses is
//! named by field.
//!
//! Case counts are modest and fixed so the file stays fast in a debug build; the fuzz targets
//! (`cargo xtask fuzz`) search the same ground for longer.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may fail loudly

mod hostile_support;

use hashpivot_model::import::{scenario_from_json, scenario_to_json};
use hashpivot_model::{presets, Scenario};
use hostile_support::*;
use proptest::prelude::*;
use serde_json::Value;

/// One edit of a scenario file.
#[derive(Debug, Clone)]
enum Edit {
    Delete(prop::sample::Index),
    Replace(prop::sample::Index, Value),
    Number(prop::sample::Index, Value),
    Version(Value),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        2 => any::<prop::sample::Index>().prop_map(Edit::Delete),
        3 => (any::<prop::sample::Index>(), json_value()).prop_map(|(i, v)| Edit::Replace(i, v)),
        4 => (any::<prop::sample::Index>(), json_number()).prop_map(|(i, v)| Edit::Number(i, v)),
        1 => json_value().prop_map(Edit::Version),
    ]
}

fn apply(v: &mut Value, e: Edit) {
    let paths = leaf_paths(v);
    if paths.is_empty() {
        return;
    }
    match e {
        Edit::Delete(i) => {
            let p = &paths[i.index(paths.len())];
            let (parent, last) = p.rsplit_once('/').unwrap_or(("", p));
            match v.pointer_mut(parent) {
                Some(Value::Object(m)) => {
                    m.remove(&last.replace("~1", "/").replace("~0", "~"));
                }
                Some(Value::Array(items)) => {
                    if let Ok(n) = last.parse::<usize>() {
                        if n < items.len() {
                            items.remove(n);
                        }
                    }
                }
                _ => {}
            }
        }
        Edit::Replace(i, x) => *pointer_mut(v, &paths[i.index(paths.len())]) = x,
        Edit::Number(i, x) => {
            // Only numbers are changed, so the file stays close to one that validates.
            let numbers: Vec<&String> = paths
                .iter()
                .filter(|p| v.pointer(p).is_some_and(Value::is_number))
                .collect();
            if !numbers.is_empty() {
                let p = numbers[i.index(numbers.len())].clone();
                *pointer_mut(v, &p) = x;
            }
        }
        Edit::Version(x) => v["version"] = x,
    }
}

/// A scenario file: the default's or a preset's, with a few edits.
fn edited_file() -> impl Strategy<Value = String> {
    let mut bases = vec![Scenario::default()];
    bases.extend(presets::ids().into_iter().filter_map(presets::scenario));
    (
        proptest::sample::select(bases),
        prop::collection::vec(edit(), 1..5),
        any::<bool>(),
    )
        .prop_map(|(s, edits, pretty)| {
            let mut v: Value = serde_json::from_str(&scenario_to_json(&s)).unwrap();
            for e in edits {
                apply(&mut v, e);
            }
            if pretty {
                serde_json::to_string_pretty(&v).unwrap()
            } else {
                v.to_string()
            }
        })
}

fn check_import(text: &str) -> Result<(), TestCaseError> {
    match scenario_from_json(text) {
        Ok(s) => {
            check_accepted(&s)?;
            // What was accepted exports and imports back to the same scenario.
            prop_assert_eq!(scenario_from_json(&scenario_to_json(&s)), Ok(s));
            Ok(())
        }
        Err(all) => all.iter().try_for_each(check_refusal),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn import_survives_any_string(text in ".{0,300}") {
        check_import(&text)?;
    }

    #[test]
    fn import_survives_json_like_strings(text in "[{}\\[\\]\":,0-9a-z .eE+\\-]{0,120}") {
        check_import(&text)?;
        check_import(&format!("{{\"version\":1,{text}"))?;
    }

    #[test]
    fn import_survives_edited_files(text in edited_file()) {
        check_import(&text)?;
    }
}

/// The edits reach the end of the pipe: some edited files are accepted (so the projection
/// check runs) and some are refused by each stage.
#[test]
fn edited_files_reach_every_stage() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let (mut ok, mut by_validation, mut by_structure) = (0, 0, 0);
    for _ in 0..200 {
        let text = edited_file().new_tree(&mut runner).unwrap().current();
        match scenario_from_json(&text) {
            Ok(_) => ok += 1,
            Err(e) if e.first().label == "Scenario file entry" => by_structure += 1,
            Err(e) if e.first().field != "version" && e.first().field != "file" => {
                by_validation += 1
            }
            Err(_) => {}
        }
    }
    assert!(
        ok >= 10 && by_validation >= 10 && by_structure >= 10,
        "accepted {ok}, refused by validation {by_validation}, by structure {by_structure}"
    );
}
