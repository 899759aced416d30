//! Every word's postings, in a few large arrays: at 100,000 records the vocabulary has hundreds of
//! thousands of words, and two vectors per word cost a fifth of the index's memory in headers and
//! allocations, and most of the time of reading it back from the cache.

use super::fields::Field;
use super::matcher::{Extent, WordMatch};
use crate::mapped::U32s;

/// A prefix this short says little about a record whose running text has some word starting with it
/// (nearly all do), so it is only looked for in ids, names and labels. It also keeps the first
/// keystrokes, whose prefixes match the most words, cheap.
const SHORT_PREFIX: usize = 2;

/// The records one word occurs in: `record << 2 | field`, one entry per record (its best field), split
/// into ids/names/labels and running text, each ascending by record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Postings<'a> {
    pub labels: &'a [u32],
    pub body: &'a [u32],
}

impl<'a> Postings<'a> {
    /// The lists to scan for a match: short prefixes skip the running text.
    pub fn lists(self, m: &WordMatch) -> impl Iterator<Item = &'a [u32]> {
        let short = matches!(m.extent, Extent::Prefix(n) if n <= SHORT_PREFIX);
        let body: &[u32] = if short { &[] } else { self.body };
        [self.labels, body].into_iter()
    }

    pub fn len(self) -> usize {
        self.labels.len() + self.body.len()
    }
}

/// The postings of consecutive words, from word `first` on: one array of postings (held, or where it
/// lies in the cache file), and where each word's labels and running text start in it.
#[derive(Clone, Default)]
pub(crate) struct Block {
    first: u32,
    /// `0`, then per word the end of its labels and the end of its running text, in `data`.
    bounds: Vec<u32>,
    data: U32s,
    /// The largest posting: what the index checks against its records without reading every posting.
    max: Option<u32>,
}

impl Block {
    fn new(first: u32) -> Block {
        Block {
            first,
            bounds: vec![0],
            data: U32s::default(),
            max: None,
        }
    }

    /// A block read back from the cache: word `first` on, each word's (labels, running text) lengths,
    /// and their postings in that order, the largest of which is `max` (found as the postings were
    /// checked). `None` if they do not add up.
    pub fn from_parts(first: u32, lens: &[(usize, usize)], data: U32s, max: Option<u32>) -> Option<Block> {
        let mut bounds = Vec::with_capacity(2 * lens.len() + 1);
        bounds.push(0u32);
        let mut end = 0usize;
        for &(labels, body) in lens {
            for n in [labels, body] {
                end = end.checked_add(n)?;
                bounds.push(u32::try_from(end).ok()?);
            }
        }
        (end == data.len()).then_some(Block {
            first,
            bounds,
            data,
            max,
        })
    }

    fn words(&self) -> usize {
        self.bounds.len() / 2
    }

    fn get(&self, i: usize) -> Postings<'_> {
        let at = |n: usize| self.bounds[n] as usize;
        let data = self.data.as_slice();
        Postings {
            labels: &data[at(2 * i)..at(2 * i + 1)],
            body: &data[at(2 * i + 1)..at(2 * i + 2)],
        }
    }

    /// Whether a word's postings fit after those already here (positions are 32-bit).
    fn has_room(&self, more: usize) -> bool {
        self.data.len().saturating_add(more) <= u32::MAX as usize
    }
}

/// Every word's postings, by word id, in blocks of consecutive words: one per section of the cache
/// file (read on every core), one for an index just built.
#[derive(Clone, Default)]
pub(crate) struct PostingsTable {
    blocks: Vec<Block>,
}

impl PostingsTable {
    /// The table of blocks read back, which must follow each other from word 0.
    pub fn from_blocks(blocks: Vec<Block>) -> Option<PostingsTable> {
        let mut next = 0usize;
        for block in &blocks {
            if block.first as usize != next {
                return None;
            }
            next += block.words();
        }
        Some(PostingsTable { blocks })
    }

    /// Appends the next word's postings (ascending by record), its labels first.
    pub fn push(&mut self, list: &[u32]) {
        let word = self.len() as u32;
        if !self.blocks.last().is_some_and(|b| b.has_room(list.len())) {
            self.blocks.push(Block::new(word));
        }
        let Some(block) = self.blocks.last_mut() else { return };
        let is_label = |p: &&u32| Field::from_bits(**p) != Field::Body;
        let data = block.data.held_mut();
        data.extend(list.iter().filter(is_label));
        block.bounds.push(data.len() as u32);
        data.extend(list.iter().filter(|p| !is_label(p)));
        block.bounds.push(data.len() as u32);
        block.max = block.max.max(list.iter().copied().max());
    }

