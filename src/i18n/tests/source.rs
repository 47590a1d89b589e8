//! Keys in the source code: the literal arguments of `t`, `tf` and `n_`, the text children and
//! label attributes of every `view!`, and every string literal of the charts' code.

use super::*;

/// Text the page shows as it is in every language: the brand and the languages' own names.
pub(super) const UNTRANSLATED: [&str; 7] = [
    "Hashpivot",
    "English",
    "Italiano",
    "العربية",
    "简体中文",
    // File formats, on the charts' download buttons.
    "SVG",
    "PNG",
];

/// Attributes and props whose text is shown (and translated by the page's script).
pub(super) const LABEL_ATTRS: [&str; 12] = [
    "aria-label",
    "label",
    "title",
    "alt",
    "placeholder",
    "note",
    // The export script's message templates (public/exchange.js).
    "data-msg-preparing",
    "data-msg-saved",
    "data-msg-imported",
    "data-msg-refused",
    "data-msg-unreadable",
    "data-msg-failed",
];

/// Text a reader would read: two lowercase Latin letters in a row, or a non-Latin letter.
/// Units (`USD/MWh`, `EH/s`), acronyms (`AI/HPC`, `EBITDA` unless marked) and numbers are not.
pub(super) fn wordy(s: &str) -> bool {
    let b: Vec<char> = s.chars().collect();
    b.windows(2)
        .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_lowercase())
        || b.iter().any(|c| c.is_alphabetic() && !c.is_ascii())
}

// ---------------------------------------------------------------- keys in the code

/// The Rust string literal starting at `at` (a `"` or `r#"`): its value and the index after it.
pub(super) fn literal(src: &str, at: usize) -> (String, usize) {
    let bytes = src.as_bytes();
    if bytes[at] == b'r' {
        let hashes = src[at + 1..].bytes().take_while(|b| *b == b'#').count();
        let open = at + 1 + hashes + 1;
        let close = format!("\"{}", "#".repeat(hashes));
        let end = src[open..].find(&close).unwrap() + open;
        return (src[open..end].to_owned(), end + close.len());
    }
    let mut out = String::new();
    let mut chars = src[at + 1..].char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return (out, at + 1 + i + 1),
            '\\' => match chars.next().map(|x| x.1) {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('u') => {
                    let hex: String = chars
                        .by_ref()
                        .map(|x| x.1)
                        .skip(1)
                        .take_while(|c| *c != '}')
                        .collect();
                    out.push(char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap());
                }
                Some('\n') => {
                    // A line continuation: the next line's leading blanks are dropped.
                    let rest = &src[at + 1 + i + 2..];
                    let skip = rest.len() - rest.trim_start().len();
                    for _ in 0..rest[..skip].chars().count() {
                        chars.next();
                    }
                }
                Some(other) => out.push(other),
                None => break,
            },
            _ => out.push(c),
        }
    }
    panic!("unterminated literal at {at}");
}

/// Index of the `"` or `r"`/`r#"` starting a literal at `i`, if one does.
pub(super) fn literal_start(src: &str, i: usize) -> bool {
    let b = src.as_bytes();
    b[i] == b'"'
        || (b[i] == b'r'
            && matches!(b.get(i + 1), Some(b'"' | b'#'))
            && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')))
}

/// `src` without its comment lines (doc examples name keys only as examples).
pub(super) fn code_only(src: &str) -> String {
    src.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The literal arguments of `t(`, `tf(` and `n_(` calls.
pub(super) fn marked(src: &str) -> Vec<String> {
    let src = &code_only(src);
    let mut out = Vec::new();
    for name in ["t(", "tf(", "n_("] {
        for (at, _) in src.match_indices(name) {
            let before = src[..at].chars().next_back().unwrap_or(' ');
            if before.is_alphanumeric() || before == '_' || before == '.' {
                continue;
            }
            let rest = &src[at + name.len()..];
            let skip = rest.len() - rest.trim_start().len();
            let start = at + name.len() + skip;
            if start < src.len() && literal_start(src, start) {
                out.push(literal(src, start).0);
            }
        }
    }
    out
}

/// Text children and label attributes of every `view!` block.
pub(super) fn view_texts(src: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (at, _) in src.match_indices("view! {") {
        let b = src.as_bytes();
        let mut i = at + "view! {".len();
        let mut depth = 1;
        while i < b.len() && depth > 0 {
            match b[i] {
                b'{' => depth += 1,
                b'}' => depth -= 1,
                b'/' if b.get(i + 1) == Some(&b'/') => {
                    i = src[i..].find('\n').map_or(b.len(), |n| i + n);
                    continue;
                }
                b'\'' if b.get(i + 2) == Some(&b'\'') => i += 2, // a char literal such as '{'
                _ if literal_start(src, i) => {
                    let (text, end) = literal(src, i);
                    let before = src[..i].trim_end();
                    // Text follows a tag, a block or other text; a literal after `(` or `,` is
                    // an argument of a macro or a call (`format!("...")`).
                    let in_view = before.ends_with(['>', '}', '"', '=']);
                    if depth == 1 && in_view {
                        let attr = before.strip_suffix('=').map(|b| {
                            let name_start = b
                                .rfind(|c: char| {
                                    !(c.is_alphanumeric() || c == '-' || c == '_' || c == ':')
                                })
                                .map_or(0, |p| p + 1);
                            &b[name_start..]
                        });
                        let keep = match attr {
                            Some(name) => LABEL_ATTRS.contains(&name),
                            None => wordy(&text) && !UNTRANSLATED.contains(&text.trim()),
                        };
                        if keep {
                            out.push(text.trim().to_owned());
                        }
                    }
                    i = end;
                    continue;
                }
                _ => {}
            }
            i += 1;
        }
    }
    out
}

pub(super) fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        // These tests (`i18n/tests.rs` and `i18n/tests/`) quote the patterns they look for.
        if p.ends_with("i18n/tests") || p.ends_with("i18n/tests.rs") {
            continue;
        }
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// Keys the app's code uses: marked literals and view text.
pub(super) fn code_keys() -> BTreeSet<String> {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let mut keys = BTreeSet::new();
    for f in files {
        let src = read(&f);
        keys.extend(marked(&src));
        keys.extend(view_texts(&src));
    }
    keys
}

/// Every string literal of the charts' code (not its tests): the keys a chart may use in a
/// branch the drawing below does not reach.
pub(super) fn chart_literals() -> BTreeSet<String> {
    let mut files = Vec::new();
    rust_files(&root().join("crates/charts/src"), &mut files);
    let mut out = BTreeSet::new();
    for f in files {
        let src = read(&f);
        let src = src.split("#[cfg(test)]").next().unwrap_or_default();
        let mut i = 0;
        while i < src.len() {
            if src[i..].starts_with("//") {
                i = src[i..].find('\n').map_or(src.len(), |n| i + n);
            } else if src.as_bytes()[i] == b'\'' && src.as_bytes().get(i + 2) == Some(&b'\'') {
                i += 3;
            } else if src.is_char_boundary(i) && literal_start(src, i) {
                let (text, end) = literal(src, i);
                out.insert(text);
                i = end;
            } else {
                i += 1;
            }
        }
    }
    out
}
