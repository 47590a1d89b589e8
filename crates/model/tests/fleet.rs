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
