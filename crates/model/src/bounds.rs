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
            field: self.key.into(),
            label: self.label.into(),
            value,
            allowed: self.allowed(),
        }
    }

    /// The same bound checked as the field `prefix.key` (a nested scenario field such as
    /// `strategies[1].contracts[0].it_mw`); the path is formatted only on error.
    pub fn within(&self, prefix: &str, value: f64) -> Result<f64, ValidationError> {
        self.check(value).map_err(|mut e| {
            e.field = format!("{prefix}.{}", self.key);
            e
        })
    }

    /// The same bound checked under another field path (a nested scenario field).
    pub fn at(&self, path: &str, value: f64) -> Result<f64, ValidationError> {
        self.check(value).map_err(|mut e| {
            e.field = path.into();
            e
        })
    }

    /// Accepts `value` if it is finite and inside `min..=max`.
    pub fn check(&self, value: f64) -> Result<f64, ValidationError> {
        if value.is_finite() && value >= self.min && value <= self.max {
            Ok(value)
        } else {
            Err(self.error(format::plain(value)))
        }
    }

    /// Parses what a user typed (thousands separators `,` `_` and spaces allowed, and the
    /// left-to-right mark [`format`] puts before an Arabic minus) and checks it. The error quotes
    /// the text as typed, cut after 80 characters (the field itself keeps all of it).
    pub fn parse(&self, text: &str) -> Result<f64, ValidationError> {
        let cleaned: String = text
            .trim()
            .chars()
            .filter(|c| !matches!(c, ',' | '_' | ' ' | '\u{200E}'))
            .collect();
        match cleaned.parse::<f64>() {
            Ok(v) => self
                .check(v)
                .map_err(|_| self.error(crate::query::shorten(text))),
            Err(_) => Err(self.error(crate::query::shorten(text))),
        }
    }
}

impl Bound {
    /// A bound whose slider spans the whole accepted range.
    pub const fn new(
        key: &'static str,
        label: &'static str,
        unit: &'static str,
        min: f64,
        max: f64,
        step: f64,
    ) -> Bound {
        Bound {
            key,
            label,
            unit,
            min,
            max,
            slider_min: min,
            slider_max: max,
            step,
        }
    }

