//! The terminal: setup and teardown, and the event loop (crossterm events → key table → `App::update` →
//! draw). The terminal is restored on every way out: q, Ctrl-C, SIGTERM/SIGHUP/SIGINT, an error, a panic.

use std::io::{self, Stdout, Write};
use std::process::{Command, Stdio};
use std::sync::{mpsc, Arc};
use std::time::Duration;

use base64::Engine;
use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, KeyModifiers, MouseEventKind,
};
use crossterm::execute;
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;

use std::time::Instant;

use crate::app::present::Screen;
use crate::app::tabs::Tab;
use crate::app::{Action, App, Effect, Key, KeyCode, Mouse, MouseKind};
use crate::kb::KnowledgeBase;
use crate::kb::RecordRef;
use crate::link::Link;
use crate::search::SearchIndex;
use crate::ui::{self, Theme, ThemeName};

/// How the explorer starts: the options of `ipec tui`, whatever set them (flags, environment, config).
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub theme: ThemeName,
    pub mouse: bool,
    /// The tab it opens on.
    pub tab: Tab,
}

/// How often the loop wakes up without input, to redraw (a status message may have expired).
const TICK: Duration = Duration::from_millis(200);

/// Runs the explorer until the user quits.
pub fn run(kb: KnowledgeBase, options: Options) -> io::Result<()> {
    let start = move |app: &mut App| app.update(Action::GoTab(options.tab.index()));
    run_app(kb, options.theme, options.mouse, None, start)
}

/// How `ipec present` starts.
#[derive(Debug, Clone, Copy)]
pub struct PresentOptions {
    pub theme: ThemeName,
    pub mouse: bool,
    /// The trainer's view: notes, the next step, the clock.
    pub notes: bool,
}

/// Presents a tour (or one record) full screen until the user leaves; other instances presenting the
/// same show, such as the trainer's `--notes` view, follow and are followed.
pub fn present(kb: KnowledgeBase, target: RecordRef, options: PresentOptions) -> io::Result<()> {
    let show = kb.id(target).to_string();
    // Without the link the slides still work; the trainer's view is what needs it.
    let link = match crate::link::join(&show, 0) {
        Ok(link) => Some(link),
        Err(e) if options.notes => {
            return Err(io::Error::other(format!(
                "the presenter view cannot reach the slides: {e}"
            )))
        }
        Err(_) => None,
    };
    let start = move |app: &mut App| {
        app.present(target);
        app.set_standalone_show(if options.notes {
            Screen::Presenter
        } else {
            Screen::Projected
        });
    };
    run_app(kb, options.theme, options.mouse, link, start)
}

fn run_app(
    kb: KnowledgeBase,
    theme: ThemeName,
    mouse: bool,
    link: Option<Link>,
    start: impl FnOnce(&mut App),
) -> io::Result<()> {
    let theme = Theme::new(theme, Theme::no_color_env());
    exit_on_signals(mouse)?;
    install_panic_hook(mouse);
    let mut terminal = setup(mouse)?;
    let result = event_loop(&mut terminal, kb, &theme, link, start);
    restore(mouse);
    terminal.show_cursor()?;
    result
}

fn setup(mouse: bool) -> io::Result<Terminal<CrosstermBackend<Stdout>>> {
    terminal::enable_raw_mode()?;
    let mut out = io::stdout();
    let entered = if mouse {
        execute!(out, EnterAlternateScreen, EnableMouseCapture)
    } else {
        execute!(out, EnterAlternateScreen)
    };
    if let Err(e) = entered {
        restore(mouse);
        return Err(e);
    }
    Terminal::new(CrosstermBackend::new(out)).inspect_err(|_| restore(mouse))
}

/// Puts the terminal back as it was. Safe to call more than once; errors are ignored because there is
/// nothing better to do with them on the way out.
fn restore(mouse: bool) {
    let mut out = io::stdout();
    if mouse {
        let _ = execute!(out, DisableMouseCapture);
    }
    let _ = execute!(out, LeaveAlternateScreen, crossterm::cursor::Show);
    let _ = terminal::disable_raw_mode();
}

