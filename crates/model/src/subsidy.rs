//! The block subsidy, exact and in integer satoshis, as Bitcoin Core computes it.
//!
//! `5_000_000_000 sats >> (height / 210_000)`, and zero from the 64th halving on (a shift by 64
//! or more would be undefined; Core returns zero).
//!
//! # Usage
//! ```
//! use hashpivot_model::subsidy::subsidy_sats;
//! assert_eq!(subsidy_sats(840_000), 312_500_000); // 3.125 BTC
//! ```

/// Blocks between two halvings.
pub const HALVING_INTERVAL: u64 = 210_000;
/// The first subsidy, 50 BTC, in satoshis.
pub const INITIAL_SUBSIDY_SATS: u64 = 5_000_000_000;
/// Satoshis in one bitcoin.
pub const SATS_PER_BTC: u64 = 100_000_000;
/// Blocks per day at the 10-minute target.
pub const BLOCKS_PER_DAY: u64 = 144;

/// The subsidy of the block at `height`, in satoshis.
pub fn subsidy_sats(height: u64) -> u64 {
    let halvings = height / HALVING_INTERVAL;
    if halvings >= 64 {
        0
    } else {
        INITIAL_SUBSIDY_SATS >> halvings
    }
}

/// The subsidy of the block at `height`, in BTC.
pub fn subsidy_btc(height: u64) -> f64 {
    subsidy_sats(height) as f64 / SATS_PER_BTC as f64
}

/// The height of the first block of the next halving era after `height`.
pub fn next_halving_height(height: u64) -> u64 {
    (height / HALVING_INTERVAL + 1) * HALVING_INTERVAL
}

/// Total subsidy, in satoshis, of the `blocks` blocks from `height` on, split exactly at every
/// halving inside the range (never averaged).
pub fn subsidy_sum_sats(height: u64, blocks: u64) -> u64 {
    let mut total = 0u64;
    let mut h = height;
    let end = height.saturating_add(blocks);
    while h < end {
        let era_end = next_halving_height(h).min(end);
        total = total.saturating_add(subsidy_sats(h).saturating_mul(era_end - h));
        if subsidy_sats(h) == 0 {
            break;
        }
        h = era_end;
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subsidy_is_exact_on_both_sides_of_each_halving() {
        // 50 BTC halved n times, written out in sats by hand.
        assert_eq!(subsidy_sats(0), 5_000_000_000);
        assert_eq!(subsidy_sats(839_999), 625_000_000); // 6.25 BTC, third era
        assert_eq!(subsidy_sats(840_000), 312_500_000); // 3.125 BTC, April 2024
        assert_eq!(subsidy_sats(1_049_999), 312_500_000);
        assert_eq!(subsidy_sats(1_050_000), 156_250_000); // 1.5625 BTC, expected 2028
        assert_eq!(subsidy_sats(1_260_000), 78_125_000); // 0.78125 BTC
    }

    #[test]
    fn subsidy_reaches_zero_and_never_overflows() {
        // 5e9 < 2^33, so the 33rd halving already yields 0; the 64th must not shift-overflow.
        assert_eq!(subsidy_sats(32 * HALVING_INTERVAL), 1);
        assert_eq!(subsidy_sats(33 * HALVING_INTERVAL), 0);
        assert_eq!(subsidy_sats(64 * HALVING_INTERVAL), 0);
        assert_eq!(subsidy_sats(u64::MAX), 0);
    }

    #[test]
    fn subsidy_btc_converts_sats_by_one_hundred_million() {
        assert_eq!(subsidy_btc(840_000), 3.125);
        assert_eq!(subsidy_btc(1_050_000), 1.5625);
    }

    #[test]
    fn a_range_straddling_a_halving_is_split_at_the_block() {
        // 4,464 blocks (a 31-day month) starting 1,000 blocks before block 1,050,000:
        // 1,000 x 3.125 BTC + 3,464 x 1.5625 BTC = 3,125 + 5,412.5 = 8,537.5 BTC.
        let sats = subsidy_sum_sats(1_049_000, 4_464);
        assert_eq!(sats, 853_750_000_000);
        // A linear average across the month would have given 4,464 x 2.34375 = 10,462.5 BTC.
        assert_ne!(sats, 1_046_250_000_000);
    }

    #[test]
    fn a_range_inside_one_era_is_blocks_times_subsidy() {
        assert_eq!(subsidy_sum_sats(931_392, 4_464), 4_464 * 312_500_000);
        assert_eq!(subsidy_sum_sats(931_392, 0), 0);
        assert_eq!(subsidy_sum_sats(64 * HALVING_INTERVAL, 10_000), 0);
    }

    #[test]
    fn next_halving_is_the_era_boundary() {
        assert_eq!(next_halving_height(931_392), 1_050_000);
        assert_eq!(next_halving_height(1_049_999), 1_050_000);
        assert_eq!(next_halving_height(1_050_000), 1_260_000);
    }
}
