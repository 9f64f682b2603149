//! Which parts of a document are prose. Code, markup, link targets and URLs are blanked out
//! (replaced by NUL bytes, so every byte offset stays valid) and the prose is cut into
//! segments: paragraphs, headings, list items, table cells.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

/// How a document's text is marked up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Plain,
    Markdown,
    Html,
}

impl Format {
    /// The format a file name implies; anything that is not Markdown is read as plain text.
    pub fn from_path(path: &std::path::Path) -> Format {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("md" | "markdown" | "mdown" | "mkd") => Format::Markdown,
            Some("html" | "htm" | "xhtml") => Format::Html,
            _ => Format::Plain,
        }
    }
}

/// The byte that stands in for text that is not prose.
pub const BLANK: u8 = 0;

/// The prose view of a document: same length as the text, with non-prose bytes blanked.
#[derive(Debug, Clone)]
pub struct Prose {
    pub masked: String,
    pub segments: Vec<Range<usize>>,
    /// Comments (`<!-- … -->` in Markdown): where each is and what it says.
    pub comments: Vec<(Range<usize>, String)>,
}

pub fn prose(text: &str, format: Format) -> Prose {
    let (mut bytes, segments, comments) = match format {
        Format::Plain => (text.as_bytes().to_vec(), paragraphs(text), Vec::new()),
        Format::Markdown => markdown(text),
        Format::Html => html(text),
    };
    let urls = blank_urls(text, &mut bytes);
    // Plain text without a URL is the text itself: no need to check its bytes again.
    let masked = if format == Format::Plain && !urls {
        text.to_string()
    } else {
        // Only whole characters are ever blanked (ASCII for ASCII), so the bytes stay UTF-8.
        String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).replace('\u{FFFD}', "\0"))
    };
    Prose {
        masked,
        segments,
        comments,
    }
}

/// Paragraphs of plain text: runs of lines separated by blank lines.
fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            if let Some(s) = start.take() {
                out.push(s..end);
            }
        } else {
            if start.is_none() {
                start = Some(offset);
            }
            end = offset + content.len();
        }
        offset += line.len();
    }
    if let Some(s) = start {
        out.push(s..end);
    }
    out
}

/// What reading a format gives: the prose bytes, the segments and the comments.
type Read = (Vec<u8>, Vec<Range<usize>>, Vec<(Range<usize>, String)>);

fn markdown(text: &str) -> Read {
    let mut bytes = vec![BLANK; text.len()];
    let keep_newlines = |bytes: &mut Vec<u8>| {
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                bytes[i] = b'\n';
            }
        }
    };
    keep_newlines(&mut bytes);
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut segments: Vec<Range<usize>> = Vec::new();
    let mut comments = Vec::new();
    // Innermost open block (by its start offset); code and bare links are never prose.
    let mut blocks: Vec<usize> = Vec::new();
    let mut skip_depth = 0usize;
    let mut in_bare_link = false;
    let mut last_block: Option<usize> = None;
    for (event, range) in Parser::new_ext(text, opts).into_offset_iter() {
        if let Event::Html(_) | Event::InlineHtml(_) = event {
            comments_in(text, range.clone(), &mut comments);
        }
        match event {
            Event::Start(tag) => match tag {
                Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_) => skip_depth += 1,
                Tag::Link {
                    link_type: LinkType::Autolink | LinkType::Email,
                    ..
                } => in_bare_link = true,
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::Item
                | Tag::TableCell
                | Tag::BlockQuote(_)
                | Tag::FootnoteDefinition(_)
                | Tag::DefinitionListTitle
                | Tag::DefinitionListDefinition => blocks.push(range.start),
                _ => {}
            },
            Event::End(end) => match end {
                TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_) => {
                    skip_depth = skip_depth.saturating_sub(1)
                }
                TagEnd::Link => in_bare_link = false,
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_)
                | TagEnd::FootnoteDefinition
                | TagEnd::DefinitionListTitle
                | TagEnd::DefinitionListDefinition => {
                    blocks.pop();
                }
                _ => {}
            },
            Event::Text(_) | Event::SoftBreak | Event::HardBreak
                if skip_depth == 0 && !in_bare_link =>
            {
                bytes[range.clone()].copy_from_slice(&text.as_bytes()[range.clone()]);
                if matches!(event, Event::HardBreak) {
                    // A backslash or two trailing spaces: only the line break is prose.
                    for b in &mut bytes[range.clone()] {
                        if *b != b'\n' {
                            *b = b' ';
                        }
                    }
                }
                let block = blocks.last().copied();
                match segments.last_mut() {
                    Some(seg) if last_block == block && block.is_some() => seg.end = range.end,
                    _ => segments.push(range.clone()),
                }
                last_block = block;
            }
            _ => {}
        }
    }
    // Blanked bytes must not cut a multi-byte character: blank the whole character.
    fix_partial_chars(text, &mut bytes);
    comments.dedup();
    (bytes, segments, comments)
}

/// The `<!-- … -->` comments in a stretch of raw HTML inside Markdown.
fn comments_in(text: &str, range: Range<usize>, out: &mut Vec<(Range<usize>, String)>) {
    let mut from = range.start;
    while let Some(open) = text[from..range.end].find("<!--") {
        let start = from + open;
        let Some(close) = text[start + 4..].find("-->") else {
            return;
        };
        let end = start + 4 + close + 3;
        out.push((start..end, text[start + 4..end - 3].to_string()));
        from = end.min(range.end);
    }
}

