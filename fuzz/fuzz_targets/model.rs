//! The whole model on structured input: a share link built from the fuzzer's choices of keys
//! and values (mostly inside or at the ends of each key's range, down to subnormal numbers),
//! with contracts of both kinds, debt, fleet purchases and BTC sales as the link's JSON.
//!
//! The decoded scenario's projection, a Monte Carlo of a few paths, a small decision map and
//! the tornado must all run and give finite numbers; debug assertions (the projection checks
//! its FCF against the kernel's) and overflow checks are on.
#![no_main]

use hashpivot_fuzz::{assert_accepted, assert_named, assert_uncertainty_finite};
use hashpivot_model::bounds::{self, Bound};
use hashpivot_model::contract::{Colocation, Contract, GpuCloud};
use hashpivot_model::{presets, query, Scenario};
use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};

/// A value chosen relative to a field's accepted range.
#[derive(Arbitrary, Debug, Clone, Copy)]
enum Level {
    Min,
    Max,
    /// Just above the bottom (subnormal when the bottom is 0).
    Tiny(u8),
    /// A point of the range, 0 to 65,535 from bottom to top.
    Fraction(u16),
    /// A whole number, in range or not.
    Whole(u32),
    /// Anything, NaN and infinities included.
    Raw(f64),
}

impl Level {
    fn value(self, b: &Bound) -> f64 {
        match self {
            Level::Min => b.min,
            Level::Max => b.max,
            Level::Tiny(k) => {
                let tiny = [5e-324, f64::MIN_POSITIVE, 1e-300, 1e-12][k as usize % 4];
                if b.min == 0.0 {
                    tiny
                } else {
                    b.min + b.min.abs() * tiny
                }
            }
            Level::Fraction(x) => b.min + (b.max - b.min) * f64::from(x) / 65_535.0,
            Level::Whole(n) => f64::from(n),
            Level::Raw(x) => x,
        }
    }
}

/// A contract: its kind, the strategy it joins, and fields of [`bounds::contract::ALL`] to set.
#[derive(Arbitrary, Debug)]
struct ContractIn {
    gpu_cloud: bool,
    strategy: u8,
    fields: Vec<(u8, Level)>,
}

#[derive(Arbitrary, Debug)]
struct Input {
    /// Base preset (none when past the list).
    preset: u8,
    /// Scalar share-link keys (by index) and values.
    scalars: Vec<(u8, Level)>,
    contracts: Vec<ContractIn>,
    /// Debts, each a list of fields of [`bounds::debt::ALL`].
    debts: Vec<Vec<(u8, Level)>>,
    /// Purchases: the strategy, then fields of [`bounds::purchase::ALL`].
    purchases: Vec<(u8, Vec<(u8, Level)>)>,
    /// BTC sales: the strategy, the month, the BTC sold.
    sales: Vec<(u8, Level, Level)>,
    seed: u64,
    paths: u8,
}

/// `x` as JSON: a whole number where the field (as `like` shows) is an integer, when it is one.
fn number_like(x: f64, like: Option<&Value>) -> Value {
    let whole = like.is_some_and(Value::is_u64);
    if whole && x.fract() == 0.0 && (0.0..=u32::MAX as f64).contains(&x) {
        json!(x as u64)
    } else {
        json!(x)
    }
}

/// Sets `fields` of the JSON object `v` (only those it has) from `all`.
fn set_fields(v: &mut Value, all: &[Bound], fields: &[(u8, Level)]) {
    for (i, level) in fields.iter().take(12) {
        let b = &all[*i as usize % all.len()];
        if v.get(b.key).is_some() {
            let x = number_like(level.value(b), v.get(b.key));
            v[b.key] = x;
        }
    }
}

/// Percent-encodes everything but letters and digits (the form-encoding a link carries).
fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

fn build_query(input: &Input) -> String {
    let ids = presets::ids();
    let preset = ids.get(input.preset as usize).copied();
    let base = preset.and_then(presets::scenario).unwrap_or_default();
    let mut pairs: Vec<String> = Vec::new();
    if let Some(id) = preset {
        pairs.push(format!("preset={id}"));
    }
    let scalar_keys: Vec<(String, Bound)> = query::known_keys()
        .trim_start_matches("a known key: ")
        .split(", ")
        .filter_map(|k| query::bound(k).map(|b| (k.to_owned(), b)))
        .collect();
    for (i, level) in input.scalars.iter().take(16) {
        let (key, b) = &scalar_keys[*i as usize % scalar_keys.len()];
        pairs.push(format!("{key}={}", encode(&level.value(b).to_string())));
    }
    pairs.push(format!("seed={}", input.seed));

    let mut strategies = serde_json::to_value(&base.strategies).unwrap_or(json!([]));
    let n = strategies.as_array().map_or(0, Vec::len).max(1);
    let mut touched = false;
    for c in input.contracts.iter().take(8) {
        let kind = if c.gpu_cloud {
            Contract::GpuCloud(GpuCloud::default())
        } else {
            Contract::Colocation(Colocation::default())
        };
        let mut v = serde_json::to_value(&kind).unwrap_or(Value::Null);
        set_fields(&mut v, &bounds::contract::ALL, &c.fields);
        if let Some(list) = strategies[c.strategy as usize % n]["contracts"].as_array_mut() {
            list.push(v);
            touched = true;
        }
    }
    for (strategy, fields) in input.purchases.iter().take(8) {
        let mut v = json!({"month": 6, "eh_s": 5, "efficiency_j_th": 12.0, "usd_per_th": 15.0, "retire_eh_s": 0.0});
        set_fields(&mut v, &bounds::purchase::ALL, fields);
        if let Some(list) = strategies[*strategy as usize % n]["fleet_purchases"].as_array_mut() {
            list.push(v);
            touched = true;
        }
    }
    let month_bound = Bound::new("month", "", "", 0.0, 179.0, 1.0);
    let btc_bound = Bound::new("btc", "", "", 0.0, 21e6, 1.0);
    for (strategy, month, btc) in input.sales.iter().take(8) {
        let v = json!({
            "month": number_like(month.value(&month_bound).round(), Some(&json!(0))),
            "btc": btc.value(&btc_bound),
        });
        if let Some(list) = strategies[*strategy as usize % n]["btc_sales"].as_array_mut() {
            list.push(v);
            touched = true;
        }
    }
    if touched {
        pairs.push(format!("strategies={}", encode(&strategies.to_string())));
    }
    if !input.debts.is_empty() {
        let debts: Vec<Value> = input
            .debts
            .iter()
            .take(4)
            .map(|fields| {
                let mut v = json!({"name": "Notes", "principal_usd": 1e9, "coupon_annual": 0.05, "maturity_months": 24});
                set_fields(&mut v, &bounds::debt::ALL, fields);
                v
            })
            .collect();
        pairs.push(format!("debt={}", encode(&Value::Array(debts).to_string())));
    }
    pairs.join("&")
}

fuzz_target!(|input: Input| {
    let q = build_query(&input);
    let decoded = query::decode(&q, &[]);
    for e in &decoded.problems {
        assert_named(e);
    }
    let s: Scenario = decoded.scenario;
    assert_accepted(&s);
    assert_uncertainty_finite(&s, 1 + u32::from(input.paths % 16), 8);
});
