//! The pipeline: input → document (text, format, language) → tokens → glossary matches →
//! checks → sorted findings. Documents are checked in parallel and handed back one by one, in
//! input order or as they finish ([`crate::stream`]); the result does not depend on the number
//! of threads. `name/corpus` needs every document's names: a run counts them while it checks
//! each document and adds the `name/corpus` findings once all are counted
//! ([`Engine::stream_reading_register`]), or is given a finished register.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use rayon::prelude::*;

use crate::bilingual::{Pair, UnitPair};
use crate::checks::{self, Check, Context, PairCheck, PairContext};
use crate::corpus::{self, DocNames, Register, ReportedNames, Tally};
use crate::document::{Document, LangSource};
use crate::finding::{self, Finding, Severity};
use crate::formats::{Container, Unit};
use crate::glossary::matcher::LanguageIndex;
use crate::glossary::{GlossarySet, Matcher};
pub use crate::inputs::{Input, Kind, Text};
use crate::lang::{self, Detector, LangTag};
use crate::markup::Format;
pub use crate::options::Options;
use crate::origin::Piece;
pub use crate::stream::Order;
use crate::suppress::Suppressions;
use crate::text;
use crate::text::LineIndex;

/// Whether any of a check's rules is enabled.
fn reports_any(rules: &[checks::Rule], options: &Options) -> bool {
    rules.iter().any(|r| !options.disabled_rules.contains(r.id))
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
    /// For the translations among them, how they line up with their sources.
    pub alignments: BTreeMap<String, Alignment>,
}

/// How a translation lines up with its source, for side-by-side views.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Alignment {
    /// The source file (the container itself for XLIFF, TMX and JSON Lines).
    pub source: String,
    /// Each unit's source text and the byte range of its target in the target file's text,
    /// in file order.
    pub rows: Vec<(String, std::ops::Range<usize>)>,
}

impl Alignment {
    fn add(&mut self, pair: &Pair) {
        self.rows.extend(pair.units.iter().map(|u| {
            let target = pair.target.locate(u.target.clone()).0;
            (pair.source.text[u.source.clone()].to_string(), target)
        }));
    }
}

impl Report {
    /// The report in report order, once every outcome is in.
    pub fn sorted(mut self) -> Report {
        finding::sort(&mut self.findings);
        self.input_errors.sort_by(|a, b| a.path.cmp(&b.path));
        self
    }

    /// Adds one input's outcome (findings are sorted by the caller, once all are in).
    pub fn add(&mut self, outcome: Result<Checked, InputError>) {
        match outcome {
            Ok(checked) => {
                self.files += 1;
                self.input_errors.extend(checked.errors);
                if let Some(alignment) = checked.alignment.filter(|_| checked.source.is_some()) {
                    self.alignments.insert(checked.path.clone(), alignment);
                }
                if let Some(text) = checked.source {
                    self.sources.insert(checked.path, text);
                }
                self.findings.extend(checked.findings);
                self.notes.extend(checked.notes);
            }
            Err(e) => self.input_errors.push(e),
        }
    }

    /// Adds another run's results (of other inputs) to this one, in report order.
    pub fn merge(&mut self, other: Report) {
        self.files += other.files;
        self.findings.extend(other.findings);
        finding::sort(&mut self.findings);
        self.input_errors.extend(other.input_errors);
        self.input_errors.sort_by(|a, b| a.path.cmp(&b.path));
        self.notes.extend(other.notes);
        self.sources.extend(other.sources);
        self.alignments.extend(other.alignments);
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}

pub struct Engine {
    /// Shared with the matchers, which build a form's pattern when a text first has its word.
    glossaries: Arc<GlossarySet>,
    detector: Detector,
    matchers: RwLock<HashMap<LangTag, Arc<std::sync::OnceLock<Arc<Matcher>>>>>,
    /// The glossaries' entries by language, built when a second language needs a matcher.
    language_index: std::sync::OnceLock<LanguageIndex>,
    checks: Vec<Box<dyn Check>>,
    pair_checks: Vec<Box<dyn PairCheck>>,
    options: Options,
    /// The rules suppression directives may name.
    rule_ids: Vec<&'static str>,
}

impl Engine {
    pub fn new(glossaries: GlossarySet, options: Options) -> Engine {
        // Which glossaries are loaded says nothing about the language a document is in.
        let detector = Detector::any();
        Engine {
            glossaries: Arc::new(glossaries),
            detector,
            matchers: RwLock::new(HashMap::new()),
            language_index: std::sync::OnceLock::new(),
            // A check whose every rule is disabled is not run at all: its cost goes too.
            checks: checks::registry()
                .into_iter()
                .filter(|c| reports_any(c.rules(), &options))
                .collect(),
            pair_checks: checks::pair_registry()
                .into_iter()
                .filter(|c| reports_any(c.rules(), &options))
                .collect(),
            options,
            rule_ids: checks::rule_ids(),
        }
    }

