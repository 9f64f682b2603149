//! A document: its text, format and language, the prose view of it and its tokens.

use std::ops::Range;

use crate::error::Position;
use crate::lang::LangTag;
use crate::markup::{self, Format};
use crate::text::{Encoding, LineIndex};
use crate::token::{self, Tokens};

/// Where a document's language came from.
#[derive(Debug, Clone, PartialEq)]
pub enum LangSource {
    /// `--lang` or the caller said so.
    Given,
    /// The file name declares it (`story.es.txt`).
    FileName,
    /// Language identification found it reliably.
    Detected { confidence: f64 },
    /// Identification was unsure; the default was used.
    Default { guess: Option<(LangTag, f64)> },
}

#[derive(Debug)]
pub struct Document {
    /// The path as given by the user (or `<stdin>`), used in reports.
    pub path: String,
    pub text: String,
    pub encoding: Encoding,
    pub format: Format,
    pub lang: LangTag,
    pub lang_source: LangSource,
    /// The text with non-prose bytes (markup, code, URLs) blanked.
    pub prose: String,
    /// Paragraphs, headings, list items: tokens never join across them.
    pub segments: Vec<Range<usize>>,
    pub tokens: Tokens,
    lines: LineIndex,
}

impl Document {
    /// Builds a document; `language` picks the language once the prose is known (so that it
    /// can be identified from prose rather than markup).
    pub fn new(
        path: impl Into<String>,
        text: String,
        encoding: Encoding,
        format: Format,
        language: impl FnOnce(&str) -> (LangTag, LangSource),
    ) -> Document {
        let prose = markup::prose(&text, format);
        let (lang, lang_source) = language(&prose.masked);
        let tokens = token::tokenize(&prose.masked, &prose.segments);
        let lines = LineIndex::new(&text);
        Document {
            path: path.into(),
            text,
            encoding,
            format,
            lang,
            lang_source,
            prose: prose.masked,
            segments: prose.segments,
            tokens,
            lines,
        }
    }

    pub fn position(&self, offset: usize) -> Position {
        self.lines.position(&self.text, offset)
    }

    /// The line holding `offset`, without its ending, and the offset where it starts.
    pub fn line_at(&self, offset: usize) -> (&str, usize) {
        self.lines.line_at(&self.text, offset)
    }

    /// The original text of a token.
    pub fn token_text(&self, i: usize) -> &str {
        &self.text[self.tokens.list[i].span()]
    }
}
