//! Numbers and months formatted for reading on the page: `$1.94B`, `37.9 USD/PH/day`,
//! `587 BTC`, `Mar 2029`. In the page's language: [`hashpivot_model::format`] follows the
//! locale [`crate::i18n`] sets, and month names come from the catalogue.
//!
//! # Usage
//! ```
//! use hashpivot::fmt;
//! assert_eq!(fmt::usd(1.94e9), "$1.94B");
//! assert_eq!(fmt::percent(0.4567), "45.7%");
//! assert_eq!(fmt::btc(587.2), "587 BTC");
//! ```
//!
//! # See also
//! [`hashpivot_model::format`], which these build on.

use hashpivot_model::calendar::YearMonth;
use hashpivot_model::format;

/// US dollars, three significant digits: `$1.94B`, `-$12.0M`.
pub fn usd(v: f64) -> String {
    format::usd_compact(v)
}

/// A share as a percentage with one decimal: `0.4567` reads `45.7%`.
pub fn percent(share: f64) -> String {
    format!("{}%", format::fixed(share * 100.0, 1))
}

/// BTC, with decimals where a small amount needs them: `587 BTC`, `12.4 BTC`, `0.052 BTC`.
pub fn btc(v: f64) -> String {
    let decimals = match v.abs() {
        a if a >= 100.0 => 0,
        a if a >= 10.0 => 1,
        a if a >= 1.0 => 2,
        _ => 3,
    };
    format!("{} BTC", format::fixed(v, decimals))
}

/// A month as `Mar 2029` in the page's language (`mar 2029`, `مارس 2029`, `2029年3月`).
pub fn month(m: YearMonth) -> String {
    hashpivot_charts::month_name(crate::i18n::t, m)
}

/// An optional figure, or "n/a" with the reason a reader needs.
pub fn or_na(v: Option<f64>, f: fn(f64) -> String) -> String {
    v.filter(|x| x.is_finite())
        .map_or_else(|| crate::i18n::n_("n/a").into(), f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_read_as_names() {
        assert_eq!(
            month(YearMonth {
                year: 2029,
                month: 3
            }),
            "Mar 2029"
        );
        assert_eq!(
            month(YearMonth {
                year: 2026,
                month: 12
            }),
            "Dec 2026"
        );
    }

    #[test]
    fn btc_keeps_the_digits_that_matter() {
        assert_eq!(btc(12.44), "12.4 BTC");
        assert_eq!(btc(0.0523), "0.052 BTC");
        assert_eq!(btc(1_234.6), "1,235 BTC");
    }

    #[test]
    fn missing_figures_say_so() {
        assert_eq!(or_na(None, usd), "n/a");
        assert_eq!(or_na(Some(f64::NAN), usd), "n/a");
        assert_eq!(or_na(Some(5e6), usd), "$5.00M");
    }
}
