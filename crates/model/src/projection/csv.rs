//! The projection as CSV: one row per strategy-month, `strategy_id`, `strategy_name`, then
//! every field of [`MonthRow`] in its declared order (the JSON names). The CLI prints it and the
//! app downloads it, so both give the same file.
//!
//! Numbers are written as in the JSON (shortest round-trip form, `104000.0`); a value that is
//! not finite is left empty; text with a comma, quote or line break is quoted (RFC 4180), and
//! text that a spreadsheet would run as a formula starts with an apostrophe.

use super::{MonthRow, Projection};

/// Column names after `strategy_id` and `strategy_name`.
pub const MONTH_COLUMNS: [&str; 34] = [
    "month",
    "blocks",
    "subsidy_btc",
    "btc_price_usd",
    "network_hashrate_eh_s",
    "hashprice_usd_per_ph_day",
    "hashcost_usd_per_ph_day",
    "mining_mw",
    "hpc_mw",
    "eh_s_running",
    "eh_s_off",
    "btc_mined",
    "btc_sold",
    "btc_held",
    "treasury_value_usd",
    "mining_revenue_usd",
    "hpc_revenue_usd",
    "energy_cost_usd",
    "opex_usd",
    "ebitda_usd",
    "depreciation_usd",
    "interest_usd",
    "debt_repaid_usd",
    "capex_usd",
    "asic_sales_usd",
    "fcf_usd",
    "cumulative_fcf_usd",
    "cash_cost_per_btc_usd",
    "all_in_cost_per_btc_usd",
    "treasury_flow_usd",
    "financing_usd",
    "credit_facility_usd",
    "equity_raised_usd",
    "cash_usd",
];

/// The row's numbers after `month` and `blocks`; `None` is written as an empty cell.
fn numbers(r: &MonthRow) -> [f64; 32] {
    let none = f64::NAN; // left empty, as a non-finite number is
    [
        r.subsidy_btc,
        r.btc_price_usd,
        r.network_hashrate_eh_s,
        r.hashprice_usd_per_ph_day,
        r.hashcost_usd_per_ph_day.unwrap_or(none),
        r.mining_mw,
        r.hpc_mw,
        r.eh_s_running,
        r.eh_s_off,
        r.btc_mined,
        r.btc_sold,
        r.btc_held,
        r.treasury_value_usd,
        r.mining_revenue_usd,
        r.hpc_revenue_usd,
        r.energy_cost_usd,
        r.opex_usd,
        r.ebitda_usd,
        r.depreciation_usd,
        r.interest_usd,
        r.debt_repaid_usd,
        r.capex_usd,
        r.asic_sales_usd,
        r.fcf_usd,
        r.cumulative_fcf_usd,
        r.cash_cost_per_btc_usd.unwrap_or(none),
        r.all_in_cost_per_btc_usd.unwrap_or(none),
        r.treasury_flow_usd,
        r.financing_usd,
        r.credit_facility_usd,
        r.equity_raised_usd,
        r.cash_usd,
    ]
}

fn push_text(out: &mut String, text: &str) {
    // A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return before
    // one) as a formula: a strategy named `=HYPERLINK(...)` must open as text. The usual guard
    // (OWASP's "CSV injection"): a leading apostrophe, which spreadsheets do not show.
    let guarded;
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        guarded = format!("'{text}");
        guarded.as_str()
    } else {
        text
    };
    if text.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

fn push_number(out: &mut String, v: f64) {
    if v.is_finite() {
        out.push_str(&serde_json::to_string(&v).unwrap_or_default());
    }
}

/// The CSV text, header first, rows ending in `\n`.
pub fn csv(p: &Projection) -> String {
    let mut out = String::from("strategy_id,strategy_name");
    for c in MONTH_COLUMNS {
        out.push(',');
        out.push_str(c);
    }
    out.push('\n');
    for s in &p.strategies {
        for r in &s.months {
            push_text(&mut out, &s.id);
            out.push(',');
            push_text(&mut out, &s.name);
            out.push(',');
            out.push_str(&r.month.to_string());
            out.push(',');
            out.push_str(&r.blocks.to_string());
            for v in numbers(r) {
                out.push(',');
                push_number(&mut out, v);
            }
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{project, Scenario};

    #[test]
    fn the_columns_are_the_month_row_fields_in_order() {
        let p = project(&Scenario::default()).unwrap_or_else(|e| panic!("{e}"));
        let json = serde_json::to_string(&p.strategies[0].months[0]).unwrap_or_default();
        // Field names appear in the JSON in declaration order.
        let mut at = 0;
        for c in MONTH_COLUMNS {
            let key = format!("\"{c}\":");
            let found = json[at..]
                .find(&key)
                .unwrap_or_else(|| panic!("{c} out of order in {json}"));
            at += found + key.len();
        }
        assert_eq!(json.matches("\":").count(), MONTH_COLUMNS.len());
    }

    #[test]
    fn names_with_commas_and_quotes_are_quoted() {
        let mut s = Scenario::default();
        s.strategies[1].name = "Lease, \"fast\"".into();
        let p = project(&s).unwrap_or_else(|e| panic!("{e}"));
        let text = csv(&p);
        assert!(
            text.contains(",\"Lease, \"\"fast\"\"\",2026-01,"),
            "{}",
            &text[..300]
        );
        assert_eq!(text.lines().count(), 1 + 3 * 60);
        assert!(text.lines().all(|l| l.matches(',').count() >= 32));
    }

    #[test]
    fn names_a_spreadsheet_would_run_open_as_text() {
        for (name, cell) in [
            (
                "=HYPERLINK(\"http://x\")",
                "\"'=HYPERLINK(\"\"http://x\"\")\"",
            ),
            ("+1", "'+1"),
            ("-20% hedge", "'-20% hedge"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("Lease = sell", "Lease = sell"),
        ] {
            let mut s = Scenario::default();
            s.strategies[2].name = name.into();
            let text = csv(&project(&s).unwrap_or_else(|e| panic!("{e}")));
            let row = text
                .lines()
                .find(|l| l.starts_with("hybrid,"))
                .unwrap_or_default();
            assert!(
                row.starts_with(&format!("hybrid,{cell},2026-01,")),
                "{name}: {row}"
            );
        }
    }
}