    pub fn glossaries(&self) -> &GlossarySet {
        &self.glossaries
    }

    /// The compiled glossary matcher for a language, built once and shared between threads
    /// (a thread that wants one being built waits for it rather than building it again), and
    /// shared between the tags that read the same sections ("en-GB" and "en" when the
    /// glossaries only write "en").
    pub fn matcher(&self, lang: &LangTag) -> Arc<Matcher> {
        let cell = |tag: &LangTag| {
            if let Some(c) = self
                .matchers
                .read()
                .unwrap_or_else(|e| e.into_inner())
                .get(tag)
            {
                return c.clone();
            }
            let mut map = self.matchers.write().unwrap_or_else(|e| e.into_inner());
            map.entry(tag.clone()).or_default().clone()
        };
        let own = cell(lang);
        if let Some(m) = own.get() {
            return m.clone();
        }
        // A run in one language compiles its matcher from the entries as they are; a second
        // language indexes the entries by language once, for this and every later one.
        let single = self.language_index.get().is_none()
            && self
                .matchers
                .read()
                .unwrap_or_else(|e| e.into_inner())
                .len()
                == 1;
        if single {
            return own
                .get_or_init(|| Arc::new(Matcher::compile(self.glossaries.clone(), lang)))
                .clone();
        }
        let index = self
            .language_index
            .get_or_init(|| LanguageIndex::new(&self.glossaries));
        let tag = index.matcher_tag(lang);
        own.get_or_init(|| {
            if tag == *lang {
                Arc::new(Matcher::compile_indexed(
                    self.glossaries.clone(),
                    lang,
                    index,
                ))
            } else {
                self.matcher(&tag)
            }
        })
        .clone()
    }

    /// Decodes bytes into a document and settles its language: `--lang`, else the file name,
    /// else identification among the glossaries' languages, else the default.
    pub fn document(
        &self,
        path: &str,
        bytes: &[u8],
        format: Format,
    ) -> Result<Document, InputError> {
        self.load(path, bytes, format, self.options.lang.clone())
    }

    fn load(
        &self,
        path: &str,
        bytes: &[u8],
        format: Format,
        given: Option<LangTag>,
    ) -> Result<Document, InputError> {
        let text = decode(path, bytes)?.0;
        if let Some((at, len)) = crate::limits::long_line(&text) {
            let p = LineIndex::new(&text).position(&text, at);
            return Err(InputError {
                path: path.to_string(),
                message: format!("{p}: line {}: {}", p.line, crate::limits::too_long(len)),
            });
        }
        let file_name = Path::new(path).file_name().and_then(|n| n.to_str());
        let declared = given
            .map(|l| (l, LangSource::Given))
            .or_else(|| {
                file_name
                    .and_then(lang::from_file_name)
                    .map(|l| (l, LangSource::FileName))
            })
            .or_else(|| {
                let config = self.options.path_languages.as_ref()?;
                let (lang, pattern) = config.language_of(Path::new(path))?;
                Some((
                    lang.clone(),
                    LangSource::Path {
                        pattern: pattern.to_string(),
                    },
                ))
            });
        Ok(Document::new(
            path,
            text,
            text::Encoding::Utf8,
            format,
            |prose| declared.unwrap_or_else(|| self.identify(prose)),
        ))
    }

    /// Language identification with the default as fallback.
    fn identify(&self, text: &str) -> (LangTag, LangSource) {
        match self.detector.detect(text) {
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
        }
    }

    /// Runs every enabled check on one document; findings in report order.
    pub fn check(&self, doc: &Document) -> Vec<Finding> {
        let matches = self.matcher(&doc.lang).find(&doc.prose, &doc.tokens);
        let cx = Context::new(doc, &self.glossaries, &matches, &self.options);
        self.finish(self.checks.iter().flat_map(|c| c.run(&cx)).collect())
    }

    /// Checks a translation against its source: the target's own checks, then the checks
    /// across languages. Findings are on the target.
    pub fn check_pair(&self, pair: &Pair) -> Vec<Finding> {
        let (source, target) = (&pair.source, &pair.target);
        let source_matches = self
            .matcher(&source.lang)
            .find(&source.prose, &source.tokens);
        let target_matches = self
            .matcher(&target.lang)
            .find(&target.prose, &target.tokens);
        let cx = Context::new(target, &self.glossaries, &target_matches, &self.options)
            .with_source(source);
        let mut findings: Vec<Finding> = self.checks.iter().flat_map(|c| c.run(&cx)).collect();
        let pcx = PairContext {
            pair,
            source_matches: &source_matches,
            target: cx,
            detector: &self.detector,
        };
        findings.extend(self.pair_checks.iter().flat_map(|c| c.run(&pcx)));
        self.finish(findings)
    }

