//! Charts drawn inside the browser, where plotters measures text with the page's fonts.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may fail loudly

use hashpivot_charts::cashflow::Cashflow;
use hashpivot_charts::decision_map::DecisionMapChart;
use hashpivot_charts::hashprice_curve::HashpriceCurve;
use hashpivot_charts::montecarlo_fan::MonteCarloFan;
use hashpivot_charts::per_mw::PerMw;
use hashpivot_charts::revenue_mix::RevenueMix;
use hashpivot_charts::tornado::TornadoChart;
use hashpivot_charts::{svg, ChartStyle};
use hashpivot_model::{decision_map, montecarlo, project, tornado, Network, Scenario};
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

/// The six model charts of the default scenario.
struct Six {
    revenue_mix: RevenueMix,
    cashflow: Cashflow,
    per_mw: PerMw,
    fan: MonteCarloFan,
    tornado: TornadoChart,
    map: DecisionMapChart,
}

fn six() -> Six {
    let mut s = Scenario::default();
    s.monte_carlo.paths = 100;
    let names: Vec<String> = s.strategies.iter().map(|x| x.name.clone()).collect();
    let p = project(&s).unwrap();
    Six {
        revenue_mix: RevenueMix::from_projection(&p),
        cashflow: Cashflow::from_projection(&p),
        per_mw: PerMw::from_projection(&p),
        fan: MonteCarloFan::from_result(&montecarlo::run(&s).unwrap(), &names),
        tornado: TornadoChart::from_tornado(&tornado::run(&s).unwrap(), 1, &names[1]),
        map: DecisionMapChart::from_map(
            &decision_map::run(&s, 64, 64).unwrap(),
            &names,
            (s.network.btc_price_usd, s.site.power_usd_mwh),
        ),
    }
}

#[wasm_bindgen_test]
fn the_six_model_charts_render_with_browser_font_metrics() {
    let c = six();
    let style = ChartStyle::dark(360, 480).with_scale(2.0);
    for (svg, title) in [
        (
            svg::render(&style, |a| c.revenue_mix.draw(a, &style)),
            c.revenue_mix.title(),
        ),
        (
            svg::render(&style, |a| c.cashflow.draw(a, &style)),
            c.cashflow.title(),
        ),
        (
            svg::render(&style, |a| c.per_mw.draw(a, &style)),
            c.per_mw.title(),
        ),
        (
            svg::render(&style, |a| c.fan.draw(a, &style)),
            c.fan.title(),
        ),
        (
            svg::render(&style, |a| c.tornado.draw(a, &style)),
            c.tornado.title(),
        ),
        (
            svg::render(&style, |a| c.map.draw(a, &style)),
            c.map.title(),
        ),
    ] {
        let svg = svg.unwrap();
        assert!(svg.contains("width=\"720\""));
        assert!(svg.contains(&title), "{title}");
    }
}

/// Paints the six charts on a canvas, as the app does on every slider step, and reports the
/// median time per frame (all six) in the test log.
#[cfg(feature = "canvas")]
#[wasm_bindgen_test]
fn the_six_model_charts_paint_a_canvas() {
    use hashpivot_charts::canvas;
    use web_sys::wasm_bindgen::JsCast;

    let c = six();
    let document = web_sys::window().unwrap().document().unwrap();
    let el: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .unwrap()
        .dyn_into()
        .unwrap();
    let style = ChartStyle::light(720, 420).with_scale(2.0);
    let frame = || {
        canvas::render(&el, &style, |a| c.revenue_mix.draw(a, &style)).unwrap();
        canvas::render(&el, &style, |a| c.cashflow.draw(a, &style)).unwrap();
        canvas::render(&el, &style, |a| c.per_mw.draw(a, &style)).unwrap();
        canvas::render(&el, &style, |a| c.fan.draw(a, &style)).unwrap();
        canvas::render(&el, &style, |a| c.tornado.draw(a, &style)).unwrap();
        canvas::render(&el, &style, |a| c.map.draw(a, &style)).unwrap();
    };
    for _ in 0..3 {
        frame();
    }
    let performance = web_sys::window().unwrap().performance().unwrap();
    let mut times: Vec<f64> = (0..15)
        .map(|_| {
            let start = performance.now();
            frame();
            performance.now() - start
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let per_frame = times[times.len() / 2];
    console_log!("six charts on a canvas: {per_frame:.2} ms a frame (median of 15)");
    assert!(per_frame.is_finite() && per_frame < 1_000.0);
}
