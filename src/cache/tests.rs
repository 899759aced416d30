//! A knowledge base and its index come back from the cache exactly as they went in.

use super::*;
use std::path::Path;

use crate::kb::load::SourceFile;
use crate::kb::store::PART;
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

/// The files of a knowledge base, as `load` keys them.
fn files_of(source: &DataSource) -> Vec<FileKey> {
    load::read_files(source)
        .0
        .iter()
        .map(|f| FileKey {
            name: f.name.clone(),
            key: file_key(&f.name, &f.text),
        })
        .collect()
}

/// A cache file read back, which must be there.
fn read(path: &Path, key: Key, need: Need) -> Cached {
    read_file(path, key, need).ok().flatten().expect("the cache is read")
}

fn round_trip(source: &DataSource) {
    let kb = load::load(source).expect("the knowledge base is valid");
    let files = files_of(source);
    let index = SearchIndex::build(&kb);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("kb.ipec-cache");
    write(&path, 7, &files, &kb, Some(&index)).expect("the cache is written");
    assert!(
        !read(&path, 8, Need::SomeRecords).current,
        "another key is another content"
    );
    let whole = read(&path, 7, Need::AllRecords).kb;
    assert_eq!(everything(&whole), everything(&kb));
    let Cached {
        kb: back,
        index: back_index,
        ..
    } = read(&path, 7, Need::SomeRecords);
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
    // The reader lets go of the file first: Wine, and Windows before 10, cannot rename a file over one
    // that is open (ipec then keeps the old file, as for any cache it cannot write).
    drop((back, back_index, whole));
    write(&path, 7, &files, &kb, None).expect("the cache is written without an index");
    assert!(read(&path, 7, Need::SomeRecords).index.is_none());
}

/// A knowledge base with `n` generated achievements besides the built-in records, loaded from files,
/// with its folder and its files' keys.
fn generated(n: usize) -> (tempfile::TempDir, KnowledgeBase, Vec<FileKey>) {
    let base = load::load(&DataSource::Embedded).expect("valid");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let achievements = crate::synth::achievements(&base, n, 3);
    crate::synth::write_dir(&base, &achievements, dir.path()).expect("written");
    let source = DataSource::Dir(dir.path().to_path_buf());
    let kb = load::load(&source).expect("valid");
    (dir, kb, files_of(&source))
}

#[test]
fn records_in_several_parts_come_back_whole_and_in_order() {
    // Three parts, the last one not full.
    let n = 3 * PART - PART / 4;
    let (_data, kb, files) = generated(n);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("kb.ipec-cache");
    write(&path, 3, &files, &kb, None).expect("written");
    let back = read(&path, 3, Need::SomeRecords).kb;
    assert_eq!(
        back.achievements.parts_read(),
        0,
        "nothing is read before it is asked for"
    );
    // The last record of the third part, then one of the first: only their parts are read.
    assert_eq!(back.achievements[n - 1].id, kb.achievements[n - 1].id);
    assert_eq!(back.achievements.parts_read(), 1);
    assert_eq!(back.achievements[3].title, kb.achievements[3].title);
    assert_eq!(back.achievements.parts_read(), 2);
    assert_eq!(back.achievements.get(n).map(|a| &a.id), None);
    assert_eq!(everything(&back), everything(&kb));
    let ids = |kb: &KnowledgeBase| kb.achievements.iter().rev().map(|a| a.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&back), ids(&kb));
}

