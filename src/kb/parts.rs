//! The records of one kind: a list in memory, or, when they come from the cache, parts of a few dozen
//! records each that are read and decoded the first time one of their records is asked for.
//!
//! Why: at 100,000 achievements the records are most of the memory a process holds (2 million strings),
//! and most commands need few of them. `ipec search` ranks with the index alone and then reads the parts
//! of the hits it prints; `ipec check` reads none; the explorer reads those of the records it shows, and
//! gathers what its lists need of every record (`gather`) without keeping them. The slides read every
//! part at once, on every core (`materialize`), before they start.
//!
//! A part is decoded once (`OnceLock`), so a `&T` handed out stays valid for as long as the list is
//! borrowed, and several threads may read parts at the same time.

use std::fmt;
use std::sync::{Arc, Mutex, OnceLock};

use serde::de::DeserializeOwned;
use serde::Serialize;

use super::model::Located;
use super::store::Placed;
use crate::codec::Error;

/// How many parts `gather` reads before it moves what they gave into its list: 64 parts are 2,048
/// records, enough to keep every core busy.
const GATHER_BATCH: usize = 64;

/// What every kind of record is, for storage: read from TOML or the cache, written to the cache.
pub trait Stored: DeserializeOwned + Serialize + Located + Placed + Clone + Send + Sync + 'static {}

impl<T: DeserializeOwned + Serialize + Located + Placed + Clone + Send + Sync + 'static> Stored for T {}

/// Where the parts of a lazily read list come from: the sections of a cache file.
pub trait Sections: Send + Sync {
    /// The bytes of section `n`, checked against the checksum the file's table of contents gives.
    fn read(&self, n: usize) -> Result<Vec<u8>, Error>;

    /// The file can no longer be read as it was when it was opened and checked (something wrote into
    /// it in place, which ipec never does): say so and end the process. The records are borrowed by
    /// then, so there is no error to return instead. Only what reads records on demand
    /// (`Need::Records` and `Need::SomeRecords`: search, show, lists, handouts, the explorer) can come
    /// here: the slides read all parts as they load (`Need::AllRecords`), where a failure is a damaged
    /// cache that is rebuilt. The explorer gives the terminal back first (`crate::fatal`).
    fn lost(&self, why: &Error) -> !;
}

/// The parts still on disk: the section of each part, and where to read them.
#[derive(Clone)]
struct OnDisk {
    sections: Arc<dyn Sections>,
    section_of_part: Vec<usize>,
}

/// One kind's records.
pub struct Parts<T> {
    len: usize,
    /// Records per part; every part but the last is full. A list in memory is one part of any length.
    per_part: usize,
    parts: Vec<OnceLock<Vec<T>>>,
    on_disk: Option<OnDisk>,
    /// The last part `peek` read from disk, kept until it reads another.
    peeked: Mutex<Option<(usize, Vec<T>)>>,
}

impl<T> Default for Parts<T> {
    fn default() -> Self {
        Parts {
            len: 0,
            per_part: usize::MAX,
            parts: Vec::new(),
            on_disk: None,
            peeked: Mutex::default(),
        }
    }
}

impl<T: Clone> Clone for Parts<T> {
    fn clone(&self) -> Self {
        Parts {
            len: self.len,
            per_part: self.per_part,
            parts: self.parts.clone(),
            on_disk: self.on_disk.clone(),
            peeked: Mutex::default(),
        }
    }
}

impl<T> Parts<T> {
    /// How many parts are in memory: for tests of what a command reads.
    pub fn parts_read(&self) -> usize {
        self.parts.iter().filter(|p| p.get().is_some()).count()
    }
}

impl<T> fmt::Debug for Parts<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Parts")
            .field("len", &self.len)
            .field("parts", &self.parts.len())
            .field("read", &self.parts_read())
            .finish()
    }
}

impl<T: Stored> From<Vec<T>> for Parts<T> {
    fn from(records: Vec<T>) -> Self {
        Parts {
            len: records.len(),
            per_part: usize::MAX,
            parts: vec![OnceLock::from(records)],
            on_disk: None,
            peeked: Mutex::default(),
        }
    }
}

