use std::process::ExitCode;

use clap::Parser;

use ipec::cli::{run_command, Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => run_tui(cli.data, cli.tui),
        Some(Command::Tui(args)) => run_tui(cli.data, args),
        Some(command) => run_command(command, cli.data),
    }
}

fn run_tui(_data: Option<std::path::PathBuf>, _args: ipec::cli::TuiArgs) -> ExitCode {
    eprintln!("ipec: the explorer is not built yet; try `ipec check`, `ipec list countries` or `ipec show GHA`");
    ExitCode::FAILURE
}
