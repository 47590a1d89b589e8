//! Presets: the network snapshot, machines, company-like strategy sets and announced AI/HPC
//! deals, each with its source and as-of date.
//!
//! Every preset is illustrative, based on public reports as of its date; none is company
//! guidance. Figures marked (derived) in `shared/DOMAIN.md` are computed from the sourced ones;
//! figures no source gives are called assumptions in the preset's summary.
//!
//! # Usage
//! ```
//! use hashpivot_model::presets;
//! let s = presets::scenario("cipher-aws").unwrap();
//! s.validate().unwrap();
//! assert!(presets::all().iter().all(|p| !p.source.url.is_empty()));
//! ```

use crate::contract::{Colocation, Contract, GpuCloud, Source, Terms};
use crate::scenario::{BtcSale, Debt, Scenario, Strategy};

/// What a preset sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The network snapshot.
    Network,
    /// A machine model (fleet efficiency).
    Machine,
    /// A company-like set of strategies.
    Company,
    /// An announced AI/HPC deal, as a contract.
    Deal,
}

/// A preset and where its figures come from.
#[derive(Debug, Clone, PartialEq)]
pub struct Preset {
    /// Stable id, used in links (`preset=ID`).
    pub id: &'static str,
    /// Name shown to users.
    pub name: &'static str,
    /// What it sets.
    pub kind: Kind,
    /// One or two sentences: what it is and which figures are assumptions.
    pub summary: &'static str,
    /// The public source.
    pub source: Source,
}

fn source(title: &str, url: &str, as_of: &str) -> Source {
    Source {
        title: title.into(),
        url: url.into(),
        as_of: as_of.into(),
    }
}

/// A colocation deal: rent = announced total / (MW x years), escalator 0 because announced
/// totals already include escalators.
struct Lease {
    name: &'static str,
    it_mw: f64,
    years: f64,
    total_usd: f64,
    first_revenue_month: u32,
    early_end_annual: f64,
}

impl Lease {
    fn contract(&self, src: Source) -> Contract {
        Contract::Colocation(Colocation {
            terms: Terms {
                name: self.name.into(),
                first_revenue_month: self.first_revenue_month,
                build_months: 12,
                ramp_months: 6,
                term_months: (self.years * 12.0) as u32,
                early_end_annual: self.early_end_annual,
                source: Some(src),
                ..Terms::default()
            },
            it_mw: self.it_mw,
            usd_per_mw_year: self.total_usd / (self.it_mw * self.years),
            escalator_annual: 0.0,
            ..Colocation::default()
        })
    }
}

