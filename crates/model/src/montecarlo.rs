//! Monte Carlo: BTC price, network hashrate and contract early ends drawn many times.
//!
//! - BTC price follows a geometric Brownian motion with the scenario's annual drift and
//!   volatility, in monthly steps, from the start price.
//! - Network hashrate, economic network (the default): each path's hashrate follows the
//!   deterministic run's rule ([`crate::network::path`]) driven by that path's price: down to
//!   its break-even level within the month, up toward it with the lag; then `x = ln H` moves by
//!   `volatility / sqrt(12) x noise` of its own, which the rule pulls back. Per month
//!   everything but the price is computed once, so a path-month costs one `exp`.
//! - Network hashrate, fixed network: the deterministic difficulty path times `exp(x)`, where
//!   `x` moves each month by `follows x (the price's log return `lag` months earlier - its
//!   mean) + volatility / sqrt(12) x noise`: it follows price with a lag and has noise of its
//!   own.
//! - Each contract's delivery delay is drawn (geometric, with the scenario's delay as its mean)
//!   and it ends early at a month drawn from its monthly hazard.
//!
//! Every strategy sees the same paths, so "strategy beats the first" is a like-for-like count.
//! Each path has its own generator (Xoshiro256++ seeded from the scenario seed and the path
//! number), normals come from Marsaglia's polar method, and every transcendental function
//! comes from `libm`, so a seed gives the same result to the last bit natively and in the
//! browser.
//!
//! # Usage
//! ```
//! use hashpivot_model::{montecarlo, Scenario};
//! let mut s = Scenario::default();
//! s.monte_carlo.paths = 200;
//! let r = montecarlo::run(&s).unwrap();
//! assert_eq!(r.bands[0].p50.len(), 60);
//! assert!((0.0..=1.0).contains(&r.beats_first[1]));
//! ```

use rand_xoshiro::Xoshiro256PlusPlus;
use serde::Serialize;

mod simulation;
pub use simulation::Simulation;

use crate::calendar::YearMonth;
use crate::error::ValidationError;
use crate::kernel::{StrategyKernel, Timeline};
use crate::scenario::Scenario;

/// Cumulative-FCF percentiles of one strategy, one value per month, USD.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bands {
    /// 5th percentile.
    pub p5: Vec<f64>,
    /// 25th percentile.
    pub p25: Vec<f64>,
    /// Median.
    pub p50: Vec<f64>,
    /// 75th percentile.
    pub p75: Vec<f64>,
    /// 95th percentile.
    pub p95: Vec<f64>,
}

/// The NPV distribution of one strategy, USD.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NpvDistribution {
    /// Mean.
    pub mean: f64,
    /// 5th, 25th, 50th, 75th and 95th percentiles.
    pub percentiles: [f64; 5],
    /// Histogram: `bins + 1` edges from the smallest to the largest NPV.
    pub edges: Vec<f64>,
    /// Paths in each bin.
    pub counts: Vec<u32>,
}

/// What a Monte Carlo run returns.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonteCarloResult {
    /// Paths simulated.
    pub paths: u32,
    /// The months.
    pub months: Vec<YearMonth>,
    /// Per strategy: cumulative FCF bands.
    pub bands: Vec<Bands>,
    /// Per strategy: NPV distribution.
    pub npv: Vec<NpvDistribution>,
    /// Per strategy: share of paths on which its NPV beats the first strategy's (0 for the first).
    pub beats_first: Vec<f64>,
}

/// Histogram bins of the NPV distribution.
pub const NPV_BINS: usize = 40;

/// Runs the scenario's Monte Carlo with its own path count and seed.
pub fn run(s: &Scenario) -> Result<MonteCarloResult, ValidationError> {
    s.validate()?;
    let t = Timeline::new(s);
    let kernels: Vec<StrategyKernel> = (0..s.strategies.len())
        .map(|i| StrategyKernel::new(s, i, &t))
        .collect();
    Ok(simulate(s, &t, &kernels))
}

