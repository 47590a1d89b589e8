//! Keys produced at test time: the page's own (index.html, i18n.js), the model's labels and
//! presets, the words the charts hand their translation hook while drawing, and every kind of
//! model message as `i18n.js` reads it.

use super::*;

/// The title, description and update notice of `index.html`, and the templates `i18n.js`
/// looks up.
pub(super) fn page_keys() -> BTreeSet<String> {
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

pub(super) fn every_scenario() -> Vec<Scenario> {
    let mut out = vec![Scenario::default()];
    out.extend(presets::ids().into_iter().filter_map(presets::scenario));
    for s in &mut out {
        s.monte_carlo.paths = 40;
    }
    out
}

/// Model text the page shows: labels and units of the inputs it shows, preset names and
/// summaries, names in every preset, the tornado's inputs.
pub(super) fn model_keys() -> BTreeSet<String> {
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
pub(super) fn noting(text: &str) -> &str {
    if wordy(text) {
        ASKED.with(|a| a.borrow_mut().insert(text.to_owned()));
    }
    text
}

pub(super) fn draw_all(p: &Projection, s: &Scenario, style: &ChartStyle) {
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
pub(super) fn chart_keys() -> BTreeSet<String> {
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
        warnings: Vec::new(),
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
pub(super) fn messages() -> Vec<String> {
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
        "preset=cipher-aws&site_mw=1",
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
    // A contract sized in MW (not a share of the site) on a 1 MW site.
    s.strategies[1].contracts[0].set_field("it_mw", 100.0);
    s.site.capacity_mw = Some(1.0);
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
pub(super) const MESSAGE: &str =
    "{label} ({field}): \"{value}\" is not allowed; expected {allowed}";

/// `text` with its numbers as `{a}`, `{b}`, ...: what `i18n.js` does with what is allowed.
pub(super) fn numbers_as_slots(text: &str) -> String {
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
pub(super) fn message_keys(message: &str, en: &BTreeSet<String>) -> Result<Vec<String>, String> {
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

pub(super) fn message_keys_all(en: &BTreeSet<String>) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for m in messages() {
        keys.extend(message_keys(&m, en).unwrap_or_else(|e| panic!("{e}")));
    }
    keys
}
