//! The deterministic projection: every strategy, month by month, and its summary.
//!
//! Conventions (what an analyst at a listed miner would expect, written down):
//! - Mined BTC counts as revenue at the month's price whether sold or held, so free cash flow
//!   (`fcf = EBITDA - capex + ASIC sales - interest + prepayment timing`) compares strategies on
//!   the same footing; the treasury columns show what is sold and held. Debt principal falling
//!   due is shown (`debt_repaid_usd`) but, like any financing flow, is not part of FCF.
//! - Prepayment timing includes what is returned to a tenant on an early end; capex includes
//!   GPU refreshes weighted by the contract's survival; depreciation covers ASICs, GPUs and
//!   conversion capex (over the facility life).
//! - Energy cost is net of demand-response credits; colocation power passed through to the
//!   tenant is left out of both revenue and cost.
//! - Converted megawatts stay with AI/HPC to the horizon's end, unless a lease that does not
//!   renew hands them back to mining at term end ([`crate::contract::AfterTerm`]; otherwise they
//!   are re-let after a vacancy). After an early end they stay idle.
//! - When a conversion takes megawatts from mining, the machines that no longer fit (the least
//!   efficient, since the most efficient run first) are sold that month at their efficiency
//!   tier's resale price per TH/s (`asic_sales_usd`, an investing inflow in FCF), and their
//!   depreciation stops.
//! - NPV discounts each month's FCF from the month's end at the annual rate, compounded monthly.
//! - Payback is the first month from which cumulative FCF stays at or above zero to the horizon.
//! - Cash opex is per EH/s held (running, switched off or without power); its avoidable share
//!   (an input) stops for machines that do not run.
//! - With the shutdown rule on (default), machines switch off in merit order, least efficient
//!   first: a cohort (the original fleet, each purchase) is off in a month whose mining revenue
//!   would not cover its energy (net of demand-response credits) and its avoidable opex. A
//!   month can run part of the fleet (`eh_s_running`, `eh_s_off`); the unavoidable opex and
//!   depreciation go on.
//!
//! # Usage
//! ```
//! use hashpivot_model::{projection::project, Scenario};
//! let p = project(&Scenario::default()).unwrap();
//! assert_eq!(p.strategies[0].months.len(), 60);
//! ```

use serde::Serialize;

pub mod cash;
mod csv;
mod unit_costs;
pub use csv::{csv, MONTH_COLUMNS};

use cash::CashWalk;
use unit_costs::UnitCosts;

use crate::calendar::YearMonth;
use crate::error::ValidationError;
use crate::kernel::{StrategyKernel, Timeline};
use crate::metrics;
use crate::scenario::Scenario;
use crate::warning::Warning;

/// What the projection returns.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Projection {
    /// Hashprice at the start, USD/PH/day.
    pub hashprice_usd_per_ph_day: f64,
    /// Hashprice at the start, sats/TH/day.
    pub hashprice_sats_per_th_day: f64,
    /// Hashcost of the fleet at the start (energy plus cash opex), USD/PH/day.
    pub hashcost_usd_per_ph_day: f64,
    /// Network hashrate at the start, EH/s.
    pub network_hashrate_eh_s: f64,
    /// One entry per strategy, in the scenario's order.
    pub strategies: Vec<StrategyResult>,
    /// What the user should know: inputs that disagree ([`Scenario::warnings`]) and results
    /// such as a strategy's funding gap.
    pub warnings: Vec<Warning>,
}

/// One strategy's months and summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StrategyResult {
    /// The strategy's id.
    pub id: String,
    /// The strategy's name.
    pub name: String,
    /// NPV of FCF, USD.
    pub npv_usd: f64,
    /// First month from which cumulative FCF stays at or above zero to the horizon, if any.
    pub payback_month: Option<YearMonth>,
    /// Summary figures.
    pub summary: Summary,
    /// Month by month.
    pub months: Vec<MonthRow>,
    /// Revenue of each AI/HPC contract, month by month (expected, as in `hpc_revenue_usd`,
    /// which is their sum), in the strategy's order. In the JSON only: the CSV has the sum.
    pub contract_revenue: Vec<ContractRevenue>,
}

/// One contract's revenue, month by month.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContractRevenue {
    /// The contract's name.
    pub name: String,
    /// Revenue in each month of the projection, USD.
    pub revenue_usd: Vec<f64>,
}

