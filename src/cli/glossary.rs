//! `concord glossary …`: tools for the people who keep the termbase.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use clap::{Args, Subcommand, ValueEnum};

use concord::glossary::{self, GlossarySet, Matcher, Status, csv, exchange::Loss, lint, tbx};
use concord::lang::LangTag;
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

fn report_losses(losses: &[Loss]) {
    for l in losses {
        eprintln!("note: {l}");
    }
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
    let matcher = Matcher::compile(&set, &lang);
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
