//! The terminal: setup and teardown, and the event loop (crossterm events → key table → `App::update` →
//! draw; the app's effects carried out here). The terminal is restored on every way out: q, Ctrl-C,
//! SIGTERM/SIGHUP/SIGINT, an error, a panic, and around Ctrl-Z.

use std::io::{self, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex, MutexGuard, TryLockError};
use std::time::{Duration, Instant};

use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event, KeyEventKind,
    KeyModifiers, MouseEventKind,
};
use crossterm::execute;
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::{Buffer, Cell};
use ratatui::Terminal;

use crate::app::present::Screen;
use crate::app::tabs::Tab;
use crate::app::{Action, App, BuiltList, Effect, Hyperlink, Key, KeyCode, ListJob, Lists, Mouse, MouseKind};
use crate::cache::Loaded;
use crate::graphics::Graphics;
use crate::kb::load::progress;
use crate::kb::{DataSource, KnowledgeBase, Problems, RecordRef};
use crate::link::{Link, LinkEvent};
use crate::search::SearchIndex;
use crate::ui::loading::Loading;
use crate::ui::{self, Theme, ThemeName};

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

/// How often the loading screen is redrawn, and how long the loaded knowledge base can wait to be
/// noticed: a terminal cannot wake the loop when a thread finishes, so it looks this often.
const LOADING_TICK: Duration = Duration::from_millis(25);
/// How often the loop wakes up while the search index is being built, to take it as soon as it is ready.
const INDEX_TICK: Duration = Duration::from_millis(100);

/// How often the loop wakes up without input, to redraw (a status message may have expired).
const TICK: Duration = Duration::from_millis(200);

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

/// Draws a frame, unless the terminal has been restored meanwhile; then makes `links` hyperlinks.
fn draw_frame(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    render: impl FnOnce(&mut ratatui::Frame),
    links: &[Hyperlink],
    written: &mut Written,
) -> io::Result<()> {
    let _output = lock_output();
    if ENTERED.load(Ordering::SeqCst) {
        let cells = {
            let frame = terminal.draw(render)?;
            hyperlink_cells(frame.buffer, links, written)
        };
        if let Some(cells) = cells {
            terminal.backend_mut().draw(cells.iter().map(|(x, y, c)| (*x, *y, c)))?;
            Backend::flush(terminal.backend_mut())?;
        }
    }
    Ok(())
}

/// The hyperlinks on the terminal as last written, with the cells they were written over: the same
/// again need not be written (ratatui leaves cells that did not change alone, hyperlink and all).
#[derive(Default)]
struct Written {
    shown: Vec<(Hyperlink, Vec<Cell>)>,
    size: (u16, u16),
}

impl Written {
    /// The screen was cleared (a resize, back from Ctrl-Z): every hyperlink must be written again.
    fn forget(&mut self) {
        *self = Written::default();
    }
}

/// The cells of each hyperlink as just drawn, to be drawn again with the OSC 8 sequence around them
/// (the first cell opens it, the last closes it), when they are not already on the terminal so.
fn hyperlink_cells(buffer: &Buffer, links: &[Hyperlink], written: &mut Written) -> Option<Vec<(u16, u16, Cell)>> {
    let area = buffer.area;
    let shown: Vec<(Hyperlink, Vec<Cell>)> = links
        .iter()
        .filter(|l| l.y < area.height && l.x < area.width && l.width > 0)
        .map(|l| {
            let end = l.x.saturating_add(l.width).min(area.width);
            let cells = (l.x..end).filter_map(|x| buffer.cell((x, l.y)).cloned()).collect();
            (l.clone(), cells)
        })
        .collect();
    let size = (area.width, area.height);
    if shown == written.shown && size == written.size {
        return None;
    }
    written.shown = shown.clone();
    written.size = size;
    let mut out = Vec::new();
    for (link, mut cells) in shown {
        let last = cells.len().saturating_sub(1);
        if let Some(first) = cells.first_mut() {
            let symbol = format!("{}{}", crate::osc::hyperlink_open(&link.url, None), first.symbol());
            first.set_symbol(&symbol);
        }
        if let Some(end) = cells.get_mut(last) {
            let symbol = format!("{}{}", end.symbol(), crate::osc::HYPERLINK_CLOSE);
            end.set_symbol(&symbol);
        }
        out.extend(
            cells
                .into_iter()
                .enumerate()
                .map(|(i, c)| (link.x + i as u16, link.y, c)),
        );
    }
    Some(out)
}

