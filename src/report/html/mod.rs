//! The HTML report (`--format html`): one self-contained page for an editor. Totals by rule
//! and by file, each document's text with its findings marked and explained (source and
//! translation side by side for bilingual input), filters by rule, severity and file, links
//! from a finding to the places it points to, and the rules explained. Nothing is loaded from
//! the network; every piece of text is escaped.
//!
//! Filtering rewrites one style sheet and sums a table of counts, so it costs the same with
//! ten thousand findings as with ten.

mod text;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use text::{Mark, MarkKind, escape_text, lines};

use crate::checks::{Rule, rules};
use crate::engine::{Alignment, Report};
use crate::finding::{Finding, Related, Severity};
use crate::text::LineIndex;

const STYLE: &str = include_str!("page.css");
const SCRIPT: &str = include_str!("page.js");
const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

/// One document of the report: its findings and, when readable, its text.
struct Doc<'a> {
    path: &'a str,
    findings: Vec<(usize, &'a Finding)>,
    text: Option<std::borrow::Cow<'a, str>>,
    alignment: Option<&'a Alignment>,
}

/// Where each related place is shown: the id of its element and the length of its text in
/// bytes, by (path, line, column).
type Places = BTreeMap<(String, usize, usize), (String, usize)>;

pub fn write_html(w: &mut dyn Write, report: &Report) -> io::Result<()> {
    let table = rules();
    let rule_index: BTreeMap<&str, usize> =
        table.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
    let mut docs: Vec<Doc> = Vec::new();
    for (n, f) in report.findings.iter().enumerate() {
        if docs.last().is_none_or(|d| d.path != f.path) {
            docs.push(Doc {
                path: &f.path,
                findings: Vec::new(),
                text: super::source_text(report, &f.path),
                alignment: report.alignments.get(&f.path),
            });
        }
        if let Some(d) = docs.last_mut() {
            d.findings.push((n, f));
        }
    }
    let doc_index: BTreeMap<&str, usize> =
        docs.iter().enumerate().map(|(i, d)| (d.path, i)).collect();
    let places = places(report, &doc_index, &docs);

    let mut page = String::new();
    page.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
    page.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
    page.push_str("<title>concord report</title>\n<style>\n");
    page.push_str(STYLE);
    page.push_str("</style>\n</head>\n<body>\n");
    header(&mut page, report);
    totals(&mut page, report, &table, &rule_index, &docs);
    page.push_str("<main>\n");
    for (i, d) in docs.iter().enumerate() {
        document(&mut page, i, d, &rule_index, &places);
    }
    page.push_str("</main>\n");
    input_errors(&mut page, report);
    rules_section(&mut page, &table);
    counts(&mut page, &docs, &rule_index);
    page.push_str("<script>\n");
    page.push_str(SCRIPT);
    page.push_str("</script>\n</body>\n</html>\n");
    w.write_all(page.as_bytes())
}

fn esc(s: &str) -> std::borrow::Cow<'_, str> {
    escape_text(s)
}

fn header(page: &mut String, report: &Report) {
    let s = super::Summary::of(report);
    let total = report.findings.len();
    let _ = write!(
        page,
        "<header>\n<h1>concord report</h1>\n<p id=\"summary\">{}</p>\n\
         <p>Showing <span id=\"shown\">{total}</span> of <span id=\"total\">{total}</span> \
         findings.</p>\n<fieldset id=\"severities\"><legend>Severity</legend>\n",
        esc(&summary_line(report))
    );
    for (sev, n) in SEVERITIES.iter().zip([s.errors, s.warnings, s.infos]) {
        let name = sev.as_str();
        let _ = writeln!(
            page,
            "<label class=\"s-{name}\"><input type=\"checkbox\" data-filter=\"s\" \
             value=\"{name}\" checked=\"checked\"/> {name} (<span class=\"n\">{n}</span>)</label>"
        );
    }
    page.push_str("</fieldset>\n</header>\n");
}

fn summary_line(report: &Report) -> String {
    let mut line = Vec::new();
    let _ = super::write_summary_line(&mut line, report);
    String::from_utf8_lossy(&line).trim_end().to_string()
}

