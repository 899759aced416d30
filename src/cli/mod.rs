//! The command line: arguments (clap) and the subcommands for scripts.

mod filter;
mod handout;
mod render;
mod search;
mod shell;
pub mod slides_pdf;

mod watch;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::builder::{PossibleValue, StringValueParser, TypedValueParser};
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

use crate::cache::Need;
use crate::config::{self, Flags, Settings};
use crate::document::format::thousands;
use crate::kb::text::escape;
use crate::kb::{DataSource, Kind, KnowledgeBase, Problems};
use crate::search::SearchIndex;

pub use crate::document::render::{document_markdown, document_text};
pub use crate::document::table::Table;
pub use filter::{Filter, FilterError, Filters, Years};
pub use search::{find, Found};

const AFTER_HELP: &str = "\
Names work wherever an id does: `ipec show Ghana`, `ipec list achievements --country \"ivory coast\"`.

Settings: the config file (`ipec config path`, `ipec config init`), then IPEC_THEME and IPEC_DATA in the \
environment, then the flags: flags beat the environment, which beats the file.";

/// `ipec -V`: the version and the knowledge base built in, on one line (written by build.rs).
pub const VERSION: &str = include_str!(concat!(env!("OUT_DIR"), "/version.txt"));
/// `ipec --version`: the same with the sources and their dates, on lines of their own.
pub const LONG_VERSION: &str = include_str!(concat!(env!("OUT_DIR"), "/long_version.txt"));

#[derive(Debug, Parser)]
#[command(
    name = "ipec",
    version = VERSION,
    long_version = LONG_VERSION,
    about = "Explore the ILO's IPEC+ Global Flagship Programme: priorities, theory of change, conventions and results by country.",
    long_about = None,
    after_help = AFTER_HELP
)]
pub struct Cli {
    /// Load the knowledge base from this folder instead of the built-in one (else IPEC_DATA, else `data`
    /// in the config file).
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,

    /// Load the knowledge base from its files, neither reading nor writing the cache of loaded knowledge
    /// bases (`ipec cache path`).
    #[arg(long, global = true)]
    pub no_cache: bool,

    #[command(subcommand)]
    pub command: Option<Command>,

    /// The explorer's options, for `ipec` alone.
    #[command(flatten)]
    pub explorer: ExplorerArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the explorer (the default when no command is given).
    Tui(ExplorerArgs),
    /// Validate the knowledge base: count each kind, or report every problem as FILE:LINE:COLUMN.
    Check {
        /// Check again on every change to the --data folder (for an editor in a split terminal), until
        /// Ctrl-C.
        #[arg(long)]
        watch: bool,
    },
    /// List every record of one kind, or those that pass the filters.
    List {
        /// The kind of record (singular or plural).
        #[arg(value_parser = KindParser)]
        kind: Kind,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[command(flatten)]
        filters: Filters,
    },
    /// Show one record, its links resolved.
    Show {
        /// The record's id or name, in any case, accents optional: GHA, Ghana, "ivory coast", C182,
        /// enterprises-supply-chains...
        id: String,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Search every record, best match first; exits 1 when nothing matches, as grep does.
    Search {
        /// Words to look for, in any order: "ghana fishing", "cote", "4690".
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        /// Only records of this kind.
        #[arg(long, value_parser = KindParser)]
        kind: Option<Kind>,
        /// At most this many results.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[command(flatten)]
        filters: Filters,
    },
    /// Present a tour full screen, one slide per step (any other record: one slide), in the
    /// high-contrast theme unless --theme says otherwise. Keys: Right/Space next, Left back, a number
    /// then Enter jumps, b blanks, n notes, q leaves.
    Present {
        /// A tour's id (`ipec list tours`), or any record's id; the first tour when left out.
        tour: Option<String>,
        /// The trainer's view, in a second terminal: the speaker notes, the next step and the clock,
        /// following the projected slides (and moving them).
        #[arg(long)]
        notes: bool,
        /// Write the slides to this PDF instead, one 16:9 page per slide as projected (the theme
        /// decides the colours: `--theme light` for paper); never over an existing file without --force.
        #[arg(long, value_name = "FILE")]
        pdf: Option<PathBuf>,
        /// With --pdf: the speaker notes under each slide.
        #[arg(long, requires = "pdf")]
        with_notes: bool,
        /// With --pdf: replace the file if it exists.
        #[arg(long, requires = "pdf")]
        force: bool,
        #[command(flatten)]
        explorer: ExplorerArgs,
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
    /// The config file: where it is, what is in effect, a commented default.
    Config {
        #[command(subcommand)]
        action: ConfigAction,
    },
    /// The cache of loaded knowledge bases and their search indexes, which makes the next start fast:
    /// where it is, or clear it.
    Cache {
        #[command(subcommand)]
        action: CacheAction,
    },
    /// Print a completion script for a shell: `ipec completions bash > ~/.local/share/bash-completion/completions/ipec`.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff): `ipec man | man -l -`.
    Man,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Subcommand)]
pub enum ConfigAction {
    /// Print the path of the config file, whether or not it exists.
    Path,
    /// Print the settings in effect, each with where it comes from (default, file, environment, flag).
    Show,
    /// Write a commented default config file; never over an existing one.
    Init,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Subcommand)]
