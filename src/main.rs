use std::process::ExitCode;

use clap::Parser;

use ipec::cli::{Cli, Next, TuiArgs};
use ipec::kb::{DataSource, KnowledgeBase};

fn main() -> ExitCode {
    match ipec::cli::run(Cli::parse()) {
        Next::Exit(code) => code,
        Next::Explorer { data, args } => run_tui(data, args),
    }
}

/// Opens the explorer. A knowledge base with problems is reported like `ipec check` does, before the
/// terminal is touched.
fn run_tui(data: Option<std::path::PathBuf>, args: TuiArgs) -> ExitCode {
    let kb = match KnowledgeBase::load(&DataSource::from_option(data)) {
        Ok(kb) => kb,
        Err(problems) => {
            eprintln!("{problems}");
            eprintln!("the knowledge base has problems; run `ipec check` for the full list");
            return ExitCode::FAILURE;
        }
    };
    match ipec::tui::run(kb, &args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("ipec: cannot run the explorer here ({e}); it needs a terminal. In scripts, use `ipec list`, `ipec show` or `ipec search`.");
            ExitCode::FAILURE
        }
    }
}
