//! `hashpivot map`: the page's decision map (which strategy has the highest NPV over a grid of
//! BTC and power prices, and where the pivot ties pure mining) as JSON.

use hashpivot_model::Warning;
use hashpivot_model::{decision_map, Bound, ValidationError, ValidationErrors};
use serde::Serialize;

use crate::report::{self, Failure, Report};

/// Cells a side by default: the page's (`MAP_CELLS` in the app's `src/state.rs`).
pub const DEFAULT_SIZE: usize = 64;

/// Cells a side accepted (the model's grid is 2 to 512 a side).
const SIZE: Bound = Bound::new("size", "Map size", "cells a side", 2.0, 512.0, 1.0);

/// The JSON output.
#[derive(Serialize)]
struct Json {
    /// Cells a side: as many BTC prices as power prices.
    size: usize,
    /// BTC prices of the columns, USD: a quarter to 2.5 times the scenario's.
    btc_prices_usd: Vec<f64>,
    /// Power prices of the rows, USD/MWh: 0 to 2.5 times the site's (at least 100).
    power_prices_usd_mwh: Vec<f64>,
    /// The strategies in the scenario's order.
    strategies: Vec<Named>,
    /// `winners[row][column]`: the id of the strategy with the highest NPV at power price
    /// `row` and BTC price `column`.
    winners: Vec<Vec<String>>,
    /// The two strategies of the tie line, `[first, second]`; `null` with one strategy.
    tie_between: Option<[String; 2]>,
    /// Where the second strategy's NPV equals the first's, at most one point per row.
    tie_line: Vec<TiePoint>,
    warnings: Vec<Warning>,
}

#[derive(Serialize)]
struct Named {
    id: String,
    name: String,
}

#[derive(Serialize)]
struct TiePoint {
    btc_price_usd: f64,
    power_price_usd_mwh: f64,
}

/// The map of the scenario in `query_string` on a grid of `size` x `size` cells (`None`:
/// [`DEFAULT_SIZE`]); a bad query and a bad size are reported together.
pub fn run(query_string: &str, size: Option<&str>) -> Result<Report, Failure> {
    let (scenario, size) = report::both(report::scenario(query_string), cells(size))?;
    let m = decision_map::run(&scenario, size, size)?;
    let ids: Vec<&str> = scenario.strategies.iter().map(|s| s.id.as_str()).collect();
    let id_of = |w: u8| {
        ids.get(usize::from(w))
            .copied()
            .unwrap_or_default()
            .to_owned()
    };
    let columns = m.btc_prices.len();
    let winners = m
        .winner
        .chunks(columns.max(1))
        .map(|row| row.iter().map(|&w| id_of(w)).collect())
        .collect();
    let tie_between = match ids.as_slice() {
        [first, second, ..] => Some([(*first).to_owned(), (*second).to_owned()]),
        _ => None,
    };
    let warnings = report::warnings(&scenario);
    let text = report::json(&Json {
        size,
        strategies: scenario
            .strategies
            .iter()
            .map(|s| Named {
                id: s.id.clone(),
                name: s.name.clone(),
            })
            .collect(),
        winners,
        tie_between,
        tie_line: m
            .tie
            .iter()
            .map(|&(btc, power)| TiePoint {
                btc_price_usd: btc,
                power_price_usd_mwh: power,
            })
            .collect(),
        btc_prices_usd: m.btc_prices,
        power_prices_usd_mwh: m.power_prices,
        warnings: warnings.clone(),
    })?;
    Ok(Report { text, warnings })
}

/// The `--size` flag: a whole number of cells a side in [`SIZE`].
fn cells(text: Option<&str>) -> Result<usize, ValidationErrors> {
    let Some(text) = text else {
        return Ok(DEFAULT_SIZE);
    };
    let v = SIZE.parse(text)?;
    if v.fract() != 0.0 {
        return Err(ValidationError {
            field: SIZE.key.into(),
            label: SIZE.label.into(),
            value: text.chars().take(80).collect(),
            allowed: format!("a whole {}", SIZE.allowed().trim_start_matches("a ")),
        }
        .into());
    }
    Ok(v as usize)
}
