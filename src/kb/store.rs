//! A validated knowledge base in the cache's binary form: its records in parts of a few dozen (read
//! back when first needed, `parts`), how many there are of each kind, its index of ids and its
//! backlinks, so that nothing is parsed, checked or resolved again.

use foldhash::{HashMap, HashMapExt};
use std::ops::Range;

use serde::de::DeserializeOwned;
use serde::Serialize;

use std::sync::Arc;

use super::model::{Located, Origin};
use super::parts::Sections;
use super::{Kind, KnowledgeBase, RecordRef};
use crate::codec::{self as bin, damaged, put_varint, take_count, take_number, Error};

/// Records per part: small, so that a command reading a few records (the hits `ipec search` prints)
/// reads little besides them (a part of 256 results decodes to about 380 KiB, and printing 20 hits read
/// 20 parts: 22 MiB of a search's peak at 100,000 results); large enough that a part's header, entry in
/// the table of contents and checksum (about 40 bytes) cost nothing beside it.
pub(crate) const PART: usize = 32;

/// What every record has, besides `Located`: where it was read from, which the cache keeps (serde skips it).
pub trait Placed {
    fn origin(&self) -> Origin;
}

/// One section of the cache's knowledge base.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Section {
    Records(Kind, Range<usize>),
    Ids,
    Backlinks,
    /// How many records of each kind, and how many to a part.
    Lengths,
}

/// The tag of the section of the lengths of each kind.
pub(crate) const LENGTHS: u32 = 0x102;

/// A section read back (the records are not: they stay on disk until needed).
pub(crate) enum Part {
    Ids(HashMap<String, RecordRef>),
    Backlinks(HashMap<RecordRef, Vec<RecordRef>>),
    Lengths(Vec<usize>, usize),
}

/// What a section of the knowledge base holds, by its tag (the tags below 0x200 are this module's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Holds {
    /// A part of a kind's records: the tag is the kind, which comes first among the tags.
    Records(Kind),
    /// How many records of each kind there are.
    Lengths,
    /// The id table or the backlinks: what finds records and links them, of the content read now.
    Links,
}

/// What the section tagged `tag` holds, if it is one of the knowledge base's.
pub(crate) fn holds(tag: u32) -> Option<Holds> {
    match tag {
        0x100 | 0x101 => Some(Holds::Links),
        LENGTHS => Some(Holds::Lengths),
        tag => Kind::ALL.get(usize::try_from(tag).ok()?).copied().map(Holds::Records),
    }
}

impl Section {
    /// The sections of a knowledge base, in the order they are read back.
    pub(crate) fn all(kb: &KnowledgeBase) -> Vec<Section> {
        let mut sections = Vec::new();
        for kind in Kind::ALL {
            let len = kb.len(kind);
            for start in (0..len).step_by(PART) {
                sections.push(Section::Records(kind, start..(start + PART).min(len)));
            }
        }
        sections.extend([Section::Lengths, Section::Ids, Section::Backlinks]);
        sections
    }

    /// The section's tag in the cache's table of contents: what it is, and for records, of which kind.
    pub(crate) fn tag(&self) -> u32 {
        match self {
            Section::Records(kind, _) => *kind as u32,
            Section::Ids => 0x100,
            Section::Backlinks => 0x101,
            Section::Lengths => LENGTHS,
        }
    }

    pub(crate) fn encode(&self, kb: &KnowledgeBase, out: &mut Vec<u8>) -> Result<(), Error> {
        match self {
            Section::Records(kind, range) => kb.records.encode_part(*kind, range.clone(), out),
            Section::Ids => {
                put_varint(out, kb.ids.len() as u64);
                for (id, r) in &kb.ids {
                    bin::to_bytes(id.as_str(), out)?;
                    put_ref(out, *r);
                }
                Ok(())
            }
            Section::Backlinks => {
                put_varint(out, kb.backlinks.len() as u64);
                let mut targets: Vec<_> = kb.backlinks.iter().collect();
                targets.sort_by_key(|(r, _)| **r);
                for (to, from) in targets {
                    put_ref(out, *to);
                    put_varint(out, from.len() as u64);
                    from.iter().for_each(|r| put_ref(out, *r));
                }
                Ok(())
            }
            Section::Lengths => {
                put_varint(out, PART as u64);
                put_varint(out, Kind::ALL.len() as u64);
                Kind::ALL.iter().for_each(|&kind| put_varint(out, kb.len(kind) as u64));
                Ok(())
            }
        }
    }
}

