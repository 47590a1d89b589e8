//! Light and dark: follow the system by default, or the user's choice from the switch.
//!
//! The choice is kept in `localStorage` when the browser allows it (an embedded widget may not
//! have storage; then it simply is not kept). The page's colours follow `data-theme` on
//! `<html>`; charts read [`ThemeState::dark`].
//!
//! # See also
//! [`crate::components::ThemeSwitch`].

use leptos::prelude::*;

use crate::i18n::n_;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Storage key of the user's choice.
const STORAGE_KEY: &str = "hashpivot.theme";

/// What the user chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follow the system's light or dark setting.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// Every choice, in the switch's order.
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    /// Value stored and used in `data-theme`.
    pub fn key(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// Label shown in the switch.
    pub fn label(self) -> &'static str {
        match self {
            Theme::System => n_("System"),
            Theme::Light => n_("Light"),
            Theme::Dark => n_("Dark"),
        }
    }

    /// The choice stored as `key`; anything else (a corrupted entry) is `System`.
    pub fn from_key(key: &str) -> Theme {
        Theme::ALL
            .into_iter()
            .find(|t| t.key() == key)
            .unwrap_or_default()
    }
}

/// The user's choice and the system's current setting. `Copy`; provided as context.
#[derive(Debug, Clone, Copy)]
pub struct ThemeState {
    /// The user's choice.
    pub choice: RwSignal<Theme>,
    /// Whether the system asks for dark.
    pub system_dark: RwSignal<bool>,
}

impl ThemeState {
    /// Whether the page is dark now.
    pub fn dark(&self) -> bool {
        match self.choice.get() {
            Theme::System => self.system_dark.get(),
            Theme::Light => false,
            Theme::Dark => true,
        }
    }

    /// Reads the stored choice (if `persist`) and the system setting, follows changes to both,
    /// and keeps `<html data-theme>` in step. With `persist` false nothing is read from or
    /// written to storage (the embedded widget).
    pub fn start(persist: bool) -> ThemeState {
        let storage = move || if persist { storage() } else { None };
        let stored = storage()
            .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
            .map(|k| Theme::from_key(&k))
            .unwrap_or_default();
        let query = window()
            .match_media("(prefers-color-scheme: dark)")
            .ok()
            .flatten();
        let state = ThemeState {
            choice: RwSignal::new(stored),
            system_dark: RwSignal::new(query.as_ref().is_some_and(|q| q.matches())),
        };
        if let Some(q) = query {
            let system_dark = state.system_dark;
            let on_change = Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(
                move |ev: web_sys::MediaQueryListEvent| system_dark.set(ev.matches()),
            );
            let _ =
                q.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
            // Lives as long as the page: one listener for the app's lifetime.
            on_change.forget();
        }
        let choice = state.choice;
        Effect::new(move |_| {
            let theme = choice.get();
            if let Some(root) = document().document_element() {
                let _ = root.set_attribute("data-theme", theme.key());
            }
            if let Some(s) = storage() {
                let _ = s.set_item(STORAGE_KEY, theme.key());
            }
        });
        state
    }
}

/// `localStorage`, if the browser lets this page use it.
fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_keys_round_trip_and_junk_means_system() {
        for t in Theme::ALL {
            assert_eq!(Theme::from_key(t.key()), t);
        }
        assert_eq!(Theme::from_key("<script>"), Theme::System);
        assert_eq!(Theme::from_key(""), Theme::System);
    }
}
