//! The `hashpivot` binary as an analyst runs it.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may fail loudly

mod common;

use common::{hashpivot, json_of, nulls, numbers, refuses_every_bad_key};

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

#[test]
fn inputs_that_disagree_are_said_in_the_json_and_on_stderr() {
    // 30 EH/s on a 210 MW site: 10 EH/s run, 20 have no power (json_of checks stderr).
    for command in ["simulate", "montecarlo", "tornado", "map"] {
        let mut args = vec![
            command,
            "--query",
            "fleet=30&site_mw=210&paths=100&horizon=12",
        ];
        if command == "map" {
            args.extend(["--size", "4"]);
        }
        let v = json_of(&args);
        let fleet = v["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|w| w["field"] == "fleet")
            .unwrap_or_else(|| panic!("{command}: {}", v["warnings"]));
        assert!(
            fleet["message"]
                .as_str()
                .unwrap()
                .contains("20 EH/s have no power"),
            "{command}: {fleet}"
        );
    }
}

#[test]
fn montecarlo_prints_bands_percentiles_and_the_share_beating_pure_mining() {
    let args = ["montecarlo", "--query", "paths=300&seed=7&horizon=24"];
    let v = json_of(&args);
    assert_eq!(v["paths"], 300);
    let months = v["months"].as_array().unwrap();
    assert_eq!(
        (months.len(), &months[0], &months[23]),
        (24, &"2026-01".into(), &"2027-12".into())
    );
    let strategies = v["strategies"].as_array().unwrap();
    let ids: Vec<&str> = strategies
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["pure", "pivot", "hybrid"]);
    for (i, s) in strategies.iter().enumerate() {
        assert!(s["name"].is_string() && s["npv_mean_usd"].is_f64());
        let q = &s["npv_percentiles_usd"];
        let q: Vec<f64> = ["p5", "p25", "p50", "p75", "p95"]
            .map(|p| q[p].as_f64().unwrap())
            .into();
        assert!(q.windows(2).all(|w| w[0] <= w[1]), "{q:?}");
        let bands = ["p5", "p25", "p50", "p75", "p95"].map(|p| numbers(&s["bands"][p]));
        for m in 0..24 {
            assert!(bands.windows(2).all(|w| w[0][m] <= w[1][m]), "month {m}");
        }
        let beat = &s["p_beat_pure"];
        if i == 0 {
            assert!(beat.is_null());
        } else {
            assert!((0.0..=1.0).contains(&beat.as_f64().unwrap()), "{beat}");
        }
    }
    let mut found = Vec::new();
    nulls(&v, "", &mut found);
    assert_eq!(found, [".strategies[0].p_beat_pure"]);
    // A seed is a reproducible run.
    assert_eq!(hashpivot(&args).stdout, hashpivot(&args).stdout);
    refuses_every_bad_key(&["montecarlo"], &[]);
}

