//! A baseline: the findings a desk has accepted, so that a run over an archive shows only new
//! ones. Each finding is keyed by a fingerprint of its rule, its text and a few words around
//! it — never its line or column — so edits elsewhere in the file leave it recognised, and a
//! change to the text itself makes it fire again.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Position};
use crate::finding::Finding;

/// The format name written in every baseline file.
pub const FORMAT: &str = "concord-baseline/1";

/// Words of context taken on each side of a finding (within its line).
const CONTEXT_WORDS: usize = 3;

/// One accepted finding. `text` and `line` are for people reading the file; matching uses
/// the path and the fingerprint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub rule: String,
    pub path: String,
    pub text: String,
    pub line: usize,
    pub fingerprint: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    format: String,
    findings: Vec<Entry>,
}

/// A loaded baseline, ready to filter a run's findings.
#[derive(Debug)]
pub struct Baseline {
    /// Where the file is: paths in it are relative to its folder.
    dir: PathBuf,
    /// (path, fingerprint) → how many such findings are accepted.
    counts: HashMap<(String, String), usize>,
}

impl Baseline {
    pub fn load(path: &Path) -> Result<Baseline, Error> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let file: File = serde_json::from_str(&text).map_err(|e| Error::Baseline {
            path: path.to_path_buf(),
            position: Position {
                line: e.line(),
                column: e.column(),
            },
            message: e
                .to_string()
                .split(" at line ")
                .next()
                .unwrap_or("")
                .to_string(),
        })?;
        if file.format != FORMAT {
            return Err(Error::Baseline {
                path: path.to_path_buf(),
                position: Position { line: 1, column: 1 },
                message: format!("format is {:?}, expected {FORMAT:?}", file.format),
            });
        }
        let mut counts = HashMap::new();
        for e in file.findings {
            *counts.entry((e.path, e.fingerprint)).or_insert(0) += 1;
        }
        Ok(Baseline {
            dir: folder(path),
            counts,
        })
    }

    /// Removes the accepted findings (as many of each as the baseline holds, the first in
    /// report order); `text_of` gives a file's text. Returns how many were removed.
    pub fn filter(
        &self,
        findings: &mut Vec<Finding>,
        text_of: &mut dyn FnMut(&str) -> Option<String>,
    ) -> usize {
        let mut left = self.counts.clone();
        let before = findings.len();
        findings.retain(|f| {
            let key = (
                relative(&self.dir, &f.path),
                fingerprint(f, text_of(&f.path).as_deref()),
            );
            match left.get_mut(&key) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            }
        });
        before - findings.len()
    }
}

/// The baseline file for `findings`, to be written at `path`.
pub fn render(
    path: &Path,
    findings: &[Finding],
    text_of: &mut dyn FnMut(&str) -> Option<String>,
) -> String {
    let dir = folder(path);
    let file = File {
        format: FORMAT.to_string(),
        findings: findings
            .iter()
            .map(|f| Entry {
                rule: f.rule.to_string(),
                path: relative(&dir, &f.path),
                text: f.text.clone(),
                line: f.line,
                fingerprint: fingerprint(f, text_of(&f.path).as_deref()),
            })
            .collect(),
    };
    let mut out = serde_json::to_string_pretty(&file).unwrap_or_default();
    out.push('\n');
    out
}

fn folder(path: &Path) -> PathBuf {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    full(dir)
}

/// A path made absolute with `..` and links resolved, when it exists.
fn full(p: &Path) -> PathBuf {
    std::fs::canonicalize(p)
        .or_else(|_| std::path::absolute(p))
        .unwrap_or_else(|_| p.to_path_buf())
}

/// A finding's path relative to the baseline's folder, with `/` separators, so that a
/// baseline written from one folder matches runs from another.
fn relative(dir: &Path, path: &str) -> String {
    let p = Path::new(path);
    let shown = full(p)
        .strip_prefix(dir)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| p.to_path_buf());
    let parts: Vec<String> = shown
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

/// The fingerprint: the rule, the finding's text and up to three words on each side within
/// its line, whitespace folded, hashed. Without the file's text, the text alone.
pub fn fingerprint(f: &Finding, file_text: Option<&str>) -> String {
    let (before, after) = file_text
        .filter(|t| {
            f.byte_end <= t.len()
                && t.is_char_boundary(f.byte_start)
                && t.is_char_boundary(f.byte_end)
        })
        .map_or((String::new(), String::new()), |t| {
            let line_start = t[..f.byte_start].rfind('\n').map_or(0, |i| i + 1);
            let line_end = t[f.byte_end..]
                .find('\n')
                .map_or(t.len(), |i| f.byte_end + i);
            let before: Vec<&str> = t[line_start..f.byte_start].split_whitespace().collect();
            let after: Vec<&str> = t[f.byte_end..line_end].split_whitespace().collect();
            (
                before[before.len().saturating_sub(CONTEXT_WORDS)..].join(" "),
                after[..after.len().min(CONTEXT_WORDS)].join(" "),
            )
        });
    let text: Vec<&str> = f.text.split_whitespace().collect();
    let key = format!("{}\0{}\0{before}\0{after}", f.rule, text.join(" "));
    format!("{:016x}", fnv1a(key.as_bytes()))
}

/// FNV-1a, 64 bits: a fingerprint must be the same in every build and on every machine,
/// which the standard library's hashers do not promise.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(text: &str, file: &str, occurrence: usize) -> Finding {
        let start = file.match_indices(text).nth(occurrence).unwrap().0;
        Finding {
            rule: "name/glossary",
            severity: crate::finding::Severity::Error,
            path: "a.txt".into(),
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 1,
            byte_start: start,
            byte_end: start + text.len(),
            text: text.into(),
            message: String::new(),
            suggestions: Vec::new(),
            related: Vec::new(),
            fix: None,
        }
    }

    #[test]
    fn fingerprints_ignore_places_but_not_words() {
        let file = "Talks in Kiev on Monday.\n";
        let moved = "A new first line.\n\nTalks   in Kiev on Monday.\n";
        let changed = "Talks held in Kiev on Monday.\n";
        let fp = |t: &str| fingerprint(&finding("Kiev", t, 0), Some(t));
        assert_eq!(fp(file), fp(moved), "lines and spaces do not matter");
        assert_ne!(fp(file), fp(changed), "the words around it do");
        assert_eq!(fp(file).len(), 16);
        // The same words in the same context are the same finding.
        let twice = "Talks in Kiev on Monday.\nTalks in Kiev on Monday.\n";
        assert_eq!(
            fingerprint(&finding("Kiev", twice, 0), Some(twice)),
            fingerprint(&finding("Kiev", twice, 1), Some(twice))
        );
    }

    #[test]
    fn fnv1a_is_the_published_function() {
        // Test vectors of the FNV reference.
        assert_eq!(fnv1a(b""), 0xcbf29ce484222325);
        assert_eq!(fnv1a(b"a"), 0xaf63dc4c8601ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x85944171f73967e8);
    }
}
