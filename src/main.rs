use std::process::ExitCode;

use clap::Parser;

use ipec::app::tabs::Tab;
use ipec::cli::{run_command, Cli, Command, TuiArgs};
use ipec::kb::{DataSource, KnowledgeBase};
use ipec::tui::Options;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => run_tui(cli.data, cli.tui),
        Some(Command::Tui(args)) => run_tui(cli.data, args),
        Some(command) => run_command(command, cli.data),
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
    let Some(tab) = args.tab.as_deref().map_or(Some(Tab::Overview), Tab::from_name) else {
        let names = Tab::names().join(", ");
        eprintln!(
            "ipec: no tab is called `{}`; the tabs are {names}",
            args.tab.unwrap_or_default()
        );
        return ExitCode::from(2);
    };
    let options = Options {
        theme: args.theme,
        mouse: !args.no_mouse,
        tab,
    };
    match ipec::tui::run(kb, options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("ipec: cannot run the explorer here ({e}); it needs a terminal. In scripts, use `ipec list`, `ipec show` or `ipec search`.");
            ExitCode::FAILURE
        }
    }
}
