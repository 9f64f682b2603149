//! `align/uncertain`: paragraphs of a translation that could not be matched with their source
//! with confidence. Cross-language checks skip them rather than guess.

use super::{Example, PairCheck, PairContext, Rule};
use crate::finding::{Finding, Severity};

pub struct AlignUncertain;

/// Above this share of doubtful groups the whole translation is reported once.
const MOSTLY_UNALIGNED: f64 = 0.5;

const RULES: &[Rule] = &[Rule {
    id: "align/uncertain",
    severity: Severity::Warning,
    summary: "paragraphs that could not be aligned with the source with confidence",
    explanation: "Bilingual: paragraphs of a translated article that the aligner could not \
        match with source paragraphs with confidence (Gale and Church's length model, helped \
        by numbers and names). The checks across languages leave them alone rather than guess, \
        so look at them yourself: a paragraph added, dropped or moved.",
    example: Example::pair(
        "es",
        "El Gobierno aprobó el martes el presupuesto.\n\n\
         La oposición votó en contra.",
        "en",
        "Heavy rain flooded dozens of streets in the north of the city overnight, cutting power \
         to thousands of homes and forcing the closure of several schools, a hospital wing and \
         two metro lines until the water could be pumped away by the fire brigade.",
    ),
}];

impl PairCheck for AlignUncertain {
    fn rules(&self) -> &'static [Rule] {
        RULES
    }

    fn run(&self, cx: &PairContext<'_>) -> Vec<Finding> {
        let units = &cx.pair.units;
        let doubtful: Vec<_> = units.iter().filter(|u| !u.aligned).collect();
        if doubtful.is_empty() {
            return Vec::new();
        }
        let source = &cx.pair.source;
        let target = &cx.pair.target;
        if doubtful.len() as f64 > MOSTLY_UNALIGNED * units.len() as f64 {
            let first = target.segments.first().cloned().unwrap_or(0..0);
            let message = format!(
                "most of this translation could not be matched paragraph by paragraph with its source {} ({} of {} paragraph groups); its names, terms and numbers were not compared with the source",
                source.path,
                doubtful.len(),
                units.len()
            );
            return vec![cx.target.finding(
                "align/uncertain",
                Severity::Warning,
                first,
                message,
                Vec::new(),
            )];
        }
        doubtful
            .into_iter()
            .map(|u| {
                let src_line = source.position(u.source.start).line;
                let message = if u.target.is_empty() {
                    format!("the source paragraph at {}:{src_line} seems to have no translation here", source.path)
                } else if u.source.is_empty() {
                    "this paragraph has no counterpart in the source: was it added?".to_string()
                } else {
                    format!("this paragraph could not be matched with confidence to the source paragraph at {}:{src_line}, so it was not compared with it", source.path)
                };
                cx.target.finding("align/uncertain", Severity::Warning, u.target.clone(), message, Vec::new())
            })
            .collect()
    }
}
