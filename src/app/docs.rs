//! What the detail pane shows for a row: a record's own document, or a group document for the rows that
//! are not one record (a matrix cell, a region, a year, every record of a kind).

use crate::document::groups;
use crate::document::{Document, Extent};
use crate::kb::{Kind, KnowledgeBase};

use super::rows::RowKey;
use super::tabs::Tab;

/// The document of a row, its long lists cut to `extent` (the pane shows the head of each; a copy takes
/// them whole).
pub fn document(kb: &KnowledgeBase, rows: &[super::rows::Row], key: RowKey, extent: Extent) -> Document {
    let shown = |kind: Kind| {
        let tab = Tab::for_kind(kind);
        format!("tab {} {}", tab.key().label(), tab.title())
    };
    match key {
        RowKey::Record(r) if r.kind == Kind::Programme => groups::overview(kb, r, &shown, extent),
        RowKey::Record(r) => kb.document_with(r, extent),
        RowKey::Cell(cell) => groups::cell_document(kb, cell, extent),
        RowKey::Kind(kind) => groups::kind_document(kb, kind, &shown, extent),
        RowKey::Region(region) => groups::region_document(kb, region, extent),
        RowKey::Year(year) => groups::year_document(kb, year, year_records(rows, year), extent),
    }
}

/// The records under a year's heading in a timeline's rows.
fn year_records(rows: &[super::rows::Row], year: i32) -> Vec<crate::kb::RecordRef> {
    rows.iter()
        .skip_while(|r| r.key != RowKey::Year(year))
        .skip(1)
        .take_while(|r| !matches!(r.key, RowKey::Year(_)))
        .filter_map(|r| match r.key {
            RowKey::Record(r) => Some(r),
            _ => None,
        })
        .collect()
}