pub enum CacheAction {
    /// Print the folder of the cache files (IPEC_CACHE_DIR, else the platform cache folder), and with
    /// --data the file of that folder's knowledge base.
    Path,
    /// Remove every cache file; the next start loads the files again.
    Clear,
}

/// The explorer's flags. They beat IPEC_THEME and the config file.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Explorer options")]
pub struct ExplorerArgs {
    /// Colour theme: dark, light, or high-contrast for projectors (else IPEC_THEME, else the config file).
    /// NO_COLOR is respected.
    #[arg(long, value_enum, value_name = "THEME")]
    pub theme: Option<Theme>,
    /// Leave the mouse to the terminal (keeps its own text selection working).
    #[arg(long, overrides_with = "mouse")]
    pub no_mouse: bool,
    /// Take the mouse even when the config file says `mouse = false`.
    #[arg(long, overrides_with = "no_mouse")]
    pub mouse: bool,
    /// The tab to open on: overview, priorities, change, conventions, countries, map, partnerships,
    /// timeline, figures or library.
    #[arg(long, value_name = "NAME")]
    pub tab: Option<String>,
    /// How maps and charts reach the terminal: auto (an image protocol the terminal is known to
    /// speak, else coloured half-blocks), kitty, iterm2, sixel, halfblocks, or none (braille).
    #[arg(long, value_enum, value_name = "HOW")]
    pub graphics: Option<crate::graphics::Graphics>,
}

impl ExplorerArgs {
    fn given(&self) -> bool {
        self.theme.is_some() || self.no_mouse || self.mouse || self.tab.is_some() || self.graphics.is_some()
    }

    /// These flags, with those of `over` (given later on the command line) winning.
    fn merged(&self, over: &ExplorerArgs) -> ExplorerArgs {
        let (no_mouse, mouse) = if over.no_mouse || over.mouse {
            (over.no_mouse, over.mouse)
        } else {
            (self.no_mouse, self.mouse)
        };
        ExplorerArgs {
            theme: over.theme.or(self.theme),
            no_mouse,
            mouse,
            tab: over.tab.clone().or_else(|| self.tab.clone()),
            graphics: over.graphics.or(self.graphics),
        }
    }

    fn flags(&self, data: Option<PathBuf>) -> Flags {
        Flags {
            theme: self.theme,
            mouse: match (self.mouse, self.no_mouse) {
                (true, _) => Some(true),
                (_, true) => Some(false),
                _ => None,
            },
            data,
            graphics: self.graphics,
        }
    }
}

