//! A strategy's cash balance month by month: what its free cash flow, its BTC sales and its
//! financing leave in the bank, and when it runs out.
//!
//! FCF counts mined BTC at its month's price whether it is sold or held (so strategies compare
//! on the same footing); cash does not. Each month:
//!
//! ```text
//! cash = cash before + FCF + (BTC sold - BTC mined) x price - debt principal repaid
//!      + facility drawn - facility repaid - facility interest + equity raised
//! ```
//! When that is below zero the strategy draws its credit facility up to the limit, then raises
//! equity up to its limit at the share price; cash still below zero is a funding gap. Cash
//! above zero repays the facility first. The facility's interest is a financing cost paid
//! from cash, outside FCF and NPV (they value the strategy's operations; the discount rate
//! prices their funding).
//!
//! # See also
//! [`crate::scenario::Financing`] for the inputs.

use crate::scenario::Financing;

/// One month of the cash walk, USD (shares in millions).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct CashMonth {
    /// Cash at the month's end (below zero: the funding gap so far).
    pub cash: f64,
    /// Value of BTC sold less BTC mined at the month's price: what the treasury adds to cash
    /// (negative while production is held).
    pub btc_flow: f64,
    /// Credit facility drawn this month.
    pub drawn: f64,
    /// Credit facility repaid this month from excess cash.
    pub repaid: f64,
    /// Interest on the facility drawn at the month's start.
    pub interest: f64,
    /// Facility outstanding at the month's end.
    pub facility: f64,
    /// Equity raised this month.
    pub equity: f64,
    /// New shares issued this month, millions.
    pub shares_issued_m: f64,
}

impl CashMonth {
    /// Net financing of the month: facility drawn - repaid - interest + equity raised.
    pub fn financing(&self) -> f64 {
        self.drawn - self.repaid - self.interest + self.equity
    }
}

/// The running state of one strategy's cash walk.
#[derive(Debug, Clone)]
pub struct CashWalk {
    cash: f64,
    facility: f64,
    credit_left: f64,
    equity_left: f64,
    monthly_rate: f64,
    share_price: f64,
}

impl CashWalk {
    /// The walk at the start, with the scenario's cash and financing.
    pub fn new(f: &Financing) -> CashWalk {
        CashWalk {
            cash: f.cash_usd,
            facility: 0.0,
            credit_left: f.credit_limit_usd,
            equity_left: f.equity_limit_usd,
            monthly_rate: f.credit_rate_pct_year / 100.0 / 12.0,
            share_price: f.share_price_usd,
        }
    }

    /// One month: its FCF, its BTC flow (sold - mined, valued at the price) and the debt
    /// principal falling due.
    pub fn step(&mut self, fcf: f64, btc_flow: f64, debt_repaid: f64) -> CashMonth {
        let interest = self.facility * self.monthly_rate;
        let mut cash = self.cash + fcf + btc_flow - debt_repaid - interest;
        let (mut drawn, mut repaid, mut equity) = (0.0, 0.0, 0.0);
        if cash < 0.0 {
            drawn = (-cash).min(self.credit_left);
            self.credit_left -= drawn;
            self.facility += drawn;
            cash += drawn;
        }
        if cash < 0.0 {
            equity = (-cash).min(self.equity_left);
            self.equity_left -= equity;
            cash += equity;
        } else if self.facility > 0.0 {
            // Excess cash repays the facility (which may then be drawn again up to its limit).
            repaid = cash.min(self.facility);
            self.facility -= repaid;
            self.credit_left += repaid;
            cash -= repaid;
        }
        self.cash = cash;
        CashMonth {
            cash,
            btc_flow,
            drawn,
            repaid,
            interest,
            facility: self.facility,
            equity,
            shares_issued_m: equity / self.share_price / 1e6,
        }
    }
}

/// What a strategy's cash walk says over the horizon: when it first runs out, by how much at
/// worst, and the financing it used.
#[derive(Debug, Clone, Default)]
pub struct Funding {
    /// First month whose cash is below zero after every financing.
    pub first_gap: Option<crate::calendar::YearMonth>,
    /// The largest shortfall, USD (0 if none).
    pub largest_gap: f64,
    /// The facility drawn at its peak, USD.
    pub credit_peak: f64,
    /// Equity raised, USD.
    pub equity: f64,
    /// Shares issued, millions.
    pub shares_issued_m: f64,
}

impl Funding {
    /// Adds month `month`'s walk.
    pub fn add(&mut self, month: crate::calendar::YearMonth, c: &CashMonth) {
        if c.cash < 0.0 {
            self.first_gap.get_or_insert(month);
            self.largest_gap = self.largest_gap.max(-c.cash);
        }
        self.credit_peak = self.credit_peak.max(c.facility);
        self.equity += c.equity;
        self.shares_issued_m += c.shares_issued_m;
    }

    /// Share of the company the new shares hold, with `outstanding_m` million before.
    pub fn dilution(&self, outstanding_m: f64) -> f64 {
        let total = outstanding_m + self.shares_issued_m;
        if total > 0.0 {
            self.shares_issued_m / total
        } else {
            0.0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn financing(cash: f64, credit: f64, equity: f64) -> Financing {
        Financing {
            cash_usd: cash,
            credit_limit_usd: credit,
            credit_rate_pct_year: 12.0,
            equity_limit_usd: equity,
            share_price_usd: 5.0,
            ..Financing::default()
        }
    }

    #[test]
    fn capex_draws_cash_then_credit_then_equity_then_shows_a_gap() {
        // $100 of cash, $50 of credit at 1% a month, $30 of equity at $5 a share.
        let mut w = CashWalk::new(&financing(100.0, 50.0, 30.0));
        // -$120: cash covers 100, credit 20.
        let m = w.step(-120.0, 0.0, 0.0);
        assert_eq!(
            (m.cash, m.drawn, m.facility, m.equity),
            (0.0, 20.0, 20.0, 0.0)
        );
        // -$60 and 1% interest on 20 (0.2): credit's last 30, equity 30.2 of 30: a gap of 0.2.
        let m = w.step(-60.0, 0.0, 0.0);
        assert!((m.interest - 0.2).abs() < 1e-12);
        assert_eq!((m.drawn, m.facility, m.equity), (30.0, 50.0, 30.0));
        assert!((m.cash + 0.2).abs() < 1e-12, "{}", m.cash);
        assert!((m.shares_issued_m - 30.0 / 5.0 / 1e6).abs() < 1e-18);
        // +$100.7: pays 0.5 interest, then the 0.2 gap; 100 left repays the $50 facility.
        let m = w.step(100.7, 0.0, 0.0);
        assert!((m.repaid - 50.0).abs() < 1e-9 && m.facility.abs() < 1e-9);
        assert!((m.cash - 50.0).abs() < 1e-9, "{}", m.cash);
    }

    #[test]
    fn btc_sold_from_the_treasury_adds_cash_and_held_production_does_not() {
        let mut w = CashWalk::new(&financing(0.0, 0.0, 0.0));
        // FCF 10 counts 8 of mined BTC; none sold: cash 2.
        assert_eq!(w.step(10.0, -8.0, 0.0).cash, 2.0);
        // A sale of 300 from the treasury, nothing mined: cash 302.
        assert_eq!(w.step(0.0, 300.0, 0.0).cash, 302.0);
        // Debt principal falling due is paid from cash.
        assert_eq!(w.step(0.0, 0.0, 100.0).cash, 202.0);
    }
}
