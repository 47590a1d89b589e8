//! The app's reactive state: one scenario, and what the model derives from it.
//!
//! The scenario lives in one signal, read and written through split handles. It only ever
//! holds a scenario the model accepts: every write goes through [`AppState::update`], which
//! validates a copy first and returns the model's message instead of applying a bad value, so
//! the page always shows the last good result. Every output is a [`Memo`], computed when a
//! chart or figure reads it and only when the scenario changed.
//!
//! # Usage
//! ```
//! use hashpivot::state::AppState;
//! use leptos::prelude::*;
//! let owner = Owner::new();
//! owner.set();
//! let state = AppState::new(Default::default());
//! state.set_key("btc", 100_000.0).unwrap();
//! assert!(state.projection.with_untracked(|p| p.hashprice_usd_per_ph_day) > 40.0);
//! assert!(state.set_key("btc", -1.0).is_err()); // refused; the scenario keeps $100,000
//! ```
//!
//! # See also
//! [`crate::components::NumberInput`] for how inputs call it; [`hashpivot_model::query`] for the
//! keys.

use hashpivot_model::decision_map::{self, DecisionMap};
use hashpivot_model::montecarlo::{self, MonteCarloResult};
use hashpivot_model::projection::{project, Projection};
use hashpivot_model::tornado::{self, Tornado};
use hashpivot_model::{Scenario, ValidationError};

use crate::field::FieldPath;
use leptos::prelude::*;

/// Columns and rows of the decision map.
pub const MAP_CELLS: usize = 64;

/// Inputs and derived outputs. `Copy`: pass it freely or provide it as context.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The scenario (always valid).
    pub scenario: ReadSignal<Scenario>,
    set_scenario: WriteSignal<Scenario>,
    /// The preset the scenario started from, if any (the base of share links).
    pub preset: RwSignal<Option<String>>,
    /// The deterministic projection.
    pub projection: Memo<Projection>,
    /// NPV sensitivity to the main inputs.
    pub tornado: Memo<Option<Tornado>>,
    /// Which strategy wins over BTC price x power price.
    pub decision_map: Memo<Option<DecisionMap>>,
    /// The last Monte Carlo run, and the scenario it was run on.
    pub monte_carlo: RwSignal<Option<(MonteCarloResult, Scenario)>>,
    /// Share of the running Monte Carlo done, 0 to 1; `None` when none is running.
    pub monte_carlo_progress: RwSignal<Option<f64>>,
}

impl AppState {
    /// State starting from `initial`. An invalid `initial` is replaced by the defaults.
    pub fn new(initial: Scenario) -> Self {
        let initial = if initial.validate().is_ok() {
            initial
        } else {
            Scenario::default()
        };
        let (scenario, set_scenario) = signal(initial);
        let projection = Memo::new(move |prev: Option<&Projection>| {
            scenario.with(|s| match (project(s), prev) {
                (Ok(p), _) => p,
                (Err(_), Some(p)) => p.clone(),
                // Unreachable while the signal only holds valid scenarios.
                (Err(_), None) => empty_projection(),
            })
        });
        let tornado = Memo::new(move |_| scenario.with(|s| tornado::run(s).ok()));
        let decision_map =
            Memo::new(move |_| scenario.with(|s| decision_map::run(s, MAP_CELLS, MAP_CELLS).ok()));
        AppState {
            scenario,
            set_scenario,
            preset: RwSignal::new(None),
            projection,
            tornado,
            decision_map,
            monte_carlo: RwSignal::new(None),
            monte_carlo_progress: RwSignal::new(None),
        }
    }

    /// Applies `change` to a copy of the scenario and keeps it if the model accepts it;
    /// otherwise leaves the state untouched and returns the model's message.
    pub fn update(&self, change: impl FnOnce(&mut Scenario)) -> Result<(), ValidationError> {
        let mut next = self.scenario.get_untracked();
        change(&mut next);
        // Contracts that take a share of the site follow a new fleet or site.
        next.size_contracts();
        next.validate()?;
        if self.scenario.with_untracked(|s| *s != next) {
            self.set_scenario.set(next);
        }
        Ok(())
    }

    /// Replaces the whole scenario (a preset, an import) if the model accepts it.
    pub fn replace(
        &self,
        mut next: Scenario,
        preset: Option<String>,
    ) -> Result<(), ValidationError> {
        next.size_contracts();
        next.validate()?;
        self.preset.set(preset);
        self.set_scenario.set(next);
        Ok(())
    }

    /// Sets the number at `path` to `value`, in its bound's unit, if the model accepts it (the
    /// bound's range first, then the whole scenario). Every input on the page writes this way.
    pub fn set(&self, path: FieldPath, value: f64) -> Result<(), ValidationError> {
        let Some(bound) = path.bound() else {
            return Err(ValidationError {
                field: path.id(),
                label: path.id(),
                value: hashpivot_model::format::plain(value),
                allowed: "a known input".into(),
            });
        };
        let value = bound.check(value)?;
        self.update(|s| {
            path.set(s, value);
        })
    }

