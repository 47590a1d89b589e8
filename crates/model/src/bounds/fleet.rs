//! Fleet costs and values, per unit of hashrate, and the two totals old links carry.

use super::Bound;

/// Mining cash opex per EH/s installed, USD a month. The top ($10M, about $330 per PH/s per
/// day) is far above any hashprice seen.
pub const OPEX_EH: Bound = Bound::new(
    "opex_eh",
    "Mining cash opex per EH/s",
    "USD per EH/s a month",
    0.0,
    10_000_000.0,
    1_000.0,
)
.slider(0.0, 600_000.0);
/// Share of mining cash opex that stops for machines switched off, %.
pub const OPEX_AVOIDABLE: Bound = Bound::new("opex_avoid", "Avoidable opex", "%", 0.0, 100.0, 1.0);
/// Value of the original fleet's ASICs, USD per TH/s.
pub const ASIC_TH: Bound = Bound::new(
    "asic_th",
    "ASIC value per TH/s",
    "USD per TH/s",
    0.0,
    1_000.0,
    0.5,
)
.slider(0.0, 40.0);
/// Resale price of ASICs below 19 J/TH, USD per TH/s.
pub const RESALE_BELOW_19: Bound = Bound::new(
    "resale_lt19",
    "ASIC resale, below 19 J/TH",
    "USD per TH/s",
    0.0,
    1_000.0,
    0.5,
)
.slider(0.0, 30.0);
/// Resale price of ASICs from 19 to 25 J/TH, USD per TH/s.
pub const RESALE_19_TO_25: Bound = Bound::new(
    "resale_19_25",
    "ASIC resale, 19-25 J/TH",
    "USD per TH/s",
    0.0,
    1_000.0,
    0.5,
)
.slider(0.0, 30.0);
/// Resale price of ASICs at 25 J/TH and above, USD per TH/s.
pub const RESALE_FROM_25: Bound = Bound::new(
    "resale_ge25",
    "ASIC resale, 25 J/TH and above",
    "USD per TH/s",
    0.0,
    1_000.0,
    0.5,
)
.slider(0.0, 30.0);

/// Old links' mining cash opex for the whole fleet, USD a month (read, converted to
/// [`OPEX_EH`] with the link's fleet, never written).
pub const OPEX: Bound = Bound::new(
    "opex",
    "Mining cash opex",
    "USD a month",
    0.0,
    1e10,
    10_000.0,
)
.slider(0.0, 20_000_000.0);
/// Old links' ASIC value for the whole fleet, USD (read, converted to [`ASIC_TH`] with the
/// link's fleet, never written).
pub const ASIC_VALUE: Bound =
    Bound::new("asic_value", "ASIC value", "USD", 0.0, 1e12, 1_000_000.0).slider(0.0, 2e9);

/// The per-unit fleet inputs above (not the old totals).
pub const ALL: [Bound; 6] = [
    OPEX_EH,
    OPEX_AVOIDABLE,
    ASIC_TH,
    RESALE_BELOW_19,
    RESALE_19_TO_25,
    RESALE_FROM_25,
];
