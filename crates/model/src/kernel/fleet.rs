//! Which machines a strategy holds and runs each month, as cohorts: the original fleet (less
//! retirements) and each purchase. The most efficient run first within the megawatts AI/HPC
//! leaves to mining. When a conversion takes megawatts, the machines that no longer fit (the
//! least efficient of those running) are sold that month at the resale price of their
//! efficiency tier, and their depreciation stops.
//!
//! Machines that never had power (a fleet bigger than the site) are not sold: they wait, and
//! their book value is depreciated as before. Retired machines (an upgrade) leave the fleet and
//! are written down over their life as before; the model does not sell them.

use super::{StrategyKernel, Timeline};
use crate::scenario::{Fleet, FleetPurchase, TH_PER_EH};

/// A cohort's part of one month when it has power: what it mines and spends if it runs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CohortMonth {
    /// Efficiency, J/TH.
    pub j_th: f64,
    /// Hashrate with power, EH/s.
    pub eh_s: f64,
    /// Power at the meter, MW.
    pub mw: f64,
    /// BTC mined x network EH/s when it runs: BTC mined = btc_coeff / H.
    pub btc_coeff: f64,
    /// Energy bought when it runs, MWh.
    pub mwh: f64,
    /// Demand-response credit when it runs, USD.
    pub credit: f64,
    /// Cash opex that stops when it is switched off, USD.
    pub avoidable_opex: f64,
}

/// Machines bought together: the original fleet or one purchase.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Cohort {
    /// Efficiency, J/TH.
    j_th: f64,
    /// Month it arrives (0 for the original fleet).
    arrives: usize,
    /// Hashrate bought, EH/s.
    bought_eh_s: f64,
    /// Hashrate held now (bought, less retired and sold), EH/s.
    held_eh_s: f64,
    /// Hashrate sold so far, EH/s.
    sold_eh_s: f64,
    /// Book value, USD per TH/s, depreciated over the ASIC life from `arrives`.
    usd_per_th: f64,
}

/// The cohorts of a strategy, the original fleet first, and their merit order: indices from
/// the lowest J/TH to the highest; among equals the newest first, so the oldest go first.
fn cohorts(fleet: &Fleet, purchases: &[FleetPurchase]) -> (Vec<Cohort>, Vec<usize>) {
    let mut all = Vec::with_capacity(purchases.len() + 1);
    all.push(Cohort {
        j_th: fleet.efficiency_j_th,
        arrives: 0,
        bought_eh_s: fleet.hashrate_eh_s,
        held_eh_s: fleet.hashrate_eh_s,
        sold_eh_s: 0.0,
        usd_per_th: fleet.asic_usd_per_th,
    });
    all.extend(purchases.iter().map(|p| Cohort {
        j_th: p.efficiency_j_th,
        arrives: p.month as usize,
        bought_eh_s: p.eh_s,
        held_eh_s: 0.0, // until it arrives
        sold_eh_s: 0.0,
        usd_per_th: p.usd_per_th,
    }));
    // Merit order: lowest J/TH first, then the latest arrival, then the index, so the order is
    // deterministic. An insertion sort: a strategy has at most 201 cohorts, and it costs a few
    // hundred bytes of wasm where the library's sort costs kilobytes.
    let before = |i: usize, j: usize| {
        all[i]
            .j_th
            .total_cmp(&all[j].j_th)
            .then(all[j].arrives.cmp(&all[i].arrives))
            .then(j.cmp(&i))
            .is_lt()
    };
    let mut order: Vec<usize> = Vec::with_capacity(all.len());
    for i in 0..all.len() {
        let at = order
            .iter()
            .position(|&j| before(i, j))
            .unwrap_or(order.len());
        order.insert(at, i);
    }
    (all, order)
}

