//! The mining fleet's inputs: the machines installed at the start, what they cost to run and
//! what they are worth, and the machines a strategy buys.
//!
//! Costs and values are per unit of hashrate (per EH/s, per TH/s), so they scale with the fleet:
//! a fleet of 1 EH/s and one of 50 EH/s have the same cost per BTC, all else equal.

use serde::{Deserialize, Serialize};

/// TH/s in one EH/s.
pub const TH_PER_EH: f64 = 1e6;

/// Efficiency tiers of the ASIC resale prices, J/TH: below the first edge, from the first to
/// the second, from the second up (Hashrate Index's tiers, `shared/DOMAIN.md`).
pub const RESALE_TIER_EDGES_J_TH: [f64; 2] = [19.0, 25.0];

/// The ASIC fleet.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Fleet {
    /// Installed hashrate, EH/s.
    pub hashrate_eh_s: f64,
    /// Efficiency, J/TH. Default 17.5: Antminer S21 (DOMAIN.md).
    pub efficiency_j_th: f64,
    /// Share of time the machines run, %. Default 95 (assumption).
    pub uptime_pct: f64,
    /// Share of running time curtailed for the grid, %. Default 0.
    pub curtailment_pct: f64,
    /// Pool fee, %. Default 1.5 (assumption; FPPS pools charge about 1-2.5%).
    pub pool_fee_pct: f64,
    /// PUE of the mining sites. Default 1.2: low end of air-cooled mining, 1.20-1.50 (DOMAIN.md).
    pub pue: f64,
    /// Other cash opex (staff, maintenance, site costs) per EH/s installed per month, USD,
    /// charged on every machine the miner holds (running, switched off or without power).
    /// Default $150,000 (assumption: about $5 per PH/s per day, $150,000 / 1,000 PH/s / 30.4
    /// days = $4.93; it was $1.5M a month for the default 10 EH/s).
    pub opex_usd_per_eh_month: f64,
    /// Share of that opex that stops for machines switched off or without power (power-related
    /// site costs, maintenance, part of the staff), %. Default 30 (assumption).
    pub opex_avoidable_pct: f64,
    /// Value of the original fleet's ASICs, USD per TH/s, depreciated straight-line over
    /// `asic_life_months`. Default $15 (assumption; it was $150M for the default 10 EH/s).
    pub asic_usd_per_th: f64,
    /// ASIC depreciation life, months. Default 36.
    pub asic_life_months: u32,
    /// What machines fetch when AI/HPC takes their megawatts and they are sold.
    pub asic_resale: AsicResale,
    /// Demand-response credit for curtailed hours, USD/MWh. Default 0.
    pub demand_response_usd_mwh: f64,
    /// Switch machines off, least efficient first, in a month whose mining revenue would not
    /// cover their energy and the avoidable share of their opex. Default yes, as miners do.
    pub shutdown_when_unprofitable: bool,
}

impl Default for Fleet {
    fn default() -> Self {
        Fleet {
            hashrate_eh_s: 10.0,
            efficiency_j_th: 17.5,
            uptime_pct: 95.0,
            curtailment_pct: 0.0,
            pool_fee_pct: 1.5,
            pue: 1.2,
            opex_usd_per_eh_month: 150_000.0,
            opex_avoidable_pct: 30.0,
            asic_usd_per_th: 15.0,
            asic_life_months: 36,
            asic_resale: AsicResale::default(),
            demand_response_usd_mwh: 0.0,
            shutdown_when_unprofitable: true,
        }
    }
}

impl Fleet {
    /// IT power of the whole fleet, MW: EH/s x J/TH (1 EH/s at 1 J/TH is 1 MW).
    pub fn it_mw(&self) -> f64 {
        self.hashrate_eh_s * self.efficiency_j_th
    }

    /// Power at the meter of the whole fleet, MW: IT power x PUE.
    pub fn facility_mw(&self) -> f64 {
        self.it_mw() * self.pue
    }

    /// Cash opex of the whole original fleet per month, USD: EH/s x USD per EH/s a month.
    pub fn opex_usd_per_month(&self) -> f64 {
        self.hashrate_eh_s * self.opex_usd_per_eh_month
    }

    /// Value of the original fleet's ASICs, USD: EH/s x 1,000,000 TH/s x USD per TH/s.
    pub fn asic_value_usd(&self) -> f64 {
        self.hashrate_eh_s * TH_PER_EH * self.asic_usd_per_th
    }
}

/// Resale prices of used ASICs by efficiency tier, USD per TH/s, as Hashrate Index's ASIC price
/// index quotes them. DOMAIN.md gives no figure: the defaults are assumptions, a little above
/// half of the book value of new machines for the efficient tier.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AsicResale {
    /// Machines below 19 J/TH (S21 class). Default $8 per TH/s (assumption).
    pub below_19_j_th: f64,
    /// Machines from 19 to 25 J/TH (S19 XP class). Default $4 per TH/s (assumption).
    pub from_19_to_25_j_th: f64,
    /// Machines at 25 J/TH and above (S19 class and older). Default $2 per TH/s (assumption).
    pub from_25_j_th: f64,
}

impl Default for AsicResale {
    fn default() -> Self {
        AsicResale {
            below_19_j_th: 8.0,
            from_19_to_25_j_th: 4.0,
            from_25_j_th: 2.0,
        }
    }
}

impl AsicResale {
    /// The resale price of machines of `j_th` J/TH, USD per TH/s: the price of their tier
    /// (19 J/TH is in the middle tier, 25 J/TH in the last).
    pub fn usd_per_th(&self, j_th: f64) -> f64 {
        let [low, high] = RESALE_TIER_EDGES_J_TH;
        if j_th < low {
            self.below_19_j_th
        } else if j_th < high {
            self.from_19_to_25_j_th
        } else {
            self.from_25_j_th
        }
    }
}

/// Machines bought in a given month.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FleetPurchase {
    /// Months after the start (0 = first month).
    pub month: u32,
    /// Hashrate bought, EH/s.
    pub eh_s: f64,
    /// Efficiency of the machines bought, J/TH.
    pub efficiency_j_th: f64,
    /// Price of the machines, USD per TH/s (capex, depreciated over the ASIC life).
    pub usd_per_th: f64,
    /// Hashrate of the original fleet retired in the same month, EH/s (0 for pure growth).
    pub retire_eh_s: f64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_scale_with_the_fleet() {
        // 10 EH/s x $150,000 = $1.5M a month; 10 x 1,000,000 TH/s x $15 = $150M.
        let f = Fleet::default();
        assert_eq!(f.opex_usd_per_month(), 1_500_000.0);
        assert_eq!(f.asic_value_usd(), 150_000_000.0);
        let one = Fleet {
            hashrate_eh_s: 1.0,
            ..f
        };
        assert_eq!(one.opex_usd_per_month(), 150_000.0);
        assert_eq!(one.asic_value_usd(), 15_000_000.0);
    }

    #[test]
    fn resale_tiers_split_at_19_and_25_j_th() {
        let r = AsicResale {
            below_19_j_th: 10.0,
            from_19_to_25_j_th: 5.0,
            from_25_j_th: 1.0,
        };
        assert_eq!(r.usd_per_th(13.5), 10.0);
        assert_eq!(r.usd_per_th(18.99), 10.0);
        assert_eq!(r.usd_per_th(19.0), 5.0);
        assert_eq!(r.usd_per_th(21.5), 5.0);
        assert_eq!(r.usd_per_th(25.0), 1.0);
        assert_eq!(r.usd_per_th(38.0), 1.0);
    }
}
