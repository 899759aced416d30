//! The table of kinds: one line per kind of record generates the `Kind` enum and its names (key, plural,
//! label, heading, its word in a sentence, its rank among search results), the `Record` enum that borrows
//! a record of any kind, the storage (`Records`) with its counts and lookups, loading a TOML item into the
//! right list, what every kind has (id, note, origin, JSON), and from its link fields its `references()`
//! and `Kind::links_to`. A new kind is its struct in `model`, its line here, and the two impls the
//! compiler then asks for: `Fields` (`fields.rs`) and the document's `Shown` (`document/kinds.rs`),
//! through `for_record!` and `for_kind!`, which this table generates too.

use std::fmt;
use std::str::FromStr;

use super::model::*;
use super::parts::{Parts, Sections};
use super::{RecordRef, Reference, Seg};

/// The path of a link field in messages: its name, or the name it has in TOML (`steps as "step"`).
macro_rules! link_key {
    ($field:ident) => {
        stringify!($field)
    };
    ($field:ident as $key:literal) => {
        $key
    };
}

/// The kind a link must name: `any` for a record of any kind (what a tour step shows).
macro_rules! link_kind {
    (any) => {
        None
    };
    ($kind:ident) => {
        Some(Kind::$kind)
    };
}

/// Whether a link field (or a list of links in its entries) names records of `target`.
macro_rules! links_to {
    ($target:ident, { $($sub:ident: $kind:tt),* $(,)? }) => {
        false $(|| links_to!($target, $kind))*
    };
    ($target:ident, any) => {
        false
    };
    ($target:ident, $kind:ident) => {
        $target == Kind::$kind
    };
}

/// The references of one link field, appended to `refs`: an id (`Option<String>`), a list of ids
/// (`Vec<String>`), or a list of entries each with link fields of its own (`{ country: Country }`).
macro_rules! push_links {
    ($refs:ident, $field:expr, $key:expr, { $($sub:ident: $kind:tt),* $(,)? }) => {
        for (i, entry) in $field.iter().enumerate() {
            $(super::kind::LinkIds::each_id(&entry.$sub, &mut |_, id| {
                $refs.push(Reference {
                    kind: link_kind!($kind),
                    id,
                    path: vec![Seg::Key($key), Seg::Index(i), Seg::Key(stringify!($sub))],
                })
            });)*
        }
    };
    ($refs:ident, $field:expr, $key:expr, $kind:tt) => {
        super::kind::LinkIds::each_id(&$field, &mut |i, id| {
            $refs.push(Reference {
                kind: link_kind!($kind),
                id,
                path: match i {
                    Some(i) => vec![Seg::Key($key), Seg::Index(i)],
                    None => vec![Seg::Key($key)],
                },
            })
        });
    };
}

/// The ids of one link field given to `found` with the kind each must be, without the paths
/// `push_links!` builds: for the filters, which look at every record.
macro_rules! each_link {
    ($found:ident, $field:expr, { $($sub:ident: $kind:tt),* $(,)? }) => {
        for entry in $field.iter() {
            $(super::kind::LinkIds::each_id(&entry.$sub, &mut |_, id| $found(link_kind!($kind), id));)*
        }
    };
    ($found:ident, $field:expr, $kind:tt) => {
        super::kind::LinkIds::each_id(&$field, &mut |_, id| $found(link_kind!($kind), id));
    };
}

