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

const fn col(
    key: &'static str,
    title: &'static str,
    unit: &'static str,
    get: fn(&MonthRow) -> f64,
    show: fn(f64) -> String,
) -> Column {
    Column {
        key,
        title,
        unit,
        get,
        show,
    }
}

/// Reads an optional figure: `NaN`, shown as "n/a", when it does not exist.
fn or_nan(v: Option<f64>) -> f64 {
    v.unwrap_or(f64::NAN)
}

/// Columns in the CLI's order (the month first).
#[rustfmt::skip]
pub(super) const COLUMNS: [Column; 33] = [
    col("blocks", n_("Blocks"), "", |r| r.blocks as f64, whole),
    col("subsidy_btc", n_("Subsidy"), "BTC/block", |r| r.subsidy_btc, four),
    col("btc_price_usd", n_("BTC price"), "USD", |r| r.btc_price_usd, whole),
    col("network_hashrate_eh_s", n_("Network"), "EH/s", |r| r.network_hashrate_eh_s, whole),
    col("hashprice_usd_per_ph_day", n_("Hashprice"), "USD/PH/day", |r| r.hashprice_usd_per_ph_day, two),
    col("hashcost_usd_per_ph_day", n_("Hashcost"), "USD/PH/day", |r| or_nan(r.hashcost_usd_per_ph_day), two),
    col("mining_mw", n_("Mining"), "MW", |r| r.mining_mw, two),
    col("hpc_mw", n_("AI/HPC"), "MW", |r| r.hpc_mw, two),
    col("eh_s_running", n_("Running"), "EH/s", |r| r.eh_s_running, two),
    col("eh_s_off", n_("Off"), "EH/s", |r| r.eh_s_off, two),
    col("btc_mined", n_("Mined"), "BTC", |r| r.btc_mined, four),
    col("btc_sold", n_("Sold"), "BTC", |r| r.btc_sold, four),
    col("btc_held", n_("Held"), "BTC", |r| r.btc_held, four),
    col("treasury_value_usd", n_("Treasury value"), "USD", |r| r.treasury_value_usd, whole),
    col("mining_revenue_usd", n_("Mining revenue"), "USD", |r| r.mining_revenue_usd, whole),
    col("hpc_revenue_usd", n_("AI/HPC revenue"), "USD", |r| r.hpc_revenue_usd, whole),
    col("energy_cost_usd", n_("Energy"), "USD", |r| r.energy_cost_usd, whole),
    col("opex_usd", n_("Opex"), "USD", |r| r.opex_usd, whole),
    col("ebitda_usd", n_("EBITDA"), "USD", |r| r.ebitda_usd, whole),
    col("depreciation_usd", n_("Depreciation"), "USD", |r| r.depreciation_usd, whole),
    col("interest_usd", n_("Interest"), "USD", |r| r.interest_usd, whole),
    col("debt_repaid_usd", n_("Debt repaid"), "USD", |r| r.debt_repaid_usd, whole),
    col("capex_usd", n_("Capex"), "USD", |r| r.capex_usd, whole),
    col("asic_sales_usd", n_("ASIC sales"), "USD", |r| r.asic_sales_usd, whole),
    col("fcf_usd", n_("FCF"), "USD", |r| r.fcf_usd, whole),
    col("cumulative_fcf_usd", n_("Cumulative FCF"), "USD", |r| r.cumulative_fcf_usd, whole),
    col("cash_cost_per_btc_usd", n_("Cash cost per BTC"), "USD", |r| or_nan(r.cash_cost_per_btc_usd), whole),
    col("all_in_cost_per_btc_usd", n_("All-in cost per BTC"), "USD", |r| or_nan(r.all_in_cost_per_btc_usd), whole),
    col("treasury_flow_usd", n_("Treasury flow"), "USD", |r| r.treasury_flow_usd, whole),
    col("financing_usd", n_("Financing"), "USD", |r| r.financing_usd, whole),
    col("credit_facility_usd", n_("Credit facility"), "USD", |r| r.credit_facility_usd, whole),
    col("equity_raised_usd", n_("Equity raised"), "USD", |r| r.equity_raised_usd, whole),
    col("cash_usd", n_("Cash"), "USD", |r| r.cash_usd, whole),
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

/// The table body for `rows` in `sort` order. Only numbers, month names and "n/a" (a figure
/// that does not exist, e.g. cost per BTC in a month nothing is mined) go in, formatted by
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
            let v = (c.get)(row);
            html.push_str(&fmt::or_na(Some(v), c.show));
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
        // A figure that does not exist (JSON null) reads as NaN and shows as "n/a".
        let mut none = p.strategies[0].months[0].clone();
        none.hashcost_usd_per_ph_day = None;
        let hashcost = COLUMNS
            .iter()
            .position(|c| c.key == "hashcost_usd_per_ph_day")
            .unwrap();
        assert!((COLUMNS[hashcost].get)(&none).is_nan());
        let html = rows_html(
            &[none],
            Sort {
                column: None,
                descending: false,
            },
        );
        assert_eq!(html.split("<td>").nth(hashcost + 1), Some("n/a</td>"));
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
