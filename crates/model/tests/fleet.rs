//! The fleet by hand: costs per unit of hashrate, machines switched off in merit order, and
//! the ASICs sold when AI/HPC takes their megawatts.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may fail loudly

mod common;
use common::{bare_fleet, close, plain};
use hashpivot_model::contract::Contract;
use hashpivot_model::kernel::{StrategyKernel, Timeline};
use hashpivot_model::scenario::{AsicResale, FleetPurchase};
use hashpivot_model::{project, Scenario};

#[test]
fn the_full_pivot_sells_the_whole_fleet_in_month_0_at_the_17_5_j_th_tier_price() {
    // The default pivot converts the whole 210 MW site from month 0: all 10 EH/s at 17.5 J/TH
    // (below 19 J/TH: $8 per TH/s) leave, 10,000,000 TH/s x $8 = $80M in month 0.
    let s = Scenario::default();
    let t = Timeline::new(&s);
    let pivot = StrategyKernel::new(&s, 1, &t);
    assert_eq!(pivot.asic_sales[0], 80_000_000.0);
    assert!(pivot.asic_sales[1..].iter().all(|&x| x == 0.0));
    // Sold before they are depreciated: no ASIC depreciation at all, and nothing held.
    assert!(pivot.asic_depreciation.iter().all(|&x| x == 0.0));
    assert!(pivot.installed_eh_s.iter().all(|&x| x == 0.0));
    let p = project(&s).unwrap();
    let month0 = &p.strategies[1].months[0];
    assert_eq!(month0.asic_sales_usd, 80_000_000.0);
    // Cash in FCF: the same month with no resale value is $80M lower.
    let mut worthless = s.clone();
    worthless.fleet.asic_resale = AsicResale {
        below_19_j_th: 0.0,
        from_19_to_25_j_th: 0.0,
        from_25_j_th: 0.0,
    };
    let q = project(&worthless).unwrap();
    assert!(close(
        month0.fcf_usd - q.strategies[1].months[0].fcf_usd,
        80_000_000.0,
        1e-12
    ));
    // Not revenue: EBITDA is the same.
    assert_eq!(month0.ebitda_usd, q.strategies[1].months[0].ebitda_usd);
    // Pure mining sells nothing.
    assert!(p.strategies[0]
        .months
        .iter()
        .all(|m| m.asic_sales_usd == 0.0));
}

#[test]
fn the_hybrid_sells_half_and_depreciates_the_rest() {
    // Half the site (105 MW) from month 0: 5 EH/s leave ($40M), 5 EH/s stay and are depreciated
    // at 5,000,000 TH/s x $15 / 36 months = $2,083,333.33 a month for 36 months.
    let s = Scenario::default();
    let t = Timeline::new(&s);
    let hybrid = StrategyKernel::new(&s, 2, &t);
    assert!(close(hybrid.asic_sales[0], 40_000_000.0, 1e-12));
    assert!(close(hybrid.asic_depreciation[0], 2_083_333.333_333, 1e-9));
    assert!(close(hybrid.asic_depreciation[35], 2_083_333.333_333, 1e-9));
    assert_eq!(hybrid.asic_depreciation[36], 0.0);
    assert!(close(hybrid.mining_eh_s[0], 5.0, 1e-12));
    let pure = StrategyKernel::new(&s, 0, &t);
    assert!(close(pure.asic_depreciation[0], 150e6 / 36.0, 1e-12));
}

