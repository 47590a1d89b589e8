//! `hashpivot tornado`: the page's sensitivity of NPV to each key input, per strategy, as JSON.

use hashpivot_model::Warning;
use hashpivot_model::{tornado, ValidationError};
use serde::Serialize;

use crate::report::{self, Failure, Report};

/// The JSON output.
#[derive(Serialize)]
struct Json {
    /// Every strategy in the scenario's order, or the one asked for.
    strategies: Vec<Strategy>,
    warnings: Vec<Warning>,
}

#[derive(Serialize)]
struct Strategy {
    id: String,
    name: String,
    /// NPV at the scenario as given, USD.
    base_npv_usd: f64,
    /// One bar per input, the largest swing first (as the page draws them).
    bars: Vec<Bar>,
}

/// One input moved down and up (by its step, kept inside its accepted range).
#[derive(Serialize)]
struct Bar {
    /// The input's share-link key (`hpc_price` and `capex_mw` scale every contract).
    key: &'static str,
    label: &'static str,
    /// Unit of `low_value` and `high_value`.
    unit: &'static str,
    low_value: f64,
    high_value: f64,
    /// NPV with the input at `low_value`, USD.
    npv_low_usd: f64,
    /// NPV with the input at `high_value`, USD.
    npv_high_usd: f64,
    /// `|npv_high_usd - npv_low_usd|`, USD.
    swing_usd: f64,
}

/// The tornado of the scenario in `query_string`, for every strategy or for the one whose id
/// is `only` (an unknown id is a problem naming the scenario's ids).
pub fn run(query_string: &str, only: Option<&str>) -> Result<Report, Failure> {
    let scenario = report::scenario(query_string)?;
    if let Some(id) = only.filter(|id| scenario.strategies.iter().all(|s| s.id != *id)) {
        let ids: Vec<&str> = scenario.strategies.iter().map(|s| s.id.as_str()).collect();
        return Err(ValidationError {
            field: "strategy".into(),
            label: "Strategy".into(),
            value: id.into(),
            allowed: format!(
                "the id of one of the scenario's strategies: {}",
                ids.join(", ")
            ),
        }
        .into());
    }
    let t = tornado::run(&scenario)?;
    let strategies = scenario
        .strategies
        .iter()
        .zip(&t.base_npv)
        .enumerate()
        .filter(|(_, (s, _))| only.is_none_or(|id| s.id == id))
        .map(|(i, (s, &base))| Strategy {
            id: s.id.clone(),
            name: s.name.clone(),
            base_npv_usd: base,
            bars: bars(&t, i),
        })
        .collect();
    let warnings = report::warnings(&scenario);
    let text = report::json(&Json {
        strategies,
        warnings: warnings.clone(),
    })?;
    Ok(Report { text, warnings })
}

/// The bars of strategy `i`, largest swing first; equal swings by label.
fn bars(t: &tornado::Tornado, i: usize) -> Vec<Bar> {
    let mut bars: Vec<Bar> = t
        .bars
        .iter()
        .filter_map(|b| {
            let (low, high) = (*b.npv_low.get(i)?, *b.npv_high.get(i)?);
            Some(Bar {
                key: b.key,
                label: b.label,
                unit: b.unit,
                low_value: b.low_value,
                high_value: b.high_value,
                npv_low_usd: low,
                npv_high_usd: high,
                swing_usd: (high - low).abs(),
            })
        })
        .collect();
    bars.sort_by(|a, b| {
        b.swing_usd
            .total_cmp(&a.swing_usd)
            .then_with(|| a.label.cmp(b.label))
    });
    bars
}
