//! The event loop without a terminal: a script of messages fed to it one by one (or all at once, as a
//! burst), the frames it writes to a `TestBackend` counted and read. A message that changes nothing on
//! the screen writes no frame; a key that changes it writes exactly one; a burst of keys writes one;
//! keys typed on the loading screen are replayed into the explorer; Ctrl-C there quits at once.

mod common;

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::Duration;

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers, MouseEvent, MouseEventKind,
};
use ipec::app::present::ShowState;
use ipec::kb::{DataSource, KnowledgeBase};
use ipec::link::LinkEvent;
use ipec::tui::event_loop::{event_loop, Plan, Start};
use ipec::tui::messages::{Message, Ready, Source, Worker};
use ipec::tui::{Looks, Outcome};
use ipec::ui::ThemeName;
use ratatui::backend::{Backend, ClearType, TestBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::Terminal;

/// A `TestBackend` that keeps the screen as it was after each frame written (each flush).
struct Recording {
    inner: TestBackend,
    frames: Rc<RefCell<Vec<String>>>,
}

impl Backend for Recording {
    type Error = std::convert::Infallible;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.inner.draw(content)
    }
    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }
    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }
    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }
    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()
    }
    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)
    }
    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }
    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }
    fn flush(&mut self) -> Result<(), Self::Error> {
        let buffer = self.inner.buffer();
        let text = (0..buffer.area.height)
            .map(|y| {
                (0..buffer.area.width)
                    .map(|x| buffer[(x, y)].symbol().to_string())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n");
        self.frames.borrow_mut().push(text);
        self.inner.flush()
    }
}

/// The messages of a test, in order. `burst`: all of them already there at once (the loop takes them
/// in before drawing); else one at a time, each drawn for before the next comes. When the script is
/// done, nothing more can come, and the loop ends. What the workers the loop starts send is kept
/// apart, for the test to read, so that when it comes never changes what the loop is fed.
struct Script {
    script: VecDeque<Message>,
    burst: bool,
    workers: (Sender<Message>, Receiver<Message>),
    /// How many frames had been written when the loop asked for each message.
    frames_before: Vec<usize>,
    frames: Rc<RefCell<Vec<String>>>,
    /// The tick periods the loop asked for, in order.
    ticks: Vec<Option<Duration>>,
}

impl Source for Script {
    fn next(&mut self) -> Option<Message> {
        self.frames_before.push(self.frames.borrow().len());
        self.script.pop_front()
    }

    fn ready(&mut self) -> Option<Message> {
        if self.burst {
            self.script.pop_front()
        } else {
            None
        }
    }

    fn sender(&self) -> Sender<Message> {
        self.workers.0.clone()
    }

    fn tick_every(&mut self, period: Option<Duration>) {
        if self.ticks.last() != Some(&period) {
            self.ticks.push(period);
        }
    }
}

/// What a run of the loop did.
struct Run {
    outcome: Outcome,
    frames: Vec<String>,
    frames_before: Vec<usize>,
    ticks: Vec<Option<Duration>>,
    /// The messages the loop never took.
    left: usize,
    /// What the workers it started sent.
    workers: Receiver<Message>,
}

fn run(start: Start, messages: Vec<Message>, burst: bool) -> Run {
    let frames = Rc::new(RefCell::new(Vec::new()));
    let backend = Recording {
        inner: TestBackend::new(120, 40),
        frames: Rc::clone(&frames),
    };
    let mut terminal = Terminal::new(backend).expect("a test terminal");
    // Making the terminal cleared it: that is not one of the loop's frames.
    frames.borrow_mut().clear();
    let mut script = Script {
        script: messages.into(),
        burst,
        workers: mpsc::channel(),
        frames_before: Vec::new(),
        frames: Rc::clone(&frames),
        ticks: Vec::new(),
    };
    let mut looks = Looks::plain(ThemeName::Dark);
    let plan = Plan {
        start,
        begin: Box::new(|_| {}),
        watch: None,
    };
    let outcome = event_loop(&mut terminal, &mut script, &mut looks, plan).expect("the loop runs");
    let frames = frames.borrow().clone();
    Run {
        outcome,
        frames,
        frames_before: script.frames_before,
        ticks: script.ticks,
        left: script.script.len(),
        workers: script.workers.1,
    }
}

fn explorer() -> Start {
    Start::Ready(Box::new(common::app(120, 40)))
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> Message {
    Message::Input(Event::Key(KeyEvent {
        code,
        modifiers,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    }))
}

fn ch(c: char) -> Message {
    key(KeyCode::Char(c), KeyModifiers::NONE)
}

fn ctrl_c() -> Message {
    key(KeyCode::Char('c'), KeyModifiers::CONTROL)
}

fn mouse_moved() -> Message {
    Message::Input(Event::Mouse(MouseEvent {
        kind: MouseEventKind::Moved,
        column: 3,
        row: 3,
        modifiers: KeyModifiers::NONE,
    }))
}

fn builtin() -> KnowledgeBase {
    KnowledgeBase::builtin().expect("the built-in knowledge base loads")
}

#[test]
fn messages_that_change_nothing_draw_nothing_and_a_key_draws_one_frame() {
    let show = ShowState {
        step: 4,
        reveal: 0,
        blank: false,
        started_ms: 0,
        fresh: false,
    };
    let run = run(
        explorer(),
        vec![
            Message::Tick,
            mouse_moved(),
            Message::Input(Event::FocusGained),
            // Said on a link this explorer never joined, and a failure of a builder it never started.
            Message::Link(7, LinkEvent::State(show)),
            Message::Failed(Worker::Index, 7),
            ch('?'),
            Message::Tick,
            ch('?'),
            ctrl_c(),
            // Never taken: Ctrl-C quit at once.
            ch('?'),
        ],
        false,
    );
    assert!(matches!(run.outcome, Outcome::Quit), "{:?}", run.outcome);
    assert_eq!(run.left, 1, "the key after Ctrl-C is never taken");
    // One frame before the first message; none for the five that change nothing; one for each `?`.
    assert_eq!(run.frames_before, [1, 1, 1, 1, 1, 1, 2, 2, 3]);
    assert_eq!(run.frames.len(), 3, "Ctrl-C quits without drawing");
    assert!(run.frames[0].contains("Overview"), "{}", run.frames[0]);
    assert!(
        run.frames[1].contains("Keys and how ipec works"),
        "the help is open:\n{}",
        run.frames[1]
    );
    assert!(
        !run.frames[2].contains("Keys and how ipec works"),
        "the help is closed:\n{}",
        run.frames[2]
    );
    assert_eq!(
        run.frames[2], run.frames[0],
        "closing the help brings the same screen back"
    );
    assert_eq!(run.ticks, [None], "no clock runs in the explorer");
}

#[test]
fn a_burst_of_keys_is_one_frame() {
    let run = run(explorer(), vec![ch('?'), ch('j'), ch('j'), ch('j'), ctrl_c()], true);
    assert!(matches!(run.outcome, Outcome::Quit));
    assert_eq!(run.frames.len(), 1, "the burst ends in Ctrl-C, before a frame is drawn");
    let run = self::run(explorer(), vec![ch('?'), ch('j'), ch('j'), ch('j')], true);
    assert_eq!(run.frames_before, [1, 2], "four keys, one frame");
    assert!(run.frames[1].contains("Keys and how ipec works"), "{}", run.frames[1]);
}

#[test]
fn keys_typed_while_loading_are_replayed_into_the_explorer() {
    let mut messages: Vec<Message> = "/ghana".chars().map(ch).collect();
    messages.push(mouse_moved());
    messages.push(Message::Loaded(Box::new(Ok(Ready::new(builtin())))));
    let run = run(Start::Loading("the test's data".into()), messages, false);
    assert!(
        matches!(run.outcome, Outcome::Quit),
        "the script ended: {:?}",
        run.outcome
    );
    let first = run.frames.first().expect("the loading screen is drawn");
    assert!(first.contains("what you type now is kept"), "{first}");
    let last = run.frames.last().expect("the explorer is drawn");
    assert!(last.contains("› ghana"), "the search has what was typed:\n{last}");
    assert_eq!(
        run.ticks.first(),
        Some(&Some(Duration::from_millis(25))),
        "the loading screen ticks"
    );
    assert_eq!(run.ticks.get(1), Some(&None), "the explorer does not");
}

#[test]
fn ctrl_c_on_the_loading_screen_quits_at_once() {
    let messages = vec![ch('x'), ctrl_c(), Message::Loaded(Box::new(Ok(Ready::new(builtin()))))];
    let run = run(Start::Loading("the test's data".into()), messages, true);
    assert!(matches!(run.outcome, Outcome::Quit), "{:?}", run.outcome);
    assert_eq!(run.left, 1, "the knowledge base that came after Ctrl-C is never taken");
    assert_eq!(run.frames.len(), 1, "only the loading screen was drawn");
    assert!(run.frames[0].contains("Ctrl-C cancels"), "{}", run.frames[0]);
}

#[test]
fn the_loaders_problems_or_its_panic_end_the_loop() {
    let broken = DataSource::Dir("tests/fixtures/invalid/not-toml".into());
    let problems = KnowledgeBase::load(&broken).expect_err("the broken fixture has problems");
    let count = problems.len();
    let run = run(
        Start::Loading("broken".into()),
        vec![ch('j'), Message::Loaded(Box::new(Err(problems)))],
        false,
    );
    assert!(
        matches!(&run.outcome, Outcome::Problems(p) if p.len() == count),
        "{:?}",
        run.outcome
    );
    let run = self::run(
        Start::Loading("broken".into()),
        vec![Message::Failed(Worker::Loader, 0)],
        false,
    );
    assert!(matches!(run.outcome, Outcome::LoaderFailed), "{:?}", run.outcome);
}

fn reload(result: Result<KnowledgeBase, ipec::kb::Problems>) -> Message {
    Message::Reload(Box::new(ipec::watch::Reload {
        result,
        store: None,
        checked_at: std::time::SystemTime::now(),
        took: Duration::from_millis(1),
    }))
}

/// What the workers the loop started sent, until they sent an index.
fn index_generation(workers: &Receiver<Message>) -> u64 {
    loop {
        match workers.recv_timeout(Duration::from_secs(30)) {
            Ok(Message::Index(generation, _)) => return generation,
            Ok(_) => continue,
            Err(e) => panic!("no index was built: {e}"),
        }
    }
}

#[test]
fn a_reload_is_taken_in_said_and_indexed_as_the_next_generation() {
    let run = run(explorer(), vec![reload(Ok(builtin()))], false);
    let last = run.frames.last().expect("a frame");
    assert_eq!(run.frames.len(), 2, "the reload is one frame");
    assert!(last.contains("Reloaded at"), "{last}");
    assert_eq!(
        index_generation(&run.workers),
        1,
        "the reloaded knowledge base is indexed"
    );
}

#[test]
fn of_a_burst_of_reloads_only_the_last_counts() {
    let broken = KnowledgeBase::load(&DataSource::Dir("tests/fixtures/invalid/not-toml".into()));
    assert!(broken.is_err(), "the broken fixture has problems");
    let run = run(
        explorer(),
        vec![reload(Ok(builtin())), reload(broken), reload(Ok(builtin()))],
        true,
    );
    let last = run.frames.last().expect("a frame");
    assert_eq!(run.frames.len(), 2, "three reloads, one frame");
    assert!(last.contains("Reloaded at"), "only the last counts:\n{last}");
    assert_eq!(index_generation(&run.workers), 1, "one new knowledge base, not two");
}
