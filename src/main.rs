use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

use ipec::app::keys::Keymap;
use ipec::app::tabs::Tab;
use ipec::cli::{Cli, Next, TuiArgs};
use ipec::kb::text::sanitize;
use ipec::kb::{DataSource, Kind, KnowledgeBase};
use ipec::tui::{Options, PresentOptions};

fn main() -> ExitCode {
    match ipec::cli::run(Cli::parse()) {
        Next::Exit(code) => code,
        Next::Explorer { data, args } => run_tui(data, args),
        Next::Present {
            data,
            args,
            tour,
            notes,
        } => run_present(data, args, tour, notes),
    }
}

/// Loads the knowledge base for a terminal front end; its problems are reported like `ipec check`
/// does, before the terminal is touched.
fn load(data: Option<PathBuf>) -> Option<KnowledgeBase> {
    match KnowledgeBase::load(&DataSource::from_option(data)) {
        Ok(kb) => Some(kb),
        Err(problems) => {
            eprintln!("{problems}");
            eprintln!("the knowledge base has problems; run `ipec check` for the full list");
            None
        }
    }
}

/// The key table with the config file's keys (checked when the file was read, so they apply).
fn keymap(keys: &[(String, String)]) -> Keymap {
    Keymap::with_overrides(keys).unwrap_or_default()
}

fn no_terminal(e: std::io::Error) -> ExitCode {
    eprintln!("ipec: cannot run here ({e}); it needs a terminal. In scripts, use `ipec list`, `ipec show`, `ipec search` or `ipec handout`.");
    ExitCode::FAILURE
}

/// Opens the explorer.
fn run_tui(data: Option<PathBuf>, args: TuiArgs) -> ExitCode {
    let Some(kb) = load(data.clone()) else {
        return ExitCode::FAILURE;
    };
    let Some(tab) = args.tab.as_deref().map_or(Some(Tab::Overview), Tab::from_name) else {
        let names = Tab::names().join(", ");
        let asked = sanitize(args.tab.as_deref().unwrap_or_default()).into_owned();
        eprintln!("ipec: no tab is called `{asked}`; the tabs are {names}");
        return ExitCode::from(2);
    };
    let options = Options {
        theme: args.theme,
        mouse: !args.no_mouse,
        tab,
        watch: data,
        keymap: keymap(&args.keys),
    };
    match ipec::tui::run(kb, options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => no_terminal(e),
    }
}

/// `ipec present [TOUR] [--notes]`: slides in the high-contrast theme unless --theme says otherwise.
fn run_present(data: Option<PathBuf>, args: TuiArgs, tour: Option<String>, notes: bool) -> ExitCode {
    let Some(kb) = load(data) else {
        return ExitCode::FAILURE;
    };
    let target = match tour.as_deref() {
        Some(id) => kb.find(id),
        None => kb.refs(Kind::Tour).next(),
    };
    let Some(target) = target else {
        let tours: Vec<&str> = kb.refs(Kind::Tour).map(|r| kb.id(r)).collect();
        let asked = sanitize(tour.as_deref().unwrap_or_default()).into_owned();
        eprintln!(
            "ipec: nothing to present as `{asked}`; the tours are: {}",
            tours.join(", ")
        );
        return ExitCode::FAILURE;
    };
    let options = PresentOptions {
        theme: args.theme,
        mouse: !args.no_mouse,
        notes,
        keymap: keymap(&args.keys),
    };
    match ipec::tui::present(kb, target, options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => no_terminal(e),
    }
}
