//! `hashpivot simulate` and `hashpivot presets`: the model's projection as JSON or CSV.

use hashpivot_model::{presets, project};

use crate::report::{self, Failure, Report};
use crate::Table;

/// Projects the scenario in `query_string`, as JSON or CSV (warnings go to stderr only).
pub fn run(query_string: &str, format: Table) -> Result<Report, Failure> {
    let scenario = report::scenario(query_string)?;
    let projection = project(&scenario)?;
    // The projection's warnings: the scenario's, and results such as a funding gap.
    let warnings = projection.warnings.clone();
    let text = match format {
        Table::Json => report::json(&projection)?,
        Table::Csv => hashpivot_model::projection::csv(&projection),
    };
    Ok(Report { text, warnings })
}

/// Presets, one block each: id, name, what it sets, source and date.
pub fn presets_table() -> String {
    let mut out = String::new();
    for p in presets::all() {
        out.push_str(&format!(
            "{id}  ({kind:?}) {name}\n    {summary}\n    Source: {title}, as of {as_of}: {url}\n",
            id = p.id,
            kind = p.kind,
            name = p.name,
            summary = p.summary,
            title = p.source.title,
            as_of = p.source.as_of,
            url = p.source.url,
        ));
    }
    out.push_str("Illustrative, based on public reports as of each date; not company guidance.\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use hashpivot_model::projection::Projection;
    use hashpivot_model::Scenario;

    /// The CLI's former writer (the csv crate over serde_json values), kept as the reference
    /// the model's writer must equal byte for byte.
    /// One row per strategy-month: `strategy_id`, `strategy_name`, then every field of the model's
    /// month row in its declared order (the same names as in the JSON).
    fn reference_csv(p: &Projection) -> Result<String, String> {
        let fail = |e: &dyn std::fmt::Display| format!("could not write CSV: {e}");
        let mut w = ::csv::Writer::from_writer(Vec::new());
        let mut header_written = false;
        for s in &p.strategies {
            for m in &s.months {
                let serde_json::Value::Object(fields) =
                    serde_json::to_value(m).map_err(|e| fail(&e))?
                else {
                    return Err(fail(&"a month is not a record"));
                };
                if !header_written {
                    let names = ["strategy_id", "strategy_name"]
                        .into_iter()
                        .chain(fields.keys().map(String::as_str));
                    w.write_record(names).map_err(|e| fail(&e))?;
                    header_written = true;
                }
                let values = fields.values().map(|v| match v {
                    serde_json::Value::String(text) => text.clone(),
                    serde_json::Value::Null => String::new(),
                    other => other.to_string(),
                });
                let record: Vec<String> = [s.id.clone(), s.name.clone()]
                    .into_iter()
                    .chain(values)
                    .collect();
                w.write_record(&record).map_err(|e| fail(&e))?;
            }
        }
        let bytes = w.into_inner().map_err(|e| fail(&e))?;
        String::from_utf8(bytes).map_err(|e| fail(&e))
    }

    #[test]
    fn the_models_csv_equals_the_csv_crate_on_awkward_names() {
        let mut s = Scenario::default();
        s.strategies[0].name = "Mine, \"hold\"".into();
        s.strategies[2].name = "Semi; colon, and \"quotes\" ".into();
        s.horizon_months = 24;
        let p = project(&s).unwrap();
        assert_eq!(
            hashpivot_model::projection::csv(&p),
            reference_csv(&p).unwrap()
        );
    }
}
