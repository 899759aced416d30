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
        matches!(read_file(&path, 8), Ok(None)),
        "another key is another content"
    );
    let (back, back_index) = read_file(&path, 7).ok().flatten().expect("the cache is read");
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
    assert!(matches!(read_file(&path, 7), Ok(Some((_, None)))));
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
            matches!(read_file(&path, 1), Err(Stale::Damaged(_))),
            "a changed byte at {at} of {}",
            good.len()
        );
    }
    std::fs::write(&path, &good[..good.len() / 2]).expect("written");
    assert!(matches!(read_file(&path, 1), Err(Stale::Damaged(_))), "truncated");
}
