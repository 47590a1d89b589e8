//! A contract's JSON form: one flat object tagged by `kind`, e.g.
//! `{"kind":"colocation","name":"Lease","it_mw":100,...}`.
//!
//! serde's internally tagged enums and `flatten` buffer the whole object before reading it,
//! which costs tens of kilobytes of wasm; this plain struct of optional fields reads in one
//! pass, refuses unknown fields and fields of the other kind by name, and writes the same JSON.

use serde::{Deserialize, Serialize};

use super::{AfterTerm, Colocation, Contract, GpuCloud, Source, Terms};

/// Which kind of contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Kind {
    Colocation,
    GpuCloud,
}

/// Every field either kind may carry; a missing one takes the kind's default.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Wire {
    kind: Kind,
    // Terms, shared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    first_revenue_month: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    build_months: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    ramp_months: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    term_months: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    capex_usd_per_mw: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    facility_life_months: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    early_end_annual: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    delay_months: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    site_share: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    source: Option<Source>,
    // Colocation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    it_mw: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    usd_per_mw_year: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    escalator_annual: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    power_pass_through: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    noi_margin: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    opex_usd_per_mw_year: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    renews: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    renewal_rate_change: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    after_term: Option<AfterTerm>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    vacancy_months: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    market_usd_per_mw_year: Option<f64>,
    // GPU cloud.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    gpus: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    kw_per_gpu: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    usd_per_gpu_hour: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    utilization: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    contract_total_usd: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    prepayment_share: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    capex_usd_per_gpu: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    gpu_life_months: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    gpu_refresh: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    opex_share: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    price_decline_annual: Option<f64>,
}

impl Wire {
    fn terms(&self, default: Terms) -> Terms {
        Terms {
            name: self.name.clone().unwrap_or(default.name),
            first_revenue_month: self
                .first_revenue_month
                .unwrap_or(default.first_revenue_month),
            build_months: self.build_months.unwrap_or(default.build_months),
            ramp_months: self.ramp_months.unwrap_or(default.ramp_months),
            term_months: self.term_months.unwrap_or(default.term_months),
            capex_usd_per_mw: self.capex_usd_per_mw.unwrap_or(default.capex_usd_per_mw),
            facility_life_months: self
                .facility_life_months
                .unwrap_or(default.facility_life_months),
            early_end_annual: self.early_end_annual.unwrap_or(default.early_end_annual),
            delay_months: self.delay_months.unwrap_or(default.delay_months),
            site_share: self.site_share.or(default.site_share),
            source: self.source.clone().or(default.source),
        }
    }

    /// Names of the fields present that belong to the other kind.
    fn foreign(&self) -> Option<&'static str> {
        let colocation = [
            ("it_mw", self.it_mw.is_some()),
            ("usd_per_mw_year", self.usd_per_mw_year.is_some()),
            ("escalator_annual", self.escalator_annual.is_some()),
            ("power_pass_through", self.power_pass_through.is_some()),
            ("noi_margin", self.noi_margin.is_some()),
            ("opex_usd_per_mw_year", self.opex_usd_per_mw_year.is_some()),
            ("renews", self.renews.is_some()),
            ("renewal_rate_change", self.renewal_rate_change.is_some()),
            ("after_term", self.after_term.is_some()),
            ("vacancy_months", self.vacancy_months.is_some()),
            (
                "market_usd_per_mw_year",
                self.market_usd_per_mw_year.is_some(),
            ),
        ];
        let gpu = [
            ("gpus", self.gpus.is_some()),
            ("kw_per_gpu", self.kw_per_gpu.is_some()),
            ("usd_per_gpu_hour", self.usd_per_gpu_hour.is_some()),
            ("utilization", self.utilization.is_some()),
            ("contract_total_usd", self.contract_total_usd.is_some()),
            ("prepayment_share", self.prepayment_share.is_some()),
            ("capex_usd_per_gpu", self.capex_usd_per_gpu.is_some()),
            ("gpu_life_months", self.gpu_life_months.is_some()),
            ("gpu_refresh", self.gpu_refresh.is_some()),
            ("opex_share", self.opex_share.is_some()),
            ("price_decline_annual", self.price_decline_annual.is_some()),
        ];
        let other: &[(&'static str, bool)] = match self.kind {
            Kind::Colocation => &gpu,
            Kind::GpuCloud => &colocation,
        };
        other.iter().find(|(_, present)| *present).map(|(k, _)| *k)
    }
}

