//! A scenario: everything the projection needs, as one serde value.
//!
//! Units are in the field names. Defaults come from `shared/DOMAIN.md` (snapshot of 12 January
//! 2026); where DOMAIN.md gives no figure, the default is an assumption said so on the field.
//!
//! # Usage
//! ```
//! use hashpivot_model::Scenario;
//! let s = Scenario::default();
//! s.validate().unwrap();
//! assert_eq!(s.strategies.len(), 3); // pure miner, full pivot, hybrid
//! ```
//!
//! # See also
//! [`crate::validate`] for the accepted ranges, [`crate::projection`] for what is computed,
//! [`crate::query`] for the share-link form.

use serde::{Deserialize, Serialize};

use crate::calendar::YearMonth;
pub use crate::contract::{Colocation, Contract, GpuCloud, Source, Terms};
use crate::Network;

mod market;
pub use market::{Market, NetworkMode, NetworkPath};
mod fleet;
pub use fleet::{AsicResale, Fleet, FleetPurchase, RESALE_TIER_EDGES_J_TH, TH_PER_EH};

/// Everything the model needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Scenario {
    /// Format version of this structure, for saved files and imports.
    pub version: u32,
    /// First month of the projection.
    pub start: YearMonth,
    /// Months projected, 1 to 180.
    pub horizon_months: u32,
    /// Network at the start.
    pub network: Network,
    /// How price, network hashrate and fees move in the deterministic run.
    pub market: Market,
    /// The mining fleet.
    pub fleet: Fleet,
    /// The site's power.
    pub site: Site,
    /// Strategies compared on the same site, 1 to 6.
    pub strategies: Vec<Strategy>,
    /// Discount rate and debt.
    pub financing: Financing,
    /// BTC held and the sell policy.
    pub treasury: Treasury,
    /// Monte Carlo settings.
    pub monte_carlo: MonteCarlo,
}

/// The format version this build writes.
pub const SCENARIO_VERSION: u32 = 2;

/// The site's grid connection.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Site {
    /// Power capacity at the meter, MW, when the user sets it. `None` (the default): the site is
    /// sized to the fleet's facility power ([`Scenario::site_mw`]), 210 MW for the default
    /// fleet (10 EH/s x 17.5 J/TH x PUE 1.2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capacity_mw: Option<f64>,
    /// Power price, USD/MWh. Default 40: top of Riot's 2.6-4.2 cents/kWh in 2025 (DOMAIN.md).
    pub power_usd_mwh: f64,
    /// PUE of AI/HPC halls. Default 1.18: Applied Digital's design (DOMAIN.md).
    pub hpc_pue: f64,
}

impl Default for Site {
    fn default() -> Self {
        Site {
            capacity_mw: None,
            power_usd_mwh: 40.0,
            hpc_pue: 1.18,
        }
    }
}

/// One way to use the site: mining plus any AI/HPC contracts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Strategy {
    /// Short stable id, e.g. `pure`.
    pub id: String,
    /// Name shown to users.
    pub name: String,
    /// AI/HPC contracts. Their megawatts leave mining when conversion starts.
    pub contracts: Vec<Contract>,
    /// One-off BTC sales from the treasury (Cango sold 4,451 BTC).
    pub btc_sales: Vec<BtcSale>,
    /// Machines bought (fleet growth), each optionally retiring part of the original fleet
    /// (an efficiency upgrade).
    pub fleet_purchases: Vec<FleetPurchase>,
}

impl Default for Strategy {
    fn default() -> Self {
        Strategy {
            id: "pure".into(),
            name: "Pure mining".into(),
            contracts: Vec::new(),
            btc_sales: Vec::new(),
            fleet_purchases: Vec::new(),
        }
    }
}

/// A sale of treasury BTC in a given month.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BtcSale {
    /// Months after the start (0 = first month).
    pub month: u32,
    /// BTC sold.
    pub btc: f64,
}

/// Discounting, debt, and how each strategy pays for what its cash flow does not.
///
/// Every strategy starts from the same cash and may use the same financing: they are
/// alternatives for one company. Capex draws on cash first, then on the credit facility up to
/// its limit, then on new equity up to its limit; a month whose cash is still below zero is a
/// funding gap ([`crate::projection::Summary::funding_gap_month`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Financing {
    /// Discount rate for NPV, % a year. Default 12 (assumption).
    pub discount_rate_pct_year: f64,
    /// Debt outstanding at the start.
    pub debt: Vec<Debt>,
    /// Cash on hand at the start, USD. Default $100M (assumption: the order of a mid-sized
    /// listed miner's cash; set your own).
    pub cash_usd: f64,
    /// Credit facility the strategy may draw when cash runs out, USD; excess cash repays it.
    /// Default 0 (assumption: none arranged, so a pivot's capex shows as a funding gap until
    /// the user says how it is financed).
    pub credit_limit_usd: f64,
    /// Interest on the drawn facility, % a year. Default 9 (assumption: about the 7-8% coupons
    /// of 2025 miners' secured notes plus fees).
    pub credit_rate_pct_year: f64,
    /// New equity the strategy may raise when cash and credit run out, USD. Default 0.
    pub equity_limit_usd: f64,
    /// Price of new shares, USD. Default $10 (assumption).
    pub share_price_usd: f64,
    /// Shares outstanding at the start, millions; with the shares issued gives the dilution.
    /// Default 300 (assumption).
    pub shares_outstanding_m: f64,
}

impl Default for Financing {
    fn default() -> Self {
        Financing {
            discount_rate_pct_year: 12.0,
            debt: Vec::new(),
            cash_usd: 100_000_000.0,
            credit_limit_usd: 0.0,
            credit_rate_pct_year: 9.0,
            equity_limit_usd: 0.0,
            share_price_usd: 10.0,
            shares_outstanding_m: 300.0,
        }
    }
}