#[test]
fn the_least_efficient_machines_are_sold_at_their_tier_price_when_conversion_starts() {
    // PUE 1 everywhere. 10 EH/s at 20 J/TH (200 MW, book $10/TH) and 5 EH/s at 12 J/TH bought
    // in month 0 (60 MW) on a 260 MW site. A lease of 130 MW starts converting in month 6
    // (first revenue 18, 12 months of build): 130 MW are left, the new machines run (60 MW)
    // and 70 MW carry 3.5 EH/s of the old; 6.5 EH/s at 20 J/TH (19-25 tier, $4) are sold:
    // 6,500,000 TH/s x $4 = $26M in month 6.
    let mut fleet = bare_fleet(10.0, 20.0);
    fleet.asic_usd_per_th = 10.0;
    let mut s = plain(fleet, 40.0);
    s.site.capacity_mw = Some(260.0);
    s.site.hpc_pue = 1.0;
    s.strategies[0].fleet_purchases.push(FleetPurchase {
        month: 0,
        eh_s: 5.0,
        efficiency_j_th: 12.0,
        usd_per_th: 20.0,
        retire_eh_s: 0.0,
    });
    let mut lease = Contract::colocation("Lease", 130.0);
    lease.terms_mut().first_revenue_month = 18;
    s.strategies[0].contracts.push(lease);
    s.validate().unwrap();
    let t = Timeline::new(&s);
    let k = StrategyKernel::new(&s, 0, &t);
    assert!(k.asic_sales[..6].iter().all(|&x| x == 0.0));
    assert!(close(k.asic_sales[6], 26_000_000.0, 1e-12));
    assert!(k.asic_sales[7..].iter().all(|&x| x == 0.0));
    assert!(close(k.mining_eh_s[5], 15.0, 1e-12));
    assert!(close(k.mining_eh_s[6], 8.5, 1e-12));
    assert!(close(k.installed_eh_s[6], 8.5, 1e-12));
    // Depreciation before: 10,000,000 x $10 / 36 + 5,000,000 x $20 / 36 = $5,555,555.56;
    // from month 6 the old cohort's part is on 3.5 EH/s: (35M + 100M) / 36 = $3,750,000.
    assert!(close(k.asic_depreciation[5], 200e6 / 36.0, 1e-12));
    assert!(close(k.asic_depreciation[6], 135e6 / 36.0, 1e-12));
    // The projection shows it in month 6 (horizon 12 months).
    let p = project(&s).unwrap();
    assert!(close(p.strategies[0].months[6].asic_sales_usd, 26e6, 1e-12));
}

/// 5 EH/s at 30 J/TH and 5 EH/s at 15 J/TH (bought in month 0), PUE 1, no losses or fees, in
/// June 2026 (720 hours) at $50/MWh and BTC at `btc`, with opex per EH/s and its avoidable %.
fn two_cohorts(btc: f64, opex_eh: f64, avoidable_pct: f64) -> Scenario {
    let mut fleet = bare_fleet(5.0, 30.0);
    fleet.shutdown_when_unprofitable = true;
    fleet.opex_usd_per_eh_month = opex_eh;
    fleet.opex_avoidable_pct = avoidable_pct;
    let mut s = plain(fleet, 50.0);
    s.network.btc_price_usd = btc;
    s.strategies[0].fleet_purchases.push(FleetPurchase {
        month: 0,
        eh_s: 5.0,
        efficiency_j_th: 15.0,
        usd_per_th: 0.0,
        retire_eh_s: 0.0,
    });
    s
}

/// BTC one EH/s mines in June 2026 at 146.5 T: 4,320 blocks x (3.125 + 0.017) BTC x
/// 1 / 1,048.6878 EH/s = 12.94326 BTC.
const JUNE_BTC_PER_EH: f64 = 12.943_26;

