//! The table's columns (the CLI's, in its order), the row order of a sort, and the body as HTML.

use hashpivot_model::format;
use hashpivot_model::projection::MonthRow;

use crate::fmt;
use crate::i18n::n_;

/// A column: heading, unit, how to read the row, and how to show the value.
pub(super) struct Column {
    /// The field's name in the CLI's CSV and JSON.
    pub key: &'static str,
    /// Heading (English; shown translated).
    pub title: &'static str,
    /// Unit after the heading (English; shown translated).
    pub unit: &'static str,
    /// Reads the row.
    pub get: fn(&MonthRow) -> f64,
    /// Shows the value.
    pub show: fn(f64) -> String,
}

fn whole(v: f64) -> String {
    format::fixed(v, 0)
}
fn two(v: f64) -> String {
    format::fixed(v, 2)
}
fn four(v: f64) -> String {
    format::fixed(v, 4)
}

/// Columns in the CLI's order (the month first).
pub(super) const COLUMNS: [Column; 21] = [
    Column {
        key: "blocks",
        title: n_("Blocks"),
        unit: "",
        get: |r| r.blocks as f64,
        show: whole,
    },
    Column {
        key: "subsidy_btc",
        title: n_("Subsidy"),
        unit: "BTC/block",
        get: |r| r.subsidy_btc,
        show: four,
    },
    Column {
        key: "btc_price_usd",
        title: n_("BTC price"),
        unit: "USD",
        get: |r| r.btc_price_usd,
        show: whole,
    },
    Column {
        key: "network_hashrate_eh_s",
        title: n_("Network"),
        unit: "EH/s",
        get: |r| r.network_hashrate_eh_s,
        show: whole,
    },
    Column {
        key: "mining_mw",
        title: n_("Mining"),
        unit: "MW",
        get: |r| r.mining_mw,
        show: two,
    },
    Column {
        key: "hpc_mw",
        title: n_("AI/HPC"),
        unit: "MW",
        get: |r| r.hpc_mw,
        show: two,
    },
    Column {
        key: "btc_mined",
        title: n_("Mined"),
        unit: "BTC",
        get: |r| r.btc_mined,
        show: four,
    },
    Column {
        key: "btc_sold",
        title: n_("Sold"),
        unit: "BTC",
        get: |r| r.btc_sold,
        show: four,
    },
    Column {
        key: "btc_held",
        title: n_("Held"),
        unit: "BTC",
        get: |r| r.btc_held,
        show: four,
    },
    Column {
        key: "treasury_value_usd",
        title: n_("Treasury value"),
        unit: "USD",
        get: |r| r.treasury_value_usd,
        show: whole,
    },
    Column {
        key: "mining_revenue_usd",
        title: n_("Mining revenue"),
        unit: "USD",
        get: |r| r.mining_revenue_usd,
        show: whole,
    },
    Column {
        key: "hpc_revenue_usd",
        title: n_("AI/HPC revenue"),
        unit: "USD",
        get: |r| r.hpc_revenue_usd,
        show: whole,
    },
    Column {
        key: "energy_cost_usd",
        title: n_("Energy"),
        unit: "USD",
        get: |r| r.energy_cost_usd,
        show: whole,
    },
    Column {
        key: "opex_usd",
        title: n_("Opex"),
        unit: "USD",
        get: |r| r.opex_usd,
        show: whole,
    },
    Column {
        key: "ebitda_usd",
        title: n_("EBITDA"),
        unit: "USD",
        get: |r| r.ebitda_usd,
        show: whole,
    },
    Column {
        key: "depreciation_usd",
        title: n_("Depreciation"),
        unit: "USD",
        get: |r| r.depreciation_usd,
        show: whole,
    },
    Column {
        key: "interest_usd",
        title: n_("Interest"),
        unit: "USD",
        get: |r| r.interest_usd,
        show: whole,
    },
    Column {
        key: "debt_repaid_usd",
        title: n_("Debt repaid"),
        unit: "USD",
        get: |r| r.debt_repaid_usd,
        show: whole,
    },
    Column {
        key: "capex_usd",
        title: n_("Capex"),
        unit: "USD",
        get: |r| r.capex_usd,
        show: whole,
    },
    Column {
        key: "fcf_usd",
        title: n_("FCF"),
        unit: "USD",
        get: |r| r.fcf_usd,
        show: whole,
    },
    Column {
        key: "cumulative_fcf_usd",
        title: n_("Cumulative FCF"),
        unit: "USD",
        get: |r| r.cumulative_fcf_usd,
        show: whole,
    },
];

