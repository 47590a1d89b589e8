//! The `hashpivot` binary as an analyst runs it.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may fail loudly

use std::process::Command;

fn hashpivot(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_hashpivot"))
        .args(args)
        .output()
        .expect("the binary runs")
}

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
