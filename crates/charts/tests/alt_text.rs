//! The text alternative states the figures a sighted reader takes from the chart.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may fail loudly

use hashpivot_charts::hashprice_curve::HashpriceCurve;
use hashpivot_model::Network;

#[test]
fn alt_text_states_today_and_after_the_halving() {
    let n = Network::default();
    let data = HashpriceCurve::from_network(&n);
    let alt = data.alt_text();
    // Hashprice halves less than 2x because fees do not halve: (1.5625+0.017)/(3.125+0.017).
    let ratio = (1.5625 + 0.017) / (3.125 + 0.017);
    let expected_after = format!("{:.2}", n.hashprice_usd_per_ph_day() * ratio);
    assert!(alt.contains(&expected_after), "{alt}");
    assert!(alt.contains("$91.1k") && alt.contains("1,050,000"), "{alt}");
}

#[test]
fn a_typed_price_beyond_the_slider_stays_in_view() {
    let n = Network {
        btc_price_usd: 1_000_000.0,
        ..Network::default()
    };
    let data = HashpriceCurve::from_network(&n);
    assert!(data.x_range.1 > n.btc_price_usd);
    assert!(data.y_range.1 > data.current.1);
    assert!(data
        .now
        .iter()
        .chain(&data.after_halving)
        .all(|p| p.0.is_finite() && p.1.is_finite()));
}
