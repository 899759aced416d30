//! The knowledge base: its records (`model`), how a folder of TOML becomes one (`load`), the rules it must
//! satisfy (`validate`), and the resolved, cross-linked view of one record that every front end shows
//! (`document`).

pub mod dates;
pub mod document;
mod kind;
pub mod links;
pub mod load;
pub mod model;
pub mod problem;
pub mod resolve;
pub mod text;
mod validate;

use std::collections::hash_map::Entry;
use std::collections::HashMap;

pub use kind::Kind;
pub use load::DataSource;
pub use model::*;
pub use problem::{Problem, Problems};

/// One record of any kind: its kind and its position in that kind's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RecordRef {
    pub kind: Kind,
    pub index: usize,
}

/// A borrowed record of any kind, for code that treats all kinds alike (lists, search, citations).
#[derive(Debug, Clone, Copy)]
pub enum Record<'a> {
    Programme(&'a Programme),
    Priority(&'a Priority),
    Area(&'a Area),
    Convention(&'a Convention),
    Country(&'a Country),
    Achievement(&'a Achievement),
    Figure(&'a Figure),
    Partnership(&'a Partnership),
    Event(&'a Event),
    Resource(&'a Resource),
    Source(&'a Source),
}

/// A validated knowledge base, with every id indexed and every link resolved both ways.
#[derive(Debug, Default, Clone)]
pub struct KnowledgeBase {
    pub programme: Vec<Programme>,
    pub priorities: Vec<Priority>,
    pub areas: Vec<Area>,
    pub conventions: Vec<Convention>,
    pub countries: Vec<Country>,
    pub achievements: Vec<Achievement>,
    pub figures: Vec<Figure>,
    pub partnerships: Vec<Partnership>,
    pub events: Vec<Event>,
    pub resources: Vec<Resource>,
    pub sources: Vec<Source>,
    /// Lower-cased id to record.
    ids: HashMap<String, RecordRef>,
    /// Record to the records that point at it (achievements citing a convention, events in a country...).
    backlinks: HashMap<RecordRef, Vec<RecordRef>>,
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
        match kind {
            Kind::Programme => self.programme.len(),
            Kind::Priority => self.priorities.len(),
            Kind::Area => self.areas.len(),
            Kind::Convention => self.conventions.len(),
            Kind::Country => self.countries.len(),
            Kind::Achievement => self.achievements.len(),
            Kind::Figure => self.figures.len(),
            Kind::Partnership => self.partnerships.len(),
            Kind::Event => self.events.len(),
            Kind::Resource => self.resources.len(),
            Kind::Source => self.sources.len(),
        }
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
        let id = id.trim();
        // Lower-case ids (most of them) are looked up as they are: resolving 100,000 results' links
        // should not allocate a string per link.
        if id
            .bytes()
            .any(|b| !b.is_ascii_lowercase() && !b.is_ascii_digit() && b != b'-')
        {
            self.ids.get(&id.to_lowercase()).copied()
        } else {
            self.ids.get(id).copied()
        }
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
        match r.kind {
            Kind::Programme => Record::Programme(&self.programme[r.index]),
            Kind::Priority => Record::Priority(&self.priorities[r.index]),
            Kind::Area => Record::Area(&self.areas[r.index]),
            Kind::Convention => Record::Convention(&self.conventions[r.index]),
            Kind::Country => Record::Country(&self.countries[r.index]),
            Kind::Achievement => Record::Achievement(&self.achievements[r.index]),
            Kind::Figure => Record::Figure(&self.figures[r.index]),
            Kind::Partnership => Record::Partnership(&self.partnerships[r.index]),
            Kind::Event => Record::Event(&self.events[r.index]),
            Kind::Resource => Record::Resource(&self.resources[r.index]),
            Kind::Source => Record::Source(&self.sources[r.index]),
        }
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
        if let Record::Country(c) = record {
            names.extend(c.aliases.iter().cloned());
        }
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
            match self.find_kind(reference.kind, reference.id) {
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
    fn index_links(&mut self) {
        let mut backlinks: HashMap<RecordRef, Vec<RecordRef>> = HashMap::new();
        for from in self.all_refs() {
            for to in self.links(from) {
                backlinks.entry(to).or_default().push(from);
            }
        }
        self.backlinks = backlinks;
    }
}

/// Runs the same expression on the record whatever its kind, for the fields every kind has.
macro_rules! on_each_kind {
    ($record:expr, $x:ident => $body:expr) => {
        match $record {
            $crate::kb::Record::Programme($x) => $body,
            $crate::kb::Record::Priority($x) => $body,
            $crate::kb::Record::Area($x) => $body,
            $crate::kb::Record::Convention($x) => $body,
            $crate::kb::Record::Country($x) => $body,
            $crate::kb::Record::Achievement($x) => $body,
            $crate::kb::Record::Figure($x) => $body,
            $crate::kb::Record::Partnership($x) => $body,
            $crate::kb::Record::Event($x) => $body,
            $crate::kb::Record::Resource($x) => $body,
            $crate::kb::Record::Source($x) => $body,
        }
    };
}
pub(crate) use on_each_kind;

impl<'a> Record<'a> {
    pub fn kind(&self) -> Kind {
        match self {
            Record::Programme(_) => Kind::Programme,
            Record::Priority(_) => Kind::Priority,
            Record::Area(_) => Kind::Area,
            Record::Convention(_) => Kind::Convention,
            Record::Country(_) => Kind::Country,
            Record::Achievement(_) => Kind::Achievement,
            Record::Figure(_) => Kind::Figure,
            Record::Partnership(_) => Kind::Partnership,
            Record::Event(_) => Kind::Event,
            Record::Resource(_) => Kind::Resource,
            Record::Source(_) => Kind::Source,
        }
    }

    pub fn id(&self) -> &'a str {
        on_each_kind!(self, x => &x.id)
    }

    pub fn title(&self) -> &'a str {
        match self {
            Record::Programme(x) => &x.name,
            Record::Priority(x) => &x.title,
            Record::Area(x) => &x.title,
            Record::Convention(x) => &x.title,
            Record::Country(x) => &x.name,
            Record::Achievement(x) => &x.title,
            Record::Figure(x) => &x.title,
            Record::Partnership(x) => &x.name,
            Record::Event(x) => &x.title,
            Record::Resource(x) => &x.title,
            Record::Source(x) => &x.title,
        }
    }

    /// The main body text of the record.
    pub fn body(&self) -> &'a str {
        match self {
            Record::Programme(x) => &x.summary,
            Record::Priority(x) => &x.challenge,
            Record::Area(x) => &x.summary,
            Record::Convention(x) => &x.summary,
            Record::Country(_) => "",
            Record::Achievement(x) => &x.summary,
            Record::Figure(x) => x.note.as_deref().unwrap_or(""),
            Record::Partnership(x) => &x.summary,
            Record::Event(x) => &x.summary,
            Record::Resource(x) => &x.summary,
            Record::Source(x) => &x.summary,
        }
    }

    /// The cited source id and section (a source cites itself, with no section).
    pub fn citation(&self) -> (&'a str, &'a str) {
        match self {
            Record::Programme(x) => (&x.source, &x.section),
            Record::Priority(x) => (&x.source, &x.section),
            Record::Area(x) => (&x.source, &x.section),
            Record::Convention(x) => (&x.source, &x.section),
            Record::Country(x) => (&x.source, &x.section),
            Record::Achievement(x) => (&x.source, &x.section),
            Record::Figure(x) => (&x.source, &x.section),
            Record::Partnership(x) => (&x.source, &x.section),
            Record::Event(x) => (&x.source, &x.section),
            Record::Resource(x) => (&x.source, &x.section),
            Record::Source(x) => (&x.id, ""),
        }
    }

    pub fn note(&self) -> Option<&'a str> {
        on_each_kind!(self, x => x.note.as_deref())
    }

    /// The record's own link, where it has one.
    pub fn url(&self) -> Option<&'a str> {
        match self {
            Record::Partnership(x) => x.url.as_deref(),
            Record::Resource(x) => x.url.as_deref(),
            Record::Source(x) => x.url.as_deref(),
            _ => None,
        }
    }

    pub fn origin(&self) -> model::Origin {
        on_each_kind!(self, x => x.origin)
    }

    /// Every id this record refers to, with the kind it must be and the field it is in, in field order.
    pub fn references(&self) -> Vec<Reference<'a>> {
        let mut refs = Vec::new();
        let list = |refs: &mut Vec<Reference<'a>>, kind: Kind, field: &'static str, ids: &'a [String]| {
            refs.extend(ids.iter().enumerate().map(|(i, id)| Reference {
                kind,
                id,
                path: vec![Seg::Key(field), Seg::Index(i)],
            }));
        };
        let one = |refs: &mut Vec<Reference<'a>>, kind: Kind, field: &'static str, id: Option<&'a str>| {
            refs.extend(id.map(|id| Reference {
                kind,
                id,
                path: vec![Seg::Key(field)],
            }));
        };
        match self {
            Record::Programme(x) => {
                list(&mut refs, Kind::Priority, "focus", &x.focus);
                list(&mut refs, Kind::Convention, "conventions", &x.conventions);
            }
            Record::Convention(x) => {
                refs.extend(x.ratifications.iter().enumerate().map(|(i, r)| Reference {
                    kind: Kind::Source,
                    id: &r.source,
                    path: vec![Seg::Key("ratifications"), Seg::Index(i), Seg::Key("source")],
                }));
            }
            Record::Achievement(x) => {
                list(&mut refs, Kind::Country, "countries", &x.countries);
                one(&mut refs, Kind::Priority, "priority", x.priority.as_deref());
                one(&mut refs, Kind::Area, "area", x.area.as_deref());
                list(&mut refs, Kind::Convention, "conventions", &x.conventions);
                list(&mut refs, Kind::Partnership, "partnerships", &x.partnerships);
            }
            Record::Figure(x) => {
                refs.extend(x.rows.iter().enumerate().filter_map(|(i, r)| {
                    Some(Reference {
                        kind: Kind::Country,
                        id: r.country.as_deref()?,
                        path: vec![Seg::Key("rows"), Seg::Index(i), Seg::Key("country")],
                    })
                }));
            }
            Record::Partnership(x) => list(&mut refs, Kind::Country, "countries", &x.countries),
            Record::Event(x) => list(&mut refs, Kind::Country, "countries", &x.countries),
            _ => {}
        }
        if !matches!(self, Record::Source(_)) {
            one(&mut refs, Kind::Source, "source", Some(self.citation().0));
        }
        refs
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
    pub kind: Kind,
    pub id: &'a str,
    pub path: Vec<Seg>,
}
