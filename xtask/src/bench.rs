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

use std::path::{Path, PathBuf};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use crate::cmd::repo_root;
use crate::size;
use crate::tools::{Needs, Tools, CHROMEDRIVER, CHROMIUM};

/// The kernels: key, criterion's folder under `target/criterion`, and a label.
const KERNELS: [(&str, &str, &str); 3] = [
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

/// Goals (DEVELOPERS.md).
const GOAL_PAINT_P95_MS: f64 = 16.0;
const GOAL_LONGEST_TASK_MS: f64 = 50.0;
const GOAL_MONTE_CARLO_MS: f64 = 150.0;
const GOAL_DECISION_MAP_MS: f64 = 50.0;
const GOAL_WASM_RATIO: f64 = 1.5;

/// A JSON value: what the stages record and what `results.json` holds.
#[derive(Debug, Clone, PartialEq)]
enum Json {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Json {
    fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    fn num(&self, key: &str) -> Option<f64> {
        match self.get(key) {
            Some(Json::Num(n)) => Some(*n),
            _ => None,
        }
    }

    fn text(&self, key: &str) -> Option<&str> {
        match self.get(key) {
            Some(Json::Str(s)) => Some(s),
            _ => None,
        }
    }

    fn push(&mut self, key: &str, value: Json) {
        if let Json::Obj(fields) = self {
            fields.retain(|(k, _)| k != key);
            fields.push((key.to_owned(), value));
        }
    }

    /// Pretty-printed with two-space indents; objects keep their order.
    fn write(&self, out: &mut String, indent: usize) {
        let pad = |n: usize| "  ".repeat(n);
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Num(n) if n.is_finite() => out.push_str(&format_num(*n)),
            Json::Num(_) => out.push_str("null"),
            Json::Str(s) => write_str(out, s),
            Json::Arr(items) if items.is_empty() => out.push_str("[]"),
            Json::Arr(items) => {
                out.push_str("[\n");
                for (i, item) in items.iter().enumerate() {
                    out.push_str(&pad(indent + 1));
                    item.write(out, indent + 1);
                    out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
                }
                out.push_str(&pad(indent));
                out.push(']');
            }
            Json::Obj(fields) if fields.is_empty() => out.push_str("{}"),
            Json::Obj(fields) => {
                out.push_str("{\n");
                for (i, (k, v)) in fields.iter().enumerate() {
                    out.push_str(&pad(indent + 1));
                    write_str(out, k);
                    out.push_str(": ");
                    v.write(out, indent + 1);
                    out.push_str(if i + 1 < fields.len() { ",\n" } else { "\n" });
                }
                out.push_str(&pad(indent));
                out.push('}');
            }
        }
    }
}

/// Integers without a fraction, others as Rust prints them (shortest round-trip form).
fn format_num(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

fn write_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A small JSON reader, for criterion's estimates and the `BENCH {...}` lines.
struct Reader<'a> {
    text: &'a [u8],
    at: usize,
}

fn parse_json(text: &str) -> Result<Json, String> {
    let mut r = Reader {
        text: text.as_bytes(),
        at: 0,
    };
    let value = r.value()?;
    r.space();
    if r.at != r.text.len() {
        return Err(format!("trailing text at byte {}", r.at));
    }
    Ok(value)
}

impl Reader<'_> {
    fn space(&mut self) {
        while self.text.get(self.at).is_some_and(u8::is_ascii_whitespace) {
            self.at += 1;
        }
    }

    fn eat(&mut self, b: u8) -> Result<(), String> {
        self.space();
        if self.text.get(self.at) == Some(&b) {
            self.at += 1;
            Ok(())
        } else {
            Err(format!("expected '{}' at byte {}", b as char, self.at))
        }
    }

    fn literal(&mut self, word: &str, value: Json) -> Result<Json, String> {
        if self.text[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(format!("unexpected text at byte {}", self.at))
        }
    }

    fn value(&mut self) -> Result<Json, String> {
        self.space();
        match self.text.get(self.at) {
            Some(b'{') => {
                self.at += 1;
                let mut fields = Vec::new();
                self.space();
                if self.text.get(self.at) == Some(&b'}') {
                    self.at += 1;
                    return Ok(Json::Obj(fields));
                }
                loop {
                    self.space();
                    let key = self.string()?;
                    self.eat(b':')?;
                    fields.push((key, self.value()?));
                    self.space();
                    match self.text.get(self.at) {
                        Some(b',') => self.at += 1,
                        Some(b'}') => {
                            self.at += 1;
                            return Ok(Json::Obj(fields));
                        }
                        _ => return Err(format!("expected ',' or '}}' at byte {}", self.at)),
                    }
                }
            }
            Some(b'[') => {
                self.at += 1;
                let mut items = Vec::new();
                self.space();
                if self.text.get(self.at) == Some(&b']') {
                    self.at += 1;
                    return Ok(Json::Arr(items));
                }
                loop {
                    items.push(self.value()?);
                    self.space();
                    match self.text.get(self.at) {
                        Some(b',') => self.at += 1,
                        Some(b']') => {
                            self.at += 1;
                            return Ok(Json::Arr(items));
                        }
                        _ => return Err(format!("expected ',' or ']' at byte {}", self.at)),
                    }
                }
            }
            Some(b'"') => self.string().map(Json::Str),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'n') => self.literal("null", Json::Null),
            Some(_) => {
                let start = self.at;
                while self
                    .text
                    .get(self.at)
                    .is_some_and(|b| b.is_ascii_digit() || b"+-.eE".contains(b))
                {
                    self.at += 1;
                }
                std::str::from_utf8(&self.text[start..self.at])
                    .ok()
                    .and_then(|s| s.parse().ok())
                    .map(Json::Num)
                    .ok_or_else(|| format!("bad number at byte {start}"))
            }
            None => Err("unexpected end".into()),
        }
    }

    fn string(&mut self) -> Result<String, String> {
        self.eat(b'"')?;
        let mut out = Vec::new();
        loop {
            match self.text.get(self.at) {
                Some(b'"') => {
                    self.at += 1;
                    return String::from_utf8(out).map_err(|e| e.to_string());
                }
                Some(b'\\') => {
                    let escaped = self.text.get(self.at + 1).copied();
                    self.at += 2;
                    match escaped {
                        Some(b'n') => out.push(b'\n'),
                        Some(b't') => out.push(b'\t'),
                        Some(b'r') => out.push(b'\r'),
                        Some(b'b') => out.push(8),
                        Some(b'f') => out.push(12),
                        Some(b'u') => {
                            let hex = self
                                .text
                                .get(self.at..self.at + 4)
                                .and_then(|h| std::str::from_utf8(h).ok())
                                .and_then(|h| u32::from_str_radix(h, 16).ok())
                                .ok_or_else(|| format!("bad escape at byte {}", self.at))?;
                            self.at += 4;
                            let c = char::from_u32(hex).unwrap_or('\u{fffd}');
                            out.extend_from_slice(c.to_string().as_bytes());
                        }
                        Some(c) => out.push(c),
                        None => return Err("unexpected end in a string".into()),
                    }
                }
                Some(&c) => {
                    out.push(c);
                    self.at += 1;
                }
                None => return Err("unexpected end in a string".into()),
            }
        }
    }
}

