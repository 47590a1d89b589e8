//! Charts drawn inside the browser, where plotters measures text with the page's fonts.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may fail loudly

use hashpivot_charts::hashprice_curve::HashpriceCurve;
use hashpivot_charts::{svg, ChartStyle};
use hashpivot_model::Network;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn svg_renders_with_browser_font_metrics() {
    let style = ChartStyle::dark(360, 240).with_scale(2.0);
    let data = HashpriceCurve::from_network(&Network::default());
    let out = svg::render(&style, |area| data.draw(area, &style)).unwrap();
    assert!(out.contains("width=\"720\""));
    assert!(out.contains("Hashprice (USD/PH/day)"));
    assert!(out.contains("<circle"));
}
