//! Search over every record of the knowledge base.
//!
//! Placeholder: a plain substring match on titles, until the ranked index lands.

use crate::kb::{text, Kind, KnowledgeBase, RecordRef};

/// A search result: the record, its score (higher is better) and the character positions of the title
/// that matched, for highlighting.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub record: RecordRef,
    pub score: i64,
    pub title_matches: Vec<usize>,
}

/// The index over one knowledge base.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    titles: Vec<(RecordRef, String)>,
}

impl SearchIndex {
    pub fn build(kb: &KnowledgeBase) -> SearchIndex {
        SearchIndex {
            titles: kb.all_refs().map(|r| (r, text::fold(kb.title(r)))).collect(),
        }
    }

    pub fn search(&self, _kb: &KnowledgeBase, query: &str, kind: Option<Kind>, limit: usize) -> Vec<Hit> {
        let query = text::fold(query);
        self.titles
            .iter()
            .filter(|(r, title)| kind.is_none_or(|k| r.kind == k) && title.contains(&query))
            .take(limit)
            .map(|(r, _)| Hit {
                record: *r,
                score: 1,
                title_matches: Vec::new(),
            })
            .collect()
    }
}
