//! A contract's numeric terms by key, so a form can list, read and write them without knowing
//! the contract kind.
//!
//! Keys are those of [`crate::bounds::contract`] (`it_mw`, `usd_per_mw_year`, ...). Whole-month
//! terms are rounded when written.
//!
//! # Usage
//! ```
//! use hashpivot_model::contract::Contract;
//! let mut c = Contract::colocation("Lease", 100.0);
//! assert!(c.fields().iter().any(|b| b.key == "usd_per_mw_year"));
//! assert!(c.set_field("it_mw", 120.0));
//! assert_eq!(c.field("it_mw"), Some(120.0));
//! ```

use super::Contract;
use crate::bounds::contract::*;
use crate::bounds::Bound;

/// Terms every contract has, in display order after the kind's own.
const SHARED: [Bound; 8] = [
    FIRST_REVENUE,
    BUILD,
    RAMP,
    TERM,
    CAPEX_PER_MW,
    FACILITY_LIFE,
    EARLY_END,
    DELAY,
];

/// A colocation lease's numeric terms, in display order.
const COLOCATION: [Bound; 16] = [
    IT_MW,
    RENT,
    ESCALATOR,
    NOI,
    OPEX_PER_MW,
    RENEWAL,
    VACANCY,
    MARKET_RENT,
    SHARED[0],
    SHARED[1],
    SHARED[2],
    SHARED[3],
    SHARED[4],
    SHARED[5],
    SHARED[6],
    SHARED[7],
];

/// A GPU cloud's numeric terms, in display order. Critical IT (`it_mw`) is derived: writing it
/// sizes the GPU count.
const GPU_CLOUD: [Bound; 19] = [
    IT_MW,
    GPUS,
    KW_PER_GPU,
    GPU_HOUR,
    UTILIZATION,
    TOTAL,
    PREPAYMENT,
    GPU_CAPEX,
    GPU_LIFE,
    OPEX_SHARE,
    PRICE_DECLINE,
    SHARED[0],
    SHARED[1],
    SHARED[2],
    SHARED[3],
    SHARED[4],
    SHARED[5],
    SHARED[6],
    SHARED[7],
];

