//! Scenario validation: every field in range, strategies consistent with the site.
//!
//! The first problem found is returned as a [`ValidationError`] naming the field (its
//! share-link key, or its path such as `strategies[1].contracts[0].it_mw`), the value and the
//! allowed range. Percentages are checked in percent, as users type them.

use crate::bounds::{self, Bound};
use crate::contract::Contract;
use crate::error::ValidationError;
use crate::scenario::Scenario;

/// Most strategies side by side.
pub const MAX_STRATEGIES: usize = 6;
/// Longest strategy or contract name, characters.
pub const MAX_NAME_CHARS: usize = 60;

fn err(field: String, label: &str, value: String, allowed: String) -> ValidationError {
    ValidationError {
        field,
        label: label.into(),
        value,
        allowed,
    }
}

/// `value` within `min..=max` under the field path `field`.
fn range(
    field: &str,
    label: &'static str,
    unit: &'static str,
    min: f64,
    max: f64,
    value: f64,
) -> Result<(), ValidationError> {
    Bound::new("", label, unit, min, max, 1.0)
        .at(field, value)
        .map(|_| ())
}

/// `value` within `min..=max` under `prefix.name`; the path is only formatted on error.
fn range_at(
    prefix: &str,
    name: &str,
    label: &'static str,
    unit: &'static str,
    min: f64,
    max: f64,
    value: f64,
) -> Result<(), ValidationError> {
    if value.is_finite() && value >= min && value <= max {
        Ok(())
    } else {
        range(&format!("{prefix}.{name}"), label, unit, min, max, value)
    }
}

/// A whole number of months under `prefix.name`.
fn months_at(
    prefix: &str,
    name: &str,
    label: &'static str,
    min: u32,
    max: u32,
    value: u32,
) -> Result<(), ValidationError> {
    range_at(
        prefix,
        name,
        label,
        "months",
        min as f64,
        max as f64,
        value as f64,
    )
}

/// A name under `prefix.field`; the path is only formatted on error.
fn name_at(prefix: &str, field: &str, label: &str, value: &str) -> Result<(), ValidationError> {
    if name_ok(value) {
        Ok(())
    } else {
        name(&format!("{prefix}.{field}"), label, value)
    }
}

fn name_ok(value: &str) -> bool {
    let chars = value.chars().count();
    chars > 0 && chars <= MAX_NAME_CHARS && !value.chars().any(char::is_control)
}

/// A whole number of months within `min..=max`.
fn months(
    field: &str,
    label: &'static str,
    min: u32,
    max: u32,
    value: u32,
) -> Result<(), ValidationError> {
    range(field, label, "months", min as f64, max as f64, value as f64)
}

fn name(field: &str, label: &str, value: &str) -> Result<(), ValidationError> {
    if !name_ok(value) {
        return Err(err(
            field.into(),
            label,
            value.into(),
            format!("1 to {MAX_NAME_CHARS} characters without control characters"),
        ));
    }
    Ok(())
}