fn totals(
    page: &mut String,
    report: &Report,
    table: &[&Rule],
    rule_index: &BTreeMap<&str, usize>,
    docs: &[Doc],
) {
    let mut by_rule = vec![0usize; table.len()];
    for f in &report.findings {
        if let Some(&i) = rule_index.get(f.rule) {
            by_rule[i] += 1;
        }
    }
    page.push_str(
        "<section id=\"totals\">\n<table id=\"by-rule\">\n<caption>Findings by rule</caption>\n\
         <tr><th>show</th><th>rule</th><th>severity</th><th>findings</th></tr>\n",
    );
    for (i, r) in table.iter().enumerate().filter(|(i, _)| by_rule[*i] > 0) {
        let _ = writeln!(
            page,
            "<tr><td><input type=\"checkbox\" data-filter=\"r\" value=\"{i}\" \
             checked=\"checked\" aria-label=\"show {id}\"/></td><td><a href=\"#rule-{i}\">{id}</a></td>\
             <td class=\"s-{sev}\">{sev}</td><td class=\"n\">{n}</td></tr>",
            id = r.id,
            sev = r.severity.as_str(),
            n = by_rule[i]
        );
    }
    page.push_str(
        "</table>\n<table id=\"by-file\">\n<caption>Findings by file</caption>\n\
         <tr><th>show</th><th>file</th><th>errors</th><th>warnings</th><th>infos</th></tr>\n",
    );
    for (i, d) in docs.iter().enumerate() {
        let count = |s: Severity| d.findings.iter().filter(|(_, f)| f.severity == s).count();
        let _ = writeln!(
            page,
            "<tr><td><input type=\"checkbox\" data-filter=\"d\" value=\"{i}\" \
             checked=\"checked\" aria-label=\"show {path}\"/></td><td><a href=\"#doc-{i}\">{path}</a></td>\
             <td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            count(Severity::Error),
            count(Severity::Warning),
            count(Severity::Info),
            path = esc(d.path)
        );
    }
    page.push_str("</table>\n</section>\n");
}

/// The element id of every related place shown in the report, and so linkable.
fn places(report: &Report, doc_index: &BTreeMap<&str, usize>, docs: &[Doc]) -> Places {
    let mut out = Places::new();
    for r in report.findings.iter().flat_map(|f| &f.related) {
        if let Some(&d) = doc_index.get(r.path.as_str())
            && docs[d].text.is_some()
        {
            out.entry((r.path.clone(), r.line, r.column))
                .or_insert_with(|| (format!("d{d}-{}-{}", r.line, r.column), r.text.len()));
        }
    }
    out
}

fn classes(f: &Finding, d: usize, rule_index: &BTreeMap<&str, usize>) -> String {
    let r = rule_index.get(f.rule).copied().unwrap_or(0);
    format!("f r{r} s-{} d{d}", f.severity.as_str())
}

fn document(
    page: &mut String,
    i: usize,
    d: &Doc,
    rule_index: &BTreeMap<&str, usize>,
    places: &Places,
) {
    let _ = writeln!(
        page,
        "<section class=\"doc d{i}\" id=\"doc-{i}\">\n<h2>{}</h2>",
        esc(d.path)
    );
    if let Some(text) = &d.text {
        let marks = marks(text, d, i, rule_index, places);
        let mut refs: Vec<&Mark> = marks.iter().collect();
        refs.sort_by_key(|m| (m.range.start, std::cmp::Reverse(m.range.end)));
        match d.alignment {
            Some(a) => side_by_side(page, text, a, d.path, &refs),
            None => {
                let _ = writeln!(
                    page,
                    "<div class=\"text\">{}</div>",
                    lines(text, 0..text.len(), &refs, 1)
                );
            }
        }
    } else {
        page.push_str("<p class=\"missing\">The text of this file could not be read again.</p>\n");
    }
    page.push_str("<ul class=\"findings\">\n");
    for &(n, f) in &d.findings {
        let classes = classes(f, i, rule_index);
        item(page, n, f, &classes, rule_index, places, d.text.is_some());
    }
    page.push_str("</ul>\n</section>\n");
}

/// The findings of a document and the related places in it, as marks.
fn marks(
    text: &str,
    d: &Doc,
    i: usize,
    rule_index: &BTreeMap<&str, usize>,
    places: &Places,
) -> Vec<Mark> {
    let mut marks: Vec<Mark> = d
        .findings
        .iter()
        .map(|&(n, f)| Mark {
            range: f.byte_start..f.byte_end,
            kind: MarkKind::Finding {
                number: n,
                classes: classes(f, i, rule_index),
                title: format!("{}[{}] {}", f.severity.as_str(), f.rule, f.message),
            },
        })
        .collect();
    let lines = LineIndex::new(text);
    for ((_, line, column), (id, len)) in places.iter().filter(|((p, ..), _)| p == d.path) {
        if let Some(start) = lines.offset(text, *line, *column) {
            // A place of no length, or at the very end, still gets an anchor where it can.
            let end = (start + len)
                .min(text.len())
                .max((start + 1).min(text.len()));
            marks.push(Mark {
                range: start..end,
                kind: MarkKind::Place { id: id.clone() },
            });
        }
    }
    marks
}

