//! Runs the Monte Carlo in short slices between frames, so the page never stops answering:
//! a few months of every path per slice (about 8 ms), then the browser gets the thread back.
//! A newer input drops the stale run; the chart shows the progress meanwhile.
//!
//! # See also
//! [`hashpivot_model::montecarlo::Simulation`], which the slices advance;
//! [`crate::state::AppState::monte_carlo`], where the result lands.

use std::time::Duration;

use hashpivot_model::montecarlo::Simulation;
use hashpivot_model::Scenario;
use leptos::prelude::*;

use crate::state::AppState;

/// How long inputs rest before a run starts (a slider drag does not start one per step).
const REST: Duration = Duration::from_millis(60);

/// Work per slice, ms: well inside a frame, far under the 50 ms a task may take.
const SLICE_MS: f64 = 8.0;

fn now_ms() -> f64 {
    window().performance().map(|p| p.now()).unwrap_or(0.0)
}

/// Keeps [`AppState::monte_carlo`] in step with the scenario.
pub fn keep_running(state: AppState) {
    let generation = StoredValue::new(0_u64);
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        let scenario = state.scenario.get();
        generation.update_value(|g| *g += 1);
        let run = generation.get_value();
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        state.monte_carlo_progress.set(Some(0.0));
        let start = move || {
            if let Ok(sim) = Simulation::new(&scenario) {
                slice(state, sim, scenario, run, generation);
            }
        };
        pending.set_value(set_timeout_with_handle(start, REST).ok());
    });
}

/// Advances `sim` for about [`SLICE_MS`], then yields; stops if a newer run has begun.
fn slice(
    state: AppState,
    mut sim: Simulation,
    s: Scenario,
    run: u64,
    generation: StoredValue<u64>,
) {
    if generation.get_value() != run {
        return; // the inputs changed: this run is stale
    }
    let start = now_ms();
    loop {
        if sim.step(1) {
            state.monte_carlo.set(Some((sim.finish(), s)));
            state.monte_carlo_progress.set(None);
            return;
        }
        if now_ms() - start >= SLICE_MS {
            break;
        }
    }
    state.monte_carlo_progress.set(Some(sim.progress()));
    set_timeout(
        move || slice(state, sim, s, run, generation),
        Duration::ZERO,
    );
}
