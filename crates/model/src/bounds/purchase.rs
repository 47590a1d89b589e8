//! Fields of a fleet purchase, checked under `strategies[i].fleet_purchases[j]`.

use super::Bound;

/// Month of the purchase, after the start.
pub const MONTH: Bound = Bound::new(
    "month",
    "Purchase month",
    "months after the start",
    0.0,
    180.0,
    1.0,
);
/// Hashrate bought.
pub const EH_S: Bound =
    Bound::new("eh_s", "Hashrate bought", "EH/s", 0.0, 2_000.0, 0.1).slider(0.0, 50.0);
/// Efficiency of the machines bought.
pub const EFFICIENCY: Bound = Bound::new(
    "efficiency_j_th",
    "Efficiency bought",
    "J/TH",
    5.0,
    200.0,
    0.1,
)
.slider(10.0, 30.0);
/// Price of the machines.
pub const USD_PER_TH: Bound = Bound::new(
    "usd_per_th",
    "Machine price",
    "USD per TH/s",
    0.0,
    1_000.0,
    0.5,
)
.slider(0.0, 40.0);
/// Original hashrate retired.
pub const RETIRE: Bound =
    Bound::new("retire_eh_s", "Hashrate retired", "EH/s", 0.0, 2_000.0, 0.1).slider(0.0, 50.0);

/// Every field above.
pub const ALL: [Bound; 5] = [MONTH, EH_S, EFFICIENCY, USD_PER_TH, RETIRE];
