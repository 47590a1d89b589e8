//! The decision map: which strategy has the highest NPV at each point of a BTC price x power
//! price grid, and where the second strategy (the pivot) ties with the first (pure mining).
//!
//! A grid point scales the whole deterministic BTC price path by `price / start price` and sets
//! the power price. Per strategy, everything that depends on neither (opex, capex, ASIC sales,
//! interest, contract cash) is summed once; each cell then adds only the mining term of each
//! cohort with power, month by month, with the shutdown rule of [`StrategyKernel::mining`]
//! (the same margin and [`crate::kernel::kept`]). The result equals a full projection at
//! that point (tested).
//!
//! # Usage
//! ```
//! use hashpivot_model::{decision_map, Scenario};
//! let map = decision_map::run(&Scenario::default(), 16, 16).unwrap();
//! assert_eq!(map.winner.len(), 16 * 16);
//! ```

use serde::Serialize;

use crate::error::ValidationError;
use crate::kernel::{kept, StrategyKernel, Timeline};
use crate::scenario::Scenario;

/// The grid and what wins where.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DecisionMap {
    /// BTC prices of the columns, USD.
    pub btc_prices: Vec<f64>,
    /// Power prices of the rows, USD/MWh.
    pub power_prices: Vec<f64>,
    /// NPV per strategy, row-major (`row * columns + column`), USD.
    pub npv: Vec<Vec<f64>>,
    /// Index of the strategy with the highest NPV at each cell, row-major.
    pub winner: Vec<u8>,
    /// Where the second strategy's NPV equals the first's: (BTC price, power price) per row
    /// that has a crossing, found by linear interpolation between columns.
    pub tie: Vec<(f64, f64)>,
}

/// The terms of one strategy: per cohort-month with power, discounted, its revenue per unit of
/// price scale, its energy per USD/MWh and its credit less its avoidable opex (the parts of
/// [`crate::kernel::CohortMonth::margin`]), side by side so the cells' loop stays simple; and the rest, fixed.
struct Terms {
    revenue: Vec<f64>,
    mwh: Vec<f64>,
    net: Vec<f64>,
    fixed: f64,
    contract_mwh: f64,
    shutdown: bool,
}

fn terms(k: &StrategyKernel, t: &Timeline) -> Terms {
    let n = t.len();
    let mut fixed = 0.0;
    let mut contract_mwh = 0.0;
    let cohorts = k.cohorts.len();
    let (mut revenue, mut mwh, mut net) = (
        Vec::with_capacity(cohorts),
        Vec::with_capacity(cohorts),
        Vec::with_capacity(cohorts),
    );
    for m in 0..n {
        let d = t.discount[m];
        fixed += d * (k.asic_sales[m] - k.mining_opex_off[m] - k.capex[m] - k.interest[m]);
        for c in &k.contracts {
            let alive = c.survival(m);
            let month = c.month(m, c.expected_delay, t.hours[m]);
            fixed += d * alive * month.net();
            contract_mwh += d * alive * month.mwh;
        }
        let usd_per_coeff = t.btc_price_usd[m] / t.network_eh_s[m];
        for c in k.cohorts_in(m) {
            revenue.push(d * c.btc_coeff * usd_per_coeff);
            mwh.push(d * c.mwh);
            net.push(d * (c.credit - c.avoidable_opex));
        }
    }
    Terms {
        revenue,
        mwh,
        net,
        fixed,
        contract_mwh,
        shutdown: k.shutdown_when_unprofitable,
    }
}

impl Terms {
    /// NPV at `scale` times the price path and `power` USD/MWh. A cohort-month adds its margin
    /// (discounted, which keeps its sign) when it runs by the rule of [`StrategyKernel::mining`].
    fn npv(&self, scale: f64, power: f64) -> f64 {
        let mut mining = 0.0;
        for ((r, e), x) in self.revenue.iter().zip(&self.mwh).zip(&self.net) {
            // `CohortMonth::margin`: revenue - energy + (credit - avoidable opex).
            mining += kept(self.shutdown, scale * r - power * e + x);
        }
        self.fixed - power * self.contract_mwh + mining
    }
}

/// The default grid: BTC from a quarter to 2.5 times the start price; power from 0 to
/// 2.5 times the site's price (at least 100 USD/MWh).
pub fn run(s: &Scenario, columns: usize, rows: usize) -> Result<DecisionMap, ValidationError> {
    let p0 = s.network.btc_price_usd;
    let power_max = (s.site.power_usd_mwh * 2.5).max(100.0);
    run_on(s, columns, rows, (p0 * 0.25, p0 * 2.5), (0.0, power_max))
}

/// The map on an explicit grid: `columns` BTC prices over `btc`, `rows` power prices over `power`.
pub fn run_on(
    s: &Scenario,
    columns: usize,
    rows: usize,
    btc: (f64, f64),
    power: (f64, f64),
) -> Result<DecisionMap, ValidationError> {
    s.validate()?;
    let (columns, rows) = (columns.clamp(2, 512), rows.clamp(2, 512));
    let t = Timeline::new(s);
    let strategies: Vec<Terms> = (0..s.strategies.len())
        .map(|i| terms(&StrategyKernel::new(s, i, &t), &t))
        .collect();
    let axis = |(lo, hi): (f64, f64), n: usize| -> Vec<f64> {
        (0..n)
            .map(|i| lo + (hi - lo) * i as f64 / (n - 1) as f64)
            .collect()
    };
    let btc_prices = axis(btc, columns);
    let power_prices = axis(power, rows);
    let p0 = s.network.btc_price_usd;
    let mut npv = vec![vec![0.0; columns * rows]; strategies.len()];
    let mut winner = vec![0u8; columns * rows];
    for (row, &pw) in power_prices.iter().enumerate() {
        for (col, &price) in btc_prices.iter().enumerate() {
            let cell = row * columns + col;
            let mut best = (0usize, f64::NEG_INFINITY);
            for (si, st) in strategies.iter().enumerate() {
                let v = st.npv(price / p0, pw);
                npv[si][cell] = v;
                if v > best.1 {
                    best = (si, v);
                }
            }
            winner[cell] = best.0 as u8;
        }
    }
    let mut tie = Vec::new();
    if strategies.len() >= 2 {
        for (row, &pw) in power_prices.iter().enumerate() {
            let gap = |col: usize| npv[1][row * columns + col] - npv[0][row * columns + col];
            if let Some(col) = (1..columns).find(|&c| gap(c - 1).signum() != gap(c).signum()) {
                let (g0, g1) = (gap(col - 1), gap(col));
                let f = if g1 != g0 { g0 / (g0 - g1) } else { 0.5 };
                tie.push((
                    btc_prices[col - 1] + f * (btc_prices[col] - btc_prices[col - 1]),
                    pw,
                ));
            }
        }
    }
    Ok(DecisionMap {
        btc_prices,
        power_prices,
        npv,
        winner,
        tie,
    })
}
