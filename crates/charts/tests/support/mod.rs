//! Scenarios the chart tests share.
#![allow(dead_code)] // each test file uses some of these

use hashpivot_model::Scenario;

/// The default scenario with a small Monte Carlo, so tests stay fast, and difficulty growing a
/// fixed 2.5% a month (`network=fixed`): mining then loses money and pure mining never pays
/// back, so the charts' loss and no-payback cases are drawn (with the economic network, the
/// default, mining stays near its marginal cost and pays back).
pub fn scenario() -> Scenario {
    let mut s = Scenario::default();
    s.monte_carlo.paths = 200;
    s.market.network.mode = hashpivot_model::scenario::NetworkMode::Fixed;
    s
}

/// The default scenario with conversion capex halved: the pivots pay back within the horizon,
/// and on the decision map the full pivot wins the top-left (cheap BTC, dear power) and ties
/// pure mining along a diagonal.
pub fn cheap_conversion() -> Scenario {
    let mut s = scenario();
    for st in &mut s.strategies {
        for c in &mut st.contracts {
            c.terms_mut().capex_usd_per_mw *= 0.5;
        }
    }
    s
}

/// The strategies' names.
pub fn names(s: &Scenario) -> Vec<String> {
    s.strategies.iter().map(|x| x.name.clone()).collect()
}

/// Today's (BTC price, power price).
pub fn today(s: &Scenario) -> (f64, f64) {
    (s.network.btc_price_usd, s.site.power_usd_mwh)
}