/// How the rows are ordered: by the month, or by a column, each way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Sort {
    /// `None` for the month.
    pub column: Option<usize>,
    /// Largest first.
    pub descending: bool,
}

/// Row order for `sort`: indices into `rows`.
pub(super) fn order(rows: &[MonthRow], sort: Sort) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..rows.len()).collect();
    if let Some(c) = sort.column.and_then(|c| COLUMNS.get(c)) {
        // Ties keep the months in order (unstable sort is smaller in wasm).
        idx.sort_unstable_by(|&a, &b| {
            (c.get)(&rows[a])
                .total_cmp(&(c.get)(&rows[b]))
                .then(a.cmp(&b))
        });
    }
    if sort.descending {
        idx.reverse();
    }
    idx
}

/// The table body for `rows` in `sort` order. Only numbers and month names go in, formatted by
/// [`format`] and [`fmt::month`], so nothing needs escaping.
pub(super) fn rows_html(rows: &[MonthRow], sort: Sort) -> String {
    let mut html = String::with_capacity(rows.len() * COLUMNS.len() * 24);
    for i in order(rows, sort) {
        let row = &rows[i];
        html.push_str("<tr><th scope=\"row\">");
        html.push_str(&fmt::month(row.month));
        html.push_str("</th>");
        for c in &COLUMNS {
            html.push_str("<td>");
            html.push_str(&(c.show)((c.get)(row)));
            html.push_str("</td>");
        }
        html.push_str("</tr>");
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use hashpivot_model::{project, Scenario};

    #[test]
    fn every_cli_column_is_shown_in_the_cli_order() {
        let p = project(&Scenario::default()).unwrap();
        let row = serde_json::to_value(&p.strategies[0].months[0]).unwrap();
        let keys: Vec<&str> = row
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mine: Vec<&str> = std::iter::once("month")
            .chain(COLUMNS.iter().map(|c| c.key))
            .collect();
        assert_eq!(keys, mine);
        // And each column reads its own field.
        for c in &COLUMNS {
            assert_eq!(
                row[c.key].as_f64().unwrap(),
                (c.get)(&p.strategies[0].months[0]),
                "{}",
                c.key
            );
        }
    }

    #[test]
    fn the_body_has_a_row_per_month_and_a_cell_per_column_with_no_markup_from_values() {
        let p = project(&Scenario::default()).unwrap();
        let rows = &p.strategies[0].months;
        let html = rows_html(
            rows,
            Sort {
                column: None,
                descending: false,
            },
        );
        assert_eq!(html.matches("<tr>").count(), rows.len());
        assert_eq!(html.matches("<td>").count(), rows.len() * COLUMNS.len());
        // Text between tags is only digits, signs, separators, month names and "n/a".
        for text in html.split(['<', '>']).skip(2).step_by(2) {
            assert!(
                text.chars()
                    .all(|c| c.is_ascii_alphanumeric() || " ,.-/".contains(c)),
                "{text:?}"
            );
        }
    }

    #[test]
    fn sorting_orders_rows_by_the_column_each_way() {
        let p = project(&Scenario::default()).unwrap();
        let rows = &p.strategies[0].months;
        let fcf = COLUMNS.iter().position(|c| c.key == "fcf_usd").unwrap();
        let up = order(
            rows,
            Sort {
                column: Some(fcf),
                descending: false,
            },
        );
        assert!(up
            .windows(2)
            .all(|w| rows[w[0]].fcf_usd <= rows[w[1]].fcf_usd));
        let down = order(
            rows,
            Sort {
                column: Some(fcf),
                descending: true,
            },
        );
        assert!(down
            .windows(2)
            .all(|w| rows[w[0]].fcf_usd >= rows[w[1]].fcf_usd));
        let by_month = order(
            rows,
            Sort {
                column: None,
                descending: false,
            },
        );
        assert_eq!(by_month, (0..rows.len()).collect::<Vec<_>>());
    }
}
