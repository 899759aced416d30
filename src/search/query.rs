//! Running one query against the index: the question's meaningful words, each with its forms and
//! synonyms, scored record by record; records that match all of them first, then those that match most.
//!
//! - The query is read as a question (`question`): words that carry no meaning are dropped, the words of
//!   its shape ("what share") count only when a record has them, and the shape names the kind of record
//!   that answers it.
//! - Each meaningful word is matched against the vocabulary as before (exactly, as a prefix, with a typo,
//!   as an abbreviation), plus the other words it may appear as (`synonyms`), exactly.
//! - A record must match most of the meaningful words (more than half; all of one or two). Each word it
//!   misses puts it below every record that missed fewer, and is reported in `Hit::missing`.
//! - On top: the phrase bonuses of `SearchIndex::name_bonuses`, and a bonus for the kind the question's
//!   shape asks for. A "where" question also brings in the countries of the results that match, as
//!   `ipec search` always does.

use std::collections::{HashMap, HashSet};

use super::matcher::{self, Extent, WordMatch, EXACT};
use super::postings::PostingsTable;
use super::question::{self, Question, Shape};
use super::synonyms;
use super::tokens::{each_token, query_words};
use super::{fields::Field, in_range, FastMap, Hit, SearchIndex, Titles, MAX_WORDS};
use crate::kb::{Kind, KnowledgeBase, Record, RecordRef};

/// What each missed word costs: more than any record can score, so that a record missing a word ranks
/// below every record missing fewer (and `Hit::score` stays in rank order).
const MISSING_PENALTY: i64 = 1_000_000;
/// The bonus for a record of the kind the question asks for: two words in a name.
const SHAPE_BONUS: u32 = 2_000;
/// For a question of amount, a result that states figures answers it too, if less directly.
const FIGURES_OF_A_RESULT_BONUS: u32 = 600;
/// Among the records of the kind asked for, the ones that are the answer itself: a figure with one value
/// (not a table), a funding partnership.
const ANSWER_BONUS: u32 = 300;
/// A figure the programme puts in its headlines.
const HEADLINE_BONUS: u32 = 200;

/// One word of the question, matched against the vocabulary.
struct Term {
    /// As typed (folded), for `Hit::missing` and for highlighting prefixes.
    text: String,
    matches: Vec<WordMatch>,
}

impl SearchIndex {
    /// The characters of each text (char indices) that the words of `query` match, as the explorer's
    /// search highlights them in titles: for `ipec search` to paint its lines.
    pub fn highlights(&self, query: &str, texts: &[&str]) -> Vec<Vec<usize>> {
        let mut words = query_words(query);
        words.truncate(MAX_WORDS);
        let question = question::read(&words);
        let terms: Vec<Term> = question.meaning().map(|w| self.term(w)).collect();
        let optional: Vec<Term> = question.optional().map(|w| self.term(w)).collect();
        let highlighter = Highlighter::new(self, &terms, &optional);
        texts.iter().map(|text| highlighter.chars(text)).collect()
    }

