//! What a contract's assets cost over time: conversion capex depreciated over the facility
//! life, GPUs refreshed or retired at the end of their life, and a lease's megawatts after its
//! term.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may fail loudly

mod common;
use common::close;
use hashpivot_model::contract::{AfterTerm, Contract};
use hashpivot_model::kernel::{StrategyKernel, Timeline};
use hashpivot_model::{montecarlo, presets, project, Scenario};

/// The default scenario with the full pivot's lease sized at 175 MW of critical IT (not as
/// the whole site), the figures the hand calculations below use.
fn pivot_175() -> Scenario {
    let mut s = Scenario::default();
    assert!(s.strategies[1].contracts[0].set_field("it_mw", 175.0));
    s
}

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
        ..pivot_175()
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
    let mut s = pivot_175();
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
    s.fleet.asic_usd_per_th = 0.0;
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
        .map(|r| r.fcf_usd - r.ebitda_usd + r.capex_usd + r.interest_usd - r.asic_sales_usd)
        .sum();
    assert!(timing.abs() < 1e-9 * booked, "{timing}");
}

#[test]
fn without_randomness_the_monte_carlo_buys_the_same_refreshed_gpus() {
    let mut s = iren(true, 0.0);
    s.monte_carlo.paths = 10;
    s.monte_carlo.btc_volatility_pct_year = 0.0;
    s.monte_carlo.hashrate_volatility_pct_year = 0.0;
    s.monte_carlo.btc_drift_pct_year = Some(0.0);
    let p = project(&s).unwrap();
    let mc = montecarlo::run(&s).unwrap();
    for (m, row) in p.strategies[1].months.iter().enumerate() {
        let q = mc.bands[1].p50[m];
        assert!(close(q, row.cumulative_fcf_usd, 1e-9), "{m}: {q}");
    }
}

/// The default full pivot (175 MW of critical IT at $1.8M per MW-year, 3% escalator, first
/// revenue in month 12, 120-month term, power passed through) over 180 months, not renewing,
/// with `after` at term end.
fn lease(after: AfterTerm) -> Scenario {
    let mut s = Scenario {
        horizon_months: 180,
        ..pivot_175()
    };
    if let Contract::Colocation(c) = &mut s.strategies[1].contracts[0] {
        c.after_term = after;
    }
    s
}

#[test]
fn a_lease_that_does_not_renew_is_re_let_after_a_vacancy() {
    let s = lease(AfterTerm::Relet);
    let p = project(&s).unwrap();
    let m = &p.strategies[1].months;
    // The last month of the term (month 131, year 10 of the lease): 175 x 1.8M x 1.03^9 / 12.
    assert!(close(
        m[131].hpc_revenue_usd,
        175.0 * 1.8e6 * 1.03f64.powi(9) / 12.0,
        1e-12
    ));
    // Six months empty (132..138), then re-let at the lease's own base rent by default:
    // 175 x 1.8M / 12 = $26.25M a month, 3% more a year later.
    for r in &m[132..138] {
        assert_eq!(r.hpc_revenue_usd, 0.0);
    }
    assert!(close(m[138].hpc_revenue_usd, 26_250_000.0, 1e-12));
    assert!(close(m[149].hpc_revenue_usd, 26_250_000.0, 1e-12));
    assert!(close(m[150].hpc_revenue_usd, 26_250_000.0 * 1.03, 1e-12));
    // The megawatts stay with AI/HPC throughout.
    assert_eq!(m[179].hpc_mw, m[131].hpc_mw);
    // An explicit market rent, a shorter vacancy and site opex that goes on while empty.
    let mut s = lease(AfterTerm::Relet);
    if let Contract::Colocation(c) = &mut s.strategies[1].contracts[0] {
        c.market_usd_per_mw_year = 1.5e6;
        c.vacancy_months = 2;
    }
    let mut with_opex = s.clone();
    if let Contract::Colocation(c) = &mut with_opex.strategies[1].contracts[0] {
        c.opex_usd_per_mw_year = 120_000.0;
    }
    let (p, q) = (project(&s).unwrap(), project(&with_opex).unwrap());
    let m = &p.strategies[1].months;
    assert_eq!(m[133].hpc_revenue_usd, 0.0);
    assert!(close(m[134].hpc_revenue_usd, 175.0 * 1.5e6 / 12.0, 1e-12));
    // While empty: 175 x $120,000 / 12 = $1.75M of site opex against no rent.
    let extra = q.strategies[1].months[133].opex_usd - m[133].opex_usd;
    assert!(close(extra, 1_750_000.0, 1e-9), "{extra}");
}

#[test]
fn a_lease_that_returns_to_mining_frees_its_megawatts_at_term_end() {
    let s = lease(AfterTerm::Mining);
    let p = project(&s).unwrap();
    let (pure, pivot) = (&p.strategies[0].months, &p.strategies[1].months);
    // 175 MW x PUE 1.18 = 206.5 MW at the meter leave AI/HPC in month 132.
    assert!(close(pivot[131].hpc_mw, 206.5, 1e-12));
    assert_eq!(pivot[132].hpc_mw, 0.0);
    assert_eq!(pivot[132].hpc_revenue_usd, 0.0);
    // The whole site is the fleet's again (before, the lease left it 210 - 206.5 = 3.5 MW):
    // machines are bought for the 206.5 MW returned, 11 years on as much more efficient as the
    // network's marginal machine (5% a year): 17.5 x 0.95^11 J/TH at PUE 1.2, at $15 per TH/s.
    assert!(close(pivot[131].mining_mw, 3.5, 1e-9));
    assert!(
        close(pivot[132].mining_mw, 210.0, 1e-9),
        "{}",
        pivot[132].mining_mw
    );
    let efficiency = 17.5 * 0.95f64.powf(11.0);
    let bought_eh_s = 206.5 / (efficiency * 1.2);
    assert!(close(pivot[132].capex_usd, bought_eh_s * 1e6 * 15.0, 1e-9));
    // The new machines mine (the pure miner's 2026 fleet may be off by 2037).
    assert!(pivot[132].btc_mined > 0.0 && pivot[132].btc_mined >= pure[132].btc_mined);
    // The contract's kernel says when and how much came back.
    let k = StrategyKernel::new(&s, 1, &Timeline::new(&s));
    let back = &k.contracts[0].mw_returned;
    assert_eq!(back[131], 0.0);
    assert!(close(back[132], 206.5, 1e-12) && close(back[179], 206.5, 1e-12));
    // A 3-month delivery delay hands them back 3 months later.
    let mut late = lease(AfterTerm::Mining);
    late.strategies[1].contracts[0].terms_mut().delay_months = 3;
    let p = project(&late).unwrap();
    assert!(p.strategies[1].months[134].hpc_mw > 0.0);
    assert_eq!(p.strategies[1].months[135].hpc_mw, 0.0);
}

#[test]
fn a_renewing_lease_ignores_what_happens_after_a_term_without_renewal() {
    let mut s = lease(AfterTerm::Mining);
    if let Contract::Colocation(c) = &mut s.strategies[1].contracts[0] {
        c.renews = true;
        c.renewal_rate_change = 0.1;
    }
    let p = project(&s).unwrap();
    let m = &p.strategies[1].months;
    // Year 11 of the lease at +10%: 175 x 1.8M x 1.03^10 x 1.1 / 12, and the MW stay.
    let want = 175.0 * 1.8e6 * 1.03f64.powi(10) * 1.1 / 12.0;
    assert!(close(m[132].hpc_revenue_usd, want, 1e-12));
    assert_eq!(m[179].hpc_mw, m[131].hpc_mw);
}
