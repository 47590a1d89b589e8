//! The projection against hand-worked examples and MODEL.md's properties.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may fail loudly

use hashpivot_model::calendar::YearMonth;
use hashpivot_model::contract::{Colocation, Contract, Terms};

use hashpivot_model::{project, Network, Scenario};

mod common;
use common::{bare_fleet, close, plain};

#[test]
fn energy_of_one_eh_at_20_j_th_for_a_30_day_month() {
    // 1 EH/s x 20 J/TH = 20 MW of IT power (1 EH/s at 1 J/TH is 1 MW); PUE 1.
    // June has 30 days = 720 h: 20 MW x 720 h = 14,400 MWh; at $50/MWh = $720,000.
    let p = project(&plain(bare_fleet(1.0, 20.0), 50.0)).unwrap();
    let june = &p.strategies[0].months[0];
    assert_eq!(june.month.to_string(), "2026-06");
    assert_eq!(june.mining_mw, 20.0);
    assert!(
        close(june.energy_cost_usd, 720_000.0, 1e-12),
        "{}",
        june.energy_cost_usd
    );
    // A factor of 1,000 (kW vs MW, MWh vs kWh) would be off by orders of magnitude.
}

#[test]
fn btc_mined_is_the_fleet_share_of_the_month_reward() {
    // 1 EH/s of 1,048.69 EH/s (146.5 T), June: 4,320 blocks x (3.125 + 0.017) BTC = 13,573.44 BTC.
    // Share: 1 / 1,048.6878 = 0.000953573; mined = 12.9434 BTC.
    let p = project(&plain(bare_fleet(1.0, 20.0), 50.0)).unwrap();
    let june = &p.strategies[0].months[0];
    assert_eq!(june.blocks, 4_320);
    assert!(close(june.btc_mined, 12.9434, 1e-4), "{}", june.btc_mined);
    assert!(close(
        june.mining_revenue_usd,
        june.btc_mined * 91_132.0,
        1e-12
    ));
}

#[test]
fn a_month_straddling_block_1_050_000_is_split_at_the_block() {
    // Start 1,000 blocks before the halving in a 31-day month (4,464 blocks), no fees:
    // 1,000 x 3.125 + 3,464 x 1.5625 = 8,537.5 BTC of subsidy, i.e. 1.912522 BTC a block.
    let mut s = plain(bare_fleet(1.0, 20.0), 50.0);
    s.start = "2028-03".parse().unwrap();
    s.network = Network {
        height: Some(1_049_000),
        fees_btc_per_block: 0.0,
        ..Network::default()
    };
    let p = project(&s).unwrap();
    let march = &p.strategies[0].months[0];
    assert!(
        close(march.subsidy_btc, 8_537.5 / 4_464.0, 1e-12),
        "{}",
        march.subsidy_btc
    );
    // April lies wholly after the halving.
    assert_eq!(p.strategies[0].months[1].subsidy_btc, 1.5625);
    let share = 1.0 / s.network.hashrate_eh_s();
    assert!(close(march.btc_mined, share * 8_537.5, 1e-12));
}

#[test]
fn conservation_of_power_btc_and_cash() {
    let s = Scenario {
        treasury: hashpivot_model::scenario::Treasury {
            btc_held: 1_000.0,
            sell_pct: 40.0,
        },
        ..Scenario::default()
    };
    let p = project(&s).unwrap();
    for r in &p.strategies {
        let mut sum = 0.0;
        let (mut mined, mut sold) = (0.0, 0.0);
        for m in &r.months {
            assert!(
                m.mining_mw + m.hpc_mw <= s.site_mw() + 1e-9,
                "{} {}",
                r.id,
                m.month
            );
            sum += m.fcf_usd;
            mined += m.btc_mined;
            sold += m.btc_sold;
            assert!(close(m.cumulative_fcf_usd, sum, 1e-9));
            assert!(close(m.btc_held, 1_000.0 + mined - sold, 1e-9));
            assert!(close(
                m.treasury_value_usd,
                m.btc_held * m.btc_price_usd,
                1e-12
            ));
        }
    }
}

