//! `lang/untranslated`: a target paragraph written in the source language (or in any language
//! but the target's). Quotations and names are left out before identification, and short or
//! unreliably identified paragraphs are never reported.

use super::{Example, PairCheck, PairContext, Rule};
use crate::bilingual::quotes::quotations;
use crate::finding::{Finding, Severity};
use crate::markup::BLANK;

pub struct LangUntranslated;

/// A paragraph needs this many words of its own (quotations and names removed)…
const MIN_WORDS: usize = 12;
/// …and identification at least this confident.
const MIN_CONFIDENCE: f64 = 0.9;

const RULES: &[Rule] = &[Rule {
    id: "lang/untranslated",
    severity: Severity::Error,
    summary: "a paragraph of the translation written in the source (or another) language",
    explanation: "Bilingual: a paragraph of the translation that reads as the source language \
        (or any language but the target's): often a paragraph left untranslated. Quotations \
        and names are left out before the language is identified, and short or unreliably \
        identified paragraphs are never reported.",
    example: Example::pair(
        "es",
        "Fuera del recinto, varios cientos de manifestantes se concentraron durante la tarde \
         para reclamar más ayuda humanitaria y un alto el fuego inmediato.",
        "en",
        "Fuera del recinto, varios cientos de manifestantes se concentraron durante la tarde \
         para reclamar más ayuda humanitaria y un alto el fuego inmediato.",
    ),
}];

impl PairCheck for LangUntranslated {
    fn rules(&self) -> &'static [Rule] {
        RULES
    }

    fn run(&self, cx: &PairContext<'_>) -> Vec<Finding> {
        let doc = &cx.pair.target;
        let mut text = doc.prose.clone().into_bytes();
        // Blank quotations and names: a translator keeps those on purpose.
        for seg in &doc.segments {
            for r in quotations(&doc.text, seg.clone()) {
                text[r].fill(BLANK);
            }
        }
        for m in doc.mentions() {
            text[m.span.clone()].fill(BLANK);
        }
        let text = String::from_utf8_lossy(&text).into_owned();
        let mut out = Vec::new();
        for seg in &doc.segments {
            let own = &text[seg.clone()];
            let words = own
                .split_whitespace()
                .filter(|w| {
                    w.chars()
                        .filter(|c| crate::chars::is_alphabetic(*c))
                        .count()
                        >= 2
                })
                .count();
            if words < MIN_WORDS {
                continue;
            }
            let Some(found) = cx.detector.detect(own) else {
                continue;
            };
            if !found.reliable
                || found.confidence < MIN_CONFIDENCE
                || found.lang.primary() == doc.lang.primary()
            {
                continue;
            }
            // For an editor: "this paragraph is in Spanish, the source language, not English".
            let message = if found.lang.primary() == cx.pair.source.lang.primary() {
                format!(
                    "this paragraph is in {}, the source language, not {}: was it left untranslated?",
                    found.lang.name(),
                    doc.lang.name()
                )
            } else {
                format!(
                    "this paragraph is in {}, not {} like the rest of the translation",
                    found.lang.name(),
                    doc.lang.name()
                )
            };
            out.push(cx.target.finding(
                "lang/untranslated",
                Severity::Error,
                seg.clone(),
                message,
                Vec::new(),
            ));
        }
        out
    }
}
