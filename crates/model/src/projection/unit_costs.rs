//! Mining's unit costs month by month (hashcost, cost per BTC) and over the horizon (the
//! breakeven BTC and power prices an analyst quotes for a period, not only its first month).
//!
//! Cash cost = energy (net of demand-response credits) + mining cash opex; all-in adds the
//! ASICs' depreciation and the interest pro rata to mining's share of revenue, as CoinShares
//! quotes listed miners' costs (DOMAIN.md: $74,600 cash, $137,800 all-in in Q2 2025).

use crate::kernel::{MiningMonth, StrategyKernel, Timeline};
use crate::metrics::finite;
use crate::scenario::Scenario;

/// One month's unit costs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MonthCosts {
    /// Energy + mining cash opex per running PH/s per day, USD.
    pub hashcost_usd_per_ph_day: Option<f64>,
    /// Cash cost per BTC mined, USD.
    pub cash_per_btc: Option<f64>,
    /// All-in cost per BTC mined, USD.
    pub all_in_per_btc: Option<f64>,
}

/// Unit costs of one strategy, summed over the horizon.
pub struct UnitCosts<'a> {
    k: &'a StrategyKernel,
    t: &'a Timeline,
    power: f64,
    cash: f64,
    all_in: f64,
    btc: f64,
    margin_before_energy: f64,
    mwh: f64,
}

impl<'a> UnitCosts<'a> {
    /// The sums at zero, for strategy kernel `k` of `s` on `t`.
    pub fn new(s: &Scenario, k: &'a StrategyKernel, t: &'a Timeline) -> UnitCosts<'a> {
        UnitCosts {
            k,
            t,
            power: s.site.power_usd_mwh,
            cash: 0.0,
            all_in: 0.0,
            btc: 0.0,
            margin_before_energy: 0.0,
            mwh: 0.0,
        }
    }

    /// Month `m` with mining's result `mining`, the AI/HPC revenue and the interest; adds it
    /// to the horizon's sums (the costs of months whose machines are all off too: their
    /// unavoidable opex is part of what the horizon's BTC cost).
    pub fn month(
        &mut self,
        m: usize,
        mining: &MiningMonth,
        hpc_revenue: f64,
        interest: f64,
    ) -> MonthCosts {
        let days = self.t.hours[m] / 24.0;
        let cash = mining.energy + mining.opex;
        let running_ph = mining.eh_s_running * 1_000.0; // 1 EH/s = 1,000 PH/s
        let hashcost = (running_ph > 0.0)
            .then(|| cash / running_ph / days)
            .and_then(finite);
        let revenue = mining.revenue + hpc_revenue;
        let mining_share = if revenue > 0.0 {
            mining.revenue / revenue
        } else if mining.btc > 0.0 {
            1.0
        } else {
            0.0
        };
        let all_in = cash + self.k.asic_depreciation[m] + interest * mining_share;
        self.cash += cash;
        self.all_in += all_in;
        self.btc += mining.btc;
        if mining.running {
            let credit = mining.mwh * self.power - mining.energy;
            self.margin_before_energy += mining.revenue + credit - mining.opex;
            self.mwh += mining.mwh;
        }
        if mining.btc <= 0.0 {
            return MonthCosts {
                hashcost_usd_per_ph_day: hashcost,
                cash_per_btc: None,
                all_in_per_btc: None,
            };
        }
        MonthCosts {
            hashcost_usd_per_ph_day: hashcost,
            cash_per_btc: finite(cash / mining.btc),
            all_in_per_btc: finite(all_in / mining.btc),
        }
    }

    /// Cash cost per BTC over the horizon: the horizon's cash breakeven BTC price.
    pub fn horizon_cash_per_btc(&self) -> Option<f64> {
        (self.btc > 0.0)
            .then(|| self.cash / self.btc)
            .and_then(finite)
    }

    /// All-in cost per BTC over the horizon.
    pub fn horizon_all_in_per_btc(&self) -> Option<f64> {
        (self.btc > 0.0)
            .then(|| self.all_in / self.btc)
            .and_then(finite)
    }

    /// Power price at which mining's cash margin over the months that mined is zero.
    pub fn horizon_breakeven_power(&self) -> Option<f64> {
        (self.mwh > 0.0)
            .then(|| self.margin_before_energy / self.mwh)
            .and_then(finite)
    }
}
