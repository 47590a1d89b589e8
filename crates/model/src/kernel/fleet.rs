//! Which machines run each month: the original fleet (less retirements) and any purchases,
//! most efficient first, within the megawatts AI/HPC leaves to mining.

use crate::scenario::{Fleet, FleetPurchase};

/// Hashrate and power at the meter that run in one month.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Dispatch {
    /// Hashrate running, EH/s.
    pub eh_s: f64,
    /// Power at the meter, MW.
    pub mw: f64,
}

/// Runs the machines installed at month `m` in merit order (lowest J/TH first) until
/// `available_mw` at the meter is used.
pub fn dispatch(
    fleet: &Fleet,
    purchases: &[FleetPurchase],
    m: usize,
    available_mw: f64,
) -> Dispatch {
    let retired: f64 = purchases
        .iter()
        .filter(|p| p.month as usize <= m)
        .map(|p| p.retire_eh_s)
        .fold(0.0, |a, b| a + b);
    let mut cohorts: Vec<(f64, f64)> = Vec::with_capacity(purchases.len() + 1);
    cohorts.push((
        (fleet.hashrate_eh_s - retired).max(0.0),
        fleet.efficiency_j_th,
    ));
    cohorts.extend(
        purchases
            .iter()
            .filter(|p| p.month as usize <= m)
            .map(|p| (p.eh_s, p.efficiency_j_th)),
    );
    if cohorts.len() > 1 {
        // Unstable sort (smaller in wasm than the stable one); equal efficiencies order by
        // hashrate, so the result stays deterministic.
        cohorts.sort_unstable_by(|a, b| a.1.total_cmp(&b.1).then(a.0.total_cmp(&b.0)));
    }
    let mut left = available_mw.max(0.0);
    let mut out = Dispatch { eh_s: 0.0, mw: 0.0 };
    for (eh_s, j_th) in cohorts {
        // 1 EH/s at 1 J/TH is 1 MW of IT power; times PUE at the meter.
        let mw_per_eh = j_th * fleet.pue;
        let mw = (eh_s * mw_per_eh).min(left);
        if mw <= 0.0 || mw_per_eh <= 0.0 {
            continue;
        }
        out.eh_s += mw / mw_per_eh;
        out.mw += mw;
        left -= mw;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fleet() -> Fleet {
        Fleet {
            hashrate_eh_s: 10.0,
            efficiency_j_th: 20.0,
            pue: 1.0,
            ..Fleet::default()
        }
    }

    fn buy(month: u32, eh_s: f64, efficiency_j_th: f64, retire_eh_s: f64) -> FleetPurchase {
        FleetPurchase {
            month,
            eh_s,
            efficiency_j_th,
            usd_per_th: 15.0,
            retire_eh_s,
        }
    }

    #[test]
    fn without_purchases_the_fleet_runs_up_to_the_available_power() {
        // 10 EH/s x 20 J/TH = 200 MW; with 150 MW only 7.5 EH/s run.
        assert_eq!(
            dispatch(&fleet(), &[], 0, 1_000.0),
            Dispatch {
                eh_s: 10.0,
                mw: 200.0
            }
        );
        assert_eq!(
            dispatch(&fleet(), &[], 0, 150.0),
            Dispatch {
                eh_s: 7.5,
                mw: 150.0
            }
        );
    }

    #[test]
    fn the_most_efficient_machines_run_first() {
        // 5 EH/s at 10 J/TH (50 MW) bought in month 3; with 100 MW: 50 MW for them (5 EH/s),
        // the other 50 MW for the 20 J/TH fleet (2.5 EH/s): 7.5 EH/s in all.
        let p = [buy(3, 5.0, 10.0, 0.0)];
        assert_eq!(
            dispatch(&fleet(), &p, 2, 100.0),
            Dispatch {
                eh_s: 5.0,
                mw: 100.0
            }
        );
        assert_eq!(
            dispatch(&fleet(), &p, 3, 100.0),
            Dispatch {
                eh_s: 7.5,
                mw: 100.0
            }
        );
    }

    #[test]
    fn an_upgrade_retires_old_machines() {
        // Replace 4 EH/s at 20 J/TH by 4 EH/s at 12 J/TH: 6 x 20 + 4 x 12 = 168 MW.
        let p = [buy(1, 4.0, 12.0, 4.0)];
        assert_eq!(
            dispatch(&fleet(), &p, 1, 1_000.0),
            Dispatch {
                eh_s: 10.0,
                mw: 168.0
            }
        );
    }
}
