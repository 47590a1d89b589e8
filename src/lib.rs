//! Hashpivot in the browser: Leptos CSR components over [`hashpivot_model`], with charts from
//! [`hashpivot_charts`] painted on canvases.
//!
//! Layout: [`state`] holds the reactive state (testable natively), [`components`] the view
//! pieces, [`app`] puts them together.

pub mod app;
pub mod components;
pub mod state;

pub use app::App;

/// Installs the panic hook and mounts [`App`] on `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}
