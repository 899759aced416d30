//! The terminal: setup and teardown, and the explorer's run on it. The event loop (`event_loop.rs`)
//! waits on one channel of messages (`messages.rs`): the terminal's events from a reader thread, the
//! loader's result, the index and lists built off the main thread, reloads, the presenter link, ticks;
//! it draws a frame only when the screen changed (`draw.rs`) and carries out the app's effects
//! (`effects.rs`). The terminal is restored on every way out: q, Ctrl-C, SIGTERM/SIGHUP/SIGINT, an
//! error, a panic, and around Ctrl-Z.

mod draw;
mod effects;
pub mod event_loop;
pub mod messages;

use std::io::{self, Stdout};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, TryLockError};
use std::time::{Duration, Instant};

use crossterm::event::{DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;

use crate::app::present::Screen;
use crate::app::tabs::Tab;
use crate::app::{Action, App};
use crate::cache::Loaded;
use crate::document::table::CsvDialect;
use crate::graphics::Graphics;
use crate::kb::{DataSource, KnowledgeBase, Problems, RecordRef};
use crate::ui::{Theme, ThemeName};

use event_loop::{event_loop, Plan, Start};
use messages::{Channel, Source};

/// How the explorer starts: the options of `ipec tui`, whatever set them (flags, environment, config).
#[derive(Debug, Clone)]
pub struct Options {
    pub theme: ThemeName,
    pub mouse: bool,
    /// The tab it opens on.
    pub tab: Tab,
    /// Where the knowledge base comes from: named on the loading screen, and a `--data` folder is
    /// watched and reloaded on every change (the built-in one cannot change).
    pub source: DataSource,
    /// The key table, with the config file's keys.
    pub keymap: crate::app::keys::Keymap,
    /// Whether reloads go through the cache (not with `--no-cache`).
    pub use_cache: bool,
    /// How maps and charts reach the terminal.
    pub graphics: Graphics,
    /// Where `e` and `E` write (the config file's `export_folder`), else the current folder.
    pub export_dir: Option<std::path::PathBuf>,
    /// Whether `e` writes CSV in Excel's dialect (the config file's `export_excel`).
    pub export_excel: bool,
}

/// How the explorer ended.
#[derive(Debug)]
pub enum Outcome {
    /// The user quit: q or Ctrl-C in the explorer, or Ctrl-C on the loading screen (the same key means
    /// the same thing everywhere, so it ends as a normal quit, with status 0).
    Quit,
    /// The knowledge base has problems; the terminal is already restored, for the caller to print them.
    Problems(Problems),
    /// The loader panicked (its message is printed by the panic hook, after the terminal is restored).
    LoaderFailed,
}

/// Whether the mouse is captured now: `m` toggles it, and every way out must release it.
static MOUSE: AtomicBool = AtomicBool::new(false);

/// Whether the terminal is ours now (raw, on the alternate screen): once another thread has restored it
/// (the loader panicked, a signal came), no frame may be drawn on the user's shell.
static ENTERED: AtomicBool = AtomicBool::new(false);

/// Held while a frame is written or the terminal restored, so that a restore from another thread never
/// lands in the middle of a frame.
static OUTPUT: Mutex<()> = Mutex::new(());

/// The output lock, waited for a little rather than for ever: the thread that holds it may be the one
/// panicking, whose hook is asking for it.
fn lock_output() -> Option<MutexGuard<'static, ()>> {
    let deadline = Instant::now() + Duration::from_millis(200);
    loop {
        match OUTPUT.try_lock() {
            Ok(guard) => return Some(guard),
            Err(TryLockError::Poisoned(poisoned)) => return Some(poisoned.into_inner()),
            Err(TryLockError::WouldBlock) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(1)),
            Err(TryLockError::WouldBlock) => return None,
        }
    }
}

/// Runs the explorer until the user quits. The terminal is entered at once and `load` runs on a thread of
/// its own meanwhile: the loading screen shows its progress, and every key, paste and resize that
/// arrives before the knowledge base does is kept and replayed into the explorer, in order.
pub fn run(options: Options, load: impl FnOnce() -> Result<Loaded, Problems> + Send + 'static) -> io::Result<Outcome> {
    let mut channel = Channel::new();
    messages::spawn_loader(load, channel.sender())?;
    let what = options.source.describe();
    let watch = match options.source {
        DataSource::Embedded => None,
        DataSource::Dir(dir) => Some((dir, options.use_cache)),
    };
    let (tab, keymap) = (options.tab, options.keymap);
    let export_dir = options.export_dir;
    let csv = if options.export_excel {
        CsvDialect::Excel
    } else {
        CsvDialect::Standard
    };
    let begin = move |app: &mut App| {
        app.keymap = keymap;
        app.csv_dialect = csv;
        app.update(Action::GoTab(tab.index()));
    };
    with_terminal(options.theme, options.mouse, options.graphics, |terminal, looks| {
        looks.export_dir = export_dir;
        messages::read_terminal(channel.sender())?;
        let plan = Plan {
            start: Start::Loading(what),
            begin: Box::new(begin),
            watch,
        };
        event_loop(terminal, &mut channel, looks, plan)
    })
}

