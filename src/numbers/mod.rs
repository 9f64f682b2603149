//! Numbers in text: digits in each language's notation and cardinal number words. This module
//! only understands numbers; the checks that compare them live with the other checks.
//!
//! `quantity` is the type every reader produces; `read` runs the stages in order (`shapes` and
//! `dates`, then `digits`, `signs`, `ordinals`, `units`, `scales`, `labels`, then `spelled`,
//! then `fractions` and `ranges`), each looking at the text through a `view` of its tokens.

mod cjk;
mod dates;
mod digits;
mod fractions;
mod labels;
mod notation;
mod ordinals;
mod quantity;
mod ranges;
mod read;
mod scales;
mod shapes;
mod signs;
mod spelled;
mod units;
mod vague;
mod view;
mod words;

pub use dates::MONTHS;
pub use digits::{Digits, Notation, digits};
pub use notation::{Conventions, Reading, Run, conventions, runs};
pub use quantity::{Dimension, Quantity, Unit, Written, base_unit};
pub use ranges::is_range_join;
pub use read::{quantities, quantities_in};
pub use scales::is_scale_word;
pub use vague::hedge_before;
pub use words::{compound_values, number_word_forms, parse_cardinal, reads_number_words};

/// Builds the number readers' patterns ahead of the first text (those of every language, and
/// the month names of `lang`), for example on another thread while glossaries load: they are
/// built on first use otherwise, and cost more than reading a short article. What is read does
/// not change.
pub fn warm_up(lang: Option<&crate::lang::LangTag>) {
    shapes::warm_up();
    dates::warm_up(lang.map(|l| l.primary()));
}
