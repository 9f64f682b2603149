//! `name/glossary` and `term/glossary`: a deprecated glossary form in the document's language.

use super::{Check, Context, Example, Rule, q};
use crate::finding::{Finding, Fix, Severity};
use crate::glossary::Status;
use crate::normalize::folded;

pub struct GlossaryForms;

const RULES: &[Rule] = &[
    Rule {
        id: "name/glossary",
        severity: Severity::Error,
        summary: "a deprecated form of a person, place or organisation, with the preferred form",
        explanation: "A name a glossary lists as deprecated in the document's language: a \
            transliteration variant, a dropped or doubled letter, a missing hyphen, another \
            language's spelling. Only the forms of the document's own language are looked for, \
            so \"Kiev\" is reported in German but not in Spanish, where it is the usual form. \
            Matching ignores case (unless the entry says otherwise), possessives and the kind \
            of apostrophe. Write the preferred form; `--fix` does it when the text matches the \
            deprecated form exactly.",
        example: Example::text(
            "en",
            "US Secretary of State Anthony Blinken arrived in Baku on Monday.",
        ),
    },
    Rule {
        id: "term/glossary",
        severity: Severity::Error,
        summary: "a deprecated term (inflected forms too), with the preferred term",
        explanation: "A term a glossary lists as deprecated in the document's language, such \
            as a false friend left by a translation (\"sanitary crisis\" for \"health \
            crisis\"). Terms are matched on their Snowball stems, so plural and inflected forms \
            are found as well; `--fix` rewrites only a form written exactly as listed, since an \
            inflected one needs the preferred term inflected by a person.",
        example: Example::text(
            "en",
            "The minister called for a global political solution to the conflict.",
        ),
    },
];

impl Check for GlossaryForms {
    fn rules(&self) -> &'static [Rule] {
        RULES
    }

    fn run(&self, cx: &Context<'_>) -> Vec<Finding> {
        let mut out = Vec::new();
        for m in cx
            .matches
            .iter()
            .filter(|m| m.form.status == Status::Deprecated)
        {
            let entry = cx.glossaries.entry(m.form.glossary, m.form.entry);
            let Some(section) = entry.section(&cx.doc.lang) else {
                continue;
            };
            let text = &cx.doc.text[m.span.clone()];
            let rule = if entry.kind.is_name() {
                "name/glossary"
            } else {
                "term/glossary"
            };
            let preferred = match_case(text, section.preferred.as_str());
            let exact = folded(text) == folded(&m.form.form);
            let written_as = if exact {
                String::new()
            } else {
                format!(" (as {})", q(&m.form.form))
            };
            let message = format!(
                "{} is deprecated{}: use {} ({}: {})",
                q(text),
                written_as,
                q(&preferred),
                cx.glossaries.name(m.form.glossary),
                entry.id
            );
            let mut finding = cx.finding(
                rule,
                Severity::Error,
                m.span.clone(),
                message,
                vec![preferred.clone()],
            );
            // Only a form written exactly as deprecated is rewritten: an inflected match
            // ("global political solutions") would need the preferred form inflected too.
            if exact {
                finding.fix = Some(Fix {
                    byte_start: finding.byte_start,
                    byte_end: finding.byte_end,
                    replacement: preferred,
                });
            }
            out.push(finding);
        }
        out
    }
}

/// A lowercase preferred term opening a sentence is suggested with a capital, as written.
fn match_case(found: &str, preferred: &str) -> String {
    let found_upper = found.chars().next().is_some_and(crate::chars::is_uppercase);
    let mut chars = preferred.chars();
    match chars.next() {
        Some(c) if found_upper && c.is_lowercase() => c.to_uppercase().chain(chars).collect(),
        _ => preferred.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::match_case;

    #[test]
    fn capitalises_at_sentence_start_only() {
        assert_eq!(
            match_case("Sanitary crisis", "health crisis"),
            "Health crisis"
        );
        assert_eq!(
            match_case("sanitary crisis", "health crisis"),
            "health crisis"
        );
        assert_eq!(match_case("Kiev", "Kyiv"), "Kyiv");
    }
}
