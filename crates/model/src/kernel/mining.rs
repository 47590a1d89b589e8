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
    /// revenue is `revenue` and its energy costs `bought` (before the credit): revenue +
    /// demand-response credit - energy - avoidable opex. The shutdown rule switches it off
    /// when this is negative.
    #[inline]
    pub fn margin(&self, revenue: f64, bought: f64) -> f64 {
        revenue + self.credit - bought - self.avoidable_opex
    }
}

impl StrategyKernel {
    /// Mining in month `m` at this BTC price, network hashrate (EH/s) and power price: each
    /// cohort with power runs unless the shutdown rule switches it off ([`CohortMonth::margin`]).
    /// No allocation: the Monte Carlo calls it for every path-month.
    #[inline]
    pub fn mining(&self, m: usize, price: f64, network_eh_s: f64, power: f64) -> MiningMonth {
        let usd_per_coeff = price / network_eh_s;
        let mut coeff = 0.0;
        let mut out = MiningMonth {
            btc: 0.0,
            revenue: 0.0,
            energy: 0.0,
            mwh: 0.0,
            opex: self.mining_opex[m],
            eh_s_running: 0.0,
            eh_s_off: 0.0,
            mw: 0.0,
            running: false,
        };
        for c in &self.cohorts[self.cohort_start[m]..self.cohort_start[m + 1]] {
            let revenue = c.btc_coeff * usd_per_coeff;
            let bought = c.mwh * power;
            if self.shutdown_when_unprofitable && c.margin(revenue, bought) < 0.0 {
                out.opex -= c.avoidable_opex;
                continue;
            }
            coeff += c.btc_coeff;
            out.revenue += revenue;
            out.energy += bought - c.credit;
            out.mwh += c.mwh;
            out.eh_s_running += c.eh_s;
            out.mw += c.mw;
        }
        out.btc = coeff / network_eh_s;
        // Rounding may leave a hair below zero when every machine is off and all opex avoidable.
        out.opex = out.opex.max(0.0);
        out.eh_s_off = (self.installed_eh_s[m] - out.eh_s_running).max(0.0);
        out.running = out.eh_s_running > 0.0;
        out
    }
}
