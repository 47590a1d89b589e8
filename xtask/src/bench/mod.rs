//! `cargo xtask bench`: the performance figures of the model and the page, each against its
//! goal. Prints a table and writes `bench/results.json` and `bench/RESULTS.md`.
//!
//! Stages, each reported on its own (a failing stage says why; the others still run):
//! 1. native kernels: criterion (`cargo bench -p hashpivot-model --bench kernels`), medians read
//!    from `target/criterion/<bench>/new/estimates.json`;
//! 2. the same kernels compiled to wasm and timed in headless Chromium
//!    (`crates/model/tests/bench_web.rs`, release mode), and their wasm/native ratio;
//! 3. the release build (`trunk build --release`) that the next stages measure;
//! 4. input-to-paint latency of 200 BTC-slider steps (`bench/latency.mjs paint`);
//! 5. the longest main-thread task while the Monte Carlo (10,000 paths) and the decision map
//!    recompute (`bench/latency.mjs longtask`);
//! 6. first-load bytes of `dist/`: raw, gzip and brotli;
//! 7. Lighthouse, mobile defaults (`bench/lighthouse.mjs`, packages in `bench/`).
//!
//! Goals not met are findings, not errors: the command fails only when a stage failed.
//!
//! Where things are:
//! - this file: the entry point [`run`] and the stage runner (a failing stage is recorded, the
//!   rest go on);
//! - `kernels`: stages 1 and 2, the kernels natively (criterion) and in wasm (Chromium);
//! - `page`: stages 4 to 7, measured on the release build in `dist/`;
//! - `goals`: the goals and how each stage's figures measure against them;
//! - `machine`: where and on what the figures were taken (commit, cores, load, versions);
//! - `report`: the terminal summary, `bench/RESULTS.md` and `bench/results.json`;
//! - `json`: the small JSON reader and writer the stages and `results.json` use.

mod goals;
mod json;
mod kernels;
mod machine;
mod page;
mod report;

pub(crate) use report::thousands;

use std::time::Instant;

use crate::cmd::repo_root;
use crate::tools::{Needs, Tools};

use goals::goals;
use json::Json;
use kernels::{native_kernels, wasm_kernels};
use machine::{load_average, machine};
use page::{first_load, lighthouse, node_stage};
use report::{markdown, results_json, table};

/// How a stage went.
#[derive(Debug, Clone, PartialEq)]
enum Status {
    Ok,
    Failed(String),
    Skipped(String),
}

struct Stage {
    key: &'static str,
    name: &'static str,
    status: Status,
    seconds: f64,
    figures: Json,
}

impl Stage {
    fn ok(&self) -> bool {
        self.status == Status::Ok
    }
}

/// Runs every stage, prints the table, writes `bench/results.json` and `bench/RESULTS.md`.
pub fn run() -> Result<(), String> {
    let started = Instant::now();
    let load_before = load_average();
    let tools = Tools::ensure(Needs::ALL)?;
    let root = repo_root();
    let dist = root.join("dist");
    let mut stages: Vec<Stage> = Vec::new();
    let mut stage = |key: &'static str,
                     name: &'static str,
                     f: &mut dyn FnMut(&[Stage]) -> Result<Json, String>| {
        let t = Instant::now();
        let (status, figures) = match f(&stages) {
            Ok(figures) => match figures.text("error") {
                Some(e) => (Status::Failed(e.to_owned()), figures.clone()),
                None => (Status::Ok, figures),
            },
            Err(e) if e.starts_with("skipped: ") => (
                Status::Skipped(e.trim_start_matches("skipped: ").to_owned()),
                Json::Obj(vec![]),
            ),
            Err(e) => (Status::Failed(e), Json::Obj(vec![])),
        };
        if let Status::Failed(why) = &status {
            eprintln!("\nstage '{name}' failed: {why}");
        }
        stages.push(Stage {
            key,
            name,
            status,
            seconds: t.elapsed().as_secs_f64(),
            figures,
        });
    };

    stage("native", "native kernels (criterion)", &mut |_| {
        native_kernels(&tools)
    });
    stage("wasm", "wasm kernels (headless Chromium)", &mut |done| {
        wasm_kernels(&tools, done.iter().find(|s| s.key == "native"))
    });
    stage(
        "build",
        "release build (trunk build --release)",
        &mut |_| crate::build_release(&tools).map(|()| Json::Obj(vec![])),
    );
    let built = |done: &[Stage]| {
        if done.iter().any(|s| s.key == "build" && s.ok()) {
            Ok(())
        } else {
            Err("skipped: the release build failed".to_owned())
        }
    };
    stage(
        "paint",
        "input-to-paint (200 BTC-slider steps)",
        &mut |done| {
            built(done)?;
            node_stage(&tools, &["bench/latency.mjs", "paint"], "input-to-paint")
        },
    );
    stage(
        "longtask",
        "long tasks (Monte Carlo 10,000 paths)",
        &mut |done| {
            built(done)?;
            node_stage(&tools, &["bench/latency.mjs", "longtask"], "long tasks")
        },
    );
    stage("size", "first-load bytes (dist/)", &mut |done| {
        built(done)?;
        first_load(&dist)
    });
    stage("lighthouse", "Lighthouse (mobile)", &mut |done| {
        built(done)?;
        lighthouse(&tools)
    });

    let goals = goals(&stages);
    let machine = machine(&tools, load_before);
    let text = table(&stages, &goals, started.elapsed().as_secs_f64(), &machine);
    println!("{text}");

    let bench_dir = root.join("bench");
    let json = results_json(&stages, &goals, &machine);
    let mut out = String::new();
    json.write(&mut out, 0);
    out.push('\n');
    std::fs::write(bench_dir.join("results.json"), out)
        .map_err(|e| format!("cannot write bench/results.json: {e}"))?;
    std::fs::write(
        bench_dir.join("RESULTS.md"),
        markdown(&stages, &goals, &machine),
    )
    .map_err(|e| format!("cannot write bench/RESULTS.md: {e}"))?;
    println!("wrote bench/results.json and bench/RESULTS.md");

    let failed: Vec<&str> = stages.iter().filter(|s| !s.ok()).map(|s| s.name).collect();
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} stage(s) did not complete: {}; see above",
            failed.len(),
            failed.join(", ")
        ))
    }
}

/// The figures of a stage, or None when it did not complete.
fn done<'a>(stages: &'a [Stage], key: &str) -> Option<&'a Json> {
    stages
        .iter()
        .find(|s| s.key == key && s.ok())
        .map(|s| &s.figures)
}
