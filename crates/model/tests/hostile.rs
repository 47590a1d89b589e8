//! Hostile input: share links and scenario files as an attacker or a careless tool would write
//! them. Whatever comes in, the model never panics, what it accepts is valid and projects to
//! finite numbers, and what it refuses is named by field.
//!
//! Case counts are modest and fixed so the file stays well under 20 s in a debug build; the
//! fuzz targets (`cargo xtask fuzz`) search the same ground for longer.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may fail loudly

use hashpivot_model::import::{scenario_from_json, scenario_to_json};
use hashpivot_model::projection::{project, Projection};
use hashpivot_model::{
    decision_map, montecarlo, presets, query, tornado, Scenario, ValidationError,
};
use proptest::prelude::*;
use serde_json::{json, Value};

const CASES: u32 = 128;

/// Summary fields that are `Option`s: `null` there means `None`, not a lost number.
const OPTIONAL: [&str; 10] = [
    "payback_month",
    "cash_cost_per_btc_usd",
    "all_in_cost_per_btc_usd",
    "breakeven_btc_usd",
    "breakeven_power_usd_mwh",
    "mining_revenue_per_mw_year_usd",
    "mining_margin_per_mw_year_usd",
    "hpc_revenue_per_mw_year_usd",
    "hpc_margin_per_mw_year_usd",
    "irr_vs_first",
];

/// Every number of the projection is finite. serde_json writes NaN and infinities as `null`,
/// so a `null` anywhere but an optional field is a lost number; an optional one that is
/// `Some` is checked directly.
fn check_finite(p: &Projection) -> Result<(), String> {
    let v = serde_json::to_value(p).map_err(|e| e.to_string())?;
    if let Some(bad) = non_finite(&v, "", &OPTIONAL) {
        return Err(format!("projection{bad} is not a finite number"));
    }
    for s in &p.strategies {
        let m = &s.summary;
        for (name, x) in [
            ("cash_cost_per_btc_usd", m.cash_cost_per_btc_usd),
            ("all_in_cost_per_btc_usd", m.all_in_cost_per_btc_usd),
            ("breakeven_btc_usd", m.breakeven_btc_usd),
            ("breakeven_power_usd_mwh", m.breakeven_power_usd_mwh),
            (
                "mining_revenue_per_mw_year_usd",
                m.mining_revenue_per_mw_year_usd,
            ),
            (
                "mining_margin_per_mw_year_usd",
                m.mining_margin_per_mw_year_usd,
            ),
            ("hpc_revenue_per_mw_year_usd", m.hpc_revenue_per_mw_year_usd),
            ("hpc_margin_per_mw_year_usd", m.hpc_margin_per_mw_year_usd),
            ("irr_vs_first", m.irr_vs_first),
        ] {
            if x.is_some_and(|x| !x.is_finite()) {
                return Err(format!("{}.summary.{name} = {x:?}", s.id));
            }
        }
    }
    Ok(())
}

/// The path (below `v`) of the first number of `v` that is not finite. serde_json writes NaN
/// and infinities as `null`, so a `null` is one too, except under a key in `optional`. The path
/// is built only on the way back from a find, so a clean walk allocates nothing.
fn non_finite(v: &Value, key: &str, optional: &[&str]) -> Option<String> {
    match v {
        Value::Null if optional.contains(&key) => None,
        Value::Null => Some(" (null)".to_owned()),
        Value::Number(n) if !n.as_f64().is_some_and(f64::is_finite) => Some(format!(" = {n}")),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, x)| non_finite(x, key, optional).map(|below| format!("[{i}]{below}"))),
        Value::Object(map) => map
            .iter()
            .find_map(|(k, x)| non_finite(x, k, optional).map(|below| format!(".{k}{below}"))),
        _ => None,
    }
}

/// Every number of `x` (a Monte Carlo result, a decision map, a tornado: no optional
/// figures) is finite.
fn check_all_finite<T: serde::Serialize>(x: &T) -> Result<(), String> {
    let v = serde_json::to_value(x).map_err(|e| e.to_string())?;
    match non_finite(&v, "", &[]) {
        Some(bad) => Err(format!("{bad} is not a finite number")),
        None => Ok(()),
    }
}

