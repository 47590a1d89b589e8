//! The six charts of the workbench, each drawn by `hashpivot-charts` on a canvas, with a title,
//! a text alternative and a stable test hook (`chart-revenue-mix`, `chart-cashflow`,
//! `chart-per-mw`, `chart-montecarlo`, `chart-tornado`, `chart-decision-map`).
//!
//! # See also
//! [`crate::components::ChartCanvas`] for how a chart is painted; the `hashpivot-charts` crate
//! for what each shows.

use hashpivot_charts::canvas;
use hashpivot_charts::cashflow::Cashflow;
use hashpivot_charts::decision_map::DecisionMapChart;
use hashpivot_charts::montecarlo_fan::MonteCarloFan;
use hashpivot_charts::per_mw::PerMw;
use hashpivot_charts::revenue_mix::RevenueMix;
use hashpivot_charts::tornado::TornadoChart;
use hashpivot_model::format;
use leptos::prelude::*;

use crate::components::strategy_select::StrategySelect;
use crate::components::ChartCanvas;
use crate::i18n::{t, tf};
use crate::state::AppState;

/// Wires a chart's data memo to a [`ChartCanvas`].
macro_rules! chart {
    ($testid:expr, $data:expr) => {{
        chart!($testid, $data, None)
    }};
    ($testid:expr, $data:expr, $height:expr) => {{
        let data = $data;
        let height: Option<Callback<u32, u32>> = $height;
        view! {
            <ChartCanvas
                testid=$testid
                height=height
                title=Signal::derive(move || data.with(|d| d.title_in(t)))
                alt=Signal::derive(move || data.with(|d| d.alt_text_in(t)))
                draw=move |el, style| data.with(|d| canvas::render(el, style, |area| d.draw(area, style)))
            />
        }
    }};
}

/// Every chart, in a responsive grid; with `view`, only that one is shown (the widget).
#[component]
pub fn Charts(
    /// Show only this chart (one of [`crate::components::embed::VIEWS`]); the others are not
    /// displayed, so they are not painted either.
    #[prop(default = None)]
    view: Option<&'static str>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let names = state.strategy_names();
    let revenue = Memo::new(move |_| state.projection.with(RevenueMix::from_projection));
    let cashflow = Memo::new(move |_| state.projection.with(Cashflow::from_projection));
    let per_mw = Memo::new(move |_| state.projection.with(PerMw::from_projection));

    // The tornado of the strategy the user picks (the second, a pivot, by default).
    let tornado_of = RwSignal::new(1_usize);
    let tornado = Memo::new(move |_| {
        let n = names.with(Vec::len);
        let i = tornado_of.get().min(n.saturating_sub(1));
        let name = names.with(|v| v.get(i).cloned().unwrap_or_default());
        state.tornado.with(|tornado| match tornado {
            Some(x) => TornadoChart::from_tornado_in(x, i, &name, t),
            None => TornadoChart::from_tornado_in(&empty_tornado(), i, &name, t),
        })
    });

    let map = Memo::new(move |_| {
        let current = state
            .scenario
            .with(|s| (s.network.btc_price_usd, s.site.power_usd_mwh));
        names.with(|names| {
            state.decision_map.with(|m| {
                m.as_ref()
                    .map(|m| DecisionMapChart::from_map(m, names, current))
            })
        })
    });

    let fan = Memo::new(move |_| {
        names.with(|names| {
            state.monte_carlo.with(|r| {
                r.as_ref()
                    .map(|(r, _)| MonteCarloFan::from_result(r, names))
            })
        })
    });
    let stale = state.monte_carlo_stale();
    let paths = Memo::new(move |_| state.scenario.with(|s| s.monte_carlo.paths));
    let progress = state.monte_carlo_progress;
    let mc_status = Signal::derive(move || {
        stale.get().then(|| {
            tf(
                "Simulating {n} paths for the current inputs: {done}%",
                &[
                    ("n", &format::plain(paths.get() as f64)),
                    (
                        "done",
                        &(progress.get().unwrap_or(0.0) * 100.0).floor().to_string(),
                    ),
                ],
            )
        })
    });

    view! {
        <section class="charts" aria-label="Charts" data-view=view>
            {chart!(
                "chart-revenue-mix",
                revenue,
                Some(Callback::new(move |width: u32| {
                    // One panel row is about 170 px high, plus the title and legend.
                    let rows = revenue.with(|r| r.grid(width).1) as u32;
                    (70 + 170 * rows.max(1)).clamp(280, 1100)
                }))
            )}
            {chart!("chart-cashflow", cashflow)}
            {chart!("chart-per-mw", per_mw)}
            <div class="chart-with-tools">
                <ChartCanvas
                    testid="chart-montecarlo"
                    title=Signal::derive(move || fan.with(|d| d.as_ref().map(|d| d.title_in(t)).unwrap_or_else(|| t("Monte Carlo fan of cumulative free cash flow").into())))
                    alt=Signal::derive(move || fan.with(|d| d.as_ref().map(|d| d.alt_text_in(t)).unwrap_or_else(|| t("The Monte Carlo is running.").into())))
                    status=mc_status
                    draw=move |el, style| {
                        fan.with(|d| match d {
                            Some(d) => canvas::render(el, style, |area| d.draw(area, style)),
                            None => Ok(()),
                        })
                    }
                />
            </div>
            <div class="chart-with-tools">
                <div class="chart-tools">
                    <StrategySelect id="tornado-strategy" label="NPV sensitivity of" selected=tornado_of />
                </div>
                {chart!("chart-tornado", tornado)}
            </div>
            <ChartCanvas
                testid="chart-decision-map"
                title=Signal::derive(move || map.with(|d| d.as_ref().map(|d| d.title_in(t)).unwrap_or_default()))
                alt=Signal::derive(move || map.with(|d| d.as_ref().map(|d| d.alt_text_in(t)).unwrap_or_default()))
                draw=move |el, style| {
                    map.with(|d| match d {
                        Some(d) => canvas::render(el, style, |area| d.draw(area, style)),
                        None => Ok(()),
                    })
                }
            />
        </section>
    }
}

fn empty_tornado() -> hashpivot_model::tornado::Tornado {
    hashpivot_model::tornado::Tornado {
        base_npv: Vec::new(),
        bars: Vec::new(),
    }
}
