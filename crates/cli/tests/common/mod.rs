//! Running the `hashpivot` binary and reading what it prints, for the CLI tests.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may fail loudly

use std::process::Command;

/// Runs the binary with `args`.
pub fn hashpivot(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_hashpivot"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// The JSON a command prints, after checking it succeeded and printed each of its JSON
/// `warnings` on stderr, one a line, and nothing else.
pub fn json_of(args: &[&str]) -> serde_json::Value {
    let out = hashpivot(args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{args:?}: {err}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let warnings = v["warnings"].as_array().expect("a warnings array");
    let lines: Vec<String> = warnings
        .iter()
        .map(|w| {
            format!(
                "hashpivot: warning: {} ({})",
                w["message"].as_str().unwrap(),
                w["field"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(err.lines().collect::<Vec<_>>(), lines, "{args:?}");
    v
}

/// Paths of every null in `v`: JSON has no NaN or infinity, so a non-finite number would be
/// written as null.
pub fn nulls(v: &serde_json::Value, at: &str, found: &mut Vec<String>) {
    match v {
        serde_json::Value::Null => found.push(at.to_owned()),
        serde_json::Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, x)| nulls(x, &format!("{at}[{i}]"), found)),
        serde_json::Value::Object(o) => o
            .iter()
            .for_each(|(k, x)| nulls(x, &format!("{at}.{k}"), found)),
        _ => {}
    }
}

/// The numbers of a JSON array.
pub fn numbers(v: &serde_json::Value) -> Vec<f64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect()
}

/// `command` refuses `btc=-5&fleet=abc` with exit 2, naming both keys one a line (and `extra`).
pub fn refuses_every_bad_key(command: &[&str], extra: &[&str]) {
    let args: Vec<&str> = command
        .iter()
        .copied()
        .chain(["--query", "btc=-5&fleet=abc"])
        .collect();
    let out = hashpivot(&args);
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    let fields: Vec<&str> = ["(btc)", "(fleet)"]
        .into_iter()
        .chain(extra.iter().copied())
        .collect();
    assert_eq!(err.lines().count(), fields.len(), "{err}");
    for (line, field) in err.lines().zip(fields) {
        assert!(
            line.starts_with("hashpivot: ") && line.contains(field),
            "{line}"
        );
    }
}