/// Runs the cohorts' held hashrate in merit order within `available_mw` at the meter; writes
/// the hashrate that has power into `out`, per cohort (indexed as `cohorts`).
fn dispatch(cohorts: &[Cohort], order: &[usize], pue: f64, available_mw: f64, out: &mut [f64]) {
    let mut left = available_mw.max(0.0);
    for &i in order {
        let c = &cohorts[i];
        // 1 EH/s at 1 J/TH is 1 MW of IT power; times PUE at the meter.
        let mw_per_eh = c.j_th * pue;
        let mw = (c.held_eh_s * mw_per_eh).min(left);
        out[i] = if mw > 0.0 && mw_per_eh > 0.0 {
            left -= mw;
            mw / mw_per_eh
        } else {
            0.0
        };
    }
}

impl StrategyKernel {
    /// Fills the fleet's months: purchases (capex), what has power (per cohort in merit order,
    /// and in total), the ASICs sold and their depreciation, and mining opex. `hpc_mw` must be
    /// set; the site has `site_mw` at the meter.
    pub(super) fn plan_fleet(
        &mut self,
        fleet: &Fleet,
        purchases: &[FleetPurchase],
        t: &Timeline,
        site_mw: f64,
    ) {
        let n = t.len();
        let uptime = fleet.uptime_pct / 100.0;
        let curtailment = fleet.curtailment_pct / 100.0;
        let running = uptime * (1.0 - curtailment);
        let pool = 1.0 - fleet.pool_fee_pct / 100.0;
        let avoidable = fleet.opex_avoidable_pct / 100.0;
        let life = fleet.asic_life_months.max(1) as usize;
        let (mut cohorts, order) = cohorts(fleet, purchases);
        let (mut before, mut powered) = (vec![0.0; cohorts.len()], vec![0.0; cohorts.len()]);
        self.cohort_start.clear();
        self.cohort_start.push(0);
        for m in 0..n {
            for (i, p) in purchases.iter().enumerate() {
                if p.month as usize == m {
                    self.capex[m] += p.eh_s * TH_PER_EH * p.usd_per_th;
                    cohorts[i + 1].held_eh_s = p.eh_s;
                    cohorts[0].held_eh_s = (cohorts[0].held_eh_s - p.retire_eh_s).max(0.0);
                }
            }
            // Megawatts AI/HPC took since last month (from before the start in month 0): the
            // machines that ran on them are sold. Less than a billionth of the site (rounding
            // in the MW a whole-site conversion takes) counts as nothing.
            let left = |hpc_mw: f64| {
                let mw = (site_mw - hpc_mw).max(0.0);
                if mw <= site_mw * 1e-9 {
                    0.0
                } else {
                    mw
                }
            };
            let was = if m == 0 {
                site_mw
            } else {
                left(self.hpc_mw[m - 1])
            };
            let now = left(self.hpc_mw[m]);
            if now < was {
                dispatch(&cohorts, &order, fleet.pue, was, &mut before);
                dispatch(&cohorts, &order, fleet.pue, now, &mut powered);
                for ((c, b), a) in cohorts.iter_mut().zip(&before).zip(&powered) {
                    let sold = (b - a).clamp(0.0, c.held_eh_s);
                    if sold > 0.0 {
                        c.held_eh_s -= sold;
                        c.sold_eh_s += sold;
                        self.asic_sales[m] +=
                            sold * TH_PER_EH * fleet.asic_resale.usd_per_th(c.j_th);
                    }
                }
            }
            dispatch(&cohorts, &order, fleet.pue, now, &mut powered);
            for &i in &order {
                let c = &cohorts[i];
                // Straight-line over the life from arrival, on what has not been sold (a
                // machine sold this month is not depreciated this month).
                if m >= c.arrives && m - c.arrives < life {
                    let held = (c.bought_eh_s - c.sold_eh_s).max(0.0);
                    self.asic_depreciation[m] += held * TH_PER_EH * c.usd_per_th / life as f64;
                }
                self.installed_eh_s[m] += c.held_eh_s;
                let eh_s = powered[i];
                if eh_s <= 0.0 {
                    continue;
                }
                let mw = eh_s * c.j_th * fleet.pue;
                let month = CohortMonth {
                    j_th: c.j_th,
                    eh_s,
                    mw,
                    btc_coeff: eh_s * t.reward_btc(m) * pool * running,
                    mwh: mw * t.hours[m] * running,
                    credit: mw * t.hours[m] * uptime * curtailment * fleet.demand_response_usd_mwh,
                    avoidable_opex: fleet.opex_usd_per_eh_month * avoidable * eh_s,
                };
                self.mining_mw[m] += month.mw;
                self.mining_eh_s[m] += month.eh_s;
                self.btc_coeff[m] += month.btc_coeff;
                self.mining_mwh[m] += month.mwh;
                self.demand_response[m] += month.credit;
                self.cohorts.push(month);
            }
            // Opex on every machine held; machines without power are off, so their avoidable
            // share stops.
            let unpowered = (self.installed_eh_s[m] - self.mining_eh_s[m]).max(0.0);
            self.mining_opex[m] =
                fleet.opex_usd_per_eh_month * (self.installed_eh_s[m] - avoidable * unpowered);
            self.mining_opex_off[m] =
                fleet.opex_usd_per_eh_month * (1.0 - avoidable) * self.installed_eh_s[m];
            self.depreciation[m] += self.asic_depreciation[m];
            self.cohort_start.push(self.cohorts.len());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fleet() -> Fleet {
        Fleet {
            hashrate_eh_s: 10.0,
            efficiency_j_th: 20.0,
            pue: 1.0,
            ..Fleet::default()
        }
    }

    fn buy(month: u32, eh_s: f64, efficiency_j_th: f64) -> FleetPurchase {
        FleetPurchase {
            month,
            eh_s,
            efficiency_j_th,
            usd_per_th: 15.0,
            retire_eh_s: 0.0,
        }
    }

    /// Hashrate with power per cohort when every cohort is held in full.
    fn powered(purchases: &[FleetPurchase], mw: f64) -> Vec<f64> {
        let (mut all, order) = cohorts(&fleet(), purchases);
        for c in &mut all {
            c.held_eh_s = c.bought_eh_s;
        }
        let mut out = vec![0.0; all.len()];
        dispatch(&all, &order, 1.0, mw, &mut out);
        out
    }

    #[test]
    fn the_fleet_runs_up_to_the_available_power() {
        // 10 EH/s x 20 J/TH = 200 MW; with 150 MW only 7.5 EH/s run.
        assert_eq!(powered(&[], 1_000.0), vec![10.0]);
        assert_eq!(powered(&[], 150.0), vec![7.5]);
        assert_eq!(powered(&[], 0.0), vec![0.0]);
    }

    #[test]
    fn the_most_efficient_machines_run_first() {
        // 5 EH/s at 10 J/TH (50 MW); with 100 MW: 50 MW for them, the other 50 MW for the
        // 20 J/TH fleet (2.5 EH/s).
        assert_eq!(powered(&[buy(3, 5.0, 10.0)], 100.0), vec![2.5, 5.0]);
        // At 30 J/TH the purchase runs last: 100 MW is 5 EH/s of the 20 J/TH fleet.
        assert_eq!(powered(&[buy(3, 5.0, 30.0)], 100.0), vec![5.0, 0.0]);
    }

    #[test]
    fn among_equally_efficient_machines_the_oldest_lose_power_first() {
        // Two purchases at the fleet's 20 J/TH: the newest (month 5) runs first, then month 2's,
        // then the original fleet.
        let (_, order) = cohorts(&fleet(), &[buy(2, 1.0, 20.0), buy(5, 1.0, 20.0)]);
        assert_eq!(order, vec![2, 1, 0]);
        assert_eq!(
            powered(&[buy(2, 1.0, 20.0), buy(5, 1.0, 20.0)], 50.0),
            vec![0.5, 1.0, 1.0]
        );
    }
}
