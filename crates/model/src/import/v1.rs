//! Format 1 to format 2: the fleet's cash opex and ASIC value became per unit of hashrate.
//!
//! A version 1 file gives `fleet.opex_usd_per_month` (USD a month for the whole fleet) and
//! `fleet.asic_value_usd` (USD); each one present is divided by the file's fleet
//! (`fleet.hashrate_eh_s`, 10 EH/s when the file leaves it out, as version 1 read it) into
//! `fleet.opex_usd_per_eh_month` (USD per EH/s a month) and `fleet.asic_usd_per_th` (USD per
//! TH/s). A total left out takes format 2's per-unit default. A total that cannot be divided
//! (not a number, out of its old range, a fleet of 0 EH/s, or a per-unit figure out of range)
//! is refused, naming the field.

use serde_json::{Map, Value};

use crate::bounds::{self, Bound};
use crate::error::ValidationError;
use crate::format;
use crate::query::shorten;
use crate::scenario::TH_PER_EH;

/// Version 1's default fleet, EH/s: the divisor when a file leaves the fleet out.
const V1_DEFAULT_FLEET_EH_S: f64 = 10.0;

/// (old field, its range, new field, its range, units in one EH/s)
const TOTALS: [(&str, Bound, &str, Bound, f64); 2] = [
    (
        "opex_usd_per_month",
        bounds::OPEX,
        "opex_usd_per_eh_month",
        bounds::OPEX_EH,
        1.0,
    ),
    (
        "asic_value_usd",
        bounds::ASIC_VALUE,
        "asic_usd_per_th",
        bounds::ASIC_TH,
        TH_PER_EH,
    ),
];

/// The file's JSON rewritten to format 2 (with `"version": 2`).
pub(super) fn to_v2(mut value: Value) -> Result<Value, ValidationError> {
    if let Some(Value::Object(fleet)) = value.get_mut("fleet") {
        convert(fleet)?;
    }
    if let Some(root) = value.as_object_mut() {
        root.insert("version".into(), Value::from(2u32));
    }
    Ok(value)
}

fn convert(fleet: &mut Map<String, Value>) -> Result<(), ValidationError> {
    // A fleet that is not a number is named by the structure check later; its totals cannot
    // be divided, so they go (the file is refused either way).
    let eh_s = match fleet.get("hashrate_eh_s") {
        None => Some(V1_DEFAULT_FLEET_EH_S),
        Some(v) => v.as_f64(),
    };
    for (old, old_bound, new, new_bound, units) in TOTALS {
        let Some(total) = fleet.remove(old) else {
            continue;
        };
        let Some(eh_s) = eh_s else { continue };
        let error = |allowed: String| ValidationError {
            field: format!("fleet.{old}"),
            label: "Scenario file entry".into(),
            value: shorten(&total.to_string()),
            allowed,
        };
        if fleet.contains_key(new) {
            return Err(error(format!(
                "either {old} (version 1) or {new} (version 2), not both"
            )));
        }
        let Some(x) = total.as_f64() else {
            return Err(error(format!("a number, {}", old_bound.allowed())));
        };
        if old_bound.check(x).is_err() {
            return Err(error(old_bound.allowed()));
        }
        if eh_s <= 0.0 || !eh_s.is_finite() {
            return Err(error(format!(
                "a total over a fleet of more than 0 EH/s (the file's is {}): give {new} ({}) in a version 2 file instead",
                format::plain(eh_s),
                new_bound.unit
            )));
        }
        let per_unit = x / (eh_s * units);
        if new_bound.check(per_unit).is_err() {
            return Err(error(format!(
                "a total that comes to {} over the file's fleet of {} EH/s (it comes to {})",
                new_bound.allowed(),
                format::plain(eh_s),
                format::plain(per_unit)
            )));
        }
        fleet.insert(new.into(), Value::from(per_unit));
    }
    Ok(())
}
