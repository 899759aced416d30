//! Every whole name of every record (id, title, aliases), folded, sorted, in one string: at 100,000
//! results there are about 200,000 names, and a string of their own each cost as much again in headers
//! and allocation as their text (5 MiB of a search's 65).

/// The top bit of a name's record number: the name is the record's id.
const IS_ID: u32 = 1 << 31;

/// The names, in order: their text end to end, where each ends, and each one's record (and whether it
/// is the id).
#[derive(Clone, Default, PartialEq, Eq)]
pub(crate) struct Names {
    text: String,
    ends: Vec<u32>,
    docs: Vec<u32>,
}

impl Names {
    /// Room for `names` names of `bytes` bytes in all.
    pub fn with_capacity(names: usize, bytes: usize) -> Names {
        Names {
            text: String::with_capacity(bytes),
            ends: Vec::with_capacity(names),
            docs: Vec::with_capacity(names),
        }
    }

    /// Appends a name (names are pushed in sorted order); `None` if the text or the record number is
    /// past what a name can hold.
    pub fn push(&mut self, name: &str, doc: u32, is_id: bool) -> Option<()> {
        if doc >= IS_ID {
            return None;
        }
        self.text.push_str(name);
        self.ends.push(u32::try_from(self.text.len()).ok()?);
        self.docs.push(if is_id { doc | IS_ID } else { doc });
        Some(())
    }

    /// Appends every name of `other`.
    pub fn append(&mut self, other: &Names) -> Option<()> {
        other
            .iter()
            .try_for_each(|(name, doc, is_id)| self.push(name, doc, is_id))
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// How many bytes of text the names have.
    pub fn text_len(&self) -> usize {
        self.text.len()
    }

    /// Name `i`: its text, its record, and whether it is the id.
    pub fn get(&self, i: usize) -> (&str, u32, bool) {
        let start = i.checked_sub(1).map_or(0, |before| self.ends[before] as usize);
        let name = self.text.get(start..self.ends[i] as usize).unwrap_or_default();
        (name, self.docs[i] & !IS_ID, self.docs[i] & IS_ID != 0)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, u32, bool)> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// The first name from `from` on for which `before` is false (`before` true, then false, in order).
    pub fn partition_point(&self, from: usize, before: impl Fn(&str) -> bool) -> usize {
        let (mut low, mut high) = (from, self.len());
        while low < high {
            let mid = low + (high - low) / 2;
            if before(self.get(mid).0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        low
    }

    /// The heap memory held, in bytes.
    pub fn memory_bytes(&self) -> usize {
        self.text.capacity() + (self.ends.capacity() + self.docs.capacity()) * 4
    }
}

impl FromIterator<(Box<str>, u32, bool)> for Names {
    /// From names already sorted.
    fn from_iter<I: IntoIterator<Item = (Box<str>, u32, bool)>>(names: I) -> Names {
        let mut all = Names::default();
        for (name, doc, is_id) in names {
            // Record numbers are below the count of records, far from the top bit.
            let _ = all.push(&name, doc, is_id);
        }
        all
    }
}

/// As the list of (name, record, is the id) it stands for.
impl std::fmt::Debug for Names {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_back_in_order_with_their_records() {
        let names: Names = [("cote", 3, false), ("cote d ivoire", 3, false), ("gha", 7, true)]
            .into_iter()
            .map(|(n, d, id)| (Box::from(n), d, id))
            .collect();
        assert_eq!(names.len(), 3);
        assert_eq!(names.get(1), ("cote d ivoire", 3, false));
        assert_eq!(names.get(2), ("gha", 7, true));
        let start = names.partition_point(0, |n| n < "cote");
        let run = names.partition_point(start, |n| n.starts_with("cote"));
        assert_eq!((start, run), (0, 2));
        assert_eq!(names.partition_point(0, |n| n < "zzz"), 3);
        let mut joined = Names::default();
        joined.append(&names).expect("fits");
        assert_eq!(joined, names);
        assert!(joined.push("x", IS_ID, false).is_none(), "a record number past the top");
    }
}