#[test]
fn the_pivot_converts_megawatts_and_earns_rent() {
    let p = project(&Scenario::default()).unwrap();
    let pure = &p.strategies[0];
    let pivot = &p.strategies[1];
    assert_eq!(pure.months[0].hpc_mw, 0.0);
    assert!(pure.months.iter().all(|m| m.hpc_revenue_usd == 0.0));
    // The full pivot leases the whole site: 210 MW at the meter / HPC PUE 1.18 of critical IT.
    let it = 210.0 / 1.18;
    // Conversion starts at month 0 (12 months of build before revenue in month 12).
    assert!(close(pivot.months[0].hpc_mw, 210.0, 1e-12));
    assert_eq!(pivot.months[11].hpc_revenue_usd, 0.0);
    // Month 12: first of a 6-month ramp: 177.97 MW x 1/6 x $1.8M / 12 = $4.449M.
    assert!(close(
        pivot.months[12].hpc_revenue_usd,
        it / 6.0 * 1_800_000.0 / 12.0,
        1e-12
    ));
    assert!(close(pivot.months[12].hpc_revenue_usd, 4_449_152.54, 1e-9));
    // Month 17: full capacity, still the first lease year: 177.97 x 1.8M / 12 = $26.69M.
    assert!(close(pivot.months[17].hpc_revenue_usd, 26_694_915.25, 1e-9));
    // Month 24: the 3% escalator applies from the second lease year.
    assert!(close(
        pivot.months[24].hpc_revenue_usd,
        it * 1_800_000.0 / 12.0 * 1.03,
        1e-12
    ));
    // Conversion capex: 177.97 MW x $9M over 12 months = $133.47M a month.
    assert!(close(pivot.months[0].capex_usd, 133_474_576.27, 1e-9));
}

#[test]
fn monotonic_in_price_power_and_hpc_megawatts() {
    let base = Scenario::default();
    let p0 = project(&base).unwrap();
    let mut richer = base.clone();
    richer.network.btc_price_usd *= 1.2;
    let p1 = project(&richer).unwrap();
    let mut dearer = base.clone();
    dearer.site.power_usd_mwh += 10.0;
    let p2 = project(&dearer).unwrap();
    for i in 0..base.strategies.len() {
        for m in 0..p0.strategies[i].months.len() {
            let (a, b, c) = (
                &p0.strategies[i].months[m],
                &p1.strategies[i].months[m],
                &p2.strategies[i].months[m],
            );
            // With the economic network, a month at its break-even level (e.g. the halving)
            // has the same revenue at either price: the network absorbs the price. Allow the
            // last bits of rounding there.
            assert!(
                b.mining_revenue_usd >= a.mining_revenue_usd * (1.0 - 1e-12),
                "{i} {m}: {} < {}",
                b.mining_revenue_usd,
                a.mining_revenue_usd
            );
            assert!(c.ebitda_usd <= a.ebitda_usd);
        }
    }
    let mut bigger = base.clone();
    if let Contract::Colocation(c) = &mut bigger.strategies[2].contracts[0] {
        // Sized in MW from now on, 20 MW more than its half of the site.
        c.terms.site_share = None;
        c.it_mw += 20.0;
    }
    let p3 = project(&bigger).unwrap();
    let hpc = |p: &hashpivot_model::Projection| -> f64 {
        p.strategies[2]
            .months
            .iter()
            .map(|m| m.hpc_revenue_usd)
            .sum()
    };
    assert!(hpc(&p3) > hpc(&p0));
}

#[test]
fn too_many_megawatts_are_rejected_naming_the_strategy() {
    let mut s = Scenario::default();
    s.strategies[1]
        .contracts
        .push(Contract::Colocation(Colocation {
            terms: Terms::default(),
            it_mw: 50.0,
            ..Colocation::default()
        }));
    let e = project(&s).unwrap_err();
    assert_eq!(e.field, "strategies[1].contracts");
    assert!(e.value.contains("269.0 MW"), "{e}"); // the whole 210 MW + 50 x 1.18
    assert!(e.allowed.contains("210.0 MW"), "{e}");
}

#[test]
fn out_of_range_fields_are_named_with_their_path() {
    let mut s = Scenario::default();
    if let Contract::Colocation(c) = &mut s.strategies[2].contracts[0] {
        c.noi_margin = 1.5;
    }
    let e = s.validate().unwrap_err();
    assert_eq!(e.field, "strategies[2].contracts[0].noi_margin");
    assert_eq!(e.value, "1.5");
    let mut s = Scenario::default();
    s.fleet.uptime_pct = 120.0;
    let e = s.validate().unwrap_err();
    assert_eq!((e.field.as_str(), e.value.as_str()), ("uptime", "120"));
    assert!(e.allowed.contains("0 to 100 %"));
}

