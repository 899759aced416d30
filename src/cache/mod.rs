//! The cache of loaded knowledge bases: a validated knowledge base and its search index, in a binary
//! form that reads back in a fraction of the time parsing, checking and indexing take.
//!
//! - One file per knowledge base (`ipec cache path`): `builtin.ipec-cache` for the built-in one,
//!   `data-HASH.ipec-cache` for a `--data` folder (the hash of its real path), in the platform cache
//!   folder (`$XDG_CACHE_HOME/ipec` on Linux), or `IPEC_CACHE_DIR`.
//! - Keyed by content: the key is a hash of every file's name and text, computed on every start, so an
//!   edit is always seen, whatever it does to sizes and times. Only a knowledge base without problems is
//!   cached.
//! - Written to a temporary file and renamed over the old one: a reader sees the old file or the new,
//!   never half of one, and two processes writing at once leave one of their (identical) files.
//! - Every section has its own checksum: a damaged file is noticed, reported, and rebuilt. So is a file
//!   written by another build of ipec, whose records may be laid out differently.
//! - Any failure to read or write the cache (no cache folder, a read-only one) falls back to loading
//!   the files, quietly.

mod file;
pub mod gc;

use std::collections::HashMap;
use std::io;
use std::path::PathBuf;

use file::{read_file, write, Stale, FORMAT};
use xxhash_rust::xxh3::{xxh3_64, Xxh3};

use crate::kb::kind::FileRecords;
use crate::kb::load;
use crate::kb::Kind;
use crate::kb::{DataSource, KnowledgeBase, Problems};
use crate::progress::Stage;
use crate::search::SearchIndex;

/// The hash of a knowledge base's files: every name and text, in order.
pub type Key = u128;

/// The folder of the cache files: `IPEC_CACHE_DIR`, else the platform cache folder.
pub fn dir() -> Option<PathBuf> {
    match std::env::var_os("IPEC_CACHE_DIR") {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => directories::ProjectDirs::from("", "", "ipec").map(|dirs| dirs.cache_dir().to_path_buf()),
    }
}

/// The cache file of a knowledge base.
pub fn file(source: &DataSource) -> Option<PathBuf> {
    let dir = dir()?;
    Some(match source {
        DataSource::Embedded => dir.join("builtin.ipec-cache"),
        DataSource::Dir(folder) => {
            let real = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.clone());
            let hash = xxh3_64(real.as_os_str().as_encoded_bytes());
            dir.join(format!("data-{hash:016x}.ipec-cache"))
        }
    })
}

