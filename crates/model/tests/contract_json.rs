//! Contracts saved before a model change still load: fields added since take the kind's
//! defaults.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may fail loudly

use hashpivot_model::contract::{AfterTerm, Contract};
use hashpivot_model::import::{scenario_from_json, scenario_to_json};
use hashpivot_model::{presets, Scenario};
use serde_json::Value;

/// The IREN-Microsoft and TeraWulf-Fluidstack deals as this build's predecessor wrote them
/// (before the facility life, GPU refresh and after-term fields existed).
const IREN_BEFORE: &str = r#"{"kind":"gpu_cloud","name":"Microsoft GPU cloud (IREN-like)","first_revenue_month":6,"build_months":6,"ramp_months":12,"term_months":60,"capex_usd_per_mw":10000000.0,"early_end_annual":0.02,"delay_months":0,"source":{"title":"IREN announces multi-year AI cloud contract with Microsoft","url":"https://iren.com/","as_of":"2025-11-03"},"gpus":76000.0,"kw_per_gpu":2.6315789473684212,"usd_per_gpu_hour":2.95,"utilization":0.7,"contract_total_usd":9700000000.0,"prepayment_share":0.2,"capex_usd_per_gpu":76315.78947368421,"gpu_life_months":60,"opex_share":0.1,"price_decline_annual":0.15}"#;
const TERAWULF_BEFORE: &str = r#"{"kind":"colocation","name":"Fluidstack lease (TeraWulf-like)","first_revenue_month":12,"build_months":12,"ramp_months":6,"term_months":120,"capex_usd_per_mw":9000000.0,"early_end_annual":0.01,"delay_months":0,"source":{"title":"TeraWulf announces Fluidstack leases at Lake Mariner","url":"https://www.terawulf.com/","as_of":"2025-08-14"},"it_mw":200.0,"usd_per_mw_year":1850000.0,"escalator_annual":0.0,"power_pass_through":true,"noi_margin":0.82,"opex_usd_per_mw_year":0.0,"renews":false,"renewal_rate_change":0.0}"#;

/// Keys added to a GPU cloud's JSON since.
const ADDED_GPU: [&str; 2] = ["facility_life_months", "gpu_refresh"];
/// Keys added to a colocation lease's JSON since.
const ADDED_COLOCATION: [&str; 4] = [
    "facility_life_months",
    "after_term",
    "vacancy_months",
    "market_usd_per_mw_year",
];

#[test]
fn contracts_written_before_the_new_fields_still_import_with_the_defaults() {
    for (json, id, added) in [
        (IREN_BEFORE, "iren-microsoft", &ADDED_GPU[..]),
        (
            TERAWULF_BEFORE,
            "terawulf-fluidstack",
            &ADDED_COLOCATION[..],
        ),
    ] {
        let c: Contract = serde_json::from_str(json).unwrap_or_else(|e| panic!("{id}: {e}"));
        // The preset is built on the kind's defaults, so the new fields must equal them.
        assert_eq!(Some(c.clone()), presets::contract(id), "{id}");
        assert_eq!(c.terms().facility_life_months, 240, "{id}");
        // Written again, the new fields are there.
        let again = serde_json::to_string(&c).unwrap();
        for key in added {
            assert!(again.contains(key), "{id}: {key} in {again}");
        }
    }
}

#[test]
fn a_scenario_file_without_the_new_contract_fields_still_imports() {
    let s = Scenario::default();
    let mut v: Value = serde_json::from_str(&scenario_to_json(&s)).unwrap();
    let mut stripped = 0;
    for st in v["strategies"].as_array_mut().unwrap() {
        for c in st["contracts"].as_array_mut().unwrap() {
            for key in ADDED_GPU.iter().chain(&ADDED_COLOCATION) {
                stripped += usize::from(c.as_object_mut().unwrap().remove(*key).is_some());
            }
        }
    }
    assert!(stripped > 0, "the default scenario has contracts");
    let text = serde_json::to_string_pretty(&v).unwrap();
    assert_eq!(scenario_from_json(&text), Ok(s));
}

#[test]
fn the_new_choices_are_read_by_name_and_bad_ones_refused_by_name() {
    let c: Contract = serde_json::from_str(
        r#"{"kind":"colocation","after_term":"mining","vacancy_months":3,"market_usd_per_mw_year":1500000}"#,
    )
    .unwrap();
    let Contract::Colocation(lease) = c else {
        panic!("{c:?}")
    };
    assert_eq!(lease.after_term, AfterTerm::Mining);
    assert_eq!(
        (lease.vacancy_months, lease.market_usd_per_mw_year),
        (3, 1.5e6)
    );
    let c: Contract = serde_json::from_str(r#"{"kind":"gpu_cloud","gpu_refresh":false}"#).unwrap();
    assert!(
        matches!(c, Contract::GpuCloud(ref g) if !g.gpu_refresh),
        "{c:?}"
    );
    for (json, named) in [
        (r#"{"kind":"colocation","after_term":"idle"}"#, "idle"),
        (r#"{"kind":"gpu_cloud","after_term":"relet"}"#, "after_term"),
        (r#"{"kind":"colocation","gpu_refresh":true}"#, "gpu_refresh"),
    ] {
        let e = serde_json::from_str::<Contract>(json)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.contains(named), "{json}: {e}");
    }
}
