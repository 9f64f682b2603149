//! `concord debug`: how concord sees a document, stage by stage, for hunting false positives
//! and writing bug reports.

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::Context as _;
use clap::{Args, ValueEnum};

use concord::Engine;
use concord::engine::Options;
use concord::glossary::{self, GlossarySet, Status};
use concord::lang::LangTag;
use concord::markup::Format;
use concord::names::mentions;
use concord::numbers::{Unit, Written, quantities};

use super::EXIT_CLEAN;

#[derive(Clone, Copy, ValueEnum)]
enum Stage {
    /// Words with their matching keys, separators and flags
    Tokens,
    /// Candidate names (weak: a lone capitalised sentence opener or German noun)
    Names,
    /// Glossary forms found, correct or deprecated
    Matches,
    /// Quantities: numbers in digits and words, with their value and unit
    Numbers,
}

#[derive(Args)]
pub struct DebugArgs {
    /// What to show
    #[arg(value_enum)]
    stage: Stage,
    /// The file to look at
    file: PathBuf,
    /// Language of the document (default: from the file name, else detected)
    #[arg(long, value_name = "TAG")]
    lang: Option<String>,
    /// Add a glossary; repeatable
    #[arg(long = "glossary", short = 'g', value_name = "FILE")]
    glossaries: Vec<PathBuf>,
    /// Do not load the shipped glossaries
    #[arg(long)]
    no_default_glossaries: bool,
}

pub fn run(args: DebugArgs) -> anyhow::Result<i32> {
    let mut set = GlossarySet::default();
    if !args.no_default_glossaries {
        for (origin, g) in glossary::builtin()? {
            set.push(origin, g);
        }
    }
    for path in &args.glossaries {
        set.push(path.display().to_string(), glossary::load_file(path)?);
    }
    let options = Options {
        lang: args.lang.as_deref().map(LangTag::parse).transpose()?,
        ..Options::default()
    };
    let engine = Engine::new(set, options);
    let bytes =
        std::fs::read(&args.file).with_context(|| format!("reading {}", args.file.display()))?;
    let name = args.file.display().to_string();
    let doc = engine
        .document(&name, &bytes, Format::from_path(&args.file))
        .map_err(|e| anyhow::anyhow!("{}: {}", e.path, e.message))?;
    let mut out = String::new();
    writeln!(
        out,
        "# {} ({}, language {} from {:?})",
        doc.path,
        format_name(doc.format),
        doc.lang,
        doc.lang_source
    )?;
    let at = |offset: usize| {
        let p = doc.position(offset);
        format!("{}:{}", p.line, p.column)
    };
    match args.stage {
        Stage::Tokens => {
            for (i, t) in doc.tokens.list.iter().enumerate() {
                let mut flags = Vec::new();
                if t.sentence_initial {
                    flags.push("sentence-start");
                }
                if t.all_caps {
                    flags.push("all-caps");
                } else if t.capitalized {
                    flags.push("capitalised");
                }
                writeln!(
                    out,
                    "{}\t{:?}\t{}\t{}",
                    at(t.start),
                    t.gap,
                    doc.tokens.key(i),
                    flags.join(",")
                )?;
            }
        }
        Stage::Names => {
            for m in mentions(&doc.tokens, &doc.lang) {
                let weak = if m.weak { "\tweak" } else { "" };
                writeln!(
                    out,
                    "{}\t{}{weak}",
                    at(m.span.start),
                    &doc.text[m.span.clone()]
                )?;
            }
        }
        Stage::Matches => {
            let matcher = engine.matcher(&doc.lang);
            for m in matcher.find(&doc.prose, &doc.tokens) {
                let entry = engine.glossaries().entry(m.form.glossary, m.form.entry);
                let status = match m.form.status {
                    Status::Preferred => "preferred",
                    Status::Admitted => "admitted",
                    Status::Deprecated => "DEPRECATED",
                };
                writeln!(
                    out,
                    "{}\t{status}\t{}:{}\t{} = {}",
                    at(m.span.start),
                    engine.glossaries().name(m.form.glossary),
                    entry.id,
                    &doc.text[m.span.clone()],
                    m.form.form
                )?;
            }
        }
        Stage::Numbers => {
            for q in quantities(&doc.text, &doc.lang) {
                let unit = match q.unit {
                    Unit::Count => "count".to_string(),
                    Unit::Percent => "percent".to_string(),
                    Unit::Time => "time (minutes after midnight)".to_string(),
                    Unit::Decade => "decade".to_string(),
                    Unit::Magnitude => "magnitude (power of ten)".to_string(),
                    Unit::Measure(d) => format!("{d:?}").to_lowercase(),
                    Unit::Money(code) => code.to_string(),
                    Unit::Date => "date (month × 100 + day)".to_string(),
                };
                let written = match q.written {
                    Written::Words => "words",
                    Written::Implied => "implied by a word",
                    Written::Digits(_) => "digits",
                };
                let ordinal = if q.ordinal { ", ordinal" } else { "" };
                writeln!(
                    out,
                    "{}	{}	{}	{unit}, {written}{ordinal}",
                    at(q.span.start),
                    &doc.text[q.span.clone()],
                    q.value
                )?;
            }
        }
    }
    super::print_stdout(&out)?;
    Ok(EXIT_CLEAN)
}

fn format_name(f: Format) -> &'static str {
    match f {
        Format::Plain => "plain text",
        Format::Markdown => "Markdown",
        Format::Html => "HTML",
    }
}