impl<T: Stored> Parts<T> {
    /// `len` records in parts of `per_part`, part `p` in section `section_of_part[p]` of `sections`.
    pub(crate) fn on_disk(
        len: usize,
        per_part: usize,
        section_of_part: Vec<usize>,
        sections: Arc<dyn Sections>,
    ) -> Result<Self, Error> {
        let per_part = per_part.max(1);
        if section_of_part.len() != len.div_ceil(per_part) {
            return Err(crate::codec::damaged("the parts do not add up to the records"));
        }
        Ok(Parts {
            len,
            per_part,
            parts: std::iter::repeat_with(OnceLock::new)
                .take(section_of_part.len())
                .collect(),
            on_disk: Some(OnDisk {
                sections,
                section_of_part,
            }),
            peeked: Mutex::default(),
        })
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn get(&self, index: usize) -> Option<&T> {
        if index >= self.len {
            return None;
        }
        self.part(index / self.per_part).get(index % self.per_part)
    }

    /// `f` of each record of `indices` (in any order), each part they are in read once, on every core,
    /// and not kept: a country's page at 100,000 results reads the figures of its 7,462 results in
    /// 0.1 s, not the 0.19 one record after another took. `None` for an index out of range.
    pub fn peek_many<X: Send>(&self, indices: &[usize], f: impl Fn(usize, &T) -> X + Sync) -> Vec<Option<X>> {
        let mut by_part: std::collections::BTreeMap<usize, Vec<usize>> = std::collections::BTreeMap::new();
        for (at, &index) in indices.iter().enumerate().filter(|(_, &i)| i < self.len) {
            by_part.entry(index / self.per_part).or_default().push(at);
        }
        let groups: Vec<(usize, Vec<usize>)> = by_part.into_iter().collect();
        let mut out: Vec<Option<X>> = std::iter::repeat_with(|| None).take(indices.len()).collect();
        for batch in groups.chunks(GATHER_BATCH) {
            let done = crate::par::map(batch, |_, (p, wanted)| {
                let records = self.part_now(*p);
                let of = |at: usize| records.get(indices[at] % self.per_part).map(|x| f(indices[at], x));
                wanted.iter().map(|&at| (at, of(at))).collect::<Vec<_>>()
            });
            for (at, x) in done.into_iter().flatten() {
                out[at] = x;
            }
        }
        out
    }

    /// `f` of record `index`, without keeping its part when it is still on disk: what a list of a
    /// page's 250 results, or a row being drawn, needs of records from anywhere in 100,000. The last
    /// part read this way is kept until another is, so records in order read each part once.
    pub fn peek<X>(&self, index: usize, f: impl FnOnce(&T) -> X) -> Option<X> {
        if index >= self.len {
            return None;
        }
        let (p, i) = (index / self.per_part, index % self.per_part);
        if let Some(records) = self.parts[p].get() {
            return records.get(i).map(f);
        }
        let read = || self.read_part(p);
        match self.peeked.try_lock() {
            Ok(mut peeked) => {
                if peeked.as_ref().is_none_or(|(q, _)| *q != p) {
                    *peeked = Some((p, read()));
                }
                peeked.as_ref().and_then(|(_, records)| records.get(i)).map(f)
            }
            // `f` itself peeks at this list (a result's line naming another result): read it again.
            Err(_) => read().get(i).map(f),
        }
    }

    /// Every record, in order (reading the parts still on disk as it goes).
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &T> + '_ {
        (0..self.parts.len()).flat_map(move |p| self.part(p).iter())
    }

    /// Every record, moved out: the parts still on disk are read first, on every core.
    pub fn into_vec(self) -> Result<Vec<T>, Error> {
        self.materialize()?;
        let mut all = Vec::with_capacity(self.len);
        for part in self.parts {
            all.extend(part.into_inner().unwrap_or_default());
        }
        Ok(all)
    }

    /// Reads every part still on disk, on every core. Errors are those of the file (damage the
    /// checksums did not catch); the parts read before the error are kept.
    pub fn materialize(&self) -> Result<(), Error> {
        let Some(disk) = &self.on_disk else { return Ok(()) };
        let missing: Vec<usize> = (0..self.parts.len())
            .filter(|&p| self.parts[p].get().is_none())
            .collect();
        let read = crate::par::map(&missing, |_, &p| {
            let records = decode(disk, p, self.part_len(p))?;
            crate::progress::advance(records.len());
            // Another thread may have read it meanwhile: either copy is the same.
            let _ = self.parts[p].set(records);
            Ok::<(), Error>(())
        });
        read.into_iter().collect()
    }

    /// `f` of every record, in order, without keeping the parts it reads: a part still on disk is
    /// decoded, looked at and dropped, on every core. For what needs a little of every record (the
    /// facts the explorer's matrix, Priorities and timeline need of each result, `result_facts`),
    /// where reading every part for good would hold them all (150 MiB at 100,000 results).
    pub fn gather<X: Send>(&self, f: impl Fn(&T) -> X + Sync) -> Vec<X> {
        let parts: Vec<usize> = (0..self.parts.len()).collect();
        let mut all = Vec::with_capacity(self.len);
        // A batch of parts at a time, so that what is gathered is held once, not also part by part.
        for batch in parts.chunks(GATHER_BATCH) {
            let gathered = crate::par::map(batch, |_, &p| self.part_now(p).iter().map(&f).collect::<Vec<X>>());
            for part in gathered {
                all.extend(part);
            }
        }
        all
    }

    pub fn push(&mut self, record: T) {
        self.in_memory().push(record);
        self.len += 1;
    }

    pub fn extend(&mut self, records: impl IntoIterator<Item = T>) {
        let all = self.in_memory();
        all.extend(records);
        self.len = all.len();
    }

