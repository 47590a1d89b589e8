//! Scenario files: a scenario as pretty JSON (export), and a file a user picked read back
//! (import).
//!
//! Reading trusts nothing in the file. It goes in four steps, and refuses the file with
//! [`ValidationErrors`], each a [`ValidationError`] whose `field` names where it is:
//! 1. size (at most [`MAX_FILE_BYTES`]) and syntax (a JSON object): field `file`, with serde's
//!    line and column;
//! 2. the format version (`version`), then [`migrate`] to this build's format (a file saved
//!    before the network path existed keeps a difficulty growth it chose as a fixed growth);
//! 3. the structure: a wrong type, an unknown or a missing field is named by its path, e.g.
//!    `strategies[1].contracts[0].it_mw`;
//! 4. [`Scenario::problems`]: every range and the megawatt balance, all of them at once.
//!
//! Steps 1 to 3 stop at their first problem (the file cannot be read past it), so a refusal
//! there names one problem; step 4 names every field out of range.
//!
//! # Usage
//! ```
//! use hashpivot_model::{import, Scenario};
//! let s = Scenario::default();
//! let text = import::scenario_to_json(&s);
//! assert!(text.contains("\"version\": 2"));
//! assert_eq!(import::scenario_from_json(&text).unwrap(), s);
//!
//! let e = import::scenario_from_json(r#"{"version": 2, "horizon_months": "ten"}"#).unwrap_err();
//! assert_eq!(e.first().field, "horizon_months");
//! ```
//!
//! # See also
//! [`crate::query`] for the share-link form of a scenario.

use serde_json::Value;
use serde_path_to_error::Segment;

use crate::error::{ValidationError, ValidationErrors};
use crate::format;
use crate::query::shorten;
use crate::scenario::{Market, NetworkMode, Scenario, SCENARIO_VERSION};

mod v1;

/// Largest file read, bytes. A saved scenario is a few kilobytes.
pub const MAX_FILE_BYTES: usize = 1_000_000;

/// The scenario as pretty JSON (two-space indent, fields in declaration order), with its
/// format `version`. [`scenario_from_json`] reads it back to an equal scenario.
pub fn scenario_to_json(s: &Scenario) -> String {
    // Cannot fail: every field is a string, number, bool, option or sequence of those (no map
    // with non-string keys); a non-finite number would be written as `null`.
    serde_json::to_string_pretty(s).unwrap_or_default()
}

/// Reads a scenario file as a user gives it (import by file picker): size, JSON syntax,
/// format version, structure and ranges are all checked; a refusal names the field of each
/// problem (every range problem of the file at once, see the module docs). Never panics; the
/// scenario returned passes [`Scenario::validate`].
pub fn scenario_from_json(text: &str) -> Result<Scenario, ValidationErrors> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ValidationErrors::from(file_error(
            format!("{} bytes", format::plain(text.len() as f64)),
            "at most 1 MB (1,000,000 bytes)",
        )));
    }
    // Editors on Windows may start a UTF-8 file with a byte-order mark; JSON has none.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| {
        file_error(
            format!("not JSON: {e}"),
            "a JSON object, as Hashpivot saves it",
        )
    })?;
    let Value::Object(object) = &value else {
        return Err(ValidationErrors::from(file_error(
            kind_of(&value).to_owned(),
            "a JSON object, as Hashpivot saves it (starting with {)",
        )));
    };
    let version = read_version(object.get("version"))?;
    let mut value = migrate(value, version)?;
    keep_an_old_fixed_growth(&mut value);
    let mut scenario: Scenario =
        serde_path_to_error::deserialize(&value).map_err(|e| structure_error(&value, &e))?;
    scenario.size_contracts();
    match ValidationErrors::from_vec(scenario.problems()) {
        None => Ok(scenario),
        Some(problems) => Err(problems),
    }
}

/// A file saved before the network path existed (no `market.network`) with a difficulty
/// growth other than the default chose that growth: it keeps it (`"mode": "fixed"`), as a
/// share link of that time that gives `diff_growth` does. Without one it takes the default,
/// the economic network.
fn keep_an_old_fixed_growth(value: &mut Value) {
    let Some(Value::Object(market)) = value.get_mut("market") else {
        return;
    };
    let default = Market::default().difficulty_growth_pct_month;
    let chosen = market
        .get("difficulty_growth_pct_month")
        .and_then(Value::as_f64)
        .is_some_and(|growth| growth != default);
    if chosen && !market.contains_key("network") {
        let mut fixed = serde_json::Map::new();
        fixed.insert("mode".into(), Value::from(NetworkMode::Fixed.as_str()));
        market.insert("network".into(), Value::Object(fixed));
    }
}

