//! The cache file itself: a header (magic, format, the build that wrote it, the content key), a table
//! of contents with a checksum per section, then the sections: the knowledge base's records in parts,
//! its ids, backlinks and lengths, the files it came from, and the search index. Read on every core,
//! each section checked against its checksum as it is read; written to a temporary file and renamed.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use xxhash_rust::xxh3::{xxh3_64, Xxh3};

use super::{Cached, FileKey, Key, Need};
use crate::codec as bin;
use crate::kb::Kind;
use crate::kb::{store as kb_store, KnowledgeBase, Sections};
use crate::mapped::{Mapping, U32s};
use crate::progress::{self, Stage};
use crate::search::{store as index_store, SearchIndex};

/// The layout of the file; a change to it, or to the records, makes older files unreadable (the build
/// identity in the header catches the latter).
pub(super) const FORMAT: u32 = 4;
const MAGIC: &[u8; 8] = b"IPEC-KB\0";
/// Bytes of one table-of-contents entry: tag, offset, length, checksum.
const ENTRY: usize = 4 + 8 + 8 + 8;
/// Every section starts at a multiple of this, so that the postings in it can be used where they lie.
const ALIGN: u64 = 8;

/// Which build of ipec wrote a file: the version, and the size and time of the executable, so that a
/// rebuilt ipec (whose records may differ) does not read its predecessor's files.
fn build() -> String {
    let exe = std::env::current_exe().and_then(std::fs::metadata);
    let stamp = exe.map_or(String::new(), |m| {
        let time = m
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        format!(" {} {time}", m.len())
    });
    format!("ipec {}{stamp}", env!("CARGO_PKG_VERSION"))
}

/// Why a cache file was not used, when that is worth saying.
#[derive(Debug)]
pub(super) enum Stale {
    Damaged(String),
    OtherBuild(String),
}

fn damaged(why: impl std::fmt::Display) -> Stale {
    Stale::Damaged(why.to_string())
}

/// One entry of the table of contents.
#[derive(Debug, Clone, Copy)]
struct Entry {
    tag: u32,
    offset: u64,
    len: u64,
    checksum: u64,
}

