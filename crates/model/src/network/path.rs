//! The network's hashrate month by month, in economic mode: it moves toward the level at which
//! the network's marginal machines just cover their energy.
//!
//! # Equations
//! For month `m` (0 = the start), with `x = ln H` (H in EH/s) and `p = ln(BTC price)`:
//!
//! ```text
//! pool(m)   = 144 x (subsidy + fees per block)(m) x price(m)      USD a day (exact subsidy,
//!                                                                 split at a halving)
//! cost(m)   = 0.024 x J/TH(m) x USD/MWh                            USD per PH/s per day
//! J/TH(m)   = net_eff x (1 - net_eff_gain / 100)^(m / 12)
//! H*(m)     = pool(m) / cost(m) / 1,000                            EH/s (break-even)
//! x*(m)     = k(m) + p(m),  k(m) = ln(144 x reward per block(m) / (1,000 x cost(m)))
//!
//! x(0) = ln(the start's hashrate)
//! x(m) = x*(m)                                   if x*(m) < x(m - 1)   (shed in the month)
//!      = x*(m) + exp(-1 / net_lag) (x(m - 1) - x*(m))   otherwise     (built with a lag)
//! x(m) = max(x(m), ln floor),  floor = the fleet's own hashrate (at least 0.01 EH/s)
//! ```
//!
//! So hashprice `pool / H` never stays below the marginal cost: a falling price or a halving
//! sheds the machines under water within the month, and a rising price or a cheaper marginal
//! machine is followed with a time constant of `net_lag` months, during which hashprice is
//! above the marginal cost (the margin that pays for the new machines).
//!
//! # Why asymmetric
//! Machines whose revenue no longer covers their power are switched off within days (miners'
//! own shutdown rule, and the one this model applies to the fleet), while new capacity takes
//! months to order, ship and energise. A symmetric lag would leave the network above its
//! break-even level for months after a halving, with hashprice halved: at the April 2028
//! halving it would switch off even efficient fleets (a 17.5 J/TH S21 fleet at PUE 1.2 and
//! $40/MWh costs about $20 per PH/s per day against a marginal cost of $32). The asymmetric
//! rule needs no parameter beyond the lag, where a supply curve of machine tiers would need
//! the shape of the curve.
//!
//! # Floor
//! The network includes the fleet, so it never falls below the fleet's hashrate (nor below
//! 0.01 EH/s, the smallest accepted): when the subsidy and fees vanish or BTC collapses, the
//! fleet's share of the blocks stays at most one.
//!
//! # Usage
//! ```
//! use hashpivot_model::{kernel::Timeline, network::path::Economics, Scenario};
//! let s = Scenario { horizon_months: 120, ..Scenario::default() };
//! let t = Timeline::new(&s);
//! let e = Economics::of(&s, &t);
//! // The break-even network at the start: 144 x (3.125 + 0.017) BTC x $91,132 / $36 / 1,000.
//! let target = libm::exp(e.log_target(0, libm::log(91_132.0)));
//! assert!((target - 1_145.3).abs() < 0.1);
//! // BTC flat: the network ends the ten years near its break-even, about half today's.
//! assert!((400.0..600.0).contains(&t.network_eh_s[119]));
//! ```

use crate::bounds::HASHRATE;
use crate::kernel::Timeline;
use crate::scenario::{NetworkPath, Scenario};
use crate::subsidy::BLOCKS_PER_DAY;

/// PH/s in one EH/s.
const PH_PER_EH: f64 = 1_000.0;

/// The month constants of the economic path: everything but the BTC price.
#[derive(Debug, Clone, PartialEq)]
pub struct Economics {
    /// `k(m)`: ln of the break-even hashrate (EH/s) at a BTC price of 1 USD.
    log_target_at_unit_price: Vec<f64>,
    /// Share of a gap below the target left after a month: `exp(-1 / lag)` (0 without lag).
    keep: f64,
    /// ln of the floor, EH/s.
    log_floor: f64,
    /// The hashrate at the start, EH/s.
    start: f64,
    /// Its ln.
    log_start: f64,
}