/// The `BENCH {...}` lines of a run's output, parsed.
fn bench_lines(out: &str) -> Result<Vec<Json>, String> {
    out.lines()
        .filter_map(|l| l.trim().strip_prefix("BENCH "))
        .map(|j| parse_json(j).map_err(|e| format!("bad BENCH line {j}: {e}")))
        .collect()
}

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

/// Stage 1: criterion's medians, in ms, from this run's estimates.
fn native_kernels(tools: &Tools) -> Result<Json, String> {
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
fn wasm_kernels(tools: &Tools, native: Option<&Stage>) -> Result<Json, String> {
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

/// A node script that prints one `BENCH {...}` line, run against `dist/`.
fn node_stage(tools: &Tools, args: &[&str], what: &str) -> Result<Json, String> {
    let (success, out) = tools
        .command("node", args)
        .env("HASHPIVOT_DIST", repo_root().join("dist"))
        .env("HASHPIVOT_CHROMIUM", CHROMIUM)
        .run_capturing(&format!(
            "{what} in headless Chromium (node {})",
            args.join(" ")
        ))?;
    let line = bench_lines(&out)?.pop();
    match (success, line) {
        (true, Some(line)) => Ok(line),
        (true, None) => Err(format!("node {} printed no BENCH line", args.join(" "))),
        (false, _) => Err(format!(
            "node {} failed; read its error above",
            args.join(" ")
        )),
    }
}

/// Stage 6: raw, gzip (-9) and brotli (quality 11) bytes of each first-load asset.
fn first_load(dist: &Path) -> Result<Json, String> {
    let mut rows = Vec::new();
    for (name, bytes) in size::first_load(dist)? {
        let gzip = gzip_len(&dist.join(&name))?;
        rows.push((name, bytes.len() as u64, gzip, size::brotli_len(&bytes)?));
    }
    if rows.is_empty() {
        return Err(format!("no first-load assets in {}", dist.display()));
    }
    rows.sort_by_key(|r| std::cmp::Reverse(r.3));
    let sum = |f: fn(&(String, u64, u64, u64)) -> u64| rows.iter().map(f).sum::<u64>() as f64;
    let assets = rows
        .iter()
        .map(|(name, raw, gz, br)| {
            Json::Obj(vec![
                ("asset".into(), Json::Str(name.clone())),
                ("raw".into(), Json::Num(*raw as f64)),
                ("gzip".into(), Json::Num(*gz as f64)),
                ("brotli".into(), Json::Num(*br as f64)),
            ])
        })
        .collect();
    Ok(Json::Obj(vec![
        ("total_raw".into(), Json::Num(sum(|r| r.1))),
        ("total_gzip".into(), Json::Num(sum(|r| r.2))),
        ("total_brotli".into(), Json::Num(sum(|r| r.3))),
        (
            "budget_brotli".into(),
            Json::Num(size::BUDGET_BROTLI_BYTES as f64),
        ),
        ("assets".into(), Json::Arr(assets)),
    ]))
}

/// `gzip -9 -n` output length (Debian's gzip, as a static host would precompress).
fn gzip_len(file: &Path) -> Result<u64, String> {
    let out = std::process::Command::new("gzip")
        .args(["-9", "-n", "-c"])
        .arg(file)
        .output()
        .map_err(|e| format!("cannot run gzip: {e}"))?;
    if out.status.success() {
        Ok(out.stdout.len() as u64)
    } else {
        Err(format!("gzip {} failed ({})", file.display(), out.status))
    }
}

/// Stage 7: Lighthouse, installing `bench/`'s packages first when they are missing or stale.
fn lighthouse(tools: &Tools) -> Result<Json, String> {
    let bench = repo_root().join("bench");
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let lock = modified(&bench.join("package-lock.json"));
    let installed = modified(&bench.join("node_modules/.package-lock.json"));
    if !matches!((lock, installed), (Some(l), Some(i)) if i >= l) {
        tools
            .command(
                "npm",
                &["ci", "--prefix", "bench", "--no-audit", "--no-fund"],
            )
            .run(
                "install Lighthouse (npm ci in bench/)",
                "check that the npm registry is reachable",
            )?;
    }
    let report_dir = target_dir().join("bench");
    std::fs::create_dir_all(&report_dir)
        .map_err(|e| format!("cannot create {}: {e}", report_dir.display()))?;
    let report = report_dir.join("lighthouse.json");
    let report = report.to_string_lossy();
    node_stage(tools, &["bench/lighthouse.mjs", &report], "Lighthouse")
}

/// One goal and how the run measured against it.
struct Goal {
    goal: String,
    measured: String,
    met: Option<bool>,
}

fn goals(stages: &[Stage]) -> Vec<Goal> {
    let num = |key: &str, field: &str| done(stages, key).and_then(|f| f.num(field));
    let mut goals = Vec::new();
    let mut goal = |goal: String,
                    value: Option<f64>,
                    shown: &dyn Fn(f64) -> String,
                    ok: &dyn Fn(f64) -> bool| {
        goals.push(Goal {
            goal,
            measured: value.map_or_else(|| "not measured".into(), shown),
            met: value.map(ok),
        });
    };
    let ms = |v: f64| format!("{} ms", fmt_ms(v));
    goal(
        format!("input-to-paint p95 <= {GOAL_PAINT_P95_MS} ms"),
        num("paint", "p95_ms"),
        &ms,
        &|v| v <= GOAL_PAINT_P95_MS,
    );
    goal(
        format!("no main-thread task over {GOAL_LONGEST_TASK_MS} ms"),
        num("longtask", "longest_task_ms"),
        &|v| format!("longest {}", ms(v)),
        &|v| v <= GOAL_LONGEST_TASK_MS,
    );
    goal(
        format!("Monte Carlo 10,000 x 120 x 3 within {GOAL_MONTE_CARLO_MS} ms of the last input"),
        num("longtask", "mc_painted_after_input_ms"),
        &|v| {
            let timer = num("longtask", "mc_timer_after_input_ms")
                .map_or(String::new(), |t| format!(" (timer at {})", ms(t)));
            format!("painted at {}{timer}", ms(v))
        },
        &|v| v <= GOAL_MONTE_CARLO_MS,
    );
    goal(
        format!("decision map 64 x 64 within {GOAL_DECISION_MAP_MS} ms (wasm)"),
        num("wasm", "decision_map_ms"),
        &ms,
        &|v| v <= GOAL_DECISION_MAP_MS,
    );
    let ratios: Option<Vec<f64>> = KERNELS
        .iter()
        .map(|(key, _, _)| num("wasm", &format!("{key}_ratio")))
        .collect();
    goal(
        format!("wasm/native ratio <= {GOAL_WASM_RATIO} for every kernel"),
        ratios.map(|r| r.into_iter().fold(0.0, f64::max)),
        &|v| format!("worst {v:.2}"),
        &|v| v <= GOAL_WASM_RATIO,
    );
    goal(
        format!(
            "first load <= {} bytes brotli",
            thousands(size::BUDGET_BROTLI_BYTES as f64)
        ),
        num("size", "total_brotli"),
        &|v| format!("{} bytes", thousands(v)),
        &|v| v <= size::BUDGET_BROTLI_BYTES as f64,
    );
    for (field, label, least) in [
        ("performance", "Lighthouse performance", 100.0),
        ("accessibility", "Lighthouse accessibility", 100.0),
        ("best_practices", "Lighthouse best practices", 100.0),
        ("seo", "Lighthouse SEO", 95.0),
    ] {
        let wanted = if least >= 100.0 {
            format!("{label} 100")
        } else {
            format!("{label} >= {least}")
        };
        goal(
            wanted,
            num("lighthouse", field),
            &|v| format!("{v}"),
            &|v| v >= least,
        );
    }
    goals
}

/// Where and on what the figures were taken.
struct Machine {
    when: String,
    commit: String,
    cores: usize,
    load_before: String,
    load_after: String,
    rustc: String,
    chromium: String,
    node: String,
}

fn machine(tools: &Tools, load_before: String) -> Machine {
    let probe = |program: &str, args: &[&str]| {
        tools
            .command(program, args)
            .probe()
            .map(|s| s.trim().to_owned())
            .unwrap_or_else(|| "unknown".into())
    };
    let mut commit = probe("git", &["rev-parse", "--short=12", "HEAD"]);
    if tools
        .command("git", &["status", "--porcelain"])
        .probe()
        .is_some_and(|s| !s.trim().is_empty())
    {
        commit.push_str(" (with uncommitted changes)");
    }
    Machine {
        when: utc_now(),
        commit,
        cores: std::thread::available_parallelism().map_or(0, |n| n.get()),
        load_before,
        load_after: load_average(),
        rustc: probe("rustc", &["--version"]),
        chromium: probe(CHROMIUM, &["--version"]),
        node: probe("node", &["--version"]),
    }
}

/// The 1, 5 and 15 minute load averages, from /proc/loadavg.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|| "unknown".into())
}

/// `YYYY-MM-DDTHH:MM:SSZ` from the system clock.
fn utc_now() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = (secs / 86_400) as i64;
    let rest = secs % 86_400;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3_600,
        rest % 3_600 / 60,
        rest % 60
    )
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target"))
}

