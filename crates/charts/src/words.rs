//! The page's catalogue of translations, for whoever draws words: the app (through
//! `hashpivot::i18n`) and the export worker (`crates/worker`). Here because the charts take their
//! words as a plain function ([`crate::Tr`]), which [`translate`] is.
//!
//! A catalogue is the text of `public/i18n/<code>.txt`: one entry a line,
//! `English<TAB>translation`, sorted by the English (byte order; the app's tests check it).
//!
//! # Usage
//! ```
//! use hashpivot_charts::words;
//! assert_eq!(words::translate("Month"), "Month"); // nothing installed: English
//! words::install("Month\tMese\nYear\tAnno\n".to_owned());
//! assert_eq!(words::translate("Month"), "Mese");
//! assert_eq!(words::translate("Day"), "Day");
//! ```
//!
//! # See also
//! [`crate::ChartStyle::with_words`], which takes [`translate`].

use std::cell::Cell;

type Table = &'static [(&'static str, &'static str)];

thread_local! {
    static TABLE: Cell<Table> = const { Cell::new(&[]) };
}

/// The entries of a catalogue's `text`, in its order: its `English<TAB>translation` lines.
pub fn parse(text: &str) -> Vec<(&str, &str)> {
    text.split('\n')
        .filter_map(|l| l.split_once('\t'))
        .collect()
}

/// Makes the catalogue `text` this thread's, for good (it is kept for the page's life).
pub fn install(text: String) {
    let table: Table = Box::leak(parse(Box::leak(text.into_boxed_str())).into_boxed_slice());
    TABLE.with(|t| t.set(table));
}

/// The translation of `english`, if the installed catalogue has one.
pub fn lookup(english: &str) -> Option<&'static str> {
    let table = TABLE.with(Cell::get);
    table
        .binary_search_by(|(k, _)| (*k).cmp(english))
        .ok()
        .map(|i| table[i].1)
}

/// `english` in the installed catalogue's language, or as given when it has no translation.
pub fn translate(english: &str) -> &str {
    lookup(english).unwrap_or(english)
}
