//! Stages 4 to 7 of `cargo xtask bench`, measured on the release build in `dist/`:
//! input-to-paint latency and long tasks (`bench/latency.mjs` in headless Chromium), first-load
//! bytes (raw, gzip, brotli) and Lighthouse (`bench/lighthouse.mjs`).

use std::path::Path;

use crate::cmd::repo_root;
use crate::size;
use crate::tools::{Tools, CHROMIUM};

use super::json::{bench_lines, Json};
use crate::cmd::target_dir;

/// A node script that prints one `BENCH {...}` line, run against `dist/`.
pub(super) fn node_stage(tools: &Tools, args: &[&str], what: &str) -> Result<Json, String> {
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
pub(super) fn first_load(dist: &Path) -> Result<Json, String> {
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
pub(super) fn lighthouse(tools: &Tools) -> Result<Json, String> {
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
