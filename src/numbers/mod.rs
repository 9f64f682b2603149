//! Numbers in text: digits in each language's notation and cardinal number words. This module
//! only understands numbers; the checks that compare them live with the other checks.

mod dates;
mod digits;
mod notation;
mod ordinals;
mod quantity;
mod shapes;
mod units;
mod vague;
mod words;

pub use dates::MONTHS;
pub use digits::{Digits, Notation, digits};
pub use notation::{Conventions, Reading, Run, conventions, runs};
pub use quantity::{Quantity, Unit, Written, is_scale_word, quantities, quantities_in};
pub use units::{Dimension, base_unit};
pub use words::{number_word_forms, parse_cardinal};
