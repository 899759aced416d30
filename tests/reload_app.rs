//! The explorer on an edited knowledge base: a valid reload replaces the data where the user is, a
//! broken one keeps the last good data with a banner and an overlay of the problems.

mod common;

use std::path::Path;
use std::sync::Arc;

use common::{copy_dir, press, render};
use ipec::app::rows::RowKey;
use ipec::app::tabs::Tab;
use ipec::app::{App, Mode};
use ipec::kb::{DataSource, KnowledgeBase};

fn load(dir: &Path) -> Result<KnowledgeBase, ipec::kb::Problems> {
    KnowledgeBase::load(&DataSource::Dir(dir.to_path_buf()))
}

fn shown_id(app: &App) -> Option<String> {
    match app.detail_key() {
        Some(RowKey::Record(r)) => Some(app.kb.id(r).to_string()),
        _ => None,
    }
}

/// The shipped data copied to a folder of its own, and the explorer on it.
fn explorer_on_a_copy() -> (tempfile::TempDir, std::path::PathBuf, App) {
    let dir = tempfile::tempdir().expect("temp dir");
    let kb_dir = dir.path().join("kb");
    copy_dir(Path::new("data"), &kb_dir);
    let app = App::new(load(&kb_dir).expect("the copy loads"), 120, 40);
    (dir, kb_dir, app)
}

/// Adds Gabon, which sorts before Ghana and so moves Ghana's row; returns the file's text before and
/// after.
fn add_gabon(kb_dir: &Path) -> (String, String) {
    let countries = kb_dir.join("countries.toml");
    let text = std::fs::read_to_string(&countries).expect("read");
    let added = format!(
        "{text}\n[[country]]\nid = \"GAB\"\nname = \"Gabon\"\nregion = \"Africa\"\nlat = -0.8\nlon = 11.6\nsource = \"ipec-brochure-2024\"\nsection = \"Test\"\n"
    );
    std::fs::write(&countries, &added).expect("write");
    (text, added)
}

#[test]
fn a_valid_edit_keeps_the_tab_and_the_record_and_a_broken_one_keeps_the_data() {
    let (_dir, kb_dir, mut app) = explorer_on_a_copy();
    press(&mut app, "5fghana<Enter>");
    assert_eq!(shown_id(&app).as_deref(), Some("GHA"));

    // A new country sorted before Ghana moves Ghana's row; Ghana stays selected, the filter stays.
    let (text, added) = add_gabon(&kb_dir);
    let countries = kb_dir.join("countries.toml");
    app.reloaded(Arc::new(load(&kb_dir).expect("the edit is valid")));
    assert_eq!(app.tab, Tab::Countries);
    assert_eq!(shown_id(&app).as_deref(), Some("GHA"), "the same record, by id");
    assert_eq!(app.current().filter(), "ghana");
    assert!(app.problems().is_none());

    // A broken edit: the problems are kept, the data on screen is the last good one.
    std::fs::write(&countries, format!("{added}\nbroken = = x\n")).expect("write");
    let problems = load(&kb_dir).expect_err("the edit is broken");
    app.reload_failed(problems);
    assert_eq!(shown_id(&app).as_deref(), Some("GHA"));
    let screen = render(&app);
    assert!(screen.contains("in the edited data"), "{screen}");
    assert!(
        screen.contains("countries.toml:"),
        "the banner names the file and line: {screen}"
    );
    press(&mut app, "<Esc>!");
    assert!(matches!(app.mode, Mode::Problems { .. }));
    assert!(render(&app).contains("one `=` between a field and its value"));
    press(&mut app, "<Esc>");
    assert!(matches!(app.mode, Mode::Browse));

    // Fixed: the banner goes.
    std::fs::write(&countries, &text).expect("write");
    app.reloaded(Arc::new(load(&kb_dir).expect("fixed")));
    assert!(app.problems().is_none());
    assert!(!render(&app).contains("in the edited data"));
}

