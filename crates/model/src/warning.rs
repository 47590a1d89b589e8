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
use crate::scenario::{Market, MonteCarlo, NetworkMode, Scenario};

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

/// How far above its break-even level the start network may be before it is said: 20% (the
/// economic network falls to that level in its second month).
const ABOVE_BREAK_EVEN: f64 = 1.2;

/// Blocks by which a height the user set may differ from the start month's before it is said
/// (30 days at 144 a day: block times drift by a few percent from ten minutes).
const HEIGHT_TOLERANCE_BLOCKS: u64 = 30 * 144;

impl Scenario {
    /// What the inputs say that disagrees: a fleet too big or too small for the site, a start
    /// height far from the start month, an input the network mode does not use (e.g.
    /// `diff_growth` with `network=economic`). The scenario must be valid.
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
        out.extend(self.start_network_above_break_even());
        out.extend(self.unused_network_inputs());
        out
    }

    /// In economic mode, a start network more than [`ABOVE_BREAK_EVEN`] above the level at
    /// which its marginal machines break even in the start month (e.g. today's network with a
    /// start after the 2028 halving): it falls there from the second month.
    fn start_network_above_break_even(&self) -> Option<Warning> {
        let net = &self.market.network;
        if net.mode != NetworkMode::Economic {
            return None;
        }
        let (height, blocks) = (self.start_height(), self.start.blocks().max(1));
        let subsidy = crate::subsidy::subsidy_sum_sats(height, blocks) as f64
            / crate::subsidy::SATS_PER_BTC as f64
            / blocks as f64;
        let pool = 144.0 * (subsidy + self.network.fees_btc_per_block) * self.network.btc_price_usd;
        let break_even = pool / net.marginal_cost_usd_per_ph_day() / 1_000.0;
        let start = self.network.hashrate_eh_s();
        // No reward at all (past the last halving, no fees): no level to compare with.
        (break_even > 0.0 && start > break_even * ABOVE_BREAK_EVEN).then(|| Warning {
            field: "diff".into(),
            message: format!(
                "The network of {} EH/s at the start is {}% above the {} EH/s at which its marginal machines ({} J/TH at {} USD/MWh) break even at this start's subsidy and BTC price: it falls to about that level in the second month. Set diff (or hashrate) to the network you expect at the start, or net_eff and net_power to its marginal machines.",
                format::plain(start.round()),
                format::plain(((start / break_even - 1.0) * 100.0).round()),
                format::plain(break_even.round()),
                format::plain(net.marginal_efficiency_j_th),
                format::plain(net.power_usd_mwh),
            ),
        })
    }

    /// Inputs the network mode in force does not use, when the user moved them from their
    /// defaults: the fixed growth and the Monte Carlo's price-following in economic mode, the
    /// marginal machines in fixed mode.
    fn unused_network_inputs(&self) -> Vec<Warning> {
        let (market, mc) = (&self.market, &self.monte_carlo);
        let (d, dmc) = (Market::default(), MonteCarlo::default());
        let economic = market.network.mode == NetworkMode::Economic;
        let (net, dnet) = (&market.network, &d.network);
        let unused: [(&str, bool); 7] = [
            (
                "diff_growth",
                economic && market.difficulty_growth_pct_month != d.difficulty_growth_pct_month,
            ),
            (
                "hr_follow",
                economic && mc.hashrate_follows_price_pct != dmc.hashrate_follows_price_pct,
            ),
            (
                "hr_lag",
                economic && mc.hashrate_lag_months != dmc.hashrate_lag_months,
            ),
            (
                "net_eff",
                !economic && net.marginal_efficiency_j_th != dnet.marginal_efficiency_j_th,
            ),
            (
                "net_power",
                !economic && net.power_usd_mwh != dnet.power_usd_mwh,
            ),
            (
                "net_eff_gain",
                !economic && net.efficiency_gain_pct_year != dnet.efficiency_gain_pct_year,
            ),
            ("net_lag", !economic && net.lag_months != dnet.lag_months),
        ];
        unused
            .into_iter()
            .filter(|(_, moved)| *moved)
            .map(|(key, _)| {
                let value = crate::query::accessor(key).map_or(0.0, |(get, _)| get(self));
                let message = if economic {
                    format!(
                        "{key}={} is not used: network hashrate follows its economics (network=economic), where each price path drives it through net_lag. To use a fixed monthly growth, set network=fixed.",
                        format::plain(value)
                    )
                } else {
                    format!(
                        "{key}={} is not used: network hashrate grows at diff_growth (network=fixed). To make it follow its economics, set network=economic.",
                        format::plain(value)
                    )
                };
                Warning {
                    field: key.into(),
                    message,
                }
            })
            .collect()
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
        for q in ["", "fleet=44.38", "fleet=1", "site_mw=210", "start=2028-03"] {
            let s = decode_strict(q).unwrap();
            assert!(s.warnings().is_empty(), "{q}: {:?}", s.warnings());
        }
    }

    #[test]
    fn a_start_network_far_above_its_break_even_is_said() {
        // January 2029, after the 2028 halving, with today's 1,049 EH/s: 144 x (1.5625 +
        // 0.017) BTC x $91,132 / $36 = 575.8 EH/s break even; 1,049 is 82% above it.
        let s = decode_strict("start=2029-01").unwrap();
        let w = s.warnings();
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(w[0].field, "diff");
        for part in [
            "1,049 EH/s",
            "82% above the 576 EH/s",
            "30 J/TH at 50 USD/MWh",
        ] {
            assert!(w[0].message.contains(part), "{} lacks {part}", w[0].message);
        }
        // A fixed network does not move toward break even: nothing to say.
        assert!(decode_strict("start=2029-01&network=fixed")
            .unwrap()
            .warnings()
            .is_empty());
    }

    #[test]
    fn a_growth_the_economic_network_does_not_use_is_said_with_the_way_to_use_it() {
        let s = decode_strict("network=economic&diff_growth=4").unwrap();
        let w = s.warnings();
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(w[0].field, "diff_growth");
        for part in ["diff_growth=4 is not used", "set network=fixed"] {
            assert!(w[0].message.contains(part), "{} lacks {part}", w[0].message);
        }
        // The same growth in fixed mode is used: nothing to say.
        assert!(decode_strict("diff_growth=4")
            .unwrap()
            .warnings()
            .is_empty());
        // The Monte Carlo's price-following shapes only a fixed network.
        let w = decode_strict("hr_follow=80&hr_lag=6").unwrap().warnings();
        let fields: Vec<&str> = w.iter().map(|w| w.field.as_str()).collect();
        assert_eq!(fields, ["hr_follow", "hr_lag"]);
        // ... and the marginal machines only an economic one.
        let w = decode_strict("network=fixed&net_eff=25")
            .unwrap()
            .warnings();
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(w[0].field, "net_eff");
        assert!(
            w[0].message.contains("set network=economic"),
            "{}",
            w[0].message
        );
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
