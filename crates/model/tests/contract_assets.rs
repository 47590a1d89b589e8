//! What a contract's assets cost over time: conversion capex depreciated over the facility
//! life, GPUs refreshed or retired at the end of their life, and a lease's megawatts after its
//! term.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may fail loudly

mod common;
use common::close;
use hashpivot_model::contract::Contract;
use hashpivot_model::{montecarlo, presets, project, Scenario};

/// Depreciation of strategy `i` in every month.
fn depreciation(s: &Scenario, i: usize) -> Vec<f64> {
    project(s).unwrap().strategies[i]
        .months
        .iter()
        .map(|m| m.depreciation_usd)
        .collect()
}

#[test]
fn conversion_capex_is_depreciated_straight_line_over_the_facility_life() {
    // The default full pivot: 175 MW of critical IT at $9M per MW, first revenue in month 12.
    // A 120-month facility life over a 180-month horizon: 175 x 9M / 120 = $13.125M a month
    // in months 12..132, nothing before or after.
    let mut s = Scenario {
        horizon_months: 180,
        ..Scenario::default()
    };
    s.strategies[1].contracts[0]
        .terms_mut()
        .facility_life_months = 120;
    let mut free = s.clone();
    free.strategies[1].contracts[0].terms_mut().capex_usd_per_mw = 0.0;
    let (with, without) = (depreciation(&s, 1), depreciation(&free, 1));
    let extra: Vec<f64> = with.iter().zip(&without).map(|(a, b)| a - b).collect();
    assert_eq!(extra[11], 0.0);
    assert!(close(extra[12], 13_125_000.0, 1e-9), "{}", extra[12]);
    assert!(close(extra[131], 13_125_000.0, 1e-9), "{}", extra[131]);
    assert_eq!(extra[132], 0.0);
    // In all, the whole conversion capex, and it is spent as capex too.
    assert!(close(extra.iter().sum::<f64>(), 175.0 * 9e6, 1e-9));
    let capex: f64 = project(&s).unwrap().strategies[1]
        .months
        .iter()
        .map(|m| m.capex_usd)
        .sum();
    assert!(close(capex, 175.0 * 9e6, 1e-9), "{capex}");
    // The default life is 240 months (20 years): $6.5625M a month.
    s.strategies[1].contracts[0]
        .terms_mut()
        .facility_life_months = 240;
    let with = depreciation(&s, 1);
    assert!(close(with[150] - without[150], 6_562_500.0, 1e-9));
}

#[test]
fn a_delivery_delay_starts_the_facility_depreciation_later() {
    let mut s = Scenario::default();
    s.strategies[1].contracts[0].terms_mut().delay_months = 3;
    let mut free = s.clone();
    free.strategies[1].contracts[0].terms_mut().capex_usd_per_mw = 0.0;
    let (with, without) = (depreciation(&s, 1), depreciation(&free, 1));
    assert_eq!(with[14] - without[14], 0.0);
    assert!(close(with[15] - without[15], 175.0 * 9e6 / 240.0, 1e-9));
}

/// The IREN-Microsoft deal (76,000 GPUs at $5.8B in all, bought in month 0; first revenue in
/// month 6; GPU life = term = 60 months) over 180 months, with or without GPU refresh.
fn iren(refresh: bool, early_end_annual: f64) -> Scenario {
    let mut s = presets::scenario("iren-microsoft").unwrap();
    s.horizon_months = 180;
    let c = &mut s.strategies[1].contracts[0];
    c.terms_mut().early_end_annual = early_end_annual;
    if let Contract::GpuCloud(g) = c {
        g.gpu_refresh = refresh;
    }
    s
}

#[test]
fn gpus_are_bought_again_at_the_declined_price_when_their_life_ends() {
    let p = project(&iren(true, 0.0)).unwrap();
    let m = &p.strategies[1].months;
    // The first GPUs are bought at conversion start (month 0) and live months 6..66. Bought
    // again in month 66 (5.5 years on) at 15% a year less: 5.8B x 0.85^5.5, and in month 126
    // (10.5 years on): 5.8B x 0.85^10.5.
    let (second, third) = (5.8e9 * 0.85f64.powf(5.5), 5.8e9 * 0.85f64.powf(10.5));
    assert!(close(m[66].capex_usd, second, 1e-9), "{}", m[66].capex_usd);
    assert!(close(m[126].capex_usd, third, 1e-9), "{}", m[126].capex_usd);
    assert_eq!(m[65].capex_usd, 0.0);
    assert_eq!(m[67].capex_usd, 0.0);
    // Depreciation restarts at the refreshed price (against retired GPUs): second / 60 a month
    // in months 66..126, third / 60 after.
    let retired = depreciation(&iren(false, 0.0), 1);
    let refreshed = depreciation(&iren(true, 0.0), 1);
    assert_eq!(refreshed[65], retired[65]);
    assert!(close(refreshed[66] - retired[66], second / 60.0, 1e-9));
    assert!(close(refreshed[125] - retired[125], second / 60.0, 1e-9));
    assert!(close(refreshed[126] - retired[126], third / 60.0, 1e-9));
    // After the contract's term the refreshed GPUs sell GPU-hours: 76,000 x $2.95 x 70% at
    // 15% a year less, 60 months after the first revenue: 0.85^5.
    let hours = 31.0 * 24.0; // month 66 is July 2031
    let want = 76_000.0 * 2.95 * 0.7 * 0.85f64.powi(5) * hours;
    assert!(
        close(m[66].hpc_revenue_usd, want, 1e-9),
        "{}",
        m[66].hpc_revenue_usd
    );
}

