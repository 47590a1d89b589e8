//! A model input as a slider and a typed field kept in sync, with unit, help and source.
//!
//! # Usage
//! ```ignore
//! view! { <ScalarInput key="btc" /> }
//! ```
//!
//! # See also
//! [`crate::inputs`] for the words around each input; [`crate::state::AppState::update`] for
//! how a value is accepted or refused.

use hashpivot_model::format;
use leptos::prelude::*;

use crate::field::FieldPath;
use crate::i18n;
use crate::inputs;
use crate::state::AppState;

/// Slider plus typed field for the number at `path` in the [`AppState`] in context.
///
/// The typed text is the user's own: it is never rewritten while it parses to the current value,
/// and a value the model rejects stays in the box with the model's message beside it while the
/// rest of the page keeps the last good result.
#[component]
pub fn NumberInput(
    /// Where the number lives; gives the test hooks `slider-{id}`, `input-{id}`, `error-{id}`.
    path: FieldPath,
    /// One line on what the input means.
    #[prop(default = None)]
    help: Option<&'static str>,
    /// Where the default comes from.
    #[prop(default = None)]
    source: Option<&'static str>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = path.id();
    let Some(bound) = path.bound() else {
        return view! { <p class="error">"Unknown input: " {id}</p> }.into_any();
    };
    let value = Memo::new(move |_| state.scenario.with(|s| path.get(s).unwrap_or(0.0)));
    let set = move |v: f64| state.set(path, v);
    // What the user typed last; cleared when the slider takes over.
    let typed = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    // The box shows the user's own text while it is wrong (so nothing typed is lost) or still
    // means the current value; otherwise the current value, formatted for reading.
    let shown = move || {
        let v = value.get();
        typed
            .get()
            .filter(|t| {
                error.with(Option::is_some) || bound.parse(&i18n::delocalize(t)).ok() == Some(v)
            })
            .unwrap_or_else(|| format::plain(v))
    };
    // A slider's value is always written the model's way; typed text in the page's language.
    let commit = move |text: String, from_slider: bool| {
        let parsed = if from_slider {
            bound.parse(&text)
        } else {
            bound.parse(&i18n::delocalize(&text)).map_err(|mut e| {
                e.value.clone_from(&text);
                e
            })
        };
        let result = parsed.and_then(set);
        typed.set((!from_slider).then_some(text));
        error.set(result.err().map(|e| e.to_string()));
    };

    let label_id = format!("in-{id}-label");
    let help_id = format!("in-{id}-help");
    let error_id = format!("in-{id}-error");
    let described = format!("{help_id} {error_id}");
    let unit =
        (!bound.unit.is_empty()).then(|| view! { <span class="unit">"(" {bound.unit} ")"</span> });
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label id=label_id.clone() for=format!("in-{id}")>
                {bound.label}
                " "
                {unit}
            </label>
            <div class="field-controls">
                <input
                    type="range"
                    data-testid=format!("slider-{id}")
                    aria-labelledby=label_id
                    min=bound.slider_min
                    max=bound.slider_max
                    step=bound.step
                    prop:value=move || value.get().to_string()
                    on:input=move |ev| commit(event_target_value(&ev), true)
                />
                <input
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    id=format!("in-{id}")
                    data-testid=format!("input-{id}")
                    aria-describedby=described
                    aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                    prop:value=shown
                    on:input=move |ev| commit(event_target_value(&ev), false)
                />
            </div>
            {help
                .map(|h| {
                    view! {
                        <p class="help" id=help_id.clone()>
                            {h}
                            {source.map(|s| view! { <span class="source">"Default: " {s}</span> })}
                        </p>
                    }
                })}
            <p class="error" id=error_id role="alert" data-testid=format!("error-{id}")>
                {move || error.get()}
            </p>
        </div>
    }
    .into_any()
}

/// A scenario input by its share-link key (e.g. `btc`), with the words from [`inputs`].
#[component]
pub fn ScalarInput(
    /// Share-link key of the input.
    key: &'static str,
) -> impl IntoView {
    let info = inputs::info(key);
    view! {
        <NumberInput
            path=FieldPath::Scalar(key)
            help=info.map(|i| i.help)
            source=info.map(|i| i.source)
        />
    }
}
