//! Search over every record of the knowledge base, fast enough to run on every keystroke.
//!
//! The index is an inverted index over folded words:
//! - every record's text is split into four fields (`fields`): id, names, short labels, running text;
//! - every distinct folded word gets an id in a sorted vocabulary (`matcher::Vocabulary`), and a postings
//!   list of the records it occurs in, each with the best field it occurs in;
//! - the whole names of every record (id, title, aliases) are kept folded and sorted, for the phrase
//!   bonuses.
//!
//! A query is split into words the same way (`tokens`) and read as the question people type
//! (`question`): words that carry no meaning in a question ("how", "many", "the", "did") are dropped, and
//! the question's shape ("how many", "who funds", "where", "when") names the kind of record that answers
//! it. Each meaningful word is matched against the vocabulary, not against the records (exactly, as a
//! prefix, with a typo, as an abbreviation, and as its other forms, synonyms and spellings: `synonyms`),
//! and the postings of the words it matched are added up into one score per record (`query`). A record
//! must match most of the meaningful words, in any field and any order; those that match all come first,
//! and each hit says which words it missed. A query that is, or starts, one of a record's whole names
//! earns a bonus on top. Nothing is cached between queries: each keystroke is a fresh search.
//!
//! A query with no words in it (empty, or only punctuation) matches nothing: there is nothing to rank
//! by, and listing every record is what `ipec list` is for.

pub mod answer;
mod fields;
mod matcher;
mod names;
mod postings;
mod query;
mod question;
pub(crate) mod store;
mod synonyms;
mod tokens;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use crate::kb::{Kind, KnowledgeBase, RecordRef};
use fields::{kind_rank, Field};
use matcher::Vocabulary;
use names::Names;
use postings::PostingsTable;

pub use question::Shape;
pub use tokens::{query_words, tokens, Token};

/// Words of a query beyond this are ignored: no one types more, and a pasted page must not cost more.
const MAX_WORDS: usize = 16;
/// The bonus for a query that is exactly one of a record's names ("ghana", "drc", "c182").
const EXACT_NAME_BONUS: u32 = 10_000;
/// The bonus for a query that one of a record's names starts with ("cote" for Côte d'Ivoire).
const NAME_PREFIX_BONUS: u32 = 3_000;

/// A search result: the record, its score (higher is better), the character positions of the title
/// that matched, for highlighting, and the meaningful words of the query it did not match (folded, in
/// query order; empty when it matched them all).
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub record: RecordRef,
    pub score: i64,
    pub title_matches: Vec<usize>,
    pub missing: Vec<String>,
}

/// Whether hits come with the positions of their title's matched characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Titles {
    Highlighted,
    Plain,
}

/// The index over one knowledge base. Records are numbered in `kb.all_refs()` order, so the records of
/// one kind are one contiguous range of numbers.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    records: Vec<RecordRef>,
    /// For ties: the kind's rank and the title's length, per record.
    tie: Vec<(u8, u32)>,
    kinds: HashMap<Kind, Range<u32>>,
    vocabulary: Vocabulary,
    /// Per word id: where it occurs.
    postings: PostingsTable,
    /// Every whole name of every record, folded and joined by single spaces, sorted, with its record and
    /// whether it is the id.
    names: Names,
}

impl SearchIndex {
    pub fn build(kb: &KnowledgeBase) -> SearchIndex {
        SearchIndex::build_in_parts(kb, crate::par::workers(kb.total_records() / MIN_PART + 1))
    }

    /// The index built from `parts` contiguous runs of records, one per core: each is indexed on its
    /// own, and the runs' sorted vocabularies are then merged, their postings joined in record order. The
    /// result is the same for any number of parts.
    fn build_in_parts(kb: &KnowledgeBase, parts: usize) -> SearchIndex {
        let records: Vec<RecordRef> = kb.all_refs().collect();
        let parts = parts.max(1);
        let runs: Vec<Range<usize>> = (0..parts)
            .map(|p| records.len() * p / parts..records.len() * (p + 1) / parts)
            .collect();
        let built = crate::par::map(&runs, |_, run| {
            let mut builder = Builder::default();
            let mut names = Vec::new();
            for doc in run.clone() {
                let r = records[doc];
                builder.add_record(&fields::record_texts(kb, r));
                for target in fields::linked(kb, r) {
                    builder.add_link(kb, target);
                }
                builder.end_record(doc as u32);
                for (i, name) in fields::names(kb, r).into_iter().enumerate() {
                    let folded = query_words(&name).join(" ").into_boxed_str();
                    names.push((folded, doc as u32, i == 0));
                }
            }
            (builder.into_sorted(), names)
        });
        let mut words = Vec::with_capacity(built.len());
        let mut names = Vec::new();
        for (part_words, part_names) in built {
            words.push(part_words);
            names.extend(part_names);
        }
        names.sort_unstable();
        let names: Names = names.into_iter().collect();
        let (vocabulary, postings) = merge(words);
        SearchIndex {
            tie: records
                .iter()
                .map(|&r| (kind_rank(r.kind), kb.title(r).chars().count() as u32))
                .collect(),
            kinds: kind_ranges(&records),
            records,
            vocabulary,
            postings,
            names,
        }
    }