/// An accepted scenario is valid, and its projection, Monte Carlo (a few paths), decision map
/// (small) and tornado are all finite.
fn check_accepted(s: &Scenario) -> Result<(), TestCaseError> {
    prop_assert!(s.validate().is_ok(), "{:?}", s.validate());
    let fail = |what: &str, e: String| TestCaseError::fail(format!("{what}: {e}"));
    let p = project(s).map_err(|e| fail("projection", e.to_string()))?;
    check_finite(&p).map_err(|e| fail("projection", e))?;
    let mut few = s.clone();
    few.monte_carlo.paths = 4;
    let mc = montecarlo::run(&few).map_err(|e| fail("montecarlo", e.to_string()))?;
    check_all_finite(&mc).map_err(|e| fail("montecarlo", e))?;
    let map = decision_map::run(s, 4, 4).map_err(|e| fail("decision map", e.to_string()))?;
    check_all_finite(&map).map_err(|e| fail("decision map", e))?;
    let t = tornado::run(s).map_err(|e| fail("tornado", e.to_string()))?;
    check_all_finite(&t).map_err(|e| fail("tornado", e))?;
    Ok(())
}

/// A refusal names a field, and its message names it too.
fn check_refusal(e: &ValidationError) -> Result<(), TestCaseError> {
    prop_assert!(!e.field.is_empty(), "{e:?}");
    prop_assert!(
        e.to_string().contains(&e.field),
        "{e} does not name {}",
        e.field
    );
    Ok(())
}

/// Every key the share-link decoder knows.
fn known_keys() -> Vec<String> {
    let list = query::known_keys();
    let list = list.strip_prefix("a known key: ").unwrap_or(&list);
    list.split(", ").map(str::to_owned).collect()
}

/// A number's text as people, tools and attackers write it.
fn number_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<f64>().prop_map(|x| x.to_string()),
        (-1e6..1e6f64).prop_map(|x| x.to_string()),
        (0u64..500).prop_map(|x| x.to_string()),
        any::<i64>().prop_map(|x| x.to_string()),
        Just("1e308".to_owned()),
        Just("1e309".to_owned()),
        Just("-1e309".to_owned()),
        Just("5e-324".to_owned()),
        Just("NaN".to_owned()),
        Just("inf".to_owned()),
        Just("-inf".to_owned()),
        Just("infinity".to_owned()),
        Just("-0".to_owned()),
        Just("0x10".to_owned()),
        Just("1,000,000".to_owned()),
        Just(" 12 ".to_owned()),
        Just("18446744073709551616".to_owned()),
        (1usize..5_000).prop_map(|n| "9".repeat(n)),
    ]
}

/// A value in the range a key accepts, often at its ends: the extremes the model must survive.
fn in_range(key: &str) -> BoxedStrategy<String> {
    match query::bound(key) {
        Some(b) => prop_oneof![
            Just(b.min),
            Just(b.max),
            // Just above the bottom, down to subnormal: ratios over these overflow.
            prop_oneof![
                Just(5e-324),
                Just(f64::MIN_POSITIVE),
                Just(1e-300),
                Just(1e-12)
            ]
            .prop_map(move |tiny| if b.min == 0.0 {
                tiny
            } else {
                b.min * (1.0 + 1e-12)
            }),
            (b.min..=b.max),
            (0.0..=1.0f64).prop_map(move |t| b.min + (b.max - b.min) * t * t * t),
            // Whole-number keys (months, paths, height) refuse fractions.
            (0.0..=1.0f64).prop_map(move |t| (b.min + (b.max - b.min) * t * t).round()),
        ]
        .prop_map(|x| x.to_string())
        .boxed(),
        None => number_text().boxed(),
    }
}