/// Reads a section other than records back, by its tag; an unknown tag is damage.
pub(crate) fn decode(tag: u32, bytes: &[u8]) -> Result<Part, Error> {
    let mut rest = bytes;
    let part = match tag {
        0x100 => {
            let n = take_count(&mut rest)?;
            let mut ids = HashMap::with_capacity(n);
            for _ in 0..n {
                let (id, after): (String, _) = bin::from_bytes(rest)?;
                rest = after;
                ids.insert(id, take_ref(&mut rest)?);
            }
            Part::Ids(ids)
        }
        0x101 => {
            let n = take_count(&mut rest)?;
            let mut backlinks = HashMap::with_capacity(n);
            for _ in 0..n {
                let to = take_ref(&mut rest)?;
                let count = take_count(&mut rest)?;
                let from = (0..count).map(|_| take_ref(&mut rest)).collect::<Result<Vec<_>, _>>()?;
                backlinks.insert(to, from);
            }
            Part::Backlinks(backlinks)
        }
        LENGTHS => {
            // Numbers, not counts of what follows: the records are in sections of their own.
            let per_part: usize = take_number(&mut rest)?;
            // Parts are never large: a part past this is damage, and would let the lengths overflow.
            if per_part == 0 || per_part > 1 << 20 {
                return Err(damaged("the size of a part"));
            }
            let kinds = take_count(&mut rest)?;
            if kinds != Kind::ALL.len() {
                return Err(damaged("the number of kinds"));
            }
            let lengths = (0..kinds).map(|_| take_number(&mut rest)).collect::<Result<_, _>>()?;
            Part::Lengths(lengths, per_part)
        }
        _ => return Err(damaged("unknown section")),
    };
    if !rest.is_empty() {
        return Err(damaged("bytes after the end of a section"));
    }
    Ok(part)
}

/// The knowledge base from its sections: the ids, backlinks and lengths read back, and the records
/// left on disk, `record_sections` giving each records section's number in `from`, in the order of
/// `Section::all`. An error if the parts do not add up, or one of the links points past the records
/// (damage that the checksums missed).
pub(crate) fn assemble(
    parts: Vec<Part>,
    record_sections: &[(Kind, usize)],
    from: Arc<dyn Sections>,
) -> Result<KnowledgeBase, Error> {
    let mut kb = KnowledgeBase::default();
    let mut lengths = None;
    for part in parts {
        match part {
            Part::Ids(ids) => kb.ids = ids,
            Part::Backlinks(backlinks) => kb.backlinks = backlinks,
            Part::Lengths(of_kinds, per_part) => lengths = Some((of_kinds, per_part)),
        }
    }
    let (of_kinds, per_part) = lengths.ok_or_else(|| damaged("no lengths"))?;
    for (&kind, len) in Kind::ALL.iter().zip(of_kinds) {
        let sections = record_sections
            .iter()
            .filter(|(k, _)| *k == kind)
            .map(|&(_, n)| n)
            .collect();
        kb.records
            .set_on_disk(kind, len, per_part, sections, Arc::clone(&from))?;
    }
    let exists = |r: &RecordRef| r.index < kb.len(r.kind);
    let sound = kb.ids.len() <= kb.total_records()
        && kb.ids.values().all(exists)
        && kb
            .backlinks
            .iter()
            .all(|(to, from)| exists(to) && from.iter().all(exists));
    if sound {
        Ok(kb)
    } else {
        Err(damaged("a link points past the records"))
    }
}

/// A part of records, packed (`codec::put_packed`): their binary form is most of a cache file, and
/// its repeated words and field layouts pack to about a third, unpacked in a small share of the time
/// decoding them takes.
pub(super) fn encode_records<'a, T: Serialize + Placed + 'a>(
    records: impl ExactSizeIterator<Item = &'a T> + Clone,
    out: &mut Vec<u8>,
) -> Result<(), Error> {
    let mut plain = Vec::new();
    bin::to_bytes(&Seq(records.clone()), &mut plain)?;
    for record in records {
        let origin = record.origin();
        put_varint(&mut plain, origin.file as u64);
        put_varint(&mut plain, origin.index as u64);
    }
    bin::put_packed(out, &plain);
    Ok(())
}

pub(super) fn decode_records<T: DeserializeOwned + Located>(packed: &[u8]) -> Result<Vec<T>, Error> {
    let bytes = bin::unpack(packed)?;
    let (mut records, mut rest): (Vec<T>, _) = bin::from_bytes(&bytes)?;
    for record in &mut records {
        let file = take_number(&mut rest)?;
        let index = take_number(&mut rest)?;
        record.set_origin(Origin { file, index });
    }
    if !rest.is_empty() {
        return Err(damaged("bytes after the records"));
    }
    Ok(records)
}

/// Records serialized as a list straight from an iterator, without collecting them first.
struct Seq<I>(I);

impl<'a, T: Serialize + 'a, I: ExactSizeIterator<Item = &'a T> + Clone> Serialize for Seq<I> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.clone())
    }
}

/// A record's kind and position.
pub fn put_ref(out: &mut Vec<u8>, r: crate::kb::RecordRef) {
    put_varint(out, r.kind as u64);
    put_varint(out, r.index as u64);
}

pub fn take_ref(bytes: &mut &[u8]) -> Result<crate::kb::RecordRef, Error> {
    let kind = *crate::kb::Kind::ALL
        .get(take_number::<usize>(bytes)?)
        .ok_or_else(|| damaged("unknown kind"))?;
    Ok(crate::kb::RecordRef {
        kind,
        index: take_number(bytes)?,
    })
}