    /// How many words have postings.
    pub fn len(&self) -> usize {
        self.blocks.last().map_or(0, |b| b.first as usize + b.words())
    }

    /// The postings of word `word`: nothing for a word it does not have.
    pub fn get(&self, word: u32) -> Postings<'_> {
        let at = self.blocks.partition_point(|b| b.first <= word);
        match at.checked_sub(1).map(|b| &self.blocks[b]) {
            Some(block) if ((word - block.first) as usize) < block.words() => block.get((word - block.first) as usize),
            _ => Postings { labels: &[], body: &[] },
        }
    }

    /// Every word's postings, by word id.
    pub fn iter(&self) -> impl Iterator<Item = Postings<'_>> {
        self.blocks.iter().flat_map(|b| (0..b.words()).map(move |i| b.get(i)))
    }

    /// Every posting of every word, in one run.
    #[cfg(test)]
    pub fn all(&self) -> impl Iterator<Item = u32> + '_ {
        self.blocks.iter().flat_map(|b| b.data.as_slice().iter().copied())
    }

    /// The largest posting of any word, known without reading them (none when there is none).
    pub fn max(&self) -> Option<u32> {
        self.blocks.iter().filter_map(|b| b.max).max()
    }

    /// The heap memory held (mapped postings hold none).
    pub fn memory_bytes(&self) -> usize {
        self.blocks
            .iter()
            .map(|b| b.bounds.capacity() * 4 + b.data.heap_bytes() + size_of::<Block>())
            .sum()
    }
}

/// Word by word, however the blocks are cut: two tables with the same postings print the same.
impl std::fmt::Debug for PostingsTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(doc: u32) -> u32 {
        doc << 2 | Field::Id as u32
    }

    fn body(doc: u32) -> u32 {
        doc << 2 | Field::Body as u32
    }

    #[test]
    fn a_word_keeps_its_labels_and_running_text_apart_in_record_order() {
        let mut table = PostingsTable::default();
        table.push(&[label(1), body(2), label(3)]);
        table.push(&[]);
        table.push(&[body(0)]);
        assert_eq!(table.len(), 3);
        assert_eq!(table.get(0).labels, &[label(1), label(3)]);
        assert_eq!(table.get(0).body, &[body(2)]);
        assert_eq!(table.get(1).len(), 0);
        assert_eq!(table.get(2).body, &[body(0)]);
        assert_eq!(table.get(3).len(), 0, "a word past the end has no postings");
        assert_eq!(table.iter().count(), 3);
    }

    #[test]
    fn blocks_read_back_are_one_table_and_must_follow_each_other() {
        let held = |data: Vec<u32>| {
            let max = data.iter().copied().max();
            (U32s::Held(data), max)
        };
        let (data, max) = held(vec![label(4), body(1), body(5)]);
        let first = Block::from_parts(0, &[(1, 0), (0, 2)], data, max).expect("adds up");
        let (data, max) = held(vec![label(0), body(9)]);
        let second = Block::from_parts(2, &[(1, 1)], data, max).expect("adds up");
        let table = PostingsTable::from_blocks(vec![first.clone(), second]).expect("in order");
        assert_eq!(table.len(), 3);
        assert_eq!(table.get(1).body, &[body(1), body(5)]);
        assert_eq!(table.get(2).labels, &[label(0)]);
        assert_eq!(table.all().count(), 5);

        let mut built = PostingsTable::default();
        built.push(&[label(4)]);
        built.push(&[body(1), body(5)]);
        built.push(&[label(0), body(9)]);
        assert_eq!(
            format!("{table:?}"),
            format!("{built:?}"),
            "the same words, however cut"
        );

        let (data, max) = held(vec![label(0)]);
        let gap = Block::from_parts(3, &[(1, 0)], data, max).expect("adds up");
        assert!(
            PostingsTable::from_blocks(vec![first, gap]).is_none(),
            "word 2 is missing"
        );
        let (data, max) = held(vec![label(0)]);
        assert!(
            Block::from_parts(0, &[(2, 0)], data, max).is_none(),
            "one posting short"
        );
    }
}
