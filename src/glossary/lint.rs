//! `concord glossary lint`: everything that makes a glossary wrong or useless, with the file,
//! line and column of each problem. Structural errors stop the file; the rest are all found.

use std::collections::HashMap;
use std::path::Path;

use super::{GlossarySet, Matcher, Status, id_offset, parse_structure};
use crate::error::Error;
use crate::finding::{Finding, Severity};
use crate::lang::LangTag;
use crate::normalize::{folded, nfc};
use crate::text::LineIndex;
use crate::token::tokenize_str;

/// One glossary file's problems, and the glossary when it could be read.
struct File<'a> {
    path: &'a str,
    text: &'a str,
    lines: LineIndex,
}

impl File<'_> {
    fn finding(
        &self,
        rule: &'static str,
        severity: Severity,
        at: usize,
        len: usize,
        message: String,
    ) -> Finding {
        let start = self.lines.position(self.text, at);
        let end_at = (at + len).min(self.text.len());
        let end = self.lines.position(self.text, end_at);
        Finding {
            rule,
            severity,
            path: self.path.to_string(),
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            byte_start: at,
            byte_end: end_at,
            text: self.text[at..end_at].to_string(),
            message,
            suggestions: Vec::new(),
            related: Vec::new(),
            fix: None,
        }
    }

    /// Where a string value is written in an entry (searching from the entry's id).
    fn locate(&self, from: usize, value: &str) -> (usize, usize) {
        let quoted = serde_json::to_string(value).unwrap_or_default();
        match self.text[from..].find(&quoted) {
            Some(i) => (from + i + 1, quoted.len() - 2),
            None => (from, 0),
        }
    }
}

/// Every lint rule id.
pub const RULES: &[&str] = &[
    "glossary/conflict",
    "glossary/contradiction",
    "glossary/duplicate-id",
    "glossary/malformed",
    "glossary/never-fires",
    "glossary/not-nfc",
    "glossary/region",
    "glossary/whitespace",
];

/// Lints glossary files given as (path, text). Conflicts are looked for across all of them.
/// `regions` are the region subtags considered known (ISO 3166 codes).
pub fn lint(files: &[(String, String)], regions: &[String]) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut set = GlossarySet::default();
    let mut readable: Vec<(usize, File)> = Vec::new();
    for (path, text) in files {
        let file = File {
            path,
            text,
            lines: LineIndex::new(text),
        };
        match parse_structure(Path::new(path), text) {
            Ok(g) => {
                readable.push((set.glossaries.len(), file));
                set.push(path.clone(), g);
            }
            Err(Error::Glossary {
                message, position, ..
            }) => {
                let at = offset_of(text, position.line, position.column);
                out.push(file.finding("glossary/malformed", Severity::Error, at, 0, message));
            }
            Err(e) => {
                out.push(file.finding("glossary/malformed", Severity::Error, 0, 0, e.to_string()))
            }
        }
    }
    let set = std::sync::Arc::new(set);
    let mut matchers: HashMap<LangTag, Matcher> = HashMap::new();
    for (gi, file) in &readable {
        let glossary = &set.glossaries[*gi].1;
        let mut nth: HashMap<&str, usize> = HashMap::new();
        for (ei, entry) in glossary.entries.iter().enumerate() {
            let n = nth.entry(entry.id.as_str()).or_insert(0);
            let at = id_offset(file.text, &entry.id, *n);
            if *n > 0 {
                let message = format!(
                    "duplicate entry id {:?} (also entry {} of this file)",
                    entry.id,
                    first_index(glossary, &entry.id) + 1
                );
                out.push(file.finding(
                    "glossary/duplicate-id",
                    Severity::Error,
                    at,
                    entry.id.len() + 2,
                    message,
                ));
            }
            *n += 1;
            for (lang, section) in &entry.terms {
                if let Some(region) = lang.as_str().split('-').skip(1).find(|s| s.len() == 2)
                    && !regions.iter().any(|r| r == region)
                {
                    let (p, l) = file.locate(at, lang.as_str());
                    let message = format!("{region:?} in {lang} is not an ISO 3166 region");
                    out.push(file.finding("glossary/region", Severity::Warning, p, l, message));
                }
                let approved: Vec<(&str, Status)> =
                    std::iter::once((section.preferred.as_str(), Status::Preferred))
                        .chain(
                            section
                                .admitted
                                .iter()
                                .map(|f| (f.as_str(), Status::Admitted)),
                        )
                        .collect();
                let all = approved.iter().copied().chain(
                    section
                        .deprecated
                        .iter()
                        .map(|f| (f.as_str(), Status::Deprecated)),
                );
                for (form, _) in all {
                    let (p, l) = file.locate(at, form);
                    if form != nfc(form) {
                        out.push(file.finding(
                            "glossary/not-nfc",
                            Severity::Error,
                            p,
                            l,
                            format!("{form:?} is not in Unicode NFC: write {:?}", nfc(form)),
                        ));
                    }
                    if form != form.trim() || form.contains("  ") {
                        out.push(file.finding(
                            "glossary/whitespace",
                            Severity::Error,
                            p,
                            l,
                            format!("{form:?} has stray whitespace"),
                        ));
                    }
                }
                let matcher = matchers
                    .entry(lang.clone())
                    .or_insert_with(|| Matcher::compile(set.clone(), lang));
                for d in &section.deprecated {
                    let (p, l) = file.locate(at, d.as_str());
                    if let Some(why) = unmatchable(d.as_str()) {
                        let message = format!(
                            "the deprecated form {:?} can never match: {why}",
                            d.as_str()
                        );
                        out.push(file.finding(
                            "glossary/never-fires",
                            Severity::Error,
                            p,
                            l,
                            message,
                        ));
                        continue;
                    }
                    if let Some(same) = approved
                        .iter()
                        .find(|(f, _)| folded(f) == folded(d.as_str()))
                    {
                        let message = format!(
                            "{:?} is both deprecated and {} in {lang}",
                            d.as_str(),
                            status_name(same.1)
                        );
                        out.push(file.finding(
                            "glossary/contradiction",
                            Severity::Error,
                            p,
                            l,
                            message,
                        ));
                        continue;
                    }
                    let toks = tokenize_str(d.as_str());
                    let found = matcher.find(d.as_str(), &toks);
                    let Some(m) = found.first() else { continue };
                    if m.form.status == Status::Deprecated {
                        continue;
                    }
                    let (og, oe) = (m.form.glossary, m.form.entry);
                    if (og, oe) == (*gi, ei) {
                        let message = format!(
                            "the deprecated form {:?} can never fire: it matches the {} form {:?} (after case folding, normalisation or stemming)",
                            d.as_str(),
                            status_name(m.form.status),
                            m.form.form
                        );
                        out.push(file.finding(
                            "glossary/never-fires",
                            Severity::Error,
                            p,
                            l,
                            message,
                        ));
                    } else {
                        let other = set.entry(og, oe);
                        let message = format!(
                            "the deprecated form {:?} is the {} form of entry {:?} ({}) in {lang}",
                            d.as_str(),
                            status_name(m.form.status),
                            other.id,
                            set.glossaries[og].0
                        );
                        out.push(file.finding("glossary/conflict", Severity::Error, p, l, message));
                    }
                }
            }
        }
    }
    crate::finding::sort(&mut out);
    out
}

