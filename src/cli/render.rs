//! JSON output of the subcommands (text tables are `output`'s).

use std::io::{self, Write};

use serde_json::{json, Value};

use crate::kb::links;
use crate::kb::{KnowledgeBase, RecordRef};

/// `ipec show ID --format json`: the full record, with what it links to and what links to it.
pub fn record_json(kb: &KnowledgeBase, r: RecordRef, out: &mut impl Write) -> io::Result<()> {
    let brief = |r: &RecordRef| json!({ "kind": r.kind.key(), "id": kb.id(*r), "title": kb.title(*r) });
    let value = json!({
        "kind": r.kind.key(),
        "id": kb.id(r),
        "title": kb.title(r),
        "record": record_value(kb, r),
        // The authoritative pages on the web (`kb::links`); the records this one points at are `links_to`.
        "links": links::urls(kb, r),
        "links_to": kb.links(r).iter().map(brief).collect::<Vec<_>>(),
        "linked_from": kb.backlinks(r).iter().map(brief).collect::<Vec<_>>(),
        "document": kb.document(r),
    });
    writeln!(out, "{}", pretty(&value))
}

pub(super) fn record_value(kb: &KnowledgeBase, r: RecordRef) -> Value {
    let value = kb.record(r).to_json();
    // Plain data with string keys always serializes; Null keeps this infallible all the same.
    value.unwrap_or(Value::Null)
}

pub(super) fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|_| value.to_string())
}
