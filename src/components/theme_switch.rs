//! The light/dark switch: System, Light or Dark.

use leptos::prelude::*;

use crate::theme::{Theme, ThemeState};

/// A labelled menu bound to the [`ThemeState`] in context.
#[component]
pub fn ThemeSwitch() -> impl IntoView {
    let theme = expect_context::<ThemeState>();
    view! {
        <div class="theme-switch">
            <label for="theme">"Theme"</label>
            <select
                id="theme"
                data-testid="theme"
                on:change=move |ev| theme.choice.set(Theme::from_key(&event_target_value(&ev)))
            >
                {Theme::ALL
                    .into_iter()
                    .map(|t| {
                        view! {
                            <option value=t.key() selected=move || theme.choice.get() == t>
                                {t.label()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
