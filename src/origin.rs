//! Where the text of a document came from when it was pieced together from a container file
//! (XLIFF, TMX, JSON Lines): each piece of text remembers its place in the file, so that a
//! finding points at the file's line and column, not at the assembled text.

use std::ops::Range;
use std::sync::Arc;

use crate::error::Position;
use crate::text::LineIndex;

/// A stretch of document text and the stretch of file text it came from. Literal text has
/// the same length on both sides; an escape ("&amp;", "\u00e9") is shorter in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    pub doc: usize,
    pub doc_len: usize,
    pub file: usize,
    pub file_len: usize,
}

/// Text extracted from a container, with its runs (document offsets relative to the piece).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub runs: Vec<Run>,
}

impl Piece {
    /// Appends literal file text found at `file`.
    pub fn push_literal(&mut self, s: &str, file: usize) {
        if s.is_empty() {
            return;
        }
        self.runs.push(Run {
            doc: self.text.len(),
            doc_len: s.len(),
            file,
            file_len: s.len(),
        });
        self.text.push_str(s);
    }

    /// Appends text that the file writes as an escape of `file_len` bytes at `file`.
    pub fn push_escaped(&mut self, s: &str, file: usize, file_len: usize) {
        self.runs.push(Run {
            doc: self.text.len(),
            doc_len: s.len(),
            file,
            file_len,
        });
        self.text.push_str(s);
    }

    /// Appends a separator that is not in the file (a space for an inline tag).
    pub fn push_synthetic(&mut self, s: &str) {
        self.text.push_str(s);
    }
}

/// The file a document was assembled from and the map from document offsets to file offsets.
#[derive(Debug)]
pub struct Origin {
    pub file_text: Arc<str>,
    lines: Arc<LineIndex>,
    runs: Vec<Run>,
}

impl Origin {
    pub fn new(file_text: Arc<str>, lines: Arc<LineIndex>, runs: Vec<Run>) -> Origin {
        Origin {
            file_text,
            lines,
            runs,
        }
    }

    /// The same file with another map.
    pub fn with_runs(self, runs: Vec<Run>) -> Origin {
        Origin { runs, ..self }
    }

    /// The run holding document byte `offset` (or the last one before it).
    fn run_at(&self, offset: usize) -> Option<&Run> {
        let i = self.runs.partition_point(|r| r.doc <= offset);
        i.checked_sub(1).map(|i| &self.runs[i])
    }

    /// The file offset where the character at document offset `offset` starts.
    pub fn start(&self, offset: usize) -> usize {
        match self.run_at(offset) {
            Some(r) if offset < r.doc + r.doc_len => {
                if r.doc_len == r.file_len {
                    r.file + (offset - r.doc)
                } else {
                    r.file
                }
            }
            Some(r) => r.file + r.file_len,
            None => self.runs.first().map_or(0, |r| r.file),
        }
    }

    /// The file offset just past the character that ends at document offset `offset`.
    pub fn end(&self, offset: usize) -> usize {
        if offset == 0 {
            return self.start(0);
        }
        match self.run_at(offset - 1) {
            Some(r) if offset - 1 < r.doc + r.doc_len => {
                if r.doc_len == r.file_len {
                    r.file + (offset - r.doc)
                } else {
                    r.file + r.file_len
                }
            }
            Some(r) => r.file + r.file_len,
            None => self.start(0),
        }
    }

    pub fn span(&self, span: Range<usize>) -> Range<usize> {
        let s = self.start(span.start);
        s..self.end(span.end).max(s)
    }

    pub fn position(&self, file_offset: usize) -> Position {
        self.lines.position(&self.file_text, file_offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_map_through_escapes() {
        // File: `<s>A &amp; B</s>`; document text "A & B".
        let file = "<s>A &amp; B</s>";
        let mut p = Piece::default();
        p.push_literal("A ", 3);
        p.push_escaped("&", 5, 5);
        p.push_literal(" B", 10);
        assert_eq!(p.text, "A & B");
        let o = Origin::new(file.into(), Arc::new(LineIndex::new(file)), p.runs);
        assert_eq!(o.span(0..1), 3..4); // "A"
        assert_eq!(o.span(2..3), 5..10); // "&" is "&amp;"
        assert_eq!(o.span(4..5), 11..12); // "B"
        assert_eq!(o.span(0..5), 3..12);
    }
}
