//! Long random sessions of keys, mouse events and resizes (down to 0×0 and 1×1): nothing panics, drawing
//! included, and the selection is always on a visible row (None only when the list is empty).

mod common;

use ipec::app::keys::BINDINGS;
use ipec::app::tabs::Tab;
use ipec::app::{Action, App, Key, Mouse, MouseKind};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Event {
    Key(Key),
    Mouse(Mouse),
    Resize(u16, u16),
}

/// Every bound key, plus letters that type into filters and the search.
fn keys() -> Vec<Key> {
    let mut keys: Vec<Key> = BINDINGS.iter().flat_map(|b| b.keys.iter().copied()).collect();
    keys.extend("aeghinoctx 4".chars().map(Key::ch));
    keys.retain(|k| *k != Key::ctrl('c') && *k != Key::ch('q'));
    keys
}

fn event() -> impl Strategy<Value = Event> {
    let keys = keys();
    let n = keys.len();
    prop_oneof![
        8 => (0..n).prop_map(move |i| Event::Key(keys[i])),
        2 => (0u8..3, 0u16..200, 0u16..60).prop_map(|(k, column, row)| {
            let kind = [MouseKind::Click, MouseKind::ScrollUp, MouseKind::ScrollDown][usize::from(k)];
            Event::Mouse(Mouse { kind, column, row })
        }),
        1 => prop_oneof![
            (0u16..200, 0u16..70),
            Just((0u16, 0u16)),
            Just((1, 1)),
            Just((40, 12)),
            Just((39, 11)),
        ]
        .prop_map(|(w, h)| Event::Resize(w, h)),
    ]
}

fn check(app: &App) {
    for tab in Tab::ALL {
        let visible = app.visible(tab);
        match app.state(tab).selected() {
            Some(s) => assert!(visible.binary_search(&s).is_ok(), "{tab:?}: selection {s} not visible"),
            None => assert!(
                visible.is_empty() || tab == Tab::Change,
                "{tab:?}: no selection in a list with rows"
            ),
        }
    }
    let (r, c) = app.state(Tab::Change).cell();
    assert!(r < app.matrix.rows.len() && c < app.matrix.cols.len());
    if let Some(p) = app.palette() {
        assert!(p.hits.is_empty() || p.selected < p.hits.len());
    }
    let view = app.detail_view();
    if let Some(link) = app.current().link {
        assert!(link < view.link_targets.len());
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        // More with IPEC_PROPTEST_CASES=N.
        cases: std::env::var("IPEC_PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(24),
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_sessions_never_panic_and_keep_a_valid_selection(
        events in proptest::collection::vec(event(), 1..250)
    ) {
        let mut app = common::app(100, 30);
        for (i, event) in events.into_iter().enumerate() {
            match event {
                Event::Key(k) => app.key(k),
                Event::Mouse(m) => app.update(Action::Mouse(m)),
                Event::Resize(w, h) => app.update(Action::Resize(w, h)),
            }
            app.refresh();
            check(&app);
            // Drawing is part of "never panics"; every few events keeps the test quick.
            if i % 3 == 0 {
                let _ = common::render(&app);
            }
        }
        let _ = common::render(&app);
    }
}

proptest! {
    /// The loading screen draws at every size, tiny ones included, whatever the progress says (counts
    /// past the total, no total, long or hostile folder names) and however long it has taken.
    #[test]
    fn the_loading_screen_draws_at_any_size(
        width in prop_oneof![Just(0u16), Just(1), Just(5), 0u16..220],
        height in prop_oneof![Just(0u16), Just(1), Just(3), 0u16..70],
        stage in 0usize..ipec::progress::Stage::ALL.len(),
        done in 0usize..2_000_000,
        total in prop_oneof![Just(0usize), 0usize..2_000_000],
        earlier in proptest::collection::vec(0usize..7, 0..7),
        what in "\\PC{0,300}",
        elapsed_ms in 0u64..100_000_000,
    ) {
        use ipec::progress::{Snapshot, Stage};
        use ipec::ui::loading::{self, Loading};
        let earlier: Vec<Stage> = earlier.into_iter().filter_map(|i| Stage::ALL.get(i).copied()).collect();
        let screen = Loading {
            what,
            progress: Snapshot::new(Stage::ALL[stage], done, total, &earlier),
            elapsed: std::time::Duration::from_millis(elapsed_ms),
        };
        let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height))
            .expect("test terminal");
        terminal
            .draw(|frame| loading::draw(frame, &screen, &ipec::ui::Theme::dark()))
            .expect("draw");
    }
}
