//! `hashpivot`: the model on the command line, on the app's share-link inputs, so analysts can
//! script what the page runs.
//!
//! ```text
//! hashpivot simulate --query 'btc=91000&diff=152&fees=0.02' --format json
//! hashpivot montecarlo --query 'preset=cipher-aws&paths=5000&seed=7'
//! hashpivot tornado --query 'power=45' --strategy pivot
//! hashpivot map --query 'horizon=180' --size 32
//! hashpivot presets
//! hashpivot query --preset cipher-aws
//! hashpivot hashprice --btc 91000 --diff 152 --fees 0.02 --format json
//! ```
//!
//! - `simulate`: every strategy's projection (JSON, or CSV with a row per strategy-month).
//! - `montecarlo`: paths, months, and per strategy the NPV mean and P5 to P95, the share of
//!   paths beating the first strategy (`p_beat_pure`) and the cumulative-FCF bands.
//! - `tornado`: per strategy, the base NPV and one bar per key input (low and high values, NPV
//!   at each), largest swing first.
//! - `map`: the decision map's BTC and power prices, the winning strategy id per cell and the
//!   line where the second strategy ties the first (`--size`, default 64 as on the page).
//!
//! Every JSON output has a top-level `warnings` array; each warning is also written to stderr as
//! `hashpivot: warning: ...`. Bad input exits with code 2 and the model's messages on stderr:
//! every problem of the input, one a line, each naming the field, the value and the allowed
//! range.

mod hashprice;
mod map;
mod montecarlo;
mod report;
mod simulate;
mod tornado;

use std::io::Write;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use report::{Failure, Report};

/// The share-link query help shared by the commands that take one.
const QUERY_HELP: &str = "The scenario as a query string, e.g. 'btc=91000&diff=152&fees=0.02' \
(the share-link keys are listed in the model's `query` docs). Empty: the defaults";

#[derive(Parser)]
#[command(
    name = "hashpivot",
    version,
    about = "Should a Bitcoin miner keep hashing or lease its megawatts to AI/HPC?",
    after_help = "Examples:
  hashpivot simulate --query 'btc=91000&diff=152&fees=0.02'
  hashpivot montecarlo --query 'preset=cipher-aws&paths=5000&seed=7'
  hashpivot tornado --query 'power=45' --strategy pivot
  hashpivot map --query 'horizon=180' --size 32

JSON outputs carry a top-level \"warnings\" array; each warning is also printed to stderr as
`hashpivot: warning: ...`. Bad input exits 2 with every problem on stderr, one a line."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Project every strategy of the scenario in a share-link query string.
    Simulate {
        #[arg(long, default_value = "", allow_hyphen_values = true, help = QUERY_HELP)]
        query: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Table::Json)]
        format: Table,
    },
    /// Run the page's Monte Carlo and print its distributions as JSON.
    ///
    /// The scenario's paths, seed, drift and volatilities (keys `paths`, `seed`, `btc_drift`,
    /// `btc_vol`, `hr_vol`, `hr_follow`, `hr_lag`) as on the page. JSON: `paths`, `months`, and
    /// per strategy `id`, `name`, `npv_mean_usd`, `npv_percentiles_usd` (p5, p25, p50, p75,
    /// p95), `p_beat_pure` (share of paths whose NPV beats the first strategy's; null for the
    /// first) and `bands` (cumulative FCF per month, p5 to p95, USD); `warnings`.
    Montecarlo {
        #[arg(long, default_value = "", allow_hyphen_values = true, help = QUERY_HELP)]
        query: String,
    },
    /// Print the page's tornado (NPV with each key input moved down and up) as JSON.
    ///
    /// Per strategy: `id`, `name`, `base_npv_usd` and `bars`, largest swing first, each with
    /// `key`, `label`, `unit`, `low_value`, `high_value`, `npv_low_usd`, `npv_high_usd` and
    /// `swing_usd`; then `warnings`.
    Tornado {
        #[arg(long, default_value = "", allow_hyphen_values = true, help = QUERY_HELP)]
        query: String,
        /// Only the strategy with this id (e.g. `pivot`); default: every strategy.
        #[arg(long)]
        strategy: Option<String>,
    },
    /// Print the page's decision map (the best strategy over BTC and power prices) as JSON.
    ///
    /// `size`, `btc_prices_usd` (columns), `power_prices_usd_mwh` (rows), `strategies` (id and
    /// name), `winners[row][column]` (the id with the highest NPV), `tie_between` (the first
    /// two strategies) and `tie_line` (points where their NPVs are equal); `warnings`.
    Map {
        #[arg(long, default_value = "", allow_hyphen_values = true, help = QUERY_HELP)]
        query: String,
        /// Cells a side, 2 to 512 (default: 64, as on the page).
        #[arg(long, allow_hyphen_values = true)]
        size: Option<String>,
    },
    /// List the presets with their sources.
    Presets,
    /// Print the query string of a preset.
    Query {
        /// Preset id (see `hashpivot presets`).
        #[arg(long)]
        preset: String,
    },
    /// Hashprice and network hashrate for a BTC price, difficulty and fees.
    Hashprice {
        /// BTC price, USD (default: the January 2026 snapshot).
        #[arg(long, allow_hyphen_values = true)]
        btc: Option<String>,
        /// Difficulty, T.
        #[arg(long, allow_hyphen_values = true)]
        diff: Option<String>,
        /// Fees, BTC per block.
        #[arg(long, allow_hyphen_values = true)]
        fees: Option<String>,
        /// Block height (sets the subsidy era).
        #[arg(long, allow_hyphen_values = true)]
        height: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Table {
    Json,
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Simulate { query, format } => finish(simulate::run(&query, format)),
        Command::Montecarlo { query } => finish(montecarlo::run(&query)),
        Command::Tornado { query, strategy } => finish(tornado::run(&query, strategy.as_deref())),
        Command::Map { query, size } => finish(map::run(&query, size.as_deref())),
        Command::Presets => emit(&simulate::presets_table()),
        Command::Query { preset } => match hashpivot_model::presets::scenario(&preset) {
            Some(s) => emit(&format!(
                "{}\n",
                hashpivot_model::query::encode_from(&s, Some(&preset))
            )),
            None => {
                eprintln!(
                    "hashpivot: Preset (preset): {preset:?} is not allowed; expected one of {}",
                    hashpivot_model::presets::ids().join(", ")
                );
                ExitCode::from(2)
            }
        },
        Command::Hashprice {
            btc,
            diff,
            fees,
            height,
            format,
        } => finish(hashprice::run(
            hashprice::Flags {
                btc,
                diff,
                fees,
                height,
            },
            format,
        )),
    }
}

