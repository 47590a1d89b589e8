//! The model's kernels at the sizes the product promises (DEVELOPERS.md, issue 3):
//! one projection of 3 strategies x 120 months; a Monte Carlo of 10,000 paths x 120 months x
//! 3 strategies; a 64 x 64 decision map. Run: `cargo bench -p hashpivot-model`.
//! criterion is native only; on wasm32 this file is an empty program (the browser timings of
//! the same kernels belong to the benchmark harness of `cargo xtask bench`).
#![allow(clippy::unwrap_used)]

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::kernels);

#[cfg(not(target_arch = "wasm32"))]
#[path = "shared/scenarios.rs"]
mod scenarios;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;

    use criterion::{criterion_group, Criterion};
    use hashpivot_model::{decision_map, montecarlo, project};

    use crate::scenarios::{monte_carlo_inputs, scenario, MAP};

    fn projection(c: &mut Criterion) {
        let s = scenario();
        c.bench_function("projection 3 strategies x 120 months", |b| {
            b.iter(|| project(black_box(&s)).unwrap())
        });
    }

    fn monte_carlo(c: &mut Criterion) {
        let s = scenario();
        let (t, kernels) = monte_carlo_inputs(&s);
        let mut group = c.benchmark_group("monte carlo");
        group.sample_size(10);
        group.bench_function("10,000 paths x 120 months x 3 strategies", |b| {
            b.iter(|| montecarlo::simulate(black_box(&s), &t, &kernels))
        });
        group.finish();
    }

    fn decision(c: &mut Criterion) {
        let s = scenario();
        c.bench_function("decision map 64 x 64", |b| {
            b.iter(|| decision_map::run(black_box(&s), MAP.0, MAP.1).unwrap())
        });
    }

    criterion_group!(kernels, projection, monte_carlo, decision);
}
