//! A document: its text, format and language, the prose view of it and its tokens.

use std::ops::Range;
use std::sync::Arc;

use crate::error::Position;
use crate::lang::LangTag;
use crate::markup::{self, Format};
use crate::origin::{Origin, Piece};
use crate::text::{Encoding, LineIndex};
use crate::token::{self, Tokens};

/// Where a document's language came from.
#[derive(Debug, Clone, PartialEq)]
pub enum LangSource {
    /// `--lang` or the caller said so.
    Given,
    /// The file name declares it (`story.es.txt`).
    FileName,
    /// A configuration's `[languages]` pattern matches the path.
    Path { pattern: String },
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
    /// For a document assembled from a container file: where its text came from.
    pub origin: Option<Origin>,
    /// The file's comments (Markdown, HTML): their place in the file and their text.
    pub comments: Vec<(Range<usize>, String)>,
    /// The names it mentions, found once for every check that reads them.
    names: std::sync::OnceLock<Vec<crate::names::Mention>>,
}

/// What separates the pieces of an assembled document: a paragraph break, so that tokens and
/// names never run from one segment into the next.
const PIECE_SEPARATOR: &str = "\n\n";

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
        if format == Format::Html {
            let page = crate::html::extract(&text);
            let lines = Arc::new(LineIndex::new(&text));
            let (mut doc, _) = Document::from_pieces(
                path.into(),
                &page.pieces,
                Origin::new(text.into(), lines, Vec::new()),
                language,
            );
            doc.encoding = encoding;
            doc.format = format;
            doc.comments = page
                .comments
                .into_iter()
                .map(|c| (c.span, c.text))
                .collect();
            return doc;
        }
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
            origin: None,
            comments: prose.comments,
            names: Default::default(),
        }
    }

    /// A document assembled from pieces of a container file (`file_text`, the decoded file):
    /// one segment per piece, in order. Returns the document and each piece's byte range.
    pub fn assembled(
        path: impl Into<String>,
        pieces: &[Piece],
        file_text: Arc<str>,
        file_lines: Arc<LineIndex>,
        lang: LangTag,
        lang_source: LangSource,
    ) -> (Document, Vec<Range<usize>>) {
        Document::from_pieces(
            path.into(),
            pieces,
            Origin::new(file_text, file_lines, Vec::new()),
            |_| (lang, lang_source),
        )
    }

    /// A document whose text is `pieces` of the file `origin` holds (without runs yet): one
    /// segment per piece.
    fn from_pieces(
        path: String,
        pieces: &[Piece],
        origin: Origin,
        language: impl FnOnce(&str) -> (LangTag, LangSource),
    ) -> (Document, Vec<Range<usize>>) {
        let mut text = String::new();
        let mut ranges = Vec::with_capacity(pieces.len());
        let mut runs = Vec::new();
        for (i, p) in pieces.iter().enumerate() {
            if i > 0 {
                text.push_str(PIECE_SEPARATOR);
            }
            let base = text.len();
            text.push_str(&p.text);
            ranges.push(base..text.len());
            runs.extend(p.runs.iter().map(|r| crate::origin::Run {
                doc: base + r.doc,
                ..*r
            }));
        }
        let mut prose = markup::prose(&text, Format::Plain);
        // One segment per piece, even when a piece holds blank lines or is empty.
        prose.segments = ranges.clone();
        let (lang, lang_source) = language(&prose.masked);
        let tokens = token::tokenize(&prose.masked, &prose.segments);
        let lines = LineIndex::new(&text);
        let doc = Document {
            path,
            text,
            encoding: Encoding::Utf8,
            format: Format::Plain,
            lang,
            lang_source,
            prose: prose.masked,
            segments: prose.segments,
            tokens,
            lines,
            origin: Some(origin.with_runs(runs)),
            comments: Vec::new(),
            names: Default::default(),
        };
        (doc, ranges)
    }

    /// The names mentioned in the document, in text order.
    pub fn mentions(&self) -> &[crate::names::Mention] {
        self.names
            .get_or_init(|| crate::names::mentions(&self.tokens, &self.lang))
    }

    /// The position (in the file the user gave) of document byte `offset`.
    pub fn position(&self, offset: usize) -> Position {
        match &self.origin {
            Some(o) => o.position(o.start(offset)),
            None => self.lines.position(&self.text, offset),
        }
    }

    /// The position of a byte offset into the file the document was read from.
    pub fn position_in_file(&self, file_offset: usize) -> Position {
        match &self.origin {
            Some(o) => o.position(file_offset),
            None => self.lines.position(&self.text, file_offset),
        }
    }

    /// Where a span of the document is in the file: byte range, start and end positions.
    pub fn locate(&self, span: Range<usize>) -> (Range<usize>, Position, Position) {
        match &self.origin {
            Some(o) => {
                let file = o.span(span);
                (file.clone(), o.position(file.start), o.position(file.end))
            }
            None => (
                span.clone(),
                self.position(span.start),
                self.position(span.end),
            ),
        }
    }

    /// The text reports quote source lines from: the file for an assembled document.
    pub fn file_text(&self) -> &str {
        match &self.origin {
            Some(o) => &o.file_text,
            None => &self.text,
        }
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
