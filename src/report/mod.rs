//! Printers for a run's findings. Each writes to a `Write` it is given; none prints on its own.

mod brief;
mod html;
mod human;
mod json;
mod sarif;

use std::io::{self, Write};

pub use brief::write_brief;
pub use html::write_html;
pub use human::write_human;
pub use json::{JsonReport, write_json, write_jsonl};
pub use sarif::write_sarif;

use crate::engine::Report;
use crate::finding::Severity;

/// The `summary` object of the JSON contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
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
    let s = Summary::of(report);
    let mut line = format!(
        "{}, {}, {} in {}",
        plural(s.errors, "error"),
        plural(s.warnings, "warning"),
        plural(s.infos, "info"),
        plural(s.files, "file")
    );
    if !report.input_errors.is_empty() {
        line.push_str(&format!(
            "; {} could not be read",
            plural(report.input_errors.len(), "input")
        ));
    }
    writeln!(w, "{line}")
}