    /// An estimate of the heap memory the index holds, in bytes (for the benchmarks: the process's RSS
    /// cannot separate the index from the knowledge base it indexes).
    pub fn memory_bytes(&self) -> usize {
        use std::mem::size_of;
        let postings = self.postings.memory_bytes();
        postings
            + self.names.memory_bytes()
            + self.vocabulary.memory_bytes()
            + self.records.capacity() * size_of::<RecordRef>()
            + self.tie.capacity() * size_of::<(u8, u32)>()
    }

    /// The number of distinct words indexed.
    pub fn vocabulary_len(&self) -> usize {
        self.vocabulary.word_count()
    }

    /// The best `limit` records for `query`, best first, only of `kind` if given (`query.rs`): those that
    /// match every meaningful word of it first, then those that match most, each with the words it missed.
    pub fn search(&self, kb: &KnowledgeBase, query: &str, kind: Option<Kind>, limit: usize) -> Vec<Hit> {
        self.answer(kb, query, kind, limit, Titles::Highlighted)
    }

    /// Every hit, best first, without the title highlights only a screen needs: finding them reads every
    /// hit's title, which at 100,000 records means reading most records back from the cache for
    /// nothing (`ipec search` prints no highlights, and keeps only `--limit` hits after its filters).
    pub fn search_all(&self, kb: &KnowledgeBase, query: &str, kind: Option<Kind>) -> Vec<Hit> {
        self.answer(kb, query, kind, usize::MAX, Titles::Plain)
    }

    /// The phrase bonuses: records one of whose whole names is the query, or starts with it. A slug's
    /// first word is mostly a namespace ("clp" starts `clp-annual-meeting-2023` and a dozen more, and
    /// is the name of one partnership), so a one-word query earns the prefix bonus from titles and
    /// aliases only; "ilo usdol" starting `ilo-usdol-partnership` does count.
    fn name_bonuses(&self, words: &[String]) -> Vec<(u32, u32)> {
        let phrase = words.join(" ");
        let ids_count = words.len() > 1;
        let start = self.names.partition_point(0, |n| n < phrase.as_str());
        let end = self.names.partition_point(start, |n| n.starts_with(&phrase));
        (start..end)
            .map(|i| self.names.get(i))
            .filter_map(|(name, doc, is_id)| {
                if name == phrase {
                    Some((doc, EXACT_NAME_BONUS))
                } else {
                    (!is_id || ids_count).then_some((doc, NAME_PREFIX_BONUS))
                }
            })
            .collect()
    }
}

/// The records of each kind, as ranges of record numbers.
fn kind_ranges(records: &[RecordRef]) -> HashMap<Kind, Range<u32>> {
    let mut ranges: HashMap<Kind, Range<u32>> = HashMap::new();
    for (doc, r) in records.iter().enumerate() {
        let doc = doc as u32;
        ranges
            .entry(r.kind)
            .and_modify(|range| range.end = doc + 1)
            .or_insert(doc..doc + 1);
    }
    ranges
}

/// The postings of `list` whose records are in `range` (postings are sorted by record).
fn in_range<'a>(list: &'a [u32], range: &Range<u32>) -> &'a [u32] {
    let start = list.partition_point(|p| (p >> 2) < range.start);
    let end = list.partition_point(|p| (p >> 2) < range.end);
    &list[start..end]
}

/// Collects words and postings record by record, then sorts the vocabulary.
#[derive(Default)]
struct Builder {
    ids: FastMap<String, u32>,
    postings: Vec<Vec<u32>>,
    /// Per word: whether it occurs in an id, a name or a label somewhere (a typo candidate).
    in_names: Vec<bool>,
    /// The current record's (word, best field) pairs, reused between records.
    seen: FastMap<u32, Field>,
    /// The words of each linked record's names, tokenized once: thousands of results link the same
    /// country.
    link_words: FastMap<RecordRef, Vec<u32>>,
}