    fn finish(&self, mut findings: Vec<Finding>) -> Vec<Finding> {
        findings.retain(|f| !self.options.disabled_rules.contains(f.rule));
        self.set_severities(&mut findings);
        finding::sort(&mut findings);
        findings.dedup();
        findings
    }

    /// The severities the options set, in place of the checks' own.
    fn set_severities(&self, findings: &mut [Finding]) {
        if self.options.severities.is_empty() {
            return;
        }
        for f in findings {
            if let Some(&s) = self.options.severities.get(f.rule) {
                f.severity = s;
            }
        }
    }

    /// Whether `name/corpus` is reported, which needs a register of every document's names.
    pub fn wants_register(&self) -> bool {
        self.options.corpus_names && !self.options.disabled_rules.contains(corpus::RULE.id)
    }

    /// Checks inputs and collects the report, findings in report order. One bad input is
    /// reported and the others still run; so is a bug that panics on one document. With
    /// `name/corpus` on, the documents' names are read first (a pass of their own).
    pub fn run(&self, inputs: Vec<Input>) -> Report {
        self.run_counted(inputs, Run::default())
    }

    /// [`Engine::run`], scheduled as `run` says.
    pub fn run_counted(&self, inputs: Vec<Input>, run: Run<'_>) -> Report {
        // One input cannot spell a name unlike the others.
        if !(self.wants_register() && inputs.len() > 1) {
            return self.collect(inputs.into_iter(), None, run);
        }
        let mut report = Report::default();
        self.stream_reading_register(inputs.into_iter(), run, |outcome| {
            report.add(outcome);
            true
        });
        report.sorted()
    }

    /// [`Engine::stream`] with `name/corpus` against the register of these same inputs, in
    /// one pass: each article is checked as it is read and its names counted; its
    /// `name/corpus` findings are added once the register is complete, and the outcomes are
    /// then handed to `emit` in input order. (Reading the names in a pass of their own would
    /// read, tokenize and match every document twice.) Returns the register, which a caller
    /// about to exit need not free.
    pub fn stream_reading_register<I>(
        &self,
        inputs: I,
        run: Run<'_>,
        mut emit: impl FnMut(Result<Checked, InputError>) -> bool,
    ) -> Register
    where
        I: Iterator<Item = Input> + Send,
    {
        let stamp = corpus::glossary_stamp(&self.glossaries);
        // The workers count the names of the articles they check into one tally (a tally each
        // would hold the corpus's common spellings twice; counting is a twentieth of a check,
        // so a worker rarely waits for the other).
        let tally: Mutex<Tally> = Mutex::new(Tally::new(stamp));
        let work = |_, input: Input| {
            let mut outcome = guarded(&run, input, |input| self.run_one_pending(input));
            if let Ok(Pending::Article(a)) = &mut outcome
                && let Some(counting) = a.counting.take()
            {
                let Counting { tallied, shown } = *counting;
                let mut tally = tally.lock().unwrap_or_else(|e| e.into_inner());
                tally.add(&a.name, &tallied);
                a.names = tally.report(shown.as_ref().unwrap_or(&tallied));
            }
            outcome
        };
        let mut outcomes: Vec<(usize, Result<Pending, InputError>)> = Vec::new();
        crate::stream::map(inputs, run.workers(), Order::Finish, work, |i, outcome| {
            outcomes.push((i, outcome));
            true
        });
        outcomes.sort_by_key(|(i, _)| *i);
        let tally = tally.into_inner().unwrap_or_else(|e| e.into_inner());
        let register = Register::clustered(tally, run.workers());
        let finish = |_, (_, outcome): (usize, Result<Pending, InputError>)| {
            outcome.map(|p| match p {
                Pending::Done(checked) => *checked,
                Pending::Article(a) => self.finish_article(*a, &register),
            })
        };
        crate::stream::map(
            outcomes.into_iter(),
            run.workers(),
            Order::Input,
            finish,
            |_, outcome| emit(outcome),
        );
        register
    }

    /// An input checked, an article but for its `name/corpus` findings.
    fn run_one_pending(&self, input: Input) -> Result<Pending, InputError> {
        match self.open(input)? {
            Opened::Article {
                name,
                doc,
                kind,
                record,
            } => {
                let (matches, findings) = self.article_findings(&doc, kind, record);
                // An article whose directives cannot be read is not checked, so not counted.
                let suppressions = self.suppressions(&doc)?;
                let names = corpus::collect(&doc, &matches, &self.glossaries, &findings);
                // The register joins the spellings of the name/inconsistent findings that
                // are reported: where a directive hides one, it counts the names without it.
                let hidden = |f: &Finding| f.rule == "name/inconsistent" && suppressions.covers(f);
                let (tallied, shown) = if findings.iter().any(hidden) {
                    let shown: Vec<Finding> =
                        findings.iter().filter(|f| !hidden(f)).cloned().collect();
                    let tallied = corpus::collect(&doc, &matches, &self.glossaries, &shown);
                    (tallied, Some(names))
                } else {
                    (names, None)
                };
                let text = self
                    .options
                    .keep_sources
                    .then(|| doc.file_text().to_string());
                // Held to the end of the run: without the room the list grew into.
                let mut findings = findings;
                findings.shrink_to_fit();
                Ok(Pending::Article(Box::new(PendingArticle {
                    note: language_note(&doc),
                    name,
                    findings,
                    counting: Some(Box::new(Counting { tallied, shown })),
                    names: ReportedNames::default(),
                    suppressions,
                    text,
                })))
            }
            Opened::Pair { source, target } => self
                .run_pair(&source, &target)
                .map(|c| Pending::Done(Box::new(c))),
            Opened::TextPair { source, target } => self
                .run_text_pair(source, target)
                .map(|c| Pending::Done(Box::new(c))),
            Opened::Container {
                name,
                bytes,
                container,
            } => self
                .run_container(name, &bytes, container)
                .map(|c| Pending::Done(Box::new(c))),
        }
    }