/// Reads a cache file: `None` when there is none. One that holds other content is read for its
/// records only (`Cached::current` false), which `load` takes for the files that did not change.
pub(super) fn read_file(path: &Path, key: Key, need: Need) -> Result<Option<Cached>, Stale> {
    let Ok(mut file) = File::open(path) else {
        return Ok(None);
    };
    let mut fixed = [0u8; 8 + 4 + 2];
    if file.read_exact(&mut fixed).is_err() {
        return Err(damaged("too short"));
    }
    if &fixed[..8] != MAGIC {
        return Err(damaged("not a cache file"));
    }
    let format = u32::from_le_bytes([fixed[8], fixed[9], fixed[10], fixed[11]]);
    let build_len = u16::from_le_bytes([fixed[12], fixed[13]]) as usize;
    let mut rest = vec![0u8; build_len + 16 + 4];
    file.read_exact(&mut rest).map_err(|_| damaged("truncated header"))?;
    let by = String::from_utf8_lossy(&rest[..build_len]).into_owned();
    if format != FORMAT || by != build() {
        return Err(Stale::OtherBuild(by));
    }
    let stored_key = u128::from_le_bytes(rest[build_len..build_len + 16].try_into().unwrap_or_default());
    let count = u32::from_le_bytes(rest[build_len + 16..].try_into().unwrap_or_default()) as usize;
    let toc_len = count
        .checked_mul(ENTRY)
        .filter(|&n| n < 1 << 24)
        .ok_or_else(|| damaged("table of contents"))?;
    let mut toc = vec![0u8; toc_len + 8];
    file.read_exact(&mut toc)
        .map_err(|_| damaged("truncated table of contents"))?;
    let mut header = Vec::with_capacity(fixed.len() + rest.len() + toc.len());
    header.extend_from_slice(&fixed);
    header.extend_from_slice(&rest);
    header.extend_from_slice(&toc[..count * ENTRY]);
    let checksum = u64::from_le_bytes(toc[count * ENTRY..].try_into().unwrap_or_default());
    if xxh3_64(&header) != checksum {
        return Err(damaged("header checksum"));
    }
    let current = stored_key == key;
    let entries: Vec<Entry> = toc[..count * ENTRY]
        .chunks_exact(ENTRY)
        .map(|e| Entry {
            tag: u32::from_le_bytes(e[0..4].try_into().unwrap_or_default()),
            offset: u64::from_le_bytes(e[4..12].try_into().unwrap_or_default()),
            len: u64::from_le_bytes(e[12..20].try_into().unwrap_or_default()),
            checksum: u64::from_le_bytes(e[20..28].try_into().unwrap_or_default()),
        })
        .collect();
    let size = file.metadata().map_err(damaged)?.len();
    if entries
        .iter()
        .any(|e| e.offset.checked_add(e.len).is_none_or(|end| end > size))
    {
        return Err(damaged("truncated"));
    }
    // One pass over the sections, on every core, all from the one file opened above (opening the path
    // again could read a newer file that another ipec renamed over it meanwhile, and its sections
    // would not match this header). Each is checked against its checksum now, while a damaged file can
    // still be rebuilt; those this load uses are decoded from the same read. The records are checked
    // in pieces, without keeping their bytes: they are read when first needed (`kb::Parts`).
    // Mapped only to use the index's postings where they lie.
    let mapping = (current && need.reads_index()).then(|| Mapping::of(&file)).flatten();
    let reader = Arc::new(Reader {
        path: path.to_path_buf(),
        file: SharedFile::new(file),
        mapping,
        entries,
    });
    let holds = reader
        .entries
        .iter()
        .map(|e| holds(e.tag).ok_or_else(|| damaged("unknown section")))
        .collect::<Result<Vec<Holds>, Stale>>()?;
    progress::begin(Stage::ReadingCache, reader.entries.len());
    let numbered: Vec<(usize, Holds)> = holds.iter().copied().enumerate().collect();
    let parts = crate::par::map_sized(
        &numbered,
        |&(n, _)| reader.entries[n].len as usize,
        |_, &(n, holds)| {
            let tag = reader.entries[n].tag;
            let part = if holds.used(current, need) && tag == index_store::POSTINGS {
                reader.postings(n).map(|p| Some(Part::Index(p)))
            } else if holds.used(current, need) {
                reader.read(n).and_then(|bytes| holds.decode(tag, &bytes)).map(Some)
            } else {
                reader.check(&reader.entries[n]).map(|()| None)
            };
            progress::advance(1);
            part.map_err(damaged)
        },
    );
    let record_sections: Vec<(Kind, usize)> = numbered
        .iter()
        .filter_map(|&(n, holds)| match holds {
            Holds::Kb(kb_store::Holds::Records(kind)) => Some((kind, n)),
            _ => None,
        })
        .collect();
    let mut kb_parts = Vec::new();
    let mut index_parts = Vec::new();
    let mut files = Vec::new();
    for part in parts {
        match part? {
            Some(Part::Kb(p)) => kb_parts.push(p),
            Some(Part::Index(p)) => index_parts.push(p),
            Some(Part::Files(f)) => files = f,
            None => {}
        }
    }
    let sections: Arc<dyn Sections> = reader;
    let kb = kb_store::assemble(kb_parts, &record_sections, sections).map_err(damaged)?;
    if need == Need::AllRecords && current {
        kb.materialize().map_err(damaged)?;
    }
    let index = if index_parts.is_empty() {
        None
    } else {
        Some(index_store::assemble(index_parts, &kb).map_err(damaged)?)
    };
    let counted = files
        .iter()
        .flat_map(|(_, counts)| counts)
        .try_fold(0usize, |sum, &n| sum.checked_add(n));
    if counted != Some(kb.total_records()) {
        return Err(damaged("the files' records do not add up"));
    }
    Ok(Some(Cached {
        kb,
        index,
        files,
        current,
    }))
}

/// The tag of the section that lists the files a knowledge base was loaded from.
const FILES: u32 = 0x300;

