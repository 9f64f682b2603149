//! Findings a desk has accepted, said where they are: comments in Markdown and HTML
//! (`<!-- concord-disable RULE… -->` … `<!-- concord-enable RULE… -->`, and
//! `<!-- concord-disable-next-line RULE… -->`), a note on an XLIFF or TMX unit, or a JSON Lines
//! field. Without a rule, a directive covers every rule.

use std::collections::BTreeMap;
use std::ops::Range;

use crate::finding::Finding;

/// What a directive does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Disable,
    Enable,
    DisableNextLine,
}

/// A directive read from a comment or note: the action and the rules (empty: all).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    pub action: Action,
    pub rules: Vec<String>,
}

/// A directive that names a rule no check reports (a typo would silently suppress nothing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownRule {
    /// Where the directive is, in the file.
    pub offset: usize,
    pub message: String,
}

/// Reads a comment's or note's text as a directive, if it is one. Rules are separated by
/// spaces or commas; text after `--` is a reason, for people.
pub fn directive(text: &str, rule_ids: &[&str]) -> Result<Option<Directive>, String> {
    let text = text.trim();
    let (word, rest) = text.split_once(char::is_whitespace).unwrap_or((text, ""));
    let action = match word {
        "concord-disable" => Action::Disable,
        "concord-enable" => Action::Enable,
        "concord-disable-next-line" => Action::DisableNextLine,
        _ => return Ok(None),
    };
    let rules_text = rest.split_once("--").map_or(rest, |(r, _)| r);
    let mut rules = Vec::new();
    for rule in rules_text
        .split([' ', ',', '\t', '\n'])
        .filter(|r| !r.is_empty())
    {
        if !rule_ids.contains(&rule) {
            return Err(format!(
                "{word}: unknown rule {rule:?} (known: {})",
                rule_ids.join(", ")
            ));
        }
        rules.push(rule.to_string());
    }
    Ok(Some(Directive { action, rules }))
}

/// The stretches of a file where rules are silenced.
#[derive(Debug, Clone, Default)]
pub struct Suppressions {
    /// (file byte range, rule; `None`: every rule).
    spans: Vec<(Range<usize>, Option<String>)>,
}

impl Suppressions {
    /// From the comments of a Markdown or HTML file: `(span of the comment, its text)`.
    pub fn from_comments(
        file_text: &str,
        comments: &[(Range<usize>, String)],
        rule_ids: &[&str],
    ) -> Result<Suppressions, UnknownRule> {
        let mut out = Suppressions::default();
        // Rule (None: all) → where its disabled stretch began.
        let mut open: BTreeMap<Option<String>, usize> = BTreeMap::new();
        for (span, text) in comments {
            let d = match directive(text, rule_ids) {
                Ok(Some(d)) => d,
                Ok(None) => continue,
                Err(message) => {
                    return Err(UnknownRule {
                        offset: span.start,
                        message,
                    });
                }
            };
            let rules: Vec<Option<String>> = if d.rules.is_empty() {
                vec![None]
            } else {
                d.rules.into_iter().map(Some).collect()
            };
            match d.action {
                Action::Disable => {
                    for r in rules {
                        open.entry(r).or_insert(span.end);
                    }
                }
                Action::Enable => {
                    let closing: Vec<Option<String>> = if rules == [None] {
                        open.keys().cloned().collect()
                    } else {
                        rules
                    };
                    for r in closing {
                        if let Some(start) = open.remove(&r) {
                            out.spans.push((start..span.start, r));
                        }
                    }
                }
                Action::DisableNextLine => {
                    let line = next_line(file_text, span.end);
                    for r in rules {
                        out.spans.push((line.clone(), r));
                    }
                }
            }
        }
        for (r, start) in open {
            out.spans.push((start..file_text.len(), r));
        }
        Ok(out)
    }