/// How `ipec present` starts.
#[derive(Debug, Clone)]
pub struct PresentOptions {
    pub theme: ThemeName,
    pub mouse: bool,
    /// The trainer's view: notes, the next step, the clock.
    pub notes: bool,
    pub keymap: crate::app::keys::Keymap,
    /// How maps and charts reach the terminal.
    pub graphics: Graphics,
}

/// Presents a tour (or one record) full screen until the user leaves; other instances presenting the
/// same show, such as the trainer's `--notes` view, follow and are followed.
pub fn present(kb: KnowledgeBase, target: RecordRef, options: PresentOptions) -> io::Result<()> {
    let keymap = options.keymap;
    let begin = move |app: &mut App| {
        app.keymap = keymap;
        app.present(target);
        app.set_standalone_show(if options.notes {
            Screen::Presenter
        } else {
            Screen::Projected
        });
    };
    let mut channel = Channel::new();
    with_terminal(options.theme, options.mouse, options.graphics, |terminal, looks| {
        messages::read_terminal(channel.sender())?;
        let size = terminal.size()?;
        let plan = Plan {
            start: Start::Ready(Box::new(App::without_index(Arc::new(kb), size.width, size.height))),
            begin: Box::new(begin),
            watch: None,
        };
        event_loop(terminal, &mut channel, looks, plan).map(|_| ())
    })
}

/// Enters the terminal, runs `body` in it, and restores it however `body` ends (a panic is the panic
/// hook's to restore).
fn with_terminal<T>(
    theme: ThemeName,
    mouse: bool,
    graphics: Graphics,
    body: impl FnOnce(&mut Terminal<CrosstermBackend<Stdout>>, &mut Looks) -> io::Result<T>,
) -> io::Result<T> {
    exit_on_signals()?;
    install_panic_hook();
    let mut terminal = setup(mouse)?;
    let graphics = graphics.resolve(&|key| std::env::var(key).ok());
    let mut looks = Looks {
        name: theme,
        theme: looks_theme(theme, graphics),
        graphics,
        mouse,
        export_dir: None,
        hyperlinks: crate::osc::hyperlinks_wanted(|var| std::env::var(var).ok()),
        tty: true,
        written: draw::Written::default(),
    };
    let result = body(&mut terminal, &mut looks);
    restore();
    terminal.show_cursor()?;
    result
}

/// How the explorer looks and behaves in this terminal: the theme in use, which `t` cycles; whether
/// the user wants the mouse (`m`; it is left to the terminal anyway while a link is shown to be
/// selected); where exports go; whether URLs are written as hyperlinks; how pictures reach the terminal;
/// whether the backend is the process's terminal at all.
pub struct Looks {
    name: ThemeName,
    theme: Theme,
    /// How pictures reach the terminal.
    graphics: Graphics,
    mouse: bool,
    export_dir: Option<std::path::PathBuf>,
    hyperlinks: bool,
    /// Whether frames go to the process's terminal: raw, restored by other threads (a panic, a
    /// signal), and written to besides the frames (the mouse, pictures, copies, Ctrl-Z). A test's
    /// backend is not.
    tty: bool,
    /// What is on the terminal now.
    written: draw::Written,
}

impl Looks {
    /// Looks for a backend that is not a terminal (a test's): the theme, no mouse, no hyperlinks, no
    /// pictures.
    pub fn plain(name: ThemeName) -> Looks {
        Looks {
            name,
            theme: looks_theme(name, Graphics::None),
            graphics: Graphics::None,
            mouse: false,
            export_dir: None,
            hyperlinks: false,
            tty: false,
            written: draw::Written::default(),
        }
    }
}

/// A backend's error as an I/O error (a terminal's is one already).
fn io_error<E: std::error::Error + Send + Sync + 'static>(e: E) -> io::Error {
    let boxed: Box<dyn std::error::Error + Send + Sync> = Box::new(e);
    match boxed.downcast::<io::Error>() {
        Ok(e) => *e,
        Err(other) => io::Error::other(other),
    }
}

