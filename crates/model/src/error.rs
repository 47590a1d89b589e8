//! The one error a user ever sees from the model: a field, the value given, and what is allowed.

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
}