/// SIGTERM, SIGHUP (the terminal or SSH connection went away) and SIGINT end the program at once, from a
/// thread of their own, with the terminal restored and the conventional 128 + signal exit code. A flag
/// checked by the event loop is not enough: once the terminal has hung up, crossterm's poll can spin
/// without ever returning to the loop, and the process would burn a core forever.
#[cfg(unix)]
fn exit_on_signals(mouse: bool) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            restore(mouse);
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

/// Windows has no SIGTERM or SIGHUP, and Ctrl-C arrives as a key in raw mode.
#[cfg(not(unix))]
fn exit_on_signals(_mouse: bool) -> io::Result<()> {
    Ok(())
}

/// A panic must not leave the terminal raw and on the alternate screen: restore it, then report.
fn install_panic_hook(mouse: bool) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore(mouse);
        previous(info);
    }));
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    kb: KnowledgeBase,
    theme: &Theme,
    link: Option<Link>,
    start: impl FnOnce(&mut App),
) -> io::Result<()> {
    let size = terminal.size()?;
    let kb = Arc::new(kb);
    let index = build_index_in_background(Arc::clone(&kb));
    let mut app = App::without_index(kb, size.width, size.height);
    start(&mut app);
    let started = Instant::now();
    while !app.quit {
        if let Ok(index) = index.try_recv() {
            app.set_index(index);
        }
        if app.show().is_some() {
            app.update(Action::Tick(started.elapsed()));
        }
        if let Some(step) = link.as_ref().and_then(Link::try_recv) {
            app.update(Action::ShowStep(step));
        }
        app.refresh();
        terminal.draw(|frame| ui::draw(frame, &app, theme))?;
        if !event::poll(TICK)? {
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
        for effect in app.take_effects() {
            match effect {
                Effect::ShowStep(step) => link.iter().for_each(|l| l.send(step)),
                other => {
                    if let Err(failure) = perform(other) {
                        app.update(failure);
                    }
                }
            }
        }
    }
    Ok(())
}

/// Builds the search index on its own thread, so the explorer answers keys at once even when the
/// knowledge base is large (2 s to index 100,000 achievements).
fn build_index_in_background(kb: Arc<KnowledgeBase>) -> mpsc::Receiver<SearchIndex> {
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        // The app may have quit already; then nobody is listening, which is fine.
        let _ = sender.send(SearchIndex::build(&kb));
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
        _ => return None,
    };
    Some(Key {
        code,
        ctrl: k.modifiers.contains(KeyModifiers::CONTROL),
    })
}

/// Carries out an effect; a failure comes back as an action for the app to report, so this layer never
/// writes the app's state.
fn perform(effect: Effect) -> Result<(), Action> {
    match effect {
        Effect::OpenUrl(url) => {
            open_url(&url).map_err(|e| Action::EffectFailed(format!("Could not open the link ({e}): {url}")))
        }
        Effect::Copy(text) => copy_osc52(&text).map_err(|e| Action::EffectFailed(format!("Could not copy: {e}"))),
        // The event loop passes these to the presenter link.
        Effect::ShowStep(_) => Ok(()),
    }
}

/// Starts the desktop's opener, detached: its output would garble the screen, and waiting for it would
/// freeze the app. A thread reaps it so that it does not linger as a zombie.
fn open_url(url: &str) -> io::Result<()> {
    let opener = if cfg!(target_os = "macos") { "open" } else { "xdg-open" };
    let mut child = Command::new(opener)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    std::thread::spawn(move || child.wait());
    Ok(())
}

/// OSC 52 asks the terminal itself to set the clipboard, so copying works over SSH too.
fn copy_osc52(text: &str) -> io::Result<()> {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    let mut out = io::stdout();
    write!(out, "\x1b]52;c;{encoded}\x07")?;
    out.flush()
}
