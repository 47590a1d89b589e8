//! Developer commands for Hashpivot, run as `cargo xtask <command>`.
//!
//! - `serve`: install what is missing, build, serve on http://127.0.0.1:8080 (live reload).
//! - `test`: every check CI runs; ends with `N passed, N failed`.
//! - `dist`: release build into `dist/`.
//! - `bench`: performance figures against their goals, into `bench/results.json` and `RESULTS.md`.
//! - `size`: release build, then the first-load size table against the budget.
//! - `setup`: only install the tools.
//! - `fuzz`: the model's fuzz targets for a set time each (not part of `test`).
//!
//! Each step prints its name; a failing step says which it was and what to do.

mod bench;
mod cmd;
mod fuzz;
mod size;
mod test;
mod tools;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <serve | test | dist | size | bench | setup | fuzz>
  serve   install missing tools, build and serve the app on http://127.0.0.1:8080
  test    fmt, clippy, native + wasm tests, release build, browser tests, size budget
  dist    release build into dist/
  size    release build, then the first-load brotli bytes against the budget
  bench   kernels natively and in wasm, page latency, long tasks, bytes, Lighthouse (bench/)
  setup   install the tools only (wasm32 target, trunk, wasm-bindgen, wasm-opt, chromium, node)
  fuzz    --seconds N [--target NAME] [--asan]: the model's fuzz targets (fuzz/), N s each";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(),
        Some("test") => test::run(),
        Some("dist") => dist(),
        Some("size") => dist().and_then(|()| {
            size::check(&cmd::repo_root().join("dist")).map(|table| println!("{table}"))
        }),
        Some("bench") => bench::run(),
        Some("setup") => tools::Tools::ensure(tools::Needs::ALL).map(|_| ()),
        Some("fuzz") => fuzz::run(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        other => Err(format!(
            "unknown command {:?}\n{USAGE}",
            other.unwrap_or("(none)")
        )),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn serve() -> Result<(), String> {
    let tools = tools::Tools::ensure(tools::Needs::BUILD)?;
    println!("\n==> serving Hashpivot on http://127.0.0.1:8080 (Ctrl-C to stop)");
    tools
        .command(
            "trunk",
            &["serve", "--address", "127.0.0.1", "--port", "8080"],
        )
        .run(
            "trunk serve",
            "read the build error above; `cargo xtask test` runs every check",
        )
}

fn dist() -> Result<(), String> {
    let tools = tools::Tools::ensure(tools::Needs::BUILD)?;
    build_release(&tools)?;
    println!("release build in dist/");
    Ok(())
}

/// `trunk build --release` into `dist/`.
pub(crate) fn build_release(tools: &tools::Tools) -> Result<(), String> {
    tools.command("trunk", &["build", "--release"]).run(
        "release build (trunk build --release)",
        "read the build error above",
    )
}
