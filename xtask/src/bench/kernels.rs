//! Stages 1 and 2 of `cargo xtask bench`: the model's kernels timed natively with criterion
//! (medians from `target/criterion/<bench>/new/estimates.json`) and compiled to wasm in headless
//! Chromium (`crates/model/tests/bench_web.rs`), with the wasm/native ratio of each.

use std::time::SystemTime;

use crate::tools::{Tools, CHROMEDRIVER};

use super::json::{bench_lines, parse_json, Json};
use super::Stage;
use crate::cmd::target_dir;

/// The kernels: key, criterion's folder under `target/criterion`, and a label.
pub(super) const KERNELS: [(&str, &str, &str); 3] = [
    (
        "projection",
        "projection 3 strategies x 120 months",
        "projection, 3 strategies x 120 months",
    ),
    (
        "monte_carlo",
        "monte carlo/10,000 paths x 120 months x 3 strategies",
        "Monte Carlo, 10,000 paths x 120 months x 3 strategies",
    ),
    (
        "decision_map",
        "decision map 64 x 64",
        "decision map, 64 x 64",
    ),
];

/// Stage 1: criterion's medians, in ms, from this run's estimates.
pub(super) fn native_kernels(tools: &Tools) -> Result<Json, String> {
    let since = SystemTime::now();
    tools
        .command(
            "cargo",
            &["bench", "-p", "hashpivot-model", "--bench", "kernels"],
        )
        .run(
            "native kernels (cargo bench -p hashpivot-model --bench kernels)",
            "read the build or bench error above",
        )?;
    let criterion = target_dir().join("criterion");
    let mut figures = Vec::new();
    for (key, folder, _) in KERNELS {
        let file = criterion.join(folder).join("new/estimates.json");
        let fresh = std::fs::metadata(&file)
            .and_then(|m| m.modified())
            .is_ok_and(|m| m >= since);
        if !fresh {
            return Err(format!(
                "criterion wrote no new {} in this run",
                file.display()
            ));
        }
        let text = std::fs::read_to_string(&file)
            .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let ns = parse_json(&text)
            .map_err(|e| format!("{}: {e}", file.display()))?
            .get("median")
            .and_then(|m| m.num("point_estimate"))
            .ok_or_else(|| format!("{} has no median point estimate", file.display()))?;
        figures.push((format!("{key}_ms"), Json::Num(ns / 1e6)));
    }
    Ok(Json::Obj(figures))
}

/// Stage 2: the kernels in headless Chromium, and their ratio to the native figures.
pub(super) fn wasm_kernels(tools: &Tools, native: Option<&Stage>) -> Result<Json, String> {
    let (success, out) = tools
        .command(
            "cargo",
            &[
                "test",
                "--release",
                "--target",
                "wasm32-unknown-unknown",
                "-p",
                "hashpivot-model",
                "--test",
                "bench_web",
                "--",
                // `--ignored` filters but does not run ignored tests in wasm-bindgen-test-runner
                // 0.2.130; the target holds only the ignored benchmark.
                "--include-ignored",
                "--nocapture",
            ],
        )
        .env("CHROMEDRIVER", CHROMEDRIVER)
        .env("WASM_BINDGEN_TEST_TIMEOUT", "300")
        .run_capturing("wasm kernels in headless Chromium (crates/model/tests/bench_web.rs)")?;
    let lines = bench_lines(&out)?;
    if !success {
        return Err("the wasm benchmark failed; read its output above".into());
    }
    let native = native.filter(|s| s.ok()).map(|s| &s.figures);
    let mut figures = Json::Obj(vec![]);
    for (key, _, _) in KERNELS {
        let line = lines
            .iter()
            .find(|l| l.text("kernel") == Some(key))
            .ok_or_else(|| format!("no BENCH line for {key} in the output"))?;
        let ms = line
            .num("median_ms")
            .ok_or_else(|| format!("the BENCH line for {key} has no median_ms"))?;
        figures.push(&format!("{key}_ms"), Json::Num(ms));
        if let Some(n) = line.num("iterations") {
            figures.push(&format!("{key}_iterations"), Json::Num(n));
        }
        let ratio = native
            .and_then(|n| n.num(&format!("{key}_ms")))
            .filter(|n| *n > 0.0)
            .map_or(Json::Null, |n| Json::Num(ms / n));
        figures.push(&format!("{key}_ratio"), ratio);
    }
    Ok(figures)
}
