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

/// Keeps the address bar in step with the scenario of `state`.
pub fn keep_in_address_bar(state: AppState, claimed: Vec<(String, String)>) {
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |first: Option<()>| {
        let (s, preset) = (state.scenario.get(), state.preset.get());
        if first.is_none() {
            // The page was just loaded from this very link; leave it as the user typed it.
            return;
        }
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        let claimed = claimed.clone();
        let handle = set_timeout_with_handle(
            move || {
                let q = query_for(&s, preset.as_deref(), &claimed);
                let url = if q.is_empty() {
                    window().location().pathname().unwrap_or_default()
                } else {
                    format!("?{q}")
                };
                if let Ok(history) = window().history() {
                    let _ = history.replace_state_with_url(
                        &wasm_bindgen::JsValue::NULL,
                        "",
                        Some(&url),
                    );
                }
            },
            DELAY,
        )
        .ok();
        pending.set_value(handle);
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
