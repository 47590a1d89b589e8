//! Shared by the hostile-input tests (`hostile_links.rs`, `hostile_files.rs`): what an accepted
//! scenario and a refusal must satisfy.
#![allow(dead_code)] // each test file uses a part

use hashpivot_model::projection::{project, Projection};
use hashpivot_model::{decision_map, montecarlo, tornado, Scenario, ValidationError};
use proptest::prelude::*;
use serde_json::{json, Value};

pub const CASES: u32 = 128;

/// Summary fields that are `Option`s: `null` there means `None`, not a lost number.
pub const OPTIONAL: [&str; 17] = [
    "payback_month",
    "hashcost_usd_per_ph_day",
    "breakeven_btc_horizon_usd",
    "all_in_breakeven_btc_usd",
    "all_in_breakeven_btc_horizon_usd",
    "breakeven_power_horizon_usd_mwh",
    "incremental_payback_month",
    "funding_gap_month",
    "cash_cost_per_btc_usd",
    "all_in_cost_per_btc_usd",
    "breakeven_btc_usd",
    "breakeven_power_usd_mwh",
    "mining_revenue_per_mw_year_usd",
    "mining_margin_per_mw_year_usd",
    "hpc_revenue_per_mw_year_usd",
    "hpc_margin_per_mw_year_usd",
    "incremental_irr_vs_pure",
];

/// Every number of the projection is finite. serde_json writes NaN and infinities as `null`,
/// so a `null` anywhere but an optional field is a lost number; an optional one that is
/// `Some` is checked directly.
pub fn check_finite(p: &Projection) -> Result<(), String> {
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
            ("incremental_irr_vs_pure", m.incremental_irr_vs_pure),
            ("breakeven_btc_horizon_usd", m.breakeven_btc_horizon_usd),
            ("all_in_breakeven_btc_usd", m.all_in_breakeven_btc_usd),
            (
                "all_in_breakeven_btc_horizon_usd",
                m.all_in_breakeven_btc_horizon_usd,
            ),
            (
                "breakeven_power_horizon_usd_mwh",
                m.breakeven_power_horizon_usd_mwh,
            ),
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
pub fn non_finite(v: &Value, key: &str, optional: &[&str]) -> Option<String> {
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
pub fn check_all_finite<T: serde::Serialize>(x: &T) -> Result<(), String> {
    let v = serde_json::to_value(x).map_err(|e| e.to_string())?;
    match non_finite(&v, "", &[]) {
        Some(bad) => Err(format!("{bad} is not a finite number")),
        None => Ok(()),
    }
}

/// An accepted scenario is valid, and its projection, Monte Carlo (a few paths), decision map
/// (small) and tornado are all finite.
pub fn check_accepted(s: &Scenario) -> Result<(), TestCaseError> {
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
pub fn check_refusal(e: &ValidationError) -> Result<(), TestCaseError> {
    prop_assert!(!e.field.is_empty(), "{e:?}");
    prop_assert!(
        e.to_string().contains(&e.field),
        "{e} does not name {}",
        e.field
    );
    Ok(())
}

/// A random JSON value, nested a little.
pub fn json_value() -> impl Strategy<Value = Value> {
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
pub fn json_number() -> impl Strategy<Value = Value> {
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
pub fn leaf_paths(v: &Value) -> Vec<String> {
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

pub fn pointer_mut<'a>(v: &'a mut Value, pointer: &str) -> &'a mut Value {
    v.pointer_mut(pointer).unwrap()
}
