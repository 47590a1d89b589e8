//! The six model charts' data and text alternatives: figures checked against the model's output,
//! computed here independently of the chart code.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may fail loudly

mod support;

use hashpivot_charts::cashflow::Cashflow;
use hashpivot_charts::decision_map::DecisionMapChart;
use hashpivot_charts::montecarlo_fan::MonteCarloFan;
use hashpivot_charts::per_mw::{PerMw, PowerUse};
use hashpivot_charts::revenue_mix::RevenueMix;
use hashpivot_charts::tornado::TornadoChart;
use hashpivot_model::format::{fixed, usd_compact};
use hashpivot_model::{decision_map, montecarlo, project, tornado, YearMonth};

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn month_name(m: YearMonth) -> String {
    format!("{} {}", MONTHS[m.month as usize - 1], m.year)
}

#[test]
fn revenue_mix_alt_text_states_each_strategys_total_and_split() {
    let p = project(&support::scenario()).unwrap();
    let data = RevenueMix::from_projection(&p);
    let alt = data.alt_text();
    assert_eq!(data.panels.len(), p.strategies.len());
    for s in &p.strategies {
        let mining: f64 = s.months.iter().map(|m| m.mining_revenue_usd).sum();
        let hpc: f64 = s.months.iter().map(|m| m.hpc_revenue_usd).sum();
        let total = format!("{}: {} in total", s.name, usd_compact(mining + hpc));
        assert!(alt.contains(&total), "{alt} lacks {total}");
        if mining > 0.0 && hpc > 0.0 {
            let split = format!("{}% mining", fixed(mining / (mining + hpc) * 100.0, 0));
            assert!(alt.contains(&split), "{alt} lacks {split}");
        }
    }
    // The hybrid's AI/HPC revenue starts when its conversion is done.
    let hybrid = &p.strategies[2];
    let start = hybrid
        .months
        .iter()
        .find(|m| m.hpc_revenue_usd > 0.0)
        .unwrap()
        .month;
    assert!(
        alt.contains(&format!("starts in {}", month_name(start))),
        "{alt}"
    );
    // The shared axis is above every stack.
    let top = p
        .strategies
        .iter()
        .flat_map(|s| &s.months)
        .map(|m| (m.mining_revenue_usd + m.hpc_revenue_usd) / 1e6)
        .fold(0.0, f64::max);
    assert!(data.y_max > top && data.y_max < top * 1.2);
}

#[test]
fn revenue_mix_fits_panels_to_the_width() {
    let p = project(&support::scenario()).unwrap();
    let data = RevenueMix::from_projection(&p);
    assert_eq!(data.grid(360), (1, 3));
    assert_eq!(data.grid(720), (2, 2));
    assert_eq!(data.grid(1200), (3, 1));
}

#[test]
fn cashflow_alt_text_states_the_horizon_and_payback() {
    let p = project(&support::cheap_conversion()).unwrap();
    let data = Cashflow::from_projection(&p);
    let alt = data.alt_text();
    let mut paid_back = 0;
    for s in &p.strategies {
        let end = s.months.last().unwrap().cumulative_fcf_usd;
        assert!(
            alt.contains(&format!("{}: {}", s.name, usd_compact(end))),
            "{alt}"
        );
        // Payback recomputed: the first month from which the cumulative stays at or above 0.
        let from = (0..s.months.len())
            .find(|&i| s.months[i..].iter().all(|m| m.cumulative_fcf_usd >= 0.0))
            .map(|i| s.months[i].month);
        assert_eq!(from, s.payback_month, "{}", s.name);
        match from {
            Some(m) => {
                paid_back += 1;
                assert!(
                    alt.contains(&format!("pays back in {}", month_name(m))),
                    "{alt}"
                );
            }
            None => assert!(alt.contains(&format!("{} by", usd_compact(end)))),
        }
    }
    assert!(
        paid_back >= 2,
        "the scenario should have pivots that pay back"
    );
    assert!(
        alt.contains("does not pay back"),
        "pure mining does not: {alt}"
    );
    let (lo, hi) = data.y_range;
    assert!(lo < 0.0 && hi > 0.0);
}

