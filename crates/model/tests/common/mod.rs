//! Shared by the native and the wasm tests: the Monte Carlo fingerprint, and scenarios whose
//! arithmetic can be checked by hand.
#![allow(dead_code, clippy::unwrap_used)] // each test file uses part of it

use hashpivot_model::scenario::{Fleet, NetworkMode, Site, Strategy};
use hashpivot_model::{montecarlo, Scenario};

/// The scenario whose Monte Carlo `tests/fixtures/montecarlo-seed42.txt` pins.
pub fn fixture_scenario() -> Scenario {
    let mut s = Scenario::default();
    s.monte_carlo.paths = 500;
    s
}

/// Bits of a few figures of each strategy, so runs on two platforms compare exactly.
pub fn fingerprint(r: &montecarlo::MonteCarloResult) -> String {
    let mut out = Vec::new();
    for (b, d) in r.bands.iter().zip(&r.npv) {
        out.push(format!("{:016x}", b.p50.last().unwrap().to_bits()));
        out.push(format!("{:016x}", b.p5[10].to_bits()));
        out.push(format!("{:016x}", d.mean.to_bits()));
    }
    for p in &r.beats_first {
        out.push(format!("{:016x}", p.to_bits()));
    }
    out.join("\n") + "\n"
}

/// Whether `a` is within `rel` of `b`, relatively.
pub fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * b.abs().max(1e-12)
}

/// One pure-mining strategy, no growth (a fixed network of constant hashrate), no opex:
/// arithmetic stays checkable by hand.
pub fn plain(fleet: Fleet, power_usd_mwh: f64) -> Scenario {
    let mut s = Scenario {
        horizon_months: 12,
        start: "2026-06".parse().unwrap(),
        fleet,
        site: Site {
            capacity_mw: Some(1_000.0),
            power_usd_mwh,
            hpc_pue: 1.2,
        },
        strategies: vec![Strategy::default()],
        ..Scenario::default()
    };
    s.market.difficulty_growth_pct_month = 0.0;
    s.market.network.mode = NetworkMode::Fixed;
    s
}

/// A fleet with no losses, fees, opex or depreciation: numbers checkable by hand.
pub fn bare_fleet(eh: f64, j_th: f64) -> Fleet {
    Fleet {
        hashrate_eh_s: eh,
        efficiency_j_th: j_th,
        uptime_pct: 100.0,
        curtailment_pct: 0.0,
        pool_fee_pct: 0.0,
        pue: 1.0,
        opex_usd_per_eh_month: 0.0,
        opex_avoidable_pct: 0.0,
        asic_usd_per_th: 0.0,
        asic_life_months: 36,
        asic_resale: Default::default(),
        demand_response_usd_mwh: 0.0,
        shutdown_when_unprofitable: false,
    }
}
