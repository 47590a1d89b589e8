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

use crate::cmd::{repo_root, Step};

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

/// How one target's run went.
#[derive(Debug, Default, PartialEq)]
struct Stats {
    executions: u64,
    exec_per_second: u64,
    seconds: u64,
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
            thousands(o.stats.executions),
            thousands(o.stats.exec_per_second),
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
         and add it to a test in crates/model/tests/hostile.rs",
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

/// The compiler cargo-fuzz runs on.
enum Toolchain {
    Nightly,
    /// Stable with `RUSTC_BOOTSTRAP=1`.
    Bootstrapped,
}

impl Toolchain {
    fn find() -> Toolchain {
        let list = Command::new("rustup")
            .args(["toolchain", "list"])
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
            .unwrap_or_default();
        if list.lines().any(|l| l.starts_with("nightly")) {
            Toolchain::Nightly
        } else {
            Toolchain::Bootstrapped
        }
    }

    fn describe(&self) -> &'static str {
        match self {
            Toolchain::Nightly => "the nightly toolchain",
            Toolchain::Bootstrapped => "the stable toolchain and RUSTC_BOOTSTRAP=1 (no nightly)",
        }
    }

    fn plus(&self) -> &'static str {
        match self {
            Toolchain::Nightly => "+nightly ",
            Toolchain::Bootstrapped => "",
        }
    }

    /// A command line as the user would type it (from the repository root).
    fn shown(&self, command: &str) -> String {
        match self {
            Toolchain::Nightly => command.to_owned(),
            Toolchain::Bootstrapped => format!("RUSTC_BOOTSTRAP=1 {command}"),
        }
    }

    /// `cargo [+nightly] args...`.
    fn args<'a>(&self, args: &[&'a str]) -> Vec<&'a str> {
        let mut all: Vec<&str> = Vec::with_capacity(args.len() + 1);
        if let Toolchain::Nightly = self {
            all.push("+nightly");
        }
        all.extend_from_slice(args);
        all
    }

    /// `cargo [+nightly] args...` as a step at the repository root.
    fn cargo(&self, args: &[&str]) -> Step {
        let step = Step::new("cargo", &self.args(args), &search_path());
        match self {
            Toolchain::Nightly => step,
            Toolchain::Bootstrapped => step.env("RUSTC_BOOTSTRAP", "1"),
        }
    }

    /// The same as a plain command (to read its stderr), and how it is shown.
    fn command(&self, args: &[&str]) -> (Command, String) {
        let all = self.args(args);
        let mut command = Command::new("cargo");
        command
            .args(&all)
            .env("PATH", search_path())
            .current_dir(repo_root());
        if let Toolchain::Bootstrapped = self {
            command.env("RUSTC_BOOTSTRAP", "1");
        }
        let shown = self.shown(&format!("cargo {}", all.join(" ")));
        (command, shown)
    }
}

/// Installs cargo-fuzz unless `cargo fuzz` answers.
fn ensure_cargo_fuzz() -> Result<(), String> {
    let path = search_path();
    if Step::new("cargo", &["fuzz", "--version"], &path)
        .probe()
        .is_some()
    {
        return Ok(());
    }
    let locked = Step::new("cargo", &["install", "cargo-fuzz", "--locked"], &path).run(
        "fuzz: install cargo-fuzz (a few minutes, once per machine)",
        "trying again without --locked",
    );
    match locked {
        Ok(()) => Ok(()),
        Err(e) => {
            eprintln!("{e}");
            Step::new("cargo", &["install", "cargo-fuzz"], &path).run(
                "fuzz: install cargo-fuzz without --locked",
                "check that crates.io is reachable and that a C++ compiler (g++) is installed",
            )
        }
    }
}