/// The explorer's settings, resolved from its flags, the environment and the config file.
#[derive(Debug, Clone, Default)]
pub struct TuiArgs {
    pub theme: Theme,
    pub no_mouse: bool,
    /// How pictures reach the terminal, `Auto` not yet resolved.
    pub graphics: crate::graphics::Graphics,
    /// `--tab NAME`, as typed.
    pub tab: Option<String>,
    /// The config file's `[keys]`: (action name, key), checked when the file was read.
    pub keys: Vec<(String, String)>,
}

/// The theme names belong to the views; the command line and the config file accept them.
pub use crate::ui::theme::ThemeName as Theme;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HandoutFormat {
    /// Markdown, with figures as tables.
    Markdown,
    /// One self-contained HTML file, with SVG charts and map, that prints one step per page.
    Html,
}

/// How a subcommand prints records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned lines for people (`show`: the record as a document).
    Text,
    /// Every field, for scripts.
    Json,
    /// A header row and one row per record; several values in one field joined with "; ".
    Csv,
    /// A table for handouts (`show`: the record as a document).
    Markdown,
}

/// Parses a kind as `Kind::from_str` does (plural or singular, any case), and offers the plurals to
/// `--help` and to the shell completions.
#[derive(Debug, Clone, Copy)]
struct KindParser;

impl TypedValueParser for KindParser {
    type Value = Kind;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Kind, clap::Error> {
        StringValueParser::new()
            .try_map(|s| s.parse::<Kind>())
            .parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            Kind::ALL
                .into_iter()
                .map(|k| PossibleValue::new(k.plural()).alias(k.key())),
        ))
    }
}

/// What `main` does next: exit, or open the explorer with these settings.
#[derive(Debug)]
pub enum Next {
    Exit(ExitCode),
    Explorer {
        data: Option<PathBuf>,
        args: TuiArgs,
        /// `--no-cache`.
        no_cache: bool,
    },
    /// `ipec present`: the theme is high contrast unless --theme says otherwise.
    Present {
        data: Option<PathBuf>,
        args: TuiArgs,
        tour: Option<String>,
        notes: bool,
        no_cache: bool,
        /// `--pdf FILE [--with-notes] [--force]`: the slides to a file instead of the screen.
        pdf: Option<Box<PdfOut>>,
    },
}

/// Where `ipec present --pdf` writes, and how.
#[derive(Debug, Clone)]
pub struct PdfOut {
    pub path: PathBuf,
    pub with_notes: bool,
    pub force: bool,
}

/// Runs the command line: a subcommand to its end, or the settings the explorer opens with.
pub fn run(cli: Cli) -> Next {
    let Cli {
        data,
        no_cache,
        command,
        explorer,
    } = cli;
    let explorer = match command {
        None => explorer,
        Some(Command::Tui(sub)) => explorer.merged(&sub),
        Some(Command::Present {
            tour,
            notes,
            pdf,
            with_notes,
            force,
            explorer: sub,
        }) => {
            let flags = explorer.merged(&sub);
            // Slides are for a projector: high contrast unless --theme says otherwise, whatever the
            // explorer's setting.
            let theme = flags.theme.unwrap_or(Theme::HighContrast);
            return match settings_for(&flags, data) {
                Ok((data, args)) => Next::Present {
                    data,
                    args: TuiArgs { theme, ..args },
                    tour,
                    notes,
                    no_cache,
                    pdf: pdf.map(|path| {
                        Box::new(PdfOut {
                            path,
                            with_notes,
                            force,
                        })
                    }),
                },
                Err(exit) => exit,
            };
        }
        Some(command) => {
            if explorer.given() {
                let err = Cli::command().error(
                    clap::error::ErrorKind::ArgumentConflict,
                    "--theme, --mouse, --no-mouse and --tab are options of the explorer (`ipec`, `ipec tui` or `ipec present`), not of a subcommand",
                );
                let _ = err.print();
                return Next::Exit(ExitCode::from(2));
            }
            return Next::Exit(run_command(command, data, no_cache));
        }
    };
    match settings_for(&explorer, data) {
        Ok((data, args)) => Next::Explorer { data, args, no_cache },
        Err(exit) => exit,
    }
}

