//! Scenario files: export then import gives the same scenario, and every kind of bad file is
//! refused naming the field at fault.
//!
//! Native only: exact round trips need serde_json's `float_roundtrip`, which this crate turns on
//! for its native tests (the app's wasm build leaves it off; the builds that read files turn it
//! on).
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may fail loudly

use hashpivot_model::bounds;
use hashpivot_model::import::{migrate, scenario_from_json, scenario_to_json, MAX_FILE_BYTES};
use hashpivot_model::scenario::SCENARIO_VERSION;
use hashpivot_model::{presets, Scenario, ValidationError};
use serde_json::{json, Value};

/// The file is refused for one problem; the error names a field, and its message names it too.
fn refused(text: &str) -> ValidationError {
    let all = scenario_from_json(text).expect_err("the file should be refused");
    assert_eq!(all.as_slice().len(), 1, "{all}");
    let e = all.first().clone();
    assert!(!e.field.is_empty(), "{e:?}");
    assert!(
        e.to_string().contains(&e.field),
        "{e} does not name {}",
        e.field
    );
    e
}

/// `refused`, and the field is `field`.
fn refused_at(text: &str, field: &str) -> ValidationError {
    let e = refused(text);
    assert_eq!(e.field, field, "{e}");
    e
}

/// The default scenario's file as JSON, to edit.
fn default_value() -> Value {
    serde_json::from_str(&scenario_to_json(&Scenario::default())).unwrap()
}

fn text(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap()
}

#[test]
fn the_default_scenario_round_trips() {
    let s = Scenario::default();
    let json = scenario_to_json(&s);
    assert!(
        json.contains(&format!("\"version\": {SCENARIO_VERSION}")),
        "{json}"
    );
    assert!(json.contains('\n'), "pretty JSON has lines");
    assert_eq!(scenario_from_json(&json), Ok(s));
}

#[test]
fn every_preset_round_trips() {
    let ids = presets::ids();
    assert!(!ids.is_empty());
    for id in ids {
        let s = presets::scenario(id).unwrap_or_else(|| panic!("preset {id} has no scenario"));
        assert_eq!(scenario_from_json(&scenario_to_json(&s)), Ok(s), "{id}");
    }
}

#[test]
fn an_edited_scenario_round_trips() {
    let mut s = presets::scenario("iren").unwrap();
    s.horizon_months = 120;
    s.monte_carlo.seed = u64::MAX;
    s.strategies[0].name = "Mining, \"as is\" \u{e9}".into();
    assert_eq!(scenario_from_json(&scenario_to_json(&s)), Ok(s));
}

/// Found by the `scenario_import` fuzz target: a number written with 17 digits (as another
/// tool may write it) must read as the nearest double, or export then import changes it.
#[test]
fn a_number_with_seventeen_digits_survives_export_and_import() {
    let mut v = default_value();
    let text17 = "90.238095238095237";
    v["fleet"]["hashrate_eh_s"] = json!(0.0);
    let json = text(&v).replace(
        "\"hashrate_eh_s\": 0.0",
        &format!("\"hashrate_eh_s\": {text17}"),
    );
    let s = scenario_from_json(&json).unwrap();
    assert_eq!(s.fleet.hashrate_eh_s, text17.parse::<f64>().unwrap());
    assert_eq!(scenario_from_json(&scenario_to_json(&s)), Ok(s));
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let s = Scenario::default();
    let json = format!("\u{feff}{}", scenario_to_json(&s));
    assert_eq!(scenario_from_json(&json), Ok(s));
}

#[test]
fn a_file_over_one_megabyte_is_refused() {
    let json = scenario_to_json(&Scenario::default());
    // Valid JSON padded with trailing spaces to one byte over the limit.
    let over = format!("{json}{}", " ".repeat(MAX_FILE_BYTES + 1 - json.len()));
    assert_eq!(over.len(), 1_000_001);
    let e = refused_at(&over, "file");
    assert_eq!(e.value, "1,000,001 bytes");
    assert!(e.allowed.contains("at most 1 MB"), "{e}");
    // Exactly at the limit it is read.
    let at = &over[..MAX_FILE_BYTES];
    assert_eq!(scenario_from_json(at), Ok(Scenario::default()));
}

