//! `hashpivot montecarlo`: the page's Monte Carlo (the scenario's paths and seed) as JSON.

use hashpivot_model::calendar::YearMonth;
use hashpivot_model::montecarlo::{self, Bands};
use hashpivot_model::Warning;
use serde::Serialize;

use crate::report::{self, Failure, Report};

/// The JSON output.
#[derive(Serialize)]
struct Json {
    /// Paths simulated.
    paths: u32,
    /// The months of the bands, `YYYY-MM`.
    months: Vec<YearMonth>,
    /// One entry per strategy, in the scenario's order.
    strategies: Vec<Strategy>,
    warnings: Vec<Warning>,
}

#[derive(Serialize)]
struct Strategy {
    id: String,
    name: String,
    npv_mean_usd: f64,
    npv_percentiles_usd: Percentiles,
    /// Share of paths on which this strategy's NPV beats the first strategy's (pure mining in
    /// the defaults and presets); `null` for the first itself.
    p_beat_pure: Option<f64>,
    /// Cumulative free cash flow, USD: one value per month per percentile.
    bands: Bands,
}

/// Nearest-rank percentiles of the NPV over the paths, USD.
#[derive(Serialize)]
struct Percentiles {
    p5: f64,
    p25: f64,
    p50: f64,
    p75: f64,
    p95: f64,
}

/// Runs the Monte Carlo of the scenario in `query_string` (`paths`, `seed` and the other
/// Monte Carlo keys included), as pretty JSON.
pub fn run(query_string: &str) -> Result<Report, Failure> {
    let scenario = report::scenario(query_string)?;
    let result = montecarlo::run(&scenario)?;
    let strategies = scenario
        .strategies
        .iter()
        .zip(result.bands)
        .zip(&result.npv)
        .zip(&result.beats_first)
        .enumerate()
        .map(|(i, (((s, bands), npv), &beats))| {
            let [p5, p25, p50, p75, p95] = npv.percentiles;
            Strategy {
                id: s.id.clone(),
                name: s.name.clone(),
                npv_mean_usd: npv.mean,
                npv_percentiles_usd: Percentiles {
                    p5,
                    p25,
                    p50,
                    p75,
                    p95,
                },
                p_beat_pure: (i > 0).then_some(beats),
                bands,
            }
        })
        .collect();
    let warnings = report::warnings(&scenario);
    let text = report::json(&Json {
        paths: result.paths,
        months: result.months,
        strategies,
        warnings: warnings.clone(),
    })?;
    Ok(Report { text, warnings })
}
