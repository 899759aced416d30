//! The event loop: it waits on one channel of messages (the terminal's events, the loader's result,
//! the index and lists built off the main thread, reloads of the watched folder, the presenter link,
//! ticks), takes in every message already there, and draws a frame only when the screen changed.
//! Generic over the terminal's backend and the source of its messages, so that a test drives it with
//! a script of messages on a `TestBackend`, without a terminal.

use std::io;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crossterm::event::{self, Event, KeyEventKind, KeyModifiers, MouseEventKind};
use ratatui::backend::Backend;
use ratatui::Terminal;

use crate::app::tabs::Tab;
use crate::app::{Action, App, Key, KeyCode, Mouse, MouseKind};
use crate::link::LinkEvent;
use crate::progress;
use crate::ui;
use crate::ui::loading::Loading;
use crate::watch::{Reload, Watcher};

use super::draw::{draw_app, draw_frame, draw_pictures, picture_palette};
use super::effects::{perform_all, Linked};
use super::messages::{self, Message, Ready, Source, Worker};
use super::{io_error, Looks, Outcome};

/// How often the loading screen's progress is drawn again, if it moved.
const LOADING_TICK: Duration = Duration::from_millis(25);
/// How often the show's clock is looked at while a show is on (it is drawn again when it moves,
/// once a second).
const CLOCK_TICK: Duration = Duration::from_millis(200);

/// What the loop starts from.
pub enum Start {
    /// The knowledge base is loading (named here, for the loading screen); a `Loaded` message brings it.
    Loading(String),
    /// The app, ready.
    Ready(Box<App>),
}

/// How the loop begins and what it keeps up with besides the terminal.
pub struct Plan {
    pub start: Start,
    /// Run on the app as soon as it exists (the tab to open, the key table, a show to present).
    pub begin: Box<dyn FnOnce(&mut App)>,
    /// A folder to reload on every change, and whether through the cache.
    pub watch: Option<(std::path::PathBuf, bool)>,
}

/// Runs until the user quits (or the source has nothing more to say), drawing on `terminal`.
pub fn event_loop<B: Backend, S: Source>(
    terminal: &mut Terminal<B>,
    source: &mut S,
    looks: &mut Looks,
    plan: Plan,
) -> io::Result<Outcome>
where
    B::Error: Send + Sync + 'static,
{
    let (app, ready, typed) = match plan.start {
        Start::Ready(app) => (*app, None, Vec::new()),
        Start::Loading(what) => match wait_for_load(terminal, source, looks, &what)? {
            Waited::Loaded(ready, typed) => {
                let ready = *ready;
                let size = terminal.size().map_err(io_error)?;
                let app = App::with_lists(ready.lists, size.width, size.height);
                (app, Some((ready.index, ready.store, ready.notes)), typed)
            }
            Waited::Cancelled => return Ok(Outcome::Quit),
            Waited::Failed(problems) => return Ok(Outcome::Problems(problems)),
            Waited::LoaderFailed => return Ok(Outcome::LoaderFailed),
        },
    };
    let (index, store, notes) = ready.unwrap_or_default();
    let mut explorer = Explorer::new(app, source, looks);
    let app = &mut explorer.app;
    match index {
        Some(index) => app.set_index(index),
        None if !app.search_ready() => messages::build_index(Arc::clone(&app.kb), store, 0, source.sender()),
        None => {}
    }
    (plan.begin)(app);
    // What the cache had to say (rebuilt, and why), where the user sees it.
    notes.into_iter().for_each(|note| app.update(Action::Report(note)));
    // What the user typed while waiting, as if typed now.
    typed.into_iter().for_each(|event| handle(app, event));
    explorer.watch(plan.watch, source);
    explorer.run(terminal, source, looks)
}

/// How the wait on the loading screen ended.
enum Waited {
    /// Loaded, with the events that came meanwhile.
    Loaded(Box<Ready>, Vec<Event>),
    Cancelled,
    Failed(crate::kb::Problems),
    LoaderFailed,
}

