//! What a contract pays and when: a contract total delivered in full over its term, the
//! prepayment recognised as earned and its unearned part returned on an early end.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may fail loudly

mod common;
use common::close;
use hashpivot_model::{presets, project, Scenario};

/// The IREN-Microsoft deal (first revenue in month 6, 12-month ramp, 60-month term, $9.7B)
/// with early-end risk `early_end_annual`, over `horizon` months.
fn iren(early_end_annual: f64, horizon: u32) -> Scenario {
    let mut s = presets::scenario("iren-microsoft").unwrap();
    s.strategies[1].contracts[0].terms_mut().early_end_annual = early_end_annual;
    s.horizon_months = horizon;
    s
}

fn hpc_revenue(s: &Scenario, months: std::ops::Range<usize>) -> f64 {
    project(s).unwrap().strategies[1].months[months]
        .iter()
        .map(|m| m.hpc_revenue_usd)
        .sum()
}

/// The IREN ramp by hand: month k of the term (k = 0..59) delivers min((k + 1) / 12, 1) of
/// full capacity; the 60 phases sum to (1 + ... + 12) / 12 + 48 = 6.5 + 48 = 54.5.
fn iren_phase(k: usize) -> f64 {
    ((k + 1) as f64 / 12.0).min(1.0)
}

#[test]
fn the_iren_contract_total_is_booked_in_full_over_its_term() {
    // Before this model change the 12-month ramp deleted revenue: $8.35B of $9.7B booked.
    let total = hpc_revenue(&iren(0.0, 66), 0..66);
    assert!(close(total, 9.7e9, 1e-9), "{total}");
    // Nothing before the first revenue; the first month is 1/12 of a full month, a full month
    // is 9.7B / 54.5.
    let s = iren(0.0, 66);
    let p = project(&s).unwrap();
    let m = &p.strategies[1].months;
    assert_eq!(m[5].hpc_revenue_usd, 0.0);
    assert!(close(m[6].hpc_revenue_usd, 9.7e9 / 54.5 / 12.0, 1e-12));
    assert!(close(m[40].hpc_revenue_usd, 9.7e9 / 54.5, 1e-12));
    assert!((0..60).map(iren_phase).sum::<f64>() == 54.5);
}

#[test]
fn with_early_end_risk_the_total_is_booked_times_the_expected_survival() {
    // 2% a year: alive k months after the first revenue with probability 0.98^(k / 12).
    let expected: f64 = (0..60)
        .map(|k| 9.7e9 * iren_phase(k) / 54.5 * 0.98f64.powf(k as f64 / 12.0))
        .sum();
    let booked = hpc_revenue(&iren(0.02, 66), 0..66);
    assert!(close(booked, expected, 1e-9), "{booked} vs {expected}");
    assert!(booked < 9.7e9 * 0.99, "the risk costs something: {booked}");
}
