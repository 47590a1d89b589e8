//! Strategies side by side: name, key figures, how the megawatts split over time, and the
//! AI/HPC contracts. Add, rename and remove up to six.
//!
//! # See also
//! [`crate::components::contracts`] for the contract editor; [`hashpivot_model::projection`] for
//! the figures.

use hashpivot_model::projection::StrategyResult;
use hashpivot_model::scenario::Strategy;
use hashpivot_model::validate::MAX_STRATEGIES;
use leptos::prelude::*;

use crate::components::contracts::Contracts;
use crate::fmt;
use crate::i18n::{n_, t, tf};
use crate::state::AppState;

/// Every strategy as a card, and a button to add one.
#[component]
pub fn Strategies() -> impl IntoView {
    let state = expect_context::<AppState>();
    let count = Memo::new(move |_| state.scenario.with(|s| s.strategies.len()));
    let error = RwSignal::new(None::<String>);
    let add = move |_: leptos::ev::MouseEvent| {
        let result = state.update(|s| {
            let n = s.strategies.len() + 1;
            let id = (n..)
                .map(|k| format!("s{k}"))
                .find(|id| s.strategies.iter().all(|st| &st.id != id))
                .unwrap_or_default();
            s.strategies.push(Strategy {
                id,
                name: tf("Strategy {n}", &[("n", &n.to_string())]),
                ..Strategy::default()
            });
        });
        error.set(result.err().map(|e| e.to_string()));
    };
    view! {
        <section class="panel strategies" aria-labelledby="strategies-title">
            <div class="section-head">
                <h2 id="strategies-title">"Strategies on the same site"</h2>
                <button
                    type="button"
                    data-testid="add-strategy"
                    disabled=move || { count.get() >= MAX_STRATEGIES }
                    on:click=add
                >
                    "Add strategy"
                </button>
            </div>
            <p class="error" role="alert">{move || error.get()}</p>
            <div class="strategy-grid">
                {move || {
                    (0..count.get())
                        .map(|i| view! { <StrategyCard index=i /> })
                        .collect_view()
                }}
            </div>
        </section>
    }
}

/// One strategy: editable name, key figures, MW split and contracts.
#[component]
fn StrategyCard(
    /// Index of the strategy in the scenario.
    index: usize,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let count = Memo::new(move |_| state.scenario.with(|s| s.strategies.len()));
    let name = Memo::new(move |_| {
        state.scenario.with(|s| {
            s.strategies
                .get(index)
                .map(|st| crate::i18n::plain(t(&st.name)).to_owned())
                .unwrap_or_default()
        })
    });
    let typed = RwSignal::new(None::<String>);
    let name_error = RwSignal::new(None::<String>);
    let rename = move |text: String| {
        let result = state.update(|s| {
            if let Some(st) = s.strategies.get_mut(index) {
                st.name = text.clone();
            }
        });
        typed.set(Some(text));
        name_error.set(result.err().map(|e| e.to_string()));
    };
    let shown_name = move || {
        typed
            .get()
            .filter(|_| name_error.with(Option::is_some))
            .unwrap_or_else(|| name.get())
    };
    let remove = move |_: leptos::ev::MouseEvent| {
        // Refused by the model when it is the last one; the button is disabled then anyway.
        let _ = state.update(|s| {
            if index < s.strategies.len() {
                s.strategies.remove(index);
            }
        });
    };
    // The card's colour is its chart series' (style/main.css maps `data-series` to it): a class
    // of attribute, not a `style` attribute, which the Content-Security-Policy forbids.
    let series = index % 6;
    let name_id = format!("name-s{index}");
    view! {
        <article class="strategy" data-series=series data-testid=format!("strategy-{index}")>
            <div class="strategy-head">
                <label class="visually-hidden" for=name_id.clone()>
                    {tf("Name of strategy {n}", &[("n", &(index + 1).to_string())])}
                </label>
                <span class="swatch" aria-hidden="true"></span>
                <input
                    type="text"
                    class="strategy-name"
                    id=name_id
                    data-testid=format!("strategy-name-{index}")
                    aria-invalid=move || if name_error.with(Option::is_some) { "true" } else { "false" }
                    prop:value=shown_name
                    on:input=move |ev| rename(event_target_value(&ev))
                />
                <button
                    type="button"
                    class="link-button"
                    aria-label=move || tf("Remove strategy {name}", &[("name", &name.get())])
                    disabled=move || { count.get() <= 1 }
                    on:click=remove
                >
                    "Remove"
                </button>
            </div>
            <p class="error" role="alert">{move || name_error.get()}</p>
            <Figures index=index />
            <MwSplit index=index />
            <Contracts index=index />
        </article>
    }
}