/// Cargo's bin folder first (where `cargo install` puts cargo-fuzz), then the inherited PATH.
fn search_path() -> std::ffi::OsString {
    let home = std::env::var_os("HOME").map_or_else(|| PathBuf::from("/root"), PathBuf::from);
    let bin = std::env::var_os("CARGO_HOME")
        .map_or_else(|| home.join(".cargo"), PathBuf::from)
        .join("bin");
    let inherited = std::env::var_os("PATH").unwrap_or_default();
    let all = std::iter::once(bin).chain(std::env::split_paths(&inherited));
    std::env::join_paths(all).unwrap_or(inherited)
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

/// libFuzzer's lines worth showing live: its periodic `pulse`, the end, and any trouble (its
/// `NEW` and `REDUCE` lines, many a second, and its suggested dictionary are only kept).
fn progress_line(line: &str) -> bool {
    let event = line.split_whitespace().nth(1).unwrap_or_default();
    !(event == "NEW"
        || event == "REDUCE"
        || line.starts_with("INFO:")
        || line.contains("# Uses: ")
        || line.contains("recommended dictionary"))
}

/// Executions, exec/s and seconds from libFuzzer's final report: `stat::` lines (with
/// `-print_final_stats=1`), `#N DONE ... exec/s: M`, `Done N runs in S second(s)`, or at least
/// the last `#N` status line.
fn parse_stats(output: &str) -> Stats {
    let mut s = Stats::default();
    for line in output.lines() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("stat::number_of_executed_units:") {
            s.executions = rest.trim().parse().unwrap_or(s.executions);
        } else if let Some(rest) = line.strip_prefix("stat::average_exec_per_sec:") {
            s.exec_per_second = rest.trim().parse().unwrap_or(s.exec_per_second);
        } else if let Some(rest) = line.strip_prefix("Done ") {
            // `Done 146406 runs in 16 second(s)`
            let words: Vec<&str> = rest.split_whitespace().collect();
            if let (Some(n), Some(secs)) = (words.first(), words.get(3)) {
                s.executions = n.parse().unwrap_or(s.executions);
                s.seconds = secs.parse().unwrap_or(s.seconds);
            }
        } else if let Some(rest) = line.strip_prefix('#') {
            // `#146406  DONE   cov: 987 ... exec/s: 9150 rss: 31Mb` or a `pulse` line.
            let mut words = rest.split_whitespace();
            if let Some(n) = words.next().and_then(|n| n.parse::<u64>().ok()) {
                s.executions = s.executions.max(n);
            }
            if let Some(at) = line.find("exec/s: ") {
                if let Some(v) = line[at + 8..]
                    .split_whitespace()
                    .next()
                    .and_then(|v| v.parse().ok())
                {
                    s.exec_per_second = v;
                }
            }
        }
    }
    s
}

/// `1234567` as `1,234,567`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
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
    fn final_stats_are_read_from_libfuzzer_output() {
        let out = "#2048\tpulse  cov: 1148 ft: 1475 corp: 75/274b lim: 6 exec/s: 120 rss: 470Mb\n\
                   #146406\tDONE   cov: 987 ft: 3066 corp: 705/34Kb lim: 210 exec/s: 9150 rss: 31Mb\n\
                   Done 146406 runs in 16 second(s)\n\
                   stat::number_of_executed_units: 146406\n\
                   stat::average_exec_per_sec:     9150\n";
        assert_eq!(
            parse_stats(out),
            Stats {
                executions: 146_406,
                exec_per_second: 9_150,
                seconds: 16
            }
        );
    }

    #[test]
    fn a_crashed_run_still_counts_its_executions() {
        let out = "#1024\tpulse  cov: 10 ft: 11 corp: 5/20b lim: 4 exec/s: 512 rss: 30Mb\n\
                   #1500\tNEW    cov: 12 ft: 13 corp: 6/24b lim: 4 exec/s: 500 rss: 30Mb L: 4/4\n\
                   ==1== ERROR: libFuzzer: deadly signal\n";
        let s = parse_stats(out);
        assert_eq!((s.executions, s.exec_per_second), (1_500, 500));
    }

    #[test]
    fn only_pulses_the_end_and_trouble_are_shown_live() {
        assert!(progress_line(
            "#2048\tpulse  cov: 1148 ft: 1475 exec/s: 120 rss: 470Mb"
        ));
        assert!(progress_line(
            "#146406\tDONE   cov: 987 ft: 3066 exec/s: 9150 rss: 31Mb"
        ));
        assert!(progress_line(
            "thread '<unnamed>' panicked at fuzz_targets/model.rs:9:5:"
        ));
        assert!(!progress_line(
            "#1839\tNEW    cov: 1144 ft: 1461 corp: 69/245b lim: 6"
        ));
        assert!(!progress_line(
            "#1832\tREDUCE cov: 1144 ft: 1460 corp: 68/240b lim: 6"
        ));
        assert!(!progress_line("\"poolfee\" # Uses: 14"));
    }

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
