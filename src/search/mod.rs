//! Search over every record of the knowledge base, fast enough to run on every keystroke.
//!
//! The index is an inverted index over folded words:
//! - every record's text is split into four fields (`fields`): id, names, short labels, running text;
//! - every distinct folded word gets an id in a sorted vocabulary (`matcher::Vocabulary`), and a postings
//!   list of the records it occurs in, each with the best field it occurs in;
//! - the whole names of every record (id, title, aliases) are kept folded and sorted, for the phrase
//!   bonuses.
//!
//! A query is split into words the same way (`tokens`). Each word is matched against the vocabulary, not
//! against the records (exactly, as a prefix, with a typo, as an abbreviation), and the postings of the
//! words it matched are added up into one score per record. A record must match every query word, in any
//! field and any order. A query that is, or starts, one of a record's whole names earns a bonus on top.
//! Nothing is cached between queries: each keystroke is a fresh search.
//!
//! A query with no words in it (empty, or only punctuation) matches nothing: there is nothing to rank
//! by, and listing every record is what `ipec list` is for.

mod fields;
mod matcher;
mod tokens;

use std::collections::HashMap;
use std::ops::Range;

use crate::kb::{Kind, KnowledgeBase, RecordRef};
use fields::{kind_rank, Field};
use matcher::{Extent, Vocabulary, WordMatch};

pub use tokens::{query_words, tokens, Token};

/// The bonus for a query that is exactly one of a record's names ("ghana", "drc", "c182").
const EXACT_NAME_BONUS: u32 = 10_000;
/// The bonus for a query that one of a record's names starts with ("cote" for Côte d'Ivoire).
const NAME_PREFIX_BONUS: u32 = 3_000;

/// A search result: the record, its score (higher is better) and the character positions of the title
/// that matched, for highlighting.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub record: RecordRef,
    pub score: i64,
    pub title_matches: Vec<usize>,
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
    /// Per word id: `record << 2 | field`, ascending, one entry per record (its best field).
    postings: Vec<Vec<u32>>,
    /// Every whole name of every record, folded and joined by single spaces, sorted, with its record.
    names: Vec<(Box<str>, u32)>,
}

