//! Monte Carlo, decision map and tornado against the deterministic projection.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may fail loudly

mod common;

use common::fingerprint;
use hashpivot_model::scenario::NetworkMode;
use hashpivot_model::{decision_map, montecarlo, project, tornado, Scenario};

fn rel(a: f64, b: f64) -> f64 {
    (a - b).abs() / b.abs().max(1.0)
}

/// No randomness at all: zero volatilities, no drift, no early ends, flat BTC.
fn quiet() -> Scenario {
    let mut s = Scenario::default();
    s.monte_carlo.paths = 50;
    s.monte_carlo.btc_volatility_pct_year = 0.0;
    s.monte_carlo.hashrate_volatility_pct_year = 0.0;
    s.monte_carlo.btc_drift_pct_year = Some(0.0);
    s
}

#[test]
fn without_randomness_every_band_is_the_deterministic_path() {
    let s = quiet();
    let p = project(&s).unwrap();
    let mc = montecarlo::run(&s).unwrap();
    for (i, r) in p.strategies.iter().enumerate() {
        for (m, row) in r.months.iter().enumerate() {
            let b = &mc.bands[i];
            for q in [b.p5[m], b.p50[m], b.p95[m]] {
                assert!(
                    rel(q, row.cumulative_fcf_usd) < 1e-9,
                    "{} {m}: {q} vs {}",
                    r.id,
                    row.cumulative_fcf_usd
                );
            }
        }
        assert!(rel(mc.npv[i].mean, r.npv_usd) < 1e-9);
    }
}

#[test]
fn without_randomness_a_fixed_network_is_the_deterministic_path_too() {
    let mut s = quiet();
    s.market.network.mode = NetworkMode::Fixed;
    let p = project(&s).unwrap();
    let mc = montecarlo::run(&s).unwrap();
    for (i, r) in p.strategies.iter().enumerate() {
        let last = r.months.last().unwrap().cumulative_fcf_usd;
        assert!(rel(mc.bands[i].p50[59], last) < 1e-9, "{}", r.id);
        assert!(rel(mc.npv[i].mean, r.npv_usd) < 1e-9, "{}", r.id);
    }
    // ... and it is not the economic one: the fixed growth sinks pure mining.
    let economic = project(&quiet()).unwrap();
    assert!(p.strategies[0].npv_usd < economic.strategies[0].npv_usd);
}

#[test]
fn pure_mining_is_worth_more_in_the_monte_carlo_when_btc_grows() {
    // The drift follows btc_growth; each path's network follows its own price with the lag,
    // so a rising price keeps hashprice above the marginal cost for longer.
    let mut s = Scenario::default();
    s.monte_carlo.paths = 1_000;
    let flat = montecarlo::run(&s).unwrap();
    s.market.btc_growth_pct_year = 30.0;
    let up = montecarlo::run(&s).unwrap();
    let (a, b) = (flat.npv[0].mean, up.npv[0].mean);
    // More than four standard errors of the mean apart: each run's standard deviation is
    // about its P5-P95 width / 3.29, over sqrt(1,000) paths.
    let se = |d: &montecarlo::NpvDistribution| {
        (d.percentiles[4] - d.percentiles[0]) / 3.29 / (1_000f64).sqrt()
    };
    let spread = se(&flat.npv[0]).hypot(se(&up.npv[0]));
    assert!(b - a > 4.0 * spread, "{a} vs {b}, standard error {spread}");
    // A pivot fully leased has no mining after its conversion: BTC moves it far less.
    let pivot = (up.npv[1].mean - flat.npv[1].mean).abs();
    assert!(pivot < 0.2 * (b - a), "{pivot}");
}

#[test]
fn sampled_early_ends_average_to_the_expected_value() {
    // Only the contracts are random: 30% a year early-end risk. NPV is linear in survival, so
    // the mean over many paths approaches the deterministic (expected-value) NPV.
    let mut s = quiet();
    s.monte_carlo.paths = 20_000;
    for st in &mut s.strategies {
        for c in &mut st.contracts {
            c.terms_mut().early_end_annual = 0.3;
        }
    }
    let p = project(&s).unwrap();
    let mc = montecarlo::run(&s).unwrap();
    for i in 1..3 {
        let (mean, expected) = (mc.npv[i].mean, p.strategies[i].npv_usd);
        let spread = mc.npv[i].percentiles[4] - mc.npv[i].percentiles[0];
        // Standard error of the mean is about spread / 4 / sqrt(20,000); allow 4 of them.
        assert!(
            (mean - expected).abs() < 4.0 * spread / 4.0 / (20_000f64).sqrt(),
            "{i}: {mean} vs {expected}"
        );
        assert!(spread > 0.0);
    }
}