impl Scenario {
    /// Checks every field and the megawatt balance of every strategy.
    pub fn validate(&self) -> Result<(), ValidationError> {
        if self.version != crate::scenario::SCENARIO_VERSION {
            return Err(err(
                "version".into(),
                "Format version",
                self.version.to_string(),
                format!(
                    "{} (this build's format)",
                    crate::scenario::SCENARIO_VERSION
                ),
            ));
        }
        self.network.validate()?;
        bounds::HORIZON.check(self.horizon_months as f64)?;
        let m = &self.market;
        bounds::BTC_GROWTH.check(m.btc_growth_pct_year)?;
        bounds::DIFF_GROWTH.check(m.difficulty_growth_pct_month)?;
        bounds::FEES_GROWTH.check(m.fees_growth_pct_month)?;
        let f = &self.fleet;
        bounds::FLEET.check(f.hashrate_eh_s)?;
        bounds::EFFICIENCY.check(f.efficiency_j_th)?;
        bounds::UPTIME.check(f.uptime_pct)?;
        bounds::CURTAILMENT.check(f.curtailment_pct)?;
        bounds::POOL_FEE.check(f.pool_fee_pct)?;
        bounds::PUE.check(f.pue)?;
        bounds::OPEX.check(f.opex_usd_per_month)?;
        bounds::ASIC_VALUE.check(f.asic_value_usd)?;
        bounds::ASIC_LIFE.check(f.asic_life_months as f64)?;
        bounds::DEMAND_RESPONSE.check(f.demand_response_usd_mwh)?;
        bounds::SITE_MW.check(self.site.capacity_mw)?;
        bounds::POWER.check(self.site.power_usd_mwh)?;
        bounds::HPC_PUE.check(self.site.hpc_pue)?;
        self.validate_strategies()?;
        bounds::DISCOUNT.check(self.financing.discount_rate_pct_year)?;
        for (i, d) in self.financing.debt.iter().enumerate() {
            let p = &format!("financing.debt[{i}]");
            name_at(p, "name", "Debt name", &d.name)?;
            range_at(
                p,
                "principal_usd",
                "Principal",
                "USD",
                0.0,
                1e12,
                d.principal_usd,
            )?;
            range_at(
                p,
                "coupon_annual",
                "Coupon",
                "share a year",
                0.0,
                1.0,
                d.coupon_annual,
            )?;
            months_at(p, "maturity_months", "Maturity", 0, 600, d.maturity_months)?;
        }
        bounds::BTC_HELD.check(self.treasury.btc_held)?;
        bounds::SELL.check(self.treasury.sell_pct)?;
        let mc = &self.monte_carlo;
        bounds::PATHS.check(mc.paths as f64)?;
        bounds::BTC_DRIFT.check(mc.btc_drift_pct_year)?;
        bounds::BTC_VOL.check(mc.btc_volatility_pct_year)?;
        bounds::HASHRATE_VOL.check(mc.hashrate_volatility_pct_year)?;
        bounds::HASHRATE_FOLLOW.check(mc.hashrate_follows_price_pct)?;
        bounds::HASHRATE_LAG.check(mc.hashrate_lag_months as f64)?;
        Ok(())
    }

    fn validate_strategies(&self) -> Result<(), ValidationError> {
        let n = self.strategies.len();
        if n == 0 || n > MAX_STRATEGIES {
            return Err(err(
                "strategies".into(),
                "Strategies",
                n.to_string(),
                format!("1 to {MAX_STRATEGIES} strategies"),
            ));
        }
        for (i, s) in self.strategies.iter().enumerate() {
            let p = format!("strategies[{i}]");
            name_at(&p, "name", "Strategy name", &s.name)?;
            if s.id.is_empty()
                || s.id.len() > 24
                || !s
                    .id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            {
                return Err(err(
                    format!("{p}.id"),
                    "Strategy id",
                    s.id.clone(),
                    "1 to 24 letters, digits, - or _".into(),
                ));
            }
            if self.strategies[..i].iter().any(|o| o.id == s.id) {
                return Err(err(
                    format!("{p}.id"),
                    "Strategy id",
                    s.id.clone(),
                    "an id no other strategy uses".into(),
                ));
            }
            for (j, c) in s.contracts.iter().enumerate() {
                validate_contract(&format!("{p}.contracts[{j}]"), c)?;
            }
            for (j, sale) in s.btc_sales.iter().enumerate() {
                range(
                    &format!("{p}.btc_sales[{j}].btc"),
                    "BTC sold",
                    "BTC",
                    0.0,
                    21e6,
                    sale.btc,
                )?;
                months(
                    &format!("{p}.btc_sales[{j}].month"),
                    "Sale month",
                    0,
                    self.horizon_months.saturating_sub(1),
                    sale.month,
                )?;
            }
            // Conservation: converted megawatts never return to mining, so the peak is the sum
            // of every contract converted within the horizon.
            let hpc_mw: f64 = s
                .contracts
                .iter()
                .filter(|c| {
                    c.terms()
                        .first_revenue_month
                        .saturating_sub(c.terms().build_months)
                        < self.horizon_months
                })
                .map(|c| c.it_mw() * self.site.hpc_pue)
                .sum();
            if hpc_mw > self.site.capacity_mw * (1.0 + 1e-9) {
                return Err(err(
                    format!("{p}.contracts"),
                    "AI/HPC power at the meter",
                    format!("{} MW", crate::format::fixed(hpc_mw, 1)),
                    format!(
                        "at most the site capacity of {} MW (critical IT x AI/HPC PUE {})",
                        crate::format::fixed(self.site.capacity_mw, 1),
                        crate::format::plain(self.site.hpc_pue)
                    ),
                ));
            }
        }
        Ok(())
    }
}