/// At 5,000 results and more, a reload leaves the lists of every result to a background thread (as a
/// start does): the explorer does not freeze on every save. When they come, the record that was
/// selected is selected again, by id, though every result moved one place down.
#[test]
fn a_large_reload_builds_its_long_lists_elsewhere_and_keeps_the_selection() {
    use ipec::app::ListJob;

    let base = KnowledgeBase::builtin().expect("the built-in knowledge base loads");
    let generated = ipec::synth::achievements(&base, 5_000, 3);
    let dir = tempfile::tempdir().expect("temp dir");
    ipec::synth::write_dir(&base, &generated, dir.path()).expect("written");
    let mut app = App::new(load(dir.path()).expect("the generated data loads"), 120, 40);
    press(&mut app, "2jjjjj");
    let on_priorities = shown_id(&app).expect("a row of the priorities tab is shown");
    press(&mut app, "8jjjjjjjj");
    let on_timeline = shown_id(&app).expect("a row of the timeline is shown");
    assert!(!app.building(Tab::Timeline));

    // One result more, first: every other result's position moves.
    let mut first = generated[0].clone();
    first.id = "synth-added-first".into();
    let moved: Vec<_> = std::iter::once(first).chain(generated).collect();
    ipec::synth::write_dir(&base, &moved, dir.path()).expect("written");
    app.reloaded(Arc::new(load(dir.path()).expect("the edit is valid")));
    // A second save before the lists of the first came: they still know what to select.
    let mut second = moved[1].clone();
    second.id = "synth-added-second".into();
    let moved: Vec<_> = std::iter::once(second).chain(moved).collect();
    ipec::synth::write_dir(&base, &moved, dir.path()).expect("written");
    app.reloaded(Arc::new(load(dir.path()).expect("the edit is valid")));
    assert!(app.building(Tab::Timeline) && app.building(Tab::Priorities));
    assert!(!app.building(Tab::Countries), "the short lists are built at once");
    assert!(render(&app).contains("Preparing the list"), "{}", render(&app));

    let jobs = app.pending_lists();
    assert_eq!(
        jobs.iter().map(|(tab, _)| *tab).collect::<Vec<_>>(),
        [Tab::Priorities, Tab::Timeline]
    );
    let kb = Arc::clone(&app.kb);
    for built in ListJob::build_all(&jobs, &kb) {
        app.set_rows(built);
    }
    assert_eq!(app.tab, Tab::Timeline);
    assert_eq!(shown_id(&app).as_deref(), Some(on_timeline.as_str()));
    press(&mut app, "2");
    assert_eq!(shown_id(&app).as_deref(), Some(on_priorities.as_str()));

    // The timeline turned while its list is on its way: nothing is built on this thread; the list,
    // built in the old order, comes turned, on the same row.
    app.reloaded(Arc::new(load(dir.path()).expect("still valid")));
    let jobs = app.pending_lists();
    press(&mut app, "8");
    assert!(app.building(Tab::Timeline));
    press(&mut app, "s");
    assert!(app.building(Tab::Timeline));
    let kb = Arc::clone(&app.kb);
    for built in ListJob::build_all(&jobs, &kb) {
        app.set_rows(built);
    }
    assert_eq!(shown_id(&app).as_deref(), Some(on_timeline.as_str()));
    let newest_first: Vec<RowKey> = ipec::app::rows::timeline(&kb, true).iter().map(|r| r.key).collect();
    let shown: Vec<RowKey> = app.rows(Tab::Timeline).iter().map(|r| r.key).collect();
    assert!(shown == newest_first, "the list came in the order the view says");

    // A priority of 1,000 results and more: the pane shows the head of each list, a copy takes them all.
    press(&mut app, "2g");
    let Some(RowKey::Record(priority)) = app.detail_key() else {
        panic!("a priority is shown");
    };
    assert_eq!(priority.kind, ipec::kb::Kind::Priority);
    let items = |doc: &ipec::document::Document| -> (usize, usize) {
        doc.blocks.iter().fold((0, 0), |(n, more), block| match block {
            ipec::document::Block::Items { items, more: m } => (n + items.len(), more + m),
            _ => (n, more),
        })
    };
    let copied = app.detail_document().expect("the copy's document");
    let results = kb.refs(ipec::kb::Kind::Achievement).filter(|r| {
        let a = &kb.achievements[r.index];
        a.priority.as_deref() == Some(kb.id(priority))
    });
    assert_eq!(items(&copied), (results.count(), 0), "every result, none left out");
    let screen: String = app
        .detail_view()
        .lines
        .iter()
        .flat_map(|l| l.iter().map(|s| s.text.clone()))
        .collect();
    assert!(
        screen.contains("more, not shown here"),
        "the pane shows the head of each list"
    );
}