/// The key figures of strategy `index`, each with its raw value in `data-value`, and its
/// funding gap if it has one.
#[component]
fn Figures(
    /// Index of the strategy.
    index: usize,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let horizon = Memo::new(move |_| state.scenario.with(|s| s.horizon_months));
    let row = move |label: &'static str,
                    hook: &'static str,
                    get: fn(&StrategyResult) -> Option<f64>,
                    show: fn(f64) -> String| {
        let value = Memo::new(move |_| {
            state
                .projection
                .with(|p| p.strategies.get(index).and_then(get))
        });
        view! {
            <div class="figure" data-testid=format!("strategy-{index}-{hook}")
                data-value=move || value.get().map(|v| v.to_string()).unwrap_or_default()>
                <dt>{label}</dt>
                <dd>{move || fmt::or_na(value.get(), show)}</dd>
            </div>
        }
    };
    let payback = Memo::new(move |_| {
        state.projection.with(|p| {
            p.strategies
                .get(index)
                .map(|r| r.payback_month.map(fmt::month))
        })
    });
    // The first month short of cash after every financing, and the largest shortfall.
    let gap = move || {
        state.projection.with(|p| {
            let r = p.strategies.get(index)?;
            Some((r.summary.funding_gap_month?, r.summary.funding_gap_usd))
        })
    };
    view! {
        <dl class="figures">
            {row(n_("NPV"), "npv", |r| Some(r.npv_usd), fmt::usd)}
            {row(n_("EBITDA margin"), "ebitda-margin", |r| Some(r.summary.ebitda_margin), fmt::percent)}
            <div class="figure" data-testid=format!("strategy-{index}-payback")>
                <dt>"Payback"</dt>
                <dd>
                    {move || match payback.get() {
                        Some(Some(m)) => m,
                        _ => tf("not within {n} months", &[("n", &horizon.get().to_string())]),
                    }}
                </dd>
            </div>
            {row(n_("Cash cost per BTC"), "cash-cost", |r| r.summary.cash_cost_per_btc_usd, fmt::usd)}
            {row(n_("All-in cost per BTC"), "all-in-cost", |r| r.summary.all_in_cost_per_btc_usd, fmt::usd)}
            {row(n_("Breakeven BTC price"), "breakeven", |r| r.summary.breakeven_btc_usd, fmt::usd)}
            {row(n_("Mining share of revenue"), "mining-share", |r| Some(r.summary.mining_share), fmt::percent)}
            {row(n_("AI/HPC share of revenue"), "hpc-share", |r| Some(1.0 - r.summary.mining_share), fmt::percent)}
            {row(n_("Cash at the end"), "cash-end", |r| Some(r.summary.cash_end_usd), fmt::usd)}
        </dl>
        // Empty, with an empty data-value, while the strategy has no funding gap (the
        // stylesheet hides it then, as it hides an empty error).
        <p class="gap" data-testid=format!("strategy-{index}-funding-gap")
            data-value=move || gap().map(|(_, usd)| usd.to_string()).unwrap_or_default()>
            {move || gap().map(|(m, usd)| tf("Funding gap from {month}: {usd}", &[("month", &fmt::month(m)), ("usd", &fmt::usd(usd))]))}
        </p>
    }
}

/// Megawatts mining and with AI/HPC at the start and at the end of each year.
#[component]
fn MwSplit(
    /// Index of the strategy.
    index: usize,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let site = Memo::new(move |_| state.scenario.with(|s| s.site_mw()));
    let samples = Memo::new(move |_| {
        state.projection.with(|p| {
            let Some(r) = p.strategies.get(index) else {
                return Vec::new();
            };
            let n = r.months.len();
            (0..n)
                .step_by(12)
                .chain((n > 0 && (n - 1) % 12 != 0).then_some(n - 1))
                .filter_map(|m| r.months.get(m))
                .map(|m| {
                    (
                        fmt::month(m.month),
                        m.month.year.to_string(),
                        m.mining_mw,
                        m.hpc_mw,
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <figure class="mw-split">
            <figcaption>"Megawatts over time (at the meter)"</figcaption>
            <ol>
                {move || {
                    let site = site.get().max(f64::MIN_POSITIVE);
                    samples
                        .get()
                        .into_iter()
                        .map(|(month, year, mining, hpc)| {
                            let text = tf(
                                "{month}: {mining} MW mining, {hpc} MW AI/HPC",
                                &[
                                    ("month", &month),
                                    ("mining", &hashpivot_model::format::fixed(mining, 0)),
                                    ("hpc", &hashpivot_model::format::fixed(hpc, 0)),
                                ],
                            );
                            let pct = |mw: f64| format!("{:.1}%", (mw / site * 100.0).clamp(0.0, 100.0));
                            view! {
                                <li title=text.clone()>
                                    <span class="visually-hidden">{text.clone()}</span>
                                    <span class="bar" aria-hidden="true">
                                        <span class="mining" style:height=pct(mining)></span>
                                        <span class="hpc" style:height=pct(hpc)></span>
                                    </span>
                                    <span class="tick" aria-hidden="true">{year}</span>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
        </figure>
    }
}