fn encode_files(files: &[FileKey], kb: &KnowledgeBase, out: &mut Vec<u8>) -> Result<(), bin::Error> {
    let counts = kb.counts_by_file(files.len());
    bin::put_varint(out, files.len() as u64);
    for (file, counts) in files.iter().zip(counts) {
        bin::to_bytes(file.name.as_str(), out)?;
        out.extend_from_slice(&file.key.to_le_bytes());
        counts.iter().for_each(|&n| bin::put_varint(out, n as u64));
    }
    Ok(())
}

fn decode_files(bytes: &[u8]) -> Result<Vec<(FileKey, [usize; Kind::ALL.len()])>, bin::Error> {
    let mut rest = bytes;
    let n = bin::take_count(&mut rest)?;
    let mut files = Vec::with_capacity(n);
    for _ in 0..n {
        let (name, after): (String, _) = bin::from_bytes(rest)?;
        let key = after.get(..16).ok_or_else(|| bin::damaged("a file's key"))?;
        let key = u128::from_le_bytes(key.try_into().map_err(|_| bin::damaged("a file's key"))?);
        rest = &after[16..];
        let mut counts = [0; Kind::ALL.len()];
        for count in &mut counts {
            *count = bin::take_number(&mut rest)?;
        }
        files.push((FileKey { name, key }, counts));
    }
    if !rest.is_empty() {
        return Err(bin::damaged("bytes after the files"));
    }
    Ok(files)
}

/// An open cache file whose sections were all checked: where the records left on disk are read from.
struct Reader {
    path: PathBuf,
    file: SharedFile,
    /// The same file mapped, when the index is read: its postings are used where they lie.
    mapping: Option<Arc<Mapping>>,
    entries: Vec<Entry>,
}

/// Sections are checked in pieces of this many bytes, so that checking a large file keeps little of it
/// (a piece on each core is part of a warm search's peak memory).
const CHECK_PIECE: usize = 1 << 20;

impl Reader {
    /// Whether a section's bytes have the checksum of the table of contents, read in pieces.
    fn check(&self, entry: &Entry) -> Result<(), bin::Error> {
        self.check_each(entry, |_, _| {})
    }

    /// `check`, showing `each` every piece read with its place in the section.
    fn check_each(&self, entry: &Entry, mut each: impl FnMut(usize, &[u8])) -> Result<(), bin::Error> {
        let mut hasher = Xxh3::new();
        let mut at = 0;
        while at < entry.len {
            let piece = (entry.len - at).min(CHECK_PIECE as u64);
            let bytes = self
                .file
                .read_at(entry.offset + at, piece as usize)
                .map_err(|_| bin::damaged("truncated"))?;
            hasher.update(&bytes);
            each(at as usize, &bytes);
            at += piece;
        }
        if hasher.digest() == entry.checksum {
            Ok(())
        } else {
            Err(bin::damaged("checksum"))
        }
    }

    /// A section of the index's postings, checked in pieces, its postings used where they lie in the
    /// mapped file: only their lengths are read into memory, and their largest value, found as they
    /// are checked, is what the index checks against its records. Read whole where the file cannot be
    /// mapped.
    fn postings(&self, n: usize) -> Result<index_store::Part, bin::Error> {
        let entry = self.entries.get(n).ok_or_else(|| bin::damaged("no such section"))?;
        let len = entry.len as usize;
        let header = self
            .file
            .read_at(entry.offset, index_store::POSTINGS_HEADER.min(len))
            .map_err(|_| bin::damaged("truncated"))?;
        let layout = index_store::PostingsLayout::of(&header, len)?;
        let start = usize::try_from(entry.offset).map_err(|_| bin::damaged("too large"))?;
        let Some(data) = (self.mapping.as_ref())
            .and_then(|mapping| U32s::mapped(mapping, start + index_store::POSTINGS_HEADER, layout.count))
        else {
            return self.read(n).and_then(|bytes| index_store::decode(entry.tag, &bytes));
        };
        let postings = index_store::POSTINGS_HEADER..layout.lengths_at();
        let mut max = None;
        // Pieces start at multiples of 1 MiB, and the postings at 16: each piece's share of them is
        // whole numbers.
        self.check_each(entry, |at, piece| {
            let from = postings.start.max(at);
            let to = postings.end.min(at + piece.len());
            if from < to {
                let largest = piece[from - at..to - at]
                    .chunks_exact(4)
                    .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                    .max();
                max = max.max(largest);
            }
        })?;
        let lengths = self
            .file
            .read_at(entry.offset + postings.end as u64, len - postings.end)
            .map_err(|_| bin::damaged("truncated"))?;
        index_store::postings(&layout, data, max, &lengths)
    }
}