/// Shows the loading screen until the knowledge base arrives, keeping what the user types meanwhile;
/// Ctrl-C cancels. What comes after the knowledge base stays in the channel, for the explorer.
fn wait_for_load<B: Backend, S: Source>(
    terminal: &mut Terminal<B>,
    source: &mut S,
    looks: &mut Looks,
    what: &str,
) -> io::Result<Waited>
where
    B::Error: Send + Sync + 'static,
{
    let started = Instant::now();
    let mut typed = Vec::new();
    source.tick_every(Some(LOADING_TICK));
    loop {
        let screen = Loading {
            what: what.to_string(),
            progress: progress::snapshot(),
            elapsed: started.elapsed(),
        };
        let theme = looks.theme;
        draw_frame(terminal, |frame| ui::loading::draw(frame, &screen, &theme), &[], looks)?;
        // Everything already there, before drawing again; nothing more can come: the loader is gone.
        let Some(mut message) = source.next() else {
            return Ok(Waited::LoaderFailed);
        };
        loop {
            if let Some(waited) = while_loading(message, &mut typed)? {
                source.tick_every(None);
                return Ok(waited);
            }
            match source.ready() {
                Some(more) => message = more,
                None => break,
            }
        }
    }
}

/// A message on the loading screen: whether the wait is over.
fn while_loading(message: Message, typed: &mut Vec<Event>) -> io::Result<Option<Waited>> {
    Ok(match message {
        Message::Input(event) if is_ctrl_c(&event) => Some(Waited::Cancelled),
        Message::Input(event) => {
            typed.extend(keeps(&event).then_some(event));
            None
        }
        Message::InputFailed(e) => return Err(e),
        Message::Loaded(loaded) => Some(match *loaded {
            Ok(ready) => Waited::Loaded(Box::new(ready), std::mem::take(typed)),
            Err(problems) => Waited::Failed(problems),
        }),
        Message::Failed(Worker::Loader, _) => Some(Waited::LoaderFailed),
        // Nothing else is started before the knowledge base is there.
        Message::Failed(Worker::Index | Worker::Lists, _)
        | Message::Index(..)
        | Message::Lists(..)
        | Message::Reload(_)
        | Message::Link(..)
        | Message::Tick => None,
    })
}

/// The explorer running: the app, and what keeps it up to date.
struct Explorer {
    app: App,
    /// Which knowledge base the app holds: 0 the first, one more for each reload. An index or lists
    /// built for an older one are dropped when they come.
    generation: u64,
    linked: Linked,
    images: crate::images::Images,
    /// Kept, it keeps watching; its reloads arrive already validated.
    watcher: Option<Watcher>,
    /// The latest reload not yet taken in: of several saves before a frame, only the last counts.
    reload: Option<Box<Reload>>,
}

impl Explorer {
    fn new<S: Source>(mut app: App, source: &S, looks: &Looks) -> Explorer {
        messages::build_lists(app.pending_lists(), Arc::clone(&app.kb), 0, source.sender());
        app.update(Action::Tick(std::time::SystemTime::now()));
        Explorer {
            app,
            generation: 0,
            linked: Linked {
                link: None,
                generation: 0,
                messages: source.sender(),
            },
            images: crate::images::Images::new(looks.graphics, picture_palette(looks.name)),
            watcher: None,
            reload: None,
        }
    }

    /// Reloads `dir` on every change, through the cache or not.
    fn watch<S: Source>(&mut self, watch: Option<(std::path::PathBuf, bool)>, source: &S) {
        let Some((dir, use_cache)) = watch else { return };
        match messages::watch(dir, use_cache, source.sender()) {
            Ok(watcher) => self.watcher = Some(watcher),
            Err(e) => self
                .app
                .update(Action::Report(format!("Not reloading on changes: {e:#}"))),
        }
    }

