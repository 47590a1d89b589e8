//! The first-load size budget: brotli bytes of the wasm, JS, CSS and HTML the page loads.
//!
//! The first load is `index.html` and the files it references (`href`/`src`: Trunk's JS and
//! the wasm it preloads, the stylesheet, the scripts); files it does not reference, such as the
//! service worker (registered after the page has loaded) or `embed.html` (another page), are
//! not part of it. Without an `index.html` every top-level asset counts.

use std::io::Write;
use std::path::Path;

/// The product's goal: first load at most 250 KB brotli (DEVELOPERS.md), in bytes. The
/// benchmark reports against it.
pub const GOAL_BROTLI_BYTES: u64 = 250_000;

/// What `cargo xtask test` allows: the goal itself, since 2026-12-05. It had been tightened to
/// 249,500 (249,032 reached on 2026-12-01); issue 12's model (cash walk and financing, contract
/// refunds and refreshes, the economic network path, fleet cohorts, warnings) and its page
/// (warnings, financing inputs, cash and funding gap, the table's columns) took 7.7 KB, of which
/// the model at opt-level z, `wasm-opt --converge`, loaders after the first paint and minified
/// page, styles and glue won back all but 0.7 KB. Issue 13 (the analysis worker) is where the
/// first load comes down; never past [`GOAL_BROTLI_BYTES`].
pub const BUDGET_BROTLI_BYTES: u64 = GOAL_BROTLI_BYTES;

/// Extensions that make up the first load.
const FIRST_LOAD: [&str; 4] = ["wasm", "js", "css", "html"];

/// Local paths in the `href` and `src` attributes of `html` (quoted or not: a release page is
/// minified and drops the quotes it can), without a leading `/` or `./`; links to other
/// origins, data and fragments are left out.
fn referenced(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["href=", "src="] {
        for (at, _) in html.match_indices(attr) {
            // An attribute name starts after a space or a quoted value (`"src=` when the
            // minifier drops the space), not inside another name such as `data-src=`.
            if !html[..at].ends_with([' ', '\n', '\t', '"', '\'']) {
                continue;
            }
            let part = &html[at + attr.len()..];
            let value = match part.chars().next() {
                Some(q @ ('"' | '\'')) => part[1..].split(q).next().unwrap_or_default(),
                _ => part
                    .split(|c: char| c.is_whitespace() || c == '>')
                    .next()
                    .unwrap_or_default(),
            };
            let local = !(value.is_empty()
                || value.contains("://")
                || value.starts_with("//")
                || value.starts_with("data:")
                || value.starts_with('#'));
            if local {
                let path = value.split(['?', '#']).next().unwrap_or_default();
                out.push(
                    path.trim_start_matches("./")
                        .trim_start_matches('/')
                        .to_string(),
                );
            }
        }
    }
    out
}

/// The first-load assets of `dist` (file name and contents), in no particular order.
pub fn first_load(dist: &Path) -> Result<Vec<(String, Vec<u8>)>, String> {
    let wanted: Option<Vec<String>> =
        std::fs::read_to_string(dist.join("index.html"))
            .ok()
            .map(|html| {
                let mut names = referenced(&html);
                names.push("index.html".into());
                names
            });
    let mut files = Vec::new();
    let entries = std::fs::read_dir(dist)
        .map_err(|e| format!("size budget: cannot read {}: {e}", dist.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        if !FIRST_LOAD.contains(&ext) {
            continue;
        }
        let bytes = std::fs::read(&path)
            .map_err(|e| format!("size budget: cannot read {}: {e}", path.display()))?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if wanted.as_ref().is_some_and(|w| !w.contains(&name)) {
            continue;
        }
        files.push((name, bytes));
    }
    Ok(files)
}

/// A table of the first-load assets; `Err` with the same table when over budget.
pub fn check(dist: &Path) -> Result<String, String> {
    let mut rows = Vec::new();
    for (name, bytes) in first_load(dist)? {
        rows.push((name, bytes.len() as u64, brotli_len(&bytes)?));
    }
    if rows.is_empty() {
        return Err(format!(
            "size budget: no first-load assets in {}",
            dist.display()
        ));
    }
    rows.sort_by_key(|r| std::cmp::Reverse(r.2));
    let total: u64 = rows.iter().map(|r| r.2).sum();
    let mut table =
        String::from("  asset                                              raw B   brotli B\n");
    for (name, raw, br) in &rows {
        table.push_str(&format!("  {name:<48} {raw:>9} {br:>10}\n"));
    }
    table.push_str(&format!(
        "  first load: {total} bytes brotli ({:.1} KB) of a {BUDGET_BROTLI_BYTES}-byte budget",
        total as f64 / 1000.0
    ));
    if total <= BUDGET_BROTLI_BYTES {
        Ok(table)
    } else {
        Err(format!(
            "{table}\nsize budget exceeded by {} bytes",
            total - BUDGET_BROTLI_BYTES
        ))
    }
}

/// Brotli-compressed length at the highest quality, as a static host would precompress.
pub fn brotli_len(bytes: &[u8]) -> Result<u64, String> {
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        writer
            .write_all(bytes)
            .map_err(|e| format!("brotli: {e}"))?;
    }
    Ok(out.len() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_what_index_html_references_is_first_load() {
        let dir = std::env::temp_dir().join(format!("hashpivot-first-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("index.html"),
            r#"<link rel="preload" href="/app_bg.wasm"><script src="./a.js?v=1"></script>
               <link rel="stylesheet" href="main.css"><a href="https://example.org/x.js">x</a>"#,
        )
        .unwrap();
        for f in [
            "app_bg.wasm",
            "a.js",
            "main.css",
            "sw.js",
            "embed.html",
            "x.js",
        ] {
            std::fs::write(dir.join(f), f).unwrap();
        }
        let mut names: Vec<String> = first_load(&dir).unwrap().into_iter().map(|f| f.0).collect();
        names.sort();
        assert_eq!(names, ["a.js", "app_bg.wasm", "index.html", "main.css"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_minified_page_without_attribute_quotes_is_read_too() {
        let html = r#"<link href=/m.css rel=stylesheet><script src=b.js></script><link integrity="x"href=/w.wasm><img data-src=no.js>"#;
        let mut names = referenced(html);
        names.sort();
        assert_eq!(names, ["b.js", "m.css", "w.wasm"]);
    }

    #[test]
    fn brotli_shrinks_repetitive_text_and_roundtrips_length_order() {
        let text = "hashprice ".repeat(1_000);
        let small = brotli_len(text.as_bytes()).unwrap();
        assert!(small > 0 && small < 200, "{small}");
    }

    #[test]
    fn over_budget_fails_and_names_the_excess() {
        let dir = std::env::temp_dir().join(format!("hashpivot-size-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        // Pseudo-random bytes barely compress: 300 kB of them exceed the budget.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let noise: Vec<u8> = (0..300_000)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x as u8
            })
            .collect();
        std::fs::write(dir.join("app.wasm"), &noise).unwrap();
        std::fs::write(dir.join("notes.txt"), &noise).unwrap(); // not first-load: ignored
        let err = check(&dir).unwrap_err();
        assert!(
            err.contains("app.wasm") && err.contains("exceeded"),
            "{err}"
        );
        assert!(!err.contains("notes.txt"));
        std::fs::write(dir.join("app.wasm"), b"small").unwrap();
        assert!(check(&dir).is_ok());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
