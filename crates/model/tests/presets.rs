//! Presets: sourced, dated, valid, and true to the figures DOMAIN.md derives from the deals.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may fail loudly

use hashpivot_model::contract::Contract;
use hashpivot_model::presets::{self, Kind};
use hashpivot_model::project;

#[test]
fn every_preset_has_a_source_a_date_and_a_valid_scenario() {
    let all = presets::all();
    for kind in [Kind::Network, Kind::Machine, Kind::Company, Kind::Deal] {
        assert!(all.iter().any(|p| p.kind == kind), "{kind:?}");
    }
    assert!(all.iter().filter(|p| p.kind == Kind::Company).count() >= 4);
    assert_eq!(all.iter().filter(|p| p.kind == Kind::Deal).count(), 7);
    for p in &all {
        assert!(p.source.url.starts_with("https://"), "{}", p.id);
        assert!(
            p.source.as_of.len() == 10 && p.source.as_of.starts_with("202"),
            "{}",
            p.id
        );
        assert!(!p.summary.is_empty() && !p.source.title.is_empty());
        let s = presets::scenario(p.id).unwrap();
        s.validate().unwrap_or_else(|e| panic!("{}: {e}", p.id));
        let projected = project(&s).unwrap();
        assert!(
            projected.strategies.iter().all(|r| r.npv_usd.is_finite()),
            "{}",
            p.id
        );
    }
    let mut ids = presets::ids();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), all.len(), "ids are unique");
}

#[test]
fn lease_rents_match_the_figures_derived_in_domain_md() {
    // DOMAIN.md, "Colocation lease revenue per MW-year (derived from announced deals)", USD M.
    for (id, rent_m) in [
        ("terawulf-fluidstack", 1.85),
        ("cipher-fluidstack", 1.79),
        ("corz-coreweave", 1.45),
        ("cipher-aws", 1.22),
        ("apld-coreweave", 1.83),
        ("hut8-fluidstack", 1.9),
    ] {
        let Some(Contract::Colocation(c)) = presets::contract(id) else {
            panic!("{id}")
        };
        assert!(
            (c.usd_per_mw_year / 1e6 - rent_m).abs() < 0.01,
            "{id}: {}",
            c.usd_per_mw_year
        );
        assert!(c.terms.source.is_some());
    }
}

#[test]
fn the_iren_deal_earns_about_1_94_billion_a_year_at_about_85_percent_margin() {
    let mut s = presets::scenario("iren-microsoft").unwrap();
    // The contract's own rate: without the preset's early-end risk (tested below), over the
    // whole term: first revenue in month 6, 60 months.
    s.strategies[1].contracts[0].terms_mut().early_end_annual = 0.0;
    s.horizon_months = 66;
    let p = project(&s).unwrap();
    let deal = &p.strategies[1];
    // $9.7B over 5 years is $1.94B a year on average over the term (DOMAIN.md).
    let term: f64 = deal.months[6..66].iter().map(|m| m.hpc_revenue_usd).sum();
    assert!((term / 5.0 / 1e9 - 1.94).abs() < 1e-9, "{term}");
    // The 12-month ramp shifts revenue to the full-capacity years: phases 1/12, ..., 12/12 then
    // 48 full months sum to 6.5 + 48 = 54.5 month-equivalents, so a full year (months 18..30)
    // earns 9.7B x 12 / 54.5 = $2.136B.
    let revenue: f64 = deal.months[18..30].iter().map(|m| m.hpc_revenue_usd).sum();
    assert!(
        (revenue / (9.7e9 * 12.0 / 54.5) - 1.0).abs() < 1e-9,
        "{revenue}"
    );
    // Project EBITDA margin: (revenue - power - opex) / revenue, about 85% (DOMAIN.md).
    let Some(Contract::GpuCloud(g)) = presets::contract("iren-microsoft") else {
        panic!()
    };
    let power = 200.0 * s.site.hpc_pue * 8_766.0 * s.site.power_usd_mwh;
    let margin = (revenue - power - g.opex_share * revenue) / revenue;
    assert!((margin - 0.85).abs() < 0.02, "{margin}");
}

#[test]
fn cleanspark_like_output_is_near_its_reported_november() {
    // 587 BTC in November 2025 (30 days) at 45.6 EH/s; our January 2026 month has 31 days and a
    // 146.5 T difficulty. Scale to 30 days and allow 10% for difficulty and uptime differences.
    let s = presets::scenario("cleanspark").unwrap();
    let p = project(&s).unwrap();
    let jan = &p.strategies[0].months[0];
    let per_30_days = jan.btc_mined * 30.0 / 31.0;
    assert!((per_30_days - 587.0).abs() / 587.0 < 0.10, "{per_30_days}");
}

#[test]
fn early_end_risk_scales_expected_revenue_by_survival() {
    let risky = presets::scenario("iren-microsoft").unwrap();
    let mut safe = risky.clone();
    safe.strategies[1].contracts[0].terms_mut().early_end_annual = 0.0;
    let (r, s) = (project(&risky).unwrap(), project(&safe).unwrap());
    // 2% a year: survival after 24 months from first revenue (month 6) is 0.98^2 = 0.9604.
    let m = 6 + 24;
    let ratio =
        r.strategies[1].months[m].hpc_revenue_usd / s.strategies[1].months[m].hpc_revenue_usd;
    assert!((ratio - 0.9604).abs() < 1e-9, "{ratio}");
}
