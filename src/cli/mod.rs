//! The command line: arguments (clap) and the subcommands for scripts.

mod render;
mod watch;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::kb::text::escape;
use crate::kb::{DataSource, Kind, KnowledgeBase, Problems};

pub use render::{document_markdown, document_text};

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
    Check {
        /// Check again on every change to the --data folder (for an editor in a split terminal), until
        /// Ctrl-C.
        #[arg(long)]
        watch: bool,
    },
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
    /// Colour theme: dark, light, or high-contrast for projectors. NO_COLOR is respected.
    #[arg(long, value_enum, global = true, default_value_t = Theme::Dark)]
    pub theme: Theme,
    /// Leave the mouse to the terminal (keeps its own text selection working).
    #[arg(long, global = true)]
    pub no_mouse: bool,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum Theme {
    #[default]
    Dark,
    Light,
    HighContrast,
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
        Command::Check { watch: true } => match &source {
            DataSource::Dir(dir) => watch::check_watch(dir, &mut out),
            DataSource::Embedded => check(&source, &mut out).inspect(|_| {
                eprintln!(
                    "ipec: the built-in knowledge base is compiled into ipec and cannot change: there is \
                     nothing to watch. Use --data DIR to check a folder on every change."
                )
            }),
        },
        Command::Check { watch: false } => check(&source, &mut out),
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
                Command::Check { .. } | Command::Tui(_) => Ok(ExitCode::SUCCESS),
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

/// `ipec check`: the counts of each kind, or every problem (the first 200 of them) and exit code 1.
pub fn check(source: &DataSource, out: &mut impl Write) -> io::Result<ExitCode> {
    report(source, &KnowledgeBase::load(source), out)
}

/// What `check` prints of one load.
fn report(source: &DataSource, result: &Result<KnowledgeBase, Problems>, out: &mut impl Write) -> io::Result<ExitCode> {
    match result {
        Ok(kb) => {
            writeln!(out, "{}: ok, {} records", where_from(source), kb.total_records())?;
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

/// The knowledge base's name in messages: a folder's path is text from outside, so it is escaped.
fn where_from(source: &DataSource) -> String {
    match source {
        DataSource::Embedded => "built-in knowledge base".to_string(),
        DataSource::Dir(dir) => escape(&dir.display().to_string()).into_owned(),
    }
}

fn show(kb: &KnowledgeBase, id: &str, format: ShowFormat, out: &mut impl Write) -> io::Result<ExitCode> {
    let Some(r) = kb.find(id) else {
        let close = kb.suggest(id, None, 5);
        let id = escape(id);
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
