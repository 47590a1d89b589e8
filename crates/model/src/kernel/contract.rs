//! One AI/HPC contract month by month: revenue, opex, power, prepayment timing, before
//! survival; and its megawatts, capex and depreciation added to the strategy's.

use super::Timeline;
use crate::contract::Contract;
use crate::scenario::Scenario;

/// One contract's monthly pieces, before survival, laid out as if delivery were on time:
/// index `i` is month `i` of the projection when there is no delay. A delay of `d` months reads
/// index `m - d` in month `m`; parts that scale with the hours of the month are kept per hour and
/// multiplied by month `m`'s own hours, so a shifted month is exact.
#[derive(Debug, Clone, PartialEq)]
pub struct ContractKernel {
    /// Revenue per month, USD (rent, contracted GPU totals).
    pub revenue_per_month: Vec<f64>,
    /// Revenue per hour of the month, USD (GPU-hours sold).
    pub revenue_per_hour: Vec<f64>,
    /// Cash opex as a share of revenue (not power).
    pub opex_share: f64,
    /// Cash opex per month on top of the share, USD.
    pub opex_per_month: Vec<f64>,
    /// Power the operator pays for, MW (x hours = MWh).
    pub mw_paid: Vec<f64>,
    /// Cash timing of prepayments: + the prepayment when received, - the prepaid share of each
    /// month's revenue, USD.
    pub prepayment: Vec<f64>,
    /// Month index of the first revenue when delivery is on time.
    pub first_revenue_on_time: usize,
    /// Delivery delay in the deterministic run, months (the scenario's expected delay).
    pub expected_delay: usize,
    /// Power at the meter at full capacity, MW.
    pub facility_mw: f64,
    /// Probability of an early end per month.
    pub hazard_monthly: f64,
}

/// One contract in one month.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ContractMonth {
    /// Revenue, USD.
    pub revenue: f64,
    /// Cash opex (not power), USD.
    pub opex: f64,
    /// Power the operator pays for, MWh.
    pub mwh: f64,
    /// Prepayment timing, USD.
    pub prepayment: f64,
}

impl ContractMonth {
    /// Net cash before power: revenue - opex + prepayment timing.
    pub fn net(&self) -> f64 {
        self.revenue - self.opex + self.prepayment
    }
}

impl ContractKernel {
    /// Month `m` (of `hours` hours) with delivery `delay` months late.
    #[inline]
    pub fn month(&self, m: usize, delay: usize, hours: f64) -> ContractMonth {
        let Some(i) = m.checked_sub(delay) else {
            return ContractMonth::default();
        };
        let revenue = self.revenue_per_month[i] + self.revenue_per_hour[i] * hours;
        ContractMonth {
            revenue,
            opex: revenue * self.opex_share + self.opex_per_month[i],
            mwh: self.mw_paid[i] * hours,
            prepayment: self.prepayment[i],
        }
    }

    /// Month index of the first revenue with delivery `delay` months late.
    pub fn first_revenue(&self, delay: usize) -> usize {
        self.first_revenue_on_time + delay
    }

    /// Expected survival to month `m` with the expected delay (1 before the first revenue).
    pub fn survival(&self, m: usize) -> f64 {
        let first = self.first_revenue(self.expected_delay);
        if m < first || self.hazard_monthly == 0.0 {
            1.0
        } else {
            (1.0 - self.hazard_monthly).powi((m - first) as i32)
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
    let on_time = terms.first_revenue_month as usize;
    let mut k = ContractKernel {
        revenue_per_month: vec![0.0; n],
        revenue_per_hour: vec![0.0; n],
        opex_share: 0.0,
        opex_per_month: vec![0.0; n],
        mw_paid: vec![0.0; n],
        prepayment: vec![0.0; n],
        first_revenue_on_time: on_time,
        expected_delay: terms.delay_months as usize,
        facility_mw,
        hazard_monthly: 1.0 - libm::pow(1.0 - terms.early_end_annual, 1.0 / 12.0),
    };
    for mw in hpc_mw.iter_mut().skip(conversion_start) {
        *mw += facility_mw;
    }
    for c in capex.iter_mut().skip(conversion_start).take(build) {
        *c += conversion_capex / build as f64;
    }
    // Everything below is on the on-time index `i` (see [`ContractKernel`]).
    let term_end = on_time + terms.term_months as usize;
    let phase = |i: usize| -> f64 {
        if i < on_time {
            0.0
        } else if terms.ramp_months == 0 {
            1.0
        } else {
            ((i - on_time + 1) as f64 / terms.ramp_months as f64).min(1.0)
        }
    };
    match c {
        Contract::Colocation(col) => {
            k.opex_share = 1.0 - col.noi_margin;
            for i in on_time..n {
                let years = ((i - on_time) / 12) as i32;
                let mut rate = col.usd_per_mw_year * (1.0 + col.escalator_annual).powi(years);
                if i >= term_end {
                    if !col.renews {
                        break;
                    }
                    rate *= 1.0 + col.renewal_rate_change;
                }
                let p = phase(i);
                k.revenue_per_month[i] = it_mw * p * rate / 12.0;
                k.opex_per_month[i] = it_mw * p * col.opex_usd_per_mw_year / 12.0;
                if !col.power_pass_through {
                    k.mw_paid[i] = facility_mw * p;
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
            k.opex_share = gpu.opex_share;
            let contracted = gpu.contract_total_usd > 0.0 && gpu.terms.term_months > 0;
            let per_month = gpu.contract_total_usd / gpu.terms.term_months.max(1) as f64;
            for i in on_time..n {
                let p = phase(i);
                if contracted && i < term_end {
                    k.revenue_per_month[i] = per_month * p;
                    k.prepayment[i] -= per_month * p * gpu.prepayment_share;
                } else {
                    let decline =
                        libm::pow(1.0 - gpu.price_decline_annual, (i - on_time) as f64 / 12.0);
                    k.revenue_per_hour[i] =
                        gpu.gpus * p * gpu.usd_per_gpu_hour * decline * gpu.utilization;
                }
                k.mw_paid[i] = facility_mw * p;
            }
            if contracted && on_time < n {
                k.prepayment[on_time] += gpu.contract_total_usd * gpu.prepayment_share;
            }
        }
    }
    k
}
