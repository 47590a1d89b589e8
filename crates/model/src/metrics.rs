//! NPV, IRR, payback and the per-strategy summary figures.

use crate::kernel::{MiningMonth, StrategyKernel};
use crate::projection::{MonthRow, Summary};
use crate::scenario::Scenario;

/// Sum of `cash[m] * discount[m]`.
pub fn npv(cash: impl IntoIterator<Item = f64>, discount: &[f64]) -> f64 {
    cash.into_iter().zip(discount).map(|(c, d)| c * d).sum()
}

/// Annual IRR of monthly cash flows (month m discounted by (1 + r)^((m + 1) / 12)), found by
/// bisection on the monthly rate in (-99%, +1,000%) a month. `None` without a sign change in
/// the flows or in NPV over that range.
///
/// Bisection needs only the sign of NPV, so it is taken from a form with no power of (1 + r)
/// above 1, whatever the horizon: from 0% a month up, NPV itself (discount factors at most 1);
/// below 0%, NPV x (1 + r)^n = sum of c_m (1 + r)^(n - 1 - m), a positive multiple whose powers
/// of a number below 1 can only underflow to zero. (NPV itself at -99% a month needs 100^(m+1),
/// which overflows from month 154 on, so horizons of 154 to 180 months had no IRR.)
pub fn irr_annual(cash: &[f64]) -> Option<f64> {
    let has_neg = cash.iter().any(|&c| c < 0.0);
    let has_pos = cash.iter().any(|&c| c > 0.0);
    if !(has_neg && has_pos) {
        return None;
    }
    let npv_sign_at = |r: f64| -> f64 {
        let growth = 1.0 + r;
        if growth < 1.0 {
            // Horner's rule from month 0: every partial sum stays within the sum of |c|.
            cash.iter().fold(0.0, |acc, c| acc * growth + c)
        } else {
            let mut df = 1.0;
            let step = 1.0 / growth;
            cash.iter()
                .map(|c| {
                    df *= step;
                    c * df
                })
                .sum()
        }
    };
    let (mut lo, mut hi) = (-0.99, 10.0);
    let (f_lo, f_hi) = (npv_sign_at(lo), npv_sign_at(hi));
    if !(f_lo.is_finite() && f_hi.is_finite()) || f_lo.signum() == f_hi.signum() {
        return None;
    }
    // The Illinois variant of false position on the bracket: superlinear, so about a dozen
    // evaluations instead of bisection's forty, and the root stays bracketed. It ends at a
    // bracket of 1e-12 a month or an exact zero; after 60 steps it bisects, so it always ends.
    let (mut f_lo, mut f_hi) = (f_lo, f_hi);
    let mut side = 0i8;
    for step in 0..200 {
        if hi - lo <= 1e-12 {
            break;
        }
        let mut mid = (lo * f_hi - hi * f_lo) / (f_hi - f_lo);
        if step >= 60 || !(mid > lo && mid < hi) {
            mid = 0.5 * (lo + hi);
        }
        let f_mid = npv_sign_at(mid);
        if f_mid == 0.0 {
            return Some((1.0 + mid).powi(12) - 1.0);
        }
        if f_mid.signum() == f_lo.signum() {
            (lo, f_lo) = (mid, f_mid);
            if side == -1 {
                f_hi *= 0.5;
            }
            side = -1;
        } else {
            (hi, f_hi) = (mid, f_mid);
            if side == 1 {
                f_lo *= 0.5;
            }
            side = 1;
        }
    }
    let monthly = 0.5 * (lo + hi);
    Some((1.0 + monthly).powi(12) - 1.0)
}

/// First of `months` from which the cumulative sum of `cash` stays at or above zero to the
/// end, if any.
pub fn payback_of(
    cash: &[f64],
    months: &[crate::calendar::YearMonth],
) -> Option<crate::calendar::YearMonth> {
    let mut cumulative = 0.0;
    let mut last_negative = None;
    for (i, c) in cash.iter().enumerate() {
        cumulative += c;
        if cumulative < 0.0 {
            last_negative = Some(i);
        }
    }
    match last_negative {
        None => months.first().copied(),
        Some(i) => months.get(i + 1).copied(),
    }
}

/// First month from which cumulative FCF stays at or above zero to the end, if any.
pub fn payback(rows: &[MonthRow]) -> Option<crate::calendar::YearMonth> {
    match rows.iter().rposition(|r| r.cumulative_fcf_usd < 0.0) {
        None => rows.first().map(|r| r.month),
        Some(i) => rows.get(i + 1).map(|r| r.month),
    }
}

/// `x` if it is finite.
pub fn finite(x: f64) -> Option<f64> {
    Some(x).filter(|x| x.is_finite())
}