#[test]
fn text_that_is_not_json_is_refused_with_line_and_column() {
    // The value of `horizon_months` is missing: line 3, where the `}` stands.
    let e = refused_at("{\n  \"version\": 1,\n  \"horizon_months\": }", "file");
    assert!(e.to_string().contains("line 3 column 21"), "{e}");
    for bad in ["", "   ", "{", "version: 1", "{\"version\": 1,}", "\u{0}"] {
        let e = refused_at(bad, "file");
        assert!(e.to_string().contains("line "), "{bad:?}: {e}");
    }
}

#[test]
fn json_that_is_not_an_object_is_refused() {
    for bad in ["[1, 2]", "\"a scenario\"", "42", "null", "true"] {
        refused_at(bad, "file");
    }
}

#[test]
fn a_file_without_a_version_is_refused() {
    let mut v = default_value();
    v.as_object_mut().unwrap().remove("version");
    let e = refused_at(&text(&v), "version");
    assert!(
        e.allowed.contains(&format!(
            "{SCENARIO_VERSION} (the format this build writes)"
        )),
        "{e}"
    );
    refused_at("{}", "version");
}

#[test]
fn an_unknown_version_is_refused() {
    for bad in [
        json!("1"),
        json!(1.5),
        json!(-1),
        json!(0),
        json!(null),
        json!([1]),
    ] {
        let mut v = default_value();
        v["version"] = bad.clone();
        let e = refused_at(&text(&v), "version");
        assert!(e.to_string().contains("unknown"), "{bad}: {e}");
    }
}

#[test]
fn a_newer_version_is_refused_as_newer() {
    for newer in [
        u64::from(SCENARIO_VERSION) + 1,
        1_000,
        u64::from(u32::MAX) + 1,
    ] {
        let mut v = default_value();
        v["version"] = json!(newer);
        let e = refused_at(&text(&v), "version");
        assert_eq!(e.value, newer.to_string());
        assert!(e.to_string().contains("newer than this build reads"), "{e}");
    }
}

#[test]
fn migrate_reads_version_1_and_the_current_one() {
    let v = default_value();
    assert_eq!(
        migrate(v.clone(), u64::from(SCENARIO_VERSION)),
        Ok(v.clone())
    );
    assert_eq!(SCENARIO_VERSION, 2);
    let from_1 = migrate(json!({"version": 1}), 1).unwrap();
    assert_eq!(from_1, json!({"version": 2}));
    for other in [0, u64::from(SCENARIO_VERSION) + 1] {
        assert_eq!(migrate(v.clone(), other).unwrap_err().field, "version");
    }
}

#[test]
fn a_version_1_file_has_its_totals_divided_by_its_fleet() {
    // As version 1 wrote them: $4M a month and $240M for 20 EH/s, i.e. $200,000 per EH/s a
    // month and $240M / 20,000,000 TH/s = $12 per TH/s.
    let file = r#"{"version": 1, "fleet": {"hashrate_eh_s": 20.0,
        "opex_usd_per_month": 4000000.0, "asic_value_usd": 240000000.0}}"#;
    let s = scenario_from_json(file).unwrap();
    assert_eq!(s.version, 2);
    assert_eq!(s.fleet.hashrate_eh_s, 20.0);
    assert_eq!(s.fleet.opex_usd_per_eh_month, 200_000.0);
    assert_eq!(s.fleet.asic_usd_per_th, 12.0);
    // Without a fleet, version 1's default of 10 EH/s: $3M a month is $300,000 per EH/s.
    let s = scenario_from_json(r#"{"version": 1, "fleet": {"opex_usd_per_month": 3e6}}"#).unwrap();
    assert_eq!(s.fleet.opex_usd_per_eh_month, 300_000.0);
    assert_eq!(
        s.fleet.asic_usd_per_th, 15.0,
        "left out: format 2's default"
    );
    // The default scenario as version 1 wrote it reads as today's default.
    let mut v = default_value();
    v["version"] = json!(1);
    let fleet = v["fleet"].as_object_mut().unwrap();
    for new in [
        "opex_usd_per_eh_month",
        "opex_avoidable_pct",
        "asic_usd_per_th",
        "asic_resale",
    ] {
        fleet.remove(new);
    }
    fleet.insert("opex_usd_per_month".into(), json!(1_500_000.0));
    fleet.insert("asic_value_usd".into(), json!(150_000_000.0));
    assert_eq!(scenario_from_json(&text(&v)), Ok(Scenario::default()));
}

