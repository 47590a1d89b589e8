//! What the model flags on the current scenario: inputs that disagree (a fleet the site cannot
//! power, a start height far from the start month) and results to know of (a strategy's
//! funding gap), as a notice beside the inputs. Not an error: the page shows the results all
//! the same, and the notice says what the model did with the inputs.
//!
//! The messages are the model's English text ([`hashpivot_model::Warning`]) inside a translated
//! heading, as the import errors are.

use leptos::prelude::*;

use crate::state::AppState;

/// The current projection's warnings, one list item each, under a heading; hidden when there
/// is none. The `role="status"` region stays on the page so that screen readers hear each
/// change of its content.
#[component]
pub fn Warnings() -> impl IntoView {
    let state = expect_context::<AppState>();
    let p = state.projection;
    view! {
        <div role="status">
            <section
                class="banner warnings"
                data-testid="warnings"
                hidden=move || p.with(|p| p.warnings.is_empty())
            >
                <h3>"What the model flags"</h3>
                <ul>
                    {move || {
                        p.with(|p| {
                            p.warnings
                                .iter()
                                .map(|w| view! { <li>{w.message.clone()}</li> })
                                .collect_view()
                        })
                    }}
                </ul>
            </section>
        </div>
    }
}