    /// The list as one vector in memory, for changing it (the loader appends to it, tests extend it):
    /// a list read from the cache is read whole first.
    fn in_memory(&mut self) -> &mut Vec<T> {
        if self.on_disk.is_some() || self.parts.len() != 1 {
            let all: Vec<T> = self.iter().cloned().collect();
            *self = Parts::from(all);
        }
        self.parts[0]
            .get_mut()
            .expect("a list in memory is one part, always set")
    }

    /// How many records part `p` holds: `per_part`, or what is left for the last one.
    fn part_len(&self, p: usize) -> usize {
        self.len.saturating_sub(p * self.per_part).min(self.per_part)
    }

    /// Part `p`, read for good.
    fn part(&self, p: usize) -> &Vec<T> {
        self.parts[p].get_or_init(|| self.read_part(p))
    }

    /// Part `p`: borrowed when it is in memory, else read now and not kept.
    fn part_now(&self, p: usize) -> std::borrow::Cow<'_, [T]> {
        match self.parts[p].get() {
            Some(records) => std::borrow::Cow::Borrowed(records),
            None => std::borrow::Cow::Owned(self.read_part(p)),
        }
    }

    /// Part `p` read from the file; the file changed under the reader ends the process
    /// (`Sections::lost`).
    fn read_part(&self, p: usize) -> Vec<T> {
        let disk = self
            .on_disk
            .as_ref()
            .expect("a part in memory is always set; only parts on disk are empty");
        decode(disk, p, self.part_len(p)).unwrap_or_else(|why| disk.sections.lost(&why))
    }
}

fn decode<T: Stored>(disk: &OnDisk, p: usize, expected: usize) -> Result<Vec<T>, Error> {
    let bytes = disk.sections.read(disk.section_of_part[p])?;
    let records: Vec<T> = super::store::decode_records(&bytes)?;
    // A part shorter or longer than the lengths say would leave records out of reach, or in the
    // wrong place: damage, however sound its checksum.
    if records.len() == expected {
        Ok(records)
    } else {
        Err(crate::codec::damaged("a part holds another number of records"))
    }
}

impl<T: Stored> std::ops::Index<usize> for Parts<T> {
    type Output = T;

    fn index(&self, index: usize) -> &T {
        match self.get(index) {
            Some(record) => record,
            None => panic!("record {index} of {}: out of range", self.len),
        }
    }
}

impl<'a, T: Stored> IntoIterator for &'a Parts<T> {
    type Item = &'a T;
    type IntoIter = Box<dyn DoubleEndedIterator<Item = &'a T> + 'a>;

    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

/// As a list, the way the records' own lists serialize (JSON output, the cache's parts).
impl<T: Stored> Serialize for Parts<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::{Kind, KnowledgeBase};

    /// Sections held in memory, as a cache file would give them.
    struct Held(Vec<Vec<u8>>);

    impl Sections for Held {
        fn read(&self, n: usize) -> Result<Vec<u8>, Error> {
            self.0
                .get(n)
                .cloned()
                .ok_or_else(|| crate::codec::damaged("no such section"))
        }

        fn lost(&self, why: &Error) -> ! {
            panic!("lost: {why}")
        }
    }

    fn countries_in_parts(per_part: usize, short_by: usize) -> (KnowledgeBase, Parts<crate::kb::Country>) {
        let kb = KnowledgeBase::builtin().expect("the built-in knowledge base loads");
        let len = kb.len(Kind::Country);
        let sections: Vec<Vec<u8>> = (0..len.div_ceil(per_part))
            .map(|p| {
                let end = ((p + 1) * per_part).min(len);
                // The last part, `short_by` records short of what the lengths say.
                let end = if end == len { end - short_by } else { end };
                let mut bytes = Vec::new();
                super::super::store::encode_records((p * per_part..end).map(|i| &kb.countries[i]), &mut bytes)
                    .expect("encoded");
                bytes
            })
            .collect();
        let parts = Parts::on_disk(len, per_part, (0..sections.len()).collect(), Arc::new(Held(sections)))
            .expect("the parts add up");
        (kb, parts)
    }

    #[test]
    fn parts_read_back_in_order_whatever_their_size() {
        for per_part in [1, 7, 50, 1000] {
            let (kb, parts) = countries_in_parts(per_part, 0);
            let ids = |p: &Parts<crate::kb::Country>| p.iter().map(|c| c.id.clone()).collect::<Vec<_>>();
            assert_eq!(ids(&parts), ids(&kb.countries), "{per_part} a part");
            assert_eq!(parts.get(kb.len(Kind::Country)).map(|c| &c.id), None);
        }
    }

    #[test]
    fn a_part_short_of_what_the_lengths_say_is_damage_not_a_panic() {
        let (_kb, parts) = countries_in_parts(7, 1);
        assert!(parts.materialize().is_err());
        let (_kb, whole) = countries_in_parts(7, 0);
        assert!(whole.materialize().is_ok());
    }
}
