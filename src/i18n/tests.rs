//! The catalogues against each other and against the code.
//!
//! The keys the page uses are collected the way the page translates them:
//! - from the code: the literal argument of every `t("...")`, `tf("...")` and `n_("...")`, and
//!   in every `view!` the text children and the values of label attributes and props
//!   (`aria-label`, `label`, `title`, `alt`, `placeholder`, `note`), all trimmed;
//! - from the model, at test time: input labels and units, preset names and summaries, the
//!   names of the strategies, contracts and debts of every preset, the tornado's inputs;
//! - from the charts, at test time: every text they hand to their translation hook while
//!   drawing every preset's charts (and empty ones) and writing their titles and alternatives;
//! - from the model's messages, at test time: every kind of refused value, read the way
//!   `public/i18n/i18n.js` reads them (its template, label, and what is allowed);
//! - from `index.html` and `i18n.js`: the title, the description, the update notice, and the
//!   templates the script looks up.
//!
//! Set `I18N_KEYS=1` to print the keys used and the ones missing from `en.txt`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may fail loudly

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use hashpivot_charts::cashflow::Cashflow;
use hashpivot_charts::decision_map::DecisionMapChart;
use hashpivot_charts::montecarlo_fan::MonteCarloFan;
use hashpivot_charts::per_mw::PerMw;
use hashpivot_charts::revenue_mix::RevenueMix;
use hashpivot_charts::tornado::TornadoChart;
use hashpivot_charts::{svg, ChartStyle};
use hashpivot_model::bounds::{self, contract, debt, purchase};
use hashpivot_model::presets::{self, Kind};
use hashpivot_model::scenario::{BtcSale, Contract, Debt, FleetPurchase, GpuCloud, Strategy};
use hashpivot_model::{
    decision_map, montecarlo, project, query, tornado, Projection, Scenario, ValidationError,
};

use super::*;

mod runtime;
mod source;

use runtime::*;
use source::*;

/// The catalogues' codes, English first.
const CODES: [&str; 4] = ["en", "it", "ar", "zh-CN"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A catalogue's entries in file order; `en.txt` lines are their own translation.
fn catalogue(code: &str) -> Vec<(String, String)> {
    let text = read(&root().join(format!("public/i18n/{code}.txt")));
    assert!(
        text.ends_with('\n'),
        "{code}.txt: end the last line with a line break"
    );
    text.lines()
        .enumerate()
        .map(|(n, line)| {
            assert!(!line.trim().is_empty(), "{code}.txt line {}: empty", n + 1);
            if code == "en" {
                assert!(!line.contains('\t'), "en.txt line {}: keys only", n + 1);
                (line.to_owned(), line.to_owned())
            } else {
                let (k, v) = line
                    .split_once('\t')
                    .unwrap_or_else(|| panic!("{code}.txt line {}: no tab", n + 1));
                assert!(!v.contains('\t'), "{code}.txt line {}: two tabs", n + 1);
                (k.to_owned(), v.to_owned())
            }
        })
        .collect()
}

fn en_keys() -> BTreeSet<String> {
    catalogue("en").into_iter().map(|(k, _)| k).collect()
}

// ---------------------------------------------------------------- the tests

fn placeholders(s: &str) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for part in s.split('{').skip(1) {
        if let Some((name, _)) = part.split_once('}') {
            if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                *out.entry(name.to_owned()).or_default() += 1;
            }
        }
    }
    out
}

#[test]
fn the_four_catalogues_have_the_same_sorted_keys_and_full_translations() {
    let en: Vec<String> = catalogue("en").into_iter().map(|(k, _)| k).collect();
    let mut sorted = en.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(en, sorted, "en.txt: keys sorted by bytes, each once");
    for code in &CODES[1..] {
        let entries = catalogue(code);
        let keys: Vec<&String> = entries.iter().map(|(k, _)| k).collect();
        let en_refs: Vec<&String> = en.iter().collect();
        if keys != en_refs {
            let have: BTreeSet<&String> = keys.iter().copied().collect();
            let want: BTreeSet<&String> = en_refs.iter().copied().collect();
            panic!(
                "{code}.txt keys differ from en.txt (or are out of order): missing {:?}, extra {:?}",
                want.difference(&have).collect::<Vec<_>>(),
                have.difference(&want).collect::<Vec<_>>()
            );
        }
        let all: BTreeSet<&str> = en.iter().map(String::as_str).collect();
        for (k, v) in &entries {
            assert!(!v.trim().is_empty(), "{code}: {k:?} has no translation");
            assert_eq!(
                v.trim(),
                v,
                "{code}: {k:?}: the translation has blanks around it"
            );
            assert_eq!(
                placeholders(k),
                placeholders(v),
                "{code}: {k:?} -> {v:?}: placeholders"
            );
            // The page's script translates text it finds again after each change: a
            // translation that is another key would be translated twice.
            assert!(
                v == k || !all.contains(v.as_str()),
                "{code}: {k:?} -> {v:?} is a key"
            );
            // Month names go into the monthly table's HTML.
            assert!(!v.contains(['<', '&']), "{code}: {k:?} -> {v:?}: no markup");
        }
    }
}

