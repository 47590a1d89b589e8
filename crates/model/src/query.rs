//! The share-link format: a scenario as a compact URL query string, and back.
//!
//! Keys are stable; a key is written only when its value differs from the base scenario (the
//! defaults, or the preset named by `preset`), so a typical link is short. Numbers are written
//! in Rust's shortest round-trip form, so decoding gives back exactly the same scenario.
//!
//! | key | meaning | unit |
//! |---|---|---|
//! | `preset` | base scenario: a preset id (`hashpivot presets`) | |
//! | `btc` | BTC price | USD |
//! | `diff` / `hashrate` | difficulty (T) or network hashrate (EH/s); not both | |
//! | `fees` | fees per block | BTC |
//! | `height` | start block height (default: follows `start`, from the snapshot at 144 blocks a day) | |
//! | `start` | first month | YYYY-MM |
//! | `horizon` | months projected | months |
//! | `btc_growth`, `diff_growth`, `fees_growth` | growth | % a year, % a month, % a month |
//! | `fleet`, `eff` | fleet hashrate, efficiency | EH/s, J/TH |
//! | `uptime`, `curtail`, `poolfee` | | % |
//! | `pue`, `asic_life`, `dr` | mining PUE, ASIC depreciation life, demand-response credit | , months, USD/MWh |
//! | `opex_eh`, `opex_avoid` | mining cash opex per EH/s installed, its share that stops for machines switched off | USD per EH/s a month, % |
//! | `asic_th` | value of the original fleet's ASICs | USD per TH/s |
//! | `resale_lt19`, `resale_19_25`, `resale_ge25` | resale price of ASICs sold when AI/HPC takes their MW, by efficiency tier (below 19, 19 to 25, 25 J/TH and above) | USD per TH/s |
//! | `opex`, `asic_value` | old links only (read, never written): cash opex of the whole fleet, ASIC value; divided by the link's fleet into `opex_eh`, `asic_th` | USD a month, USD |
//! | `site_mw`, `power`, `hpc_pue` | site capacity (default: the fleet's facility power), power price, AI/HPC PUE | MW, USD/MWh, |
//! | `discount` | discount rate | % a year |
//! | `btc_held`, `sell` | treasury BTC, share of production sold | BTC, % |
//! | `paths`, `seed`, `btc_drift`, `btc_vol`, `hr_vol`, `hr_follow`, `hr_lag` | Monte Carlo (`btc_drift` defaults to `btc_growth`) | , , % a year, % a year, % a year, %, months |
//! | `strategies`, `debt` | JSON arrays, when they differ from the base | |
//!
//! # Usage
//! ```
//! use hashpivot_model::query;
//! let s = query::decode_strict("btc=91000&diff=152&fees=0.02").unwrap();
//! assert_eq!(s.network.difficulty_t, 152.0);
//! assert_eq!(query::decode_strict(&query::encode(&s)).unwrap(), s);
//! ```

use crate::bounds::{self, Bound};
use crate::calendar::YearMonth;
use crate::error::ValidationError;
use crate::presets;
use crate::scenario::Scenario;
use crate::Network;

mod encode;
pub mod legacy;
pub use encode::{encode, encode_from};

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
struct Key {
    bound: Bound,
    whole: bool,
    get: Get,
    set: Set,
    given: Option<fn(&Scenario) -> bool>,
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
fn keys() -> [Key; 34] {
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
/// of its bound (also the old totals `opex` and `asic_value`, see [`legacy`]).
pub fn accessor(key: &str) -> Option<(Get, Set)> {
    keys()
        .into_iter()
        .find(|k| k.bound.key == key)
        .map(|k| (k.get, k.set))
        .or_else(|| legacy::accessor(key))
}

/// The bound (label, unit, range) of the scalar input with share-link key `key` (also the old
/// totals `opex` and `asic_value`).
pub fn bound(key: &str) -> Option<Bound> {
    keys()
        .into_iter()
        .find(|k| k.bound.key == key)
        .map(|k| k.bound)
        .or_else(|| legacy::bound(key))
}

/// Keys read apart from the table: `hashrate` (read only; written as `diff`), `seed` (a full
/// 64-bit integer), and the non-scalars.
const OTHER_KEYS: [&str; 6] = ["preset", "hashrate", "seed", "start", "strategies", "debt"];

/// The result of reading a link leniently: what could be used, and what could not.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// The scenario with every usable key applied.
    pub scenario: Scenario,
    /// Keys ignored, each with the reason (unknown key, bad value, conflict).
    pub problems: Vec<ValidationError>,
    /// Pairs whose key the caller claimed (e.g. the app's `lang`), untouched.
    pub claimed: Vec<(String, String)>,
    /// The preset the scenario starts from, when the link names a known one.
    pub preset: Option<String>,
}

/// Reads `query` (with or without a leading `?`). Keys in `claimed_keys` are handed back
/// untouched; every other key is applied if it is known and its value is good, and reported in
/// `problems` otherwise. The scenario returned is always valid.
pub fn decode(query: &str, claimed_keys: &[&str]) -> Decoded {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut problems = Vec::new();
    let mut claimed = Vec::new();
    let mut pairs: Vec<(String, String)> = Vec::new();
    for (k, v) in form_urlencoded::parse(query.as_bytes()) {
        if k.is_empty() && v.is_empty() {
            continue;
        }
        if claimed_keys.contains(&k.as_ref()) {
            claimed.push((k.into_owned(), v.into_owned()));
        } else if pairs.iter().any(|(seen, _)| *seen == k) {
            problems.push(problem(
                shown(&k),
                "Repeated key",
                &v,
                "each key at most once",
            ));
        } else {
            pairs.push((k.into_owned(), v.into_owned()));
        }
    }
    let value_of = |key: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };

