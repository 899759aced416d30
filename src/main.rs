use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use clap::Parser;

use ipec::app::keys::Keymap;
use ipec::app::tabs::Tab;
use ipec::cache::Loaded;
use ipec::cli::{report_problems, Cli, Next, TuiArgs};
use ipec::kb::text::sanitize;
use ipec::kb::{DataSource, Kind};
use ipec::progress;
use ipec::tui::{Options, Outcome, PresentOptions};

/// mimalloc, not the system's allocator: loading a large knowledge base is millions of small
/// allocations (see Cargo.toml).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

extern "C" {
    /// mimalloc's own setter of its options (linked with it through the mimalloc crate).
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
}

/// mimalloc's `mi_option_purge_delay`: its number in `mimalloc.h`'s `mi_option_e`, the same in
/// mimalloc 2 and 3.
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;

/// Freed memory goes back to the system after 10 ms (mimalloc 2's default), not mimalloc 3's 1 s: a
/// command is over before a second passes, so nothing freed was ever returned, and a warm search at
/// 100,000 results kept 7-16 MiB of the buffers its load had freed (76 -> 60 MiB, "child labour"), for
/// no measurable time (user + system 182 -> 186 ms; purging at once instead cost 40 ms of system time).
/// Not with `--no-cache`: parsing 130 MB of TOML frees so much, so often, that returning it took 0.3 s
/// more system time (`check --no-cache` at 100,000, 3.8 -> 4.1 s at load 7).
fn tune_allocator() {
    // SAFETY: setting an option is allowed at any time; the number is mimalloc's purge delay (above).
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, 10) }
}

fn main() -> ExitCode {
    // First of all: set once clap had parsed the command line, it had no effect (measured), so the
    // flag is looked for in the raw arguments.
    if !std::env::args_os().any(|arg| arg == "--no-cache") {
        tune_allocator();
    }
    // The shell asking for completions (COMPLETE=bash ipec -- ipec show GH): answered, then exit.
    ipec::cli::complete_if_asked();
    match ipec::cli::run(Cli::parse()) {
        Next::Exit(code) => code,
        Next::Explorer { data, args, no_cache } => run_tui(data, args, no_cache),
        Next::Present {
            data,
            args,
            tour,
            notes,
            no_cache,
            pdf,
        } => match pdf {
            Some(pdf) => run_present_pdf(data, &args, tour, &pdf, no_cache),
            None => run_present(data, args, tour, notes, no_cache),
        },
    }
}

/// Loads the knowledge base for `ipec present`, through the cache, before the terminal is touched; its
/// problems are reported like `ipec check` does. A load that takes a while (a large folder, not yet
/// cached) shows its progress on standard error meanwhile.
fn load(data: Option<PathBuf>, no_cache: bool) -> Option<Loaded> {
    let source = DataSource::from_option(data);
    let done = AtomicBool::new(false);
    let loaded = std::thread::scope(|scope| {
        if std::io::stderr().is_terminal() {
            scope.spawn(|| show_progress(&source, &done));
        }
        progress::reset();
        let loaded = ipec::cache::load(&source, !no_cache, ipec::cache::Need::AllRecords);
        done.store(true, Ordering::Relaxed);
        loaded
    });
    match loaded {
        Ok(loaded) => {
            loaded.print_notes();
            Some(loaded)
        }
        Err(problems) => {
            report_problems(&problems);
            None
        }
    }
}

/// The key table with the config file's keys (checked when the file was read, so they apply).
fn keymap(keys: &[(String, String)]) -> Keymap {
    Keymap::with_overrides(keys).unwrap_or_default()
}

/// A line on standard error that says how far loading is, redrawn until `done`: from 0.2 s on, so that
/// a quick start shows nothing.
fn show_progress(source: &DataSource, done: &AtomicBool) {
    let start = Instant::now();
    let what = source.describe();
    let mut shown = false;
    while !done.load(Ordering::Relaxed) {
        std::thread::sleep(Duration::from_millis(50));
        if start.elapsed() < Duration::from_millis(200) {
            continue;
        }
        let now = progress::snapshot();
        let stage = match now.ratio() {
            Some(ratio) => {
                let width = 24;
                let filled = ((width as f64 * ratio) as usize).min(width);
                format!(
                    "[{}{}] {}/{} {}",
                    "#".repeat(filled),
                    "-".repeat(width - filled),
                    now.done,
                    now.total,
                    now.stage.counted()
                )
            }
            None => now.stage.doing().to_string(),
        };
        eprint!(
            "\r\x1b[2Kipec: loading {what}: {stage} ({:.1} s)",
            start.elapsed().as_secs_f64()
        );
        shown = true;
    }
    if shown {
        eprint!("\r\x1b[2K");
    }
}