#[test]
fn units_with_a_percent_sign_keep_it_first() {
    // The tornado writes `5% / 10% a year` when a unit starts with `%`.
    for code in &CODES[1..] {
        for (k, v) in catalogue(code) {
            if k.starts_with("% ") {
                assert!(v.starts_with('%'), "{code}: {k:?} -> {v:?}");
            }
        }
    }
}

#[test]
fn every_key_the_page_uses_is_in_the_catalogues_and_every_key_is_used() {
    let en = en_keys();
    let code = code_keys();
    let model = model_keys();
    let charts = chart_keys();
    let page = page_keys();
    let messages = message_keys_all(&en);
    let used: BTreeSet<String> = code
        .iter()
        .chain(&model)
        .chain(&charts)
        .chain(&page)
        .chain(&messages)
        .cloned()
        .collect();
    let missing: Vec<&String> = used.difference(&en).collect();
    if std::env::var_os("I18N_KEYS").is_some() {
        for k in &used {
            println!("USED\t{k}");
        }
        for k in &missing {
            println!("MISSING\t{k}");
        }
    }
    assert!(missing.is_empty(), "keys missing from en.txt: {missing:#?}");
    let literals = chart_literals();
    let dead: Vec<&String> = en
        .iter()
        .filter(|k| !used.contains(*k) && !literals.contains(*k))
        .collect();
    assert!(dead.is_empty(), "keys nothing uses: {dead:#?}");
}

#[test]
fn every_message_kind_reads_in_every_language() {
    // Each message's template, label and allowed part resolve to catalogue keys; and with the
    // Arabic catalogue installed, a refused value's label comes out translated.
    let en = en_keys();
    for m in messages() {
        let keys = message_keys(&m, &en).unwrap_or_else(|e| panic!("{e}"));
        for k in keys {
            assert!(en.contains(&k), "{m:?} needs {k:?}");
        }
    }
}

#[test]
fn installed_catalogues_translate_and_format_numbers() {
    // Each test runs on its own thread: installing here changes nothing elsewhere.
    let text: String = catalogue("it")
        .into_iter()
        .map(|(k, v)| format!("{k}\t{v}\n"))
        .collect();
    install(Lang::It, text);
    assert_eq!(lang(), Lang::It);
    assert_ne!(t("Inputs"), "Inputs");
    assert_eq!(t("a text no catalogue has"), "a text no catalogue has");
    assert_eq!(format::usd_compact(1.94e9), "$1,94 Mrd");
    assert_eq!(crate::fmt::percent(0.457), "45,7%");
    let march = hashpivot_model::YearMonth {
        year: 2029,
        month: 3,
    };
    assert_eq!(crate::fmt::month(march), "mar 2029");
    assert_eq!(delocalize("1.234,5"), "1234.5");
    assert_eq!(
        tf("Remove strategy {name}", &[("name", "X")]),
        format::fill(t("Remove strategy {name}"), &[("name", "X")])
    );
}

#[test]
fn chinese_and_arabic_months_read_their_way() {
    let march = hashpivot_model::YearMonth {
        year: 2029,
        month: 3,
    };
    for (code, lang, want) in [
        ("zh-CN", Lang::Zh, "2029年3月"),
        ("ar", Lang::Ar, "مارس 2029"),
    ] {
        let text: String = catalogue(code)
            .into_iter()
            .map(|(k, v)| format!("{k}\t{v}\n"))
            .collect();
        install(lang, text);
        assert_eq!(
            plain(&crate::fmt::month(march)).replace(['\u{2067}', '\u{2069}'], ""),
            want
        );
    }
}

#[test]
fn languages_have_codes_and_english_costs_nothing() {
    for l in Lang::ALL {
        assert_eq!(Lang::from_code(l.code()), Some(l));
    }
    assert_eq!(Lang::from_code("fr"), None);
    assert_eq!(lang(), Lang::En);
    assert_eq!(t("Inputs"), "Inputs");
    assert_eq!(delocalize("1,234.5"), "1,234.5");
    assert_eq!(parse("a\tb\nc\td\n"), vec![("a", "b"), ("c", "d")]);
}

#[test]
fn the_language_script_names_the_four_codes_the_app_knows() {
    let html = read(&root().join("public/lang.js"));
    let js = read(&root().join("public/i18n/i18n.js"));
    let switch = read(&root().join("src/components/lang_switch.rs"));
    for l in Lang::ALL {
        assert!(
            html.contains(&format!("\"{}\"", l.code())),
            "public/lang.js lacks {}",
            l.code()
        );
        assert!(
            switch.contains(&format!("value=\"{}\"", l.code())),
            "the switch lacks {}",
            l.code()
        );
    }
    assert!(js.contains("start_in"));
}
