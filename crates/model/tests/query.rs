//! The share-link format: exact round trips and clear reports of what was ignored.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may fail loudly

use hashpivot_model::calendar::YearMonth;
use hashpivot_model::query::{decode, decode_strict, encode, encode_from};
use hashpivot_model::scenario::{NetworkMode, NetworkPath};
use hashpivot_model::{bounds, presets, Network, Scenario, ValidationError};
use proptest::prelude::*;

/// The one problem of a link that has exactly one.
fn only_problem(query: &str) -> ValidationError {
    let e = decode_strict(query).expect_err("the link should be refused");
    assert_eq!(e.as_slice().len(), 1, "{query}: {e}");
    e.first().clone()
}

#[test]
fn the_acceptance_query_sets_three_inputs_and_keeps_the_defaults() {
    let s = decode_strict("btc=91000&diff=152&fees=0.02").unwrap();
    let expected = Scenario {
        network: Network {
            btc_price_usd: 91_000.0,
            difficulty_t: 152.0,
            fees_btc_per_block: 0.02,
            ..Network::default()
        },
        ..Scenario::default()
    };
    assert_eq!(s, expected);
    assert_eq!(
        decode_strict("?btc=91000&diff=152&fees=0.02").unwrap(),
        expected
    );
}

#[test]
fn the_defaults_encode_to_nothing() {
    assert_eq!(encode(&Scenario::default()), "");
    assert_eq!(decode_strict("").unwrap(), Scenario::default());
}

#[test]
fn hashrate_is_the_other_face_of_difficulty() {
    let s = decode_strict("hashrate=1052").unwrap();
    assert!((s.network.hashrate_eh_s() - 1_052.0).abs() < 1e-9);
    let e = only_problem("hashrate=1052&diff=150");
    assert_eq!(e.field, "hashrate");
    assert!(e.allowed.contains("not both"), "{e}");
}

#[test]
fn lenient_decoding_reports_each_ignored_key_and_keeps_the_rest() {
    let d = decode(
        "btc=100000&foo=1&uptime=150&fees=abc&fees=0.1&lang=ar",
        &["lang"],
    );
    assert_eq!(d.scenario.network.btc_price_usd, 100_000.0);
    assert_eq!(
        d.scenario.fleet.uptime_pct,
        Scenario::default().fleet.uptime_pct
    );
    let named: Vec<(&str, &str)> = d
        .problems
        .iter()
        .map(|e| (e.field.as_str(), e.value.as_str()))
        .collect();
    assert_eq!(
        named,
        vec![
            ("fees", "0.1"),
            ("foo", "1"),
            ("uptime", "150"),
            ("fees", "abc")
        ]
    );
    assert!(d.problems[0].allowed.contains("at most once"));
    assert!(
        d.problems[1].allowed.contains("btc, diff"),
        "{}",
        d.problems[1]
    );
    assert!(
        d.problems[2].allowed.contains("0 to 100 %"),
        "{}",
        d.problems[2]
    );
    assert_eq!(d.claimed, vec![("lang".to_string(), "ar".to_string())]);
}

#[test]
fn a_value_that_breaks_the_whole_is_refused_by_its_key() {
    // Cipher's AWS lease is 300 MW of critical IT, 354 MW at the meter at PUE 1.18: a
    // 150 MW site cannot hold it. (The default strategies take shares of the site and follow
    // it, so a smaller site alone is fine for them.)
    let d = decode("preset=cipher-aws&site_mw=150", &[]);
    assert_eq!(d.problems.len(), 1);
    assert_eq!(d.problems[0].field, "site_mw");
    assert!(
        d.problems[0].allowed.contains("site capacity"),
        "{}",
        d.problems[0]
    );
    assert_eq!(d.scenario, presets::scenario("cipher-aws").unwrap());
    let d = decode("site_mw=150", &[]);
    assert!(d.problems.is_empty(), "{:?}", d.problems);
    assert_eq!(d.scenario.strategies[1].contracts[0].it_mw(), 150.0 / 1.18);
}

#[test]
fn a_strict_read_names_every_bad_key_in_the_order_given() {
    let e = decode_strict("btc=-5&fleet=abc").unwrap_err();
    let named: Vec<(&str, &str)> = e
        .iter()
        .map(|p| (p.field.as_str(), p.value.as_str()))
        .collect();
    assert_eq!(named, [("btc", "-5"), ("fleet", "abc")]);
    let text = e.to_string();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    // Each line names its field, the value and the range (BTC price: 1 to 10,000,000 USD;
    // fleet hashrate: 0 to 2,000 EH/s).
    assert!(
        lines[0].contains("(btc)") && lines[0].contains("\"-5\""),
        "{text}"
    );
    assert!(lines[0].contains("10,000,000 USD"), "{text}");
    assert!(
        lines[1].contains("(fleet)") && lines[1].contains("\"abc\""),
        "{text}"
    );
    assert!(lines[1].contains("0 to 2,000 EH/s"), "{text}");
    // Good keys between bad ones change nothing in the list; an unknown key joins it.
    let e = decode_strict("uptime=150&btc=80000&foo=1&poolfee=-1").unwrap_err();
    let fields: Vec<&str> = e.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["uptime", "foo", "poolfee"]);
}