#[test]
fn payback_is_when_cumulative_cash_turns_non_negative_for_good() {
    // No difficulty growth, 24 months (the halving at block 1,050,000 is 118,608 blocks, about
    // 27 months, away): each month earns about 120 BTC x $91,132 = $11M against $7.4M of energy
    // and opex, so cumulative FCF is positive from the first month on.
    let mut flat = Scenario::default();
    flat.market.difficulty_growth_pct_month = 0.0;
    flat.market.network.mode = hashpivot_model::scenario::NetworkMode::Fixed;
    flat.horizon_months = 24;
    let p = project(&flat).unwrap();
    let pure = &p.strategies[0];
    assert!(pure.months.iter().all(|m| m.fcf_usd > 0.0));
    assert_eq!(
        pure.payback_month,
        Some(YearMonth {
            year: 2026,
            month: 1
        })
    );
    // The pivot spends $1.575B on conversion in its first year, so it pays back later.
    let pivot = &p.strategies[1];
    assert!(pivot.payback_month.is_none_or(|m| m > YearMonth {
        year: 2027,
        month: 1
    }));

    // Defaults: a strategy whose cumulative FCF ends below zero does not pay back (the
    // pivot's conversion capex is not earned back within 60 months).
    let p = project(&Scenario::default()).unwrap();
    for r in &p.strategies {
        let end = r.months.last().unwrap().cumulative_fcf_usd;
        assert_eq!(r.payback_month.is_none(), end < 0.0, "{}", r.id);
    }
}

#[test]
fn unprofitable_months_switch_the_machines_off() {
    // At $20,000 per BTC a month's mining revenue is about $2.4M, below its $5.9M of energy.
    let mut s = Scenario::default();
    s.network.btc_price_usd = 20_000.0;
    let on = project(&Scenario {
        fleet: hashpivot_model::scenario::Fleet {
            shutdown_when_unprofitable: false,
            ..s.fleet
        },
        ..s.clone()
    })
    .unwrap();
    let off = project(&s).unwrap();
    let (a, b) = (&on.strategies[0].months[0], &off.strategies[0].months[0]);
    assert!(a.mining_revenue_usd < a.energy_cost_usd);
    assert_eq!(
        (b.btc_mined, b.mining_revenue_usd, b.energy_cost_usd),
        (0.0, 0.0, 0.0)
    );
    // Cash opex goes on for the machines held, less its avoidable 30% when they are off:
    // 10 EH/s x $150,000 = $1.5M running, $1.05M off. Switching off saves the loss on energy.
    assert_eq!(a.opex_usd, 1_500_000.0);
    assert!(close(b.opex_usd, 1_050_000.0, 1e-12), "{}", b.opex_usd);
    assert_eq!((b.eh_s_running, b.eh_s_off), (0.0, 10.0));
    assert_eq!((a.eh_s_running, a.eh_s_off), (10.0, 0.0));
    assert!(b.fcf_usd > a.fcf_usd);
}

#[test]
fn ai_hpc_revenue_per_mw_year_counts_the_energised_megawatts() {
    // Over 24 months the default lease earns only in its first year (months 12-23, ramping
    // 1/6 to 6/6 over months 12-17): per MW-year of energised critical IT that is the rent,
    // $1.8M, however the ramp goes. Counting the full MW in ramp months would give less.
    let s = hashpivot_model::query::decode_strict("horizon=24").unwrap();
    let p = project(&s).unwrap();
    let pivot = &p.strategies[1].summary;
    assert!(close(
        pivot.hpc_revenue_per_mw_year_usd.unwrap(),
        1_800_000.0,
        1e-9
    ));
    // Margin: NOI 82% with power passed through to the tenant.
    assert!(close(
        pivot.hpc_margin_per_mw_year_usd.unwrap(),
        0.82 * 1_800_000.0,
        1e-9
    ));
}

#[test]
fn revenue_is_given_by_contract_and_sums_to_the_ai_hpc_revenue() {
    // A strategy with two contracts: the default half-site lease and a GPU cloud of 2,000 GPUs.
    let mut s = Scenario::default();
    let gpu = hashpivot_model::contract::GpuCloud {
        gpus: 2_000.0,
        ..Default::default()
    };
    s.strategies[2].contracts.push(Contract::GpuCloud(gpu));
    let p = project(&s).unwrap();
    let hybrid = &p.strategies[2];
    assert_eq!(hybrid.contract_revenue.len(), 2);
    assert_eq!(hybrid.contract_revenue[1].name, "GPU cloud");
    for (m, row) in hybrid.months.iter().enumerate() {
        let sum: f64 = hybrid
            .contract_revenue
            .iter()
            .map(|c| c.revenue_usd[m])
            .sum();
        assert!(
            close(sum + 1.0, row.hpc_revenue_usd + 1.0, 1e-12),
            "month {m}"
        );
    }
    // The GPU cloud's first month of revenue (month 12, 1/6 of its ramp): 2,000 GPUs x
    // $2.95 x 70% x 1/6 x the month's hours (January 2027: 744 h).
    let want = 2_000.0 * 2.95 * 0.7 / 6.0 * 744.0;
    assert!(close(
        hybrid.contract_revenue[1].revenue_usd[12],
        want,
        1e-9
    ));
    assert!(p.strategies[0].contract_revenue.is_empty());
}
