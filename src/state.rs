//! The app's reactive state: the scenario inputs and what the model derives from them.
//!
//! Inputs live in one signal, read and written through split handles; every output is a
//! [`Memo`], so a slider step recomputes each figure once and only what depends on it redraws.
//!
//! # Usage
//! ```
//! use hashpivot::state::{AppState, Field};
//! use leptos::prelude::*;
//! let owner = Owner::new();
//! owner.set();
//! let state = AppState::new(Default::default());
//! state.set(Field::BtcPrice, 100_000.0);
//! assert!(state.hashprice.get_untracked() > 40.0);
//! ```

use hashpivot_charts::hashprice_curve::HashpriceCurve;
use hashpivot_model::bounds::{self, Bound};
use hashpivot_model::Network;
use leptos::prelude::*;

/// An input the user can move, with its bound (key, label, unit, ranges).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// BTC price, USD.
    BtcPrice,
    /// Difficulty, T.
    Difficulty,
    /// Fees, BTC per block.
    Fees,
}

impl Field {
    /// Every field, in display order.
    pub const ALL: [Field; 3] = [Field::BtcPrice, Field::Difficulty, Field::Fees];

    /// The accepted range, label and unit.
    pub fn bound(self) -> Bound {
        match self {
            Field::BtcPrice => bounds::BTC_PRICE,
            Field::Difficulty => bounds::DIFFICULTY,
            Field::Fees => bounds::FEES,
        }
    }

    /// One line on what the input means.
    pub fn help(self) -> &'static str {
        match self {
            Field::BtcPrice => "Spot price of one bitcoin.",
            Field::Difficulty => {
                "Network difficulty; network hashrate = difficulty x 2^32 / 600 s."
            }
            Field::Fees => "Average transaction fees a block pays on top of the subsidy.",
        }
    }

    /// Where the default comes from.
    pub fn source(self) -> &'static str {
        match self {
            Field::BtcPrice => "About $91,132 on 12 Jan 2026 (Hashrate Index weekly roundup).",
            Field::Difficulty => {
                "About 146.5 T after the 8 Jan 2026 adjustment at block 931,392 (Hashrate Index)."
            }
            Field::Fees => {
                "About 0.017 BTC per block, 0.55% of rewards, Jan 2026 (Hashrate Index)."
            }
        }
    }

    /// The field's value in `n`.
    pub fn get(self, n: &Network) -> f64 {
        match self {
            Field::BtcPrice => n.btc_price_usd,
            Field::Difficulty => n.difficulty_t,
            Field::Fees => n.fees_btc_per_block,
        }
    }

    fn put(self, n: &mut Network, value: f64) {
        match self {
            Field::BtcPrice => n.btc_price_usd = value,
            Field::Difficulty => n.difficulty_t = value,
            Field::Fees => n.fees_btc_per_block = value,
        }
    }
}

/// Inputs and derived outputs. `Copy`: pass it freely or provide it as context.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The network inputs.
    pub network: ReadSignal<Network>,
    set_network: WriteSignal<Network>,
    /// Hashprice, USD/PH/day.
    pub hashprice: Memo<f64>,
    /// Data of the hashprice chart.
    pub curve: Memo<HashpriceCurve>,
}

impl AppState {
    /// State starting from `initial` (must be valid; see [`Network::validate`]).
    pub fn new(initial: Network) -> Self {
        let (network, set_network) = signal(initial);
        let hashprice = Memo::new(move |_| network.with(Network::hashprice_usd_per_ph_day));
        let curve = Memo::new(move |_| network.with(HashpriceCurve::from_network));
        AppState {
            network,
            set_network,
            hashprice,
            curve,
        }
    }

    /// Sets `field` to `value` if the model accepts it; otherwise leaves the state untouched and
    /// returns the model's message.
    pub fn set(&self, field: Field, value: f64) -> Result<(), hashpivot_model::ValidationError> {
        let mut next = self.network.get_untracked();
        field.put(&mut next, field.bound().check(value)?);
        next.validate()?;
        if next != self.network.get_untracked() {
            self.set_network.set(next);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_owner<T>(f: impl FnOnce() -> T) -> T {
        let owner = Owner::new();
        owner.set();
        f()
    }

    #[test]
    fn outputs_follow_an_accepted_input() {
        with_owner(|| {
            let state = AppState::new(Network::default());
            let before = state.hashprice.get_untracked();
            state.set(Field::BtcPrice, 182_264.0).unwrap();
            // Hashprice is proportional to price: doubling the price doubles it.
            let after = state.hashprice.get_untracked();
            assert!((after / before - 2.0).abs() < 1e-9, "{before} -> {after}");
            assert_eq!(state.curve.get_untracked().current.0, 182_264.0);
        });
    }

    #[test]
    fn a_rejected_input_keeps_the_last_good_state() {
        with_owner(|| {
            let state = AppState::new(Network::default());
            let before = state.network.get_untracked();
            let e = state.set(Field::Difficulty, -3.0).unwrap_err();
            assert_eq!(e.field, "diff");
            assert_eq!(state.network.get_untracked(), before);
        });
    }

    #[test]
    fn every_default_lies_inside_its_slider() {
        let n = Network::default();
        for f in Field::ALL {
            let b = f.bound();
            let v = f.get(&n);
            assert!(b.slider_min <= v && v <= b.slider_max, "{}", b.key);
        }
    }
}
