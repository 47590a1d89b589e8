//! The page: presets and theme on top, then the headline figures, the inputs beside the
//! strategies, the six charts and the monthly table.

use hashpivot_model::query;
use leptos::prelude::*;

use crate::components::embed::{self, Embed};
use crate::components::{
    Charts, Exchange, Headline, InputsPanel, LangSwitch, LinkBanner, MonthTable, PresetPicker,
    Strategies, ThemeSwitch,
};

use crate::state::AppState;
use crate::theme::ThemeState;

/// Link keys the page itself reads (the model ignores them).
pub const PAGE_KEYS: [&str; 4] = ["lang", "embed", "view", "controls"];

/// What both the page and the widget set up from the link: the state (provided as context with
/// the theme), the page's own link pairs and the messages about what was ignored.
struct Setup {
    claimed: Vec<(String, String)>,
    problems: Vec<String>,
}

/// Reads the share link, provides [`AppState`] and [`ThemeState`], and starts the Monte Carlo
/// and the address-bar sync. `persist`: whether the theme choice may use storage.
fn setup(persist: bool) -> Setup {
    let search = window().location().search().unwrap_or_default();
    let decoded = query::decode(&search, &PAGE_KEYS);
    let state = AppState::new(decoded.scenario);
    state.preset.set(decoded.preset);
    provide_context(state);
    provide_context(ThemeState::start(persist));
    crate::monte_carlo::keep_running(state);
    crate::share_link::keep_in_address_bar(state, decoded.claimed.clone());
    Setup {
        claimed: decoded.claimed,
        problems: decoded.problems.iter().map(ToString::to_string).collect(),
    }
}

/// Whether the address asks for the embeddable widget: `embed=1`, or the page `widget.html`
/// (the one other sites may frame; see tools/post-build.sh).
/// Read the way `public/embed.js` and `sw-register.js` read it, without decoding the scenario
/// (the page decodes the link once, in `setup`).
pub fn is_widget() -> bool {
    let location = window().location();
    if location
        .pathname()
        .is_ok_and(|p| p.ends_with("/widget.html"))
    {
        return true;
    }
    let search = location.search().unwrap_or_default();
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()
        .and_then(|p| p.get("embed"))
        .as_deref()
        == Some("1")
}

/// The embeddable widget (see [`crate::components::embed`]). It keeps nothing in storage.
#[component]
pub fn Widget() -> impl IntoView {
    let Setup {
        claimed,
        mut problems,
    } = setup(false);
    let request = embed::request(&claimed);
    problems.extend(request.problems.iter().cloned());
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-embed", "1");
    }
    view! {
        <LinkBanner problems=problems />
        <Embed request=request claimed=claimed />
    }
}

/// The Hashpivot app. Reads the share link in the address bar, and provides [`AppState`] and
/// [`ThemeState`] as context to everything below it.
#[component]
pub fn App() -> impl IntoView {
    let Setup { problems, .. } = setup(true);
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
                <LangSwitch />
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
                <Exchange />
            </div>
        </main>
        <footer class="colophon">
            // One sentence a text node, so each is a key of the catalogues.
            <p>
                <span>"Defaults: network snapshot of 12 January 2026 (Hashrate Index weekly roundup); deals from the companies' announcements, each with its source."</span>
                " "
                <span>"Hashprice = 144 x (subsidy + fees) x BTC price / network hashrate in PH/s."</span>
                " "
                <span>"Everything is computed in your browser. Illustrative figures, not investment advice."</span>
            </p>
        </footer>
    }
}
