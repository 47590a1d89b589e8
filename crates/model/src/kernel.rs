//! The month-by-month building blocks shared by the projection, the Monte Carlo and the
//! decision map.
//!
//! For each strategy and month the model keeps the pieces of free cash flow apart by what they
//! depend on, so that the uncertain inputs can be moved without redoing the whole projection:
//!
//! ```text
//! fcf(m) = sum_k on_k(m) * margin_k(m) - mining_opex_off(m) - capex(m) - interest(m)
//!        + asic_sales(m)
//!        + sum_c [alive_c(m) * (net_c(m) - mwh_c(m) * power) - ended_c(m) * refund_c(m)]
//! margin_k(m) = btc_coeff_k(m) * price(m) / H(m) - mwh_k(m) * power + credit_k(m)
//!        - avoidable_k(m)
//! ```
//! `H` is network hashrate in EH/s; `k` runs over the month's cohorts with power (the original
//! fleet and each purchase, [`fleet`]); `on_k` is 0 when the shutdown rule switches cohort `k`
//! off, its margin being negative (revenue not covering energy and avoidable opex, so the
//! least efficient go first, [`runs`]); `mining_opex_off` is the unavoidable opex of every
//! machine held; `asic_sales` are the machines sold when AI/HPC takes their megawatts;
//! `alive_c` is the contract's survival, `ended_c` the chance it ends this month (returning
//! its unearned prepayment `refund_c`), and its
//! pieces are read `delay_c` months late (expected values in the deterministic run, sampled on a
//! Monte Carlo path). [`StrategyKernel::fcf`] is the one place this sum is written; the
//! projection and the Monte Carlo call it, and the decision map sums the same terms with the
//! same margin ([`CohortMonth::margin`]) and rule ([`runs`]).

mod contract;
pub mod fleet;
mod mining;

pub use contract::{ContractKernel, ContractMonth, ContractState};
pub use fleet::CohortMonth;
pub use mining::{kept, runs, MiningMonth};

use crate::calendar::YearMonth;
use crate::network::path::Economics;
use crate::scenario::{NetworkMode, Scenario};
use crate::subsidy::{subsidy_sum_sats, SATS_PER_BTC};

/// The deterministic market path, one entry per month.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    /// Calendar month.
    pub month: Vec<YearMonth>,
    /// Blocks in the month.
    pub blocks: Vec<u64>,
    /// Height of the month's first block.
    pub height: Vec<u64>,
    /// Total subsidy of the month's blocks, BTC (split exactly at halvings).
    pub subsidy_btc: Vec<f64>,
    /// Fees per block, BTC.
    pub fees_btc_per_block: Vec<f64>,
    /// BTC price, USD.
    pub btc_price_usd: Vec<f64>,
    /// Network hashrate, EH/s: economic ([`crate::network::path`]) or compounded at the fixed
    /// difficulty growth.
    pub network_eh_s: Vec<f64>,
    /// Hours in the month.
    pub hours: Vec<f64>,
    /// Discount factor at the month's end: (1 + r)^(-(m + 1) / 12).
    pub discount: Vec<f64>,
}

impl Timeline {
    /// The path of `s` with its market growth rates and its network path
    /// ([`crate::scenario::NetworkPath`]: economic by default, or a fixed growth).
    pub fn new(s: &Scenario) -> Timeline {
        let n = s.horizon_months as usize;
        let mut t = Timeline {
            month: Vec::with_capacity(n),
            blocks: Vec::with_capacity(n),
            height: Vec::with_capacity(n),
            subsidy_btc: Vec::with_capacity(n),
            fees_btc_per_block: Vec::with_capacity(n),
            btc_price_usd: Vec::with_capacity(n),
            network_eh_s: Vec::new(), // set from the other paths below
            hours: Vec::with_capacity(n),
            discount: Vec::with_capacity(n),
        };
        let mut height = s.start_height();
        let monthly_btc = libm::pow(1.0 + s.market.btc_growth_pct_year / 100.0, 1.0 / 12.0);
        let monthly_fees = 1.0 + s.market.fees_growth_pct_month / 100.0;
        let monthly_discount = libm::pow(
            1.0 + s.financing.discount_rate_pct_year / 100.0,
            -1.0 / 12.0,
        );
        // Running products: each month compounds the previous one.
        let mut price = s.network.btc_price_usd;
        let mut fees = s.network.fees_btc_per_block;
        let mut discount = monthly_discount;
        for m in 0..n {
            let month = s.start.plus(m as u32);
            let blocks = month.blocks();
            t.month.push(month);
            t.blocks.push(blocks);
            t.height.push(height);
            t.subsidy_btc
                .push(subsidy_sum_sats(height, blocks) as f64 / SATS_PER_BTC as f64);
            t.fees_btc_per_block.push(fees);
            t.btc_price_usd.push(price);
            t.hours.push(month.hours());
            t.discount.push(discount);
            height = height.saturating_add(blocks);
            price *= monthly_btc;
            fees *= monthly_fees;
            discount *= monthly_discount;
        }
        t.network_eh_s = network_path(s, &t);
        t
    }

