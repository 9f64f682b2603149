//! Command-line interface: parses flags, loads glossaries, walks inputs, prints a report and
//! turns the outcome into an exit code. All checking happens in the library.

mod check;
mod debug;
mod glossary;
mod names;
mod output;
mod progress;
mod rules;
#[cfg(feature = "serve")]
mod serve;
mod settings;
mod shell;
mod sources;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

/// Exit codes, as documented in `--help` and the README.
pub const EXIT_CLEAN: i32 = 0;
pub const EXIT_FINDINGS: i32 = 1;
pub const EXIT_ERROR: i32 = 2;

const AFTER_HELP: &str = "\
Exit codes:
  0  no finding at or above --fail-on
  1  findings at or above --fail-on (default: error)
  2  usage error, bad glossary, or an input that could not be read or decoded";

#[derive(Parser)]
#[command(name = "concord", version, about = "Checks translated news for inconsistent names, terms and numbers", after_help = AFTER_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check files and directories (`-` reads standard input)
    #[command(after_help = AFTER_HELP)]
    Check(Box<check::CheckArgs>),
    /// List the rules concord can report, with their severity and explanation
    Rules(rules::RulesArgs),
    /// Explain one rule, with an example and what concord reports on it
    Explain(rules::ExplainArgs),
    /// Show how concord reads a file: its tokens, candidate names or glossary matches
    Debug(debug::DebugArgs),
    /// Keep glossaries right: lint, stats, suggest, forms, import and export (TBX, CSV)
    Glossary(glossary::GlossaryArgs),
    /// List every name in a corpus with its spellings, counts and documents
    Names(names::NamesArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell)
    Completions(shell::CompletionsArgs),
    /// Print the manual page (roff) of concord or of one subcommand
    Man(shell::ManArgs),
    /// Serve checks over HTTP for a CMS: a JSON API on loopback (see the README)
    #[cfg(feature = "serve")]
    Serve(serve::ServeArgs),
}

/// The command line's definition, with `--version` naming the shipped glossaries.
fn command(long_version: Option<String>) -> clap::Command {
    let cmd = Cli::command();
    match long_version {
        Some(v) => cmd.long_version(v),
        None => cmd,
    }
}

/// concord's version and the name, version and size of each shipped glossary.
fn long_version() -> String {
    let mut out = env!("CARGO_PKG_VERSION").to_string();
    match concord::glossary::builtin() {
        Ok(glossaries) => {
            out.push_str("\nglossaries:");
            for (_, g) in glossaries {
                out.push_str(&format!(
                    "\n  {} {} ({} entries)",
                    g.name,
                    g.version.as_deref().unwrap_or("(no version)"),
                    g.entries.len()
                ));
            }
        }
        Err(e) => out.push_str(&format!("\nglossaries: cannot be read: {e}")),
    }
    out
}

/// The shipped glossaries (unless `no_default`) and the extra ones given with `-g`.
pub fn load_glossaries(
    no_default: bool,
    extra: &[std::path::PathBuf],
) -> anyhow::Result<concord::glossary::GlossarySet> {
    let mut set = concord::glossary::GlossarySet::default();
    if !no_default {
        for (origin, g) in concord::glossary::builtin()? {
            set.push(origin, g);
        }
    }
    for path in extra {
        set.push(
            path.display().to_string(),
            concord::glossary::load_file(path)?,
        );
    }
    Ok(set)
}

/// Reads a corpus's names (files and directories; articles only have names): its register,
/// and the inputs that could not be read.
pub fn read_corpus(
    paths: &[std::path::PathBuf],
    set: concord::glossary::GlossarySet,
) -> (concord::corpus::Register, Vec<concord::engine::InputError>) {
    let engine = concord::Engine::new(set, concord::Options::default());
    let inputs = concord::inputs::of_files(concord::walk::files_under(paths));
    let (tally, errors) = engine.tally(inputs, concord::engine::Run::default());
    (concord::corpus::Register::new(tally), errors)
}

/// Writes to standard output; a reader that went away (`| head`) is not an error.
pub fn print_stdout(text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

pub fn main() -> i32 {
    // Reading the glossaries costs a little: only `--version` needs them.
    let asked = std::env::args_os().any(|a| a == "--version");
    let parsed = command(asked.then(long_version))
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() {
                EXIT_ERROR
            } else {
                EXIT_CLEAN
            };
            let _ = e.print();
            return code;
        }
    };
    let result = match cli.command {
        Command::Check(args) => check::run(*args),
        Command::Debug(args) => debug::run(args),
        Command::Glossary(args) => glossary::run(args),
        Command::Names(args) => names::run(args),
        Command::Completions(args) => shell::completions(args, command(None)),
        Command::Man(args) => shell::man(args, command(None)),
        Command::Rules(args) => rules::run_rules(args),
        Command::Explain(args) => rules::run_explain(args),
        #[cfg(feature = "serve")]
        Command::Serve(args) => serve::run(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            EXIT_ERROR
        }
    }
}