/// Runs the explorer until the user quits. The terminal is entered at once and `load` runs on a thread of
/// its own meanwhile: the loading screen shows its progress, and every key, paste and resize that
/// arrives before the knowledge base does is kept and replayed into the explorer, in order.
pub fn run(options: Options, load: impl FnOnce() -> Result<Loaded, Problems> + Send + 'static) -> io::Result<Outcome> {
    let loading = spawn_loader(load)?;
    let what = options.source.describe();
    let watch = match options.source {
        DataSource::Embedded => None,
        DataSource::Dir(dir) => Some((dir, options.use_cache)),
    };
    let (tab, keymap) = (options.tab, options.keymap);
    let export_dir = options.export_dir;
    with_terminal(options.theme, options.mouse, options.graphics, |terminal, looks| {
        looks.export_dir = export_dir;
        let (ready, typed) = match wait_for_load(terminal, looks, &what, &loading)? {
            Waited::Loaded(ready, typed) => (*ready, typed),
            Waited::Cancelled => return Ok(Outcome::Quit),
            Waited::Failed(problems) => return Ok(Outcome::Problems(problems)),
            Waited::LoaderFailed => return Ok(Outcome::LoaderFailed),
        };
        let notes = ready.notes;
        let start = move |app: &mut App| {
            app.keymap = keymap;
            app.update(Action::GoTab(tab.index()));
            // What the cache had to say (rebuilt, and why), where the user sees it.
            notes.into_iter().for_each(|note| app.update(Action::Report(note)));
            // What the user typed while waiting, as if typed now.
            typed.into_iter().for_each(|event| handle(app, event));
        };
        let sources = Sources {
            watch,
            index: ready.index,
            store: ready.store,
        };
        let size = terminal.size()?;
        let app = App::with_lists(ready.lists, size.width, size.height);
        event_loop(terminal, app, looks, sources, start)?;
        Ok(Outcome::Quit)
    })
}

/// What the loader hands over: the explorer with its lists built, and what the event loop needs besides.
struct Ready {
    lists: Lists,
    index: Option<SearchIndex>,
    store: Option<crate::cache::Store>,
    notes: Vec<String>,
}

/// The knowledge base, loading on a thread of its own, then the explorer's small lists built there too
/// (the lists of every result are built once the explorer runs): the result arrives on the receiver,
/// or the sender is dropped unsent if the loader panics.
fn spawn_loader(
    load: impl FnOnce() -> Result<Loaded, Problems> + Send + 'static,
) -> io::Result<mpsc::Receiver<Result<Ready, Problems>>> {
    let (sender, receiver) = mpsc::channel();
    std::thread::Builder::new()
        .name("ipec-loader".into())
        // Deep TOML and the cache reader recurse; the main thread they ran on before had 8 MiB. Reserved,
        // not committed.
        .stack_size(crate::par::STACK)
        .spawn(move || {
            progress::reset();
            let ready = load().map(|loaded| {
                progress::begin(progress::Stage::PreparingViews, 0);
                Ready {
                    lists: Lists::small(Arc::new(loaded.kb)),
                    index: loaded.index,
                    store: loaded.store,
                    notes: loaded.notes,
                }
            });
            let _ = sender.send(ready);
        })?;
    Ok(receiver)
}

/// How the wait on the loading screen ended.
enum Waited {
    /// Loaded, with the events that came meanwhile.
    Loaded(Box<Ready>, Vec<Event>),
    Cancelled,
    Failed(Problems),
    LoaderFailed,
}

