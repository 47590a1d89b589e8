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

/// The catalogues' codes, English first.
const CODES: [&str; 4] = ["en", "it", "ar", "zh-CN"];

/// Text the page shows as it is in every language: the brand and the languages' own names.
const UNTRANSLATED: [&str; 7] = [
    "Hashpivot",
    "English",
    "Italiano",
    "العربية",
    "简体中文",
    // File formats, on the charts' download buttons.
    "SVG",
    "PNG",
];

/// Attributes and props whose text is shown (and translated by the page's script).
const LABEL_ATTRS: [&str; 12] = [
    "aria-label",
    "label",
    "title",
    "alt",
    "placeholder",
    "note",
    // The export script's message templates (public/exchange.js).
    "data-msg-preparing",
    "data-msg-saved",
    "data-msg-imported",
    "data-msg-refused",
    "data-msg-unreadable",
    "data-msg-failed",
];

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

/// Text a reader would read: two lowercase Latin letters in a row, or a non-Latin letter.
/// Units (`USD/MWh`, `EH/s`), acronyms (`AI/HPC`, `EBITDA` unless marked) and numbers are not.
fn wordy(s: &str) -> bool {
    let b: Vec<char> = s.chars().collect();
    b.windows(2)
        .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_lowercase())
        || b.iter().any(|c| c.is_alphabetic() && !c.is_ascii())
}

// ---------------------------------------------------------------- keys in the code

/// The Rust string literal starting at `at` (a `"` or `r#"`): its value and the index after it.
fn literal(src: &str, at: usize) -> (String, usize) {
    let bytes = src.as_bytes();
    if bytes[at] == b'r' {
        let hashes = src[at + 1..].bytes().take_while(|b| *b == b'#').count();
        let open = at + 1 + hashes + 1;
        let close = format!("\"{}", "#".repeat(hashes));
        let end = src[open..].find(&close).unwrap() + open;
        return (src[open..end].to_owned(), end + close.len());
    }
    let mut out = String::new();
    let mut chars = src[at + 1..].char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return (out, at + 1 + i + 1),
            '\\' => match chars.next().map(|x| x.1) {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('u') => {
                    let hex: String = chars
                        .by_ref()
                        .map(|x| x.1)
                        .skip(1)
                        .take_while(|c| *c != '}')
                        .collect();
                    out.push(char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap());
                }
                Some('\n') => {
                    // A line continuation: the next line's leading blanks are dropped.
                    let rest = &src[at + 1 + i + 2..];
                    let skip = rest.len() - rest.trim_start().len();
                    for _ in 0..rest[..skip].chars().count() {
                        chars.next();
                    }
                }
                Some(other) => out.push(other),
                None => break,
            },
            _ => out.push(c),
        }
    }
    panic!("unterminated literal at {at}");
}