    let mut scenario = Scenario::default();
    let mut preset = None;
    if let Some(id) = value_of("preset") {
        match presets::scenario(id) {
            Some(s) => {
                scenario = s;
                preset = Some(id.to_string());
            }
            None => problems.push(problem(
                "preset",
                "Preset",
                id,
                &format!("one of {}", presets::ids().join(", ")),
            )),
        }
    }
    let table = keys();
    // Old links' totals, divided by the fleet once every other key is applied.
    let mut totals = Vec::new();
    for (k, v) in &pairs {
        if k == "preset" {
            continue;
        }
        let mut next = scenario.clone();
        let applied = match k.as_str() {
            "start" => v.parse::<YearMonth>().map(|m| next.start = m).map_err(|_| {
                problem(
                    "start",
                    "Start month",
                    v,
                    "a month YYYY-MM from 2009-01 to 2200-12",
                )
            }),
            "strategies" => serde_json::from_str(v)
                .map(|x| next.strategies = x)
                .map_err(|e| {
                    problem(
                        "strategies",
                        "Strategies",
                        &shorten(v),
                        &format!("a JSON array of strategies ({e})"),
                    )
                }),
            "debt" => serde_json::from_str(v)
                .map(|x| next.financing.debt = x)
                .map_err(|e| {
                    problem(
                        "debt",
                        "Debt",
                        &shorten(v),
                        &format!("a JSON array of debts ({e})"),
                    )
                }),
            "seed" => v
                .trim()
                .parse::<u64>()
                .map(|x| next.monte_carlo.seed = x)
                .map_err(|_| {
                    problem(
                        "seed",
                        "Seed",
                        v,
                        "a whole number from 0 to 18,446,744,073,709,551,615",
                    )
                }),
            "hashrate" if value_of("diff").is_some() => Err(problem(
                "hashrate",
                "Network hashrate",
                v,
                "either hashrate or diff, not both (they are one input shown two ways)",
            )),
            "opex" | "asic_value" => {
                let per_unit = if k == "opex" { "opex_eh" } else { "asic_th" };
                legacy::read(k, v, value_of(per_unit).is_some()).map(|t| totals.push(t))
            }
            "hashrate" => bounds::HASHRATE
                .parse(v)
                .map(|eh| next.network.difficulty_t = Network::difficulty_t_from_hashrate_eh_s(eh)),
            _ => match table.iter().find(|key| key.bound.key == k) {
                Some(key) => parse_scalar(key, v).map(|x| (key.set)(&mut next, x)),
                None if k.is_empty() => {
                    Err(problem(shown(k), "Value without a key", v, &known_keys()))
                }
                None => Err(problem(k, "Unknown key", v, &known_keys())),
            },
        };
        // A value that is fine alone but breaks the whole (e.g. a site too small for the
        // strategies' contracts) is refused too, naming the key.
        let applied = applied.and_then(|()| {
            next.validate().map_err(|e| ValidationError {
                field: k.clone(),
                label: e.label.clone(),
                value: shorten(v),
                allowed: format!("a value consistent with the rest: {e}"),
            })
        });
        match applied {
            Ok(()) => scenario = next,
            Err(e) => problems.push(e),
        }
    }
    legacy::convert(&mut scenario, &totals, &mut problems);
    // Contracts sized as a share of the site follow the fleet and site the link gives.
    scenario.size_contracts();
    Decoded {
        scenario,
        problems,
        claimed,
        preset,
    }
}

/// Reads `query` and fails on the first problem (the CLI's behaviour).
pub fn decode_strict(query: &str) -> Result<Scenario, ValidationError> {
    let mut d = decode(query, &[]);
    if d.problems.is_empty() {
        Ok(d.scenario)
    } else {
        Err(d.problems.swap_remove(0))
    }
}

fn parse_scalar(key: &Key, text: &str) -> Result<f64, ValidationError> {
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

/// A key as messages show it: an empty one is named so the user can find it.
fn shown(key: &str) -> &str {
    if key.is_empty() {
        "(no key)"
    } else {
        key
    }
}

fn problem(field: &str, label: &str, value: &str, allowed: &str) -> ValidationError {
    ValidationError {
        field: field.into(),
        label: label.into(),
        value: shorten(value),
        allowed: allowed.into(),
    }
}

/// Long values (JSON, a file's) are cut in messages.
pub(crate) fn shorten(v: &str) -> String {
    const MAX: usize = 80;
    if v.chars().count() <= MAX {
        v.to_owned()
    } else {
        format!("{}...", v.chars().take(MAX).collect::<String>())
    }
}

/// Every key the decoder knows, for messages and documentation.
pub fn known_keys() -> String {
    let mut all: Vec<&str> = keys().iter().map(|k| k.bound.key).collect();
    all.extend(OTHER_KEYS);
    all.extend(legacy::KEYS);
    format!("a known key: {}", all.join(", "))
}
