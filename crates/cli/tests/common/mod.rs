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

/// The JSON a command prints, after checking it succeeded and printed no warning.
pub fn json_of(args: &[&str]) -> serde_json::Value {
    let out = hashpivot(args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{args:?}: {err}");
    assert!(
        err.is_empty(),
        "an empty warnings list prints nothing: {err}"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["warnings"], serde_json::json!([]), "{args:?}");
    v
}
