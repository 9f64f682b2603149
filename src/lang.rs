//! Language tags (the BCP 47 subset documents and glossaries use), language from file names and
//! language identification with whatlang.

use std::fmt;

use crate::error::Error;

/// A BCP 47 language tag such as `en`, `pt-BR` or `sr-Latn`, stored in canonical case. Shared,
/// not copied: a glossary's hundreds of thousands of sections name a handful of tags.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LangTag(std::sync::Arc<str>);

impl LangTag {
    /// Parses a tag: a primary language subtag that ISO 639 knows (2 or 3 letters), then
    /// optional script (4 letters), region (2 letters or 3 digits) and variant subtags.
    pub fn parse(tag: &str) -> Result<LangTag, Error> {
        let err = |reason: &str| Error::LanguageTag {
            tag: tag.to_string(),
            reason: reason.to_string(),
        };
        let mut parts = tag.split(['-', '_']);
        let primary = parts.next().unwrap_or_default().to_ascii_lowercase();
        let known = match primary.len() {
            2 => isolang::Language::from_639_1(&primary).is_some(),
            3 => isolang::Language::from_639_3(&primary).is_some(),
            _ => false,
        };
        if !known {
            return Err(err("the primary subtag is not an ISO 639 language code"));
        }
        let mut out = primary;
        for part in parts {
            let canonical = match part.len() {
                4 if part.chars().all(|c| c.is_ascii_alphabetic()) => {
                    let mut s = part.to_ascii_lowercase();
                    s[..1].make_ascii_uppercase();
                    s
                }
                2 if part.chars().all(|c| c.is_ascii_alphabetic()) => part.to_ascii_uppercase(),
                3 if part.chars().all(|c| c.is_ascii_digit()) => part.to_string(),
                5..=8 if part.chars().all(|c| c.is_ascii_alphanumeric()) => {
                    part.to_ascii_lowercase()
                }
                _ => {
                    return Err(err(
                        "expected script, region or variant subtags after the language",
                    ));
                }
            };
            out.push('-');
            out.push_str(&canonical);
        }
        Ok(LangTag(out.into()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The primary language subtag: `pt` for `pt-BR`.
    pub fn primary(&self) -> &str {
        // Asked several times of every word by the number readers: a byte loop over a tag of
        // a few letters, not a string searcher.
        let end = self
            .0
            .bytes()
            .position(|b| b == b'-')
            .unwrap_or(self.0.len());
        &self.0[..end]
    }

    /// The region subtag, if any: `BR` for `pt-BR`, `419` for `es-419`.
    pub fn region(&self) -> Option<&str> {
        self.0.split('-').skip(1).find(|p| {
            (p.len() == 2 && p.chars().all(|c| c.is_ascii_uppercase()))
                || (p.len() == 3 && p.chars().all(|c| c.is_ascii_digit()))
        })
    }

    /// This tag and its less specific fallbacks, most specific first: `sr-Latn-RS`, `sr-Latn`, `sr`.
    pub fn fallbacks(&self) -> impl Iterator<Item = &str> {
        let s: &str = &self.0;
        let mut end = Some(s.len());
        std::iter::from_fn(move || {
            let e = end?;
            let item = &s[..e];
            end = item.rfind('-');
            Some(item)
        })
    }

    /// The language's English name for messages ("Spanish" for `es-MX`), else the tag.
    pub fn name(&self) -> String {
        let p = self.primary();
        let lang = if p.len() == 2 {
            isolang::Language::from_639_1(p)
        } else {
            isolang::Language::from_639_3(p)
        };
        // ISO 639 names some languages with a qualifier ("Spanish; Castilian").
        lang.map_or_else(
            || self.0.to_string(),
            |l| {
                l.to_name()
                    .split([';', '('])
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_string()
            },
        )
    }

    /// The ISO 639-3 code whatlang uses, when the language has one.
    fn iso639_3(&self) -> Option<&'static str> {
        let p = self.primary();
        let lang = if p.len() == 2 {
            isolang::Language::from_639_1(p)
        } else {
            isolang::Language::from_639_3(p)
        }?;
        Some(lang.to_639_3())
    }

    fn from_whatlang(lang: whatlang::Lang) -> LangTag {
        // whatlang names two languages by their individual ISO 639-3 code; documents and
        // glossaries tag them with their macrolanguage's two-letter code.
        let code = match lang.code() {
            "cmn" => "zho",
            "pes" => "fas",
            code => code,
        };
        let short = isolang::Language::from_639_3(code).and_then(|l| l.to_639_1());
        LangTag(short.unwrap_or(code).into())
    }
}

impl fmt::Display for LangTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::str::FromStr for LangTag {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        LangTag::parse(s)
    }
}

/// The language a file name declares, as in `story.es.txt` or `story.pt-BR.md`.
pub fn from_file_name(name: &str) -> Option<LangTag> {
    let mut parts = name.rsplit('.');
    parts.next()?; // the extension
    let candidate = parts.next()?;
    // The stem itself ("es.txt") is a name, not a language declaration.
    parts.next()?;
    if candidate.len() < 2 || candidate.len() > 11 {
        return None;
    }
    LangTag::parse(candidate).ok()
}

/// Outcome of language identification on a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Detection {
    pub lang: LangTag,
    pub confidence: f64,
    pub reliable: bool,
}

