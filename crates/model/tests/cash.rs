//! Cash: the balance each strategy keeps, its BTC sales, its financing, and its funding gaps.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may fail loudly

mod common;
use common::close;
use hashpivot_model::query::decode_strict;
use hashpivot_model::{presets, project, Scenario};

/// cash at month end = start + cumulative FCF + treasury flows + financing - debt repaid.
fn check_identity(s: &Scenario, what: &str) {
    let p = project(s).unwrap();
    for r in &p.strategies {
        let (mut treasury, mut financing, mut repaid) = (0.0, 0.0, 0.0);
        for m in &r.months {
            treasury += m.treasury_flow_usd;
            financing += m.financing_usd;
            repaid += m.debt_repaid_usd;
            let want = s.financing.cash_usd + m.cumulative_fcf_usd + treasury + financing - repaid;
            let scale = s.financing.cash_usd.abs() + m.cumulative_fcf_usd.abs() + treasury.abs();
            assert!(
                (m.cash_usd - want).abs() <= 1e-9 * scale.max(1.0),
                "{what} {} {}: {} vs {want}",
                r.id,
                m.month,
                m.cash_usd
            );
            // Treasury flow is BTC sold less mined at the month's price.
            assert!(close(
                m.treasury_flow_usd + m.btc_mined * m.btc_price_usd + 1.0,
                m.btc_sold * m.btc_price_usd + 1.0,
                1e-9
            ));
        }
    }
}

#[test]
fn cash_adds_up_for_every_preset_and_financing() {
    for id in presets::ids() {
        check_identity(&presets::scenario(id).unwrap(), id);
    }
    for q in [
        "",
        "credit=2000000000&credit_rate=8",
        "credit=500000000&equity=800000000&share_price=4&horizon=120",
        "sell=30&btc_held=1000&cash=0",
        "preset=cleanspark&horizon=180",
    ] {
        check_identity(&decode_strict(q).unwrap(), q);
    }
}

#[test]
fn a_btc_sale_raises_cash_at_the_months_price() {
    // Cango-like: the pivot sells 4,451 BTC in month 1 (February 2026). Without the sale the
    // same strategy has 4,451 x the month's price less cash that month, and every month after
    // (no facility or equity is set, so nothing else moves).
    let s = presets::scenario("cango").unwrap();
    let mut unsold = s.clone();
    unsold.strategies[1].btc_sales.clear();
    let (a, b) = (project(&s).unwrap(), project(&unsold).unwrap());
    let (with, without) = (&a.strategies[1].months, &b.strategies[1].months);
    assert_eq!(with[0].cash_usd, without[0].cash_usd);
    let raised = 4_451.0 * with[1].btc_price_usd;
    assert!(
        raised > 300e6,
        "about $305M at about $68k reported; {raised}"
    );
    for m in 1..with.len() {
        assert!(
            close(with[m].cash_usd - without[m].cash_usd, raised, 1e-9),
            "month {m}"
        );
    }
    // FCF counts mined BTC whether sold or not: the sale itself is not FCF.
    assert_eq!(with[1].fcf_usd, without[1].fcf_usd);
}

#[test]
fn capex_draws_the_facility_then_equity_and_reports_dilution() {
    // The full pivot spends about $1.6B of conversion capex in its first year against $100M
    // of cash: without financing it shows a funding gap from the first months, and a warning.
    let p = project(&Scenario::default()).unwrap();
    let pivot = &p.strategies[1].summary;
    assert!(pivot.funding_gap_month.is_some());
    assert!(pivot.funding_gap_usd > 1e9, "{}", pivot.funding_gap_usd);
    assert!(p
        .warnings
        .iter()
        .any(|w| w.field == "strategies[1]" && w.message.contains("funding gap from 2026-")));
    // Pure mining has positive cash flow at the default prices: no gap, no warning.
    assert!(p.strategies[0].summary.funding_gap_month.is_none());
    assert!(!p.warnings.iter().any(|w| w.field == "strategies[0]"));

    // A $1B facility and $1B of equity at $5 a share cover it.
    let s = decode_strict("credit=1000000000&equity=1000000000&share_price=5").unwrap();
    let p = project(&s).unwrap();
    let pivot = &p.strategies[1].summary;
    assert!(pivot.funding_gap_month.is_none(), "{:?}", pivot);
    assert!(close(pivot.credit_peak_usd, 1e9, 1e-12));
    assert!(pivot.equity_raised_usd > 0.0 && pivot.equity_raised_usd <= 1e9);
    // Dilution: shares issued = raised / $5, against 300 million outstanding.
    let issued_m = pivot.equity_raised_usd / 5.0 / 1e6;
    assert!(close(pivot.dilution, issued_m / (300.0 + issued_m), 1e-12));
    // The facility is drawn before any equity.
    let months = &p.strategies[1].months;
    let first_equity = months
        .iter()
        .position(|m| m.equity_raised_usd > 0.0)
        .unwrap();
    assert!(close(months[first_equity].credit_facility_usd, 1e9, 1e-12));
}

#[test]
fn the_pivots_incremental_irr_and_payback_are_against_pure_mining() {
    let s = decode_strict("horizon=180").unwrap();
    let p = project(&s).unwrap();
    assert_eq!(p.strategies[0].summary.incremental_irr_vs_pure, None);
    let pivot = &p.strategies[1];
    let pure = &p.strategies[0];
    // Incremental payback: the first month from which cumulative (pivot - pure) FCF stays >= 0.
    let mut cumulative = 0.0;
    let mut last_negative = None;
    for (i, (a, b)) in pivot.months.iter().zip(&pure.months).enumerate() {
        cumulative += a.fcf_usd - b.fcf_usd;
        if cumulative < 0.0 {
            last_negative = Some(i);
        }
    }
    let want = match last_negative {
        None => Some(pivot.months[0].month),
        Some(i) => pivot.months.get(i + 1).map(|m| m.month),
    };
    assert_eq!(pivot.summary.incremental_payback_month, want);
    // When the incremental IRR exists, the incremental flows discounted at it sum to zero.
    if let Some(irr) = pivot.summary.incremental_irr_vs_pure {
        let monthly = (1.0 + irr).powf(1.0 / 12.0);
        let npv: f64 = pivot
            .months
            .iter()
            .zip(&pure.months)
            .enumerate()
            .map(|(m, (a, b))| (a.fcf_usd - b.fcf_usd) / monthly.powi(m as i32 + 1))
            .sum();
        assert!(npv.abs() < 1e-3 * pivot.summary.revenue_usd, "{npv}");
    }
}