    /// Silences `rules` (empty: all) over a stretch of the file: a translation unit.
    pub fn add(&mut self, span: Range<usize>, rules: &[String]) {
        if rules.is_empty() {
            self.spans.push((span, None));
        } else {
            self.spans
                .extend(rules.iter().map(|r| (span.clone(), Some(r.clone()))));
        }
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Whether a finding (on this file) is silenced.
    pub fn covers(&self, f: &Finding) -> bool {
        self.spans.iter().any(|(span, rule)| {
            span.start <= f.byte_start
                && f.byte_start <= span.end
                && rule.as_deref().is_none_or(|r| r == f.rule)
        })
    }
}

/// The line after the one `offset` is on: its byte range.
fn next_line(text: &str, offset: usize) -> Range<usize> {
    let Some(nl) = text[offset.min(text.len())..].find('\n') else {
        return text.len()..text.len();
    };
    let start = offset + nl + 1;
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULES: &[&str] = &["name/glossary", "number/style", "term/glossary"];

    fn finding(rule: &'static str, at: usize) -> Finding {
        Finding {
            rule,
            severity: crate::finding::Severity::Error,
            path: "a.md".into(),
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 1,
            byte_start: at,
            byte_end: at + 1,
            text: String::new(),
            message: String::new(),
            suggestions: Vec::new(),
            related: Vec::new(),
            fix: None,
        }
    }

    fn comments(text: &str) -> Vec<(Range<usize>, String)> {
        let mut out = Vec::new();
        let mut from = 0;
        while let Some(s) = text[from..].find("<!--") {
            let start = from + s;
            let end = start + text[start..].find("-->").unwrap() + 3;
            out.push((start..end, text[start + 4..end - 3].to_string()));
            from = end;
        }
        out
    }

    #[test]
    fn directives_name_rules_or_all_of_them() {
        let d = directive(
            " concord-disable name/glossary, number/style -- quoted as said ",
            RULES,
        )
        .unwrap()
        .unwrap();
        assert_eq!(d.action, Action::Disable);
        assert_eq!(d.rules, ["name/glossary", "number/style"]);
        assert_eq!(
            directive("concord-enable", RULES)
                .unwrap()
                .unwrap()
                .rules
                .len(),
            0
        );
        assert_eq!(directive("a comment", RULES).unwrap(), None);
        assert!(
            directive("concord-disable name/glosary", RULES)
                .unwrap_err()
                .contains("unknown rule \"name/glosary\"")
        );
    }

    #[test]
    fn ranges_and_next_lines() {
        let text = "a Kiev\n<!-- concord-disable name/glossary -->\nb Kiev 12\n<!-- concord-enable name/glossary -->\nc Kiev\n<!-- concord-disable-next-line -->\nd Kiev 12\ne Kiev\n<!-- concord-disable -->\nf Kiev\n";
        let s = Suppressions::from_comments(text, &comments(text), RULES).unwrap();
        let at = |line: &str| text.find(line).unwrap() + 2;
        assert!(!s.covers(&finding("name/glossary", at("a Kiev"))));
        assert!(s.covers(&finding("name/glossary", at("b Kiev"))));
        assert!(
            !s.covers(&finding("number/style", at("b Kiev"))),
            "only the rule named"
        );
        assert!(!s.covers(&finding("name/glossary", at("c Kiev"))));
        assert!(
            s.covers(&finding("number/style", at("d Kiev"))),
            "every rule, next line"
        );
        assert!(
            !s.covers(&finding("name/glossary", at("e Kiev"))),
            "one line only"
        );
        assert!(
            s.covers(&finding("term/glossary", at("f Kiev"))),
            "to the end of the file"
        );
    }

    #[test]
    fn an_unknown_rule_is_reported_at_its_comment() {
        let text = "x\n<!-- concord-disable-next-line name/glosary -->\ny\n";
        let e = Suppressions::from_comments(text, &comments(text), RULES).unwrap_err();
        assert_eq!(e.offset, 2);
    }
}
