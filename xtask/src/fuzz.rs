//! `cargo xtask fuzz --seconds N [--target NAME] [--asan]`: runs the model's fuzz targets
//! (`fuzz/`, cargo-fuzz on libFuzzer) for N seconds each, and prints per target the executions,
//! executions per second, crashes and seconds. Not part of `cargo xtask test`.
//!
//! - Targets: `query_decode` (any bytes as a share link), `scenario_import` (any bytes as an
//!   imported scenario file), `model` (structured input: a link with values at the ends of
//!   their ranges, contracts, debt, purchases and sales; projection, Monte Carlo, decision map
//!   and tornado). Each asserts no panic, valid accepted scenarios, finite numbers and named
//!   refusals (`fuzz/src/lib.rs`).
//! - Toolchain: cargo-fuzz needs nightly compiler flags. With a nightly toolchain installed it
//!   runs `cargo +nightly fuzz`; otherwise stable with `RUSTC_BOOTSTRAP=1` (which unlocks them).
//!   cargo-fuzz itself is installed with `cargo install` when missing.
//! - Builds in release with debug assertions and overflow checks (`-a`), without a sanitizer:
//!   the model forbids `unsafe`, so AddressSanitizer finds nothing Rust does not, at about a
//!   sixth of the speed. `--asan` turns it on.
//! - Inputs: the corpus grows in `fuzz/corpus/<target>/` (gitignored, kept between runs);
//!   `fuzz/seeds/<target>/` (committed: the presets as files and links) and
//!   `fuzz/dict/<target>.dict` (keys and field names) start it off. A crash leaves its input in
//!   `fuzz/artifacts/<target>/`; the command then fails, naming the file and how to replay it.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::cmd::repo_root;

mod stats;
mod toolchain;

use crate::bench::thousands;
use stats::{parse_stats, progress_line, Stats};
use toolchain::{ensure_cargo_fuzz, Toolchain};

/// Every fuzz target, in the order they run.
pub const TARGETS: [&str; 3] = ["query_decode", "scenario_import", "model"];

/// Longest a single input may run before libFuzzer reports a timeout, seconds.
const INPUT_TIMEOUT_SECONDS: u32 = 20;

/// What the command line asked for.
#[derive(Debug, PartialEq, Eq)]
struct Options {
    seconds: u32,
    targets: Vec<&'static str>,
    asan: bool,
}

/// What a run of one target left.
struct Outcome {
    target: &'static str,
    stats: Stats,
    /// Crashing inputs written by this run.
    artifacts: Vec<PathBuf>,
    /// libFuzzer exited with an error (a crash, a timeout, out of memory).
    failed: bool,
}

/// Runs the targets asked for; fails if any crashed.
pub fn run(args: &[String]) -> Result<(), String> {
    let options = parse(args)?;
    let toolchain = Toolchain::find();
    ensure_cargo_fuzz()?;
    let fuzz_dir = repo_root().join("fuzz");
    println!(
        "\n==> fuzzing {} for {} s each with {}",
        options.targets.join(", "),
        options.seconds,
        toolchain.describe()
    );
    let sanitizer = if options.asan { "address" } else { "none" };
    toolchain
        .cargo(&["fuzz", "build", "-a", "-s", sanitizer])
        .run(
            "fuzz: build the targets (release, debug assertions on)",
            "read the compiler error above; the targets are in fuzz/fuzz_targets/",
        )?;
    let mut outcomes = Vec::new();
    for target in &options.targets {
        outcomes.push(run_target(
            &toolchain,
            &fuzz_dir,
            target,
            options.seconds,
            sanitizer,
        )?);
    }

    println!("\n==> fuzzing summary");
    println!(
        "    {:<16} {:>14} {:>10} {:>8} {:>8}",
        "target", "executions", "exec/s", "crashes", "seconds"
    );
    for o in &outcomes {
        let crashes = o.artifacts.len().max(usize::from(o.failed));
        println!(
            "    {:<16} {:>14} {:>10} {:>8} {:>8}",
            o.target,
            thousands(o.stats.executions as f64),
            thousands(o.stats.exec_per_second as f64),
            crashes,
            o.stats.seconds
        );
    }
    let crashed: Vec<&Outcome> = outcomes.iter().filter(|o| o.failed).collect();
    if crashed.is_empty() {
        return Ok(());
    }
    let mut message = String::from("fuzzing found crashes:\n");
    for o in crashed {
        if o.artifacts.is_empty() {
            message.push_str(&format!(
                "  {}: libFuzzer failed without leaving an input; read its output above\n",
                o.target
            ));
        }
        for a in &o.artifacts {
            message.push_str(&format!(
                "  {}: {}\n    replay:  {}\n    input:   {}\n",
                o.target,
                a.display(),
                toolchain.shown(&format!(
                    "cargo {}fuzz run -a -s {sanitizer} {} {}",
                    toolchain.plus(),
                    o.target,
                    a.display()
                )),
                toolchain.shown(&format!(
                    "cargo {}fuzz fmt {} {}",
                    toolchain.plus(),
                    o.target,
                    a.display()
                )),
            ));
        }
    }
    message.push_str(
        "fix the model (the panic message above says what failed), replay the input to check, \
         and add it to a test in crates/model/tests/hostile_links.rs or hostile_files.rs",
    );
    Err(message)
}

