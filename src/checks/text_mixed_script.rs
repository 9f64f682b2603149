//! `text/mixed-script`: a word that mixes Latin, Cyrillic and Greek letters that look alike
//! ("Kiеv" with a Cyrillic "е"). Readers cannot see it, searches miss it, and a spelling
//! checker passes it; concord matches the word as its main script spells it and reports it.

use super::{Check, Context, Example, Rule, q};
use crate::finding::{Finding, Severity};
use crate::normalize::homoglyphs;

pub struct TextMixedScript;

const RULES: &[Rule] = &[Rule {
    id: "text/mixed-script",
    severity: Severity::Warning,
    summary: "a word mixing Latin, Cyrillic and Greek look-alike letters, with the word retyped",
    explanation: "A word written mostly in one of Latin, Cyrillic and Greek with letters of \
        another that look the same (\"Kiеv\" with a Cyrillic \"е\"), found with Unicode's \
        confusables data (UTS #39). Readers cannot see it and searches miss it; glossary rules \
        match the word as its main script spells it. The message names each foreign letter and \
        gives the word retyped in its main script. Words that mix scripts with letters that do \
        not look alike are left alone.",
    example: Example::text("en", "The delegation met the minister on M\u{43E}nday."),
}];

impl Check for TextMixedScript {
    fn rules(&self) -> &'static [Rule] {
        RULES
    }

    fn run(&self, cx: &Context<'_>) -> Vec<Finding> {
        let doc = cx.doc;
        let mut out = Vec::new();
        // The tokenizer has read every word's scripts already.
        for t in doc.tokens.list.iter().filter(|t| t.lookalikes) {
            let word = &doc.text[t.span()];
            let Some(h) = homoglyphs(word) else { continue };
            let letters: Vec<String> = h
                .replaced
                .iter()
                .map(|&(_, c, script)| format!("{} “{c}” (U+{:04X})", script.name(), c as u32))
                .collect();
            let message = format!(
                "{} mixes scripts: {} among {} letters; write {}",
                q(word),
                letters.join(", "),
                h.main.name(),
                q(&h.repaired)
            );
            out.push(cx.finding(
                "text/mixed-script",
                Severity::Warning,
                t.span(),
                message,
                vec![h.repaired],
            ));
        }
        out
    }
}
