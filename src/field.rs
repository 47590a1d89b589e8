//! Where a number lives in the scenario: a share-link key, a contract term or a debt term.
//!
//! Every input on the page reads and writes through a [`FieldPath`], so the page has one
//! reader and one writer for all of them (one piece of wasm code, not one per kind of input).
//!
//! # Usage
//! ```
//! use hashpivot::field::FieldPath;
//! use hashpivot_model::Scenario;
//! let mut s = Scenario::default();
//! let rent = FieldPath::Contract { strategy: 1, contract: 0, key: "usd_per_mw_year" };
//! assert!(rent.set(&mut s, 1_500_000.0));
//! assert_eq!(rent.get(&s), Some(1_500_000.0));
//! assert_eq!(rent.id(), "s1-c0-usd_per_mw_year");
//! ```

use hashpivot_model::bounds::{self, Bound};
use hashpivot_model::scenario::Debt;
use hashpivot_model::{query, Scenario};

/// A number in the scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldPath {
    /// A scalar input by its share-link key, e.g. `btc`.
    Scalar(&'static str),
    /// A term of a strategy's contract, by the term's key, e.g. `it_mw`.
    Contract {
        /// Index of the strategy.
        strategy: usize,
        /// Index of the contract in the strategy.
        contract: usize,
        /// Key of the term ([`hashpivot_model::bounds::contract`]).
        key: &'static str,
    },
    /// A term of a debt, by key (`principal_usd`, `coupon_annual`, `maturity_months`).
    Debt {
        /// Index of the debt.
        index: usize,
        /// Key of the term ([`hashpivot_model::bounds::debt`]).
        key: &'static str,
    },
}

impl FieldPath {
    /// The value, in the bound's unit; `None` if the path points nowhere (e.g. a removed
    /// contract).
    pub fn get(&self, s: &Scenario) -> Option<f64> {
        match *self {
            FieldPath::Scalar(key) => query::accessor(key).map(|(get, _)| get(s)),
            FieldPath::Contract {
                strategy,
                contract,
                key,
            } => s
                .strategies
                .get(strategy)?
                .contracts
                .get(contract)?
                .field(key),
            FieldPath::Debt { index, key } => {
                let d = s.financing.debt.get(index)?;
                match key {
                    "principal_usd" => Some(d.principal_usd),
                    "coupon_annual" => Some(d.coupon_annual),
                    "maturity_months" => Some(d.maturity_months as f64),
                    _ => None,
                }
            }
        }
    }

    /// Writes `value` (no range check: validate the scenario after). False, changing nothing,
    /// if the path points nowhere or the value is not finite.
    pub fn set(&self, s: &mut Scenario, value: f64) -> bool {
        if !value.is_finite() {
            return false;
        }
        match *self {
            FieldPath::Scalar(key) => match query::accessor(key) {
                Some((_, set)) => {
                    set(s, value);
                    true
                }
                None => false,
            },
            FieldPath::Contract {
                strategy,
                contract,
                key,
            } => s
                .strategies
                .get_mut(strategy)
                .and_then(|st| st.contracts.get_mut(contract))
                .is_some_and(|c| c.set_field(key, value)),
            FieldPath::Debt { index, key } => {
                let Some(d) = s.financing.debt.get_mut(index) else {
                    return false;
                };
                set_debt(d, key, value)
            }
        }
    }

    /// The label, unit and range of the number.
    pub fn bound(&self) -> Option<Bound> {
        match *self {
            FieldPath::Scalar(key) => query::bound(key),
            FieldPath::Contract { key, .. } => {
                bounds::contract::ALL.into_iter().find(|b| b.key == key)
            }
            FieldPath::Debt { key, .. } => bounds::debt::ALL.into_iter().find(|b| b.key == key),
        }
    }

    /// Unique on the page; the input's test hooks are `slider-{id}`, `input-{id}`, `error-{id}`.
    pub fn id(&self) -> String {
        match *self {
            FieldPath::Scalar(key) => key.to_string(),
            FieldPath::Contract {
                strategy,
                contract,
                key,
            } => format!("s{strategy}-c{contract}-{key}"),
            FieldPath::Debt { index, key } => format!("debt{index}-{key}"),
        }
    }
}

fn set_debt(d: &mut Debt, key: &str, value: f64) -> bool {
    match key {
        "principal_usd" => d.principal_usd = value,
        "coupon_annual" => d.coupon_annual = value,
        "maturity_months" => d.maturity_months = value.round().clamp(0.0, u32::MAX as f64) as u32,
        _ => return false,
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_debt() -> Scenario {
        let mut s = Scenario::default();
        s.financing.debt.push(Debt {
            name: "Notes".into(),
            principal_usd: 1e8,
            coupon_annual: 0.05,
            maturity_months: 24,
        });
        s
    }

    #[test]
    fn every_path_kind_reads_back_what_it_wrote() {
        let mut s = with_debt();
        let paths = [
            FieldPath::Scalar("power"),
            FieldPath::Contract {
                strategy: 2,
                contract: 0,
                key: "it_mw",
            },
            FieldPath::Debt {
                index: 0,
                key: "coupon_annual",
            },
            FieldPath::Debt {
                index: 0,
                key: "maturity_months",
            },
        ];
        for (p, v) in paths.into_iter().zip([55.0, 40.0, 0.07, 30.0]) {
            assert!(p.set(&mut s, v), "{p:?}");
            assert_eq!(p.get(&s), Some(v), "{p:?}");
            assert!(p.bound().is_some_and(|b| b.check(v).is_ok()), "{p:?}");
        }
        s.validate().unwrap();
    }

    #[test]
    fn a_path_to_nothing_reads_none_and_writes_nothing() {
        let mut s = Scenario::default();
        let before = s.clone();
        for p in [
            FieldPath::Scalar("nope"),
            FieldPath::Contract {
                strategy: 9,
                contract: 0,
                key: "it_mw",
            },
            FieldPath::Contract {
                strategy: 0,
                contract: 0,
                key: "it_mw",
            }, // pure: no contract
            FieldPath::Debt {
                index: 0,
                key: "coupon_annual",
            },
        ] {
            assert_eq!(p.get(&s), None, "{p:?}");
            assert!(!p.set(&mut s, 1.0), "{p:?}");
        }
        assert!(!FieldPath::Scalar("btc").set(&mut s, f64::NAN));
        assert_eq!(s, before);
    }

    #[test]
    fn ids_are_distinct_across_kinds() {
        let ids = [
            FieldPath::Scalar("it_mw").id(),
            FieldPath::Contract {
                strategy: 0,
                contract: 0,
                key: "it_mw",
            }
            .id(),
            FieldPath::Contract {
                strategy: 0,
                contract: 1,
                key: "it_mw",
            }
            .id(),
            FieldPath::Debt {
                index: 0,
                key: "principal_usd",
            }
            .id(),
        ];
        let unique: std::collections::HashSet<_> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len());
    }
}