/// Garbage: percent-escapes (some broken), separators, control characters, long text.
fn garbage() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,40}",
        "(%[0-9A-Fa-f]{2}|%|%z|%zz|&|=|\\+|;|#|\\?){0,20}",
        (1usize..20_000).prop_map(|n| "a".repeat(n)),
        Just("%00%FF%FE".to_owned()),
        Just("%C3%A9%E2%82%AC".to_owned()),
        Just("[{\"id\":\"x\"}]".to_owned()),
        Just("[]".to_owned()),
        Just("null".to_owned()),
    ]
}

/// A preset's strategies or debt as JSON with a few numbers changed (or not).
fn json_array_value(field: &'static str) -> impl Strategy<Value = String> {
    let ids = presets::ids();
    (
        proptest::sample::select(ids),
        prop::collection::vec((any::<prop::sample::Index>(), json_number()), 0..3),
    )
        .prop_map(move |(id, edits)| {
            let s = presets::scenario(id).unwrap_or_default();
            let mut v = match field {
                "debt" => serde_json::to_value(&s.financing.debt).unwrap(),
                _ => serde_json::to_value(&s.strategies).unwrap(),
            };
            for (at, n) in edits {
                let paths = leaf_paths(&v);
                if !paths.is_empty() {
                    *pointer_mut(&mut v, &paths[at.index(paths.len())]) = n;
                }
            }
            v.to_string()
        })
}

/// A value for `key`: in range, a number's text, garbage, or JSON for the array keys.
fn value_for(key: String) -> BoxedStrategy<(String, String)> {
    let k = key.clone();
    let base = prop_oneof![
        3 => in_range(&key),
        2 => number_text(),
        2 => garbage(),
    ]
    .boxed();
    let values = match key.as_str() {
        "strategies" | "debt" => {
            let field: &'static str = if key == "debt" { "debt" } else { "strategies" };
            prop_oneof![3 => json_array_value(field), 1 => base].boxed()
        }
        "preset" => prop_oneof![
            3 => proptest::sample::select(presets::ids()).prop_map(str::to_owned),
            1 => base,
        ]
        .boxed(),
        "start" => prop_oneof![
            (1990u32..2300, 0u32..14).prop_map(|(y, m)| format!("{y:04}-{m:02}")),
            base,
        ]
        .boxed(),
        _ => base,
    };
    values.prop_map(move |v| (k.clone(), v)).boxed()
}

/// A query string of known keys (sometimes repeated, sometimes unknown) with hostile values,
/// written raw or form-encoded.
fn hostile_query() -> impl Strategy<Value = String> {
    let keys = known_keys();
    let key = prop_oneof![
        8 => proptest::sample::select(keys),
        1 => "[a-z_]{0,8}",
        1 => Just("lang".to_owned()),
    ];
    (
        prop::collection::vec(key.prop_flat_map(value_for), 0..10),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(pairs, encode, question)| {
            let body = if encode {
                let mut out = form_urlencoded::Serializer::new(String::new());
                for (k, v) in &pairs {
                    out.append_pair(k, v);
                }
                out.finish()
            } else {
                pairs
                    .iter()
                    .map(|(k, v)| format!("{k}={v}"))
                    .collect::<Vec<_>>()
                    .join("&")
            };
            if question {
                format!("?{body}")
            } else {
                body
            }
        })
}

fn check_decode(q: &str) -> Result<(), TestCaseError> {
    let d = query::decode(q, &["lang"]);
    for e in &d.problems {
        check_refusal(e)?;
    }
    prop_assert!(d.claimed.iter().all(|(k, _)| k == "lang"));
    check_accepted(&d.scenario)
}

/// A random JSON value, nested a little.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        json_number(),
        ".{0,12}".prop_map(Value::String),
        Just(json!("2026-01")),
        Just(json!("colocation")),
        Just(json!("gpu_cloud")),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A JSON number: small, large, negative, fractional, at the ends of the integer types.
