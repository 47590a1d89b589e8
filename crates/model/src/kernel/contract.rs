//! One AI/HPC contract month by month: revenue, opex, power, prepayment timing, before
//! survival; and its megawatts, capex and depreciation added to the strategy's.

use super::Timeline;
use crate::contract::Contract;
use crate::scenario::Scenario;

/// One contract's monthly pieces, before survival.
#[derive(Debug, Clone, PartialEq)]
pub struct ContractKernel {
    /// Revenue, USD.
    pub revenue: Vec<f64>,
    /// Cash opex (not power), USD.
    pub opex: Vec<f64>,
    /// Power the operator pays for, MWh.
    pub mwh: Vec<f64>,
    /// Cash timing of prepayments: + the prepayment when received, - the prepaid share of each
    /// month's revenue, USD.
    pub prepayment: Vec<f64>,
    /// Month index of the first revenue (after delay).
    pub first_revenue: usize,
    /// Power at the meter at full capacity, MW.
    pub facility_mw: f64,
    /// Probability of an early end per month.
    pub hazard_monthly: f64,
}

impl ContractKernel {
    /// Net cash before power: revenue - opex + prepayment timing.
    pub fn net(&self, m: usize) -> f64 {
        self.revenue[m] - self.opex[m] + self.prepayment[m]
    }

    /// Expected survival to month `m` (1 before the first revenue).
    pub fn survival(&self, m: usize) -> f64 {
        if m < self.first_revenue || self.hazard_monthly == 0.0 {
            1.0
        } else {
            (1.0 - self.hazard_monthly).powi((m - self.first_revenue) as i32)
        }
    }
}

/// Fills one contract's pieces and adds its MW, capex and depreciation to the strategy's.
pub(super) fn contract_kernel(
    s: &Scenario,
    c: &Contract,
    t: &Timeline,
    hpc_mw: &mut [f64],
    capex: &mut [f64],
    depreciation: &mut [f64],
) -> ContractKernel {
    let n = t.len();
    let terms = c.terms();
    let first = (terms.first_revenue_month + terms.delay_months) as usize;
    let conversion_start = terms.first_revenue_month.saturating_sub(terms.build_months) as usize;
    let build = (first - conversion_start).max(1);
    let it_mw = c.it_mw();
    let facility_mw = it_mw * s.site.hpc_pue;
    let conversion_capex = it_mw * terms.capex_usd_per_mw;
    let term_end = first + terms.term_months as usize;
    let mut k = ContractKernel {
        revenue: vec![0.0; n],
        opex: vec![0.0; n],
        mwh: vec![0.0; n],
        prepayment: vec![0.0; n],
        first_revenue: first,
        facility_mw,
        hazard_monthly: 1.0 - libm::pow(1.0 - terms.early_end_annual, 1.0 / 12.0),
    };
    for mw in hpc_mw.iter_mut().skip(conversion_start) {
        *mw += facility_mw;
    }
    for c in capex.iter_mut().skip(conversion_start).take(build) {
        *c += conversion_capex / build as f64;
    }
    let phase = |m: usize| -> f64 {
        if m < first {
            0.0
        } else if terms.ramp_months == 0 {
            1.0
        } else {
            ((m - first + 1) as f64 / terms.ramp_months as f64).min(1.0)
        }
    };
    match c {
        Contract::Colocation(col) => {
            for m in first..n {
                let years = ((m - first) / 12) as i32;
                let mut rate = col.usd_per_mw_year * (1.0 + col.escalator_annual).powi(years);
                if m >= term_end {
                    if !col.renews {
                        break;
                    }
                    rate *= 1.0 + col.renewal_rate_change;
                }
                let p = phase(m);
                k.revenue[m] = it_mw * p * rate / 12.0;
                k.opex[m] = k.revenue[m] * (1.0 - col.noi_margin)
                    + it_mw * p * col.opex_usd_per_mw_year / 12.0;
                if !col.power_pass_through {
                    k.mwh[m] = facility_mw * p * t.hours[m];
                }
            }
        }
        Contract::GpuCloud(gpu) => {
            if conversion_start < n {
                capex[conversion_start] += gpu.gpus * gpu.capex_usd_per_gpu;
            }
            if gpu.gpu_life_months > 0 {
                let monthly = gpu.gpus * gpu.capex_usd_per_gpu / gpu.gpu_life_months as f64;
                for d in depreciation
                    .iter_mut()
                    .skip(first)
                    .take(gpu.gpu_life_months as usize)
                {
                    *d += monthly;
                }
            }
            let contracted = gpu.contract_total_usd > 0.0 && gpu.terms.term_months > 0;
            let per_month = gpu.contract_total_usd / gpu.terms.term_months.max(1) as f64;
            for m in first..n {
                let p = phase(m);
                k.revenue[m] = if contracted && m < term_end {
                    let prepaid = per_month * p * gpu.prepayment_share;
                    k.prepayment[m] -= prepaid;
                    per_month * p
                } else {
                    let decline =
                        libm::pow(1.0 - gpu.price_decline_annual, (m - first) as f64 / 12.0);
                    gpu.gpus * p * gpu.usd_per_gpu_hour * decline * gpu.utilization * t.hours[m]
                };
                k.opex[m] = k.revenue[m] * gpu.opex_share;
                k.mwh[m] = facility_mw * p * t.hours[m];
            }
            if contracted && first < n {
                k.prepayment[first] += gpu.contract_total_usd * gpu.prepayment_share;
            }
        }
    }
    k
}