#[test]
fn without_refresh_the_capacity_ends_with_its_gpus() {
    let p = project(&iren(false, 0.0)).unwrap();
    let m = &p.strategies[1].months;
    assert!(m[65].hpc_revenue_usd > 0.0 && m[65].energy_cost_usd > 0.0);
    // The deal's strategy mines nothing (the site is all AI/HPC), so from month 66 there is no
    // revenue, no power and no capex at all; the megawatts stay converted.
    for r in &m[66..] {
        assert_eq!(
            (
                r.hpc_revenue_usd,
                r.energy_cost_usd,
                r.opex_usd,
                r.capex_usd
            ),
            (0.0, 0.0, 0.0, 0.0)
        );
        assert_eq!(r.hpc_mw, m[65].hpc_mw);
    }
    // The GPUs depreciate over months 6..66 only, 5.8B / 60 a month (no ASICs, no
    // conversion capex here, so depreciation is the GPUs').
    let mut s = iren(false, 0.0);
    s.strategies[1].contracts[0].terms_mut().capex_usd_per_mw = 0.0;
    s.fleet.asic_value_usd = 0.0;
    let gpu = depreciation(&s, 1);
    assert!(close(gpu[6], 5.8e9 / 60.0, 1e-9) && close(gpu[65], 5.8e9 / 60.0, 1e-9));
    assert_eq!((gpu[5], gpu[66], gpu[179]), (0.0, 0.0, 0.0));
}

#[test]
fn a_refresh_is_spent_only_if_the_contract_is_alive() {
    // 2% a year: alive in month 66 (60 months after the first revenue) with probability
    // 0.98^5; the expected capex and its depreciation scale by it.
    let p = project(&iren(true, 0.02)).unwrap();
    let want = 0.98f64.powi(5) * 5.8e9 * 0.85f64.powf(5.5);
    assert!(close(p.strategies[1].months[66].capex_usd, want, 1e-9));
    let risky = depreciation(&iren(true, 0.02), 1);
    let retired = depreciation(&iren(false, 0.02), 1);
    assert!(close(risky[70] - retired[70], want / 60.0, 1e-9));
}

#[test]
fn gpus_retired_before_the_term_ends_cut_the_total_and_return_the_unearned_prepayment() {
    // GPU life 36 months without refresh: the 60-month contract stops after 36 months
    // (months 6..42). Earned: the 12 ramp months (6.5) and 24 full ones, 30.5 of 54.5.
    let mut s = iren(false, 0.0);
    s.horizon_months = 70;
    if let Contract::GpuCloud(g) = &mut s.strategies[1].contracts[0] {
        g.gpu_life_months = 36;
    }
    let p = project(&s).unwrap();
    let m = &p.strategies[1].months;
    let booked: f64 = m.iter().map(|r| r.hpc_revenue_usd).sum();
    assert!(close(booked, 9.7e9 * 30.5 / 54.5, 1e-9), "{booked}");
    assert_eq!(m[42].hpc_revenue_usd, 0.0);
    // The 20% prepayment ($1.94B) was earned 30.5 / 54.5 of the way: the rest, 1.94B x 24 /
    // 54.5, goes back in month 42, where it is all the FCF (no revenue, cost or capex left).
    assert!(
        close(m[42].fcf_usd, -1.94e9 * 24.0 / 54.5, 1e-9),
        "{}",
        m[42].fcf_usd
    );
    let timing: f64 = m
        .iter()
        .map(|r| r.fcf_usd - r.ebitda_usd + r.capex_usd + r.interest_usd)
        .sum();
    assert!(timing.abs() < 1e-9 * booked, "{timing}");
}

#[test]
fn without_randomness_the_monte_carlo_buys_the_same_refreshed_gpus() {
    let mut s = iren(true, 0.0);
    s.monte_carlo.paths = 10;
    s.monte_carlo.btc_volatility_pct_year = 0.0;
    s.monte_carlo.hashrate_volatility_pct_year = 0.0;
    s.monte_carlo.btc_drift_pct_year = 0.0;
    let p = project(&s).unwrap();
    let mc = montecarlo::run(&s).unwrap();
    for (m, row) in p.strategies[1].months.iter().enumerate() {
        let q = mc.bands[1].p50[m];
        assert!(close(q, row.cumulative_fcf_usd, 1e-9), "{m}: {q}");
    }
}
