//! A GPU cloud's monthly pieces on the on-time index, its GPU capex and depreciation.

use super::{ContractKernel, Schedule};
use crate::contract::GpuCloud;

/// Fills revenue (a contract total over its term, or GPU-hours sold), prepayment timing and
/// power of cloud `gpu`, and adds its GPU capex and depreciation to the strategy's.
///
/// A contract total is delivered in full over its term: month `i` earns
/// `total x phase(i) / (sum of phase over the term's months)`, so the ramp shifts revenue
/// later, it does not delete it.
pub(super) fn fill(
    k: &mut ContractKernel,
    gpu: &GpuCloud,
    s: &Schedule,
    capex: &mut [f64],
    depreciation: &mut [f64],
) {
    let n = s.n;
    if s.conversion_start < n {
        capex[s.conversion_start] += gpu.gpus * gpu.capex_usd_per_gpu;
    }
    if gpu.gpu_life_months > 0 {
        let monthly = gpu.gpus * gpu.capex_usd_per_gpu / gpu.gpu_life_months as f64;
        for d in depreciation
            .iter_mut()
            .skip(s.first)
            .take(gpu.gpu_life_months as usize)
        {
            *d += monthly;
        }
    }
    k.opex_share = gpu.opex_share;
    let term_end = s.term_end();
    let contracted = gpu.contract_total_usd > 0.0 && s.term_months > 0;
    // At least 1 / ramp (the term is at least a month), so never a division by zero.
    let phase_sum = s.phase_sum_over_term();
    for i in s.on_time..n {
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
    }
    if contracted && s.on_time < n {
        let prepaid = gpu.contract_total_usd * gpu.prepayment_share;
        k.prepayment[s.on_time] += prepaid;
        // What is left of it after each month's share; nothing after the term's last month
        // (set exactly, so that rounding leaves no refund there).
        let mut balance = prepaid;
        for i in s.on_time..n {
            if i + 1 >= term_end {
                balance = 0.0;
            } else {
                balance = (balance - k.revenue_per_month[i] * gpu.prepayment_share).max(0.0);
            }
            k.unearned[i] = balance;
        }
    }
}
