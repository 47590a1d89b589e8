//! Writing a scenario as a share link: only what differs from the base (the defaults or a
//! preset), in the key table's order.

use super::keys;
use crate::presets;
use crate::scenario::Scenario;

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