/// A theme whose maps are filled with colour unless pictures are plain braille or colours are off.
fn looks_theme(name: ThemeName, graphics: Graphics) -> Theme {
    let mut theme = Theme::new(name, Theme::no_color_env());
    theme.map.fill = graphics != Graphics::None && !Theme::no_color_env();
    theme
}

fn setup(mouse: bool) -> io::Result<Terminal<CrosstermBackend<Stdout>>> {
    enter(mouse)?;
    Terminal::new(CrosstermBackend::new(io::stdout())).inspect_err(|_| restore())
}

/// Raw mode, the alternate screen, bracketed paste (a paste arrives whole, not as keys) and the mouse.
fn enter(mouse: bool) -> io::Result<()> {
    terminal::enable_raw_mode()?;
    // From here on there is something to restore.
    ENTERED.store(true, Ordering::SeqCst);
    let mut out = io::stdout();
    let entered = execute!(out, EnterAlternateScreen, EnableBracketedPaste);
    if let Err(e) = entered {
        restore();
        return Err(e);
    }
    if mouse {
        set_mouse(true);
    }
    Ok(())
}

fn set_mouse(on: bool) {
    let mut out = io::stdout();
    let done = if on {
        execute!(out, EnableMouseCapture)
    } else {
        execute!(out, DisableMouseCapture)
    };
    if done.is_ok() {
        MOUSE.store(on, Ordering::SeqCst);
    }
}

/// Puts the terminal back as it was. Safe to call more than once, from any thread: only the first call
/// after `enter` does anything, because leaving the alternate screen again would move the cursor back
/// over whatever was printed since (a panic's message). Errors are ignored because there is nothing
/// better to do with them on the way out.
fn restore() {
    let _output = lock_output();
    if !ENTERED.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = io::stdout();
    if MOUSE.swap(false, Ordering::SeqCst) {
        let _ = execute!(out, DisableMouseCapture);
    }
    let _ = execute!(
        out,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = terminal::disable_raw_mode();
}

/// SIGTERM, SIGHUP (the terminal or SSH connection went away) and SIGINT end the program at once, from a
/// thread of their own, with the terminal restored and the conventional 128 + signal exit code. A flag
/// checked by the event loop is not enough: once the terminal has hung up, crossterm's poll can spin
/// without ever returning to the loop, and the process would burn a core forever.
#[cfg(unix)]
fn exit_on_signals() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            restore();
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

/// On Windows, Ctrl-C arrives as a key in raw mode, but Ctrl-Break (and Ctrl-C before raw mode, or a
/// SIGTERM raised in the process) come through the C runtime's signals: they end the program with the
/// terminal restored, as on Unix. The runtime calls the handler on a thread of its own, where only a flag
/// is set; a thread of ours watches it. Closing the console window ends the process with the console.
#[cfg(windows)]
fn exit_on_signals() -> io::Result<()> {
    use signal_hook::consts::{SIGBREAK, SIGINT, SIGTERM};
    use std::sync::atomic::AtomicUsize;
    let caught = Arc::new(AtomicUsize::new(0));
    for signal in [SIGINT, SIGTERM, SIGBREAK] {
        signal_hook::flag::register_usize(signal, Arc::clone(&caught), signal.unsigned_abs() as usize)?;
    }
    std::thread::spawn(move || loop {
        std::thread::sleep(Duration::from_millis(50));
        let signal = caught.load(Ordering::Relaxed);
        if signal != 0 {
            restore();
            std::process::exit(128 + i32::try_from(signal).unwrap_or(0));
        }
    });
    Ok(())
}

/// Ctrl-Z: the terminal as the shell left it, then stop until `fg`; then everything re-entered (the
/// caller clears the screen, to draw it again whole). In raw mode the terminal sends Ctrl-Z as a key,
/// so the app asks for this.
#[cfg(unix)]
fn suspend() -> io::Result<()> {
    let mouse = MOUSE.load(Ordering::SeqCst);
    restore();
    // SAFETY: raise has no preconditions; SIGTSTP's default action stops the process until SIGCONT.
    unsafe {
        libc::raise(libc::SIGTSTP);
    }
    enter(mouse)
}

/// Windows consoles have no job control: Ctrl-Z does not stop ipec there (the caller only draws the
/// screen again).
#[cfg(not(unix))]
fn suspend() -> io::Result<()> {
    Ok(())
}

/// A panic must not leave the terminal raw and on the alternate screen: restore it, then report.
fn install_panic_hook() {
    crate::fatal::before_exit(restore);
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}
