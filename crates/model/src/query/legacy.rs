//! The two totals old links carry: `opex` (mining cash opex of the whole fleet, USD a month) and
//! `asic_value` (the fleet's ASIC value, USD). Since the fleet's costs became per unit of
//! hashrate they are read, never written: at the end of decoding each is divided by the link's
//! fleet (after every other key, `preset` included, is applied) into `opex_eh` (USD per EH/s a
//! month) or `asic_th` (USD per TH/s). A link that gives both a total and its per-unit key, a
//! total over a fleet of 0 EH/s, or one that comes out beyond the per-unit range, has the total
//! refused by name.
//!
//! The page still shows the totals (until it shows the per-unit inputs), so
//! [`crate::query::accessor`] reads them as per unit x fleet and writes them back per unit.

use super::{problem, Get, Set};
use crate::bounds::{self, Bound};
use crate::error::ValidationError;
use crate::scenario::{Scenario, TH_PER_EH};

/// The old keys, read only.
pub(super) const KEYS: [&str; 2] = ["opex", "asic_value"];

/// An old total, its per-unit key and bound, and how many units a fleet of one EH/s holds.
struct Total {
    bound: Bound,
    per_unit: Bound,
    units_per_eh: f64,
    set: fn(&mut Scenario, f64),
}

fn total(key: &str) -> Option<Total> {
    match key {
        "opex" => Some(Total {
            bound: bounds::OPEX,
            per_unit: bounds::OPEX_EH,
            units_per_eh: 1.0,
            set: |s, v| s.fleet.opex_usd_per_eh_month = v,
        }),
        "asic_value" => Some(Total {
            bound: bounds::ASIC_VALUE,
            per_unit: bounds::ASIC_TH,
            units_per_eh: TH_PER_EH,
            set: |s, v| s.fleet.asic_usd_per_th = v,
        }),
        _ => None,
    }
}

/// The bound of old key `key`.
pub(super) fn bound(key: &str) -> Option<Bound> {
    total(key).map(|t| t.bound)
}

/// Reader and writer of old key `key` as a total: per unit x fleet; writing divides by the
/// fleet (and leaves the per-unit figure alone when the fleet is 0).
pub(super) fn accessor(key: &str) -> Option<(Get, Set)> {
    match key {
        "opex" => Some((
            |s: &Scenario| s.fleet.opex_usd_per_month(),
            |s: &mut Scenario, v: f64| {
                if s.fleet.hashrate_eh_s > 0.0 {
                    s.fleet.opex_usd_per_eh_month = v / s.fleet.hashrate_eh_s;
                }
            },
        )),
        "asic_value" => Some((
            |s: &Scenario| s.fleet.asic_value_usd(),
            |s: &mut Scenario, v: f64| {
                if s.fleet.hashrate_eh_s > 0.0 {
                    s.fleet.asic_usd_per_th = v / (s.fleet.hashrate_eh_s * TH_PER_EH);
                }
            },
        )),
        _ => None,
    }
}

/// Reads old key `key` (one of `KEYS`) with value `text`: refused if the link also gives its
/// per-unit key (`given`) or the value is out of the old range; else its total, kept for
/// `convert`.
pub(super) fn read(key: &str, text: &str, given: bool) -> Result<(String, f64), ValidationError> {
    let Some(t) = total(key) else {
        return Err(problem(key, key, text, "a known key"));
    };
    if given {
        return Err(problem(
            key,
            t.bound.label,
            text,
            &format!(
                "either {} or the old total {key}, not both (links now carry {})",
                t.per_unit.key, t.per_unit.key
            ),
        ));
    }
    Ok((key.to_owned(), t.bound.parse(text)?))
}

/// Divides each total read by the scenario's fleet into its per-unit input; a total that
/// cannot be (no fleet, or beyond the per-unit range) is reported in `problems`.
pub(super) fn convert(
    scenario: &mut Scenario,
    totals: &[(String, f64)],
    problems: &mut Vec<ValidationError>,
) {
    for (key, value) in totals {
        let Some(t) = total(key) else { continue };
        let fleet = scenario.fleet.hashrate_eh_s;
        let text = crate::format::plain(*value);
        let per_unit = *value / (fleet * t.units_per_eh);
        let refused = |why: String| problem(key, t.bound.label, &text, &why);
        if fleet <= 0.0 {
            problems.push(refused(format!(
                "a total over a fleet of more than 0 EH/s (this link's is 0): give {} ({}) instead",
                t.per_unit.key, t.per_unit.unit
            )));
            continue;
        }
        if t.per_unit.check(per_unit).is_err() {
            problems.push(refused(format!(
                "a total that comes to {} over the link's fleet of {} EH/s (it comes to {})",
                t.per_unit.allowed(),
                crate::format::plain(fleet),
                crate::format::plain(per_unit)
            )));
            continue;
        }
        let mut next = scenario.clone();
        (t.set)(&mut next, per_unit);
        match next.validate() {
            Ok(()) => *scenario = next,
            Err(e) => problems.push(refused(format!("a value consistent with the rest: {e}"))),
        }
    }
}