/// The literal text of an HTML page's blocks, in place; character references are blanked (a
/// document decodes them: see [`crate::html`]).
fn html(text: &str) -> Read {
    let mut bytes: Vec<u8> = text
        .bytes()
        .map(|b| if b == b'\n' { b } else { BLANK })
        .collect();
    let mut segments = Vec::new();
    let page = crate::html::extract(text);
    for piece in page.pieces {
        for r in piece.runs.iter().filter(|r| r.doc_len == r.file_len) {
            let file = r.file..r.file + r.file_len;
            bytes[file.clone()].copy_from_slice(&text.as_bytes()[file]);
        }
        if let (Some(first), Some(last)) = (piece.runs.first(), piece.runs.last()) {
            segments.push(first.file..last.file + last.file_len);
        }
    }
    let comments = page
        .comments
        .into_iter()
        .map(|c| (c.span, c.text))
        .collect();
    (bytes, segments, comments)
}

fn fix_partial_chars(text: &str, bytes: &mut [u8]) {
    for (i, c) in text.char_indices() {
        let n = c.len_utf8();
        if n > 1
            && bytes[i..i + n]
                .iter()
                .zip(&text.as_bytes()[i..i + n])
                .any(|(a, b)| a != b)
        {
            bytes[i..i + n].fill(BLANK);
        }
    }
}

/// URLs and e-mail addresses are never prose, in any format. A scanner rather than a regex:
/// it runs on every byte of every document, and the anchors ("://", "www.", "@") are rare.
/// Blanks the URLs and e-mail addresses of `text` in `bytes`; whether there were any.
fn blank_urls(text: &str, bytes: &mut [u8]) -> bool {
    let b = text.as_bytes();
    let is_url_byte = |c: u8| !(c.is_ascii_whitespace() || matches!(c, b'<' | b'>' | b'"' | BLANK));
    let trim_end = |start: usize, mut end: usize| {
        // Closing punctuation after a URL belongs to the sentence; multi-byte quotes (’ ” »)
        // end in a continuation byte, so step back over whole characters.
        while end > start {
            let last = text[start..end].chars().next_back().unwrap_or(' ');
            if matches!(
                last,
                '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '\'' | '’' | '”' | '»'
            ) {
                end -= last.len_utf8();
            } else {
                break;
            }
        }
        end
    };
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for (at, _) in text.match_indices("://") {
        let start = b[..at]
            .iter()
            .rposition(|c| !c.is_ascii_alphabetic())
            .map_or(0, |i| i + 1);
        if start == at {
            continue;
        }
        let end = b[at..]
            .iter()
            .position(|&c| !is_url_byte(c))
            .map_or(b.len(), |i| at + i);
        spans.push((start, trim_end(start, end)));
    }
    for (at, _) in text.match_indices("www.") {
        if at > 0 && (b[at - 1].is_ascii_alphanumeric() || b[at - 1] == b'/') {
            continue;
        }
        let end = b[at..]
            .iter()
            .position(|&c| !is_url_byte(c))
            .map_or(b.len(), |i| at + i);
        spans.push((at, trim_end(at, end)));
    }
    let local = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-');
    let domain = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-');
    for (at, _) in text.match_indices('@') {
        let start = b[..at]
            .iter()
            .rposition(|&c| !local(c))
            .map_or(0, |i| i + 1);
        let end = b[at + 1..]
            .iter()
            .position(|&c| !domain(c))
            .map_or(b.len(), |i| at + 1 + i);
        let end = trim_end(at + 1, end);
        let host = &text[at + 1..end];
        if start < at && host.contains('.') && !host.starts_with('.') {
            spans.push((start, end));
        }
    }
    let any = !spans.is_empty();
    for (s, e) in spans {
        bytes[s..e].fill(BLANK);
    }
    any
}

#[cfg(test)]
mod tests {
    use super::*;

    fn visible(p: &Prose) -> String {
        p.masked.replace('\0', "")
    }

    #[test]
    fn plain_paragraphs_split_on_blank_lines() {
        let text = "Headline\n\nFirst line\nsecond line.\n  \nLast.\n";
        let p = prose(text, Format::Plain);
        let segs: Vec<&str> = p.segments.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(segs, ["Headline", "First line\nsecond line.", "Last."]);
    }

    #[test]
    fn urls_are_blanked_with_offsets_kept() {
        let text = "See https://example.org/anthony-blinken-kiev, or mail desk@example.org now.";
        let p = prose(text, Format::Plain);
        assert_eq!(p.masked.len(), text.len());
        assert_eq!(visible(&p), "See , or mail  now.");
    }

    #[test]
    fn url_edges() {
        let text =
            "(see www.kiev.example/a.) “https://x.org/Kiev”, ftp://h/x; a@b c@d.e f @ g. Kiev";
        let p = prose(text, Format::Plain);
        assert_eq!(visible(&p), "(see .) “”, ; a@b  f @ g. Kiev");
    }

    #[test]
    fn markdown_code_and_link_targets_are_not_prose() {
        let text = "# Kiev talks\n\nMet [Anthony](https://x.org/Kiev) and `Kiev` here.\n\n```\nKiev\n```\n\n<https://kiev.example>\n";
        let p = prose(text, Format::Markdown);
        let v = visible(&p);
        assert!(v.contains("Kiev talks"));
        assert!(v.contains("Met Anthony and  here."));
        assert_eq!(v.matches("Kiev").count(), 1, "{v:?}");
        let segs: Vec<&str> = p.segments.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(segs[0], "Kiev talks");
        assert_eq!(p.masked.len(), text.len());
    }

    #[test]
    fn markdown_emphasis_keeps_words_apart_but_joined_by_space() {
        let text = "**Antony** Blinken visited Kyiv.\n";
        let p = prose(text, Format::Markdown);
        assert_eq!(p.masked, "\0\0Antony\0\0 Blinken visited Kyiv.\n");
    }
}
