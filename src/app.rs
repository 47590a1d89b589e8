//! The page: presets and theme on top, then the headline figures, the inputs beside the
//! strategies, the six charts and the monthly table.

use std::time::Duration;

use hashpivot_model::query;
use leptos::prelude::*;

use crate::components::{
    Charts, Headline, InputsPanel, LinkBanner, MonthTable, PresetPicker, Strategies, ThemeSwitch,
};
use crate::state::AppState;
use crate::theme::ThemeState;

/// Link keys the page itself reads (the model ignores them).
pub const PAGE_KEYS: [&str; 4] = ["lang", "embed", "view", "controls"];

/// How long inputs must rest before the Monte Carlo reruns.
const MONTE_CARLO_DELAY: Duration = Duration::from_millis(150);

/// The Hashpivot app. Reads the share link in the address bar, and provides [`AppState`] and
/// [`ThemeState`] as context to everything below it.
#[component]
pub fn App() -> impl IntoView {
    let search = window().location().search().unwrap_or_default();
    let decoded = query::decode(&search, &PAGE_KEYS);
    let state = AppState::new(decoded.scenario);
    state.preset.set(decoded.preset);
    provide_context(state);
    provide_context(ThemeState::start());
    rerun_monte_carlo_when_idle(state);
    crate::share_link::keep_in_address_bar(state, decoded.claimed.clone());
    let problems: Vec<String> = decoded.problems.iter().map(ToString::to_string).collect();

    view! {
        <a class="skip-link" href="#results">"Skip to the strategies and charts"</a>
        <header class="masthead">
            <div class="brand">
                <h1>"Hashpivot"</h1>
                <p class="tagline">
                    "Keep mining Bitcoin, or lease the megawatts to AI? Compare strategies on the same site."
                </p>
            </div>
            <div class="masthead-tools">
                <PresetPicker />
                <ThemeSwitch />
            </div>
        </header>
        <LinkBanner problems=problems />
        <Headline />
        <main class="workbench">
            <InputsPanel />
            <div class="results" id="results">
                <Strategies />
                <Charts />
                <MonthTable />
            </div>
        </main>
        <footer class="colophon">
            <p>
                "Defaults: network snapshot of 12 January 2026 (Hashrate Index weekly roundup); deals from the companies' announcements, each with its source. "
                "Hashprice = 144 x (subsidy + fees) x BTC price / network hashrate in PH/s. "
                "Everything is computed in your browser. Illustrative figures, not investment advice."
            </p>
        </footer>
    }
}

/// Reruns the Monte Carlo once the scenario has not changed for [`MONTE_CARLO_DELAY`], so a
/// slider drag is never held up by it; the chart says it is recomputing meanwhile.
fn rerun_monte_carlo_when_idle(state: AppState) {
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        state.scenario.track();
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        let handle =
            set_timeout_with_handle(move || state.run_monte_carlo(), MONTE_CARLO_DELAY).ok();
        pending.set_value(handle);
    });
}
