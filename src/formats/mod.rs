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

    pub fn parse(self, text: &str) -> Result<Vec<Unit>, FormatError> {
        match self {
            Container::Xliff => parse_xliff(text),
            Container::Tmx => parse_tmx(text),
            Container::Jsonl => parse_jsonl(text),
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
        let offset = self.offset.min(text.len());
        let mut o = offset;
        while !text.is_char_boundary(o) {
            o -= 1;
        }
        let Position { line, column } = crate::text::LineIndex::new(text).position(text, o);
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
