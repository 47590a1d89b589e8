//! View pieces, one file each.

pub mod chart_canvas;
pub mod charts;
pub mod contracts;
pub mod debt;
pub mod embed;
pub mod exchange;
pub mod headline;
pub mod inputs_panel;
pub mod kpi;
pub mod lang_switch;
pub mod link_banner;
pub mod month_table;
pub mod number_input;
pub mod preset_picker;
pub mod strategies;
pub mod strategy_select;
pub mod theme_switch;
pub mod warnings;

pub use chart_canvas::ChartCanvas;
pub use charts::Charts;
pub use exchange::Exchange;
pub use headline::Headline;
pub use inputs_panel::InputsPanel;
pub use kpi::Kpi;
pub use lang_switch::LangSwitch;
pub use link_banner::LinkBanner;
pub use month_table::MonthTable;
pub use number_input::{NumberInput, ScalarInput};
pub use preset_picker::PresetPicker;
pub use strategies::Strategies;
pub use theme_switch::ThemeSwitch;
pub use warnings::Warnings;
