//! What a contract's assets cost over time: conversion capex depreciated over the facility
//! life, GPUs refreshed or retired at the end of their life, and a lease's megawatts after its
//! term.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may fail loudly

mod common;
use common::close;
use hashpivot_model::{project, Scenario};

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