/// Index of the `"` or `r"`/`r#"` starting a literal at `i`, if one does.
fn literal_start(src: &str, i: usize) -> bool {
    let b = src.as_bytes();
    b[i] == b'"'
        || (b[i] == b'r'
            && matches!(b.get(i + 1), Some(b'"' | b'#'))
            && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')))
}

/// `src` without its comment lines (doc examples name keys only as examples).
fn code_only(src: &str) -> String {
    src.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The literal arguments of `t(`, `tf(` and `n_(` calls.
fn marked(src: &str) -> Vec<String> {
    let src = &code_only(src);
    let mut out = Vec::new();
    for name in ["t(", "tf(", "n_("] {
        for (at, _) in src.match_indices(name) {
            let before = src[..at].chars().next_back().unwrap_or(' ');
            if before.is_alphanumeric() || before == '_' || before == '.' {
                continue;
            }
            let rest = &src[at + name.len()..];
            let skip = rest.len() - rest.trim_start().len();
            let start = at + name.len() + skip;
            if start < src.len() && literal_start(src, start) {
                out.push(literal(src, start).0);
            }
        }
    }
    out
}

/// Text children and label attributes of every `view!` block.
fn view_texts(src: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (at, _) in src.match_indices("view! {") {
        let b = src.as_bytes();
        let mut i = at + "view! {".len();
        let mut depth = 1;
        while i < b.len() && depth > 0 {
            match b[i] {
                b'{' => depth += 1,
                b'}' => depth -= 1,
                b'/' if b.get(i + 1) == Some(&b'/') => {
                    i = src[i..].find('\n').map_or(b.len(), |n| i + n);
                    continue;
                }
                b'\'' if b.get(i + 2) == Some(&b'\'') => i += 2, // a char literal such as '{'
                _ if literal_start(src, i) => {
                    let (text, end) = literal(src, i);
                    let before = src[..i].trim_end();
                    // Text follows a tag, a block or other text; a literal after `(` or `,` is
                    // an argument of a macro or a call (`format!("...")`).
                    let in_view = before.ends_with(['>', '}', '"', '=']);
                    if depth == 1 && in_view {
                        let attr = before.strip_suffix('=').map(|b| {
                            let name_start = b
                                .rfind(|c: char| {
                                    !(c.is_alphanumeric() || c == '-' || c == '_' || c == ':')
                                })
                                .map_or(0, |p| p + 1);
                            &b[name_start..]
                        });
                        let keep = match attr {
                            Some(name) => LABEL_ATTRS.contains(&name),
                            None => wordy(&text) && !UNTRANSLATED.contains(&text.trim()),
                        };
                        if keep {
                            out.push(text.trim().to_owned());
                        }
                    }
                    i = end;
                    continue;
                }
                _ => {}
            }
            i += 1;
        }
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") && !p.ends_with("i18n/tests.rs") {
            out.push(p);
        }
    }
}

/// Keys the app's code uses: marked literals and view text.
fn code_keys() -> BTreeSet<String> {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let mut keys = BTreeSet::new();
    for f in files {
        let src = read(&f);
        keys.extend(marked(&src));
        keys.extend(view_texts(&src));
    }
    keys
}

/// Every string literal of the charts' code (not its tests): the keys a chart may use in a
/// branch the drawing below does not reach.
fn chart_literals() -> BTreeSet<String> {
    let mut files = Vec::new();
    rust_files(&root().join("crates/charts/src"), &mut files);
    let mut out = BTreeSet::new();
    for f in files {
        let src = read(&f);
        let src = src.split("#[cfg(test)]").next().unwrap_or_default();
        let mut i = 0;
        while i < src.len() {
            if src[i..].starts_with("//") {
                i = src[i..].find('\n').map_or(src.len(), |n| i + n);
            } else if src.as_bytes()[i] == b'\'' && src.as_bytes().get(i + 2) == Some(&b'\'') {
                i += 3;
            } else if src.is_char_boundary(i) && literal_start(src, i) {
                let (text, end) = literal(src, i);
                out.insert(text);
                i = end;
            } else {
                i += 1;
            }
        }
    }
    out
}

/// The title, description and update notice of `index.html`, and the templates `i18n.js`
/// looks up.
fn page_keys() -> BTreeSet<String> {
    let html = read(&root().join("index.html"));
    let between = |a: &str, b: &str, from: &str| -> String {
        let s = &from[from.find(a).unwrap() + a.len()..];
        s[..s.find(b).unwrap()].trim().to_owned()
    };
    let mut keys = BTreeSet::from([
        between("<title>", "</title>", &html),
        between(
            "content=\"",
            "\"",
            &html[html.find("name=\"description\"").unwrap()..],
        ),
        between("role=\"status\" hidden>", "<button", &html),
        between("<button type=\"button\">", "</button>", &html),
    ]);
    let js = read(&root().join("public/i18n/i18n.js"));
    for quote in ['\'', '"'] {
        for (at, _) in js.match_indices(&format!("tr({quote}")) {
            let rest = &js[at + 4..];
            keys.insert(rest[..rest.find(quote).unwrap()].to_owned());
        }
    }
    keys
}

// ---------------------------------------------------------------- keys in the model

fn every_scenario() -> Vec<Scenario> {
    let mut out = vec![Scenario::default()];
    out.extend(presets::ids().into_iter().filter_map(presets::scenario));
    for s in &mut out {
        s.monte_carlo.paths = 40;
    }
    out
}

/// Model text the page shows: labels and units of the inputs it shows, preset names and
/// summaries, names in every preset, the tornado's inputs.
fn model_keys() -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    let mut bound = |b: bounds::Bound| {
        keys.insert(b.label.to_owned());
        if wordy(b.unit) {
            keys.insert(b.unit.to_owned());
        }
    };
    for info in crate::inputs::GROUPS.iter().flat_map(|g| g.inputs.iter()) {
        bound(query::bound(info.key).unwrap());
    }
    contract::ALL.into_iter().for_each(&mut bound);
    debt::ALL.into_iter().for_each(&mut bound);
    for p in presets::all() {
        keys.insert(p.summary.to_owned());
        if matches!(p.kind, Kind::Company | Kind::Network) {
            keys.insert(p.name.to_owned());
        }
    }
    let mut names = |s: &Scenario| {
        for st in &s.strategies {
            keys.insert(st.name.clone());
            for c in &st.contracts {
                keys.insert(c.terms().name.clone());
            }
        }
        for d in &s.financing.debt {
            keys.insert(d.name.clone());
        }
    };
    for s in every_scenario() {
        names(&s);
    }
    for id in presets::ids() {
        if let Some(c) = presets::contract(id) {
            keys.insert(c.terms().name.clone());
        }
    }
    keys.insert(Contract::GpuCloud(GpuCloud::default()).terms().name.clone());
    for b in tornado::run(&Scenario::default()).unwrap().bars {
        keys.insert(b.label.to_owned());
        if wordy(b.unit) {
            keys.insert(b.unit.to_owned());
        }
    }
    keys
}

