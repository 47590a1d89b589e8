//! Debt outstanding at the start: principal, coupon and maturity of each bond or loan, with add
//! and remove. Interest runs until maturity; principal falling due shows in the monthly table.
//!
//! # See also
//! [`hashpivot_model::bounds::debt`] for the accepted ranges.

use hashpivot_model::bounds::debt::ALL as FIELDS;
use hashpivot_model::scenario::Debt;
use leptos::prelude::*;

use crate::components::NumberInput;
use crate::field::FieldPath;
use crate::i18n::{n_, t, tf};
use crate::state::AppState;

/// One line on a debt term, by key.
fn help(key: &str) -> Option<&'static str> {
    Some(match key {
        "principal_usd" => n_("Amount owed, repaid at maturity (financing, not part of FCF)."),
        "coupon_annual" => n_(
            "Yearly interest as a share of principal (0.08 = 8%; 0 for zero-coupon convertibles).",
        ),
        "maturity_months" => {
            n_("Months from the start until the principal is due; interest runs until then.")
        }
        _ => return None,
    })
}

/// The debt list of the scenario, editable.
#[component]
pub fn DebtList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let names = Memo::new(move |_| {
        state.scenario.with(|s| {
            s.financing
                .debt
                .iter()
                .map(|d| d.name.clone())
                .collect::<Vec<_>>()
        })
    });
    let add = move |_: leptos::ev::MouseEvent| {
        let _ = state.update(|s| {
            s.financing.debt.push(Debt {
                name: tf(
                    "Loan {n}",
                    &[("n", &(s.financing.debt.len() + 1).to_string())],
                ),
                principal_usd: 100_000_000.0,
                coupon_annual: 0.08,
                maturity_months: 36,
            })
        });
    };
    view! {
        <div class="debt" data-testid="debt">
            <h3 class="subhead">"Debt"</h3>
            {move || {
                let list = names.get();
                if list.is_empty() {
                    return view! { <p class="help">"No debt. Company presets bring their own."</p> }
                        .into_any();
                }
                list.into_iter()
                    .enumerate()
                    .map(|(i, name)| {
                        let remove = move |_: leptos::ev::MouseEvent| {
                            let _ = state.update(|s| {
                                if i < s.financing.debt.len() {
                                    s.financing.debt.remove(i);
                                }
                            });
                        };
                        let fields = FIELDS
                            .iter()
                            .map(|b| {
                                let path = FieldPath::Debt { index: i, key: b.key };
                                view! { <NumberInput path=path help=help(b.key) /> }
                            })
                            .collect_view();
                        view! {
                            <article class="contract">
                                <header class="contract-head">
                                    <h4>{name.clone()}</h4>
                                    <button
                                        type="button"
                                        class="link-button"
                                        aria-label=tf("Remove debt {name}", &[("name", t(&name))])
                                        on:click=remove
                                    >
                                        "Remove"
                                    </button>
                                </header>
                                {fields}
                            </article>
                        }
                    })
                    .collect_view()
                    .into_any()
            }}
            <button type="button" class="secondary" data-testid="add-debt" on:click=add>
                "Add debt"
            </button>
        </div>
    }
}
