//! The Bitcoin network as a miner sees it: price, difficulty, fees and the subsidy era, and the
//! hashprice they imply.
//!
//! Difficulty `D` and network hashrate `H` are one input shown two ways:
//! `H = D * 2^32 / 600` hashes per second. Hashprice, the expected revenue of one PH/s for one
//! day, is `144 * (subsidy + fees) * price / H_in_PH_per_s`.
//!
//! # Usage
//! ```
//! use hashpivot_model::Network;
//! let n = Network { btc_price_usd: 91_000.0, difficulty_t: 152.0, ..Network::default() };
//! assert!((n.hashrate_eh_s() - 1_088.06).abs() < 0.01);
//! ```
//!
//! How hashrate moves month by month is [`path`] (economic, the default) or a fixed growth
//! ([`crate::scenario::NetworkPath`]).
//!
//! # See also
//! [`crate::subsidy`] for the exact subsidy, [`crate::bounds`] for the accepted ranges.

use serde::{Deserialize, Serialize};

pub mod path;

use crate::bounds::{BTC_PRICE, DIFFICULTY, FEES, HEIGHT};
use crate::calendar::{days_from_civil, YearMonth};
use crate::error::ValidationError;
use crate::subsidy::{subsidy_btc, BLOCKS_PER_DAY, SATS_PER_BTC};

/// Hashes per second of network hashrate per unit of difficulty: `2^32 / 600`.
pub const HASHES_PER_SECOND_PER_DIFFICULTY: f64 = 4_294_967_296.0 / 600.0;

/// Network state at the start of a projection.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Network {
    /// Bitcoin price, USD.
    pub btc_price_usd: f64,
    /// Difficulty in T (10^12).
    pub difficulty_t: f64,
    /// Average transaction fees per block, BTC.
    pub fees_btc_per_block: f64,
    /// Block height at the start, when the user sets it; sets the subsidy era. `None` (the
    /// default): the height follows the start month, from the snapshot's height and date at 144
    /// blocks a day ([`Network::height_at`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<u64>,
}

/// Height of the snapshot's difficulty adjustment: block 931,392 (Hashrate Index weekly roundup,
/// 12 January 2026).
pub const SNAPSHOT_HEIGHT: u64 = 931_392;
/// Date of block [`SNAPSHOT_HEIGHT`]: 8 January 2026, as (year, month, day).
pub const SNAPSHOT_DATE: (i64, i64, i64) = (2026, 1, 8);

impl Default for Network {
    /// The snapshot of 12 January 2026 (Hashrate Index weekly roundup, see `DOMAIN.md`):
    /// BTC about $91,132; difficulty about 146.5 T after the adjustment at block 931,392;
    /// fees about 0.017 BTC per block.
    fn default() -> Self {
        Network {
            btc_price_usd: 91_132.0,
            difficulty_t: 146.5,
            fees_btc_per_block: 0.017,
            height: None,
        }
    }
}

impl Network {
    /// Checks every field against [`crate::bounds`]; the error names the first bad field.
    pub fn validate(&self) -> Result<(), ValidationError> {
        BTC_PRICE.check(self.btc_price_usd)?;
        DIFFICULTY.check(self.difficulty_t)?;
        FEES.check(self.fees_btc_per_block)?;
        if let Some(h) = self.height {
            HEIGHT.check(h as f64)?;
        }
        Ok(())
    }

    /// Network hashrate in hashes per second.
    pub fn hashrate_h_s(&self) -> f64 {
        self.difficulty_t * 1e12 * HASHES_PER_SECOND_PER_DIFFICULTY
    }

    /// Network hashrate in EH/s (10^18 H/s).
    pub fn hashrate_eh_s(&self) -> f64 {
        self.hashrate_h_s() / 1e18
    }

    /// The difficulty in T that corresponds to a network hashrate in EH/s.
    pub fn difficulty_t_from_hashrate_eh_s(hashrate_eh_s: f64) -> f64 {
        hashrate_eh_s * 1e18 / HASHES_PER_SECOND_PER_DIFFICULTY / 1e12
    }

