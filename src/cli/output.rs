//! Printing a streamed run: each document's findings are written (and standard output
//! flushed) as soon as the engine hands the document over, the summary at the end. `-o FILE`
//! is written beside FILE and renamed over it when the run is complete.

use std::io::{BufWriter, Write};
use std::path::Path;

use anyhow::Context as _;

use concord::Severity;
use concord::atomic::{AtomicFile, WriteOptions};
use concord::engine::{Checked, InputError};
use concord::report::{self, JsonLine, Summary};

/// The streamed formats.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Streamed {
    Human { styled: bool },
    Brief,
    Jsonl,
}

enum Out {
    Stdout(BufWriter<std::io::Stdout>),
    File(Box<BufWriter<AtomicFile>>),
    Nowhere,
}

/// Writes documents as they come and keeps the counts for the summary and the exit code.
pub struct Printer {
    format: Streamed,
    out: Out,
    verbose: bool,
    /// The --fail-on threshold of the documents being printed (their settings').
    pub threshold: Option<Severity>,
    pub summary: Summary,
    pub input_errors: Vec<InputError>,
    /// A finding at or above its threshold was printed.
    pub failed: bool,
    /// Standard output was closed by its reader: nothing more is written.
    closed: bool,
}

impl Printer {
    /// Writes to `output` (atomically), or standard output, or nowhere when `quiet`.
    pub fn new(
        format: Streamed,
        output: Option<&Path>,
        quiet: bool,
        verbose: bool,
    ) -> anyhow::Result<Printer> {
        let out = match output {
            Some(path) => Out::File(Box::new(BufWriter::new(
                AtomicFile::create(path, WriteOptions::default())
                    .with_context(|| format!("writing the report to {}", path.display()))?,
            ))),
            None if quiet => Out::Nowhere,
            None => Out::Stdout(BufWriter::new(std::io::stdout())),
        };
        Ok(Printer {
            format,
            out,
            verbose,
            threshold: Some(Severity::Error),
            summary: Summary::default(),
            input_errors: Vec::new(),
            failed: false,
            closed: false,
        })
    }

    /// Prints one input's outcome; false once nothing more can be written.
    pub fn document(&mut self, outcome: Result<Checked, InputError>) -> anyhow::Result<bool> {
        let mut buf = Vec::new();
        match outcome {
            Ok(checked) => {
                if self.verbose {
                    for n in &checked.notes {
                        eprintln!("note: {}: {}", n.path, n.message);
                    }
                }
                self.summary.add(&checked.findings);
                self.failed |= checked
                    .findings
                    .iter()
                    .any(|f| self.threshold.is_some_and(|t| f.severity >= t));
                match self.format {
                    Streamed::Human { styled } => report::write_human_findings(
                        &mut buf,
                        &checked.findings,
                        checked.source.as_deref(),
                        styled,
                    ),
                    Streamed::Brief => report::write_brief_findings(&mut buf, &checked.findings),
                    Streamed::Jsonl => checked
                        .findings
                        .iter()
                        .try_for_each(|f| JsonLine::Finding(f).write(&mut buf)),
                }
                .context("rendering the report")?;
                // The parts of a container that could not be read; the rest was checked.
                for e in checked.errors {
                    if self.format == Streamed::Jsonl {
                        JsonLine::InputError(&e).write(&mut buf)?;
                    }
                    self.input_errors.push(e);
                }
            }
            Err(e) => {
                if self.format == Streamed::Jsonl {
                    JsonLine::InputError(&e).write(&mut buf)?;
                }
                self.input_errors.push(e);
            }
        }
        self.write(&buf)
    }

    /// Writes and, on standard output, flushes, so that a reader sees each document at once.
    fn write(&mut self, bytes: &[u8]) -> anyhow::Result<bool> {
        if bytes.is_empty() || self.closed {
            return Ok(!self.closed);
        }
        let result = match &mut self.out {
            Out::Stdout(w) => w.write_all(bytes).and_then(|()| w.flush()),
            Out::File(w) => {
                return w
                    .write_all(bytes)
                    .map(|()| true)
                    .context("writing the report");
            }
            Out::Nowhere => return Ok(true),
        };
        match result {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(false)
            }
            other => other.map(|()| true).context("writing the report"),
        }
    }

    /// Writes what follows the documents (the summary) and puts `-o FILE` in place. Input
    /// errors go to standard error unless the human report lists them.
    pub fn finish(mut self) -> anyhow::Result<()> {
        self.input_errors.sort_by(|a, b| a.path.cmp(&b.path));
        let mut buf = Vec::new();
        match self.format {
            Streamed::Human { .. } => {
                report::write_human_tail(&mut buf, &self.input_errors, self.summary)?
            }
            Streamed::Brief => {}
            Streamed::Jsonl => JsonLine::Summary(self.summary).write(&mut buf)?,
        }
        self.write(&buf)?;
        let listed =
            matches!(self.format, Streamed::Human { .. }) && matches!(self.out, Out::Stdout(_));
        if !listed {
            for e in &self.input_errors {
                eprintln!("error: {}: {}", e.path, e.message);
            }
        }
        if let Out::File(w) = self.out {
            (*w).into_inner()
                .map_err(|e| e.into_error())
                .and_then(AtomicFile::commit)
                .context("writing the report")?;
        }
        Ok(())
    }
}