/// Milliseconds to about three significant figures.
fn fmt_ms(v: f64) -> String {
    if v >= 100.0 {
        format!("{v:.0}")
    } else if v >= 10.0 {
        format!("{v:.1}")
    } else if v >= 1.0 {
        format!("{v:.2}")
    } else {
        format!("{v:.3}")
    }
}

/// `250000` -> `250,000`.
fn thousands(v: f64) -> String {
    let digits = format!("{:.0}", v.round());
    let (sign, digits) = match digits.strip_prefix('-') {
        Some(d) => ("-", d),
        None => ("", digits.as_str()),
    };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{sign}{out}")
}

fn status_word(status: &Status) -> String {
    match status {
        Status::Ok => "ok".into(),
        Status::Failed(why) => format!("FAILED: {why}"),
        Status::Skipped(why) => format!("SKIPPED: {why}"),
    }
}

fn goal_word(met: Option<bool>) -> &'static str {
    match met {
        Some(true) => "met",
        Some(false) => "NOT MET",
        None => "unknown",
    }
}

/// The figures of a stage, or None when it did not complete.
fn done<'a>(stages: &'a [Stage], key: &str) -> Option<&'a Json> {
    stages
        .iter()
        .find(|s| s.key == key && s.ok())
        .map(|s| &s.figures)
}

