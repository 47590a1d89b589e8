//! Shared by the native and the wasm tests: the Monte Carlo fingerprint.
#![allow(dead_code, clippy::unwrap_used)] // each test file uses part of it

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