#[test]
fn whole_number_keys_refuse_fractions() {
    let e = only_problem("horizon=12.5");
    assert_eq!((e.field.as_str(), e.value.as_str()), ("horizon", "12.5"));
    let e = only_problem("seed=-1");
    assert_eq!(e.field, "seed");
    assert_eq!(
        decode_strict("seed=18446744073709551615")
            .unwrap()
            .monte_carlo
            .seed,
        u64::MAX
    );
}

#[test]
fn presets_are_a_base_and_unknown_presets_are_named() {
    let s = decode_strict("preset=cipher-aws&btc=80000").unwrap();
    assert_eq!(s.strategies.len(), 2);
    assert_eq!(s.network.btc_price_usd, 80_000.0);
    assert_eq!(
        encode_from(&s, Some("cipher-aws")),
        "preset=cipher-aws&btc=80000"
    );
    let e = only_problem("preset=nope");
    assert_eq!(e.field, "preset");
    assert!(e.allowed.contains("cleanspark"), "{e}");
}

#[test]
fn the_network_mode_reads_and_writes_as_a_word() {
    let s = decode_strict("network=fixed&net_eff=25").unwrap();
    assert_eq!(s.market.network.mode, NetworkMode::Fixed);
    assert_eq!(s.market.network.marginal_efficiency_j_th, 25.0);
    assert_eq!(encode(&s), "net_eff=25&network=fixed");
    // The default mode is not written; a growth always comes with its mode.
    assert_eq!(encode(&decode_strict("net_lag=6").unwrap()), "net_lag=6");
    assert_eq!(
        encode(&decode_strict("diff_growth=1").unwrap()),
        "diff_growth=1&network=fixed"
    );
    // A bad mode is refused by name, and what it can be is said.
    let e = only_problem("network=dynamic");
    assert_eq!((e.field.as_str(), e.value.as_str()), ("network", "dynamic"));
    assert!(e.allowed.contains("economic") && e.allowed.contains("fixed"));
    // A whole number of months for the lag, in range.
    assert_eq!(only_problem("net_lag=1.5").field, "net_lag");
    assert_eq!(only_problem("net_power=0").field, "net_power");
}

#[test]
fn broken_json_strategies_are_reported_not_panicked() {
    let e = only_problem("strategies=%5B%7B%22id%22");
    assert_eq!(e.field, "strategies");
    let e = only_problem("strategies=%5B%5D"); // an empty list: no strategy
    assert_eq!(e.field, "strategies");
}

#[test]
fn old_links_totals_are_divided_by_the_links_fleet_and_written_per_unit() {
    // $4M a month over 20 EH/s is $200,000 per EH/s; $240M over 20,000,000 TH/s is $12 per
    // TH/s. The fleet counts wherever it stands in the link.
    for q in [
        "fleet=20&opex=4000000&asic_value=240000000",
        "opex=4000000&asic_value=240000000&fleet=20",
    ] {
        let s = decode_strict(q).unwrap();
        assert_eq!(s.fleet.opex_usd_per_eh_month, 200_000.0, "{q}");
        assert_eq!(s.fleet.asic_usd_per_th, 12.0, "{q}");
        assert_eq!(encode(&s), "fleet=20&opex_eh=200000&asic_th=12");
    }
    // The preset's fleet: Cango-like 50 EH/s, so $10M a month is $200,000 per EH/s.
    let s = decode_strict("preset=cango&opex=10000000").unwrap();
    assert_eq!(s.fleet.opex_usd_per_eh_month, 200_000.0);
    // A link written before the change (the S19 XP preset in full): $150,000 per EH/s, $15/TH.
    let s = decode_strict(
        "fleet=8.13953488372093&eff=21.5&opex=1220930.2325581396&asic_value=122093023.25581396",
    )
    .unwrap();
    assert!((s.fleet.opex_usd_per_eh_month - 150_000.0).abs() < 1e-6);
    assert!((s.fleet.asic_usd_per_th - 15.0).abs() < 1e-12);
    // The page still reads and writes the totals through the accessor.
    let (get, set) = hashpivot_model::query::accessor("opex").unwrap();
    let mut s = Scenario::default();
    assert_eq!(get(&s), 1_500_000.0);
    set(&mut s, 3_000_000.0);
    assert_eq!(s.fleet.opex_usd_per_eh_month, 300_000.0);
}

