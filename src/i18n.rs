//! The page's language: English, Italian, Arabic (right to left) or Simplified Chinese, chosen
//! once at start and fixed for the page's life.
//!
//! gettext style: the English text is the key, and English needs no catalogue, so it costs
//! nothing. Catalogues live in `public/i18n/<code>.txt` (copied to `dist/i18n/`; the service
//! worker precaches them, so they work offline): one entry a line, `English<TAB>translation`,
//! sorted by the English text (byte order); no text holds a tab or a line break. `en.txt` is
//! the list of keys, one a line.
//!
//! Who translates what:
//! - A small script, `public/lang.js`, picks the language before the wasm starts: `lang` in the
//!   link (one of the page's own keys, [`crate::app::PAGE_KEYS`]), else the first of en, it,
//!   ar, zh in `navigator.languages`, else English. English starts the app as soon as the wasm
//!   is in, through [`start_in`] (exported to JS by `main.rs`). Another language loads
//!   `i18n/i18n.js` (not part of the English first load), which fetches the catalogue while the
//!   wasm loads, sets `<html lang dir>`, and then calls [`start_in`] with it: the catalogue is
//!   installed here and the app mounts. If the catalogue cannot be fetched the page mounts in
//!   English with a console warning.
//! - The same script translates every text node and label attribute (`aria-label`, `label`,
//!   `title`, `alt`, `placeholder`, the description's `content`) whose whole text (trimmed) is
//!   a key, as the page inserts or changes it. So static text in the views (headings, labels,
//!   help, the inputs' help and sources, the model's labels and units, preset names and
//!   summaries, table headings) stays plain text in Rust and costs no wasm. Measured: wrapping
//!   each of them in [`t`] made the first load about 4 KB larger, mostly because Leptos can no
//!   longer build a static subtree from one HTML string.
//! - The same script translates the model's messages (`Label (field): "value" is not allowed;
//!   expected ...`): the label and what is allowed are looked up with their numbers as
//!   placeholders (`a number from {a} to {b} {unit}`), the field's key and the value stay.
//! - Rust translates what it composes or keeps outside the DOM's text: templates with values
//!   ([`tf`]), the charts' words (drawn on a canvas, through
//!   [`hashpivot_charts::ChartStyle::with_words`]), text in `value` properties, month names.
//!
//! Numbers follow the language through [`hashpivot_model::format::set_locale`]:
//! - English: `1,234.5`, `45.7%`, `$1.94B`, `Mar 2029`.
//! - Italian: `1.234,5`, `45,7%`, `$1,94 Mrd`, `$305 Mln`, `$91,1k`, `mar 2029`. Typed numbers
//!   read the Italian way too (see [`delocalize`]).
//! - Arabic: Latin digits and separators, as Gulf financial press (Argaam, Al Eqtisadiah) writes
//!   them, so a typed number means the same in every language: `1,234.5`, `45.7%`; short forms
//!   in words, `$1.94 مليار`, `$305 مليون`; a minus sign kept on the left by a left-to-right
//!   mark; months `مارس 2029`.
//! - Simplified Chinese: `1,234.5`, short forms by 万 and 亿 (`$19.4亿`, `$1,200万`), months
//!   `2029年3月`.
//!
//! Raw figures in `data-value` attributes are never formatted.
//!
//! # Usage
//! ```
//! use hashpivot::i18n::{t, tf};
//! assert_eq!(t("Inputs"), "Inputs"); // no catalogue installed: English
//! assert_eq!(tf("Remove strategy {name}", &[("name", "Mine")]), "Remove strategy Mine");
//! ```
//!
//! Adding a string: write it as plain text in a view, or through `t("...")`, `tf("...")` or
//! `n_("...")` in code; add the English to `en.txt` and its translation to the three other
//! catalogues in sorted place. `cargo test` checks the catalogues against each other and
//! against the code, and the browser test checks that no English is left on the page. Adding
//! a language: a [`Lang`], its catalogue, its code in `public/lang.js` and its number
//! conventions in [`hashpivot_model::format::Locale`].

use std::cell::Cell;

use hashpivot_charts::words;
use hashpivot_model::format::{self, Locale};

/// A language of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// English, the keys themselves.
    En,
    /// Italian.
    It,
    /// Arabic, right to left.
    Ar,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    /// Every language, in the switch's order.
    pub const ALL: [Lang; 4] = [Lang::En, Lang::It, Lang::Ar, Lang::Zh];

    /// The code in links (`lang=`), in `<html lang>` and in the catalogue's file name.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::It => "it",
            Lang::Ar => "ar",
            Lang::Zh => "zh-CN",
        }
    }

    /// How numbers are written.
    pub fn locale(self) -> Locale {
        Locale::of_language(self.code())
    }

    /// The language of a catalogue's code (`en`, `it`, `ar`, `zh-CN`).
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }
}

thread_local! {
    static LANG: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// The page's language.
pub fn lang() -> Lang {
    LANG.with(Cell::get)
}

/// The entries of a catalogue's text (see [`hashpivot_charts::words::parse`]).
pub use hashpivot_charts::words::parse;

/// Makes `lang` the page's language with the catalogue `text` (kept for the page's life). In
/// Arabic, `i18n.js` hands over each translation isolated as a right-to-left run (U+2067 ...
/// U+2069): invisible in the page's own right-to-left text, and what keeps a chart's words in
/// order on its left-to-right canvas.
pub fn install(lang: Lang, text: String) {
    words::install(text);
    LANG.with(|l| l.set(lang));
    format::set_locale(lang.locale());
}

/// Installs the page's language and starts the page ([`crate::start`]): what `public/lang.js`
/// (or `public/i18n/i18n.js`) calls once the wasm (and the catalogue) are in. `page` is the language's code, then,
/// after a line break, its catalogue: `en` alone for English (or when the catalogue could not
/// be fetched).
pub fn start_in(page: String) {
    if let Some((code, _)) = page.split_once('\n') {
        if let Some(lang) = Lang::from_code(code) {
            install(lang, page);
        }
    }
    crate::start();
}

/// `english` in the page's language, or as given when the catalogue does not have it.
pub fn t(english: &str) -> &str {
    words::translate(english)
}

/// `text` without the right-to-left isolation of Arabic translations (see [`install`]): for a
/// translation put in an input's value, which the user edits.
pub fn plain(text: &str) -> &str {
    text.strip_prefix('\u{2067}')
        .and_then(|s| s.strip_suffix('\u{2069}'))
        .unwrap_or(text)
}

/// Marks `english` as a key translated later with [`t`] (gettext's `N_`): for texts kept in
/// constants, such as the inputs' help. The key test collects `n_("...")` like `t("...")`.
pub const fn n_(english: &'static str) -> &'static str {
    english
}

/// The translation of `template` with each `{name}` replaced by its value in `args`.
pub fn tf(template: &str, args: &[(&str, &str)]) -> String {
    format::fill(t(template), args)
}

/// A number typed in the page's language, written the way the model reads it: in Italian
/// dots group thousands and a comma is the decimal point (`1.234,5` is 1234.5), as the page
/// writes them. Other languages write numbers the model's way already.
pub fn delocalize(text: &str) -> String {
    let italian = lang() == Lang::It;
    text.chars()
        .filter_map(|c| match c {
            '.' if italian => None,
            ',' if italian => Some('.'),
            c => Some(c),
        })
        .collect()
}

#[cfg(test)]
mod tests;
