//! A knowledge base and its index come back from the cache exactly as they went in.

use super::*;
use crate::kb::Kind;

fn everything(kb: &KnowledgeBase) -> String {
    let mut text = String::new();
    for r in kb.all_refs() {
        let record = kb.record(r);
        let origin = record.origin();
        let json = record.to_json().expect("records serialize");
        text += &format!("{r:?} {origin:?} {json} {:?}\n", kb.backlinks(r));
        assert_eq!(kb.find(kb.id(r)), Some(r));
    }
    text
}

fn round_trip(source: &DataSource) {
    let kb = load::load(source).expect("the knowledge base is valid");
    let index = SearchIndex::build(&kb);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("kb.ipec-cache");
    write(&path, 7, &kb, Some(&index)).expect("the cache is written");
    assert!(
        matches!(read_file(&path, 8, Need::SomeRecords), Ok(None)),
        "another key is another content"
    );
    let (whole, _) = read_file(&path, 7, Need::AllRecords)
        .ok()
        .flatten()
        .expect("the cache is read");
    assert_eq!(everything(&whole), everything(&kb));
    let (back, back_index) = read_file(&path, 7, Need::SomeRecords)
        .ok()
        .flatten()
        .expect("the cache is read");
    assert_eq!(everything(&back), everything(&kb));
    let back_index = back_index.expect("the index was stored");
    for query in [
        "ghana",
        "cocoa",
        "child labour",
        "mica mad",
        "cote ivoire cocoa",
        "4690",
        "c182",
    ] {
        for kind in [None, Some(Kind::Country)] {
            assert_eq!(
                back_index.search(&back, query, kind, 50),
                index.search(&kb, query, kind, 50)
            );
        }
    }
    assert_eq!(back_index.vocabulary_len(), index.vocabulary_len());
    write(&path, 7, &kb, None).expect("the cache is written without an index");
    assert!(matches!(read_file(&path, 7, Need::SomeRecords), Ok(Some((_, None)))));
}

/// A knowledge base with `n` generated achievements besides the built-in records, loaded from files.
fn generated(n: usize) -> (tempfile::TempDir, KnowledgeBase) {
    let base = load::load(&DataSource::Embedded).expect("valid");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let achievements = crate::synth::achievements(&base, n, 3);
    crate::synth::write_dir(&base, &achievements, dir.path()).expect("written");
    let kb = load::load(&DataSource::Dir(dir.path().to_path_buf())).expect("valid");
    (dir, kb)
}

#[test]
fn records_in_several_parts_come_back_whole_and_in_order() {
    let (_data, kb) = generated(700);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("kb.ipec-cache");
    write(&path, 3, &kb, None).expect("written");
    let (back, _) = read_file(&path, 3, Need::SomeRecords).ok().flatten().expect("read");
    assert_eq!(
        back.achievements.parts_read(),
        0,
        "nothing is read before it is asked for"
    );
    // The last record of the third part, then one of the first: only their parts are read.
    assert_eq!(back.achievements[699].id, kb.achievements[699].id);
    assert_eq!(back.achievements.parts_read(), 1);
    assert_eq!(back.achievements[3].title, kb.achievements[3].title);
    assert_eq!(back.achievements.parts_read(), 2);
    assert_eq!(back.achievements.get(700).map(|a| &a.id), None);
    assert_eq!(everything(&back), everything(&kb));
    let ids = |kb: &KnowledgeBase| kb.achievements.iter().rev().map(|a| a.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&back), ids(&kb));
}

#[test]
fn what_a_command_needs_is_all_that_is_read() {
    let (_data, kb) = generated(600);
    let index = SearchIndex::build(&kb);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("kb.ipec-cache");
    write(&path, 5, &kb, Some(&index)).expect("written");
    let read = |need| read_file(&path, 5, need).ok().flatten().expect("read");
    let (counts, no_index) = read(Need::Counts);
    assert!(no_index.is_none(), "counting needs no index");
    assert_eq!(counts.len(Kind::Achievement), 600);
    assert_eq!(counts.achievements.parts_read(), 0);
    let (some, some_index) = read(Need::SomeRecords);
    let hits = some_index
        .expect("the index")
        .search(&some, "cocoa", Some(Kind::Achievement), 1);
    assert_eq!(hits, index.search(&kb, "cocoa", Some(Kind::Achievement), 1));
    assert_eq!(
        some.achievements.parts_read(),
        1,
        "only the part of the hit shown is read"
    );
    let (all, _) = read(Need::AllRecords);
    assert_eq!(all.achievements.parts_read(), 3);
    // Changing a list read from the cache reads it whole first.
    let mut changed = all.clone();
    changed.achievements.push(kb.achievements[0].clone());
    assert_eq!(changed.len(Kind::Achievement), 601);
    assert_eq!(changed.achievements[600].id, kb.achievements[0].id);
    assert_eq!(changed.achievements[599].id, kb.achievements[599].id);
}

#[test]
fn the_built_in_knowledge_base_comes_back_whole() {
    round_trip(&DataSource::Embedded);
}

#[test]
fn every_kind_and_field_of_the_valid_fixture_comes_back_whole() {
    round_trip(&DataSource::Dir(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid"),
    ));
}

#[test]
fn damage_anywhere_is_noticed() {
    let kb = load::load(&DataSource::Embedded).expect("valid");
    let index = SearchIndex::build(&kb);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("kb.ipec-cache");
    write(&path, 1, &kb, Some(&index)).expect("written");
    let good = std::fs::read(&path).expect("read");
    // Past the build identity (whose change is another build, not damage).
    let start = 8 + 4 + 2 + u16::from_le_bytes([good[12], good[13]]) as usize;
    for at in (start..good.len()).step_by(good.len() / 97) {
        let mut bad = good.clone();
        bad[at] ^= 0x5A;
        std::fs::write(&path, &bad).expect("written");
        assert!(
            matches!(read_file(&path, 1, Need::Counts), Err(Stale::Damaged(_))),
            "a changed byte at {at} of {}",
            good.len()
        );
    }
    std::fs::write(&path, &good[..good.len() / 2]).expect("written");
    assert!(
        matches!(read_file(&path, 1, Need::Counts), Err(Stale::Damaged(_))),
        "truncated"
    );
}