fn parse(args: &[String]) -> Result<Options, String> {
    const USAGE: &str = "usage: cargo xtask fuzz --seconds N [--target NAME] [--asan]";
    let mut seconds = None;
    let mut targets = TARGETS.to_vec();
    let mut asan = false;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--seconds" => {
                let v = it.next().ok_or(USAGE)?;
                let n: u32 =
                    v.parse().ok().filter(|&n| n > 0).ok_or_else(|| {
                        format!("--seconds wants a whole number above 0, not {v:?}")
                    })?;
                seconds = Some(n);
            }
            "--target" => {
                let v = it.next().ok_or(USAGE)?;
                let t = TARGETS.iter().find(|t| **t == v.as_str()).ok_or_else(|| {
                    format!("unknown target {v:?}; one of {}", TARGETS.join(", "))
                })?;
                targets = vec![*t];
            }
            "--asan" => asan = true,
            other => return Err(format!("unknown argument {other:?}\n{USAGE}")),
        }
    }
    Ok(Options {
        seconds: seconds.ok_or(USAGE)?,
        targets,
        asan,
    })
}

/// Files in `dir` (none if it does not exist).
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    out.sort();
    out
}

fn run_target(
    toolchain: &Toolchain,
    fuzz_dir: &Path,
    target: &'static str,
    seconds: u32,
    sanitizer: &str,
) -> Result<Outcome, String> {
    let corpus = fuzz_dir.join("corpus").join(target);
    std::fs::create_dir_all(&corpus)
        .map_err(|e| format!("fuzz: cannot create {}: {e}", corpus.display()))?;
    let artifacts_dir = fuzz_dir.join("artifacts").join(target);
    let before = files(&artifacts_dir);

    let corpus_arg = corpus.display().to_string();
    let seeds = fuzz_dir.join("seeds").join(target);
    let seeds_arg = seeds.display().to_string();
    let dict = fuzz_dir.join("dict").join(format!("{target}.dict"));
    let dict_arg = format!("-dict={}", dict.display());
    let time_arg = format!("-max_total_time={seconds}");
    let timeout_arg = format!("-timeout={INPUT_TIMEOUT_SECONDS}");
    let mut args = vec!["fuzz", "run", "-a", "-s", sanitizer, target, &corpus_arg];
    if seeds.is_dir() {
        // A second corpus folder is read, never written: new inputs go to the first.
        args.push(&seeds_arg);
    }
    args.extend(["--", &time_arg, &timeout_arg, "-print_final_stats=1"]);
    if dict.is_file() {
        args.push(&dict_arg);
    }
    let (command, shown) = toolchain.command(&args);
    let (ok, output, fuzzing) = run_capturing_stderr(
        command,
        &shown,
        &format!("fuzz: {target} for {seconds} s"),
        progress_line,
    )?;
    let mut stats = parse_stats(&output);
    if !ok {
        // A crash ends the run without libFuzzer's totals: time it from the fuzzer's start.
        stats.seconds = fuzzing.as_secs();
        stats.exec_per_second = stats.executions / stats.seconds.max(1);
    }
    let artifacts: Vec<PathBuf> = files(&artifacts_dir)
        .into_iter()
        .filter(|f| !before.contains(f))
        .collect();
    if !ok {
        // The report: from the panic (or libFuzzer's error) to cargo-fuzz's advice.
        let lines: Vec<&str> = output.lines().collect();
        let from = lines
            .iter()
            .position(|l| l.contains("panicked at") || l.contains("ERROR: libFuzzer"))
            .unwrap_or(lines.len().saturating_sub(40));
        eprintln!("\n    --- {target}'s report ---");
        for line in lines[from..]
            .iter()
            .take_while(|l| !l.contains("Reproduce with"))
            .take(60)
        {
            eprintln!("    {line}");
        }
    }
    Ok(Outcome {
        target,
        stats,
        failed: !ok || !artifacts.is_empty(),
        artifacts,
    })
}

/// Runs `command` keeping its stderr (where libFuzzer reports), showing the lines `show`
/// accepts; returns (success, stderr, time since the fuzzer itself started: cargo-fuzz's
/// `Running` line, after any build).
fn run_capturing_stderr(
    mut command: Command,
    shown: &str,
    what: &str,
    show: fn(&str) -> bool,
) -> Result<(bool, String, Duration), String> {
    println!("\n==> {what}\n    $ {shown}");
    let mut child = command
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("step '{what}' could not start `{shown}`: {e}"))?;
    let mut kept = String::new();
    let mut started = Instant::now();
    if let Some(err) = child.stderr.take() {
        let mut stdout = std::io::stdout();
        for line in BufReader::new(err).lines().map_while(Result::ok) {
            if line.trim_start().starts_with("Running `") {
                started = Instant::now();
            }
            if show(&line) {
                let _ = writeln!(stdout, "    {line}");
            }
            kept.push_str(&line);
            kept.push('\n');
        }
    }
    let status = child
        .wait()
        .map_err(|e| format!("step '{what}': waiting for `{shown}` failed: {e}"))?;
    Ok((status.success(), kept, started.elapsed()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn options_need_seconds_and_take_one_known_target() {
        assert_eq!(
            parse(&args(&["--seconds", "200"])),
            Ok(Options {
                seconds: 200,
                targets: TARGETS.to_vec(),
                asan: false
            })
        );
        assert_eq!(
            parse(&args(&["--target", "model", "--seconds", "5", "--asan"])),
            Ok(Options {
                seconds: 5,
                targets: vec!["model"],
                asan: true
            })
        );
        assert!(parse(&args(&[])).is_err());
        assert!(parse(&args(&["--seconds", "0"])).is_err());
        assert!(parse(&args(&["--seconds", "ten"])).is_err());
        assert!(parse(&args(&["--seconds", "5", "--target", "nope"])).is_err());
        assert!(parse(&args(&["--seconds", "5", "--jobs", "2"])).is_err());
    }

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(0.0), "0");
        assert_eq!(thousands(999.0), "999");
        assert_eq!(thousands(1_000.0), "1,000");
        assert_eq!(thousands(1_234_567.0), "1,234,567");
    }
}
