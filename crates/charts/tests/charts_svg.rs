#![cfg(not(target_arch = "wasm32"))]
//! The six model charts rendered to SVG: what they must show, that odd inputs draw without a
//! panic, that they stay within a primitive budget (each SVG element is one canvas call in the
//! app), and snapshots that pin the drawings.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may fail loudly

mod support;

use hashpivot_charts::cashflow::Cashflow;
use hashpivot_charts::decision_map::DecisionMapChart;
use hashpivot_charts::montecarlo_fan::MonteCarloFan;
use hashpivot_charts::per_mw::PerMw;
use hashpivot_charts::revenue_mix::RevenueMix;
use hashpivot_charts::tornado::TornadoChart;
use hashpivot_charts::{svg, ChartStyle};
use hashpivot_model::{decision_map, montecarlo, project, tornado, Scenario};

/// The six charts of one scenario.
struct Charts {
    revenue_mix: RevenueMix,
    cashflow: Cashflow,
    per_mw: PerMw,
    fan: MonteCarloFan,
    tornado: TornadoChart,
    map: DecisionMapChart,
}

impl Charts {
    fn of(s: &Scenario) -> Charts {
        let p = project(s).unwrap();
        let names = support::names(s);
        let t = tornado::run(s).unwrap();
        let last = names.len().saturating_sub(1);
        Charts {
            revenue_mix: RevenueMix::from_projection(&p),
            cashflow: Cashflow::from_projection(&p),
            per_mw: PerMw::from_projection(&p),
            fan: MonteCarloFan::from_result(&montecarlo::run(s).unwrap(), &names),
            tornado: TornadoChart::from_tornado(&t, last, &names[last]),
            map: DecisionMapChart::from_map(
                &decision_map::run(s, 64, 64).unwrap(),
                &names,
                support::today(s),
            ),
        }
    }

    /// Each chart's name and SVG.
    fn render(&self, style: &ChartStyle) -> Vec<(&'static str, String)> {
        vec![
            (
                "revenue_mix",
                svg::render(style, |a| self.revenue_mix.draw(a, style)).unwrap(),
            ),
            (
                "cashflow",
                svg::render(style, |a| self.cashflow.draw(a, style)).unwrap(),
            ),
            (
                "per_mw",
                svg::render(style, |a| self.per_mw.draw(a, style)).unwrap(),
            ),
            (
                "fan",
                svg::render(style, |a| self.fan.draw(a, style)).unwrap(),
            ),
            (
                "tornado",
                svg::render(style, |a| self.tornado.draw(a, style)).unwrap(),
            ),
            (
                "map",
                svg::render(style, |a| self.map.draw(a, style)).unwrap(),
            ),
        ]
    }
}

fn count(svg: &str, tag: &str) -> usize {
    svg.matches(tag).count()
}

/// Drawing primitives in an SVG: every element but the document itself.
fn primitives(svg: &str) -> usize {
    [
        "<rect",
        "<line",
        "<polyline",
        "<polygon",
        "<circle",
        "<text",
        "<path",
    ]
    .iter()
    .map(|t| count(svg, t))
    .sum()
}

/// `(cx, cy)` of every circle drawn without fill (rings), in document order.
fn rings(svg: &str) -> Vec<(f64, f64)> {
    let attr = |el: &str, name: &str| -> f64 {
        let v = el.split(&format!(" {name}=\"")).nth(1).unwrap();
        v[..v.find('"').unwrap()].parse().unwrap()
    };
    svg.split("<circle")
        .skip(1)
        .map(|el| &el[..el.find("/>").unwrap()])
        .filter(|el| el.contains("fill=\"none\""))
        .map(|el| (attr(el, "cx"), attr(el, "cy")))
        .collect()
}

#[test]
fn every_chart_has_its_title_axes_and_legend() {
    let charts = Charts::of(&support::cheap_conversion());
    let style = ChartStyle::light(720, 420);
    let svgs = charts.render(&style);
    let expect: [(&str, &[&str]); 6] = [
        (
            "revenue_mix",
            &[
                "Monthly revenue by source",
                "USD M / month",
                "Month",
                "Mining",
                "AI/HPC",
                "Pure mining",
                "Hybrid: half colocation",
                "2027",
            ],
        ),
        (
            "cashflow",
            &[
                "Cumulative free cash flow",
                "Cumulative free cash flow (USD)",
                "Month",
                "Full pivot to colocation",
                "Payback month",
                "$0",
            ],
        ),
        (
            "per_mw",
            &[
                "Revenue and margin per MW-year",
                "USD per MW-year",
                "Revenue",
                "Margin, Mining",
                "Margin, AI/HPC",
                "Pure mining · Mining",
            ],
        ),
        (
            "fan",
            &[
                "Cash flow across simulated paths",
                "Cumulative free cash flow (USD)",
                "bands: 5–95% and 25–75% of 200 paths",
            ],
        ),
        (
            "tornado",
            &[
                "What moves the NPV of Hybrid: half colocation",
                "NPV of Hybrid: half colocation (USD)",
                "Input low",
                "Input high",
                "Base NPV",
                "BTC price ($72.9k / $109k)",
            ],
        ),
        (
            "map",
            &[
                "Which strategy has the highest NPV",
                "BTC price (USD)",
                "Power price (USD/MWh)",
                "Pure mining",
                "Full pivot to colocation",
                "Tie line",
                "Today",
            ],
        ),
    ];
    for ((name, svg), (want_name, texts)) in svgs.iter().zip(expect) {
        assert_eq!(*name, want_name);
        for text in texts {
            assert!(svg.contains(text), "{name} lacks {text:?}");
        }
    }
    // Pure mining's margin per MW-year is written on its bar, as the model gives it (a loss
    // with difficulty growing 2.5% a month).
    let p = project(&support::cheap_conversion()).unwrap();
    let margin = p.strategies[0]
        .summary
        .mining_margin_per_mw_year_usd
        .unwrap();
    assert!(margin < 0.0, "{margin}");
    let label = hashpivot_model::format::usd_compact(margin);
    assert!(svgs[2].1.contains(&label), "per_mw lacks {label:?}");
}

