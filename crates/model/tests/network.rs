//! The network's hashrate path: economic by default (it follows BTC and the halvings toward the
//! level at which the marginal machines break even), fixed growth on request; checked against
//! hand-computed break-even levels and the 2021-2025 history.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may fail loudly

use hashpivot_model::network::path::Economics;
use hashpivot_model::projection::{project, Projection};
use hashpivot_model::query::decode_strict;
use hashpivot_model::scenario::{NetworkMode, NetworkPath};
use hashpivot_model::Scenario;

/// The snapshot's 30-day network hashrate, EH/s (Hashrate Index, 12 January 2026).
const TODAY_EH_S: f64 = 1_052.0;

/// Marginal cost of the default network at month `m`, USD per PH/s per day, by hand:
/// 0.024 x 30 J/TH x 0.95^(m / 12) x $50/MWh.
fn marginal_cost(m: usize) -> f64 {
    0.024 * 30.0 * 50.0 * 0.95f64.powf(m as f64 / 12.0)
}

/// Hashprice of month `m` of the first strategy, USD per PH/s per day: 144 x (subsidy + fees)
/// x price / PH/s, from the projection's rows (fees are the default 0.017 BTC a block).
fn hashprice(p: &Projection, m: usize) -> f64 {
    let row = &p.strategies[0].months[m];
    144.0 * (row.subsidy_btc + 0.017) * row.btc_price_usd / (row.network_hashrate_eh_s * 1_000.0)
}

fn ten_years(link: &str) -> Projection {
    let q = if link.is_empty() {
        "horizon=120".to_owned()
    } else {
        format!("horizon=120&{link}")
    };
    project(&decode_strict(&q).unwrap()).unwrap()
}

fn network(p: &Projection, m: usize) -> f64 {
    p.strategies[0].months[m].network_hashrate_eh_s
}

/// Months in which pure mining (strategy 0) is switched off.
fn months_off(p: &Projection) -> usize {
    p.strategies[0]
        .months
        .iter()
        .filter(|r| r.btc_mined == 0.0)
        .count()
}

/// With BTC flat for ten years (the defaults, `horizon=120`):
/// - the network stays between 0.35x and 1.3x today's 1,052 EH/s. Only two things move its
///   break-even level: the 2028 and 2032 halvings (each about halves the pool: fees are 0.5%
///   of the reward) and the marginal machine's 5% a year (x 1/0.95 a year). So it rises from
///   1,145 EH/s to at most 1,145 / 0.95^(27/12) = 1,285 EH/s (1.22x) before April 2028, is
///   lowest just after the 2032 halving, $10,475,441 a day / ($36 x 0.95^(76/12)) = 403 EH/s
///   (0.38x) in May 2032, and ends near 484 EH/s (0.46x) in December 2035;
/// - hashprice stays at or a little above the marginal cost (never below it after month 0:
///   machines under water go off within the month; at most 25% above it: the lag's margin);
/// - the default pure miner (S21 at 17.5 J/TH, PUE 1.2, $40/MWh: $20.16 of energy per PH/s per
///   day, so it needs a hashprice of $20.47 before the 1.5% pool fee) mines in every month,
///   because the marginal cost stays above $21.6 until December 2035.
#[test]
fn with_btc_flat_the_network_stays_plausible_and_the_default_miner_keeps_mining() {
    let p = ten_years("");
    for m in 0..120 {
        let h = network(&p, m);
        assert!(
            (0.35 * TODAY_EH_S..=1.3 * TODAY_EH_S).contains(&h),
            "month {m}: {h} EH/s"
        );
        if m > 0 {
            let ratio = hashprice(&p, m) / marginal_cost(m);
            assert!((1.0 - 1e-9..=1.25).contains(&ratio), "month {m}: {ratio}");
        }
        assert!(
            p.strategies[0].months[m].btc_mined > 0.0,
            "off in month {m}"
        );
    }
    // December 2035: below its break-even level (growing toward it with the lag) by at most
    // 10%. Break-even by hand: 144 x (0.78125 + 0.017) BTC x $91,132 = $10,475,441 a day over
    // $36 x 0.95^(119/12) = $36 x 0.601297 = $21.647 per PH/s a day: 483.92 EH/s.
    let target = 144.0 * (0.78125 + 0.017) * 91_132.0 / (36.0 * 0.95f64.powf(119.0 / 12.0)) / 1e3;
    assert!((target - 483.92).abs() < 0.01, "{target}");
    let end = network(&p, 119);
    assert!((0.9 * target..=target).contains(&end), "{end}");
}

