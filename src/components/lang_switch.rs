//! The language switch: English, Italiano, العربية, 简体中文, each in its own name.
//!
//! The language is fixed for the page's life ([`crate::i18n`]), so choosing another loads the
//! link to what is on screen with `lang=` set: nothing typed is lost, because the whole state
//! is in the link ([`crate::share_link`] writes it 250 ms after the last edit; the switch waits
//! that out first). The menu is static HTML (a Leptos view with a handler cost about 1 KB of
//! the first load); `index.html`'s script selects the page's language in it and handles its
//! `change`, keeping every other pair of the link.

use leptos::prelude::*;

/// A labelled menu of the languages (`#lang`, also the test hook `lang`).
#[component]
pub fn LangSwitch() -> impl IntoView {
    view! {
        <div class="lang-switch">
            <label for="lang">"Language"</label>
            <select id="lang" data-testid="lang">
                <option value="en" lang="en">"English"</option>
                <option value="it" lang="it">"Italiano"</option>
                <option value="ar" lang="ar">"العربية"</option>
                <option value="zh-CN" lang="zh-CN">"简体中文"</option>
            </select>
        </div>
    }
}