#[test]
fn between_the_two_breakevens_only_the_efficient_half_runs() {
    // Energy per EH/s in June: 15 MW x 720 h x $50 = $540,000 at 15 J/TH, $1,080,000 at
    // 30 J/TH. At $60,000 an EH/s earns 12.94326 x $60,000 = $776,596: between the two.
    let p = project(&two_cohorts(60_000.0, 0.0, 0.0)).unwrap();
    let june = &p.strategies[0].months[0];
    assert_eq!((june.eh_s_running, june.eh_s_off), (5.0, 5.0));
    assert!(close(june.btc_mined, 5.0 * JUNE_BTC_PER_EH, 1e-5));
    assert!(close(june.energy_cost_usd, 5.0 * 540_000.0, 1e-12));
    assert!(close(
        june.mining_revenue_usd,
        june.btc_mined * 60_000.0,
        1e-12
    ));
    // Both MW are the fleet's: 75 + 150 MW with power, one cohort switched off.
    assert_eq!(june.mining_mw, 225.0);
    // Above $1,080,000 / 12.94326 = $83,441 both run; below $540,000 / 12.94326 = $41,721
    // neither does.
    let both = &project(&two_cohorts(84_000.0, 0.0, 0.0))
        .unwrap()
        .strategies[0]
        .months[0];
    assert_eq!((both.eh_s_running, both.eh_s_off), (10.0, 0.0));
    let none = &project(&two_cohorts(41_000.0, 0.0, 0.0))
        .unwrap()
        .strategies[0]
        .months[0];
    assert_eq!(
        (none.eh_s_running, none.eh_s_off, none.btc_mined),
        (0.0, 10.0, 0.0)
    );
    assert_eq!(none.energy_cost_usd, 0.0);
}

#[test]
fn the_avoidable_opex_counts_in_the_switch_off_and_stops_when_off() {
    // At $85,000 an EH/s earns 12.94326 x $85,000 = $1,100,177: it covers the 30 J/TH
    // machines' $1,080,000 of energy, not energy plus 30% of $150,000 of opex ($1,125,000).
    let run = &project(&two_cohorts(85_000.0, 150_000.0, 0.0))
        .unwrap()
        .strategies[0]
        .months[0];
    assert_eq!(run.eh_s_running, 10.0);
    assert_eq!(run.opex_usd, 10.0 * 150_000.0);
    let p = project(&two_cohorts(85_000.0, 150_000.0, 30.0)).unwrap();
    let off = &p.strategies[0].months[0];
    assert_eq!((off.eh_s_running, off.eh_s_off), (5.0, 5.0));
    // Opex on the 10 EH/s held, less 30% on the 5 EH/s off: $1.5M - $225,000.
    assert!(close(off.opex_usd, 1_275_000.0, 1e-12), "{}", off.opex_usd);
    // Switching them off is worth 5 x ($1,080,000 + $45,000 - $1,100,177) = $124,114 of FCF
    // against running them with nothing avoidable.
    let gain = off.fcf_usd - run.fcf_usd;
    assert!(close(gain, 124_114.0, 1e-4), "{gain}");
}

#[test]
fn the_monte_carlo_and_the_decision_map_switch_off_the_same_way() {
    // One path without randomness is the projection, partial switch-off included.
    let mut s = two_cohorts(60_000.0, 150_000.0, 30.0);
    s.monte_carlo.paths = 3;
    s.monte_carlo.btc_volatility_pct_year = 0.0;
    s.monte_carlo.hashrate_volatility_pct_year = 0.0;
    s.monte_carlo.btc_drift_pct_year = Some(0.0);
    let p = project(&s).unwrap();
    let mc = hashpivot_model::montecarlo::run(&s).unwrap();
    let npv = p.strategies[0].npv_usd;
    assert!((mc.npv[0].mean - npv).abs() <= 1e-9 * npv.abs(), "{npv}");
    let map = hashpivot_model::decision_map::run_on(&s, 2, 2, (60_000.0, 90_000.0), (50.0, 60.0))
        .unwrap();
    assert!((map.npv[0][0] - npv).abs() <= 1e-9 * npv.abs());
}

#[test]
fn a_fleet_of_44_38_eh_s_alone_mines_what_44_38_eh_s_mine() {
    // January 2026: 4,464 blocks x (3.125 + 0.017) BTC = 14,025.888 BTC; share 44.38 /
    // 1,048.6878; x (1 - 1.5% pool fee) x 95% uptime = 555.43 BTC.
    let s = hashpivot_model::query::decode_strict("fleet=44.38").unwrap();
    let p = project(&s).unwrap();
    let jan = &p.strategies[0].months[0];
    let hand = 44.38 / 1_048.687_8 * 14_025.888 * 0.985 * 0.95;
    assert!(close(hand, 555.43, 1e-4));
    assert!(close(jan.btc_mined, hand, 0.01), "{}", jan.btc_mined);
    assert_eq!((jan.eh_s_running, jan.eh_s_off), (44.38, 0.0));
}

