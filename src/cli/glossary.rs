//! `concord glossary …`: tools for the people who keep the termbase.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use clap::{Args, Subcommand, ValueEnum};

use concord::glossary::{self, GlossarySet, Matcher, Status, csv, exchange::Loss, lint, tbx};
use concord::lang::LangTag;
use concord::report::count;
use concord::token::tokenize_str;
use concord::{Report, report};

use super::{EXIT_CLEAN, EXIT_FINDINGS, print_stdout};

#[derive(Args)]
pub struct GlossaryArgs {
    #[command(subcommand)]
    command: GlossaryCommand,
}

#[derive(Subcommand)]
enum GlossaryCommand {
    /// Find malformed entries, duplicate ids, conflicting or useless forms, odd tags, non-NFC
    /// text and stray whitespace (exit 1 on any error)
    Lint {
        /// Glossary files (concord-glossary/1 JSON)
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "human")]
        format: LintFormat,
    },
    /// Show how concord reads a term: normalised form, words, keys, stems, and what it matches
    Forms {
        /// The term as it would appear in a text
        term: String,
        /// Its language
        #[arg(long, value_name = "TAG")]
        lang: String,
        /// Add a glossary; repeatable
        #[arg(long = "glossary", short = 'g', value_name = "FILE")]
        glossaries: Vec<PathBuf>,
        /// Do not load the shipped glossaries
        #[arg(long)]
        no_default_glossaries: bool,
    },
    /// How often each form of each entry occurs in a corpus, most violated entries first
    Stats {
        /// Glossary files
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The corpus: files and directories of articles
        #[arg(long, required = true, num_args = 1..)]
        corpus: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "human")]
        format: StatsFormat,
    },
    /// Draft glossary entries for names the corpus spells in more than one way (or uses
    /// often) that no glossary knows; every draft is marked as proposed, with its evidence
    Suggest {
        /// The corpus: files and directories of articles
        #[arg(long, required = true, num_args = 1..)]
        corpus: Vec<PathBuf>,
        /// Also propose names spelled one way that appear in at least this many documents
        #[arg(long, default_value_t = 0)]
        min_documents: usize,
        /// Add a glossary whose names are already known; repeatable
        #[arg(long = "glossary", short = 'g', value_name = "FILE")]
        glossaries: Vec<PathBuf>,
        /// Do not count the shipped glossaries as known
        #[arg(long)]
        no_default_glossaries: bool,
        /// Write here (atomically) instead of to standard output
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Convert a concord glossary to TBX-Basic or CSV
    Export {
        file: PathBuf,
        #[arg(long, value_enum)]
        to: Exchange,
        /// Write here (atomically) instead of to standard output
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Convert TBX or CSV into a concord glossary
    Import {
        file: PathBuf,
        /// The format (default: from the extension)
        #[arg(long, value_enum)]
        from: Option<Exchange>,
        /// The glossary's name (default: the TBX title, else the file name)
        #[arg(long)]
        name: Option<String>,
        /// Write here (atomically) instead of to standard output
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum LintFormat {
    Human,
    Brief,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum StatsFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
enum Exchange {
    Tbx,
    Csv,
}

pub fn run(args: GlossaryArgs) -> anyhow::Result<i32> {
    match args.command {
        GlossaryCommand::Lint { files, format } => lint_files(&files, format),
        GlossaryCommand::Forms {
            term,
            lang,
            glossaries,
            no_default_glossaries,
        } => forms(&term, &lang, &glossaries, no_default_glossaries),
        GlossaryCommand::Stats {
            files,
            corpus,
            format,
        } => stats(&files, &corpus, format),
        GlossaryCommand::Suggest {
            corpus,
            min_documents,
            glossaries,
            no_default_glossaries,
            output,
        } => {
            let set = super::load_glossaries(no_default_glossaries, &glossaries)?;
            let (register, errors) = super::read_corpus(&corpus, set);
            for e in &errors {
                eprintln!("error: {}: {}", e.path, e.message);
            }
            let draft = suggest(&register.clusters(), min_documents);
            eprintln!(
                "note: {} from {}",
                count(draft.entries.len(), "proposed entry", "proposed entries"),
                count(register.documents, "document", "documents")
            );
            let mut json = serde_json::to_string_pretty(&draft)?;
            json.push('\n');
            emit(&json, output.as_deref())
        }
        GlossaryCommand::Export { file, to, output } => {
            let g = glossary::load_file(&file)?;
            let (text, losses) = match to {
                Exchange::Tbx => tbx::export(&g),
                Exchange::Csv => csv::export(&g),
            };
            report_losses(&losses);
            emit(&text, output.as_deref())
        }
        GlossaryCommand::Import {
            file,
            from,
            name,
            output,
        } => {
            let bytes =
                std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
            let (text, _) = concord::text::decode(&bytes)
                .map_err(|e| anyhow::anyhow!("{}:{}: {}", file.display(), e.position, e.message))?;
            let from = match from {
                Some(f) => f,
                None => match file
                    .extension()
                    .and_then(|e| e.to_str())
                    .map(str::to_ascii_lowercase)
                    .as_deref()
                {
                    Some("tbx" | "xml") => Exchange::Tbx,
                    Some("csv") => Exchange::Csv,
                    _ => bail!("{}: say --from tbx or --from csv", file.display()),
                },
            };
            let default_name = file
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("imported")
                .to_string();
            let (mut g, losses) = match from {
                Exchange::Tbx => tbx::import(&text, &default_name),
                Exchange::Csv => csv::import(&text, &default_name),
            }
            .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
            if let Some(n) = name {
                g.name = n;
            }
            report_losses(&losses);
            let mut json = serde_json::to_string_pretty(&g)?;
            json.push('\n');
            emit(&json, output.as_deref())
        }
    }
}

fn stats(files: &[PathBuf], corpus: &[PathBuf], format: StatsFormat) -> anyhow::Result<i32> {
    let set = super::load_glossaries(true, files)?;
    let (paths, errors) = concord::walk::collect(corpus);
    let engine = concord::Engine::new(set, concord::Options::default());
    let counts = engine.count_forms(paths.into_iter().map(concord::Input::File).collect());
    let set = engine.glossaries();
    // Every entry, with its counts (none for entries never seen).
    let mut rows: Vec<(String, String, usize, usize, Vec<serde_json::Value>)> = Vec::new();
    for (gi, (origin, g)) in set.glossaries.iter().enumerate() {
        for (ei, e) in g.entries.iter().enumerate() {
            let forms = counts.by_entry.get(&(gi, ei));
            let (mut bad, mut all) = (0, 0);
            let mut list = Vec::new();
            for ((lang, form), (status, mentions, docs)) in forms.into_iter().flatten() {
                all += mentions;
                if *status == Status::Deprecated {
                    bad += mentions;
                }
                let status = match status {
                    Status::Preferred => "preferred",
                    Status::Admitted => "admitted",
                    Status::Deprecated => "deprecated",
                };
                list.push(serde_json::json!({"form": form, "language": lang, "status": status, "mentions": mentions, "documents": docs}));
            }
            rows.push((e.id.clone(), origin.clone(), bad, all, list));
        }
    }
    rows.sort_by(|a, b| b.2.cmp(&a.2).then(b.3.cmp(&a.3)).then(a.0.cmp(&b.0)));
    let mut out = String::new();
    match format {
        StatsFormat::Json => {
            let entries: Vec<serde_json::Value> = rows
                .iter()
                .map(|(id, origin, bad, all, forms)| serde_json::json!({"id": id, "glossary": origin, "deprecated_mentions": bad, "mentions": all, "forms": forms}))
                .collect();
            out = serde_json::to_string_pretty(
                &serde_json::json!({"version": 1, "documents": counts.files, "entries": entries}),
            )? + "\n";
        }
        StatsFormat::Human => {
            let never: Vec<&str> = rows
                .iter()
                .filter(|r| r.3 == 0)
                .map(|r| r.0.as_str())
                .collect();
            for (id, _, bad, all, forms) in rows.iter().filter(|r| r.3 > 0) {
                out.push_str(&format!(
                    "{id}: {}, {bad} deprecated\n",
                    count(*all, "mention", "mentions")
                ));
                for f in forms {
                    out.push_str(&format!(
                        "  {:<11} {:<6} {:<32} {:>5} in {}\n",
                        f["status"].as_str().unwrap_or(""),
                        f["language"].as_str().unwrap_or(""),
                        f["form"].as_str().unwrap_or(""),
                        f["mentions"],
                        count(
                            f["documents"].as_u64().unwrap_or(0) as usize,
                            "document",
                            "documents"
                        )
                    ));
                }
            }
            out.push_str(&format!(
                "never seen ({} of {}): {}\n",
                never.len(),
                count(rows.len(), "entry", "entries"),
                never.join(", ")
            ));
            out.push_str(&format!(
                "{}\n",
                count(counts.files, "document", "documents")
            ));
        }
    }
    print_stdout(&out)?;
    for (path, message) in counts
        .input_errors
        .iter()
        .map(|e| (&e.path, &e.message))
        .chain(errors.iter().map(|e| (&e.path, &e.message)))
    {
        eprintln!("error: {path}: {message}");
    }
    Ok(EXIT_CLEAN)
}

/// Draft entries from the register: unknown names written in several ways (or often enough),
/// the most used spelling preferred and the others deprecated, each marked as proposed with
/// its evidence. Drafts that lint would reject are left out.
fn suggest(clusters: &[concord::corpus::Cluster], min_documents: usize) -> glossary::Glossary {
    use concord::glossary::{CaseMode, Entry, Form, FormatVersion, Glossary, Kind, LangSection};
    // The register's names have no titles and stand on one line; glossaries want NFC.
    let clean = |s: &str| concord::normalize::nfc(s);
    let times = |n: usize, what: &str| {
        if n == 1 {
            format!("1 {what}")
        } else {
            format!("{n} {what}s")
        }
    };
    let mut entries: Vec<Entry> = Vec::new();
    let mut ids = std::collections::HashSet::new();
    for c in clusters.iter().filter(|c| c.glossary.is_none()) {
        let docs: usize = c.spellings.iter().map(|s| s.documents).sum();
        if c.spellings.len() < 2 && (min_documents == 0 || docs < min_documents) {
            continue;
        }
        let preferred = clean(&c.spellings[0].name);
        let deprecated: Vec<String> = c.spellings[1..]
            .iter()
            .map(|s| clean(&s.name))
            .filter(|d| d.to_lowercase() != preferred.to_lowercase())
            .collect();
        let mut id: String = deunicode::deunicode(&preferred)
            .to_lowercase()
            .chars()
            .map(|ch| if ch.is_ascii_alphanumeric() { ch } else { '-' })
            .collect();
        id = id
            .split('-')
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        let evidence: Vec<String> = c
            .spellings
            .iter()
            .map(|s| {
                format!(
                    "{} ({} in {}, first in {})",
                    s.text,
                    times(s.mentions, "mention"),
                    times(s.documents, "document"),
                    s.first_documents.first().cloned().unwrap_or_default()
                )
            })
            .collect();
        let words = preferred.split_whitespace().count();
        let Ok(lang) = LangTag::parse(&c.language) else {
            continue;
        };
        let Ok(pref) = Form::try_from(preferred.clone()) else {
            continue;
        };
        let section = LangSection {
            preferred: pref,
            admitted: Box::default(),
            deprecated: deprecated
                .into_iter()
                .filter_map(|d| Form::try_from(d).ok())
                .collect(),
            note: None,
        };
        // The same name in another language of the corpus: one entry, one more section.
        if let Some(e) = entries.iter_mut().find(|e| e.id == id) {
            if !e.terms.contains_key(&lang) {
                e.terms.insert(lang, section);
                if let Some(n) = e.note.as_mut() {
                    n.push_str(&format!("; {}: {}", c.language, evidence.join("; ")));
                }
            }
            continue;
        }
        if !ids.insert(id.clone()) {
            continue;
        }
        entries.push(Entry {
            id,
            kind: if words >= 2 {
                Kind::Person
            } else {
                Kind::Place
            },
            note: Some(format!(
                "proposed by concord, to review (kind guessed from the name's shape): {}",
                evidence.join("; ")
            )),
            case: CaseMode::default(),
            match_mode: None,
            terms: [(lang, section)].into_iter().collect(),
        });
    }
    let mut draft = Glossary {
        format: FormatVersion::V1,
        name: "proposed-names".to_string(),
        version: None,
        description: Some("Draft entries proposed from a corpus; review before use".to_string()),
        entries,
    };
    // Keep only what lint accepts.
    let json = serde_json::to_string_pretty(&draft).unwrap_or_default();
    let problems = lint::lint(&[("draft".to_string(), json.clone())], &known_regions());
    if !problems.is_empty() {
        let bad: std::collections::HashSet<usize> = problems
            .iter()
            .map(|p| json[..p.byte_start].matches("\"id\":").count())
            .collect();
        draft.entries = draft
            .entries
            .into_iter()
            .enumerate()
            .filter(|(i, _)| !bad.contains(&(i + 1)))
            .map(|(_, e)| e)
            .collect();
    }
    draft
}

/// What a conversion could not carry, one line per kind of loss: the same loss on many entries
/// is one note naming the first few.
fn report_losses(losses: &[Loss]) {
    eprint!("{}", summarise_losses(losses));
}

/// Entries named in a summarised note.
const NAMED_ENTRIES: usize = 3;

fn summarise_losses(losses: &[Loss]) -> String {
    let mut by_message: Vec<(&str, Vec<&str>)> = Vec::new();
    let mut out = String::new();
    for l in losses {
        match &l.entry {
            None => out.push_str(&format!("note: {}\n", l.message)),
            Some(id) => match by_message.iter_mut().find(|(m, _)| *m == l.message) {
                Some((_, ids)) => ids.push(id),
                None => by_message.push((&l.message, vec![id])),
            },
        }
    }
    for (message, ids) in by_message {
        if ids.len() == 1 {
            out.push_str(&format!("note: {}: {message}\n", ids[0]));
            continue;
        }
        let more = if ids.len() > NAMED_ENTRIES {
            ", …"
        } else {
            ""
        };
        out.push_str(&format!(
            "note: {message}: {} ({}{more})\n",
            count(ids.len(), "entry", "entries"),
            ids[..ids.len().min(NAMED_ENTRIES)].join(", ")
        ));
    }
    out
}

fn emit(text: &str, output: Option<&Path>) -> anyhow::Result<i32> {
    match output {
        Some(p) => concord::fix::write_atomic(p, text.as_bytes())
            .with_context(|| format!("writing {}", p.display()))?,
        None => print_stdout(text)?,
    }
    Ok(EXIT_CLEAN)
}

/// The region subtags lint accepts: the countries of the shipped glossary.
fn known_regions() -> Vec<String> {
    let mut out = Vec::new();
    if let Ok(all) = glossary::builtin() {
        for (_, g) in all {
            out.extend(
                g.entries
                    .iter()
                    .filter_map(|e| e.id.strip_prefix("country-"))
                    .map(str::to_ascii_uppercase),
            );
        }
    }
    out
}

fn lint_files(files: &[PathBuf], format: LintFormat) -> anyhow::Result<i32> {
    let mut inputs = Vec::new();
    let mut report = Report::default();
    for f in files {
        let name = f.display().to_string();
        match std::fs::read(f) {
            Ok(bytes) => match concord::text::decode(&bytes) {
                Ok((text, _)) => inputs.push((name, text)),
                Err(e) => report.input_errors.push(concord::engine::InputError {
                    path: name,
                    message: format!("{}: {}", e.position, e.message),
                }),
            },
            Err(e) => report.input_errors.push(concord::engine::InputError {
                path: name,
                message: e.to_string(),
            }),
        }
    }
    report.files = inputs.len();
    report.findings = lint::lint(&inputs, &known_regions());
    for (path, text) in inputs {
        report.sources.insert(path, text);
    }
    let mut out = Vec::new();
    match format {
        LintFormat::Human => report::write_human(&mut out, &report, false)?,
        LintFormat::Brief => report::write_brief(&mut out, &report)?,
        LintFormat::Json => report::write_json(&mut out, &report)?,
    }
    print_stdout(&String::from_utf8_lossy(&out))?;
    if !report.input_errors.is_empty() {
        return Ok(super::EXIT_ERROR);
    }
    let errors = report
        .findings
        .iter()
        .any(|f| f.severity == concord::Severity::Error);
    Ok(if errors { EXIT_FINDINGS } else { EXIT_CLEAN })
}

fn forms(term: &str, lang: &str, extra: &[PathBuf], no_default: bool) -> anyhow::Result<i32> {
    let lang = LangTag::parse(lang).context("--lang")?;
    let mut set = GlossarySet::default();
    if !no_default {
        for (origin, g) in glossary::builtin()? {
            set.push(origin, g);
        }
    }
    for p in extra {
        set.push(p.display().to_string(), glossary::load_file(p)?);
    }
    let nfc = concord::normalize::nfc(term);
    let toks = tokenize_str(&nfc);
    let stemmer = concord::stem::stemmer(&lang);
    let mut out = String::new();
    out.push_str(&format!("term:       {term:?}\n"));
    out.push_str(&format!(
        "NFC:        {nfc:?}{}\n",
        if nfc == term { "" } else { " (changed)" }
    ));
    out.push_str(&format!(
        "language:   {lang} (stemmer: {})\n",
        if stemmer.is_some() {
            "Snowball"
        } else {
            "none"
        }
    ));
    out.push_str("words:\n");
    for (i, t) in toks.list.iter().enumerate() {
        let key = toks.key(i);
        let stem = stemmer
            .as_ref()
            .map(|s| s.stem(key).into_owned())
            .unwrap_or_else(|| "-".into());
        let gap = if i == 0 {
            "-".to_string()
        } else {
            format!("{:?}", t.gap).to_lowercase()
        };
        out.push_str(&format!(
            "  {:<16} key {:<16} stem {:<16} after {gap}\n",
            &nfc[t.span()],
            key,
            stem
        ));
    }
    let set = std::sync::Arc::new(set);
    let matcher = Matcher::compile(set.clone(), &lang);
    let found = matcher.find(&nfc, &toks);
    if found.is_empty() {
        out.push_str("matches:    nothing in the loaded glossaries\n");
    }
    for m in found {
        let entry = set.entry(m.form.glossary, m.form.entry);
        let status = match m.form.status {
            Status::Preferred => "preferred",
            Status::Admitted => "admitted",
            Status::Deprecated => "DEPRECATED",
        };
        out.push_str(&format!(
            "matches:    {:?} = {status} form {:?} of {} ({}, {:?}, match {:?})\n",
            &nfc[m.span.clone()],
            m.form.form,
            entry.id,
            set.name(m.form.glossary),
            entry.kind,
            entry.match_mode()
        ));
        if let Some(s) = entry.section(&lang) {
            out.push_str(&format!("            preferred {:?}", s.preferred.as_str()));
            if !s.admitted.is_empty() {
                out.push_str(&format!(
                    ", admitted {:?}",
                    s.admitted.iter().map(|f| f.as_str()).collect::<Vec<_>>()
                ));
            }
            if !s.deprecated.is_empty() {
                out.push_str(&format!(
                    ", deprecated {:?}",
                    s.deprecated.iter().map(|f| f.as_str()).collect::<Vec<_>>()
                ));
            }
            out.push('\n');
        }
    }
    print_stdout(&out)?;
    Ok(EXIT_CLEAN)
}