/// A field that holds ids of other records: one (`Option<String>`) or a list (`Vec<String>`).
pub(crate) trait LinkIds {
    /// Each id, with its place in the list (`None`: the field holds one).
    fn each_id<'a>(&'a self, found: &mut dyn FnMut(Option<usize>, &'a str));
}

impl LinkIds for Option<String> {
    fn each_id<'a>(&'a self, found: &mut dyn FnMut(Option<usize>, &'a str)) {
        if let Some(id) = self {
            found(None, id);
        }
    }
}

impl LinkIds for Vec<String> {
    fn each_id<'a>(&'a self, found: &mut dyn FnMut(Option<usize>, &'a str)) {
        for (i, id) in self.iter().enumerate() {
            found(Some(i), id);
        }
    }
}

impl LinkIds for String {
    fn each_id<'a>(&'a self, found: &mut dyn FnMut(Option<usize>, &'a str)) {
        found(None, self);
    }
}

macro_rules! kinds {
    ($d:tt; $(
        $variant:ident($ty:ident) in $field:ident:
            key $key:literal, plural $plural:literal, label $label:literal, heading $heading:literal,
            word $word:literal, rank $rank:literal,
            file $file:literal, layout $layout:literal,
            links [$($link:ident $(as $link_key:literal)? => $link_to:tt),* $(,)?]
            $(, shows [$($shown:ident $(as $shown_key:literal)? => $shown_to:tt),* $(,)?])?;
    )*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Kind {
            $($variant,)*
        }

        impl Kind {
            pub const ALL: [Kind; [$(Kind::$variant),*].len()] = [$(Kind::$variant),*];

            /// Every kind's `key`, in the same order, for constant contexts.
            pub const KEYS: [&'static str; Kind::ALL.len()] = [$($key),*];

            /// The TOML table-array name: `[[achievement]]`.
            pub fn key(self) -> &'static str {
                match self {
                    $(Kind::$variant => $key,)*
                }
            }

            /// The plural used on the command line: `ipec list achievements`.
            pub fn plural(self) -> &'static str {
                match self {
                    $(Kind::$variant => $plural,)*
                }
            }

            /// A human label, as shown beside search results.
            pub fn label(self) -> &'static str {
                match self {
                    $(Kind::$variant => $label,)*
                }
            }

            /// The kind as a heading: "Results", "Figures and tables".
            pub fn heading(self) -> &'static str {
                match self {
                    $(Kind::$variant => $heading,)*
                }
            }

