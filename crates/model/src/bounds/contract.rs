//! Fields of an AI/HPC contract, checked under their path (e.g. `strategies[1].contracts[0]`).

use super::Bound;

/// Months from the start to the first revenue.
pub const FIRST_REVENUE: Bound = Bound::new(
    "first_revenue_month",
    "First revenue",
    "months",
    0.0,
    180.0,
    1.0,
);
/// Months of conversion before the first revenue.
pub const BUILD: Bound = Bound::new("build_months", "Build time", "months", 0.0, 120.0, 1.0);
/// Months of ramp to full capacity.
pub const RAMP: Bound = Bound::new("ramp_months", "Ramp", "months", 0.0, 120.0, 1.0);
/// Contract term from the first revenue.
pub const TERM: Bound = Bound::new("term_months", "Term", "months", 1.0, 600.0, 1.0);
/// Delivery delay.
pub const DELAY: Bound = Bound::new("delay_months", "Delivery delay", "months", 0.0, 120.0, 1.0);
/// Conversion capex per MW of critical IT.
pub const CAPEX_PER_MW: Bound = Bound::new(
    "capex_usd_per_mw",
    "Conversion capex",
    "USD per MW",
    0.0,
    1e9,
    100_000.0,
)
.slider(0.0, 25e6);
/// Share of the site's power at the meter a contract sized by the site takes.
pub const SITE_SHARE: Bound =
    Bound::new("site_share", "Share of the site", "share", 0.001, 1.0, 0.01);
/// Life of the converted facility, over which conversion capex is depreciated.
pub const FACILITY_LIFE: Bound = Bound::new(
    "facility_life_months",
    "Facility life",
    "months",
    12.0,
    600.0,
    1.0,
)
.slider(60.0, 480.0);
/// Early-end probability per year.
pub const EARLY_END: Bound = Bound::new(
    "early_end_annual",
    "Early-end probability",
    "share a year",
    0.0,
    1.0,
    0.005,
)
.slider(0.0, 0.3);
/// Critical IT, MW.
pub const IT_MW: Bound =
    Bound::new("it_mw", "Critical IT", "MW", 0.0, 100_000.0, 1.0).slider(0.0, 1_000.0);
/// Rent per MW of critical IT per year.
pub const RENT: Bound = Bound::new(
    "usd_per_mw_year",
    "Rent",
    "USD per MW-year",
    0.0,
    1e8,
    10_000.0,
)
.slider(0.0, 4e6);
/// Annual rent escalator.
pub const ESCALATOR: Bound = Bound::new(
    "escalator_annual",
    "Escalator",
    "share a year",
    -0.5,
    0.5,
    0.005,
)
.slider(0.0, 0.1);
/// NOI margin on rent.
pub const NOI: Bound = Bound::new("noi_margin", "NOI margin", "share", 0.0, 1.0, 0.01);
/// Explicit site opex per MW-year.
pub const OPEX_PER_MW: Bound = Bound::new(
    "opex_usd_per_mw_year",
    "Site opex",
    "USD per MW-year",
    0.0,
    1e8,
    10_000.0,
)
.slider(0.0, 1e6);
/// Rent change on renewal.
pub const RENEWAL: Bound = Bound::new(
    "renewal_rate_change",
    "Renewal rate change",
    "share",
    -0.9,
    5.0,
    0.01,
)
.slider(-0.5, 1.0);
/// Months empty before a lease that does not renew is re-let.
pub const VACANCY: Bound = Bound::new(
    "vacancy_months",
    "Vacancy before re-letting",
    "months",
    0.0,
    120.0,
    1.0,
)
.slider(0.0, 36.0);
/// Rent of the re-let lease (0 = the lease's own base rent).
pub const MARKET_RENT: Bound = Bound::new(
    "market_usd_per_mw_year",
    "Market rent after the term",
    "USD per MW-year",
    0.0,
    1e8,
    10_000.0,
)
.slider(0.0, 4e6);
/// GPUs installed.
pub const GPUS: Bound =
    Bound::new("gpus", "GPUs", "", 0.0, 10_000_000.0, 100.0).slider(0.0, 200_000.0);
/// Critical IT power per GPU, all-in.
pub const KW_PER_GPU: Bound =
    Bound::new("kw_per_gpu", "Power per GPU", "kW", 0.1, 20.0, 0.05).slider(0.5, 5.0);
/// Price per GPU-hour.
pub const GPU_HOUR: Bound = Bound::new(
    "usd_per_gpu_hour",
    "GPU-hour price",
    "USD",
    0.0,
    1_000.0,
    0.05,
)
.slider(0.0, 12.0);
/// Share of GPU-hours sold.
pub const UTILIZATION: Bound = Bound::new("utilization", "Utilization", "share", 0.0, 1.0, 0.01);
/// Contract total over the term.
pub const TOTAL: Bound = Bound::new(
    "contract_total_usd",
    "Contract total",
    "USD",
    0.0,
    1e12,
    1e7,
)
.slider(0.0, 2e10);
/// Share of the total paid up front.
pub const PREPAYMENT: Bound = Bound::new("prepayment_share", "Prepayment", "share", 0.0, 1.0, 0.01);
/// GPU capex per GPU.
pub const GPU_CAPEX: Bound = Bound::new(
    "capex_usd_per_gpu",
    "GPU capex",
    "USD per GPU",
    0.0,
    1e7,
    1_000.0,
)
.slider(0.0, 150_000.0);
/// GPU depreciation life.
pub const GPU_LIFE: Bound = Bound::new(
    "gpu_life_months",
    "GPU depreciation life",
    "months",
    1.0,
    240.0,
    1.0,
)
.slider(12.0, 96.0);
/// Cash opex as a share of GPU revenue.
pub const OPEX_SHARE: Bound = Bound::new(
    "opex_share",
    "Opex share of revenue",
    "share",
    0.0,
    1.0,
    0.01,
);
/// Price decline per year of uncontracted GPU-hours.
pub const PRICE_DECLINE: Bound = Bound::new(
    "price_decline_annual",
    "Price decline",
    "share a year",
    0.0,
    1.0,
    0.01,
)
.slider(0.0, 0.5);

/// Every field above.
pub const ALL: [Bound; 26] = [
    FIRST_REVENUE,
    BUILD,
    RAMP,
    TERM,
    DELAY,
    CAPEX_PER_MW,
    FACILITY_LIFE,
    EARLY_END,
    IT_MW,
    RENT,
    ESCALATOR,
    NOI,
    OPEX_PER_MW,
    RENEWAL,
    VACANCY,
    MARKET_RENT,
    GPUS,
    KW_PER_GPU,
    GPU_HOUR,
    UTILIZATION,
    TOTAL,
    PREPAYMENT,
    GPU_CAPEX,
    GPU_LIFE,
    OPEX_SHARE,
    PRICE_DECLINE,
];