// ---------------------------------------------------------------- keys in the charts

thread_local! {
    static ASKED: RefCell<BTreeSet<String>> = const { RefCell::new(BTreeSet::new()) };
}

/// A translation hook that notes every text it is asked for.
fn noting(text: &str) -> &str {
    if wordy(text) {
        ASKED.with(|a| a.borrow_mut().insert(text.to_owned()));
    }
    text
}

fn draw_all(p: &Projection, s: &Scenario, style: &ChartStyle) {
    let names: Vec<String> = s.strategies.iter().map(|x| x.name.clone()).collect();
    macro_rules! chart {
        ($data:expr) => {{
            let d = $data;
            d.title_in(noting);
            d.alt_text_in(noting);
            svg::render(style, |area| d.draw(area, style)).unwrap();
        }};
    }
    chart!(RevenueMix::from_projection(p));
    chart!(Cashflow::from_projection(p));
    chart!(PerMw::from_projection(p));
    if let Ok(t) = tornado::run(s) {
        for i in 0..=names.len() {
            let name = names.get(i).cloned().unwrap_or_default();
            chart!(TornadoChart::from_tornado_in(&t, i, &name, noting));
        }
    }
    let today = (s.network.btc_price_usd, s.site.power_usd_mwh);
    if let Ok(m) = decision_map::run(s, 8, 8) {
        chart!(DecisionMapChart::from_map(&m, &names, today));
        chart!(DecisionMapChart::from_map(&m, &names, (1e9, 1e9)));
    }
    if let Ok(r) = montecarlo::run(s) {
        let fan = MonteCarloFan::from_result(&r, &names);
        fan.bands_note_in(noting);
        chart!(fan);
    }
}