    /// An article's glossary matches and the findings of its checks, with the fixes that
    /// are safe to apply to it.
    fn article_findings(
        &self,
        doc: &Document,
        kind: Kind,
        record: bool,
    ) -> (Vec<crate::glossary::Match>, Vec<Finding>) {
        let matches = self.matcher(&doc.lang).find(&doc.prose, &doc.tokens);
        let cx = Context::new(doc, &self.glossaries, &matches, &self.options);
        let mut findings = self.finish(self.checks.iter().flat_map(|c| c.run(&cx)).collect());
        if record {
            // A record is not a file that --fix could rewrite.
            findings.iter_mut().for_each(|f| f.fix = None);
        } else {
            crate::fix::keep_safe(&mut findings, doc.file_text(), kind);
        }
        (matches, findings)
    }

    /// A pending article's outcome: its findings with those against the register.
    fn finish_article(&self, a: PendingArticle, register: &Register) -> Checked {
        let mut findings = a.findings;
        findings.extend(self.finish(register.findings(&a.name, &a.names)));
        finding::sort(&mut findings);
        findings.retain(|f| !a.suppressions.covers(f));
        let source = a.text.filter(|_| !findings.is_empty());
        Checked {
            path: a.name,
            findings,
            notes: vec![a.note],
            source,
            alignment: None,
            errors: Vec::new(),
        }
    }

