//! A GPU cloud's monthly pieces on the on-time index, its GPU capex and depreciation.

use super::{ContractKernel, Schedule};
use crate::contract::GpuCloud;

/// Fills revenue (a contract total over its term, or GPU-hours sold), prepayment timing, power
/// and GPU refreshes of cloud `gpu`, and adds its first GPUs' capex and all GPU depreciation to
/// the strategy's.
///
/// A contract total is delivered in full over its term: month `i` earns
/// `total x phase(i) / (sum of phase over the term's months)`, so the ramp shifts revenue
/// later, it does not delete it.
///
/// The GPUs live `gpu_life_months` from the first revenue. With `gpu_refresh` they are bought
/// again at the end of each life, at the declined price, on the contract's months (so only if it
/// is alive); their depreciation restarts then, weighted by the expected survival to that month
/// (the expected capex). Without, the capacity ends with them.
pub(super) fn fill(
    k: &mut ContractKernel,
    gpu: &GpuCloud,
    s: &Schedule,
    capex: &mut [f64],
    depreciation: &mut [f64],
) {
    let n = s.n;
    let fleet_cost = gpu.gpus * gpu.capex_usd_per_gpu;
    if s.conversion_start < n {
        capex[s.conversion_start] += fleet_cost;
    }
    let life = gpu.gpu_life_months as usize;
    if life > 0 {
        for d in depreciation.iter_mut().skip(s.first).take(life) {
            *d += fleet_cost / life as f64;
        }
    }
    // On-time index where the capacity ends (never, with refreshes).
    let retire = if gpu.gpu_refresh || life == 0 {
        usize::MAX
    } else {
        s.on_time.saturating_add(life)
    };
    if gpu.gpu_refresh && life > 0 {
        let mut r = s.on_time.saturating_add(life);
        while r < n {
            let years = (r - s.conversion_start) as f64 / 12.0;
            let cost = fleet_cost * libm::pow(1.0 - gpu.price_decline_annual, years);
            k.capex[r] += cost;
            let month = r + k.expected_delay;
            let expected = k.survival(month) * cost / life as f64;
            for d in depreciation.iter_mut().skip(month).take(life) {
                *d += expected;
            }
            r = r.saturating_add(life);
        }
    }
    k.opex_share = gpu.opex_share;
    let term_end = s.term_end();
    let contracted = gpu.contract_total_usd > 0.0 && s.term_months > 0;
    // At least 1 / ramp (the term is at least a month), so never a division by zero.
    let phase_sum = s.phase_sum_over_term();
    for i in s.on_time..n.min(retire) {
        let p = s.phase(i);
        if contracted && i < term_end {
            let revenue = gpu.contract_total_usd * p / phase_sum;
            k.revenue_per_month[i] = revenue;
            k.prepayment[i] -= revenue * gpu.prepayment_share;
        } else {
            let decline = libm::pow(
                1.0 - gpu.price_decline_annual,
                (i - s.on_time) as f64 / 12.0,
            );
            k.revenue_per_hour[i] = gpu.gpus * p * gpu.usd_per_gpu_hour * decline * gpu.utilization;
        }
        k.mw_paid[i] = s.facility_mw * p;
        k.it_mw_live[i] = s.it_mw * p;
    }
    if contracted && s.on_time < n {
        let prepaid = gpu.contract_total_usd * gpu.prepayment_share;
        k.prepayment[s.on_time] += prepaid;
        // What is left of it after each month's share; nothing after the term's last month
        // (set exactly, so that rounding leaves no refund there). When the capacity ends with
        // its GPUs, what is left goes back to the tenant then.
        let mut balance = prepaid;
        for i in s.on_time..n {
            if i == retire {
                k.prepayment[i] -= balance;
                balance = 0.0;
            } else if i + 1 >= term_end || i > retire {
                balance = 0.0;
            } else {
                balance = (balance - k.revenue_per_month[i] * gpu.prepayment_share).max(0.0);
            }
            k.unearned[i] = balance;
        }
    }
}