/// Removes every cache file; returns how many there were.
pub fn clear() -> io::Result<usize> {
    let Some(dir) = dir() else { return Ok(0) };
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(e),
    };
    let mut removed = 0;
    for entry in entries {
        let path = entry?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if name.ends_with(".ipec-cache") || name.ends_with(".ipec-cache.tmp") {
            std::fs::remove_file(&path)?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// The key of one file as the loader read it: its name and text.
/// The key of every file of a folder, in the loader's order, each file read and hashed on its own (on
/// every core) and its text dropped; `None` for the built-in files, or if any entry of the folder has a
/// problem, which the loader will report.
fn fingerprint(source: &DataSource) -> Option<Vec<u128>> {
    let DataSource::Dir(dir) = source else {
        return None;
    };
    crate::progress::begin(Stage::FindingFiles, 0);
    let found = load::folder_files(dir)?;
    crate::progress::begin(Stage::HashingFiles, found.len());
    let mut keys = crate::par::map_sized(&found, load::folder_file_size, |_, (path, meta)| {
        let keyed =
            load::read_folder_file(path, meta).map(|file| (file.name.clone(), file_key(&file.name, &file.text)));
        crate::progress::advance(1);
        keyed
    })
    .into_iter()
    .collect::<Option<Vec<_>>>()?;
    // Named as the loader names them, and in the same order.
    keys.sort_by(|a, b| a.0.cmp(&b.0));
    Some(keys.into_iter().map(|(_, key)| key).collect())
}

fn file_key(name: &str, text: &str) -> u128 {
    let mut hasher = Xxh3::new();
    hasher.update(&(name.len() as u64).to_le_bytes());
    hasher.update(name.as_bytes());
    hasher.update(&(text.len() as u64).to_le_bytes());
    hasher.update(text.as_bytes());
    hasher.digest128()
}

fn combine(keys: impl Iterator<Item = u128>) -> Key {
    let mut hasher = Xxh3::new();
    hasher.update(&FORMAT.to_le_bytes());
    for key in keys {
        hasher.update(&key.to_le_bytes());
    }
    hasher.digest128()
}

/// What a command needs of a cached knowledge base, which decides how much of the file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// How many records of each kind (`ipec check`): neither the records nor the index are read.
    Counts,
    /// The records a command uses, and no index (`ipec show`, `ipec list`, handouts): each part of a
    /// few dozen records is read when one of its records is first used.
    Records,
    /// The index, and the records asked for as `Records` reads them (`ipec search`, the explorer and
    /// its reloads: what needs a little of every record gathers it without keeping the records).
    SomeRecords,
    /// Every record, all read at once on every core, and the index (slides).
    AllRecords,
}

impl Need {
    /// Whether the search index is read (else it is left in the file: at 100,000 results about 15 MiB
    /// held, besides its postings, which are mapped, that a list or a record's page does not use).
    pub(crate) fn reads_index(self) -> bool {
        match self {
            Need::Counts | Need::Records => false,
            Need::SomeRecords | Need::AllRecords => true,
        }
    }
}

/// What loading gave: the knowledge base, its index when the cache had it, and where to save what was
/// loaded from the files (none when it came from the cache whole, or the cache is off).
pub struct Loaded {
    pub kb: KnowledgeBase,
    pub index: Option<SearchIndex>,
    pub store: Option<Store>,
    /// What the user should know of the cache (a damaged file rebuilt, and why), for the front end to
    /// show where it is seen: printed on standard error by commands, a status line in the explorer.
    pub notes: Vec<String>,
}

/// A cache file, the key of what was loaded and the files it came from: `save` writes it.
#[derive(Debug, Clone)]
pub struct Store {
    path: PathBuf,
    /// The knowledge-base folder, noted beside the file for `ipec cache list` and pruning.
    folder: Option<PathBuf>,
    key: Key,
    files: Vec<FileKey>,
}

/// One file of a knowledge base: its name and the key of its text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct FileKey {
    name: String,
    key: u128,
}

impl Store {
    /// Writes the cache file, with the index if given; quietly gives up when it cannot (the next start
    /// loads the files again).
    pub fn save(&self, kb: &KnowledgeBase, index: Option<&SearchIndex>) {
        if write(&self.path, self.key, &self.files, kb, index).is_err() {
            return;
        }
        if let Some(folder) = &self.folder {
            let _ = std::fs::write(gc::folder_note(&self.path), folder.display().to_string());
        }
        if let Some(dir) = self.path.parent() {
            gc::tag(dir);
            let _ = gc::prune(dir, gc::max_size(), Some(&self.path));
        }
    }
}

/// What a cache file held: for the files loaded now (`current`), or for an earlier version of them,
/// whose unchanged files need not be parsed again.
struct Cached {
    kb: KnowledgeBase,
    index: Option<SearchIndex>,
    /// The files the records came from, with how many records of each kind each gave.
    files: Vec<(FileKey, [usize; Kind::ALL.len()])>,
    current: bool,
}

impl Cached {
    /// For each file loaded now (of the keys `keys`) that this cache holds unchanged, its records,
    /// moved out of the earlier knowledge base.
    fn records_of(self, keys: &[u128]) -> Vec<Option<FileRecords>> {
        // A file's key covers its name as well as its text.
        let earlier: HashMap<u128, usize> = self.files.iter().enumerate().map(|(i, (f, _))| (f.key, i)).collect();
        let unchanged: Vec<Option<usize>> = keys.iter().map(|key| earlier.get(key).copied()).collect();
        let none = || keys.iter().map(|_| None).collect();
        if unchanged.iter().all(Option::is_none) {
            return none();
        }
        let counts: Vec<[usize; Kind::ALL.len()]> = self.files.iter().map(|(_, counts)| *counts).collect();
        // Read whole, on every core; a cache that cannot be read back only means parsing every file.
        let Ok(mut by_earlier) = self.kb.into_records().into_files(&counts) else {
            return none();
        };
        unchanged
            .into_iter()
            .map(|earlier| earlier.and_then(|e| by_earlier.get_mut(e)?.take()))
            .collect()
    }
}

impl Loaded {
    /// The notes on standard error, for the commands that have no screen of their own.
    pub fn print_notes(&self) {
        self.notes.iter().for_each(|note| eprintln!("ipec: {note}"));
    }
}

