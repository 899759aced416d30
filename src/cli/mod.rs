//! The command line: arguments (clap) and the subcommands for scripts.

mod complete;
mod filter;
mod fmt;
mod handout;
mod new;
pub mod output;
mod render;
mod search;
mod shell;
pub mod slides_pdf;

mod watch;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::builder::{PossibleValue, StringValueParser, TypedValueParser};
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

use crate::cache::Need;
use crate::config::{self, Flags, Settings, Uses};
use crate::document::format::thousands;
use crate::kb::text::escape;
use crate::kb::{DataSource, Kind, KnowledgeBase, Problems};
use crate::search::SearchIndex;

pub use crate::document::render::{document_markdown, document_text};
pub use crate::document::table::Table;
pub use filter::{Filter, FilterError, Filters, Years};
pub use output::{ColorChoice, Style};
pub use search::{find, Found};
pub use shell::complete_if_asked;

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

    /// Colour in text output: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a
    /// pipe too), always or never.
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

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
        #[command(flatten)]
        output: OutputArgs,
        /// At most this many records (0: no limit, the default).
        #[arg(short = 'n', long, value_name = "N")]
        limit: Option<usize>,
        #[command(flatten)]
        filters: Filters,
    },
    /// Show one record, its links resolved.
    Show {
        /// The record's id or name, in any case, accents optional: GHA, Ghana, "ivory coast", C182,
        /// enterprises-supply-chains...
        #[arg(add = complete::any_record())]
        id: String,
        /// text, json, csv, csv-excel or markdown.
        #[arg(short, long, value_enum, value_name = "FORMAT")]
        format: Option<Format>,
        /// CSV for Excel: a UTF-8 byte-order mark and CRLF line ends (as --format csv-excel).
        #[arg(long)]
        excel: bool,
    },
    /// Search every record, best match first; exits 1 when nothing matches, as grep does.
    Search {
        /// Words to look for, in any order: "ghana fishing", "cote", "4690".
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        /// Only records of this kind.
        #[arg(short, long, value_parser = KindParser)]
        kind: Option<Kind>,
        /// At most this many results (default 20; 0: no limit).
        #[arg(short = 'n', long, value_name = "N")]
        limit: Option<usize>,
        #[command(flatten)]
        output: OutputArgs,
        #[command(flatten)]
        filters: Filters,
    },
    /// Present a tour full screen, one slide per step (any other record: one slide), in the
    /// high-contrast theme unless --theme says otherwise. Keys: Right/Space next, Left back, a number
    /// then Enter jumps, b blanks, n notes, q leaves.
    Present {
        /// A tour's id (`ipec list tours`), or any record's id; the first tour when left out.
        #[arg(add = complete::tours())]
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
    /// Write a tour as a handout: each step as its slide shows it (heading, points, its one visual and
    /// the source of its facts), then the sources with their addresses on the web. Never the keepers'
    /// notes.
    #[command(
        after_help = "Examples:\n  ipec handout ipec-in-ten-minutes > handout.md\n  ipec handout ipec-in-ten-minutes --format html -o handout.html\n  ipec handout ipec-in-ten-minutes --format pdf -o handout.pdf --paper letter"
    )]
    Handout {
        /// A tour's id (`ipec list tours`).
        #[arg(add = complete::tours())]
        tour: String,
        #[arg(short, long, value_enum, default_value_t = HandoutFormat::Markdown)]
        format: HandoutFormat,
        /// Write to this file instead of standard output (a PDF needs one unless the output is piped);
        /// an existing file is kept unless --force.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace FILE if it exists.
        #[arg(long, requires = "output")]
        force: bool,
        /// Add an appendix with the whole text of every record the steps show.
        #[arg(long)]
        full: bool,
        /// The paper of a PDF handout (A4 unless given), or the page size an HTML handout asks the
        /// browser to print on. Markdown has no pages.
        #[arg(long, value_enum)]
        paper: Option<Paper>,
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
        /// The ipec the script asks for completions: this one by its full path unless given (the
        /// release archives' scripts say `ipec`, found on PATH).
        #[arg(long, value_name = "PROGRAM")]
        program: Option<String>,
    },
    /// Print the man page (roff): `ipec man | man -l -`; with --dir, write a page per subcommand.
    Man {
        /// Write ipec.1 and a page per subcommand (ipec-list.1...) into this folder, made if need be.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Rewrite the data files of the --data folder in their one canonical layout (field order, spacing,
    /// lists, blank lines), keeping every comment and value, so that two keepers' edits diff cleanly.
    Fmt {
        /// Change nothing: name the files that are not in the canonical layout, and exit 1 if there are
        /// any (for CI and pre-commit).
        #[arg(long)]
        check: bool,
    },
    /// Print a commented template of a new record, with every field, the references given filled in and an
    /// id suggested from --title, and say which file it belongs in and why; -o FILE appends it to FILE
    /// (never overwriting anything). What is left to write is a ‹placeholder› that `ipec check` reports.
    New {
        /// The kind of record (singular or plural): achievement, figure, event, country, tour...
        #[arg(value_parser = KindParser)]
        kind: Kind,
        /// A country id the record is about (again for several): GHA.
        #[arg(long = "country", value_name = "ID")]
        countries: Vec<String>,
        /// The id of the source it comes from (sources.toml): ilo-usdol-2019.
        #[arg(long, value_name = "ID")]
        source: Option<String>,
        /// The heading of the part of the source it comes from.
        #[arg(long, value_name = "TEXT")]
        section: Option<String>,
        /// Its title (a country's or partnership's name), from which its id is suggested.
        #[arg(long, value_name = "TEXT")]
        title: Option<String>,
        /// Append the template to this file instead of printing it; nothing in the file is changed.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Print the JSON Schema of a knowledge-base file, for editors (taplo, VS Code's Even Better TOML,
    /// Neovim, Helix, Zed): every field described, fixed sets as enums, ids, dates and periods as patterns.
    /// It ships as data/schema/ipec.schema.json, which the `#:schema` line of every data file names.
    Schema,
}

/// How `list` and `search` print: the format, and the conventions of text output.
#[derive(Debug, Clone, Default, Args)]
pub struct OutputArgs {
    /// text, json, csv, csv-excel or markdown.
    #[arg(short, long, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,
    /// CSV for Excel: a UTF-8 byte-order mark and CRLF line ends (as --format csv-excel).
    #[arg(long)]
    pub excel: bool,
    /// No header row (text output has one on a terminal; CSV always, unless this).
    #[arg(long)]
    pub no_headers: bool,
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
    /// Every cache file: its size, when it was last used, and the folder it is of (and whether that
    /// folder still exists).
    List,
    /// Remove the files of folders that no longer exist, then the least recently used until the rest
    /// fit in the cap (IPEC_CACHE_MAX, else the config's `[cache] max_size`, else 1G). ipec does this
    /// by itself after writing a cache file.
    Prune,
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
    #[arg(long, value_name = "NAME", add = complete::tabs())]
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
    /// Where exports go (the config file's `export_folder`).
    pub export_dir: Option<PathBuf>,
    /// CSV exports in Excel's dialect (the config file's `export_excel`).
    pub export_excel: bool,
}

/// The theme names belong to the views; the command line and the config file accept them.
pub use crate::ui::theme::ThemeName as Theme;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HandoutFormat {
    /// Markdown, each visual as a table or a list.
    Markdown,
    /// One self-contained HTML file, with the charts and the map inline as SVG, that prints one step
    /// per page.
    Html,
    /// A PDF with page numbers and the tour's title on every page, about a page per step.
    Pdf,
}

/// The paper of a PDF handout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Paper {
    /// 210 × 297 mm.
    A4,
    /// 8.5 × 11 inches.
    Letter,
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
    /// CSV as Excel opens it: a UTF-8 byte-order mark (names such as Côte d’Ivoire read right) and
    /// CRLF line ends.
    CsvExcel,
}