    /// Height of the first block of month `start`: the height the user set, else the snapshot's
    /// height moved by 144 blocks a day from the snapshot's date to the month's first day
    /// (clamped to the accepted range). Block times vary by a few percent around ten minutes, so
    /// a derived height can be some days off; a user who knows the height can set it.
    pub fn height_at(&self, start: YearMonth) -> u64 {
        self.height.unwrap_or_else(|| {
            let (y, m, d) = SNAPSHOT_DATE;
            let days = start.first_day() - days_from_civil(y, m, d);
            let height = SNAPSHOT_HEIGHT as i64 + days * BLOCKS_PER_DAY as i64;
            height.clamp(0, HEIGHT.max as i64) as u64
        })
    }

    /// The height this network's figures use on their own (no start month): the one set, else
    /// the snapshot's.
    pub fn height_or_snapshot(&self) -> u64 {
        self.height.unwrap_or(SNAPSHOT_HEIGHT)
    }

    /// Subsidy plus fees of one block at `height`, BTC.
    pub fn reward_btc_per_block_at(&self, height: u64) -> f64 {
        subsidy_btc(height) + self.fees_btc_per_block
    }

    /// Subsidy plus fees of one block at [`Network::height_or_snapshot`], BTC.
    pub fn reward_btc_per_block(&self) -> f64 {
        self.reward_btc_per_block_at(self.height_or_snapshot())
    }

    /// Expected BTC earned by 1 PH/s in one day at `height` (before pool fee and downtime).
    pub fn btc_per_ph_day_at(&self, height: u64) -> f64 {
        BLOCKS_PER_DAY as f64 * self.reward_btc_per_block_at(height) / (self.hashrate_h_s() / 1e15)
    }

    /// Expected BTC earned by 1 PH/s in one day (before pool fee and downtime).
    pub fn btc_per_ph_day(&self) -> f64 {
        self.btc_per_ph_day_at(self.height_or_snapshot())
    }

    /// Hashprice at `height`: expected USD earned by 1 PH/s in one day.
    pub fn hashprice_usd_per_ph_day_at(&self, height: u64) -> f64 {
        self.btc_per_ph_day_at(height) * self.btc_price_usd
    }

    /// Hashprice: expected USD earned by 1 PH/s in one day.
    pub fn hashprice_usd_per_ph_day(&self) -> f64 {
        self.hashprice_usd_per_ph_day_at(self.height_or_snapshot())
    }

    /// Hashprice in sats per TH/s per day at `height`, as Hashrate Index quotes it.
    pub fn hashprice_sats_per_th_day_at(&self, height: u64) -> f64 {
        // 1 PH/s = 1,000 TH/s.
        self.btc_per_ph_day_at(height) / 1_000.0 * SATS_PER_BTC as f64
    }