/// The explorer's settings from its flags, the environment and the config file: the data folder and
/// what the terminal front end needs; a bad setting is reported, and the exit to take.
fn settings_for(flags: &ExplorerArgs, data: Option<PathBuf>) -> Result<(Option<PathBuf>, TuiArgs), Next> {
    match Settings::load(&flags.flags(data)) {
        Ok(settings) => Ok((
            settings.data.value,
            TuiArgs {
                theme: settings.theme.value,
                no_mouse: !settings.mouse.value,
                graphics: settings.graphics.value,
                tab: flags.tab.clone(),
                keys: settings.keys.into_iter().collect(),
            },
        )),
        Err(e) => {
            report_settings_error(&e);
            Err(Next::Exit(ExitCode::FAILURE))
        }
    }
}

/// Runs a subcommand and returns its exit code.
pub fn run_command(command: Command, data: Option<PathBuf>, no_cache: bool) -> ExitCode {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let result = match command {
        Command::Completions { shell } => shell::completions(shell, &mut out).map(|_| ExitCode::SUCCESS),
        Command::Man => shell::man(&mut out).map(|_| ExitCode::SUCCESS),
        Command::Config { action } => config_command(action, data, &mut out),
        Command::Cache { action } => cache_command(action, data, &mut out),
        other => match Settings::load(&Flags {
            data,
            ..Flags::default()
        }) {
            Err(e) => {
                report_settings_error(&e);
                Ok(ExitCode::FAILURE)
            }
            Ok(settings) => {
                let source = DataSource::from_option(settings.data.value);
                match other {
                    Command::Check { watch: true } => match &source {
                        DataSource::Dir(dir) => watch::check_watch(dir, !no_cache, &mut out),
                        DataSource::Embedded => check(&source, &mut out).inspect(|_| {
                            eprintln!(
                                "ipec: the built-in knowledge base is compiled into ipec and cannot change: there \
                                 is nothing to watch. Use --data DIR to check a folder on every change."
                            )
                        }),
                    },
                    Command::Check { watch: false } => check_cached(&source, !no_cache, &mut out),
                    other => match crate::cache::load(&source, !no_cache, need(&other)) {
                        Ok(loaded) => {
                            let code = on_knowledge_base(loaded, other, &mut out);
                            // Nothing more is read: the operating system takes back the memory at once,
                            // where freeing 100,000 records one by one takes a third of a second.
                            let _ = out.flush();
                            code
                        }
                        Err(problems) => {
                            report_problems(&problems);
                            Ok(ExitCode::FAILURE)
                        }
                    },
                }
            }
        },
    };
    match result {
        Ok(code) => code,
        // `ipec list achievements | head` closes the pipe early: that is not an error.
        Err(e) if reader_left(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("ipec: cannot write output: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Whether a write failed because the reader of the output closed it: a broken pipe, which Windows
/// also reports as "the pipe is not connected" (ERROR_PIPE_NOT_CONNECTED, 233).
fn reader_left(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::BrokenPipe || (cfg!(windows) && e.raw_os_error() == Some(233))
}

/// A knowledge base with problems, on standard error: the problems, then what to do, as `ipec check`
/// would say it. For every command and front end that cannot go on without the data.
pub fn report_problems(problems: &Problems) {
    eprintln!("{problems}");
    eprintln!("the knowledge base has problems; run `ipec check` for the full list");
}

/// How much of a cached knowledge base a command reads. Config, cache, completions and man never load
/// one; they are listed for the match to be whole.
fn need(command: &Command) -> Need {
    match command {
        Command::Check { .. } => Need::Counts,
        Command::Search { .. } => Need::SomeRecords,
        Command::Show { .. } | Command::List { .. } | Command::Handout { .. } => Need::Records,
        Command::Tui(_)
        | Command::Present { .. }
        | Command::Config { .. }
        | Command::Cache { .. }
        | Command::Completions { .. }
        | Command::Man => Need::AllRecords,
    }
}

/// Runs a command on a loaded knowledge base, saving it to the cache if it was loaded from its files
/// (with its index, when the command built one). The knowledge base and index are not freed: the
/// process ends right after.
fn on_knowledge_base(loaded: crate::cache::Loaded, command: Command, out: &mut impl Write) -> io::Result<ExitCode> {
    loaded.print_notes();
    let crate::cache::Loaded { kb, index, store, .. } = loaded;
    // Leaked: freeing a large knowledge base at exit would only delay the exit.
    let kb = &*Box::leak(Box::new(kb));
    let (code, index) = match command {
        Command::Search {
            query,
            kind,
            limit,
            filters,
            format,
        } => {
            let index: &SearchIndex = Box::leak(Box::new(index.unwrap_or_else(|| SearchIndex::build(kb))));
            let search = SearchArgs {
                query: query.join(" "),
                kind,
                limit,
                filters,
                format,
            };
            (search_command(kb, index, search, out), Some(index))
        }
        other => (on_knowledge_base_with(kb, other, out), None),
    };
    if let Some(store) = store {
        let _ = out.flush();
        store.save(kb, index);
    }
    code
}

/// What `ipec search` was asked.
struct SearchArgs {
    query: String,
    kind: Option<Kind>,
    limit: usize,
    filters: Filters,
    format: Format,
}

fn search_command(
    kb: &KnowledgeBase,
    index: &SearchIndex,
    args: SearchArgs,
    out: &mut impl Write,
) -> io::Result<ExitCode> {
    let filter = match resolve_filter(kb, &args.filters, args.kind) {
        Ok(filter) => filter,
        Err(code) => return Ok(code),
    };
    let found = search::find(kb, index, &args.query, args.kind, &filter, args.limit);
    found.write(kb, args.format, out)?;
    if found.hits.is_empty() {
        eprintln!("ipec: no record matches `{}`", crate::kb::text::sanitize(&args.query));
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

fn on_knowledge_base_with(kb: &KnowledgeBase, command: Command, out: &mut impl Write) -> io::Result<ExitCode> {
    match command {
        Command::List { kind, filters, format } => {
            let filter = match resolve_filter(kb, &filters, Some(kind)) {
                Ok(filter) => filter,
                Err(code) => return Ok(code),
            };
            list(kb, kind, &filter, format, out)
        }
        Command::Show { id, format } => show(kb, &id, format, out),
        Command::Handout {
            tour,
            format,
            output,
            force,
        } => handout::write(kb, &tour, format, output.as_deref(), force, out),
        Command::Check { .. }
        | Command::Search { .. }
        | Command::Tui(_)
        | Command::Present { .. }
        | Command::Config { .. }
        | Command::Cache { .. }
        | Command::Completions { .. }
        | Command::Man => Ok(ExitCode::SUCCESS),
    }
}

/// The filters resolved, or the exit code of the error already reported: 2 for a filter that does not
/// apply to the kind (a usage error, as clap's), 1 for a value that names nothing.
fn resolve_filter(kb: &KnowledgeBase, filters: &Filters, kind: Option<Kind>) -> Result<Filter, ExitCode> {
    let filter = Filter::resolve(kb, filters).and_then(|f| match kind {
        Some(kind) => f.check_applies(kind).map(|_| f),
        None => Ok(f),
    });
    filter.map_err(|e| {
        eprintln!("ipec: {e}");
        ExitCode::from(if e.usage { 2 } else { 1 })
    })
}

fn report_settings_error(e: &config::Error) {
    match e {
        // FILE:LINE:COLUMN at the start of each line, as editors and terminals make clickable.
        config::Error::File(_) => {
            eprintln!("{e}");
            eprintln!("ipec: the config file has problems (`ipec config path` shows where it is)");
        }
        _ => eprintln!("ipec: {e}"),
    }
}

/// `ipec check`: the counts of each kind, or every problem (the first 200 of them) and exit code 1.
pub fn check(source: &DataSource, out: &mut impl Write) -> io::Result<ExitCode> {
    report(source, &KnowledgeBase::load(source), out)
}

/// `check`, through the cache: a knowledge base whose files are exactly those of a cached one has been
/// checked already, and has no problems.
fn check_cached(source: &DataSource, use_cache: bool, out: &mut impl Write) -> io::Result<ExitCode> {
    match crate::cache::load(source, use_cache, Need::Counts) {
        Ok(loaded) => {
            loaded.print_notes();
            if let Some(store) = &loaded.store {
                store.save(&loaded.kb, loaded.index.as_ref());
            }
            // Not freed: the process ends right after.
            let loaded = Box::leak(Box::new(loaded));
            report_counts(source, &loaded.kb, out)
        }
        Err(problems) => report(source, &Err(problems), out),
    }
}

/// What `check` prints of one load.
fn report(source: &DataSource, result: &Result<KnowledgeBase, Problems>, out: &mut impl Write) -> io::Result<ExitCode> {
    match result {
        Ok(kb) => report_counts(source, kb, out),
        Err(problems) => {
            writeln!(out, "{problems}")?;
            Ok(ExitCode::FAILURE)
        }
    }
}

/// What `check` prints of a knowledge base without problems.
fn report_counts(source: &DataSource, kb: &KnowledgeBase, out: &mut impl Write) -> io::Result<ExitCode> {
    let total = thousands(kb.total_records());
    writeln!(out, "{}: ok, {total} records", where_from(source))?;
    let counts: Vec<String> = Kind::ALL.iter().map(|&kind| thousands(kb.len(kind))).collect();
    // Right-aligned in one column, however large ("100,000 achievements").
    let width = counts.iter().map(String::len).max().unwrap_or(0).max(5);
    for (kind, n) in Kind::ALL.iter().zip(counts) {
        writeln!(out, "  {n:>width$}  {}", kind.plural())?;
    }
    writeln!(out, "{}", which_knowledge_base(source))?;
    Ok(ExitCode::SUCCESS)
}

/// The last line of `check`: which knowledge base this is, so that an answer passed on can say where it
/// came from. A folder is named as such, apart from the one built in.
fn which_knowledge_base(source: &DataSource) -> String {
    match source {
        DataSource::Embedded => format!("ipec {VERSION}"),
        DataSource::Dir(_) => format!(
            "a folder's knowledge base (--data, IPEC_DATA or the config file), not the one built into ipec {VERSION}"
        ),
    }
}

/// The knowledge base's name in messages: a folder's path is text from outside, so it is escaped.
fn where_from(source: &DataSource) -> String {
    match source {
        DataSource::Embedded => "built-in knowledge base".to_string(),
        DataSource::Dir(dir) => escape(&dir.display().to_string()).into_owned(),
    }
}

/// `ipec list KIND`: one aligned line per record, a JSON array of the full records, or a table.
fn list(kb: &KnowledgeBase, kind: Kind, filter: &Filter, format: Format, out: &mut impl Write) -> io::Result<ExitCode> {
    // Every record of the kind is read (listed, or tested by the filters): all at once on every core
    // rather than part by part as they come (100,000 results). A part that cannot be read is reported
    // where it is used, as for any command that reads records on demand.
    let _ = kb.materialize_kind(kind);
    let refs: Vec<_> = kb.refs(kind).filter(|&r| filter.matches(kb, r)).collect();
    match format {
        Format::Json => {
            let records: Vec<serde_json::Value> = refs.iter().map(|&r| render::record_value(kb, r)).collect();
            writeln!(out, "{}", render::pretty(&serde_json::Value::Array(records)))?;
        }
        Format::Text => {
            let rows: Vec<[String; 3]> = refs
                .iter()
                .map(|&r| [kb.id(r).to_string(), kb.title(r).to_string(), kb.brief(r)])
                .collect();
            render::write_aligned(out, &rows)?;
        }
        Format::Csv => Table::records(kb, kind, &refs, false).write_csv(out)?,
        Format::Markdown => Table::records(kb, kind, &refs, true).write_markdown(out)?,
    }
    if refs.is_empty() && !filter.is_empty() {
        eprintln!("ipec: no {} pass these filters", kind.plural());
    }
    Ok(ExitCode::SUCCESS)
}

fn show(kb: &KnowledgeBase, id: &str, format: Format, out: &mut impl Write) -> io::Result<ExitCode> {
    let r = match kb.resolve(id, None) {
        Ok(r) => r,
        Err(e) => {
            let hint = if e.candidates.is_empty() {
                format!("; try `ipec search {}`", escape(id))
            } else {
                String::new()
            };
            eprintln!("ipec: {}{hint}", e.message(kb));
            return Ok(ExitCode::FAILURE);
        }
    };
    // The document carries the record's web links, as the explorer's detail pane shows them.
    let doc = kb.document(r);
    match format {
        Format::Text => write!(out, "{}", document_text(&doc))?,
        Format::Markdown => write!(out, "{}", document_markdown(&doc))?,
        Format::Json => render::record_json(kb, r, out)?,
        Format::Csv => Table::records(kb, r.kind, &[r], false).write_csv(out)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// `ipec cache path|clear`.
fn cache_command(action: CacheAction, data: Option<PathBuf>, out: &mut impl Write) -> io::Result<ExitCode> {
    let Some(dir) = crate::cache::dir() else {
        eprintln!("ipec: this system has no cache folder (no home folder was found); set IPEC_CACHE_DIR");
        return Ok(ExitCode::FAILURE);
    };
    match action {
        CacheAction::Path => {
            writeln!(out, "{}", escape(&dir.display().to_string()))?;
            // `--data DIR` (not the config file's folder): the file of that knowledge base.
            if let Some(file) = data.map(DataSource::Dir).as_ref().and_then(crate::cache::file) {
                writeln!(out, "{}", escape(&file.display().to_string()))?;
            }
        }
        CacheAction::Clear => match crate::cache::clear() {
            Ok(n) => writeln!(
                out,
                "removed {} from {}",
                crate::document::format::count(n, "cache file"),
                escape(&dir.display().to_string())
            )?,
            Err(e) => {
                eprintln!("ipec: cannot clear {}: {e}", escape(&dir.display().to_string()));
                return Ok(ExitCode::FAILURE);
            }
        },
    }
    Ok(ExitCode::SUCCESS)
}

/// `ipec config path|show|init`.
fn config_command(action: ConfigAction, data: Option<PathBuf>, out: &mut impl Write) -> io::Result<ExitCode> {
    let Some(path) = config::config_path() else {
        eprintln!("ipec: this system has no config folder (no home folder was found)");
        return Ok(ExitCode::FAILURE);
    };
    match action {
        ConfigAction::Path => writeln!(out, "{}", path.display())?,
        ConfigAction::Show => match Settings::load(&Flags {
            data,
            ..Flags::default()
        }) {
            Ok(settings) => write!(out, "{}", settings.to_toml())?,
            Err(e) => {
                report_settings_error(&e);
                return Ok(ExitCode::FAILURE);
            }
        },
        ConfigAction::Init => match config::init(&path) {
            Ok(()) => writeln!(out, "wrote {}", path.display())?,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                eprintln!(
                    "ipec: {} exists already and is left as it is; `ipec config show` shows what it sets",
                    path.display()
                );
                return Ok(ExitCode::FAILURE);
            }
            Err(e) => {
                eprintln!("ipec: cannot write {}: {e}", path.display());
                return Ok(ExitCode::FAILURE);
            }
        },
    }
    Ok(ExitCode::SUCCESS)
}
