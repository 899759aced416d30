//! Key sequences: following a cross-link and coming back to exactly the same place, the search palette's
//! Back, switching tabs, and scrolling past either end.

mod common;

use common::{app, press};
use ipec::app::tabs::{RowKey, Tab};
use ipec::app::Focus;

#[test]
fn follow_a_link_and_come_back_to_exactly_the_same_place() {
    let mut app = app(120, 40);
    press(&mut app, "5fghana<Enter><Enter>jj");
    assert_eq!(app.tab, Tab::Countries);
    let before = app.current().clone();
    assert_eq!(before.focus, Focus::Detail);
    assert_eq!(before.link, Some(2));
    assert_eq!(before.filter(), "ghana");
    press(&mut app, "<Enter>");
    assert_eq!(app.tab, Tab::Priorities, "a result opens in the Priorities tab");
    let Some(RowKey::Record(r)) = app.detail_key() else {
        panic!("a record is shown");
    };
    assert_eq!(r.kind, ipec::kb::Kind::Achievement);
    // The result's detail has the keys; back to its list, wander off in the new tab, then come back.
    assert_eq!(app.current().focus, Focus::Detail);
    press(&mut app, "hjjj<Enter>j");
    press(&mut app, "<Esc>");
    assert_eq!(app.tab, Tab::Countries);
    assert_eq!(app.current(), &before);
}

#[test]
fn links_chain_and_back_unwinds_them_in_order() {
    let mut app = app(120, 40);
    press(&mut app, "5fghana<Enter><Enter>");
    let countries = app.current().clone();
    press(&mut app, "<Enter>");
    assert_eq!(app.tab, Tab::Priorities);
    let result = app.current().clone();
    // Following a link lands on the detail pane: one Enter follows the result's first link (its
    // country) back to Ghana's tab.
    assert_eq!(
        result.focus,
        Focus::Detail,
        "the detail pane has the keys after following a link"
    );
    press(&mut app, "<Enter>");
    assert_eq!(app.tab, Tab::Countries);
    press(&mut app, "<Esc>");
    assert_eq!(app.tab, Tab::Priorities);
    assert_eq!(app.current().selected(), result.selected());
    press(&mut app, "<Esc>");
    assert_eq!(app.tab, Tab::Countries);
    assert_eq!(app.current(), &countries);
}

#[test]
fn back_from_a_search_result_returns_to_the_search() {
    let mut app = app(120, 40);
    press(&mut app, "/fish<Down>");
    let query = app.palette().map(|p| (p.query().to_string(), p.selected));
    assert_eq!(query, Some(("fish".to_string(), 1)));
    press(&mut app, "<Enter>");
    assert!(app.palette().is_none());
    assert_eq!(app.tab, Tab::Priorities);
    press(&mut app, "<Esc>");
    let back = app.palette().map(|p| (p.query().to_string(), p.selected));
    assert_eq!(back, query);
    press(&mut app, "<Esc>");
    assert!(app.palette().is_none());
    assert_eq!(app.tab, Tab::Overview);
}

#[test]
fn tabs_switch_by_tab_shift_tab_and_digit() {
    let mut app = app(80, 24);
    press(&mut app, "<Tab>");
    assert_eq!(app.tab, Tab::Priorities);
    press(&mut app, "<S-Tab><S-Tab>");
    assert_eq!(
        app.tab,
        Tab::ALL[Tab::COUNT - 1],
        "Shift-Tab wraps around, to the last tab"
    );
    press(&mut app, "4");
    assert_eq!(app.tab, Tab::Conventions);
    press(&mut app, "j5");
    assert_eq!(app.tab, Tab::Countries);
    press(&mut app, "4");
    assert_eq!(app.current().selected(), Some(1), "each tab keeps its own selection");
}

#[test]
fn scrolling_past_either_end_stops_there() {
    let mut app = app(80, 24);
    press(&mut app, "5");
    let last = *app.visible(Tab::Countries).last().expect("countries");
    press(&mut app, "G");
    assert_eq!(app.current().selected(), Some(last));
    press(&mut app, "jjj<PgDn><C-d>");
    assert_eq!(app.current().selected(), Some(last));
    press(&mut app, "gkk<PgUp>");
    assert_eq!(app.current().selected(), app.visible(Tab::Countries).first().copied());

    // The detail pane of the programme is long: the bottom is the last screenful, not beyond.
    press(&mut app, "1<Enter>G");
    let lines = app.detail_view().lines.len();
    let height = usize::from(app.detail_size().1);
    assert_eq!(app.current().scroll, lines - height);
    press(&mut app, "jjjj<C-d><PgDn>");
    assert_eq!(app.current().scroll, lines - height);
    press(&mut app, "g");
    assert_eq!(app.current().scroll, 0);
    press(&mut app, "kkk<C-u>");
    assert_eq!(app.current().scroll, 0);
}

