//! The small JSON reader and writer of `cargo xtask bench`: [`Json`] holds each stage's figures
//! and `results.json`; [`parse_json`] reads criterion's `estimates.json` and the `BENCH {...}`
//! lines that the wasm benchmark and the node scripts print ([`bench_lines`]). No dependency.

/// A JSON value: what the stages record and what `results.json` holds.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Json {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Json {
    pub(super) fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub(super) fn num(&self, key: &str) -> Option<f64> {
        match self.get(key) {
            Some(Json::Num(n)) => Some(*n),
            _ => None,
        }
    }

    pub(super) fn text(&self, key: &str) -> Option<&str> {
        match self.get(key) {
            Some(Json::Str(s)) => Some(s),
            _ => None,
        }
    }

    pub(super) fn push(&mut self, key: &str, value: Json) {
        if let Json::Obj(fields) = self {
            fields.retain(|(k, _)| k != key);
            fields.push((key.to_owned(), value));
        }
    }

    /// Pretty-printed with two-space indents; objects keep their order.
    pub(super) fn write(&self, out: &mut String, indent: usize) {
        let pad = |n: usize| "  ".repeat(n);
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Num(n) if n.is_finite() => out.push_str(&format_num(*n)),
            Json::Num(_) => out.push_str("null"),
            Json::Str(s) => write_str(out, s),
            Json::Arr(items) if items.is_empty() => out.push_str("[]"),
            Json::Arr(items) => {
                out.push_str("[\n");
                for (i, item) in items.iter().enumerate() {
                    out.push_str(&pad(indent + 1));
                    item.write(out, indent + 1);
                    out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
                }
                out.push_str(&pad(indent));
                out.push(']');
            }
            Json::Obj(fields) if fields.is_empty() => out.push_str("{}"),
            Json::Obj(fields) => {
                out.push_str("{\n");
                for (i, (k, v)) in fields.iter().enumerate() {
                    out.push_str(&pad(indent + 1));
                    write_str(out, k);
                    out.push_str(": ");
                    v.write(out, indent + 1);
                    out.push_str(if i + 1 < fields.len() { ",\n" } else { "\n" });
                }
                out.push_str(&pad(indent));
                out.push('}');
            }
        }
    }
}

/// Integers without a fraction, others as Rust prints them (shortest round-trip form).
fn format_num(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

fn write_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A small JSON reader, for criterion's estimates and the `BENCH {...}` lines.
struct Reader<'a> {
    text: &'a [u8],
    at: usize,
}

pub(super) fn parse_json(text: &str) -> Result<Json, String> {
    let mut r = Reader {
        text: text.as_bytes(),
        at: 0,
    };
    let value = r.value()?;
    r.space();
    if r.at != r.text.len() {
        return Err(format!("trailing text at byte {}", r.at));
    }
    Ok(value)
}

