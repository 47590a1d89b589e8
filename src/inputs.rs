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
    /// One line on what the input means (English: the page shows `t(help)`).
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

use crate::i18n::n_;

const fn i(key: &'static str, help: &'static str, source: &'static str) -> Info {
    Info { key, help, source }
}

const SNAPSHOT: &str = "Hashrate Index weekly roundup, 12 Jan 2026.";
const ASSUMED: &str = n_("Assumption; change it to your own.");

/// Every group, in display order. Contract terms are edited inside each strategy.
pub const GROUPS: [Group; 6] = [
    Group {
        id: "market",
        title: n_("Market"),
        open: true,
        inputs: &[
            i("btc", n_("Spot price of one bitcoin."), n_("About $91,132 on 12 Jan 2026 (Hashrate Index weekly roundup).")),
            i("fees", n_("Average transaction fees a block pays on top of the subsidy."), n_("About 0.017 BTC per block, 0.55% of rewards, Jan 2026 (Hashrate Index).")),
            i("btc_growth", n_("Yearly BTC price trend in the deterministic projection, compounded monthly."), n_("0: flat price. An assumption, not a forecast.")),
            i("fees_growth", n_("Monthly growth of fees per block."), n_("0: flat fees. Assumption.")),
        ],
    },
    Group {
        id: "network",
        title: n_("Network"),
        open: false,
        inputs: &[
            i("diff", n_("Network difficulty; network hashrate = difficulty x 2^32 / 600 s."), n_("About 146.5 T after the 8 Jan 2026 adjustment at block 931,392 (Hashrate Index).")),
            i("net_eff", n_("Efficiency of the network's marginal machines, at the meter."), n_("30 J/TH: the 25-38 J/TH tier earned $51/MWh, Jan 2026 (Hashrate Index).")),
            i("net_power", n_("Power price those marginal machines pay."), n_("$50/MWh: that tier's break-even, Jan 2026 (Hashrate Index).")),
            i("net_eff_gain", n_("Yearly efficiency gain of the marginal machine."), n_("5% a year. Assumption.")),
            i("net_lag", n_("Months for new machines to arrive when mining pays; losers stop at once."), n_("12 months: fits 2021-2025 growth. Assumption.")),
            i("diff_growth", n_("Monthly growth of difficulty when the network is fixed (network=fixed)."), n_("2.5%: difficulty rose about 35% in 2025, 1.35^(1/12) - 1 = 2.53% a month (Hashrate Index).")),
            i("height", n_("Block height at the start; sets the subsidy and when the next halving comes."), n_("Follows the start month: block 931,392 on 8 Jan 2026, plus 144 a day.")),
        ],
    },
    Group {
        id: "fleet",
        title: n_("Fleet"),
        open: false,
        inputs: &[
            i("fleet", n_("Hashrate of the miner's own machines."), n_("10 EH/s: a mid-sized listed miner. Assumption.")),
            i("eff", n_("Energy per terahash; lower is better. Sets how many MW the fleet draws."), n_("17.5 J/TH: Antminer S21 (Bitmain specifications).")),
            i("uptime", n_("Share of hours the machines hash."), ASSUMED),
            i("poolfee", n_("Fee the mining pool keeps (FPPS pools charge about 1-2.5%)."), n_("1.5%. Assumption.")),
            i("curtail", n_("Share of running hours given back to the grid."), n_("0%. Assumption.")),
            i("opex_eh", n_("Cash opex other than energy, per EH/s held."), n_("$150,000 per EH/s a month. Assumption.")),
            i("asic_th", n_("Book value per TH/s, depreciated straight-line."), n_("$15 per TH/s. Assumption.")),
            i("asic_life", n_("Months over which the machines are depreciated."), n_("36 months. Assumption.")),
        ],
    },
    Group {
        id: "power",
        title: n_("Power"),
        open: true,
        inputs: &[
            i("site_mw", n_("Grid connection at the meter, shared by mining and AI/HPC."), n_("The fleet's power when not set: 210 MW by default.")),
            i("power", n_("All-in price of electricity."), n_("$40/MWh: top of Riot's 2.6-4.2 cents/kWh in 2025 (Riot filings).")),
            i("pue", n_("Power at the meter per unit of IT power in mining halls."), n_("1.2: low end of air-cooled mining, 1.20-1.50 (industry reports).")),
            i("hpc_pue", n_("Power at the meter per unit of IT power in AI/HPC halls."), n_("1.18: Applied Digital's Polaris Forge design.")),
            i("dr", n_("Credit paid for each curtailed MWh (demand response)."), n_("$0/MWh. Assumption.")),
        ],
    },
    Group {
        id: "financing",
        title: n_("Financing and treasury"),
        open: false,
        inputs: &[
            i("discount", n_("Yearly rate at which future cash is discounted for NPV."), n_("12% a year. Assumption.")),
            i("btc_held", n_("Bitcoin on the balance sheet at the start."), n_("0 BTC. Company presets set their own.")),
            i("sell", n_("Share of each month's production sold; the rest is held."), n_("100%: sell everything. Assumption.")),
            i("cash", n_("Cash at the start; capex draws on it first."), n_("$100M. Assumption.")),
            i("credit", n_("Drawn when cash runs out; excess cash repays it."), n_("0: none arranged. Assumption.")),
            i("credit_rate", n_("Yearly interest on what is drawn."), n_("9% a year. Assumption.")),
            i("equity", n_("New shares sold when cash and credit run out."), n_("0: no new shares.")),
        ],
    },
    Group {
        id: "simulation",
        title: n_("Simulation"),
        open: false,
        inputs: &[
            i("horizon", n_("Months projected. There is no terminal value after the last one."), n_("60 months. Assumption.")),
            i("paths", n_("Random price and hashrate paths in the Monte Carlo."), n_("2,000 paths. More is smoother and slower.")),
            i("btc_vol", n_("Yearly volatility of the BTC price in the Monte Carlo."), n_("50%: near realised 2024-25. Assumption.")),
            i("btc_drift", n_("Yearly drift of the BTC price in the Monte Carlo."), n_("The deterministic BTC growth, unless set.")),
            i("hr_vol", n_("Yearly volatility of network hashrate growth around its trend."), n_("15%. Assumption.")),
            i("hr_follow", n_("How strongly hashrate follows the BTC price (100% = one for one)."), n_("50%. Assumption.")),
            i("hr_lag", n_("Months before hashrate reacts to the price."), n_("3 months: machines take months to order and plug in. Assumption.")),
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