    /// Sets the scalar input with share-link key `key` (e.g. `btc`); see [`AppState::set`].
    pub fn set_key(&self, key: &'static str, value: f64) -> Result<(), ValidationError> {
        self.set(FieldPath::Scalar(key), value)
    }

    /// The strategies' names, in order.
    pub fn strategy_names(&self) -> Memo<Vec<String>> {
        let scenario = self.scenario;
        Memo::new(move |_| {
            scenario.with(|s| s.strategies.iter().map(|st| st.name.clone()).collect())
        })
    }

    /// Index of the pure-mining strategy: the first without AI/HPC contracts, else the first.
    pub fn pure_index(&self) -> Memo<usize> {
        let scenario = self.scenario;
        Memo::new(move |_| {
            scenario.with(|s| {
                s.strategies
                    .iter()
                    .position(|st| st.contracts.is_empty())
                    .unwrap_or(0)
            })
        })
    }

    /// Runs the Monte Carlo on the current scenario now and stores the result.
    pub fn run_monte_carlo(&self) {
        let s = self.scenario.get_untracked();
        if let Ok(result) = montecarlo::run(&s) {
            self.monte_carlo.set(Some((result, s)));
        }
    }

    /// True when the stored Monte Carlo run is of an older scenario.
    pub fn monte_carlo_stale(&self) -> Signal<bool> {
        let (mc, scenario) = (self.monte_carlo, self.scenario);
        Signal::derive(move || {
            mc.with(|r| {
                r.as_ref()
                    .is_none_or(|(_, s)| scenario.with(|now| now != s))
            })
        })
    }
}

fn empty_projection() -> Projection {
    Projection {
        hashprice_usd_per_ph_day: 0.0,
        hashprice_sats_per_th_day: 0.0,
        hashcost_usd_per_ph_day: 0.0,
        network_hashrate_eh_s: 0.0,
        strategies: Vec::new(),
        warnings: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hashpivot_model::query;

    fn with_owner<T>(f: impl FnOnce() -> T) -> T {
        let owner = Owner::new();
        owner.set();
        f()
    }

    #[test]
    fn outputs_follow_an_accepted_input() {
        with_owner(|| {
            let state = AppState::new(Scenario::default());
            let before = state
                .projection
                .with_untracked(|p| p.hashprice_usd_per_ph_day);
            state.set_key("btc", 182_264.0).unwrap();
            // Hashprice is proportional to price: doubling the price doubles it.
            let after = state
                .projection
                .with_untracked(|p| p.hashprice_usd_per_ph_day);
            assert!((after / before - 2.0).abs() < 1e-9, "{before} -> {after}");
            assert_eq!(
                state.scenario.get_untracked().network.btc_price_usd,
                182_264.0
            );
        });
    }

    #[test]
    fn a_rejected_input_keeps_the_last_good_state() {
        with_owner(|| {
            let state = AppState::new(Scenario::default());
            let before = state.scenario.get_untracked();
            let e = state.set_key("diff", -3.0).unwrap_err();
            assert_eq!(e.field, "diff");
            assert_eq!(state.scenario.get_untracked(), before);
            // A change the field accepts but the scenario does not (more MW than the site).
            let e = state
                .update(|s| {
                    s.strategies[1].contracts[0].set_field("it_mw", 10_000.0);
                })
                .unwrap_err();
            assert!(e.field.starts_with("strategies[1]"), "{e}");
            assert_eq!(state.scenario.get_untracked(), before);
        });
    }

    #[test]
    fn an_unknown_key_is_refused_by_name() {
        with_owner(|| {
            let state = AppState::new(Scenario::default());
            let e = state.set_key("nope", 1.0).unwrap_err();
            assert_eq!(e.field, "nope");
        });
    }

    #[test]
    fn an_invalid_start_falls_back_to_the_defaults() {
        with_owner(|| {
            let mut bad = Scenario::default();
            bad.network.btc_price_usd = -5.0;
            let state = AppState::new(bad);
            assert_eq!(state.scenario.get_untracked(), Scenario::default());
        });
    }

    #[test]
    fn the_pure_strategy_is_the_first_without_contracts() {
        with_owner(|| {
            let mut s = Scenario::default();
            s.strategies.rotate_left(1); // pivot, hybrid, pure
            let state = AppState::new(s);
            assert_eq!(state.pure_index().get_untracked(), 2);
        });
    }

    #[test]
    fn monte_carlo_is_stale_until_run_on_the_current_scenario() {
        with_owner(|| {
            let mut s = Scenario::default();
            s.monte_carlo.paths = 50;
            let state = AppState::new(s);
            let stale = state.monte_carlo_stale();
            assert!(stale.get_untracked());
            state.run_monte_carlo();
            assert!(!stale.get_untracked());
            state.set_key("power", 45.0).unwrap();
            assert!(stale.get_untracked());
        });
    }

    #[test]
    fn every_default_lies_inside_its_slider() {
        let s = Scenario::default();
        for g in crate::inputs::GROUPS {
            for info in g.inputs {
                let b = query::bound(info.key).unwrap();
                let v = (query::accessor(info.key).unwrap().0)(&s);
                assert!(b.slider_min <= v && v <= b.slider_max, "{}", b.key);
            }
        }
    }
}
