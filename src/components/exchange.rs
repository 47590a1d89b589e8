//! The "Export and import" panel: the monthly table as CSV, the scenario as JSON, and a scenario
//! file to load (by file picker, or dropped anywhere on the page).
//!
//! Static markup only: `public/exchange.js` handles the buttons and the file, and a Web Worker
//! (`crates/worker`) does the work, so none of it weighs on the first load. Each chart has its
//! own SVG and PNG buttons ([`crate::components::ChartCanvas`]).
//!
//! # See also
//! [`crate::share_link`], whose `hashpivot:flush` and `hashpivot:load` events connect the
//! script to the page's state.

use leptos::prelude::*;

/// The panel. Test hooks: `export-csv`, `export-json`, `import-file`, `exchange-status`.
#[component]
pub fn Exchange() -> impl IntoView {
    view! {
        <section class="exchange" aria-labelledby="exchange-title">
            <h2 id="exchange-title">"Export and import"</h2>
            <p class="exchange-actions">
                <button type="button" data-export="csv" data-testid="export-csv">
                    "Monthly table, all strategies (CSV)"
                </button>
                <button type="button" data-export="json" data-testid="export-json">
                    "Scenario (JSON)"
                </button>
                <label class="import">
                    "Import a scenario (JSON), or drop the file on the page "
                    <input type="file" accept=".json,application/json" data-testid="import-file" />
                </label>
            </p>
            // The script's messages, here so they are translated with the page.
            <p
                class="exchange-status"
                role="status"
                data-testid="exchange-status"
                data-msg-preparing="Preparing {name}…"
                data-msg-saved="Saved {name}."
                data-msg-imported="Imported {name}."
                data-msg-refused="{name}: {error}. Nothing was changed."
                data-msg-unreadable="{name}: the file could not be read. Nothing was changed."
                data-msg-failed="Export failed: {error}"
            ></p>
        </section>
    }
}
