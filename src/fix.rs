//! Applying the fixes of findings to files: every other byte, the encoding and the line
//! endings kept; a file rewritten whole or not at all (temporary file, then rename).

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

pub use crate::atomic::WriteOptions;
use crate::bilingual::quotes::quotations;
use crate::engine::Kind;
use crate::finding::Finding;
use crate::formats::Container;
use crate::markup::Format;
use crate::text::{self, Encoding};

/// One replacement in a file's decoded text, with the text it expects to replace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub range: Range<usize>,
    pub expected: String,
    pub replacement: String,
}

/// The edits the findings propose, by file, sorted and without overlaps.
pub fn plan(findings: &[Finding]) -> BTreeMap<String, Vec<Edit>> {
    let mut by_file: BTreeMap<String, Vec<Edit>> = BTreeMap::new();
    for f in findings {
        if let Some(fix) = &f.fix {
            by_file.entry(f.path.clone()).or_default().push(Edit {
                range: fix.byte_start..fix.byte_end,
                expected: f.text.clone(),
                replacement: fix.replacement.clone(),
            });
        }
    }
    for edits in by_file.values_mut() {
        edits.sort_by_key(|e| (e.range.start, e.range.end));
        edits.dedup_by(|b, a| b.range.start < a.range.end);
    }
    by_file
}

/// Drops the fixes that would not rewrite text as it is written in the file: in HTML and
/// containers a finding's text can run across a tag or hold a character reference
/// ("Anthony&nbsp;Blinken"), and only a plain run of text (or its escaped form) is rewritten.
pub fn keep_safe(findings: &mut [Finding], file_text: &str, kind: Kind) {
    for f in findings {
        let Some(fix) = &f.fix else { continue };
        let current = file_text.get(fix.byte_start..fix.byte_end);
        if !current.is_some_and(|c| c == f.text || c == escaped(&f.text, kind)) {
            f.fix = None;
        }
    }
}

/// Why a file was not fixed.
#[derive(Debug, thiserror::Error)]
pub enum FixError {
    #[error("cannot read: {0}")]
    Read(#[from] std::io::Error),
    #[error("{0}")]
    Decode(String),
    #[error("the file changed since it was checked (expected “{expected}” at byte {at})")]
    Changed { expected: String, at: usize },
}

/// What fixing one file changed.
#[derive(Debug)]
pub struct Rewrite {
    pub old: String,
    pub new: String,
    pub encoding: Encoding,
    pub applied: usize,
}

/// Applies `edits` to the file's bytes. Edits inside quotations are skipped when
/// `keep_quotes` is set (a quote is what someone said, spelling and all).
pub fn rewrite(
    path: &Path,
    bytes: &[u8],
    edits: &[Edit],
    keep_quotes: bool,
) -> Result<Rewrite, FixError> {
    rewrite_as(Kind::from_path(path), bytes, edits, keep_quotes)
}

/// [`rewrite`] for bytes that hold `kind` (standard input has no file name to tell).
pub fn rewrite_as(
    kind: Kind,
    bytes: &[u8],
    edits: &[Edit],
    keep_quotes: bool,
) -> Result<Rewrite, FixError> {
    let (old, encoding) = text::decode(bytes)
        .map_err(|e| FixError::Decode(format!("{}: {}", e.position, e.message)))?;
    let quoted = if keep_quotes {
        quotations(&old, 0..old.len())
    } else {
        Vec::new()
    };
    let escape = kind;
    let mut new = String::with_capacity(old.len());
    let mut last = 0;
    let mut applied = 0;
    for e in edits {
        let current = old.get(e.range.clone());
        let unchanged = current.is_some_and(|c| c == e.expected)
            || current.is_some_and(|c| escaped(&e.expected, escape) == c);
        if !unchanged {
            return Err(FixError::Changed {
                expected: e.expected.clone(),
                at: e.range.start,
            });
        }
        if quoted
            .iter()
            .any(|q| q.start <= e.range.start && e.range.end <= q.end)
        {
            continue;
        }
        new.push_str(&old[last..e.range.start]);
        new.push_str(&escaped(&e.replacement, escape));
        last = e.range.end;
        applied += 1;
    }
    new.push_str(&old[last..]);
    Ok(Rewrite {
        old,
        new,
        encoding,
        applied,
    })
}

/// A replacement written the way the file's format writes text.
fn escaped(s: &str, kind: Kind) -> String {
    match kind {
        Kind::Container(Container::Xliff | Container::Tmx) | Kind::Text(Format::Html) => s
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;"),
        Kind::Container(Container::Jsonl) => {
            let quoted = serde_json::to_string(s).unwrap_or_default();
            quoted[1..quoted.len().saturating_sub(1)].to_string()
        }
        Kind::Text(_) => s.to_string(),
    }
}

/// Writes `bytes` to `path` atomically: a temporary file beside it, flushed, then renamed over
/// it, so a reader (or a crash) sees the old file or the new one, never half of either. A
/// symbolic link is written through, owner, group and mode are kept, and a read-only or
/// hard-linked file, a named pipe or a device is refused (see [`crate::atomic`]).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomic_with(path, bytes, WriteOptions::default())
}

