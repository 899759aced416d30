//! Present mode: slides as the audience sees them (snapshots at three sizes in the projector theme),
//! the keys of a presentation remote, leaving back to the explorer, and random keys and resizes.

mod common;

use common::{app, press};
use ipec::app::present::SlideBody;
use ipec::app::rows::RowKey;
use ipec::app::tabs::Tab;
use ipec::app::{Action, App, Key, Mode};
use ipec::ui::Theme;
use proptest::prelude::*;

fn render_contrast(app: &App) -> String {
    common::render_with(app, &Theme::high_contrast())
}

fn presenting(id: &str, width: u16, height: u16) -> App {
    let mut app = app(width, height);
    let r = app.kb.find(id).expect("the record exists");
    app.present(r);
    app
}

fn step(app: &App) -> usize {
    app.show().map(|s| s.current()).expect("presenting")
}

/// Every slide of a tour at a size, named by tour, step and size.
fn tour_snapshots(tour: &str, width: u16, height: u16) {
    let mut app = presenting(tour, width, height);
    let n = app.show().map_or(0, |s| s.slides.len());
    for i in 0..n {
        reveal_all(&mut app);
        insta::assert_snapshot!(
            format!("slide_{tour}_{:02}_{width}x{height}", i + 1),
            render_contrast(&app)
        );
        app.update(Action::Right);
    }
}

#[test]
fn the_ten_minute_tour_at_three_sizes() {
    for (w, h) in [(80, 24), (120, 40), (200, 55)] {
        tour_snapshots("ipec-in-ten-minutes", w, h);
    }
}

#[test]
fn every_slide_of_the_other_tours_at_two_sizes() {
    for (w, h) in [(80, 24), (120, 40)] {
        tour_snapshots("supply-chains", w, h);
        tour_snapshots("forced-labour", w, h);
    }
}

/// The step (1-based) of a tour whose slide shows this view.
fn step_with(app: &App, view: fn(&SlideBody) -> bool) -> usize {
    let show = app.show().expect("presenting");
    show.slides
        .iter()
        .position(|s| view(&s.body))
        .expect("the tour has such a step")
        + 1
}

#[test]
fn a_chart_and_a_timeline_slide_at_three_sizes() {
    for (w, h) in [(80, 24), (120, 40), (200, 55)] {
        let mut app = presenting("forced-labour", w, h);
        let chart = step_with(&app, |b| matches!(b, SlideBody::Chart(_)));
        press(&mut app, &format!("{chart}<Enter>"));
        reveal_all(&mut app);
        insta::assert_snapshot!(format!("slide_chart_{w}x{h}"), render_contrast(&app));
        let timeline = step_with(&app, |b| matches!(b, SlideBody::Timeline { .. }));
        press(&mut app, &format!("{timeline}<Enter>"));
        reveal_all(&mut app);
        insta::assert_snapshot!(format!("slide_timeline_{w}x{h}"), render_contrast(&app));
    }
}

/// Presses "next" until the current slide is whole.
fn reveal_all(app: &mut App) {
    let stages = app.show().and_then(|s| s.slide()).map_or(0, |s| s.stages());
    let reveal = app.show().map_or(0, |s| s.state.reveal);
    for _ in reveal..stages {
        app.update(Action::Right);
    }
}

#[test]
fn a_step_reveals_its_points_and_number_before_the_next_slide() {
    let mut app = presenting("ipec-in-ten-minutes", 120, 40);
    let Some(at) = app.show().and_then(|s| s.slides.iter().position(|s| s.stages() > 0)) else {
        panic!("the introduction reveals something");
    };
    press(&mut app, &format!("{}<Enter>", at + 1));
    let stages = app.show().and_then(|s| s.slide()).map_or(0, |s| s.stages());
    let first = render_contrast(&app);
    app.update(Action::Right);
    assert_eq!(step(&app), at, "next reveals before it moves on");
    assert_ne!(render_contrast(&app), first, "and the reveal shows");
    for _ in 1..stages {
        app.update(Action::Right);
    }
    assert_eq!(step(&app), at);
    app.update(Action::Right);
    assert_eq!(step(&app), at + 1, "once all is revealed, next is the next slide");
    app.update(Action::Left);
    assert_eq!(
        (step(&app), app.show().map(|s| s.state.reveal)),
        (at, Some(stages)),
        "back shows it whole"
    );
    for _ in 0..stages {
        app.update(Action::Left);
    }
    assert_eq!(render_contrast(&app), first, "previous hides each reveal again");
}

