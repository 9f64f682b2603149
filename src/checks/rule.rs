//! What a rule is, as data: each check declares its rules beside its code, and `concord rules`,
//! `concord explain`, option and config validation, SARIF and the HTML report all read them.

use serde::Serialize;

use crate::finding::Severity;

/// One rule a check can report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Rule {
    /// `area/what`, as findings carry it.
    pub id: &'static str,
    /// The severity its findings have unless configured otherwise.
    pub severity: Severity,
    /// One line: what it reports.
    pub summary: &'static str,
    /// One paragraph: what it looks for, when it stays quiet, what to do about a finding.
    pub explanation: &'static str,
    /// A text it reports (kept true by a test that checks it).
    pub example: Example,
}

/// A small input that makes a rule fire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Example {
    /// The language of `text`.
    pub lang: &'static str,
    /// The document checked (the translation, for a rule across languages). Paragraphs are
    /// separated by blank lines.
    pub text: &'static str,
    /// For a rule across languages: the source's language and text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<(&'static str, &'static str)>,
    /// For a rule across documents: the other documents of the run, in the same language.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub others: &'static [&'static str],
}

impl Example {
    /// A single document in `lang`.
    pub const fn text(lang: &'static str, text: &'static str) -> Example {
        Example {
            lang,
            text,
            source: None,
            others: &[],
        }
    }

    /// A translation into `lang` of `source` (in `source_lang`).
    pub const fn pair(
        source_lang: &'static str,
        source: &'static str,
        lang: &'static str,
        text: &'static str,
    ) -> Example {
        Example {
            lang,
            text,
            source: Some((source_lang, source)),
            others: &[],
        }
    }
}

impl Rule {
    /// The explanation and the example as one text, for help pages (SARIF `help`).
    pub fn help_text(&self) -> String {
        format!("{}\n\n{}", self.explanation, self.example_text())
    }

    /// The example as text: its languages, then each document indented.
    pub fn example_text(&self) -> String {
        let mut out = String::from("Example");
        match self.example.source {
            Some((lang, source)) => {
                out.push_str(&format!(" (source, {lang}):\n\n{}\n\n", indent(source)));
                out.push_str(&format!("translation ({}):\n\n", self.example.lang));
            }
            None => out.push_str(&format!(" ({}):\n\n", self.example.lang)),
        }
        out.push_str(&indent(self.example.text));
        for other in self.example.others {
            out.push_str(&format!("\n\nanother document:\n\n{}", indent(other)));
        }
        out
    }
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| {
            if l.is_empty() {
                String::new()
            } else {
                format!("    {l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn help_text_indents_the_example_and_names_its_languages() {
        let rule = Rule {
            id: "x/y",
            severity: Severity::Info,
            summary: "s",
            explanation: "Why.",
            example: Example::pair("es", "Uno.\n\nDos.", "en", "One."),
        };
        assert_eq!(
            rule.help_text(),
            "Why.\n\nExample (source, es):\n\n    Uno.\n\n    Dos.\n\ntranslation (en):\n\n    One."
        );
    }
}
