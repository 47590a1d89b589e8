//! `hashpivot`: the model on the command line.
//!
//! ```text
//! hashpivot simulate --query 'btc=91000&diff=152&fees=0.02' --format json
//! hashpivot presets
//! hashpivot query --preset cipher-aws
//! hashpivot hashprice --btc 91000 --diff 152 --fees 0.02 --format json
//! ```
//! Bad input exits with code 2 and the model's messages on stderr: every problem of the input,
//! one a line, each naming the field, the value and the allowed range.

mod simulate;

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use hashpivot_model::{format, Network, ValidationErrors};

#[derive(Parser)]
#[command(
    name = "hashpivot",
    version,
    about = "Should a Bitcoin miner keep hashing or lease its megawatts to AI/HPC?"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Project every strategy of the scenario in a share-link query string.
    Simulate {
        /// The scenario as a query string, e.g. 'btc=91000&diff=152&fees=0.02' (see the
        /// share-link keys in the model's `query` docs). Empty: the defaults.
        #[arg(long, default_value = "", allow_hyphen_values = true)]
        query: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Table::Json)]
        format: Table,
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
        Command::Simulate { query, format } => match simulate::run(&query, format) {
            Ok(text) => emit(&text),
            Err(e) => refuse(&e.to_string()),
        },
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
        } => match network_from(btc, diff, fees, height) {
            Ok(n) => emit(&format!("{}\n", render(&n, format))),
            Err(e) => refuse(&e.to_string()),
        },
    }
}

/// Writes every line of `problems` to stderr after `hashpivot: ` and exits 2 (bad input).
fn refuse(problems: &str) -> ExitCode {
    for line in problems.lines() {
        eprintln!("hashpivot: {line}");
    }
    ExitCode::from(2)
}

/// Writes `text` to stdout. A reader that stops early (`| head`) is not an error.
fn emit(text: &str) -> ExitCode {
    use std::io::Write;
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("hashpivot: could not write the output: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The network from the flags, read through the share-link decoder (the same keys, ranges
/// and messages as `simulate --query`).
fn network_from(
    btc: Option<String>,
    diff: Option<String>,
    fees: Option<String>,
    height: Option<String>,
) -> Result<Network, ValidationErrors> {
    let mut query = form_urlencoded::Serializer::new(String::new());
    for (key, value) in [
        ("btc", btc),
        ("diff", diff),
        ("fees", fees),
        ("height", height),
    ] {
        if let Some(v) = value {
            query.append_pair(key, &v);
        }
    }
    hashpivot_model::query::decode_strict(&query.finish()).map(|s| s.network)
}

fn render(n: &Network, fmt: Format) -> String {
    match fmt {
        Format::Json => serde_json::json!({
            "btc_price_usd": n.btc_price_usd,
            "difficulty_t": n.difficulty_t,
            "fees_btc_per_block": n.fees_btc_per_block,
            "height": n.height,
            "network_hashrate_eh_s": n.hashrate_eh_s(),
            "hashprice_usd_per_ph_day": n.hashprice_usd_per_ph_day(),
            "hashprice_sats_per_th_day": n.hashprice_sats_per_th_day(),
        })
        .to_string(),
        Format::Text => format!(
            "Hashprice: {} USD/PH/day ({} sats/TH/day)\nNetwork hashrate: {} EH/s at {} T difficulty\nBTC price: {}, fees {} BTC per block, height {}",
            format::fixed(n.hashprice_usd_per_ph_day(), 2),
            format::fixed(n.hashprice_sats_per_th_day(), 2),
            format::fixed(n.hashrate_eh_s(), 1),
            format::plain(n.difficulty_t),
            format::usd_compact(n.btc_price_usd),
            format::plain(n.fees_btc_per_block),
            format::plain(n.height as f64),
        ),
    }
}