#[test]
fn filter_narrows_in_place_and_esc_clears_it() {
    let mut app = app(80, 24);
    press(&mut app, "5fcote");
    assert_eq!(app.match_count(Tab::Countries), (1, 54));
    press(&mut app, "<Esc>");
    assert!(app.current().filter().is_empty());
    assert_eq!(app.match_count(Tab::Countries).1, 54);
    press(&mut app, "fzzzz<Enter>");
    assert_eq!(app.current().selected(), None, "no row to select when nothing matches");
    press(&mut app, "j<Esc>");
    assert!(app.current().selected().is_some());
}

#[test]
fn region_filter_cycles() {
    let mut app = app(120, 40);
    press(&mut app, "5r");
    let africa = app.match_count(Tab::Countries);
    assert!(africa.1 < 54 && africa.1 > 0);
    press(&mut app, "rrrrr");
    assert_eq!(app.current().region(), None);
}

#[test]
fn matrix_cells_open_their_results() {
    let mut app = app(120, 40);
    press(&mut app, "3");
    let Some(RowKey::Cell(_)) = app.detail_key() else {
        panic!("the matrix shows a cell");
    };
    press(&mut app, "<Enter><Enter>");
    assert_eq!(app.tab, Tab::Priorities, "a result of the cell opens in Priorities");
    press(&mut app, "<Esc>");
    assert_eq!(app.tab, Tab::Change);
}

#[test]
fn open_and_copy_queue_effects() {
    let mut app = app(120, 40);
    press(&mut app, "5fghana<Enter>y");
    let effects = app.take_effects();
    match effects.as_slice() {
        [ipec::app::Effect::Copy { text, what }] => assert!(text.contains("Ghana") && what.contains("Ghana")),
        other => panic!("expected a copy, got {other:?}"),
    }
    press(&mut app, "o");
    match app.take_effects().as_slice() {
        [ipec::app::Effect::OpenUrl(url)] => assert!(url.contains("country-profiles/gha"), "{url}"),
        other => panic!("expected a link to open, got {other:?}"),
    }
}

#[test]
fn typing_a_search_before_the_index_is_ready_runs_it_when_it_arrives() {
    use std::sync::Arc;
    let kb = Arc::new(ipec::kb::KnowledgeBase::builtin().expect("the built-in knowledge base loads"));
    let mut app = ipec::app::App::without_index(Arc::clone(&kb), 120, 40);
    press(&mut app, "/ghana");
    assert!(!app.search_ready());
    assert_eq!(app.palette().map(|p| p.hits.len()), Some(0), "no index, no results yet");
    assert!(common::render(&app).contains("Indexing the knowledge base"));
    app.set_index(ipec::search::SearchIndex::build(&kb));
    app.refresh();
    let first = app
        .palette()
        .and_then(|p| p.hits.first())
        .map(|h| kb.id(h.record).to_string());
    assert_eq!(first.as_deref(), Some("GHA"));
}

#[test]
fn export_writes_the_filtered_list_through_an_effect() {
    let mut app = app(120, 40);
    // Countries, Africa only.
    press(&mut app, "5re");
    let effects = app.take_effects();
    let [ipec::app::Effect::Export {
        stem,
        extension,
        content,
        what,
    }] = effects.as_slice()
    else {
        panic!("expected an export, got {effects:?}");
    };
    assert_eq!((stem.as_str(), *extension), ("ipec-countries-filtered", "csv"));
    let lines: Vec<&str> = content.lines().collect();
    assert!(lines[0].starts_with("id,name"), "a header row: {}", lines[0]);
    assert!(lines.iter().any(|l| l.starts_with("GHA,Ghana")));
    assert!(
        !lines.iter().any(|l| l.starts_with("BRA,")),
        "only what the filter shows"
    );
    assert_eq!(what, &format!("{} countries", lines.len() - 1));
    press(&mut app, "E");
    assert!(matches!(
        app.take_effects().as_slice(),
        [ipec::app::Effect::Export { extension: "md", .. }]
    ));
}

#[test]
fn export_in_excel_s_dialect_when_the_config_asks() {
    let mut app = app(120, 40);
    app.csv_dialect = ipec::document::table::CsvDialect::Excel;
    press(&mut app, "5e");
    let effects = app.take_effects();
    let [ipec::app::Effect::Export { content, .. }] = effects.as_slice() else {
        panic!("expected an export, got {effects:?}");
    };
    assert!(content.starts_with("\u{feff}id,name"), "a byte-order mark first");
    assert!(content.contains("\r\nCIV,Côte d’Ivoire,"), "CRLF, names as written");
    assert_eq!(content.matches('\n').count(), content.matches("\r\n").count());
}

