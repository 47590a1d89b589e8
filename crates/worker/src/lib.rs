//! Hashpivot's Web Worker: the exports and the import, kept out of the page's first load.
//!
//! The page (see `public/exchange.js`) starts this worker the first time the user exports or
//! imports something, and talks to it in plain text so neither side needs a serializer:
//!
//! ```text
//! request:  <id>\n<op>\n<args>\n<payload>
//! reply:    <id>\n<ok|err>\n<body>
//! ```
//!
//! | op       | args                            | payload          | body on `ok`              |
//! |----------|---------------------------------|------------------|---------------------------|
//! | `csv`    | (none)                          | share-link query | the monthly table as CSV  |
//! | `json`   | (none)                          | share-link query | the scenario file (JSON)  |
//! | `svg`    | `<chart> <width> <height> <strategy> <light\|dark>` | share-link query | the chart as SVG |
//! | `import` | (none)                          | a scenario file  | its share-link query      |
//! | `words`  | the page's language code        | its catalogue    | (empty)                   |
//!
//! `words` sets the language of every later chart (once, before the first request, when the
//! page is not in English): the catalogue is `public/i18n/<code>.txt` (see
//! [`hashpivot_charts::words`]); numbers follow the language too.
//! A share link is read the way the page reads it ([`query::decode`], lenient: what the page
//! shows is what is exported). An import is read strictly by
//! [`hashpivot_model::import::scenario_from_json`]; on `err` the body is the model's message,
//! which names the field, the value and what is allowed (every problem of the file, joined by
//! `; ` so the page's one-line status shows them all).
//!
//! # Usage
//! ```
//! let reply = hashpivot_worker::handle("7\ncsv\n\nbtc=100000");
//! let mut lines = reply.splitn(3, '\n');
//! assert_eq!(lines.next(), Some("7"));
//! assert_eq!(lines.next(), Some("ok"));
//! assert!(lines.next().unwrap().starts_with("strategy_id,strategy_name,"));
//! ```
//!
//! # See also
//! `src/main.rs` for the wasm glue; `public/exchange.js` for the page's side.

use hashpivot_charts::cashflow::Cashflow;
use hashpivot_charts::decision_map::DecisionMapChart;
use hashpivot_charts::montecarlo_fan::MonteCarloFan;
use hashpivot_charts::per_mw::PerMw;
use hashpivot_charts::revenue_mix::RevenueMix;
use hashpivot_charts::tornado::TornadoChart;
use hashpivot_charts::{svg, words, ChartStyle};
use hashpivot_model::format::{self, Locale};
use hashpivot_model::{decision_map, import, montecarlo, projection, query, tornado, Scenario};

/// Link keys the page reads itself (`src/app.rs` PAGE_KEYS): not part of the scenario.
const PAGE_KEYS: [&str; 4] = ["lang", "embed", "view", "controls"];

/// Cells per side of the decision map, as on the page (`src/state.rs` MAP_CELLS).
const MAP_CELLS: usize = 64;

/// Chart ids, as in the embed widget's `view` key.
pub use hashpivot_charts::IDS as CHARTS;

/// Answers one request (see the module docs for the protocol). Never panics.
pub fn handle(request: &str) -> String {
    let mut parts = request.splitn(4, '\n');
    let id = parts.next().unwrap_or_default();
    let op = parts.next().unwrap_or_default();
    let args = parts.next().unwrap_or_default();
    let payload = parts.next().unwrap_or_default();
    let result = match op {
        "csv" => csv(payload),
        "json" => Ok(import::scenario_to_json(&scenario_of(payload))),
        "svg" => chart_svg(args, payload),
        "words" => {
            set_words(args, payload);
            Ok(String::new())
        }
        "import" => import::scenario_from_json(payload)
            .map(|s| query::encode(&s))
            .map_err(|e| {
                e.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ")
            }),
        other => Err(format!("unknown request {other:?}")),
    };
    match result {
        Ok(body) => format!("{id}\nok\n{body}"),
        Err(message) => format!("{id}\nerr\n{message}"),
    }
}

/// Installs the catalogue `text` of language `code` for the charts' words and numbers.
fn set_words(code: &str, text: &str) {
    words::install(text.to_owned());
    format::set_locale(Locale::of_language(code));
}

/// The scenario a share link shows (lenient, like the page).
fn scenario_of(query_string: &str) -> Scenario {
    query::decode(query_string, &PAGE_KEYS).scenario
}

fn csv(query_string: &str) -> Result<String, String> {
    projection::project(&scenario_of(query_string))
        .map(|p| projection::csv(&p))
        .map_err(|e| e.to_string())
}

/// `args`: `<chart> <width> <height> <strategy> <light|dark>`; sizes in CSS pixels.
fn chart_svg(args: &str, query_string: &str) -> Result<String, String> {
    let mut a = args.split(' ');
    let chart = a.next().unwrap_or_default();
    let mut size = |fallback: u32| {
        a.next()
            .and_then(|v| v.parse::<u32>().ok())
            .map_or(fallback, |v| v.clamp(120, 4000))
    };
    let (width, height) = (size(800), size(420));
    let strategy = a.next().and_then(|v| v.parse::<usize>().ok()).unwrap_or(1);
    let style = match a.next() {
        Some("dark") => ChartStyle::dark(width, height),
        _ => ChartStyle::light(width, height),
    }
    .with_words(words::translate);
    let s = scenario_of(query_string);
    let names: Vec<String> = s.strategies.iter().map(|st| st.name.clone()).collect();
    let fail = |e: hashpivot_model::ValidationError| e.to_string();
    let drawn = match chart {
        "revenue-mix" | "cashflow" | "per-mw" => {
            let p = projection::project(&s).map_err(fail)?;
            match chart {
                "revenue-mix" => {
                    let d = RevenueMix::from_projection(&p);
                    svg::render(&style, |area| d.draw(area, &style))
                }
                "cashflow" => {
                    let d = Cashflow::from_projection(&p);
                    svg::render(&style, |area| d.draw(area, &style))
                }
                _ => {
                    let d = PerMw::from_projection(&p);
                    svg::render(&style, |area| d.draw(area, &style))
                }
            }
        }
        "montecarlo" => {
            let r = montecarlo::run(&s).map_err(fail)?;
            let d = MonteCarloFan::from_result(&r, &names);
            svg::render(&style, |area| d.draw(area, &style))
        }
        "tornado" => {
            let t = tornado::run(&s).map_err(fail)?;
            let i = strategy.min(names.len().saturating_sub(1));
            let name = names.get(i).map_or("", String::as_str);
            let d = TornadoChart::from_tornado(&t, i, name);
            svg::render(&style, |area| d.draw(area, &style))
        }
        "decision-map" => {
            let m = decision_map::run(&s, MAP_CELLS, MAP_CELLS).map_err(fail)?;
            let current = (s.network.btc_price_usd, s.site.power_usd_mwh);
            let d = DecisionMapChart::from_map(&m, &names, current);
            svg::render(&style, |area| d.draw(area, &style))
        }
        other => {
            return Err(format!(
                "chart: {other:?} is not a chart; expected one of {}",
                CHARTS.join(", ")
            ))
        }
    };
    drawn.map_err(|e| e.to_string())
}
