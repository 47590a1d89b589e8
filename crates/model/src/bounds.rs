//! Allowed ranges of every user input, in one place, so that validation, the app's sliders and
//! the CLI agree.
//!
//! A [`Bound`] knows its share-link key, label and unit, the range the model accepts and the
//! narrower range a slider offers. Typed values may go anywhere inside the accepted range.
//!
//! # Usage
//! ```
//! use hashpivot_model::bounds::BTC_PRICE;
//! assert_eq!(BTC_PRICE.parse("91,000"), Ok(91_000.0));
//! let err = BTC_PRICE.parse("-5").unwrap_err();
//! assert!(err.to_string().contains("BTC price"));
//! ```
//!
//! # See also
//! [`crate::ValidationError`], [`crate::Network::validate`].

use crate::error::ValidationError;
use crate::format;

/// The accepted and suggested range of one numeric input.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bound {
    /// Share-link key, e.g. `btc`.
    pub key: &'static str,
    /// Label shown to users, e.g. `BTC price`.
    pub label: &'static str,
    /// Unit shown after the value, e.g. `USD`.
    pub unit: &'static str,
    /// Smallest accepted value (inclusive).
    pub min: f64,
    /// Largest accepted value (inclusive).
    pub max: f64,
    /// Slider lower end (inside `min..=max`).
    pub slider_min: f64,
    /// Slider upper end (inside `min..=max`).
    pub slider_max: f64,
    /// Slider step.
    pub step: f64,
}

impl Bound {
    /// The allowed range as users read it, e.g. `1 to 10,000,000 USD`.
    pub fn allowed(&self) -> String {
        let unit = if self.unit.is_empty() {
            String::new()
        } else {
            format!(" {}", self.unit)
        };
        format!(
            "a number from {} to {}{unit}",
            format::plain(self.min),
            format::plain(self.max)
        )
    }

    fn error(&self, value: String) -> ValidationError {
        ValidationError {
            field: self.key,
            label: self.label,
            value,
            allowed: self.allowed(),
        }
    }

    /// Accepts `value` if it is finite and inside `min..=max`.
    pub fn check(&self, value: f64) -> Result<f64, ValidationError> {
        if value.is_finite() && value >= self.min && value <= self.max {
            Ok(value)
        } else {
            Err(self.error(format::plain(value)))
        }
    }

    /// Parses what a user typed (thousands separators `,` `_` and spaces allowed) and checks it.
    /// The error keeps the text verbatim.
    pub fn parse(&self, text: &str) -> Result<f64, ValidationError> {
        let cleaned: String = text
            .trim()
            .chars()
            .filter(|c| !matches!(c, ',' | '_' | ' '))
            .collect();
        match cleaned.parse::<f64>() {
            Ok(v) => self.check(v).map_err(|_| self.error(text.to_owned())),
            Err(_) => Err(self.error(text.to_owned())),
        }
    }
}

/// Bitcoin price in US dollars.
pub const BTC_PRICE: Bound = Bound {
    key: "btc",
    label: "BTC price",
    unit: "USD",
    min: 1.0,
    max: 10_000_000.0,
    slider_min: 10_000.0,
    slider_max: 300_000.0,
    step: 500.0,
};

/// Network difficulty in T (10^12). 1,000 T is about 7,158 EH/s.
pub const DIFFICULTY: Bound = Bound {
    key: "diff",
    label: "Difficulty",
    unit: "T",
    min: 0.001,
    max: 100_000.0,
    slider_min: 50.0,
    slider_max: 500.0,
    step: 0.5,
};

/// Transaction fees in BTC per block (average over the month).
pub const FEES: Bound = Bound {
    key: "fees",
    label: "Fees",
    unit: "BTC per block",
    min: 0.0,
    max: 50.0,
    slider_min: 0.0,
    slider_max: 1.0,
    step: 0.001,
};

/// Block height at the start of the projection. The subsidy is zero from the 64th halving on,
/// so no height past it changes anything.
pub const HEIGHT: Bound = Bound {
    key: "height",
    label: "Start block height",
    unit: "",
    min: 0.0,
    max: 13_440_000.0,
    slider_min: 800_000.0,
    slider_max: 1_300_000.0,
    step: 1.0,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sliders_lie_inside_the_accepted_range() {
        for b in [BTC_PRICE, DIFFICULTY, FEES, HEIGHT] {
            assert!(b.min <= b.slider_min && b.slider_min < b.slider_max && b.slider_max <= b.max);
            assert!(
                b.step > 0.0 && b.step < b.slider_max - b.slider_min,
                "{}",
                b.key
            );
        }
    }

    #[test]
    fn accepts_the_ends_and_rejects_just_outside() {
        assert_eq!(BTC_PRICE.check(1.0), Ok(1.0));
        assert_eq!(BTC_PRICE.check(10_000_000.0), Ok(10_000_000.0));
        assert!(BTC_PRICE.check(0.999).is_err());
        assert!(BTC_PRICE.check(10_000_000.5).is_err());
    }

    #[test]
    fn rejects_non_finite_values() {
        for v in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert!(FEES.check(v).is_err(), "{v}");
        }
    }

    #[test]
    fn parse_accepts_thousands_separators() {
        assert_eq!(BTC_PRICE.parse(" 91,132 "), Ok(91_132.0));
        assert_eq!(BTC_PRICE.parse("91_132.5"), Ok(91_132.5));
    }

    #[test]
    fn parse_error_keeps_the_typed_text_and_names_the_range() {
        let e = BTC_PRICE.parse("12abc").unwrap_err();
        assert_eq!(e.field, "btc");
        assert_eq!(e.value, "12abc");
        assert_eq!(e.allowed, "a number from 1 to 10,000,000 USD");
        let e = FEES.parse("-0.1").unwrap_err();
        assert_eq!(e.value, "-0.1");
        assert!(e.to_string().contains("BTC per block"));
    }
}