/// One reading line per measuring stage (shared by the terminal table and RESULTS.md).
fn findings(stages: &[Stage]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let ms = |f: &Json, k: &str| f.num(k).map_or("?".into(), fmt_ms);
    if let Some(f) = done(stages, "paint") {
        out.push((
            "input-to-paint".into(),
            format!(
                "p50 {} ms, p95 {} ms, max {} ms over {} steps (handler p50 {} ms; {} of {} canvases repainted per step; {} steps needed a second frame)",
                ms(f, "p50_ms"),
                ms(f, "p95_ms"),
                ms(f, "max_ms"),
                f.num("steps").unwrap_or(0.0),
                ms(f, "handler_p50_ms"),
                f.num("canvases_repainted_min").unwrap_or(0.0),
                f.num("canvases").unwrap_or(0.0),
                f.num("steps_over_one_frame").unwrap_or(0.0),
            ),
        ));
    }
    if let Some(f) = done(stages, "longtask") {
        out.push((
            "long tasks".into(),
            format!(
                "longest {} ms ({} over 50 ms); longest busy stretch {} ms; Monte Carlo timer fired {} ms after the input, chart painted at {} ms ({} ms of work after the timer)",
                ms(f, "longest_task_ms"),
                f.num("long_tasks").unwrap_or(0.0),
                ms(f, "longest_busy_gap_ms"),
                ms(f, "mc_timer_after_input_ms"),
                ms(f, "mc_painted_after_input_ms"),
                ms(f, "mc_run_after_timer_ms"),
            ),
        ));
    }
    if let Some(f) = done(stages, "lighthouse") {
        let n = |k: &str| f.num(k).map_or("?".into(), |v| format!("{v}"));
        out.push((
            "Lighthouse".into(),
            format!(
                "performance {}, accessibility {}, best practices {}, SEO {}; FCP {} ms, LCP {} ms, TBT {} ms, CLS {} (Lighthouse {}, {})",
                n("performance"),
                n("accessibility"),
                n("best_practices"),
                n("seo"),
                n("fcp_ms"),
                n("lcp_ms"),
                n("tbt_ms"),
                n("cls"),
                f.text("lighthouse").unwrap_or("?"),
                f.text("form_factor").unwrap_or("?"),
            ),
        ));
        if let Some(a) = f.text("failing_audits").filter(|a| !a.is_empty()) {
            out.push(("Lighthouse audits below 1".into(), a.to_owned()));
        }
    }
    out
}

