//! `cargo xtask test`: every layer CI runs, a summary table, and the closing line
//! `N passed, N failed` (tests counted one by one, other checks as one each).

use std::time::Instant;

use crate::size;
use crate::tools::{Needs, Tools, CHROMEDRIVER, CHROMIUM};

/// Crates that compile to wasm32 (the app and the pure crates it uses).
const WASM_PACKAGES: [&str; 6] = [
    "-p",
    "hashpivot",
    "-p",
    "hashpivot-model",
    "-p",
    "hashpivot-charts",
];

/// The outcome of one layer.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Outcome {
    /// Passed and failed counts (a check counts as one).
    Ran { passed: u32, failed: u32 },
    /// Not run, and why.
    Skipped(String),
}

struct Layer {
    name: &'static str,
    outcome: Outcome,
    seconds: f64,
}

/// Runs every layer; fails if any layer failed or was skipped.
pub fn run() -> Result<(), String> {
    let started = Instant::now();
    let tools = Tools::ensure(Needs::ALL)?;
    let mut layers: Vec<Layer> = Vec::new();
    let mut layer = |name: &'static str, f: &mut dyn FnMut() -> Outcome| {
        let t = Instant::now();
        let outcome = f();
        layers.push(Layer {
            name,
            outcome,
            seconds: t.elapsed().as_secs_f64(),
        });
        layers.last().map(|l| l.outcome.clone())
    };

    layer("fmt", &mut || {
        check(
            tools
                .command("cargo", &["fmt", "--all", "--check"])
                .run("fmt check", "run `cargo fmt --all` and commit the result"),
        )
    });
    layer("clippy (native)", &mut || {
        check(
            tools
                .command(
                    "cargo",
                    &[
                        "clippy",
                        "--workspace",
                        "--all-targets",
                        "--",
                        "-D",
                        "warnings",
                    ],
                )
                .run("clippy, native", "fix the warnings above"),
        )
    });
    layer("clippy (wasm32)", &mut || {
        let mut args = vec![
            "clippy",
            "--target",
            "wasm32-unknown-unknown",
            "--all-targets",
        ];
        args.extend(WASM_PACKAGES);
        // The export worker is wasm-only glue around native-tested code: linted, no wasm tests.
        args.extend(["-p", "hashpivot-worker"]);
        args.extend(["--", "-D", "warnings"]);
        check(
            tools
                .command("cargo", &args)
                .run("clippy, wasm32", "fix the warnings above"),
        )
    });
    layer("native tests", &mut || {
        counted(
            tools
                .command("cargo", &["test", "--workspace"])
                .run_capturing("native tests (cargo test --workspace)"),
            cargo_counts,
        )
    });
    layer("wasm tests (headless Chromium)", &mut || {
        let mut args = vec!["test", "--target", "wasm32-unknown-unknown"];
        args.extend(WASM_PACKAGES);
        args.extend(["--test", "web"]);
        counted(
            tools
                .command("cargo", &args)
                .env("CHROMEDRIVER", CHROMEDRIVER)
                .env("WASM_BINDGEN_TEST_TIMEOUT", "120")
                .run_capturing("wasm tests in headless Chromium (wasm-bindgen-test)"),
            cargo_counts,
        )
    });
    let built = layer("release build", &mut || check(crate::build_release(&tools)));
    let built = matches!(built, Some(Outcome::Ran { failed: 0, .. }));
    layer("browser tests (Playwright, Chromium)", &mut || {
        if !built {
            return Outcome::Skipped("the release build failed".into());
        }
        // The browser tests compare the page with the CLI on the same link.
        let cli = tools
            .command("cargo", &["build", "-p", "hashpivot-cli"])
            .run(
                "build the CLI for the browser tests",
                "read the build error above",
            );
        if cli.is_err() {
            return check(cli);
        }
        counted(
            tools
                .command(
                    "node",
                    &[
                        "--test",
                        "--test-reporter=tap",
                        "--test-concurrency=1",
                        "tests/e2e/",
                    ],
                )
                .env("HASHPIVOT_DIST", crate::cmd::repo_root().join("dist"))
                .env("HASHPIVOT_CHROMIUM", CHROMIUM)
                .env("HASHPIVOT_CLI", cli_path())
                .run_capturing("browser tests against the release build"),
            tap_counts,
        )
    });
    layer("size budget", &mut || {
        if !built {
            return Outcome::Skipped("the release build failed".into());
        }
        match size::check(&crate::cmd::repo_root().join("dist")) {
            Ok(report) => {
                println!("{report}");
                Outcome::Ran {
                    passed: 1,
                    failed: 0,
                }
            }
            Err(report) => {
                eprintln!("{report}");
                Outcome::Ran {
                    passed: 0,
                    failed: 1,
                }
            }
        }
    });

    let (mut passed, mut failed) = (0, 0);
    println!(
        "\n==> summary ({:.0} s in all)",
        started.elapsed().as_secs_f64()
    );
    for l in &layers {
        let shown = match &l.outcome {
            Outcome::Ran {
                passed: p,
                failed: 0,
            } => format!("ok      {p} passed"),
            Outcome::Ran {
                passed: p,
                failed: f,
            } => format!("FAILED  {p} passed, {f} failed"),
            Outcome::Skipped(why) => format!("SKIPPED {why}"),
        };
        println!("  {:<40} {:>6.1} s  {shown}", l.name, l.seconds);
        match l.outcome {
            Outcome::Ran {
                passed: p,
                failed: f,
            } => {
                passed += p;
                failed += f;
            }
            Outcome::Skipped(_) => failed += 1,
        }
    }
    println!("{passed} passed, {failed} failed");
    if failed == 0 {
        Ok(())
    } else {
        Err(format!("{failed} failed; see the layers marked above"))
    }
}

