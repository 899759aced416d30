//! The index in the cache's binary form: built once, read back in a fraction of the time it takes to
//! build (a few large arrays, the postings on every core).

use std::ops::Range;

use super::names::Names;
use super::postings::{Block, PostingsTable};
use super::{kind_ranges, SearchIndex, Vocabulary};
use crate::codec::{self as bin, damaged, put_varint, take_count, take_number, Error};
use crate::kb::store::{put_ref, take_ref};
use crate::kb::{KnowledgeBase, RecordRef};
use crate::mapped::U32s;

/// Postings (4 bytes each) per section, about: a few sections to spread over the cores.
const POSTINGS_PER_SECTION: usize = 2 << 20;
/// Names, or words, per section: a section is read whole before it is decoded, and one of every name
/// (8 MB at 100,000 results) was, with what it decodes to, a fifth of a search's peak memory.
const NAMES_PER_SECTION: usize = 16 << 10;

/// The tags of the index's sections in the cache file.
pub(crate) const TAGS: std::ops::Range<u32> = 0x200..0x300;
/// The tag of a section of postings.
pub(crate) const POSTINGS: u32 = 0x201;
const NAMES: u32 = 0x202;
const WORDS: u32 = 0x203;
/// Bytes before a postings section's postings: its first word, how many words, how many postings. So
/// that the postings start 4-aligned in a section that does (the cache aligns them), to be used where
/// they lie (`mapped`).
pub(crate) const POSTINGS_HEADER: usize = 4 + 4 + 8;

/// One section of the cache's index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Section {
    /// The records and their tie-breakers.
    Meta,
    /// A range of the whole names, in order.
    Names(Range<usize>),
    /// A range of the vocabulary, in order.
    Words(Range<usize>),
    /// The postings of a range of word ids.
    Postings(Range<usize>),
}

/// A section read back.
pub(crate) enum Part {
    Meta(Meta),
    Names(Names),
    Words(Vec<Box<str>>),
    Postings(Block),
}

pub(crate) struct Meta {
    records: Vec<RecordRef>,
    tie: Vec<(u8, u32)>,
}

/// `0..len` in runs of `per`, at least one.
fn runs(len: usize, per: usize) -> impl Iterator<Item = Range<usize>> {
    (0..len.div_ceil(per).max(1)).map(move |n| n * per..((n + 1) * per).min(len))
}

impl Section {
    pub(crate) fn all(index: &SearchIndex) -> Vec<Section> {
        let mut sections = vec![Section::Meta];
        sections.extend(runs(index.names.len(), NAMES_PER_SECTION).map(Section::Names));
        let words = index.vocabulary.words().len();
        sections.extend(runs(words, NAMES_PER_SECTION).map(Section::Words));
        let first_postings = sections.len();
        let mut start = 0;
        let mut size = 0;
        for (word, p) in index.postings.iter().enumerate() {
            size += p.len();
            if size >= POSTINGS_PER_SECTION {
                sections.push(Section::Postings(start..word + 1));
                start = word + 1;
                size = 0;
            }
        }
        if start < index.postings.len() || sections.len() == first_postings {
            sections.push(Section::Postings(start..index.postings.len()));
        }
        sections
    }

    pub(crate) fn tag(&self) -> u32 {
        match self {
            Section::Meta => 0x200,
            Section::Names(_) => NAMES,
            Section::Words(_) => WORDS,
            Section::Postings(_) => POSTINGS,
        }
    }

