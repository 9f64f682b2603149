//! HTML articles (`.html`, `.htm`): the prose of a page is the text of its block elements
//! (paragraphs, headings, list items, quotations, captions), inside `<article>` or `<main>`
//! when the page has one. Scripts, styles, code, `<pre>`, navigation, forms, attributes and
//! comments are not prose. Character references are decoded and every character keeps its
//! place in the file, so findings point at the HTML file's lines and columns.
//!
//! Tokenizing follows the HTML5 specification (html5tokenizer). Its source spans are off by a
//! character around some lookaheads, so characters are placed by walking the file beside the
//! tokens: a literal character is where the file says, a character reference is the longest
//! one that decodes to what the tokenizer produced. Tags reset the walk to their end.

use std::ops::Range;

use html5tokenizer::offset::PosTrackingReader;
use html5tokenizer::trace::Trace;
use html5tokenizer::{NaiveParser, Token, TracingEmitter};

use crate::origin::Piece;

/// Elements whose content is never prose.
const SKIPPED: &[&str] = &[
    "head", "title", "script", "style", "noscript", "template", "pre", "code", "kbd", "samp",
    "var", "svg", "math", "textarea", "select", "button", "form", "iframe", "object", "video",
    "audio", "canvas", "nav",
];

/// Skipped inline elements: an unclosed one ends with its block.
const INLINE_SKIPPED: &[&str] = &["code", "kbd", "samp", "var"];

/// Elements that start and end a segment of prose.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "li",
    "main",
    "menu",
    "ol",
    "p",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Elements that never have content or an end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// When a page has one of these, only their content is the article.
const ARTICLE: &[&str] = &["article", "main"];

/// A comment of the page: where it is (the whole `<!-- … -->`) and what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    pub span: Range<usize>,
    pub text: String,
}

/// The prose of a page, one piece per block, and its comments.
#[derive(Debug, Default)]
pub struct Page {
    pub pieces: Vec<Piece>,
    pub comments: Vec<Comment>,
}

/// A character of the page's text and the stretch of file it came from.
#[derive(Debug, Clone, Copy)]
struct Placed {
    c: char,
    file: usize,
    file_len: usize,
}

/// Reads a page. Never fails: HTML has no syntax errors, only ways of recovering from them.
pub fn extract(html: &str) -> Page {
    let has_article = tokens(html).any(|(t, _)| match t {
        Token::StartTag(tag) => ARTICLE.contains(&tag.name.as_str()),
        _ => false,
    });
    let mut page = Page::default();
    let mut walker = Walker::new(html);
    let mut skip: Vec<String> = Vec::new();
    let mut article_depth = 0usize;
    let mut block: Vec<Placed> = Vec::new();
    let mut run: Vec<char> = Vec::new();
    for (token, trace) in tokens(html) {
        if let Token::Char(c) = token {
            run.push(c);
            continue;
        }
        // Text runs up to the next tag: placed, then kept when they are prose.
        let placed = walker.place(&run);
        run.clear();
        let in_article = !has_article || article_depth > 0;
        if skip.is_empty() && in_article {
            block.extend(placed);
        }
        match (token, trace) {
            (Token::StartTag(tag), Trace::StartTag(t)) => {
                let name = tag.name.as_str();
                let at = walker.tag_start(t.span.end);
                if BLOCKS.contains(&name) {
                    flush(&mut block, &mut page.pieces);
                    skip.retain(|n| !INLINE_SKIPPED.contains(&n.as_str()));
                }
                if name == "body" {
                    skip.retain(|n| n != "head");
                }
                if name == "br" && skip.is_empty() && in_article {
                    // One line break stays inside the paragraph; two end it.
                    if block.last().is_some_and(|p| p.c == '\n') {
                        flush(&mut block, &mut page.pieces);
                    } else {
                        block.push(Placed {
                            c: '\n',
                            file: at,
                            file_len: t.span.end - at,
                        });
                    }
                }
                let void = tag.self_closing || VOID.contains(&name);
                if SKIPPED.contains(&name) && !void {
                    skip.push(name.to_string());
                }
                if ARTICLE.contains(&name) && skip.is_empty() {
                    article_depth += 1;
                }
                walker.jump(t.span.end);
            }
            (Token::EndTag(tag), Trace::EndTag(t)) => {
                let name = tag.name.as_str();
                if let Some(i) = skip.iter().rposition(|n| n == name) {
                    skip.truncate(i);
                }
                if BLOCKS.contains(&name) {
                    flush(&mut block, &mut page.pieces);
                    skip.retain(|n| !INLINE_SKIPPED.contains(&n.as_str()));
                }
                if ARTICLE.contains(&name) && skip.is_empty() {
                    article_depth = article_depth.saturating_sub(1);
                }
                walker.jump(t.span.end);
            }
            (Token::Comment(text), Trace::Comment(t)) => {
                let start = html[..t.data_span.start]
                    .rfind('<')
                    .unwrap_or(t.data_span.start);
                let end = comment_end(html, t.data_span.end);
                page.comments.push(Comment {
                    span: start..end,
                    text,
                });
                walker.jump(end);
            }
            (Token::Doctype(_), Trace::Doctype(t)) => walker.jump(t.span().end),
            _ => {}
        }
    }
    flush(&mut block, &mut page.pieces);
    page
}