impl Sections for Reader {
    fn read(&self, n: usize) -> Result<Vec<u8>, bin::Error> {
        let entry = self.entries.get(n).ok_or_else(|| bin::damaged("no such section"))?;
        let bytes = self
            .file
            .read_at(entry.offset, entry.len as usize)
            .map_err(|e| bin::damaged(&e.to_string()))?;
        if xxh3_64(&bytes) == entry.checksum {
            Ok(bytes)
        } else {
            Err(bin::damaged("checksum"))
        }
    }

    fn lost(&self, why: &bin::Error) -> ! {
        // Not removed: the path may hold a newer file by now, renamed over this one by another ipec;
        // a file changed in place fails its checksums at the next start, and is rebuilt then.
        crate::fatal::exit(&format!(
            "ipec: the cache file {} changed while ipec was reading it ({why}); the next start \
             rebuilds it. Run the command again.",
            crate::kb::text::escape(&self.path.display().to_string())
        ))
    }
}

enum Part {
    Kb(kb_store::Part),
    Index(index_store::Part),
    Files(Vec<(FileKey, [usize; Kind::ALL.len()])>),
}

/// What a section of the cache file holds: the one place that reads its tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Holds {
    Kb(kb_store::Holds),
    Index,
    Files,
}

fn holds(tag: u32) -> Option<Holds> {
    match tag {
        FILES => Some(Holds::Files),
        tag if index_store::TAGS.contains(&tag) => Some(Holds::Index),
        tag => kb_store::holds(tag).map(Holds::Kb),
    }
}

impl Holds {
    /// Whether a load decodes the section now. The records never: they stay on disk until used. Of
    /// an earlier content, only what finds each file's records; counting needs no index.
    fn used(self, current: bool, need: Need) -> bool {
        match self {
            Holds::Kb(kb_store::Holds::Records(_)) => false,
            Holds::Kb(kb_store::Holds::Lengths) | Holds::Files => true,
            Holds::Kb(kb_store::Holds::Links) => current,
            Holds::Index => current && need.reads_index(),
        }
    }

    fn decode(self, tag: u32, bytes: &[u8]) -> Result<Part, bin::Error> {
        match self {
            Holds::Files => decode_files(bytes).map(Part::Files),
            Holds::Index => index_store::decode(tag, bytes).map(Part::Index),
            Holds::Kb(_) => kb_store::decode(tag, bytes).map(Part::Kb),
        }
    }
}

/// One open file read from several threads at once, each at its own offset.
struct SharedFile {
    #[cfg(unix)]
    file: File,
    #[cfg(not(unix))]
    file: std::sync::Mutex<File>,
}

impl SharedFile {
    fn new(file: File) -> SharedFile {
        SharedFile {
            #[cfg(unix)]
            file,
            #[cfg(not(unix))]
            file: std::sync::Mutex::new(file),
        }
    }

    /// `len` bytes from `offset`: pread on Unix, so the threads share no file position.
    fn read_at(&self, offset: u64, len: usize) -> io::Result<Vec<u8>> {
        let mut bytes = vec![0u8; len];
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileExt;
            self.file.read_exact_at(&mut bytes, offset)?;
        }
        #[cfg(not(unix))]
        {
            let mut file = self.file.lock().map_err(|_| io::Error::other("a reader panicked"))?;
            file.seek(SeekFrom::Start(offset))?;
            file.read_exact(&mut bytes)?;
        }
        Ok(bytes)
    }
}

