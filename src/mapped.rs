//! Runs of little-endian `u32`s used where they lie in a file mapped into memory, or held in a vector:
//! a leaf that knows no record, for the search index's postings read from the cache.
//!
//! Why: at 100,000 results the postings are 37 MB, and a search reads the postings of the few words it
//! matched. Read into vectors they were a third of `ipec search`'s peak memory; mapped, only the pages a
//! search touches are ever resident, and the rest stays in the page cache, shared and out of the
//! process's count.
//!
//! The cache file is never changed in place (ipec writes a new file and renames it over the old), so a
//! mapping sees the bytes that were checked when the file was opened. A file truncated under a running
//! ipec by some other program would end it with SIGBUS, as it would any program that maps files.

use std::fs::File;
use std::ops::Range;
use std::sync::Arc;

/// A read-only mapping of a whole file.
pub struct Mapping(memmap2::Mmap);

impl Mapping {
    /// Maps `file`; `None` where mapping is not possible (then callers read into memory instead).
    pub fn of(file: &File) -> Option<Arc<Mapping>> {
        // SAFETY: the mapping is read-only and private; its bytes are only read as `u32`s, for which
        // any bits are a value. A file changed in place under it reads as other numbers, which the
        // index's users bound-check like any posting.
        let map = unsafe { memmap2::Mmap::map(file) }.ok()?;
        Some(Arc::new(Mapping(map)))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A run of `u32`s: in a vector, or in a mapped file.
#[derive(Clone)]
pub enum U32s {
    Held(Vec<u32>),
    Mapped { mapping: Arc<Mapping>, words: Range<usize> },
}

impl Default for U32s {
    fn default() -> Self {
        U32s::Held(Vec::new())
    }
}

impl U32s {
    /// The `n` `u32`s at byte `offset` of `mapping`, if they lie in it, aligned, and the machine is
    /// little-endian (the file's order); else `None`, and the caller reads them instead.
    pub fn mapped(mapping: &Arc<Mapping>, offset: usize, n: usize) -> Option<U32s> {
        let end = n.checked_mul(4)?.checked_add(offset)?;
        let fits = cfg!(target_endian = "little") && end <= mapping.len() && offset.is_multiple_of(4);
        // The mapping starts on a page, so an offset that is a multiple of 4 is aligned for `u32`.
        fits.then(|| U32s::Mapped {
            mapping: Arc::clone(mapping),
            words: offset / 4..offset / 4 + n,
        })
    }

    pub fn as_slice(&self) -> &[u32] {
        match self {
            U32s::Held(held) => held,
            U32s::Mapped { mapping, words } => {
                // SAFETY: `u32` has no invalid bit patterns; the mapping is page-aligned, and
                // `mapped` checked that the range lies in it. `align_to` gives no middle part only on
                // a misaligned start, which `mapped` ruled out; an empty slice is then still sound.
                let (head, all, _) = unsafe { mapping.0.align_to::<u32>() };
                if head.is_empty() {
                    all.get(words.clone()).unwrap_or(&[])
                } else {
                    &[]
                }
            }
        }
    }

    pub fn len(&self) -> usize {
        match self {
            U32s::Held(held) => held.len(),
            U32s::Mapped { words, .. } => words.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The heap memory held: none for a mapped run.
    pub fn heap_bytes(&self) -> usize {
        match self {
            U32s::Held(held) => held.capacity() * 4,
            U32s::Mapped { .. } => 0,
        }
    }

    /// Appends to a held run (a mapped one is first copied into memory: only a run being built grows).
    pub fn held_mut(&mut self) -> &mut Vec<u32> {
        if let U32s::Mapped { .. } = self {
            *self = U32s::Held(self.as_slice().to_vec());
        }
        match self {
            U32s::Held(held) => held,
            U32s::Mapped { .. } => unreachable!("made a held run just above"),
        }
    }
}

impl std::fmt::Debug for U32s {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.as_slice()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn numbers_read_where_they_lie_in_a_file() {
        let mut file = tempfile::tempfile().expect("a temporary file");
        let numbers: Vec<u8> = [7u32, 8, 9, 1 << 30].iter().flat_map(|n| n.to_le_bytes()).collect();
        file.write_all(&numbers).expect("written");
        let mapping = Mapping::of(&file).expect("mapped");
        let run = U32s::mapped(&mapping, 4, 3).expect("inside and aligned");
        assert_eq!(run.as_slice(), &[8, 9, 1 << 30]);
        assert_eq!(run.heap_bytes(), 0);
        assert!(U32s::mapped(&mapping, 2, 1).is_none(), "misaligned");
        assert!(U32s::mapped(&mapping, 8, 3).is_none(), "past the end");
        let mut grown = run.clone();
        grown.held_mut().push(10);
        assert_eq!(grown.as_slice(), &[8, 9, 1 << 30, 10]);
        assert_eq!(run.len(), 3, "the mapped run is unchanged");
    }
}