    /// Months in the path.
    pub fn len(&self) -> usize {
        self.month.len()
    }

    /// Whether the path has no month.
    pub fn is_empty(&self) -> bool {
        self.month.is_empty()
    }

    /// Subsidy plus fees of all the month's blocks, BTC.
    pub fn reward_btc(&self, m: usize) -> f64 {
        self.subsidy_btc[m] + self.fees_btc_per_block[m] * self.blocks[m] as f64
    }

    /// Hashprice in month `m`: what 1 PH/s earns in a day at the month's reward, price and
    /// network hashrate, USD (1 EH/s = 1,000 PH/s).
    pub fn hashprice_usd_per_ph_day(&self, m: usize) -> f64 {
        let days = self.hours[m] / 24.0;
        self.reward_btc(m) / days * self.btc_price_usd[m] / (self.network_eh_s[m] * 1_000.0)
    }
}

/// Network hashrate of each month of `t`, EH/s, in the scenario's network mode.
fn network_path(s: &Scenario, t: &Timeline) -> Vec<f64> {
    match s.market.network.mode {
        NetworkMode::Economic => {
            // ln of the geometric price path: ln(start) + m x ln(monthly factor).
            let log_start = libm::log(s.network.btc_price_usd);
            let log_monthly = libm::log(1.0 + s.market.btc_growth_pct_year / 100.0) / 12.0;
            Economics::of(s, t).hashrate_eh_s_at_log_prices(
                (0..t.len()).map(|m| log_start + log_monthly * m as f64),
            )
        }
        NetworkMode::Fixed => {
            // A running product: each month compounds the previous one.
            let monthly = 1.0 + s.market.difficulty_growth_pct_month / 100.0;
            let mut hashrate = s.network.hashrate_eh_s();
            (0..t.len())
                .map(|_| {
                    let h = hashrate;
                    hashrate *= monthly;
                    h
                })
                .collect()
        }
    }
}

/// The machines bought for the megawatts a lease hands back to mining at its term's end
/// ([`crate::contract::AfterTerm::Mining`]): as many as the returned MW at the meter hold at
/// the fleet's PUE, as much more efficient than the fleet as the network's marginal machine has
/// become by then (`net_eff_gain` a year), at the fleet's ASIC price per TH/s. `None` when the
/// contract returns nothing within the horizon.
fn rebuy(s: &Scenario, c: &ContractKernel) -> Option<crate::scenario::FleetPurchase> {
    let month = c.mw_returned.iter().position(|&mw| mw > 0.0)?;
    let f = &s.fleet;
    let gain = s.market.network.efficiency_gain_pct_year / 100.0;
    let efficiency = f.efficiency_j_th * libm::pow(1.0 - gain, month as f64 / 12.0);
    let mw_per_eh = efficiency * f.pue;
    (mw_per_eh > 0.0).then(|| crate::scenario::FleetPurchase {
        month: month as u32,
        eh_s: c.mw_returned[month] / mw_per_eh,
        efficiency_j_th: efficiency,
        usd_per_th: f.asic_usd_per_th,
        retire_eh_s: 0.0,
    })
}

/// A strategy's monthly pieces.
#[derive(Debug, Clone, PartialEq)]
pub struct StrategyKernel {
    /// MW at the meter used for mining.
    pub mining_mw: Vec<f64>,
    /// MW at the meter taken by AI/HPC (from the start of conversion).
    pub hpc_mw: Vec<f64>,
    /// Hashrate with power, EH/s (running or, by the shutdown rule, switched off).
    pub mining_eh_s: Vec<f64>,
    /// BTC mined x network EH/s with every machine that has power running: BTC mined =
    /// btc_coeff / H.
    pub btc_coeff: Vec<f64>,
    /// Mining energy bought with every machine that has power running, MWh.
    pub mining_mwh: Vec<f64>,
    /// Mining cash opex with every machine that has power running, USD: per EH/s held, less
    /// the avoidable share for machines without power. A cohort switched off saves its
    /// [`CohortMonth::avoidable_opex`] ([`StrategyKernel::mining`]).
    pub mining_opex: Vec<f64>,
    /// Mining cash opex with every machine off, USD: the unavoidable share on every machine
    /// held. Each cohort that runs adds its [`CohortMonth::avoidable_opex`].
    pub mining_opex_off: Vec<f64>,
    /// Demand-response credit for curtailed hours with every machine that has power running,
    /// USD.
    pub demand_response: Vec<f64>,
    /// Capex (conversion, GPUs, fleet purchases), USD; GPU refreshes are in the contracts'
    /// months, spent only if the contract is alive.
    pub capex: Vec<f64>,
    /// Interest, USD.
    pub interest: Vec<f64>,
    /// Principal falling due (a financing flow, outside FCF), USD.
    pub debt_repaid: Vec<f64>,
    /// ASIC, GPU and conversion (facility) depreciation, USD (non-cash).
    pub depreciation: Vec<f64>,
    /// The ASICs' part of `depreciation`, USD: each cohort's, until its life ends or it is sold.
    pub asic_depreciation: Vec<f64>,
    /// Proceeds of the ASICs sold when AI/HPC takes their megawatts, USD: an investing inflow,
    /// in FCF.
    pub asic_sales: Vec<f64>,
    /// Hashrate held (bought, not yet retired or sold), with power or not, EH/s.
    pub installed_eh_s: Vec<f64>,
    /// Every cohort with power, month by month in merit order (most efficient first): month
    /// `m`'s are `cohorts[cohort_start[m]..cohort_start[m + 1]]`.
    pub cohorts: Vec<CohortMonth>,
    /// Where each month's cohorts start in `cohorts` (one more entry than months).
    pub cohort_start: Vec<usize>,
    /// The AI/HPC contracts.
    pub contracts: Vec<ContractKernel>,
    /// Cohorts go off in a month whose mining revenue would not cover their energy and the
    /// avoidable share of their opex.
    pub shutdown_when_unprofitable: bool,
}

