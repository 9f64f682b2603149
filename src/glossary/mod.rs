//! Glossaries (termbases): entries with preferred, admitted and deprecated forms per language.
//!
//! The file format is `concord-glossary/1` (JSON). Loading is strict: an unknown field, a bad
//! language tag or an empty form is an error with the file, line and column.

pub mod csv;
pub mod exchange;
pub mod lint;
mod load;
pub mod matcher;
mod packed;
mod split;
pub mod tbx;
mod terms;

use serde::{Deserialize, Serialize};

use crate::lang::LangTag;

pub use load::{id_offset, load_file, parse, parse_structure};
pub use matcher::{Match, Matcher};
pub use packed::builtin;
pub use terms::Terms;

/// What an entry names; names and terms are reported under different rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Person,
    Place,
    Organization,
    Term,
}

impl Kind {
    /// The kind as the glossary format writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Place => "place",
            Kind::Organization => "organization",
            Kind::Term => "term",
        }
    }

    pub fn is_name(self) -> bool {
        !matches!(self, Kind::Term)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CaseMode {
    #[default]
    Insensitive,
    Sensitive,
}

/// How forms are compared with the text: word for word, or on Snowball stems.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchMode {
    Exact,
    Stem,
}

/// The only format version this build reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FormatVersion {
    #[serde(rename = "concord-glossary/1")]
    V1,
}

/// A form as written in a glossary: non-empty, one line.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Form(Box<str>);

impl TryFrom<String> for Form {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        if s.trim().is_empty() {
            return Err("a form must not be empty".to_string());
        }
        if has_control(&s) {
            return Err(format!(
                "the form {s:?} contains a control character (a line break or tab?)"
            ));
        }
        Ok(Form(s.into_boxed_str()))
    }
}

/// Whether `s` has a control character (`char::is_control`: U+0000–U+001F, U+007F–U+009F),
/// read from the bytes: the first range and U+007F are single bytes, the rest start 0xC2.
fn has_control(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        c < 0x20
            || c == 0x7F
            || (c == 0xC2 && b.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)))
    })
}

impl From<Form> for String {
    fn from(f: Form) -> String {
        f.0.into()
    }
}

impl Form {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Form {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The forms of one entry in one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LangSection {
    pub preferred: Form,
    // Boxed slices and strings rather than vectors and strings: a house termbase has hundreds
    // of thousands of sections, and every byte of one is a freshly zeroed byte to load.
    #[serde(default, skip_serializing_if = "no_forms")]
    pub admitted: Box<[Form]>,
    #[serde(default, skip_serializing_if = "no_forms")]
    pub deprecated: Box<[Form]>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Box<str>>,
}

/// One concept: a person, place, organisation or term, in several languages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub id: String,
    pub kind: Kind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub case: CaseMode,
    #[serde(default, rename = "match", skip_serializing_if = "Option::is_none")]
    pub match_mode: Option<MatchMode>,
    #[serde(deserialize_with = "load::unique_languages")]
    pub terms: Terms,
}

fn no_forms(forms: &[Form]) -> bool {
    forms.is_empty()
}

fn is_default<T: Default + PartialEq>(t: &T) -> bool {
    *t == T::default()
}

impl Entry {
    /// The section that applies to a document language: the tag itself, else its fallbacks
    /// ("pt-BR" falls back to "pt").
    pub fn section(&self, lang: &LangTag) -> Option<&LangSection> {
        self.applying(lang).map(|(_, section)| section)
    }

    /// The language tag of the section that applies to a document language.
    pub fn section_tag(&self, lang: &LangTag) -> Option<&LangTag> {
        self.applying(lang).map(|(tag, _)| tag)
    }

    /// The tag and section that apply to `lang`: the longest of the entry's tags that `lang`
    /// is or extends by whole subtags (`lang`'s first fallback the entry has), else the first
    /// with its primary subtag (a glossary that only has "en-US" still speaks to an "en"
    /// document). One pass over the sections: a matcher asks it of every entry.
    fn applying(&self, lang: &LangTag) -> Option<(&LangTag, &LangSection)> {
        let want = lang.as_str();
        let mut best: Option<(&LangTag, &LangSection)> = None;
        let mut same_primary = None;
        for (tag, section) in self.terms.iter() {
            let t = tag.as_str();
            let falls_back =
                want.starts_with(t) && (want.len() == t.len() || want.as_bytes()[t.len()] == b'-');
            if falls_back {
                if best.is_none_or(|(b, _)| t.len() > b.as_str().len()) {
                    best = Some((tag, section));
                }
            } else if same_primary.is_none() && tag.primary() == lang.primary() {
                same_primary = Some((tag, section));
            }
        }
        best.or(same_primary)
    }

    /// [`Entry::section_tag`] as the BCP 47 fallbacks read it, to test the one pass against.
    #[cfg(test)]
    fn section_tag_by_fallbacks(&self, lang: &LangTag) -> Option<&LangTag> {
        lang.fallbacks()
            .find_map(|tag| self.terms.keys().find(|k| k.as_str() == tag))
            .or_else(|| self.terms.keys().find(|k| k.primary() == lang.primary()))
    }

