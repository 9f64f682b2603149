//! An entry's sections by language: a vector sorted by tag. Most entries have a handful of
//! languages, and a tree's node holds room for eleven: at 100,000 entries the tree cost more
//! memory than everything else in a loaded glossary.

use serde::{Serialize, Serializer};

use super::LangSection;
use crate::lang::LangTag;

/// Sections by language tag, in tag order, one per tag.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Terms(Vec<(LangTag, LangSection)>);

impl Terms {
    pub fn new() -> Terms {
        Terms(Vec::new())
    }

    fn find(&self, lang: &LangTag) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.cmp(lang))
    }

    pub fn get(&self, lang: &LangTag) -> Option<&LangSection> {
        self.find(lang).ok().map(|i| &self.0[i].1)
    }

    pub fn contains_key(&self, lang: &LangTag) -> bool {
        self.find(lang).is_ok()
    }

    /// Sets the section of `lang`, returning the one it replaces.
    pub fn insert(&mut self, lang: LangTag, section: LangSection) -> Option<LangSection> {
        match self.find(&lang) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, section)),
            Err(i) => {
                self.0.insert(i, (lang, section));
                None
            }
        }
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Gives back the room the list keeps for more: a file's entries are read once and kept
    /// (a first insert reserves room for four sections; most entries have two or three).
    pub fn shrink_to_fit(&mut self) {
        self.0.shrink_to_fit();
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&LangTag, &LangSection)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &LangTag> {
        self.0.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl Iterator<Item = &LangSection> {
        self.0.iter().map(|(_, v)| v)
    }

    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut LangSection> {
        self.0.iter_mut().map(|(_, v)| v)
    }
}

impl std::ops::Index<&LangTag> for Terms {
    type Output = LangSection;
    fn index(&self, lang: &LangTag) -> &LangSection {
        self.get(lang).expect("a language the entry has")
    }
}

impl FromIterator<(LangTag, LangSection)> for Terms {
    /// Later sections of a repeated tag replace earlier ones, as in a map.
    fn from_iter<I: IntoIterator<Item = (LangTag, LangSection)>>(iter: I) -> Terms {
        let mut t = Terms::new();
        for (k, v) in iter {
            t.insert(k, v);
        }
        t
    }
}

impl<'a> IntoIterator for &'a Terms {
    type Item = (&'a LangTag, &'a LangSection);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (LangTag, LangSection)>,
        fn(&'a (LangTag, LangSection)) -> (&'a LangTag, &'a LangSection),
    >;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl IntoIterator for Terms {
    type Item = (LangTag, LangSection);
    type IntoIter = std::vec::IntoIter<(LangTag, LangSection)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// Written as a JSON object in tag order, as the file format has it.
impl Serialize for Terms {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::Form;

    fn section(f: &str) -> LangSection {
        LangSection {
            preferred: Form::try_from(f.to_string()).unwrap(),
            admitted: Box::default(),
            deprecated: Box::default(),
            note: None,
        }
    }

    #[test]
    fn sorted_by_tag_one_section_per_tag() {
        let tag = |t: &str| LangTag::parse(t).unwrap();
        let mut t: Terms = [("fr", "a"), ("de", "b"), ("en", "c")]
            .into_iter()
            .map(|(l, f)| (tag(l), section(f)))
            .collect();
        assert_eq!(
            t.keys().map(LangTag::as_str).collect::<Vec<_>>(),
            ["de", "en", "fr"]
        );
        assert_eq!(
            t.insert(tag("en"), section("d")).map(|s| s.preferred),
            Some(section("c").preferred)
        );
        assert_eq!(t.len(), 3);
        assert_eq!(t[&tag("en")].preferred.as_str(), "d");
        assert!(t.get(&tag("es")).is_none());
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            r#"{"de":{"preferred":"b"},"en":{"preferred":"d"},"fr":{"preferred":"a"}}"#
        );
    }
}
