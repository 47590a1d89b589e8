//! The scalar share-link keys: each one's bound and how it reads and writes a scenario.

use crate::bounds::{self, network, Bound};
use crate::error::ValidationError;
use crate::scenario::Scenario;

use super::problem;

/// Reads a scalar input of a scenario.
pub type Get = fn(&Scenario) -> f64;
/// Writes a scalar input of a scenario.
pub type Set = fn(&mut Scenario, f64);

/// One scalar key: its bound (key, label, unit, range), how to read and write it.
///
/// An optional input (`given` is set) has a value the model derives when the user gives none
/// (the start height from the start month, the site from the fleet, the Monte Carlo drift from
/// the BTC growth): `get` reads the value in force, `set` makes it the user's, and the link
/// carries it only when the user gave it.
pub(super) struct Key {
    pub(super) bound: Bound,
    pub(super) whole: bool,
    pub(super) get: Get,
    pub(super) set: Set,
    pub(super) given: Option<fn(&Scenario) -> bool>,
}

macro_rules! key {
    ($bound:expr, $whole:expr, |$s:ident| $field:expr) => {
        Key {
            bound: $bound,
            whole: $whole,
            get: |$s: &Scenario| $field as f64,
            set: |$s: &mut Scenario, v: f64| $field = v as _,
            given: None,
        }
    };
    // An optional input: `$field` is an `Option`, `$derived` the value in force without it.
    ($bound:expr, $whole:expr, |$s:ident| $field:expr, or $derived:expr) => {
        Key {
            bound: $bound,
            whole: $whole,
            get: |$s: &Scenario| $derived as f64,
            set: |$s: &mut Scenario, v: f64| $field = Some(v as _),
            given: Some(|$s: &Scenario| $field.is_some()),
        }
    };
}