/// Summary figures of a strategy over the horizon.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// Total revenue, USD.
    pub revenue_usd: f64,
    /// Total EBITDA, USD.
    pub ebitda_usd: f64,
    /// EBITDA / revenue (0 when there is no revenue, or too little for a finite ratio).
    pub ebitda_margin: f64,
    /// Mining's share of revenue.
    pub mining_share: f64,
    /// Cumulative FCF at the horizon, USD.
    pub cumulative_fcf_usd: f64,
    /// BTC mined over the horizon.
    pub btc_mined: f64,
    /// Cash cost per BTC in the first month (energy + mining opex), USD; `None` if none mined
    /// (or too little for a finite figure, as with the other per-BTC and per-MW figures).
    pub cash_cost_per_btc_usd: Option<f64>,
    /// All-in cost per BTC in the first month (+ ASIC depreciation + interest pro rata to
    /// mining's revenue share), USD.
    pub all_in_cost_per_btc_usd: Option<f64>,
    /// BTC price at which mining's cash margin is zero in the first month (equals the cash
    /// cost per BTC), USD.
    pub breakeven_btc_usd: Option<f64>,
    /// Power price at which mining's cash margin is zero in the first month, USD/MWh.
    pub breakeven_power_usd_mwh: Option<f64>,
    /// Mining revenue per MW-year at the meter, USD.
    pub mining_revenue_per_mw_year_usd: Option<f64>,
    /// Mining cash margin (revenue - energy - opex) per MW-year, USD.
    pub mining_margin_per_mw_year_usd: Option<f64>,
    /// AI/HPC revenue per MW-year of energised critical IT (ramp months count the MW they
    /// energise, weighted by the contract's expected survival), USD: the figure leases are
    /// quoted in (DOMAIN.md: $1.2-1.9M per MW-year).
    pub hpc_revenue_per_mw_year_usd: Option<f64>,
    /// AI/HPC cash margin (revenue - opex - power) per MW-year of energised critical IT, USD.
    pub hpc_margin_per_mw_year_usd: Option<f64>,
    /// Cash cost per BTC over the horizon (energy + mining opex of the months mining, over the
    /// BTC they mined): the constant BTC price at which mining's cash margin over the horizon
    /// is zero, the horizon's cash breakeven. `None` if nothing is mined.
    pub breakeven_btc_horizon_usd: Option<f64>,
    /// All-in breakeven BTC price in the first month (equals the all-in cost per BTC).
    pub all_in_breakeven_btc_usd: Option<f64>,
    /// All-in cost per BTC over the horizon (+ ASIC depreciation + interest pro rata to
    /// mining's revenue share): the horizon's all-in breakeven BTC price.
    pub all_in_breakeven_btc_horizon_usd: Option<f64>,
    /// Power price at which mining's cash margin over the horizon is zero, USD/MWh.
    pub breakeven_power_horizon_usd_mwh: Option<f64>,
    /// IRR per year of this strategy's FCF minus pure mining's (the pivot's incremental IRR;
    /// pure mining is the first strategy without AI/HPC contracts, else the first); `None` for
    /// pure mining itself or when the difference has no sign change or no root.
    pub incremental_irr_vs_pure: Option<f64>,
    /// First month from which the cumulative difference of FCF against pure mining stays at or
    /// above zero (when the pivot has paid for itself against mining); `None` if never.
    pub incremental_payback_month: Option<YearMonth>,
    /// Cash at the horizon's end, USD (below zero: a funding gap not closed).
    pub cash_end_usd: f64,
    /// First month whose cash is below zero after every financing the strategy may use.
    pub funding_gap_month: Option<YearMonth>,
    /// The largest funding gap over the horizon, USD (0 if none).
    pub funding_gap_usd: f64,
    /// Credit facility drawn at its peak, USD.
    pub credit_peak_usd: f64,
    /// Equity raised over the horizon, USD.
    pub equity_raised_usd: f64,
    /// Share of the company new shares would hold: issued / (outstanding + issued).
    pub dilution: f64,
    /// Coefficient of variation of monthly revenue.
    pub revenue_volatility: f64,
}