/// Every preset, in display order.
pub fn all() -> Vec<Preset> {
    use Kind::*;
    let p = |id, name, kind, summary, src| Preset {
        id,
        name,
        kind,
        summary,
        source: src,
    };
    vec![
        p("snapshot-2026-01", "Network, 12 Jan 2026", Network,
          "BTC about $91,132; difficulty about 146.5 T after the 8 Jan adjustment at block 931,392; fees about 0.017 BTC per block; hashprice $39.53/PH/day.",
          source("Hashrate Index weekly roundup, 12 January 2026", "https://hashrateindex.com/", "2026-01-12")),
        p("s21xp", "Antminer S21 XP (270 TH/s, 13.5 J/TH)", Machine, "Fleet efficiency 13.5 J/TH.",
          source("Bitmain product specifications", "https://www.bitmain.com/", "2025-12-01")),
        p("s21", "Antminer S21 (200 TH/s, 17.5 J/TH)", Machine, "Fleet efficiency 17.5 J/TH.",
          source("Bitmain product specifications", "https://www.bitmain.com/", "2025-12-01")),
        p("s19xp", "Antminer S19 XP (140 TH/s, 21.5 J/TH)", Machine, "Fleet efficiency 21.5 J/TH.",
          source("Bitmain product specifications", "https://www.bitmain.com/", "2025-12-01")),
        p("cleanspark", "CleanSpark-like pure miner", Company,
          "45.6 EH/s at 16.07 J/TH using 808 MW (PUE 1.10, derived) of more than 1.4 GW contracted; 13,000 BTC held; $1.15B zero-coupon convertibles. Sells half of production and a 48-month maturity are assumptions.",
          source("CleanSpark monthly production update and fiscal 2025 results", "https://www.cleanspark.com/", "2025-12-03")),
        p("iren", "IREN-like hybrid with a GPU cloud", Company,
          "750 MW Childress campus: the Microsoft GPU cloud on about 200 MW of critical IT, mining on the rest. The fleet (15 J/TH, sized to fill the site) is an assumption.",
          source("IREN announces multi-year AI cloud contract with Microsoft", "https://iren.com/", "2025-11-03")),
        p("cango", "Cango-like pivot with BTC sales", Company,
          "About 50 EH/s; 7,528.3 BTC held at end of December 2025; sold 4,451 BTC (about $305M) in February 2026 to repay a BTC-backed loan and fund an AI/HPC pivot. Efficiency 21.5 J/TH and a 100 MW lease are assumptions.",
          source("Cango monthly operations update, February 2026", "https://www.cangoonline.com/", "2026-02-03")),
        p("core-scientific", "Core Scientific-like colocation", Company,
          "About 500 MW of critical IT leased to CoreWeave for up to $8.7B over 12 years, against mining the same site.",
          source("Core Scientific and CoreWeave colocation agreements", "https://corescientific.com/", "2024-10-01")),
        p("iren-microsoft", "IREN - Microsoft GPU cloud", Deal,
          "About $9.7B over 5 years, 20% prepaid; about 76k NVIDIA GB300 GPUs bought for about $5.8B; about 200 MW of critical IT; about 85% project EBITDA margin. First revenue mid-2026 is an assumption.",
          source("IREN announces multi-year AI cloud contract with Microsoft", "https://iren.com/", "2025-11-03")),
        p("corz-coreweave", "Core Scientific - CoreWeave", Deal,
          "About 500 MW across six sites; up to $8.7B over 12-year terms with renewal options ($1.45M per MW-year, derived).",
          source("Core Scientific and CoreWeave colocation agreements", "https://corescientific.com/", "2024-10-01")),
        p("terawulf-fluidstack", "TeraWulf - Fluidstack", Deal,
          "Lake Mariner, NY: 200 MW, 10-year leases, about $3.7B ($1.85M per MW-year, derived); Google backstop.",
          source("TeraWulf announces Fluidstack leases at Lake Mariner", "https://www.terawulf.com/", "2025-08-14")),
        p("cipher-fluidstack", "Cipher - Fluidstack", Deal,
          "Barber Lake: 168 MW, 10 years, about $3B ($1.79M per MW-year, derived); Google backstop.",
          source("Cipher Mining announces Fluidstack lease at Barber Lake", "https://www.ciphermining.com/", "2025-09-25")),
        p("cipher-aws", "Cipher - AWS", Deal,
          "300 MW, 15 years, $5.5B ($1.22M per MW-year, derived), rent from August 2026.",
          source("Cipher Mining announces lease with Amazon Web Services", "https://www.ciphermining.com/", "2025-11-03")),
        p("apld-coreweave", "Applied Digital - CoreWeave", Deal,
          "Polaris Forge 1, Ellendale, ND: 400 MW, about 15 years, about $11B ($1.83M per MW-year, derived).",
          source("Applied Digital leases with CoreWeave at Polaris Forge 1", "https://www.applieddigital.com/", "2025-08-01")),
        p("hut8-fluidstack", "Hut 8 - Fluidstack (Anthropic)", Deal,
          "River Bend, Louisiana: 245 MW, 15-year lease, $7B ($1.9M per MW-year, derived).",
          source("Hut 8 announces River Bend lease with Fluidstack", "https://hut8.com/", "2025-12-17")),
    ]
}

/// Every preset id.
pub fn ids() -> Vec<&'static str> {
    all().iter().map(|p| p.id).collect()
}

/// The preset with this id.
pub fn get(id: &str) -> Option<Preset> {
    all().into_iter().find(|p| p.id == id)
}

/// A deal preset as a contract.
pub fn contract(id: &str) -> Option<Contract> {
    let src = get(id)?.source;
    let lease = |name, it_mw, years, total_usd, first_revenue_month, early_end_annual| {
        Lease {
            name,
            it_mw,
            years,
            total_usd,
            first_revenue_month,
            early_end_annual,
        }
        .contract(src.clone())
    };
    Some(match id {
        "iren-microsoft" => Contract::GpuCloud(GpuCloud {
            terms: Terms {
                name: "Microsoft GPU cloud (IREN-like)".into(),
                first_revenue_month: 6,
                build_months: 6,
                ramp_months: 12,
                term_months: 60,
                capex_usd_per_mw: 10_000_000.0,
                early_end_annual: 0.02,
                source: Some(src),
                ..Terms::default()
            },
            gpus: 76_000.0,
            // About 200 MW of critical IT over about 76k GPUs (derived).
            kw_per_gpu: 200_000.0 / 76_000.0,
            contract_total_usd: 9_700_000_000.0,
            prepayment_share: 0.2,
            capex_usd_per_gpu: 5_800_000_000.0 / 76_000.0,
            gpu_life_months: 60,
            // About 85% project EBITDA margin: power is about 4% of revenue, other opex 10%.
            opex_share: 0.10,
            ..GpuCloud::default()
        }),
        "corz-coreweave" => lease(
            "CoreWeave colocation (Core Scientific-like)",
            500.0,
            12.0,
            8.7e9,
            12,
            0.02,
        ),
        "terawulf-fluidstack" => lease(
            "Fluidstack lease (TeraWulf-like)",
            200.0,
            10.0,
            3.7e9,
            12,
            0.01,
        ),
        "cipher-fluidstack" => lease(
            "Fluidstack lease (Cipher-like)",
            168.0,
            10.0,
            3.0e9,
            12,
            0.01,
        ),
        // Rent from August 2026: month 7 after a January 2026 start.
        "cipher-aws" => lease("AWS lease (Cipher-like)", 300.0, 15.0, 5.5e9, 7, 0.005),
        "apld-coreweave" => lease(
            "CoreWeave lease (Applied Digital-like)",
            400.0,
            15.0,
            11.0e9,
            12,
            0.02,
        ),
        "hut8-fluidstack" => lease(
            "Fluidstack lease (Hut 8-like)",
            245.0,
            15.0,
            7.0e9,
            12,
            0.01,
        ),
        _ => return None,
    })
}