    /// Checks inputs (against a register, if given) and collects the report, in report order.
    pub fn collect<I>(&self, inputs: I, register: Option<&Register>, run: Run<'_>) -> Report
    where
        I: Iterator<Item = Input> + Send,
    {
        let mut report = Report::default();
        // In input order, so that the notes are too.
        self.stream(
            inputs,
            register,
            Run {
                order: Order::Input,
                ..run
            },
            |outcome| {
                report.add(outcome);
                true
            },
        );
        report.sorted()
    }

    /// Checks inputs as they are taken from `inputs` and hands each outcome to `emit`, in the
    /// order `run` asks for; `emit` returns false to stop the run. With a register, each
    /// article is also checked against the corpus (`name/corpus`).
    pub fn stream<I>(
        &self,
        inputs: I,
        register: Option<&Register>,
        run: Run<'_>,
        mut emit: impl FnMut(Result<Checked, InputError>) -> bool,
    ) where
        I: Iterator<Item = Input> + Send,
    {
        let register = register.filter(|_| self.wants_register());
        let work = |_, input: Input| guarded(&run, input, |input| self.run_one(input, register));
        crate::stream::map(inputs, run.workers(), run.order, work, |_, outcome| {
            emit(outcome)
        });
    }

    /// Every article's names, counted into a tally (the register before clustering, as
    /// `concord names` and register files use it), and the inputs that could not be read.
    pub fn tally<I>(&self, inputs: I, run: Run<'_>) -> (Tally, Vec<InputError>)
    where
        I: Iterator<Item = Input> + Send,
    {
        let mut tally = Tally::new(corpus::glossary_stamp(&self.glossaries));
        let mut errors = Vec::new();
        let work = |_, input: Input| guarded(&run, input, |input| self.names_of(input));
        // Adding to a tally does not depend on the order.
        crate::stream::map(inputs, run.workers(), Order::Finish, work, |_, outcome| {
            match outcome {
                Ok(Some((path, names))) => tally.add(&path, &names),
                Ok(None) => {}
                Err(e) => errors.push(e),
            }
            true
        });
        errors.sort_by(|a, b| a.path.cmp(&b.path));
        (tally, errors)
    }

    /// An article's names, as the register counts them (other inputs have none).
    fn names_of(&self, input: Input) -> Result<Option<(String, DocNames)>, InputError> {
        match self.open(input)? {
            Opened::Article { name, doc, .. } => {
                // An article whose directives cannot be read is not checked, so not counted.
                let suppressions = self.suppressions(&doc)?;
                let matches = self.matcher(&doc.lang).find(&doc.prose, &doc.tokens);
                // The spellings the in-document check reports join in the register too.
                let cx = Context::new(&doc, &self.glossaries, &matches, &self.options);
                let mut found = self.finish(
                    self.checks
                        .iter()
                        .filter(|c| c.rules().iter().any(|r| r.id == "name/inconsistent"))
                        .flat_map(|c| c.run(&cx))
                        .collect(),
                );
                found.retain(|f| !suppressions.covers(f));
                Ok(Some((
                    name,
                    corpus::collect(&doc, &matches, &self.glossaries, &found),
                )))
            }
            Opened::Pair { .. } | Opened::TextPair { .. } | Opened::Container { .. } => Ok(None),
        }
    }

    /// Reads an input far enough to tell what it is: an article is decoded and its language
    /// settled.
    fn open(&self, input: Input) -> Result<Opened, InputError> {
        let (name, bytes, kind) = match input {
            Input::Failed(e) => return Err(e),
            Input::Pair { source, target } => return Ok(Opened::Pair { source, target }),
            Input::TextPair { source, target } => {
                return Ok(Opened::TextPair { source, target });
            }
            Input::Text(t) => {
                // A service's request says its language; the run's default comes after.
                let lang = t.lang.clone().or_else(|| self.options.lang.clone());
                return Ok(Opened::Article {
                    doc: Box::new(self.load(&t.name, t.text.as_bytes(), t.format, lang)?),
                    name: t.name,
                    kind: Kind::Text(t.format),
                    record: false,
                });
            }
            Input::Record {
                stream,
                line,
                bytes,
            } => {
                let r = crate::inputs::parse_record(&stream, line, &bytes)?;
                // As for a container, the command line's --lang comes before the record's.
                let lang = self.options.lang.clone().or(r.lang);
                let doc = self.load(&r.name, r.text.as_bytes(), r.format, lang)?;
                return Ok(Opened::Article {
                    name: r.name,
                    doc: Box::new(doc),
                    kind: Kind::Text(r.format),
                    record: true,
                });
            }
            Input::File(path) => (
                crate::walk::shown(&path),
                read(&path)?,
                Kind::from_path(&path),
            ),
            Input::Bytes { name, bytes, kind } => {
                if bytes.len() > crate::limits::MAX_INPUT_BYTES {
                    return Err(InputError {
                        message: crate::limits::too_big(bytes.len()),
                        path: name,
                    });
                }
                (name, bytes, kind)
            }
        };
        match kind {
            Kind::Text(format) => Ok(Opened::Article {
                doc: Box::new(self.document(&name, &bytes, format)?),
                name,
                kind,
                record: false,
            }),
            Kind::Container(container) => Ok(Opened::Container {
                name,
                bytes,
                container,
            }),
        }
    }

    fn run_one(&self, input: Input, register: Option<&Register>) -> Result<Checked, InputError> {
        match self.open(input)? {
            Opened::Article {
                name,
                doc,
                kind,
                record,
            } => self.run_article(name, &doc, kind, record, register),
            Opened::Pair { source, target } => self.run_pair(&source, &target),
            Opened::TextPair { source, target } => self.run_text_pair(source, target),
            Opened::Container {
                name,
                bytes,
                container,
            } => self.run_container(name, &bytes, container),
        }
    }

    /// One article's checks, and with a register, its `name/corpus` findings.
    fn run_article(
        &self,
        name: String,
        doc: &Document,
        kind: Kind,
        record: bool,
        register: Option<&Register>,
    ) -> Result<Checked, InputError> {
        let note = vec![language_note(doc)];
        let (matches, mut findings) = self.article_findings(doc, kind, record);
        if let Some(register) = register {
            let names = corpus::collect(doc, &matches, &self.glossaries, &findings);
            findings.extend(self.finish(register.findings_of(&name, &names)));
            finding::sort(&mut findings);
        }
        let suppressions = self.suppressions(doc)?;
        findings.retain(|f| !suppressions.covers(f));
        Ok(self.checked(name, findings, note, doc.file_text()))
    }

    fn checked(
        &self,
        path: String,
        findings: Vec<Finding>,
        notes: Vec<Note>,
        text: &str,
    ) -> Checked {
        let source = (self.options.keep_sources && !findings.is_empty()).then(|| text.to_string());
        Checked {
            path,
            findings,
            notes,
            source,
            alignment: None,
            errors: Vec::new(),
        }
    }

    /// The suppression comments of an article, read; a rule that does not exist is an error.
    fn suppressions(&self, doc: &Document) -> Result<Suppressions, InputError> {
        Suppressions::from_comments(doc.file_text(), &doc.comments, &self.rule_ids).map_err(|e| {
            InputError {
                path: doc.path.clone(),
                message: format!("{}: {}", doc.position_in_file(e.offset), e.message),
            }
        })
    }

    /// Two article files: the source's language from `--source-lang`, its file name or
    /// identification; paragraphs aligned, then checked.
    fn run_pair(&self, source: &Path, target: &Path) -> Result<Checked, InputError> {
        let s_name = crate::walk::shown(source);
        let t_name = crate::walk::shown(target);
        let s = self
            .load(
                &s_name,
                &read(source)?,
                Format::from_path(source),
                self.options.source_lang.clone(),
            )
            .map_err(|e| source_error(&t_name, e))?;
        let t = self.document(&t_name, &read(target)?, Format::from_path(target))?;
        self.pair_checked(s, t, Kind::from_path(target))
    }

    /// A source and translation held in memory; their own languages come first.
    fn run_text_pair(&self, source: Text, target: Text) -> Result<Checked, InputError> {
        let s_lang = source.lang.or_else(|| self.options.source_lang.clone());
        let s = self
            .load(&source.name, source.text.as_bytes(), source.format, s_lang)
            .map_err(|e| source_error(&target.name, e))?;
        let t_lang = target.lang.or_else(|| self.options.lang.clone());
        let t = self.load(&target.name, target.text.as_bytes(), target.format, t_lang)?;
        self.pair_checked(s, t, Kind::Text(target.format))
    }

    /// A translation's checks against its source; `kind` is the translation's.
    fn pair_checked(
        &self,
        source: Document,
        target: Document,
        kind: Kind,
    ) -> Result<Checked, InputError> {
        let mut note = vec![language_note(&target)];
        note[0]
            .message
            .push_str(&format!(", its source {}", source.path));
        note.push(language_note(&source));
        let s_name = source.path.clone();
        let pair = Pair::align(source, target);
        let mut findings = self.check_pair(&pair);
        crate::fix::keep_safe(&mut findings, pair.target.file_text(), kind);
        let suppressions = self.suppressions(&pair.target)?;
        findings.retain(|f| !suppressions.covers(f));
        let name = pair.target.path.clone();
        let mut checked = self.checked(name, findings, note, pair.target.file_text());
        if self.options.keep_sources {
            let mut alignment = Alignment {
                source: s_name,
                rows: Vec::new(),
            };
            alignment.add(&pair);
            checked.alignment = Some(alignment);
        }
        Ok(checked)
    }

    /// A container: its units grouped into documents (by `doc` and language pair), each
    /// document's source and target assembled with their places in the file, then checked.
    fn run_container(
        &self,
        name: String,
        bytes: &[u8],
        container: Container,
    ) -> Result<Checked, InputError> {
        let text: Arc<str> = decode(&name, bytes)?.0.into();
        let parsed = container.parse(&text).map_err(|e| InputError {
            path: name.clone(),
            message: e.describe(&text),
        })?;
        let lines = Arc::new(LineIndex::new(&text));
        let errors = parsed
            .errors
            .iter()
            .map(|e| InputError {
                path: name.clone(),
                message: e.describe_with(&text, &lines),
            })
            .collect();
        let units = parsed.units;
        // Units of one document and language pair, in the order the file gives them.
        type Group = ((String, Option<LangTag>, Option<LangTag>), Vec<Unit>);
        let mut groups: Vec<Group> = Vec::new();
        let mut group_of: HashMap<(String, Option<LangTag>, Option<LangTag>), usize> =
            HashMap::new();
        for u in units.into_iter().filter(|u| u.target.is_some()) {
            let key = (u.doc.clone(), u.source_lang.clone(), u.target_lang.clone());
            let at = *group_of.entry(key.clone()).or_insert_with(|| {
                groups.push((key, Vec::new()));
                groups.len() - 1
            });
            groups[at].1.push(u);
        }
        let mut findings = Vec::new();
        let mut alignment = Alignment {
            source: name.clone(),
            rows: Vec::new(),
        };
        let mut notes = Vec::new();
        let mut suppressions = Suppressions::default();
        for u in groups.iter().flat_map(|(_, units)| units) {
            let Some(target) = &u.target else { continue };
            let (Some(first), Some(last)) = (target.runs.first(), target.runs.last()) else {
                continue;
            };
            for note in &u.notes {
                match crate::suppress::directive(note, &self.rule_ids) {
                    Ok(Some(d)) if d.action != crate::suppress::Action::Enable => {
                        suppressions.add(first.file..last.file + last.file_len, &d.rules);
                    }
                    Ok(_) => {}
                    Err(message) => {
                        return Err(InputError {
                            path: name.clone(),
                            message: format!(
                                "{}: unit {}: {message}",
                                lines.position(&text, first.file),
                                u.id
                            ),
                        });
                    }
                }
            }
        }
        for ((doc, source_lang, target_lang), units) in groups {
            let sources: Vec<Piece> = units.iter().map(|u| u.source.clone()).collect();
            let targets: Vec<Piece> = units
                .iter()
                .map(|u| u.target.clone().unwrap_or_default())
                .collect();
            let lang =
                |given: Option<LangTag>, declared: Option<LangTag>, pieces: &[Piece]| match given
                    .or(declared)
                {
                    Some(l) => (l, LangSource::Given),
                    None => self.identify(
                        &pieces
                            .iter()
                            .map(|p| p.text.as_str())
                            .collect::<Vec<_>>()
                            .join("\n\n"),
                    ),
                };
            let (sl, ss) = lang(source_lang, self.options.source_lang.clone(), &sources);
            let (tl, ts) = lang(self.options.lang.clone().or(target_lang), None, &targets);
            let which = if doc.is_empty() {
                String::new()
            } else {
                format!("document {doc:?}: ")
            };
            notes.push(Note {
                path: name.clone(),
                message: format!(
                    "{which}source {}; target {}",
                    settled(&sl, &ss),
                    settled(&tl, &ts)
                ),
            });
            let (source, s_ranges) =
                Document::assembled(&name, &sources, text.clone(), lines.clone(), sl, ss);
            let (target, t_ranges) =
                Document::assembled(&name, &targets, text.clone(), lines.clone(), tl, ts);
            let pairs = units
                .iter()
                .zip(s_ranges.into_iter().zip(t_ranges))
                .map(|(u, (s, t))| UnitPair {
                    source: s,
                    target: t,
                    id: Some(u.id.clone()),
                    aligned: true,
                })
                .collect();
            let pair = Pair::from_units(source, target, pairs);
            findings.extend(self.check_pair(&pair));
            if self.options.keep_sources {
                alignment.add(&pair);
            }
        }
        finding::sort(&mut findings);
        crate::fix::keep_safe(&mut findings, &text, Kind::Container(container));
        findings.retain(|f| !suppressions.covers(f));
        alignment.rows.sort_by_key(|(_, t)| (t.start, t.end));
        let mut checked = self.checked(name, findings, notes, &text);
        checked.alignment = Some(alignment);
        checked.errors = errors;
        Ok(checked)
    }
}

fn read(path: &Path) -> Result<Vec<u8>, InputError> {
    crate::limits::read(path).map_err(|message| InputError {
        path: crate::walk::shown(path),
        message,
    })
}

/// A source that could not be read is the translation's error.
fn source_error(target: &str, e: InputError) -> InputError {
    InputError {
        path: target.to_string(),
        message: format!("its source {}: {}", e.path, e.message),
    }
}

fn decode(path: &str, bytes: &[u8]) -> Result<(String, text::Encoding), InputError> {
    text::decode(bytes).map_err(|e| InputError {
        path: path.to_string(),
        message: format!("{}: {}", e.position, e.message),
    })
}

/// What checking one input produced.
#[derive(Debug)]
pub struct Checked {
    /// The name the input is reported under.
    pub path: String,
    /// Its findings, in report order.
    pub findings: Vec<Finding>,
    /// How it was read (shown in verbose mode).
    pub notes: Vec<Note>,
    /// Its text, when [`Options::keep_sources`] is set and it has findings.
    pub source: Option<String>,
    /// A translation's units, kept with its text.
    pub alignment: Option<Alignment>,
    /// Parts of the input that could not be read (a bad JSON Lines line); the rest was checked.
    pub errors: Vec<InputError>,
}

/// One input's outcome while the register is not yet complete.
enum Pending {
    /// Nothing waits for the register (boxed, as a pending article is: a run holds them all).
    Done(Box<Checked>),
    Article(Box<PendingArticle>),
}

/// An article checked but for `name/corpus`.
struct PendingArticle {
    name: String,
    note: Note,
    /// Findings before the directives apply, in report order.
    findings: Vec<Finding>,
    /// Its names until they are counted (boxed: a run holds every article until the end, and
    /// a counted one has no room left for them).
    counting: Option<Box<Counting>>,
    /// Its names once counted, as `name/corpus` reports them.
    names: ReportedNames,
    suppressions: Suppressions,
    /// Its text, when the report keeps sources.
    text: Option<String>,
}

/// An article's names, read but not yet counted.
struct Counting {
    /// As the register counts them.
    tallied: DocNames,
    /// As `name/corpus` reports them, where they differ.
    shown: Option<DocNames>,
}

/// An input read far enough to be checked.
enum Opened {
    Article {
        name: String,
        doc: Box<Document>,
        kind: Kind,
        /// Read from a JSON Lines record rather than a file.
        record: bool,
    },
    Pair {
        source: PathBuf,
        target: PathBuf,
    },
    TextPair {
        source: Text,
        target: Text,
    },
    Container {
        name: String,
        bytes: Vec<u8>,
        container: Container,
    },
}

/// How a run is scheduled.
#[derive(Debug, Clone, Copy, Default)]
pub struct Run<'a> {
    /// Worker threads (0: one per core).
    pub threads: usize,
    /// The order outcomes are handed back in.
    pub order: Order,
    /// Counts finished inputs, for a progress display.
    pub done: Option<&'a AtomicUsize>,
}

impl Run<'_> {
    fn workers(&self) -> usize {
        match self.threads {
            0 => std::thread::available_parallelism().map_or(1, usize::from),
            n => n,
        }
    }
}

/// One input's work: a panic becomes the input's error, and the run's count of finished
/// inputs moves on either way.
fn guarded<T>(
    run: &Run<'_>,
    input: Input,
    work: impl FnOnce(Input) -> Result<T, InputError>,
) -> Result<T, InputError> {
    let name = input.name();
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(input)))
        .unwrap_or_else(|panic| Err(internal_error(name, panic)));
    if let Some(done) = run.done {
        done.fetch_add(1, Ordering::Relaxed);
    }
    outcome
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

