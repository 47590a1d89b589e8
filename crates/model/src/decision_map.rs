//! The decision map: which strategy has the highest NPV at each point of a BTC price x power
//! price grid, and where the second strategy (the pivot) ties with the first (pure mining).
//!
//! A grid point scales the whole deterministic BTC price path by `price / start price` and sets
//! the power price. Per strategy, everything that depends on neither (opex, capex, ASIC sales,
//! interest, contract cash) is summed once; each column computes its price-over-hashrate path
//! once (with an economic network, hashrate follows the column's prices, so each column has
//! its own network path, [`crate::network::path`]); each cell then adds only the mining term
//! of each cohort with power, month by month, with the shutdown rule of
//! [`StrategyKernel::mining`] (the same margin and [`crate::kernel::kept`]). The result equals
//! a full projection at that point (tested).
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
use crate::network::path::Economics;
use crate::scenario::{NetworkMode, Scenario};

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

/// The terms of one strategy: per cohort-month with power, discounted, its BTC mined x network
/// EH/s (times the month's price / hashrate gives revenue), its energy per USD/MWh and its
/// credit less its avoidable opex (the parts of [`crate::kernel::CohortMonth::margin`]), side
/// by side with the month they fall in; and the rest, fixed.
struct Terms {
    btc_eh: Vec<f64>,
    month: Vec<u32>,
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
    let (mut btc_eh, mut month, mut mwh, mut net) = (
        Vec::with_capacity(cohorts),
        Vec::with_capacity(cohorts),
        Vec::with_capacity(cohorts),
        Vec::with_capacity(cohorts),
    );
    for m in 0..n {
        let d = t.discount[m];
        fixed += d * (k.asic_sales[m] - k.mining_opex_off[m] - k.capex[m] - k.interest[m]);
        for c in &k.contracts {
            let state = c.expected(m);
            let month = c.month(m, state.delay, t.hours[m]);
            fixed += d * (state.alive * month.net() - state.ended * c.refund(m, state.delay));
            contract_mwh += d * state.alive * month.mwh;
        }
        for c in k.cohorts_in(m) {
            btc_eh.push(d * c.btc_coeff);
            month.push(m as u32);
            mwh.push(d * c.mwh);
            net.push(d * (c.credit - c.avoidable_opex));
        }
    }
    Terms {
        btc_eh,
        month,
        mwh,
        net,
        fixed,
        contract_mwh,
        shutdown: k.shutdown_when_unprofitable,
    }
}

impl Terms {
    /// NPV along a column's price / network hashrate (`per_eh`, USD per EH/s, by month) at
    /// `power` USD/MWh. A cohort-month adds its margin (discounted, which keeps its sign) when
    /// it runs by the rule of [`StrategyKernel::mining`].
    fn npv(&self, per_eh: &[f64], power: f64) -> f64 {
        let mut mining = 0.0;
        for (((r, &m), e), x) in self
            .btc_eh
            .iter()
            .zip(&self.month)
            .zip(&self.mwh)
            .zip(&self.net)
        {
            // `CohortMonth::margin`: revenue - energy + (credit - avoidable opex).
            mining += kept(self.shutdown, r * per_eh[m as usize] - power * e + x);
        }
        self.fixed - power * self.contract_mwh + mining
    }
}

/// BTC price / network hashrate (USD per EH/s) of each month of `t` with its prices scaled by
/// `scale`. In economic mode (`economic` holds the path's constants and the ln of each month's
/// price) the network follows the scaled prices; in fixed mode it does not.
fn price_per_hashrate(
    t: &Timeline,
    economic: Option<&(Economics, Vec<f64>)>,
    scale: f64,
) -> Vec<f64> {
    match economic {
        None => (0..t.len())
            .map(|m| scale * t.btc_price_usd[m] / t.network_eh_s[m])
            .collect(),
        Some((e, log_prices)) => {
            let log_scale = libm::log(scale);
            let mut x = e.log_start();
            log_prices
                .iter()
                .enumerate()
                .map(|(m, lp)| {
                    let log_price = log_scale + lp;
                    if m > 0 {
                        x = e.step(m, x, log_price);
                    }
                    libm::exp(log_price - x)
                })
                .collect()
        }
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
    let economic = (s.market.network.mode == NetworkMode::Economic).then(|| {
        let log_prices = t.btc_price_usd.iter().map(|&p| libm::log(p)).collect();
        (Economics::of(s, &t), log_prices)
    });
    let mut npv = vec![vec![0.0; columns * rows]; strategies.len()];
    let mut winner = vec![0u8; columns * rows];
    // Column by column: its network path once, then every power price.
    for (col, &price) in btc_prices.iter().enumerate() {
        let per_eh = price_per_hashrate(&t, economic.as_ref(), price / p0);
        for (row, &pw) in power_prices.iter().enumerate() {
            let cell = row * columns + col;
            let mut best = (0usize, f64::NEG_INFINITY);
            for (si, st) in strategies.iter().enumerate() {
                let v = st.npv(&per_eh, pw);
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