impl TryFrom<Wire> for Contract {
    type Error = String;

    fn try_from(w: Wire) -> Result<Self, String> {
        if let Some(field) = w.foreign() {
            let kind = match w.kind {
                Kind::Colocation => "colocation",
                Kind::GpuCloud => "gpu_cloud",
            };
            return Err(format!("unknown field `{field}` for a {kind} contract"));
        }
        Ok(match w.kind {
            Kind::Colocation => {
                let d = Colocation::default();
                Contract::Colocation(Colocation {
                    terms: w.terms(d.terms),
                    it_mw: w.it_mw.unwrap_or(d.it_mw),
                    usd_per_mw_year: w.usd_per_mw_year.unwrap_or(d.usd_per_mw_year),
                    escalator_annual: w.escalator_annual.unwrap_or(d.escalator_annual),
                    power_pass_through: w.power_pass_through.unwrap_or(d.power_pass_through),
                    noi_margin: w.noi_margin.unwrap_or(d.noi_margin),
                    opex_usd_per_mw_year: w.opex_usd_per_mw_year.unwrap_or(d.opex_usd_per_mw_year),
                    renews: w.renews.unwrap_or(d.renews),
                    renewal_rate_change: w.renewal_rate_change.unwrap_or(d.renewal_rate_change),
                    after_term: w.after_term.unwrap_or(d.after_term),
                    vacancy_months: w.vacancy_months.unwrap_or(d.vacancy_months),
                    market_usd_per_mw_year: w
                        .market_usd_per_mw_year
                        .unwrap_or(d.market_usd_per_mw_year),
                })
            }
            Kind::GpuCloud => {
                let d = GpuCloud::default();
                Contract::GpuCloud(GpuCloud {
                    terms: w.terms(d.terms),
                    gpus: w.gpus.unwrap_or(d.gpus),
                    kw_per_gpu: w.kw_per_gpu.unwrap_or(d.kw_per_gpu),
                    usd_per_gpu_hour: w.usd_per_gpu_hour.unwrap_or(d.usd_per_gpu_hour),
                    utilization: w.utilization.unwrap_or(d.utilization),
                    contract_total_usd: w.contract_total_usd.unwrap_or(d.contract_total_usd),
                    prepayment_share: w.prepayment_share.unwrap_or(d.prepayment_share),
                    capex_usd_per_gpu: w.capex_usd_per_gpu.unwrap_or(d.capex_usd_per_gpu),
                    gpu_life_months: w.gpu_life_months.unwrap_or(d.gpu_life_months),
                    gpu_refresh: w.gpu_refresh.unwrap_or(d.gpu_refresh),
                    opex_share: w.opex_share.unwrap_or(d.opex_share),
                    price_decline_annual: w.price_decline_annual.unwrap_or(d.price_decline_annual),
                })
            }
        })
    }
}

