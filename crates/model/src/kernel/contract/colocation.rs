//! A colocation lease's monthly pieces on the on-time index.

use super::{ContractKernel, Schedule};
use crate::contract::Colocation;

/// Fills rent, site opex and (when not passed through) power of lease `col`.
pub(super) fn fill(k: &mut ContractKernel, col: &Colocation, s: &Schedule) {
    let term_end = s.term_end();
    k.opex_share = 1.0 - col.noi_margin;
    for i in s.on_time..s.n {
        let years = ((i - s.on_time) / 12) as i32;
        let mut rate = col.usd_per_mw_year * (1.0 + col.escalator_annual).powi(years);
        if i >= term_end {
            if !col.renews {
                break;
            }
            rate *= 1.0 + col.renewal_rate_change;
        }
        let p = s.phase(i);
        k.revenue_per_month[i] = s.it_mw * p * rate / 12.0;
        k.opex_per_month[i] = s.it_mw * p * col.opex_usd_per_mw_year / 12.0;
        if !col.power_pass_through {
            k.mw_paid[i] = s.facility_mw * p;
        }
    }
}
