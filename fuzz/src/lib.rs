//! What every fuzz target asserts: whatever the input, the model never panics, what it accepts
//! is valid, every number it computes is finite, and every refusal names its field.
//!
//! Each check panics with a message on failure, which libFuzzer reports as a crash and saves
//! the input under `fuzz/artifacts/<target>/`.

use hashpivot_model::projection::{project, Projection};
use hashpivot_model::{decision_map, montecarlo, tornado, Scenario, ValidationError};
use serde::Serialize;

mod finite;

/// Panics unless every number of `x` is finite (an `Option` that is `None` is fine; one that is
/// `Some` is checked like any number).
pub fn assert_all_finite<T: Serialize>(x: &T, what: &str, scenario: &Scenario) {
    let mut check = finite::Check::default();
    if let Err(e) = x.serialize(&mut check) {
        panic!("{what}{e}\nscenario: {scenario:?}");
    }
}

/// Panics unless every number of the projection is finite (`None` allowed where documented).
pub fn assert_projection_finite(p: &Projection, scenario: &Scenario) {
    assert_all_finite(p, "projection", scenario);
}

/// Panics unless `s` is valid and projects to finite numbers.
pub fn assert_accepted(s: &Scenario) {
    if let Err(e) = s.validate() {
        panic!("an accepted scenario fails validation: {e}\nscenario: {s:?}");
    }
    match project(s) {
        Ok(p) => assert_projection_finite(&p, s),
        Err(e) => panic!("a valid scenario's projection was refused: {e}\nscenario: {s:?}"),
    }
}

/// Panics unless the Monte Carlo (with `paths` paths), a `size` x `size` decision map and the
/// tornado of the valid scenario `s` run and are finite.
pub fn assert_uncertainty_finite(s: &Scenario, paths: u32, size: usize) {
    let mut few = s.clone();
    few.monte_carlo.paths = paths;
    match montecarlo::run(&few) {
        Ok(r) => assert_all_finite(&r, "montecarlo", &few),
        Err(e) => panic!("Monte Carlo refused a valid scenario: {e}\nscenario: {few:?}"),
    }
    match decision_map::run(s, size, size) {
        Ok(m) => assert_all_finite(&m, "decision_map", s),
        Err(e) => panic!("decision map refused a valid scenario: {e}\nscenario: {s:?}"),
    }
    match tornado::run(s) {
        Ok(t) => assert_all_finite(&t, "tornado", s),
        Err(e) => panic!("tornado refused a valid scenario: {e}\nscenario: {s:?}"),
    }
}

/// Panics unless the refusal names a field and its message names it.
pub fn assert_named(e: &ValidationError) {
    if e.field.is_empty() || !e.to_string().contains(&e.field) {
        panic!("a refusal does not name its field: {e:?}");
    }
}
