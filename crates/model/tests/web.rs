//! The model inside a browser's wasm engine gives the same figures as natively.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may fail loudly

use hashpivot_model::subsidy::subsidy_sats;
use hashpivot_model::{bounds, Network};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn hashprice_by_hand_in_the_browser() {
    // 144 * (3.125 + 0.02) * 91,000 / (152e12 * 2^32 / 600 / 1e15) = 37.8767 USD/PH/day.
    let n = Network {
        btc_price_usd: 91_000.0,
        difficulty_t: 152.0,
        fees_btc_per_block: 0.02,
        height: Some(931_392),
    };
    assert!((n.hashprice_usd_per_ph_day() - 37.8767).abs() < 0.0005);
}

#[wasm_bindgen_test]
fn subsidy_is_exact_in_the_browser() {
    // u64 shifts must not lose precision in wasm: 50 BTC >> 4 = 3.125 BTC.
    assert_eq!(subsidy_sats(840_000), 312_500_000);
    assert_eq!(subsidy_sats(1_050_000), 156_250_000);
    assert_eq!(subsidy_sats(64 * 210_000), 0);
}

#[wasm_bindgen_test]
fn validation_messages_in_the_browser() {
    let e = bounds::BTC_PRICE.parse("abc").unwrap_err();
    assert_eq!((e.field.as_str(), e.value.as_str()), ("btc", "abc"));
}

mod common;

#[wasm_bindgen_test]
fn monte_carlo_gives_the_native_result_to_the_last_bit() {
    // The fixture is written and checked by the native test `uncertainty.rs`.
    let r = hashpivot_model::montecarlo::run(&common::fixture_scenario()).unwrap();
    assert_eq!(
        common::fingerprint(&r),
        include_str!("fixtures/montecarlo-seed42.txt")
    );
}

#[wasm_bindgen_test]
fn the_share_link_decodes_the_same_in_the_browser() {
    // The app's decoder is this module compiled to wasm: the acceptance query must give the
    // defaults with exactly these three inputs changed, as it does natively.
    let s = hashpivot_model::query::decode_strict("btc=91000&diff=152&fees=0.02").unwrap();
    let expected = hashpivot_model::Scenario {
        network: Network {
            btc_price_usd: 91_000.0,
            difficulty_t: 152.0,
            fees_btc_per_block: 0.02,
            ..Network::default()
        },
        ..hashpivot_model::Scenario::default()
    };
    assert_eq!(s, expected);
    let p = hashpivot_model::project(&s).unwrap();
    assert!((p.hashprice_usd_per_ph_day - 37.8767).abs() < 0.0005);
}
