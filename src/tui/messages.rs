//! The one channel of messages the event loop waits on, and everything that writes to it: the
//! terminal's reader, the loader, the builders of the index and of the lists, the folder watcher, the
//! presenter link and the ticker of the loading screen and the show's clock.

use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use crossterm::event::{self, Event};

use crate::app::{BuiltList, ListJob, Lists};
use crate::cache::Loaded;
use crate::kb::{KnowledgeBase, Problems};
use crate::link::LinkEvent;
use crate::progress;
use crate::search::SearchIndex;
use crate::watch::{Reload, Watcher};

/// Something that happened, for the event loop to take in.
pub enum Message {
    /// A key, paste, resize or mouse event from the terminal.
    Input(Event),
    /// The terminal can no longer be read.
    InputFailed(std::io::Error),
    /// The knowledge base, or what stops it from loading.
    Loaded(Box<Result<Ready, Problems>>),
    /// The search index of the knowledge base of that generation (the first is 0; each reload is
    /// the next).
    Index(u64, Box<SearchIndex>),
    /// The lists of every result, for that generation.
    Lists(u64, Vec<BuiltList>),
    /// A worker of that generation ended without its result: it panicked (the panic hook has said why).
    Failed(Worker, u64),
    /// The watched folder, loaded again after a change.
    Reload(Box<Reload>),
    /// What another view of the show said, on the link joined that many times before.
    Link(u64, LinkEvent),
    /// Time passed: the loading screen's progress and the show's clock are drawn again if they moved.
    Tick,
}

/// The threads whose end the loop must hear of, result or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Worker {
    Loader,
    Index,
    Lists,
}

/// What the loader hands over: the explorer's small lists built, and what the event loop needs besides.
pub struct Ready {
    pub lists: Lists,
    pub index: Option<SearchIndex>,
    pub store: Option<crate::cache::Store>,
    /// What the cache had to say (rebuilt, and why), for the status line.
    pub notes: Vec<String>,
}

impl Ready {
    /// A knowledge base as the loader would hand it over, its index still to be built.
    pub fn new(kb: KnowledgeBase) -> Ready {
        Ready::from(Loaded {
            kb,
            index: None,
            store: None,
            notes: Vec::new(),
        })
    }
}

impl From<Loaded> for Ready {
    fn from(loaded: Loaded) -> Ready {
        Ready {
            lists: Lists::small(Arc::new(loaded.kb)),
            index: loaded.index,
            store: loaded.store,
            notes: loaded.notes,
        }
    }
}

/// Where the event loop's messages come from: the terminal, the workers and the ticker of a real run
/// (`Channel`), or a test's script.
pub trait Source {
    /// The next message, waiting for it as long as it takes; `None` once no more can come.
    fn next(&mut self) -> Option<Message>;
    /// The next message if one has come already, without waiting.
    fn ready(&mut self) -> Option<Message>;
    /// Where the workers the loop starts (index, lists, watcher, presenter link) send what they make.
    fn sender(&self) -> Sender<Message>;
    /// `Tick`s every `period` from now on, or none.
    fn tick_every(&mut self, period: Option<Duration>);
}

/// The channel of a real run, with its ticker.
pub struct Channel {
    sender: Sender<Message>,
    receiver: Receiver<Message>,
    ticker: Arc<Ticker>,
}

/// The ticker's period, which the loop changes, and whether the channel is gone.
#[derive(Default)]
struct Ticker {
    state: Mutex<(Option<Duration>, bool)>,
    changed: Condvar,
}

impl Channel {
    /// A channel and its ticker thread, ticking at no period yet.
    pub fn new() -> Channel {
        let (sender, receiver) = mpsc::channel();
        let ticker = Arc::new(Ticker::default());
        let (ticks, tocks) = (sender.clone(), Arc::clone(&ticker));
        std::thread::spawn(move || tick(&tocks, &ticks));
        Channel {
            sender,
            receiver,
            ticker,
        }
    }
}

impl Default for Channel {
    fn default() -> Channel {
        Channel::new()
    }
}

impl Drop for Channel {
    fn drop(&mut self) {
        if let Ok(mut state) = self.ticker.state.lock() {
            state.1 = true;
        }
        self.ticker.changed.notify_all();
    }
}

/// Sends a `Tick` every period the ticker holds, for as long as it holds one, until the channel goes.
fn tick(ticker: &Ticker, ticks: &Sender<Message>) {
    let Ok(mut state) = ticker.state.lock() else { return };
    loop {
        state = match *state {
            (_, true) => return,
            (None, false) => match ticker.changed.wait(state) {
                Ok(state) => state,
                Err(_) => return,
            },
            (Some(period), false) => match ticker.changed.wait_timeout(state, period) {
                // Woken by a change of period: wait again, for the new one.
                Ok((state, waited)) if !waited.timed_out() => state,
                Ok((state, _)) => {
                    if state.0.is_some() && ticks.send(Message::Tick).is_err() {
                        return;
                    }
                    state
                }
                Err(_) => return,
            },
        };
    }
}

