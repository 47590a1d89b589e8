//! Warnings: inputs that disagree, or results the user should know of. Unlike a
//! [`crate::ValidationError`], a warning does not stop the model: the scenario runs, and the
//! warning says what the model did with the inputs (never silently).
//!
//! # Usage
//! ```
//! use hashpivot_model::{query, Scenario};
//! // A 30 EH/s fleet on a 210 MW site: the site runs 10 EH/s of it, and says so.
//! let s = query::decode_strict("fleet=30&site_mw=210").unwrap();
//! let w = s.warnings();
//! assert!(w.iter().any(|w| w.field == "fleet" && w.message.contains("20 EH/s")));
//! ```
//!
//! # See also
//! [`crate::projection::Projection::warnings`], which carries these and the projection's own.

use serde::Serialize;

use crate::format;
use crate::scenario::Scenario;

/// One warning: the input (share-link key or scenario path) it is about, and what it says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// The share-link key or scenario path of the input concerned, e.g. `fleet`.
    pub field: String,
    /// The warning in plain words, with the figures.
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.message, self.field)
    }
}

/// A difference the warnings ignore: under 0.5 MW and under 0.5% of the site.
fn material(diff_mw: f64, site_mw: f64) -> bool {
    diff_mw > 0.5 && diff_mw > 0.005 * site_mw
}

/// Blocks by which a height the user set may differ from the start month's before it is said
/// (30 days at 144 a day: block times drift by a few percent from ten minutes).
const HEIGHT_TOLERANCE_BLOCKS: u64 = 30 * 144;

impl Scenario {
    /// What the inputs say that disagrees: a fleet too big or too small for the site, a start
    /// height far from the start month. The scenario must be valid.
    pub fn warnings(&self) -> Vec<Warning> {
        let mut out = Vec::new();
        let f = &self.fleet;
        {
            // A site sized by the fleet can only be smaller than the fleet at the top of its
            // range; one the user set may be either.
            let site = self.site_mw();
            let fleet_mw = f.facility_mw();
            let mw_per_eh = f.efficiency_j_th * f.pue;
            if fleet_mw > site && material(fleet_mw - site, site) && mw_per_eh > 0.0 {
                let runs = site / mw_per_eh;
                out.push(Warning {
                    field: "fleet".into(),
                    message: format!(
                        "The fleet of {} EH/s needs {} MW at the meter but the site has {} MW: {} EH/s run and {} EH/s have no power. Raise site_mw or lower fleet.",
                        format::plain(round(f.hashrate_eh_s, 2)),
                        format::fixed(fleet_mw, 1),
                        format::fixed(site, 1),
                        format::plain(round(runs, 2)),
                        format::plain(round(f.hashrate_eh_s - runs, 2)),
                    ),
                });
            } else if self.site.capacity_mw.is_some()
                && site > fleet_mw
                && material(site - fleet_mw, site)
            {
                out.push(Warning {
                    field: "site_mw".into(),
                    message: format!(
                        "The site has {} MW but the fleet draws {} MW: {} MW have no machines (they sit empty unless a contract uses them).",
                        format::fixed(site, 1),
                        format::fixed(fleet_mw, 1),
                        format::fixed(site - fleet_mw, 1),
                    ),
                });
            }
        }
        if let Some(h) = self.network.height {
            let derived = Scenario {
                network: crate::Network {
                    height: None,
                    ..self.network
                },
                ..self.clone()
            }
            .start_height();
            if h.abs_diff(derived) > HEIGHT_TOLERANCE_BLOCKS {
                out.push(Warning {
                    field: "height".into(),
                    message: format!(
                        "The start height {} is about {} days of blocks from the start month {} (about block {}): the subsidy follows the height you set.",
                        format::plain(h as f64),
                        format::plain((h.abs_diff(derived) / 144) as f64),
                        self.start,
                        format::plain(derived as f64),
                    ),
                });
            }
        }
        out
    }
}

/// `x` rounded to `digits` decimals, for messages.
fn round(x: f64, digits: i32) -> f64 {
    let k = 10f64.powi(digits);
    (x * k).round() / k
}

#[cfg(test)]
mod tests {
    use crate::query::decode_strict;

    #[test]
    fn a_fleet_bigger_than_the_site_says_how_much_has_no_power() {
        // 30 EH/s x 17.5 J/TH x 1.2 = 630 MW against 210 MW: 10 EH/s run, 20 have no power.
        let s = decode_strict("fleet=30&site_mw=210").unwrap();
        let w = s.warnings();
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(w[0].field, "fleet");
        for part in [
            "30 EH/s",
            "630.0 MW",
            "210.0 MW",
            "10 EH/s run",
            "20 EH/s have no power",
        ] {
            assert!(w[0].message.contains(part), "{} lacks {part}", w[0].message);
        }
    }

    #[test]
    fn a_site_bigger_than_the_fleet_says_how_many_mw_are_empty() {
        let s = decode_strict("site_mw=300").unwrap();
        let w = s.warnings();
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(w[0].field, "site_mw");
        assert!(
            w[0].message.contains("90.0 MW have no machines"),
            "{}",
            w[0].message
        );
    }

    #[test]
    fn no_warning_when_the_site_follows_the_fleet() {
        for q in ["", "fleet=44.38", "fleet=1", "site_mw=210", "start=2029-01"] {
            let s = decode_strict(q).unwrap();
            assert!(s.warnings().is_empty(), "{q}: {:?}", s.warnings());
        }
    }

    #[test]
    fn a_height_far_from_the_start_month_is_said() {
        let s = decode_strict("start=2029-01&height=931392").unwrap();
        let w = s.warnings();
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(w[0].field, "height");
        assert!(w[0].message.contains("2029-01"), "{}", w[0].message);
        // Within a month of blocks: nothing to say.
        let s = decode_strict("height=931000").unwrap();
        assert!(s.warnings().is_empty(), "{:?}", s.warnings());
    }
}