/// Rows of the kernel table: label, native ms, wasm ms, ratio.
fn kernel_rows(stages: &[Stage]) -> Vec<[String; 4]> {
    let native = done(stages, "native");
    let wasm = done(stages, "wasm");
    KERNELS
        .iter()
        .map(|(key, _, label)| {
            let get =
                |f: Option<&Json>, suffix: &str| f.and_then(|f| f.num(&format!("{key}{suffix}")));
            [
                (*label).to_owned(),
                get(native, "_ms").map_or("-".into(), fmt_ms),
                get(wasm, "_ms").map_or("-".into(), fmt_ms),
                get(wasm, "_ratio").map_or("-".into(), |r| format!("{r:.2}")),
            ]
        })
        .collect()
}

/// Rows of the size table: asset, raw, gzip, brotli (bytes), the total last.
fn size_rows(stages: &[Stage]) -> Vec<[String; 4]> {
    let Some(f) = done(stages, "size") else {
        return Vec::new();
    };
    let mut rows: Vec<[String; 4]> = match f.get("assets") {
        Some(Json::Arr(assets)) => assets
            .iter()
            .map(|a| {
                let n = |k: &str| a.num(k).map_or("?".into(), thousands);
                [
                    a.text("asset").unwrap_or("?").to_owned(),
                    n("raw"),
                    n("gzip"),
                    n("brotli"),
                ]
            })
            .collect(),
        _ => Vec::new(),
    };
    let n = |k: &str| f.num(k).map_or("?".into(), thousands);
    rows.push([
        "first load, total".into(),
        n("total_raw"),
        n("total_gzip"),
        n("total_brotli"),
    ]);
    rows
}

