//! Bilingual container formats: XLIFF 1.2 and 2.0, TMX 1.4 and JSON Lines. Each is read into
//! translation units (source and target text with their places in the file).

mod jsonl;
mod tmx;
mod xliff;
pub(crate) mod xml;

use std::path::Path;

use crate::error::Position;
use crate::lang::LangTag;
use crate::origin::Piece;

pub use jsonl::parse as parse_jsonl;
pub use tmx::parse as parse_tmx;
pub use xliff::parse as parse_xliff;

/// A container format, told by the file extension or `--input-format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Container {
    Xliff,
    Tmx,
    Jsonl,
}

impl Container {
    pub fn from_path(path: &Path) -> Option<Container> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "xlf" | "xliff" => Some(Container::Xliff),
            "tmx" => Some(Container::Tmx),
            "jsonl" => Some(Container::Jsonl),
            _ => None,
        }
    }

    /// The units of a container file. XLIFF and TMX are one XML document, so a syntax error
    /// stops the file; a JSON Lines line, or a segment longer than the limit, is an error for
    /// that unit alone and the others are still read.
    pub fn parse(self, text: &str) -> Result<Parsed, FormatError> {
        let mut parsed = match self {
            Container::Xliff => Parsed::from(parse_xliff(text)?),
            Container::Tmx => Parsed::from(parse_tmx(text)?),
            Container::Jsonl => parse_jsonl(text),
        };
        let mut kept = Vec::with_capacity(parsed.units.len());
        for u in std::mem::take(&mut parsed.units) {
            let longest = [Some(&u.source), u.target.as_ref()]
                .into_iter()
                .flatten()
                .max_by_key(|p| p.text.len())
                .filter(|p| p.text.len() > crate::limits::MAX_LINE_BYTES);
            match longest {
                Some(p) => parsed.errors.push(FormatError::at(
                    p.runs.first().map_or(0, |r| r.file),
                    format!(
                        "segment {}: {}",
                        u.id,
                        crate::limits::too_long(p.text.len())
                    ),
                )),
                None => kept.push(u),
            }
        }
        parsed.units = kept;
        parsed.errors.sort_by_key(|e| e.offset);
        Ok(parsed)
    }
}

/// What a container file holds: its units, and the units that could not be read.
#[derive(Debug, Default)]
pub struct Parsed {
    pub units: Vec<Unit>,
    pub errors: Vec<FormatError>,
}

impl From<Vec<Unit>> for Parsed {
    fn from(units: Vec<Unit>) -> Parsed {
        Parsed {
            units,
            errors: Vec::new(),
        }
    }
}

/// One translation unit: a source segment and, when translated, its target.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    pub id: String,
    /// The document the unit belongs to (a file of an XLIFF, the `doc` of a JSON line); units
    /// of one document are checked together.
    pub doc: String,
    pub source_lang: Option<LangTag>,
    pub target_lang: Option<LangTag>,
    pub source: Piece,
    pub target: Option<Piece>,
    /// Notes on the unit (XLIFF, TMX) or its `concord-disable` field (JSON Lines): where a
    /// suppression directive for the unit is written.
    pub notes: Vec<String>,
}

/// Why a container could not be read, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    /// Byte offset in the file.
    pub offset: usize,
    pub message: String,
}

impl FormatError {
    pub fn at(offset: usize, message: impl Into<String>) -> FormatError {
        FormatError {
            offset,
            message: message.into(),
        }
    }

    /// "line:column: message" for a file's text.
    pub fn describe(&self, text: &str) -> String {
        self.describe_with(text, &crate::text::LineIndex::new(text))
    }

    /// [`FormatError::describe`] with the file's line index already built (many errors).
    pub fn describe_with(&self, text: &str, lines: &crate::text::LineIndex) -> String {
        let offset = self.offset.min(text.len());
        let mut o = offset;
        while !text.is_char_boundary(o) {
            o -= 1;
        }
        let Position { line, column } = lines.position(text, o);
        format!("{line}:{column}: {}", self.message)
    }
}

/// A language attribute or field, parsed; a bad tag is an error at `offset`.
fn lang_attr(value: &str, offset: usize) -> Result<Option<LangTag>, FormatError> {
    if value.is_empty() || value == "*all*" {
        return Ok(None);
    }
    LangTag::parse(value)
        .map(Some)
        .map_err(|e| FormatError::at(offset, e.to_string()))
}
