//! Calendar months: the model's time step.
//!
//! Blocks per month are 144 per day times the days of that calendar month (leap years too).
//!
//! # Usage
//! ```
//! use hashpivot_model::calendar::YearMonth;
//! let m: YearMonth = "2028-02".parse().unwrap();
//! assert_eq!(m.days(), 29);
//! assert_eq!(m.plus(11).to_string(), "2029-01");
//! ```

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar month, e.g. 2026-01.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    /// Year, 2009 to 2200.
    pub year: u16,
    /// Month, 1 to 12.
    pub month: u8,
}

/// Years a start month may fall in.
pub const YEARS: std::ops::RangeInclusive<u16> = 2009..=2200;

impl YearMonth {
    /// The month `months` after this one.
    pub fn plus(self, months: u32) -> YearMonth {
        let index = self.year as u32 * 12 + (self.month as u32 - 1) + months;
        YearMonth {
            year: (index / 12).min(u16::MAX as u32) as u16,
            month: (index % 12 + 1) as u8,
        }
    }

    /// Days in this month, Gregorian calendar.
    pub fn days(self) -> u32 {
        match self.month {
            4 | 6 | 9 | 11 => 30,
            2 if is_leap(self.year) => 29,
            2 => 28,
            _ => 31,
        }
    }

    /// Blocks expected in this month at the 10-minute target: 144 a day.
    pub fn blocks(self) -> u64 {
        crate::subsidy::BLOCKS_PER_DAY * self.days() as u64
    }

    /// Hours in this month.
    pub fn hours(self) -> f64 {
        24.0 * self.days() as f64
    }

    /// Days from 1970-01-01 to the first day of this month (negative before 1970), Gregorian
    /// calendar (H. Hinnant's `days_from_civil`).
    pub fn first_day(self) -> i64 {
        days_from_civil(self.year as i64, self.month as i64, 1)
    }
}

/// Days from 1970-01-01 to `year-month-day`, Gregorian calendar.
pub fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl FromStr for YearMonth {
    type Err = String;

    /// Parses `YYYY-MM` with a year in [`YEARS`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("{s:?} is not a month; expected YYYY-MM from 2009-01 to 2200-12");
        let (y, m) = s.trim().split_once('-').ok_or_else(bad)?;
        if y.len() != 4 || m.len() != 2 {
            return Err(bad());
        }
        let year: u16 = y.parse().map_err(|_| bad())?;
        let month: u8 = m.parse().map_err(|_| bad())?;
        if !YEARS.contains(&year) || !(1..=12).contains(&month) {
            return Err(bad());
        }
        Ok(YearMonth { year, month })
    }
}

impl Serialize for YearMonth {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(s: &str) -> YearMonth {
        s.parse().unwrap()
    }

    #[test]
    fn first_days_count_from_the_unix_epoch() {
        // 1970-01-01 is day 0; 2000-03-01 is day 11,017 (30 years of 365 days + 7 leap days
        // to 2000-01-01 = 10,957, + 31 + 29 in 2000); 2026-01-01 is day 20,454.
        let at = |year, month| YearMonth { year, month }.first_day();
        assert_eq!(at(1970, 1), 0);
        assert_eq!(at(2000, 3), 11_017);
        assert_eq!(ym("2026-01").first_day(), 20_454);
        assert_eq!(days_from_civil(2026, 1, 8), 20_461);
        assert_eq!(
            ym("2029-01").first_day() - ym("2026-01").first_day(),
            3 * 365 + 1
        );
    }

    #[test]
    fn days_follow_the_gregorian_calendar() {
        assert_eq!(ym("2026-01").days(), 31);
        assert_eq!(ym("2026-02").days(), 28);
        assert_eq!(ym("2028-02").days(), 29);
        assert_eq!(ym("2100-02").days(), 28); // divisible by 100, not by 400
        assert_eq!(
            YearMonth {
                year: 2000,
                month: 2
            }
            .days(),
            29
        ); // divisible by 400
        assert_eq!(ym("2026-04").days(), 30);
    }

    #[test]
    fn blocks_are_144_a_day() {
        assert_eq!(ym("2026-01").blocks(), 4_464); // 31 x 144
        assert_eq!(ym("2028-02").blocks(), 4_176); // 29 x 144
        assert_eq!(ym("2026-06").hours(), 720.0);
    }

    #[test]
    fn plus_carries_into_the_next_year() {
        assert_eq!(ym("2026-12").plus(1), ym("2027-01"));
        assert_eq!(ym("2026-01").plus(24), ym("2028-01"));
        assert_eq!(ym("2026-05").plus(0), ym("2026-05"));
    }

    #[test]
    fn parse_rejects_malformed_months() {
        for bad in [
            "2026-13", "2026-00", "26-01", "2026/01", "1999-01", "2026-1", "",
        ] {
            assert!(bad.parse::<YearMonth>().is_err(), "{bad}");
        }
        assert_eq!(ym(" 2026-01 ").to_string(), "2026-01");
    }
}