impl Economics {
    /// The constants of `path` for a network of `start_eh_s` EH/s, never below `floor_eh_s`
    /// (raised to 0.01 EH/s), whose blocks carry `reward_btc_per_block` (subsidy plus fees,
    /// one value per month).
    pub fn new(
        path: &NetworkPath,
        start_eh_s: f64,
        floor_eh_s: f64,
        reward_btc_per_block: impl IntoIterator<Item = f64>,
    ) -> Economics {
        let log_cost0 = libm::log(path.marginal_cost_usd_per_ph_day() * PH_PER_EH);
        // ln(1 - g) a year; g < 100% by the bounds, so it is finite.
        let log_improvement = libm::log(1.0 - path.efficiency_gain_pct_year / 100.0);
        let log_blocks = libm::log(BLOCKS_PER_DAY as f64);
        // The reward changes only at halvings (and with fee growth): reuse its ln otherwise.
        let mut last = (f64::NAN, f64::NAN);
        let log_target_at_unit_price = reward_btc_per_block
            .into_iter()
            .enumerate()
            .map(|(m, reward)| {
                if reward.to_bits() != last.0.to_bits() {
                    // A zero reward gives -inf: the network falls to its floor.
                    last = (reward, libm::log(reward));
                }
                let log_cost = log_cost0 + log_improvement * (m as f64 / 12.0);
                log_blocks + last.1 - log_cost
            })
            .collect();
        let keep = if path.lag_months == 0 {
            0.0
        } else {
            libm::exp(-1.0 / path.lag_months as f64)
        };
        Economics {
            log_target_at_unit_price,
            keep,
            log_floor: libm::log(floor_eh_s.max(HASHRATE.min)),
            start: start_eh_s,
            log_start: libm::log(start_eh_s),
        }
    }

    /// The constants of scenario `s` on its timeline `t` (its rewards per block, its fleet as
    /// the floor).
    pub fn of(s: &Scenario, t: &Timeline) -> Economics {
        Economics::new(
            &s.market.network,
            s.network.hashrate_eh_s(),
            s.fleet.hashrate_eh_s,
            (0..t.len()).map(|m| t.reward_btc(m) / t.blocks[m].max(1) as f64),
        )
    }

    /// Months covered.
    pub fn len(&self) -> usize {
        self.log_target_at_unit_price.len()
    }

    /// Whether no month is covered.
    pub fn is_empty(&self) -> bool {
        self.log_target_at_unit_price.is_empty()
    }

    /// ln of the hashrate at the start (month 0), EH/s.
    pub fn log_start(&self) -> f64 {
        self.log_start
    }

    /// ln of the floor, EH/s.
    pub fn log_floor(&self) -> f64 {
        self.log_floor
    }

    /// `x*(m)`: ln of the break-even hashrate (EH/s) of month `m` at ln BTC price `log_price`.
    #[inline]
    pub fn log_target(&self, m: usize, log_price: f64) -> f64 {
        self.log_target_at_unit_price[m] + log_price
    }

    /// `x(m)` from `x(m - 1)` = `previous` at ln BTC price `log_price` (month `m` >= 1): down
    /// to the target at once, up toward it with the lag, never below the floor.
    #[inline]
    pub fn step(&self, m: usize, previous: f64, log_price: f64) -> f64 {
        let target = self.log_target(m, log_price);
        let x = if target < previous {
            target
        } else {
            target + self.keep * (previous - target)
        };
        x.max(self.log_floor)
    }

    /// The hashrate path, EH/s, along the BTC prices `prices` (USD, one per month from the
    /// start; month 0 is the start's hashrate).
    pub fn hashrate_eh_s(&self, prices: &[f64]) -> Vec<f64> {
        self.hashrate_eh_s_at_log_prices(prices.iter().map(|&p| libm::log(p)))
    }