/// The format asked for: `--excel` makes CSV Excel's, and is CSV when no format is given. Another
/// format with `--excel` is a usage error.
fn format_of(format: Option<Format>, excel: bool) -> Result<Format, ExitCode> {
    match (format, excel) {
        (None, false) => Ok(Format::Text),
        (Some(f), false) => Ok(f),
        (None | Some(Format::Csv | Format::CsvExcel), true) => Ok(Format::CsvExcel),
        (Some(other), true) => {
            let name = other
                .to_possible_value()
                .map(|v| v.get_name().to_string())
                .unwrap_or_default();
            let err = Cli::command().error(
                clap::error::ErrorKind::ArgumentConflict,
                format!("--excel is a kind of CSV; it cannot go with --format {name}"),
            );
            let _ = err.print();
            Err(ExitCode::from(2))
        }
    }
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
        color,
        command,
        explorer,
    } = cli;
    if let Some(bytes) = crate::config::cache_max_size() {
        crate::cache::gc::set_max_size(bytes);
    }
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
                Err(code) => Next::Exit(code),
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
            return Next::Exit(run_command(command, data, no_cache, color));
        }
    };
    match settings_for(&explorer, data) {
        Ok((data, args)) => Next::Explorer { data, args, no_cache },
        Err(code) => Next::Exit(code),
    }
}

