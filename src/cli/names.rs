//! `concord names`: the corpus's name register, and the stages that build it in parts: a part's
//! register as JSON Lines (`--emit-partial`), parts merged (`--merge`), and a register's
//! clusters listed (`--register`).

use std::io::{BufReader, Write};
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use clap::{Args, ValueEnum};

use concord::corpus::{self, Register, Tally};
use concord::engine::{InputError, Run};
use concord::lang::LangTag;
use concord::report::count;

use super::sources::{STDIN, Sources};
use super::{EXIT_CLEAN, EXIT_ERROR, print_stdout};

#[derive(Args)]
pub struct NamesArgs {
    /// Files or directories (articles); `-` reads standard input (see --input-format). With
    /// --merge: register files, `-` for standard input
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Only names written in more than one way
    #[arg(long)]
    variants: bool,
    /// Only names mentioned at least this often
    #[arg(long, default_value_t = 1)]
    min_mentions: usize,
    #[arg(long, value_enum, default_value = "human")]
    format: NamesFormat,
    /// Add a glossary; repeatable
    #[arg(long = "glossary", short = 'g', value_name = "FILE")]
    glossaries: Vec<PathBuf>,
    /// Do not load the shipped glossaries
    #[arg(long)]
    no_default_glossaries: bool,
    /// Language of every document (BCP 47); by default from the file name or record, else
    /// identified
    #[arg(long, value_name = "TAG")]
    lang: Option<String>,
    /// Language used when identification is unreliable [default: en]
    #[arg(long, value_name = "TAG")]
    default_lang: Option<String>,
    /// What standard input holds
    #[arg(long, value_enum, default_value = "text")]
    input_format: InputFormat,
    /// Worker threads (0: one per core)
    #[arg(long, short = 'j', default_value_t = 0)]
    threads: usize,
    /// Write the documents' register as JSON Lines (concord-register/1) for `--merge` and
    /// `concord check --register`, instead of listing it
    #[arg(long, conflicts_with_all = ["merge", "register"])]
    emit_partial: bool,
    /// Merge the registers in PATHS (written by --emit-partial or --merge) into one, written
    /// as JSON Lines (concord-register/1)
    #[arg(long, conflicts_with = "register")]
    merge: bool,
    /// List the names of this register file instead of reading documents
    #[arg(long, value_name = "FILE")]
    register: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum NamesFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum InputFormat {
    /// Plain text
    Text,
    /// Markdown
    Markdown,
    /// HTML (an article page)
    Html,
    /// JSON Lines documents, one per line ({"path", "text", "lang", "format"})
    Jsonl,
}

impl InputFormat {
    fn kind(self) -> concord::engine::Kind {
        use concord::engine::Kind;
        use concord::markup::Format;
        match self {
            InputFormat::Text => Kind::Text(Format::Plain),
            InputFormat::Markdown => Kind::Text(Format::Markdown),
            InputFormat::Html => Kind::Text(Format::Html),
            InputFormat::Jsonl => Kind::Container(concord::formats::Container::Jsonl),
        }
    }
}

pub fn run(args: NamesArgs) -> anyhow::Result<i32> {
    if args.merge {
        let tally = merge(&args.paths)?;
        write_register(&tally)?;
        return Ok(EXIT_CLEAN);
    }
    let (register, documents, errors) = match &args.register {
        Some(file) => {
            let tally = read_register(file)?;
            let documents = tally.documents;
            (Register::new(tally), documents, Vec::new())
        }
        None => {
            let (tally, errors) = read_documents(&args)?;
            if args.emit_partial {
                write_register(&tally)?;
                return Ok(report_errors(&errors));
            }
            let documents = tally.documents;
            (Register::new(tally), documents, errors)
        }
    };
    list(&args, &register, documents)?;
    Ok(report_errors(&errors))
}

fn report_errors(errors: &[InputError]) -> i32 {
    for e in errors {
        eprintln!("error: {}: {}", e.path, e.message);
    }
    if errors.is_empty() {
        EXIT_CLEAN
    } else {
        EXIT_ERROR
    }
}

/// The names of the documents in PATHS, read with the command line's settings.
fn read_documents(args: &NamesArgs) -> anyhow::Result<(Tally, Vec<InputError>)> {
    let set = super::load_glossaries(args.no_default_glossaries, &args.glossaries)?;
    let tag = |flag: &str, t: &str| LangTag::parse(t).with_context(|| format!("--{flag}"));
    let mut options = concord::Options {
        lang: args.lang.as_deref().map(|t| tag("lang", t)).transpose()?,
        ..concord::Options::default()
    };
    if let Some(t) = &args.default_lang {
        options.default_lang = tag("default-lang", t)?;
    }
    let files: Vec<PathBuf> = args
        .paths
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .cloned()
        .collect();
    let mut sources = Sources::new(
        files.len() < args.paths.len(),
        args.input_format.kind(),
        Box::new(|_: &Path| true),
    )?;
    sources.walk(files);
    let engine = concord::Engine::new(set, options);
    let run = Run {
        threads: args.threads,
        ..Run::default()
    };
    Ok(engine.tally(sources.inputs()?, run))
}

fn read_register(file: &Path) -> anyhow::Result<Tally> {
    if file.as_os_str() == "-" {
        return Ok(corpus::read(std::io::stdin().lock(), STDIN)?);
    }
    let f =
        std::fs::File::open(file).with_context(|| format!("{}: cannot read", file.display()))?;
    Ok(corpus::read(
        BufReader::new(f),
        &file.display().to_string(),
    )?)
}

/// Every register in `paths` merged (standard input read once, for `-`).
fn merge(paths: &[PathBuf]) -> anyhow::Result<Tally> {
    let mut merged: Option<Tally> = None;
    let mut stdin_read = false;
    for p in paths {
        if p.as_os_str() == "-" && std::mem::replace(&mut stdin_read, true) {
            continue;
        }
        let part = read_register(p)?;
        match &mut merged {
            None => merged = Some(part),
            Some(m) => m
                .merge(part)
                .map_err(|e| anyhow::anyhow!("{}: this register was {e}", p.display()))?,
        }
    }
    merged.context("--merge: no register given")
}

fn write_register(tally: &Tally) -> anyhow::Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match corpus::write(&mut out, tally).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("writing the register"),
    }
}