fn no_terminal(e: std::io::Error) -> ExitCode {
    eprintln!("ipec: cannot run here ({e}); it needs a terminal. In scripts, use `ipec list`, `ipec show`, `ipec search` or `ipec handout`.");
    ExitCode::FAILURE
}

/// Opens the explorer at once; the knowledge base loads behind its loading screen. Problems with it are
/// printed once the terminal is restored, as `ipec check` would print them.
fn run_tui(data: Option<PathBuf>, args: TuiArgs, no_cache: bool) -> ExitCode {
    let Some(tab) = args.tab.as_deref().map_or(Some(Tab::Overview), Tab::from_name) else {
        let names = Tab::names();
        let asked = sanitize(args.tab.as_deref().unwrap_or_default()).into_owned();
        let hint = match ipec::kb::text::did_you_mean(&asked, &names) {
            Some(name) => format!("did you mean {name}? The tabs are"),
            None => "the tabs are".to_string(),
        };
        eprintln!("ipec: no tab is called `{asked}`; {hint} {}", names.join(", "));
        return ExitCode::from(2);
    };
    let source = DataSource::from_option(data);
    let options = Options {
        theme: args.theme,
        mouse: !args.no_mouse,
        tab,
        source: source.clone(),
        keymap: keymap(&args.keys),
        use_cache: !no_cache,
        graphics: args.graphics,
        export_dir: args.export_dir,
        export_excel: args.export_excel,
    };
    // The records stay in the cache file until a view shows one: at 100,000 results, reading them all
    // held 150 MiB the explorer never looks at.
    let outcome = ipec::tui::run(options, move || {
        ipec::cache::load(&source, !no_cache, ipec::cache::Need::SomeRecords)
    });
    match outcome {
        Ok(Outcome::Quit) => ExitCode::SUCCESS,
        Ok(Outcome::Problems(problems)) => {
            report_problems(&problems);
            ExitCode::FAILURE
        }
        // The panic hook has printed what went wrong; 101 is the status of a Rust program that panicked.
        Ok(Outcome::LoaderFailed) => ExitCode::from(101),
        Err(e) => no_terminal(e),
    }
}

/// `ipec present [TOUR] [--notes]`: slides in the high-contrast theme unless --theme says otherwise.
fn run_present(data: Option<PathBuf>, args: TuiArgs, tour: Option<String>, notes: bool, no_cache: bool) -> ExitCode {
    let Some(Loaded { kb, .. }) = load(data, no_cache) else {
        return ExitCode::FAILURE;
    };
    let Some(target) = present_target(&kb, tour.as_deref()) else {
        return ExitCode::FAILURE;
    };
    let options = PresentOptions {
        theme: args.theme,
        mouse: !args.no_mouse,
        notes,
        keymap: keymap(&args.keys),
        graphics: args.graphics,
    };
    match ipec::tui::present(kb, target, options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => no_terminal(e),
    }
}

/// `ipec present TOUR --pdf FILE`: the slides as PDF pages, no terminal needed.
fn run_present_pdf(
    data: Option<PathBuf>,
    args: &TuiArgs,
    tour: Option<String>,
    pdf: &ipec::cli::PdfOut,
    no_cache: bool,
) -> ExitCode {
    let Some(Loaded { kb, .. }) = load(data, no_cache) else {
        return ExitCode::FAILURE;
    };
    let Some(target) = present_target(&kb, tour.as_deref()) else {
        return ExitCode::FAILURE;
    };
    ipec::cli::slides_pdf::write(&kb, target, args.theme, pdf)
}

/// The tour (or record) `ipec present` shows: the one asked for, else the first in the tours' order;
/// an unknown one is reported with the tours there are.
fn present_target(kb: &ipec::kb::KnowledgeBase, tour: Option<&str>) -> Option<ipec::kb::RecordRef> {
    let target = match tour {
        Some(id) => kb.find(id),
        // The tour that comes first in the tours' own order (`order`), else the first listed.
        None => kb
            .refs(Kind::Tour)
            .min_by_key(|r| (kb.tours[r.index].order.unwrap_or(u32::MAX), r.index)),
    };
    if target.is_none() {
        let tours: Vec<&str> = kb.refs(Kind::Tour).map(|r| kb.id(r)).collect();
        let asked = sanitize(tour.unwrap_or_default()).into_owned();
        let hint = match ipec::kb::text::did_you_mean(&asked, &tours) {
            Some(id) => format!("did you mean {id}? The tours are"),
            None => "the tours are:".to_string(),
        };
        eprintln!("ipec: nothing to present as `{asked}`; {hint} {}", tours.join(", "));
    }
    target
}