/// The explorer's settings from its flags, the environment and the config file: the data folder and
/// what the terminal front end needs; a bad setting is reported, and the exit to take.
fn settings_for(flags: &ExplorerArgs, data: Option<PathBuf>) -> Result<(Option<PathBuf>, TuiArgs), ExitCode> {
    match Settings::load(&flags.flags(data), Uses::Everything) {
        Ok(settings) => Ok((
            settings.data.value,
            TuiArgs {
                theme: settings.theme.value,
                no_mouse: !settings.mouse.value,
                graphics: settings.graphics.value,
                tab: flags.tab.clone(),
                keys: settings.keys.into_iter().collect(),
                export_dir: settings.export_folder.value,
                export_excel: settings.export_excel.value,
            },
        )),
        Err(e) => {
            report_settings_error(&e);
            Err(ExitCode::FAILURE)
        }
    }
}

/// Runs a subcommand and returns its exit code.
pub fn run_command(command: Command, data: Option<PathBuf>, no_cache: bool, color: ColorChoice) -> ExitCode {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let result = match command {
        Command::Completions { shell, program } => {
            shell::completions(shell, program, &mut out).map(|_| ExitCode::SUCCESS)
        }
        Command::Man { dir: None } => shell::man(&mut out).map(|_| ExitCode::SUCCESS),
        Command::Man { dir: Some(dir) } => shell::man_pages(&dir, &mut out),
        Command::Schema => out
            .write_all(crate::kb::schema::schema_text().as_bytes())
            .map(|_| ExitCode::SUCCESS),
        Command::Config { action } => config_command(action, data, &mut out),
        Command::Cache { action } => cache_command(action, data, &mut out),
        other => match Settings::load(
            &Flags {
                data,
                ..Flags::default()
            },
            Uses::DataOnly,
        ) {
            Err(e) => {
                report_settings_error(&e);
                Ok(ExitCode::FAILURE)
            }
            Ok(settings) => {
                settings.print_warnings();
                let source = DataSource::from_option(settings.data.value);
                on_source(other, source, no_cache, color, &mut out)
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

/// Runs a command on a knowledge base: the keepers' commands on its files, the others on it loaded.
fn on_source(
    command: Command,
    source: DataSource,
    no_cache: bool,
    color: ColorChoice,
    out: &mut impl Write,
) -> io::Result<ExitCode> {
    // `--watch` names them in each check it prints.
    if let (Command::Check { watch: false }, DataSource::Dir(dir)) = (&command, &source) {
        note_unread_files(dir);
    }
    match command {
        Command::Check { watch: true } => match &source {
            DataSource::Dir(dir) => watch::check_watch(dir, !no_cache, out),
            DataSource::Embedded => check(&source, out).inspect(|_| {
                eprintln!(
                    "ipec: the built-in knowledge base is compiled into ipec and cannot change: there is nothing \
                     to watch. Use --data DIR to check a folder on every change."
                )
            }),
        },
        Command::Check { watch: false } => check_cached(&source, !no_cache, out),
        Command::New {
            kind,
            countries,
            source: cited,
            section,
            title,
            output,
        } => {
            let request = crate::kb::scaffold::Request {
                countries,
                source: cited,
                section,
                title,
            };
            new::run(&source, kind, &request, output.as_deref(), out)
        }
        Command::Fmt { check } => match &source {
            DataSource::Dir(dir) => fmt::run(dir, check, out),
            DataSource::Embedded => {
                eprintln!(
                    "ipec: fmt rewrites the files of a knowledge-base folder: give it with --data DIR (the \
                     built-in knowledge base is compiled into ipec)"
                );
                Ok(ExitCode::from(2))
            }
        },
        other => match crate::cache::load(&source, !no_cache, need(&other)) {
            Ok(loaded) => {
                let code = on_knowledge_base(loaded, other, color, out);
                // Nothing more is read: the operating system takes back the memory at once, where
                // freeing 100,000 records one by one takes a third of a second.
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

/// The files of a `--data` folder that `check` does not read, on standard error: a file saved as
/// `new.TOML`, a `README.md`. Notes, not problems: the knowledge base is what the `.toml` files say.
fn note_unread_files(dir: &std::path::Path) {
    for note in crate::kb::load::unread_notes(dir) {
        eprintln!("ipec: note: {note}");
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
        Command::Check { .. } | Command::Fmt { .. } | Command::New { .. } => Need::Counts,
        Command::Search { .. } => Need::SomeRecords,
        Command::Show { .. } | Command::List { .. } | Command::Handout { .. } => Need::Records,
        Command::Tui(_)
        | Command::Present { .. }
        | Command::Config { .. }
        | Command::Cache { .. }
        | Command::Completions { .. }
        | Command::Man { .. }
        | Command::Schema => Need::AllRecords,
    }
}

/// Runs a command on a loaded knowledge base, saving it to the cache if it was loaded from its files
/// (with its index, when the command built one). The knowledge base and index are not freed: the
/// process ends right after.
fn on_knowledge_base(
    loaded: crate::cache::Loaded,
    command: Command,
    color: ColorChoice,
    out: &mut impl Write,
) -> io::Result<ExitCode> {
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
            output,
        } => {
            let format = match format_of(output.format, output.excel) {
                Ok(format) => format,
                Err(code) => return Ok(code),
            };
            let index: &SearchIndex = Box::leak(Box::new(index.unwrap_or_else(|| SearchIndex::build(kb))));
            let search = SearchArgs {
                query: query.join(" "),
                kind,
                limit: no_limit_at_zero(limit.unwrap_or(search::DEFAULT_LIMIT)),
                filters,
                format,
                style: Style::detect(color, output.no_headers),
                csv_headers: !output.no_headers,
            };
            (search_command(kb, index, search, out), Some(index))
        }
        other => (on_knowledge_base_with(kb, other, color, out), None),
    };
    if let Some(store) = store {
        let _ = out.flush();
        store.save(kb, index);
    }
    code
}

/// `--limit 0` means no limit, as it does for head-like tools that take one; never "no match".
fn no_limit_at_zero(limit: usize) -> usize {
    if limit == 0 {
        usize::MAX
    } else {
        limit
    }
}

/// What `ipec search` was asked.
struct SearchArgs {
    query: String,
    kind: Option<Kind>,
    limit: usize,
    filters: Filters,
    format: Format,
    style: Style,
    csv_headers: bool,
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
    let shown = search::Shown {
        format: args.format,
        style: &args.style,
        query: &args.query,
        index,
        csv_headers: args.csv_headers,
    };
    found.write(kb, &shown, out)?;
    if found.hits.is_empty() {
        eprintln!("ipec: no record matches `{}`", crate::kb::text::sanitize(&args.query));
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

fn on_knowledge_base_with(
    kb: &KnowledgeBase,
    command: Command,
    color: ColorChoice,
    out: &mut impl Write,
) -> io::Result<ExitCode> {
    match command {
        Command::List {
            kind,
            filters,
            output,
            limit,
        } => {
            let format = match format_of(output.format, output.excel) {
                Ok(format) => format,
                Err(code) => return Ok(code),
            };
            let filter = match resolve_filter(kb, &filters, Some(kind)) {
                Ok(filter) => filter,
                Err(code) => return Ok(code),
            };
            let listing = Listing {
                kind,
                format,
                limit: no_limit_at_zero(limit.unwrap_or(0)),
                style: Style::detect(color, output.no_headers),
                headers: !output.no_headers,
            };
            list(kb, &listing, &filter, out)
        }
        Command::Show { id, format, excel } => match format_of(format, excel) {
            Ok(format) => show(kb, &id, format, &Style::detect(color, false), out),
            Err(code) => Ok(code),
        },
        Command::Handout {
            tour,
            format,
            output,
            force,
            full,
            paper,
        } => {
            let how = handout::How {
                format,
                full,
                paper,
                force,
            };
            handout::write(kb, &tour, how, output.as_deref(), out)
        }
        Command::Check { .. }
        | Command::Fmt { .. }
        | Command::New { .. }
        | Command::Search { .. }
        | Command::Tui(_)
        | Command::Present { .. }
        | Command::Config { .. }
        | Command::Cache { .. }
        | Command::Completions { .. }
        | Command::Man { .. }
        | Command::Schema => Ok(ExitCode::SUCCESS),
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

/// How `ipec list` prints.
struct Listing {
    kind: Kind,
    format: Format,
    /// At most this many records.
    limit: usize,
    style: Style,
    /// CSV's header row (not with --no-headers).
    headers: bool,
}

/// `ipec list KIND`: one aligned line per record, a JSON array of the full records, or a table.
fn list(kb: &KnowledgeBase, how: &Listing, filter: &Filter, out: &mut impl Write) -> io::Result<ExitCode> {
    let kind = how.kind;
    // Every record of the kind is read (listed, or tested by the filters): all at once on every core
    // rather than part by part as they come (100,000 results). A part that cannot be read is reported
    // where it is used, as for any command that reads records on demand.
    let _ = kb.materialize_kind(kind);
    let passing: Vec<_> = kb.refs(kind).filter(|&r| filter.matches(kb, r)).collect();
    let refs = &passing[..passing.len().min(how.limit)];
    match how.format {
        Format::Json => {
            let records: Vec<serde_json::Value> = refs.iter().map(|&r| render::record_value(kb, r)).collect();
            writeln!(out, "{}", render::pretty(&serde_json::Value::Array(records)))?;
        }
        Format::Text => {
            let rows: Vec<Vec<output::Cell>> = refs
                .iter()
                .map(|&r| {
                    vec![
                        output::Cell::painted(kb.id(r), output::sgr::ID),
                        output::Cell::plain(kb.title(r)),
                        output::Cell::plain(kb.brief(r)),
                    ]
                })
                .collect();
            output::write_table(out, &["id", "name", "detail"], &rows, &how.style)?;
        }
        Format::Csv | Format::CsvExcel => {
            let dialect = csv_dialect(how.format);
            Table::records(kb, kind, refs, false).write_csv_as(out, dialect, how.headers)?
        }
        Format::Markdown => Table::records(kb, kind, refs, true).write_markdown(out)?,
    }
    if passing.is_empty() && !filter.is_empty() {
        eprintln!("ipec: no {} pass these filters", kind.plural());
    } else if refs.len() < passing.len() && how.style.terminal {
        eprintln!(
            "ipec: {} of {} {}; -n 0 lists them all",
            thousands(refs.len()),
            thousands(passing.len()),
            kind.plural()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The CSV dialect of a CSV format (standard for the others, which do not write CSV).
fn csv_dialect(format: Format) -> crate::document::table::CsvDialect {
    match format {
        Format::CsvExcel => crate::document::table::CsvDialect::Excel,
        Format::Csv | Format::Text | Format::Json | Format::Markdown => crate::document::table::CsvDialect::Standard,
    }
}

fn show(kb: &KnowledgeBase, id: &str, format: Format, style: &Style, out: &mut impl Write) -> io::Result<ExitCode> {
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
        Format::Text => {
            let options = crate::document::render::TextOptions {
                width: style.width,
                hyperlinks: style.hyperlinks,
                color: style.color,
            };
            write!(out, "{}", crate::document::render::document_text_with(&doc, &options))?
        }
        Format::Markdown => write!(out, "{}", document_markdown(&doc))?,
        Format::Json => render::record_json(kb, r, out)?,
        Format::Csv | Format::CsvExcel => {
            Table::records(kb, r.kind, &[r], false).write_csv_as(out, csv_dialect(format), true)?
        }
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
        CacheAction::List => return cache_list(&dir, out),
        CacheAction::Prune => match crate::cache::gc::prune(&dir, crate::cache::gc::max_size(), None) {
            Ok(p) => writeln!(
                out,
                "removed {} ({}) from {}",
                crate::document::format::count(p.files, "cache file"),
                size(p.bytes),
                escape(&dir.display().to_string())
            )?,
            Err(e) => {
                eprintln!("ipec: cannot prune {}: {e}", escape(&dir.display().to_string()));
                return Ok(ExitCode::FAILURE);
            }
        },
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

/// `ipec cache list`: one line a file, least recently used first, and the total against the cap.
fn cache_list(dir: &Path, out: &mut impl Write) -> io::Result<ExitCode> {
    let entries = match crate::cache::gc::list(dir) {
        Ok(entries) => entries,
        Err(e) => {
            eprintln!("ipec: cannot read {}: {e}", escape(&dir.display().to_string()));
            return Ok(ExitCode::FAILURE);
        }
    };
    writeln!(
        out,
        "{:>9}  {:<16}  {:<7}  knowledge base",
        "size", "used (UTC)", "exists"
    )?;
    for e in &entries {
        let used = crate::cache::gc::utc_time(e.last_used);
        let what = match &e.folder {
            None => "built-in".to_string(),
            Some(f) if f.as_os_str().is_empty() => "a folder (not recorded)".to_string(),
            Some(f) => escape(&f.display().to_string()).into_owned(),
        };
        let exists = if e.exists() { "yes" } else { "no" };
        writeln!(out, "{:>9}  {used:<16}  {exists:<7}  {what}", size(e.bytes))?;
    }
    let total: u64 = entries.iter().map(|e| e.bytes).sum();
    writeln!(
        out,
        "{} in {}, of at most {} (IPEC_CACHE_MAX, or [cache] max_size in the config)",
        size(total),
        crate::document::format::count(entries.len(), "file"),
        size(crate::cache::gc::max_size())
    )?;
    Ok(ExitCode::SUCCESS)
}

/// "1.2 MB", "640 kB", "12 B".
fn size(bytes: u64) -> String {
    match bytes {
        0..1000 => format!("{bytes} B"),
        1000..1_000_000 => format!("{:.0} kB", bytes as f64 / 1e3),
        1_000_000..1_000_000_000 => format!("{:.1} MB", bytes as f64 / 1e6),
        _ => format!("{:.2} GB", bytes as f64 / 1e9),
    }
}

/// `ipec config path|show|init`.
fn config_command(action: ConfigAction, data: Option<PathBuf>, out: &mut impl Write) -> io::Result<ExitCode> {
    let Some(path) = config::config_path() else {
        eprintln!("ipec: this system has no config folder (no home folder was found)");
        return Ok(ExitCode::FAILURE);
    };
    match action {
        ConfigAction::Path => writeln!(out, "{}", path.display())?,
        ConfigAction::Show => match Settings::load(
            &Flags {
                data,
                ..Flags::default()
            },
            Uses::Everything,
        ) {
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