impl Source for Channel {
    fn next(&mut self) -> Option<Message> {
        self.receiver.recv().ok()
    }

    fn ready(&mut self) -> Option<Message> {
        self.receiver.try_recv().ok()
    }

    fn sender(&self) -> Sender<Message> {
        self.sender.clone()
    }

    fn tick_every(&mut self, period: Option<Duration>) {
        let Ok(mut state) = self.ticker.state.lock() else {
            return;
        };
        if state.0 != period {
            state.0 = period;
            self.ticker.changed.notify_all();
        }
    }
}

/// Reads the terminal on a thread of its own, every event a message, until the loop is gone.
pub fn read_terminal(messages: Sender<Message>) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name("ipec-input".into())
        .spawn(move || loop {
            let message = match event::read() {
                Ok(event) => Message::Input(event),
                Err(e) => {
                    let _ = messages.send(Message::InputFailed(e));
                    return;
                }
            };
            if messages.send(message).is_err() {
                return;
            }
        })?;
    Ok(())
}

/// Sends `Failed` when dropped unsent: a worker that panics says so by unwinding through it.
struct Promise {
    messages: Sender<Message>,
    failed: Option<Message>,
}

impl Promise {
    fn new(messages: Sender<Message>, worker: Worker, generation: u64) -> Promise {
        Promise {
            messages,
            failed: Some(Message::Failed(worker, generation)),
        }
    }

    fn keep(mut self, message: Message) {
        self.failed = None;
        let _ = self.messages.send(message);
    }
}

impl Drop for Promise {
    fn drop(&mut self) {
        if let Some(failed) = self.failed.take() {
            let _ = self.messages.send(failed);
        }
    }
}

/// The knowledge base, loading on a thread of its own, then the explorer's small lists built there too
/// (the lists of every result are built once the explorer runs).
pub fn spawn_loader(
    load: impl FnOnce() -> Result<Loaded, Problems> + Send + 'static,
    messages: Sender<Message>,
) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name("ipec-loader".into())
        // Deep TOML and the cache reader recurse; the main thread they ran on before had 8 MiB. Reserved,
        // not committed.
        .stack_size(crate::par::STACK)
        .spawn(move || {
            let promise = Promise::new(messages, Worker::Loader, 0);
            progress::reset();
            let ready = load().map(|loaded| {
                progress::begin(progress::Stage::PreparingViews, 0);
                Ready::from(loaded)
            });
            promise.keep(Message::Loaded(Box::new(ready)));
        })?;
    Ok(())
}

/// Builds the lists of every result on a thread of their own (0.2-0.3 s at 100,000 results), for the
/// tabs whose list is still `Building`: the explorer answers keys and searches meanwhile.
pub fn build_lists(
    jobs: Vec<(crate::app::tabs::Tab, ListJob)>,
    kb: Arc<KnowledgeBase>,
    generation: u64,
    messages: Sender<Message>,
) {
    if jobs.is_empty() {
        return;
    }
    std::thread::spawn(move || {
        let promise = Promise::new(messages, Worker::Lists, generation);
        promise.keep(Message::Lists(generation, ListJob::build_all(&jobs, &kb)));
    });
}

/// Builds the search index on its own thread, so the explorer answers keys at once even when the
/// knowledge base is large (1-2 s to index 100,000 achievements); then saves both to the cache, for the
/// next start.
pub fn build_index(
    kb: Arc<KnowledgeBase>,
    store: Option<crate::cache::Store>,
    generation: u64,
    messages: Sender<Message>,
) {
    std::thread::spawn(move || {
        let promise = Promise::new(messages, Worker::Index, generation);
        let index = SearchIndex::build(&kb);
        let saving = store.map(|store| (store, index.clone()));
        // The app may have quit already; then nobody is listening, which is fine.
        promise.keep(Message::Index(generation, Box::new(index)));
        if let Some((store, index)) = saving {
            store.save(&kb, Some(&index));
        }
    });
}

/// Watches a folder, every reload a message; the watcher watches for as long as it is kept.
pub fn watch(dir: std::path::PathBuf, use_cache: bool, messages: Sender<Message>) -> anyhow::Result<Watcher> {
    let (watcher, reloads) = Watcher::spawn(dir, use_cache)?;
    std::thread::spawn(move || {
        for reload in reloads {
            if messages.send(Message::Reload(Box::new(reload))).is_err() {
                return;
            }
        }
    });
    Ok(watcher)
}