#[test]
fn the_decision_map_merges_cells_and_rings_today() {
    let s = support::cheap_conversion();
    let m = decision_map::run(&s, 64, 64).unwrap();
    let names = support::names(&s);
    let style = ChartStyle::light(640, 400);
    let draw = |today: (f64, f64)| {
        let data = DecisionMapChart::from_map(&m, &names, today);
        svg::render(&style, |a| data.draw(a, &style)).unwrap()
    };
    let svg = draw(support::today(&s));
    let rects = count(&svg, "<rect");
    assert!(rects < 200, "{rects} rectangles for 4,096 cells");
    assert!(primitives(&svg) < 300, "{} primitives", primitives(&svg));
    // Today is ringed: a halo and a ring, both centred on today's point.
    let today = rings(&svg);
    assert_eq!(today.len(), 2, "{today:?}");
    assert_eq!(today[0], today[1]);
    // A higher BTC price moves the ring right; a dearer power price moves it up.
    let richer = rings(&draw((150_000.0, s.site.power_usd_mwh)));
    let dearer = rings(&draw((s.network.btc_price_usd, 80.0)));
    assert!(richer[0].0 > today[0].0 + 50.0 && richer[0].1 == today[0].1);
    assert!(dearer[0].1 < today[0].1 - 50.0 && dearer[0].0 == today[0].0);
    // Off the map: no ring and no "Today" in the legend.
    let off = draw((10_000_000.0, 40.0));
    assert!(rings(&off).is_empty());
    assert!(!off.contains("Today"));
}

#[test]
fn payback_dots_appear_only_where_there_is_payback() {
    let style = ChartStyle::light(640, 360);
    let filled_circles = |svg: &str| count(svg, "<circle") - rings(svg).len();

    let none = Cashflow::from_projection(&project(&support::scenario()).unwrap());
    assert!(none.lines.iter().all(|l| l.payback.is_none()));
    let svg = svg::render(&style, |a| none.draw(a, &style)).unwrap();
    assert_eq!(filled_circles(&svg), 0);
    assert!(!svg.contains("Payback month"));

    let p = project(&support::cheap_conversion()).unwrap();
    let paying = p
        .strategies
        .iter()
        .filter(|s| s.payback_month.is_some())
        .count();
    assert!(paying >= 2);
    let some = Cashflow::from_projection(&p);
    let svg = svg::render(&style, |a| some.draw(a, &style)).unwrap();
    // The legend's dot, then a halo and a dot per strategy that pays back.
    assert_eq!(filled_circles(&svg), 1 + 2 * paying);
    assert!(svg.contains("Payback month"));
}

#[test]
fn charts_stay_within_their_primitive_budget() {
    let charts = Charts::of(&support::cheap_conversion());
    for style in [ChartStyle::light(360, 560), ChartStyle::dark(1200, 500)] {
        let svgs = charts.render(&style);
        let total: usize = svgs.iter().map(|(_, svg)| primitives(svg)).sum();
        for (name, svg) in &svgs {
            assert!(
                primitives(svg) < 300,
                "{name}: {} primitives",
                primitives(svg)
            );
        }
        assert!(total < 900, "{total} primitives in all");
    }
}

#[test]
fn snapshots_light() {
    let charts = Charts::of(&support::cheap_conversion());
    for (name, svg) in charts.render(&ChartStyle::light(640, 400)) {
        insta::assert_snapshot!(format!("{name}_light"), svg);
    }
}

#[test]
fn snapshots_dark_and_phone() {
    let charts = Charts::of(&support::cheap_conversion());
    for (name, svg) in charts.render(&ChartStyle::dark(640, 400)) {
        if matches!(name, "cashflow" | "map") {
            insta::assert_snapshot!(format!("{name}_dark"), svg);
        }
    }
    let phone = ChartStyle::light(360, 560);
    let svg = svg::render(&phone, |a| charts.revenue_mix.draw(a, &phone)).unwrap();
    insta::assert_snapshot!("revenue_mix_phone", svg);
}

#[test]
fn tiny_canvases_draw_without_panicking() {
    let s = support::scenario();
    let charts = Charts::of(&s);
    for (w, h) in [(1, 1), (20, 20), (59, 300), (360, 50)] {
        let style = ChartStyle::light(w, h);
        svg::render(&style, |a| charts.revenue_mix.draw(a, &style)).unwrap();
        svg::render(&style, |a| charts.cashflow.draw(a, &style)).unwrap();
        svg::render(&style, |a| charts.tornado.draw(a, &style)).unwrap();
        svg::render(&style, |a| charts.map.draw(a, &style)).unwrap();
    }
}
