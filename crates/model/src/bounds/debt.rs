//! Fields of a debt, checked under `financing.debt[i]`.

use super::Bound;

/// Principal.
pub const PRINCIPAL: Bound =
    Bound::new("principal_usd", "Principal", "USD", 0.0, 1e12, 1e6).slider(0.0, 5e9);
/// Annual coupon.
pub const COUPON: Bound =
    Bound::new("coupon_annual", "Coupon", "share a year", 0.0, 1.0, 0.0025).slider(0.0, 0.2);
/// Months to maturity.
pub const MATURITY: Bound =
    Bound::new("maturity_months", "Maturity", "months", 0.0, 600.0, 1.0).slider(0.0, 180.0);

/// Every field above.
pub const ALL: [Bound; 3] = [PRINCIPAL, COUPON, MATURITY];
