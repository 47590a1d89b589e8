//! A labelled menu of the scenario's strategies, by name, bound to an index signal.

use leptos::prelude::*;

use crate::state::AppState;

/// Picks a strategy: `selected` holds its index. The id is also the test hook.
#[component]
pub fn StrategySelect(
    /// Element id and `data-testid`, e.g. `table-strategy`.
    id: &'static str,
    /// Text of the label.
    label: &'static str,
    /// The index of the strategy picked.
    selected: RwSignal<usize>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let names = state.strategy_names();
    view! {
        <label for=id>{label}</label>
        <select
            id=id
            data-testid=id
            on:change=move |ev| selected.set(event_target_value(&ev).parse().unwrap_or(0))
        >
            {move || {
                names
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(i, n)| {
                        view! {
                            <option value=i.to_string() selected=move || selected.get() == i>
                                {n}
                            </option>
                        }
                    })
                    .collect_view()
            }}
        </select>
    }
}