/// Shows the loading screen until the knowledge base arrives, keeping what the user types meanwhile;
/// Ctrl-C cancels.
fn wait_for_load(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    looks: &Looks,
    what: &str,
    loading: &mpsc::Receiver<Result<Ready, Problems>>,
) -> io::Result<Waited> {
    let started = Instant::now();
    let mut typed = Vec::new();
    let mut written = Written::default();
    loop {
        match loading.try_recv() {
            Ok(Ok(ready)) => return Ok(Waited::Loaded(Box::new(ready), typed)),
            Ok(Err(problems)) => return Ok(Waited::Failed(problems)),
            Err(mpsc::TryRecvError::Disconnected) => return Ok(Waited::LoaderFailed),
            Err(mpsc::TryRecvError::Empty) => {}
        }
        let screen = Loading {
            what: what.to_string(),
            progress: progress::snapshot(),
            elapsed: started.elapsed(),
        };
        draw_frame(
            terminal,
            |frame| ui::loading::draw(frame, &screen, &looks.theme),
            &[],
            &mut written,
        )?;
        if !event::poll(LOADING_TICK)? {
            continue;
        }
        // Everything already typed, before drawing again.
        loop {
            let event = event::read()?;
            if is_ctrl_c(&event) {
                return Ok(Waited::Cancelled);
            }
            if keeps(&event) {
                typed.push(event);
            }
            if !event::poll(Duration::ZERO)? {
                break;
            }
        }
    }
}

/// Ctrl-C pressed: in raw mode the terminal sends it as a key, not SIGINT.
fn is_ctrl_c(event: &Event) -> bool {
    matches!(event, Event::Key(k)
        if k.kind != KeyEventKind::Release
            && k.code == event::KeyCode::Char('c')
            && k.modifiers.contains(KeyModifiers::CONTROL))
}

/// Whether an event that came during loading is replayed into the explorer: keys, pastes and resizes
/// are; a click or scroll aimed at the loading screen means nothing to the explorer.
fn keeps(event: &Event) -> bool {
    match event {
        Event::Key(_) | Event::Paste(_) | Event::Resize(..) => true,
        Event::Mouse(_) | Event::FocusGained | Event::FocusLost => false,
    }
}

