//! The pipeline: input → document (text, format, language) → tokens → glossary matches →
//! checks → sorted findings. Documents are checked in parallel with rayon; the result does not
//! depend on the number of threads.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use rayon::prelude::*;

use crate::checks::{self, Check, Context};
use crate::document::{Document, LangSource};
use crate::finding::{self, Finding, Severity};
use crate::glossary::{GlossarySet, Matcher};
use crate::lang::{self, Detector, LangTag};
use crate::markup::Format;
use crate::text;

/// How documents are read and which rules run.
#[derive(Debug, Clone)]
pub struct Options {
    /// Every document is in this language (`--lang`).
    pub lang: Option<LangTag>,
    /// The language used when a document's language is neither declared nor reliably detected.
    pub default_lang: LangTag,
    /// Rule ids not to report.
    pub disabled_rules: HashSet<String>,
    /// Keep the text of every document with findings in the report (for printing snippets).
    pub keep_sources: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            lang: None,
            default_lang: LangTag::parse("en").expect("en is a tag"),
            disabled_rules: HashSet::new(),
            keep_sources: false,
        }
    }
}

/// Something to check.
#[derive(Debug, Clone)]
pub enum Input {
    File(PathBuf),
    /// Text read elsewhere (standard input), shown under `name`.
    Bytes {
        name: String,
        bytes: Vec<u8>,
        format: Format,
    },
}

/// An input that could not be checked, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct InputError {
    pub path: String,
    pub message: String,
}

/// A remark about how an input was read (shown in verbose mode).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Note {
    pub path: String,
    pub message: String,
}

/// Everything a run found.
#[derive(Debug, Default)]
pub struct Report {
    /// Documents checked.
    pub files: usize,
    pub findings: Vec<Finding>,
    pub input_errors: Vec<InputError>,
    pub notes: Vec<Note>,
    /// Texts of the documents with findings, by path, when [`Options::keep_sources`] is set.
    pub sources: BTreeMap<String, String>,
}

impl Report {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}

pub struct Engine {
    glossaries: GlossarySet,
    detector: Detector,
    matchers: RwLock<HashMap<LangTag, Arc<Matcher>>>,
    checks: Vec<Box<dyn Check>>,
    options: Options,
}

impl Engine {
    pub fn new(glossaries: GlossarySet, options: Options) -> Engine {
        let detector = Detector::new(&glossaries.languages());
        Engine {
            glossaries,
            detector,
            matchers: RwLock::new(HashMap::new()),
            checks: checks::registry(),
            options,
        }
    }

    pub fn glossaries(&self) -> &GlossarySet {
        &self.glossaries
    }

    /// The compiled glossary matcher for a language, built once and shared between threads.
    pub fn matcher(&self, lang: &LangTag) -> Arc<Matcher> {
        if let Some(m) = self
            .matchers
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(lang)
        {
            return m.clone();
        }
        let compiled = Arc::new(Matcher::compile(&self.glossaries, lang));
        let mut map = self.matchers.write().unwrap_or_else(|e| e.into_inner());
        map.entry(lang.clone()).or_insert(compiled).clone()
    }

    /// Decodes bytes into a document and settles its language: `--lang`, else the file name,
    /// else identification among the glossaries' languages, else the default.
    pub fn document(
        &self,
        path: &str,
        bytes: &[u8],
        format: Format,
    ) -> Result<Document, InputError> {
        let (text, encoding) = text::decode(bytes).map_err(|e| InputError {
            path: path.to_string(),
            message: format!("{}: {}", e.position, e.message),
        })?;
        let file_name = Path::new(path).file_name().and_then(|n| n.to_str());
        let declared = self
            .options
            .lang
            .clone()
            .map(|l| (l, LangSource::Given))
            .or_else(|| {
                file_name
                    .and_then(lang::from_file_name)
                    .map(|l| (l, LangSource::FileName))
            });
        Ok(Document::new(path, text, encoding, format, |prose| {
            declared.unwrap_or_else(|| match self.detector.detect(prose) {
                Some(d) if d.reliable => (
                    d.lang,
                    LangSource::Detected {
                        confidence: d.confidence,
                    },
                ),
                guess => (
                    self.options.default_lang.clone(),
                    LangSource::Default {
                        guess: guess.map(|d| (d.lang, d.confidence)),
                    },
                ),
            })
        }))
    }

