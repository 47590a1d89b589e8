//! The inputs, grouped as a CFO thinks of them (see [`crate::inputs::GROUPS`]), each group a
//! foldable section.

use hashpivot_model::ValidationError;
use leptos::prelude::*;

use crate::components::debt::DebtList;
use crate::components::{ScalarInput, Warnings};
use crate::inputs::GROUPS;
use crate::state::AppState;

/// The model's warnings, every input group, and the Monte Carlo seed.
#[component]
pub fn InputsPanel() -> impl IntoView {
    view! {
        <aside class="panel inputs" aria-labelledby="inputs-title">
            <h2 id="inputs-title">"Inputs"</h2>
            <Warnings />
            {GROUPS
                .iter()
                .map(|g| {
                    let title_id = format!("group-{}", g.id);
                    view! {
                        <details class="group" open=g.open data-testid=format!("group-{}", g.id)>
                            <summary id=title_id>{g.title}</summary>
                            {g.inputs.iter().map(|i| view! { <ScalarInput key=i.key /> }).collect_view()}
                            {(g.id == "financing").then(|| view! { <DebtList /> })}
                            {(g.id == "simulation").then(|| view! { <SeedInput /> })}
                        </details>
                    }
                })
                .collect_view()}
        </aside>
    }
}

/// The Monte Carlo seed: a whole number; the same seed gives the same paths everywhere.
#[component]
fn SeedInput() -> impl IntoView {
    let state = expect_context::<AppState>();
    let seed = Memo::new(move |_| state.scenario.with(|s| s.monte_carlo.seed));
    let typed = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let commit = move |text: String| {
        let result = text
            .trim()
            .parse::<u64>()
            .map_err(|_| ValidationError {
                field: "seed".into(),
                label: "Seed".into(),
                value: text.clone(),
                allowed: format!("a whole number from 0 to {}", u64::MAX),
            })
            .and_then(|v| state.update(|s| s.monte_carlo.seed = v));
        typed.set(Some(text));
        error.set(result.err().map(|e| e.to_string()));
    };
    let shown = move || {
        typed
            .get()
            .filter(|_| error.with(Option::is_some))
            .unwrap_or_else(|| seed.get().to_string())
    };
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for="in-seed">"Seed"</label>
            <input
                type="text"
                inputmode="numeric"
                autocomplete="off"
                id="in-seed"
                data-testid="input-seed"
                aria-describedby="in-seed-help in-seed-error"
                aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                prop:value=shown
                on:input=move |ev| commit(event_target_value(&ev))
            />
            <p class="help" id="in-seed-help">
                "The same seed gives the same Monte Carlo paths, in the browser and in the CLI."
                <span class="source">"Default: 42."</span>
            </p>
            <p class="error" id="in-seed-error" role="alert" data-testid="error-seed">{move || error.get()}</p>
        </div>
    }
}
