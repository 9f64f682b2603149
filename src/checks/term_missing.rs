//! `term/missing`: a glossary term in the source segment whose approved target-language forms
//! are absent from the aligned target segment.

use std::collections::HashSet;

use super::{Example, PairCheck, PairContext, Rule, q};
use crate::document::Document;
use crate::finding::{Finding, Severity};
use crate::glossary::Kind;
use crate::token::tokenize_str;

/// Words a translation may put inside a term ("ministre nord-coréen des Affaires étrangères").
const MAX_INSERTED: usize = 2;

/// Whether `form` appears in `range` of the document with its words in order, compared on
/// stems, and at most [`MAX_INSERTED`] other words between two of them.
fn loosely_present(
    doc: &Document,
    range: &std::ops::Range<usize>,
    form: &str,
    stemmer: Option<&rust_stemmers::Stemmer>,
) -> bool {
    let stem = |w: &str| stemmer.map_or_else(|| w.to_string(), |s| s.stem(w).into_owned());
    let f = tokenize_str(form);
    let want: Vec<String> = (0..f.len()).map(|i| stem(f.key(i))).collect();
    let have: Vec<String> = crate::bilingual::tokens_in(doc, range)
        .map(|i| stem(doc.tokens.key(i)))
        .collect();
    let Some(first) = want.first() else {
        return false;
    };
    (0..have.len()).filter(|&s| &have[s] == first).any(|start| {
        let mut at = start;
        want[1..].iter().all(|w| {
            let end = (at + 2 + MAX_INSERTED).min(have.len());
            match (at + 1..end).find(|&j| &have[j] == w) {
                Some(j) => {
                    at = j;
                    true
                }
                None => false,
            }
        })
    })
}

pub struct TermMissing;

const RULES: &[Rule] = &[Rule {
    id: "term/missing",
    severity: Severity::Error,
    summary: "a glossary term in the source whose approved translation is absent from the target",
    explanation: "Bilingual: a glossary term found in a source segment (on its stems) whose \
        approved forms in the target language appear nowhere in the aligned target segment. \
        The translator may have paraphrased it or used an unapproved term; use one of the \
        glossary's forms, or add the rendering to the glossary as admitted if it is right.",
    example: Example::pair(
        "es",
        "La cumbre terminó con un compromiso sobre la seguridad energética del continente.",
        "en",
        "The summit ended with a pledge to keep the lights on across the continent.",
    ),
}];

impl PairCheck for TermMissing {
    fn rules(&self) -> &'static [Rule] {
        RULES
    }

    fn run(&self, cx: &PairContext<'_>) -> Vec<Finding> {
        let glossaries = cx.target.glossaries;
        let target_lang = &cx.pair.target.lang;
        let stemmer = crate::stem::stemmer(target_lang);
        let mut out = Vec::new();
        for unit in cx.aligned_units() {
            let source = PairContext::matches_in(cx.source_matches, &unit.source);
            let target = PairContext::matches_in(cx.target.matches, &unit.target);
            let mut seen = HashSet::new();
            for m in source {
                let key = (m.form.glossary, m.form.entry);
                let entry = glossaries.entry(key.0, key.1);
                if entry.kind != Kind::Term || !seen.insert(key) {
                    continue;
                }
                let Some(section) = entry.section(target_lang) else {
                    continue;
                };
                // Present in any form; a deprecated one is term/glossary's to report.
                if target
                    .iter()
                    .any(|t| (t.form.glossary, t.form.entry) == key)
                {
                    continue;
                }
                let mut expected: Vec<String> = vec![section.preferred.to_string()];
                expected.extend(section.admitted.iter().map(|f| f.to_string()));
                if expected
                    .iter()
                    .any(|f| loosely_present(&cx.pair.target, &unit.target, f, stemmer.as_ref()))
                {
                    continue;
                }
                let listed: Vec<String> = expected.iter().map(|e| q(e)).collect();
                let message = format!(
                    "the source term {} is not rendered with the glossary's {} term: expected {} ({}: {})",
                    q(&cx.pair.source.text[m.span.clone()]),
                    target_lang,
                    listed.join(" or "),
                    glossaries.name(key.0),
                    entry.id
                );
                out.push(cx.target.finding(
                    "term/missing",
                    Severity::Error,
                    unit.target.clone(),
                    message,
                    expected,
                ));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::LangSource;
    use crate::markup::Format;
    use crate::text::Encoding;

    fn present(lang: &str, text: &str, form: &str) -> bool {
        let tag: crate::lang::LangTag = lang.parse().unwrap();
        let stemmer = crate::stem::stemmer(&tag);
        let doc = Document::new("t", text.to_string(), Encoding::Utf8, Format::Plain, |_| {
            (tag, LangSource::Given)
        });
        loosely_present(&doc, &(0..text.len()), form, stemmer.as_ref())
    }

    #[test]
    fn terms_may_take_an_adjective_or_an_inflection() {
        assert!(present(
            "fr",
            "le ministre nord-coréen des Affaires étrangères a dit",
            "ministre des Affaires étrangères"
        ));
        assert!(present("en", "the health crisis deepened", "health crisis"));
        assert!(present("es", "las crisis sanitarias", "crisis sanitaria"));
        assert!(!present(
            "fr",
            "le ministre de l'Intérieur et des Affaires sociales",
            "ministre des Affaires étrangères"
        ));
        assert!(!present(
            "fr",
            "les affaires étrangères du ministre",
            "ministre des Affaires étrangères"
        ));
    }
}
