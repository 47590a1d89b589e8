//! Hashpivot's economics model: what a Bitcoin miner's megawatts earn when they hash, and (as the
//! model grows) when they are leased to AI/HPC tenants.
//!
//! Pure Rust with no web dependency: the same code runs natively (CLI, tests, benchmarks) and in
//! the browser as WebAssembly. Every quantity carries its unit in its name
//! (`_usd`, `_btc`, `_eh_s`, `_t` for difficulty in tera, ...). See `shared/MODEL.md` for what
//! the model computes and `shared/DOMAIN.md` for where the defaults come from.
//!
//! # Usage
//! ```
//! use hashpivot_model::Network;
//! let network = Network::default(); // the January 2026 snapshot
//! network.validate().unwrap();
//! let hashprice = network.hashprice_usd_per_ph_day();
//! assert!(hashprice > 30.0 && hashprice < 50.0);
//! ```

pub mod bounds;
pub mod calendar;
pub mod contract;
pub mod decision_map;
pub mod error;
pub mod format;
pub mod import;
pub mod kernel;
pub mod metrics;
pub mod montecarlo;
pub mod network;
pub mod presets;
pub mod projection;
pub mod query;
pub mod scenario;
pub mod subsidy;
pub mod tornado;
pub mod validate;
pub mod warning;

pub use bounds::Bound;
pub use calendar::YearMonth;
pub use error::{ValidationError, ValidationErrors};
pub use network::Network;
pub use projection::{project, Projection};
pub use scenario::Scenario;
pub use warning::Warning;