/// [`write_atomic`], with what the user allowed (`--force`).
pub fn write_atomic_with(path: &Path, bytes: &[u8], options: WriteOptions) -> std::io::Result<()> {
    crate::atomic::write(path, bytes, options)
}

/// A path as diff headers write it: relative, without "./".
fn display(path: &str) -> &str {
    path.trim_start_matches("./").trim_start_matches('/')
}

/// A unified diff of a file's old and new text.
pub fn diff(path: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(1)
        .header(
            &format!("a/{}", display(path)),
            &format!("b/{}", display(path)),
        )
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(text: &str, find: &str, to: &str) -> Edit {
        let at = text.find(find).unwrap();
        Edit {
            range: at..at + find.len(),
            expected: find.to_string(),
            replacement: to.to_string(),
        }
    }

    #[test]
    fn keeps_every_other_byte_and_line_endings() {
        let text = "Talks in Kiev.\r\nMore on \u{201c}Kiev\u{201d} later.\r\n";
        let e1 = edit(text, "Kiev", "Kyiv");
        let r = rewrite(
            Path::new("a.txt"),
            text.as_bytes(),
            std::slice::from_ref(&e1),
            false,
        )
        .unwrap();
        assert_eq!(
            r.new,
            "Talks in Kyiv.\r\nMore on \u{201c}Kiev\u{201d} later.\r\n"
        );
        // The quoted one is kept with keep_quotes.
        let second = text.rfind("Kiev").unwrap();
        let e2 = Edit {
            range: second..second + 4,
            expected: "Kiev".into(),
            replacement: "Kyiv".into(),
        };
        let r = rewrite(Path::new("a.txt"), text.as_bytes(), &[e1, e2], true).unwrap();
        assert_eq!(r.applied, 1);
    }

    #[test]
    fn a_changed_file_is_not_touched() {
        let e = Edit {
            range: 0..4,
            expected: "Kiev".into(),
            replacement: "Kyiv".into(),
        };
        assert!(matches!(
            rewrite(Path::new("a.txt"), b"Kyiv", &[e], false),
            Err(FixError::Changed { .. })
        ));
    }

    #[test]
    fn replacements_are_escaped_for_the_format() {
        assert_eq!(
            escaped("AT&T \"x\"", Kind::Container(Container::Xliff)),
            "AT&amp;T \"x\""
        );
        assert_eq!(
            escaped("say \"hi\"", Kind::Container(Container::Jsonl)),
            "say \\\"hi\\\""
        );
    }

    #[test]
    fn atomic_write_replaces_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "old").unwrap();
        write_atomic(&p, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "new");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
    }
}