impl Builder {
    /// Adds the words of the current record's own texts.
    fn add_record(&mut self, texts: &[(Field, String)]) {
        for (field, text) in texts {
            tokens::each_token(text, |word, _| {
                let id = self.word_id(word);
                self.saw(id, *field);
            });
        }
    }

    /// Adds the names of a record the current one links to, as labels.
    fn add_link(&mut self, kb: &KnowledgeBase, target: RecordRef) {
        let words = match self.link_words.remove(&target) {
            Some(words) => words,
            None => {
                let mut words = Vec::new();
                for name in kb.names(target) {
                    tokens::each_token(&name, |word, _| words.push(self.word_id(word)));
                }
                words
            }
        };
        for &id in &words {
            self.saw(id, Field::Short);
        }
        self.link_words.insert(target, words);
    }

    fn saw(&mut self, id: u32, field: Field) {
        let best = self.seen.entry(id).or_insert(field);
        *best = (*best).min(field);
    }

    /// Writes the current record's postings, one per word with its best field.
    fn end_record(&mut self, doc: u32) {
        let mut pairs: Vec<(u32, Field)> = self.seen.drain().collect();
        pairs.sort_unstable();
        for (word, field) in pairs {
            self.postings[word as usize].push(doc << 2 | field as u32);
            self.in_names[word as usize] |= field != Field::Body;
        }
    }

    fn word_id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.postings.len() as u32;
        self.ids.insert(word.to_string(), id);
        self.postings.push(Vec::new());
        self.in_names.push(false);
        id
    }

    /// Every word with its postings and whether it is a typo candidate, sorted by word.
    fn into_sorted(self) -> Vec<(String, Vec<u32>, bool)> {
        let mut postings = self.postings;
        let mut words: Vec<(String, Vec<u32>, bool)> = self
            .ids
            .into_iter()
            .map(|(word, id)| {
                let list = std::mem::take(&mut postings[id as usize]);
                (word, list, self.in_names[id as usize])
            })
            .collect();
        words.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        words
    }
}

/// Records per part of a parallel build, at least: below this, a thread costs more than it saves.
const MIN_PART: usize = 2_000;

/// The sorted vocabulary of several parts of the records (each sorted, in record order), and each
/// word's postings: those of the parts, joined in order, so still ascending by record.
fn merge(parts: Vec<Vec<(String, Vec<u32>, bool)>>) -> (Vocabulary, PostingsTable) {
    let total = parts.iter().map(Vec::len).max().unwrap_or(0);
    let mut words: Vec<Box<str>> = Vec::with_capacity(total);
    let mut postings = PostingsTable::default();
    let mut in_names: Vec<bool> = Vec::with_capacity(total);
    let mut parts = parts;
    let mut at = vec![0; parts.len()];
    // The part with the smallest next word; every part that has that word gives its postings, in part
    // order.
    while let Some(first) = (0..parts.len())
        .filter(|&p| at[p] < parts[p].len())
        .min_by(|&a, &b| parts[a][at[a]].0.cmp(&parts[b][at[b]].0))
    {
        let word = std::mem::take(&mut parts[first][at[first]].0);
        let mut list: Vec<u32> = Vec::new();
        let mut named = false;
        for p in 0..parts.len() {
            let here = p == first || (at[p] < parts[p].len() && parts[p][at[p]].0 == word);
            if here {
                let (_, part, part_named) = &mut parts[p][at[p]];
                if list.is_empty() {
                    list = std::mem::take(part);
                } else {
                    list.append(part);
                }
                named |= *part_named;
                at[p] += 1;
            }
        }
        words.push(word.into_boxed_str());
        postings.push(&list);
        in_names.push(named);
    }
    let vocabulary = Vocabulary::new(words, |id| in_names[id as usize]);
    (vocabulary, postings)
}

/// The build hashes every word of every record: a simple multiply-rotate hash (FxHash) is several times
/// faster than the default SipHash, whose protection against crafted keys a local index does not need.
type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

#[derive(Default, Clone, Copy)]
struct FastHasher(u64);

impl FastHasher {
    fn add(&mut self, value: u64) {
        self.0 = (self.0.rotate_left(5) ^ value).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let mut rest = [0u8; 8];
        rest[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
        self.add(u64::from_le_bytes(rest));
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod build_tests;
#[cfg(test)]
mod tests;
