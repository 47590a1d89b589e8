//! Contract, financing and fleet terms in the projection: colocation opex, GPU clouds sized by
//! megawatts, debt at maturity, fleet growth and upgrades, scarce power, delivery delays.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may fail loudly

mod common;
use common::{bare_fleet, close, plain};
use hashpivot_model::contract::Contract;
use hashpivot_model::scenario::Fleet;
use hashpivot_model::{project, Scenario};

#[test]
fn explicit_colocation_opex_per_mw_is_charged_on_delivered_megawatts() {
    let base = Scenario::default();
    let mut with_opex = base.clone();
    if let Contract::Colocation(c) = &mut with_opex.strategies[1].contracts[0] {
        c.opex_usd_per_mw_year = 120_000.0;
    }
    let (a, b) = (project(&base).unwrap(), project(&with_opex).unwrap());
    // Month 17, full capacity: the whole 210 MW site at PUE 1.18 is 177.97 MW of critical IT;
    // x $120,000 / 12 = $1.78M more opex.
    let full = 210.0 / 1.18 * 120_000.0 / 12.0;
    assert!(close(full, 1_779_661.0, 1e-6));
    let extra = b.strategies[1].months[17].opex_usd - a.strategies[1].months[17].opex_usd;
    assert!(close(extra, full, 1e-9), "{extra}");
    // Month 12, first ramp month (1/6 of capacity): $296,610.
    let ramp = b.strategies[1].months[12].opex_usd - a.strategies[1].months[12].opex_usd;
    assert!(close(ramp, full / 6.0, 1e-9), "{ramp}");
    assert_eq!(
        a.strategies[1].months[11].opex_usd,
        b.strategies[1].months[11].opex_usd
    );
}

#[test]
fn a_gpu_cloud_can_be_sized_by_megawatts() {
    let mut g = hashpivot_model::contract::GpuCloud {
        kw_per_gpu: 1.6,
        ..Default::default()
    };
    g.set_it_mw(80.0);
    // 80 MW = 80,000 kW at 1.6 kW per GPU = 50,000 GPUs.
    assert!(close(g.gpus, 50_000.0, 1e-12));
    assert!(close(Contract::GpuCloud(g).it_mw(), 80.0, 1e-12));
}

#[test]
fn debt_principal_falls_due_at_maturity_outside_fcf() {
    let mut s = Scenario::default();
    s.financing.debt.push(hashpivot_model::scenario::Debt {
        name: "Senior notes".into(),
        principal_usd: 500e6,
        coupon_annual: 0.06,
        maturity_months: 24,
    });
    let with = project(&s).unwrap();
    let without = project(&Scenario::default()).unwrap();
    let (w, o) = (&with.strategies[0].months, &without.strategies[0].months);
    // $500M at 6%: $2.5M of interest a month for 24 months, then none.
    assert!(close(w[0].interest_usd, 2_500_000.0, 1e-12));
    assert_eq!(w[24].interest_usd, 0.0);
    assert_eq!(w[23].debt_repaid_usd, 500e6);
    assert_eq!(w.iter().map(|m| m.debt_repaid_usd).sum::<f64>(), 500e6);
    // FCF differs by the interest only, never by the principal.
    assert!(close(o[23].fcf_usd - w[23].fcf_usd, 2_500_000.0, 1e-9));
}

#[test]
fn fleet_growth_adds_hashrate_capex_and_depreciation() {
    use hashpivot_model::scenario::FleetPurchase;
    // A bare 1 EH/s fleet at 20 J/TH on a 1,000 MW site; buy 2 EH/s at 15 J/TH and $15/TH in
    // month 2: capex 2,000,000 TH/s x $15 = $30M in month 2, depreciated over 36 months.
    let mut s = plain(bare_fleet(1.0, 20.0), 50.0);
    s.strategies[0].fleet_purchases.push(FleetPurchase {
        month: 2,
        eh_s: 2.0,
        efficiency_j_th: 15.0,
        usd_per_th: 15.0,
        retire_eh_s: 0.0,
    });
    let p = project(&s).unwrap();
    let m = &p.strategies[0].months;
    assert_eq!(m[2].capex_usd, 30_000_000.0);
    assert_eq!(m[1].capex_usd, 0.0);
    assert!(close(m[2].depreciation_usd, 30_000_000.0 / 36.0, 1e-12));
    // Power at the meter: 1 x 20 + 2 x 15 = 50 MW from month 2 (PUE 1).
    assert_eq!((m[1].mining_mw, m[2].mining_mw), (20.0, 50.0));
    // Three times the hashrate mines three times the BTC in a 31-day month (August vs July
    // have the same days; no growth in difficulty).
    assert!(close(m[2].btc_mined / m[1].btc_mined, 3.0, 1e-12));
}

