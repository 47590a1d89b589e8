//! The worker's text protocol, natively: each op answers with the model's own results, errors
//! come back as `err` with the model's message, and nothing a user wrote reaches an SVG as markup.

use hashpivot_model::{import, projection, query, Scenario};
use hashpivot_worker::{handle, CHARTS};

/// Splits a reply into (id, status, body).
fn reply(text: &str) -> (String, String, String) {
    let mut p = text.splitn(3, '\n');
    let mut next = || p.next().unwrap_or_default().to_string();
    (next(), next(), next())
}

#[test]
fn csv_is_the_models_table_of_the_linked_scenario() {
    let link = "btc=120000&power=38&horizon=24";
    let (id, status, body) = reply(&handle(&format!("41\ncsv\n\n{link}")));
    assert_eq!((id.as_str(), status.as_str()), ("41", "ok"));
    let s = query::decode_strict(link).expect("a good link");
    let p = projection::project(&s).expect("projects");
    assert_eq!(body, projection::csv(&p));
    // One header line, then one row per strategy and month.
    let rows = body.lines().count() - 1;
    assert_eq!(rows, s.strategies.len() * 24);
}

#[test]
fn page_keys_in_the_link_do_not_change_the_export() {
    let plain = handle("1\ncsv\n\npower=41");
    let with_page_keys = handle("1\ncsv\n\npower=41&lang=it&embed=1&view=cashflow");
    assert_eq!(plain, with_page_keys);
}

#[test]
fn json_export_imports_back_to_the_same_link() {
    let link = "btc=99000&diff=160&fleet=9&horizon=60&seed=77";
    let (_, status, json) = reply(&handle(&format!("2\njson\n\n{link}")));
    assert_eq!(status, "ok");
    let version = format!(
        "\"version\": {}",
        hashpivot_model::scenario::SCENARIO_VERSION
    );
    assert!(json.contains(&version), "{json}");
    let (_, status, back) = reply(&handle(&format!("3\nimport\n\n{json}")));
    assert_eq!(status, "ok", "{back}");
    assert_eq!(
        query::decode_strict(&back).expect("a good link"),
        query::decode_strict(link).expect("a good link")
    );
}

#[test]
fn a_broken_import_is_refused_with_the_field_named() {
    let s = Scenario {
        horizon_months: 12,
        ..Scenario::default()
    };
    let good = import::scenario_to_json(&s);
    let broken = good.replace("\"horizon_months\": 12", "\"horizon_months\": \"twelve\"");
    assert_ne!(good, broken, "the test must actually break the file");
    let (_, status, message) = reply(&handle(&format!("4\nimport\n\n{broken}")));
    assert_eq!(status, "err");
    assert!(message.contains("horizon_months"), "{message}");

    let (_, status, message) = reply(&handle("5\nimport\n\n{ not json"));
    assert_eq!(status, "err");
    assert!(!message.is_empty());
}

#[test]
fn every_chart_renders_as_svg_with_the_strategy_names() {
    for chart in CHARTS {
        let (_, status, svg) = reply(&handle(&format!(
            "9\nsvg\n{chart} 640 360 1 light\nhorizon=24&paths=200"
        )));
        assert_eq!(status, "ok", "{chart}: {svg}");
        assert!(
            svg.starts_with("<svg"),
            "{chart}: {}",
            &svg[..svg.len().min(80)]
        );
        assert!(svg.contains("width=\"640\""), "{chart}");
    }
}

#[test]
fn markup_in_a_strategy_name_is_escaped_in_the_svg() {
    let mut s = Scenario::default();
    s.strategies[1].name = "<script>alert(1)</script>".into();
    let link = query::encode(&s);
    for chart in ["cashflow", "tornado"] {
        let (_, status, svg) = reply(&handle(&format!("6\nsvg\n{chart} 700 400 1 dark\n{link}")));
        assert_eq!(status, "ok", "{svg}");
        assert!(!svg.contains("<script"), "{chart} lets markup through");
        assert!(svg.contains("&lt;script&gt;"), "{chart} lost the name");
    }
}

#[test]
fn unknown_requests_and_charts_are_errors_not_panics() {
    assert_eq!(reply(&handle("7\nfrobnicate\n\n")).1, "err");
    let (_, status, message) = reply(&handle("8\nsvg\npie 1 1 1 light\n"));
    assert_eq!(status, "err");
    assert!(
        message.contains("pie") && message.contains("decision-map"),
        "{message}"
    );
    // Garbage of every shape still answers.
    for junk in ["", "\n", "\n\n\n", "x", "9\nsvg\n\u{0}\u{1}\n%%%"] {
        let (_, status, _) = reply(&handle(junk));
        assert!(status == "ok" || status == "err", "{junk:?}");
    }
}

#[test]
fn charts_speak_the_pages_language_once_it_is_sent() {
    let english = reply(&handle("1\nsvg\ncashflow 640 360 1 light\nhorizon=24")).2;
    assert!(english.contains("Cumulative free cash flow"), "{english}");
    // A catalogue line per word: English, a tab, the translation, sorted by the English.
    let catalogue = "Cumulative free cash flow\tFlusso di cassa cumulato\nMonth\tMese\n";
    assert_eq!(
        reply(&handle(&format!("2\nwords\nit\n{catalogue}"))).1,
        "ok"
    );
    let italian = reply(&handle("3\nsvg\ncashflow 640 360 1 light\nhorizon=24")).2;
    assert!(italian.contains("Flusso di cassa cumulato"), "{italian}");
    assert!(italian.contains("Mese"), "the axis title");
    // Numbers follow the language: Italian writes millions as `Mln`.
    assert!(
        italian.contains("Mln") || italian.contains("Mrd"),
        "{italian}"
    );
}