    pub fn match_mode(&self) -> MatchMode {
        self.match_mode.unwrap_or(if self.kind.is_name() {
            MatchMode::Exact
        } else {
            MatchMode::Stem
        })
    }
}

/// A glossary file as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Glossary {
    pub format: FormatVersion,
    pub name: String,
    /// The glossary's own version, as its maintainers number it (shown by `concord --version`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub entries: Vec<Entry>,
}

/// Status of a form within its entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    Preferred,
    Admitted,
    Deprecated,
}

/// All glossaries of a run, with where each came from.
#[derive(Debug, Clone, Default)]
pub struct GlossarySet {
    pub glossaries: Vec<(String, Glossary)>,
}

impl GlossarySet {
    pub fn push(&mut self, origin: impl Into<String>, glossary: Glossary) {
        self.glossaries.push((origin.into(), glossary));
    }

    /// Every language some entry has a section for, sorted.
    pub fn languages(&self) -> Vec<LangTag> {
        // Borrowed while collecting: a large glossary repeats a handful of tags many times.
        let tags: std::collections::BTreeSet<&LangTag> = self
            .glossaries
            .iter()
            .flat_map(|(_, g)| g.entries.iter().flat_map(|e| e.terms.keys()))
            .collect();
        tags.into_iter().cloned().collect()
    }

    pub fn entry(&self, glossary: usize, entry: usize) -> &Entry {
        &self.glossaries[glossary].1.entries[entry]
    }

    pub fn name(&self, glossary: usize) -> &str {
        &self.glossaries[glossary].1.name
    }
}

impl Serialize for LangTag {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for LangTag {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Tag;
        impl serde::de::Visitor<'_> for Tag {
            type Value = LangTag;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string")
            }
            // Read from the input as it stands, without an owned copy; a tag written as
            // before is taken from the last few parsed (a glossary uses a handful of tags
            // for all its entries).
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<LangTag, E> {
                RECENT_TAGS.with(|recent| {
                    let mut recent = recent.borrow_mut();
                    if let Some((_, tag)) = recent.iter().find(|(raw, _)| &**raw == s) {
                        return Ok(tag.clone());
                    }
                    let tag = LangTag::parse(s).map_err(E::custom)?;
                    if recent.len() >= RECENT_TAG_LIMIT {
                        recent.remove(0);
                    }
                    recent.push((s.into(), tag.clone()));
                    Ok(tag)
                })
            }
        }
        d.deserialize_str(Tag)
    }
}

/// How many raw tags `LangTag`'s deserialiser remembers with their parse.
const RECENT_TAG_LIMIT: usize = 32;

thread_local! {
    static RECENT_TAGS: std::cell::RefCell<Vec<(Box<str>, LangTag)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        /// Control characters found from the bytes are the ones `char::is_control` finds.
        #[test]
        fn control_characters_from_bytes(s in "[\\u{0}-\\u{a0}\\u{100}-\\u{200}\\u{2028}]{0,12}") {
            prop_assert_eq!(super::has_control(&s), s.chars().any(char::is_control));
        }
    }

    fn entry_with(tags: &[String]) -> super::Entry {
        let mut terms = super::Terms::new();
        for t in tags {
            let section = super::LangSection {
                preferred: super::Form::try_from(t.clone()).unwrap(),
                admitted: Default::default(),
                deprecated: Default::default(),
                note: None,
            };
            terms.insert(t.parse().unwrap(), section);
        }
        super::Entry {
            id: "e".into(),
            kind: super::Kind::Place,
            note: None,
            case: Default::default(),
            match_mode: None,
            terms,
        }
    }

    const TAGS: [&str; 10] = [
        "en",
        "en-GB",
        "en-US",
        "sr",
        "sr-Latn",
        "sr-Latn-RS",
        "sr-Cyrl",
        "pt-BR",
        "pt",
        "zh-Hant",
    ];

    proptest! {
        /// The section found in one pass is the one the fallbacks name.
        #[test]
        fn one_pass_finds_the_fallback_section(
            have in proptest::sample::subsequence(TAGS.to_vec(), 0..6),
            want in proptest::sample::select(TAGS.to_vec()),
        ) {
            let tags: Vec<String> = have.iter().map(|t| t.to_string()).collect();
            let entry = entry_with(&tags);
            let lang: crate::lang::LangTag = want.parse().unwrap();
            prop_assert_eq!(entry.section_tag(&lang), entry.section_tag_by_fallbacks(&lang));
        }
    }

    #[test]
    fn control_characters_at_the_edges() {
        for (s, control) in [
            ("a\u{7f}", true),
            ("\u{9f}", true),
            ("\u{a0}", false),
            ("é", false),
            ("\u{80}x", true),
            ("ok\t", true),
        ] {
            assert_eq!(super::has_control(s), control, "{s:?}");
        }
    }
}
