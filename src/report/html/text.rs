//! A stretch of document text as HTML, with findings and the places they point to marked.
//! Marks may overlap: the text is cut at every mark boundary and each piece is wrapped in the
//! marks that cover it, so the markup always nests. Each line is its own block, so that a
//! browser lays out (and, off screen, skips) one line at a time.

use std::borrow::Cow;
use std::ops::Range;

use quick_xml::escape::escape;

/// Something to mark in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// Byte range in the document's text.
    pub range: Range<usize>,
    pub kind: MarkKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarkKind {
    /// The finding with this number: `classes` for the filters, `title` on hover.
    Finding {
        number: usize,
        classes: String,
        title: String,
    },
    /// A place a finding points to, with this element id.
    Place { id: String },
}

impl Mark {
    /// The opening tag; the `first` piece of a mark carries its id.
    fn open(&self, first: bool) -> String {
        match &self.kind {
            MarkKind::Finding {
                number,
                classes,
                title,
            } => {
                let id = if first {
                    format!(" id=\"f{number}\"")
                } else {
                    String::new()
                };
                format!(
                    "<mark class=\"{classes}\" data-i=\"{number}\"{id} title=\"{}\">",
                    escape(title.as_str())
                )
            }
            MarkKind::Place { id } if first => format!("<span class=\"place\" id=\"{id}\">"),
            MarkKind::Place { .. } => "<span class=\"place\">".to_string(),
        }
    }

    fn close(&self) -> &'static str {
        match self.kind {
            MarkKind::Finding { .. } => "</mark>",
            MarkKind::Place { .. } => "</span>",
        }
    }
}

/// `text[range]`, one block per line numbered from `first_line`, with the marks (sorted by
/// start) that overlap each line.
pub fn lines(text: &str, range: Range<usize>, marks: &[&Mark], first_line: usize) -> String {
    let mut out = String::new();
    let mut next = 0;
    let mut open: Vec<&Mark> = Vec::new();
    let mut start = range.start;
    for (n, line) in text[range.clone()].split('\n').enumerate() {
        let end = start + line.len();
        if line.is_empty() && n > 0 && end == range.end {
            break;
        }
        while next < marks.len() && marks[next].range.start < end.max(start + 1) {
            open.push(marks[next]);
            next += 1;
        }
        open.retain(|m| m.range.end > start);
        let line_text = highlighted(text, start..end, &open);
        out.push_str(&format!(
            "<div class=\"l\"><span class=\"ln\">{}</span>{line_text}</div>",
            first_line + n
        ));
        start = end + 1;
    }
    out
}

/// `text[range]` escaped, with `marks` (sorted by start) clipped to the range. A mark that is
/// empty after clipping, or outside the text, is left out.
pub fn highlighted(text: &str, range: Range<usize>, marks: &[&Mark]) -> String {
    let clip = |r: &Range<usize>| r.start.max(range.start)..r.end.min(range.end);
    let inside: Vec<(Range<usize>, &Mark)> = marks
        .iter()
        .map(|m| (clip(&m.range), *m))
        .filter(|(r, _)| {
            r.start < r.end && text.is_char_boundary(r.start) && text.is_char_boundary(r.end)
        })
        .collect();
    let mut cuts: Vec<usize> = inside
        .iter()
        .flat_map(|(r, _)| [r.start, r.end])
        .chain([range.start, range.end])
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::with_capacity(range.len() + inside.len() * 80);
    // Marks covering the current piece, in the order they opened; `next` is the first mark
    // not yet opened.
    let mut active: Vec<usize> = Vec::new();
    let mut next = 0;
    for piece in cuts.windows(2) {
        let (start, end) = (piece[0], piece[1]);
        active.retain(|&i| inside[i].0.end > start);
        while next < inside.len() && inside[next].0.start <= start {
            if inside[next].0.end > start {
                active.push(next);
            }
            next += 1;
        }
        for &i in &active {
            let mark = inside[i].1;
            out.push_str(&mark.open(mark.range.start == start));
        }
        out.push_str(&escape_text(&text[start..end]));
        for &i in active.iter().rev() {
            out.push_str(inside[i].1.close());
        }
    }
    out
}

/// Text escaped for an element's content.
pub fn escape_text(s: &str) -> Cow<'_, str> {
    escape(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(range: Range<usize>, number: usize) -> Mark {
        Mark {
            range,
            kind: MarkKind::Finding {
                number,
                classes: "f".into(),
                title: "t\"".into(),
            },
        }
    }

    #[test]
    fn text_is_escaped_and_marks_nest_when_they_overlap() {
        let text = "a <b> & c d";
        let (a, b) = (finding(2..7, 1), finding(4..11, 2));
        let html = highlighted(text, 0..text.len(), &[&a, &b]);
        assert_eq!(
            html,
            "a <mark class=\"f\" data-i=\"1\" id=\"f1\" title=\"t&quot;\">&lt;b</mark>\
             <mark class=\"f\" data-i=\"1\" title=\"t&quot;\"><mark class=\"f\" data-i=\"2\" id=\"f2\" title=\"t&quot;\">&gt; &amp;</mark></mark>\
             <mark class=\"f\" data-i=\"2\" title=\"t&quot;\"> c d</mark>"
        );
    }

    #[test]
    fn marks_are_clipped_to_the_range_and_places_get_their_id_once() {
        let text = "one two three";
        let place = Mark {
            range: 2..9,
            kind: MarkKind::Place { id: "p".into() },
        };
        let html = highlighted(text, 0..13, &[&place]);
        assert_eq!(html, "on<span class=\"place\" id=\"p\">e two t</span>hree");
        let clipped = highlighted(text, 4..13, &[&place]);
        assert_eq!(clipped, "<span class=\"place\">two t</span>hree");
        let none = highlighted(text, 9..13, &[&place]);
        assert_eq!(none, "hree");
    }

    #[test]
    fn each_line_is_a_block_and_a_mark_across_lines_keeps_one_id() {
        let text = "ab\ncd\n";
        let m = finding(1..4, 7);
        let html = lines(text, 0..text.len(), &[&m], 1);
        assert_eq!(
            html,
            "<div class=\"l\"><span class=\"ln\">1</span>a<mark class=\"f\" data-i=\"7\" id=\"f7\" title=\"t&quot;\">b</mark></div>\
             <div class=\"l\"><span class=\"ln\">2</span><mark class=\"f\" data-i=\"7\" title=\"t&quot;\">c</mark>d</div>"
        );
    }

    #[test]
    fn a_script_in_the_text_stays_text() {
        let text = "<script>alert('x')</script>";
        assert_eq!(
            highlighted(text, 0..text.len(), &[]),
            "&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;"
        );
    }
}