/// The scalar keys in the order they are written.
pub(super) fn keys() -> [Key; 44] {
    [
        key!(bounds::BTC_PRICE, false, |s| s.network.btc_price_usd),
        key!(bounds::DIFFICULTY, false, |s| s.network.difficulty_t),
        key!(bounds::FEES, false, |s| s.network.fees_btc_per_block),
        key!(bounds::HEIGHT, true, |s| s.network.height, or s.start_height()),
        key!(bounds::HORIZON, true, |s| s.horizon_months),
        key!(bounds::BTC_GROWTH, false, |s| s.market.btc_growth_pct_year),
        key!(bounds::DIFF_GROWTH, false, |s| s
            .market
            .difficulty_growth_pct_month),
        key!(bounds::FEES_GROWTH, false, |s| s
            .market
            .fees_growth_pct_month),
        key!(network::EFFICIENCY, false, |s| s
            .market
            .network
            .marginal_efficiency_j_th),
        key!(network::POWER, false, |s| s.market.network.power_usd_mwh),
        key!(network::GAIN, false, |s| s
            .market
            .network
            .efficiency_gain_pct_year),
        key!(network::LAG, true, |s| s.market.network.lag_months),
        key!(bounds::FLEET, false, |s| s.fleet.hashrate_eh_s),
        key!(bounds::EFFICIENCY, false, |s| s.fleet.efficiency_j_th),
        key!(bounds::UPTIME, false, |s| s.fleet.uptime_pct),
        key!(bounds::CURTAILMENT, false, |s| s.fleet.curtailment_pct),
        key!(bounds::POOL_FEE, false, |s| s.fleet.pool_fee_pct),
        key!(bounds::PUE, false, |s| s.fleet.pue),
        key!(bounds::OPEX_EH, false, |s| s.fleet.opex_usd_per_eh_month),
        key!(bounds::OPEX_AVOIDABLE, false, |s| s
            .fleet
            .opex_avoidable_pct),
        key!(bounds::ASIC_TH, false, |s| s.fleet.asic_usd_per_th),
        key!(bounds::ASIC_LIFE, true, |s| s.fleet.asic_life_months),
        key!(bounds::RESALE_BELOW_19, false, |s| s
            .fleet
            .asic_resale
            .below_19_j_th),
        key!(bounds::RESALE_19_TO_25, false, |s| s
            .fleet
            .asic_resale
            .from_19_to_25_j_th),
        key!(bounds::RESALE_FROM_25, false, |s| s
            .fleet
            .asic_resale
            .from_25_j_th),
        key!(bounds::DEMAND_RESPONSE, false, |s| s
            .fleet
            .demand_response_usd_mwh),
        key!(bounds::SITE_MW, false, |s| s.site.capacity_mw, or s.site_mw()),
        key!(bounds::POWER, false, |s| s.site.power_usd_mwh),
        key!(bounds::HPC_PUE, false, |s| s.site.hpc_pue),
        key!(bounds::DISCOUNT, false, |s| s
            .financing
            .discount_rate_pct_year),
        key!(bounds::CASH, false, |s| s.financing.cash_usd),
        key!(bounds::CREDIT_LIMIT, false, |s| s
            .financing
            .credit_limit_usd),
        key!(bounds::CREDIT_RATE, false, |s| s
            .financing
            .credit_rate_pct_year),
        key!(bounds::EQUITY_LIMIT, false, |s| s
            .financing
            .equity_limit_usd),
        key!(bounds::SHARE_PRICE, false, |s| s.financing.share_price_usd),
        key!(bounds::SHARES, false, |s| s.financing.shares_outstanding_m),
        key!(bounds::BTC_HELD, false, |s| s.treasury.btc_held),
        key!(bounds::SELL, false, |s| s.treasury.sell_pct),
        key!(bounds::PATHS, true, |s| s.monte_carlo.paths),
        key!(bounds::BTC_DRIFT, false, |s| s.monte_carlo.btc_drift_pct_year, or s.mc_drift_pct_year()),
        key!(bounds::BTC_VOL, false, |s| s
            .monte_carlo
            .btc_volatility_pct_year),
        key!(bounds::HASHRATE_VOL, false, |s| s
            .monte_carlo
            .hashrate_volatility_pct_year),
        key!(bounds::HASHRATE_FOLLOW, false, |s| s
            .monte_carlo
            .hashrate_follows_price_pct),
        key!(bounds::HASHRATE_LAG, true, |s| s
            .monte_carlo
            .hashrate_lag_months),
    ]
}

/// Reader and writer of the scalar input with share-link key `key` (e.g. `btc`), in the units
/// of its bound.
pub fn accessor(key: &str) -> Option<(Get, Set)> {
    keys()
        .into_iter()
        .find(|k| k.bound.key == key)
        .map(|k| (k.get, k.set))
        .or_else(|| super::legacy::accessor(key))
}

/// The bound (label, unit, range) of the scalar input with share-link key `key`.
pub fn bound(key: &str) -> Option<Bound> {
    keys()
        .into_iter()
        .find(|k| k.bound.key == key)
        .map(|k| k.bound)
        .or_else(|| super::legacy::bound(key))
}

/// Keys read apart from the table: `hashrate` (read only; written as `diff`), `seed` (a full
/// 64-bit integer), and the non-scalars.
const OTHER_KEYS: [&str; 7] = [
    "preset",
    "hashrate",
    "seed",
    "start",
    "network",
    "strategies",
    "debt",
];

/// Every key the decoder knows, for messages and documentation.
pub fn known_keys() -> String {
    let mut all: Vec<&str> = keys().iter().map(|k| k.bound.key).collect();
    all.extend(OTHER_KEYS);
    all.extend(super::legacy::KEYS);
    format!("a known key: {}", all.join(", "))
}

pub(super) fn parse_scalar(key: &Key, text: &str) -> Result<f64, ValidationError> {
    let v = key.bound.parse(text)?;
    if key.whole && v.fract() != 0.0 {
        return Err(problem(
            key.bound.key,
            key.bound.label,
            text,
            &format!("a whole {}", key.bound.allowed().trim_start_matches("a ")),
        ));
    }
    Ok(v)
}