    /// `SearchIndex::search`: see the module documentation.
    pub(super) fn answer(
        &self,
        kb: &KnowledgeBase,
        query: &str,
        kind: Option<Kind>,
        limit: usize,
        titles: Titles,
    ) -> Vec<Hit> {
        let mut words = query_words(query);
        words.truncate(MAX_WORDS);
        if words.is_empty() || limit == 0 || self.records.is_empty() {
            return Vec::new();
        }
        let question = question::read(&words);
        let terms: Vec<Term> = question.meaning().map(|w| self.term(w)).collect();
        let optional: Vec<Term> = question.optional().map(|w| self.term(w)).collect();
        let needed = needed(terms.len());
        if terms.iter().filter(|t| !t.matches.is_empty()).count() < needed {
            return Vec::new();
        }
        let range = match kind {
            Some(k) => self.kinds.get(&k).cloned().unwrap_or(0..0),
            None => 0..self.records.len() as u32,
        };
        let mut scores = Partial::new(self.records.len(), terms.len() - needed);
        for (i, term) in terms.iter().enumerate() {
            scores.add_word(i, &term.matches, &self.postings, &range);
        }
        for term in &optional {
            scores.add_optional(&term.matches, &self.postings, &range, needed);
        }
        scores.add_bonuses(&self.phrase_bonuses(&words, &question), needed);
        let mut ranked = scores.ranked(needed, terms.len());
        if let Some(shape) = question.shape {
            for (doc, key) in &mut ranked {
                *key += shape_bonus(kb, shape, self.records[*doc as usize]);
            }
        }
        // The words a country found through its results misses: those of its best result.
        let mut masks: HashMap<u32, u16> = HashMap::new();
        if question.shape == Some(Shape::Place) && kind.is_none() {
            self.add_countries_of_results(kb, &scores, (needed, terms.len()), &mut ranked, &mut masks);
        }
        let top = self.rank(ranked, limit);
        let highlighter = Highlighter::new(self, &terms, &optional);
        top.into_iter()
            .map(|(doc, key)| {
                let record = self.records[doc as usize];
                let mask = masks.get(&doc).copied().unwrap_or(scores.mask[doc as usize]);
                Hit {
                    record,
                    score: score_of(key),
                    title_matches: match titles {
                        Titles::Highlighted => kb.peek(record, |r| highlighter.chars(r.title())).unwrap_or_default(),
                        Titles::Plain => Vec::new(),
                    },
                    missing: terms
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| mask & (1 << i) == 0)
                        .map(|(_, t)| t.text.clone())
                        .collect(),
                }
            })
            .collect()
    }

    /// A word of the question with every stored word it matches: as typed (exact, prefix, typo,
    /// abbreviation), and its forms, synonyms and number, exactly.
    fn term(&self, word: &question::Word) -> Term {
        let mut matches = if word.text.contains(' ') {
            Vec::new()
        } else {
            self.vocabulary.matches(&word.text, word.typing)
        };
        let mut others = synonyms::variants(&word.text);
        others.extend(word.number.iter().map(|n| (n.clone(), EXACT)));
        others.extend(synonyms::convention_ids(&word.text).into_iter().map(|id| (id, EXACT)));
        others.extend(question::number_word(&word.text).map(|w| (w.to_string(), synonyms::FORM)));
        if let Some(meant) = word.stands_for {
            others.push((meant.to_string(), synonyms::SYNONYM));
            others.extend(
                synonyms::variants(meant)
                    .into_iter()
                    .map(|(w, q)| (w, q.min(synonyms::SYNONYM))),
            );
        }
        for (other, quality) in others {
            let Some(id) = self.vocabulary.find(&other) else {
                continue;
            };
            match matches.iter_mut().find(|m| m.word == id) {
                Some(m) if m.quality < quality => {
                    m.quality = quality;
                    m.extent = Extent::Whole;
                }
                Some(_) => {}
                None => matches.push(WordMatch {
                    word: id,
                    quality,
                    extent: Extent::Whole,
                }),
            }
        }
        Term {
            text: word.text.clone(),
            matches,
        }
    }

    /// The phrase bonuses of the query as typed ("worst forms of child labour") and, if the question
    /// dropped words, of its meaningful words alone ("what is the alliance 8.7" is "alliance 87"). A
    /// question whose shape asks for a kind gets the second only from records of that kind: "what did the
    /// ILO do in Myanmar" asks for results, not for the country named.
    fn phrase_bonuses(&self, words: &[String], question: &Question) -> Vec<(u32, u32)> {
        let mut bonuses = self.name_bonuses(words);
        let meaning: Vec<String> = question.meaning().map(|w| w.text.clone()).collect();
        if !meaning.is_empty() && meaning.len() < words.len() {
            let wanted = question.shape.map(Shape::kind);
            bonuses.extend(
                self.name_bonuses(&meaning)
                    .into_iter()
                    .filter(|(doc, _)| wanted.is_none_or(|k| self.records[*doc as usize].kind == k)),
            );
        }
        bonuses
    }

    /// The countries of the matching results, each just below its best result and with that result's
    /// missing words (in `masks`), and with the bonus of a "where" question: the country is the answer.
    /// Each country's results are its backlinks, read in one pass; a short prefix that matches most of
    /// 100,000 results costs no lookup per result.
    fn add_countries_of_results(
        &self,
        kb: &KnowledgeBase,
        scores: &Partial,
        (needed, words): (usize, usize),
        ranked: &mut Vec<(u32, u32)>,
        masks: &mut HashMap<u32, u16>,
    ) {
        let (Some(countries), Some(results)) = (
            self.kinds.get(&Kind::Country).cloned(),
            self.kinds.get(&Kind::Achievement).cloned(),
        ) else {
            return;
        };
        // The countries already ranked by their own words, and where.
        let mut at: FastMap<u32, usize> = FastMap::default();
        for (i, (doc, _)) in ranked.iter().enumerate() {
            if countries.contains(doc) {
                at.insert(*doc, i);
            }
        }
        for country in kb.refs(Kind::Country) {
            let Some(cdoc) = self.doc_of(country, &countries) else {
                continue;
            };
            let best = kb
                .backlinks_of(country, Kind::Achievement)
                .filter_map(|r| self.doc_of(r, &results))
                .filter_map(|doc| {
                    let mask = scores.mask[doc as usize];
                    let matched = mask.count_ones() as usize;
                    (matched >= needed).then(|| (rank_key(scores.total[doc as usize], (words - matched) as u32), mask))
                })
                .max_by_key(|(key, _)| *key);
            let Some((key, mask)) = best else {
                continue;
            };
            let key = (key + SHAPE_BONUS).saturating_sub(1);
            match at.get(&cdoc) {
                // A country matched by its own words keeps the better of the two.
                Some(&i) if ranked[i].1 >= key => {}
                Some(&i) => {
                    ranked[i].1 = key;
                    masks.insert(cdoc, mask);
                }
                None => {
                    ranked.push((cdoc, key));
                    masks.insert(cdoc, mask);
                }
            }
        }
    }

    /// The record number of `r`, a record of the kind numbered `range`.
    fn doc_of(&self, r: RecordRef, range: &std::ops::Range<u32>) -> Option<u32> {
        let doc = range.start + r.index as u32;
        (range.contains(&doc) && self.records[doc as usize] == r).then_some(doc)
    }

    /// The best `limit` of the scored records, in rank order: fewest words missed, score, then kind, then
    /// shorter title.
    fn rank(&self, mut ranked: Vec<(u32, u32)>, limit: usize) -> Vec<(u32, u32)> {
        let order = |a: &(u32, u32), b: &(u32, u32)| {
            b.1.cmp(&a.1)
                .then_with(|| self.tie[a.0 as usize].cmp(&self.tie[b.0 as usize]))
                .then_with(|| a.0.cmp(&b.0))
        };
        if ranked.len() > limit {
            ranked.select_nth_unstable_by(limit - 1, order);
            ranked.truncate(limit);
        }
        ranked.sort_unstable_by(order);
        ranked
    }
}