#[test]
fn right_on_a_blank_projector_unblanks_without_moving() {
    let mut app = presenting("ipec-in-ten-minutes", 120, 40);
    press(&mut app, "3<Enter>b");
    assert!(app.show().is_some_and(|s| s.state.blank));
    app.update(Action::Right);
    assert!(app.show().is_some_and(|s| !s.state.blank));
    assert_eq!(step(&app), 2, "the first key only brings the slide back");
}

#[test]
fn the_console_scrolls_its_notes_without_moving_the_slide() {
    let mut app = presenting("ipec-in-ten-minutes", 60, 16);
    if let Mode::Present(show) = &mut app.mode {
        show.screen = ipec::app::present::Screen::Presenter;
    }
    let longest = app
        .show()
        .and_then(|s| (0..s.slides.len()).max_by_key(|&i| s.slides[i].notes.len()))
        .expect("slides");
    press(&mut app, &format!("{}<Enter>", longest + 1));
    let top = render_contrast(&app);
    assert!(top.contains("more lines"), "notes longer than the screen say so: {top}");
    press(&mut app, "j");
    assert_eq!(step(&app), longest, "j scrolls the notes, not the slides");
    assert!(render_contrast(&app).contains("above"), "and says what is above");
    let screen = render_contrast(&app);
    assert!(screen.contains(" elapsed") && screen.contains(" left"), "{screen}");
}

#[test]
fn a_big_number_is_never_cut() {
    // "160" in big text at 80×24 is eight rows of blocks; at 30×10 it is the plain number.
    let mut app = presenting("ipec-in-ten-minutes", 80, 24);
    press(&mut app, "1<Enter>");
    reveal_all(&mut app);
    let screen = render_contrast(&app);
    assert!(screen.matches('█').count() > 50, "{screen}");
    app.update(Action::Resize(30, 10));
    let small = render_contrast(&app);
    assert!(small.contains("160"), "{small}");
}

#[test]
fn the_keys_of_a_remote() {
    let mut app = presenting("ipec-in-ten-minutes", 120, 40);
    let last = app.show().map(|s| s.slides.len() - 1).expect("presenting");
    // Without reveals, each key is one slide.
    if let Mode::Present(show) = &mut app.mode {
        show.slides.iter_mut().for_each(|s| s.reveal = None);
    }
    press(&mut app, "<PgDn> ");
    assert_eq!(step(&app), 2, "PgDn and Space go on");
    press(&mut app, "<BS><PgUp>");
    assert_eq!(step(&app), 0, "Backspace and PgUp go back");
    press(&mut app, "<Up>");
    assert_eq!(step(&app), 0, "the first slide is as far back as it goes");
    app.key(Key::plain(ipec::app::KeyCode::End));
    assert_eq!(step(&app), last);
    app.update(Action::Right);
    assert_eq!(step(&app), last, "the last slide is as far as it goes");
    app.key(Key::plain(ipec::app::KeyCode::Home));
    assert_eq!(step(&app), 0);
    press(&mut app, "5<Enter>");
    assert_eq!(step(&app), 4, "a number then Enter jumps to that step");
    press(&mut app, "99<Enter>");
    assert_eq!(step(&app), last, "past the end is the last step");
    press(&mut app, "3<Esc>");
    assert_eq!(step(&app), last, "Esc drops a number being typed");
    assert!(app.show().is_some(), "... without leaving");
    press(&mut app, "b");
    assert!(app.show().is_some_and(|s| s.state.blank));
    // The test backend quotes each line; apart from those, nothing is drawn.
    let drawn = render_contrast(&app)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '"')
        .count();
    assert_eq!(drawn, 0, "blank means blank");
    press(&mut app, "b");
    assert!(app.show().is_some_and(|s| !s.state.blank));
    press(&mut app, "n");
    assert!(render_contrast(&app).contains("Notes"), "n shows the speaker notes");
    press(&mut app, "n");
    assert!(!render_contrast(&app).contains(" Notes "));
    press(&mut app, "q");
    assert!(app.show().is_none(), "q leaves");
}

