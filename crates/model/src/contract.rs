//! AI/HPC contracts: colocation leases and GPU clouds, with their timing, capex and risk.
//!
//! Defaults are illustrative, from `shared/DOMAIN.md`; presets in [`crate::presets`] carry the
//! announced deals with their sources.

use serde::{Deserialize, Serialize};

mod fields;
mod wire;

/// An AI/HPC contract. In JSON, one flat object tagged by `kind` (`colocation` or `gpu_cloud`)
/// with the terms and the kind's fields; missing fields take the kind's defaults.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "wire::Wire", into = "wire::Wire")]
pub enum Contract {
    /// A colocation lease of critical IT megawatts.
    Colocation(Colocation),
    /// The operator's own GPUs rented out as cloud capacity.
    GpuCloud(GpuCloud),
}

/// Timing and risk shared by every contract kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Terms {
    /// Name shown to users.
    pub name: String,
    /// Months from the start to the first revenue.
    pub first_revenue_month: u32,
    /// Months of conversion before the first revenue; the megawatts leave mining when it
    /// begins (never before the start).
    pub build_months: u32,
    /// Months from the first revenue to full capacity (linear ramp; 0 = at once).
    pub ramp_months: u32,
    /// Contract term from the first revenue, months.
    pub term_months: u32,
    /// Conversion capex per MW of critical IT, USD. Default $9M: TeraWulf $8-10M (DOMAIN.md).
    pub capex_usd_per_mw: f64,
    /// Life of the converted facility, months: conversion capex is depreciated straight line
    /// over it from the first revenue month. Default 240 (20 years), an assumption: data-center
    /// shells and power gear are commonly depreciated over 15 to 39 years. Range 12 to 600.
    pub facility_life_months: u32,
    /// Probability per year that the tenant ends the contract early (expected value in the
    /// deterministic run, sampled in the Monte Carlo).
    pub early_end_annual: f64,
    /// Months of delivery delay (pushes the first revenue back).
    pub delay_months: u32,
    /// Share of the site's power at the meter the contract takes, when it is sized by the site
    /// rather than in MW (the default strategies: the full pivot takes 1, the hybrid 0.5). Its
    /// critical IT is then `share x site MW / AI/HPC PUE` and follows the site when the fleet or
    /// the site changes ([`Contract::size_to`]). `None`: sized by its own MW (or GPUs); typing
    /// those clears the share.
    pub site_share: Option<f64>,
    /// Where the figures come from, if a preset.
    pub source: Option<Source>,
}

impl Default for Terms {
    fn default() -> Self {
        Terms {
            name: "Colocation lease".into(),
            first_revenue_month: 12,
            build_months: 12,
            ramp_months: 6,
            term_months: 120,
            capex_usd_per_mw: 9_000_000.0,
            facility_life_months: 240,
            early_end_annual: 0.0,
            delay_months: 0,
            site_share: None,
            source: None,
        }
    }
}

/// A public source for a preset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// What was reported, by whom.
    pub title: String,
    /// Link to the report.
    pub url: String,
    /// As-of date, YYYY-MM-DD.
    pub as_of: String,
}

/// A colocation lease.
#[derive(Debug, Clone, PartialEq)]
pub struct Colocation {
    /// Timing, capex and risk.
    pub terms: Terms,
    /// Critical IT leased, MW.
    pub it_mw: f64,
    /// Rent per MW of critical IT per year, USD. Default $1.8M: TeraWulf 1.85M, Cipher/Fluidstack
    /// 1.79M (derived in DOMAIN.md).
    pub usd_per_mw_year: f64,
    /// Annual rent escalator. Default 0.03 (assumption).
    pub escalator_annual: f64,
    /// Whether the tenant pays the power. Default yes.
    pub power_pass_through: bool,
    /// NOI margin on rent, after site opex (not power). Default 0.82: TeraWulf and Cipher guide
    /// 80-85% (DOMAIN.md).
    pub noi_margin: f64,
    /// Site opex as an explicit amount per MW of critical IT per year, USD, on top of what the
    /// NOI margin leaves (use one or both). Default 0.
    pub opex_usd_per_mw_year: f64,
    /// Whether the lease renews at term end.
    pub renews: bool,
    /// Rent change on renewal (0.1 = +10%).
    pub renewal_rate_change: f64,
    /// What happens to the megawatts at term end when the lease does not renew. Default
    /// [`AfterTerm::Relet`].
    pub after_term: AfterTerm,
    /// Months the hall stands empty before it is re-let ([`AfterTerm::Relet`]): no rent and no
    /// power, but the explicit site opex goes on. Default 6, an assumption.
    pub vacancy_months: u32,
    /// Rent of the re-let lease per MW of critical IT per year, USD, escalated from the re-let
    /// start by the same escalator; 0 (default) means the lease's own base rent
    /// (`usd_per_mw_year`, before escalation), an assumption.
    pub market_usd_per_mw_year: f64,
}

/// What a colocation lease's megawatts do after a term that does not renew; never idle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AfterTerm {
    /// Leased again to a new tenant at the market rent after the vacancy, at full capacity at
    /// once, with the same NOI margin, opex and power terms, to the horizon. JSON `relet`.
    #[default]
    Relet,
    /// Handed back to mining: the megawatts leave AI/HPC at term end and new machines are bought
    /// for them that month (the ones that ran there were sold at the conversion): at the fleet's
    /// ASIC price per TH/s, as much more efficient than the fleet as the network's marginal
    /// machine has become by then ([`crate::kernel::ContractKernel::mw_returned`]). JSON
    /// `mining`.
    Mining,
}