    pub(crate) fn encode(&self, index: &SearchIndex, out: &mut Vec<u8>) -> Result<(), Error> {
        match self {
            Section::Meta => {
                put_varint(out, index.records.len() as u64);
                for (r, (rank, chars)) in index.records.iter().zip(&index.tie) {
                    put_ref(out, *r);
                    put_varint(out, u64::from(*rank));
                    put_varint(out, u64::from(*chars));
                }
            }
            Section::Names(range) => {
                put_varint(out, range.len() as u64);
                for (name, doc, is_id) in range.clone().map(|i| index.names.get(i)) {
                    bin::to_bytes(name, out)?;
                    put_varint(out, u64::from(doc));
                    out.push(u8::from(is_id));
                }
            }
            Section::Words(range) => {
                let words = &index.vocabulary.words()[range.clone()];
                put_varint(out, words.len() as u64);
                for word in words {
                    bin::to_bytes(&**word, out)?;
                }
            }
            Section::Postings(words) => {
                // The header, the postings, then each word's lengths (after them, so that the postings
                // start at a fixed place).
                let of = |word: usize| index.postings.get(word as u32);
                let count: usize = words.clone().map(|w| of(w).len()).sum();
                out.extend_from_slice(&(words.start as u32).to_le_bytes());
                out.extend_from_slice(&(words.len() as u32).to_le_bytes());
                out.extend_from_slice(&(count as u64).to_le_bytes());
                for p in words.clone().map(of) {
                    for posting in p.labels.iter().chain(p.body) {
                        out.extend_from_slice(&posting.to_le_bytes());
                    }
                }
                for p in words.clone().map(of) {
                    put_varint(out, p.labels.len() as u64);
                    put_varint(out, p.body.len() as u64);
                }
            }
        }
        Ok(())
    }
}

pub(crate) fn decode(tag: u32, bytes: &[u8]) -> Result<Part, Error> {
    let mut rest = bytes;
    let part = match tag {
        0x200 => {
            let n = take_count(&mut rest)?;
            let mut records = Vec::with_capacity(n);
            let mut tie = Vec::with_capacity(n);
            for _ in 0..n {
                records.push(take_ref(&mut rest)?);
                tie.push((take_number(&mut rest)?, take_number(&mut rest)?));
            }
            Part::Meta(Meta { records, tie })
        }
        NAMES => {
            let n = take_count(&mut rest)?;
            let mut names = Names::with_capacity(n, rest.len());
            for _ in 0..n {
                let (name, after): (&str, _) = bin::from_bytes(rest)?;
                rest = after;
                let doc = take_number(&mut rest)?;
                let (&is_id, after) = rest.split_first().ok_or_else(|| damaged("truncated"))?;
                rest = after;
                names.push(name, doc, is_id == 1).ok_or_else(|| damaged("names"))?;
            }
            Part::Names(names)
        }
        WORDS => {
            let n = take_count(&mut rest)?;
            let mut words = Vec::with_capacity(n);
            for _ in 0..n {
                let (word, after): (String, _) = bin::from_bytes(rest)?;
                rest = after;
                words.push(word.into_boxed_str());
            }
            Part::Words(words)
        }
        POSTINGS => {
            let layout = PostingsLayout::of(bytes, bytes.len())?;
            let data = take_u32s(&mut &bytes[POSTINGS_HEADER..], layout.count)?;
            let max = data.iter().copied().max();
            return postings(&layout, U32s::Held(data), max, &bytes[layout.lengths_at()..]);
        }
        _ => return Err(damaged("unknown section")),
    };
    if !rest.is_empty() {
        return Err(damaged("bytes after the end of a section"));
    }
    Ok(part)
}

/// Where the parts of a postings section are: read from its header.
pub(crate) struct PostingsLayout {
    first: u32,
    words: usize,
    /// How many postings (4 bytes each) follow the header.
    pub count: usize,
}