#[test]
fn tornado_prints_each_strategys_bars_around_the_simulated_npv() {
    let v = json_of(&["tornado"]);
    let sim = json_of(&["simulate"]);
    let strategies = v["strategies"].as_array().unwrap();
    assert_eq!(strategies.len(), 3);
    for (s, projected) in strategies.iter().zip(sim["strategies"].as_array().unwrap()) {
        assert_eq!(s["id"], projected["id"]);
        assert_eq!(
            s["base_npv_usd"], projected["npv_usd"],
            "the same projection"
        );
        let bars = s["bars"].as_array().unwrap();
        assert_eq!(bars.len(), 7);
        let swings: Vec<f64> = bars
            .iter()
            .map(|b| b["swing_usd"].as_f64().unwrap())
            .collect();
        assert!(
            swings.windows(2).all(|w| w[0] >= w[1]),
            "largest first: {swings:?}"
        );
        for b in bars {
            let (lo, hi) = (
                b["npv_low_usd"].as_f64().unwrap(),
                b["npv_high_usd"].as_f64().unwrap(),
            );
            assert_eq!(b["swing_usd"].as_f64().unwrap(), (hi - lo).abs());
            assert!(b["low_value"].as_f64().unwrap() <= b["high_value"].as_f64().unwrap());
            assert!(b["label"].is_string() && b["unit"].is_string());
        }
        // BTC price 20% down and up from the default 91,132: 72,905.6 and 109,358.4; a higher
        // price never lowers NPV.
        let btc = bars.iter().find(|b| b["key"] == "btc").unwrap();
        assert!((btc["low_value"].as_f64().unwrap() - 72_905.6).abs() < 1e-6);
        assert!((btc["high_value"].as_f64().unwrap() - 109_358.4).abs() < 1e-6);
        assert!(btc["npv_high_usd"].as_f64() >= btc["npv_low_usd"].as_f64());
    }
    let mut found = Vec::new();
    nulls(&v, "", &mut found);
    assert!(found.is_empty(), "{found:?}");
    let one = json_of(&["tornado", "--strategy", "pivot"]);
    assert_eq!(one["strategies"].as_array().unwrap().len(), 1);
    assert_eq!(one["strategies"][0], strategies[1]);
    refuses_every_bad_key(&["tornado"], &[]);
    let out = hashpivot(&["tornado", "--strategy", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("(strategy)") && err.contains("pure, pivot, hybrid"),
        "{err}"
    );
}

#[test]
fn map_prints_the_grid_its_winners_and_the_tie_line() {
    // 16 cells a side put the defaults on the grid: BTC 22,783 + 5/15 x (227,830 - 22,783) =
    // 91,132 (column 5); power 6/15 x 100 = 40 USD/MWh (row 6). Over 180 months the pivot
    // wins part of the map (over 60 months pure mining wins all of it).
    let query = "horizon=180";
    let v = json_of(&["map", "--size", "16", "--query", query]);
    assert_eq!(v["size"], 16);
    let btc = numbers(&v["btc_prices_usd"]);
    let power = numbers(&v["power_prices_usd_mwh"]);
    assert_eq!(
        (btc.len(), btc[0], btc[5], btc[15]),
        (16, 22_783.0, 91_132.0, 227_830.0)
    );
    assert_eq!(
        (power.len(), power[0], power[6], power[15]),
        (16, 0.0, 40.0, 100.0)
    );
    let winners: Vec<Vec<&str>> = v["winners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            let row = row.as_array().unwrap();
            row.iter().map(|id| id.as_str().unwrap()).collect()
        })
        .collect();
    assert_eq!(winners.len(), 16);
    assert!(winners.iter().all(|row| row.len() == 16));
    assert_eq!(v["tie_between"], serde_json::json!(["pure", "pivot"]));
    // At the scenario's own prices the winner is the strategy `simulate` gives the best NPV.
    let sim = json_of(&["simulate", "--query", query]);
    let best = sim["strategies"]
        .as_array()
        .unwrap()
        .iter()
        .max_by(|a, b| {
            a["npv_usd"]
                .as_f64()
                .unwrap()
                .total_cmp(&b["npv_usd"].as_f64().unwrap())
        })
        .unwrap();
    assert_eq!(winners[6][5], best["id"]);
    // Only pure mining and the pivot win here, so in each row with a crossing the pivot wins
    // below the tie price and pure mining above it, and a row without one has one winner.
    let tie = v["tie_line"].as_array().unwrap();
    assert!(!tie.is_empty() && tie.len() <= 16, "{}", tie.len());
    let crossed: Vec<f64> = tie
        .iter()
        .map(|p| p["power_price_usd_mwh"].as_f64().unwrap())
        .collect();
    for (r, row) in winners.iter().enumerate() {
        if !crossed.contains(&power[r]) {
            assert!(row.iter().all(|id| *id == row[0]), "row {r}: {row:?}");
        }
    }
    for p in tie {
        let at = p["btc_price_usd"].as_f64().unwrap();
        assert!((22_783.0..=227_830.0).contains(&at), "{p}");
        let r = power
            .iter()
            .position(|&w| w == p["power_price_usd_mwh"].as_f64().unwrap())
            .unwrap();
        let row = &winners[r];
        for (price, id) in btc.iter().zip(row) {
            assert_eq!(*id, if *price < at { "pivot" } else { "pure" }, "{p}");
        }
    }
    let mut found = Vec::new();
    nulls(&v, "", &mut found);
    assert!(found.is_empty(), "{found:?}");
    // The page's 64 cells a side by default.
    assert_eq!(json_of(&["map"])["winners"].as_array().unwrap().len(), 64);
    refuses_every_bad_key(&["map", "--size", "1000"], &["(size)"]);
    let out = hashpivot(&["map", "--size", "2.5"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("a whole number"));
}

#[test]
fn help_names_every_subcommand() {
    let out = hashpivot(&["--help"]);
    let text = String::from_utf8_lossy(&out.stdout);
    for command in [
        "simulate",
        "montecarlo",
        "tornado",
        "map",
        "presets",
        "query",
        "hashprice",
    ] {
        assert!(text.contains(command), "{command}: {text}");
    }
    let out = hashpivot(&["montecarlo", "--help"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("p_beat_pure"));
}