impl StrategyKernel {
    /// Builds strategy `index` of `s` on `t`. The scenario must be valid.
    pub fn new(s: &Scenario, index: usize, t: &Timeline) -> StrategyKernel {
        let n = t.len();
        let strategy = &s.strategies[index];
        let fleet = &s.fleet;
        let mut k = StrategyKernel {
            mining_mw: vec![0.0; n],
            hpc_mw: vec![0.0; n],
            mining_eh_s: vec![0.0; n],
            btc_coeff: vec![0.0; n],
            mining_mwh: vec![0.0; n],
            mining_opex: vec![0.0; n],
            mining_opex_off: vec![0.0; n],
            demand_response: vec![0.0; n],
            capex: vec![0.0; n],
            interest: vec![0.0; n],
            debt_repaid: vec![0.0; n],
            depreciation: vec![0.0; n],
            asic_depreciation: vec![0.0; n],
            asic_sales: vec![0.0; n],
            installed_eh_s: vec![0.0; n],
            cohorts: Vec::new(),
            cohort_start: Vec::with_capacity(n + 1),
            contracts: Vec::with_capacity(strategy.contracts.len()),
            shutdown_when_unprofitable: fleet.shutdown_when_unprofitable,
        };
        let site_mw = s.site_mw();
        for c in &strategy.contracts {
            let mut c = c.clone();
            c.size_to(site_mw, s.site.hpc_pue);
            k.contracts.push(contract::contract_kernel(
                s,
                &c,
                t,
                &mut k.hpc_mw,
                &mut k.capex,
                &mut k.depreciation,
            ));
        }
        // Megawatts a lease hands back to mining get new machines that month (the machines
        // that ran there were sold when the conversion took them).
        let mut purchases = strategy.fleet_purchases.clone();
        purchases.extend(k.contracts.iter().filter_map(|c| rebuy(s, c)));
        k.plan_fleet(fleet, &purchases, t, site_mw);
        for m in 0..n {
            k.interest[m] = s
                .financing
                .debt
                .iter()
                .filter(|d| (m as u32) < d.maturity_months)
                .map(|d| d.principal_usd * d.coupon_annual / 12.0)
                // A fold from +0.0: an empty f64 sum is -0.0, which would print as "-0".
                .fold(0.0, |a, b| a + b);
            // Principal is repaid in the last month that bears interest.
            k.debt_repaid[m] = s
                .financing
                .debt
                .iter()
                .filter(|d| d.maturity_months as usize == m + 1)
                .map(|d| d.principal_usd)
                .fold(0.0, |a, b| a + b);
        }
        k
    }

    /// Free cash flow of month `m` (of `hours` hours) given the market and, for each contract
    /// `c`, its state `contract(c)`: survival, whether it ended this month (expected, or 0/1 on
    /// a Monte Carlo path) and its delivery delay in months (expected, or sampled).
    #[inline]
    pub fn fcf(
        &self,
        m: usize,
        hours: f64,
        price: f64,
        network_eh_s: f64,
        power: f64,
        contract: impl Fn(usize) -> ContractState,
    ) -> f64 {
        let mut cash =
            self.mining_cash(m, price, network_eh_s, power) - self.capex[m] - self.interest[m]
                + self.asic_sales[m];
        for (i, c) in self.contracts.iter().enumerate() {
            let state = contract(i);
            if state.alive != 0.0 {
                let month = c.month(m, state.delay, hours);
                cash += state.alive * (month.net() - month.mwh * power);
            }
            if state.ended != 0.0 {
                cash -= state.ended * c.refund(m, state.delay);
            }
        }
        cash
    }
}
