//! The page: inputs on one side, figures and charts on the other.

use hashpivot_charts::canvas;
use hashpivot_model::{format, Network};
use leptos::prelude::*;

use crate::components::{ChartCanvas, Kpi, NumberInput};
use crate::state::{AppState, Field};

/// The Hashpivot app. Provides [`AppState`] as context to everything below it.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new(Network::default());
    provide_context(state);
    let network_hashrate = Signal::derive(move || state.network.with(Network::hashrate_eh_s));
    let sats = Signal::derive(move || state.network.with(Network::hashprice_sats_per_th_day));
    let alt = Signal::derive(move || state.curve.with(|c| c.alt_text()));

    view! {
        <header class="masthead">
            <h1>"Hashpivot"</h1>
            <p class="tagline">
                "Keep mining Bitcoin, or lease the megawatts to AI? Move the market and see what a petahash earns."
            </p>
        </header>
        <main class="workbench">
            <section class="panel inputs" aria-labelledby="inputs-title">
                <h2 id="inputs-title">"Market and network"</h2>
                {Field::ALL.into_iter().map(|field| view! { <NumberInput field=field /> }).collect_view()}
            </section>
            <section class="panel results" aria-labelledby="results-title">
                <h2 id="results-title">"What a petahash earns"</h2>
                <div class="kpis">
                    <Kpi
                        label="Hashprice"
                        unit="USD/PH/day"
                        testid="kpi-hashprice"
                        value=state.hashprice
                        format=|v| format::fixed(v, 2)
                    />
                    <Kpi
                        label="Hashprice"
                        unit="sats/TH/day"
                        testid="kpi-hashprice-sats"
                        value=sats
                        format=|v| format::fixed(v, 2)
                    />
                    <Kpi
                        label="Network hashrate"
                        unit="EH/s"
                        testid="kpi-network-hashrate"
                        value=network_hashrate
                        format=|v| format::fixed(v, 1)
                    />
                </div>
                <ChartCanvas
                    testid="chart-hashprice"
                    alt=alt
                    draw=move |el, style| {
                        state.curve.with(|c| canvas::render(el, style, |area| c.draw(area, style)))
                    }
                />
            </section>
        </main>
        <footer class="colophon">
            <p>
                "Defaults: network snapshot of 12 January 2026 (Hashrate Index weekly roundup). "
                "Hashprice = 144 x (subsidy + fees) x BTC price / network hashrate in PH/s. "
                "Illustrative figures, not investment advice."
            </p>
        </footer>
    }
}