impl SearchIndex {
    pub fn build(kb: &KnowledgeBase) -> SearchIndex {
        let records: Vec<RecordRef> = kb.all_refs().collect();
        let mut builder = Builder::default();
        let mut names = Vec::new();
        for (doc, &r) in records.iter().enumerate() {
            builder.add_record(doc as u32, &fields::record_texts(kb, r));
            for name in fields::names(kb, r) {
                names.push((query_words(&name).join(" ").into_boxed_str(), doc as u32));
            }
        }
        names.sort_unstable();
        let (vocabulary, postings) = builder.finish();
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

    /// The number of distinct words indexed.
    pub fn vocabulary_len(&self) -> usize {
        self.vocabulary.word_count()
    }

    /// The best `limit` records for `query`, best first, only of `kind` if given.
    pub fn search(
        &self,
        kb: &KnowledgeBase,
        query: &str,
        kind: Option<Kind>,
        limit: usize,
    ) -> Vec<Hit> {
        let words = query_words(query);
        if words.is_empty() || limit == 0 || self.records.is_empty() {
            return Vec::new();
        }
        let last = words.len() - 1;
        let matches: Vec<Vec<WordMatch>> = words
            .iter()
            .enumerate()
            .map(|(i, w)| self.vocabulary.matches(w, i == last))
            .collect();
        if matches.iter().any(Vec::is_empty) {
            return Vec::new();
        }
        let range = match kind {
            Some(k) => self.kinds.get(&k).cloned().unwrap_or(0..0),
            None => 0..self.records.len() as u32,
        };
        let mut scores = Scores::new(self.records.len());
        for (i, word) in matches.iter().enumerate() {
            scores.add_word(i, word, &self.postings, &range);
        }
        scores.add_bonuses(&self.name_bonuses(&words));
        self.top(scores.candidates, limit)
            .into_iter()
            .map(|(doc, score)| Hit {
                record: self.records[doc as usize],
                score: i64::from(score),
                title_matches: self.highlight(kb.title(self.records[doc as usize]), &matches),
            })
            .collect()
    }

    /// The phrase bonuses: records one of whose whole names is the query, or starts with it.
    fn name_bonuses(&self, words: &[String]) -> Vec<(u32, u32)> {
        let phrase = words.join(" ");
        let start = self.names.partition_point(|(n, _)| **n < *phrase);
        let run = self.names[start..].partition_point(|(n, _)| n.starts_with(&phrase));
        self.names[start..start + run]
            .iter()
            .map(|(name, doc)| {
                let bonus = if **name == *phrase {
                    EXACT_NAME_BONUS
                } else {
                    NAME_PREFIX_BONUS
                };
                (*doc, bonus)
            })
            .collect()
    }

    /// The best `limit` of the scored records, in rank order: score, then kind, then shorter title.
    fn top(&self, mut candidates: Vec<(u32, u32)>, limit: usize) -> Vec<(u32, u32)> {
        let order = |a: &(u32, u32), b: &(u32, u32)| {
            b.1.cmp(&a.1)
                .then_with(|| self.tie[a.0 as usize].cmp(&self.tie[b.0 as usize]))
                .then_with(|| a.0.cmp(&b.0))
        };
        if candidates.len() > limit {
            candidates.select_nth_unstable_by(limit - 1, order);
            candidates.truncate(limit);
        }
        candidates.sort_unstable_by(order);
        candidates
    }

    /// The characters of `title` that the query matched.
    fn highlight(&self, title: &str, matches: &[Vec<WordMatch>]) -> Vec<usize> {
        let mut extents: HashMap<u32, Extent> = HashMap::new();
        for m in matches.iter().flatten() {
            let e = extents.entry(m.word).or_insert(m.extent);
            if let (Extent::Prefix(a), Extent::Prefix(b)) = (*e, m.extent) {
                *e = Extent::Prefix(a.max(b));
            } else if m.extent == Extent::Whole {
                *e = Extent::Whole;
            }
        }
        let mut chars = Vec::new();
        for token in tokens(title) {
            let extent = self
                .vocabulary
                .find(&token.text)
                .and_then(|id| extents.get(&id));
            let end = match extent {
                None => continue,
                Some(Extent::Whole) => token.chars.end,
                Some(Extent::Prefix(n)) => (token.chars.start + n).min(token.chars.end),
            };
            chars.extend(token.chars.start..end);
        }
        chars
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

/// The running totals of one search: one slot per record, so that adding a posting is an array write
/// rather than a hash lookup (at 100,000 records a short prefix touches millions of postings).
struct Scores {
    total: Vec<u32>,
    /// How many query words the record has matched so far; a record that missed one is out.
    matched: Vec<u16>,
    /// The best points of the current word per record, and the records it touched.
    best: Vec<u32>,
    touched: Vec<u32>,
    /// The records that matched every word so far, with their totals.
    candidates: Vec<(u32, u32)>,
}

impl Scores {
    fn new(records: usize) -> Scores {
        Scores {
            total: vec![0; records],
            matched: vec![0; records],
            best: vec![0; records],
            touched: Vec::new(),
            candidates: Vec::new(),
        }
    }

    /// Adds query word number `i`: each record that matched the words before it and matches this one
    /// gains the points of its best match of this word.
    fn add_word(
        &mut self,
        i: usize,
        matches: &[WordMatch],
        postings: &[Vec<u32>],
        range: &Range<u32>,
    ) {
        let i = i as u16;
        for m in matches {
            let list = &postings[m.word as usize];
            for &posting in in_range(list, range) {
                let doc = (posting >> 2) as usize;
                if self.matched[doc] != i {
                    continue;
                }
                let points = Field::from_bits(posting).weight() * m.quality / matcher::EXACT;
                if self.best[doc] == 0 {
                    self.touched.push(doc as u32);
                }
                self.best[doc] = self.best[doc].max(points);
            }
        }
        self.candidates.clear();
        for doc in self.touched.drain(..) {
            let d = doc as usize;
            self.total[d] += self.best[d];
            self.matched[d] += 1;
            self.best[d] = 0;
            self.candidates.push((doc, self.total[d]));
        }
    }

    /// Adds the phrase bonuses of the records still in, the best one per record.
    fn add_bonuses(&mut self, bonuses: &[(u32, u32)]) {
        for &(doc, bonus) in bonuses {
            let d = doc as usize;
            self.best[d] = self.best[d].max(bonus);
        }
        for (doc, total) in &mut self.candidates {
            let d = *doc as usize;
            *total += self.best[d];
        }
    }
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
    ids: HashMap<String, u32>,
    postings: Vec<Vec<u32>>,
    /// Per word: whether it occurs in an id, a name or a label somewhere (a typo candidate).
    in_names: Vec<bool>,
    /// This record's (word, best field) pairs, reused between records.
    seen: HashMap<u32, Field>,
}

impl Builder {
    fn add_record(&mut self, doc: u32, texts: &[(Field, String)]) {
        self.seen.clear();
        for (field, text) in texts {
            tokens::each_token(text, |word, _| {
                let id = self.word_id(word);
                let best = self.seen.entry(id).or_insert(*field);
                *best = (*best).min(*field);
            });
        }
        let mut pairs: Vec<(u32, Field)> = self.seen.iter().map(|(w, f)| (*w, *f)).collect();
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

    /// The sorted vocabulary and the postings renumbered to match it.
    fn finish(self) -> (Vocabulary, Vec<Vec<u32>>) {
        let mut words: Vec<(String, u32)> = self.ids.into_iter().collect();
        words.sort_unstable();
        let mut postings = self.postings;
        let sorted_postings: Vec<Vec<u32>> = words
            .iter()
            .map(|(_, old)| std::mem::take(&mut postings[*old as usize]))
            .collect();
        let in_names: Vec<bool> = words
            .iter()
            .map(|(_, old)| self.in_names[*old as usize])
            .collect();
        let words: Vec<Box<str>> = words.into_iter().map(|(w, _)| w.into()).collect();
        let vocabulary = Vocabulary::new(words, |id| in_names[id as usize]);
        (vocabulary, sorted_postings)
    }
}

#[cfg(test)]
mod tests;