/// How a document's language was settled, for `-v`.
fn language_note(doc: &Document) -> Note {
    Note {
        path: doc.path.clone(),
        message: settled(&doc.lang, &doc.lang_source),
    }
}

fn settled(lang: &LangTag, how: &LangSource) -> String {
    match how {
        LangSource::Given => format!("language {lang} given (command line or file)"),
        LangSource::FileName => format!("language {lang} from the file name"),
        LangSource::Path { pattern } => {
            format!("language {lang} from the configuration's [languages] {pattern:?}")
        }
        LangSource::Detected { confidence } => {
            format!("language {lang} detected (confidence {confidence:.2})")
        }
        LangSource::Default {
            guess: Some((g, c)),
        } => format!(
            "language detection unreliable (best guess {g}, confidence {c:.2}); using the default {lang}"
        ),
        LangSource::Default { guess: None } => {
            format!("language not identified; using the default {lang}")
        }
    }
}

/// A form's status and how often it occurs: (status, mentions, documents).
pub type FormCount = (crate::glossary::Status, usize, usize);

/// How often each glossary form occurs in a corpus.
#[derive(Debug, Default)]
pub struct FormCounts {
    /// (glossary, entry) → (language of the form's section, form as the glossary writes it)
    /// → its count in the documents of that language. One spelling can be a form in several
    /// languages ("Micronesia" in English and Dutch): each is counted apart.
    pub by_entry: BTreeMap<(usize, usize), BTreeMap<(String, String), FormCount>>,
    pub files: usize,
    pub input_errors: Vec<InputError>,
}

