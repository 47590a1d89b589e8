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
//! | `btc_growth`, `diff_growth`, `fees_growth` | growth (`diff_growth` only with `network=fixed`) | % a year, % a month, % a month |
//! | `network` | how network hashrate moves: `economic` (default; toward the level at which the network's marginal machines just cover their energy, see [`crate::network::path`]) or `fixed` (compounded at `diff_growth`); a link that gives `diff_growth` without `network` means `fixed` | |
//! | `net_eff`, `net_power`, `net_eff_gain`, `net_lag` | economic network: its marginal machines' efficiency at the meter, their power price, how fast they improve, the time constant of new capacity | J/TH, USD/MWh, % a year, months |
//! | `fleet`, `eff` | fleet hashrate, efficiency | EH/s, J/TH |
//! | `uptime`, `curtail`, `poolfee` | | % |
//! | `pue`, `asic_life`, `dr` | mining PUE, ASIC depreciation life, demand-response credit | , months, USD/MWh |
//! | `opex_eh`, `opex_avoid` | mining cash opex per EH/s installed, its share that stops for machines switched off | USD per EH/s a month, % |
//! | `asic_th` | value of the original fleet's ASICs | USD per TH/s |
//! | `resale_lt19`, `resale_19_25`, `resale_ge25` | resale price of ASICs sold when AI/HPC takes their MW, by efficiency tier (below 19, 19 to 25, 25 J/TH and above) | USD per TH/s |
//! | `opex`, `asic_value` | old links only (read, never written): cash opex of the whole fleet, ASIC value; divided by the link's fleet into `opex_eh`, `asic_th` | USD a month, USD |
//! | `site_mw`, `power`, `hpc_pue` | site capacity (default: the fleet's facility power), power price, AI/HPC PUE | MW, USD/MWh, |
//! | `discount` | discount rate | % a year |
//! | `cash`, `credit`, `credit_rate`, `equity`, `share_price`, `shares` | cash at the start, credit facility limit and rate, equity raise limit, share price, shares outstanding | USD, USD, % a year, USD, USD, million |
//! | `btc_held`, `sell` | treasury BTC, share of production sold | BTC, % |
//! | `paths`, `seed`, `btc_drift`, `btc_vol`, `hr_vol`, `hr_follow`, `hr_lag` | Monte Carlo (`btc_drift` defaults to `btc_growth`; `hr_follow` and `hr_lag` shape only a fixed network) | , , % a year, % a year, % a year, %, months |
//! | `strategies`, `debt` | JSON arrays, when they differ from the base | |
//!
//! # Usage
//! ```
//! use hashpivot_model::query;
//! let s = query::decode_strict("btc=91000&diff=152&fees=0.02").unwrap();
//! assert_eq!(s.network.difficulty_t, 152.0);
//! assert_eq!(query::decode_strict(&query::encode(&s)).unwrap(), s);
//! ```

use crate::bounds;
use crate::calendar::YearMonth;
use crate::error::{ValidationError, ValidationErrors};
use crate::presets;
use crate::scenario::{NetworkMode, Scenario};
use crate::Network;

mod keys;
pub use keys::{accessor, bound, known_keys, Get, Set};
use keys::{keys, parse_scalar};
pub mod legacy;

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
            "network" => v
                .parse::<NetworkMode>()
                .map(|mode| next.market.network.mode = mode)
                .map_err(|()| {
                    problem(
                        "network",
                        "Network path",
                        v,
                        "economic (hashrate follows its economics) or fixed (diff_growth)",
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
                Some(key) => parse_scalar(key, v).map(|x| {
                    (key.set)(&mut next, x);
                    // A link written before the network path existed meant a fixed growth
                    // when it gave one: it keeps that meaning unless it also says `network`.
                    if k == "diff_growth" && value_of("network").is_none() {
                        next.market.network.mode = NetworkMode::Fixed;
                    }
                }),
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

/// Reads `query` and fails if any key is unknown, bad or in conflict (the CLI's behaviour):
/// the error lists every such problem, one per key, in the order of the query (as [`decode`]
/// finds them).
pub fn decode_strict(query: &str) -> Result<Scenario, ValidationErrors> {
    let d = decode(query, &[]);
    match ValidationErrors::from_vec(d.problems) {
        None => Ok(d.scenario),
        Some(problems) => Err(problems),
    }
}

/// Writes `s` as a query string relative to the defaults.
pub fn encode(s: &Scenario) -> String {
    encode_from(s, None)
}

/// Writes `s` relative to preset `preset` (written as `preset=ID`), or to the defaults.
pub fn encode_from(s: &Scenario, preset: Option<&str>) -> String {
    let base = preset.and_then(presets::scenario).unwrap_or_default();
    let mut out = form_urlencoded::Serializer::new(String::new());
    if let Some(id) = preset.filter(|id| presets::scenario(id).is_some()) {
        out.append_pair("preset", id);
    }
    for key in keys().iter() {
        let v = (key.get)(s);
        let differs = v != (key.get)(&base);
        let write = match key.given {
            None => differs,
            // An optional input is written when the user gave it, and the base did not or had
            // another value; a derived value is never written (it follows its inputs).
            Some(given) => given(s) && (differs || !given(&base)),
        };
        if write {
            out.append_pair(key.bound.key, &v.to_string());
        }
    }
    if s.monte_carlo.seed != base.monte_carlo.seed {
        out.append_pair("seed", &s.monte_carlo.seed.to_string());
    }
    if s.start != base.start {
        out.append_pair("start", &s.start.to_string());
    }
    // Written when it differs, and whenever `diff_growth` is (a link without `network` that
    // gives `diff_growth` means a fixed growth).
    let mode = s.market.network.mode;
    let growth_written =
        s.market.difficulty_growth_pct_month != base.market.difficulty_growth_pct_month;
    if mode != base.market.network.mode || growth_written {
        out.append_pair("network", mode.as_str());
    }
    // The base's contracts sized to this scenario's site: a fleet or site change alone does not
    // write the strategies.
    let mut sized_base = Scenario {
        fleet: s.fleet,
        site: s.site,
        ..base.clone()
    };
    sized_base.size_contracts();
    if s.strategies != sized_base.strategies {
        out.append_pair(
            "strategies",
            &serde_json::to_string(&s.strategies).unwrap_or_default(),
        );
    }
    if s.financing.debt != base.financing.debt {
        out.append_pair(
            "debt",
            &serde_json::to_string(&s.financing.debt).unwrap_or_default(),
        );
    }
    out.finish()
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
