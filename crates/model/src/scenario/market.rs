//! How the market moves in the deterministic run: BTC price, fees, and the network's hashrate
//! (by its economics, or at a fixed growth).
//!
//! # Usage
//! ```
//! use hashpivot_model::scenario::{Market, NetworkMode};
//! let m = Market::default();
//! assert_eq!(m.network.mode, NetworkMode::Economic);
//! assert_eq!(m.network.marginal_efficiency_j_th, 30.0);
//! ```
//!
//! # See also
//! [`crate::network::path`] for the equations of the economic path.

use serde::{Deserialize, Serialize};

/// Deterministic paths of price, difficulty and fees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Market {
    /// BTC price growth, % a year (10 = +10%/yr), compounded monthly. Default 0: flat.
    pub btc_growth_pct_year: f64,
    /// Difficulty growth, % a month, compounded; used only when [`NetworkPath::mode`] is
    /// [`NetworkMode::Fixed`]. Default 2.5: difficulty rose about 35% in 2025 (DOMAIN.md),
    /// i.e. 1.35^(1/12) - 1 = 2.53% a month.
    pub difficulty_growth_pct_month: f64,
    /// Fee growth, % a month, compounded. Default 0.
    pub fees_growth_pct_month: f64,
    /// How network hashrate moves. Missing from files saved before it existed: the default
    /// (economic), unless the file's difficulty growth differs from its default
    /// ([`crate::import`] keeps such a file's fixed growth).
    pub network: NetworkPath,
}

impl Default for Market {
    fn default() -> Self {
        Market {
            btc_growth_pct_year: 0.0,
            difficulty_growth_pct_month: 2.5,
            fees_growth_pct_month: 0.0,
            network: NetworkPath::default(),
        }
    }
}

/// What drives network hashrate month by month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NetworkMode {
    /// Hashrate moves toward the level at which the network's marginal machines just cover
    /// their energy (the default; see [`crate::network::path`]).
    #[default]
    Economic,
    /// Hashrate compounds at [`Market::difficulty_growth_pct_month`] whatever the price does.
    Fixed,
}

impl NetworkMode {
    /// The share-link spelling: `economic` or `fixed`.
    pub fn as_str(self) -> &'static str {
        match self {
            NetworkMode::Economic => "economic",
            NetworkMode::Fixed => "fixed",
        }
    }
}

impl std::str::FromStr for NetworkMode {
    type Err = ();

    /// Reads `economic` or `fixed` (any case, blanks around ignored).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.trim().to_ascii_lowercase().as_str() {
            "economic" => Ok(NetworkMode::Economic),
            "fixed" => Ok(NetworkMode::Fixed),
            _ => Err(()),
        }
    }
}

/// The network's hashrate path and, in economic mode, its marginal machines.
///
/// In economic mode the network moves each month toward its break-even hashrate
///
/// ```text
/// H*(m) = 144 x (subsidy + fees per block)(m) x BTC price(m)
///         / (0.024 x marginal J/TH(m) x USD/MWh)        [PH/s; / 1,000 for EH/s]
/// marginal J/TH(m) = net_eff x (1 - net_eff_gain / 100)^(m / 12)
/// ```
///
/// falling to it within the month when above it and closing the gap with a lag of `net_lag`
/// months when below it ([`crate::network::path`] has the rule and why it is asymmetric).
///
/// Calibration (Hashrate Index weekly roundup, 12 January 2026, in DOMAIN.md): fleets of 25 to
/// 38 J/TH earned about $51 per MWh at a $39.53 hashprice, so the network's marginal tier is
/// about 30 J/TH paying about $50/MWh: a marginal cost of 0.024 x 30 x 50 = $36 per PH/s per
/// day, and a break-even network of about 1,145 EH/s at the snapshot's price, 9% above its
/// 1,049 EH/s.
///
/// With BTC flat for ten years (`horizon=120`, `tests/network.rs`) the network stays between
/// 0.38x and 1.15x today's 1,052 EH/s: it grows toward its break-even level as the marginal
/// machine improves (1,213 EH/s in March 2028), drops with each halving (649 EH/s in May 2028,
/// 403 in May 2032) and ends at 461 EH/s in December 2035; a network that kept growing at 2.5%
/// a month (fixed mode) would have a hashprice of $4.49 per PH/s per day in January 2031, a
/// sixth of its marginal machines' power cost. Hashprice stays at or up to 25%
/// above the marginal cost ($36 today, $21.6 in 2035), so the default 17.5 J/TH fleet at PUE
/// 1.2 and $40/MWh (which needs $20.47) mines in every month.
///
/// Backtest (`tests/network.rs`): from the 147.8 EH/s of January 2021, with monthly BTC prices
/// and fees and the April 2024 halving, the defaults carried back five years give 1,064 EH/s
/// in January 2026 against 1,049 measured (3.34% a month against 3.32%), and 819 EH/s in
/// January 2025 against 791. They miss 2021: 491 EH/s in January 2022 against 191, because
/// China's mining ban halved the network that summer and new machines were sold out, which
/// the economics does not know.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct NetworkPath {
    /// Economic (default) or fixed growth. Share-link key `network`.
    pub mode: NetworkMode,
    /// Efficiency of the network's marginal machines at the start, J/TH at the meter (cooling
    /// and losses included). Default 30: the 25-38 J/TH tier of Hashrate Index (12 January
    /// 2026) is the one that about breaks even. Key `net_eff`.
    pub marginal_efficiency_j_th: f64,
    /// Power price the network's marginal machines pay, USD/MWh. Default 50: that tier earned
    /// about $51 per MWh (Hashrate Index, 12 January 2026). Key `net_power`.
    pub power_usd_mwh: f64,
    /// How fast the marginal machine's J/TH falls, % a year. Default 5 (assumption): the
    /// marginal tier is machines two or three generations old, which improves much more
    /// slowly than the newest models (Antminer S19 XP 21.5 J/TH to S21 XP 13.5 J/TH, about
    /// 18% a year from 2022 to 2024); 5% reproduces the 2021-2025 growth (above), and with
    /// BTC flat keeps the marginal cost above $21.6 per PH/s per day through 2035. At the
    /// newest models' pace (15-18% a year) hashprice with BTC flat would fall to $6-8 by
    /// 2035, and a 17.5 J/TH fleet at PUE 1.2 and $40/MWh would be off from 2029-2030. Key
    /// `net_eff_gain`.
    pub efficiency_gain_pct_year: f64,
    /// Time constant of new capacity, months: when the network is below its break-even level,
    /// each month closes `1 - exp(-1 / lag)` of the gap in logs (0 closes it at once).
    /// Default 12 (assumption: machine orders and site builds take months; with 12 the
    /// backtest above ends within 4% of the measured network). Key `net_lag`.
    pub lag_months: u32,
}

impl Default for NetworkPath {
    fn default() -> Self {
        NetworkPath {
            mode: NetworkMode::Economic,
            marginal_efficiency_j_th: 30.0,
            power_usd_mwh: 50.0,
            efficiency_gain_pct_year: 5.0,
            lag_months: 12,
        }
    }
}

impl NetworkPath {
    /// Marginal cost of the network at the start, USD per PH/s per day:
    /// `0.024 x J/TH x USD/MWh` (1 PH/s at 1 J/TH draws 1 kW, 24 kWh a day).
    pub fn marginal_cost_usd_per_ph_day(&self) -> f64 {
        0.024 * self.marginal_efficiency_j_th * self.power_usd_mwh
    }
}