#[test]
fn what_a_command_needs_is_all_that_is_read() {
    // Three parts, the last one not full.
    let n = 3 * PART - PART / 2;
    let (_data, kb, files) = generated(n);
    let index = SearchIndex::build(&kb);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("kb.ipec-cache");
    write(&path, 5, &files, &kb, Some(&index)).expect("written");
    let read = |need| {
        let cached = read(&path, 5, need);
        (cached.kb, cached.index)
    };
    let (counts, no_index) = read(Need::Counts);
    assert!(no_index.is_none(), "counting needs no index");
    assert_eq!(counts.len(Kind::Achievement), n);
    assert_eq!(counts.achievements.parts_read(), 0);
    let (records, no_index) = read(Need::Records);
    assert!(no_index.is_none(), "a list or a record's page needs no index");
    assert_eq!(
        records.achievements.parts_read(),
        0,
        "nothing is read before it is used"
    );
    assert_eq!(records.achievements[n - 1].id, kb.achievements[n - 1].id);
    assert_eq!(records.achievements.parts_read(), 1, "then only the part used");
    let (some, some_index) = read(Need::SomeRecords);
    let hits = some_index
        .expect("the index")
        .search(&some, "cocoa", Some(Kind::Achievement), 1);
    assert_eq!(hits, index.search(&kb, "cocoa", Some(Kind::Achievement), 1));
    assert_eq!(
        some.achievements.parts_read(),
        0,
        "the hit's title is peeked at, its part not kept"
    );
    assert_eq!(some.title(hits[0].record), kb.title(hits[0].record));
    assert_eq!(some.achievements.parts_read(), 1, "a record used is kept");
    let (all, _) = read(Need::AllRecords);
    assert_eq!(all.achievements.parts_read(), 3);
    // Changing a list read from the cache reads it whole first.
    let mut changed = all.clone();
    changed.achievements.push(kb.achievements[0].clone());
    assert_eq!(changed.len(Kind::Achievement), n + 1);
    assert_eq!(changed.achievements[n].id, kb.achievements[0].id);
    assert_eq!(changed.achievements[n - 1].id, kb.achievements[n - 1].id);
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
    write(&path, 1, &files_of(&DataSource::Embedded), &kb, Some(&index)).expect("written");
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

#[test]
fn the_mapped_postings_search_as_the_built_ones_and_damage_to_them_is_noticed() {
    let kb = load::load(&DataSource::Embedded).expect("valid");
    let index = SearchIndex::build(&kb);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("kb.ipec-cache");
    write(&path, 1, &files_of(&DataSource::Embedded), &kb, Some(&index)).expect("written");
    // In a block: the mapping is let go before the file is written again, which Windows refuses while
    // a file is mapped.
    {
        let back = read(&path, 1, Need::SomeRecords);
        let mapped = back.index.expect("the index is read");
        assert!(
            mapped.memory_bytes() < index.memory_bytes(),
            "the postings are not held"
        );
        for query in [
            "ghana",
            "child labour",
            "cocoa",
            "c182",
            "mica mad",
            "how many children",
        ] {
            assert_eq!(
                mapped.search(&back.kb, query, None, 20),
                index.search(&kb, query, None, 20),
                "{query}"
            );
        }
    }
    // A changed byte in the second half of the file (the index's sections, the postings last, and some
    // records) is noticed as the index is read, mapped postings included.
    let good = std::fs::read(&path).expect("read");
    for at in (good.len() / 2..good.len()).step_by(good.len() / 97) {
        let mut bad = good.clone();
        bad[at] ^= 0x5A;
        std::fs::write(&path, &bad).expect("written");
        assert!(
            matches!(read_file(&path, 1, Need::SomeRecords), Err(Stale::Damaged(_))),
            "a changed byte at {at} of {}",
            good.len()
        );
    }
}

/// A generated folder of `n` results cached, then changed by `change`: its files read anew, and the
/// records the cache gives for each (none for a file it cannot vouch for), with the folder.
fn changed_after_caching(
    n: usize,
    change: impl FnOnce(&Path),
) -> (
    tempfile::TempDir,
    Vec<SourceFile>,
    Vec<crate::kb::Problem>,
    Vec<Option<FileRecords>>,
) {
    let (data, kb, files) = generated(n);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("kb.ipec-cache");
    write(&path, 9, &files, &kb, None).expect("written");
    change(data.path());
    let (now, problems) = load::read_files(&DataSource::Dir(data.path().to_path_buf()));
    let keys: Vec<u128> = now.iter().map(|f| file_key(&f.name, &f.text)).collect();
    let earlier = read(&path, combine(keys.iter().copied()), Need::SomeRecords);
    assert!(!earlier.current, "the folder changed");
    let known = earlier.records_of(&keys);
    assert_eq!(known.len(), now.len(), "one answer a file");
    (data, now, problems, known)
}

/// The names of the files the cache had no records for: those parsed again.
fn parsed_again(files: &[SourceFile], known: &[Option<FileRecords>]) -> Vec<String> {
    files
        .iter()
        .zip(known)
        .filter(|(_, k)| k.is_none())
        .map(|(f, _)| f.name.clone())
        .collect()
}

#[test]
fn only_the_files_that_changed_are_parsed_again() {
    let (data, now, problems, known) = changed_after_caching(600, |data| {
        // One record of one file changes; the others stay as they were.
        let changed = data.join("achievements/synth-000.toml");
        let text = std::fs::read_to_string(&changed).expect("read");
        let edited = text.replacen("title = \"", "title = \"Edited: ", 1);
        std::fs::write(&changed, edited).expect("written");
    });
    let parsed = parsed_again(&now, &known);
    assert_eq!(parsed.len(), 1, "{parsed:?}");
    assert!(parsed[0].ends_with("synth-000.toml"));
    let reused = load::load_read_knowing(&now, problems, known).expect("valid");
    let fresh = load::load(&DataSource::Dir(data.path().to_path_buf())).expect("valid");
    assert_eq!(everything(&reused), everything(&fresh));
    assert!(reused.achievements[0].title.starts_with("Edited: "));
}

#[test]
fn files_added_removed_and_renamed_are_parsed_and_the_rest_reused() {
    let (data, now, problems, known) = changed_after_caching(2500, |data| {
        let folder = data.join("achievements");
        // Renamed (same text, another name), removed, and a new file with the removed one's records.
        std::fs::rename(folder.join("synth-000.toml"), folder.join("synth-renamed.toml")).expect("renamed");
        let removed = std::fs::read_to_string(folder.join("synth-001.toml")).expect("read");
        std::fs::remove_file(folder.join("synth-001.toml")).expect("removed");
        std::fs::write(folder.join("synth-new.toml"), removed).expect("written");
    });
    let parsed = parsed_again(&now, &known);
    assert_eq!(parsed.len(), 2, "only the renamed and the new file: {parsed:?}");
    assert!(parsed
        .iter()
        .all(|n| n.ends_with("synth-renamed.toml") || n.ends_with("synth-new.toml")));
    let reused = load::load_read_knowing(&now, problems, known).expect("valid");
    let fresh = load::load(&DataSource::Dir(data.path().to_path_buf())).expect("valid");
    assert_eq!(everything(&reused), everything(&fresh));
}

#[test]
fn a_crafted_section_is_an_error_not_a_panic() {
    // A count far larger than the bytes that follow, as the codec reads it into either store.
    let mut huge = Vec::new();
    crate::codec::put_varint(&mut huge, u64::MAX / 2);
    huge.extend_from_slice(b"abc");
    assert!(crate::kb::store::decode(0x100, &huge).is_err());
    assert!(crate::search::store::decode(0x200, &huge).is_err());
}
