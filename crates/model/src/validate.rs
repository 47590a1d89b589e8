//! Scenario validation: every field in range, strategies consistent with the site.
//!
//! [`Scenario::problems`] lists every problem, in field order, each a [`ValidationError`] naming
//! the field (its share-link key, or its path such as `strategies[1].contracts[0].it_mw`), the
//! value and the allowed range; [`Scenario::validate`] returns the first of them. Percentages are
//! checked in percent, as users type them.
//!
//! # Usage
//! ```
//! use hashpivot_model::Scenario;
//! let mut s = Scenario::default();
//! s.fleet.uptime_pct = 150.0;
//! s.site.power_usd_mwh = -1.0;
//! let fields: Vec<String> = s.problems().into_iter().map(|e| e.field).collect();
//! assert_eq!(fields, ["uptime", "power"]);
//! assert_eq!(s.validate().unwrap_err().field, "uptime");
//! ```

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

/// Problems found so far, in the order checked.
#[derive(Default)]
struct Found(Vec<ValidationError>);

impl Found {
    /// Keeps the problem of `checked`, if it has one.
    fn note<T>(&mut self, checked: Result<T, ValidationError>) {
        if let Err(e) = checked {
            self.0.push(e);
        }
    }
}

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
    /// Checks every field and the megawatt balance of every strategy; the error is the first
    /// of [`Scenario::problems`].
    pub fn validate(&self) -> Result<(), ValidationError> {
        match self.problems().into_iter().next() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// Every problem of the scenario, in field order (empty when it is valid): every field out
    /// of its range and every strategy whose megawatts exceed the site.
    pub fn problems(&self) -> Vec<ValidationError> {
        let mut found = Found::default();
        if self.version != crate::scenario::SCENARIO_VERSION {
            found.0.push(err(
                "version".into(),
                "Format version",
                self.version.to_string(),
                format!(
                    "{} (this build's format)",
                    crate::scenario::SCENARIO_VERSION
                ),
            ));
        }
        self.network_problems(&mut found);
        found.note(bounds::HORIZON.check(self.horizon_months as f64));
        let m = &self.market;
        found.note(bounds::BTC_GROWTH.check(m.btc_growth_pct_year));
        found.note(bounds::DIFF_GROWTH.check(m.difficulty_growth_pct_month));
        found.note(bounds::FEES_GROWTH.check(m.fees_growth_pct_month));
        let net = &m.network;
        found.note(bounds::network::EFFICIENCY.check(net.marginal_efficiency_j_th));
        found.note(bounds::network::POWER.check(net.power_usd_mwh));
        found.note(bounds::network::GAIN.check(net.efficiency_gain_pct_year));
        found.note(bounds::network::LAG.check(net.lag_months as f64));
        let f = &self.fleet;
        found.note(bounds::FLEET.check(f.hashrate_eh_s));
        found.note(bounds::EFFICIENCY.check(f.efficiency_j_th));
        found.note(bounds::UPTIME.check(f.uptime_pct));
        found.note(bounds::CURTAILMENT.check(f.curtailment_pct));
        found.note(bounds::POOL_FEE.check(f.pool_fee_pct));
        found.note(bounds::PUE.check(f.pue));
        found.note(bounds::OPEX_EH.check(f.opex_usd_per_eh_month));
        found.note(bounds::OPEX_AVOIDABLE.check(f.opex_avoidable_pct));
        found.note(bounds::ASIC_TH.check(f.asic_usd_per_th));
        found.note(bounds::RESALE_BELOW_19.check(f.asic_resale.below_19_j_th));
        found.note(bounds::RESALE_19_TO_25.check(f.asic_resale.from_19_to_25_j_th));
        found.note(bounds::RESALE_FROM_25.check(f.asic_resale.from_25_j_th));
        found.note(bounds::ASIC_LIFE.check(f.asic_life_months as f64));
        found.note(bounds::DEMAND_RESPONSE.check(f.demand_response_usd_mwh));
        if let Some(mw) = self.site.capacity_mw {
            found.note(bounds::SITE_MW.check(mw));
        }
        found.note(bounds::POWER.check(self.site.power_usd_mwh));
        found.note(bounds::HPC_PUE.check(self.site.hpc_pue));
        self.validate_strategies(&mut found);
        let fin = &self.financing;
        found.note(bounds::DISCOUNT.check(fin.discount_rate_pct_year));
        found.note(bounds::CASH.check(fin.cash_usd));
        found.note(bounds::CREDIT_LIMIT.check(fin.credit_limit_usd));
        found.note(bounds::CREDIT_RATE.check(fin.credit_rate_pct_year));
        found.note(bounds::EQUITY_LIMIT.check(fin.equity_limit_usd));
        found.note(bounds::SHARE_PRICE.check(fin.share_price_usd));
        found.note(bounds::SHARES.check(fin.shares_outstanding_m));
        for (i, d) in self.financing.debt.iter().enumerate() {
            let p = &format!("financing.debt[{i}]");
            found.note(name_at(p, "name", "Debt name", &d.name));
            found.note(debt::PRINCIPAL.within(p, d.principal_usd));
            found.note(debt::COUPON.within(p, d.coupon_annual));
            found.note(debt::MATURITY.within(p, d.maturity_months as f64));
        }
        found.note(bounds::BTC_HELD.check(self.treasury.btc_held));
        found.note(bounds::SELL.check(self.treasury.sell_pct));
        let mc = &self.monte_carlo;
        found.note(bounds::PATHS.check(mc.paths as f64));
        if let Some(drift) = mc.btc_drift_pct_year {
            found.note(bounds::BTC_DRIFT.check(drift));
        }
        found.note(bounds::BTC_VOL.check(mc.btc_volatility_pct_year));
        found.note(bounds::HASHRATE_VOL.check(mc.hashrate_volatility_pct_year));
        found.note(bounds::HASHRATE_FOLLOW.check(mc.hashrate_follows_price_pct));
        found.note(bounds::HASHRATE_LAG.check(mc.hashrate_lag_months as f64));
        found.0
    }

    /// Every bad field of the network, in its order. [`crate::Network::validate`] names only
    /// the first, so each field it names is set to its bound's minimum on a copy (through the
    /// share-link accessor of that key) and the copy checked again, until it passes or names a
    /// field that cannot be set that way.
    fn network_problems(&self, found: &mut Found) {
        let Err(mut e) = self.network.validate() else {
            return;
        };
        let mut probe = self.clone();
        let mut seen: Vec<String> = Vec::new();
        loop {
            let key = e.field.clone();
            found.0.push(e);
            let (Some((_, set)), Some(bound)) =
                (crate::query::accessor(&key), crate::query::bound(&key))
            else {
                return;
            };
            set(&mut probe, bound.min);
            seen.push(key);
            match probe.network.validate() {
                Err(next) if !seen.contains(&next.field) => e = next,
                _ => return,
            }
        }
    }

    fn validate_strategies(&self, found: &mut Found) {
        let n = self.strategies.len();
        if n == 0 || n > MAX_STRATEGIES {
            found.0.push(err(
                "strategies".into(),
                "Strategies",
                n.to_string(),
                format!("1 to {MAX_STRATEGIES} strategies"),
            ));
        }
        for (i, s) in self.strategies.iter().enumerate() {
            let p = format!("strategies[{i}]");
            found.note(name_at(&p, "name", "Strategy name", &s.name));
            if s.id.is_empty()
                || s.id.len() > 24
                || !s
                    .id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            {
                found.0.push(err(
                    format!("{p}.id"),
                    "Strategy id",
                    s.id.clone(),
                    "1 to 24 letters, digits, - or _".into(),
                ));
            } else if self.strategies[..i].iter().any(|o| o.id == s.id) {
                found.0.push(err(
                    format!("{p}.id"),
                    "Strategy id",
                    s.id.clone(),
                    "an id no other strategy uses".into(),
                ));
            }
            for (j, c) in s.contracts.iter().enumerate() {
                validate_contract(found, &format!("{p}.contracts[{j}]"), c);
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
                found.note(SALE_BTC.within(at, sale.btc));
                found.note(sale_month.within(at, sale.month as f64));
            }
            if s.fleet_purchases.len() > MAX_FLEET_PURCHASES {
                found.0.push(err(
                    format!("{p}.fleet_purchases"),
                    "Fleet purchases",
                    s.fleet_purchases.len().to_string(),
                    format!("at most {MAX_FLEET_PURCHASES} purchases per strategy"),
                ));
                continue;
            }
            let (mut retired, mut over) = (0.0, false);
            for (j, buy) in s.fleet_purchases.iter().enumerate() {
                let at = &format!("{p}.fleet_purchases[{j}]");
                found.note(purchase::MONTH.within(at, buy.month as f64));
                found.note(purchase::EH_S.within(at, buy.eh_s));
                found.note(purchase::EFFICIENCY.within(at, buy.efficiency_j_th));
                found.note(purchase::USD_PER_TH.within(at, buy.usd_per_th));
                found.note(purchase::RETIRE.within(at, buy.retire_eh_s));
                retired += buy.retire_eh_s;
                // Named once, at the purchase that first retires too much.
                if !over && retired > self.fleet.hashrate_eh_s * (1.0 + 1e-12) {
                    over = true;
                    found.0.push(err(
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
            // Conservation: the peak is at most the sum of every contract converted within the
            // horizon (megawatts a lease hands back to mining are not netted: a conservative
            // check).
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
                found.0.push(err(
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
    }
}

fn validate_contract(found: &mut Found, p: &str, c: &Contract) {
    use bounds::contract::*;
    let t = c.terms();
    found.note(name_at(p, "name", "Contract name", &t.name));
    found.note(FIRST_REVENUE.within(p, t.first_revenue_month as f64));
    found.note(BUILD.within(p, t.build_months as f64));
    found.note(RAMP.within(p, t.ramp_months as f64));
    found.note(TERM.within(p, t.term_months as f64));
    found.note(DELAY.within(p, t.delay_months as f64));
    found.note(CAPEX_PER_MW.within(p, t.capex_usd_per_mw));
    found.note(FACILITY_LIFE.within(p, t.facility_life_months as f64));
    found.note(EARLY_END.within(p, t.early_end_annual));
    if let Some(share) = t.site_share {
        found.note(SITE_SHARE.within(p, share));
    }
    match c {
        Contract::Colocation(x) => {
            found.note(IT_MW.within(p, x.it_mw));
            found.note(RENT.within(p, x.usd_per_mw_year));
            found.note(ESCALATOR.within(p, x.escalator_annual));
            found.note(NOI.within(p, x.noi_margin));
            found.note(OPEX_PER_MW.within(p, x.opex_usd_per_mw_year));
            found.note(RENEWAL.within(p, x.renewal_rate_change));
            found.note(VACANCY.within(p, x.vacancy_months as f64));
            found.note(MARKET_RENT.within(p, x.market_usd_per_mw_year));
        }
        Contract::GpuCloud(g) => {
            found.note(GPUS.within(p, g.gpus));
            found.note(KW_PER_GPU.within(p, g.kw_per_gpu));
            found.note(IT_MW.within(p, c.it_mw()));
            found.note(GPU_HOUR.within(p, g.usd_per_gpu_hour));
            found.note(UTILIZATION.within(p, g.utilization));
            found.note(TOTAL.within(p, g.contract_total_usd));
            found.note(PREPAYMENT.within(p, g.prepayment_share));
            found.note(GPU_CAPEX.within(p, g.capex_usd_per_gpu));
            found.note(GPU_LIFE.within(p, g.gpu_life_months as f64));
            found.note(OPEX_SHARE.within(p, g.opex_share));
            found.note(PRICE_DECLINE.within(p, g.price_decline_annual));
        }
    }
}
