//! The Hashpivot app's wasm entry points. Everything else lives in the library.

use wasm_bindgen::prelude::wasm_bindgen;

/// Nothing: `public/lang.js` (or `public/i18n/i18n.js`) starts the app through [`start_in`]
/// once it knows the page's language (and has its catalogue).
fn main() {}

// Installs the page's language and mounts the app: `page` is the language's code, then, after
// a line break, its catalogue (see `hashpivot::i18n::start_in`). A plain comment: a doc comment
// would be copied into the JS glue of the first load.
#[wasm_bindgen]
pub fn start_in(page: String) {
    hashpivot::i18n::start_in(page);
}
