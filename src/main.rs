//! The Hashpivot app's wasm entry points. Everything else lives in the library.

use wasm_bindgen::prelude::wasm_bindgen;

/// Nothing: `index.html`'s script starts the app through [`start_in`] once it knows the page's
/// language (and has its catalogue).
fn main() {}

/// Installs the page's language (`en`, or another with its catalogue) and mounts the app (see
/// `hashpivot::i18n`).
#[wasm_bindgen]
pub fn start_in(code: &str, catalogue: String) {
    hashpivot::i18n::start_in(code, catalogue);
}
