//! What the user sees if the app ever panics: a wasm panic stops the app for good, so instead
//! of a page that no longer answers, a panel says so, keeps the share link (every input the
//! user had, as far as the address bar had caught up) and offers a reload and a reset.
//!
//! Built with plain DOM calls that cannot panic themselves (every failure is ignored): the
//! reactive system is not to be trusted once a panic has happened. Its English text (marked
//! with `n_`) is translated by `public/i18n/i18n.js` as it lands in the page.
//!
//! # See also
//! [`crate::start`], which installs [`install`]; `tests/e2e/hostile.test.mjs`, which triggers
//! [`crash_for_test`].

use wasm_bindgen::prelude::wasm_bindgen;

use crate::i18n::n_;

/// Installs the panic hook: the message to the console (as `console_error_panic_hook` does),
/// then the panel.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show();
    }));
}

/// Shows the panel once (a second panic keeps the first panel).
fn show() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    if document.get_element_by_id("panic-panel").is_some() {
        return;
    }
    let location = window.location();
    let link = location.href().unwrap_or_default();
    let reset = location.pathname().unwrap_or_else(|_| "./".into());
    let Ok(panel) = document.create_element("section") else {
        return;
    };
    panel.set_id("panic-panel");
    panel.set_class_name("panic-panel");
    let _ = panel.set_attribute("role", "alert");
    let _ = panel.set_attribute("data-testid", "panic-panel");
    // Text through text nodes and attributes only: the link is the user's, not markup.
    let add = |parent: &web_sys::Element, tag: &str, text: &str| {
        let el = document.create_element(tag).ok()?;
        el.set_text_content(Some(text));
        parent.append_child(&el).ok()?;
        Some(el)
    };
    let _ = add(&panel, "h2", n_("Hashpivot stopped on an internal error"));
    let _ = add(
        &panel,
        "p",
        n_("Nothing was sent anywhere. Your inputs are in this page's link: reload it to carry on, copy it to keep it, or start again from the defaults."),
    );
    if let Some(field) = add(&panel, "input", "") {
        let _ = field.set_attribute("readonly", "");
        let _ = field.set_attribute("aria-label", n_("Link with your inputs"));
        let _ = field.set_attribute("value", &link);
        let _ = field.set_attribute("data-testid", "panic-link");
    }
    if let Some(actions) = add(&panel, "p", "") {
        if let Some(a) = add(&actions, "a", n_("Reload with my inputs")) {
            let _ = a.set_attribute("href", &link);
            let _ = a.set_attribute("data-testid", "panic-reload");
        }
        if let Some(a) = add(&actions, "a", n_("Reset to the defaults")) {
            let _ = a.set_attribute("href", &reset);
            let _ = a.set_attribute("data-testid", "panic-reset");
        }
    }
    if let Some(body) = document.body() {
        let _ = body.prepend_with_node_1(&panel);
    }
}

/// Panics on purpose, so the browser tests can see the panel. Harmless: it only stops the
/// page that calls it, which is what any panic would do.
#[wasm_bindgen]
pub fn crash_for_test() {
    panic!("crash_for_test: a deliberate panic from the browser tests");
}
