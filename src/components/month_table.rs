//! The monthly table of one strategy: the same rows and columns the CLI prints
//! (`hashpivot simulate --format csv`), sortable by any column.
//!
//! The table is built only while it is open, so moving a slider with it folded costs nothing.

use leptos::prelude::*;

mod rows;
use rows::{rows_html, Sort, COLUMNS};

use crate::components::strategy_select::StrategySelect;
use crate::i18n::n_;
use crate::state::AppState;

/// The monthly table, folded by default, for a strategy the user picks.
#[component]
pub fn MonthTable() -> impl IntoView {
    let state = expect_context::<AppState>();
    let open = RwSignal::new(false);
    let strategy = RwSignal::new(0_usize);
    let sort = RwSignal::new(Sort {
        column: None,
        descending: false,
    });
    let header = move |col: Option<usize>, title: &'static str, unit: &'static str| {
        let aria = move || {
            let s = sort.get();
            match (s.column == col, s.descending) {
                (false, _) => "none",
                (true, false) => "ascending",
                (true, true) => "descending",
            }
        };
        let click = move |_| {
            sort.update(|s| {
                if s.column == col {
                    s.descending = !s.descending;
                } else {
                    *s = Sort {
                        column: col,
                        descending: false,
                    };
                }
            })
        };
        let key = col.and_then(|c| COLUMNS.get(c)).map_or("month", |c| c.key);
        view! {
            <th scope="col" aria-sort=aria>
                <button type="button" class="sort" data-testid=format!("sort-{key}") on:click=click>
                    {title}
                    {(!unit.is_empty()).then(|| view! { <span class="unit">" (" {unit} ")"</span> })}
                </button>
            </th>
        }
    };
    // The rows as one HTML string: a few thousand cells set in one go are faster and far
    // smaller in wasm than one view per cell. Every cell is a formatted number or month, never
    // user text (see `rows_html`).
    let body = move || {
        let (si, s) = (strategy.get(), sort.get());
        state.projection.with(|p| {
            p.strategies
                .get(si)
                .or_else(|| p.strategies.first())
                .map(|r| rows_html(&r.months, s))
                .unwrap_or_default()
        })
    };
    view! {
        <details
            class="panel month-table"
            data-testid="month-table"
            on:toggle=move |ev| {
                use wasm_bindgen::JsCast;
                let now = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
                    .is_some_and(|d| d.open());
                open.set(now);
            }
        >
            <summary>
                <h2>"Month by month"</h2>
            </summary>
            {move || {
                open.get().then(|| view! {
                <div class="table-tools">
                    <StrategySelect id="table-strategy" label="Strategy" selected=strategy />
                    <span class="unit">"Money in USD, power in MW at the meter. Same numbers as the CLI's CSV."</span>
                </div>
                <div class="table-scroll" tabindex="0" role="region" aria-label="Monthly table, scrolls sideways">
                    <table>
                        <thead>
                            <tr>
                                {header(None, n_("Month"), "")}
                                {COLUMNS
                                    .iter()
                                    .enumerate()
                                    .map(|(i, c)| header(Some(i), c.title, c.unit))
                                    .collect_view()}
                            </tr>
                        </thead>
                        <tbody inner_html=body></tbody>
                    </table>
                </div>
                })
            }}
        </details>
    }
}
