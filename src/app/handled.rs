//! Every binding of the key table does something in its context: pressed in a state where its context is
//! in force and the key is its own there, it changes the app's state, says something in the status line,
//! or asks the terminal layer for an effect. A binding whose handler drops its action fails here, and the
//! handlers' exhaustive matches make the compiler ask where a new action goes.

use std::cell::RefCell;

use super::keys::{Context, BINDINGS};
use super::present::Screen;
use super::{App, Key, KeyCode, LinkNote, Mode};
use crate::kb::{KnowledgeBase, Problem, Problems};

/// A state to press keys in: keys from the start, then a change no key makes in a test (a problem
/// report, the trainer's console, another projector).
struct Scenario {
    keys: &'static str,
    then: fn(&mut App),
}

const fn keys(keys: &'static str) -> Scenario {
    Scenario { keys, then: |_| {} }
}

/// The states in which a context's keys are tried; a binding passes when it does something in one of
/// them. Exhaustive, so that a new context comes with its states.
fn scenarios(context: Context) -> Vec<Scenario> {
    match context {
        Context::Always => vec![keys("5jj")],
        // A list in the middle, a tab by its first digit, a filter kept (for Back), the detail pane.
        Context::Browse => vec![keys("5jjjjjjjjjj"), keys("1"), keys("5fgh<Enter>"), keys("5jj<Enter>")],
        Context::List => vec![keys("5jjjj")],
        Context::Regions => vec![keys("5")],
        Context::Map => vec![keys("6j")],
        Context::Timeline => vec![keys("8")],
        Context::Matrix => vec![keys("3"), keys("3jl")],
        Context::Detail => vec![keys("5jj<Enter>"), keys("5jj<Enter>jj")],
        Context::Filter => vec![keys("5fa"), keys("5fa<Down>")],
        Context::Palette => vec![keys("/a"), keys("/a<Down><Down>"), keys("/a<PgDn>")],
        // The cursor inside a word, so that every move and every deletion has something to do.
        Context::Typing => vec![keys("/ghana fish<Left><Left>")],
        Context::Help => vec![keys("?jj")],
        // A step number typed, for Enter to go to.
        Context::Present => vec![
            keys("0jp"),
            keys("0jp2"),
            Scenario {
                keys: "0jp",
                then: |app| with_show(app, |show| show.state.step = 2),
            },
        ],
        Context::Console => vec![Scenario {
            keys: "0jp",
            then: |app| {
                with_show(app, |show| {
                    show.screen = Screen::Presenter;
                    show.notes_scroll = 2;
                })
            },
        }],
        Context::Follow => vec![Scenario {
            keys: "0jp",
            then: |app| with_show(app, |show| show.asked_to_follow = true),
        }],
        Context::Problems => vec![Scenario {
            keys: "5",
            then: |app| {
                let problem = |line| Problem::new("countries.toml", line, 1, "a problem");
                app.problems = Some(Problems(vec![problem(1), problem(2), problem(3)]));
                app.mode = Mode::Problems { scroll: 1 };
            },
        }],
        Context::Link => vec![Scenario {
            keys: "5",
            then: |app| {
                app.mode = Mode::Link(LinkNote {
                    url: "https://www.ilo.org/".into(),
                    said: "Opened in the browser".into(),
                })
            },
        }],
    }
}

fn with_show(app: &mut App, change: impl FnOnce(&mut super::present::Show)) {
    match &mut app.mode {
        Mode::Present(show) => change(show),
        other => panic!("not presenting: {other:?}"),
    }
}

/// Presses keys written as the tests write them: characters, `<Enter>`, `<Down>`, `<Left>`, `<PgDn>`.
fn press(app: &mut App, keys: &str) {
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        let (key, len) = match rest.find('>').filter(|_| c == '<') {
            Some(end) => {
                let code = match &rest[1..end] {
                    "Enter" => KeyCode::Enter,
                    "Down" => KeyCode::Down,
                    "Left" => KeyCode::Left,
                    "PgDn" => KeyCode::PageDown,
                    other => panic!("no key <{other}> here"),
                };
                (Key::plain(code), end + 1)
            }
            None => (Key::ch(c), c.len_utf8()),
        };
        app.key(key);
        app.refresh();
        rest = &rest[len..];
    }
}