#[test]
fn per_mw_rows_skip_missing_uses_and_keep_negative_margins() {
    let p = project(&support::scenario()).unwrap();
    let data = PerMw::from_projection(&p);
    let expected: usize = p
        .strategies
        .iter()
        .map(|s| {
            s.summary.mining_revenue_per_mw_year_usd.is_some() as usize
                + s.summary.hpc_revenue_per_mw_year_usd.is_some() as usize
        })
        .sum();
    assert_eq!(data.rows.len(), expected);
    assert_eq!(data.rows[0].label, "Pure mining · Mining");
    assert!(!data
        .rows
        .iter()
        .any(|r| r.strategy == 0 && r.power_use == PowerUse::Hpc));
    let alt = data.alt_text();
    let mining = &p.strategies[0].summary;
    let margin = mining.mining_margin_per_mw_year_usd.unwrap();
    assert!(
        margin < 0.0,
        "mining loses money per MW in the default scenario"
    );
    assert!(alt.contains(&format!(
        "Pure mining · Mining: revenue {}, margin {}",
        usd_compact(mining.mining_revenue_per_mw_year_usd.unwrap()),
        usd_compact(margin)
    )));
    let hpc = p.strategies[1].summary.hpc_margin_per_mw_year_usd.unwrap();
    assert!(alt.contains(&usd_compact(hpc)), "{alt}");
    assert!(data.x_range.0 <= margin && data.x_range.1 > 0.0);
}

#[test]
fn fan_alt_text_states_median_and_90_percent_range() {
    let s = support::scenario();
    let r = montecarlo::run(&s).unwrap();
    let data = MonteCarloFan::from_result(&r, &support::names(&s));
    let alt = data.alt_text();
    assert!(alt.contains("200 simulated paths"), "{alt}");
    for (b, name) in r.bands.iter().zip(support::names(&s)) {
        let text = format!(
            "{name}: median {}, 90% of paths between {} and {}",
            usd_compact(*b.p50.last().unwrap()),
            usd_compact(*b.p5.last().unwrap()),
            usd_compact(*b.p95.last().unwrap()),
        );
        assert!(alt.contains(&text), "{alt} lacks {text}");
    }
    assert_eq!(data.bands_note(), "bands: 5–95% and 25–75% of 200 paths");
    assert!(data.y_range.0 <= r.bands[1].p5.iter().copied().fold(0.0, f64::min));
}

#[test]
fn fan_handles_one_path_and_no_months() {
    let mut s = support::scenario();
    s.monte_carlo.paths = 1;
    let r = montecarlo::run(&s).unwrap();
    let data = MonteCarloFan::from_result(&r, &[]);
    assert_eq!(data.fans[0].name, "Strategy 1");
    assert!(
        data.alt_text().contains("1 simulated path."),
        "{}",
        data.alt_text()
    );
    assert_eq!(data.bands_note(), "bands: 5–95% and 25–75% of 1 path");

    let mut empty = r.clone();
    empty.months.clear();
    let data = MonteCarloFan::from_result(&empty, &support::names(&s));
    assert!(data.fans.iter().all(|f| f.p50.is_empty()));
    assert!(data.alt_text().contains("no months"));
}

#[test]
fn tornado_sorts_inputs_by_swing() {
    let s = support::scenario();
    let t = tornado::run(&s).unwrap();
    for strategy in 0..t.base_npv.len() {
        let data = TornadoChart::from_tornado(&t, strategy, "x");
        assert_eq!(data.bars.len(), t.bars.len());
        // Expected order, computed here from the model's bars.
        let mut expected: Vec<(f64, &str)> = t
            .bars
            .iter()
            .map(|b| ((b.npv_high[strategy] - b.npv_low[strategy]).abs(), b.label))
            .collect();
        // Largest swing first; equal swings (inputs with no effect) by label.
        expected.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
        let got: Vec<&str> = data.bars.iter().map(|b| b.input.as_str()).collect();
        let want: Vec<&str> = expected.iter().map(|e| e.1).collect();
        assert_eq!(got, want, "strategy {strategy}");
        assert!(data.bars.windows(2).all(|w| w[0].swing >= w[1].swing));
    }
}

#[test]
fn tornado_labels_and_alt_text_carry_the_values() {
    let s = support::scenario();
    let t = tornado::run(&s).unwrap();
    let data = TornadoChart::from_tornado(&t, 0, "Pure mining");
    let btc = t.bars.iter().find(|b| b.key == "btc").unwrap();
    let label = format!(
        "BTC price ({} / {})",
        usd_compact(btc.low_value),
        usd_compact(btc.high_value)
    );
    assert!(data.bars.iter().any(|b| b.label == label), "{label}");
    let alt = data.alt_text();
    assert!(
        alt.contains(&format!("base {}", usd_compact(t.base_npv[0]))),
        "{alt}"
    );
    // Pure mining has no AI/HPC contracts, so their prices do not move its NPV.
    assert!(
        alt.contains("No effect: ") && alt.contains("AI/HPC prices"),
        "{alt}"
    );
    let top = &data.bars[0];
    assert!(
        alt.contains(&format!("Largest swing, {}", top.label)),
        "{alt}"
    );
}