/// The terminal summary.
fn table(stages: &[Stage], goals: &[Goal], seconds: f64, m: &Machine) -> String {
    let mut t = format!(
        "\n==> bench summary ({seconds:.0} s in all; {} cores, load {} before, {} after)\n",
        m.cores, m.load_before, m.load_after
    );
    for s in stages {
        t.push_str(&format!(
            "  {:<42} {:>6.1} s  {}\n",
            s.name,
            s.seconds,
            status_word(&s.status)
        ));
    }
    t.push_str(&format!(
        "\n  {:<56} {:>10} {:>10} {:>12}\n",
        "kernel", "native ms", "wasm ms", "wasm/native"
    ));
    for [label, native, wasm, ratio] in kernel_rows(stages) {
        t.push_str(&format!(
            "  {label:<56} {native:>10} {wasm:>10} {ratio:>12}\n"
        ));
    }
    let sizes = size_rows(stages);
    if !sizes.is_empty() {
        t.push_str(&format!(
            "\n  {:<48} {:>10} {:>10} {:>10}\n",
            "first-load asset", "raw B", "gzip B", "brotli B"
        ));
        for [asset, raw, gz, br] in sizes {
            t.push_str(&format!("  {asset:<48} {raw:>10} {gz:>10} {br:>10}\n"));
        }
    }
    t.push('\n');
    for (what, text) in findings(stages) {
        t.push_str(&format!("  {what}: {text}\n"));
    }
    t.push_str(&format!("\n  {:<66} {:<48} status\n", "goal", "measured"));
    for g in goals {
        t.push_str(&format!(
            "  {:<66} {:<48} {}\n",
            g.goal,
            g.measured,
            goal_word(g.met)
        ));
    }
    let met = goals.iter().filter(|g| g.met == Some(true)).count();
    let failed = stages.iter().filter(|s| !s.ok()).count();
    t.push_str(&format!(
        "{met} of {} goals met; {failed} stage(s) did not complete",
        goals.len()
    ));
    t
}