            /// Where its records are kept in the knowledge-base folder: `sources.toml`, `achievements/*.toml`.
            pub fn file(self) -> &'static str {
                match self {
                    $(Kind::$variant => $file,)*
                }
            }

            /// The fields of its TOML table, in their canonical order (that of its type, and of the schema).
            pub fn fields(self) -> &'static [&'static str] {
                match self {
                    $(Kind::$variant => super::schema::fields_of::<$ty>(),)*
                }
            }

            /// The kind as it reads inside a sentence: "result", "country".
            pub fn word(self) -> &'static str {
                match self {
                    $(Kind::$variant => $word,)*
                }
            }

            /// Ties between equally good search results go to the kinds people most often look for by
            /// name: lower first.
            pub fn rank(self) -> u8 {
                match self {
                    $(Kind::$variant => $rank,)*
                }
            }

            /// Whether records of this kind name records of `target` in their link fields (`links` in
            /// the table: what a record is about, which the filters follow; not what a tour shows).
            pub fn links_to(self, target: Kind) -> bool {
                match self {
                    $(Kind::$variant => false $(|| links_to!(target, $link_to))*,)*
                }
            }

            /// Whether `--year` applies to its records (`Fields::dated`).
            pub fn dated(self) -> bool {
                match self {
                    $(Kind::$variant => <$ty as super::fields::Fields>::dated(),)*
                }
            }

            /// What its file holds and how its records are split between files, for people.
            pub fn layout(self) -> &'static str {
                match self {
                    $(Kind::$variant => $layout,)*
                }
            }
        }

        /// A borrowed record of any kind, for code that treats all kinds alike (lists, search, citations).
        #[derive(Debug, Clone, Copy)]
        pub enum Record<'a> {
            $($variant(&'a $ty),)*
        }

        impl<'a> Record<'a> {
            pub fn kind(&self) -> Kind {
                match self {
                    $(Record::$variant(_) => Kind::$variant,)*
                }
            }

            /// What its fields are (title, body, citation, names, labels, years...), for code that treats
            /// every kind alike.
            pub fn fields(&self) -> &'a dyn super::fields::Fields {
                match *self {
                    $(Record::$variant(x) => x,)*
                }
            }

            pub fn id(&self) -> &'a str {
                match self {
                    $(Record::$variant(x) => &x.id,)*
                }
            }

            pub fn note(&self) -> Option<&'a str> {
                match self {
                    $(Record::$variant(x) => x.note.as_deref(),)*
                }
            }

            pub fn origin(&self) -> Origin {
                match self {
                    $(Record::$variant(x) => x.origin,)*
                }
            }

            /// Every id this record refers to, with the kind it must be and the field it is in, in field
            /// order: its link fields (`links` and `shows` in the table), then the source it cites.
            pub fn references(&self) -> Vec<Reference<'a>> {
                let mut refs = Vec::new();
                match *self {
                    $(Record::$variant(record) => {
                        let _ = record;
                        $(push_links!(refs, record.$link, link_key!($link $(as $link_key)?), $link_to);)*
                        $($(push_links!(refs, record.$shown, link_key!($shown $(as $shown_key)?), $shown_to);)*)?
                    })*
                }
                if let Some((source, _)) = self.citation().filter(|_| !matches!(self, Record::Source(_))) {
                    refs.push(Reference {
                        kind: Some(Kind::Source),
                        id: source,
                        path: vec![Seg::Key("source")],
                    });
                }
                refs
            }

            /// What `references()` holds, without the paths, allocating nothing: each id with the kind it
            /// must be, in the same order.
            pub fn each_link(&self, found: &mut dyn FnMut(Option<Kind>, &'a str)) {
                match *self {
                    $(Record::$variant(record) => {
                        let _ = record;
                        $(each_link!(found, record.$link, $link_to);)*
                        $($(each_link!(found, record.$shown, $shown_to);)*)?
                    })*
                }
                if let Some((source, _)) = self.citation().filter(|_| !matches!(self, Record::Source(_))) {
                    found(Some(Kind::Source), source);
                }
            }

            /// The record's own fields, as `ipec show --format json` prints them.
            pub fn to_json(&self) -> serde_json::Result<serde_json::Value> {
                match self {
                    $(Record::$variant(x) => serde_json::to_value(x),)*
                }
            }
        }

        /// A record's own type, for code generic over kinds (`for_kind!`).
        pub trait OfKind: Sized {
            const KIND: Kind;

            /// The record, if it is of this kind.
            fn of(record: Record<'_>) -> Option<&Self>;
        }

        $(impl OfKind for $ty {
            const KIND: Kind = Kind::$variant;

            fn of(record: Record<'_>) -> Option<&Self> {
                if let Record::$variant(x) = record {
                    Some(x)
                } else {
                    None
                }
            }
        })*

        /// `for_record!(record, x => body)`: `body` with `x` the record as its own type (`&Achievement`),
        /// whatever its kind; for a trait every kind implements in a higher layer (the document's
        /// `Shown`), which the compiler then asks of a new kind.
        macro_rules! for_record {
            ($d record:expr, $d x:ident => $d body:expr) => {
                match $d record {
                    $($crate::kb::Record::$variant($d x) => $d body,)*
                }
            };
        }
        pub(crate) use for_record;

        /// `for_kind!(kind, f(args))`: `f::<T>(args)` with `T` the type of `kind`'s records.
        macro_rules! for_kind {
            ($d kind:expr, $d f:ident($d ($d arg:expr),* $d (,)?)) => {
                match $d kind {
                    $($crate::kb::Kind::$variant => $d f::<$crate::kb::$ty>($d ($d arg),*),)*
                }
            };
        }
        pub(crate) use for_kind;

        /// Every record, one list per kind, in file order.
        #[derive(Debug, Default, Clone)]
        pub struct Records {
            $(pub $field: Parts<$ty>,)*
        }

        impl Records {
            pub fn len(&self, kind: Kind) -> usize {
                match kind {
                    $(Kind::$variant => self.$field.len(),)*
                }
            }

            pub fn record(&self, r: RecordRef) -> Record<'_> {
                match r.kind {
                    $(Kind::$variant => Record::$variant(&self.$field[r.index]),)*
                }
            }

            /// Reads one TOML item as a record of `kind` and appends it.
            pub(super) fn load_item(
                &mut self,
                kind: Kind,
                item: &toml::Spanned<toml::de::DeValue<'_>>,
                origin: Origin,
            ) -> Result<(), toml::de::Error> {
                match kind {
                    $(Kind::$variant => super::load::push(&mut self.$field, item, origin),)*
                }
            }
        }

        /// One file's records, deserialized straight from its TOML text: the loader's fast path, for a
        /// file that has no problem. A file with any (an unknown kind, a misspelt field) fails as a whole
        /// and is read again record by record, which says where and what each problem is.
        ///
        /// Its JSON Schema is the schema of a knowledge-base file (`ipec schema`).
        #[derive(Debug, Default, serde::Deserialize, schemars::JsonSchema)]
        #[serde(deny_unknown_fields)]
        #[schemars(
            title = "A file of the ipec knowledge base",
            description = "One file of the IPEC+ knowledge base: records of one kind, each written as a \
                `[[kind]]` table (see data/README.md). Every fact names its `source` and `section`."
        )]
        pub(crate) struct FileRecords {
            $(
                #[serde(rename = $key, default)]
                #[schemars(description = concat!("`[[", $key, "]]` records, kept in `", $file, "`: ", $layout, "."))]
                $field: Vec<$ty>,
            )*
        }

        impl Records {
            /// Appends one file's records, each remembering its place in that file's list of its kind.
            pub(super) fn append(&mut self, records: FileRecords, file: usize) {
                $(
                    self.$field.extend(records.$field.into_iter().enumerate().map(|(index, mut record)| {
                        record.set_origin(Origin { file, index });
                        record
                    }));
                )*
            }
        }

        impl Records {
            /// The binary form of records `range` of one kind, for the cache, with where each was read from.
            pub(crate) fn encode_part(
                &self,
                kind: Kind,
                range: std::ops::Range<usize>,
                out: &mut Vec<u8>,
            ) -> Result<(), crate::codec::Error> {
                match kind {
                    $(Kind::$variant => super::store::encode_records(range.map(|i| &self.$field[i]), out),)*
                }
            }

            /// The records of one kind as parts of `per_part` on disk, part `p` in section `sections[p]`.
            pub(crate) fn set_on_disk(
                &mut self,
                kind: Kind,
                len: usize,
                per_part: usize,
                section_of_part: Vec<usize>,
                from: std::sync::Arc<dyn Sections>,
            ) -> Result<(), crate::codec::Error> {
                match kind {
                    $(Kind::$variant => self.$field = Parts::on_disk(len, per_part, section_of_part, from)?,)*
                }
                Ok(())
            }

            /// The records, moved out file by file, as their origins place them. A file whose records
            /// are not exactly `counts[f]` of each kind, numbered from 0 in its file, gives `None`: the
            /// cache does not hold that file whole, and it is only parsed again.
            pub(crate) fn into_files(
                self,
                counts: &[[usize; Kind::ALL.len()]],
            ) -> Result<Vec<Option<FileRecords>>, crate::codec::Error> {
                let mut files: Vec<Option<FileRecords>> = counts.iter().map(|_| Some(FileRecords::default())).collect();
                $(
                    for record in self.$field.into_vec()? {
                        let file = record.origin.file;
                        let whole = files.get_mut(file).and_then(Option::as_mut).filter(|f| {
                            record.origin.index == f.$field.len()
                                && f.$field.len() < counts[file][Kind::$variant as usize]
                        });
                        match whole {
                            Some(of_file) => of_file.$field.push(record),
                            None => if let Some(of_file) = files.get_mut(file) {
                                *of_file = None;
                            },
                        }
                    }
                    for (of_file, counts) in files.iter_mut().zip(counts) {
                        if of_file.as_ref().is_some_and(|f| f.$field.len() != counts[Kind::$variant as usize]) {
                            *of_file = None;
                        }
                    }
                )*
                Ok(files)
            }

            /// How many records of each kind came from each of `files` files.
            pub(crate) fn counts_by_file(&self, files: usize) -> Vec<[usize; Kind::ALL.len()]> {
                let mut counts = vec![[0; Kind::ALL.len()]; files];
                $(for record in &self.$field {
                    if let Some(of_file) = counts.get_mut(record.origin.file) {
                        of_file[Kind::$variant as usize] += 1;
                    }
                })*
                counts
            }

            /// `f` of one record, its part not kept when it is still on disk (`Parts::peek`).
            pub fn peek<X>(&self, r: RecordRef, f: impl FnOnce(Record<'_>) -> X) -> Option<X> {
                match r.kind {
                    $(Kind::$variant => self.$field.peek(r.index, |x| f(Record::$variant(x))),)*
                }
            }

            /// `f` of each of `refs` (of any kinds, in any order), the parts they are in read once
            /// each, on every core, and not kept (`Parts::peek_many`).
            pub fn peek_many<X: Send>(
                &self,
                refs: &[RecordRef],
                f: impl Fn(RecordRef, Record<'_>) -> X + Sync,
            ) -> Vec<Option<X>> {
                let mut out: Vec<Option<X>> = std::iter::repeat_with(|| None).take(refs.len()).collect();
                $(
                    let mine: Vec<usize> = (0..refs.len()).filter(|&i| refs[i].kind == Kind::$variant).collect();
                    if !mine.is_empty() {
                        let indices: Vec<usize> = mine.iter().map(|&i| refs[i].index).collect();
                        let r = |index| RecordRef { kind: Kind::$variant, index };
                        let found = self.$field.peek_many(&indices, |index, x| f(r(index), Record::$variant(x)));
                        for (at, x) in mine.into_iter().zip(found) {
                            out[at] = x;
                        }
                    }
                )*
                out
            }

            /// `f` of every record of `kind`, in order, the parts still on disk read and dropped again
            /// (`Parts::gather`): a little of every record without holding them all.
            pub fn gather<X: Send>(&self, kind: Kind, f: impl Fn(Record<'_>) -> X + Sync) -> Vec<X> {
                match kind {
                    $(Kind::$variant => self.$field.gather(|x| f(Record::$variant(x))),)*
                }
            }

            /// Reads every record still on disk, on every core.
            pub(crate) fn materialize(&self) -> Result<(), crate::codec::Error> {
                $(self.$field.materialize()?;)*
                Ok(())
            }

            /// Reads every record of one kind still on disk, on every core: for a command that reads
            /// them all (a list) rather than part by part as it goes.
            pub(crate) fn materialize_kind(&self, kind: Kind) -> Result<(), crate::codec::Error> {
                match kind {
                    $(Kind::$variant => self.$field.materialize(),)*
                }
            }
        }

        $(impl super::store::Placed for $ty {
            fn origin(&self) -> Origin {
                self.origin
            }
        })*

        $(impl Located for $ty {
            fn set_origin(&mut self, origin: Origin) {
                self.origin = origin;
            }
        })*
    };
}

kinds! { $;
    Programme(Programme) in programme:
        key "programme", plural "programme", label "Programme", heading "Programme",
        word "programme", rank 4,
        file "programme.toml",
        layout "IPEC+ itself: goals, focus, where it works, normative framework, theory of change",
        links [focus => Priority, conventions => Convention];
    Priority(Priority) in priorities:
        key "priority", plural "priorities", label "Priority", heading "Thematic priorities",
        word "priority", rank 1,
        file "priorities.toml",
        layout "the three thematic priorities and their challenge",
        links [];
    Area(Area) in areas:
        key "area", plural "areas", label "Area", heading "Theory-of-change areas",
        word "area", rank 3,
        file "areas.toml",
        layout "the four categories of change of the theory of change",
        links [];
    Convention(Convention) in conventions:
        key "convention", plural "conventions", label "Convention", heading "Conventions and protocols",
        word "convention", rank 2,
        file "conventions.toml",
        layout "ILO conventions and protocols, with dated ratification figures",
        links [ratifications => { source: Source }];
    Country(Country) in countries:
        key "country", plural "countries", label "Country", heading "Countries",
        word "country", rank 0,
        file "countries.toml",
        layout "every country the sources name",
        links [];
    Achievement(Achievement) in achievements:
        key "achievement", plural "achievements", label "Result", heading "Results",
        word "result", rank 6,
        file "achievements/*.toml",
        layout "country results and case studies, one file per source chapter",
        links [
            countries => Country,
            priority => Priority,
            area => Area,
            conventions => Convention,
            partnerships => Partnership,
        ];
    Figure(Figure) in figures:
        key "figure", plural "figures", label "Figure", heading "Figures and tables",
        word "figure", rank 7,
        file "figures/*.toml",
        layout "statistics and tables, one file per source or kind of number: global estimates, the programme's headline numbers, the numbers of a report, the numbers of the event listings",
        links [rows => { country: Country }];
    Partnership(Partnership) in partnerships:
        key "partnership", plural "partnerships", label "Partnership", heading "Partnerships",
        word "partnership", rank 5,
        file "partnerships.toml",
        layout "alliances, initiatives, platforms, networks, programmes, projects, campaigns and funding partners",
        links [countries => Country];
    Event(Event) in events:
        key "event", plural "events", label "Event", heading "Events",
        word "event", rank 9,
        file "events/*.toml",
        layout "the items of the ILO event listings, one file per listing",
        links [
            countries => Country,
            about_countries => Country,
            partnerships => Partnership,
            conventions => Convention,
            resources => Resource,
        ];
    Resource(Resource) in resources:
        key "resource", plural "resources", label "Resource", heading "Resources",
        word "resource", rank 8,
        file "resources.toml",
        layout "toolkits, guides, publications and declarations the sources recommend or cite",
        links [];
    Source(Source) in sources:
        key "source", plural "sources", label "Source", heading "Sources",
        word "source", rank 10,
        file "sources.toml",
        layout "the source documents every record cites",
        links [];
    Tour(Tour) in tours:
        key "tour", plural "tours", label "Tour", heading "Tours",
        word "tour", rank 11,
        file "tours/*.toml",
        layout "workshops as slides, one file per tour, named by its id",
        links [],
        shows [steps as "step" => { record: any, country: Country, figure: Figure }];
}

impl Kind {
    pub fn from_key(key: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.key() == key)
    }
}

