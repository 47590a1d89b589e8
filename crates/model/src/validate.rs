//! Scenario validation: every field in range, strategies consistent with the site.
//!
//! The first problem found is returned as a [`ValidationError`] naming the field (its
//! share-link key, or its path such as `strategies[1].contracts[0].it_mw`), the value and the
//! allowed range. Percentages are checked in percent, as users type them.

use crate::bounds::{self, debt, purchase, Bound};
use crate::contract::Contract;
use crate::error::ValidationError;
use crate::scenario::Scenario;

/// BTC sold in a one-off treasury sale.
const SALE_BTC: Bound = Bound::new("btc", "BTC sold", "BTC", 0.0, 21e6, 1.0);

/// Most strategies side by side.
pub const MAX_STRATEGIES: usize = 6;
/// Longest strategy or contract name, characters.
pub const MAX_NAME_CHARS: usize = 60;
/// Most fleet purchases per strategy: one a month over the longest horizon, and some. The
/// kernel keeps each purchase's machines apart month by month, so the count bounds its memory.
pub const MAX_FLEET_PURCHASES: usize = 200;

fn err(field: String, label: &str, value: String, allowed: String) -> ValidationError {
    ValidationError {
        field,
        label: label.into(),
        value,
        allowed,
    }
}

/// 1 to [`MAX_NAME_CHARS`] characters without control characters, under the field path `field`.
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
        bounds::OPEX_EH.check(f.opex_usd_per_eh_month)?;
        bounds::OPEX_AVOIDABLE.check(f.opex_avoidable_pct)?;
        bounds::ASIC_TH.check(f.asic_usd_per_th)?;
        bounds::RESALE_BELOW_19.check(f.asic_resale.below_19_j_th)?;
        bounds::RESALE_19_TO_25.check(f.asic_resale.from_19_to_25_j_th)?;
        bounds::RESALE_FROM_25.check(f.asic_resale.from_25_j_th)?;
        bounds::ASIC_LIFE.check(f.asic_life_months as f64)?;
        bounds::DEMAND_RESPONSE.check(f.demand_response_usd_mwh)?;
        if let Some(mw) = self.site.capacity_mw {
            bounds::SITE_MW.check(mw)?;
        }
        bounds::POWER.check(self.site.power_usd_mwh)?;
        bounds::HPC_PUE.check(self.site.hpc_pue)?;
        self.validate_strategies()?;
        bounds::DISCOUNT.check(self.financing.discount_rate_pct_year)?;
        for (i, d) in self.financing.debt.iter().enumerate() {
            let p = &format!("financing.debt[{i}]");
            name_at(p, "name", "Debt name", &d.name)?;
            debt::PRINCIPAL.within(p, d.principal_usd)?;
            debt::COUPON.within(p, d.coupon_annual)?;
            debt::MATURITY.within(p, d.maturity_months as f64)?;
        }
        bounds::BTC_HELD.check(self.treasury.btc_held)?;
        bounds::SELL.check(self.treasury.sell_pct)?;
        let mc = &self.monte_carlo;
        bounds::PATHS.check(mc.paths as f64)?;
        if let Some(drift) = mc.btc_drift_pct_year {
            bounds::BTC_DRIFT.check(drift)?;
        }
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
            let last_month = self.horizon_months.saturating_sub(1) as f64;
            let sale_month = Bound::new(
                "month",
                "Sale month",
                "months after the start",
                0.0,
                last_month,
                1.0,
            );
            for (j, sale) in s.btc_sales.iter().enumerate() {
                let at = &format!("{p}.btc_sales[{j}]");
                SALE_BTC.within(at, sale.btc)?;
                sale_month.within(at, sale.month as f64)?;
            }
            if s.fleet_purchases.len() > MAX_FLEET_PURCHASES {
                return Err(err(
                    format!("{p}.fleet_purchases"),
                    "Fleet purchases",
                    s.fleet_purchases.len().to_string(),
                    format!("at most {MAX_FLEET_PURCHASES} purchases per strategy"),
                ));
            }
            let mut retired = 0.0;
            for (j, buy) in s.fleet_purchases.iter().enumerate() {
                let at = &format!("{p}.fleet_purchases[{j}]");
                purchase::MONTH.within(at, buy.month as f64)?;
                purchase::EH_S.within(at, buy.eh_s)?;
                purchase::EFFICIENCY.within(at, buy.efficiency_j_th)?;
                purchase::USD_PER_TH.within(at, buy.usd_per_th)?;
                purchase::RETIRE.within(at, buy.retire_eh_s)?;
                retired += buy.retire_eh_s;
                if retired > self.fleet.hashrate_eh_s * (1.0 + 1e-12) {
                    return Err(err(
                        format!("{at}.retire_eh_s"),
                        "Hashrate retired",
                        format!("{} EH/s in all", crate::format::plain(retired)),
                        format!(
                            "at most the original fleet of {} EH/s",
                            crate::format::plain(self.fleet.hashrate_eh_s)
                        ),
                    ));
                }
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
                .map(|c| c.it_mw_on(self.site_mw(), self.site.hpc_pue) * self.site.hpc_pue)
                .sum();
            if hpc_mw > self.site_mw() * (1.0 + 1e-9) {
                return Err(err(
                    format!("{p}.contracts"),
                    "AI/HPC power at the meter",
                    format!("{} MW", crate::format::fixed(hpc_mw, 1)),
                    format!(
                        "at most the site capacity of {} MW (critical IT x AI/HPC PUE {})",
                        crate::format::fixed(self.site_mw(), 1),
                        crate::format::plain(self.site.hpc_pue)
                    ),
                ));
            }
        }
        Ok(())
    }
}

fn validate_contract(p: &str, c: &Contract) -> Result<(), ValidationError> {
    use bounds::contract::*;
    let t = c.terms();
    name_at(p, "name", "Contract name", &t.name)?;
    FIRST_REVENUE.within(p, t.first_revenue_month as f64)?;
    BUILD.within(p, t.build_months as f64)?;
    RAMP.within(p, t.ramp_months as f64)?;
    TERM.within(p, t.term_months as f64)?;
    DELAY.within(p, t.delay_months as f64)?;
    CAPEX_PER_MW.within(p, t.capex_usd_per_mw)?;
    EARLY_END.within(p, t.early_end_annual)?;
    if let Some(share) = t.site_share {
        SITE_SHARE.within(p, share)?;
    }
    match c {
        Contract::Colocation(x) => {
            IT_MW.within(p, x.it_mw)?;
            RENT.within(p, x.usd_per_mw_year)?;
            ESCALATOR.within(p, x.escalator_annual)?;
            NOI.within(p, x.noi_margin)?;
            OPEX_PER_MW.within(p, x.opex_usd_per_mw_year)?;
            RENEWAL.within(p, x.renewal_rate_change)?;
        }
        Contract::GpuCloud(g) => {
            GPUS.within(p, g.gpus)?;
            KW_PER_GPU.within(p, g.kw_per_gpu)?;
            IT_MW.within(p, c.it_mw())?;
            GPU_HOUR.within(p, g.usd_per_gpu_hour)?;
            UTILIZATION.within(p, g.utilization)?;
            TOTAL.within(p, g.contract_total_usd)?;
            PREPAYMENT.within(p, g.prepayment_share)?;
            GPU_CAPEX.within(p, g.capex_usd_per_gpu)?;
            GPU_LIFE.within(p, g.gpu_life_months as f64)?;
            OPEX_SHARE.within(p, g.opex_share)?;
            PRICE_DECLINE.within(p, g.price_decline_annual)?;
        }
    }
    Ok(())
}