fn tokens(html: &str) -> impl Iterator<Item = (Token, Trace)> + '_ {
    NaiveParser::new_with_emitter(PosTrackingReader::new(html), TracingEmitter::default()).flatten()
}

/// Where a comment whose data ends at `data_end` closes: after `-->`, `--!>` or `>`.
fn comment_end(html: &str, data_end: usize) -> usize {
    let rest = html.get(data_end..).unwrap_or("");
    ["-->", "--!>", ">"]
        .iter()
        .find(|close| rest.starts_with(**close))
        .map_or(data_end, |close| data_end + close.len())
}

/// Ends the current block: its text, without the whitespace around it, becomes a piece.
fn flush(block: &mut Vec<Placed>, pieces: &mut Vec<Piece>) {
    let start = block
        .iter()
        .position(|p| !p.c.is_whitespace())
        .unwrap_or(block.len());
    let end = block
        .iter()
        .rposition(|p| !p.c.is_whitespace())
        .map_or(start, |i| i + 1);
    if start < end {
        let mut piece = Piece::default();
        let mut literal = String::new();
        let mut literal_at = 0;
        for p in &block[start..end] {
            let is_literal = p.file_len == p.c.len_utf8();
            if is_literal && literal_at + literal.len() == p.file && !literal.is_empty() {
                literal.push(p.c);
                continue;
            }
            piece.push_literal(&literal, literal_at);
            literal.clear();
            if is_literal {
                literal.push(p.c);
                literal_at = p.file;
            } else {
                piece.push_escaped(p.c.encode_utf8(&mut [0; 4]), p.file, p.file_len);
            }
        }
        piece.push_literal(&literal, literal_at);
        pieces.push(piece);
    }
    block.clear();
}

/// Walks the file beside the tokens, placing each character the tokenizer produced.
struct Walker<'a> {
    html: &'a str,
    at: usize,
}