#[test]
fn the_2028_halving_sheds_half_the_network_within_the_month() {
    let p = ten_years("");
    // April 2028 (month 27) straddles block 1,050,000; May (month 28) is wholly after it.
    let (march, april, may) = (network(&p, 26), network(&p, 27), network(&p, 28));
    assert_eq!(p.strategies[0].months[28].subsidy_btc, 1.5625);
    // May's break-even network: 144 x (1.5625 + 0.017) BTC x $91,132 = $20,727,791 a day
    // over $36 x 0.95^(28/12) = $31.939 per PH/s a day: 648.98 EH/s. The network is there.
    assert!(april < march && may < april);
    assert!((may - 648.98).abs() < 0.01, "{may}");
    // From March the pool falls by (1.5625 + 0.017) / (3.125 + 0.017) = 0.5027 and the
    // marginal cost by 0.95^(2/12): May is 0.507 of March's break-even level, and a little
    // more of the network March had (still growing toward its level).
    let ratio = may / march;
    assert!((0.507..0.6).contains(&ratio), "{ratio}");
    // Hashprice does not halve: it stays at the marginal cost.
    assert!(hashprice(&p, 28) >= marginal_cost(28) * (1.0 - 1e-9));
    assert!(hashprice(&p, 28) > 0.9 * hashprice(&p, 26));
}

#[test]
fn the_network_follows_the_btc_price() {
    let (flat, up, down) = (
        ten_years(""),
        ten_years("btc_growth=30"),
        ten_years("btc_growth=-30"),
    );
    for m in [12, 36, 60, 119] {
        assert!(
            network(&down, m) < network(&flat, m) && network(&flat, m) < network(&up, m),
            "month {m}"
        );
    }
    // +30% a year: the network grows; by 2035 it is several times today's.
    assert!(network(&up, 119) > 3.0 * TODAY_EH_S);
    // -30% a year: it falls, month after month once the price is below its level.
    assert!(network(&down, 12) < network(&down, 0));
    for m in 6..120 {
        assert!(network(&down, m) < network(&down, m - 1), "month {m}");
    }
    // Hashprice never stays under the marginal cost, so the default miner mines throughout
    // with BTC flat. With BTC moving 30% a year either way the network ends near the marginal
    // machine's cost, $21.7-22 per PH/s per day by 2035, close to what the S21 fleet needs to
    // keep a machine on (its energy, $20.2, plus the avoidable 30% of its $4.93 of opex): it
    // may switch off in the last months, never before 2035.
    assert_eq!(months_off(&flat), 0);
    for p in [&up, &down] {
        for m in 1..120 {
            assert!(hashprice(p, m) >= marginal_cost(m) * (1.0 - 1e-9), "{m}");
        }
        assert!(months_off(p) <= 6, "{}", months_off(p));
        assert!(p.strategies[0].months[..108]
            .iter()
            .all(|r| r.btc_mined > 0.0));
    }
}

#[test]
fn a_start_after_the_2028_halving_sheds_to_break_even_in_its_first_month() {
    // The snapshot's network (1,049 EH/s) in January 2029, with the 1.5625 BTC subsidy: the
    // pool is 144 x 1.5795 BTC x $91,132 = $20,727,792 a day; over $36 x 0.95^(1/12) =
    // $35.846 per PH/s a day that is a break-even network of 578.25 EH/s in February.
    let p = ten_years("start=2029-01");
    assert_eq!(network(&p, 0), Scenario::default().network.hashrate_eh_s());
    let feb = network(&p, 1);
    assert!((feb - 578.25).abs() < 0.1, "{feb}");
    // Month 0 is the network as given, above break-even: hashprice $19.76 is under the
    // fleet's $20.47, so it is off that month; from then on hashprice is the marginal cost
    // or more, and it mines.
    assert_eq!(p.strategies[0].months[0].btc_mined, 0.0);
    for m in 1..120 {
        assert!(hashprice(&p, m) >= marginal_cost(m) * (1.0 - 1e-9), "{m}");
        assert!(p.strategies[0].months[m].btc_mined > 0.0, "{m}");
    }
}