/// What else the event loop listens to, besides the terminal.
struct Sources {
    /// A folder to reload on every change, and whether through the cache.
    watch: Option<(std::path::PathBuf, bool)>,
    /// The index, if ready, and where to save it once built.
    index: Option<SearchIndex>,
    store: Option<crate::cache::Store>,
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
    let start = move |app: &mut App| {
        app.keymap = keymap;
        app.present(target);
        app.set_standalone_show(if options.notes {
            Screen::Presenter
        } else {
            Screen::Projected
        });
    };
    let sources = Sources {
        watch: None,
        index: None,
        store: None,
    };
    with_terminal(options.theme, options.mouse, options.graphics, |terminal, looks| {
        let size = terminal.size()?;
        let app = App::without_index(Arc::new(kb), size.width, size.height);
        event_loop(terminal, app, looks, sources, start)
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
        written: Written::default(),
    };
    let result = body(&mut terminal, &mut looks);
    restore();
    terminal.show_cursor()?;
    result
}

/// How the explorer looks and behaves in this terminal: the theme in use, which `t` cycles; whether
/// the user wants the mouse (`m`; it is left to the terminal anyway while a link is shown to be
/// selected); where exports go; whether URLs are written as hyperlinks; how pictures reach the terminal.
struct Looks {
    name: ThemeName,
    theme: Theme,
    /// How pictures reach the terminal.
    graphics: Graphics,
    mouse: bool,
    export_dir: Option<std::path::PathBuf>,
    hyperlinks: bool,
    /// The hyperlinks on the terminal now.
    written: Written,
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

/// Ctrl-Z: the terminal as the shell left it, then stop until `fg`; then everything re-entered and the
/// whole screen drawn again. In raw mode the terminal sends Ctrl-Z as a key, so the app asks for this.
#[cfg(unix)]
fn suspend(terminal: &mut Terminal<CrosstermBackend<Stdout>>) -> io::Result<()> {
    let mouse = MOUSE.load(Ordering::SeqCst);
    restore();
    // SAFETY: raise has no preconditions; SIGTSTP's default action stops the process until SIGCONT.
    unsafe {
        libc::raise(libc::SIGTSTP);
    }
    enter(mouse)?;
    terminal.clear()
}

/// Windows consoles have no job control: Ctrl-Z does nothing there.
#[cfg(not(unix))]
fn suspend(_terminal: &mut Terminal<CrosstermBackend<Stdout>>) -> io::Result<()> {
    Ok(())
}

/// A panic must not leave the terminal raw and on the alternate screen: restore it, then report.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    mut app: App,
    looks: &mut Looks,
    sources: Sources,
    start: impl FnOnce(&mut App),
) -> io::Result<()> {
    let mut index = build_index_in_background(Arc::clone(&app.kb), sources.index, sources.store);
    let mut lists = build_lists_in_background(&app);
    app.update(Action::Tick(std::time::SystemTime::now()));
    start(&mut app);
    // The presenter link of the show being presented, joined and left through the app's effects.
    let mut link: Option<Link> = None;
    let mut images = crate::images::Images::new(looks.graphics, picture_palette(looks.name));
    // Keeping the watcher alive keeps it watching; its reloads arrive already validated.
    let watching = sources
        .watch
        .map(|(dir, use_cache)| crate::watch::Watcher::spawn(dir, use_cache));
    let (_watcher, reloads) = match watching {
        Some(Ok((watcher, reloads))) => (Some(watcher), Some(reloads)),
        Some(Err(e)) => {
            app.update(Action::Report(format!("Not reloading on changes: {e:#}")));
            (None, None)
        }
        None => (None, None),
    };
    while !app.quit {
        // A builder that went away without its result panicked: the panic hook has restored the
        // terminal already, and the explorer must not go on unseen behind the shell.
        match index.try_recv() {
            Ok(built) => app.set_index(built),
            Err(mpsc::TryRecvError::Disconnected) if !app.search_ready() => {
                return Err(io::Error::other("the search index could not be built"))
            }
            Err(_) => {}
        }
        match lists.try_recv() {
            Ok(built) => built.into_iter().for_each(|list| app.set_rows(list)),
            Err(mpsc::TryRecvError::Disconnected) if Tab::ALL.iter().any(|&t| app.building(t)) => {
                return Err(io::Error::other("the explorer's lists could not be built"))
            }
            Err(_) => {}
        }
        // A burst of reloads (several saves before a frame): only the last one counts.
        if let Some(reload) = reloads.as_ref().and_then(|r| r.try_iter().last()) {
            let clock = reload.clock();
            match reload.result {
                Ok(kb) => {
                    let kb = Arc::new(kb);
                    // The old index goes with its receiver; the new one is built off this thread, and
                    // saved with the knowledge base, so that the next start and the next reload parse
                    // only what changes.
                    index = build_index_in_background(Arc::clone(&kb), None, reload.store);
                    app.reloaded(kb);
                    // The lists of every result, at 100,000 of them; this drops the receiver of the
                    // old data's lists, should they still be coming.
                    lists = build_lists_in_background(&app);
                    let total = crate::document::format::thousands(app.kb.total_records());
                    app.update(Action::Report(format!("Reloaded at {clock}: {total} records")));
                }
                Err(problems) => app.reload_failed(problems),
            }
        }
        app.update(Action::Tick(std::time::SystemTime::now()));
        for event in link.as_ref().map(Link::try_recv).unwrap_or_default() {
            app.update(match event {
                LinkEvent::State(state) => Action::Synced(state),
                LinkEvent::Welcome(state) => Action::Welcomed(state),
                LinkEvent::AlreadyPresented => Action::AlreadyPresented,
            });
        }
        perform_all(&mut app, terminal, looks, &mut link)?;
        app.refresh();
        draw_app(terminal, &app, looks)?;
        draw_pictures(terminal, &mut images, &app, looks)?;
        // Sooner while a list is on its way (a fraction of a second), so that it shows as soon as it is
        // ready; while only the index is (1-2 s on a cold start), often enough for the palette to
        // notice, without redrawing 40 times a second against the thread that builds it.
        let wait = if Tab::ALL.iter().any(|&t| app.building(t)) {
            LOADING_TICK
        } else if !app.search_ready() {
            INDEX_TICK
        } else {
            TICK
        };
        if !event::poll(wait)? {
            continue;
        }
        // Drain everything already typed before searching and drawing again: a fast typist or a paste
        // costs one search, not one per key.
        loop {
            handle(&mut app, event::read()?);
            if app.quit || !event::poll(Duration::ZERO)? {
                break;
            }
        }
        perform_all(&mut app, terminal, looks, &mut link)?;
    }
    // The process ends next: freeing every record one by one would only delay the prompt.
    std::mem::forget(app);
    Ok(())
}

/// The colours of pictures: paper's for the light theme, the projector's otherwise.
fn picture_palette(name: ThemeName) -> crate::document::scene::Palette {
    match name {
        ThemeName::Light => crate::document::scene::Palette::PRINT,
        ThemeName::Dark | ThemeName::HighContrast => crate::document::scene::Palette::PROJECTOR,
    }
}

/// After a frame, the slide's picture on a terminal that shows images; a picture that must go is
/// cleared by drawing the whole screen again, and the new one drawn over it.
fn draw_pictures(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    images: &mut crate::images::Images,
    app: &App,
    looks: &mut Looks,
) -> io::Result<()> {
    if !images.active() || !ENTERED.load(Ordering::SeqCst) {
        return Ok(());
    }
    let size = terminal.size()?;
    let repaint = {
        let _output = lock_output();
        images.update(terminal.backend_mut(), app, (size.width, size.height))?
    };
    if repaint {
        terminal.clear()?;
        draw_app(terminal, app, looks)?;
        let _output = lock_output();
        images.update(terminal.backend_mut(), app, (size.width, size.height))?;
    }
    Ok(())
}

/// Carries out the effects the app asked for, and tells it what came of them.
fn perform_all(
    app: &mut App,
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    looks: &mut Looks,
    link: &mut Option<Link>,
) -> io::Result<()> {
    for effect in app.take_effects() {
        if let Some(report) = perform(effect, terminal, looks, link)? {
            app.update(report);
        }
    }
    Ok(())
}

/// Draws the app, its URLs as hyperlinks where the terminal takes them, with the mouse the user's
/// choice, but the terminal's while a link is shown for its own selection to take.
fn draw_app(terminal: &mut Terminal<CrosstermBackend<Stdout>>, app: &App, looks: &mut Looks) -> io::Result<()> {
    let wanted = looks.mouse && !app.selecting_text();
    if wanted != MOUSE.load(Ordering::SeqCst) {
        set_mouse(wanted);
    }
    let links = if looks.hyperlinks { app.hyperlinks() } else { Vec::new() };
    draw_frame(
        terminal,
        |frame| ui::draw(frame, app, &looks.theme),
        &links,
        &mut looks.written,
    )
}

/// Builds the lists of every result on a thread of their own (0.2-0.3 s at 100,000 results), for the
/// tabs whose list is still `Building`: the explorer answers keys and searches meanwhile.
fn build_lists_in_background(app: &App) -> mpsc::Receiver<Vec<BuiltList>> {
    let (sender, receiver) = mpsc::channel();
    let jobs = app.pending_lists();
    if !jobs.is_empty() {
        let kb = Arc::clone(&app.kb);
        std::thread::spawn(move || {
            let _ = sender.send(ListJob::build_all(&jobs, &kb));
        });
    }
    receiver
}

/// Builds the search index on its own thread (unless the cache had it), so the explorer answers keys at
/// once even when the knowledge base is large (1-2 s to index 100,000 achievements); then saves both to
/// the cache, for the next start.
fn build_index_in_background(
    kb: Arc<KnowledgeBase>,
    ready: Option<SearchIndex>,
    store: Option<crate::cache::Store>,
) -> mpsc::Receiver<SearchIndex> {
    let (sender, receiver) = mpsc::channel();
    if let Some(index) = ready {
        let _ = sender.send(index);
        return receiver;
    }
    std::thread::spawn(move || {
        let index = SearchIndex::build(&kb);
        let saving = store.map(|store| (store, index.clone()));
        // The app may have quit already; then nobody is listening, which is fine.
        let _ = sender.send(index);
        if let Some((store, index)) = saving {
            store.save(&kb, Some(&index));
        }
    });
    receiver
}

fn handle(app: &mut App, event: Event) {
    match event {
        Event::Key(k) if k.kind != KeyEventKind::Release => {
            if let Some(key) = key(k) {
                app.key(key);
            }
        }
        Event::Mouse(m) => {
            let kind = match m.kind {
                MouseEventKind::Down(_) => MouseKind::Click,
                MouseEventKind::ScrollDown => MouseKind::ScrollDown,
                MouseEventKind::ScrollUp => MouseKind::ScrollUp,
                _ => return,
            };
            app.update(Action::Mouse(Mouse {
                kind,
                column: m.column,
                row: m.row,
            }));
        }
        Event::Resize(w, h) => app.update(Action::Resize(w, h)),
        Event::Paste(text) => app.update(Action::Paste(text)),
        _ => {}
    }
}

/// A crossterm key in the app's terms. Shift is folded into the character (`G`), and Shift-Tab arrives
/// as BackTab.
fn key(k: event::KeyEvent) -> Option<Key> {
    use event::KeyCode as C;
    let code = match k.code {
        C::Char(c) => KeyCode::Char(c),
        C::Enter => KeyCode::Enter,
        C::Esc => KeyCode::Esc,
        C::Backspace => KeyCode::Backspace,
        C::Tab => KeyCode::Tab,
        C::BackTab => KeyCode::BackTab,
        C::Up => KeyCode::Up,
        C::Down => KeyCode::Down,
        C::Left => KeyCode::Left,
        C::Right => KeyCode::Right,
        C::PageUp => KeyCode::PageUp,
        C::PageDown => KeyCode::PageDown,
        C::Home => KeyCode::Home,
        C::End => KeyCode::End,
        C::Delete => KeyCode::Delete,
        _ => return None,
    };
    Some(Key {
        code,
        ctrl: k.modifiers.contains(KeyModifiers::CONTROL),
        alt: k.modifiers.contains(KeyModifiers::ALT),
    })
}

/// Carries out an effect. What the user should know of it comes back as an action for the app to
/// show, so this layer never writes the app's state.
fn perform(
    effect: Effect,
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    looks: &mut Looks,
    link: &mut Option<Link>,
) -> io::Result<Option<Action>> {
    let report = |text: String| Ok(Some(Action::Report(text)));
    match effect {
        Effect::OpenUrl(url) => {
            let said = open_url(&url);
            Ok(Some(Action::LinkShown { url, said }))
        }
        Effect::Copy { text, what } => report(format!("{what} {}", copy(&text))),
        Effect::JoinShow { show, screen, state } => match crate::link::join(&show, screen, state) {
            Ok(joined) => {
                *link = Some(joined);
                Ok(None)
            }
            // Without the link the slides still work; the console is what needs it.
            Err(e) => report(format!("Not linked to other views of this show: {e}")),
        },
        Effect::SyncShow(state) => {
            link.iter().for_each(|l| l.send(state));
            Ok(None)
        }
        Effect::LeaveShow => {
            *link = None;
            Ok(None)
        }
        Effect::CycleTheme => {
            looks.name = next_theme(looks.name);
            looks.theme = looks_theme(looks.name, looks.graphics);
            let note = if Theme::no_color_env() {
                " (NO_COLOR is set: no colours)"
            } else {
                ""
            };
            report(format!("Theme: {}{note}", crate::config::theme_name(looks.name)))
        }
        Effect::ToggleMouse => {
            let on = !looks.mouse;
            looks.mouse = on;
            set_mouse(on);
            report(if on {
                "Mouse on: click and scroll in ipec".to_string()
            } else {
                "Mouse off: the terminal selects text again".to_string()
            })
        }
        Effect::Suspend => {
            suspend(terminal)?;
            // The screen is drawn again from nothing, hyperlinks and all.
            looks.written.forget();
            Ok(None)
        }
        Effect::Export {
            stem,
            extension,
            content,
            what,
        } => report(export(looks.export_dir.as_deref(), &stem, extension, &content, &what)),
    }
}

/// An export written, said with its full path (the folder may be the config file's, or the current
/// one on a remote machine, and a relative name tells neither).
fn export(dir: Option<&std::path::Path>, stem: &str, extension: &str, content: &str, what: &str) -> String {
    let folder = match dir {
        Some(dir) => dir.to_path_buf(),
        None => std::env::current_dir().unwrap_or_else(|_| std::path::PathBuf::from(".")),
    };
    let shown = crate::kb::text::escape(&folder.display().to_string()).into_owned();
    if let Err(e) = std::fs::create_dir_all(&folder) {
        return format!("Could not export to {shown}: {e}");
    }
    match write_new(&folder, stem, extension, content) {
        Ok(path) => format!(
            "Exported {what} to {}",
            crate::kb::text::escape(&path.display().to_string())
        ),
        Err(e) => format!("Could not export to {shown}: {e}"),
    }
}

/// Writes a new file in `folder`: `stem.ext`, else `stem-2.ext` and on, never over a file that exists
/// (create_new checks and creates in one step). Returns its full path.
fn write_new(folder: &std::path::Path, stem: &str, extension: &str, content: &str) -> io::Result<std::path::PathBuf> {
    let folder = std::path::absolute(folder)?;
    for n in 1..100 {
        let name = match n {
            1 => format!("{stem}.{extension}"),
            n => format!("{stem}-{n}.{extension}"),
        };
        let path = folder.join(&name);
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(mut file) => {
                file.write_all(content.as_bytes())?;
                return Ok(path);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other(format!(
        "{stem}.{extension} and 98 others like it exist already"
    )))
}

fn next_theme(theme: ThemeName) -> ThemeName {
    match theme {
        ThemeName::Dark => ThemeName::Light,
        ThemeName::Light => ThemeName::HighContrast,
        ThemeName::HighContrast => ThemeName::Dark,
    }
}

/// Opens a link in the browser, or, where that cannot work, copies it; says in words what was done.
/// Over SSH the opener would start a browser on the remote machine, which nobody sees; without a
/// graphical session there is no browser to start.
fn open_url(url: &str) -> String {
    let env = |var: &str| std::env::var(var).ok().filter(|v| !v.is_empty());
    let remote = env("SSH_CONNECTION").is_some() || env("SSH_TTY").is_some();
    let why = if remote {
        "Over SSH, a browser would open on the remote machine, not yours"
    } else if !graphical(&env) {
        "No browser can open here: there is no graphical session (DISPLAY is not set)"
    } else {
        match open::that_detached(url) {
            Ok(()) => return "Opened in your browser.".to_string(),
            // The opener's own error (an exit status) means nothing to a person.
            Err(e) if e.kind() == io::ErrorKind::NotFound => "No browser found",
            Err(_) => "No browser could open it: the opener gave up",
        }
    };
    format!("{why}. The link was {}.", copy(url))
}

/// Whether a browser can open here: a desktop session, WSL, or a BROWSER named. macOS and Windows
/// always have one.
fn graphical(env: &impl Fn(&str) -> Option<String>) -> bool {
    cfg!(any(target_os = "macos", windows))
        || ["DISPLAY", "WAYLAND_DISPLAY", "WSL_DISTRO_NAME", "BROWSER"]
            .iter()
            .any(|var| env(var).is_some())
}

/// Copies text with OSC 52, in the form that reaches the terminal the user sees (inside tmux, as
/// tmux's settings let it through); says what was done, to follow "was".
fn copy(text: &str) -> String {
    let route = crate::osc::copy_route(|var| std::env::var(var).ok(), crate::osc::ask_tmux);
    if !route.copies() {
        return route.said();
    }
    let _output = lock_output();
    let mut out = io::stdout();
    match out.write_all(route.sequence(text).as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => route.said(),
        Err(e) => format!("not copied: the terminal could not be written to ({e})"),
    }
}
