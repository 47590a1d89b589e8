//! Numbers formatted for reading: `$1.94B`, `37.9`, `10,000,000`.
//!
//! Shared by the app, the charts and the CLI so a figure reads the same everywhere. English
//! by default (the CLI and every test); the app's language layer (`src/i18n.rs`) calls
//! [`set_locale`] once at start, so the page, its charts and the model's own messages write
//! numbers the reader's way with no hook to thread through: Italian `1.234,5` and `$1,94 Mrd`,
//! Chinese `$19.4亿`, Arabic Latin digits as in Gulf financial press (`$1.94 مليار`, negatives
//! held left-to-right with a mark). [`fill`] puts values into a translated template.
//!
//! # Usage
//! ```
//! use hashpivot_model::format;
//! assert_eq!(format::usd_compact(1.94e9), "$1.94B");
//! assert_eq!(format::fixed(37.912, 1), "37.9");
//! assert_eq!(format::plain(10_000_000.0), "10,000,000");
//! ```

use std::cell::Cell;

/// How numbers are written: separators, short-form units, the minus sign.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    /// `1,234.5`, `$1.94B`.
    #[default]
    En,
    /// `1.234,5`, `$1,94 Mrd`, `$305 Mln`, `$91,1k`.
    It,
    /// Latin digits and separators, Arabic short-form words (`$1.94 مليار`); a minus sign
    /// is preceded by U+200E so it stays on the left in right-to-left text.
    Ar,
    /// `1,234.5`; short forms by 万 and 亿 (`$19.4亿`, `$9.11万`).
    Zh,
}

impl Locale {
    /// The locale of a page language's code (`en`, `it`, `ar`, `zh-CN`, as in `lang=`);
    /// English for any other.
    pub fn of_language(code: &str) -> Locale {
        match code {
            "it" => Locale::It,
            "ar" => Locale::Ar,
            "zh-CN" => Locale::Zh,
            _ => Locale::En,
        }
    }
}

thread_local! {
    static LOCALE: Cell<Locale> = const { Cell::new(Locale::En) };
}

/// Sets how this thread writes numbers from now on (the page sets it once, before mounting).
pub fn set_locale(locale: Locale) {
    LOCALE.with(|l| l.set(locale));
}

/// How this thread writes numbers.
pub fn locale() -> Locale {
    LOCALE.with(Cell::get)
}

/// `template` with each `{name}` replaced by its value in `args`, in one pass (a value's own
/// braces are left alone); an unknown `{name}` stays as written.
/// `fill("{a} to {b}", &[("a", "1"), ("b", "2")])` reads `1 to 2`.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut parts = template.split('{');
    let mut out = String::from(parts.next().unwrap_or_default());
    for part in parts {
        let value = part
            .split_once('}')
            .and_then(|(name, rest)| Some((args.iter().find(|(k, _)| *k == name)?.1, rest)));
        match value {
            Some((v, rest)) => {
                out.push_str(v);
                out.push_str(rest);
            }
            None => {
                out.push('{');
                out.push_str(part);
            }
        }
    }
    out
}

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
    let locale = locale();
    let (group, point) = if locale == Locale::It {
        ('.', ',')
    } else {
        (',', '.')
    };
    let mut out = String::with_capacity(text.len() + text.len() / 3 + 4);
    if negative {
        out.push_str(minus(locale));
    }
    out.push_str(&group_thousands(int, group));
    if let Some(f) = frac {
        out.push(point);
        out.push_str(f);
    }
    out
}

/// The minus sign: in Arabic after a left-to-right mark, so `-5` does not read `5-`.
fn minus(locale: Locale) -> &'static str {
    if locale == Locale::Ar {
        "\u{200E}-"
    } else {
        "-"
    }
}

/// `value` with as few decimals as it needs (at most 6) and thousands separators.
pub fn plain(value: f64) -> String {
    if !value.is_finite() {
        return non_finite(value);
    }
    let text = fixed(value, 6);
    let point = if locale() == Locale::It { ',' } else { '.' };
    if text.contains(point) {
        text.trim_end_matches('0')
            .trim_end_matches(point)
            .to_owned()
    } else {
        text
    }
}

/// US dollars in short form with three significant digits: `$1.94B`, `$305M`, `$91.1k`,
/// `$950`, `-$12.0M` (see [`Locale`] for the other languages).
pub fn usd_compact(value: f64) -> String {
    if !value.is_finite() {
        return non_finite(value);
    }
    let locale = locale();
    let sign = if value < 0.0 { minus(locale) } else { "" };
    let v = value.abs();
    let steps: &[(f64, &str)] = match locale {
        Locale::En => &[(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")],
        Locale::It => &[(1e12, " Bln"), (1e9, " Mrd"), (1e6, " Mln"), (1e3, "k")],
        Locale::Ar => &[
            (1e12, " تريليون"),
            (1e9, " مليار"),
            (1e6, " مليون"),
            (1e3, " ألف"),
        ],
        Locale::Zh => &[(1e12, "万亿"), (1e8, "亿"), (1e4, "万")],
    };
    let (scaled, suffix) = steps
        .iter()
        .find(|(at, _)| v >= *at)
        .map_or((v, ""), |(at, s)| (v / at, *s));
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

fn group_thousands(digits: &str, sep: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
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
    fn each_locale_writes_numbers_its_own_way() {
        // Each test runs on its own thread, so the locale set here stays here.
        let cases = [
            (
                Locale::It,
                [
                    "1.234.567,89",
                    "1.234,5",
                    "$1,94 Mrd",
                    "-$12,0 Mln",
                    "$91,1k",
                ],
            ),
            (
                Locale::Zh,
                ["1,234,567.89", "1,234.5", "$19.4亿", "-$1,200万", "$9.11万"],
            ),
            (
                Locale::Ar,
                [
                    "1,234,567.89",
                    "1,234.5",
                    "$1.94 مليار",
                    "\u{200E}-$12.0 مليون",
                    "$91.1 ألف",
                ],
            ),
        ];
        for (locale, [a, b, c, d, e]) in cases {
            set_locale(locale);
            assert_eq!(fixed(1234567.891, 2), a);
            assert_eq!(plain(1234.5), b);
            assert_eq!(usd_compact(1.94e9), c);
            assert_eq!(usd_compact(-12e6), d);
            assert_eq!(usd_compact(91_132.0), e);
        }
        set_locale(Locale::En);
        assert_eq!(usd_compact(1.94e9), "$1.94B");
    }

    #[test]
    fn fill_puts_values_in_once() {
        assert_eq!(fill("{a} to {b}", &[("a", "1"), ("b", "{a}")]), "1 to {a}");
        assert_eq!(fill("{x} {", &[]), "{x} {");
        assert_eq!(fill("年{m}", &[("m", "3月")]), "年3月");
    }

    #[test]
    fn non_finite_values_read_as_words() {
        assert_eq!(fixed(f64::NAN, 1), "not a number");
        assert_eq!(usd_compact(f64::INFINITY), "infinity");
        assert_eq!(plain(f64::NEG_INFINITY), "-infinity");
    }
}