/// Every text the charts ask their hook for, over every preset, a short horizon (month
/// labels), one path, and nothing to show.
fn chart_keys() -> BTreeSet<String> {
    ASKED.with(|a| a.borrow_mut().clear());
    let style = ChartStyle::light(720, 420).with_words(noting);
    let mut scenarios = every_scenario();
    let mut short = Scenario {
        horizon_months: 12,
        ..Scenario::default()
    };
    short.monte_carlo.paths = 1;
    scenarios.push(short);
    for s in &scenarios {
        draw_all(&project(s).unwrap(), s, &style);
    }
    let empty = Projection {
        hashprice_usd_per_ph_day: 0.0,
        hashprice_sats_per_th_day: 0.0,
        hashcost_usd_per_ph_day: 0.0,
        network_hashrate_eh_s: 0.0,
        strategies: Vec::new(),
    };
    draw_all(&empty, &Scenario::default(), &style);
    let no_map = decision_map::DecisionMap {
        btc_prices: Vec::new(),
        power_prices: Vec::new(),
        npv: Vec::new(),
        winner: Vec::new(),
        tie: Vec::new(),
    };
    let map = DecisionMapChart::from_map(&no_map, &[], (0.0, 0.0));
    map.alt_text_in(noting);
    svg::render(&style, |area| map.draw(area, &style)).unwrap();
    let mut no_paths = montecarlo::run(&scenarios[0]).unwrap();
    no_paths.months.clear();
    no_paths.bands.clear();
    let fan = MonteCarloFan::from_result(&no_paths, &[]);
    fan.alt_text_in(noting);
    svg::render(&style, |area| fan.draw(area, &style)).unwrap();
    let mut no_strategies = montecarlo::run(&scenarios[0]).unwrap();
    no_strategies.bands.clear();
    MonteCarloFan::from_result(&no_strategies, &[]).alt_text_in(noting);
    for month in 1..=12 {
        hashpivot_charts::month_name(noting, hashpivot_model::YearMonth { year: 2029, month });
    }
    ASKED.with(|a| a.borrow().clone())
}

// ---------------------------------------------------------------- keys in the model's messages

/// One message of every kind the model (and the page) can refuse a value with.
fn messages() -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut links: Vec<String> = [
        "a=1&a=2",
        "preset=nope",
        "start=2009-13",
        "strategies=x",
        "debt=x",
        "seed=x",
        "hashrate=1&diff=100",
        "=5",
        "colour=blue",
        "site_mw=1",
        "hashrate=1e300",
    ]
    .map(String::from)
    .to_vec();
    for info in crate::inputs::GROUPS.iter().flat_map(|g| g.inputs.iter()) {
        links.push(format!("{}=1e300", info.key));
        links.push(format!("{}=0.5", info.key)); // refused by whole-number keys
    }
    for link in links {
        let d = query::decode(&link, &crate::app::PAGE_KEYS);
        out.extend(d.problems.iter().map(ToString::to_string));
    }
    for b in contract::ALL.iter().chain(&debt::ALL).chain(&purchase::ALL) {
        out.push(b.check(f64::INFINITY).unwrap_err().to_string());
    }
    // Whole-scenario rules.
    let base = Scenario::default;
    let mut bad: Vec<Scenario> = Vec::new();
    let mut s = base();
    s.version += 1;
    bad.push(s);
    let mut s = base();
    s.strategies.clear();
    bad.push(s);
    let mut s = base();
    s.strategies[0].name.clear();
    bad.push(s);
    let mut s = base();
    s.strategies[0].id = "no spaces".into();
    bad.push(s);
    let mut s = base();
    s.strategies[1].id = s.strategies[0].id.clone();
    bad.push(s);
    let mut s = base();
    s.strategies[0].btc_sales.push(BtcSale {
        month: 0,
        btc: -1.0,
    });
    bad.push(s);
    let mut s = base();
    s.strategies[0].btc_sales.push(BtcSale {
        month: 9999,
        btc: 1.0,
    });
    bad.push(s);
    let mut s = base();
    s.strategies[0].fleet_purchases.push(FleetPurchase {
        month: 0,
        eh_s: 0.0,
        efficiency_j_th: 17.5,
        usd_per_th: 10.0,
        retire_eh_s: 1e3,
    });
    bad.push(s);
    let mut s = base();
    s.site.capacity_mw = 1.0;
    bad.push(s);
    let mut s = base();
    s.financing.debt.push(Debt {
        name: String::new(),
        principal_usd: 1.0,
        coupon_annual: 0.0,
        maturity_months: 1,
    });
    bad.push(s);
    let mut s = base();
    if let Some(c) = s
        .strategies
        .iter_mut()
        .flat_map(|st| st.contracts.iter_mut())
        .next()
    {
        c.terms_mut().name.clear();
    }
    bad.push(s);
    let mut s = base();
    s.strategies = vec![Strategy::default(); 7];
    bad.push(s);
    for s in bad {
        out.push(s.validate().unwrap_err().to_string());
    }
    // The page's own: the seed, and a widget link's chart and controls.
    out.push(
        ValidationError {
            field: "seed".into(),
            label: "Seed".into(),
            value: "x".into(),
            allowed: format!("a whole number from 0 to {}", u64::MAX),
        }
        .to_string(),
    );
    let claimed = [("view", "pie"), ("controls", "nope")].map(|(k, v)| (k.into(), v.into()));
    out.extend(crate::components::embed::request(&claimed).problems);
    out.sort();
    out.dedup();
    out
}

