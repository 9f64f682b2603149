//! The checks. Each lives in its own file and is registered in [`registry`]; a check reads a
//! [`Context`] (one document, its glossary matches) and returns findings.

mod align_uncertain;
mod glossary_forms;
mod lang_untranslated;
mod name_inconsistent;
mod name_mismatch;
mod number_format;
mod number_mismatch;
mod number_style;
mod quote_inconsistent;
mod rule;
mod term_inconsistent;
mod term_missing;
mod text_invisible;
mod text_mixed_script;

pub use number_style::SpellOut;
pub use rule::{Example, Rule};

use std::cell::OnceCell;
use std::ops::Range;

use crate::bilingual::{Pair, UnitPair, tokens_in};
use crate::document::Document;
use crate::finding::{Finding, Related, Severity};
use crate::glossary::{GlossarySet, Match};
use crate::lang::Detector;
use crate::numbers::{Quantity, quantities_in};
use crate::options::Options;

/// What a check sees of one document.
pub struct Context<'a> {
    pub doc: &'a Document,
    pub glossaries: &'a GlossarySet,
    /// Glossary forms found in the document, in text order, non-overlapping.
    pub matches: &'a [Match],
    pub options: &'a Options,
    /// In bilingual mode, the source the document translates: evidence for which of two
    /// spellings is right.
    pub source: Option<&'a Document>,
    /// The document's quantities, read once for the checks that need them.
    numbers: OnceCell<Vec<Quantity>>,
}

impl<'a> Context<'a> {
    pub fn new(
        doc: &'a Document,
        glossaries: &'a GlossarySet,
        matches: &'a [Match],
        options: &'a Options,
    ) -> Context<'a> {
        Context {
            doc,
            glossaries,
            matches,
            options,
            source: None,
            numbers: OnceCell::new(),
        }
    }

    /// The same context, with the source document the checked one translates.
    pub fn with_source(mut self, source: &'a Document) -> Context<'a> {
        self.source = Some(source);
        self
    }

    /// Every quantity in the document's prose, in text order.
    pub fn quantities(&self) -> &[Quantity] {
        self.numbers
            .get_or_init(|| quantities_in(&self.doc.prose, &self.doc.tokens, &self.doc.lang))
    }

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
        let (bytes, start, end) = doc.locate(span.clone());
        Finding {
            rule,
            severity,
            path: doc.path.clone(),
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            byte_start: bytes.start,
            byte_end: bytes.end,
            text: doc.text[span].to_string(),
            message,
            suggestions,
            related: Vec::new(),
            fix: None,
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
    /// The rules this check can report.
    fn rules(&self) -> &'static [Rule];
    fn run(&self, cx: &Context<'_>) -> Vec<Finding>;
}

/// Every check on one document, in the order they run.
pub fn registry() -> Vec<Box<dyn Check>> {
    vec![
        Box::new(glossary_forms::GlossaryForms),
        Box::new(name_inconsistent::NameInconsistent),
        Box::new(number_format::NumberFormat),
        Box::new(number_style::NumberStyle),
        Box::new(quote_inconsistent::QuoteInconsistent),
        Box::new(text_invisible::TextInvisible),
        Box::new(text_mixed_script::TextMixedScript),
    ]
}

/// What a check across languages sees: a translation, its source, their units and the
/// glossary forms found on each side. Findings are reported on the target.
pub struct PairContext<'a> {
    pub pair: &'a Pair,
    pub source_matches: &'a [Match],
    /// Reports on the target document, with its glossary matches.
    pub target: Context<'a>,
    /// Identifies the language of target paragraphs.
    pub detector: &'a Detector,
}

impl PairContext<'_> {
    /// The glossary matches inside a unit's source or target text.
    pub fn matches_in<'m>(matches: &'m [Match], range: &Range<usize>) -> &'m [Match] {
        starting_in(matches, range, |m| m.span.start)
    }

    /// The units the aligner trusts (all units of a container file).
    pub fn aligned_units(&self) -> impl Iterator<Item = &UnitPair> {
        self.pair
            .units
            .iter()
            .filter(|u| u.aligned && !u.target.is_empty() && !u.source.is_empty())
    }

    pub fn source_tokens(&self, unit: &UnitPair) -> Range<usize> {
        tokens_in(&self.pair.source, &unit.source)
    }

    pub fn target_tokens(&self, unit: &UnitPair) -> Range<usize> {
        tokens_in(&self.pair.target, &unit.target)
    }
}

pub trait PairCheck: Send + Sync {
    fn rules(&self) -> &'static [Rule];
    fn run(&self, cx: &PairContext<'_>) -> Vec<Finding>;
}

/// Every check across languages, in the order they run.
pub fn pair_registry() -> Vec<Box<dyn PairCheck>> {
    vec![
        Box::new(align_uncertain::AlignUncertain),
        Box::new(term_missing::TermMissing),
        Box::new(term_inconsistent::TermInconsistent),
        Box::new(name_mismatch::NameMismatch),
        Box::new(number_mismatch::NumberMismatch),
        Box::new(lang_untranslated::LangUntranslated),
    ]
}

/// Every rule some check can report, sorted by id.
pub fn rules() -> Vec<&'static Rule> {
    let mut rules: Vec<&'static Rule> = registry()
        .iter()
        .flat_map(|c| c.rules())
        .chain(pair_registry().iter().flat_map(|c| c.rules()))
        // Reported by the engine once every document has been read.
        .chain([&crate::corpus::RULE])
        .collect();
    rules.sort_unstable_by_key(|r| r.id);
    rules
}

/// The rule with this id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    rules().into_iter().find(|r| r.id == id)
}

/// Every rule id some check can report, sorted.
pub fn rule_ids() -> Vec<&'static str> {
    rules().iter().map(|r| r.id).collect()
}

/// The items of `items` (sorted by `start`) that start inside `range`: two binary searches, so
/// that a check visiting every unit of a long document stays linear.
pub(crate) fn starting_in<'i, T>(
    items: &'i [T],
    range: &Range<usize>,
    start: impl Fn(&T) -> usize,
) -> &'i [T] {
    let a = items.partition_point(|x| start(x) < range.start);
    let b = items.partition_point(|x| start(x) < range.end);
    &items[a..b.max(a)]
}

/// Quotes a form for a message, with typographic quotes.
pub(crate) fn q(s: &str) -> String {
    format!("“{s}”")
}
