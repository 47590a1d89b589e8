//! The Monte Carlo as a run that advances a few months at a time (see [`Simulation`]).

use rand_core::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;

use super::{
    distribution, normal_pair, path_seed, percentiles, sample_delay, unit, Bands, MonteCarloResult,
};
use crate::error::ValidationError;
use crate::kernel::{ContractState, StrategyKernel, Timeline};
use crate::scenario::Scenario;

/// A Monte Carlo run that advances a few months at a time, so a page can spread it over many
/// short tasks (and drop it when the inputs change). Its result is bit-identical to
/// [`simulate`]'s, however the months are split.
///
/// # Usage
/// ```
/// use hashpivot_model::{montecarlo::{self, Simulation}, Scenario};
/// let mut s = Scenario::default();
/// s.monte_carlo.paths = 100;
/// let mut sim = Simulation::new(&s).unwrap();
/// while !sim.step(7) {
///     assert!(sim.progress() < 1.0);
/// }
/// assert_eq!(sim.finish(), montecarlo::run(&s).unwrap());
/// ```
pub struct Simulation {
    t: Timeline,
    kernels: Vec<StrategyKernel>,
    power: f64,
    drift: f64,
    sigma: f64,
    follow: f64,
    hr_sigma: f64,
    lag: usize,
    n_paths: usize,
    contract_count: usize,
    rngs: Vec<Xoshiro256PlusPlus>,
    log_price: Vec<f64>,
    deviation: Vec<f64>,
    returns: Vec<f64>,
    ends: Vec<u32>,
    delays: Vec<u32>,
    cumulative: Vec<f64>,
    npv: Vec<f64>,
    bands: Vec<Bands>,
    scratch: Vec<f64>,
    /// The next month to simulate.
    month: usize,
}

impl Simulation {
    /// A run of the scenario's Monte Carlo, validated, before its first month.
    pub fn new(s: &Scenario) -> Result<Simulation, ValidationError> {
        s.validate()?;
        let t = Timeline::new(s);
        let kernels = (0..s.strategies.len())
            .map(|i| StrategyKernel::new(s, i, &t))
            .collect();
        Ok(Simulation::prepared(s, t, kernels))
    }

    pub(super) fn prepared(s: &Scenario, t: Timeline, kernels: Vec<StrategyKernel>) -> Simulation {
        let n_paths = s.monte_carlo.paths.max(1) as usize;
        let months = t.len();
        let mc = &s.monte_carlo;
        let sigma = mc.btc_volatility_pct_year / 100.0 / 12f64.sqrt();
        // A drift of -100% a year (the bottom of its range) would be log(0) = -inf, and every
        // path NaN (-inf - -inf in the lagged return): floor the yearly factor at 1e-6, a price
        // that falls by a factor of about 3 a month.
        let mu = libm::log((1.0 + s.mc_drift_pct_year() / 100.0).max(1e-6)) / 12.0;
        let lag = mc.hashrate_lag_months as usize;

        // Per path: generator, log price, hashrate deviation, recent price returns, contract ends.
        let mut rngs: Vec<Xoshiro256PlusPlus> = (0..n_paths)
            .map(|p| Xoshiro256PlusPlus::seed_from_u64(path_seed(mc.seed, p as u64)))
            .collect();
        let contract_count: usize = kernels.iter().map(|k| k.contracts.len()).sum();
        let mut ends = vec![u32::MAX; n_paths * contract_count];
        let mut delays = vec![0u32; n_paths * contract_count];
        for (p, rng) in rngs.iter_mut().enumerate() {
            let mut i = 0;
            for k in &kernels {
                for c in &k.contracts {
                    let at = p * contract_count + i;
                    // Delivery delay: geometric with the scenario's delay as its mean (no draw
                    // when the mean is 0, so those paths' streams are unchanged).
                    delays[at] = sample_delay(rng, c.expected_delay as f64);
                    if c.hazard_monthly > 0.0 {
                        let u: f64 = 1.0 - unit(rng); // in (0, 1]
                        let survive = libm::floor(libm::log(u) / libm::log(1.0 - c.hazard_monthly));
                        // Alive through `first + survive`: P(alive at m) = (1 - h)^(m - first),
                        // the survival the deterministic run uses.
                        let first = c.first_revenue(delays[at] as usize) as f64;
                        ends[at] = (first + survive + 1.0).min(u32::MAX as f64) as u32;
                    }
                    i += 1;
                }
            }
        }
        let n_strategies = kernels.len();
        Simulation {
            power: s.site.power_usd_mwh,
            drift: mu - 0.5 * sigma * sigma,
            sigma,
            follow: mc.hashrate_follows_price_pct / 100.0,
            hr_sigma: mc.hashrate_volatility_pct_year / 100.0 / 12f64.sqrt(),
            lag,
            n_paths,
            contract_count,
            rngs,
            log_price: vec![libm::log(s.network.btc_price_usd); n_paths],
            deviation: vec![0.0; n_paths],
            returns: vec![0.0; n_paths * (lag + 1)],
            ends,
            delays,
            cumulative: vec![0.0; n_strategies * n_paths],
            npv: vec![0.0; n_strategies * n_paths],
            bands: (0..n_strategies)
                .map(|_| Bands::with_capacity(months))
                .collect(),
            scratch: vec![0.0; n_paths],
            month: 0,
            t,
            kernels,
        }
    }