impl Default for Colocation {
    fn default() -> Self {
        Colocation {
            terms: Terms::default(),
            it_mw: 85.0,
            usd_per_mw_year: 1_800_000.0,
            escalator_annual: 0.03,
            power_pass_through: true,
            noi_margin: 0.82,
            opex_usd_per_mw_year: 0.0,
            renews: false,
            renewal_rate_change: 0.0,
            after_term: AfterTerm::Relet,
            vacancy_months: 6,
            market_usd_per_mw_year: 0.0,
        }
    }
}

/// A GPU cloud run by the operator.
#[derive(Debug, Clone, PartialEq)]
pub struct GpuCloud {
    /// Timing, conversion capex and risk.
    pub terms: Terms,
    /// GPUs installed.
    pub gpus: f64,
    /// Critical IT power per GPU including its share of servers and network, kW.
    pub kw_per_gpu: f64,
    /// Price per GPU-hour, USD (used when there is no contract total).
    pub usd_per_gpu_hour: f64,
    /// Share of GPU-hours sold (used when there is no contract total).
    pub utilization: f64,
    /// Contract total over the term, USD (IREN style); 0 = priced per GPU-hour instead. It is
    /// delivered in full over the term unless the contract ends early: the ramp shifts revenue
    /// later (month `i` earns `total x phase(i) / sum of phase over the term`), it does not
    /// delete any. After the term, GPU-hours are sold at the declining price.
    pub contract_total_usd: f64,
    /// Share of the contract total paid up front at the first revenue month.
    pub prepayment_share: f64,
    /// GPU capex per GPU, USD, spent when conversion starts.
    pub capex_usd_per_gpu: f64,
    /// GPU depreciation life, months, from the first revenue.
    pub gpu_life_months: u32,
    /// At the end of the GPUs' life: `true` (default) buys them again at
    /// `capex_usd_per_gpu x (1 - price_decline_annual)^(years since the first purchase)` and
    /// restarts their depreciation, if the contract is still alive; `false` retires them, and
    /// the cloud's capacity ends with them: revenue, opex and power stop (the converted
    /// megawatts stay with AI/HPC), and a prepayment not yet earned is returned. A contract
    /// total whose term outlasts the GPUs then loses the months after their end.
    pub gpu_refresh: bool,
    /// Cash opex as a share of revenue (excluding power).
    pub opex_share: f64,
    /// Price decline per year of uncontracted GPU-hours.
    pub price_decline_annual: f64,
}

impl Default for GpuCloud {
    fn default() -> Self {
        GpuCloud {
            terms: Terms {
                name: "GPU cloud".into(),
                term_months: 60,
                ..Terms::default()
            },
            gpus: 10_000.0,
            kw_per_gpu: 1.7,
            usd_per_gpu_hour: 2.95,
            utilization: 0.7,
            contract_total_usd: 0.0,
            prepayment_share: 0.0,
            capex_usd_per_gpu: 45_000.0,
            gpu_life_months: 60,
            gpu_refresh: true,
            opex_share: 0.10,
            price_decline_annual: 0.15,
        }
    }
}

impl GpuCloud {
    /// Sizes the cloud by critical IT instead of GPU count: `it_mw` at the current kW per GPU.
    pub fn set_it_mw(&mut self, it_mw: f64) {
        if self.kw_per_gpu > 0.0 {
            self.gpus = it_mw * 1_000.0 / self.kw_per_gpu;
        }
    }
}

impl Contract {
    /// A colocation lease of `it_mw` of critical IT with the default terms, named `name`.
    pub fn colocation(name: &str, it_mw: f64) -> Contract {
        Contract::Colocation(Colocation {
            terms: Terms {
                name: name.into(),
                ..Terms::default()
            },
            it_mw,
            ..Colocation::default()
        })
    }

    /// Timing, capex and risk.
    pub fn terms(&self) -> &Terms {
        match self {
            Contract::Colocation(c) => &c.terms,
            Contract::GpuCloud(g) => &g.terms,
        }
    }

    /// Mutable timing, capex and risk.
    pub fn terms_mut(&mut self) -> &mut Terms {
        match self {
            Contract::Colocation(c) => &mut c.terms,
            Contract::GpuCloud(g) => &mut g.terms,
        }
    }

    /// A lease of `share` of the site's power at the meter with the default terms, named
    /// `name` (sized by [`Contract::size_to`]).
    pub fn colocation_share(name: &str, share: f64) -> Contract {
        let mut c = Contract::colocation(name, 0.0);
        c.terms_mut().site_share = Some(share);
        c
    }

    /// Sizes a contract that takes a share of the site to a site of `site_mw` at the meter with
    /// AI/HPC halls at `hpc_pue`; a contract sized in MW is left as it is.
    pub fn size_to(&mut self, site_mw: f64, hpc_pue: f64) {
        if let Some(share) = self.terms().site_share {
            let it_mw = share * site_mw / hpc_pue;
            match self {
                Contract::Colocation(c) => c.it_mw = it_mw,
                Contract::GpuCloud(g) => g.set_it_mw(it_mw),
            }
        }
    }

    /// Critical IT power at full capacity on a site of `site_mw` at the meter with AI/HPC halls
    /// at `hpc_pue`, MW: the share of the site if sized so, else [`Contract::it_mw`].
    pub fn it_mw_on(&self, site_mw: f64, hpc_pue: f64) -> f64 {
        match self.terms().site_share {
            Some(share) => share * site_mw / hpc_pue,
            None => self.it_mw(),
        }
    }

    /// Critical IT power at full capacity, MW.
    pub fn it_mw(&self) -> f64 {
        match self {
            Contract::Colocation(c) => c.it_mw,
            Contract::GpuCloud(g) => g.gpus * g.kw_per_gpu / 1_000.0,
        }
    }
}