impl<'a> Walker<'a> {
    fn new(html: &'a str) -> Walker<'a> {
        Walker { html, at: 0 }
    }

    fn jump(&mut self, to: usize) {
        self.at = to.min(self.html.len());
    }

    /// Where the tag that ends at `end` starts (its `<`), at or after the walk's place.
    fn tag_start(&self, end: usize) -> usize {
        let end = end.min(self.html.len());
        self.html[self.at.min(end)..end]
            .find('<')
            .map_or(end, |i| self.at.min(end) + i)
    }

    /// Places a run of characters, moving the walk past them.
    fn place(&mut self, run: &[char]) -> Vec<Placed> {
        let mut out = Vec::with_capacity(run.len());
        let mut i = 0;
        while i < run.len() {
            let rest = &self.html[self.at..];
            let c = run[i];
            if rest.starts_with('&')
                && let Some((len, decoded)) = reference(rest, &run[i..])
            {
                let n = decoded.len();
                for (k, d) in decoded.into_iter().enumerate() {
                    // A reference that stands for two characters gives both its place.
                    out.push(Placed {
                        c: d,
                        file: self.at,
                        file_len: if k + 1 == n { len } else { 0 },
                    });
                }
                self.at += len;
                i += n;
                continue;
            }
            let len = if rest.starts_with(c) {
                c.len_utf8()
            } else if c == '\n' && rest.starts_with("\r\n") {
                2
            } else {
                // The tokenizer replaced a character (a carriage return, a NUL): it stands
                // where the file's next character is.
                rest.chars().next().map_or(0, char::len_utf8)
            };
            out.push(Placed {
                c,
                file: self.at,
                file_len: len,
            });
            self.at += len;
            i += 1;
        }
        out
    }
}

/// The character reference at the start of `rest` that decodes to the start of `expected`:
/// its length in the file and the characters it stands for. The longest candidate wins, as in
/// the tokenizer ("&notin;" is one reference, "&notit;" is "&not" followed by "it;").
fn reference(rest: &str, expected: &[char]) -> Option<(usize, Vec<char>)> {
    let body = &rest[1..];
    let name_len = match body.strip_prefix('#') {
        Some(num) => {
            let digits = match num.strip_prefix(['x', 'X']) {
                Some(hex) => 1 + hex.bytes().take_while(u8::is_ascii_hexdigit).count(),
                None => num.bytes().take_while(u8::is_ascii_digit).count(),
            };
            1 + digits
        }
        None => body.bytes().take_while(u8::is_ascii_alphanumeric).count(),
    };
    let semicolon = body[name_len..].starts_with(';');
    let longest = 1 + name_len + usize::from(semicolon);
    (2..=longest).rev().find_map(|len| {
        let decoded: Vec<char> = tokens(&rest[..len])
            .filter_map(|(t, _)| match t {
                Token::Char(c) => Some(c),
                _ => None,
            })
            .collect();
        // A reference stands for one character or two (a letter and a combining mark); more,
        // or a copy of its own last character, means the tokenizer read a shorter one.
        let last = rest[..len].chars().next_back();
        let is_reference = match decoded.as_slice() {
            ['&'] => true,
            [c] => *c != '&',
            [c, d] => *c != '&' && Some(*d) != last,
            _ => false,
        };
        (is_reference && expected.starts_with(&decoded)).then_some((len, decoded))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::origin::Origin;
    use crate::text::LineIndex;
    use std::sync::Arc;

    fn texts(html: &str) -> Vec<String> {
        extract(html).pieces.into_iter().map(|p| p.text).collect()
    }

    /// The file text each piece's characters come from, character by character.
    fn check_places(html: &str) {
        for p in extract(html).pieces {
            let o = Origin::new(html.into(), Arc::new(LineIndex::new(html)), p.runs.clone());
            for (i, c) in p.text.char_indices() {
                let span = o.span(i..i + c.len_utf8());
                let file = &html[span.clone()];
                assert!(
                    file == c.to_string()
                        || file.starts_with('&')
                        || file.starts_with('<')
                        || (c == '\n' && file == "\r\n"),
                    "{c:?} placed at {span:?} = {file:?} in {html:?}"
                );
            }
        }
    }

    #[test]
    fn blocks_are_pieces_and_inline_tags_are_text() {
        let html = "<h1>Talks in <em>Kyiv</em></h1>\n<p>Antony <b>Blinken</b>\n met\n  them.</p><ul><li>One</li><li>Two</ul>";
        assert_eq!(
            texts(html),
            [
                "Talks in Kyiv",
                "Antony Blinken\n met\n  them.",
                "One",
                "Two"
            ]
        );
        check_places(html);
    }

    #[test]
    fn scripts_styles_code_comments_and_attributes_are_not_prose() {
        let html = r#"<html><head><title>Kiev</title><style>p{}</style></head><body>
<p title="Kiev">In <code>Kiev</code> and <a href="/kiev">Kyiv</a><!-- Kiev --></p>
<script>var s = "<p>Kiev</p>";</script><pre>Kiev</pre><nav><a>Kiev</a></nav>
<p>Done.</p></body></html>"#;
        assert_eq!(texts(html), ["In  and Kyiv", "Done."]);
        check_places(html);
    }

    #[test]
    fn only_the_article_when_there_is_one() {
        let html = "<header><p>Site menu</p></header><main><article><h1>Title</h1><p>Body.</p></article></main><footer><p>Copyright</p></footer>";
        assert_eq!(texts(html), ["Title", "Body."]);
    }

    #[test]
    fn character_references_are_decoded_and_placed() {
        let html =
            "<p>A &amp; B&nbsp;C &#233;t&eacute x&notit; &notin; &lt;<br>D&#x41;&unknown; AT&T</p>";
        assert_eq!(
            texts(html),
            ["A & B\u{a0}C ét\u{e9} x¬it; ∉ <\nDA&unknown; AT&T"]
        );
        check_places(html);
        let p = &extract(html).pieces[0];
        let o = Origin::new(html.into(), Arc::new(LineIndex::new(html)), p.runs.clone());
        let at = |s: &str| p.text.find(s).unwrap();
        let span = |s: &str| &html[o.span(at(s)..at(s) + s.len())];
        assert_eq!(span("&"), "&amp;");
        assert_eq!(span("\u{a0}"), "&nbsp;");
        assert_eq!(span("ét\u{e9}"), "&#233;t&eacute");
        assert_eq!(span("¬"), "&not");
        assert_eq!(span("∉"), "&notin;");
        assert_eq!(span("A&unknown;"), "&#x41;&unknown;");
    }

    #[test]
    fn two_line_breaks_end_a_paragraph_and_crlf_is_one_character() {
        let html = "<div>First line<br>second line<br><br>\r\nNext\r\npart</div>";
        assert_eq!(texts(html), ["First line\nsecond line", "Next\npart"]);
        check_places(html);
    }

    #[test]
    fn malformed_markup_recovers() {
        let html =
            "<p>Unclosed <b>bold <i>and <p>next <code>x</p><p>after</p><p>a < b & c</p><p>end";
        assert_eq!(
            texts(html),
            ["Unclosed bold and", "next", "after", "a < b & c", "end"]
        );
        check_places(html);
    }

    #[test]
    fn comments_are_kept_with_their_place() {
        let html = "<p>x</p><!-- concord-disable name/glossary --><p>y</p><!--->";
        let page = extract(html);
        assert_eq!(page.comments.len(), 2);
        assert_eq!(
            &html[page.comments[0].span.clone()],
            "<!-- concord-disable name/glossary -->"
        );
        assert_eq!(page.comments[0].text, " concord-disable name/glossary ");
    }
}