/// Prints a command's result: its warnings to stderr and its text to stdout; or every problem
/// of its input, one a line, and exit 2.
fn finish(result: Result<Report, Failure>) -> ExitCode {
    print(
        result,
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    )
}

/// [`finish`] on any two writers. A failed write to `err` is ignored (there is nowhere left to
/// report it); see [`emit`] for `out`.
fn print(result: Result<Report, Failure>, out: &mut impl Write, err: &mut impl Write) -> ExitCode {
    match result {
        Ok(report) => {
            for w in &report.warnings {
                let _ = writeln!(err, "hashpivot: warning: {w}");
            }
            emit_to(out, err, &report.text)
        }
        Err(Failure::Input(problems)) => {
            for e in &problems {
                let _ = writeln!(err, "hashpivot: {e}");
            }
            ExitCode::from(2)
        }
        Err(Failure::Output(message)) => {
            let _ = writeln!(err, "hashpivot: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Writes `text` to stdout. A reader that stops early (`| head`) is not an error.
fn emit(text: &str) -> ExitCode {
    emit_to(
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
        text,
    )
}

fn emit_to(out: &mut impl Write, err: &mut impl Write, text: &str) -> ExitCode {
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(err, "hashpivot: could not write the output: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn printed(result: Result<Report, Failure>) -> (ExitCode, String, String) {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = print(result, &mut out, &mut err);
        let text = |b: Vec<u8>| String::from_utf8_lossy(&b).into_owned();
        (code, text(out), text(err))
    }

    #[test]
    fn warnings_go_to_stderr_one_a_line_and_none_print_nothing() {
        let report = |warnings: Vec<hashpivot_model::Warning>| Report {
            text: "{}\n".into(),
            warnings,
        };
        let w = |field: &str, message: &str| hashpivot_model::Warning {
            field: field.into(),
            message: message.into(),
        };
        let (code, out, err) = printed(Ok(report(vec![w("fleet", "a"), w("site_mw", "b c")])));
        assert_eq!(code, ExitCode::SUCCESS);
        assert_eq!(out, "{}\n");
        assert_eq!(
            err,
            "hashpivot: warning: a (fleet)\nhashpivot: warning: b c (site_mw)\n"
        );
        let (_, out, err) = printed(Ok(report(Vec::new())));
        assert_eq!((out.as_str(), err.as_str()), ("{}\n", ""));
    }

    #[test]
    fn problems_go_to_stderr_one_a_line_with_exit_2() {
        let Err(problems) = hashpivot_model::query::decode_strict("uptime=150&foo=1") else {
            panic!("two problems expected");
        };
        let (code, out, err) = printed(Err(problems.into()));
        assert_eq!(code, ExitCode::from(2));
        assert!(out.is_empty());
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines.len(), 2, "{err}");
        assert!(lines[0].starts_with("hashpivot: ") && lines[0].contains("(uptime)"));
        assert!(lines[1].starts_with("hashpivot: ") && lines[1].contains("(foo)"));
    }
}
