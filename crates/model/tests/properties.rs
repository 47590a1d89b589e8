#![cfg(not(target_arch = "wasm32"))]
//! Properties of the network model over the whole accepted input range.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may fail loudly

use hashpivot_model::bounds::{BTC_PRICE, DIFFICULTY, FEES, HEIGHT};
use hashpivot_model::Network;
use proptest::prelude::*;

fn valid_network() -> impl Strategy<Value = Network> {
    (
        BTC_PRICE.min..=BTC_PRICE.max,
        DIFFICULTY.min..=DIFFICULTY.max,
        FEES.min..=FEES.max,
        0u64..=HEIGHT.max as u64,
    )
        .prop_map(|(btc, diff, fees, height)| Network {
            btc_price_usd: btc,
            difficulty_t: diff,
            fees_btc_per_block: fees,
            height: Some(height),
        })
}

proptest! {
    #[test]
    fn every_valid_network_validates_and_gives_finite_outputs(n in valid_network()) {
        prop_assert!(n.validate().is_ok());
        for v in [n.hashrate_eh_s(), n.hashprice_usd_per_ph_day(), n.hashprice_sats_per_th_day()] {
            prop_assert!(v.is_finite() && v >= 0.0, "{v} for {n:?}");
        }
    }

    #[test]
    fn a_higher_btc_price_never_lowers_hashprice(n in valid_network(), bump in 0.0..1_000_000.0f64) {
        let higher = Network { btc_price_usd: (n.btc_price_usd + bump).min(BTC_PRICE.max), ..n };
        prop_assert!(higher.hashprice_usd_per_ph_day() >= n.hashprice_usd_per_ph_day());
    }

    #[test]
    fn a_higher_difficulty_never_raises_hashprice(n in valid_network(), bump in 0.0..1_000.0f64) {
        let harder = Network { difficulty_t: (n.difficulty_t + bump).min(DIFFICULTY.max), ..n };
        prop_assert!(harder.hashprice_usd_per_ph_day() <= n.hashprice_usd_per_ph_day());
    }

    #[test]
    fn out_of_range_prices_are_rejected_by_name(btc in prop_oneof![-1e9..BTC_PRICE.min, (BTC_PRICE.max + 1.0)..1e12]) {
        let n = Network { btc_price_usd: btc, ..Network::default() };
        let e = n.validate().unwrap_err();
        prop_assert_eq!(e.field, "btc");
    }
}