#[test]
fn tornado_out_of_range_strategy_is_empty_not_a_panic() {
    let t = tornado::run(&support::scenario()).unwrap();
    let data = TornadoChart::from_tornado(&t, 99, "Nobody");
    assert!(data.bars.is_empty());
    assert_eq!(data.base_npv, None);
    assert!(data.alt_text().contains("no sensitivity results"));
}

#[test]
fn decision_map_states_todays_winner_and_shares() {
    let s = support::cheap_conversion();
    let m = decision_map::run(&s, 64, 64).unwrap();
    let names = support::names(&s);
    let data = DecisionMapChart::from_map(&m, &names, support::today(&s));

    // Today's winner: the cell whose grid point is nearest today's prices.
    let nearest = |values: &[f64], v: f64| -> usize {
        (0..values.len())
            .min_by(|&a, &b| (values[a] - v).abs().total_cmp(&(values[b] - v).abs()))
            .unwrap()
    };
    let (btc, power) = support::today(&s);
    let cell = nearest(&m.power_prices, power) * m.btc_prices.len() + nearest(&m.btc_prices, btc);
    let winner = m.winner[cell] as usize;
    assert_eq!(data.current_winner, Some(winner));
    let alt = data.alt_text();
    assert!(alt.contains(&format!("{} wins.", names[winner])), "{alt}");

    // Shares, counted here.
    let mut counts = vec![0usize; names.len()];
    for w in &m.winner {
        counts[*w as usize] += 1;
    }
    for (i, c) in counts.iter().enumerate() {
        if *c > 0 {
            let share = fixed(*c as f64 / m.winner.len() as f64 * 100.0, 0);
            let text = format!("{} wins {share}% of the map", names[i]);
            assert!(alt.contains(&text), "{alt} lacks {text}");
        }
    }
    assert!(counts[0] > 0 && counts[1] > 0, "both should win somewhere");
    assert!(alt.contains("ties Pure mining"), "{alt}");
}

#[test]
fn decision_map_rectangles_cover_the_map_once_with_few_primitives() {
    let s = support::cheap_conversion();
    let m = decision_map::run(&s, 64, 64).unwrap();
    let data = DecisionMapChart::from_map(&m, &support::names(&s), support::today(&s));
    // Runs of equal winners along the rows, counted here: the most rectangles there may be.
    let runs: usize = m
        .winner
        .chunks(64)
        .map(|row| 1 + row.windows(2).filter(|w| w[0] != w[1]).count())
        .sum();
    assert!(data.rects.len() <= runs, "{} > {runs}", data.rects.len());
    assert!(data.rects.len() < 200, "{}", data.rects.len());
    // The rectangles tile the map: their areas add up to the whole.
    let area: f64 = data
        .rects
        .iter()
        .map(|r| (r.x.1 - r.x.0) * (r.y.1 - r.y.0))
        .sum();
    let whole = (data.x_range.1 - data.x_range.0) * (data.y_range.1 - data.y_range.0);
    assert!((area - whole).abs() < whole * 1e-9, "{area} vs {whole}");
    // Each rectangle's winner is the winner at its centre cell.
    for r in &data.rects {
        let (x, y) = ((r.x.0 + r.x.1) / 2.0, (r.y.0 + r.y.1) / 2.0);
        let col = m
            .btc_prices
            .iter()
            .position(|p| (p - x).abs() <= (m.btc_prices[1] - m.btc_prices[0]) / 2.0 + 1e-6)
            .unwrap();
        let row = m
            .power_prices
            .iter()
            .position(|p| (p - y).abs() <= (m.power_prices[1] - m.power_prices[0]) / 2.0 + 1e-6)
            .unwrap();
        assert_eq!(m.winner[row * 64 + col] as usize, r.winner);
    }
    // A uniform map is one rectangle.
    let uniform = decision_map::run(&support::scenario(), 64, 64).unwrap();
    assert!(uniform.winner.iter().all(|w| *w == 0));
    let data = DecisionMapChart::from_map(&uniform, &[], (91_000.0, 40.0));
    assert_eq!(data.rects.len(), 1);
    assert_eq!(data.names[0], "Strategy 1");
    assert!(
        data.alt_text().contains("does not tie"),
        "{}",
        data.alt_text()
    );
}

#[test]
fn decision_map_off_the_map_today_has_no_winner() {
    let s = support::scenario();
    let m = decision_map::run(&s, 16, 16).unwrap();
    let data = DecisionMapChart::from_map(&m, &support::names(&s), (5_000_000.0, 40.0));
    assert_eq!(data.current_winner, None);
    assert!(!data.current_on_map());
    assert!(data.alt_text().contains("off the map"));
}
