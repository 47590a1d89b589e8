//! A colocation lease's monthly pieces on the on-time index.

use super::{ContractKernel, Schedule};
use crate::contract::{AfterTerm, Colocation};

/// Fills rent, site opex and (when not passed through) power of lease `col`.
///
/// At term end the lease renews at its rent times `1 + renewal_rate_change`; or, if it does not
/// renew, its megawatts are re-let after `vacancy_months` at the market rent (escalating from
/// the re-let start, at full capacity at once), or go back to mining (nothing more here; the
/// strategy's megawatts are freed by the caller).
pub(super) fn fill(k: &mut ContractKernel, col: &Colocation, s: &Schedule) {
    let term_end = s.term_end();
    let relet = term_end.saturating_add(col.vacancy_months as usize);
    let market = if col.market_usd_per_mw_year > 0.0 {
        col.market_usd_per_mw_year
    } else {
        col.usd_per_mw_year
    };
    let escalated =
        |base: f64, months: usize| base * (1.0 + col.escalator_annual).powi((months / 12) as i32);
    k.opex_share = 1.0 - col.noi_margin;
    for i in s.on_time..s.n {
        let mut rate = escalated(col.usd_per_mw_year, i - s.on_time);
        let mut p = s.phase(i);
        if i >= term_end {
            if col.renews {
                rate *= 1.0 + col.renewal_rate_change;
            } else if col.after_term == AfterTerm::Mining {
                break;
            } else if i < relet {
                // Vacant: no rent, no power; the explicit site opex goes on.
                k.opex_per_month[i] = s.it_mw * col.opex_usd_per_mw_year / 12.0;
                continue;
            } else {
                rate = escalated(market, i - relet);
                p = 1.0;
            }
        }
        k.revenue_per_month[i] = s.it_mw * p * rate / 12.0;
        k.it_mw_live[i] = s.it_mw * p;
        k.opex_per_month[i] = s.it_mw * p * col.opex_usd_per_mw_year / 12.0;
        if !col.power_pass_through {
            k.mw_paid[i] = s.facility_mw * p;
        }
    }
}