#[test]
fn a_version_1_total_that_cannot_be_divided_is_refused_by_name() {
    let file = |fleet: Value| text(&json!({"version": 1, "fleet": fleet}));
    let e = refused_at(
        &file(json!({"opex_usd_per_month": "lots"})),
        "fleet.opex_usd_per_month",
    );
    assert!(e.allowed.contains("a number"), "{e}");
    let e = refused_at(
        &file(json!({"hashrate_eh_s": 0.0, "asic_value_usd": 1e8})),
        "fleet.asic_value_usd",
    );
    assert!(e.allowed.contains("more than 0 EH/s"), "{e}");
    // $1e10 a month over 0.5 EH/s is $2e10 per EH/s, above the top of $10M.
    let e = refused_at(
        &file(json!({"hashrate_eh_s": 0.5, "opex_usd_per_month": 1e10})),
        "fleet.opex_usd_per_month",
    );
    assert!(e.allowed.contains("10,000,000 USD per EH/s a month"), "{e}");
    refused_at(
        &file(json!({"asic_value_usd": -1.0})),
        "fleet.asic_value_usd",
    );
    let e = refused_at(
        &file(json!({"opex_usd_per_month": 1e6, "opex_usd_per_eh_month": 1e5})),
        "fleet.opex_usd_per_month",
    );
    assert!(e.allowed.contains("not both"), "{e}");
}

#[test]
fn a_wrong_type_is_named_by_its_path() {
    let mut v = default_value();
    v["strategies"][1]["contracts"][0]["it_mw"] = json!("lots");
    let e = refused_at(&text(&v), "strategies[1].contracts[0].it_mw");
    assert!(e.value.contains("lots"), "{e}");
    assert!(e.allowed.contains("number"), "{e}");

    let mut v = default_value();
    v["horizon_months"] = json!(-1);
    let e = refused_at(&text(&v), "horizon_months");
    assert_eq!(e.value, "-1");

    let mut v = default_value();
    v["fleet"]["shutdown_when_unprofitable"] = json!("yes");
    refused_at(&text(&v), "fleet.shutdown_when_unprofitable");

    let mut v = default_value();
    v["strategies"] = json!({"pure": {}});
    refused_at(&text(&v), "strategies");

    let mut v = default_value();
    v["start"] = json!("2026-13");
    let e = refused_at(&text(&v), "start");
    assert!(e.value.contains("2026-13"), "{e}");
}

#[test]
fn an_unknown_field_is_named_by_its_path() {
    let mut v = default_value();
    v["colour"] = json!("blue");
    let e = refused_at(&text(&v), "colour");
    assert!(e.value.contains("blue"), "{e}");

    let mut v = default_value();
    v["strategies"][2]["contracts"][0]["discount"] = json!(5);
    let e = refused_at(&text(&v), "strategies[2].contracts[0].discount");
    assert_eq!(e.value, "5");

    // A field of the other contract kind: GPUs on a colocation lease.
    let mut v = default_value();
    v["strategies"][1]["contracts"][0]["gpus"] = json!(1000);
    let e = refused_at(&text(&v), "strategies[1].contracts[0].gpus");
    assert!(e.allowed.contains("colocation"), "{e}");
}

#[test]
fn a_missing_required_field_is_named_by_its_path() {
    let mut v = default_value();
    v["network"]
        .as_object_mut()
        .unwrap()
        .remove("btc_price_usd");
    refused_at(&text(&v), "network.btc_price_usd");

    let mut v = default_value();
    v["strategies"][1]["contracts"][0]
        .as_object_mut()
        .unwrap()
        .remove("kind");
    refused_at(&text(&v), "strategies[1].contracts[0].kind");
}