#[test]
fn an_old_total_that_cannot_be_divided_is_refused_by_its_key() {
    let refused = |q: &str, key: &str, part: &str| {
        let d = decode(q, &[]);
        assert_eq!(d.problems.len(), 1, "{q}: {:?}", d.problems);
        assert_eq!(d.problems[0].field, key, "{q}");
        assert!(d.problems[0].allowed.contains(part), "{}", d.problems[0]);
        d.scenario
    };
    let s = refused("opex=1000000&opex_eh=90000", "opex", "not both");
    assert_eq!(s.fleet.opex_usd_per_eh_month, 90_000.0);
    let s = refused(
        "fleet=0&asic_value=1000000",
        "asic_value",
        "more than 0 EH/s",
    );
    assert_eq!(s.fleet.asic_usd_per_th, 15.0);
    // $1e10 a month over the default 10 EH/s is $1e9 per EH/s, above the top of $10M.
    refused("opex=1e10", "opex", "10,000,000 USD per EH/s a month");
    refused("asic_value=-1", "asic_value", "0 to 1,000,000,000,000 USD");
}

fn in_bound(b: bounds::Bound) -> impl Strategy<Value = f64> {
    b.min..=b.max
}

fn whole(b: bounds::Bound) -> impl Strategy<Value = u64> {
    (b.min as u64)..=(b.max as u64)
}

prop_compose! {
    fn any_scenario()(
        base in prop::sample::select(vec!["snapshot-2026-01", "cleanspark", "iren", "cango", "core-scientific", "cipher-aws", "s19xp"]),
        (btc, diff, fees, height) in (in_bound(bounds::BTC_PRICE), in_bound(bounds::DIFFICULTY), in_bound(bounds::FEES), whole(bounds::HEIGHT)),
        (horizon, growth, dgrowth, fgrowth) in (whole(bounds::HORIZON), in_bound(bounds::BTC_GROWTH), in_bound(bounds::DIFF_GROWTH), in_bound(bounds::FEES_GROWTH)),
        (eff, uptime, curtail, pool, pue) in (in_bound(bounds::EFFICIENCY), in_bound(bounds::UPTIME), in_bound(bounds::CURTAILMENT), in_bound(bounds::POOL_FEE), in_bound(bounds::PUE)),
        (power, discount, sell, vol, seed) in (in_bound(bounds::POWER), in_bound(bounds::DISCOUNT), in_bound(bounds::SELL), in_bound(bounds::BTC_VOL), any::<u64>()),
        (year, month, grow_site, pin_height) in (2009u16..=2200, 1u8..=12, 1.0..50.0f64, any::<bool>()),
        (fixed, net_eff, net_power, net_gain, net_lag) in (any::<bool>(), in_bound(bounds::network::EFFICIENCY), in_bound(bounds::network::POWER), in_bound(bounds::network::GAIN), whole(bounds::network::LAG)),
    ) -> (Scenario, Option<&'static str>) {
        let mut s = presets::scenario(base).unwrap();
        s.network = Network { btc_price_usd: btc, difficulty_t: diff, fees_btc_per_block: fees, height: pin_height.then_some(height) };
        s.horizon_months = horizon as u32;
        s.market.btc_growth_pct_year = growth;
        s.market.difficulty_growth_pct_month = dgrowth;
        s.market.fees_growth_pct_month = fgrowth;
        s.market.network = NetworkPath {
            mode: if fixed { NetworkMode::Fixed } else { NetworkMode::Economic },
            marginal_efficiency_j_th: net_eff,
            power_usd_mwh: net_power,
            efficiency_gain_pct_year: net_gain,
            lag_months: net_lag as u32,
        };
        s.fleet.efficiency_j_th = eff;
        s.fleet.uptime_pct = uptime;
        s.fleet.curtailment_pct = curtail;
        s.fleet.pool_fee_pct = pool;
        s.fleet.pue = pue;
        s.site.power_usd_mwh = power;
        // Growing the site keeps every preset's contracts inside it.
        s.site.capacity_mw = Some((s.site_mw() * grow_site).min(bounds::SITE_MW.max));
        s.financing.discount_rate_pct_year = discount;
        s.treasury.sell_pct = sell;
        s.monte_carlo.btc_volatility_pct_year = vol;
        s.monte_carlo.seed = seed;
        s.start = YearMonth { year, month };
        s.size_contracts();
        let preset = (base != "snapshot-2026-01").then_some(base);
        (s, preset)
    }
}

proptest! {
    #[test]
    fn every_valid_scenario_round_trips_exactly((s, preset) in any_scenario()) {
        prop_assume!(s.validate().is_ok());
        let query = encode_from(&s, preset);
        prop_assert_eq!(decode_strict(&query).unwrap(), s.clone(), "{}", query);
        // Without the preset base the strategies travel as JSON: still exact.
        prop_assert_eq!(decode_strict(&encode(&s)).unwrap(), s);
    }

    #[test]
    fn any_text_decodes_without_panic_to_a_valid_scenario(q in ".{0,200}") {
        let d = decode(&q, &[]);
        prop_assert!(d.scenario.validate().is_ok());
        for p in &d.problems {
            prop_assert!(!p.field.is_empty() && !p.allowed.is_empty());
        }
    }
}
