//! The pivot's IRR against pure mining over the longest horizon.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may fail loudly

use hashpivot_model::{project, Scenario};

/// NPV of monthly flows at `monthly` a month, month m discounted by (1 + r)^(m + 1), written
/// apart from the model (powf, no bisection).
fn npv_at(flows: &[f64], monthly: f64) -> f64 {
    flows
        .iter()
        .enumerate()
        .map(|(m, c)| c / (1.0 + monthly).powf(m as f64 + 1.0))
        .sum()
}

#[test]
fn the_pivot_has_an_irr_at_a_180_month_horizon() {
    let s = Scenario {
        horizon_months: 180,
        ..Scenario::default()
    };
    let p = project(&s).unwrap();
    let first: Vec<f64> = p.strategies[0].months.iter().map(|m| m.fcf_usd).collect();
    let mut checked = 0;
    for r in &p.strategies[1..] {
        let delta: Vec<f64> = r
            .months
            .iter()
            .zip(&first)
            .map(|(m, f)| m.fcf_usd - f)
            .collect();
        assert_eq!(delta.len(), 180);
        let changes_sign = delta.iter().any(|&c| c < 0.0) && delta.iter().any(|&c| c > 0.0);
        if !changes_sign {
            continue;
        }
        checked += 1;
        let irr = r
            .summary
            .incremental_irr_vs_pure
            .unwrap_or_else(|| panic!("{}", r.id));
        assert!(irr.is_finite() && irr > -1.0, "{}: {irr}", r.id);
        // It is a root: NPV changes sign across it (0.1% a year either side).
        let monthly = |annual: f64| (1.0 + annual).powf(1.0 / 12.0) - 1.0;
        let below = npv_at(&delta, monthly(irr - 0.001));
        let above = npv_at(&delta, monthly(irr + 0.001));
        assert!(
            below.signum() != above.signum(),
            "{}: {below} {above}",
            r.id
        );
    }
    assert!(
        checked > 0,
        "no strategy's delta flows change sign at 180 months"
    );
}
