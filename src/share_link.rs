//! The share link: every input lives in the address bar's query string, in the model's format
//! ([`hashpivot_model::query`]), updated as the user edits (debounced, with
//! `history.replaceState`, so the back button is not flooded) and read back on load.
//!
//! Keys the page itself owns (`lang`, `embed`, `view`, `controls`) are kept as they came.
//!
//! # See also
//! [`crate::app`], which reads the link on load.

use std::time::Duration;

use hashpivot_model::query;
use leptos::prelude::*;

use crate::state::AppState;

/// How long the inputs must rest before the address bar is rewritten.
const DELAY: Duration = Duration::from_millis(250);

/// The query string for the scenario of `state` started from `preset`, followed by the page's
/// own `claimed` pairs. Empty when everything is at its default.
pub fn query_for(
    scenario: &hashpivot_model::Scenario,
    preset: Option<&str>,
    claimed: &[(String, String)],
) -> String {
    let mut q = query::encode_from(scenario, preset);
    for (k, v) in claimed {
        if !q.is_empty() {
            q.push('&');
        }
        q.push_str(&encode_pair(k, v));
    }
    q
}

/// `k=v` with both escaped the way the model's encoder escapes them.
fn encode_pair(k: &str, v: &str) -> String {
    let mut out = String::with_capacity(k.len() + v.len() + 1);
    for (i, part) in [k, v].into_iter().enumerate() {
        if i == 1 {
            out.push('=');
        }
        for b in part.bytes() {
            match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'*' => {
                    out.push(b as char)
                }
                b' ' => out.push('+'),
                _ => out.push_str(&format!("%{b:02X}")),
            }
        }
    }
    out
}

/// Keeps the address bar in step with the scenario of `state`, and answers the two events of
/// `public/exchange.js`: `hashpivot:flush` writes the address now (before an export reads it),
/// `hashpivot:load` reads it again (after an import wrote it).
pub fn keep_in_address_bar(state: AppState, claimed: Vec<(String, String)>) {
    let claimed = StoredValue::new(claimed);
    let write = move || {
        let q = state.scenario.with_untracked(|s| {
            state
                .preset
                .with_untracked(|p| claimed.with_value(|c| query_for(s, p.as_deref(), c)))
        });
        let url = if q.is_empty() {
            window().location().pathname().unwrap_or_default()
        } else {
            format!("?{q}")
        };
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    };
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |first: Option<()>| {
        state.scenario.track();
        state.preset.track();
        // The address already holds the link the page was opened with.
        if first.is_none() {
            return;
        }
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        pending.set_value(set_timeout_with_handle(write, DELAY).ok());
    });
    let flush = window_event_listener_untyped("hashpivot:flush", move |_| {
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        write();
    });
    let load = window_event_listener_untyped("hashpivot:load", move |_| {
        let search = window().location().search().unwrap_or_default();
        let decoded = query::decode(&search, &crate::app::PAGE_KEYS);
        let _ = state.replace(decoded.scenario, decoded.preset);
    });
    on_cleanup(move || {
        flush.remove();
        load.remove();
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use hashpivot_model::Scenario;

    #[test]
    fn the_link_decodes_to_the_same_scenario_and_keeps_page_keys() {
        let mut s = Scenario::default();
        s.network.btc_price_usd = 123_456.0;
        s.site.power_usd_mwh = 33.0;
        s.strategies[1].name = "Lease & sell <now>".into();
        let claimed = vec![
            ("lang".to_string(), "it".to_string()),
            ("view".into(), "a b&c".into()),
        ];
        let q = query_for(&s, None, &claimed);
        let d = query::decode(&q, &["lang", "view"]);
        assert!(d.problems.is_empty(), "{:?}", d.problems);
        assert_eq!(d.scenario, s);
        assert_eq!(d.claimed, claimed);
    }

    #[test]
    fn defaults_give_an_empty_link_and_a_preset_is_named() {
        assert_eq!(query_for(&Scenario::default(), None, &[]), "");
        let s = hashpivot_model::presets::scenario("cipher-aws").unwrap();
        assert_eq!(query_for(&s, Some("cipher-aws"), &[]), "preset=cipher-aws");
    }
}