/// A bond or loan: zero-coupon convertibles have `coupon_annual` 0.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Debt {
    /// Name shown to users.
    pub name: String,
    /// Principal, USD.
    pub principal_usd: f64,
    /// Annual coupon (0.08 = 8%).
    pub coupon_annual: f64,
    /// Months from the start to maturity; interest runs until then.
    pub maturity_months: u32,
}

/// BTC on the balance sheet.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Treasury {
    /// BTC held at the start.
    pub btc_held: f64,
    /// Share of each month's production sold, % (0 = hold everything).
    pub sell_pct: f64,
}

impl Default for Treasury {
    fn default() -> Self {
        Treasury {
            btc_held: 0.0,
            sell_pct: 100.0,
        }
    }
}

/// Monte Carlo settings.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MonteCarlo {
    /// Simulated paths.
    pub paths: u32,
    /// Seed: the same seed gives the same result, natively and in the browser.
    pub seed: u64,
    /// BTC price drift, % a year (geometric Brownian motion), when the user sets it. `None` (the
    /// default): the deterministic run's BTC growth ([`Market::btc_growth_pct_year`]), so the
    /// paths are spread around the same trend ([`Scenario::mc_drift_pct_year`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub btc_drift_pct_year: Option<f64>,
    /// BTC price volatility, % a year. Default 50 (assumption, near realised 2024-25).
    pub btc_volatility_pct_year: f64,
    /// Volatility of network hashrate growth, % a year, on top of its path (the economic
    /// path of each price path, or the fixed trend). Default 15 (assumption).
    pub hashrate_volatility_pct_year: f64,
    /// Fixed network mode only: how strongly hashrate growth follows the BTC price's log
    /// return, % (100 = one for one). Default 50 (assumption). In economic mode hashrate
    /// follows each path's price through its break-even level instead.
    pub hashrate_follows_price_pct: f64,
    /// Fixed network mode only: months by which hashrate follows price. Default 3
    /// (assumption). In economic mode the lag is [`NetworkPath::lag_months`].
    pub hashrate_lag_months: u32,
}

impl Default for MonteCarlo {
    fn default() -> Self {
        MonteCarlo {
            paths: 2_000,
            seed: 42,
            btc_drift_pct_year: None,
            btc_volatility_pct_year: 50.0,
            hashrate_volatility_pct_year: 15.0,
            hashrate_follows_price_pct: 50.0,
            hashrate_lag_months: 3,
        }
    }
}

impl Scenario {
    /// The site's capacity at the meter, MW: the one set, else the fleet's facility power
    /// (within the accepted range of [`crate::bounds::SITE_MW`]).
    pub fn site_mw(&self) -> f64 {
        self.site.capacity_mw.unwrap_or_else(|| {
            let b = crate::bounds::SITE_MW;
            self.fleet.facility_mw().clamp(b.min, b.max)
        })
    }

    /// Height of the start month's first block (see [`Network::height_at`]).
    pub fn start_height(&self) -> u64 {
        self.network.height_at(self.start)
    }

    /// Sizes every contract that takes a share of the site to the site in force
    /// ([`Contract::size_to`]), so its MW (and GPUs) follow the fleet and the site.
    pub fn size_contracts(&mut self) {
        let (site, pue) = (self.site_mw(), self.site.hpc_pue);
        for c in self
            .strategies
            .iter_mut()
            .flat_map(|s| s.contracts.iter_mut())
        {
            c.size_to(site, pue);
        }
    }

    /// Index of the pure-mining strategy, the one pivots are measured against: the first
    /// strategy without AI/HPC contracts, else the first.
    pub fn pure_index(&self) -> usize {
        self.strategies
            .iter()
            .position(|st| st.contracts.is_empty())
            .unwrap_or(0)
    }

    /// The Monte Carlo's BTC drift, % a year: the one set, else the deterministic BTC growth.
    pub fn mc_drift_pct_year(&self) -> f64 {
        self.monte_carlo
            .btc_drift_pct_year
            .unwrap_or(self.market.btc_growth_pct_year)
    }
}

impl Default for Scenario {
    /// The January 2026 snapshot with three strategies on a 210 MW site: pure mining; a full
    /// pivot (the whole site converted to a colocation lease); a hybrid (about half).
    fn default() -> Self {
        let site = Site::default();
        let mut s = Scenario {
            version: SCENARIO_VERSION,
            start: YearMonth {
                year: 2026,
                month: 1,
            },
            horizon_months: 60,
            network: Network::default(),
            market: Market::default(),
            fleet: Fleet::default(),
            site,
            strategies: vec![
                Strategy::default(),
                Strategy {
                    id: "pivot".into(),
                    name: "Full pivot to colocation".into(),
                    // The whole site: 210 MW at the meter / HPC PUE 1.18 = 178 MW of critical IT
                    // for the default fleet; it follows the site.
                    contracts: vec![Contract::colocation_share("Colocation, whole site", 1.0)],
                    btc_sales: Vec::new(),
                    fleet_purchases: Vec::new(),
                },
                Strategy {
                    id: "hybrid".into(),
                    name: "Hybrid: half colocation".into(),
                    contracts: vec![Contract::colocation_share("Colocation, half the site", 0.5)],
                    btc_sales: Vec::new(),
                    fleet_purchases: Vec::new(),
                },
            ],
            financing: Financing::default(),
            treasury: Treasury::default(),
            monte_carlo: MonteCarlo::default(),
        };
        s.size_contracts();
        s
    }
}
