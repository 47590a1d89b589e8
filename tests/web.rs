//! The app mounted in a real browser (headless Chromium through wasm-bindgen-test): typing,
//! sliding and bad input, checked through the same DOM a user sees.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may fail loudly

use hashpivot::App;
use hashpivot_model::Network;
use leptos::{prelude::*, task::tick};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, HtmlCanvasElement, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app in a fresh element; keep the handle alive for the test's length.
fn mount() -> (Element, impl Drop) {
    let doc = document();
    let host = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone().unchecked_into::<HtmlElement>(), App);
    (host, handle)
}

fn find(host: &Element, selector: &str) -> Element {
    host.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

fn input(host: &Element, testid: &str) -> HtmlInputElement {
    find(host, &format!("[data-testid='{testid}']")).unchecked_into()
}

fn kpi(host: &Element, testid: &str) -> f64 {
    find(host, &format!("[data-testid='{testid}']"))
        .get_attribute("data-value")
        .unwrap()
        .parse()
        .unwrap()
}

fn chart_pixels(host: &Element) -> String {
    find(host, "[data-testid='chart-cashflow'] canvas")
        .unchecked_into::<HtmlCanvasElement>()
        .to_data_url()
        .unwrap()
}

/// Sets the value and fires `input`, as a keystroke or a slider drag does.
fn enter(el: &HtmlInputElement, value: &str) {
    el.set_value(value);
    el.dispatch_event(&Event::new("input").unwrap()).unwrap();
}

#[wasm_bindgen_test]
async fn typing_a_price_updates_the_hashprice_and_redraws_the_chart() {
    let (host, _app) = mount();
    tick().await;
    let blank_or_first = chart_pixels(&host);
    assert_eq!(
        kpi(&host, "kpi-hashprice"),
        Network::default().hashprice_usd_per_ph_day()
    );

    enter(&input(&host, "input-btc"), "120,000");
    tick().await;

    let expected = Network {
        btc_price_usd: 120_000.0,
        ..Network::default()
    }
    .hashprice_usd_per_ph_day();
    assert_eq!(kpi(&host, "kpi-hashprice"), expected);
    assert_ne!(
        chart_pixels(&host),
        blank_or_first,
        "the chart was not redrawn"
    );
    // The user's own text stays as typed.
    assert_eq!(input(&host, "input-btc").value(), "120,000");
}

#[wasm_bindgen_test]
async fn a_bad_value_shows_the_message_and_keeps_the_last_good_result() {
    let (host, _app) = mount();
    tick().await;
    let before = kpi(&host, "kpi-hashprice");
    let pixels = chart_pixels(&host);

    let field = input(&host, "input-diff");
    enter(&field, "-3");
    tick().await;

    let message = find(&host, "[data-testid='error-diff']")
        .text_content()
        .unwrap();
    for part in ["Difficulty", "diff", "-3", "0.001 to 100,000 T"] {
        assert!(message.contains(part), "{message:?} lacks {part:?}");
    }
    assert_eq!(field.value(), "-3", "the typed text was lost");
    assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(kpi(&host, "kpi-hashprice"), before);
    assert_eq!(chart_pixels(&host), pixels);

    // Correcting it clears the message.
    enter(&field, "150");
    tick().await;
    let message = find(&host, "[data-testid='error-diff']")
        .text_content()
        .unwrap();
    assert!(message.is_empty(), "{message:?}");
    assert!(kpi(&host, "kpi-hashprice") < before);
}

#[wasm_bindgen_test]
async fn the_slider_and_the_typed_field_follow_each_other() {
    let (host, _app) = mount();
    tick().await;
    // The typed field shows the slider's value formatted for reading.
    enter(&input(&host, "slider-btc"), "150000");
    tick().await;
    assert_eq!(input(&host, "input-btc").value(), "150,000");

    enter(&input(&host, "input-diff"), "200");
    tick().await;
    assert_eq!(input(&host, "slider-diff").value(), "200");
}