/// The message template `i18n.js` rebuilds a message with.
const MESSAGE: &str = "{label} ({field}): \"{value}\" is not allowed; expected {allowed}";

/// `text` with its numbers as `{a}`, `{b}`, ...: what `i18n.js` does with what is allowed.
fn numbers_as_slots(text: &str) -> String {
    let mut out = String::new();
    let chars: Vec<char> = text.chars().collect();
    let (mut i, mut n) = (0, 0);
    while i < chars.len() {
        let mut j = i;
        if (i == 0 || chars[i - 1] == ' ')
            && chars[i] == '\u{200E}'
            && chars.get(i + 1) == Some(&'-')
        {
            j += 1;
        }
        if (i == 0 || chars[i - 1] == ' ') && chars.get(j) == Some(&'-') {
            j += 1;
        }
        if chars.get(j).is_some_and(char::is_ascii_digit) {
            let mut end = j + 1;
            let mut k = end;
            while k < chars.len() && (chars[k].is_ascii_digit() || ",.".contains(chars[k])) {
                k += 1;
                if chars[k - 1].is_ascii_digit() {
                    end = k;
                }
            }
            out.push_str(&format!("{{{}}}", ["a", "b", "c", "d", "e", "f"][n]));
            n += 1;
            i = end;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// The keys `i18n.js` looks up to translate the model's `message`, or what it cannot read.
fn message_keys(message: &str, en: &BTreeSet<String>) -> Result<Vec<String>, String> {
    let (label, rest) = message.split_once(" (").ok_or(message)?;
    let (_, rest) = rest.split_once("): \"").ok_or(message)?;
    let (_, allowed) = rest
        .split_once("\" is not allowed; expected ")
        .ok_or(message)?;
    let mut keys = vec![MESSAGE.to_owned()];
    if wordy(label) {
        keys.push(label.to_owned());
    }
    let template = numbers_as_slots(allowed);
    let cut = template.rfind('}').map_or(0, |i| i + 1);
    let unit = template[cut..].trim();
    let with_unit = format!("{} {{unit}}", &template[..cut]);
    if en.contains(&template) {
        keys.push(template);
    } else if !unit.is_empty() && en.contains(&with_unit) {
        keys.push(with_unit);
        if wordy(unit) {
            keys.push(unit.to_owned());
        }
    } else if allowed.starts_with("one of ") {
        keys.push("one of {list}".into());
    } else {
        let cut = [": ", " ("]
            .iter()
            .filter_map(|sep| allowed[1..].find(sep).map(|i| (i + 1, sep.len())))
            .min()
            .filter(|(i, _)| en.contains(&allowed[..*i]))
            .ok_or_else(|| format!("no key for what {message:?} allows"))?;
        keys.push(allowed[..cut.0].to_owned());
        if let Ok(inner) = message_keys(&allowed[cut.0 + cut.1..], en) {
            keys.extend(inner);
        }
    }
    Ok(keys)
}

fn message_keys_all(en: &BTreeSet<String>) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for m in messages() {
        keys.extend(message_keys(&m, en).unwrap_or_else(|e| panic!("{e}")));
    }
    keys
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
