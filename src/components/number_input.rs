//! A model input as a slider and a typed field kept in sync, with unit, help and source.

use leptos::prelude::*;

use crate::state::{AppState, Field};
use hashpivot_model::format;

/// Slider plus typed field for one [`Field`] of the [`AppState`] in context.
///
/// The typed text is the user's own: it is never rewritten while it parses to the current value,
/// and a value the model rejects stays in the box with the model's message beside it while the
/// rest of the page keeps the last good result.
#[component]
pub fn NumberInput(
    /// Which input this is; gives key, label, unit and ranges.
    field: Field,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let bound = field.bound();
    let value = Memo::new(move |_| state.network.with(|n| field.get(n)));
    // What the user typed last; cleared when the slider takes over.
    let typed = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    // The box shows the user's own text while it is wrong (so nothing typed is lost) or still
    // means the current value; otherwise the current value, formatted for reading.
    let shown = move || {
        let v = value.get();
        typed
            .get()
            .filter(|t| error.with(Option::is_some) || bound.parse(t).ok() == Some(v))
            .unwrap_or_else(|| format::plain(v))
    };

    let commit_typed = move |text: String| {
        let result = bound.parse(&text).and_then(|v| state.set(field, v));
        typed.set(Some(text));
        error.set(result.err().map(|e| e.to_string()));
    };
    let commit_slider = move |raw: String| {
        typed.set(None);
        error.set(
            bound
                .parse(&raw)
                .and_then(|v| state.set(field, v))
                .err()
                .map(|e| e.to_string()),
        );
    };

    let key = bound.key;
    let label_id = format!("in-{key}-label");
    let help_id = format!("in-{key}-help");
    let error_id = format!("in-{key}-error");
    let described = format!("{help_id} {error_id}");
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label id=label_id.clone() for=format!("in-{key}")>
                {bound.label}
                " "
                <span class="unit">"(" {bound.unit} ")"</span>
            </label>
            <div class="field-controls">
                <input
                    type="range"
                    data-testid=format!("slider-{key}")
                    aria-labelledby=label_id
                    min=bound.slider_min
                    max=bound.slider_max
                    step=bound.step
                    prop:value=move || value.get().to_string()
                    on:input=move |ev| commit_slider(event_target_value(&ev))
                />
                <input
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    id=format!("in-{key}")
                    data-testid=format!("input-{key}")
                    aria-describedby=described
                    aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                    prop:value=shown
                    on:input=move |ev| commit_typed(event_target_value(&ev))
                />
            </div>
            <p class="help" id=help_id>
                {field.help()}
                " "
                <span class="source">"Default: " {field.source()}</span>
            </p>
            <p class="error" id=error_id role="alert" data-testid=format!("error-{key}")>
                {move || error.get()}
            </p>
        </div>
    }
}
