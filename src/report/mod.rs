//! Printers for a run's findings. Each writes to a `Write` it is given; none prints on its own.
//! Human, brief and JSON Lines output can also be written a document at a time, as a streamed
//! run finishes them ([`write_human_findings`], [`write_brief`]'s per-finding lines,
//! [`JsonLine`]); JSON, SARIF and HTML are one document each and need the whole report.

mod brief;
mod html;
mod human;
mod json;
mod sarif;

use std::io::{self, Write};

pub use brief::{write_brief, write_brief_findings};
pub use html::write_html;
pub use human::{write_human, write_human_findings, write_human_tail};
pub use json::{JsonLine, JsonReport, write_json, write_jsonl};
pub use sarif::write_sarif;

use crate::engine::Report;
use crate::finding::Severity;

/// The `summary` object of the JSON contract.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    pub fn of(report: &Report) -> Summary {
        Summary {
            files: report.files,
            errors: report.count(Severity::Error),
            warnings: report.count(Severity::Warning),
            infos: report.count(Severity::Info),
        }
    }

    /// Counts one more document and its findings.
    pub fn add(&mut self, findings: &[crate::finding::Finding]) {
        self.files += 1;
        for f in findings {
            match f.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }
}

/// The text of the document at `path`: kept in the report, or, for findings made after the
/// documents were checked (name/corpus) in a file whose text was not kept, read again.
fn source_text<'a>(report: &'a Report, path: &str) -> Option<std::borrow::Cow<'a, str>> {
    match report.sources.get(path) {
        Some(text) => Some(text.as_str().into()),
        None => std::fs::read(path)
            .ok()
            .and_then(|b| crate::text::decode(&b).ok())
            .map(|(t, _)| t.into()),
    }
}

fn plural(n: usize, one: &str) -> String {
    count(n, one, &format!("{one}s"))
}

/// "1 entry", "2 entries": a count with its noun in the right number.
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// One line: "2 errors, 1 warning, 0 infos in 3 files".
pub fn write_summary_line(w: &mut dyn Write, report: &Report) -> io::Result<()> {
    write_summary(w, Summary::of(report), report.input_errors.len())
}

/// [`write_summary_line`] from the counts, and the number of inputs that could not be read.
pub fn write_summary(w: &mut dyn Write, s: Summary, unread: usize) -> io::Result<()> {
    let mut line = format!(
        "{}, {}, {} in {}",
        plural(s.errors, "error"),
        plural(s.warnings, "warning"),
        plural(s.infos, "info"),
        plural(s.files, "file")
    );
    if unread > 0 {
        line.push_str(&format!("; {} could not be read", plural(unread, "input")));
    }
    writeln!(w, "{line}")
}