impl PostingsLayout {
    /// The layout of a section of `len` bytes that starts with `header`.
    pub(crate) fn of(header: &[u8], len: usize) -> Result<PostingsLayout, Error> {
        let header = header.get(..POSTINGS_HEADER).ok_or_else(|| damaged("truncated"))?;
        let u32_at = |at: usize| u32::from_le_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]]);
        let count = u64::from_le_bytes(header[8..16].try_into().map_err(|_| damaged("truncated"))?);
        let layout = PostingsLayout {
            first: u32_at(0),
            words: u32_at(4) as usize,
            count: usize::try_from(count).map_err(|_| damaged("postings"))?,
        };
        // Each word's lengths take at least two bytes after the postings.
        let fits = layout
            .count
            .checked_mul(4)
            .and_then(|n| n.checked_add(POSTINGS_HEADER))
            .and_then(|n| n.checked_add(layout.words.checked_mul(2)?));
        match fits {
            Some(end) if end <= len => Ok(layout),
            _ => Err(damaged("postings")),
        }
    }

    /// Where the words' lengths start in the section, after the postings.
    pub(crate) fn lengths_at(&self) -> usize {
        POSTINGS_HEADER + self.count * 4
    }
}

/// A postings section from its layout, its postings (held or mapped, the largest `max`), and the
/// bytes of the words' lengths that follow them.
pub(crate) fn postings(layout: &PostingsLayout, data: U32s, max: Option<u32>, lengths: &[u8]) -> Result<Part, Error> {
    let mut rest = lengths;
    let lens = (0..layout.words)
        .map(|_| Ok((take_number(&mut rest)?, take_number(&mut rest)?)))
        .collect::<Result<Vec<(usize, usize)>, Error>>()?;
    if !rest.is_empty() {
        return Err(damaged("bytes after the end of a section"));
    }
    let block = Block::from_parts(layout.first, &lens, data, max).ok_or_else(|| damaged("postings"))?;
    Ok(Part::Postings(block))
}

/// The index from its sections, in the order of `Section::all`; an error if they do not fit together.
pub(crate) fn assemble(parts: Vec<Part>, kb: &KnowledgeBase) -> Result<SearchIndex, Error> {
    let mut meta = None;
    let mut blocks = Vec::new();
    let mut names = Vec::new();
    let mut words = Vec::new();
    for part in parts {
        match part {
            Part::Meta(m) => meta = Some(m),
            Part::Names(some) => names.push(some),
            Part::Words(some) => words.push(some),
            Part::Postings(block) => blocks.push(block),
        }
    }
    let words = joined(words);
    let mut all_names = Names::with_capacity(
        names.iter().map(Names::len).sum(),
        names.iter().map(Names::text_len).sum(),
    );
    for run in &names {
        all_names.append(run).ok_or_else(|| damaged("names"))?;
    }
    let names = all_names;
    let meta = meta.ok_or_else(|| damaged("no index"))?;
    let postings = PostingsTable::from_blocks(blocks).ok_or_else(|| damaged("postings out of order"))?;
    let docs = meta.records.len() as u32;
    let sound = meta.records.iter().copied().eq(kb.all_refs())
        && meta.tie.len() == meta.records.len()
        && words.len() == postings.len()
        && names.iter().all(|(_, doc, _)| doc < docs)
        && postings.max().is_none_or(|posting| posting >> 2 < docs);
    if !sound {
        return Err(damaged("the index does not fit its records"));
    }
    // A word is a typo candidate when it occurs in an id, a name or a label: when it has such postings.
    let vocabulary = Vocabulary::new(words, |id| !postings.get(id).labels.is_empty());
    Ok(SearchIndex {
        kinds: kind_ranges(&meta.records),
        records: meta.records,
        tie: meta.tie,
        vocabulary,
        postings,
        names,
    })
}

/// Runs read from consecutive sections, as one list (its size known first: no list is grown twice).
fn joined<T>(runs: Vec<Vec<T>>) -> Vec<T> {
    let mut all = Vec::with_capacity(runs.iter().map(Vec::len).sum());
    runs.into_iter().for_each(|run| all.extend(run));
    all
}

fn take_u32s(bytes: &mut &[u8], n: usize) -> Result<Vec<u32>, Error> {
    let size = n
        .checked_mul(4)
        .filter(|&s| s <= bytes.len())
        .ok_or_else(|| damaged("truncated"))?;
    let (head, rest) = bytes.split_at(size);
    *bytes = rest;
    Ok(head
        .chunks_exact(4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect())
}