#[test]
fn an_upgrade_cuts_energy_for_the_same_hashrate() {
    use hashpivot_model::scenario::FleetPurchase;
    // Replace the whole 1 EH/s at 20 J/TH with 1 EH/s at 13.5 J/TH in month 1.
    let mut s = plain(bare_fleet(1.0, 20.0), 50.0);
    s.strategies[0].fleet_purchases.push(FleetPurchase {
        month: 1,
        eh_s: 1.0,
        efficiency_j_th: 13.5,
        usd_per_th: 20.0,
        retire_eh_s: 1.0,
    });
    let p = project(&s).unwrap();
    let m = &p.strategies[0].months;
    // July (31 days): 13.5 MW x 744 h x $50 = $502,200, against 20 MW the month before.
    assert_eq!(m[1].mining_mw, 13.5);
    assert!(close(m[1].energy_cost_usd, 13.5 * 744.0 * 50.0, 1e-12));
    assert!(close(m[1].btc_mined / m[0].btc_mined, 31.0 / 30.0, 1e-12)); // same hashrate
                                                                         // Retiring more than the fleet has is refused by name.
    s.strategies[0].fleet_purchases[0].retire_eh_s = 1.5;
    let e = s.validate().unwrap_err();
    assert_eq!(e.field, "strategies[0].fleet_purchases[0].retire_eh_s");
}

#[test]
fn with_scarce_power_the_efficient_machines_run() {
    use hashpivot_model::scenario::FleetPurchase;
    // 20 MW site: the original 1 EH/s at 20 J/TH fills it; buying 1 EH/s at 10 J/TH
    // displaces half of it: 10 MW for 1 EH/s new + 10 MW for 0.5 EH/s old = 1.5 EH/s.
    let mut s = plain(bare_fleet(1.0, 20.0), 50.0);
    s.site.capacity_mw = Some(20.0);
    s.strategies[0].fleet_purchases.push(FleetPurchase {
        month: 0,
        eh_s: 1.0,
        efficiency_j_th: 10.0,
        usd_per_th: 15.0,
        retire_eh_s: 0.0,
    });
    let p = project(&s).unwrap();
    let without = project(&plain(
        Fleet {
            ..bare_fleet(1.0, 20.0)
        },
        50.0,
    ))
    .unwrap();
    assert_eq!(p.strategies[0].months[0].mining_mw, 20.0);
    let ratio = p.strategies[0].months[0].btc_mined / without.strategies[0].months[0].btc_mined;
    // `without` runs the 1 EH/s fleet on its 1,000 MW site: 1.5x the hashrate here.
    assert!(close(ratio, 1.5, 1e-12), "{ratio}");
}

#[test]
fn an_expected_delivery_delay_shifts_revenue_by_whole_months() {
    // Six months late: the first ramp month moves from month 12 to month 18, same amount
    // (177.97 MW x 1/6 x $1.8M / 12 = $4.449M); conversion capex still starts in month 0.
    let mut s = Scenario::default();
    s.strategies[1].contracts[0].terms_mut().delay_months = 6;
    let p = project(&s).unwrap();
    let m = &p.strategies[1].months;
    assert_eq!(m[17].hpc_revenue_usd, 0.0);
    assert!(close(m[18].hpc_revenue_usd, 4_449_152.54, 1e-9));
    assert!(m[0].capex_usd > 0.0);
}