fn json_number() -> impl Strategy<Value = Value> {
    prop_oneof![
        (0u64..400).prop_map(|x| json!(x)),
        (-1e3..1e3f64).prop_map(|x| json!(x)),
        (0.0..=1.0f64).prop_map(|x| json!(x)),
        any::<f64>()
            .prop_filter("JSON has no NaN", |x| x.is_finite())
            .prop_map(|x| json!(x)),
        any::<i64>().prop_map(|x| json!(x)),
        Just(json!(u64::MAX)),
        Just(json!(u32::MAX)),
        Just(json!(u64::from(u32::MAX) + 1)),
        Just(json!(-1)),
        Just(json!(0)),
        Just(json!(1e308)),
        Just(json!(5e-324)),
        Just(json!(f64::MIN_POSITIVE)),
        Just(json!(1e-300)),
    ]
}

/// JSON pointers (RFC 6901) of every value below the root (objects and arrays included).
fn leaf_paths(v: &Value) -> Vec<String> {
    fn walk(v: &Value, at: String, out: &mut Vec<String>) {
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    let p = format!("{at}/{}", k.replace('~', "~0").replace('/', "~1"));
                    out.push(p.clone());
                    walk(x, p, out);
                }
            }
            Value::Array(items) => {
                for (i, x) in items.iter().enumerate() {
                    let p = format!("{at}/{i}");
                    out.push(p.clone());
                    walk(x, p, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(v, String::new(), &mut out);
    out
}

fn pointer_mut<'a>(v: &'a mut Value, pointer: &str) -> &'a mut Value {
    v.pointer_mut(pointer).unwrap()
}

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
        Err(e) => check_refusal(&e),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn decode_survives_any_string(q in ".{0,300}") {
        check_decode(&q)?;
    }

    #[test]
    fn decode_survives_query_like_strings(q in "[a-z_=&%0-9.+\\-?]{0,120}") {
        check_decode(&q)?;
    }

    #[test]
    fn decode_survives_known_keys_with_hostile_values(q in hostile_query()) {
        check_decode(&q)?;
    }

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
            Err(e) if e.label == "Scenario file entry" => by_structure += 1,
            Err(e) if e.field != "version" && e.field != "file" => by_validation += 1,
            Err(_) => {}
        }
    }
    assert!(
        ok >= 10 && by_validation >= 10 && by_structure >= 10,
        "accepted {ok}, refused by validation {by_validation}, by structure {by_structure}"
    );
}

/// Found by `import_survives_edited_files`: a fleet of 5e-324 EH/s (valid: the bound starts at
/// 0) made cash opex per EH/s overflow to infinity, so opex and FCF were infinite or NaN.
#[test]
fn a_subnormal_fleet_projects_to_finite_numbers() {
    for strategy in 0..3 {
        let mut s = Scenario::default();
        s.fleet.hashrate_eh_s = 5e-324;
        s.strategies = vec![s.strategies[strategy].clone()];
        s.validate().unwrap();
        let p = project(&s).unwrap();
        check_finite(&p).unwrap();
        // Opex never exceeds the stated figure for the whole fleet.
        let opex = p.strategies[0].months[0].opex_usd;
        assert!(opex <= s.fleet.opex_usd_per_month, "{opex}");
    }
}

/// Every scalar key at the ends of its range, its middle and just above a bottom of 0 (down to
/// subnormal), on presets with mining, a GPU cloud, debt and BTC sales: what is accepted must
/// give finite numbers everywhere.
#[test]
fn every_key_at_its_extremes_projects_to_finite_numbers() {
    let bases = ["snapshot-2026-01", "iren", "cleanspark", "cango"];
    for key in known_keys() {
        let Some(b) = query::bound(&key) else {
            continue;
        };
        for preset in bases {
            for v in extremes(&b) {
                let q = format!("preset={preset}&{key}={v}");
                let d = query::decode(&q, &[]);
                for e in &d.problems {
                    // A value can clash with the rest (e.g. a site too small for a contract).
                    assert!(e.to_string().contains(&e.field), "{q}: {e}");
                }
                check_everything(&d.scenario, &q);
            }
        }
    }
}

