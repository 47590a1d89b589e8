//! `Scenario::problems`: every bad field at once, in field order, with `validate` as the first.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may fail loudly

use hashpivot_model::scenario::FleetPurchase;
use hashpivot_model::Scenario;

fn fields(s: &Scenario) -> Vec<String> {
    s.problems().into_iter().map(|e| e.field).collect()
}

/// `validate` is the first problem, or `Ok` when there is none.
fn validate_is_the_first(s: &Scenario) {
    assert_eq!(s.validate().err(), s.problems().into_iter().next());
}

#[test]
fn a_valid_scenario_has_no_problem() {
    let s = Scenario::default();
    assert_eq!(s.problems(), Vec::new());
    validate_is_the_first(&s);
}

#[test]
fn every_bad_field_is_named_in_field_order() {
    let mut s = Scenario::default();
    // Set in an order other than the scenario's.
    s.monte_carlo.paths = 0;
    s.fleet.uptime_pct = 150.0;
    s.network.fees_btc_per_block = -1.0;
    s.network.btc_price_usd = -5.0;
    s.horizon_months = 0;
    assert_eq!(fields(&s), ["btc", "fees", "horizon", "uptime", "paths"]);
    validate_is_the_first(&s);
}

#[test]
fn strategy_ids_are_named_once_each() {
    let mut s = Scenario::default();
    assert!(s.strategies.len() >= 3);
    // A bad id is named as bad, not also as a duplicate of another bad one.
    s.strategies[0].id = "bad id".into();
    s.strategies[1].id = "bad id".into();
    s.strategies[2].id = s.strategies[0].id.clone();
    s.strategies[2].name = String::new();
    assert_eq!(
        fields(&s),
        [
            "strategies[0].id",
            "strategies[1].id",
            "strategies[2].name",
            "strategies[2].id",
        ]
    );
    let allowed: Vec<String> = s.problems().into_iter().map(|e| e.allowed).collect();
    assert!(allowed[1].contains("letters, digits"), "{allowed:?}");

    let mut s = Scenario::default();
    s.strategies[2].id = s.strategies[0].id.clone();
    s.strategies[1].id = s.strategies[0].id.clone();
    let problems = s.problems();
    assert_eq!(problems.len(), 2, "{problems:?}");
    for (e, i) in problems.iter().zip([1, 2]) {
        assert_eq!(e.field, format!("strategies[{i}].id"));
        assert!(e.allowed.contains("no other strategy"), "{e}");
    }
    validate_is_the_first(&s);
}

#[test]
fn retiring_too_much_is_named_at_the_first_purchase_that_does() {
    let mut s = Scenario::default();
    let fleet = s.fleet.hashrate_eh_s;
    let buy = |retire_eh_s: f64| FleetPurchase {
        month: 1,
        eh_s: 1.0,
        efficiency_j_th: 15.0,
        usd_per_th: 15.0,
        retire_eh_s,
    };
    // Half, then 0.6 of the fleet (over from the second), then 0.1 more: named once.
    s.strategies[0].fleet_purchases = vec![buy(fleet * 0.5), buy(fleet * 0.6), buy(fleet * 0.1)];
    s.strategies[0].fleet_purchases[2].efficiency_j_th = 1.0; // below 5 J/TH
    assert_eq!(
        fields(&s),
        [
            "strategies[0].fleet_purchases[1].retire_eh_s",
            "strategies[0].fleet_purchases[2].efficiency_j_th",
        ]
    );
    validate_is_the_first(&s);
}
