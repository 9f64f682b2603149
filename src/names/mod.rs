//! Proper names in running text: which capitalised spans are names, and when two spellings
//! are variants of one name rather than different words.

mod groups;
mod mentions;
pub mod romanise;
mod variant;

pub use groups::Groups;
pub use mentions::{MAX_NAME_WORD, MAX_NAME_WORDS, Mention, inside_compound, mentions};
pub use variant::{
    VariantRules, german_ascii, is_title_word, script, similarity, skeleton, typing_slip,
};