/// Writes a cache file: to a temporary file beside it, renamed over it once complete.
pub(super) fn write(
    path: &Path,
    key: Key,
    files: &[FileKey],
    kb: &KnowledgeBase,
    index: Option<&SearchIndex>,
) -> io::Result<()> {
    let dir = path.parent().ok_or_else(|| io::Error::other("no folder"))?;
    std::fs::create_dir_all(dir)?;
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("cache");
    let temp = dir.join(format!(".{name}.{}.{stamp}.ipec-cache.tmp", std::process::id()));
    let written = write_to(&temp, key, files, kb, index).and_then(|()| std::fs::rename(&temp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written
}

/// Sections encoded at once when a cache file is written: at 100,000 results, about 15 MB of packed
/// records.
const ENCODE_BATCH: usize = 1024;

fn write_to(
    temp: &Path,
    key: Key,
    files: &[FileKey],
    kb: &KnowledgeBase,
    index: Option<&SearchIndex>,
) -> io::Result<()> {
    let kb_sections = kb_store::Section::all(kb);
    let index_sections = index.map(index_store::Section::all).unwrap_or_default();
    let count = kb_sections.len() + index_sections.len() + 1;
    let build = build();
    let mut header = Vec::new();
    header.extend_from_slice(MAGIC);
    header.extend_from_slice(&FORMAT.to_le_bytes());
    header.extend_from_slice(&(build.len() as u16).to_le_bytes());
    header.extend_from_slice(build.as_bytes());
    header.extend_from_slice(&key.to_le_bytes());
    header.extend_from_slice(&(count as u32).to_le_bytes());
    let header_len = header.len() + count * ENTRY + 8;
    let mut out = io::BufWriter::with_capacity(1 << 20, File::create(temp)?);
    out.write_all(&vec![0u8; header_len])?;
    let mut offset = header_len as u64;
    let mut entries = Vec::with_capacity(count);
    let mut bytes = Vec::new();
    let mut put = |tag: u32, bytes: &[u8], out: &mut io::BufWriter<File>| -> io::Result<()> {
        let padding = offset.next_multiple_of(ALIGN) - offset;
        out.write_all(&[0; ALIGN as usize][..padding as usize])?;
        offset += padding;
        out.write_all(bytes)?;
        entries.push(Entry {
            tag,
            offset,
            len: bytes.len() as u64,
            checksum: xxh3_64(bytes),
        });
        offset += bytes.len() as u64;
        Ok(())
    };
    // Encoded on every core, as packing the records is most of the time a write takes; a batch at a
    // time, so that little of the file is held in memory at once.
    for batch in kb_sections.chunks(ENCODE_BATCH) {
        let encoded = crate::par::map_sized(
            batch,
            // Records are about a kilobyte each in their binary form; the other sections are small.
            |section| match section {
                kb_store::Section::Records(_, range) => range.len() << 10,
                _ => 0,
            },
            |_, section| {
                let mut bytes = Vec::new();
                section.encode(kb, &mut bytes).map(|()| bytes)
            },
        );
        for (section, bytes) in batch.iter().zip(encoded) {
            put(section.tag(), &bytes.map_err(io::Error::other)?, &mut out)?;
        }
    }
    bytes.clear();
    encode_files(files, kb, &mut bytes).map_err(io::Error::other)?;
    put(FILES, &bytes, &mut out)?;
    if let Some(index) = index {
        for section in &index_sections {
            bytes.clear();
            section.encode(index, &mut bytes).map_err(io::Error::other)?;
            put(section.tag(), &bytes, &mut out)?;
        }
    }
    for e in &entries {
        header.extend_from_slice(&e.tag.to_le_bytes());
        header.extend_from_slice(&e.offset.to_le_bytes());
        header.extend_from_slice(&e.len.to_le_bytes());
        header.extend_from_slice(&e.checksum.to_le_bytes());
    }
    let checksum = xxh3_64(&header);
    header.extend_from_slice(&checksum.to_le_bytes());
    let mut file = out.into_inner().map_err(|e| e.into_error())?;
    file.seek(SeekFrom::Start(0))?;
    file.write_all(&header)?;
    file.flush()
}
