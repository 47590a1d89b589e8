//! The kernel benchmarks of `benches/kernels.rs` timed inside headless Chromium, for the
//! wasm/native ratio of `cargo xtask bench`. Same inputs as the criterion bench
//! (`benches/shared/scenarios.rs`). The test is ignored so `cargo xtask test` (which runs only
//! `--test web`) never pays for it; `cargo xtask bench` runs it in release mode:
//!
//! ```sh
//! CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=300 cargo test --release \
//!   --target wasm32-unknown-unknown -p hashpivot-model --test bench_web -- --ignored --nocapture
//! ```
//!
//! Each kernel prints one line, `BENCH {"kernel":"projection","median_ms":0.041,...}`: the
//! median over samples of the mean time of one call, like criterion's median. A sample runs
//! the kernel `batch` times back to back so it lasts at least [`MIN_SAMPLE_MS`], because
//! `performance.now()` in a page that is not cross-origin isolated ticks in 0.1 ms steps.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark may fail loudly

use std::hint::black_box;

use hashpivot_model::{decision_map, montecarlo, project};
use wasm_bindgen_test::*;

#[path = "../benches/shared/scenarios.rs"]
mod scenarios;

use scenarios::{monte_carlo_inputs, scenario, MAP};

wasm_bindgen_test_configure!(run_in_browser);

/// A sample lasts at least this long (ms).
const MIN_SAMPLE_MS: f64 = 20.0;
/// Time spent on one kernel, roughly (ms).
const BUDGET_MS: f64 = 3_000.0;
/// At least this many samples, even for the slowest kernel.
const MIN_SAMPLES: usize = 10;
/// At most this many samples.
const MAX_SAMPLES: usize = 100;

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .expect("performance.now() in the browser")
        .now()
}

/// Times `f` and prints its `BENCH` line.
fn bench(kernel: &str, mut f: impl FnMut()) {
    // Warm up (first calls compile and fill caches) and estimate one call.
    f();
    let t = now();
    f();
    let one = (now() - t).max(0.001);
    let batch = ((MIN_SAMPLE_MS / one).ceil() as usize).max(1);
    let samples = ((BUDGET_MS / (one * batch as f64)) as usize).clamp(MIN_SAMPLES, MAX_SAMPLES);
    let mut per_call: Vec<f64> = (0..samples)
        .map(|_| {
            let t = now();
            for _ in 0..batch {
                f();
            }
            (now() - t) / batch as f64
        })
        .collect();
    per_call.sort_by(f64::total_cmp);
    let median = if samples % 2 == 1 {
        per_call[samples / 2]
    } else {
        (per_call[samples / 2 - 1] + per_call[samples / 2]) / 2.0
    };
    console_log!(
        "BENCH {{\"kernel\":\"{kernel}\",\"median_ms\":{median:.6},\"min_ms\":{:.6},\"max_ms\":{:.6},\"iterations\":{},\"samples\":{samples},\"batch\":{batch}}}",
        per_call[0],
        per_call[samples - 1],
        samples * batch,
    );
}

#[wasm_bindgen_test]
#[ignore = "a benchmark: run by `cargo xtask bench`"]
fn kernels_in_the_browser() {
    let s = scenario();
    bench("projection", || {
        black_box(project(black_box(&s)).unwrap());
    });
    let (t, kernels) = monte_carlo_inputs(&s);
    bench("monte_carlo", || {
        black_box(montecarlo::simulate(black_box(&s), &t, &kernels));
    });
    bench("decision_map", || {
        black_box(decision_map::run(black_box(&s), MAP.0, MAP.1).unwrap());
    });
}