fn validate_contract(p: &str, c: &Contract) -> Result<(), ValidationError> {
    let t = c.terms();
    name_at(p, "name", "Contract name", &t.name)?;
    months_at(
        p,
        "first_revenue_month",
        "First revenue",
        0,
        180,
        t.first_revenue_month,
    )?;
    months_at(p, "build_months", "Build time", 0, 120, t.build_months)?;
    months_at(p, "ramp_months", "Ramp", 0, 120, t.ramp_months)?;
    months_at(p, "term_months", "Term", 1, 600, t.term_months)?;
    months_at(p, "delay_months", "Delivery delay", 0, 120, t.delay_months)?;
    range_at(
        p,
        "capex_usd_per_mw",
        "Conversion capex",
        "USD per MW",
        0.0,
        1e9,
        t.capex_usd_per_mw,
    )?;
    range_at(
        p,
        "early_end_annual",
        "Early-end probability",
        "share a year",
        0.0,
        1.0,
        t.early_end_annual,
    )?;
    match c {
        Contract::Colocation(x) => {
            range_at(p, "it_mw", "Critical IT", "MW", 0.0, 100_000.0, x.it_mw)?;
            range_at(
                p,
                "usd_per_mw_year",
                "Rent",
                "USD per MW-year",
                0.0,
                1e8,
                x.usd_per_mw_year,
            )?;
            range_at(
                p,
                "escalator_annual",
                "Escalator",
                "share a year",
                -0.5,
                0.5,
                x.escalator_annual,
            )?;
            range_at(
                p,
                "noi_margin",
                "NOI margin",
                "share",
                0.0,
                1.0,
                x.noi_margin,
            )?;
            range_at(
                p,
                "renewal_rate_change",
                "Renewal rate change",
                "share",
                -0.9,
                5.0,
                x.renewal_rate_change,
            )?;
        }
        Contract::GpuCloud(g) => {
            range_at(p, "gpus", "GPUs", "", 0.0, 10_000_000.0, g.gpus)?;
            range_at(
                p,
                "kw_per_gpu",
                "Power per GPU",
                "kW",
                0.1,
                20.0,
                g.kw_per_gpu,
            )?;
            range_at(p, "it_mw", "Critical IT", "MW", 0.0, 100_000.0, c.it_mw())?;
            range_at(
                p,
                "usd_per_gpu_hour",
                "GPU-hour price",
                "USD",
                0.0,
                1_000.0,
                g.usd_per_gpu_hour,
            )?;
            range_at(
                p,
                "utilization",
                "Utilization",
                "share",
                0.0,
                1.0,
                g.utilization,
            )?;
            range_at(
                p,
                "contract_total_usd",
                "Contract total",
                "USD",
                0.0,
                1e12,
                g.contract_total_usd,
            )?;
            range_at(
                p,
                "prepayment_share",
                "Prepayment",
                "share",
                0.0,
                1.0,
                g.prepayment_share,
            )?;
            range_at(
                p,
                "capex_usd_per_gpu",
                "GPU capex",
                "USD per GPU",
                0.0,
                1e7,
                g.capex_usd_per_gpu,
            )?;
            months_at(
                p,
                "gpu_life_months",
                "GPU depreciation life",
                1,
                240,
                g.gpu_life_months,
            )?;
            range_at(
                p,
                "opex_share",
                "Opex share of revenue",
                "share",
                0.0,
                1.0,
                g.opex_share,
            )?;
            range_at(
                p,
                "price_decline_annual",
                "Price decline",
                "share a year",
                0.0,
                1.0,
                g.price_decline_annual,
            )?;
        }
    }
    Ok(())
}