/// One month of one strategy. Money in USD, power in MW at the meter.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonthRow {
    /// Calendar month.
    pub month: YearMonth,
    /// Blocks in the month.
    pub blocks: u64,
    /// Average subsidy per block, BTC.
    pub subsidy_btc: f64,
    /// BTC price, USD.
    pub btc_price_usd: f64,
    /// Network hashrate, EH/s.
    pub network_hashrate_eh_s: f64,
    /// Hashprice: what 1 PH/s earns in a day this month (subsidy + fees at the price), USD.
    pub hashprice_usd_per_ph_day: f64,
    /// What 1 PH/s of the fleet running costs in a day (energy + mining cash opex), USD; `None`
    /// when no machine runs.
    pub hashcost_usd_per_ph_day: Option<f64>,
    /// MW given to mining: the machines with power, running or switched off.
    pub mining_mw: f64,
    /// MW with AI/HPC.
    pub hpc_mw: f64,
    /// Hashrate running, EH/s.
    pub eh_s_running: f64,
    /// Hashrate held but not running, EH/s: switched off as unprofitable (least efficient
    /// first), or without power (a fleet bigger than what AI/HPC leaves of the site).
    pub eh_s_off: f64,
    /// BTC mined.
    pub btc_mined: f64,
    /// BTC sold.
    pub btc_sold: f64,
    /// BTC held at the month's end.
    pub btc_held: f64,
    /// BTC held valued at the month's price (mark to market), USD.
    pub treasury_value_usd: f64,
    /// Mining revenue.
    pub mining_revenue_usd: f64,
    /// AI/HPC revenue.
    pub hpc_revenue_usd: f64,
    /// Energy bought, net of demand-response credits.
    pub energy_cost_usd: f64,
    /// Cash opex other than energy.
    pub opex_usd: f64,
    /// EBITDA.
    pub ebitda_usd: f64,
    /// Depreciation (non-cash).
    pub depreciation_usd: f64,
    /// Interest.
    pub interest_usd: f64,
    /// Debt principal falling due this month (financing, not part of FCF).
    pub debt_repaid_usd: f64,
    /// Capex.
    pub capex_usd: f64,
    /// Proceeds of the ASICs sold when AI/HPC took their megawatts this month (an investing
    /// inflow, in FCF; not revenue).
    pub asic_sales_usd: f64,
    /// Free cash flow.
    pub fcf_usd: f64,
    /// Cumulative free cash flow.
    pub cumulative_fcf_usd: f64,
    /// Cash cost per BTC this month (energy + mining cash opex over BTC mined); `None` when
    /// nothing is mined.
    pub cash_cost_per_btc_usd: Option<f64>,
    /// All-in cost per BTC this month (+ ASIC depreciation + interest pro rata to mining's
    /// revenue share); `None` when nothing is mined.
    pub all_in_cost_per_btc_usd: Option<f64>,
    /// BTC sold less BTC mined, at the month's price: what the treasury adds to cash (FCF
    /// counts all mined BTC; cash only what is sold).
    pub treasury_flow_usd: f64,
    /// Financing: credit facility drawn - repaid - its interest + equity raised.
    pub financing_usd: f64,
    /// Credit facility outstanding at the month's end.
    pub credit_facility_usd: f64,
    /// Equity raised this month.
    pub equity_raised_usd: f64,
    /// Cash at the month's end: cash at the start + cumulative FCF + treasury flows +
    /// financing - debt principal repaid (below zero: a funding gap).
    pub cash_usd: f64,
}