/// Identifies languages with whatlang, restricted to a set of candidate languages.
pub struct Detector {
    inner: Option<whatlang::Detector>,
}

/// Texts longer than this are identified on their first bytes only: a news article settles its
/// language well before that, and whatlang's cost grows with the text.
const DETECTION_SAMPLE: usize = 16 * 1024;

impl Detector {
    /// A detector that only answers with one of `candidates` (those whatlang knows).
    pub fn new(candidates: &[LangTag]) -> Detector {
        let mut allow: Vec<whatlang::Lang> = candidates
            .iter()
            .filter_map(|t| t.iso639_3().and_then(whatlang::Lang::from_code))
            .collect();
        allow.sort_by_key(|l| l.code());
        allow.dedup();
        let inner = (!allow.is_empty()).then(|| whatlang::Detector::with_allowlist(allow));
        Detector { inner }
    }

    /// A detector that answers with any language whatlang knows.
    pub fn any() -> Detector {
        Detector {
            inner: Some(whatlang::Detector::new()),
        }
    }

    pub fn detect(&self, text: &str) -> Option<Detection> {
        let inner = self.inner.as_ref()?;
        let mut end = text.len().min(DETECTION_SAMPLE);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let info = inner.detect(&text[..end])?;
        Some(Detection {
            lang: LangTag::from_whatlang(info.lang()),
            confidence: info.confidence(),
            reliable: info.is_reliable(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_canonicalises_tags() {
        assert_eq!(LangTag::parse("pt-br").unwrap().as_str(), "pt-BR");
        assert_eq!(LangTag::parse("SR_latn").unwrap().as_str(), "sr-Latn");
        assert_eq!(LangTag::parse("es-419").unwrap().as_str(), "es-419");
        assert!(LangTag::parse("xx").is_err());
        assert!(LangTag::parse("english").is_err());
        assert!(LangTag::parse("en-").is_err());
    }

    #[test]
    fn languages_have_names_for_messages() {
        let name = |t: &str| LangTag::parse(t).unwrap().name();
        assert_eq!(name("es-MX"), "Spanish");
        assert_eq!(name("nl"), "Dutch");
        assert_eq!(name("en"), "English");
        assert_eq!(name("el"), "Modern Greek");
    }

    #[test]
    fn fallbacks_go_from_specific_to_general() {
        let t = LangTag::parse("sr-Latn-RS").unwrap();
        assert_eq!(
            t.fallbacks().collect::<Vec<_>>(),
            ["sr-Latn-RS", "sr-Latn", "sr"]
        );
    }

    #[test]
    fn language_from_file_name() {
        let l = |n| from_file_name(n).map(|t| t.to_string());
        assert_eq!(l("story.es.txt").as_deref(), Some("es"));
        assert_eq!(l("story.pt-BR.md").as_deref(), Some("pt-BR"));
        assert_eq!(l("es.txt"), None);
        assert_eq!(l("story.txt"), None);
        assert_eq!(l("v1.2.txt"), None);
        assert_eq!(l("notes.draft.txt"), None);
    }

    #[test]
    fn detection_is_restricted_to_candidates() {
        let candidates: Vec<LangTag> = ["en", "es", "ru"]
            .iter()
            .map(|t| t.parse().unwrap())
            .collect();
        let d = Detector::new(&candidates);
        let text = "El ministro de Asuntos Exteriores viajó ayer a la capital para reunirse con \
                    sus homólogos europeos y discutir la situación de los refugiados.";
        let det = d.detect(text).unwrap();
        assert_eq!(det.lang.as_str(), "es");
        assert!(det.reliable);
    }

    #[test]
    fn identified_languages_carry_the_tags_documents_use() {
        let d = Detector::any();
        let zh = d.detect("新华社北京电 国务院总理今天在人民大会堂会见了来访的外国客人，双方就经济合作交换了意见。").unwrap();
        assert_eq!(zh.lang.as_str(), "zh");
        let fa = d.detect("وزیر امور خارجه روز گذشته برای دیدار با همتایان اروپایی خود به پایتخت سفر کرد و درباره وضعیت پناهندگان گفتگو کرد.").unwrap();
        assert_eq!(fa.lang.as_str(), "fa");
    }
}