/// `bench/RESULTS.md`: the same figures for reading on GitHub.
fn markdown(stages: &[Stage], goals: &[Goal], m: &Machine) -> String {
    let mut md = String::from(
        "# Benchmark results\n\n\
         Written by `cargo xtask bench` (see README, Benchmarks); the same figures are in \
         `results.json`. Timings depend on the machine and on what else it runs, so compare \
         runs on one machine.\n\n",
    );
    md.push_str(&format!(
        "- Taken: {} at commit {}\n- Machine: {} cores, load average {} before and {} after\n- {}; {}; node {}\n\n",
        m.when, m.commit, m.cores, m.load_before, m.load_after, m.rustc, m.chromium, m.node
    ));
    md.push_str("## Goals\n\n| goal | measured | status |\n| --- | --- | --- |\n");
    for g in goals {
        md.push_str(&format!(
            "| {} | {} | {} |\n",
            g.goal,
            g.measured,
            goal_word(g.met)
        ));
    }
    md.push_str(
        "\n## Kernels\n\nMedian time of one call: natively with criterion, and compiled to \
         wasm (release profile) in headless Chromium on the same inputs.\n\n\
         | kernel | native ms | wasm ms | wasm/native |\n| --- | ---: | ---: | ---: |\n",
    );
    for [label, native, wasm, ratio] in kernel_rows(stages) {
        md.push_str(&format!("| {label} | {native} | {wasm} | {ratio} |\n"));
    }
    md.push_str("\n## The page (release build, headless Chromium)\n\n");
    for (what, text) in findings(stages) {
        md.push_str(&format!("- **{what}**: {text}\n"));
    }
    let sizes = size_rows(stages);
    if !sizes.is_empty() {
        md.push_str(
            "\n## First load\n\nBytes of the first-load assets in `dist/`: raw, `gzip -9`, \
             brotli quality 11.\n\n| asset | raw | gzip | brotli |\n| --- | ---: | ---: | ---: |\n",
        );
        for [asset, raw, gz, br] in sizes {
            md.push_str(&format!("| {asset} | {raw} | {gz} | {br} |\n"));
        }
    }
    md.push_str("\n## Stages\n\n| stage | seconds | status |\n| --- | ---: | --- |\n");
    for s in stages {
        md.push_str(&format!(
            "| {} | {:.1} | {} |\n",
            s.name,
            s.seconds,
            status_word(&s.status).replace('|', "\\|")
        ));
    }
    md
}

