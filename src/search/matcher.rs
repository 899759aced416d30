//! Matching one query word against the index's vocabulary: the only place that decides whether a typed
//! word "is" a stored word, and how well. Swapping the fuzzy algorithm means changing this file only.
//!
//! The vocabulary is small next to the records (a few thousand distinct words, however many records share
//! them), so even the slow tiers stay cheap: exact and prefix matches are a binary search over the sorted
//! words; typo and abbreviation matches scan only the words of ids, names and labels (typos in running
//! text are not worth finding) and skip words of the wrong length before comparing.

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

use super::tokens::has_digit;

/// How well a query word matches a stored word, in thousandths of the field's weight.
pub const EXACT: u32 = 1000;
const PREFIX_MIN: u32 = 600;
const PREFIX_SPAN: u32 = 300;
const TYPO_ONE: u32 = 500;
const TYPO_TWO: u32 = 350;
const PREFIX_TYPO_PENALTY: u32 = 50;
const SUBSEQUENCE: u32 = 250;

/// Words longer than this are matched exactly or by prefix only: no name is that long, and the typo
/// comparison costs the product of the lengths.
const MAX_FUZZY_LEN: usize = 32;

/// How much of a stored word to highlight when it matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extent {
    /// The first n characters (a prefix match).
    Prefix(usize),
    /// The whole word (exact, typo and abbreviation matches).
    Whole,
}

/// One stored word a query word matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordMatch {
    pub word: u32,
    pub quality: u32,
    pub extent: Extent,
}

/// The distinct folded words of the knowledge base, sorted, so that a word's id is its position.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    words: Vec<Box<str>>,
    /// The words that may be matched with a typo: those of ids, names and short labels, without digits,
    /// as characters, to compare without decoding.
    fuzzy: Vec<(u32, Box<[char]>)>,
}

impl Vocabulary {
    /// `words` must be sorted and distinct; `in_names(id)` tells whether a word occurs in an id, a name
    /// or a label.
    pub fn new(words: Vec<Box<str>>, in_names: impl Fn(u32) -> bool) -> Vocabulary {
        let fuzzy = words
            .iter()
            .enumerate()
            .map(|(id, w)| (id as u32, w))
            .filter(|(id, w)| in_names(*id) && !has_digit(w))
            .map(|(id, w)| (id, w.chars().collect()))
            .collect();
        Vocabulary { words, fuzzy }
    }

    /// Every word, sorted: its position is its id.
    pub fn words(&self) -> &[Box<str>] {
        &self.words
    }

    pub fn word_count(&self) -> usize {
        self.words.len()
    }

    /// An estimate of the heap memory held, in bytes.
    pub fn memory_bytes(&self) -> usize {
        let words: usize = self.words.iter().map(|w| w.len() + 16).sum();
        let fuzzy: usize = self.fuzzy.iter().map(|(_, c)| c.len() * 4 + 24).sum();
        words + fuzzy
    }

    /// The word stored under `id`.
    pub fn word(&self, id: u32) -> &str {
        &self.words[id as usize]
    }

    /// The id of a word stored exactly so.
    pub fn find(&self, word: &str) -> Option<u32> {
        self.words.binary_search_by(|w| (**w).cmp(word)).ok().map(|i| i as u32)
    }

    /// Every stored word `word` matches. `typing` is true for the last word of the query, the one still
    /// being typed: it may be the start of a longer word with a typo in it ("madagask").
    pub fn matches(&self, word: &str, typing: bool) -> Vec<WordMatch> {
        let mut found = self.prefixed(word);
        let len = word.chars().count();
        let fuzzy = !has_digit(word) && len <= MAX_FUZZY_LEN;
        if fuzzy && len >= 5 {
            self.typos(word, typing, &mut found);
        }
        if fuzzy && typing && len >= 4 {
            self.subsequences(word, &mut found);
        }
        found
    }

    /// Words equal to `word` or starting with it: a contiguous run of the sorted vocabulary.
    fn prefixed(&self, word: &str) -> Vec<WordMatch> {
        let start = self.words.partition_point(|w| **w < *word);
        let run = self.words[start..].partition_point(|w| w.starts_with(word));
        let typed = word.chars().count();
        (start..start + run)
            .map(|i| {
                let stored = &self.words[i];
                if **stored == *word {
                    return WordMatch {
                        word: i as u32,
                        quality: EXACT,
                        extent: Extent::Whole,
                    };
                }
                let whole = stored.chars().count().max(1) as u32;
                WordMatch {
                    word: i as u32,
                    quality: PREFIX_MIN + PREFIX_SPAN * typed as u32 / whole,
                    extent: Extent::Prefix(typed),
                }
            })
            .collect()
    }