/// Back after a reload returns to the record that was shown, though a new record moved every row after
/// it; and back across a turned timeline puts the timeline in the order it had, on the same record.
#[test]
fn back_finds_the_record_it_left_after_a_reload_or_a_turned_timeline() {
    let (_dir, kb_dir, mut app) = explorer_on_a_copy();
    press(&mut app, "5fghana<Enter><Esc>");
    assert_eq!(app.current().filter(), "", "the filter is cleared");
    assert_eq!(shown_id(&app).as_deref(), Some("GHA"));
    press(&mut app, "/mica madagascar<Enter>");
    assert_eq!(app.tab, Tab::Priorities);

    add_gabon(&kb_dir);
    app.reloaded(Arc::new(load(&kb_dir).expect("the edit is valid")));
    app.set_index(ipec::search::SearchIndex::build(&app.kb));
    assert!(app.has_history(), "a reload keeps the way back");
    press(&mut app, "<BS><Esc>");
    assert_eq!(app.tab, Tab::Countries);
    assert_eq!(shown_id(&app).as_deref(), Some("GHA"), "Ghana, not the row Ghana had");

    // The timeline, a record a few rows down; away by a search; turned; back.
    press(&mut app, "8jjj");
    while shown_id(&app).is_none() {
        press(&mut app, "j");
    }
    let before = shown_id(&app).expect("a timeline record");
    let oldest_first: Vec<RowKey> = app.rows(Tab::Timeline).iter().map(|r| r.key).collect();
    press(&mut app, "/ghana<Enter>8s");
    assert_ne!(app.rows(Tab::Timeline)[0].key, oldest_first[0], "turned");
    press(&mut app, "<BS><Esc>");
    assert_eq!(app.tab, Tab::Timeline);
    let now: Vec<RowKey> = app.rows(Tab::Timeline).iter().map(|r| r.key).collect();
    assert_eq!(now, oldest_first, "the rows are in the order the view says");
    assert_eq!(shown_id(&app).as_deref(), Some(before.as_str()));
}

/// Back to a record a reload removed: nothing stale is shown, and nothing breaks.
#[test]
fn back_to_a_record_that_is_gone_shows_what_is_there_now() {
    let (_dir, kb_dir, mut app) = explorer_on_a_copy();
    let (text, _) = add_gabon(&kb_dir);
    app.reloaded(Arc::new(load(&kb_dir).expect("Gabon is valid")));
    press(&mut app, "5fgab<Enter>");
    assert_eq!(shown_id(&app).as_deref(), Some("GAB"));
    press(&mut app, "<Esc>");
    assert_eq!(
        shown_id(&app).as_deref(),
        Some("GAB"),
        "the filter is cleared, Gabon stays"
    );
    app.set_index(ipec::search::SearchIndex::build(&app.kb));
    press(&mut app, "/mica madagascar<Enter>");

    std::fs::write(kb_dir.join("countries.toml"), text).expect("Gabon removed");
    app.reloaded(Arc::new(load(&kb_dir).expect("valid without Gabon")));
    press(&mut app, "<BS><Esc>");
    assert_eq!(app.tab, Tab::Countries);
    let shown = shown_id(&app);
    assert_ne!(shown.as_deref(), Some("GAB"));
    assert!(
        shown.is_none()
            || app
                .kb
                .find_kind(ipec::kb::Kind::Country, shown.as_deref().unwrap_or(""))
                .is_some()
    );
    render(&app);
}

/// Back to a search right after a reload, before the new index is built: the search comes back with the
/// hit that was selected, once the index is there.
#[test]
fn back_to_a_search_while_the_index_is_rebuilt_keeps_the_selected_hit() {
    let (_dir, kb_dir, mut app) = explorer_on_a_copy();
    press(&mut app, "/fish<Down><Down>");
    let before = app.palette().map(|p| (p.query().to_string(), p.selected));
    assert_eq!(before, Some(("fish".to_string(), 2)));
    press(&mut app, "<Enter>");
    add_gabon(&kb_dir);
    app.reloaded(Arc::new(load(&kb_dir).expect("valid")));
    assert!(!app.search_ready());
    press(&mut app, "<BS>");
    app.set_index(ipec::search::SearchIndex::build(&app.kb));
    app.refresh();
    let back = app.palette().map(|p| (p.query().to_string(), p.selected));
    assert_eq!(back, before);
}