/// Projects every strategy of `s`, after validating it.
pub fn project(s: &Scenario) -> Result<Projection, ValidationError> {
    s.validate()?;
    let t = Timeline::new(s);
    let kernels: Vec<StrategyKernel> = (0..s.strategies.len())
        .map(|i| StrategyKernel::new(s, i, &t))
        .collect();
    let mut strategies: Vec<StrategyResult> = kernels
        .iter()
        .enumerate()
        .map(|(i, k)| strategy(s, i, k, &t))
        .collect();
    let pure = s.pure_index();
    if let Some(base) = strategies.get(pure).map(|r| fcf(&r.months)) {
        for (i, r) in strategies.iter_mut().enumerate() {
            if i == pure {
                continue;
            }
            let delta: Vec<f64> = fcf(&r.months)
                .iter()
                .zip(&base)
                .map(|(a, b)| a - b)
                .collect();
            r.summary.incremental_irr_vs_pure = metrics::irr_annual(&delta);
            r.summary.incremental_payback_month = metrics::payback_of(&delta, &t.month);
        }
    }
    let f = &s.fleet;
    // Cash opex per PH/s per day: 1 EH/s = 1,000 PH/s; a 30.4-day average month.
    let hashcost = 0.024 * f.efficiency_j_th * f.pue * s.site.power_usd_mwh
        + f.opex_usd_per_eh_month / 1_000.0 / (365.25 / 12.0);
    let mut warnings = s.warnings();
    warnings.extend(strategies.iter().enumerate().filter_map(|(i, r)| {
        let month = r.summary.funding_gap_month?;
        Some(Warning {
            field: format!("strategies[{i}]"),
            message: format!(
                "{}: funding gap from {month}: {} short at worst, after {}. Set cash, credit or equity to finance it.",
                r.name,
                crate::format::usd_compact(r.summary.funding_gap_usd),
                if s.financing.credit_limit_usd > 0.0 || s.financing.equity_limit_usd > 0.0 {
                    "cash, the credit facility and the equity limit run out"
                } else {
                    "cash runs out (no credit facility or equity raise is set)"
                },
            ),
        })
    }));
    let height = s.start_height();
    Ok(Projection {
        hashprice_usd_per_ph_day: s.network.hashprice_usd_per_ph_day_at(height),
        hashprice_sats_per_th_day: s.network.hashprice_sats_per_th_day_at(height),
        hashcost_usd_per_ph_day: hashcost,
        network_hashrate_eh_s: s.network.hashrate_eh_s(),
        strategies,
        warnings,
    })
}

fn fcf(months: &[MonthRow]) -> Vec<f64> {
    months.iter().map(|m| m.fcf_usd).collect()
}