    /// Runs every enabled check on one document; findings in report order.
    pub fn check(&self, doc: &Document) -> Vec<Finding> {
        let matcher = self.matcher(&doc.lang);
        let matches = matcher.find(&doc.prose, &doc.tokens);
        let cx = Context {
            doc,
            glossaries: &self.glossaries,
            matches: &matches,
        };
        let mut findings: Vec<Finding> = self
            .checks
            .iter()
            .flat_map(|c| c.run(&cx))
            .filter(|f| !self.options.disabled_rules.contains(f.rule))
            .collect();
        finding::sort(&mut findings);
        findings
    }

    /// Checks inputs in parallel (on the current rayon pool). One bad input is reported and
    /// the others still run; so is a bug that panics on one document.
    pub fn run(&self, inputs: Vec<Input>) -> Report {
        let results: Vec<Result<Checked, InputError>> = inputs
            .into_par_iter()
            .map(|input| {
                let name = input.name();
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.run_one(input)))
                    .unwrap_or_else(|panic| Err(internal_error(name, panic)))
            })
            .collect();
        let mut report = Report::default();
        for r in results {
            match r {
                Ok(checked) => {
                    report.files += 1;
                    if let Some(text) = checked.source {
                        report.sources.insert(checked.path, text);
                    }
                    report.findings.extend(checked.findings);
                    report.notes.extend(checked.note);
                }
                Err(e) => report.input_errors.push(e),
            }
        }
        finding::sort(&mut report.findings);
        report.input_errors.sort_by(|a, b| a.path.cmp(&b.path));
        report
    }

    fn run_one(&self, input: Input) -> Result<Checked, InputError> {
        let (name, bytes, format) = match input {
            Input::File(path) => {
                let name = path.display().to_string();
                let bytes = std::fs::read(&path).map_err(|e| InputError {
                    path: name.clone(),
                    message: e.to_string(),
                })?;
                let format = Format::from_path(&path);
                (name, bytes, format)
            }
            Input::Bytes {
                name,
                bytes,
                format,
            } => (name, bytes, format),
        };
        let doc = self.document(&name, &bytes, format)?;
        let note = language_note(&doc);
        let findings = self.check(&doc);
        let source = (self.options.keep_sources && !findings.is_empty()).then(|| doc.text.clone());
        Ok(Checked {
            path: doc.path,
            findings,
            note,
            source,
        })
    }
}

/// What checking one input produced.
struct Checked {
    path: String,
    findings: Vec<Finding>,
    note: Option<Note>,
    source: Option<String>,
}

/// A panic while checking one document becomes that document's error.
fn internal_error(path: String, panic: Box<dyn std::any::Any + Send>) -> InputError {
    let what = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    InputError {
        path,
        message: format!("internal error while checking this file ({what}); please report it"),
    }
}

impl Input {
    /// The name this input is reported under.
    pub fn name(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Bytes { name, .. } => name.clone(),
        }
    }
}

fn language_note(doc: &Document) -> Option<Note> {
    let message = match &doc.lang_source {
        LangSource::Given | LangSource::FileName => return None,
        LangSource::Detected { confidence } => {
            format!(
                "language {} detected (confidence {confidence:.2})",
                doc.lang
            )
        }
        LangSource::Default {
            guess: Some((g, c)),
        } => format!(
            "language detection unreliable (best guess {g}, confidence {c:.2}); using the default {}",
            doc.lang
        ),
        LangSource::Default { guess: None } => {
            format!("language not identified; using the default {}", doc.lang)
        }
    };
    Some(Note {
        path: doc.path.clone(),
        message,
    })
}