fn results_json(stages: &[Stage], goals: &[Goal], m: &Machine) -> Json {
    let s = |v: &str| Json::Str(v.to_owned());
    Json::Obj(vec![
        ("taken_utc".into(), s(&m.when)),
        ("commit".into(), s(&m.commit)),
        (
            "machine".into(),
            Json::Obj(vec![
                ("cores".into(), Json::Num(m.cores as f64)),
                ("load_before".into(), s(&m.load_before)),
                ("load_after".into(), s(&m.load_after)),
                ("rustc".into(), s(&m.rustc)),
                ("chromium".into(), s(&m.chromium)),
                ("node".into(), s(&m.node)),
            ]),
        ),
        (
            "goals".into(),
            Json::Arr(
                goals
                    .iter()
                    .map(|g| {
                        Json::Obj(vec![
                            ("goal".into(), s(&g.goal)),
                            ("measured".into(), s(&g.measured)),
                            ("met".into(), g.met.map_or(Json::Null, Json::Bool)),
                        ])
                    })
                    .collect(),
            ),
        ),
        (
            "stages".into(),
            Json::Obj(
                stages
                    .iter()
                    .map(|st| {
                        let (status, reason) = match &st.status {
                            Status::Ok => ("ok", Json::Null),
                            Status::Failed(w) => ("failed", s(w)),
                            Status::Skipped(w) => ("skipped", s(w)),
                        };
                        (
                            st.key.to_owned(),
                            Json::Obj(vec![
                                ("name".into(), s(st.name)),
                                ("status".into(), s(status)),
                                ("reason".into(), reason),
                                (
                                    "seconds".into(),
                                    Json::Num((st.seconds * 10.0).round() / 10.0),
                                ),
                                ("figures".into(), st.figures.clone()),
                            ]),
                        )
                    })
                    .collect(),
            ),
        ),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_bench_lines_and_criterion_estimates() {
        let out =
            "noise\nBENCH {\"kernel\":\"projection\",\"median_ms\":0.041,\"iterations\":200}\n\
                   BENCH {\"stage\":\"x\",\"error\":\"a \\\"quoted\\\" reason\",\"v\":null}\n";
        let lines = bench_lines(out).unwrap();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].text("kernel"), Some("projection"));
        assert_eq!(lines[0].num("median_ms"), Some(0.041));
        assert_eq!(lines[1].text("error"), Some("a \"quoted\" reason"));
        let estimates = r#"{"mean":{"point_estimate":9.0},"median":{"confidence_interval":{"lower_bound":1.0},"point_estimate":828411.5,"standard_error":4977.8},"median_abs_dev":{"point_estimate":3.0}}"#;
        let median = parse_json(estimates)
            .unwrap()
            .get("median")
            .and_then(|m| m.num("point_estimate"));
        assert_eq!(median, Some(828_411.5));
        assert!(bench_lines("BENCH {\"a\":").is_err());
    }

    #[test]
    fn json_round_trips_through_the_writer() {
        let value = Json::Obj(vec![
            ("n".into(), Json::Num(250_000.0)),
            ("x".into(), Json::Num(0.5)),
            ("s".into(), Json::Str("tab\t\"q\"".into())),
            ("a".into(), Json::Arr(vec![Json::Bool(true), Json::Null])),
            ("e".into(), Json::Obj(vec![])),
        ]);
        let mut text = String::new();
        value.write(&mut text, 0);
        assert!(text.contains("\"n\": 250000,"), "{text}");
        assert_eq!(parse_json(&text).unwrap(), value);
    }

    #[test]
    fn goals_are_unknown_when_a_stage_did_not_complete() {
        let stages = vec![
            Stage {
                key: "wasm",
                name: "wasm",
                status: Status::Ok,
                seconds: 1.0,
                figures: Json::Obj(vec![
                    ("decision_map_ms".into(), Json::Num(1.6)),
                    ("projection_ratio".into(), Json::Num(2.0)),
                    ("monte_carlo_ratio".into(), Json::Num(1.2)),
                    ("decision_map_ratio".into(), Json::Num(1.4)),
                ]),
            },
            Stage {
                key: "paint",
                name: "paint",
                status: Status::Failed("no browser".into()),
                seconds: 1.0,
                figures: Json::Obj(vec![("p95_ms".into(), Json::Num(3.0))]),
            },
        ];
        let g = goals(&stages);
        let find = |prefix: &str| g.iter().find(|g| g.goal.starts_with(prefix)).unwrap();
        assert_eq!(find("input-to-paint").met, None);
        assert_eq!(find("decision map").met, Some(true));
        let ratio = find("wasm/native");
        assert_eq!(
            (ratio.met, ratio.measured.as_str()),
            (Some(false), "worst 2.00")
        );
    }

    #[test]
    fn formats_numbers_for_reading() {
        assert_eq!(thousands(250_000.0), "250,000");
        assert_eq!(thousands(999.0), "999");
        assert_eq!(fmt_ms(0.0293), "0.029");
        assert_eq!(fmt_ms(112.03), "112");
        assert_eq!(utc_now().len(), 20);
    }
}