/// The scenario a preset stands for (the base of a link with `preset=ID`).
pub fn scenario(id: &str) -> Option<Scenario> {
    let preset = get(id)?;
    let mut s = Scenario::default();
    match preset.kind {
        Kind::Network => {}
        Kind::Machine => {
            s.fleet.efficiency_j_th = match id {
                "s21xp" => 13.5,
                "s21" => 17.5,
                _ => 21.5,
            };
            fill_site(&mut s);
        }
        Kind::Deal => {
            let c = contract(id)?;
            s.site.capacity_mw = Some(c.it_mw() * s.site.hpc_pue);
            fill_site(&mut s);
            s.strategies = vec![
                pure(),
                Strategy {
                    id: "deal".into(),
                    name: c.terms().name.clone(),
                    contracts: vec![c],
                    ..pure()
                },
            ];
        }
        Kind::Company => company(id, &mut s),
    }
    // Contracts sized as a share of the site follow the site the preset ends with (as a
    // file or link of this scenario would).
    s.size_contracts();
    Some(s)
}

fn pure() -> Strategy {
    Strategy::default()
}

/// Sizes the fleet to use the whole site at its efficiency and PUE (the site keeps its MW).
/// Opex and ASIC value are per unit of hashrate, so they follow the fleet.
fn fill_site(s: &mut Scenario) {
    s.site.capacity_mw = Some(s.site_mw());
    s.fleet.hashrate_eh_s = s.site_mw() / (s.fleet.efficiency_j_th * s.fleet.pue);
}

fn company(id: &str, s: &mut Scenario) {
    match id {
        "cleanspark" => {
            s.fleet.hashrate_eh_s = 45.6;
            s.fleet.efficiency_j_th = 16.07;
            s.fleet.pue = 808.0 / (45.6 * 16.07);
            s.site.capacity_mw = Some(1_400.0);
            s.treasury.btc_held = 13_000.0;
            s.treasury.sell_pct = 50.0;
            s.financing.debt = vec![Debt {
                name: "Zero-coupon convertible notes".into(),
                principal_usd: 1.15e9,
                coupon_annual: 0.0,
                maturity_months: 48,
            }];
            s.strategies = vec![
                Strategy {
                    name: "Keep mining (CleanSpark-like)".into(),
                    ..pure()
                },
                Strategy {
                    id: "spare".into(),
                    name: "Mine, lease the spare 500 MW".into(),
                    contracts: vec![Contract::colocation("Colocation on spare power", 500.0)],
                    ..pure()
                },
            ];
        }
        "iren" => {
            s.site.capacity_mw = Some(750.0);
            s.fleet.efficiency_j_th = 15.0;
            s.fleet.pue = 1.1;
            fill_site(s);
            let deal = contract("iren-microsoft");
            s.strategies = vec![
                Strategy {
                    name: "Mine the whole campus".into(),
                    ..pure()
                },
                Strategy {
                    id: "hybrid".into(),
                    name: "Microsoft GPU cloud + mining (IREN-like)".into(),
                    contracts: deal.into_iter().collect(),
                    ..pure()
                },
            ];
        }
        "cango" => {
            s.fleet.hashrate_eh_s = 50.0;
            s.fleet.efficiency_j_th = 21.5;
            s.fleet.asic_usd_per_th = 8.0; // older machines, about $8 per TH/s (assumption)
            s.treasury.btc_held = 7_528.3;
            s.treasury.sell_pct = 0.0;
            s.strategies = vec![
                Strategy {
                    name: "Hold and keep mining".into(),
                    ..pure()
                },
                Strategy {
                    id: "pivot".into(),
                    name: "Sell 4,451 BTC, pivot 100 MW (Cango-like)".into(),
                    contracts: vec![Contract::colocation("Colocation, 100 MW", 100.0)],
                    btc_sales: vec![BtcSale {
                        month: 1,
                        btc: 4_451.0,
                    }],
                    ..pure()
                },
            ];
        }
        _ => {
            // core-scientific
            let deal = contract("corz-coreweave");
            s.site.capacity_mw = Some(500.0 * s.site.hpc_pue);
            fill_site(s);
            s.strategies = vec![
                pure(),
                Strategy {
                    id: "colocation".into(),
                    name: "CoreWeave colocation (Core Scientific-like)".into(),
                    contracts: deal.into_iter().collect(),
                    ..pure()
                },
                Strategy {
                    id: "hybrid".into(),
                    name: "Half colocation, half mining".into(),
                    contracts: vec![Contract::colocation("Colocation, 250 MW", 250.0)],
                    ..pure()
                },
            ];
        }
    }
}
