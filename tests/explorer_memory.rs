//! The explorer over a knowledge base read from the cache keeps its records in the file: it reads the
//! parts of the records it shows, and gathers what its lists, matrix and timeline need of every result
//! without keeping them (at 100,000 results, reading them all held 150 MiB). Every tab shows exactly
//! what it shows when every record is in memory.

mod common;

use std::sync::Arc;

use ipec::app::{App, Lists};
use ipec::cache::{self, Need};
use ipec::kb::{DataSource, KnowledgeBase};
use ipec::search::SearchIndex;

/// A folder of `n` generated results besides the built-in records, its cache written, loaded back as
/// the explorer loads it.
fn cached(n: usize) -> (tempfile::TempDir, KnowledgeBase, cache::Loaded) {
    let base = KnowledgeBase::builtin().expect("the built-in knowledge base loads");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let data = dir.path().join("data");
    let achievements = ipec::synth::achievements(&base, n, 11);
    ipec::synth::write_dir(&base, &achievements, &data).expect("written");
    // This test binary's own cache folder: the only test here, so nothing else reads the variable.
    std::env::set_var("IPEC_CACHE_DIR", dir.path().join("cache"));
    let source = DataSource::Dir(data);
    let parsed = cache::load(&source, true, Need::SomeRecords).expect("valid");
    let store = parsed.store.as_ref().expect("a first load is saved");
    store.save(&parsed.kb, Some(&SearchIndex::build(&parsed.kb)));
    let lazy = cache::load(&source, true, Need::SomeRecords).expect("valid");
    assert!(lazy.store.is_none(), "the second load comes from the cache whole");
    (dir, parsed.kb, lazy)
}

/// The explorer as it opens on `kb`: with the index the cache gave, else one built now.
fn explorer(kb: KnowledgeBase, index: Option<SearchIndex>) -> App {
    let index = index.unwrap_or_else(|| SearchIndex::build(&kb));
    let mut app = App::with_lists(Lists::build(Arc::new(kb)), 120, 40);
    app.set_index(index);
    app
}

/// Every tab's screen, and the Priorities and Timeline lists filtered, a result opened, the timeline
/// turned, a search answered.
fn tour(app: &mut App) -> Vec<String> {
    let mut screens = Vec::new();
    for tab in "1234567890".chars() {
        common::press(app, &tab.to_string());
        screens.push(common::render(app));
    }
    for keys in [
        "2/child<Enter>",
        "<Down><Down><Down>",
        "8/2019<Enter>",
        "o",
        "/ghana<Enter>",
    ] {
        common::press(app, keys);
        screens.push(common::render(app));
    }
    screens
}

#[test]
fn the_explorer_reads_only_the_records_it_shows() {
    let n = 4_000;
    let (_dir, parsed, lazy) = cached(n);
    let parts = n.div_ceil(32);
    assert_eq!(lazy.kb.achievements.parts_read(), 0);
    assert!(lazy.index.is_some(), "the cache holds the index");
    let mut in_memory = explorer(parsed, None);
    let mut from_cache = explorer(lazy.kb, lazy.index);
    let expected = tour(&mut in_memory);
    let shown = tour(&mut from_cache);
    for (i, (shown, expected)) in shown.iter().zip(&expected).enumerate() {
        assert_eq!(shown, expected, "screen {i}");
    }
    let read = from_cache.kb.achievements.parts_read();
    assert!(read * 4 < parts, "{read} of {parts} parts of results read");
}