/// Why a form can never be found in a text as written: no word in it, an invisible character
/// (text is matched without them), or a possessive ending standing alone.
fn unmatchable(form: &str) -> Option<String> {
    if let Some(c) = form.chars().find(|&c| crate::normalize::is_invisible(c)) {
        return Some(format!(
            "it holds the invisible character U+{:04X}; write the form without it",
            c as u32
        ));
    }
    if tokenize_str(form).is_empty() {
        return Some("it has no letters or digits".to_string());
    }
    if form
        .trim_start()
        .starts_with(crate::normalize::is_apostrophe)
    {
        return Some(
            "it starts with an apostrophe: a bare possessive or elision is never a word of its own"
                .to_string(),
        );
    }
    None
}

fn status_name(s: Status) -> &'static str {
    match s {
        Status::Preferred => "preferred",
        Status::Admitted => "admitted",
        Status::Deprecated => "deprecated",
    }
}

fn first_index(g: &super::Glossary, id: &str) -> usize {
    g.entries.iter().position(|e| e.id == id).unwrap_or(0)
}

/// The byte offset of a 1-based line and character column.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let rest = &text[start.min(text.len())..];
    start
        + rest
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(rest.len(), |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(json: &str) -> Vec<(String, usize)> {
        lint(
            &[("g.json".to_string(), json.to_string())],
            &["BR".to_string()],
        )
        .into_iter()
        .map(|f| (f.rule.to_string(), f.line))
        .collect()
    }

    #[test]
    fn finds_each_problem_with_its_line() {
        let json = r#"{"format": "concord-glossary/1", "name": "t", "entries": [
{"id": "a", "kind": "place", "terms": {"en": {"preferred": "Kyiv", "deprecated": ["Kiev", "kyiv"]}}},
{"id": "a", "kind": "place", "terms": {"pt-XX": {"preferred": " Lisboa"}}},
{"id": "b", "kind": "term", "terms": {"en": {"preferred": "political solution", "deprecated": ["political solutions"]}}},
{"id": "c", "kind": "place", "terms": {"en": {"preferred": "Kiev City", "admitted": ["Kiev"]}}}
]}"#;
        assert_eq!(
            rules(json),
            [
                ("glossary/conflict".to_string(), 2),
                ("glossary/contradiction".to_string(), 2),
                ("glossary/duplicate-id".to_string(), 3),
                ("glossary/region".to_string(), 3),
                ("glossary/whitespace".to_string(), 3),
                ("glossary/never-fires".to_string(), 4),
            ]
        );
    }

    #[test]
    fn malformed_json_has_a_position() {
        let found = lint(
            &[(
                "g.json".to_string(),
                "{\"format\": \"concord-glossary/1\",\n \"name\" \"x\"}".to_string(),
            )],
            &[],
        );
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].rule, found[0].line), ("glossary/malformed", 2));
    }
}
