//! The headline figures: what a petahash earns and costs today, and what the pure-mining
//! strategy mines and needs in its first month.

use hashpivot_model::format;
use leptos::prelude::*;

use crate::components::Kpi;
use crate::fmt;
use crate::state::AppState;

/// Hashprice, hashcost, BTC mined in the first month and the cash breakeven BTC price, plus the
/// network figures behind them.
#[component]
pub fn Headline() -> impl IntoView {
    let state = expect_context::<AppState>();
    let pure = state.pure_index();
    let p = state.projection;
    let first_month =
        move |get: fn(&hashpivot_model::projection::StrategyResult) -> Option<f64>| {
            Signal::derive(move || {
                let i = pure.get();
                p.with(|p| p.strategies.get(i).and_then(get).unwrap_or(f64::NAN))
            })
        };
    view! {
        <section class="kpis" aria-label="Headline figures">
            <Kpi
                label="Hashprice"
                unit="USD/PH/day"
                testid="kpi-hashprice"
                value=Signal::derive(move || p.with(|p| p.hashprice_usd_per_ph_day))
                format=|v| format::fixed(v, 2)
                note="What a petahash earns a day"
            />
            <Kpi
                label="Hashcost"
                unit="USD/PH/day"
                testid="kpi-hashcost"
                value=Signal::derive(move || p.with(|p| p.hashcost_usd_per_ph_day))
                format=|v| format::fixed(v, 2)
                note="Energy and cash opex of the fleet"
            />
            <Kpi
                label="BTC mined, first month"
                unit="BTC"
                testid="kpi-btc-month"
                value=first_month(|r| r.months.first().map(|m| m.btc_mined))
                format=|v| fmt::btc(v).trim_end_matches(" BTC").to_string()
                note="Pure-mining strategy"
            />
            <Kpi
                label="Cash breakeven BTC price"
                unit="USD"
                testid="kpi-breakeven-btc"
                value=first_month(|r| r.summary.breakeven_btc_usd)
                format=fmt::usd
                note="Pure mining, first month"
            />
            <Kpi
                label="Hashprice"
                unit="sats/TH/day"
                testid="kpi-hashprice-sats"
                value=Signal::derive(move || p.with(|p| p.hashprice_sats_per_th_day))
                format=|v| format::fixed(v, 2)
            />
            <Kpi
                label="Network hashrate"
                unit="EH/s"
                testid="kpi-network-hashrate"
                value=Signal::derive(move || p.with(|p| p.network_hashrate_eh_s))
                format=|v| format::fixed(v, 1)
            />
        </section>
    }
}
