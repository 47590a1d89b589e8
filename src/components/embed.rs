//! The embeddable widget: `?embed=1&view=<chart>&controls=<comma list of input keys>` shows one
//! chart and the chosen controls under a compact header, with a link that opens the same state
//! in the full app. `public/embed.js` tells the parent page the widget's height.
//!
//! # See also
//! `public/embed.html` for the snippet a site pastes; [`crate::share_link`] for the link.

use leptos::prelude::*;

use crate::components::{Charts, LangSwitch, ScalarInput};
use crate::share_link;
use crate::state::AppState;

/// Chart ids a widget may show, as `view=` takes them.
pub const VIEWS: [&str; 6] = hashpivot_charts::IDS;

/// What a widget link asks for, checked: the chart to show, the controls, and what was
/// refused (each a message naming the key, the value and what is allowed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedRequest {
    /// The chart, one of [`VIEWS`].
    pub view: &'static str,
    /// Share-link keys of the controls shown, in the order asked.
    pub controls: Vec<&'static str>,
    /// Messages about what was ignored.
    pub problems: Vec<String>,
}

/// Reads `view` and `controls` from the page's own link pairs.
pub fn request(claimed: &[(String, String)]) -> EmbedRequest {
    let get = |key: &str| {
        claimed
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };
    let mut problems = Vec::new();
    let view = match get("view") {
        None => VIEWS[1],
        Some(v) => VIEWS
            .iter()
            .copied()
            .find(|id| *id == v)
            .unwrap_or_else(|| {
                problems.push(format!(
                    "Chart (view): \"{v}\" is not allowed; expected one of {}",
                    VIEWS.join(", ")
                ));
                VIEWS[1]
            }),
    };
    let mut controls = Vec::new();
    for key in get("controls")
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|k| !k.is_empty())
    {
        match crate::inputs::GROUPS
            .iter()
            .flat_map(|g| g.inputs.iter())
            .find(|i| i.key == key)
        {
            Some(info) if !controls.contains(&info.key) => controls.push(info.key),
            Some(_) => {}
            None => problems.push(format!(
                "Controls (controls): \"{key}\" is not allowed; expected input keys such as btc, power, diff"
            )),
        }
    }
    EmbedRequest {
        view,
        controls,
        problems,
    }
}

/// The widget: compact header with a link to the full app, the controls, one chart.
#[component]
pub fn Embed(
    /// The checked request.
    request: EmbedRequest,
    /// The page's own link pairs, kept in the "Open in Hashpivot" link except the widget's.
    claimed: Vec<(String, String)>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let kept: Vec<(String, String)> = claimed
        .into_iter()
        .filter(|(k, _)| !matches!(k.as_str(), "embed" | "view" | "controls"))
        .collect();
    let open = move || {
        let q = state.scenario.with(|s| {
            state
                .preset
                .with(|p| share_link::query_for(s, p.as_deref(), &kept))
        });
        // The app's page, not the widget's (`widget.html` is always the widget).
        let path = window().location().pathname().unwrap_or_default();
        let path = path
            .strip_suffix("widget.html")
            .unwrap_or(&path)
            .to_string();
        if q.is_empty() {
            path
        } else {
            format!("{path}?{q}")
        }
    };
    view! {
        <header class="embed-head">
            <strong class="embed-brand">"Hashpivot"</strong>
            <LangSwitch />
            <a href=open target="_blank" rel="noopener" data-testid="open-in-hashpivot">
                "Open in Hashpivot"
            </a>
        </header>
        <main class="embed-body">
            {(!request.controls.is_empty())
                .then(|| {
                    view! {
                        <div class="embed-controls">
                            {request
                                .controls
                                .iter()
                                .map(|k| view! { <ScalarInput key=*k /> })
                                .collect_view()}
                        </div>
                    }
                })}
            <Charts view=Some(request.view) />
        </main>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn a_good_request_is_read_in_order_without_repeats() {
        let r = request(&pairs(&[
            ("embed", "1"),
            ("view", "tornado"),
            ("controls", "power, btc,power"),
        ]));
        assert_eq!(r.view, "tornado");
        assert_eq!(r.controls, vec!["power", "btc"]);
        assert!(r.problems.is_empty(), "{:?}", r.problems);
    }

    #[test]
    fn unknown_charts_and_controls_are_named_and_the_rest_used() {
        let r = request(&pairs(&[("view", "pie"), ("controls", "btc,<b>x</b>")]));
        assert_eq!(r.view, "cashflow");
        assert_eq!(r.controls, vec!["btc"]);
        assert_eq!(r.problems.len(), 2);
        assert!(r.problems[0].contains("pie") && r.problems[0].contains("decision-map"));
        assert!(r.problems[1].contains("<b>x</b>"));
    }

    #[test]
    fn every_view_is_a_chart_on_the_page() {
        for v in VIEWS {
            assert!(
                include_str!("charts.rs").contains(&format!("\"chart-{v}\"")),
                "{v} has no chart-{v} test hook"
            );
        }
    }
}
