//! Sensitivity: each key input moved down and up by a set step, and every strategy's NPV there.
//!
//! # Usage
//! ```
//! use hashpivot_model::{tornado, Scenario};
//! let t = tornado::run(&Scenario::default()).unwrap();
//! assert!(t.bars.iter().all(|b| b.npv_low.len() == 3));
//! ```

use serde::Serialize;

use crate::bounds::{self, Bound};
use crate::contract::Contract;
use crate::error::ValidationError;
use crate::projection::project;
use crate::scenario::Scenario;

/// One input moved both ways.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bar {
    /// Share-link key or name of the input.
    pub key: &'static str,
    /// Label shown to users.
    pub label: &'static str,
    /// Unit of the values.
    pub unit: &'static str,
    /// The input at its low and high ends.
    pub low_value: f64,
    /// The input at its high end.
    pub high_value: f64,
    /// NPV of each strategy with the input low, USD.
    pub npv_low: Vec<f64>,
    /// NPV of each strategy with the input high, USD.
    pub npv_high: Vec<f64>,
}

/// The base NPVs and one bar per input.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tornado {
    /// NPV of each strategy at the scenario as given, USD.
    pub base_npv: Vec<f64>,
    /// One bar per input, in [`INPUTS`] order.
    pub bars: Vec<Bar>,
}

/// How an input is moved.
#[derive(Clone, Copy)]
enum Step {
    /// Multiply by (1 - x) and (1 + x).
    Relative(f64),
    /// Add -x and +x.
    Absolute(f64),
}

type Get = fn(&Scenario) -> f64;
type Set = fn(&mut Scenario, f64);

/// The inputs moved, with their step.
const INPUTS: [(Bound, Step, Get, Set); 7] = [
    (
        bounds::BTC_PRICE,
        Step::Relative(0.2),
        |s| s.network.btc_price_usd,
        |s, v| s.network.btc_price_usd = v,
    ),
    (
        bounds::DIFF_GROWTH,
        Step::Absolute(1.0),
        |s| s.market.difficulty_growth_pct_month,
        |s, v| s.market.difficulty_growth_pct_month = v,
    ),
    (
        bounds::POWER,
        Step::Relative(0.2),
        |s| s.site.power_usd_mwh,
        |s, v| s.site.power_usd_mwh = v,
    ),
    (
        bounds::EFFICIENCY,
        Step::Relative(0.2),
        |s| s.fleet.efficiency_j_th,
        |s, v| s.fleet.efficiency_j_th = v,
    ),
    (
        bounds::DISCOUNT,
        Step::Absolute(3.0),
        |s| s.financing.discount_rate_pct_year,
        |s, v| s.financing.discount_rate_pct_year = v,
    ),
    (HPC_PRICE, Step::Relative(0.2), |_| 100.0, scale_hpc_price),
    (
        CONVERSION_CAPEX,
        Step::Relative(0.2),
        |_| 100.0,
        scale_conversion_capex,
    ),
];

/// AI/HPC prices (rent, GPU-hour, contract totals) as a percent of the scenario's.
const HPC_PRICE: Bound = Bound::new(
    "hpc_price",
    "AI/HPC prices",
    "% of scenario",
    0.0,
    1_000.0,
    1.0,
);
/// Conversion capex per MW as a percent of the scenario's.
const CONVERSION_CAPEX: Bound = Bound::new(
    "capex_mw",
    "Conversion capex",
    "% of scenario",
    0.0,
    1_000.0,
    1.0,
);

fn contracts(s: &mut Scenario) -> impl Iterator<Item = &mut Contract> {
    s.strategies
        .iter_mut()
        .flat_map(|st| st.contracts.iter_mut())
}

fn scale_hpc_price(s: &mut Scenario, pct: f64) {
    let f = pct / 100.0;
    for c in contracts(s) {
        match c {
            Contract::Colocation(x) => x.usd_per_mw_year *= f,
            Contract::GpuCloud(g) => {
                g.usd_per_gpu_hour *= f;
                g.contract_total_usd *= f;
            }
        }
    }
}

fn scale_conversion_capex(s: &mut Scenario, pct: f64) {
    for c in contracts(s) {
        c.terms_mut().capex_usd_per_mw *= pct / 100.0;
    }
}

/// NPVs of every strategy with each input moved down and up (clamped to its accepted range).
pub fn run(s: &Scenario) -> Result<Tornado, ValidationError> {
    let npvs = |x: &Scenario| -> Result<Vec<f64>, ValidationError> {
        Ok(project(x)?.strategies.iter().map(|r| r.npv_usd).collect())
    };
    let base_npv = npvs(s)?;
    let mut bars = Vec::with_capacity(INPUTS.len());
    for (bound, step, get, set) in INPUTS {
        let v = get(s);
        let (lo, hi) = match step {
            Step::Relative(x) => (v * (1.0 - x), v * (1.0 + x)),
            Step::Absolute(x) => (v - x, v + x),
        };
        let (lo, hi) = (
            lo.clamp(bound.min, bound.max),
            hi.clamp(bound.min, bound.max),
        );
        let moved = |value: f64| -> Result<Vec<f64>, ValidationError> {
            let mut x = s.clone();
            set(&mut x, value);
            npvs(&x)
        };
        bars.push(Bar {
            key: bound.key,
            label: bound.label,
            unit: bound.unit,
            low_value: lo,
            high_value: hi,
            npv_low: moved(lo)?,
            npv_high: moved(hi)?,
        });
    }
    Ok(Tornado { base_npv, bars })
}
