//! What every command gives back: its output and the model's warnings, or why it stopped.

use hashpivot_model::{query, Scenario, ValidationError, ValidationErrors, Warning};
use serde::Serialize;

/// A command's output: the text for stdout and the warnings for stderr.
pub struct Report {
    /// Written to stdout as is.
    pub text: String,
    /// Each written to stderr as `hashpivot: warning: ...` (and, in JSON, under `warnings`).
    pub warnings: Vec<Warning>,
}

/// Why a command stopped.
pub enum Failure {
    /// The input is bad: every problem, one a line on stderr; exit 2.
    Input(ValidationErrors),
    /// The output could not be made; exit 1.
    Output(String),
}

impl From<ValidationErrors> for Failure {
    fn from(e: ValidationErrors) -> Self {
        Failure::Input(e)
    }
}

impl From<ValidationError> for Failure {
    fn from(e: ValidationError) -> Self {
        Failure::Input(e.into())
    }
}

/// The scenario of a share-link query string (empty: the defaults), or every problem in it.
pub fn scenario(query_string: &str) -> Result<Scenario, ValidationErrors> {
    query::decode_strict(query_string)
}

/// The model's warnings about a scenario it accepted: inputs that disagree
/// ([`Scenario::warnings`]).
pub fn warnings(s: &Scenario) -> Vec<Warning> {
    s.warnings()
}

/// Both values, or every problem of both (the first's, then the second's), so one run names
/// them all.
pub fn both<A, B>(
    a: Result<A, ValidationErrors>,
    b: Result<B, ValidationErrors>,
) -> Result<(A, B), ValidationErrors> {
    match (a, b) {
        (Ok(a), Ok(b)) => Ok((a, b)),
        (Err(e), Ok(_)) | (Ok(_), Err(e)) => Err(e),
        (Err(mut e), Err(more)) => {
            e.extend(more);
            Err(e)
        }
    }
}

/// `value` as pretty JSON (two-space indent, fields in declaration order) and a newline.
pub fn json<T: Serialize>(value: &T) -> Result<String, Failure> {
    serde_json::to_string_pretty(value)
        .map(|mut s| {
            s.push('\n');
            s
        })
        .map_err(|e| Failure::Output(format!("could not write JSON: {e}")))
}

/// `value` as JSON on one line and a newline.
pub fn json_line<T: Serialize>(value: &T) -> Result<String, Failure> {
    serde_json::to_string(value)
        .map(|mut s| {
            s.push('\n');
            s
        })
        .map_err(|e| Failure::Output(format!("could not write JSON: {e}")))
}
