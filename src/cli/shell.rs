//! `concord completions SHELL` and `concord man`: generated from the clap definition, so they
//! never disagree with `--help`.

use clap::Args;
use clap_complete::Shell;

use super::{EXIT_CLEAN, print_stdout};

#[derive(Args)]
pub struct CompletionsArgs {
    /// The shell to complete for
    shell: Shell,
}

pub fn completions(args: CompletionsArgs, mut cmd: clap::Command) -> anyhow::Result<i32> {
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "concord", &mut out);
    print_stdout(&String::from_utf8_lossy(&out)).map(|()| EXIT_CLEAN)
}

#[derive(Args)]
pub struct ManArgs {
    /// The page of this subcommand (concord-check(1), …) instead of concord(1)
    command: Option<String>,
}

pub fn man(args: ManArgs, cmd: clap::Command) -> anyhow::Result<i32> {
    let page = match &args.command {
        None => cmd.name("concord"),
        Some(name) => {
            let Some(sub) = cmd.find_subcommand(name) else {
                let known: Vec<&str> = cmd.get_subcommands().map(|s| s.get_name()).collect();
                anyhow::bail!("no subcommand {name:?} (known: {})", known.join(", "));
            };
            sub.clone().name(format!("concord-{name}"))
        }
    };
    let mut out = Vec::new();
    clap_mangen::Man::new(page).render(&mut out)?;
    print_stdout(&String::from_utf8_lossy(&out)).map(|()| EXIT_CLEAN)
}