    /// Words within one edit (two for long words) of `word`, or of its start while it is being typed.
    fn typos(&self, word: &str, typing: bool, found: &mut Vec<WordMatch>) {
        let typed: Vec<char> = word.chars().collect();
        let budget = if typed.len() >= 8 { 2 } else { 1 };
        let mut rows = EditRows::default();
        for (id, stored) in &self.fuzzy {
            let too_long = !typing && stored.len() > typed.len() + budget;
            if too_long || stored.len() + budget < typed.len() || already(found, *id) {
                continue;
            }
            let (whole, start) = rows.distances(&typed, stored);
            let quality = if whole <= budget {
                typo_quality(whole)
            } else if typing && start <= budget {
                typo_quality(start) - PREFIX_TYPO_PENALTY
            } else {
                continue;
            };
            found.push(WordMatch {
                word: *id,
                quality,
                extent: Extent::Whole,
            });
        }
    }

    /// Abbreviations of names ("mdgscar"), by fuzzy-matcher's subsequence match. Only words that start
    /// with the same letter and are not much longer qualify, or every long word would match.
    fn subsequences(&self, word: &str, found: &mut Vec<WordMatch>) {
        let matcher = SkimMatcherV2::default();
        let first = word.chars().next();
        let max_len = word.chars().count() + 3;
        for (id, stored) in &self.fuzzy {
            if stored.first() != first.as_ref() || stored.len() > max_len || already(found, *id) {
                continue;
            }
            if matcher.fuzzy_match(&self.words[*id as usize], word).is_some() {
                found.push(WordMatch {
                    word: *id,
                    quality: SUBSEQUENCE,
                    extent: Extent::Whole,
                });
            }
        }
    }
}

fn already(found: &[WordMatch], id: u32) -> bool {
    found.iter().any(|m| m.word == id)
}

fn typo_quality(edits: usize) -> u32 {
    if edits <= 1 {
        TYPO_ONE
    } else {
        TYPO_TWO
    }
}

/// Reusable rows of the edit-distance table, so that scanning the vocabulary allocates nothing per word.
#[derive(Default)]
struct EditRows {
    before: Vec<usize>,
    previous: Vec<usize>,
    current: Vec<usize>,
}

impl EditRows {
    /// The optimal-string-alignment distance (insertions, deletions, substitutions, swaps of adjacent
    /// characters) from `typed` to the whole of `stored`, and to the closest start of `stored`.
    fn distances(&mut self, typed: &[char], stored: &[char]) -> (usize, usize) {
        let n = stored.len();
        self.before.clear();
        self.before.resize(n + 1, 0);
        self.previous.clear();
        self.previous.extend(0..=n);
        self.current.clear();
        self.current.resize(n + 1, 0);
        for i in 1..=typed.len() {
            self.current[0] = i;
            for j in 1..=n {
                let cost = usize::from(typed[i - 1] != stored[j - 1]);
                let mut best = (self.previous[j] + 1)
                    .min(self.current[j - 1] + 1)
                    .min(self.previous[j - 1] + cost);
                if i > 1 && j > 1 && typed[i - 1] == stored[j - 2] && typed[i - 2] == stored[j - 1] {
                    best = best.min(self.before[j - 2] + 1);
                }
                self.current[j] = best;
            }
            std::mem::swap(&mut self.before, &mut self.previous);
            std::mem::swap(&mut self.previous, &mut self.current);
        }
        let whole = self.previous[n];
        let start = self.previous.iter().copied().min().unwrap_or(whole);
        (whole, start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab(words: &[&str]) -> Vocabulary {
        let mut words: Vec<Box<str>> = words.iter().map(|w| (*w).into()).collect();
        words.sort();
        Vocabulary::new(words, |_| true)
    }

    fn matched(v: &Vocabulary, word: &str, typing: bool) -> Vec<(String, u32)> {
        v.matches(word, typing)
            .into_iter()
            .map(|m| (v.words[m.word as usize].to_string(), m.quality))
            .collect()
    }

    #[test]
    fn exact_beats_prefix() {
        let v = vocab(&["ghana", "ghanaian", "gha"]);
        let m = matched(&v, "gha", true);
        assert_eq!(m[0], ("gha".to_string(), EXACT));
        assert!(m[1..].iter().all(|(_, q)| *q < EXACT && *q >= PREFIX_MIN));
        assert_eq!(m.len(), 3);
    }

    #[test]
    fn typos_in_long_words() {
        let v = vocab(&["telangana", "madagascar", "mali"]);
        assert_eq!(matched(&v, "telengana", false)[0].0, "telangana");
        assert_eq!(matched(&v, "madagaskar", false)[0].0, "madagascar");
        assert_eq!(matched(&v, "madagask", true)[0].0, "madagascar");
        assert!(matched(&v, "madagask", false).is_empty());
        assert!(matched(&v, "mail", false).is_empty(), "short words need exact");
    }

    #[test]
    fn numbers_never_match_as_typos() {
        let v = vocab(&["4690", "4691"]);
        assert_eq!(matched(&v, "4690", true), vec![("4690".to_string(), EXACT)]);
    }

    #[test]
    fn edit_distance_counts_swaps_once() {
        let mut rows = EditRows::default();
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(rows.distances(&c("ganha"), &c("ghana")).0, 2);
        assert_eq!(rows.distances(&c("ghnaa"), &c("ghana")).0, 1);
        assert_eq!(rows.distances(&c("mada"), &c("madagascar")), (6, 0));
    }
}
