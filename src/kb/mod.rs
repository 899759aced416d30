//! The knowledge base: its records (`model`), how a folder of TOML becomes one (`load`), the rules it must
//! satisfy (`validate`), and the resolved, cross-linked view of one record that every front end shows
//! (`document`).

mod advice;
pub mod dates;
mod facts;
pub mod fields;
pub mod format;
pub(crate) mod kind;
pub mod links;
pub mod load;
pub mod model;
mod parts;
pub mod problem;
pub mod resolve;
pub mod scaffold;
pub mod schema;
mod spelling;
pub(crate) mod store;
pub mod text;
pub mod theory;
mod validate;

use foldhash::{HashMap, HashMapExt};
use std::collections::hash_map::Entry;

pub use facts::{Period, ResultFacts};
pub use fields::Fields;
pub(crate) use kind::{for_kind, for_record};
pub use kind::{Kind, OfKind, Record, Records};
pub use load::DataSource;
pub use model::*;
pub use parts::Parts;
pub(crate) use parts::Sections;
pub use problem::{Problem, Problems};

/// One record of any kind: its kind and its position in that kind's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RecordRef {
    pub kind: Kind,
    pub index: usize,
}

/// A validated knowledge base, with every id indexed and every link resolved both ways.
#[derive(Debug, Default, Clone)]
pub struct KnowledgeBase {
    /// The records themselves, one list per kind (`kb.countries`, through `Deref`).
    records: Records,
    /// Lower-cased id to record.
    ids: HashMap<String, RecordRef>,
    /// Record to the records that point at it (achievements citing a convention, events in a country...).
    backlinks: HashMap<RecordRef, Vec<RecordRef>>,
    /// What the explorer's views need of every result, gathered once (`result_facts`); forgotten when
    /// the records change.
    facts: std::sync::OnceLock<Vec<ResultFacts>>,
}

impl KnowledgeBase {
    /// Loads and validates a knowledge base; every problem found is returned at once.
    pub fn load(source: &DataSource) -> Result<KnowledgeBase, Problems> {
        load::load(source)
    }

    /// The knowledge base compiled into the binary.
    pub fn builtin() -> Result<KnowledgeBase, Problems> {
        load::load(&DataSource::Embedded)
    }

    pub fn len(&self, kind: Kind) -> usize {
        self.records.len(kind)
    }

    /// The records, without the ids and links that index them.
    pub(crate) fn into_records(self) -> Records {
        self.records
    }

    /// Reads every record the cache left on disk, on every core: for the front ends that show them all
    /// (the explorer, lists), where reading them one part at a time would be slower.
    pub fn materialize(&self) -> Result<(), crate::codec::Error> {
        crate::progress::begin(crate::progress::Stage::ReadingRecords, self.total_records());
        self.records.materialize()
    }

    pub fn total_records(&self) -> usize {
        Kind::ALL.iter().map(|&k| self.len(k)).sum()
    }