#[test]
fn sampled_delivery_delays_spread_only_the_delayed_strategies() {
    // No market randomness, no early ends; the pivot's lease is 6 months late on average.
    let mut s = quiet();
    s.monte_carlo.paths = 2_000;
    s.strategies[1].contracts[0].terms_mut().delay_months = 6;
    let mc = montecarlo::run(&s).unwrap();
    let spread = |i: usize, m: usize| mc.bands[i].p95[m] - mc.bands[i].p5[m];
    assert_eq!(spread(0, 36), 0.0, "pure mining has nothing random here");
    assert!(
        spread(1, 36) > 0.0,
        "the pivot's delivery month varies by path"
    );
    // The hybrid's lease is on time (delay 0): no spread.
    assert_eq!(spread(2, 36), 0.0);
    // Median delay of a geometric with mean 6 is 4 months (q = 6/7: q^4 = 0.54 >= 0.5 > q^5):
    // the median path matches the deterministic run with a 4-month delay.
    let mut four = s.clone();
    four.strategies[1].contracts[0].terms_mut().delay_months = 4;
    let p = project(&four).unwrap();
    let median = mc.bands[1].p50[36];
    assert!(
        rel(median, p.strategies[1].months[36].cumulative_fcf_usd) < 1e-9,
        "{median}"
    );
}

#[test]
fn the_same_seed_gives_the_same_result_and_another_seed_does_not() {
    let mut s = Scenario::default();
    s.monte_carlo.paths = 300;
    let a = montecarlo::run(&s).unwrap();
    assert_eq!(a, montecarlo::run(&s).unwrap());
    s.monte_carlo.seed += 1;
    assert_ne!(a, montecarlo::run(&s).unwrap());
    assert_eq!(a.beats_first[0], 0.0);
    assert!(a.beats_first.iter().all(|p| (0.0..=1.0).contains(p)));
    for d in &a.npv {
        assert_eq!(d.counts.iter().sum::<u32>(), 300);
        assert!(d.percentiles.windows(2).all(|w| w[0] <= w[1]));
    }
    for b in &a.bands {
        for m in 0..b.p50.len() {
            assert!(
                b.p5[m] <= b.p25[m]
                    && b.p25[m] <= b.p50[m]
                    && b.p50[m] <= b.p75[m]
                    && b.p75[m] <= b.p95[m]
            );
        }
    }
}

#[test]
fn more_price_volatility_widens_the_mining_fan() {
    let mut s = Scenario::default();
    s.monte_carlo.paths = 2_000;
    s.monte_carlo.btc_volatility_pct_year = 20.0;
    let narrow = montecarlo::run(&s).unwrap();
    s.monte_carlo.btc_volatility_pct_year = 80.0;
    let wide = montecarlo::run(&s).unwrap();
    let width = |r: &montecarlo::MonteCarloResult| {
        let b = &r.bands[0];
        b.p95[23] - b.p5[23]
    };
    assert!(
        width(&wide) > 1.5 * width(&narrow),
        "{} vs {}",
        width(&wide),
        width(&narrow)
    );
}

#[test]
fn the_fingerprint_fixture_matches_this_platform() {
    // The wasm test (tests/web.rs) compares the browser's run with the same fixture, so a seed
    // means one result everywhere. Regenerate with UPDATE_FIXTURES=1 after an intended change.
    let got = fingerprint(&montecarlo::run(&common::fixture_scenario()).unwrap());
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/montecarlo-seed42.txt"
    );
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(path, &got).unwrap();
    }
    let want =
        std::fs::read_to_string(path).expect("fixture present (UPDATE_FIXTURES=1 writes it)");
    assert_eq!(got, want);
}

#[test]
fn the_decision_map_equals_full_projections_at_its_cells() {
    let s = Scenario::default();
    let map = decision_map::run(&s, 9, 7).unwrap();
    for (row, col) in [(0, 0), (3, 4), (6, 8), (2, 7), (5, 1)] {
        let mut at = s.clone();
        at.network.btc_price_usd = map.btc_prices[col];
        at.site.power_usd_mwh = map.power_prices[row];
        let p = project(&at).unwrap();
        for (i, r) in p.strategies.iter().enumerate() {
            let cell = map.npv[i][row * 9 + col];
            assert!(
                rel(cell, r.npv_usd) < 1e-9,
                "({row},{col}) {i}: {cell} vs {}",
                r.npv_usd
            );
        }
        let best = p
            .strategies
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.npv_usd.total_cmp(&b.1.npv_usd))
            .unwrap()
            .0;
        assert_eq!(map.winner[row * 9 + col] as usize, best);
    }
}

