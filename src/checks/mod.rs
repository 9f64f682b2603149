//! The checks. Each lives in its own file and is registered in [`registry`]; a check reads a
//! [`Context`] (one document, its glossary matches) and returns findings.

mod glossary_forms;
mod name_inconsistent;

use std::ops::Range;

use crate::document::Document;
use crate::finding::{Finding, Related, Severity};
use crate::glossary::{GlossarySet, Match};

/// What a check sees of one document.
pub struct Context<'a> {
    pub doc: &'a Document,
    pub glossaries: &'a GlossarySet,
    /// Glossary forms found in the document, in text order, non-overlapping.
    pub matches: &'a [Match],
}

impl Context<'_> {
    /// A finding on `span` of this document.
    pub fn finding(
        &self,
        rule: &'static str,
        severity: Severity,
        span: Range<usize>,
        message: String,
        suggestions: Vec<String>,
    ) -> Finding {
        let doc = self.doc;
        let start = doc.position(span.start);
        let end = doc.position(span.end);
        Finding {
            rule,
            severity,
            path: doc.path.clone(),
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            byte_start: span.start,
            byte_end: span.end,
            text: doc.text[span].to_string(),
            message,
            suggestions,
            related: Vec::new(),
        }
    }

    /// A pointer to another place in this document.
    pub fn related(&self, span: Range<usize>) -> Related {
        let p = self.doc.position(span.start);
        Related {
            path: self.doc.path.clone(),
            line: p.line,
            column: p.column,
            text: self.doc.text[span].to_string(),
        }
    }
}

pub trait Check: Send + Sync {
    /// The rule ids this check can report.
    fn rules(&self) -> &'static [&'static str];
    fn run(&self, cx: &Context<'_>) -> Vec<Finding>;
}

/// Every check, in the order they run.
pub fn registry() -> Vec<Box<dyn Check>> {
    vec![
        Box::new(glossary_forms::GlossaryForms),
        Box::new(name_inconsistent::NameInconsistent),
    ]
}

/// Every rule id some check can report, sorted.
pub fn rule_ids() -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = registry()
        .iter()
        .flat_map(|c| c.rules().iter().copied())
        .collect();
    ids.sort_unstable();
    ids
}

/// Quotes a form for a message, with typographic quotes.
pub(crate) fn q(s: &str) -> String {
    format!("“{s}”")
}