    /// [`Economics::hashrate_eh_s`] along the ln of the BTC prices (a geometric price path
    /// needs no `log` a month).
    pub fn hashrate_eh_s_at_log_prices(
        &self,
        log_prices: impl IntoIterator<Item = f64>,
    ) -> Vec<f64> {
        let mut x = self.log_start;
        log_prices
            .into_iter()
            .take(self.len())
            .enumerate()
            .map(|(m, log_price)| {
                if m == 0 {
                    return self.start;
                }
                x = self.step(m, x, log_price);
                libm::exp(x)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::NetworkMode;

    fn close(a: f64, b: f64, rel: f64) -> bool {
        (a - b).abs() <= rel * b.abs()
    }

    /// Subsidy and fees of a block at the snapshot, BTC: 3.125 + 0.017.
    const REWARD: f64 = 3.125 + 0.017;

    /// 30 J/TH at $50/MWh, no efficiency gain, a 12-month lag, [`REWARD`] a block.
    fn flat(lag: u32) -> Economics {
        let path = NetworkPath {
            mode: NetworkMode::Economic,
            marginal_efficiency_j_th: 30.0,
            power_usd_mwh: 50.0,
            efficiency_gain_pct_year: 0.0,
            lag_months: lag,
        };
        Economics::new(&path, 1_000.0, 10.0, [REWARD; 24])
    }

    #[test]
    fn the_target_is_the_pool_over_the_marginal_cost_by_hand() {
        // 144 x 3.142 BTC = 452.448 BTC a day, x $91,132 = $41,232,491.1; 0.024 x 30 x 50 =
        // $36 per PH/s a day: 1,145,347.0 PH/s = 1,145.347 EH/s.
        let e = flat(12);
        let target = libm::exp(e.log_target(5, libm::log(91_132.0)));
        assert!(close(target, 1_145.347, 1e-6), "{target}");
        // A factor of 1,000 (PH vs EH) would be off by three orders of magnitude.
    }

    #[test]
    fn the_marginal_machine_improves_by_the_gain_each_year() {
        // 10% a year: after 12 months J/TH is 27, so the target is 1/0.9 times higher; after
        // 6 months sqrt(0.9).
        let path = NetworkPath {
            efficiency_gain_pct_year: 10.0,
            ..NetworkPath::default()
        };
        let e = Economics::new(&path, 1_000.0, 10.0, [REWARD; 13]);
        let at = |m| libm::exp(e.log_target(m, 0.0));
        assert!(close(at(12) / at(0), 1.0 / 0.9, 1e-12));
        assert!(close(at(6) / at(0), 1.0 / 0.9f64.sqrt(), 1e-12));
    }

    #[test]
    fn above_the_target_the_network_falls_to_it_within_the_month() {
        let e = flat(12);
        let price = libm::log(91_132.0);
        let target = e.log_target(1, price);
        assert_eq!(e.step(1, target + 0.7, price), target);
    }

    #[test]
    fn below_the_target_a_share_of_the_gap_closes_each_month() {
        let e = flat(12);
        let price = libm::log(91_132.0);
        let target = e.log_target(1, price);
        // A gap of 0.5 in logs keeps exp(-1/12) = 0.920044 of itself.
        let x = e.step(1, target - 0.5, price);
        assert!(close(target - x, 0.5 * 0.920_044, 1e-6), "{}", target - x);
        // Without lag the gap closes at once.
        assert_eq!(flat(0).step(1, target - 0.5, price), target);
    }

    #[test]
    fn the_network_never_falls_below_its_floor() {
        let e = flat(12);
        // At $1 a BTC the target is 452 / 36,000 = 0.0126 EH/s, far under the 10 EH/s floor.
        assert_eq!(e.step(1, libm::log(1_000.0), 0.0), libm::log(10.0));
        // A zero reward (past the last halving, no fees) gives the floor, not NaN.
        let none = Economics::new(&NetworkPath::default(), 1_000.0, 0.0, [0.0; 3]);
        let x = none.step(1, libm::log(1_000.0), libm::log(91_132.0));
        assert_eq!(x, libm::log(HASHRATE.min));
    }

    #[test]
    fn the_path_starts_at_the_start_and_follows_a_price_jump_with_the_lag() {
        let e = flat(12);
        // The price that makes the target exactly 1,000 EH/s: 1,000 x 36,000 / (144 x 3.142).
        let even = 36_000_000.0 / (144.0 * REWARD);
        let mut prices = vec![even; 24];
        for p in prices.iter_mut().skip(1) {
            *p *= 2.0; // the target doubles from month 1
        }
        let h = e.hashrate_eh_s(&prices);
        assert_eq!(h[0], 1_000.0);
        // The gap ln 2 shrinks by exp(-1/12) a month: after 12 months exp(-1) of it is left.
        let left = libm::log(2_000.0 / h[12]);
        assert!(close(left, 2f64.ln() * (-1.0f64).exp(), 1e-9), "{left}");
        // Halving the price again brings it back down to 1,000 EH/s in the month.
        prices[13] = even;
        let h = e.hashrate_eh_s(&prices);
        assert!(close(h[13], 1_000.0, 1e-12), "{}", h[13]);
    }
}