#[test]
fn the_cash_cost_per_btc_does_not_depend_on_the_fleet_size() {
    // 10 EH/s in January 2026: energy 210 MW x 744 h x 95% x $40 = $5,937,120, opex
    // 10 x $150,000 = $1.5M, 10 / 1,048.6878 x 14,025.888 x 0.985 x 0.95 = 125.154 BTC:
    // $59,424 per BTC. At 1 EH/s the same per BTC (it was $170k with a fixed $1.5M of opex).
    let cash = |q: &str| {
        let p = project(&hashpivot_model::query::decode_strict(q).unwrap()).unwrap();
        p.strategies[0].summary.cash_cost_per_btc_usd.unwrap()
    };
    let ten = cash("fleet=10");
    assert!(
        close(ten, (5_937_120.0 + 1_500_000.0) / 125.154, 1e-4),
        "{ten}"
    );
    for q in ["fleet=1", "fleet=50"] {
        assert!(close(cash(q), ten, 0.02), "{q}: {} vs {ten}", cash(q));
    }
}

#[test]
fn a_fleet_three_times_the_site_is_worth_no_more_than_the_fleet_that_fits() {
    // 30 EH/s on 210 MW: 10 EH/s run, 20 wait without power and still cost the unavoidable
    // 70% of their opex ($2.1M a month), so pure mining is worth less, and a warning says so.
    let big = hashpivot_model::query::decode_strict("fleet=30&site_mw=210").unwrap();
    assert!(big.warnings().iter().any(|w| w.field == "fleet"));
    let fits = hashpivot_model::query::decode_strict("fleet=10").unwrap();
    let (b, f) = (project(&big).unwrap(), project(&fits).unwrap());
    assert!(b.strategies[0].npv_usd <= f.strategies[0].npv_usd);
    let jan = &b.strategies[0].months[0];
    assert_eq!((jan.eh_s_running, jan.eh_s_off), (10.0, 20.0));
    assert!(close(
        jan.opex_usd,
        1_500_000.0 + 20.0 * 150_000.0 * 0.7,
        1e-12
    ));
}

#[test]
fn the_monte_carlo_s_mining_cash_is_the_projection_s_mining() {
    // Two cohorts with opex, curtailment and a demand-response credit, over prices and power
    // prices that switch none, one or both off.
    let mut s = two_cohorts(60_000.0, 150_000.0, 30.0);
    s.fleet.curtailment_pct = 10.0;
    s.fleet.demand_response_usd_mwh = 30.0;
    let t = Timeline::new(&s);
    let k = StrategyKernel::new(&s, 0, &t);
    let mut seen_partial = false;
    for price in [20_000.0, 50_000.0, 70_000.0, 90_000.0, 200_000.0] {
        for power in [0.0, 30.0, 50.0, 90.0] {
            let x = k.mining(0, price, t.network_eh_s[0], power);
            let cash = k.mining_cash(0, price, t.network_eh_s[0], power);
            let want = x.revenue - x.energy - x.opex;
            assert!(
                (cash - want).abs() <= 1e-9 * want.abs().max(1.0),
                "{price} {power}"
            );
            seen_partial |= x.eh_s_running == 5.0;
        }
    }
    assert!(seen_partial, "the sweep switches one cohort off somewhere");
}

#[test]
fn at_most_200_fleet_purchases_per_strategy() {
    let buy = FleetPurchase {
        month: 1,
        eh_s: 0.1,
        efficiency_j_th: 15.0,
        usd_per_th: 10.0,
        retire_eh_s: 0.0,
    };
    let mut s = Scenario::default();
    s.strategies[2].fleet_purchases = vec![buy; 200];
    assert_eq!(s.validate(), Ok(()));
    s.strategies[2].fleet_purchases.push(buy);
    let e = s.validate().unwrap_err();
    assert_eq!(e.field, "strategies[2].fleet_purchases");
    assert_eq!(e.value, "201");
}
