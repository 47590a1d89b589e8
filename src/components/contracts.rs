//! A strategy's AI/HPC contracts: each with its source and its terms, plus a picker that adds a
//! custom lease, a custom GPU cloud or an announced deal.
//!
//! # See also
//! [`hashpivot_model::Contract::fields`] for the terms listed; [`hashpivot_model::presets`] for
//! the deals.

use hashpivot_model::presets::{self, Kind};
use hashpivot_model::scenario::{Contract, GpuCloud};
use leptos::prelude::*;

use crate::components::NumberInput;
use crate::field::FieldPath;
use crate::i18n::{n_, t, tf};
use crate::state::AppState;

/// One line on a contract term, by key (English; the page's translator shows it translated).
fn help(key: &str) -> Option<&'static str> {
    Some(match key {
        "it_mw" => n_("Critical IT power the tenant uses; at the AI/HPC PUE it leaves mining."),
        "usd_per_mw_year" => n_("Rent per MW of critical IT per year, before the escalator."),
        "escalator_annual" => n_("Yearly rent increase (0.03 = 3%)."),
        "noi_margin" => n_("Share of rent kept after site costs; used when site opex is 0."),
        "opex_usd_per_mw_year" => n_("Site costs per MW-year; overrides the NOI margin when set."),
        "renewal_rate_change" => n_("Rent change at renewal (0.1 = +10%)."),
        "vacancy_months" => {
            n_("Months the hall stands empty before a lease that does not renew is re-let.")
        }
        "market_usd_per_mw_year" => {
            n_("Rent per MW-year of the re-let lease; 0 keeps the lease's own base rent.")
        }
        "gpus" => n_("GPUs the operator owns and rents out."),
        "kw_per_gpu" => n_("Power per GPU including its share of the server."),
        "usd_per_gpu_hour" => n_("Price of one GPU-hour."),
        "utilization" => n_("Share of GPU-hours sold."),
        "contract_total_usd" => {
            n_("Announced contract value; overrides GPU-hour pricing when set.")
        }
        "prepayment_share" => n_("Share of the contract paid up front."),
        "capex_usd_per_gpu" => n_("Price of one GPU with its server and network."),
        "gpu_life_months" => n_("Months over which the GPUs are depreciated."),
        "opex_share" => n_("Cash opex as a share of revenue."),
        "price_decline_annual" => n_("Yearly fall of the GPU-hour price."),
        "first_revenue_month" => n_("Months from the start to the first revenue."),
        "build_months" => {
            n_("Months of conversion before first revenue; mining stops when it starts.")
        }
        "ramp_months" => n_("Months from first revenue to the full capacity."),
        "term_months" => n_("Length of the contract."),
        "capex_usd_per_mw" => n_("Conversion capex per MW of critical IT."),
        "facility_life_months" => {
            n_("Months over which conversion capex is depreciated, from the first revenue.")
        }
        "early_end_annual" => n_("Yearly chance the tenant ends the contract early."),
        "delay_months" => n_("Expected months of delivery delay."),
        _ => return None,
    })
}

