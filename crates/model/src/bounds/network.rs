//! Ranges of the network path's inputs (economic mode; see [`crate::scenario::NetworkPath`]).
//!
//! # Usage
//! ```
//! use hashpivot_model::bounds::network::EFFICIENCY;
//! assert_eq!(EFFICIENCY.key, "net_eff");
//! assert!(EFFICIENCY.check(30.0).is_ok());
//! ```

use super::Bound;

/// Marginal machines' efficiency at the start, J/TH at the meter. The same range as the fleet's.
pub const EFFICIENCY: Bound = Bound::new(
    "net_eff",
    "Network's marginal efficiency",
    "J/TH",
    5.0,
    200.0,
    0.5,
)
.slider(10.0, 60.0);

/// Power price of the marginal machines, USD/MWh. From 1, not 0: a free marginal machine
/// would make the break-even network infinite.
pub const POWER: Bound = Bound::new(
    "net_power",
    "Network's power price",
    "USD/MWh",
    1.0,
    2_000.0,
    1.0,
)
.slider(10.0, 120.0);

/// How fast the marginal machine improves, % a year (negative: its cost per TH rises).
pub const GAIN: Bound = Bound::new(
    "net_eff_gain",
    "Network's efficiency gain",
    "% a year",
    -20.0,
    50.0,
    0.5,
)
.slider(0.0, 25.0);

/// Time constant of new network capacity, months.
pub const LAG: Bound = Bound::new("net_lag", "Network growth lag", "months", 0.0, 36.0, 1.0);

/// Every bound of the network path.
pub const ALL: [Bound; 4] = [EFFICIENCY, POWER, GAIN, LAG];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sliders_lie_inside_the_accepted_range_and_defaults_inside_the_sliders() {
        let d = crate::scenario::NetworkPath::default();
        let defaults = [
            d.marginal_efficiency_j_th,
            d.power_usd_mwh,
            d.efficiency_gain_pct_year,
            d.lag_months as f64,
        ];
        for (b, v) in ALL.into_iter().zip(defaults) {
            assert!(b.min <= b.slider_min && b.slider_min < b.slider_max && b.slider_max <= b.max);
            assert!(
                b.step > 0.0 && b.step < b.slider_max - b.slider_min,
                "{}",
                b.key
            );
            assert!(b.slider_min <= v && v <= b.slider_max, "{}", b.key);
        }
        // The marginal cost is positive at the bottom of every range: the break-even network
        // stays finite.
        const { assert!(EFFICIENCY.min * POWER.min > 0.0 && GAIN.max < 100.0) };
    }
}