    /// Share of the months simulated, 0 to 1.
    pub fn progress(&self) -> f64 {
        self.month as f64 / self.t.len().max(1) as f64
    }

    /// Paths simulated.
    pub fn paths(&self) -> usize {
        self.n_paths
    }

    /// Simulates up to `months` more months of every path; true when all are done.
    pub fn step(&mut self, months: usize) -> bool {
        let end = self.month.saturating_add(months).min(self.t.len());
        let (n_paths, contract_count, lag) = (self.n_paths, self.contract_count, self.lag);
        for m in self.month..end {
            let trend_h = self.t.network_eh_s[m];
            let hours = self.t.hours[m];
            let discount = self.t.discount[m];
            for p in 0..n_paths {
                // Month 0 is today: the start price and the trend hashrate. From month 1 on,
                // each month draws the price's log return since the month before.
                if m > 0 {
                    let rng = &mut self.rngs[p];
                    let (z1, z2) = normal_pair(rng);
                    let r = self.drift + self.sigma * z1;
                    self.log_price[p] += r;
                    let ring = &mut self.returns[p * (lag + 1)..(p + 1) * (lag + 1)];
                    ring[m % (lag + 1)] = r;
                    let lagged = if m > lag {
                        ring[(m - lag) % (lag + 1)] - self.drift
                    } else {
                        0.0
                    };
                    self.deviation[p] += self.follow * lagged + self.hr_sigma * z2;
                }
                // Revenue needs only price / hashrate: one exp of the difference instead of two.
                let price = libm::exp(self.log_price[p] - self.deviation[p]);
                let hashrate = trend_h;
                let mut i = 0;
                for (si, k) in self.kernels.iter().enumerate() {
                    let path = p * contract_count + i;
                    let (ends, delays) = (&self.ends, &self.delays);
                    let fcf = k.fcf(m, hours, price, hashrate, self.power, |c| {
                        // `ends` is the first month not alive: the refund falls then.
                        let end = ends[path + c];
                        ContractState {
                            alive: if (m as u32) < end { 1.0 } else { 0.0 },
                            ended: if m as u32 == end { 1.0 } else { 0.0 },
                            delay: delays[path + c] as usize,
                        }
                    });
                    i += k.contracts.len();
                    let at = si * n_paths + p;
                    self.cumulative[at] += fcf;
                    self.npv[at] += fcf * discount;
                }
            }
            for (si, b) in self.bands.iter_mut().enumerate() {
                self.scratch
                    .copy_from_slice(&self.cumulative[si * n_paths..(si + 1) * n_paths]);
                b.push(percentiles(&mut self.scratch));
            }
        }
        self.month = end;
        self.month >= self.t.len()
    }

    /// The result (of the months simulated so far; call after [`Simulation::step`] returned
    /// true for the whole horizon).
    pub fn finish(self) -> MonteCarloResult {
        let n_paths = self.n_paths;
        let npv_of = |si: usize| &self.npv[si * n_paths..(si + 1) * n_paths];
        let n_strategies = self.kernels.len();
        let beats_first = (0..n_strategies)
            .map(|si| {
                if si == 0 {
                    return 0.0;
                }
                let wins = npv_of(si)
                    .iter()
                    .zip(npv_of(0))
                    .filter(|(a, b)| a > b)
                    .count();
                wins as f64 / n_paths as f64
            })
            .collect();
        let npv = (0..n_strategies)
            .map(|si| distribution(npv_of(si)))
            .collect();
        MonteCarloResult {
            paths: n_paths as u32,
            months: self.t.month.clone(),
            bands: self.bands,
            npv,
            beats_first,
        }
    }
}