#[test]
fn a_value_out_of_range_is_refused_by_validation() {
    let mut v = default_value();
    v["horizon_months"] = json!(999);
    let e = refused_at(&text(&v), bounds::HORIZON.key);
    assert_eq!(e.value, "999");
    let s = Scenario {
        horizon_months: 999,
        ..Scenario::default()
    };
    assert_eq!(Err(e), s.validate(), "validation's error, as is");

    // A contract sized in MW (a share of the site would size it from the site instead).
    let mut v = default_value();
    // A contract sized in MW (without a share of the site, whose MW would follow the site).
    v["strategies"][1]["contracts"][0]["site_share"] = Value::Null;
    v["strategies"][1]["contracts"][0]["it_mw"] = json!(-5.0);
    v["strategies"][1]["contracts"][0]["site_share"] = Value::Null;
    refused_at(&text(&v), "strategies[1].contracts[0].it_mw");

    // Parses as a number, but one no range accepts.
    let mut v = default_value();
    v["fleet"]["pue"] = json!(1e300);
    refused_at(&text(&v), bounds::PUE.key);
}

#[test]
fn a_file_from_before_the_network_path_keeps_a_growth_it_chose() {
    use hashpivot_model::scenario::NetworkMode;
    let old = |growth: f64| {
        let mut v = default_value();
        let market = v["market"].as_object_mut().unwrap();
        market.remove("network");
        market.insert("difficulty_growth_pct_month".into(), json!(growth));
        scenario_from_json(&text(&v)).unwrap()
    };
    // 4% a month was a choice: it stays a fixed growth.
    let s = old(4.0);
    assert_eq!(s.market.network.mode, NetworkMode::Fixed);
    assert_eq!(s.market.difficulty_growth_pct_month, 4.0);
    // The default growth was no choice: the file takes the default, economic network.
    assert_eq!(old(2.5).market.network.mode, NetworkMode::Economic);
    // A file that says its network keeps it, whatever the growth.
    let mut v = default_value();
    v["market"]["difficulty_growth_pct_month"] = json!(4.0);
    let s = scenario_from_json(&text(&v)).unwrap();
    assert_eq!(s.market.network.mode, NetworkMode::Economic);
}

#[test]
fn long_values_are_cut_in_messages() {
    let mut v = default_value();
    v["strategies"][0]["name"] = json!(vec![1; 10_000]);
    let e = refused_at(&text(&v), "strategies[0].name");
    assert!(e.to_string().len() < 1_000, "{} bytes", e.to_string().len());
}

#[test]
fn every_value_out_of_range_is_named_at_once_in_field_order() {
    let mut v = default_value();
    // Sized in MW, not as a share of the site (whose MW would follow the site).
    v["strategies"][1]["contracts"][0]["site_share"] = Value::Null;
    v["strategies"][1]["contracts"][0]["it_mw"] = json!(-5.0);
    v["fleet"]["hashrate_eh_s"] = json!(5_000.0);
    v["network"]["difficulty_t"] = json!(-1.0);
    v["network"]["btc_price_usd"] = json!(-5.0);
    let e = scenario_from_json(&text(&v)).expect_err("four fields are out of range");
    let named: Vec<(&str, &str)> = e
        .iter()
        .map(|p| (p.field.as_str(), p.value.as_str()))
        .collect();
    // The order of the scenario's fields (network, fleet, strategies), not of the edits; two
    // bad network fields are both named.
    assert_eq!(
        named,
        [
            ("btc", "-5"),
            ("diff", "-1"),
            ("fleet", "5,000"),
            ("strategies[1].contracts[0].it_mw", "-5"),
        ]
    );
    assert_eq!(e.to_string().lines().count(), 4, "one line each: {e}");
    // `validate` still returns the first of them.
    let s: Scenario = serde_json::from_value(v).unwrap();
    assert_eq!(s.validate(), Err(e.first().clone()));
    assert_eq!(s.problems(), e.into_vec());
}
