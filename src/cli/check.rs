//! `concord check`.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use clap::{Args, ValueEnum};

use concord::corpus::Register;
use concord::engine::{Input, Kind, Order, Run};
use concord::formats::Container;
use concord::markup::Format;
use concord::report::count;
use concord::{Engine, Severity, report, walk};

use super::output::{Printer, Streamed};
use super::settings::{self, Flags, Settings};
use super::sources::{STDIN, Sources};
use super::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};

#[derive(Clone, Copy, ValueEnum)]
enum OutputFormat {
    /// Source line, underline, message and suggestion
    Human,
    /// One line per finding: path:line:col: severity[rule] message
    Brief,
    /// One JSON document (the stable contract, version 1)
    Json,
    /// One JSON object per line, then a summary line
    Jsonl,
    /// SARIF 2.1.0, for code-scanning services
    Sarif,
    /// One self-contained HTML page for an editor (use with -o report.html)
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum InputFormat {
    /// Plain text
    Text,
    /// Markdown
    Markdown,
    /// HTML (an article page)
    Html,
    /// XLIFF 1.2 or 2.0
    Xliff,
    /// TMX 1.4
    Tmx,
    /// JSON Lines: segments ({"source", "target"}) or documents ({"path", "text"}), one a line
    Jsonl,
}

impl InputFormat {
    fn kind(self) -> Kind {
        match self {
            InputFormat::Text => Kind::Text(Format::Plain),
            InputFormat::Markdown => Kind::Text(Format::Markdown),
            InputFormat::Html => Kind::Text(Format::Html),
            InputFormat::Xliff => Kind::Container(Container::Xliff),
            InputFormat::Tmx => Kind::Container(Container::Tmx),
            InputFormat::Jsonl => Kind::Container(Container::Jsonl),
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

#[derive(Args)]
pub struct CheckArgs {
    /// Files or directories to check; directories are walked for articles (.txt, .md, .html) and
    /// bilingual files (.xlf, .xliff, .tmx, .jsonl), respecting .gitignore; `-` reads
    /// standard input. Without a path, the current directory is checked (and a note says so)
    paths: Vec<PathBuf>,
    /// Language of every document, or of every translation in bilingual mode (BCP 47, e.g.
    /// en, es, pt-BR); by default it comes from the file (story.es.txt, an XLIFF's
    /// target-language), else from language identification
    #[arg(long, value_name = "TAG")]
    lang: Option<String>,
    /// The source article of the translations given as PATHs: each is checked against it
    #[arg(long, value_name = "FILE")]
    source: Option<PathBuf>,
    /// Language of source texts; in a directory, X.<TAG>.txt becomes the source of X.en.txt,
    /// X.fr.txt…
    #[arg(long, value_name = "TAG")]
    source_lang: Option<String>,
    /// What standard input holds
    #[arg(long, value_enum, default_value = "text")]
    input_format: InputFormat,
    /// Language used when identification is unreliable [default: en]
    #[arg(long, value_name = "TAG")]
    default_lang: Option<String>,
    /// Add a glossary (concord-glossary/1 JSON); repeatable
    #[arg(long = "glossary", short = 'g', value_name = "FILE")]
    glossaries: Vec<PathBuf>,
    /// Do not load the glossaries shipped with concord
    #[arg(long)]
    no_default_glossaries: bool,
    /// Output format
    #[arg(long, value_enum, default_value = "human")]
    format: OutputFormat,
    /// When to colour human output (NO_COLOR is honoured in auto mode)
    #[arg(long, value_enum, default_value = "auto")]
    color: ColorChoice,
    /// Exit with 1 when a finding has at least this severity [default: error]
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// Do not report this rule (see `concord rules`); repeatable
    #[arg(long = "disable", value_name = "RULE")]
    disabled: Vec<String>,
    /// House style for numbers: spell out numbers up to N in LANG, digits above (`en=9`;
    /// `fr=off` checks only that a number is written one way); repeatable. Defaults: en=9,
    /// es=9, ru=9, de=12
    #[arg(long = "spell-out", value_name = "LANG=N")]
    pub spell_out: Vec<String>,
    /// Worker threads (0: one per core); the output does not depend on it (but for the order
    /// of JSON Lines, see --sort)
    #[arg(long, short = 'j', default_value_t = 0)]
    threads: usize,
    /// Print JSON Lines findings in report order (path, line, column, rule) once the run is
    /// over, instead of each document's as it is finished. Every finding is then held in
    /// memory until the end (about 1 KB each, with the file's text for the human format).
    /// Human and brief output need no --sort: they come in input order whatever -j is
    #[arg(long)]
    sort: bool,
    /// Report name/corpus against this name register (`concord names --emit-partial`, merged
    /// with `concord names --merge`) instead of reading every document's names first: how a
    /// corpus split over several runs or machines is checked as one
    #[arg(long, value_name = "FILE")]
    register: Option<PathBuf>,
    /// Show how each document's language was settled
    #[arg(long, short)]
    verbose: bool,
    /// Rewrite what has one safe rewrite: deprecated glossary forms written exactly as listed
    /// become the preferred form, and numbers in another language's notation ("3,5%" in
    /// English, number/format) are rewritten in the document's. Files are replaced
    /// atomically and the report then lists what is left; with `-`, the fixed text is
    /// printed and the report goes to standard error
    #[arg(long, conflicts_with = "diff")]
    fix: bool,
    /// Print the fixes as a unified diff instead of writing them (the exit code is the same as
    /// without --diff)
    #[arg(long)]
    diff: bool,
    /// With --fix or --diff: leave text inside quotation marks as it is
    #[arg(long)]
    keep_quotes: bool,
    /// Read settings from this file instead of the nearest concord.toml at or above each
    /// path
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    config: Option<PathBuf>,
    /// Ignore every concord.toml
    #[arg(long)]
    isolated: bool,
    /// Print the settings in force (command line, concord.toml and defaults, each with where
    /// it came from) and exit
    #[arg(long)]
    dump_config: bool,
    /// Do not report the findings recorded in this baseline file (see --write-baseline)
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record every finding of this run in a baseline file, report nothing and exit 0 (2 if an
    /// input could not be read); later runs with --baseline show only new findings
    #[arg(long, value_name = "FILE", conflicts_with_all = ["fix", "diff"])]
    write_baseline: Option<PathBuf>,
    /// With --fix: also rewrite read-only files, and write hard-linked files in place so that
    /// every link sees the change
    #[arg(long, requires = "fix")]
    force: bool,
    #[command(flatten)]
    output: OutputArgs,
}

/// Where the report goes and what else is said.
#[derive(Args)]
struct OutputArgs {
    /// Write the report (or the diff) to FILE instead of standard output, atomically: FILE is
    /// either the old one or the whole new report
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// Print no report (unless -o is given), notes or progress: only errors; the exit code
    /// tells the outcome
    #[arg(long, short = 'q', conflicts_with = "verbose")]
    quiet: bool,
}

/// Writes the report to `-o FILE` (atomically) or to standard output, unless quiet.
fn emit(output: &OutputArgs, bytes: &[u8]) -> anyhow::Result<()> {
    match &output.output {
        Some(path) => concord::fix::write_atomic(path, bytes)
            .with_context(|| format!("writing the report to {}", path.display())),
        None if output.quiet => Ok(()),
        None => {
            let mut out = std::io::stdout().lock();
            match out.write_all(bytes).and_then(|()| out.flush()) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                other => other.context("writing the report"),
            }
        }
    }
}

/// What applying the fixes produced.
struct Fixed {
    /// A unified diff of every change.
    diff: String,
    /// Standard input with its fixes, when it had any input.
    stdin: Option<Vec<u8>>,
}

/// Applies (or, with `write` off, only diffs) the unambiguous fixes of the report's findings.
/// Files that failed to be read are never touched; fixed findings leave the report. Standard
/// input is fixed in memory.
fn apply_fixes(
    report: &mut concord::Report,
    write: bool,
    keep_quotes: bool,
    quiet: bool,
    stdin: Option<(&[u8], Kind)>,
    options: concord::fix::WriteOptions,
    real: &std::collections::HashMap<String, PathBuf>,
) -> Fixed {
    use concord::fix;
    let broken: std::collections::HashSet<String> =
        report.input_errors.iter().map(|e| e.path.clone()).collect();
    let mut fixed_text = Fixed {
        diff: String::new(),
        stdin: stdin.map(|(bytes, _)| bytes.to_vec()),
    };
    let mut fixed: std::collections::HashSet<(String, usize)> = std::collections::HashSet::new();
    let (mut edits_done, mut files_done) = (0, 0);
    for (path, edits) in fix::plan(&report.findings) {
        if broken.contains(&path) {
            continue;
        }
        let is_stdin = path == STDIN;
        // Reports show a path escaped; the file is the one that was read.
        let p = real.get(&path).map_or(Path::new(&path), |p| p.as_path());
        let outcome = match stdin.filter(|_| is_stdin) {
            Some((bytes, kind)) => fix::rewrite_as(kind, bytes, &edits, keep_quotes),
            None if is_stdin => continue,
            None => std::fs::read(p)
                .map_err(fix::FixError::from)
                .and_then(|bytes| fix::rewrite(p, &bytes, &edits, keep_quotes)),
        };
        let rewrite = match outcome {
            Ok(r) if r.applied > 0 => r,
            Ok(_) => continue,
            Err(e) => {
                report.input_errors.push(concord::engine::InputError {
                    path,
                    message: format!("not fixed: {e}"),
                });
                continue;
            }
        };
        fixed_text
            .diff
            .push_str(&fix::diff(&path, &rewrite.old, &rewrite.new));
        if write {
            let bytes = concord::text::encode(&rewrite.new, rewrite.encoding);
            if is_stdin {
                fixed_text.stdin = Some(bytes);
            } else if let Err(e) = fix::write_atomic_with(p, &bytes, options) {
                report.input_errors.push(concord::engine::InputError {
                    path,
                    message: format!("not fixed: {e}"),
                });
                continue;
            }
            let quoted = if keep_quotes {
                concord::bilingual::quotes::quotations(&rewrite.old, 0..rewrite.old.len())
            } else {
                Vec::new()
            };
            for e in &edits {
                if !quoted
                    .iter()
                    .any(|q| q.start <= e.range.start && e.range.end <= q.end)
                {
                    fixed.insert((path.clone(), e.range.start));
                }
            }
            edits_done += rewrite.applied;
            files_done += 1;
        }
    }
    if write {
        report
            .findings
            .retain(|f| !(f.fix.is_some() && fixed.contains(&(f.path.clone(), f.byte_start))));
    }
    if write && !quiet {
        eprintln!(
            "fixed {} in {}",
            count(edits_done, "finding", "findings"),
            count(files_done, "file", "files")
        );
    }
    report.input_errors.sort_by(|a, b| a.path.cmp(&b.path));
    fixed_text
}

/// Writes the baseline (`--write-baseline`, then the exit code) or takes the baselined
/// findings out of the report (`--baseline`).
fn apply_baseline(
    args: &CheckArgs,
    report: &mut concord::Report,
    stdin: Option<&[u8]>,
) -> anyhow::Result<Option<i32>> {
    use concord::baseline::{self, Baseline};
    let sources = &report.sources;
    let mut cache: std::collections::HashMap<String, Option<String>> = Default::default();
    let mut text_of = |path: &str| -> Option<String> {
        if let Some(t) = sources.get(path) {
            return Some(t.clone());
        }
        cache
            .entry(path.to_string())
            .or_insert_with(|| {
                let bytes = match stdin {
                    Some(b) if path == STDIN => b.to_vec(),
                    _ => std::fs::read(path).ok()?,
                };
                concord::text::decode(&bytes).ok().map(|(t, _)| t)
            })
            .clone()
    };
    if let Some(file) = &args.write_baseline {
        let text = baseline::render(file, &report.findings, &mut text_of);
        concord::fix::write_atomic(file, text.as_bytes())
            .with_context(|| format!("writing {}", file.display()))?;
        if !args.output.quiet {
            eprintln!(
                "note: wrote {} to {}",
                count(report.findings.len(), "finding", "findings"),
                file.display()
            );
        }
        for e in &report.input_errors {
            eprintln!("error: {}: {}", e.path, e.message);
        }
        return Ok(Some(if report.input_errors.is_empty() {
            EXIT_CLEAN
        } else {
            EXIT_ERROR
        }));
    }
    if let Some(file) = &args.baseline {
        let known = Baseline::load(file)?;
        let hidden = known.filter(&mut report.findings, &mut text_of);
        if hidden > 0 && !args.output.quiet {
            eprintln!(
                "note: {} in the baseline {} not shown",
                count(hidden, "finding", "findings"),
                file.display()
            );
        }
    }
    Ok(None)
}

pub fn run(args: CheckArgs) -> anyhow::Result<i32> {
    let known = concord::checks::rule_ids();
    for rule in &args.disabled {
        if !known.contains(&rule.as_str()) {
            bail!(
                "--disable {rule}: unknown rule (known: {})",
                known.join(", ")
            );
        }
    }
    let flags = Flags {
        lang: args.lang.as_deref(),
        source_lang: args.source_lang.as_deref(),
        default_lang: args.default_lang.as_deref(),
        glossaries: &args.glossaries,
        no_default_glossaries: args.no_default_glossaries,
        fail_on: args.fail_on.map(FailOn::threshold),
        disabled: &args.disabled,
        spell_out: &args.spell_out,
    };
    let paths = if args.paths.is_empty() {
        if !args.dump_config && !args.output.quiet {
            eprintln!("note: no path given: checking the current directory");
        }
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let groups = settings::groups(&paths, args.config.as_deref(), args.isolated)?;
    let mut all = Vec::with_capacity(groups.len());
    for (config, paths) in groups {
        all.push((Settings::resolve(&flags, config)?, paths));
    }
    if args.dump_config {
        let dumps: Vec<String> = all.iter().map(|(s, _)| s.dump()).collect();
        super::print_stdout(&dumps.join("\n"))?;
        return Ok(EXIT_CLEAN);
    }
    warm_up_numbers(&args);
    let given = args.register.as_deref().map(load_register).transpose()?;
    // Checked in path order, as the walk within each group is.
    all.sort_by(|a, b| a.1.iter().min().cmp(&b.1.iter().min()));
    if let Some(format) = streamed(&args) {
        return run_streamed(&args, &all, given.as_ref(), format);
    }
    let mut report = concord::Report::default();
    let mut stdin = None;
    // The file behind each path as reports show it (escaped).
    let mut real = std::collections::HashMap::new();
    // The threshold for --fail-on of each input, from its settings.
    let mut thresholds: Vec<(String, Option<Severity>)> = Vec::new();
    for (settings, paths) in &all {
        let (group, group_stdin, group_real) = run_group(&args, settings, paths, given.as_ref())?;
        real.extend(group_real);
        thresholds.extend(
            group
                .findings
                .iter()
                .map(|f| (f.path.clone(), settings.fail_on.value)),
        );
        stdin = stdin.or(group_stdin);
        report.merge(group);
    }
    thresholds.sort();
    thresholds.dedup();
    let threshold_of = |path: &str| {
        thresholds
            .iter()
            .find(|(p, _)| p == path)
            .map_or(Some(Severity::Error), |t| t.1)
    };
    if args.verbose {
        for n in &report.notes {
            eprintln!("note: {}: {}", n.path, n.message);
        }
    }
    if (args.baseline.is_some() || args.write_baseline.is_some())
        && let Some(code) = apply_baseline(&args, &mut report, stdin.as_deref())?
    {
        return Ok(code);
    }
    // With --fix on standard input, standard output carries the fixed text; with --diff, the
    // diff. The report then goes to standard error, or (--diff) only its input errors do.
    let mut fixed_stdin = None;
    if args.fix || args.diff {
        let fixed = apply_fixes(
            &mut report,
            args.fix,
            args.keep_quotes,
            args.output.quiet,
            stdin.as_deref().map(|b| (b, args.input_format.kind())),
            concord::fix::WriteOptions { force: args.force },
            &real,
        );
        if args.diff {
            emit(&args.output, fixed.diff.as_bytes())?;
        } else {
            fixed_stdin = fixed.stdin;
        }
    }
    if args.diff {
        for e in &report.input_errors {
            eprintln!("error: {}: {}", e.path, e.message);
        }
    } else {
        print_report(&args, &report, fixed_stdin.is_some())?;
    }
    if let Some(bytes) = fixed_stdin {
        let mut out = std::io::stdout().lock();
        match out.write_all(&bytes).and_then(|()| out.flush()) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
            other => other.context("writing the fixed text")?,
        }
    }
    if !report.input_errors.is_empty() {
        return Ok(EXIT_ERROR);
    }
    let failed = report
        .findings
        .iter()
        .any(|f| threshold_of(&f.path).is_some_and(|t| f.severity >= t));
    Ok(if failed { EXIT_FINDINGS } else { EXIT_CLEAN })
}

/// A register given with --register: its tally's glossaries, and the register clustered.
struct Given {
    path: PathBuf,
    glossaries: Vec<String>,
    register: Register,
}

fn load_register(path: &Path) -> anyhow::Result<Given> {
    let file = std::fs::File::open(path)
        .with_context(|| format!("--register {}: cannot read", path.display()))?;
    let tally = concord::corpus::read(std::io::BufReader::new(file), &path.display().to_string())?;
    Ok(Given {
        path: path.to_path_buf(),
        glossaries: tally.glossaries.clone(),
        register: Register::new(tally),
    })
}

impl Given {
    /// The register, when it was made with the glossaries this group loads.
    fn for_group(&self, engine: &Engine) -> anyhow::Result<&Register> {
        let loaded = concord::corpus::glossary_stamp(engine.glossaries());
        if loaded != self.glossaries {
            bail!(
                "--register {}: made with the glossaries {}, but this run loads {}; give `concord names` the same -g and --no-default-glossaries",
                self.path.display(),
                list(&self.glossaries),
                list(&loaded)
            );
        }
        Ok(&self.register)
    }
}

fn list(stamps: &[String]) -> String {
    if stamps.is_empty() {
        "(none)".to_string()
    } else {
        stamps.join(", ")
    }
}

/// The format a run can print document by document, unless the options need the whole
/// report first.
fn streamed(args: &CheckArgs) -> Option<Streamed> {
    if args.sort
        || args.fix
        || args.diff
        || args.baseline.is_some()
        || args.write_baseline.is_some()
    {
        return None;
    }
    match args.format {
        OutputFormat::Human => Some(Streamed::Human {
            styled: styled(args, false),
        }),
        OutputFormat::Brief => Some(Streamed::Brief),
        OutputFormat::Jsonl => Some(Streamed::Jsonl),
        OutputFormat::Json | OutputFormat::Sarif | OutputFormat::Html => None,
    }
}

/// Checks every group and prints each document as it is finished: human and brief output in
/// input order (a reorder buffer keeps it whatever -j is), JSON Lines as documents finish.
fn run_streamed(
    args: &CheckArgs,
    all: &[(Settings, Vec<PathBuf>)],
    given: Option<&Given>,
    format: Streamed,
) -> anyhow::Result<i32> {
    let mut printer = Printer::new(
        format,
        args.output.output.as_deref(),
        args.output.quiet,
        args.verbose,
    )?;
    // The report on a terminal shows how far the run is; a bar would only garble it.
    let on_terminal = args.output.output.is_none() && std::io::stdout().is_terminal();
    let order = match format {
        Streamed::Jsonl => Order::Finish,
        _ => Order::Input,
    };
    for (settings, paths) in all {
        printer.threshold = settings.fail_on.value;
        let (engine, sources) = prepare(args, settings, paths)?;
        small_pages_for_batch(&sources);
        let register = register_for(&engine, &sources, given)?;
        let progress = super::progress::Progress::start(None, args.output.quiet || on_terminal);
        let mut failure = None;
        let run = Run {
            threads: args.threads,
            order,
            done: Some(&progress.done),
        };
        let print = |outcome| match printer.document(outcome) {
            Ok(go) => go,
            Err(e) => {
                failure = Some(e);
                false
            }
        };
        match register {
            Reg::ReadInPass => {
                keep_until_exit(engine.stream_reading_register(sources.inputs()?, run, print))
            }
            Reg::Given(r) => engine.stream(sources.inputs()?, Some(r), run, print),
            Reg::None => engine.stream(sources.inputs()?, None, run, print),
        }
        progress.finish();
        keep_until_exit(engine);
        if let Some(e) = failure {
            return Err(e);
        }
    }
    let code = if !printer.input_errors.is_empty() {
        EXIT_ERROR
    } else if printer.failed {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    };
    printer.finish()?;
    Ok(code)
}

/// Builds the number readers' patterns on a thread of their own while the glossaries load and
/// their matchers compile: one short article otherwise waits for both, one after the other.
/// The language is `--lang`'s, or the file name's when one file is checked.
fn warm_up_numbers(args: &CheckArgs) {
    let lang = args
        .lang
        .as_deref()
        .and_then(|l| concord::lang::LangTag::parse(l).ok())
        .or_else(|| match args.paths.as_slice() {
            [p] => p
                .file_name()
                .and_then(|n| n.to_str())
                .and_then(concord::lang::from_file_name),
            _ => None,
        });
    // Without the thread the patterns are built on first use, as ever.
    let _ = std::thread::Builder::new()
        .name("concord-warm-up".into())
        .spawn(move || concord::numbers::warm_up(lang.as_ref()));
}

/// The process ends after the report: tearing down the engine's matchers and tables, or a
/// register of every spelling of a corpus, piece by piece would cost a run more than some of
/// its checks.
fn keep_until_exit<T>(what: T) {
    std::mem::forget(what);
}

/// The register `name/corpus` is reported against.
enum Reg<'a> {
    /// None: the rule is off, or there is only one document.
    None,
    /// The group's own names, counted while its documents are checked.
    ReadInPass,
    /// Borrowed from --register.
    Given(&'a Register),
}

/// Which register `name/corpus` is reported against: the one given, else the group's names.
fn register_for<'a>(
    engine: &Engine,
    sources: &Sources,
    given: Option<&'a Given>,
) -> anyhow::Result<Reg<'a>> {
    if !engine.wants_register() {
        return Ok(Reg::None);
    }
    if let Some(g) = given {
        return Ok(Reg::Given(g.for_group(engine)?));
    }
    if sources.single() {
        return Ok(Reg::None);
    }
    Ok(Reg::ReadInPass)
}

/// What one group of paths gave: its report, what standard input held (when it was read), and
/// the file behind each path the report shows escaped.
type GroupRun = (
    concord::Report,
    Option<Vec<u8>>,
    std::collections::HashMap<String, PathBuf>,
);

/// Checks the paths that share one set of settings and collects the report.
fn run_group(
    args: &CheckArgs,
    settings: &Settings,
    paths: &[PathBuf],
    given: Option<&Given>,
) -> anyhow::Result<GroupRun> {
    let (engine, sources) = prepare(args, settings, paths)?;
    small_pages_for_batch(&sources);
    let register = register_for(&engine, &sources, given)?;
    let progress = super::progress::Progress::start(None, args.output.quiet);
    let run = Run {
        threads: args.threads,
        order: Order::Input,
        done: Some(&progress.done),
    };
    let mut real = std::collections::HashMap::new();
    let inputs = sources.inputs()?.inspect(|input| {
        if let Input::File(p) | Input::Pair { target: p, .. } = input {
            let shown = walk::shown(p);
            if Path::new(&shown) != p {
                real.insert(shown, p.clone());
            }
        }
    });
    let report = match register {
        Reg::ReadInPass => {
            let mut report = concord::Report::default();
            keep_until_exit(engine.stream_reading_register(inputs, run, |outcome| {
                report.add(outcome);
                true
            }));
            report.sorted()
        }
        Reg::Given(r) => engine.collect(inputs, Some(r), run),
        Reg::None => engine.collect(inputs, None, run),
    };
    progress.finish();
    keep_until_exit(engine);
    Ok((report, sources.stdin_bytes().map(<[u8]>::to_vec), real))
}

/// A batch keeps its memory in 4 KB pages. With transparent huge pages, each first touch of
/// the allocator's arenas maps 2 MB: that doubled a batch's peak (105 MB against 55 MB on
/// 20 MB of NTREX without name/corpus) for no gain in time. One article keeps them: its few
/// page faults are fewer still with 2 MB pages (2 to 3 ms of its start-up).
fn small_pages_for_batch(sources: &Sources) {
    #[cfg(target_os = "linux")]
    if !sources.single() {
        // SAFETY: PR_SET_THP_DISABLE takes integers and reads or writes no memory of ours; a
        // kernel without it returns an error, which changes nothing.
        unsafe {
            libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = sources;
}

/// The engine of a group of paths and where its inputs come from: folders are walked as the
/// run reaches them, except in a bilingual run, whose pairs are settled first. Each input is
/// read once, with `name/corpus` too.
fn prepare(
    args: &CheckArgs,
    settings: &Settings,
    paths: &[PathBuf],
) -> anyhow::Result<(Engine, Sources)> {
    let options = concord::Options {
        keep_sources: matches!(args.format, OutputFormat::Human | OutputFormat::Html)
            || args.baseline.is_some()
            || args.write_baseline.is_some(),
        ..settings.options()?
    };
    let extra: Vec<PathBuf> = settings
        .glossaries
        .iter()
        .map(|g| g.value.clone())
        .collect();
    let set = super::load_glossaries(!settings.default_glossaries.value, &extra)?;
    let files: Vec<PathBuf> = paths
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .cloned()
        .collect();
    let read_stdin = files.len() < paths.len();
    let selected = settings.config.clone();
    let mut sources = Sources::new(
        read_stdin,
        args.input_format.kind(),
        Box::new(move |f: &Path| selected.as_ref().is_none_or(|c| c.selects(f))),
    )?;
    let pairing =
        args.source.is_some() || options.source_lang.is_some() || settings.source_folder.is_some();
    if !pairing {
        sources.walk(files);
        return Ok((Engine::new(set, options), sources));
    }
    let (walked, walk_errors) = walk::collect(&files);
    // Files found in folders are filtered by the configuration; files named are checked.
    let walked: Vec<PathBuf> = walked
        .into_iter()
        .filter(|f| files.contains(f) || settings.selects(f))
        .collect();
    let mut inputs: Vec<Input> = walk_errors
        .into_iter()
        .map(|e| {
            Input::Failed(concord::engine::InputError {
                path: e.path,
                message: e.message,
            })
        })
        .collect();
    let (pairs, walked) = match &settings.source_folder {
        Some(folder) if args.source.is_none() => walk::pair_by_folder(walked, &folder.value),
        _ => (Vec::new(), walked),
    };
    inputs.extend(
        pairs
            .into_iter()
            .map(|(source, target)| Input::Pair { source, target }),
    );
    match (&args.source, &options.source_lang) {
        (Some(source), _) => {
            if !source.is_file() {
                let what = if source.exists() {
                    "not a regular file"
                } else {
                    "no such file"
                };
                bail!("--source {}: {what}", walk::shown(source));
            }
            let targets = walked.into_iter().filter(|t| t != source);
            inputs.extend(targets.map(|t| Input::Pair {
                source: source.clone(),
                target: t,
            }));
        }
        (None, Some(lang)) => {
            let (pairs, alone) = walk::pair_by_language(walked, lang);
            if pairs.is_empty()
                && !alone.is_empty()
                && settings.source_folder.is_none()
                && !args.output.quiet
            {
                eprintln!(
                    "warning: source language {lang}: no source beside the {} checked (the source of NAME.en.txt is NAME.{lang}.txt in the same folder); each was checked on its own",
                    count(alone.len(), "file", "files")
                );
            }
            inputs.extend(
                pairs
                    .into_iter()
                    .map(|(source, target)| Input::Pair { source, target }),
            );
            inputs.extend(alone.into_iter().map(Input::File));
        }
        (None, None) => inputs.extend(walked.into_iter().map(Input::File)),
    }
    // In report order, as a walk would give them.
    inputs.sort_by_cached_key(|i| PathBuf::from(i.name()));
    sources.list(inputs);
    Ok((Engine::new(set, options), sources))
}

/// Whether colour is used: asked for, or on a terminal that allows it. `to_stderr`: the
/// report goes to standard error.
fn styled(args: &CheckArgs, to_stderr: bool) -> bool {
    let to_terminal = args.output.output.is_none()
        && if to_stderr {
            std::io::stderr().is_terminal()
        } else {
            std::io::stdout().is_terminal()
        };
    match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

/// Renders the report and writes it to -o FILE or standard output, or to standard error when
/// standard output carries the fixed text. Input errors go to standard error unless the human
/// report on the terminal lists them.
fn print_report(args: &CheckArgs, report: &concord::Report, to_stderr: bool) -> anyhow::Result<()> {
    let styled = styled(args, to_stderr);
    let mut out = Vec::new();
    match args.format {
        OutputFormat::Human => report::write_human(&mut out, report, styled),
        OutputFormat::Brief => report::write_brief(&mut out, report),
        OutputFormat::Json => report::write_json(&mut out, report),
        OutputFormat::Jsonl => report::write_jsonl(&mut out, report),
        OutputFormat::Sarif => report::write_sarif(&mut out, report),
        OutputFormat::Html => report::write_html(&mut out, report),
    }
    .context("rendering the report")?;
    if to_stderr && args.output.output.is_none() {
        if !args.output.quiet {
            std::io::stderr()
                .write_all(&out)
                .context("writing the report")?;
        }
    } else {
        emit(&args.output, &out)?;
    }
    // The human report lists input errors itself, unless it went to a file or nowhere.
    let listed = matches!(args.format, OutputFormat::Human)
        && args.output.output.is_none()
        && !args.output.quiet;
    if !listed {
        for e in &report.input_errors {
            eprintln!("error: {}: {}", e.path, e.message);
        }
    }
    Ok(())
}
