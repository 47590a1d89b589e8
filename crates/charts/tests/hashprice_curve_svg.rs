#![cfg(not(target_arch = "wasm32"))]
//! The hashprice chart rendered to SVG: what it must show, and a snapshot that pins the drawing.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may fail loudly

use hashpivot_charts::hashprice_curve::HashpriceCurve;
use hashpivot_charts::{svg, ChartStyle};
use hashpivot_model::Network;

fn render(network: &Network, style: &ChartStyle) -> String {
    let data = HashpriceCurve::from_network(network);
    svg::render(style, |area| data.draw(area, style)).expect("svg renders")
}

#[test]
fn svg_has_title_axis_units_and_legend() {
    let svg = render(&Network::default(), &ChartStyle::light(640, 360));
    for text in [
        "Hashprice vs BTC price at 146.5 T difficulty",
        "BTC price (USD)",
        "Hashprice (USD/PH/day)",
        "Now",
        "After the halving at block 1,050,000",
        "Today: 39.3 USD/PH/day",
    ] {
        assert!(svg.contains(text), "SVG lacks {text:?}");
    }
}

#[test]
fn the_marker_moves_with_the_price() {
    let style = ChartStyle::light(640, 360);
    let low = render(
        &Network {
            btc_price_usd: 50_000.0,
            ..Network::default()
        },
        &style,
    );
    let high = render(
        &Network {
            btc_price_usd: 150_000.0,
            ..Network::default()
        },
        &style,
    );
    assert_ne!(low, high);
    let circle_x = |svg: &str| -> f64 {
        // The legend draws its dot first; the plot marker is the last circle.
        let at = svg.rfind("<circle").expect("a circle");
        let cx = svg[at..].split("cx=\"").nth(1).expect("cx");
        cx[..cx.find('"').expect("quote")].parse().expect("number")
    };
    // Same axis (both inside the slider range), so a higher price sits further right.
    assert!(circle_x(&high) > circle_x(&low) + 100.0);
}

#[test]
fn device_pixel_ratio_scales_the_document() {
    let svg = render(
        &Network::default(),
        &ChartStyle::light(320, 200).with_scale(2.0),
    );
    assert!(svg.contains("width=\"640\"") && svg.contains("height=\"400\""));
}

#[test]
fn snapshot_light_and_dark() {
    insta::assert_snapshot!(
        "light",
        render(&Network::default(), &ChartStyle::light(640, 360))
    );
    insta::assert_snapshot!(
        "dark",
        render(&Network::default(), &ChartStyle::dark(640, 360))
    );
}