fn strategy(s: &Scenario, index: usize, k: &StrategyKernel, t: &Timeline) -> StrategyResult {
    let power = s.site.power_usd_mwh;
    let strategy = &s.strategies[index];
    let mut months = Vec::with_capacity(t.len());
    let mut held = s.treasury.btc_held;
    let mut cumulative = 0.0;
    let mut walk = CashWalk::new(&s.financing);
    let mut contract_revenue: Vec<ContractRevenue> = strategy
        .contracts
        .iter()
        .map(|c| ContractRevenue {
            name: c.terms().name.clone(),
            revenue_usd: Vec::with_capacity(t.len()),
        })
        .collect();
    let mut funding = cash::Funding::default();
    let mut unit_costs = UnitCosts::new(s, k, t);
    let (mut mining_mw_months, mut hpc_mw_months) = (0.0, 0.0);
    let (mut mining_rev, mut mining_margin, mut hpc_rev, mut hpc_margin) = (0.0, 0.0, 0.0, 0.0);
    let mut first_mining = None;
    for m in 0..t.len() {
        let mining = k.mining(m, t.btc_price_usd[m], t.network_eh_s[m], power);
        first_mining.get_or_insert(mining);
        let (btc_mined, mining_revenue, mining_energy) =
            (mining.btc, mining.revenue, mining.energy);
        let (mut hpc_revenue, mut hpc_opex, mut hpc_energy, mut prepayment, mut hpc_live_mw) =
            (0.0, 0.0, 0.0, 0.0, 0.0);
        let mut capex = k.capex[m];
        for (c, by_contract) in k.contracts.iter().zip(contract_revenue.iter_mut()) {
            let state = c.expected(m);
            let alive = state.alive;
            let month = c.month(m, state.delay, t.hours[m]);
            by_contract.revenue_usd.push(alive * month.revenue);
            hpc_revenue += alive * month.revenue;
            hpc_opex += alive * month.opex;
            hpc_energy += alive * month.mwh * power;
            prepayment += alive * month.prepayment - state.ended * c.refund(m, state.delay);
            capex += alive * month.capex;
            hpc_live_mw += alive * month.it_mw_live;
        }
        let opex = mining.opex + hpc_opex;
        let energy = mining_energy + hpc_energy;
        let ebitda = mining_revenue + hpc_revenue - energy - opex;
        let fcf = ebitda - capex - k.interest[m] + prepayment + k.asic_sales[m];
        debug_assert!(
            (fcf - k.fcf(
                m,
                t.hours[m],
                t.btc_price_usd[m],
                t.network_eh_s[m],
                power,
                |c| k.contracts[c].expected(m)
            ))
            .abs()
                <= 1e-6 * fcf.abs().max(1.0)
        );
        cumulative += fcf;
        let planned_sales: f64 = strategy
            .btc_sales
            .iter()
            .filter(|sale| sale.month as usize == m)
            .map(|sale| sale.btc)
            .sum();
        let available = held + btc_mined;
        let sold = (btc_mined * s.treasury.sell_pct / 100.0 + planned_sales).min(available);
        held = available - sold;
        let price = t.btc_price_usd[m];
        let cash = walk.step(fcf, (sold - btc_mined) * price, k.debt_repaid[m]);
        let costs = unit_costs.month(m, &mining, hpc_revenue, k.interest[m]);
        mining_mw_months += mining.mw;
        hpc_mw_months += hpc_live_mw;
        mining_rev += mining_revenue;
        mining_margin += mining_revenue - mining_energy - mining.opex;
        hpc_rev += hpc_revenue;
        hpc_margin += hpc_revenue - hpc_opex - hpc_energy;
        months.push(MonthRow {
            month: t.month[m],
            blocks: t.blocks[m],
            subsidy_btc: t.subsidy_btc[m] / t.blocks[m] as f64,
            btc_price_usd: t.btc_price_usd[m],
            network_hashrate_eh_s: t.network_eh_s[m],
            hashprice_usd_per_ph_day: t.hashprice_usd_per_ph_day(m),
            hashcost_usd_per_ph_day: costs.hashcost_usd_per_ph_day,
            mining_mw: k.mining_mw[m],
            hpc_mw: k.hpc_mw[m],
            eh_s_running: mining.eh_s_running,
            eh_s_off: mining.eh_s_off,
            btc_mined,
            btc_sold: sold,
            btc_held: held,
            treasury_value_usd: held * t.btc_price_usd[m],
            mining_revenue_usd: mining_revenue,
            hpc_revenue_usd: hpc_revenue,
            energy_cost_usd: energy,
            opex_usd: opex,
            ebitda_usd: ebitda,
            depreciation_usd: k.depreciation[m],
            interest_usd: k.interest[m],
            debt_repaid_usd: k.debt_repaid[m],
            capex_usd: capex,
            asic_sales_usd: k.asic_sales[m],
            fcf_usd: fcf,
            cumulative_fcf_usd: cumulative,
            cash_cost_per_btc_usd: costs.cash_per_btc,
            all_in_cost_per_btc_usd: costs.all_in_per_btc,
            treasury_flow_usd: cash.btc_flow,
            financing_usd: cash.financing(),
            credit_facility_usd: cash.facility,
            equity_raised_usd: cash.equity,
            cash_usd: cash.cash,
        });
        funding.add(t.month[m], &cash);
    }
    // `None` also when a vanishing MW-months (a subnormal fleet) overflows the ratio.
    let per_mw_year = |usd: f64, mw_months: f64| {
        (mw_months > 0.0)
            .then(|| usd / mw_months * 12.0)
            .and_then(metrics::finite)
    };
    let summary = Summary {
        mining_revenue_per_mw_year_usd: per_mw_year(mining_rev, mining_mw_months),
        mining_margin_per_mw_year_usd: per_mw_year(mining_margin, mining_mw_months),
        hpc_revenue_per_mw_year_usd: per_mw_year(hpc_rev, hpc_mw_months),
        hpc_margin_per_mw_year_usd: per_mw_year(hpc_margin, hpc_mw_months),
        breakeven_btc_horizon_usd: unit_costs.horizon_cash_per_btc(),
        all_in_breakeven_btc_usd: months.first().and_then(|r| r.all_in_cost_per_btc_usd),
        all_in_breakeven_btc_horizon_usd: unit_costs.horizon_all_in_per_btc(),
        breakeven_power_horizon_usd_mwh: unit_costs.horizon_breakeven_power(),
        cash_end_usd: months.last().map_or(s.financing.cash_usd, |r| r.cash_usd),
        funding_gap_month: funding.first_gap,
        funding_gap_usd: funding.largest_gap,
        credit_peak_usd: funding.credit_peak,
        equity_raised_usd: funding.equity,
        dilution: funding.dilution(s.financing.shares_outstanding_m),
        ..metrics::summarize(&months, s, k, mining_rev, first_mining.as_ref())
    };
    StrategyResult {
        id: strategy.id.clone(),
        name: strategy.name.clone(),
        npv_usd: metrics::npv(months.iter().map(|r| r.fcf_usd), &t.discount),
        payback_month: metrics::payback(&months),
        summary,
        months,
        contract_revenue,
    }
}
