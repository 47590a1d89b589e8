//! The catalogue of inputs the page shows: groups as a CFO thinks of them, and for every input a
//! one-line explanation and where its default comes from.
//!
//! Ranges, labels and units are the model's ([`hashpivot_model::query::bound`]); this file adds
//! only the words around them, so a new input is one line here plus its key in the model.
//!
//! # Usage
//! ```
//! use hashpivot::inputs::{self, GROUPS};
//! assert_eq!(GROUPS[0].title, "Market");
//! assert!(inputs::info("btc").is_some());
//! ```
//!
//! # See also
//! [`crate::components::NumberInput`], which renders one entry; [`crate::components::contracts`]
//! for contract terms, which live inside each strategy.

/// One input: its share-link key, what it means, and the source of its default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Info {
    /// Share-link key, e.g. `btc`.
    pub key: &'static str,
    /// One line on what the input means.
    pub help: &'static str,
    /// Where the default comes from.
    pub source: &'static str,
}

/// A titled group of inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Group {
    /// Stable id, for test hooks and anchors.
    pub id: &'static str,
    /// Heading shown to users.
    pub title: &'static str,
    /// The inputs, in display order.
    pub inputs: &'static [Info],
    /// Open when the page loads.
    pub open: bool,
}

const fn i(key: &'static str, help: &'static str, source: &'static str) -> Info {
    Info { key, help, source }
}

const SNAPSHOT: &str = "Hashrate Index weekly roundup, 12 Jan 2026.";
const ASSUMED: &str = "Assumption; change it to your own.";

/// Every group, in display order. Contract terms are edited inside each strategy.
pub const GROUPS: [Group; 6] = [
    Group {
        id: "market",
        title: "Market",
        open: true,
        inputs: &[
            i("btc", "Spot price of one bitcoin.", "About $91,132 on 12 Jan 2026 (Hashrate Index weekly roundup)."),
            i("fees", "Average transaction fees a block pays on top of the subsidy.", "About 0.017 BTC per block, 0.55% of rewards, Jan 2026 (Hashrate Index)."),
            i("btc_growth", "Yearly BTC price trend in the deterministic projection, compounded monthly.", "0: flat price. An assumption, not a forecast."),
            i("fees_growth", "Monthly growth of fees per block.", "0: flat fees. Assumption."),
        ],
    },
    Group {
        id: "network",
        title: "Network",
        open: false,
        inputs: &[
            i("diff", "Network difficulty; network hashrate = difficulty x 2^32 / 600 s.", "About 146.5 T after the 8 Jan 2026 adjustment at block 931,392 (Hashrate Index)."),
            i("diff_growth", "Monthly growth of difficulty, compounded; it cuts every miner's share of the blocks.", "2.5%: difficulty rose about 35% in 2025, 1.35^(1/12) - 1 = 2.53% a month (Hashrate Index)."),
            i("height", "Block height at the start; sets the subsidy and when the next halving comes.", "Block 931,392, the 8 Jan 2026 adjustment (Hashrate Index)."),
        ],
    },
    Group {
        id: "fleet",
        title: "Fleet",
        open: false,
        inputs: &[
            i("fleet", "Hashrate of the miner's own machines.", "10 EH/s: a mid-sized listed miner. Assumption."),
            i("eff", "Energy per terahash; lower is better. Sets how many MW the fleet draws.", "17.5 J/TH: Antminer S21 (Bitmain specifications)."),
            i("uptime", "Share of hours the machines hash.", ASSUMED),
            i("poolfee", "Fee the mining pool keeps (FPPS pools charge about 1-2.5%).", "1.5%. Assumption."),
            i("curtail", "Share of running hours given back to the grid.", "0%. Assumption."),
            i("opex", "Cash opex other than energy (staff, maintenance, site) at full fleet.", "$1.5M a month, about $5 per PH/s per day at 10 EH/s. Assumption."),
            i("asic_value", "Book value of the machines, depreciated straight-line.", "$150M: 10 EH/s at about $15 per TH/s. Assumption."),
            i("asic_life", "Months over which the machines are depreciated.", "36 months. Assumption."),
        ],
    },
    Group {
        id: "power",
        title: "Power",
        open: true,
        inputs: &[
            i("site_mw", "Grid connection at the meter, shared by mining and AI/HPC.", "210 MW: the default fleet at PUE 1.2."),
            i("power", "All-in price of electricity.", "$40/MWh: top of Riot's 2.6-4.2 cents/kWh in 2025 (Riot filings)."),
            i("pue", "Power at the meter per unit of IT power in mining halls.", "1.2: low end of air-cooled mining, 1.20-1.50 (industry reports)."),
            i("hpc_pue", "Power at the meter per unit of IT power in AI/HPC halls.", "1.18: Applied Digital's Polaris Forge design."),
            i("dr", "Credit paid for each curtailed MWh (demand response).", "$0/MWh. Assumption."),
        ],
    },
    Group {
        id: "financing",
        title: "Financing and treasury",
        open: false,
        inputs: &[
            i("discount", "Yearly rate at which future cash is discounted for NPV.", "12% a year. Assumption."),
            i("btc_held", "Bitcoin on the balance sheet at the start.", "0 BTC. Company presets set their own."),
            i("sell", "Share of each month's production sold; the rest is held.", "100%: sell everything. Assumption."),
        ],
    },
    Group {
        id: "simulation",
        title: "Simulation",
        open: false,
        inputs: &[
            i("horizon", "Months projected. There is no terminal value after the last one.", "60 months. Assumption."),
            i("paths", "Random price and hashrate paths in the Monte Carlo.", "2,000 paths. More is smoother and slower."),
            i("btc_vol", "Yearly volatility of the BTC price in the Monte Carlo.", "50%: near realised 2024-25. Assumption."),
            i("btc_drift", "Yearly drift of the BTC price in the Monte Carlo.", "0%. Assumption."),
            i("hr_vol", "Yearly volatility of network hashrate growth around its trend.", "15%. Assumption."),
            i("hr_follow", "How strongly hashrate follows the BTC price (100% = one for one).", "50%. Assumption."),
            i("hr_lag", "Months before hashrate reacts to the price.", "3 months: machines take months to order and plug in. Assumption."),
        ],
    },
];

/// The entry for `key`, if the page shows it.
pub fn info(key: &str) -> Option<Info> {
    GROUPS
        .iter()
        .flat_map(|g| g.inputs.iter())
        .find(|i| i.key == key)
        .copied()
}

/// The source of the network snapshot the defaults come from.
pub const SNAPSHOT_SOURCE: &str = SNAPSHOT;

#[cfg(test)]
mod tests {
    use super::*;
    use hashpivot_model::query;

    #[test]
    fn every_input_is_a_model_key_shown_once() {
        let mut seen = std::collections::HashSet::new();
        for info in GROUPS.iter().flat_map(|g| g.inputs.iter()) {
            assert!(
                query::bound(info.key).is_some(),
                "{} is not a model key",
                info.key
            );
            assert!(seen.insert(info.key), "{} is shown twice", info.key);
            assert!(
                !info.help.is_empty() && !info.source.is_empty(),
                "{}",
                info.key
            );
        }
    }
}