/// What a key can change, as it can be compared and put back.
#[derive(Clone)]
struct Saved {
    mode: Mode,
    tab: super::Tab,
    states: Vec<super::TabState>,
    rows: Vec<super::Rows>,
    visible: Vec<Vec<usize>>,
    counts: Vec<(usize, usize)>,
    history: Vec<super::Location>,
    problems: Option<Problems>,
}

impl Saved {
    fn of(app: &App) -> Saved {
        Saved {
            mode: app.mode.clone(),
            tab: app.tab,
            states: app.states.clone(),
            rows: app.rows.clone(),
            visible: app.visible.clone(),
            counts: app.counts.clone(),
            history: app.history.clone(),
            problems: app.problems.clone(),
        }
    }

    fn restore(&self, app: &mut App) {
        let saved = self.clone();
        app.mode = saved.mode;
        app.tab = saved.tab;
        app.states = saved.states;
        app.rows = saved.rows;
        app.visible = saved.visible;
        app.counts = saved.counts;
        app.history = saved.history;
        app.problems = saved.problems;
        app.status = None;
        app.quit = false;
        app.effects.clear();
        app.cache = RefCell::new(None);
    }

    /// What the user would see change (the rows only by their selection and filter, through `states`,
    /// `visible` and `counts`).
    fn seen(app: &App) -> String {
        let mode = match &app.mode {
            // A show's slides are big and never change with a key: its state, notes and typing do.
            Mode::Present(show) => format!(
                "{:?} {} {} {:?} {:?} {}",
                show.state, show.notes, show.notes_scroll, show.typed, show.screen, show.asked_to_follow
            ),
            other => format!("{other:?}"),
        };
        format!(
            "{mode} {:?} {:?} {:?} {:?} {} {:?} {}",
            app.tab,
            app.states,
            app.visible,
            app.counts,
            app.history.len(),
            app.status,
            app.quit
        )
    }
}

/// Whether `key` finds this binding's context first among those in force (no other binding shadows it).
fn finds(contexts: &[Context], key: Key, context: Context) -> bool {
    let first = contexts
        .iter()
        .find(|&&c| BINDINGS.iter().any(|b| b.context == c && b.keys.contains(&key)));
    first == Some(&context)
}

#[test]
fn every_binding_does_something_in_its_context() {
    let kb = KnowledgeBase::builtin().expect("the built-in knowledge base");
    let mut app = App::new(kb, 120, 40);
    let start = Saved::of(&app);
    // (context, key, what the help says it does) not yet seen doing anything.
    let mut left: Vec<(Context, Key, &str)> = BINDINGS
        .iter()
        .flat_map(|b| b.keys.iter().map(move |&k| (b.context, k, b.help)))
        .collect();
    let contexts: Vec<Context> = BINDINGS.iter().fold(Vec::new(), |mut all, b| {
        if !all.contains(&b.context) {
            all.push(b.context);
        }
        all
    });
    for context in contexts {
        for scenario in scenarios(context) {
            start.restore(&mut app);
            press(&mut app, scenario.keys);
            (scenario.then)(&mut app);
            let here = Saved::of(&app);
            let active = app.contexts();
            assert!(
                active.contains(&context),
                "{:?} is not in force after {}",
                context,
                scenario.keys
            );
            left.retain(|&(c, key, _)| {
                if c != context || !finds(&active, key, context) {
                    return true;
                }
                here.restore(&mut app);
                let before = Saved::seen(&app);
                app.key(key);
                let effects = !app.take_effects().is_empty();
                !effects && Saved::seen(&app) == before
            });
        }
    }
    let left: Vec<String> = left
        .iter()
        .map(|(c, key, help)| format!("{} ({help}) in {c:?}", key.label()))
        .collect();
    assert!(
        left.is_empty(),
        "bound, but does nothing in its context:\n{}",
        left.join("\n")
    );
}