impl Contract {
    /// The numeric terms of this kind of contract, in display order.
    pub fn fields(&self) -> &'static [Bound] {
        match self {
            Contract::Colocation(_) => &COLOCATION,
            Contract::GpuCloud(_) => &GPU_CLOUD,
        }
    }

    /// The term with key `key`, in its bound's unit; `None` if this kind has no such term.
    pub fn field(&self, key: &str) -> Option<f64> {
        let t = self.terms();
        let shared = match key {
            "first_revenue_month" => Some(t.first_revenue_month as f64),
            "build_months" => Some(t.build_months as f64),
            "ramp_months" => Some(t.ramp_months as f64),
            "term_months" => Some(t.term_months as f64),
            "delay_months" => Some(t.delay_months as f64),
            "facility_life_months" => Some(t.facility_life_months as f64),
            "capex_usd_per_mw" => Some(t.capex_usd_per_mw),
            "early_end_annual" => Some(t.early_end_annual),
            "it_mw" => Some(self.it_mw()),
            _ => None,
        };
        shared.or(match self {
            Contract::Colocation(c) => match key {
                "usd_per_mw_year" => Some(c.usd_per_mw_year),
                "escalator_annual" => Some(c.escalator_annual),
                "noi_margin" => Some(c.noi_margin),
                "opex_usd_per_mw_year" => Some(c.opex_usd_per_mw_year),
                "renewal_rate_change" => Some(c.renewal_rate_change),
                "vacancy_months" => Some(c.vacancy_months as f64),
                "market_usd_per_mw_year" => Some(c.market_usd_per_mw_year),
                _ => None,
            },
            Contract::GpuCloud(g) => match key {
                "gpus" => Some(g.gpus),
                "kw_per_gpu" => Some(g.kw_per_gpu),
                "usd_per_gpu_hour" => Some(g.usd_per_gpu_hour),
                "utilization" => Some(g.utilization),
                "contract_total_usd" => Some(g.contract_total_usd),
                "prepayment_share" => Some(g.prepayment_share),
                "capex_usd_per_gpu" => Some(g.capex_usd_per_gpu),
                "gpu_life_months" => Some(g.gpu_life_months as f64),
                "opex_share" => Some(g.opex_share),
                "price_decline_annual" => Some(g.price_decline_annual),
                _ => None,
            },
        })
    }

    /// Writes the term with key `key` (no range check: validate the scenario after). Returns
    /// false, changing nothing, if this kind has no such term or `value` is not finite.
    pub fn set_field(&mut self, key: &str, value: f64) -> bool {
        if !value.is_finite() {
            return false;
        }
        let months = value.round().clamp(0.0, u32::MAX as f64) as u32;
        // A size typed in MW or GPUs is the user's: the contract no longer follows the site.
        if matches!(key, "it_mw" | "gpus") && self.field(key).is_some() {
            self.terms_mut().site_share = None;
        }
        let t = self.terms_mut();
        match key {
            "first_revenue_month" => t.first_revenue_month = months,
            "build_months" => t.build_months = months,
            "ramp_months" => t.ramp_months = months,
            "term_months" => t.term_months = months,
            "delay_months" => t.delay_months = months,
            "facility_life_months" => t.facility_life_months = months,
            "capex_usd_per_mw" => t.capex_usd_per_mw = value,
            "early_end_annual" => t.early_end_annual = value,
            _ => {
                return match self {
                    Contract::Colocation(c) => {
                        if key == "vacancy_months" {
                            c.vacancy_months = months;
                            return true;
                        }
                        let slot = match key {
                            "it_mw" => &mut c.it_mw,
                            "usd_per_mw_year" => &mut c.usd_per_mw_year,
                            "escalator_annual" => &mut c.escalator_annual,
                            "noi_margin" => &mut c.noi_margin,
                            "opex_usd_per_mw_year" => &mut c.opex_usd_per_mw_year,
                            "renewal_rate_change" => &mut c.renewal_rate_change,
                            "market_usd_per_mw_year" => &mut c.market_usd_per_mw_year,
                            _ => return false,
                        };
                        *slot = value;
                        true
                    }
                    Contract::GpuCloud(g) => {
                        match key {
                            "it_mw" => g.set_it_mw(value),
                            "gpu_life_months" => g.gpu_life_months = months,
                            _ => {
                                let slot = match key {
                                    "gpus" => &mut g.gpus,
                                    "kw_per_gpu" => &mut g.kw_per_gpu,
                                    "usd_per_gpu_hour" => &mut g.usd_per_gpu_hour,
                                    "utilization" => &mut g.utilization,
                                    "contract_total_usd" => &mut g.contract_total_usd,
                                    "prepayment_share" => &mut g.prepayment_share,
                                    "capex_usd_per_gpu" => &mut g.capex_usd_per_gpu,
                                    "opex_share" => &mut g.opex_share,
                                    "price_decline_annual" => &mut g.price_decline_annual,
                                    _ => return false,
                                };
                                *slot = value;
                            }
                        }
                        true
                    }
                };
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::GpuCloud;

    fn both() -> [Contract; 2] {
        [
            Contract::colocation("Lease", 100.0),
            Contract::GpuCloud(GpuCloud::default()),
        ]
    }

    #[test]
    fn every_listed_field_reads_and_writes_back() {
        for mut c in both() {
            for b in c.fields() {
                // A whole, in-range value distinct from the current one.
                let v = (b.min + 1.0).min(b.max).round();
                assert!(c.set_field(b.key, v), "{}", b.key);
                let got = c.field(b.key).unwrap_or(f64::NAN);
                assert!(
                    (got - v).abs() < 1e-9 * v.abs().max(1.0),
                    "{}: {got} vs {v}",
                    b.key
                );
            }
        }
    }

    #[test]
    fn unknown_keys_and_non_finite_values_change_nothing() {
        for mut c in both() {
            let before = c.clone();
            assert!(!c.set_field("no_such_term", 1.0));
            assert!(!c.set_field("it_mw", f64::NAN));
            assert_eq!(c, before);
            assert_eq!(c.field("no_such_term"), None);
        }
        // Kind-specific keys are refused by the other kind.
        let mut colo = Contract::colocation("Lease", 100.0);
        assert!(!colo.set_field("gpus", 5.0));
        assert_eq!(colo.field("gpus"), None);
    }

    #[test]
    fn every_validated_bound_is_listed_for_some_kind() {
        for b in ALL {
            assert!(
                both()
                    .iter()
                    .any(|c| c.fields().iter().any(|f| f.key == b.key)),
                "{} is validated but no form lists it",
                b.key
            );
        }
    }
}
