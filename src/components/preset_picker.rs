//! One click loads a preset: the network snapshot, a machine, a company-like set of strategies
//! or an announced deal. The loaded preset's source and as-of date are shown with a link.

use hashpivot_model::presets::{self, Kind};
use leptos::prelude::*;

use crate::i18n::n_;
use crate::state::AppState;

/// The preset menu and the loaded preset's source.
#[component]
pub fn PresetPicker() -> impl IntoView {
    let state = expect_context::<AppState>();
    let error = RwSignal::new(None::<String>);
    let load = move |id: String| {
        let Some(s) = presets::scenario(&id) else {
            return;
        };
        error.set(state.replace(s, Some(id)).err().map(|e| e.to_string()));
    };
    let group = |kind: Kind, label: &'static str| {
        let items = presets::all()
            .into_iter()
            .filter(|p| p.kind == kind)
            .map(|p| {
                let id = p.id;
                view! { <option value=id selected=move || state.preset.with(|s| s.as_deref() == Some(id))>{p.name}</option> }
            })
            .collect_view();
        view! { <optgroup label=label>{items}</optgroup> }
    };
    let loaded = Memo::new(move |_| state.preset.with(|p| p.as_deref().and_then(presets::get)));
    view! {
        <div class="preset-picker">
            <label for="preset">"Start from a preset"</label>
            <select id="preset" data-testid="preset" on:change=move |ev| load(event_target_value(&ev))>
                <option value="" disabled selected=move || state.preset.with(Option::is_none)>
                    "Choose a preset..."
                </option>
                {group(Kind::Company, n_("Companies (strategy sets)"))}
                {group(Kind::Deal, n_("Announced AI/HPC deals"))}
                {group(Kind::Machine, n_("Machines"))}
                {group(Kind::Network, n_("Network"))}
            </select>
            <p class="error" role="alert">{move || error.get()}</p>
            {move || {
                loaded
                    .get()
                    .map(|p| {
                        view! {
                            <p class="preset-source" data-testid="preset-source">
                                <strong>{p.name}</strong>
                                ": "
                                {p.summary}
                                " Source: "
                                <a href=p.source.url.clone() target="_blank" rel="noopener noreferrer">
                                    {p.source.title.clone()}
                                </a>
                                ", as of "
                                <time datetime=p.source.as_of.clone()>{p.source.as_of.clone()}</time>
                                ". Illustrative, not company guidance."
                            </p>
                        }
                    })
            }}
        </div>
    }
}