impl Reader<'_> {
    fn space(&mut self) {
        while self.text.get(self.at).is_some_and(u8::is_ascii_whitespace) {
            self.at += 1;
        }
    }

    fn eat(&mut self, b: u8) -> Result<(), String> {
        self.space();
        if self.text.get(self.at) == Some(&b) {
            self.at += 1;
            Ok(())
        } else {
            Err(format!("expected '{}' at byte {}", b as char, self.at))
        }
    }

    fn literal(&mut self, word: &str, value: Json) -> Result<Json, String> {
        if self.text[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(format!("unexpected text at byte {}", self.at))
        }
    }

    fn value(&mut self) -> Result<Json, String> {
        self.space();
        match self.text.get(self.at) {
            Some(b'{') => {
                self.at += 1;
                let mut fields = Vec::new();
                self.space();
                if self.text.get(self.at) == Some(&b'}') {
                    self.at += 1;
                    return Ok(Json::Obj(fields));
                }
                loop {
                    self.space();
                    let key = self.string()?;
                    self.eat(b':')?;
                    fields.push((key, self.value()?));
                    self.space();
                    match self.text.get(self.at) {
                        Some(b',') => self.at += 1,
                        Some(b'}') => {
                            self.at += 1;
                            return Ok(Json::Obj(fields));
                        }
                        _ => return Err(format!("expected ',' or '}}' at byte {}", self.at)),
                    }
                }
            }
            Some(b'[') => {
                self.at += 1;
                let mut items = Vec::new();
                self.space();
                if self.text.get(self.at) == Some(&b']') {
                    self.at += 1;
                    return Ok(Json::Arr(items));
                }
                loop {
                    items.push(self.value()?);
                    self.space();
                    match self.text.get(self.at) {
                        Some(b',') => self.at += 1,
                        Some(b']') => {
                            self.at += 1;
                            return Ok(Json::Arr(items));
                        }
                        _ => return Err(format!("expected ',' or ']' at byte {}", self.at)),
                    }
                }
            }
            Some(b'"') => self.string().map(Json::Str),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'n') => self.literal("null", Json::Null),
            Some(_) => {
                let start = self.at;
                while self
                    .text
                    .get(self.at)
                    .is_some_and(|b| b.is_ascii_digit() || b"+-.eE".contains(b))
                {
                    self.at += 1;
                }
                std::str::from_utf8(&self.text[start..self.at])
                    .ok()
                    .and_then(|s| s.parse().ok())
                    .map(Json::Num)
                    .ok_or_else(|| format!("bad number at byte {start}"))
            }
            None => Err("unexpected end".into()),
        }
    }

    fn string(&mut self) -> Result<String, String> {
        self.eat(b'"')?;
        let mut out = Vec::new();
        loop {
            match self.text.get(self.at) {
                Some(b'"') => {
                    self.at += 1;
                    return String::from_utf8(out).map_err(|e| e.to_string());
                }
                Some(b'\\') => {
                    let escaped = self.text.get(self.at + 1).copied();
                    self.at += 2;
                    match escaped {
                        Some(b'n') => out.push(b'\n'),
                        Some(b't') => out.push(b'\t'),
                        Some(b'r') => out.push(b'\r'),
                        Some(b'b') => out.push(8),
                        Some(b'f') => out.push(12),
                        Some(b'u') => {
                            let hex = self
                                .text
                                .get(self.at..self.at + 4)
                                .and_then(|h| std::str::from_utf8(h).ok())
                                .and_then(|h| u32::from_str_radix(h, 16).ok())
                                .ok_or_else(|| format!("bad escape at byte {}", self.at))?;
                            self.at += 4;
                            let c = char::from_u32(hex).unwrap_or('\u{fffd}');
                            out.extend_from_slice(c.to_string().as_bytes());
                        }
                        Some(c) => out.push(c),
                        None => return Err("unexpected end in a string".into()),
                    }
                }
                Some(&c) => {
                    out.push(c);
                    self.at += 1;
                }
                None => return Err("unexpected end in a string".into()),
            }
        }
    }
}

/// The `BENCH {...}` lines of a run's output, parsed.
pub(super) fn bench_lines(out: &str) -> Result<Vec<Json>, String> {
    out.lines()
        .filter_map(|l| l.trim().strip_prefix("BENCH "))
        .map(|j| parse_json(j).map_err(|e| format!("bad BENCH line {j}: {e}")))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_bench_lines_and_criterion_estimates() {
        let out =
            "noise\nBENCH {\"kernel\":\"projection\",\"median_ms\":0.041,\"iterations\":200}\n\
                   BENCH {\"stage\":\"x\",\"error\":\"a \\\"quoted\\\" reason\",\"v\":null}\n";
        let lines = bench_lines(out).unwrap();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].text("kernel"), Some("projection"));
        assert_eq!(lines[0].num("median_ms"), Some(0.041));
        assert_eq!(lines[1].text("error"), Some("a \"quoted\" reason"));
        let estimates = r#"{"mean":{"point_estimate":9.0},"median":{"confidence_interval":{"lower_bound":1.0},"point_estimate":828411.5,"standard_error":4977.8},"median_abs_dev":{"point_estimate":3.0}}"#;
        let median = parse_json(estimates)
            .unwrap()
            .get("median")
            .and_then(|m| m.num("point_estimate"));
        assert_eq!(median, Some(828_411.5));
        assert!(bench_lines("BENCH {\"a\":").is_err());
    }

    #[test]
    fn json_round_trips_through_the_writer() {
        let value = Json::Obj(vec![
            ("n".into(), Json::Num(250_000.0)),
            ("x".into(), Json::Num(0.5)),
            ("s".into(), Json::Str("tab\t\"q\"".into())),
            ("a".into(), Json::Arr(vec![Json::Bool(true), Json::Null])),
            ("e".into(), Json::Obj(vec![])),
        ]);
        let mut text = String::new();
        value.write(&mut text, 0);
        assert!(text.contains("\"n\": 250000,"), "{text}");
        assert_eq!(parse_json(&text).unwrap(), value);
    }
}
