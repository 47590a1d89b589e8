//! `hashpivot hashprice`: hashprice and network hashrate for a BTC price, difficulty and fees.

use hashpivot_model::Warning;
use hashpivot_model::{format, Network};
use serde::Serialize;

use crate::report::{self, Failure, Report};
use crate::Format;

/// The JSON output.
#[derive(Serialize)]
struct Json<'a> {
    btc_price_usd: f64,
    difficulty_t: f64,
    fees_btc_per_block: f64,
    height: u64,
    network_hashrate_eh_s: f64,
    hashprice_usd_per_ph_day: f64,
    hashprice_sats_per_th_day: f64,
    warnings: &'a [Warning],
}

/// The flags as given (`None`: the January 2026 snapshot's value).
pub struct Flags {
    /// BTC price, USD.
    pub btc: Option<String>,
    /// Difficulty, T.
    pub diff: Option<String>,
    /// Fees, BTC per block.
    pub fees: Option<String>,
    /// Start block height.
    pub height: Option<String>,
}

/// The network of the flags, read through the share-link decoder (the same keys, ranges and
/// messages as `simulate --query`), as text or JSON.
pub fn run(flags: Flags, fmt: Format) -> Result<Report, Failure> {
    let mut query = form_urlencoded::Serializer::new(String::new());
    for (key, value) in [
        ("btc", flags.btc),
        ("diff", flags.diff),
        ("fees", flags.fees),
        ("height", flags.height),
    ] {
        if let Some(v) = value {
            query.append_pair(key, &v);
        }
    }
    let scenario = report::scenario(&query.finish())?;
    let warnings = report::warnings(&scenario);
    let n = &scenario.network;
    let text = match fmt {
        // One line, as before `warnings` was added.
        Format::Json => report::json_line(&Json {
            btc_price_usd: n.btc_price_usd,
            difficulty_t: n.difficulty_t,
            fees_btc_per_block: n.fees_btc_per_block,
            height: n.height_or_snapshot(),
            network_hashrate_eh_s: n.hashrate_eh_s(),
            hashprice_usd_per_ph_day: n.hashprice_usd_per_ph_day(),
            hashprice_sats_per_th_day: n.hashprice_sats_per_th_day(),
            warnings: &warnings,
        })?,
        Format::Text => format!("{}\n", text(n)),
    };
    Ok(Report { text, warnings })
}

fn text(n: &Network) -> String {
    format!(
        "Hashprice: {} USD/PH/day ({} sats/TH/day)\nNetwork hashrate: {} EH/s at {} T difficulty\nBTC price: {}, fees {} BTC per block, height {}",
        format::fixed(n.hashprice_usd_per_ph_day(), 2),
        format::fixed(n.hashprice_sats_per_th_day(), 2),
        format::fixed(n.hashrate_eh_s(), 1),
        format::plain(n.difficulty_t),
        format::usd_compact(n.btc_price_usd),
        format::plain(n.fees_btc_per_block),
        format::plain(n.height_or_snapshot() as f64),
    )
}