#[test]
fn a_fixed_growth_is_an_explicit_choice_and_old_links_keep_it() {
    let h0 = Scenario::default().network.hashrate_eh_s();
    // network=fixed: the default 2.5% a month, compounded.
    let fixed = ten_years("network=fixed");
    assert!((network(&fixed, 12) / h0 - 1.025f64.powi(12)).abs() < 1e-12);
    // A link from before the network path gave diff_growth alone: it still means fixed.
    let s = decode_strict("diff_growth=3").unwrap();
    assert_eq!(s.market.network.mode, NetworkMode::Fixed);
    let old = project(&s).unwrap();
    assert!((network(&old, 12) / h0 - 1.03f64.powi(12)).abs() < 1e-12);
    // Saying economic wins over the growth, which is then not used (and a warning says so).
    let s = decode_strict("network=economic&diff_growth=3").unwrap();
    assert_eq!(s.market.network.mode, NetworkMode::Economic);
    let economic = project(&s).unwrap();
    let default = project(&Scenario::default()).unwrap();
    assert_eq!(network(&economic, 12), network(&default, 12));
    assert!(s.warnings().iter().any(|w| w.field == "diff_growth"));
    // Both are written back so the link reads the same.
    let link = hashpivot_model::query::encode(&s);
    assert!(link.contains("network=economic"), "{link}");
    assert_eq!(decode_strict(&link).unwrap(), s);
}

/// 2021-2025 against the network's history: from the 147.8 EH/s of January 2021 (difficulty
/// 20.65 T, The Block, 9 January 2021), monthly BTC prices (approximate monthly averages,
/// rounded to $1,000, from public price histories), fees per block by period (approximate) and
/// the April 2024 halving, with the default parameters carried back five years (the marginal
/// machine 30 / 0.95^5 = 38.8 J/TH in January 2021).
#[test]
fn the_defaults_reproduce_the_2021_2025_growth() {
    #[rustfmt::skip]
    let thousands = [
        35, 46, 55, 57, 46, 36, 34, 46, 46, 58, 61, 49, // 2021
        41, 41, 42, 41, 32, 24, 22, 23, 20, 20, 18, 17, // 2022
        20, 23, 25, 29, 28, 28, 30, 28, 26, 30, 37, 42, // 2023
        43, 50, 68, 66, 65, 66, 62, 60, 60, 66, 87, 98, // 2024
        101, 96, 84, 88, 103, 106, 116, 115, 113, 113, 95, 89, // 2025
        91, // January 2026
    ];
    let prices: Vec<f64> = thousands.iter().map(|&k| k as f64 * 1_000.0).collect();
    let rewards: Vec<f64> = (0..prices.len())
        .map(|m| {
            let subsidy = match m {
                0..39 => 6.25,
                39 => (6.25 * 19.0 + 3.125 * 11.0) / 30.0, // block 840,000 on 20 April 2024
                _ => 3.125,
            };
            let fees = match m {
                0..6 => 0.6,    // early 2021
                6..12 => 0.15,  // late 2021
                12..24 => 0.08, // 2022
                24..48 => 0.3,  // 2023-2024 (inscriptions, the halving's spike)
                48..54 => 0.04, // early 2025
                _ => 0.02,      // late 2025 (0.017 in January 2026, DOMAIN.md)
            };
            subsidy + fees
        })
        .collect();
    let path = NetworkPath {
        marginal_efficiency_j_th: 30.0 / 0.95f64.powi(5),
        ..NetworkPath::default()
    };
    let h = Economics::new(&path, 147.8, 0.0, rewards).hashrate_eh_s(&prices);
    // Measured (difficulty x 2^32 / 600): 190.7 EH/s in January 2022 (26.64 T, ForkLog),
    // 790.6 in January 2025 (110.45 T) and 1,048.7 in January 2026 (146.5 T, DOMAIN.md):
    // 3.32% a month over the five years.
    let growth = |a: f64, b: f64, months: f64| (b / a).powf(1.0 / months) - 1.0;
    let measured = growth(147.8, 1_048.7, 60.0);
    assert!((measured - 0.0332).abs() < 0.0001, "{measured}");
    let modelled = growth(h[0], h[60], 60.0);
    assert!((modelled - measured).abs() < 0.003, "{modelled}");
    for (m, actual) in [(48, 790.6), (60, 1_048.7)] {
        assert!((h[m] / actual - 1.0).abs() < 0.15, "month {m}: {}", h[m]);
    }
    // 2021 is missed on purpose: China's mining ban halved the network that summer and new
    // machines were sold out, neither of which the economics knows. The model is ahead of
    // the network in January 2022, but by less than three times.
    assert!(h[12] > 190.7 && h[12] < 3.0 * 190.7, "{}", h[12]);
}