/// Loads a knowledge base from its cache file when that holds the same content, else from its files
/// (reporting a damaged or foreign cache file on standard error), parsing again only the files that
/// changed since the cache file was written. With `use_cache` false, the cache is neither read nor
/// written.
pub fn load(source: &DataSource, use_cache: bool, need: Need) -> Result<Loaded, Problems> {
    let path = if use_cache { file(source) } else { None };
    let Some(path) = path else {
        return load::load(source).map(|kb| Loaded {
            kb,
            index: None,
            store: None,
            notes: Vec::new(),
        });
    };
    // The built-in files' key is known from the build; a folder's are read and hashed one at a time on
    // every core, without keeping their text.
    let key = match source {
        DataSource::Embedded => Some(builtin_key()),
        DataSource::Dir(_) => fingerprint(source).map(|keys| combine(keys.into_iter())),
    };
    let mut earlier = None;
    let mut notes = Vec::new();
    let shown_path = || crate::kb::text::escape(&path.display().to_string()).into_owned();
    if let Some(key) = key {
        match read_file(&path, key, need) {
            Ok(Some(cached)) if cached.current => {
                gc::touch(&path);
                // A file without the index is written again with it, once there is one; unless the
                // index was left unread on purpose.
                let store = (cached.index.is_none() && need.reads_index()).then(|| Store {
                    path: path.clone(),
                    folder: source_folder(source),
                    key,
                    files: cached.files.iter().map(|(f, _)| f.clone()).collect(),
                });
                return Ok(Loaded {
                    kb: cached.kb,
                    index: cached.index,
                    store,
                    notes,
                });
            }
            Ok(cached) => earlier = cached,
            Err(Stale::Damaged(why)) => notes.push(format!(
                "the cache file {} is damaged ({}); rebuilding it",
                shown_path(),
                crate::kb::text::escape(&why)
            )),
            Err(Stale::OtherBuild(by)) => notes.push(format!(
                "the cache file {} was written by another build of ipec ({}); rebuilding it",
                shown_path(),
                crate::kb::text::escape(&by)
            )),
        }
    }
    // The key is that of the files loaded: a folder's are read again here (a cache hit keeps no text),
    // and hashed again, so that a file saved between the two reads is not stored under the old key.
    let (files, problems) = load::read_files(source);
    let keys = crate::par::map_sized(&files, |f| f.text.len(), |_, f| file_key(&f.name, &f.text));
    let known = earlier.map(|e| e.records_of(&keys)).unwrap_or_default();
    let kb = load::load_read_knowing(&files, problems, known)?;
    let store = Store {
        path,
        folder: source_folder(source),
        key: match source {
            DataSource::Embedded => builtin_key(),
            DataSource::Dir(_) => combine(keys.iter().copied()),
        },
        files: files
            .iter()
            .zip(&keys)
            .map(|(f, &key)| FileKey {
                name: f.name.clone(),
                key,
            })
            .collect(),
    };
    drop(files);
    Ok(Loaded {
        kb,
        index: None,
        store: Some(store),
        notes,
    })
}

/// The folder a cache file is of, as `ipec cache list` names it; none for the built-in knowledge base.
fn source_folder(source: &DataSource) -> Option<PathBuf> {
    match source {
        DataSource::Embedded => None,
        DataSource::Dir(folder) => Some(std::fs::canonicalize(folder).map_or_else(|_| folder.clone(), as_typed)),
    }
}

/// A canonical path as people write it: Windows' canonical form starts with `\\?\`, which nobody types
/// (`\\?\C:\data` is `C:\data`, `\\?\UNC\server\share` is `\\server\share`).
fn as_typed(path: PathBuf) -> PathBuf {
    let Some(text) = path.to_str() else {
        return path;
    };
    match text.strip_prefix(r"\\?\") {
        Some(rest) => match rest.strip_prefix(r"UNC\") {
            Some(share) => PathBuf::from(format!(r"\\{share}")),
            None => PathBuf::from(rest),
        },
        None => path,
    }
}

/// The built-in knowledge base's key: a hash of its files computed when ipec was built (build.rs).
fn builtin_key() -> Key {
    const FILES: u128 = include!(concat!(env!("OUT_DIR"), "/builtin_key.rs"));
    combine(std::iter::once(FILES))
}

/// A knowledge base's key without the cache: for tests that compare keys.
#[doc(hidden)]
pub fn key(source: &DataSource) -> Option<Key> {
    match source {
        DataSource::Embedded => Some(builtin_key()),
        DataSource::Dir(_) => fingerprint(source).map(|keys| combine(keys.into_iter())),
    }
}

#[cfg(test)]
mod tests;
