//! A headline figure with its unit, carrying the raw number for tests and tools.

use leptos::prelude::*;

/// One key figure: label, formatted value, unit. The raw value is in `data-value` and the
/// element is found by `data-testid` (see the README's list of test hooks).
#[component]
pub fn Kpi(
    /// What the figure is, e.g. "Hashprice".
    label: &'static str,
    /// Unit shown after the value, e.g. "USD/PH/day".
    unit: &'static str,
    /// Stable test hook, e.g. "kpi-hashprice".
    testid: &'static str,
    /// The raw value.
    #[prop(into)]
    value: Signal<f64>,
    /// How the value reads on screen.
    format: fn(f64) -> String,
) -> impl IntoView {
    view! {
        <div class="kpi" data-testid=testid data-value=move || value.get().to_string()>
            <span class="kpi-label">{label}</span>
            <span class="kpi-value">
                {move || format(value.get())}
                " "
                <span class="kpi-unit">{unit}</span>
            </span>
        </div>
    }
}
