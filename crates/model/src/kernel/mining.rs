//! Mining's part of a month: each cohort with power runs or is switched off, in merit order.
//!
//! Revenue per EH/s is the same for every cohort; what differs is the cost of running one:
//! energy (J/TH x PUE x hours x running share x power price), less the demand-response credit,
//! plus the avoidable share of cash opex. With the shutdown rule on, a cohort runs in a month
//! where its revenue covers that cost (ties run), so the least efficient go off first and a
//! month can run part of the fleet. The unavoidable share of opex goes on for every machine held.

use super::{CohortMonth, StrategyKernel};

/// Mining's part of one month, after the shutdown rule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MiningMonth {
    /// BTC mined.
    pub btc: f64,
    /// Revenue, USD.
    pub revenue: f64,
    /// Energy bought, net of demand-response credits, USD.
    pub energy: f64,
    /// Energy bought, MWh.
    pub mwh: f64,
    /// Mining cash opex, USD: per EH/s held, less the avoidable share of machines off.
    pub opex: f64,
    /// Hashrate running, EH/s.
    pub eh_s_running: f64,
    /// Hashrate held but not running (switched off, or without power), EH/s.
    pub eh_s_off: f64,
    /// Power at the meter of the machines running, MW.
    pub mw: f64,
    /// Whether any machine ran.
    pub running: bool,
}

impl CohortMonth {
    /// Cash the cohort adds by running rather than standing switched off, USD, when its
    /// revenue is `revenue` and its energy costs `bought` (before the credit): revenue -
    /// energy + (demand-response credit - avoidable opex). The shutdown rule switches it off
    /// when this is negative ([`runs`]).
    #[inline]
    pub fn margin(&self, revenue: f64, bought: f64) -> f64 {
        revenue - bought + (self.credit - self.avoidable_opex)
    }
}

/// The shutdown rule: with it on (`shutdown`), a cohort whose running margin is negative is
/// switched off; a margin of zero runs. The one rule of the projection, the Monte Carlo and
/// the decision map.
#[inline]
pub fn runs(shutdown: bool, margin: f64) -> bool {
    !(shutdown && margin < 0.0)
}

/// What a cohort with running margin `margin` adds under the shutdown rule: the margin if it
/// [`runs`], else 0. Without a branch on the margin (a maximum), so a price near the
/// breakeven costs the Monte Carlo no mispredicted jump.
#[inline]
pub fn kept(shutdown: bool, margin: f64) -> f64 {
    if shutdown {
        margin.max(0.0)
    } else {
        margin
    }
}

impl StrategyKernel {
    /// The cohorts with power in month `m`, in merit order.
    #[inline]
    pub fn cohorts_in(&self, m: usize) -> &[CohortMonth] {
        &self.cohorts[self.cohort_start[m]..self.cohort_start[m + 1]]
    }

    /// Mining in month `m` at this BTC price, network hashrate (EH/s) and power price: each
    /// cohort with power runs unless the shutdown rule switches it off ([`runs`]).
    pub fn mining(&self, m: usize, price: f64, network_eh_s: f64, power: f64) -> MiningMonth {
        let usd_per_coeff = price / network_eh_s;
        let mut coeff = 0.0;
        let mut out = MiningMonth {
            btc: 0.0,
            revenue: 0.0,
            energy: 0.0,
            mwh: 0.0,
            opex: self.mining_opex_off[m],
            eh_s_running: 0.0,
            eh_s_off: 0.0,
            mw: 0.0,
            running: false,
        };
        for c in self.cohorts_in(m) {
            let revenue = c.btc_coeff * usd_per_coeff;
            let bought = c.mwh * power;
            if !runs(self.shutdown_when_unprofitable, c.margin(revenue, bought)) {
                continue;
            }
            coeff += c.btc_coeff;
            out.revenue += revenue;
            out.energy += bought - c.credit;
            out.mwh += c.mwh;
            out.opex += c.avoidable_opex;
            out.eh_s_running += c.eh_s;
            out.mw += c.mw;
        }
        out.btc = coeff / network_eh_s;
        out.eh_s_off = (self.installed_eh_s[m] - out.eh_s_running).max(0.0);
        out.running = out.eh_s_running > 0.0;
        out
    }

    /// Mining's cash in month `m`, USD: revenue - energy - opex of [`StrategyKernel::mining`]
    /// (equal to rounding), summed as the opex with every machine off plus each running
    /// cohort's margin. The Monte Carlo calls it (through [`StrategyKernel::fcf`]) for every
    /// path-month: no allocation, a few operations per cohort.
    #[inline]
    pub fn mining_cash(&self, m: usize, price: f64, network_eh_s: f64, power: f64) -> f64 {
        let usd_per_coeff = price / network_eh_s;
        let mut cash = -self.mining_opex_off[m];
        for c in self.cohorts_in(m) {
            let margin = c.margin(c.btc_coeff * usd_per_coeff, c.mwh * power);
            cash += kept(self.shutdown_when_unprofitable, margin);
        }
        cash
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_is_the_margin_of_a_cohort_that_runs() {
        for shutdown in [false, true] {
            for margin in [-2.5, -1e-300, 0.0, 1e-300, 3.0] {
                let want = if runs(shutdown, margin) { margin } else { 0.0 };
                assert_eq!(kept(shutdown, margin), want, "{shutdown} {margin}");
            }
        }
    }
}