impl Engine {
    /// Counts the glossary forms found in each document (in its own language).
    pub fn count_forms(&self, inputs: Vec<Input>) -> FormCounts {
        type PerDoc =
            BTreeMap<((usize, usize), (String, String)), (crate::glossary::Status, usize)>;
        let results: Vec<Result<PerDoc, InputError>> = inputs
            .into_par_iter()
            .map(|input| {
                let doc = match input {
                    Input::File(p) => {
                        self.document(&crate::walk::shown(&p), &read(&p)?, Format::from_path(&p))?
                    }
                    Input::Bytes { name, bytes, .. } => {
                        self.document(&name, &bytes, Format::Plain)?
                    }
                    Input::Text(t) | Input::TextPair { target: t, .. } => {
                        let lang = t.lang.or_else(|| self.options.lang.clone());
                        self.load(&t.name, t.text.as_bytes(), t.format, lang)?
                    }
                    Input::Pair { target, .. } => self.document(
                        &crate::walk::shown(&target),
                        &read(&target)?,
                        Format::from_path(&target),
                    )?,
                    Input::Record {
                        stream,
                        line,
                        bytes,
                    } => {
                        let r = crate::inputs::parse_record(&stream, line, &bytes)?;
                        let lang = self.options.lang.clone().or(r.lang);
                        self.load(&r.name, r.text.as_bytes(), r.format, lang)?
                    }
                    Input::Failed(e) => return Err(e),
                };
                let mut counts = PerDoc::new();
                for m in self.matcher(&doc.lang).find(&doc.prose, &doc.tokens) {
                    let entry = self.glossaries.entry(m.form.glossary, m.form.entry);
                    let lang = entry
                        .section_tag(&doc.lang)
                        .map_or_else(|| doc.lang.to_string(), |t| t.to_string());
                    let e = counts
                        .entry((
                            (m.form.glossary, m.form.entry),
                            (lang, m.form.form.to_string()),
                        ))
                        .or_insert((m.form.status, 0));
                    e.1 += 1;
                }
                Ok(counts)
            })
            .collect();
        let mut out = FormCounts::default();
        for r in results {
            match r {
                Ok(per_doc) => {
                    out.files += 1;
                    for ((key, form), (status, n)) in per_doc {
                        let e = out
                            .by_entry
                            .entry(key)
                            .or_default()
                            .entry(form)
                            .or_insert((status, 0, 0));
                        e.1 += n;
                        e.2 += 1;
                    }
                }
                Err(e) => out.input_errors.push(e),
            }
        }
        out
    }
}
