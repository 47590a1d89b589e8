#![cfg(not(target_arch = "wasm32"))]
//! Charts under odd inputs and sizes: one strategy, no months or strategies, zeros and values
//! that are not finite all draw without a panic; a title too long for a phone shrinks, then is
//! cut.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may fail loudly

mod support;

use hashpivot_charts::cashflow::Cashflow;
use hashpivot_charts::decision_map::DecisionMapChart;
use hashpivot_charts::montecarlo_fan::MonteCarloFan;
use hashpivot_charts::per_mw::PerMw;
use hashpivot_charts::revenue_mix::RevenueMix;
use hashpivot_charts::tornado::TornadoChart;
use hashpivot_charts::{svg, ChartStyle};
use hashpivot_model::montecarlo::MonteCarloResult;
use hashpivot_model::projection::Projection;
use hashpivot_model::{decision_map, montecarlo, project, tornado, Scenario};

fn one_strategy() -> Scenario {
    let mut s = support::scenario();
    s.strategies.truncate(1);
    s
}

/// Draws every chart built from `p` and `r` at a phone and a desktop size.
fn draws_without_panic(p: &Projection, r: &MonteCarloResult, names: &[String]) {
    let mut s = support::scenario();
    s.strategies.truncate(names.len().max(1));
    let t = tornado::run(&s).unwrap();
    let map = decision_map::run(&s, 8, 8).unwrap();
    for style in [ChartStyle::light(360, 480), ChartStyle::dark(900, 420)] {
        let r1 = RevenueMix::from_projection(p);
        let r2 = Cashflow::from_projection(p);
        let r3 = PerMw::from_projection(p);
        let r4 = MonteCarloFan::from_result(r, names);
        let r5 = TornadoChart::from_tornado(&t, 0, "x");
        let r6 = DecisionMapChart::from_map(&map, names, (91_000.0, 40.0));
        for svg in [
            svg::render(&style, |a| r1.draw(a, &style)),
            svg::render(&style, |a| r2.draw(a, &style)),
            svg::render(&style, |a| r3.draw(a, &style)),
            svg::render(&style, |a| r4.draw(a, &style)),
            svg::render(&style, |a| r5.draw(a, &style)),
            svg::render(&style, |a| r6.draw(a, &style)),
        ] {
            let svg = svg.unwrap();
            assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
        }
        for alt in [
            r1.alt_text(),
            r2.alt_text(),
            r3.alt_text(),
            r4.alt_text(),
            r5.alt_text(),
            r6.alt_text(),
        ] {
            assert!(!alt.is_empty());
        }
    }
}

#[test]
fn one_strategy_draws() {
    let s = one_strategy();
    let p = project(&s).unwrap();
    let r = montecarlo::run(&s).unwrap();
    draws_without_panic(&p, &r, &support::names(&s));
}

#[test]
fn no_months_no_strategies_draw() {
    let s = support::scenario();
    let mut p = project(&s).unwrap();
    let mut r = montecarlo::run(&s).unwrap();
    for st in &mut p.strategies {
        st.months.clear();
    }
    r.months.clear();
    draws_without_panic(&p, &r, &support::names(&s));

    p.strategies.clear();
    r.bands.clear();
    r.beats_first.clear();
    draws_without_panic(&p, &r, &[]);

    // An empty map and an out-of-range tornado say so rather than panic.
    let style = ChartStyle::light(360, 300);
    let mut map = decision_map::run(&s, 4, 4).unwrap();
    map.btc_prices.clear();
    let empty = DecisionMapChart::from_map(&map, &[], (1.0, 1.0));
    let svg = svg::render(&style, |a| empty.draw(a, &style)).unwrap();
    assert!(svg.contains("No decision map to show"));
    let t = tornado::run(&s).unwrap();
    let none = TornadoChart::from_tornado(&t, 7, "Seventh");
    let svg = svg::render(&style, |a| none.draw(a, &style)).unwrap();
    assert!(svg.contains("No sensitivity results for this strategy"));
}

#[test]
fn zero_and_non_finite_data_draw() {
    let s = support::scenario();
    let mut p = project(&s).unwrap();
    let mut r = montecarlo::run(&s).unwrap();
    // All zero.
    for st in &mut p.strategies {
        for m in &mut st.months {
            m.mining_revenue_usd = 0.0;
            m.hpc_revenue_usd = 0.0;
            m.cumulative_fcf_usd = 0.0;
        }
    }
    for b in &mut r.bands {
        for v in [&mut b.p5, &mut b.p25, &mut b.p50, &mut b.p75, &mut b.p95] {
            v.iter_mut().for_each(|x| *x = 0.0);
        }
    }
    draws_without_panic(&p, &r, &support::names(&s));
    // Not finite.
    for st in &mut p.strategies {
        for (i, m) in st.months.iter_mut().enumerate() {
            let bad = [f64::NAN, f64::INFINITY, f64::NEG_INFINITY][i % 3];
            m.mining_revenue_usd = bad;
            m.hpc_revenue_usd = bad;
            m.cumulative_fcf_usd = if i % 2 == 0 { bad } else { i as f64 };
        }
        st.summary.mining_margin_per_mw_year_usd = Some(f64::NAN);
    }
    for b in &mut r.bands {
        b.p50[3] = f64::NAN;
        b.p95[10] = f64::INFINITY;
    }
    r.beats_first = vec![f64::NAN; r.beats_first.len()];
    draws_without_panic(&p, &r, &support::names(&s));
}

/// The text of every `<text>` element in `svg`, with its font size.
fn texts(svg: &str) -> Vec<(f64, String)> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let size = t
                .split("font-size=\"")
                .nth(1)?
                .split('"')
                .next()?
                .parse()
                .ok()?;
            let body = t
                .split(">")
                .nth(1)?
                .split("</text")
                .next()?
                .trim()
                .to_string();
            Some((size, body))
        })
        .collect()
}

#[test]
fn a_long_title_shrinks_then_is_cut_to_fit_a_phone() {
    let s = support::scenario();
    let t = tornado::run(&s).unwrap();
    let fits = |name: &str, width: u32| {
        let chart = TornadoChart::from_tornado(&t, 1, name);
        let style = ChartStyle::light(width, 320);
        let out = svg::render(&style, |a| chart.draw(a, &style)).unwrap();
        // The title is the first text drawn.
        texts(&out).into_iter().next().unwrap()
    };
    // plotters writes SVG font sizes scaled by a constant, so compare with the 15 px title.
    let (wide_size, wide) = fits("Full pivot", 900);
    assert!(wide.contains("Full pivot"), "{wide}");
    // At phone width a 45-character title steps down in size and stays whole.
    let (size, shown) = fits("Full pivot to colocation", 360);
    assert!(
        size < wide_size && size >= wide_size * 11.0 / 15.0 - 1e-9,
        "{size}"
    );
    assert!(shown.contains("Full pivot to colocation"), "{shown}");
    // One far too long for any phone keeps 11 px and ends with an ellipsis.
    let long = "A strategy name of exactly sixty characters for this test ok";
    let (size, shown) = fits(long, 320);
    assert!((size - wide_size * 11.0 / 15.0).abs() < 1e-9, "{size}");
    assert!(shown.ends_with('\u{2026}'), "{shown}");
    assert!(shown.chars().count() * 11 * 56 / 100 <= 320, "{shown}");
}