/// The contracts of strategy `index`, editable, with an "add" picker.
#[component]
pub fn Contracts(
    /// Index of the strategy in the scenario.
    index: usize,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let error = RwSignal::new(None::<String>);
    // Re-render the list when contracts are added, removed or replaced, not on every term change.
    let shape = Memo::new(move |_| {
        state.scenario.with(|s| {
            s.strategies
                .get(index)
                .map(|st| {
                    st.contracts
                        .iter()
                        .map(|c| (c.terms().name.clone(), matches!(c, Contract::GpuCloud(_))))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let add = move |choice: String| {
        let contract = match choice.as_str() {
            "" => return,
            // Stored in English like the model's own names; shown translated.
            "colocation" => Contract::colocation(n_("Colocation lease"), 20.0),
            "gpu_cloud" => {
                let mut g = GpuCloud::default();
                g.set_it_mw(20.0);
                Contract::GpuCloud(g)
            }
            id => match presets::contract(id) {
                Some(c) => c,
                None => return,
            },
        };
        let result = state.update(|s| {
            if let Some(st) = s.strategies.get_mut(index) {
                st.contracts.push(contract);
            }
        });
        error.set(result.err().map(|e| e.to_string()));
    };
    let deals: Vec<_> = presets::all()
        .into_iter()
        .filter(|p| p.kind == Kind::Deal)
        .collect();
    let picker_id = format!("add-contract-s{index}");
    view! {
        <div class="contracts">
            {move || {
                shape
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(ci, (name, _))| view! { <ContractCard index=index contract=ci name=name error=error /> })
                    .collect_view()
            }}
            <div class="add-contract">
                <label for=picker_id.clone()>"Add a contract"</label>
                <select
                    id=picker_id
                    data-testid=format!("add-contract-{index}")
                    on:change=move |ev| {
                        add(event_target_value(&ev));
                        if let Some(el) = ev
                            .target()
                            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlSelectElement>(t).ok())
                        {
                            el.set_value("");
                        }
                    }
                >
                    <option value="" selected>"Choose..."</option>
                    <option value="colocation">"Custom colocation lease (20 MW)"</option>
                    <option value="gpu_cloud">"Custom GPU cloud (20 MW)"</option>
                    <optgroup label="Announced deals">
                        {deals
                            .into_iter()
                            .map(|p| view! { <option value=p.id>{p.name}</option> })
                            .collect_view()}
                    </optgroup>
                </select>
            </div>
            // The model's message alone in its text node, so the page's translator reads it; the
            // advice under it shows only with a message (style/main.css).
            <p class="error" role="alert" data-testid=format!("error-contracts-{index}")>
                {move || error.get()}
            </p>
            <p class="error-advice">
                "Could not add the contract. Free some megawatts or raise the site capacity."
            </p>
        </div>
    }
}

/// One contract: kind, source, terms and a remove button.
#[component]
fn ContractCard(
    /// Index of the strategy.
    index: usize,
    /// Index of the contract in the strategy.
    contract: usize,
    /// The contract's name.
    name: String,
    /// Where a refused change is reported.
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let current = move || {
        state.scenario.with_untracked(|s| {
            s.strategies
                .get(index)
                .and_then(|st| st.contracts.get(contract))
                .cloned()
        })
    };
    let Some(c) = current() else {
        return ().into_any();
    };
    let kind = match c {
        Contract::Colocation(_) => n_("Colocation lease"),
        Contract::GpuCloud(_) => n_("GPU cloud"),
    };
    let source = c.terms().source.clone();
    let remove = move |_: leptos::ev::MouseEvent| {
        let result = state.update(|s| {
            if let Some(st) = s.strategies.get_mut(index) {
                if contract < st.contracts.len() {
                    st.contracts.remove(contract);
                }
            }
        });
        error.set(result.err().map(|e| e.to_string()));
    };
    let fields = c.fields();
    // The two terms a reader looks for first stay visible; the rest fold away.
    let (main, rest) = fields.split_at(2.min(fields.len()));
    let input = move |b: &hashpivot_model::bounds::Bound| {
        let path = FieldPath::Contract {
            strategy: index,
            contract,
            key: b.key,
        };
        view! { <NumberInput path=path help=help(b.key) /> }
    };
    view! {
        <article class="contract" data-testid=format!("contract-{index}-{contract}")>
            <header class="contract-head">
                <h3>{name.clone()} <span class="unit">" · " {kind}</span></h3>
                <button
                    type="button"
                    class="link-button"
                    aria-label=tf("Remove contract {name}", &[("name", t(&name))])
                    on:click=remove
                >
                    "Remove"
                </button>
            </header>
            {source
                .map(|s| {
                    view! {
                        <p class="source">
                            "Source: "
                            <a href=s.url.clone() target="_blank" rel="noopener noreferrer">
                                {s.title.clone()}
                            </a>
                            ", as of "
                            {s.as_of.clone()}
                        </p>
                    }
                })}
            {main.iter().map(input).collect_view()}
            <details class="terms">
                <summary>{tf("All terms ({n})", &[("n", &rest.len().to_string())])}</summary>
                {rest.iter().map(input).collect_view()}
            </details>
        </article>
    }
    .into_any()
}
