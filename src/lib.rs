//! Hashpivot in the browser: Leptos CSR components over [`hashpivot_model`], with charts from
//! [`hashpivot_charts`] painted on canvases.
//!
//! Layout: [`state`] holds the reactive state (testable natively), [`inputs`] the catalogue of
//! inputs with their help and sources, [`components`] the view pieces (one file each),
//! [`theme`] light and dark, [`fmt`] numbers for reading, [`i18n`] the language, and [`app`]
//! puts them together.

pub mod app;
pub mod components;
pub mod field;
pub mod fmt;
pub mod i18n;
pub mod inputs;
pub mod monte_carlo;
pub mod panic_panel;
pub mod share_link;
pub mod state;
pub mod theme;

pub use app::App;

/// Installs the panic hook ([`panic_panel`]) and mounts [`App`] on `<body>`, or the widget
/// ([`app::Widget`]) when the address asks for it with `embed=1`. `public/boot.js` calls it (through
/// [`i18n::start_in`]) once the page's language is known and its catalogue is in.
pub fn start() {
    panic_panel::install();
    // The masthead index.html shows while the wasm loads: the app draws its own.
    if let Some(prerender) = leptos::prelude::document().get_element_by_id("prerender") {
        prerender.remove();
    }
    if app::is_widget() {
        leptos::mount::mount_to_body(app::Widget);
    } else {
        leptos::mount::mount_to_body(App);
    }
}
