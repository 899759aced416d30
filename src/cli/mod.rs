//! The command line: arguments (clap) and the subcommands for scripts.

mod handout;
mod render;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

pub use crate::ui::theme::ThemeName;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::kb::{DataSource, Kind, KnowledgeBase};

pub use crate::document::render::{document_markdown, document_text};

#[derive(Debug, Parser)]
#[command(name = "ipec", version, about = "Explore the ILO's IPEC+ Global Flagship Programme: priorities, theory of change, conventions and results by country.", long_about = None)]
pub struct Cli {
    /// Load the knowledge base from this folder instead of the built-in one.
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub tui: TuiArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the explorer (the default when no command is given).
    Tui(TuiArgs),
    /// Validate the knowledge base: count each kind, or report every problem as FILE:LINE:COLUMN.
    Check,
    /// List every record of one kind.
    List {
        /// priorities, areas, conventions, countries, achievements, figures, partnerships, events, resources,
        /// sources or programme.
        kind: Kind,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Show one record, its links resolved.
    Show {
        /// The record's id (case does not matter): GHA, C182, enterprises-supply-chains...
        id: String,
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
    },
    /// Present a tour full screen, one slide per step (any other record: one slide). Keys: Right/Space
    /// next, Left back, a number then Enter jumps, b blanks, n notes, q leaves.
    Present {
        /// A tour's id (`ipec list tours`), or any record's id; the first tour when left out.
        tour: Option<String>,
        /// The trainer's view, in a second terminal: the speaker notes, the next step and the clock,
        /// following the projected slides (and moving them).
        #[arg(long)]
        notes: bool,
    },
    /// Write a tour as a handout: every step with its facts, figures and citations, the sources at the
    /// end.
    Handout {
        /// A tour's id (`ipec list tours`).
        tour: String,
        #[arg(long, value_enum, default_value_t = HandoutFormat::Markdown)]
        format: HandoutFormat,
        /// Write to this file instead of standard output; an existing file is kept unless --force.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace FILE if it exists.
        #[arg(long, requires = "output")]
        force: bool,
    },
    /// Search every record, best match first.
    Search {
        /// Words to look for, in any order: "ghana fishing", "cote", "4690".
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        /// Only records of this kind.
        #[arg(long)]
        kind: Option<Kind>,
        /// At most this many results.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
}

/// Options of the explorer.
#[derive(Debug, Clone, Default, Args)]
pub struct TuiArgs {
    /// Colour theme: dark (the explorer's default), light, or high-contrast for projectors (the default
    /// of `ipec present`). NO_COLOR is respected.
    #[arg(long, value_enum, global = true)]
    pub theme: Option<ThemeName>,
    /// Leave the mouse to the terminal (keeps its own text selection working).
    #[arg(long, global = true)]
    pub no_mouse: bool,
    /// The tab to open on: overview, priorities, change, conventions, countries, map, partnerships,
    /// timeline, figures or library.
    #[arg(long, value_name = "NAME")]
    pub tab: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HandoutFormat {
    /// Markdown, with figures as tables.
    Markdown,
    /// One self-contained HTML file, with SVG charts and map, that prints one step per page.
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    Text,
    Json,
    Markdown,
}

/// What a subcommand asks of `main` once it has printed: the exit code.
pub fn run_command(command: Command, data: Option<PathBuf>) -> ExitCode {
    let source = DataSource::from_option(data);
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let result = match command {
        Command::Check => check(&source, &mut out),
        other => match KnowledgeBase::load(&source) {
            Ok(kb) => match other {
                Command::List { kind, format } => render::list(&kb, kind, format, &mut out).map(|_| ExitCode::SUCCESS),
                Command::Show { id, format } => show(&kb, &id, format, &mut out),
                Command::Search {
                    query,
                    kind,
                    limit,
                    format,
                } => render::search(&kb, &query.join(" "), kind, limit, format, &mut out).map(|_| ExitCode::SUCCESS),
                Command::Handout {
                    tour,
                    format,
                    output,
                    force,
                } => handout::write(&kb, &tour, format, output.as_deref(), force, &mut out),
                Command::Check | Command::Tui(_) | Command::Present { .. } => Ok(ExitCode::SUCCESS),
            },
            Err(problems) => {
                eprintln!("{problems}");
                eprintln!("the knowledge base has problems; run `ipec check` for the full list");
                Ok(ExitCode::FAILURE)
            }
        },
    };
    match result {
        Ok(code) => code,
        // `ipec list achievements | head` closes the pipe early: that is not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("ipec: cannot write output: {e}");
            ExitCode::FAILURE
        }
    }
}

fn check(source: &DataSource, out: &mut impl Write) -> io::Result<ExitCode> {
    match KnowledgeBase::load(source) {
        Ok(kb) => {
            let where_from = match source {
                DataSource::Embedded => "built-in knowledge base".to_string(),
                DataSource::Dir(dir) => dir.display().to_string(),
            };
            writeln!(out, "{where_from}: ok, {} records", kb.total_records())?;
            for kind in Kind::ALL {
                writeln!(out, "  {:>5}  {}", kb.len(kind), kind.plural())?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(problems) => {
            writeln!(out, "{problems}")?;
            Ok(ExitCode::FAILURE)
        }
    }
}

fn show(kb: &KnowledgeBase, id: &str, format: ShowFormat, out: &mut impl Write) -> io::Result<ExitCode> {
    let Some(r) = kb.find(id) else {
        let close = kb.suggest(id, None, 5);
        if close.is_empty() {
            eprintln!("ipec: no record has the id `{id}`; try `ipec search {id}`");
        } else {
            eprintln!("ipec: no record has the id `{id}`; closest: {}", close.join(", "));
        }
        return Ok(ExitCode::FAILURE);
    };
    match format {
        ShowFormat::Text => write!(out, "{}", document_text(&kb.document(r)))?,
        ShowFormat::Markdown => write!(out, "{}", document_markdown(&kb.document(r)))?,
        ShowFormat::Json => render::record_json(kb, r, out)?,
    }
    Ok(ExitCode::SUCCESS)
}