/// Brings a scenario file's JSON from format `from_version` to this build's
/// ([`SCENARIO_VERSION`]), or refuses a version it cannot read (field `version`).
///
/// Each older version has one arm that rewrites its JSON one step and recurses, so a file of
/// any known version reaches the current format through the chain:
/// - 1 to 2: the fleet's totals `opex_usd_per_month` and `asic_value_usd` are divided by the
///   file's fleet into `opex_usd_per_eh_month` and `asic_usd_per_th` (see `import/v1.rs`).
///
/// Version 0 was never written; a version above `SCENARIO_VERSION` comes from a newer build.
pub fn migrate(value: Value, from_version: u64) -> Result<Value, ValidationError> {
    match from_version {
        v if v == u64::from(SCENARIO_VERSION) => Ok(value),
        v if v > u64::from(SCENARIO_VERSION) => Err(version_error(
            v.to_string(),
            format!(
                "a format version this build reads, up to {SCENARIO_VERSION} (version {v} is \
                 newer than this build reads: open the file in a newer Hashpivot)"
            ),
        )),
        1 => migrate(v1::to_v2(value)?, 2),
        v => Err(version_error(
            v.to_string(),
            format!("{SCENARIO_VERSION} (the format this build writes); version {v} is unknown"),
        )),
    }
}

/// The `version` of the file: present and a whole number (not checked against the known ones;
/// [`migrate`] does that).
fn read_version(version: Option<&Value>) -> Result<u64, ValidationError> {
    let Some(version) = version else {
        return Err(version_error(
            "(missing)".into(),
            format!("{SCENARIO_VERSION} (the format this build writes)"),
        ));
    };
    version.as_u64().ok_or_else(|| {
        version_error(
            shorten(&version.to_string()),
            format!(
                "a whole number, {SCENARIO_VERSION} (the format this build writes); this \
                 version is unknown"
            ),
        )
    })
}

fn file_error(value: String, allowed: &str) -> ValidationError {
    ValidationError {
        field: "file".into(),
        label: "Scenario file".into(),
        value,
        allowed: allowed.into(),
    }
}

fn version_error(value: String, allowed: String) -> ValidationError {
    ValidationError {
        field: "version".into(),
        label: "Format version".into(),
        value,
        allowed,
    }
}

/// A structural error named by its path in the file, with the offending value found there.
fn structure_error(
    root: &Value,
    e: &serde_path_to_error::Error<serde_json::Error>,
) -> ValidationError {
    let message = e.inner().to_string();
    let segments: Vec<&Segment> = e.path().iter().collect();
    let mut field = if segments.is_empty() {
        String::new()
    } else {
        e.path().to_string()
    };
    let found = lookup(root, &segments);
    let named = |prefix: &str| {
        message
            .strip_prefix(prefix)
            .and_then(|rest| rest.split('`').next())
            .map(str::to_owned)
    };
    let (value, allowed) = if let Some(name) = named("missing field `") {
        push_field(&mut field, &name);
        (
            "(missing)".to_owned(),
            "a value: the field is required".to_owned(),
        )
    } else if let Some(name) = named("unknown field `") {
        // serde may stop at the object holding the field, or at the field itself.
        let at_field = matches!(segments.last(), Some(Segment::Map { key }) if *key == name);
        let inner = if at_field {
            found
        } else {
            push_field(&mut field, &name);
            found.and_then(|v| v.get(&name))
        };
        // After the name: serde's list of the fields allowed, or the reason (e.g. `for a
        // colocation contract`: a field of the other contract kind).
        let rest = message
            .split_once(&format!("`{name}`"))
            .map_or("", |(_, rest)| rest.trim());
        let allowed = match rest.strip_prefix(", expected ") {
            Some(list) => format!("no field `{name}` here; the fields here are {list}"),
            None if !rest.is_empty() => format!("no field `{name}` {rest}"),
            None => format!("no field `{name}` here"),
        };
        (
            inner.map_or_else(|| "(present)".to_owned(), json_text),
            allowed,
        )
    } else {
        let (description, expected) = match message
            .split_once(", expected ")
            .or_else(|| message.split_once("; expected "))
        {
            Some((d, x)) => (d, readable(x)),
            None => (message.as_str(), message.clone()),
        };
        (
            found.map_or_else(|| description.to_owned(), json_text),
            expected,
        )
    };
    if field.is_empty() {
        field = "file".into();
    }
    ValidationError {
        field,
        label: "Scenario file entry".into(),
        value: shorten(&value),
        allowed,
    }
}

fn push_field(path: &mut String, name: &str) {
    if !path.is_empty() {
        path.push('.');
    }
    path.push_str(name);
}

/// The value at `segments` in `root`, if the path leads to one.
fn lookup<'a>(root: &'a Value, segments: &[&Segment]) -> Option<&'a Value> {
    segments.iter().try_fold(root, |v, s| match s {
        Segment::Seq { index } => v.get(index),
        Segment::Map { key } => v.get(key.as_str()),
        _ => None,
    })
}

/// A value as it stands in the file (compact JSON).
fn json_text(v: &Value) -> String {
    v.to_string()
}

/// serde's "expected" phrase in words a user reads.
fn readable(expected: &str) -> String {
    match expected {
        "f32" | "f64" => "a number".into(),
        "u8" => "a whole number from 0 to 255".into(),
        "u16" => "a whole number from 0 to 65,535".into(),
        "u32" => "a whole number from 0 to 4,294,967,295".into(),
        "u64" => "a whole number from 0 to 18,446,744,073,709,551,615".into(),
        "a boolean" => "true or false".into(),
        "a sequence" => "a JSON array [...]".into(),
        x if x.starts_with("struct ") => "a JSON object {...}".into(),
        x => x.into(),
    }
}

/// What a JSON value is, for a message.
fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a JSON array",
        Value::Object(_) => "a JSON object",
    }
}
