//! What a contract pays and when: a contract total delivered in full over its term, the
//! prepayment recognised as earned and its unearned part returned on an early end.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may fail loudly

mod common;
use common::close;
use hashpivot_model::contract::Contract;
use hashpivot_model::kernel::{StrategyKernel, Timeline};
use hashpivot_model::{montecarlo, presets, project, Scenario};

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

/// The strategy kernel of the IREN deal's strategy, on the scenario's own path.
fn kernel(s: &Scenario) -> StrategyKernel {
    StrategyKernel::new(s, 1, &Timeline::new(s))
}

#[test]
fn the_prepayment_is_earned_month_by_month_and_the_rest_returned_on_an_early_end() {
    // 20% of $9.7B = $1.94B received in month 6; month 6 earns 9.7B / 54.5 / 12 and keeps back
    // 20% of it, leaving 1.94B x (1 - 1 / 654) unearned at its end.
    let s = iren(0.02, 66);
    let k = kernel(&s);
    let c = &k.contracts[0];
    let hours = Timeline::new(&s).hours;
    let first = c.month(6, 0, hours[6]);
    assert!(close(first.prepayment, 1.94e9 - 0.2 * 9.7e9 / 654.0, 1e-12));
    assert!(close(c.unearned[6], 1.94e9 * (1.0 - 1.0 / 654.0), 1e-12));
    // If the contract ends in month 7 (the first month it is not alive), that is returned; the
    // chance of it is 1 - 0.98^(1/12).
    assert!(close(c.refund(7, 0), 1.94e9 * (1.0 - 1.0 / 654.0), 1e-12));
    let state = c.expected(7);
    assert!(close(state.ended, 1.0 - 0.98f64.powf(1.0 / 12.0), 1e-9));
    assert!(close(state.alive, 0.98f64.powf(1.0 / 12.0), 1e-12));
    // Nothing before the first revenue, nothing to end in it; nothing unearned after the term.
    assert_eq!((c.refund(6, 0), c.expected(6).ended), (0.0, 0.0));
    assert_eq!(c.unearned[65], 0.0);
    // At the end of month 35, 30 months are earned (the 12 ramp months' 6.5 and 18 full
    // ones): the balance is 1.94B x (1 - 24.5 / 54.5).
    assert!(close(c.unearned[35], 1.94e9 * (1.0 - 24.5 / 54.5), 1e-9));
}

#[test]
fn over_a_whole_life_cash_received_equals_revenue_earned_for_any_hazard() {
    for hazard in [0.0, 0.02, 0.1, 0.3, 0.7, 1.0] {
        for share in [0.2, 1.0] {
            let mut s = iren(hazard, 70);
            if let Contract::GpuCloud(g) = &mut s.strategies[1].contracts[0] {
                g.prepayment_share = share;
            }
            let t = Timeline::new(&s);
            let k = kernel(&s);
            let c = &k.contracts[0];
            let (mut received, mut earned, mut refunds) = (0.0, 0.0, 0.0);
            for m in 0..t.len() {
                let state = c.expected(m);
                let month = c.month(m, state.delay, t.hours[m]);
                let refund = state.ended * c.refund(m, state.delay);
                earned += state.alive * month.revenue;
                received += state.alive * (month.revenue + month.prepayment) - refund;
                refunds += refund;
            }
            assert!(
                close(received, earned, 1e-9),
                "{hazard} {share}: {received} vs {earned}"
            );
            assert_eq!(refunds > 0.0, hazard > 0.0, "{hazard} {share}: {refunds}");
            // The same through the projection: FCF - EBITDA + capex + interest - ASIC sales
            // is the prepayment timing, which nets to nothing over the contract's life.
            let p = project(&s).unwrap();
            let timing: f64 = p.strategies[1]
                .months
                .iter()
                .map(|r| r.fcf_usd - r.ebitda_usd + r.capex_usd + r.interest_usd - r.asic_sales_usd)
                .sum();
            assert!(timing.abs() <= 1e-9 * earned, "{hazard} {share}: {timing}");
        }
    }
}

#[test]
fn on_a_sampled_path_the_refund_is_paid_in_the_end_month() {
    // Whatever month the contract ends in, prepayment - kept-back shares - refund = 0.
    let s = iren(0.0, 70);
    let t = Timeline::new(&s);
    let k = kernel(&s);
    let c = &k.contracts[0];
    for end in 7..70 {
        let mut timing = 0.0;
        for m in 0..t.len() {
            let month = c.month(m, 0, t.hours[m]);
            if m < end {
                timing += month.prepayment;
            } else if m == end {
                timing -= c.refund(m, 0);
            }
        }
        assert!(timing.abs() <= 1e-9 * 1.94e9, "{end}: {timing}");
    }
    // A certain end (100% a year: every path ends in month 7) makes the Monte Carlo exact: its
    // bands are the deterministic cumulative FCF, refund included.
    let mut certain = iren(1.0, 24);
    certain.monte_carlo.paths = 20;
    certain.monte_carlo.btc_volatility_pct_year = 0.0;
    certain.monte_carlo.hashrate_volatility_pct_year = 0.0;
    certain.monte_carlo.btc_drift_pct_year = Some(0.0);
    let p = project(&certain).unwrap();
    let mc = montecarlo::run(&certain).unwrap();
    for (m, row) in p.strategies[1].months.iter().enumerate() {
        for q in [mc.bands[1].p5[m], mc.bands[1].p95[m]] {
            assert!(
                close(q, row.cumulative_fcf_usd, 1e-9),
                "{m}: {q} vs {}",
                row.cumulative_fcf_usd
            );
        }
    }
    // The refund is there: month 7 returns almost all of the $1.94B.
    let fcf7 = p.strategies[1].months[7].fcf_usd;
    assert!(fcf7 < -1.9e9, "{fcf7}");
}
