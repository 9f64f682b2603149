//! `concord names`: the corpus's name register.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use concord::report::count;

use super::{EXIT_CLEAN, EXIT_ERROR, print_stdout};

#[derive(Args)]
pub struct NamesArgs {
    /// Files or directories (articles)
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
}

#[derive(Clone, Copy, ValueEnum)]
enum NamesFormat {
    Human,
    Json,
}

pub fn run(args: NamesArgs) -> anyhow::Result<i32> {
    let set = super::load_glossaries(args.no_default_glossaries, &args.glossaries)?;
    let (_, report, register, doc_names) = super::read_corpus(&args.paths, set);
    let clusters: Vec<_> = register
        .clusters(&doc_names)
        .into_iter()
        .filter(|c| !args.variants || c.spellings.len() > 1)
        .filter(|c| c.spellings.iter().map(|s| s.mentions).sum::<usize>() >= args.min_mentions)
        .collect();
    let mut out = String::new();
    match args.format {
        NamesFormat::Json => {
            let doc =
                serde_json::json!({"version": 1, "documents": report.files, "clusters": clusters});
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
                count(report.files, "document", "documents")
            ));
        }
    }
    print_stdout(&out)?;
    for e in &report.input_errors {
        eprintln!("error: {}: {}", e.path, e.message);
    }
    Ok(if report.input_errors.is_empty() {
        EXIT_CLEAN
    } else {
        EXIT_ERROR
    })
}