    /// The same bound with a narrower slider.
    pub const fn slider(self, slider_min: f64, slider_max: f64) -> Bound {
        Bound {
            slider_min,
            slider_max,
            ..self
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

/// Network hashrate, EH/s (the other face of difficulty).
pub const HASHRATE: Bound =
    Bound::new("hashrate", "Network hashrate", "EH/s", 0.01, 700_000.0, 1.0).slider(300.0, 3_000.0);
/// Months projected.
pub const HORIZON: Bound = Bound::new("horizon", "Horizon", "months", 1.0, 180.0, 1.0);
/// Fleet hashrate, EH/s.
pub const FLEET: Bound =
    Bound::new("fleet", "Fleet hashrate", "EH/s", 0.0, 2_000.0, 0.1).slider(0.0, 100.0);
/// Fleet efficiency, J/TH.
pub const EFFICIENCY: Bound =
    Bound::new("eff", "Fleet efficiency", "J/TH", 5.0, 200.0, 0.1).slider(10.0, 40.0);
/// Power price, USD/MWh.
pub const POWER: Bound =
    Bound::new("power", "Power price", "USD/MWh", 0.0, 2_000.0, 1.0).slider(0.0, 150.0);
/// Fleet uptime, % of hours.
pub const UPTIME: Bound = Bound::new("uptime", "Uptime", "%", 0.0, 100.0, 0.5).slider(50.0, 100.0);
/// Curtailment, % of running hours.
pub const CURTAILMENT: Bound =
    Bound::new("curtail", "Curtailment", "%", 0.0, 100.0, 0.5).slider(0.0, 30.0);
/// Pool fee, %.
pub const POOL_FEE: Bound = Bound::new("poolfee", "Pool fee", "%", 0.0, 20.0, 0.1).slider(0.0, 5.0);
/// PUE of mining sites.
pub const PUE: Bound = Bound::new("pue", "Mining PUE", "", 1.0, 3.0, 0.01).slider(1.0, 1.6);
/// PUE of AI/HPC halls.
pub const HPC_PUE: Bound = Bound::new("hpc_pue", "AI/HPC PUE", "", 1.0, 3.0, 0.01).slider(1.0, 1.6);
/// Site capacity at the meter, MW.
pub const SITE_MW: Bound =
    Bound::new("site_mw", "Site capacity", "MW", 0.1, 100_000.0, 1.0).slider(10.0, 1_500.0);
/// Difficulty growth, % a month.
pub const DIFF_GROWTH: Bound = Bound::new(
    "diff_growth",
    "Difficulty growth",
    "% a month",
    -20.0,
    20.0,
    0.1,
)
.slider(-5.0, 8.0);
/// BTC price growth, % a year.
pub const BTC_GROWTH: Bound = Bound::new(
    "btc_growth",
    "BTC price growth",
    "% a year",
    -90.0,
    500.0,
    1.0,
)
.slider(-50.0, 100.0);
/// Fee growth, % a month.
pub const FEES_GROWTH: Bound =
    Bound::new("fees_growth", "Fee growth", "% a month", -50.0, 50.0, 0.1).slider(-5.0, 5.0);
/// Discount rate, % a year.
pub const DISCOUNT: Bound =
    Bound::new("discount", "Discount rate", "% a year", -50.0, 100.0, 0.5).slider(0.0, 30.0);
/// Cash at the start, USD.
pub const CASH: Bound =
    Bound::new("cash", "Cash at the start", "USD", 0.0, 1e12, 1e6).slider(0.0, 2e9);
/// Credit facility limit, USD.
pub const CREDIT_LIMIT: Bound =
    Bound::new("credit", "Credit facility", "USD", 0.0, 1e12, 1e6).slider(0.0, 5e9);
/// Interest on the drawn facility, % a year.
pub const CREDIT_RATE: Bound = Bound::new(
    "credit_rate",
    "Credit facility rate",
    "% a year",
    0.0,
    100.0,
    0.25,
)
.slider(0.0, 25.0);
/// New equity the strategy may raise, USD.
pub const EQUITY_LIMIT: Bound =
    Bound::new("equity", "Equity raise limit", "USD", 0.0, 1e12, 1e6).slider(0.0, 5e9);
/// Price of new shares, USD.
pub const SHARE_PRICE: Bound =
    Bound::new("share_price", "Share price", "USD", 0.01, 1e6, 0.01).slider(0.5, 100.0);
/// Shares outstanding at the start, millions.
pub const SHARES: Bound =
    Bound::new("shares", "Shares outstanding", "million", 0.001, 1e6, 1.0).slider(1.0, 2_000.0);
/// Monte Carlo paths.
pub const PATHS: Bound =
    Bound::new("paths", "Monte Carlo paths", "", 1.0, 100_000.0, 100.0).slider(100.0, 10_000.0);
/// BTC volatility, % a year.
pub const BTC_VOL: Bound =
    Bound::new("btc_vol", "BTC volatility", "% a year", 0.0, 500.0, 1.0).slider(0.0, 150.0);

/// ASIC depreciation life, months.
pub const ASIC_LIFE: Bound = Bound::new(
    "asic_life",
    "ASIC depreciation life",
    "months",
    1.0,
    240.0,
    1.0,
)
.slider(12.0, 72.0);
/// Demand-response credit, USD/MWh.
pub const DEMAND_RESPONSE: Bound = Bound::new(
    "dr",
    "Demand-response credit",
    "USD/MWh",
    0.0,
    10_000.0,
    1.0,
)
.slider(0.0, 200.0);
/// BTC held at the start.
pub const BTC_HELD: Bound =
    Bound::new("btc_held", "BTC held", "BTC", 0.0, 21_000_000.0, 1.0).slider(0.0, 20_000.0);
/// Share of monthly production sold, %.
pub const SELL: Bound = Bound::new("sell", "Production sold", "%", 0.0, 100.0, 1.0);
/// BTC drift in the Monte Carlo, % a year.
pub const BTC_DRIFT: Bound =
    Bound::new("btc_drift", "BTC drift", "% a year", -100.0, 500.0, 1.0).slider(-50.0, 100.0);
/// Hashrate volatility in the Monte Carlo, % a year.
pub const HASHRATE_VOL: Bound =
    Bound::new("hr_vol", "Hashrate volatility", "% a year", 0.0, 500.0, 1.0).slider(0.0, 100.0);
/// How strongly hashrate growth follows the BTC price, %.
pub const HASHRATE_FOLLOW: Bound =
    Bound::new("hr_follow", "Hashrate follows price", "%", 0.0, 100.0, 1.0);
/// Months by which hashrate follows price.
pub const HASHRATE_LAG: Bound = Bound::new("hr_lag", "Hashrate lag", "months", 0.0, 24.0, 1.0);

/// Fields of an AI/HPC contract, checked under their path (e.g. `strategies[1].contracts[0]`).
pub mod contract;

/// Fields of a debt, checked under `financing.debt[i]`.
pub mod debt;
/// Fleet costs and values per unit of hashrate, and the totals old links carry.
pub mod fleet;
/// The network path's inputs (economic mode).
pub mod network;
pub use fleet::{
    ASIC_TH, ASIC_VALUE, OPEX, OPEX_AVOIDABLE, OPEX_EH, RESALE_19_TO_25, RESALE_BELOW_19,
    RESALE_FROM_25,
};
/// Fields of a fleet purchase.
pub mod purchase;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sliders_lie_inside_the_accepted_range() {
        for b in [
            BTC_PRICE,
            DIFFICULTY,
            FEES,
            HEIGHT,
            HASHRATE,
            HORIZON,
            FLEET,
            EFFICIENCY,
            POWER,
            UPTIME,
            CURTAILMENT,
            POOL_FEE,
            PUE,
            HPC_PUE,
            SITE_MW,
            DIFF_GROWTH,
            BTC_GROWTH,
            FEES_GROWTH,
            DISCOUNT,
            CASH,
            CREDIT_LIMIT,
            CREDIT_RATE,
            EQUITY_LIMIT,
            SHARE_PRICE,
            SHARES,
            PATHS,
            BTC_VOL,
        ]
        .into_iter()
        .chain(contract::ALL)
        .chain(debt::ALL)
        .chain(fleet::ALL)
        .chain([OPEX, ASIC_VALUE])
        {
            assert!(b.min <= b.slider_min && b.slider_min < b.slider_max && b.slider_max <= b.max);
            assert!(
                b.step > 0.0 && b.step < b.slider_max - b.slider_min,
                "{}",
                b.key
            );
        }
    }

    #[test]
    fn within_names_the_nested_path() {
        let e = contract::NOI
            .within("strategies[2].contracts[0]", 1.5)
            .unwrap_err();
        assert_eq!(e.field, "strategies[2].contracts[0].noi_margin");
        assert_eq!(contract::NOI.within("x", 0.5), Ok(0.5));
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
        // A very long text is cut in the message.
        let long = "9".repeat(5_000);
        let e = BTC_PRICE.parse(&long).unwrap_err();
        assert!(e.value.starts_with(&"9".repeat(80)), "{}", e.value);
        assert!(e.value.chars().count() < 90, "{}", e.value);
        let e = FEES.parse("-0.1").unwrap_err();
        assert_eq!(e.value, "-0.1");
        assert!(e.to_string().contains("BTC per block"));
    }
}