    /// Every record of one kind, in file order.
    pub fn refs(&self, kind: Kind) -> impl Iterator<Item = RecordRef> + '_ {
        (0..self.len(kind)).map(move |index| RecordRef { kind, index })
    }

    /// Every record of every kind.
    pub fn all_refs(&self) -> impl Iterator<Item = RecordRef> + '_ {
        Kind::ALL.into_iter().flat_map(move |k| self.refs(k))
    }

    /// Finds a record by id, ignoring case.
    pub fn find(&self, id: &str) -> Option<RecordRef> {
        // Lower-case ids (most of them) are looked up as they are: resolving 100,000 results' links
        // should not allocate a string per link.
        self.ids.get(text::lowercase(id.trim()).as_ref()).copied()
    }

    /// Finds a record of one kind by id.
    pub fn find_kind(&self, kind: Kind, id: &str) -> Option<RecordRef> {
        self.find(id).filter(|r| r.kind == kind)
    }

    /// The ids closest to a mistyped one (by name and alias too), best first.
    pub fn suggest(&self, wanted: &str, kind: Option<Kind>, limit: usize) -> Vec<String> {
        text::closest(
            wanted,
            self.all_refs()
                .filter(|r| kind.is_none_or(|k| r.kind == k))
                .flat_map(|r| {
                    let id = self.id(r).to_string();
                    self.names(r).into_iter().map(move |name| (name, id.clone()))
                }),
            limit,
        )
    }

    pub fn record(&self, r: RecordRef) -> Record<'_> {
        self.records.record(r)
    }

    pub fn id(&self, r: RecordRef) -> &str {
        self.record(r).id()
    }

    pub fn title(&self, r: RecordRef) -> &str {
        self.record(r).title()
    }

    /// The names a person may type for a record: its id, title and aliases.
    pub fn names(&self, r: RecordRef) -> Vec<String> {
        let record = self.record(r);
        let mut names = vec![record.id().to_string(), record.title().to_string()];
        let aliases = record.fields().other_names().into_iter();
        names.extend(
            aliases
                .filter(|(use_, _)| *use_ == fields::Name::Alias)
                .map(|(_, name)| name),
        );
        names
    }

    /// The records that point at `r`, in knowledge-base order.
    pub fn backlinks(&self, r: RecordRef) -> &[RecordRef] {
        self.backlinks.get(&r).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The records of one kind that point at `r`.
    pub fn backlinks_of(&self, r: RecordRef, kind: Kind) -> impl Iterator<Item = RecordRef> + '_ {
        self.backlinks(r).iter().copied().filter(move |b| b.kind == kind)
    }

    /// The records `r` points at (countries, priority, area, conventions, partnerships, source).
    pub fn links(&self, r: RecordRef) -> Vec<RecordRef> {
        let mut links: Vec<RecordRef> = Vec::new();
        for reference in self.record(r).references() {
            let found = self
                .find(reference.id)
                .filter(|t| reference.kind.is_none_or(|k| t.kind == k));
            match found {
                Some(target) if !links.contains(&target) => links.push(target),
                _ => {}
            }
        }
        links
    }

    /// Indexes every id, ignoring case, and returns the records whose id was already taken, each with the
    /// record that took it first (which keeps it). Validation reports those, and resolves references
    /// through this same index.
    fn index_ids(&mut self) -> Vec<(RecordRef, RecordRef)> {
        let mut ids = HashMap::with_capacity(self.total_records());
        let mut duplicates = Vec::new();
        for r in self.all_refs() {
            match ids.entry(self.id(r).to_lowercase()) {
                Entry::Occupied(first) => duplicates.push((r, *first.get())),
                Entry::Vacant(slot) => {
                    slot.insert(r);
                }
            }
        }
        self.ids = ids;
        duplicates
    }

    /// Resolves every link both ways; only for a valid knowledge base, whose references all resolve.
    /// The links are resolved on every core (at 100,000 results, a tenth of a check), then gathered
    /// here in the records' order, which is the order of each record's backlinks.
    fn index_links(&mut self) {
        let links: Vec<(RecordRef, RecordRef)> = self
            .on_every_core(|from| self.links(from).into_iter().map(move |to| (from, to)))
            .collect();
        let mut backlinks: HashMap<RecordRef, Vec<RecordRef>> = HashMap::new();
        for (from, to) in links {
            backlinks.entry(to).or_default().push(from);
        }
        self.backlinks = backlinks;
    }

    /// `found` of every record, worked out on every core in pieces of a few thousand records, in the
    /// records' order: for the rules and indexes that look at each record on its own.
    pub(crate) fn on_every_core<T: Send, I: Iterator<Item = T>>(
        &self,
        found: impl Fn(RecordRef) -> I + Sync,
    ) -> impl Iterator<Item = T> {
        let refs: Vec<RecordRef> = self.all_refs().collect();
        let pieces: Vec<&[RecordRef]> = refs.chunks(4096).collect();
        crate::par::map(&pieces, |_, piece| {
            piece.iter().flat_map(|&r| found(r)).collect::<Vec<T>>()
        })
        .into_iter()
        .flatten()
    }
}

impl std::ops::Deref for KnowledgeBase {
    type Target = Records;

    fn deref(&self) -> &Records {
        &self.records
    }
}

impl std::ops::DerefMut for KnowledgeBase {
    fn deref_mut(&mut self) -> &mut Records {
        self.facts = std::sync::OnceLock::new();
        &mut self.records
    }
}

impl<'a> Record<'a> {
    pub fn title(&self) -> &'a str {
        self.fields().title()
    }

    /// The main body text of the record.
    pub fn body(&self) -> &'a str {
        self.fields().body()
    }

    /// The cited source id and section (a source cites itself, with no section). A tour cites nothing
    /// itself: its steps show records that carry their own citations.
    pub fn citation(&self) -> Option<(&'a str, &'a str)> {
        self.fields().citation()
    }

    /// The record's own link, where it has one.
    pub fn url(&self) -> Option<&'a str> {
        self.fields().url()
    }
}

/// A step of the path to a field inside a record: `countries[2]` is `[Key("countries"), Index(2)]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seg {
    Key(&'static str),
    Index(usize),
}

/// One id a record refers to, the kind of record it must name, and where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference<'a> {
    /// `None`: a record of any kind (what a tour step shows).
    pub kind: Option<Kind>,
    pub id: &'a str,
    pub path: Vec<Seg>,
}
