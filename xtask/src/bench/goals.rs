//! The goals of `cargo xtask bench` (DEVELOPERS.md) and how the completed stages measure
//! against them: met, not met, or unknown when the stage that measures it did not complete.

use crate::size;

use super::kernels::KERNELS;
use super::report::{fmt_ms, thousands};
use super::{done, Stage};

/// Goals (DEVELOPERS.md).
const GOAL_PAINT_P95_MS: f64 = 16.0;
const GOAL_LONGEST_TASK_MS: f64 = 50.0;
const GOAL_MONTE_CARLO_MS: f64 = 150.0;
const GOAL_DECISION_MAP_MS: f64 = 50.0;
const GOAL_WASM_RATIO: f64 = 1.5;

/// One goal and how the run measured against it.
pub(super) struct Goal {
    pub(super) goal: String,
    pub(super) measured: String,
    pub(super) met: Option<bool>,
}

pub(super) fn goals(stages: &[Stage]) -> Vec<Goal> {
    let num = |key: &str, field: &str| done(stages, key).and_then(|f| f.num(field));
    let mut goals = Vec::new();
    let mut goal = |goal: String,
                    value: Option<f64>,
                    shown: &dyn Fn(f64) -> String,
                    ok: &dyn Fn(f64) -> bool| {
        goals.push(Goal {
            goal,
            measured: value.map_or_else(|| "not measured".into(), shown),
            met: value.map(ok),
        });
    };
    let ms = |v: f64| format!("{} ms", fmt_ms(v));
    goal(
        format!("input-to-paint p95 <= {GOAL_PAINT_P95_MS} ms"),
        num("paint", "p95_ms"),
        &ms,
        &|v| v <= GOAL_PAINT_P95_MS,
    );
    goal(
        format!("no main-thread task over {GOAL_LONGEST_TASK_MS} ms"),
        num("longtask", "longest_task_ms"),
        &|v| format!("longest {}", ms(v)),
        &|v| v <= GOAL_LONGEST_TASK_MS,
    );
    goal(
        format!("Monte Carlo 10,000 x 120 x 3 within {GOAL_MONTE_CARLO_MS} ms of the last input"),
        num("longtask", "mc_painted_after_input_ms"),
        &|v| {
            let timer = num("longtask", "mc_timer_after_input_ms")
                .map_or(String::new(), |t| format!(" (timer at {})", ms(t)));
            format!("painted at {}{timer}", ms(v))
        },
        &|v| v <= GOAL_MONTE_CARLO_MS,
    );
    goal(
        format!("decision map 64 x 64 within {GOAL_DECISION_MAP_MS} ms (wasm)"),
        num("wasm", "decision_map_ms"),
        &ms,
        &|v| v <= GOAL_DECISION_MAP_MS,
    );
    let ratios: Option<Vec<f64>> = KERNELS
        .iter()
        .map(|(key, _, _)| num("wasm", &format!("{key}_ratio")))
        .collect();
    goal(
        format!("wasm/native ratio <= {GOAL_WASM_RATIO} for every kernel"),
        ratios.map(|r| r.into_iter().fold(0.0, f64::max)),
        &|v| format!("worst {v:.2}"),
        &|v| v <= GOAL_WASM_RATIO,
    );
    goal(
        format!(
            "first load <= {} bytes brotli",
            thousands(size::GOAL_BROTLI_BYTES as f64)
        ),
        num("size", "total_brotli"),
        &|v| format!("{} bytes", thousands(v)),
        &|v| v <= size::GOAL_BROTLI_BYTES as f64,
    );
    for (field, label, least) in [
        ("performance", "Lighthouse performance", 100.0),
        ("accessibility", "Lighthouse accessibility", 100.0),
        ("best_practices", "Lighthouse best practices", 100.0),
        ("seo", "Lighthouse SEO", 95.0),
    ] {
        let wanted = if least >= 100.0 {
            format!("{label} 100")
        } else {
            format!("{label} >= {least}")
        };
        goal(
            wanted,
            num("lighthouse", field),
            &|v| format!("{v}"),
            &|v| v >= least,
        );
    }
    goals
}

#[cfg(test)]
mod tests {
    use super::super::json::Json;
    use super::super::Status;
    use super::*;

    #[test]
    fn goals_are_unknown_when_a_stage_did_not_complete() {
        let stages = vec![
            Stage {
                key: "wasm",
                name: "wasm",
                status: Status::Ok,
                seconds: 1.0,
                figures: Json::Obj(vec![
                    ("decision_map_ms".into(), Json::Num(1.6)),
                    ("projection_ratio".into(), Json::Num(2.0)),
                    ("monte_carlo_ratio".into(), Json::Num(1.2)),
                    ("decision_map_ratio".into(), Json::Num(1.4)),
                ]),
            },
            Stage {
                key: "paint",
                name: "paint",
                status: Status::Failed("no browser".into()),
                seconds: 1.0,
                figures: Json::Obj(vec![("p95_ms".into(), Json::Num(3.0))]),
            },
        ];
        let g = goals(&stages);
        let find = |prefix: &str| g.iter().find(|g| g.goal.starts_with(prefix)).unwrap();
        assert_eq!(find("input-to-paint").met, None);
        assert_eq!(find("decision map").met, Some(true));
        let ratio = find("wasm/native");
        assert_eq!(
            (ratio.met, ratio.measured.as_str()),
            (Some(false), "worst 2.00")
        );
    }
}