/// A record's rank key: the words it matched above its points, so that one comparison of keys orders
/// by fewest words missed, then by score. Points stay far below `POINTS_LIMIT` (16 words of 1,000 plus
/// the bonuses).
fn rank_key(points: u32, missing: u32) -> u32 {
    ((MAX_WORDS as u32 - missing) << POINTS_BITS) | points.min(POINTS_LIMIT - 1)
}

/// `Hit::score` from a rank key: the points, less `MISSING_PENALTY` for each word missed.
fn score_of(key: u32) -> i64 {
    let missing = MAX_WORDS as i64 - i64::from(key >> POINTS_BITS);
    i64::from(key & (POINTS_LIMIT - 1)) - missing * MISSING_PENALTY
}

const POINTS_BITS: u32 = 20;
const POINTS_LIMIT: u32 = 1 << POINTS_BITS;

/// How many of `n` meaningful words a record must match: more than half (all of one or two).
fn needed(n: usize) -> usize {
    n / 2 + 1
}

/// The bonus a record earns for being of the kind the question's shape asks for.
fn shape_bonus(kb: &KnowledgeBase, shape: Shape, r: RecordRef) -> u32 {
    // Peeked, not kept: a question may rank thousands of records (the explorer keeps few).
    kb.peek(r, |record| shape_bonus_of(shape, r, record)).unwrap_or(0)
}

fn shape_bonus_of(shape: Shape, r: RecordRef, record: Record<'_>) -> u32 {
    match (shape, record) {
        (Shape::Amount, Record::Figure(f)) => {
            let single = if f.value.is_some() { ANSWER_BONUS } else { 0 };
            let headline = if f.headline.is_some() { HEADLINE_BONUS } else { 0 };
            SHAPE_BONUS + single + headline
        }
        (Shape::Amount, Record::Achievement(a)) if !a.figures.is_empty() => FIGURES_OF_A_RESULT_BONUS,
        (Shape::Funders, Record::Partnership(p)) => SHAPE_BONUS + if p.kind == "funding" { ANSWER_BONUS } else { 0 },
        (shape, _) if shape.kind() == r.kind => SHAPE_BONUS,
        _ => 0,
    }
}

/// What to highlight in titles: the title words that start with a word typed (the start only), and
/// those a word matched whole (a typo, an abbreviation, a form, a synonym, another spelling).
struct Highlighter<'a> {
    prefixes: Vec<&'a str>,
    whole: HashSet<&'a str>,
}

