//! The inputs of the kernel benchmarks, shared by the native criterion bench (`benches/kernels.rs`)
//! and the browser timings of `cargo xtask bench` (`tests/bench_web.rs`), so the wasm/native
//! ratio compares the same work. Included with `#[path]`; it lives in a folder so Cargo does not
//! take it for a bench target of its own.

use hashpivot_model::kernel::{StrategyKernel, Timeline};
use hashpivot_model::Scenario;

/// Months projected: the product promises 120.
pub const MONTHS: u32 = 120;
/// Monte Carlo paths at the promised size.
pub const PATHS: u32 = 10_000;
/// The decision map's grid, columns x rows.
pub const MAP: (usize, usize) = (64, 64);

/// The default scenario (3 strategies) over 120 months with 10,000 Monte Carlo paths.
pub fn scenario() -> Scenario {
    let mut s = Scenario {
        horizon_months: MONTHS,
        ..Scenario::default()
    };
    s.monte_carlo.paths = PATHS;
    s
}

/// The timeline and one kernel per strategy, built once outside the timed Monte Carlo loop.
pub fn monte_carlo_inputs(s: &Scenario) -> (Timeline, Vec<StrategyKernel>) {
    let t = Timeline::new(s);
    let kernels = (0..s.strategies.len())
        .map(|i| StrategyKernel::new(s, i, &t))
        .collect();
    (t, kernels)
}