/// At 100,000 results the lists of every result are built while the explorer already runs: a tab
/// whose list is coming says so, keys do nothing to it meanwhile, and the list arrives whole.
#[test]
fn a_list_built_in_the_background_arrives_whole_and_selected() {
    use std::sync::Arc;

    use ipec::app::{App, ListJob, Lists};
    use ipec::kb::KnowledgeBase;

    let kb = Arc::new(KnowledgeBase::builtin().expect("the built-in knowledge base loads"));
    let mut app = App::with_lists(Lists::small(Arc::clone(&kb)), 120, 40);
    // What the background thread is given at start-up.
    let jobs = app.pending_lists();
    assert!(app.building(Tab::Priorities) && app.building(Tab::Timeline));
    assert!(!app.building(Tab::Countries) && !app.building(Tab::Overview));
    press(&mut app, "2jjj<Enter>");
    assert_eq!(app.tab, Tab::Priorities);
    assert!(app.rows(Tab::Priorities).is_empty());
    assert_eq!(app.detail_key(), None, "nothing to show yet");
    // The timeline turned meanwhile: nothing is built here; the list on its way (built in the order
    // of start-up) comes turned.
    press(&mut app, "8s");
    assert!(app.building(Tab::Timeline));
    for built in ListJob::build_all(&jobs, &kb) {
        app.set_rows(built);
    }
    let whole = App::new(KnowledgeBase::builtin().expect("loads"), 120, 40);
    let keys = |app: &App, tab| app.rows(tab).iter().map(|r| r.key).collect::<Vec<RowKey>>();
    assert_eq!(keys(&app, Tab::Priorities), keys(&whole, Tab::Priorities));
    let newest_first: Vec<RowKey> = ipec::app::rows::timeline(&kb, true).iter().map(|r| r.key).collect();
    assert_eq!(keys(&app, Tab::Timeline), newest_first);
    assert_ne!(newest_first, keys(&whole, Tab::Timeline), "the timeline was turned");
    press(&mut app, "2");
    assert_eq!(app.detail_key(), whole.rows(Tab::Priorities).first().map(|r| r.key));
}

/// A search result followed while its tab's list is still being built lands on that result, not on
/// whatever comes first once the list arrives.
#[test]
fn a_result_followed_into_a_list_still_building_is_the_one_shown() {
    use std::sync::Arc;

    use ipec::app::{App, ListJob, Lists};
    use ipec::kb::KnowledgeBase;

    let kb = Arc::new(KnowledgeBase::builtin().expect("the built-in knowledge base loads"));
    let mut app = App::with_lists(Lists::small(Arc::clone(&kb)), 120, 40);
    app.set_index(ipec::search::SearchIndex::build(&kb));
    press(&mut app, "/mica madagascar<Enter>");
    assert_eq!(app.tab, Tab::Priorities);
    let Some(RowKey::Record(shown)) = app.detail_key() else {
        panic!("a result is shown");
    };
    assert_eq!(shown.kind, ipec::kb::Kind::Achievement);
    assert!(kb.title(shown).to_lowercase().contains("mica"), "{}", kb.title(shown));
    // The copy built in the background arrives late, and changes nothing.
    let jobs = [Tab::Priorities, Tab::Timeline].map(|t| (t, ListJob::Tab(t)));
    for built in ListJob::build_all(&jobs, &kb) {
        app.set_rows(built);
    }
    assert_eq!(app.detail_key(), Some(RowKey::Record(shown)));
}

#[test]
fn the_timelines_filter_counts_and_charts_only_what_it_lets_through() {
    let mut app = app(120, 40);
    app.update(ipec::app::Action::GoTab(Tab::Timeline.index()));
    app.refresh();
    let all: usize = app.year_counts(Tab::Timeline).iter().map(|(_, n)| n).sum();
    press(&mut app, "fconference<Enter>");
    app.refresh();
    let years = app.year_counts(Tab::Timeline);
    let shown: usize = years.iter().map(|(_, n)| n).sum();
    let rows = app.rows(Tab::Timeline);
    let visible_records = app
        .visible(Tab::Timeline)
        .iter()
        .filter(|&&i| !matches!(rows[i].key, RowKey::Year(_)))
        .count();
    assert!(shown > 0 && shown < all, "{shown} of {all}");
    assert_eq!(shown, visible_records, "the bars count the rows the filter shows");
    // Every year between the first and the last has its bar: the axis is proportional.
    assert!(years.windows(2).all(|w| w[1].0 == w[0].0 + 1), "{years:?}");
}
