//! The `hashpivot` binary as an analyst runs it.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may fail loudly

mod common;

use common::{hashpivot, json_of};

#[test]
fn json_hashprice_matches_the_formula_by_hand() {
    let out = hashpivot(&[
        "hashprice",
        "--btc",
        "91000",
        "--diff",
        "152",
        "--fees",
        "0.02",
        "--format",
        "json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    // 144 * (3.125 + 0.02) * 91,000 / (152e12 * 2^32 / 600 / 1e15) = 37.8767 USD/PH/day.
    let hp = v["hashprice_usd_per_ph_day"].as_f64().expect("number");
    assert!((hp - 37.8767).abs() < 0.0005, "{hp}");
    let eh = v["network_hashrate_eh_s"].as_f64().expect("number");
    assert!((eh - 1_088.058).abs() < 0.001, "{eh}");
}

#[test]
fn bad_input_exits_2_naming_field_value_and_range() {
    let out = hashpivot(&["hashprice", "--btc", "-5"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    for part in ["BTC price", "btc", "-5", "1 to 10,000,000 USD"] {
        assert!(err.contains(part), "{err:?} lacks {part:?}");
    }
    assert!(out.stdout.is_empty());
}

#[test]
fn a_fractional_height_is_refused() {
    let out = hashpivot(&["hashprice", "--height", "931392.5"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("whole number"));
}

#[test]
fn text_output_carries_units() {
    let out = hashpivot(&["hashprice"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("USD/PH/day") && text.contains("EH/s") && text.contains("sats/TH/day"),
        "{text}"
    );
}

#[test]
fn simulate_json_has_the_documented_shape_and_the_hand_hashprice() {
    let out = hashpivot(&["simulate", "--query", "btc=91000&diff=152&fees=0.02"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    // 144 x (3.125 + 0.02) x 91,000 / 1,088,058.38 PH/s = 37.8767 USD/PH/day (within 0.5%).
    let hp = v["hashprice_usd_per_ph_day"].as_f64().unwrap();
    assert!((hp / 37.8767 - 1.0).abs() < 0.005, "{hp}");
    assert!(v["hashcost_usd_per_ph_day"].as_f64().unwrap() > 0.0);
    assert!((v["network_hashrate_eh_s"].as_f64().unwrap() - 1_088.058).abs() < 0.001);
    let strategies = v["strategies"].as_array().unwrap();
    assert_eq!(strategies.len(), 3);
    for s in strategies {
        for key in ["id", "name", "npv_usd", "payback_month", "months"] {
            assert!(s.get(key).is_some(), "strategy lacks {key}");
        }
        let months = s["months"].as_array().unwrap();
        assert_eq!(months.len(), 60);
        assert_eq!(months[0]["month"], "2026-01");
        assert_eq!(months[0]["blocks"], 4_464);
        for key in [
            "subsidy_btc",
            "btc_mined",
            "mining_revenue_usd",
            "hpc_revenue_usd",
            "energy_cost_usd",
            "ebitda_usd",
            "capex_usd",
            "fcf_usd",
            "btc_held",
        ] {
            assert!(months[0][key].is_number(), "month lacks {key}");
        }
    }
}

#[test]
fn simulate_csv_has_one_row_per_strategy_month() {
    let out = hashpivot(&["simulate", "--query", "horizon=12", "--format", "csv"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    let header = lines.next().unwrap();
    assert!(
        header.starts_with("strategy_id,strategy_name,month,blocks,"),
        "{header}"
    );
    assert_eq!(lines.count(), 3 * 12);
    assert!(text.contains("pivot,Full pivot to colocation,2026-01,4464,"));
}

#[test]
fn simulate_rejects_bad_queries_with_exit_2() {
    for (query, field) in [
        ("uptime=150", "uptime"),
        ("foo=1", "foo"),
        ("diff=150&hashrate=1000", "hashrate"),
    ] {
        let out = hashpivot(&["simulate", "--query", query]);
        assert_eq!(out.status.code(), Some(2), "{query}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(&format!("({field})")), "{query}: {err}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn presets_list_sources_and_query_prints_a_loadable_link() {
    let out = hashpivot(&["presets"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("cipher-aws") && text.contains("Source:") && text.contains("as of 2025-")
    );
    let out = hashpivot(&["query", "--preset", "cango"]);
    assert!(out.status.success());
    let link = String::from_utf8(out.stdout).unwrap();
    assert_eq!(link.trim(), "preset=cango");
    let run = hashpivot(&["simulate", "--query", link.trim()]);
    assert!(run.status.success());
    let out = hashpivot(&["query", "--preset", "nope"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn every_bad_key_is_named_one_a_line() {
    let out = hashpivot(&["simulate", "--query", "btc=-5&fleet=abc"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    // Field, value and range on each line: BTC price 1 to 10,000,000 USD; fleet 0 to 2,000 EH/s.
    for (line, parts) in lines.iter().zip([
        [
            "hashpivot: BTC price (btc)",
            "\"-5\"",
            "1 to 10,000,000 USD",
        ],
        [
            "hashpivot: Fleet hashrate (fleet)",
            "\"abc\"",
            "0 to 2,000 EH/s",
        ],
    ]) {
        for part in parts {
            assert!(line.contains(part), "{line:?} lacks {part:?}");
        }
    }
    // The hashprice flags go through the same reader.
    let out = hashpivot(&["hashprice", "--btc", "-5", "--diff", "x"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("(btc)") && err.contains("(diff)"), "{err}");
    assert_eq!(err.lines().count(), 2, "{err}");
}

#[test]
fn simulate_json_keeps_its_keys_and_adds_warnings_last() {
    let v = json_of(&["simulate", "--query", "horizon=12"]);
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "hashprice_usd_per_ph_day",
            "hashprice_sats_per_th_day",
            "hashcost_usd_per_ph_day",
            "network_hashrate_eh_s",
            "strategies",
            "warnings"
        ]
    );
    assert_eq!(
        json_of(&["hashprice", "--format", "json"])["warnings"],
        serde_json::json!([])
    );
}
