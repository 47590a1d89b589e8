//! The banner a share link with bad or unknown keys opens with: each ignored key and why.

use leptos::prelude::*;

/// Lists what the link asked for that could not be used; everything else has loaded.
#[component]
pub fn LinkBanner(
    /// The model's messages, one per ignored key.
    problems: Vec<String>,
) -> impl IntoView {
    let shown = RwSignal::new(!problems.is_empty());
    move || {
        shown.get().then(|| {
            view! {
            <div class="banner" role="status" data-testid="link-banner">
                <p>
                    <strong>"Part of this link was ignored."</strong>
                    " Everything else has loaded."
                </p>
                <ul>
                    {problems.iter().map(|p| view! { <li>{p.clone()}</li> }).collect_view()}
                </ul>
                <button type="button" class="link-button" on:click=move |_| shown.set(false)>
                    "Dismiss"
                </button>
            </div>
            }
        })
    }
}