/// The summary figures that need only the rows and the first month's mining `first_mining`
/// (the per-MW-year ones are filled by the caller).
pub fn summarize(
    rows: &[MonthRow],
    s: &Scenario,
    k: &StrategyKernel,
    mining_rev: f64,
    first_mining: Option<&MiningMonth>,
) -> Summary {
    let revenue: f64 = rows
        .iter()
        .map(|r| r.mining_revenue_usd + r.hpc_revenue_usd)
        .sum();
    let ebitda: f64 = rows.iter().map(|r| r.ebitda_usd).sum();
    let monthly: Vec<f64> = rows
        .iter()
        .map(|r| r.mining_revenue_usd + r.hpc_revenue_usd)
        .collect();
    let mean = monthly.iter().sum::<f64>() / monthly.len().max(1) as f64;
    let var = monthly.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / monthly.len().max(1) as f64;
    let (mut cash_cost, mut all_in, mut breakeven_power) = (None, None, None);
    if let (Some(r), Some(mining)) = (rows.first(), first_mining.filter(|x| x.btc > 0.0)) {
        // What ran: energy net of credits, and opex (the unavoidable share of machines off too).
        let cash = mining.energy + mining.opex;
        let revenue0 = r.mining_revenue_usd + r.hpc_revenue_usd;
        let mining_share0 = if revenue0 > 0.0 {
            r.mining_revenue_usd / revenue0
        } else {
            1.0
        };
        let asic = k.asic_depreciation.first().copied().unwrap_or(0.0);
        // A vanishing amount mined (e.g. a subnormal fleet or uptime) can make a cost per BTC
        // overflow: no finite figure is `None`, as when nothing is mined.
        cash_cost = finite(cash / mining.btc);
        all_in = finite((cash + asic + r.interest_usd * mining_share0) / mining.btc);
        if mining.mwh > 0.0 {
            // Zero margin: revenue + credit - mwh x power - opex = 0, the credit being what
            // the energy bought at the site's price leaves over the net energy cost.
            let credit = mining.mwh * s.site.power_usd_mwh - mining.energy;
            breakeven_power = finite((mining.revenue + credit - mining.opex) / mining.mwh);
        }
    }
    Summary {
        revenue_usd: revenue,
        ebitda_usd: ebitda,
        // A vanishing revenue can overflow the ratio: then 0, as for no revenue.
        ebitda_margin: finite(ebitda / revenue)
            .filter(|_| revenue > 0.0)
            .unwrap_or(0.0),
        mining_share: if revenue > 0.0 {
            mining_rev / revenue
        } else {
            0.0
        },
        cumulative_fcf_usd: rows.last().map_or(0.0, |r| r.cumulative_fcf_usd),
        btc_mined: rows.iter().map(|r| r.btc_mined).sum(),
        cash_cost_per_btc_usd: cash_cost,
        all_in_cost_per_btc_usd: all_in,
        breakeven_btc_usd: cash_cost,
        breakeven_power_usd_mwh: breakeven_power,
        mining_revenue_per_mw_year_usd: None,
        mining_margin_per_mw_year_usd: None,
        hpc_revenue_per_mw_year_usd: None,
        hpc_margin_per_mw_year_usd: None,
        breakeven_btc_horizon_usd: None,
        all_in_breakeven_btc_usd: None,
        all_in_breakeven_btc_horizon_usd: None,
        breakeven_power_horizon_usd_mwh: None,
        incremental_irr_vs_pure: None,
        incremental_payback_month: None,
        cash_end_usd: 0.0,
        funding_gap_month: None,
        funding_gap_usd: 0.0,
        credit_peak_usd: 0.0,
        equity_raised_usd: 0.0,
        dilution: 0.0,
        revenue_volatility: if mean > 0.0 { var.sqrt() / mean } else { 0.0 },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn npv_discounts_each_month() {
        assert_eq!(npv([100.0, 100.0], &[0.5, 0.25]), 75.0);
    }

    #[test]
    fn irr_of_a_known_loan() {
        // Pay 1,000 in month 0, get 1,010 in month 1: -1,000/(1+r) + 1,010/(1+r)^2 = 0 gives
        // 1 + r = 1.01, so 1% a month and 1.01^12 - 1 = 12.68% a year.
        let irr = irr_annual(&[-1_000.0, 1_010.0]).unwrap();
        assert!((irr - 0.126_825_030_131_969_7).abs() < 1e-9, "{irr}");
    }

    /// Pay `price` in month 0, receive 1 in each of months 1 to `n`.
    fn annuity(price: f64, n: usize) -> Vec<f64> {
        std::iter::once(-price)
            .chain(std::iter::repeat_n(1.0, n))
            .collect()
    }

    /// An annuity of 1 a month for n months is worth (1 - (1 + i)^-n) / i at i a month, so
    /// paying that price earns exactly i a month: (1 + i)^12 - 1 a year. The prices are that
    /// closed form worked to 40 digits (Python's decimal), so no code under test makes them.
    #[test]
    fn irr_of_long_annuities_matches_the_closed_form() {
        for (n, price, annual) in [
            // 1% a month over 154 months (the old bracket's first failure) and 180.
            (154, 78.397_279_958_692_03, 0.126_825_030_131_969_72),
            (180, 83.321_663_989_068, 0.126_825_030_131_969_72),
            // -0.5% a month: 180 receipts of 1 cost 293.03 (a loss, a negative IRR).
            (180, 293.032_401_391_165_54, -0.058_377_193_085_624_18),
            // -50% a month: (1 - 2^180) / -0.5 = 3.065e54; 0.5^12 - 1 a year.
            (180, 3.064_991_081_731_778e54, -0.999_755_859_375),
        ] {
            let irr = irr_annual(&annuity(price, n)).unwrap_or_else(|| panic!("{n} {price}"));
            assert!((irr - annual).abs() < 1e-9, "{n} months at {price}: {irr}");
        }
    }

    #[test]
    fn irr_is_found_for_every_horizon_up_to_180_months() {
        // 1% a month on every horizon; the price is the closed form above in floating point.
        for n in 1..=180 {
            let price = (1.0 - 1.01f64.powi(-(n as i32))) / 0.01;
            let irr = irr_annual(&annuity(price, n)).unwrap_or_else(|| panic!("{n}"));
            assert!((irr - 0.126_825_030_131_969_72).abs() < 1e-9, "{n}: {irr}");
        }
    }

    #[test]
    fn irr_needs_a_sign_change() {
        assert_eq!(irr_annual(&[1.0, 2.0]), None);
        assert_eq!(irr_annual(&[-1.0, -2.0]), None);
        assert_eq!(irr_annual(&[]), None);
    }
}