fn side_by_side(page: &mut String, text: &str, a: &Alignment, target: &str, marks: &[&Mark]) {
    let _ = writeln!(
        page,
        "<table class=\"sbs\">\n<tr><th>source: {}</th><th>translation: {}</th></tr>",
        esc(&a.source),
        esc(target)
    );
    let index = LineIndex::new(text);
    let row = |page: &mut String, source: &str, range: std::ops::Range<usize>| {
        let first_line = index.position(text, range.start).line;
        let _ = writeln!(
            page,
            "<tr><td class=\"source\">{}</td><td class=\"target\">{}</td></tr>",
            esc(source),
            lines(text, range, marks, first_line)
        );
    };
    // Text between the units is shown only when a finding starts in it (a heading the
    // aligner left out), so that every finding has its place on the page.
    let gap = |page: &mut String, range: std::ops::Range<usize>| {
        let trimmed = trim(text, range);
        if marks.iter().any(|m| trimmed.contains(&m.range.start)) {
            row(page, "", trimmed);
        }
    };
    let mut at = 0;
    for (source, range) in &a.rows {
        let range = range.start.max(at)..range.end.max(at).min(text.len());
        gap(page, at..range.start);
        row(page, source, range.clone());
        at = range.end;
    }
    gap(page, at..text.len());
    page.push_str("</table>\n");
}

fn trim(text: &str, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let s = &text[range.clone()];
    let start = range.start + (s.len() - s.trim_start().len());
    let end = range.end - (s.len() - s.trim_end().len());
    start..end.max(start)
}

fn item(
    page: &mut String,
    n: usize,
    f: &Finding,
    classes: &str,
    rule_index: &BTreeMap<&str, usize>,
    places: &Places,
    has_text: bool,
) {
    let at = format!("{}:{}", f.line, f.column);
    let at = if has_text {
        format!("<a class=\"at\" href=\"#f{n}\">{at}</a>")
    } else {
        format!("<span class=\"at\">{at}</span>")
    };
    let _ = write!(
        page,
        "<li class=\"{classes}\" id=\"i{n}\"><span class=\"sev\">{sev}</span> \
         <a class=\"rule\" href=\"#rule-{r}\">{rule}</a> {at} <span class=\"msg\">{msg}</span>",
        sev = f.severity.as_str(),
        r = rule_index.get(f.rule).copied().unwrap_or(0),
        rule = f.rule,
        msg = esc(&f.message)
    );
    if let Some(s) = f.suggestions.first() {
        let _ = write!(page, " <span class=\"fix\">→ “{}”</span>", esc(s));
    }
    if !f.related.is_empty() {
        page.push_str(" <span class=\"related\">see ");
        let links: Vec<String> = f
            .related
            .iter()
            .map(|r| related_link(r, f, places))
            .collect();
        page.push_str(&links.join(", "));
        page.push_str("</span>");
    }
    page.push_str("</li>\n");
}

fn related_link(r: &Related, f: &Finding, places: &Places) -> String {
    let place = if r.path == f.path {
        format!("{}:{}", r.line, r.column)
    } else {
        format!("{}:{}:{}", r.path, r.line, r.column)
    };
    let label = format!("“{}” at {}", esc(&r.text), esc(&place));
    // A document without findings of its own is not in the report: nothing to link to.
    match places.get(&(r.path.clone(), r.line, r.column)) {
        Some((id, _)) => format!("<a href=\"#{id}\">{label}</a>"),
        None => label,
    }
}

fn input_errors(page: &mut String, report: &Report) {
    if report.input_errors.is_empty() {
        return;
    }
    page.push_str(
        "<section id=\"input-errors\">\n<h2>Inputs that could not be checked</h2>\n<ul>\n",
    );
    for e in &report.input_errors {
        let _ = writeln!(page, "<li>{}: {}</li>", esc(&e.path), esc(&e.message));
    }
    page.push_str("</ul>\n</section>\n");
}

fn rules_section(page: &mut String, table: &[&Rule]) {
    page.push_str("<section id=\"rules\">\n<h2>Rules</h2>\n<dl>\n");
    for (i, r) in table.iter().enumerate() {
        let _ = writeln!(
            page,
            "<dt id=\"rule-{i}\">{id} <span class=\"s-{sev}\">{sev}</span></dt>\n<dd><p>{summary}.</p>\
             <p>{explanation}</p><pre class=\"example\">{example}</pre></dd>",
            id = r.id,
            sev = r.severity.as_str(),
            summary = esc(r.summary),
            explanation = esc(r.explanation),
            example = esc(&r.example_text()),
        );
    }
    page.push_str("</dl>\n</section>\n");
}

/// Findings counted by (document, rule, severity), for the count of shown findings.
fn counts(page: &mut String, docs: &[Doc], rule_index: &BTreeMap<&str, usize>) {
    let mut counts: BTreeMap<(usize, usize, &str), usize> = BTreeMap::new();
    for (d, doc) in docs.iter().enumerate() {
        for (_, f) in &doc.findings {
            let r = rule_index.get(f.rule).copied().unwrap_or(0);
            *counts.entry((d, r, f.severity.as_str())).or_default() += 1;
        }
    }
    let list: Vec<serde_json::Value> = counts
        .into_iter()
        .map(|((d, r, s), n)| serde_json::json!([d, r, s, n]))
        .collect();
    let json = serde_json::to_string(&list).unwrap_or_else(|_| "[]".into());
    let _ = writeln!(
        page,
        "<script type=\"application/json\" id=\"counts\">{}</script>",
        json.replace('<', "\\u003c")
    );
}