    fn run<B: Backend, S: Source>(
        mut self,
        terminal: &mut Terminal<B>,
        source: &mut S,
        looks: &mut Looks,
    ) -> io::Result<Outcome>
    where
        B::Error: Send + Sync + 'static,
    {
        loop {
            self.take_reload(source);
            self.app.update(Action::Tick(std::time::SystemTime::now()));
            perform_all(&mut self.app, terminal, looks, &mut self.linked)?;
            if self.app.quit {
                break;
            }
            // One search for everything typed since the last frame, not one per key.
            self.app.refresh();
            draw_app(terminal, &self.app, looks)?;
            draw_pictures(terminal, &mut self.images, &self.app, looks)?;
            source.tick_every(self.app.show().is_some().then_some(CLOCK_TICK));
            let Some(mut message) = source.next() else { break };
            // Everything already there before drawing again: a fast typist or a paste costs one
            // search and one frame, not one per key.
            loop {
                self.take(message)?;
                if self.app.quit {
                    break;
                }
                match source.ready() {
                    Some(more) => message = more,
                    None => break,
                }
            }
        }
        drop(self.watcher);
        // The process ends next: freeing every record one by one would only delay the prompt.
        std::mem::forget(self.app);
        Ok(Outcome::Quit)
    }

    /// Takes in one message.
    fn take(&mut self, message: Message) -> io::Result<()> {
        let app = &mut self.app;
        let current = self.generation;
        match message {
            Message::Input(event) => handle(app, event),
            Message::InputFailed(e) => return Err(e),
            Message::Index(generation, index) if generation == current => app.set_index(*index),
            Message::Lists(generation, lists) if generation == current => {
                lists.into_iter().for_each(|list| app.set_rows(list));
            }
            // A builder that went away without its result panicked: the panic hook has restored the
            // terminal already, and the explorer must not go on unseen behind the shell.
            Message::Failed(Worker::Index, generation) if generation == current && !app.search_ready() => {
                return Err(io::Error::other("the search index could not be built"));
            }
            Message::Failed(Worker::Lists, generation)
                if generation == current && Tab::ALL.iter().any(|&t| app.building(t)) =>
            {
                return Err(io::Error::other("the explorer's lists could not be built"));
            }
            Message::Reload(reload) => self.reload = Some(reload),
            Message::Link(generation, event) if generation == self.linked.generation => {
                app.update(match event {
                    LinkEvent::State(state) => Action::Synced(state),
                    LinkEvent::Welcome(state) => Action::Welcomed(state),
                    LinkEvent::AlreadyPresented => Action::AlreadyPresented,
                });
            }
            // What was built for an older knowledge base or said on a link since left; a failure
            // that no longer matters; the knowledge base, which comes once; time passing (the clock
            // is read after every message).
            Message::Index(..)
            | Message::Lists(..)
            | Message::Failed(..)
            | Message::Link(..)
            | Message::Loaded(_)
            | Message::Tick => {}
        }
        Ok(())
    }

    /// The latest reload taken in: the new knowledge base, its index and lists built off this thread
    /// (and saved with it, so that the next start and the next reload parse only what changes), or
    /// its problems.
    fn take_reload<S: Source>(&mut self, source: &S) {
        let Some(reload) = self.reload.take() else { return };
        let reload = *reload;
        let clock = reload.clock();
        match reload.result {
            Ok(kb) => {
                let kb = Arc::new(kb);
                self.generation += 1;
                messages::build_index(Arc::clone(&kb), reload.store, self.generation, source.sender());
                self.app.reloaded(kb);
                // The lists of every result, at 100,000 of them.
                let jobs = self.app.pending_lists();
                messages::build_lists(jobs, Arc::clone(&self.app.kb), self.generation, source.sender());
                let total = crate::document::format::thousands(self.app.kb.total_records());
                self.app
                    .update(Action::Report(format!("Reloaded at {clock}: {total} records")));
            }
            Err(problems) => self.app.reload_failed(problems),
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

/// A terminal event in the app's terms.
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
                MouseEventKind::Up(_)
                | MouseEventKind::Drag(_)
                | MouseEventKind::Moved
                | MouseEventKind::ScrollLeft
                | MouseEventKind::ScrollRight => return,
            };
            app.update(Action::Mouse(Mouse {
                kind,
                column: m.column,
                row: m.row,
            }));
        }
        Event::Resize(w, h) => app.update(Action::Resize(w, h)),
        Event::Paste(text) => app.update(Action::Paste(text)),
        Event::Key(_) | Event::FocusGained | Event::FocusLost => {}
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