impl From<Contract> for Wire {
    fn from(c: Contract) -> Wire {
        let t = c.terms().clone();
        let mut w = Wire {
            kind: Kind::Colocation,
            name: Some(t.name),
            first_revenue_month: Some(t.first_revenue_month),
            build_months: Some(t.build_months),
            ramp_months: Some(t.ramp_months),
            term_months: Some(t.term_months),
            capex_usd_per_mw: Some(t.capex_usd_per_mw),
            facility_life_months: Some(t.facility_life_months),
            early_end_annual: Some(t.early_end_annual),
            delay_months: Some(t.delay_months),
            site_share: t.site_share,
            source: t.source,
            it_mw: None,
            usd_per_mw_year: None,
            escalator_annual: None,
            power_pass_through: None,
            noi_margin: None,
            opex_usd_per_mw_year: None,
            renews: None,
            renewal_rate_change: None,
            after_term: None,
            vacancy_months: None,
            market_usd_per_mw_year: None,
            gpus: None,
            kw_per_gpu: None,
            usd_per_gpu_hour: None,
            utilization: None,
            contract_total_usd: None,
            prepayment_share: None,
            capex_usd_per_gpu: None,
            gpu_life_months: None,
            gpu_refresh: None,
            opex_share: None,
            price_decline_annual: None,
        };
        match c {
            Contract::Colocation(x) => {
                w.it_mw = Some(x.it_mw);
                w.usd_per_mw_year = Some(x.usd_per_mw_year);
                w.escalator_annual = Some(x.escalator_annual);
                w.power_pass_through = Some(x.power_pass_through);
                w.noi_margin = Some(x.noi_margin);
                w.opex_usd_per_mw_year = Some(x.opex_usd_per_mw_year);
                w.renews = Some(x.renews);
                w.renewal_rate_change = Some(x.renewal_rate_change);
                w.after_term = Some(x.after_term);
                w.vacancy_months = Some(x.vacancy_months);
                w.market_usd_per_mw_year = Some(x.market_usd_per_mw_year);
            }
            Contract::GpuCloud(g) => {
                w.kind = Kind::GpuCloud;
                w.gpus = Some(g.gpus);
                w.kw_per_gpu = Some(g.kw_per_gpu);
                w.usd_per_gpu_hour = Some(g.usd_per_gpu_hour);
                w.utilization = Some(g.utilization);
                w.contract_total_usd = Some(g.contract_total_usd);
                w.prepayment_share = Some(g.prepayment_share);
                w.capex_usd_per_gpu = Some(g.capex_usd_per_gpu);
                w.gpu_life_months = Some(g.gpu_life_months);
                w.gpu_refresh = Some(g.gpu_refresh);
                w.opex_share = Some(g.opex_share);
                w.price_decline_annual = Some(g.price_decline_annual);
            }
        }
        w
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_kinds_round_trip_through_json() {
        let mut g = GpuCloud::default();
        g.terms.source = Some(Source {
            title: "t".into(),
            url: "https://example.org/".into(),
            as_of: "2026-01-01".into(),
        });
        for c in [Contract::colocation("Lease", 42.0), Contract::GpuCloud(g)] {
            let json = serde_json::to_string(&c).unwrap_or_default();
            let back: Contract =
                serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"));
            assert_eq!(back, c, "{json}");
        }
    }

    #[test]
    fn missing_fields_take_the_kind_defaults() {
        let c: Contract = serde_json::from_str(r#"{"kind":"gpu_cloud","gpus":500}"#)
            .unwrap_or_else(|e| panic!("{e}"));
        let want = GpuCloud {
            gpus: 500.0,
            ..GpuCloud::default()
        };
        assert_eq!(c, Contract::GpuCloud(want));
    }

    #[test]
    fn unknown_and_foreign_fields_are_refused_by_name() {
        for (json, field) in [
            (r#"{"kind":"colocation","bogus":1}"#, "bogus"),
            (r#"{"kind":"colocation","gpus":1}"#, "gpus"),
            (r#"{"kind":"gpu_cloud","it_mw":1}"#, "it_mw"),
        ] {
            let e = serde_json::from_str::<Contract>(json)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(e.contains(field), "{json}: {e}");
        }
        assert!(
            serde_json::from_str::<Contract>(r#"{"it_mw":1}"#).is_err(),
            "kind is required"
        );
    }
}
