//! What `cargo xtask bench` reports: the terminal summary ([`table`]), `bench/RESULTS.md`
//! ([`markdown`]) and `bench/results.json` ([`results_json`]), built from the stages and goals,
//! with the number formats they share.

use super::goals::Goal;
use super::json::Json;
use super::kernels::KERNELS;
use super::machine::Machine;
use super::{done, Stage, Status};

/// Milliseconds to about three significant figures.
pub(super) fn fmt_ms(v: f64) -> String {
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
pub(crate) fn thousands(v: f64) -> String {
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
pub(super) fn table(stages: &[Stage], goals: &[Goal], seconds: f64, m: &Machine) -> String {
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
pub(super) fn markdown(stages: &[Stage], goals: &[Goal], m: &Machine) -> String {
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

pub(super) fn results_json(stages: &[Stage], goals: &[Goal], m: &Machine) -> Json {
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
    fn formats_numbers_for_reading() {
        assert_eq!(thousands(250_000.0), "250,000");
        assert_eq!(thousands(999.0), "999");
        assert_eq!(fmt_ms(0.0293), "0.029");
        assert_eq!(fmt_ms(112.03), "112");
    }
}
