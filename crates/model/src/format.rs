//! Numbers formatted for reading: `$1.94B`, `37.9`, `10,000,000`.
//!
//! Shared by the app, the charts and the CLI so a figure reads the same everywhere. English
//! separators; locale-aware formatting belongs to the app's language layer.
//!
//! # Usage
//! ```
//! use hashpivot_model::format;
//! assert_eq!(format::usd_compact(1.94e9), "$1.94B");
//! assert_eq!(format::fixed(37.912, 1), "37.9");
//! assert_eq!(format::plain(10_000_000.0), "10,000,000");
//! ```

/// `value` with `decimals` digits after the point and thousands separators: `1,234.5`.
pub fn fixed(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return non_finite(value);
    }
    let text = format!("{:.*}", decimals, value.abs());
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    let negative = value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0');
    let mut out = String::with_capacity(text.len() + text.len() / 3 + 1);
    if negative {
        out.push('-');
    }
    out.push_str(&group_thousands(int));
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// `value` with as few decimals as it needs (at most 6) and thousands separators.
pub fn plain(value: f64) -> String {
    if !value.is_finite() {
        return non_finite(value);
    }
    let text = fixed(value, 6);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

/// US dollars in short form with three significant digits: `$1.94B`, `$305M`, `$91.1k`,
/// `$950`, `-$12.0M`.
pub fn usd_compact(value: f64) -> String {
    if !value.is_finite() {
        return non_finite(value);
    }
    let sign = if value < 0.0 { "-" } else { "" };
    let v = value.abs();
    let (scaled, suffix) = if v >= 1e12 {
        (v / 1e12, "T")
    } else if v >= 1e9 {
        (v / 1e9, "B")
    } else if v >= 1e6 {
        (v / 1e6, "M")
    } else if v >= 1e3 {
        (v / 1e3, "k")
    } else {
        (v, "")
    };
    // Three significant digits, unless rounding carries into the next magnitude (999.6k).
    let decimals = if scaled >= 100.0 || suffix.is_empty() {
        0
    } else if scaled >= 10.0 {
        1
    } else {
        2
    };
    format!("{sign}${}{suffix}", fixed(scaled, decimals))
}

fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn non_finite(value: f64) -> String {
    if value.is_nan() {
        "not a number".into()
    } else if value > 0.0 {
        "infinity".into()
    } else {
        "-infinity".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_groups_thousands_and_rounds() {
        assert_eq!(fixed(1234567.891, 2), "1,234,567.89");
        assert_eq!(fixed(999.95, 1), "1,000.0");
        assert_eq!(fixed(-1234.0, 0), "-1,234");
        assert_eq!(fixed(-0.0001, 2), "0.00");
        assert_eq!(fixed(0.0, 0), "0");
    }

    #[test]
    fn plain_trims_trailing_zeros() {
        assert_eq!(plain(0.001), "0.001");
        assert_eq!(plain(13_440_000.0), "13,440,000");
        assert_eq!(plain(-2.5), "-2.5");
    }

    #[test]
    fn usd_compact_scales_by_thousands() {
        // Each magnitude step is a factor of 1,000: a wrong factor shows as a wrong suffix.
        assert_eq!(usd_compact(9.7e9), "$9.70B");
        assert_eq!(usd_compact(305e6), "$305M");
        assert_eq!(usd_compact(1.15e9), "$1.15B");
        assert_eq!(usd_compact(91_132.0), "$91.1k");
        assert_eq!(usd_compact(950.4), "$950");
        assert_eq!(usd_compact(-12e6), "-$12.0M");
        assert_eq!(usd_compact(2.5e12), "$2.50T");
    }

    #[test]
    fn non_finite_values_read_as_words() {
        assert_eq!(fixed(f64::NAN, 1), "not a number");
        assert_eq!(usd_compact(f64::INFINITY), "infinity");
        assert_eq!(plain(f64::NEG_INFINITY), "-infinity");
    }
}
