//! Findings for people: the source line with the span underlined, the message, the suggestion
//! and related places, rendered with annotate-snippets.

use std::io::{self, Write};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::engine::{InputError, Report};
use crate::finding::{Finding, Severity};

/// Spans longer than this (in bytes) are paragraphs rather than words.
const LONG_SPAN: usize = 80;

fn level(s: Severity) -> Level<'static> {
    match s {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

/// Writes each finding with its source line (from [`Report::sources`]). `styled` adds ANSI
/// colour.
pub fn write_human(w: &mut dyn Write, report: &Report, styled: bool) -> io::Result<()> {
    let renderer = renderer(styled);
    for f in &report.findings {
        let source = super::source_text(report, &f.path);
        write_one(w, &renderer, f, source.as_deref())?;
    }
    write_human_tail(w, &report.input_errors, super::Summary::of(report))
}

/// One document's findings, with its text (in a streamed run).
pub fn write_human_findings(
    w: &mut dyn Write,
    findings: &[Finding],
    text: Option<&str>,
    styled: bool,
) -> io::Result<()> {
    let renderer = renderer(styled);
    for f in findings {
        write_one(w, &renderer, f, text)?;
    }
    Ok(())
}

/// What follows the findings: the inputs that could not be read, then the summary line.
pub fn write_human_tail(
    w: &mut dyn Write,
    input_errors: &[InputError],
    summary: super::Summary,
) -> io::Result<()> {
    for e in input_errors {
        writeln!(w, "error: {}: {}\n", e.path, e.message)?;
    }
    super::write_summary(w, summary, input_errors.len())
}

fn renderer(styled: bool) -> Renderer {
    if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
}

fn write_one(
    w: &mut dyn Write,
    renderer: &Renderer,
    f: &Finding,
    text: Option<&str>,
) -> io::Result<()> {
    let rendered = match text {
        Some(text)
            if f.byte_end <= text.len()
                && text.is_char_boundary(f.byte_start)
                && text.is_char_boundary(f.byte_end) =>
        {
            render(renderer, f, text)
        }
        _ => format!(
            "{}: {}:{}:{}: {}",
            f.severity.as_str(),
            f.path,
            f.line,
            f.column,
            f.message
        ),
    };
    writeln!(w, "{rendered}\n")
}

fn render(renderer: &Renderer, f: &Finding, text: &str) -> String {
    // The lines the finding spans, so the snippet stays small whatever the file's size.
    let start = text[..f.byte_start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[f.byte_end..]
        .find('\n')
        .map_or(text.len(), |i| f.byte_end + i);
    let source = &text[start..end];
    // A finding on a whole paragraph (an untranslated one, a missing term) is underlined from
    // its first word to its last, so the editor sees which text it is about (a long line is cut
    // in the middle by the renderer).
    let paragraph = f.byte_end - f.byte_start > LONG_SPAN;
    let label = match f.suggestions.first() {
        Some(s) if f.rule.ends_with("/missing") => format!("expected “{s}”"),
        Some(s) => format!("did you mean “{s}”?"),
        None if paragraph => "this paragraph".to_string(),
        None => String::new(),
    };
    let mut groups = vec![
        level(f.severity)
            .primary_title(f.message.as_str())
            .id(f.rule)
            .element(
                Snippet::source(source)
                    .line_start(f.line)
                    .path(f.path.as_str())
                    .fold(true)
                    .annotation(
                        AnnotationKind::Primary
                            .span(f.byte_start - start..f.byte_end - start)
                            .label(label),
                    ),
            ),
    ];
    if !f.related.is_empty() {
        let places: Vec<String> = f
            .related
            .iter()
            .map(|r| {
                if r.path == f.path {
                    format!("“{}” at {}:{}", r.text, r.line, r.column)
                } else {
                    format!("“{}” in {}:{}:{}", r.text, r.path, r.line, r.column)
                }
            })
            .collect();
        groups.push(Group::with_title(
            Level::NOTE.secondary_title(format!("see {}", places.join(", "))),
        ));
    }
    renderer.render(&groups)
}