/// Lists the register's names, as text or JSON.
fn list(args: &NamesArgs, register: &Register, documents: usize) -> anyhow::Result<()> {
    let clusters: Vec<_> = register
        .clusters()
        .into_iter()
        .filter(|c| !args.variants || c.spellings.len() > 1)
        .filter(|c| c.spellings.iter().map(|s| s.mentions).sum::<usize>() >= args.min_mentions)
        .collect();
    let mut out = String::new();
    match args.format {
        NamesFormat::Json => {
            let doc =
                serde_json::json!({"version": 1, "documents": documents, "clusters": clusters});
            out = serde_json::to_string_pretty(&doc)? + "\n";
        }
        NamesFormat::Human => {
            for c in &clusters {
                let known = c
                    .glossary
                    .as_deref()
                    .map_or(String::new(), |g| format!("  glossary: {g}"));
                out.push_str(&format!("{}  [{}]{known}\n", c.name, c.language));
                for s in &c.spellings {
                    let docs = if s.documents == 1 {
                        "document"
                    } else {
                        "documents"
                    };
                    let mentions = if s.mentions == 1 {
                        "mention "
                    } else {
                        "mentions"
                    };
                    let more = if s.documents > s.first_documents.len() {
                        ", …"
                    } else {
                        ""
                    };
                    out.push_str(&format!(
                        "  {:<24} {:>5} {mentions} in {} {docs}: {}{more}\n",
                        s.text,
                        s.mentions,
                        s.documents,
                        s.first_documents.join(", ")
                    ));
                }
            }
            out.push_str(&format!(
                "{} in {}\n",
                count(clusters.len(), "name", "names"),
                count(documents, "document", "documents")
            ));
        }
    }
    print_stdout(&out)
}
