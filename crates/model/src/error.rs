//! The one error a user ever sees from the model: a field, the value given, and what is allowed;
//! and [`ValidationErrors`], every such problem of one input at once.

use std::fmt;

/// Input rejected by validation.
///
/// The message names the field (by its share-link key and its label), the value as given and the
/// allowed range with its unit, so the user knows exactly what to change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    /// The share-link key of the field, e.g. `btc`, or its path in the scenario, e.g.
    /// `strategies[1].contracts[0].it_mw`.
    pub field: String,
    /// A human label for the field, e.g. `BTC price`.
    pub label: String,
    /// The value as the user gave it (kept verbatim so nothing typed is lost).
    pub value: String,
    /// What is allowed, with units, e.g. `1 to 10,000,000 USD`.
    pub allowed: String,
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} ({}): {:?} is not allowed; expected {}",
            self.label, self.field, self.value, self.allowed
        )
    }
}

impl std::error::Error for ValidationError {}

/// Every problem of one input (a share link, a scenario file), in the order found; never empty.
///
/// `Display` writes one problem a line (no newline after the last), so a user fixes them all in
/// one go.
///
/// # Usage
/// ```
/// use hashpivot_model::query;
/// let e = query::decode_strict("btc=-5&fleet=abc").unwrap_err();
/// let fields: Vec<&str> = e.iter().map(|p| p.field.as_str()).collect();
/// assert_eq!(fields, ["btc", "fleet"]);
/// assert_eq!(e.to_string().lines().count(), 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationErrors(Vec<ValidationError>);

impl ValidationErrors {
    /// The problems as a list, or `None` when there are none.
    pub fn from_vec(problems: Vec<ValidationError>) -> Option<ValidationErrors> {
        (!problems.is_empty()).then_some(ValidationErrors(problems))
    }

    /// The first problem (there is always one).
    pub fn first(&self) -> &ValidationError {
        // The list is never empty (see `from_vec`); index 0 exists.
        &self.0[0]
    }

    /// Every problem, in order.
    pub fn as_slice(&self) -> &[ValidationError] {
        &self.0
    }

    /// Every problem, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, ValidationError> {
        self.0.iter()
    }

    /// The problems as a vector.
    pub fn into_vec(self) -> Vec<ValidationError> {
        self.0
    }
}

impl From<ValidationError> for ValidationErrors {
    fn from(e: ValidationError) -> Self {
        ValidationErrors(vec![e])
    }
}

impl Extend<ValidationError> for ValidationErrors {
    /// Adds more problems after these (e.g. a second input's, so one run names them all).
    fn extend<I: IntoIterator<Item = ValidationError>>(&mut self, more: I) {
        self.0.extend(more);
    }
}

impl IntoIterator for ValidationErrors {
    type Item = ValidationError;
    type IntoIter = std::vec::IntoIter<ValidationError>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a ValidationErrors {
    type Item = &'a ValidationError;
    type IntoIter = std::slice::Iter<'a, ValidationError>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationErrors {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_names_field_value_and_range() {
        let e = ValidationError {
            field: "btc".into(),
            label: "BTC price".into(),
            value: "-5".into(),
            allowed: "1 to 10,000,000 USD".into(),
        };
        let msg = e.to_string();
        for part in ["BTC price", "btc", "-5", "1 to 10,000,000 USD"] {
            assert!(msg.contains(part), "{msg:?} lacks {part:?}");
        }
    }

    fn problem(field: &str) -> ValidationError {
        ValidationError {
            field: field.into(),
            label: field.to_uppercase(),
            value: "x".into(),
            allowed: "y".into(),
        }
    }

    #[test]
    fn a_list_is_never_empty_and_shows_one_problem_a_line() {
        assert_eq!(ValidationErrors::from_vec(Vec::new()), None);
        let list = ValidationErrors::from_vec(vec![problem("a"), problem("b")]).unwrap();
        assert_eq!(list.first().field, "a");
        assert_eq!(
            list.to_string(),
            "A (a): \"x\" is not allowed; expected y\nB (b): \"x\" is not allowed; expected y"
        );
        let mut one = ValidationErrors::from(problem("c"));
        one.extend(list.clone());
        let fields: Vec<&str> = one.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["c", "a", "b"]);
        let one = ValidationErrors::from(problem("c"));
        assert_eq!(one.to_string(), problem("c").to_string());
        assert_eq!(one.into_vec(), vec![problem("c")]);
    }
}
