//! A validated knowledge base in the cache's binary form: its records in parts of a few thousand (read
//! back on every core), its index of ids and its backlinks, so that nothing is parsed, checked or
//! resolved again.

use std::collections::HashMap;
use std::ops::Range;

use serde::de::DeserializeOwned;
use serde::Serialize;

use super::model::{Located, Origin};
use super::{Kind, KnowledgeBase, RecordRef, Records};
use crate::cache::bin::{self, damaged, put_ref, put_varint, take_count, take_number, take_ref, Error};

/// Records per part: small enough to spread over the cores, large enough that parts are few.
const PART: usize = 4096;

/// What every record has, besides `Located`: where it was read from, which the cache keeps (serde skips it).
pub(crate) trait Placed {
    fn origin(&self) -> Origin;
}

/// One section of the cache's knowledge base.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Section {
    Records(Kind, Range<usize>),
    Ids,
    Backlinks,
}

/// A section read back.
pub(crate) enum Part {
    Records(Box<Records>),
    Ids(HashMap<String, RecordRef>),
    Backlinks(HashMap<RecordRef, Vec<RecordRef>>),
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
        sections.extend([Section::Ids, Section::Backlinks]);
        sections
    }

    /// The section's tag in the cache's table of contents: what it is, and for records, of which kind.
    pub(crate) fn tag(&self) -> u32 {
        match self {
            Section::Records(kind, _) => *kind as u32,
            Section::Ids => 0x100,
            Section::Backlinks => 0x101,
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
        }
    }
}

/// Reads a section back, by its tag; an unknown tag is damage.
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
        kind => {
            let kind = Kind::ALL.get(kind as usize).ok_or_else(|| damaged("unknown section"))?;
            return Records::decode_part(*kind, bytes).map(|r| Part::Records(Box::new(r)));
        }
    };
    if !rest.is_empty() {
        return Err(damaged("bytes after the end of a section"));
    }
    Ok(part)
}

/// The knowledge base from its sections, read back in the order of `Section::all`; an error if one
/// of its links points past the records (damage that the checksums missed).
pub(crate) fn assemble(parts: Vec<Part>) -> Result<KnowledgeBase, Error> {
    let mut kb = KnowledgeBase::default();
    for part in parts {
        match part {
            Part::Records(records) => kb.records.extend(*records),
            Part::Ids(ids) => kb.ids = ids,
            Part::Backlinks(backlinks) => kb.backlinks = backlinks,
        }
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

pub(super) fn encode_records<T: Serialize + Placed>(records: &[T], out: &mut Vec<u8>) -> Result<(), Error> {
    bin::to_bytes(records, out)?;
    for record in records {
        let origin = record.origin();
        put_varint(out, origin.file as u64);
        put_varint(out, origin.index as u64);
    }
    Ok(())
}

pub(super) fn decode_records<T: DeserializeOwned + Located>(bytes: &[u8]) -> Result<Vec<T>, Error> {
    let (mut records, mut rest): (Vec<T>, _) = bin::from_bytes(bytes)?;
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
