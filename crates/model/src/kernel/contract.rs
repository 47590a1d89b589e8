//! One AI/HPC contract month by month: revenue, opex, power, prepayment timing, before
//! survival; and its megawatts, capex and depreciation added to the strategy's.
//!
//! # Prepayment
//! A prepayment (a share of a contract total) is received at the first revenue month and
//! recognised as earned: each month keeps back its prepaid share of the revenue it earns
//! ([`ContractKernel::prepayment`]). What is not yet earned ([`ContractKernel::unearned`]) is
//! returned to the tenant if the contract ends early, in the month it ends
//! ([`ContractKernel::refund`]): with probability `survival(m - 1) - survival(m)` in the
//! deterministic run, in the sampled end month in the Monte Carlo. Over a contract's whole life,
//! cash received (prepayment - kept-back shares - refunds) then adds up to the revenue earned.

mod colocation;
mod gpu;

use super::Timeline;
use crate::contract::{AfterTerm, Contract};
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
    /// month's revenue, - what is still unearned when a GPU cloud's capacity ends with its
    /// GPUs, USD.
    pub prepayment: Vec<f64>,
    /// Capex the contract spends once running, before survival, USD: GPUs bought again at the
    /// end of their life (spent only if the contract is alive then).
    pub capex: Vec<f64>,
    /// Prepayment received but not yet earned at the end of each month, USD: what the tenant
    /// gets back if the contract ends in the next month.
    pub unearned: Vec<f64>,
    /// Megawatts at the meter handed back to mining in each projection month (not on the
    /// on-time index), MW: 0 until a lease that does not renew ends with
    /// [`crate::contract::AfterTerm::Mining`], then its facility MW to the horizon (at the
    /// expected delay). They have left the strategy's `hpc_mw`, so the fleet dispatch uses them
    /// with machines bought for them (`rebuy` in [`crate::kernel`]).
    pub mw_returned: Vec<f64>,
    /// Critical IT energised and earning, MW (the ramp's share of the contract's IT while it
    /// delivers; 0 before, when vacant and after it ends), for revenue per MW-year.
    pub it_mw_live: Vec<f64>,
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
    /// Capex (GPU refresh), USD.
    pub capex: f64,
    /// Critical IT energised and earning, MW.
    pub it_mw_live: f64,
}

impl ContractMonth {
    /// Net cash before power: revenue - opex + prepayment timing - capex.
    pub fn net(&self) -> f64 {
        self.revenue - self.opex + self.prepayment - self.capex
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
            capex: self.capex[i],
            it_mw_live: self.it_mw_live[i],
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

    /// The deterministic run's state in month `m`: expected survival, the probability that the
    /// contract ends in month `m` (`survival(m - 1) - survival(m)`), and the expected delay.
    pub fn expected(&self, m: usize) -> ContractState {
        let alive = self.survival(m);
        let before = match m.checked_sub(1) {
            Some(previous) => self.survival(previous),
            None => 1.0,
        };
        ContractState {
            alive,
            ended: (before - alive).max(0.0),
            delay: self.expected_delay,
        }
    }

    /// What is returned to the tenant if the contract ends in month `m` with delivery `delay`
    /// months late: the prepayment not earned by the end of the month before, USD (0 if none).
    #[inline]
    pub fn refund(&self, m: usize, delay: usize) -> f64 {
        match m.checked_sub(delay).and_then(|i| i.checked_sub(1)) {
            Some(i) => self.unearned.get(i).copied().unwrap_or(0.0),
            None => 0.0,
        }
    }
}

/// A contract's state in one month, as [`crate::kernel::StrategyKernel::fcf`] reads it: expected
/// values in the deterministic run ([`ContractKernel::expected`]), 0 or 1 on a Monte Carlo path.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ContractState {
    /// Whether the contract is alive this month (its survival, or 0/1).
    pub alive: f64,
    /// Whether it ended this month, so that its unearned prepayment is returned (probability,
    /// or 0/1; the month it ends is the first it is not alive).
    pub ended: f64,
    /// Delivery delay, months.
    pub delay: usize,
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
        capex: vec![0.0; n],
        unearned: vec![0.0; n],
        mw_returned: vec![0.0; n],
        it_mw_live: vec![0.0; n],
        first_revenue_on_time: on_time,
        expected_delay: terms.delay_months as usize,
        facility_mw,
        hazard_monthly: 1.0 - libm::pow(1.0 - terms.early_end_annual, 1.0 / 12.0),
    };
    // A lease that does not renew and goes back to mining frees its megawatts at term end.
    let release = match c {
        Contract::Colocation(col) if !col.renews && col.after_term == AfterTerm::Mining => {
            first.saturating_add(terms.term_months as usize)
        }
        _ => usize::MAX,
    };
    for mw in hpc_mw.iter_mut().take(release).skip(conversion_start) {
        *mw += facility_mw;
    }
    for mw in k.mw_returned.iter_mut().skip(release) {
        *mw = facility_mw;
    }
    for c in capex.iter_mut().skip(conversion_start).take(build) {
        *c += conversion_capex / build as f64;
    }
    // Conversion capex, straight line over the facility life from the first revenue.
    let facility_life = terms.facility_life_months.max(1) as usize;
    for d in depreciation.iter_mut().skip(first).take(facility_life) {
        *d += conversion_capex / facility_life as f64;
    }
    let schedule = Schedule {
        n,
        on_time,
        first,
        conversion_start,
        term_months: terms.term_months as usize,
        ramp_months: terms.ramp_months as usize,
        it_mw,
        facility_mw,
    };
    match c {
        Contract::Colocation(col) => colocation::fill(&mut k, col, &schedule),
        Contract::GpuCloud(gpu) => gpu::fill(&mut k, gpu, &schedule, capex, depreciation),
    }
    k
}

/// When a contract's pieces fall, shared by the kinds' builders. Indices `on_time` and
/// `term_end()` are on the on-time index of [`ContractKernel`]; `first` and `conversion_start`
/// are projection months (`first` with the expected delay).
struct Schedule {
    /// Months in the projection.
    n: usize,
    /// On-time index of the first revenue.
    on_time: usize,
    /// Month of the first revenue with the expected delay.
    first: usize,
    /// Month conversion starts.
    conversion_start: usize,
    /// Contract term, months.
    term_months: usize,
    /// Ramp to full capacity, months.
    ramp_months: usize,
    /// Critical IT at full capacity, MW.
    it_mw: f64,
    /// Power at the meter at full capacity, MW.
    facility_mw: f64,
}

impl Schedule {
    /// On-time index of the first month after the term.
    fn term_end(&self) -> usize {
        self.on_time.saturating_add(self.term_months)
    }

    /// Share of full capacity delivered at on-time index `i`: 0 before the first revenue, then a
    /// linear ramp `(months since first revenue + 1) / ramp`, capped at 1.
    fn phase(&self, i: usize) -> f64 {
        if i < self.on_time {
            0.0
        } else if self.ramp_months == 0 {
            1.0
        } else {
            ((i - self.on_time + 1) as f64 / self.ramp_months as f64).min(1.0)
        }
    }

    /// Sum of [`Schedule::phase`] over the term's months, whether or not the horizon reaches
    /// them: what a contract total is spread over.
    fn phase_sum_over_term(&self) -> f64 {
        (self.on_time..self.term_end())
            .map(|i| self.phase(i))
            .fold(0.0, |a, b| a + b)
    }
}