#[test]
fn the_tie_line_is_where_pivot_and_pure_mining_are_level() {
    // Over the leases' own ten years; on the default 60 months the $1.575B conversion never
    // pays back, so the pivot loses everywhere on the grid.
    let s = Scenario {
        horizon_months: 120,
        ..Scenario::default()
    };
    let map = decision_map::run(&s, 64, 64).unwrap();
    assert!(
        !map.tie.is_empty(),
        "pivot and pure mining never cross on the default grid"
    );
    let scale = map.npv[0].iter().fold(0.0f64, |a, v| a.max(v.abs()));
    for &(btc, power) in map.tie.iter().step_by(8) {
        let mut at = s.clone();
        at.network.btc_price_usd = btc;
        at.site.power_usd_mwh = power;
        let p = project(&at).unwrap();
        let gap = p.strategies[1].npv_usd - p.strategies[0].npv_usd;
        // Interpolation between columns: level to within 2% of the map's NPV scale.
        assert!(
            gap.abs() < 0.02 * scale,
            "at ({btc}, {power}) the gap is {gap}"
        );
    }
}

#[test]
fn tornado_bars_move_the_right_way() {
    let t = tornado::run(&Scenario::default()).unwrap();
    let bar = |key: &str| t.bars.iter().find(|b| b.key == key).unwrap();
    let btc = bar("btc");
    assert!(
        btc.npv_high[0] > btc.npv_low[0],
        "a higher BTC price helps pure mining"
    );
    let power = bar("power");
    assert!(
        power.npv_high[0] < power.npv_low[0],
        "dearer power hurts pure mining"
    );
    let rent = bar("hpc_price");
    assert_eq!(
        rent.npv_high[0], t.base_npv[0],
        "AI/HPC prices do not touch pure mining"
    );
    assert!(rent.npv_high[1] > rent.npv_low[1]);
    let capex = bar("capex_mw");
    assert!(capex.npv_high[1] < capex.npv_low[1]);
    assert_eq!(btc.low_value, 91_132.0 * 0.8);
    // The economic network's input: dearer marginal machines (more J/TH) mean a smaller
    // network, which helps pure mining; the fixed growth, which it does not use, is not moved.
    let network = bar("net_eff");
    assert_eq!((network.low_value, network.high_value), (24.0, 36.0));
    assert!(network.npv_high[0] > network.npv_low[0]);
    assert!(t.bars.iter().all(|b| b.key != "diff_growth"));
    // With a fixed network the growth is moved, and a faster one hurts pure mining.
    let mut fixed = Scenario::default();
    fixed.market.network.mode = NetworkMode::Fixed;
    let t = tornado::run(&fixed).unwrap();
    let growth = t.bars.iter().find(|b| b.key == "diff_growth").unwrap();
    assert!(growth.npv_high[0] < growth.npv_low[0]);
}

#[test]
fn a_simulation_in_steps_equals_the_one_shot_run_bit_for_bit() {
    use hashpivot_model::montecarlo::Simulation;
    // Contracts with early ends and delivery delays: every sampled stream is exercised.
    let mut s = hashpivot_model::presets::scenario("iren").unwrap();
    s.monte_carlo.paths = 150;
    s.horizon_months = 37;
    for st in &mut s.strategies {
        for c in &mut st.contracts {
            c.terms_mut().early_end_annual = 0.1;
            c.terms_mut().delay_months = 3;
        }
    }
    // Both network modes: each path's economic network, or the fixed trend's deviation.
    for mode in [NetworkMode::Economic, NetworkMode::Fixed] {
        s.market.network.mode = mode;
        let whole = montecarlo::run(&s).unwrap();
        for step in [1, 5, 13, 36, 1_000] {
            let mut sim = Simulation::new(&s).unwrap();
            let mut calls = 0;
            while !sim.step(step) {
                calls += 1;
                assert!(sim.progress() > 0.0 && sim.progress() < 1.0);
            }
            assert_eq!(calls, 37_usize.div_ceil(step) - 1, "step {step}");
            assert_eq!(sim.finish(), whole, "{mode:?} step {step}");
        }
    }
}

#[test]
fn the_decision_map_equals_full_projections_with_a_fixed_network_too() {
    let mut s = Scenario::default();
    s.market.network.mode = NetworkMode::Fixed;
    let map = decision_map::run(&s, 5, 3).unwrap();
    for (row, col) in [(0, 0), (1, 3), (2, 4)] {
        let mut at = s.clone();
        at.network.btc_price_usd = map.btc_prices[col];
        at.site.power_usd_mwh = map.power_prices[row];
        let p = project(&at).unwrap();
        for (i, r) in p.strategies.iter().enumerate() {
            let cell = map.npv[i][row * 5 + col];
            assert!(rel(cell, r.npv_usd) < 1e-9, "({row},{col}) {i}");
        }
    }
}
