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
use crate::scenario::{NetworkMode, Scenario};

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
    /// One bar per input, in [`INPUTS`] order (the network's input as the mode says).
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

use crate::query::{Get, Set};

/// The inputs moved, with their step: share-link keys (read and written through
/// [`crate::query::accessor`]) and two scalings of every contract.
const INPUTS: [(Bound, Step); 7] = [
    (bounds::BTC_PRICE, Step::Relative(0.2)),
    (bounds::DIFF_GROWTH, Step::Absolute(1.0)),
    (bounds::POWER, Step::Relative(0.2)),
    (bounds::EFFICIENCY, Step::Relative(0.2)),
    (bounds::DISCOUNT, Step::Absolute(3.0)),
    (HPC_PRICE, Step::Relative(0.2)),
    (CONVERSION_CAPEX, Step::Relative(0.2)),
];

/// The inputs moved for `s`: [`INPUTS`], with the network's input in force: the fixed
/// growth (`diff_growth`) in fixed mode, the marginal machines' efficiency (`net_eff`, which
/// sets the break-even network) in economic mode, where the growth is not used.
fn inputs(s: &Scenario) -> [(Bound, Step); 7] {
    let mut inputs = INPUTS;
    if s.market.network.mode == NetworkMode::Economic {
        inputs[1] = (bounds::network::EFFICIENCY, Step::Relative(0.2));
    }
    inputs
}

/// How to read and write an input of [`INPUTS`].
fn accessor(key: &str) -> Option<(Get, Set)> {
    match key {
        "hpc_price" => Some((|_| 100.0, scale_hpc_price)),
        "capex_mw" => Some((|_| 100.0, scale_conversion_capex)),
        _ => crate::query::accessor(key),
    }
}

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

// Each scaled figure stays inside its own accepted range: a contract at the top of its range
// moved up 20% would otherwise fail validation, and the whole tornado with it.
fn scale_hpc_price(s: &mut Scenario, pct: f64) {
    use bounds::contract::{GPU_HOUR, RENT, TOTAL};
    let f = pct / 100.0;
    for c in contracts(s) {
        match c {
            Contract::Colocation(x) => x.usd_per_mw_year = RENT.max.min(x.usd_per_mw_year * f),
            Contract::GpuCloud(g) => {
                g.usd_per_gpu_hour = GPU_HOUR.max.min(g.usd_per_gpu_hour * f);
                g.contract_total_usd = TOTAL.max.min(g.contract_total_usd * f);
            }
        }
    }
}

fn scale_conversion_capex(s: &mut Scenario, pct: f64) {
    let max = bounds::contract::CAPEX_PER_MW.max;
    for c in contracts(s) {
        let capex = &mut c.terms_mut().capex_usd_per_mw;
        *capex = max.min(*capex * pct / 100.0);
    }
}

/// NPVs of every strategy with each input moved down and up (clamped to its accepted range).
///
/// The site keeps its megawatts while an input moves (a site sized by the fleet is pinned at
/// its size), so a change of efficiency changes what the fleet draws, not the site the
/// strategies share.
pub fn run(s: &Scenario) -> Result<Tornado, ValidationError> {
    let s = &Scenario {
        site: crate::scenario::Site {
            capacity_mw: Some(s.site_mw()),
            ..s.site
        },
        ..s.clone()
    };
    let npvs = |x: &Scenario| -> Result<Vec<f64>, ValidationError> {
        Ok(project(x)?.strategies.iter().map(|r| r.npv_usd).collect())
    };
    let base_npv = npvs(s)?;
    let mut bars = Vec::with_capacity(INPUTS.len());
    for (bound, step) in inputs(s) {
        let Some((get, set)) = accessor(bound.key) else {
            continue;
        };
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_network_input_follows_the_mode() {
        let mut s = Scenario::default();
        assert_eq!(inputs(&s)[1].0.key, "net_eff");
        s.market.network.mode = NetworkMode::Fixed;
        assert_eq!(inputs(&s)[1].0.key, "diff_growth");
    }

    #[test]
    fn every_input_can_be_read_and_written() {
        let mut s = Scenario::default();
        for (bound, _) in INPUTS.into_iter().chain(inputs(&s)) {
            let (get, set) = accessor(bound.key).unwrap_or_else(|| panic!("{}", bound.key));
            let (v, before) = (get(&s), s.clone());
            set(&mut s, v * 1.5 + 1.0);
            // The two contract scalings read as a constant 100%: they show in the scenario.
            assert!(get(&s) != v || s != before, "{}", bound.key);
        }
    }
}
