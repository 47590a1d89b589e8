//! Hostile share links, as an attacker or a careless tool would write them, and every field at
//! the ends of its range: the decoder never panics, what it accepts is valid and projects to
//! finite numbers, and what it refuses is named by field.
//!
//! Case counts are modest and fixed so the file stays fast in a debug build; the fuzz targets
//! (`cargo xtask fuzz`) search the same ground for longer.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may fail loudly

mod hostile_support;

use hashpivot_model::import::{scenario_from_json, scenario_to_json};
use hashpivot_model::projection::project;
use hashpivot_model::{decision_map, montecarlo, presets, query, tornado, Scenario};
use hostile_support::*;
use proptest::prelude::*;
use serde_json::{json, Value};

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
        "network" => prop_oneof![
            3 => proptest::sample::select(vec!["economic", "fixed", " Fixed ", "ECONOMIC"])
                .prop_map(str::to_owned),
            1 => base,
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
}

/// Found by `import_survives_edited_files`: a fleet of 5e-324 EH/s (valid: the bound starts at
/// 0) made cash opex per EH/s (then a total divided by the fleet) overflow to infinity, so opex
/// and FCF were infinite or NaN. Opex is now per EH/s; the case stays.
#[test]
fn a_subnormal_fleet_projects_to_finite_numbers() {
    for strategy in 0..3 {
        let mut s = Scenario::default();
        s.fleet.hashrate_eh_s = 5e-324;
        s.strategies = vec![s.strategies[strategy].clone()];
        s.validate().unwrap();
        let p = project(&s).unwrap();
        check_finite(&p).unwrap();
        // Opex never exceeds the fleet's per-unit figure times its hashrate.
        let opex = p.strategies[0].months[0].opex_usd;
        assert!(opex <= s.fleet.opex_usd_per_month(), "{opex}");
    }
}

/// Every scalar key at the ends of its range, its middle and just above a bottom of 0 (down to
/// subnormal), on presets with mining, a GPU cloud, debt and BTC sales: what is accepted must
/// give finite numbers everywhere.
#[test]
fn every_key_at_its_extremes_projects_to_finite_numbers() {
    // Each base in the default (economic) network, and two with a fixed one.
    let bases = [
        "preset=snapshot-2026-01",
        "preset=iren",
        "preset=cleanspark",
        "preset=cango",
        "preset=snapshot-2026-01&network=fixed",
        "preset=iren&network=fixed",
    ];
    for key in known_keys() {
        let Some(b) = query::bound(&key) else {
            continue;
        };
        for preset in bases {
            for v in extremes(&b) {
                let q = format!("{preset}&{key}={v}");
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

/// The fleet's per-unit keys (and the old totals) at their extremes, on a fleet of three
/// cohorts (an upgrade and a purchase of old machines) whose strategies sell machines to
/// AI/HPC, at a price that switches part of the fleet off: finite everywhere.
#[test]
fn fleet_keys_at_their_extremes_with_cohorts_switch_off_and_sales_are_finite() {
    use hashpivot_model::scenario::FleetPurchase;
    let mut base = Scenario::default();
    base.network.btc_price_usd = 70_000.0;
    for st in &mut base.strategies {
        st.fleet_purchases = vec![
            FleetPurchase {
                month: 0,
                eh_s: 2.0,
                efficiency_j_th: 12.0,
                usd_per_th: 18.0,
                retire_eh_s: 1.0,
            },
            FleetPurchase {
                month: 3,
                eh_s: 3.0,
                efficiency_j_th: 30.0,
                usd_per_th: 3.0,
                retire_eh_s: 0.0,
            },
        ];
    }
    base.validate().unwrap();
    let keys = [
        "opex_eh",
        "opex_avoid",
        "asic_th",
        "resale_lt19",
        "resale_19_25",
        "resale_ge25",
        "opex",
        "asic_value",
        "fleet",
        "eff",
    ];
    for key in keys {
        let b = query::bound(key).unwrap();
        let (_, set) = query::accessor(key).unwrap();
        for v in extremes(&b) {
            let mut s = base.clone();
            set(&mut s, v);
            if s.validate().is_ok() {
                check_everything(&s, &format!("{key}={v}"));
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
            Err(all) => {
                for e in &all {
                    assert!(e.to_string().contains(&e.field), "{what}: {e}");
                }
            }
        }
    }
    assert!(accepted * 2 > edits.len(), "{accepted} of {}", edits.len());
}