impl serde::Serialize for Kind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.key())
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl FromStr for Kind {
    type Err = String;

    /// Accepts the plural (`countries`) or the singular (`country`), in any case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_lowercase();
        Kind::ALL
            .into_iter()
            .find(|k| k.plural() == wanted || k.key() == wanted)
            .ok_or_else(|| {
                let names: Vec<&str> = Kind::ALL.iter().map(|k| k.plural()).collect();
                let s = super::text::escape(s);
                match super::text::did_you_mean(&s, &names) {
                    Some(name) => format!(
                        "unknown kind `{s}`; did you mean {name}? The kinds are {}",
                        names.join(", ")
                    ),
                    None => format!("unknown kind `{s}`; expected one of {}", names.join(", ")),
                }
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::KnowledgeBase;

    #[test]
    fn each_link_is_references_without_the_paths() {
        let kb = KnowledgeBase::builtin().expect("the built-in knowledge base loads");
        for r in kb.all_refs() {
            let record = kb.record(r);
            let mut links = Vec::new();
            record.each_link(&mut |kind, id| links.push((kind, id)));
            let references: Vec<(Option<Kind>, &str)> = record.references().iter().map(|x| (x.kind, x.id)).collect();
            assert_eq!(links, references, "{}", record.id());
        }
    }

    #[test]
    fn a_kind_links_to_the_kinds_its_references_name() {
        let kb = KnowledgeBase::builtin().expect("the built-in knowledge base loads");
        for r in kb.all_refs() {
            for reference in kb.record(r).references() {
                // What a tour shows and every record's source are not links the filters follow.
                let followed = reference.kind.filter(|&k| k != Kind::Source && r.kind != Kind::Tour);
                if let Some(target) = followed {
                    assert!(r.kind.links_to(target), "{} -> {target}", kb.id(r));
                }
            }
        }
    }
}
