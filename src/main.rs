//! The `concord` command: flags in, findings out, exit code documented in `--help`.

mod cli;

fn main() {
    std::process::exit(cli::main());
}