    /// Hashprice in sats per TH/s per day, as Hashrate Index quotes it.
    pub fn hashprice_sats_per_th_day(&self) -> f64 {
        self.hashprice_sats_per_th_day_at(self.height_or_snapshot())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(actual: f64, expected: f64, rel: f64) -> bool {
        ((actual - expected) / expected).abs() <= rel
    }

    #[test]
    fn hashprice_at_a_known_difficulty_by_hand() {
        // D = 152 T: H = 152e12 * 2^32 / 600 = 1.088058e21 H/s = 1,088,058.38 PH/s.
        // Reward per day = 144 * (3.125 + 0.02) = 452.88 BTC; at $91,000 that is $41,212,080.
        // Hashprice = 41,212,080 / 1,088,058.38 = 37.8767 USD/PH/day.
        let n = Network {
            btc_price_usd: 91_000.0,
            difficulty_t: 152.0,
            fees_btc_per_block: 0.02,
            height: Some(931_392),
        };
        assert!(close(n.hashrate_eh_s(), 1088.0584, 1e-6));
        assert!(close(n.hashprice_usd_per_ph_day(), 37.8767, 1e-5));
        // Sats per TH/day: 452.88 BTC / 1,088,058,381.65 TH/s * 1e8 = 41.6228 sats.
        assert!(close(n.hashprice_sats_per_th_day(), 41.6228, 1e-5));
    }

    #[test]
    fn default_snapshot_matches_the_published_hashprice() {
        // Hashrate Index, 12 Jan 2026: $39.53/PH/day (on a 30-day hashrate, hence ~1%).
        let n = Network::default();
        assert!(close(n.hashprice_usd_per_ph_day(), 39.53, 0.01));
        // ... and the 30-day network hashrate of 1,052 EH/s, within the same 1%.
        assert!(close(n.hashrate_eh_s(), 1_052.0, 0.01));
    }

    #[test]
    fn earlier_published_hashprices_are_reproduced() {
        // 23 Dec 2024: BTC ~$93,450, 108.52 T, fees 2.42% of rewards -> $55.21 (Hashrate Index).
        let fees = 3.125 * 0.0242 / (1.0 - 0.0242);
        let dec = Network {
            btc_price_usd: 93_450.0,
            difficulty_t: 108.52,
            fees_btc_per_block: fees,
            height: Some(875_000),
        };
        assert!(close(dec.hashprice_usd_per_ph_day(), 55.21, 0.02));
        // 3 Mar 2025: ~$86,350, 110.57 T, fees 1.93% -> $49.40.
        let fees = 3.125 * 0.0193 / (1.0 - 0.0193);
        let mar = Network {
            btc_price_usd: 86_350.0,
            difficulty_t: 110.57,
            fees_btc_per_block: fees,
            height: Some(885_000),
        };
        assert!(close(mar.hashprice_usd_per_ph_day(), 49.40, 0.02));
    }

    #[test]
    fn hashrate_units_differ_by_powers_of_a_thousand() {
        // 1 EH/s = 1,000 PH/s = 1,000,000 TH/s: a wrong factor of 1,000 fails here.
        let n = Network::default();
        let usd_per_th_day = n.hashprice_sats_per_th_day() / 1e8 * n.btc_price_usd;
        assert!(close(
            usd_per_th_day * 1_000.0,
            n.hashprice_usd_per_ph_day(),
            1e-12
        ));
        assert!(close(n.hashrate_h_s() / 1e18, n.hashrate_eh_s(), 1e-12));
    }

    #[test]
    fn difficulty_and_hashrate_round_trip() {
        let d = Network::difficulty_t_from_hashrate_eh_s(1_052.0);
        let n = Network {
            difficulty_t: d,
            ..Network::default()
        };
        assert!(close(n.hashrate_eh_s(), 1_052.0, 1e-12));
    }

    #[test]
    fn hashprice_halves_with_the_subsidy_when_fees_are_zero() {
        let before = Network {
            fees_btc_per_block: 0.0,
            height: Some(1_049_999),
            ..Network::default()
        };
        let after = Network {
            height: Some(1_050_000),
            ..before
        };
        assert_eq!(
            after.hashprice_usd_per_ph_day() * 2.0,
            before.hashprice_usd_per_ph_day()
        );
    }

    #[test]
    fn the_height_follows_the_start_month_unless_set() {
        let n = Network::default();
        // 2026-01-01 is 7 days before the snapshot's block 931,392 of 8 Jan 2026.
        assert_eq!(n.height_at("2026-01".parse().unwrap()), 931_392 - 7 * 144);
        // 2029-01-01: 1,089 days after 8 Jan 2026 (1,096 days in 2026-2028, less 7), past the
        // fourth halving at block 1,050,000 (about April 2028): the subsidy is 1.5625 BTC.
        let h = n.height_at("2029-01".parse().unwrap());
        assert_eq!(h, 931_392 + 1_089 * 144);
        assert_eq!(crate::subsidy::subsidy_btc(h), 1.5625);
        // The halving month: 1,050,000 is 823.7 days of blocks after 8 Jan 2026, in April 2028.
        let march = n.height_at("2028-04".parse().unwrap());
        let april_end = n.height_at("2028-05".parse().unwrap());
        assert!(march < 1_050_000 && 1_050_000 < april_end);
        // A height the user set wins.
        let set = Network {
            height: Some(800_000),
            ..n
        };
        assert_eq!(set.height_at("2029-01".parse().unwrap()), 800_000);
        // Far from the snapshot the height stays in range: 2009-01 (6,216 days before it) gives
        // 931,392 - 895,104 = 36,288 (blocks came faster than 144 a day in the early years, so
        // a user projecting from then should set the height).
        assert_eq!(n.height_at("2009-01".parse().unwrap()), 36_288);
        assert!(n.height_at("2200-12".parse().unwrap()) <= crate::bounds::HEIGHT.max as u64);
    }

    #[test]
    fn validation_names_the_bad_field() {
        let bad = Network {
            fees_btc_per_block: -1.0,
            ..Network::default()
        };
        let e = bad.validate().unwrap_err();
        assert_eq!(e.field, "fees");
        assert_eq!(e.value, "-1");
        assert!(Network::default().validate().is_ok());
    }
}