/// A distinct, well-mixed seed per path (SplitMix64 of the scenario seed and the path number).
fn path_seed(seed: u64, path: u64) -> u64 {
    let mut z = seed ^ path.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The simulation on prepared kernels (the deterministic timeline gives the hashrate trend,
/// the discount factors and the months). The same as [`Simulation`] run to the end.
pub fn simulate(s: &Scenario, t: &Timeline, kernels: &[StrategyKernel]) -> MonteCarloResult {
    let mut sim = Simulation::prepared(s, t.clone(), kernels.to_vec());
    while !sim.step(usize::MAX) {}
    sim.finish()
}

/// Two independent standard normal numbers (Marsaglia's polar method). Only `libm`'s log and
/// sqrt are used, so the result is the same to the last bit on every platform (a ziggurat's
/// tail would call the platform's exp natively).
fn normal_pair(rng: &mut Xoshiro256PlusPlus) -> (f64, f64) {
    loop {
        let u = 2.0 * unit(rng) - 1.0;
        let v = 2.0 * unit(rng) - 1.0;
        let s = u * u + v * v;
        if s > 0.0 && s < 1.0 {
            let f = libm::sqrt(-2.0 * libm::log(s) / s);
            return (u * f, v * f);
        }
    }
}

/// A delay in whole months, geometric with mean `mean` (P(delay >= k) = q^k, q = mean/(1+mean)).
fn sample_delay(rng: &mut Xoshiro256PlusPlus, mean: f64) -> u32 {
    if mean <= 0.0 {
        return 0;
    }
    let q = mean / (1.0 + mean);
    let u = 1.0 - unit(rng); // in (0, 1]
    libm::floor(libm::log(u) / libm::log(q)).min(600.0) as u32
}

/// A uniform number in [0, 1) from the top 53 bits.
fn unit(rng: &mut Xoshiro256PlusPlus) -> f64 {
    use rand_core::Rng;
    (rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

impl Bands {
    fn with_capacity(n: usize) -> Bands {
        Bands {
            p5: Vec::with_capacity(n),
            p25: Vec::with_capacity(n),
            p50: Vec::with_capacity(n),
            p75: Vec::with_capacity(n),
            p95: Vec::with_capacity(n),
        }
    }

    fn push(&mut self, q: [f64; 5]) {
        self.p5.push(q[0]);
        self.p25.push(q[1]);
        self.p50.push(q[2]);
        self.p75.push(q[3]);
        self.p95.push(q[4]);
    }
}

/// P5, P25, P50, P75, P95 (nearest rank) of `values`, which it reorders. Each selection works
/// inside the part the previous one left, so the five cost about five passes, not five sorts.
pub fn percentiles(values: &mut [f64]) -> [f64; 5] {
    let n = values.len();
    if n == 0 {
        return [f64::NAN; 5];
    }
    let rank = |q: f64| (((n as f64) * q).ceil() as usize).clamp(1, n) - 1;
    let [r5, r25, r50, r75, r95] = [0.05, 0.25, 0.5, 0.75, 0.95].map(rank);
    // Put the element of absolute rank `r` in place, searching only `values[lo..hi]`, which
    // earlier selections have already bounded.
    let mut select = |r: usize, lo: usize, hi: usize| -> f64 {
        values[lo..hi].select_nth_unstable_by(r - lo, f64::total_cmp);
        values[r]
    };
    let q50 = select(r50, 0, n);
    let q25 = if r25 < r50 { select(r25, 0, r50) } else { q50 };
    let q5 = if r5 < r25 { select(r5, 0, r25) } else { q25 };
    let q75 = if r75 > r50 {
        select(r75, r50 + 1, n)
    } else {
        q50
    };
    let q95 = if r95 > r75 {
        select(r95, r75 + 1, n)
    } else {
        q75
    };
    [q5, q25, q50, q75, q95]
}

fn distribution(values: &[f64]) -> NpvDistribution {
    let mut sorted = values.to_vec();
    let percentiles = percentiles(&mut sorted);
    let mean = values.iter().sum::<f64>() / values.len().max(1) as f64;
    let (lo, hi) = values
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
            (lo.min(v), hi.max(v))
        });
    let width = if hi > lo {
        (hi - lo) / NPV_BINS as f64
    } else {
        1.0
    };
    let edges = (0..=NPV_BINS).map(|i| lo + width * i as f64).collect();
    let mut counts = vec![0u32; NPV_BINS];
    for &v in values {
        let bin = (((v - lo) / width) as usize).min(NPV_BINS - 1);
        counts[bin] += 1;
    }
    NpvDistribution {
        mean,
        percentiles,
        edges,
        counts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_core::SeedableRng;

    #[test]
    fn percentiles_match_a_full_sort() {
        // 1..=100 shuffled: nearest-rank P5 = 5, P25 = 25, P50 = 50, P75 = 75, P95 = 95.
        let mut v: Vec<f64> = (1..=100).map(|i| ((i * 37) % 100 + 1) as f64).collect();
        assert_eq!(percentiles(&mut v), [5.0, 25.0, 50.0, 75.0, 95.0]);
        assert_eq!(percentiles(&mut [7.0]), [7.0; 5]);
        let mut two = [2.0, 1.0];
        assert_eq!(percentiles(&mut two), [1.0, 1.0, 1.0, 2.0, 2.0]);
    }

    #[test]
    fn sampled_delays_have_the_scenario_delay_as_mean() {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(3);
        let n = 100_000;
        let mean = (0..n)
            .map(|_| sample_delay(&mut rng, 6.0) as f64)
            .sum::<f64>()
            / n as f64;
        // Geometric with mean 6 has variance 6 x 7 = 42: standard error 0.02; allow 0.1.
        assert!((mean - 6.0).abs() < 0.1, "{mean}");
        assert_eq!(sample_delay(&mut rng, 0.0), 0);
    }

    #[test]
    fn path_seeds_differ() {
        let seeds: std::collections::HashSet<u64> = (0..1_000).map(|p| path_seed(42, p)).collect();
        assert_eq!(seeds.len(), 1_000);
    }
}

#[cfg(test)]
mod normal_tests {
    use super::*;
    use rand_core::SeedableRng;

    #[test]
    fn polar_normals_have_mean_zero_and_variance_one() {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(7);
        let n = 200_000;
        let (mut sum, mut sq, mut cross) = (0.0, 0.0, 0.0);
        for _ in 0..n {
            let (a, b) = normal_pair(&mut rng);
            sum += a + b;
            sq += a * a + b * b;
            cross += a * b;
        }
        let count = 2.0 * n as f64;
        // Standard errors: mean 1/sqrt(400,000) = 0.0016; variance sqrt(2/400,000) = 0.0022;
        // the pair's correlation 1/sqrt(200,000) = 0.0022. Allow about five of each.
        assert!((sum / count).abs() < 0.008);
        assert!((sq / count - 1.0).abs() < 0.011);
        assert!((cross / n as f64).abs() < 0.012, "the pair is uncorrelated");
    }
}
