//! `hashpivot`: the model on the command line.
//!
//! ```text
//! hashpivot hashprice --btc 91000 --diff 152 --fees 0.02 --format json
//! ```
//! Bad input exits with code 2 and the model's message (field, value, allowed range) on stderr.

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use hashpivot_model::bounds::{BTC_PRICE, DIFFICULTY, FEES, HEIGHT};
use hashpivot_model::{format, Network, ValidationError};

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
enum Format {
    Text,
    Json,
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Hashprice {
            btc,
            diff,
            fees,
            height,
            format,
        } => match network_from(btc, diff, fees, height) {
            Ok(n) => {
                println!("{}", render(&n, format));
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("hashpivot: {e}");
                ExitCode::from(2)
            }
        },
    }
}

fn network_from(
    btc: Option<String>,
    diff: Option<String>,
    fees: Option<String>,
    height: Option<String>,
) -> Result<Network, ValidationError> {
    let mut n = Network::default();
    if let Some(v) = btc {
        n.btc_price_usd = BTC_PRICE.parse(&v)?;
    }
    if let Some(v) = diff {
        n.difficulty_t = DIFFICULTY.parse(&v)?;
    }
    if let Some(v) = fees {
        n.fees_btc_per_block = FEES.parse(&v)?;
    }
    if let Some(v) = height {
        let h = HEIGHT.parse(&v)?;
        if h.fract() != 0.0 {
            return Err(ValidationError {
                field: HEIGHT.key.into(),
                label: HEIGHT.label.into(),
                value: v,
                allowed: format!("a whole {}", HEIGHT.allowed().trim_start_matches("a ")),
            });
        }
        n.height = h as u64;
    }
    n.validate()?;
    Ok(n)
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
