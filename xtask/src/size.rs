//! The first-load size budget: brotli bytes of the wasm, JS, CSS and HTML in `dist/`.

use std::io::Write;
use std::path::Path;

/// First load at most 250 KB brotli (DEVELOPERS.md), in bytes.
pub const BUDGET_BROTLI_BYTES: u64 = 250_000;

/// Extensions that make up the first load.
const FIRST_LOAD: [&str; 4] = ["wasm", "js", "css", "html"];

/// A table of the first-load assets; `Err` with the same table when over budget.
pub fn check(dist: &Path) -> Result<String, String> {
    let mut rows = Vec::new();
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