/// The scenario, every figure computed from it, all finite (a Monte Carlo of a few paths and a
/// small decision map, so a test can afford many).
fn check_everything(s: &Scenario, what: &str) {
    check_finite(&project(s).unwrap()).unwrap_or_else(|e| panic!("{what}: {e}"));
    let mut few = s.clone();
    few.monte_carlo.paths = 8;
    let mc = montecarlo::run(&few).unwrap();
    check_all_finite(&mc).unwrap_or_else(|e| panic!("{what}: montecarlo: {e}"));
    let map = decision_map::run(s, 6, 6).unwrap();
    check_all_finite(&map).unwrap_or_else(|e| panic!("{what}: decision map: {e}"));
    let t = tornado::run(s).unwrap();
    check_all_finite(&t).unwrap_or_else(|e| panic!("{what}: tornado: {e}"));
}

/// Extremes of a bound: its ends, its middle (and that rounded), and just above a bottom of 0
/// (down to subnormal).
fn extremes(b: &hashpivot_model::Bound) -> Vec<f64> {
    let middle = (b.min + b.max) / 2.0;
    let mut values = vec![b.min, b.max, middle];
    if middle.round() != middle {
        values.push(middle.round()); // whole-number fields refuse a fraction
    }
    if b.min == 0.0 {
        values.extend([5e-324, f64::MIN_POSITIVE, 1e-300]);
    }
    values
}

/// Every nested field (contract terms of both kinds, debt, fleet purchases, BTC sales) at its
/// extremes, set in a scenario file: accepted means finite everywhere, refused means named.
#[test]
fn every_nested_field_at_its_extremes_is_finite_or_named() {
    use hashpivot_model::bounds::{contract, debt, purchase};
    let mut edits: Vec<(String, String, Value)> = Vec::new();
    for preset in ["core-scientific", "iren"] {
        let v: Value =
            serde_json::from_str(&scenario_to_json(&presets::scenario(preset).unwrap())).unwrap();
        for (i, st) in v["strategies"].as_array().unwrap().iter().enumerate() {
            for (j, c) in st["contracts"].as_array().unwrap().iter().enumerate() {
                for b in contract::ALL.iter().filter(|b| c.get(b.key).is_some()) {
                    for x in extremes(b) {
                        let mut e = v.clone();
                        e["strategies"][i]["contracts"][j][b.key] = json!(x);
                        edits.push((preset.into(), format!("contracts {i}/{j} {} {x}", b.key), e));
                    }
                }
            }
        }
    }
    let base: Value = serde_json::from_str(&scenario_to_json(&Scenario::default())).unwrap();
    let debt_base = json!({"name": "Notes", "principal_usd": 1e9, "coupon_annual": 0.05, "maturity_months": 24});
    for b in debt::ALL {
        for x in extremes(&b) {
            let mut d = debt_base.clone();
            d[b.key] = json!(x);
            let mut e = base.clone();
            e["financing"]["debt"] = json!([d]);
            edits.push(("default".into(), format!("debt {} {x}", b.key), e));
        }
    }
    let buy_base = json!({"month": 6, "eh_s": 5.0, "efficiency_j_th": 12.0, "usd_per_th": 15.0, "retire_eh_s": 2.0});
    for b in purchase::ALL {
        for x in extremes(&b) {
            let mut p = buy_base.clone();
            p[b.key] = json!(x);
            for i in 0..3 {
                let mut e = base.clone();
                e["strategies"][i]["fleet_purchases"] = json!([p]);
                edits.push(("default".into(), format!("purchase {i} {} {x}", b.key), e));
            }
        }
    }
    for (month, btc) in [(0, 0.0), (0, 21e6), (59, 5e-324), (30, 1e-300)] {
        let mut e = base.clone();
        e["treasury"]["btc_held"] = json!(btc);
        e["strategies"][0]["btc_sales"] = json!([{"month": month, "btc": btc}]);
        edits.push(("default".into(), format!("sale {month} {btc}"), e));
    }
    let mut accepted = 0;
    for (preset, what, v) in &edits {
        let what = format!("{preset}: {what}");
        match scenario_from_json(&v.to_string()) {
            Ok(s) => {
                accepted += 1;
                check_everything(&s, &what);
            }
            Err(e) => assert!(e.to_string().contains(&e.field), "{what}: {e}"),
        }
    }
    assert!(accepted * 2 > edits.len(), "{accepted} of {}", edits.len());
}
