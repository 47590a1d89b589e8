//! A headline figure with its unit, carrying the raw number for tests and tools.

use leptos::prelude::*;

/// One key figure: label, formatted value, unit. The raw value is in `data-value` (empty when
/// the figure does not exist, e.g. no breakeven without mining) and the element is found by
/// `data-testid` (see the README's list of test hooks).
#[component]
pub fn Kpi(
    /// What the figure is, e.g. "Hashprice".
    label: &'static str,
    /// Unit shown after the value, e.g. "USD/PH/day".
    unit: &'static str,
    /// Stable test hook, e.g. "kpi-hashprice".
    testid: &'static str,
    /// The raw value; not finite when the figure does not exist.
    #[prop(into)]
    value: Signal<f64>,
    /// How the value reads on screen.
    format: fn(f64) -> String,
    /// A short note under the figure (what it is of).
    #[prop(optional)]
    note: &'static str,
) -> impl IntoView {
    let raw = move || {
        let v = value.get();
        if v.is_finite() {
            v.to_string()
        } else {
            String::new()
        }
    };
    let shown = move || {
        let v = value.get();
        if v.is_finite() {
            format(v)
        } else {
            crate::i18n::n_("n/a").into()
        }
    };
    view! {
        <div class="kpi" data-testid=testid data-value=raw>
            <span class="kpi-label">{label}</span>
            <span class="kpi-value">{shown} " " <span class="kpi-unit">{unit}</span></span>
            {(!note.is_empty()).then(|| view! { <span class="kpi-note">{note}</span> })}
        </div>
    }
}