/// A check counts as one passed or one failed.
fn check(result: Result<(), String>) -> Outcome {
    match result {
        Ok(()) => Outcome::Ran {
            passed: 1,
            failed: 0,
        },
        Err(e) => {
            eprintln!("{e}");
            Outcome::Ran {
                passed: 0,
                failed: 1,
            }
        }
    }
}

/// A test layer counts its tests; a run that fails without a failing test (a build error, a
/// crashed runner) or that ran no test at all counts one failure more.
fn counted(result: Result<(bool, String), String>, parse: fn(&str) -> (u32, u32)) -> Outcome {
    match result {
        Ok((success, out)) => {
            let (passed, failed) = parse(&out);
            let broken = (!success && failed == 0) || passed + failed == 0;
            Outcome::Ran {
                passed,
                failed: failed + u32::from(broken),
            }
        }
        Err(e) => {
            eprintln!("{e}");
            Outcome::Ran {
                passed: 0,
                failed: 1,
            }
        }
    }
}

/// Sums `test result: ok. N passed; M failed; ...` lines of cargo test and wasm-bindgen-test.
fn cargo_counts(out: &str) -> (u32, u32) {
    out.lines()
        .filter_map(|l| l.trim().strip_prefix("test result: "))
        .fold((0, 0), |(p, f), rest| {
            (
                p + number_before(rest, " passed"),
                f + number_before(rest, " failed"),
            )
        })
}

/// Reads node's TAP summary lines `# pass N` and `# fail N`.
fn tap_counts(out: &str) -> (u32, u32) {
    let last = |key: &str| {
        out.lines()
            .filter_map(|l| l.trim().strip_prefix(key))
            .filter_map(|n| n.trim().parse().ok())
            .next_back()
            .unwrap_or(0)
    };
    (last("# pass "), last("# fail "))
}

/// The number just before `label` in `text` (`"3 passed"` -> 3), or 0.
fn number_before(text: &str, label: &str) -> u32 {
    text.find(label)
        .and_then(|end| text[..end].rsplit([' ', '.', ';']).next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// The debug CLI binary `cargo build -p hashpivot-cli` writes.
fn cli_path() -> std::path::PathBuf {
    crate::cmd::target_dir()
        .join("debug")
        .join(format!("hashpivot{}", std::env::consts::EXE_SUFFIX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cargo_counts_sums_every_result_line() {
        let out = "running 2 tests\ntest result: ok. 2 passed; 0 failed; 0 ignored\n\
                   test result: FAILED. 5 passed; 3 failed; 1 ignored; 0 measured\n";
        assert_eq!(cargo_counts(out), (7, 3));
        assert_eq!(cargo_counts("no results here"), (0, 0));
    }

    #[test]
    fn tap_counts_reads_the_last_summary() {
        let out = "ok 1 - a\n# tests 4\n# pass 3\n# fail 1\n";
        assert_eq!(tap_counts(out), (3, 1));
    }

    #[test]
    fn a_run_that_fails_without_a_failed_test_counts_a_failure() {
        let broken = counted(Ok((false, String::new())), cargo_counts);
        assert_eq!(
            broken,
            Outcome::Ran {
                passed: 0,
                failed: 1
            }
        );
        let empty = counted(Ok((true, String::new())), cargo_counts);
        assert_eq!(
            empty,
            Outcome::Ran {
                passed: 0,
                failed: 1
            }
        );
        let fine = counted(
            Ok((true, "test result: ok. 4 passed; 0 failed".into())),
            cargo_counts,
        );
        assert_eq!(
            fine,
            Outcome::Ran {
                passed: 4,
                failed: 0
            }
        );
    }
}