impl<'a> Highlighter<'a> {
    fn new(index: &'a SearchIndex, terms: &'a [Term], optional: &'a [Term]) -> Highlighter<'a> {
        let all = || terms.iter().chain(optional);
        Highlighter {
            prefixes: all().map(|t| t.text.as_str()).collect(),
            whole: all()
                .flat_map(|t| &t.matches)
                .filter(|m| m.extent == Extent::Whole)
                .map(|m| index.vocabulary.word(m.word))
                .collect(),
        }
    }

    /// The character positions of `title` to highlight: one set lookup per title word, so that a query
    /// matching thousands of words costs no more per hit.
    fn chars(&self, title: &str) -> Vec<usize> {
        let mut chars = Vec::new();
        each_token(title, |text, range| {
            let end = match self.prefixes.iter().find(|p| text.starts_with(**p)) {
                Some(p) => (range.start + p.chars().count()).min(range.end),
                None if self.whole.contains(text) => range.end,
                None => return,
            };
            chars.extend(range.start..end);
        });
        chars
    }
}

/// The running totals of one search: one slot per record, so that adding a posting is an array write
/// rather than a hash lookup (at 100,000 records a short prefix touches millions of postings).
struct Partial {
    total: Vec<u32>,
    /// Per record, the meaningful words it matched so far, one bit each.
    mask: Vec<u16>,
    /// The best points of the current word per record, and the records it touched.
    best: Vec<u32>,
    touched: Vec<u32>,
    /// Every record that matched any meaningful word, in first-match order.
    seen: Vec<u32>,
    /// How many meaningful words a record may miss and stay in.
    allowed: u32,
}

impl Partial {
    fn new(records: usize, allowed: usize) -> Partial {
        Partial {
            total: vec![0; records],
            mask: vec![0; records],
            best: vec![0; records],
            touched: Vec::new(),
            seen: Vec::new(),
            allowed: allowed as u32,
        }
    }

    /// Adds meaningful word number `i`: each record that has not yet missed too many words and matches
    /// this one gains the points of its best match of it.
    fn add_word(&mut self, i: usize, matches: &[WordMatch], postings: &PostingsTable, range: &std::ops::Range<u32>) {
        for m in matches {
            for &posting in postings.get(m.word).lists(m).flat_map(|l| in_range(l, range)) {
                let doc = (posting >> 2) as usize;
                if i as u32 - self.mask[doc].count_ones() > self.allowed {
                    continue;
                }
                self.note(doc, points(posting, m));
            }
        }
        for doc in self.touched.drain(..) {
            let d = doc as usize;
            if self.mask[d] == 0 {
                self.seen.push(doc);
            }
            self.total[d] += self.best[d];
            self.mask[d] |= 1 << i;
            self.best[d] = 0;
        }
    }

    /// Adds an optional word: the records already in gain its points; none comes in by it.
    fn add_optional(
        &mut self,
        matches: &[WordMatch],
        postings: &PostingsTable,
        range: &std::ops::Range<u32>,
        needed: usize,
    ) {
        for m in matches {
            for &posting in postings.get(m.word).lists(m).flat_map(|l| in_range(l, range)) {
                let doc = (posting >> 2) as usize;
                if (self.mask[doc].count_ones() as usize) < needed {
                    continue;
                }
                self.note(doc, points(posting, m));
            }
        }
        self.settle();
    }

    /// Adds the phrase bonuses of the records still in, the best one per record.
    fn add_bonuses(&mut self, bonuses: &[(u32, u32)], needed: usize) {
        for &(doc, bonus) in bonuses {
            let d = doc as usize;
            if (self.mask[d].count_ones() as usize) >= needed {
                self.note(d, bonus);
            }
        }
        self.settle();
    }

    fn note(&mut self, doc: usize, points: u32) {
        if self.best[doc] == 0 {
            self.touched.push(doc as u32);
        }
        self.best[doc] = self.best[doc].max(points);
    }

    /// Adds the best points noted per record to its total.
    fn settle(&mut self) {
        for doc in self.touched.drain(..) {
            let d = doc as usize;
            self.total[d] += self.best[d];
            self.best[d] = 0;
        }
    }

    /// The records that matched at least `needed` of the `words` meaningful words, with their rank keys.
    fn ranked(&self, needed: usize, words: usize) -> Vec<(u32, u32)> {
        self.seen
            .iter()
            .filter_map(|&doc| {
                let matched = self.mask[doc as usize].count_ones();
                (matched as usize >= needed).then(|| (doc, rank_key(self.total[doc as usize], words as u32 - matched)))
            })
            .collect()
    }
}

/// The points one posting earns for one match: the field's weight, scaled by the match quality.
fn points(posting: u32, m: &WordMatch) -> u32 {
    Field::from_bits(posting).weight() * m.quality / matcher::EXACT
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_order_by_words_missed_then_points() {
        assert!(rank_key(10, 0) > rank_key(20_000, 1));
        assert!(rank_key(500, 1) > rank_key(400, 1));
        assert_eq!(score_of(rank_key(1234, 0)), 1234);
        assert_eq!(score_of(rank_key(1234, 2)), 1234 - 2 * MISSING_PENALTY);
    }

    #[test]
    fn most_words_means_more_than_half() {
        assert_eq!([1, 2, 3, 4, 5, 6].map(needed), [1, 2, 2, 3, 3, 4]);
    }
}
