//! The index is the same however many parts it is built in, and however it is stored.

use super::*;

#[test]
fn building_in_parts_gives_the_same_index() {
    let base = KnowledgeBase::builtin().expect("the built-in knowledge base is valid");
    let mut kb = base.clone();
    kb.achievements.extend(crate::synth::achievements(&base, 700, 5));
    let one = comparable(&SearchIndex::build_in_parts(&kb, 1));
    for parts in [2, 3, 7] {
        assert!(
            one == comparable(&SearchIndex::build_in_parts(&kb, parts)),
            "{parts} parts"
        );
    }
}

/// Everything the index holds, as text; the kinds' ranges sorted (a hash map has no order).
fn comparable(index: &SearchIndex) -> String {
    let mut kinds: Vec<_> = index.kinds.iter().collect();
    kinds.sort_by_key(|(kind, _)| **kind);
    format!(
        "{:?} {:?} {kinds:?} {:?} {:?} {:?}",
        index.records, index.tie, index.vocabulary, index.postings, index.names
    )
}
