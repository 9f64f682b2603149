//! `concord rules` and `concord explain RULE`: the rule table, for people and for tools.

use clap::{Args, ValueEnum};

use concord::checks::{Rule, rule, rule_ids, rules};
use concord::explain::{example_path, run_example};

use super::{EXIT_CLEAN, EXIT_ERROR, print_stdout};

/// Text is wrapped to this width.
const WIDTH: usize = 80;

#[derive(Args)]
pub struct RulesArgs {
    /// Only the rule ids, one per line
    #[arg(long, conflicts_with = "format")]
    ids: bool,
    #[arg(long, value_enum, default_value = "human")]
    format: RulesFormat,
}

#[derive(Clone, Copy, ValueEnum)]
enum RulesFormat {
    /// Each rule with its severity, summary and explanation
    Human,
    /// The table as one JSON document
    Json,
}

#[derive(Args)]
pub struct ExplainArgs {
    /// A rule id, as `concord rules` lists them (e.g. name/glossary)
    rule: String,
}

pub fn run_rules(args: RulesArgs) -> anyhow::Result<i32> {
    let out = if args.ids {
        rule_ids().iter().map(|id| format!("{id}\n")).collect()
    } else {
        match args.format {
            RulesFormat::Json => {
                let doc = serde_json::json!({"version": 1, "rules": rules()});
                serde_json::to_string_pretty(&doc)? + "\n"
            }
            RulesFormat::Human => rules()
                .iter()
                .map(|r| format!("{}\n{}\n", heading(r), paragraph(r.explanation, "  ")))
                .collect::<Vec<_>>()
                .join("\n"),
        }
    };
    print_stdout(&out).map(|()| EXIT_CLEAN)
}

pub fn run_explain(args: ExplainArgs) -> anyhow::Result<i32> {
    let Some(r) = rule(&args.rule) else {
        eprintln!(
            "error: unknown rule {:?} (known: {})",
            args.rule,
            rule_ids().join(", ")
        );
        return Ok(EXIT_ERROR);
    };
    let engine = concord::Engine::new(
        super::load_glossaries(false, &[])?,
        concord::Options::default(),
    );
    let findings = run_example(&engine, &r.example)
        .map_err(|e| anyhow::anyhow!("the example of {} cannot be read: {}", r.id, e.message))?;
    let mut out = format!("{}\n\n{}\n\n", heading(r), paragraph(r.explanation, ""));
    let example = &r.example;
    match example.source {
        Some((lang, source)) => {
            out.push_str(&format!(
                "Example: a source ({lang})\n\n{}\n\n",
                block(source)
            ));
            out.push_str(&format!(
                "and its translation ({})\n\n{}\n\n",
                example.lang,
                block(example.text)
            ));
        }
        None => out.push_str(&format!(
            "Example ({})\n\n{}\n\n",
            example.lang,
            block(example.text)
        )),
    }
    for other in example.others {
        out.push_str(&format!(
            "with another document of the run\n\n{}\n\n",
            block(other)
        ));
    }
    out.push_str("concord reports\n\n");
    let path = example_path(example.lang);
    for f in &findings {
        let place = if f.path == path {
            format!("{}:{}", f.line, f.column)
        } else {
            format!("{}:{}:{}", f.path, f.line, f.column)
        };
        out.push_str(&format!(
            "    {place}: {}[{}] {}\n",
            f.severity.as_str(),
            f.rule,
            f.message
        ));
    }
    print_stdout(&out).map(|()| EXIT_CLEAN)
}

fn heading(r: &Rule) -> String {
    format!("{} ({}): {}", r.id, r.severity.as_str(), r.summary)
}

/// Wrapped to [`WIDTH`], each line after `indent`.
fn paragraph(text: &str, indent: &str) -> String {
    let options = textwrap::Options::new(WIDTH)
        .initial_indent(indent)
        .subsequent_indent(indent);
    textwrap::fill(text, options)
}

/// An example's text: each paragraph wrapped and indented as a quotation.
fn block(text: &str) -> String {
    text.split("\n\n")
        .map(|p| paragraph(p, "    "))
        .collect::<Vec<_>>()
        .join("\n\n")
}
