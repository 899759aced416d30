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

use std::collections::HashMap;

use super::matcher::{self, Extent, WordMatch, EXACT};
use super::question::{self, Question, Role, Shape};
use super::synonyms;
use super::tokens::query_words;
use super::{fields::Field, in_range, Hit, Postings, SearchIndex, MAX_WORDS};
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
    /// `SearchIndex::search`: see the module documentation.
    pub(super) fn answer(&self, kb: &KnowledgeBase, query: &str, kind: Option<Kind>, limit: usize) -> Vec<Hit> {
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
            for (doc, score, _) in &mut ranked {
                *score += i64::from(shape_bonus(kb, shape, self.records[*doc as usize]));
            }
        }
        if question.shape == Some(Shape::Place) && kind.is_none() {
            self.add_countries_of_results(kb, &mut ranked);
        }
        let top = self.rank(ranked, limit);
        let (prefixes, ids) = highlighting(&terms, &optional);
        top.into_iter()
            .map(|(doc, score, mask)| {
                let record = self.records[doc as usize];
                Hit {
                    record,
                    score,
                    title_matches: self.highlight(kb.title(record), &prefixes, &ids),
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
        let meaning: Vec<String> = question
            .words
            .iter()
            .filter(|w| w.role == Role::Meaning)
            .map(|w| w.text.clone())
            .collect();
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
    /// missing words, and with the bonus of a "where" question: the country is the answer.
    fn add_countries_of_results(&self, kb: &KnowledgeBase, ranked: &mut Vec<(u32, i64, u16)>) {
        let Some(countries) = self.kinds.get(&Kind::Country).cloned() else {
            return;
        };
        // Per country, its best result's score and missing words.
        let mut best: HashMap<u32, (i64, u16)> = HashMap::new();
        for &(doc, score, mask) in ranked.iter() {
            let record = self.records[doc as usize];
            if record.kind != Kind::Achievement {
                continue;
            }
            for id in &kb.achievements[record.index].countries {
                let Some(cdoc) = kb
                    .find_kind(Kind::Country, id)
                    .and_then(|country| self.doc_of(country, &countries))
                else {
                    continue;
                };
                let score = score - 1 + i64::from(SHAPE_BONUS);
                let entry = best.entry(cdoc).or_insert((score, mask));
                if entry.0 < score {
                    *entry = (score, mask);
                }
            }
        }
        // A country matched by its own words keeps the better of the two.
        for (doc, score, mask) in ranked.iter_mut() {
            if let Some(&(through, missing)) = best.get(doc) {
                if through > *score {
                    (*score, *mask) = (through, missing);
                }
                best.remove(doc);
            }
        }
        ranked.extend(best.into_iter().map(|(doc, (score, mask))| (doc, score, mask)));
    }

    /// The record number of `r`, a record of the kind numbered `range`.
    fn doc_of(&self, r: RecordRef, range: &std::ops::Range<u32>) -> Option<u32> {
        let doc = range.start + r.index as u32;
        (range.contains(&doc) && self.records[doc as usize] == r).then_some(doc)
    }

    /// The best `limit` of the scored records, in rank order: score, then kind, then shorter title.
    fn rank(&self, mut ranked: Vec<(u32, i64, u16)>, limit: usize) -> Vec<(u32, i64, u16)> {
        let order = |a: &(u32, i64, u16), b: &(u32, i64, u16)| {
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

/// How many of `n` meaningful words a record must match: more than half (all of one or two).
fn needed(n: usize) -> usize {
    n / 2 + 1
}

/// The bonus a record earns for being of the kind the question's shape asks for.
fn shape_bonus(kb: &KnowledgeBase, shape: Shape, r: RecordRef) -> u32 {
    match (shape, kb.record(r)) {
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

/// What to highlight in titles: the words typed (matched as prefixes) and, per word, the sorted ids of
/// the stored words it matched whole (typos, abbreviations, forms, synonyms).
fn highlighting(terms: &[Term], optional: &[Term]) -> (Vec<String>, Vec<Vec<u32>>) {
    terms
        .iter()
        .chain(optional)
        .map(|t| {
            let mut ids: Vec<u32> = t
                .matches
                .iter()
                .filter(|m| m.extent == Extent::Whole)
                .map(|m| m.word)
                .collect();
            ids.sort_unstable();
            (t.text.clone(), ids)
        })
        .unzip()
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
    fn add_word(&mut self, i: usize, matches: &[WordMatch], postings: &[Postings], range: &std::ops::Range<u32>) {
        for m in matches {
            for &posting in postings[m.word as usize].lists(m).flat_map(|l| in_range(l, range)) {
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
        postings: &[Postings],
        range: &std::ops::Range<u32>,
        needed: usize,
    ) {
        for m in matches {
            for &posting in postings[m.word as usize].lists(m).flat_map(|l| in_range(l, range)) {
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

    /// The records that matched at least `needed` of the `words` meaningful words, with their scores: the
    /// total, less `MISSING_PENALTY` for each word missed, and the words matched.
    fn ranked(&self, needed: usize, words: usize) -> Vec<(u32, i64, u16)> {
        let all = (1u32 << words) - 1;
        self.seen
            .iter()
            .filter_map(|&doc| {
                let mask = self.mask[doc as usize];
                let matched = mask.count_ones() as usize;
                let missing = (all & !u32::from(mask)).count_ones();
                (matched >= needed).then(|| {
                    let total = i64::from(self.total[doc as usize]);
                    (doc, total - i64::from(missing) * MISSING_PENALTY, mask)
                })
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
    use super::needed;

    #[test]
    fn most_words_means_more_than_half() {
        assert_eq!([1, 2, 3, 4, 5, 6].map(needed), [1, 2, 2, 3, 3, 4]);
    }
}
