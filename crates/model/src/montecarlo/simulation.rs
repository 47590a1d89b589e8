//! The Monte Carlo as a run that advances a few months at a time (see [`Simulation`]).

use rand_core::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;

use super::{
    distribution, normal_pair, path_seed, percentiles, sample_delay, unit, Bands, MonteCarloResult,
};
use crate::error::ValidationError;
use crate::kernel::{ContractState, StrategyKernel, Timeline};
use crate::network::path::Economics;
use crate::scenario::{NetworkMode, Scenario};

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
    /// The network path's constants in economic mode; `None` in fixed mode.
    economic: Option<Economics>,
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
    /// Per path: ln of network hashrate (economic mode), or its log deviation from the fixed
    /// trend (fixed mode).
    deviation: Vec<f64>,
    /// Per path, fixed mode only: the last `lag + 1` price log returns.
    returns: Vec<f64>,
    /// Per path, this month: BTC price / network hashrate (economic) or the price over the
    /// hashrate's deviation (fixed), what the kernels' revenue needs.
    price: Vec<f64>,
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
        let economic =
            (s.market.network.mode == NetworkMode::Economic).then(|| Economics::of(s, &t));
        let (start_deviation, returns) = match &economic {
            Some(e) => (e.log_start(), Vec::new()),
            None => (0.0, vec![0.0; n_paths * (lag + 1)]),
        };
        Simulation {
            economic,
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
            deviation: vec![start_deviation; n_paths],
            returns,
            price: vec![0.0; n_paths],
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
        for m in self.month..end {
            // Each path's price over its network hashrate, then every strategy's cash on it.
            let hashrate = if self.economic.is_some() {
                self.market_economic(m);
                1.0
            } else {
                self.market_fixed(m);
                self.t.network_eh_s[m]
            };
            self.cash(m, hashrate);
            for (si, b) in self.bands.iter_mut().enumerate() {
                self.scratch
                    .copy_from_slice(&self.cumulative[si * self.n_paths..(si + 1) * self.n_paths]);
                b.push(percentiles(&mut self.scratch));
            }
        }
        self.month = end;
        self.month >= self.t.len()
    }

    /// Month `m` of every path, economic network: the price moves, then the path's network
    /// follows its break-even level at that price (down in the month, up with the lag), plus
    /// its own noise; `price` gets price / hashrate, one `exp` a path.
    fn market_economic(&mut self, m: usize) {
        let Some(e) = &self.economic else {
            return;
        };
        for p in 0..self.n_paths {
            // Month 0 is today: the start price and hashrate. From month 1 on, each month
            // draws the price's log return since the month before, and the network's noise.
            if m > 0 {
                let (z1, z2) = normal_pair(&mut self.rngs[p]);
                self.log_price[p] += self.drift + self.sigma * z1;
                let x = e.step(m, self.deviation[p], self.log_price[p]);
                self.deviation[p] = (x + self.hr_sigma * z2).max(e.log_floor());
            }
            self.price[p] = libm::exp(self.log_price[p] - self.deviation[p]);
        }
    }

    /// Month `m` of every path, fixed network: the hashrate is the trend times `exp(deviation)`,
    /// which follows the price's lagged log return; `price` gets the price over that factor.
    fn market_fixed(&mut self, m: usize) {
        let lag = self.lag;
        for p in 0..self.n_paths {
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
            self.price[p] = libm::exp(self.log_price[p] - self.deviation[p]);
        }
    }

    /// Every strategy's FCF of month `m` on every path, at the paths' `price` and network
    /// `hashrate` (EH/s), added to the cumulative sums and NPVs.
    fn cash(&mut self, m: usize, hashrate: f64) {
        let (n_paths, contract_count) = (self.n_paths, self.contract_count);
        let hours = self.t.hours[m];
        let discount = self.t.discount[m];
        for p in 0..n_paths {
            let price = self.price[p];
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