#[test]
fn leaving_comes_back_to_the_explorer_where_it_was() {
    let mut app = app(120, 40);
    app.update(Action::GoTab(Tab::Library.index()));
    press(&mut app, "j");
    let before = (app.tab, app.current().clone(), app.detail_key());
    let Some(RowKey::Record(r)) = before.2 else {
        panic!("a tour is selected");
    };
    assert_eq!(r.kind, ipec::kb::Kind::Tour);
    press(&mut app, "p");
    assert!(matches!(app.mode, Mode::Present(_)), "p presents the tour shown");
    assert!(app.show().is_some_and(|s| s.slides.len() >= 6));
    press(&mut app, "   q");
    assert!(matches!(app.mode, Mode::Browse));
    assert_eq!((app.tab, app.current().clone(), app.detail_key()), before);
    // Any record can be presented, as one slide.
    app.update(Action::GoTab(Tab::Countries.index()));
    press(&mut app, "fghana<Enter>p");
    assert_eq!(app.show().map(|s| s.slides.len()), Some(1));
    press(&mut app, "<Esc>");
    assert_eq!(app.tab, Tab::Countries);
}

#[derive(Debug, Clone)]
enum Event {
    Key(Key),
    Resize(u16, u16),
}

fn event() -> impl Strategy<Value = Event> {
    let keys: Vec<Key> = ipec::app::keys::BINDINGS
        .iter()
        .flat_map(|b| b.keys.iter().copied())
        .filter(|k| *k != Key::ctrl('c') && *k != Key::ctrl('z'))
        .collect();
    let n = keys.len();
    prop_oneof![
        8 => (0..n).prop_map(move |i| Event::Key(keys[i])),
        1 => prop_oneof![(0u16..300, 0u16..80), Just((0u16, 0u16)), Just((1, 1)), Just((300, 80))]
            .prop_map(|(w, h)| Event::Resize(w, h)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig {
        // More with IPEC_PROPTEST_CASES=N, as the data-mutation test takes.
        cases: std::env::var("IPEC_PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(32),
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_keys_and_resizes_while_presenting_never_panic(events in proptest::collection::vec(event(), 1..120)) {
        let mut app = presenting("supply-chains", 120, 40);
        for (i, e) in events.into_iter().enumerate() {
            match e {
                Event::Key(k) => app.key(k),
                Event::Resize(w, h) => app.update(Action::Resize(w, h)),
            }
            app.refresh();
            if let Some(show) = app.show() {
                prop_assert!(show.current() < show.slides.len());
            }
            if i % 4 == 0 {
                let _ = render_contrast(&app);
            }
        }
        let _ = render_contrast(&app);
    }

    /// Every slide of every shipped tour, whole, at any size from 40×12 to 300×80: no keepers' note,
    /// a source line whenever there is room for one, and no text cut without "…".
    #[test]
    fn every_slide_at_any_size_keeps_notes_out_and_says_its_source(w in 40u16..=300, h in 12u16..=80) {
        let kb = ipec::kb::KnowledgeBase::builtin().expect("built-in knowledge base");
        let notes = keeper_notes(&kb);
        for tour in kb.refs(ipec::kb::Kind::Tour) {
            let mut app = presenting(kb.id(tour), w, h);
            let n = app.show().map_or(0, |s| s.slides.len());
            for _ in 0..n {
                reveal_all(&mut app);
                let screen = render_contrast(&app);
                let flat = fold(&screen);
                for note in &notes {
                    prop_assert!(!flat.contains(note.as_str()), "a keeper's note on a slide at {w}x{h}: {note}");
                }
                prop_assert!(!flat.contains("note:"), "{screen}");
                if h >= 16 {
                    prop_assert!(screen.contains("Source:"), "no source at {w}x{h}: {screen}");
                }
                app.update(Action::Right);
            }
        }
    }
}

/// The opening words of every sentence of every record's keepers' note, folded.
fn keeper_notes(kb: &ipec::kb::KnowledgeBase) -> Vec<String> {
    let mut notes = Vec::new();
    for kind in ipec::kb::Kind::ALL {
        for r in kb.refs(kind) {
            let note = kb.record(r).to_json().ok();
            let Some(text) = note.as_ref().and_then(|v| v.get("note")).and_then(|n| n.as_str()) else {
                continue;
            };
            for sentence in text.split(". ").filter(|s| s.len() >= 40) {
                let words = sentence.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
                notes.push(words.chars().take(40).collect());
            }
        }
    }
    notes
}

/// Lower case, one space between words, the quotes the test backend puts around each line gone.
fn fold(text: &str) -> String {
    let lines = text
        .lines()
        .map(|l| l.trim().trim_start_matches('"').trim_end_matches('"'));
    lines
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}
