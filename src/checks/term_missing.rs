//! `term/missing`: a glossary term in the source segment whose approved target-language forms
//! are absent from the aligned target segment.

use std::collections::HashSet;

use super::{PairCheck, PairContext, q};
use crate::finding::{Finding, Severity};
use crate::glossary::Kind;

pub struct TermMissing;

impl PairCheck for TermMissing {
    fn rules(&self) -> &'static [&'static str] {
        &["term/missing"]
    }

    fn run(&self, cx: &PairContext<'_>) -> Vec<Finding> {
        let glossaries = cx.target.glossaries;
        let target_lang = &cx.pair.target.lang;
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
