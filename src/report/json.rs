//! The JSON contract (`--format json`) and JSON Lines (`--format jsonl`).

use std::io::{self, Write};

use serde::Serialize;

use super::Summary;
use crate::engine::{InputError, Report};
use crate::finding::Finding;

/// Version of the JSON report; bumped only for changes that break readers.
pub const JSON_VERSION: u32 = 1;

/// The JSON report of a run, as `--format json` writes it (and a service answers).
#[derive(Serialize)]
pub struct JsonReport<'a> {
    version: u32,
    findings: &'a [Finding],
    summary: Summary,
    input_errors: &'a [InputError],
}

impl JsonReport<'_> {
    pub fn of(report: &Report) -> JsonReport<'_> {
        JsonReport {
            version: JSON_VERSION,
            findings: &report.findings,
            summary: Summary::of(report),
            input_errors: &report.input_errors,
        }
    }
}

pub fn write_json(w: &mut dyn Write, report: &Report) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, &JsonReport::of(report))?;
    writeln!(w)
}

/// One line of `--format jsonl`: a tagged object.
#[derive(Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum JsonLine<'a> {
    Finding(&'a Finding),
    InputError(&'a InputError),
    Summary(Summary),
}

impl JsonLine<'_> {
    pub fn write(&self, w: &mut dyn Write) -> io::Result<()> {
        serde_json::to_writer(&mut *w, self)?;
        writeln!(w)
    }
}

/// One tagged object per line: every finding, every input error, then the summary.
pub fn write_jsonl(w: &mut dyn Write, report: &Report) -> io::Result<()> {
    let lines = report
        .findings
        .iter()
        .map(JsonLine::Finding)
        .chain(report.input_errors.iter().map(JsonLine::InputError))
        .chain(std::iter::once(JsonLine::Summary(Summary::of(report))));
    for line in lines {
        line.write(w)?;
    }
    Ok(())
}
