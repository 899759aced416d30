//! From a folder of TOML files (or the copy compiled into the binary) to a validated `KnowledgeBase`.
//!
//! Loading never stops at the first problem: every file is read, every record of every file is
//! deserialized on its own, and then the cross-record rules run, so one `ipec check` reports everything.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use include_dir::{include_dir, Dir};
use toml::de::{DeTable, DeValue, ValueDeserializer};
use toml::Spanned;

use super::advice;
use super::kind::FileRecords;
use super::model::Origin;
use super::problem::{Problem, Problems};
use super::text;
use super::{validate, Kind, KnowledgeBase};
use crate::progress::{self, Stage};

/// The shipped knowledge base, compiled in so that an installed `ipec` needs nothing beside it.
static EMBEDDED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/data");

/// Files larger than this are refused rather than read: no real knowledge-base file comes close, and a
/// hostile one must not exhaust memory.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;
/// How deep a `--data` folder is walked; deeper folders are almost certainly a mistake, and are reported.
const MAX_DEPTH: usize = 8;
/// Syntax errors reported per file before the rest are summarised.
const MAX_SYNTAX_ERRORS: usize = 20;

/// Where a knowledge base comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataSource {
    /// The `data/` folder compiled into the binary.
    Embedded,
    /// A folder of the same schema, given with `--data`.
    Dir(PathBuf),
}

impl DataSource {
    pub fn from_option(dir: Option<PathBuf>) -> DataSource {
        dir.map_or(DataSource::Embedded, DataSource::Dir)
    }

    /// What it is, for a person and safe to print: a folder's path, or "the built-in knowledge base".
    pub fn describe(&self) -> String {
        match self {
            DataSource::Embedded => "the built-in knowledge base".to_string(),
            DataSource::Dir(dir) => text::sanitize(&dir.display().to_string()).into_owned(),
        }
    }
}

/// One file's text and the name problems use for it.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    /// The text as parsed: without a byte-order mark, and with Windows line endings made `\n`.
    pub text: String,
    /// How many byte-order marks the file started with beyond the one allowed (they are taken off too).
    pub extra_marks: usize,
    /// Where lines start and how many characters precede every `CHECKPOINT`th byte, computed on the first
    /// problem: a hostile file with thousands of problems on one line must not cost a scan of that line
    /// for each one.
    positions: std::sync::OnceLock<Positions>,
}

#[derive(Debug, Clone)]
struct Positions {
    line_starts: Vec<usize>,
    /// `chars[i]`: the number of characters in the first `i * CHECKPOINT` bytes.
    chars: Vec<usize>,
}

const CHECKPOINT: usize = 256;

impl Positions {
    fn new(text: &str) -> Positions {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let mut chars = Vec::with_capacity(text.len() / CHECKPOINT + 1);
        let mut count = 0;
        chars.push(0);
        for chunk in text.as_bytes().chunks(CHECKPOINT) {
            count += chunk.iter().filter(|&&b| !is_continuation(b)).count();
            chars.push(count);
        }
        Positions { line_starts, chars }
    }

    /// The number of characters before a byte offset that is a character boundary.
    fn chars_before(&self, bytes: &[u8], offset: usize) -> usize {
        let block = offset / CHECKPOINT;
        let start = block * CHECKPOINT;
        self.chars[block] + bytes[start..offset].iter().filter(|&&b| !is_continuation(b)).count()
    }
}

/// A UTF-8 continuation byte: every other byte starts a character.
fn is_continuation(byte: u8) -> bool {
    byte & 0xC0 == 0x80
}

impl SourceFile {
    /// A file as read: a UTF-8 byte-order mark is dropped and CRLF line endings become LF, so that files
    /// saved by Windows editors load, with the same lines and columns as the editor shows.
    pub fn new(name: String, text: String) -> SourceFile {
        let mut text = text;
        let marks = text.len() - text.trim_start_matches('\u{FEFF}').len();
        if marks > 0 {
            // In place: a copy of the whole file for three bytes would be a waste.
            text.drain(..marks);
        }
        let extra_marks = (marks / '\u{FEFF}'.len_utf8()).saturating_sub(1);
        let text = if text.contains("\r\n") {
            text.replace("\r\n", "\n")
        } else {
            text
        };
        SourceFile {
            name,
            text,
            extra_marks,
            positions: std::sync::OnceLock::new(),
        }
    }

    /// A problem at a byte offset of this file.
    pub fn problem(&self, offset: usize, message: impl Into<String>) -> Problem {
        let (line, column) = self.position(offset);
        Problem::new(&self.name, line, column, message)
    }

    /// The 1-based line and character column of a byte offset (clamped to the text and to a character
    /// boundary), in time independent of the length of the line.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let positions = self.positions.get_or_init(|| Positions::new(&self.text));
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let starts = &positions.line_starts;
        let line = starts.partition_point(|&start| start <= offset).max(1);
        let bytes = self.text.as_bytes();
        let column = positions.chars_before(bytes, offset) - positions.chars_before(bytes, starts[line - 1]) + 1;
        (line, column)
    }
}

/// How many bytes of reading or hashing parsing one byte of TOML is worth, for `par::map_sized`.
const PARSE_COST: usize = 64;

/// A file's size, found while walking its folder: how much work reading it is.
fn file_size((_, meta): &(PathBuf, std::fs::Metadata)) -> usize {
    meta.len() as usize
}

/// Reads, parses, deserializes and validates a knowledge base.
///
/// The work runs on a thread of its own with a large stack, whichever thread calls: TOML within the
/// parser's limits still nests thousands of levels (inline tables with dotted keys), and freeing such a
/// document recurses as deep, more than the 2 MiB of a spawned thread allow.
pub fn load(source: &DataSource) -> Result<KnowledgeBase, Problems> {
    on_large_stack(|| load_here(source))
}

/// Loads files already read, with the problems met reading them, as `load` does; with the records of
/// the files that are unchanged since an earlier load (`known[i]` for file `i`, or none), which are not
/// parsed again. The knowledge base is validated whole, as always.
pub(crate) fn load_read_knowing(
    files: &[SourceFile],
    problems: Vec<Problem>,
    known: Vec<Option<FileRecords>>,
) -> Result<KnowledgeBase, Problems> {
    on_large_stack(|| load_files(files, problems, known))
}

pub(crate) fn on_large_stack<T: Send>(work: impl FnOnce() -> T + Send) -> T {
    // Taken by the thread, or by this one if no thread can be had (a failed spawn drops its closure).
    let work = std::sync::Mutex::new(Some(work));
    let run = || work.lock().ok().and_then(|mut w| w.take()).map(|w| w());
    std::thread::scope(|scope| {
        // The loader's stack: reserved, not committed, so it costs only what a deep document uses.
        let spawned = std::thread::Builder::new()
            .name("ipec-load".into())
            .stack_size(crate::par::STACK)
            .spawn_scoped(scope, run);
        match spawned {
            Ok(thread) => thread
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                .expect("the loader ran"),
            // No thread to be had (a process limit): load here, as deep as this stack allows.
            Err(_) => run().expect("the loader had not run"),
        }
    })
}

fn load_here(source: &DataSource) -> Result<KnowledgeBase, Problems> {
    let (files, problems) = read_files(source);
    load_files(&files, problems, Vec::new())
}

/// Loads files already read (with the problems met reading them); on the caller's thread, which needs
/// a stack as large as `load`'s.
///
/// Each file is first deserialized straight into its records, on every core: no generic TOML tables
/// are kept, and no record is copied. A file for which that fails, or whose text might hold a control
/// character, is read again the careful way, record by record, which reports each of its problems where
/// it is. The positions of the records of the other files are only looked for if validation has
/// something to report. A file whose records are `known` already (unchanged since they were cached) is
/// not parsed at all.
pub(crate) fn load_files(
    files: &[SourceFile],
    mut problems: Vec<Problem>,
    mut known: Vec<Option<FileRecords>>,
) -> Result<KnowledgeBase, Problems> {
    progress::begin(Stage::Parsing, files.len());
    known.resize_with(files.len(), || None);
    // Parsing costs far more per byte than reading or hashing: even the built-in files are worth two
    // cores.
    let parsed = crate::par::map_sized(
        files,
        |f| f.text.len() * PARSE_COST,
        |i, file| {
            let typed = known[i].is_none().then(|| parse_typed(file)).flatten();
            progress::advance(1);
            typed
        },
    );
    let typed = parsed.into_iter().zip(known).map(|(parsed, known)| known.or(parsed));
    let docs = Docs::new(files);
    let mut kb = KnowledgeBase::default();
    let mut unloaded = Unloaded::default();
    for (index, (file, typed)) in files.iter().zip(typed).enumerate() {
        if file.extra_marks > 0 {
            problems.push(file.problem(0, EXTRA_MARKS));
        }
        match typed {
            Some(records) => kb.append(records, index),
            None => {
                let doc = parse_document(file, &mut problems);
                match &doc {
                    Some(doc) => read_records(&mut kb, index, file, doc, &mut problems, &mut unloaded.records),
                    None => unloaded.broken.extend(ids_written_in(&file.text).map(|id| (id, index))),
                }
                docs.set(index, doc);
            }
        }
    }
    progress::begin(Stage::Checking, 0);
    let duplicates = kb.index_ids();
    problems.extend(validate::validate(&kb, files, &docs, &duplicates, &unloaded));
    if problems.is_empty() {
        kb.index_links();
        Ok(kb)
    } else {
        // The problems of files that could not be parsed come first: such a file hides all its records,
        // and the references to them that fail elsewhere are consequences, not causes. So do those of a
        // file that starts with two byte-order marks: the editor that wrote them may have emptied it.
        let broken: HashSet<&str> = files
            .iter()
            .enumerate()
            .filter(|(index, file)| docs.is_broken(*index) || file.extra_marks > 0)
            .map(|(_, file)| file.name.as_str())
            .collect();
        let mut sorted = Problems(problems).sorted().0;
        sorted.sort_by_key(|p| !broken.contains(p.file.as_str()));
        Err(Problems(sorted))
    }
}

/// The records that exist but did not load, so that references to them are not reported as unknown: one
/// mistake, one report.
#[derive(Debug, Default)]
pub(crate) struct Unloaded {
    /// The ids (in lower case) of records that could not be read, in files that parsed.
    pub(crate) records: HashSet<String>,
    /// The ids (in lower case) written in files that did not parse, with the index of their file.
    pub(crate) broken: HashMap<String, usize>,
}

/// The ids a file that did not parse writes, found line by line (`id = "..."`), as far as they can be.
fn ids_written_in(text: &str) -> impl Iterator<Item = String> + '_ {
    let quote = |c: char| matches!(c, '"' | '\'' | '“' | '”');
    text.lines().filter_map(move |line| {
        let rest = line
            .trim_start()
            .strip_prefix("id")?
            .trim_start()
            .strip_prefix('=')?
            .trim_start();
        let inner = rest.strip_prefix(quote)?;
        let end = inner.find(quote)?;
        Some(text::lowercase(&inner[..end]).into_owned())
    })
}

/// The problem of a file that starts with more than one byte-order mark.
const EXTRA_MARKS: &str = "the file starts with two byte-order marks (invisible characters an editor adds); \
     one at most is allowed: `ipec fmt` removes them, or save the file as UTF-8 without a byte-order mark";

/// A file's records, deserialized in one pass, or `None` when the file needs the careful reading.
fn parse_typed(file: &SourceFile) -> Option<FileRecords> {
    if may_hold_forbidden(&file.text) {
        return None;
    }
    toml::from_str(&file.text).ok()
}

/// Bytes per block of `may_hold_forbidden`'s quick scan.
const CLEAN_BLOCK: usize = 64;

/// Whether a byte could begin what `may_hold_forbidden` looks for: an escape, a control other than a
/// newline or a tab, or the first byte of a C1 control or of a bidirectional override.
fn may_start_forbidden(b: u8) -> bool {
    (b < 0x20 && b != b'\n' && b != b'\t') | (b == 0x7F) | (b == b'\\') | (b == 0xC2) | (b == 0xE2)
}

/// Whether the text might hold a character that `check_text` refuses, written as such or as an escape, or
/// a placeholder (`‹title›`), which it reports.
/// Conservative: a false alarm only sends the file the careful way.
fn may_hold_forbidden(text: &str) -> bool {
    scan_for_forbidden(text, CLEAN_BLOCK)
}

/// `may_hold_forbidden`, skipping clean blocks of `block` bytes (`usize::MAX`: none, byte by byte).
fn scan_for_forbidden(text: &str, block: usize) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Most of a file is plain text: a whole block without a byte that could start anything below
        // is skipped at once (a loop the compiler vectorizes; byte by byte this scan was a twentieth of
        // a cold check at 100,000 results). A block with one is read byte by byte, as before.
        if i % block == 0 {
            if let Some(clean) = bytes.get(i..i.saturating_add(block)) {
                if !clean.iter().fold(false, |any, &b| any | may_start_forbidden(b)) {
                    i += block;
                    continue;
                }
            }
        }
        let b = bytes[i];
        let next = |n: usize| bytes.get(i + n).copied().unwrap_or(0);
        let suspicious = match b {
            b'\\' => {
                if next(1) == b'\\' {
                    i += 2;
                    continue;
                }
                // \b \f \r, \e and \xHH (TOML 1.1), and any code point: the escapes that can make a control.
                matches!(next(1), b'b' | b'f' | b'r' | b'e' | b'x' | b'u' | b'U')
            }
            b'\n' | b'\t' => false,
            0x00..=0x1F | 0x7F => true,
            // U+0080..U+009F, the C1 controls.
            0xC2 => (0x80..=0x9F).contains(&next(1)),
            // U+202A..U+202E and U+2066..U+2069, the bidirectional overrides and isolates; and U+2039 (‹),
            // which begins a placeholder of `ipec new`, reported by the careful reading.
            0xE2 => {
                (next(1) == 0x80 && matches!(next(2), 0xAA..=0xAE | 0xB9))
                    || (next(1) == 0x81 && (0xA6..=0xA9).contains(&next(2)))
            }
            _ => false,
        };
        if suspicious {
            return true;
        }
        i += 1;
    }
    false
}

/// The parsed documents, for the positions of problems: those parsed the careful way are kept; those
/// read in one pass are parsed again only if a problem in them needs its position.
pub(crate) struct Docs<'a> {
    files: &'a [SourceFile],
    docs: Vec<OnceLock<Option<Spanned<DeTable<'a>>>>>,
}

impl<'a> Docs<'a> {
    fn new(files: &'a [SourceFile]) -> Docs<'a> {
        Docs {
            files,
            docs: files.iter().map(|_| OnceLock::new()).collect(),
        }
    }

    fn set(&self, index: usize, doc: Option<Spanned<DeTable<'a>>>) {
        let _ = self.docs[index].set(doc);
    }

    /// The document of a file, `None` if it could not be parsed.
    pub(crate) fn get(&self, index: usize) -> Option<&Spanned<DeTable<'a>>> {
        self.docs[index]
            .get_or_init(|| {
                let (doc, errors) = DeTable::parse_recoverable(&self.files[index].text);
                errors.is_empty().then_some(doc)
            })
            .as_ref()
    }

    /// Whether a file was found not to parse (its records all missing).
    fn is_broken(&self, index: usize) -> bool {
        matches!(self.docs[index].get(), Some(None))
    }
}

/// Every `*.toml` file of the source, sorted by name, with a problem for each entry that is skipped.
pub fn read_files(source: &DataSource) -> (Vec<SourceFile>, Vec<Problem>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    match source {
        DataSource::Embedded => {
            // In memory already: nothing to count.
            progress::begin(Stage::ReadingFiles, 0);
            collect_embedded(&EMBEDDED, &mut files);
        }
        DataSource::Dir(dir) => {
            progress::begin(Stage::FindingFiles, 0);
            if !dir.is_dir() {
                let why = if dir.exists() {
                    "is not a folder"
                } else {
                    "does not exist"
                };
                problems.push(Problem::new(
                    dir.display().to_string(),
                    0,
                    0,
                    format!("knowledge-base folder {why}"),
                ));
            } else {
                let mut found = Vec::new();
                let mut walk = Walk {
                    found: &mut found,
                    problems: &mut problems,
                    seen: HashMap::new(),
                    ancestors: Vec::new(),
                    unread: Vec::new(),
                };
                match std::fs::canonicalize(dir) {
                    Ok(root) => {
                        walk.seen.insert(root.clone(), dir.clone());
                        walk.ancestors.push(root);
                        walk.dir(dir, 0);
                    }
                    Err(e) => walk.skipped(dir, format!("cannot read folder: {e}")),
                }
                progress::begin(Stage::ReadingFiles, found.len());
                let read_counted = |(path, meta): &(PathBuf, std::fs::Metadata)| {
                    let read = read_file(path, meta);
                    progress::advance(1);
                    read
                };
                for read in crate::par::map_sized(&found, file_size, |_, entry| read_counted(entry)) {
                    match read {
                        Ok(file) => files.push(file),
                        Err(problem) => problems.push(problem),
                    }
                }
                if files.is_empty() && problems.is_empty() {
                    problems.push(Problem::new(
                        dir.display().to_string(),
                        0,
                        0,
                        "no .toml files in this folder",
                    ));
                }
            }
        }
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    (files, problems)
}

/// The `*.toml` files of a folder that the loader reads, in name order, with a problem for each entry it
/// skips (for `ipec fmt`, which rewrites what `check` reads).
pub fn data_files(dir: &Path) -> (Vec<PathBuf>, Vec<Problem>) {
    let (mut found, mut problems) = (Vec::new(), Vec::new());
    let mut walk = Walk {
        found: &mut found,
        problems: &mut problems,
        seen: HashMap::new(),
        ancestors: Vec::new(),
        unread: Vec::new(),
    };
    match std::fs::canonicalize(dir) {
        Ok(root) => {
            walk.seen.insert(root.clone(), dir.to_path_buf());
            walk.ancestors.push(root);
            walk.dir(dir, 0);
        }
        Err(e) => walk.skipped(dir, format!("cannot read folder: {e}")),
    }
    let mut files: Vec<PathBuf> = found.into_iter().map(|(path, _)| path).collect();
    files.sort();
    (files, problems)
}

/// Notes on the files of a folder that are not read, so that none is skipped silently: a name that ends in
/// `.TOML` (or `.toml` in any other case) is named on its own, with the name to give it; the others together.
pub fn unread_notes(dir: &Path) -> Vec<String> {
    let (mut found, mut problems) = (Vec::new(), Vec::new());
    let mut walk = Walk {
        found: &mut found,
        problems: &mut problems,
        seen: HashMap::new(),
        ancestors: Vec::new(),
        unread: Vec::new(),
    };
    if let Ok(root) = std::fs::canonicalize(dir) {
        walk.seen.insert(root.clone(), dir.to_path_buf());
        walk.ancestors.push(root);
        walk.dir(dir, 0);
    }
    let name = |path: &Path| text::escape(&path.strip_prefix(dir).unwrap_or(path).display().to_string()).into_owned();
    let (cased, others): (Vec<&PathBuf>, Vec<&PathBuf>) = walk
        .unread
        .iter()
        .partition(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("toml")));
    let mut notes: Vec<String> = cased
        .iter()
        .map(|path| {
            let renamed = name(&path.with_extension("toml"));
            format!(
                "`{}` is not read: only names ending in `.toml`, in lower case, are; rename it `{renamed}`",
                name(path)
            )
        })
        .collect();
    if !others.is_empty() {
        const SHOWN: usize = 10;
        let mut listed: Vec<String> = others.iter().take(SHOWN).map(|p| format!("`{}`", name(p))).collect();
        if others.len() > SHOWN {
            listed.push(format!("and {} more", others.len() - SHOWN));
        }
        notes.push(format!("not read (only `.toml` files are): {}", listed.join(", ")));
    }
    notes
}

/// Every `.toml` file of a folder, walked as the loader walks it, each with its metadata; `None` if any
/// entry of the folder has a problem (which the loader will report) or there is no file. For the
/// cache's fingerprint of a folder (`cache::fingerprint`).
pub(crate) fn folder_files(dir: &Path) -> Option<Vec<(PathBuf, std::fs::Metadata)>> {
    if !dir.is_dir() {
        return None;
    }
    let mut found = Vec::new();
    let mut problems = Vec::new();
    let mut walk = Walk {
        found: &mut found,
        problems: &mut problems,
        seen: HashMap::new(),
        ancestors: Vec::new(),
        unread: Vec::new(),
    };
    let root = std::fs::canonicalize(dir).ok()?;
    walk.seen.insert(root.clone(), dir.to_path_buf());
    walk.ancestors.push(root);
    walk.dir(dir, 0);
    (problems.is_empty() && !found.is_empty()).then_some(found)
}

/// One file of `folder_files`, read as the loader reads it: its name (as problems give it) and text.
pub(crate) fn read_folder_file(path: &Path, meta: &std::fs::Metadata) -> Option<SourceFile> {
    read_file(path, meta).ok()
}

/// How much work a file of `folder_files` is, for spreading files over the cores.
pub(crate) fn folder_file_size(file: &(PathBuf, std::fs::Metadata)) -> usize {
    file_size(file)
}

fn collect_embedded(dir: &Dir<'static>, files: &mut Vec<SourceFile>) {
    for file in dir.files() {
        if file.path().extension().is_some_and(|e| e == "toml") {
            // Named with forward slashes on every system: the built-in files are no files of the user's.
            let name = format!("data/{}", file.path().display()).replace('\\', "/");
            // The shipped files are checked to be UTF-8 by the test suite; a lossy read keeps this infallible.
            let text = String::from_utf8_lossy(file.contents()).into_owned();
            files.push(SourceFile::new(name, text));
        }
    }
    for sub in dir.dirs() {
        collect_embedded(sub, files);
    }
}

/// The walk of a `--data` folder. Symbolic links are followed, to files and to folders; hidden entries
/// (a name starting with `.`: `.git`, editors' swap files) and files that do not end in `.toml` are
/// ignored. Every other entry that is not read is a problem: a folder too deep, a link loop, a folder
/// reached twice, anything that cannot be read.
struct Walk<'a> {
    /// The files to read, with what `metadata` said of them.
    found: &'a mut Vec<(PathBuf, std::fs::Metadata)>,
    problems: &'a mut Vec<Problem>,
    /// The real path of every folder read, with the path it was read under.
    seen: HashMap<PathBuf, PathBuf>,
    /// The real paths of the folders being read, outermost first.
    ancestors: Vec<PathBuf>,
    /// The files that are not read: not hidden, and not ending in `.toml`.
    unread: Vec<PathBuf>,
}

impl Walk<'_> {
    fn skipped(&mut self, path: &Path, message: String) {
        self.problems
            .push(Problem::new(path.display().to_string(), 0, 0, message));
    }

    fn dir(&mut self, dir: &Path, depth: usize) {
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => return self.skipped(dir, format!("cannot read folder: {e}")),
        };
        let mut listed = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) => listed.push(entry),
                Err(e) => self.skipped(dir, format!("cannot read an entry of this folder: {e}")),
            }
        }
        // In name order, so that which of two links to one folder is read does not depend on the disk.
        listed.sort_by_key(|entry| entry.file_name());
        for entry in listed {
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let path = entry.path();
            let is_toml = path.extension().is_some_and(|e| e == "toml");
            // `metadata` follows links; `symlink_metadata` tells a broken link from an entry that vanished.
            let meta = match std::fs::metadata(&path) {
                Ok(meta) => meta,
                Err(e) => {
                    let link = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
                    if link {
                        self.skipped(
                            &path,
                            format!("skipped: the symbolic link leads nowhere readable ({e})"),
                        );
                    } else if is_toml {
                        self.skipped(&path, format!("cannot read file: {e}"));
                    }
                    continue;
                }
            };
            if meta.is_dir() {
                self.subdir(&path, depth + 1);
            } else if is_toml {
                self.found.push((path, meta));
            } else {
                self.unread.push(path);
            }
        }
    }

    fn subdir(&mut self, path: &Path, depth: usize) {
        if depth > MAX_DEPTH {
            let message =
                format!("folder skipped: it is more than {MAX_DEPTH} folders below the knowledge-base folder");
            return self.skipped(path, message);
        }
        let real = match std::fs::canonicalize(path) {
            Ok(real) => real,
            Err(e) => return self.skipped(path, format!("cannot read folder: {e}")),
        };
        if let Some(first) = self.seen.get(&real) {
            let message = if self.ancestors.contains(&real) {
                format!(
                    "folder skipped: a symbolic link loop (this is {} again)",
                    first.display()
                )
            } else {
                format!("folder skipped: it is {}, already read", first.display())
            };
            return self.skipped(path, message);
        }
        self.seen.insert(real.clone(), path.to_path_buf());
        self.ancestors.push(real);
        self.dir(path, depth);
        self.ancestors.pop();
    }
}

fn read_file(path: &Path, meta: &std::fs::Metadata) -> Result<SourceFile, Problem> {
    use std::io::Read;
    let name = path.display().to_string();
    let fail = |message: String| Err(Problem::new(&name, 0, 0, message));
    let too_big = |len: u64| format!("file is {len} bytes; the limit is {MAX_FILE_BYTES}");
    if !meta.is_file() {
        return fail("is not a regular file".into());
    }
    if meta.len() > MAX_FILE_BYTES {
        return fail(too_big(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // Read at most one byte past the limit, in case the file grew since `metadata`.
    let read = std::fs::File::open(path).and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes));
    if let Err(e) = read {
        return fail(format!("cannot read file: {e}"));
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return fail(too_big(bytes.len() as u64));
    }
    // The text is checked once; SourceFile::new takes the byte-order mark off.
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceFile::new(name, text)),
        Err(e) => {
            let bytes = e.as_bytes();
            let bom = if bytes.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
            let valid = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(&bytes[bom..valid]);
            Err(Problem::at_offset(
                &name,
                &text,
                valid - bom,
                format!("file is not valid UTF-8 (byte 0x{:02X})", bytes[valid]),
            ))
        }
    }
}

fn parse_document<'a>(file: &'a SourceFile, problems: &mut Vec<Problem>) -> Option<Spanned<DeTable<'a>>> {
    let (doc, errors) = DeTable::parse_recoverable(&file.text);
    if errors.is_empty() {
        check_text(file, doc.get_ref(), problems);
        return Some(doc);
    }
    report_syntax_errors(file, &errors, problems);
    None
}

/// A file's syntax errors, in the keeper's words: one per line (the parser's later errors on a line are
/// consequences of its first), and a message said again on later lines (every `[[achievement]]` after a
/// header with a bracket missing) said once, with how many more lines it applies to.
fn report_syntax_errors(file: &SourceFile, errors: &[toml::de::Error], problems: &mut Vec<Problem>) {
    let mut lines = HashSet::new();
    // (offset, message, later lines with the same message)
    let mut shown: Vec<(usize, String, usize)> = Vec::new();
    let mut not_shown = 0;
    for error in errors {
        let offset = error.span().map_or(0, |s| s.start);
        if !lines.insert(file.position(offset).0) {
            continue;
        }
        let message = advice::syntax_error(&file.text, offset, error.message());
        if let Some((_, _, again)) = shown.iter_mut().find(|(_, m, _)| *m == message) {
            *again += 1;
        } else if shown.len() < MAX_SYNTAX_ERRORS {
            shown.push((offset, message, 0));
        } else {
            not_shown += 1;
        }
    }
    for (offset, message, again) in shown {
        let message = match again {
            0 => message,
            1 => format!("{message} (and 1 more line below)"),
            n => format!("{message} (and {n} more lines below)"),
        };
        problems.push(file.problem(offset, message));
    }
    if not_shown > 0 {
        let message = format!("{not_shown} more TOML syntax errors not shown");
        problems.push(Problem::new(&file.name, 0, 0, message));
    }
}

/// Every string in the file, keys included, is refused if it holds control characters or escape
/// sequences, which would otherwise reach the terminal.
fn check_text(file: &SourceFile, table: &DeTable<'_>, problems: &mut Vec<Problem>) {
    // An explicit stack, not recursion: TOML nests up to thousands of levels (inline tables with dotted
    // keys), deeper than a thread's stack can follow.
    let mut stack: Vec<&Spanned<DeValue<'_>>> = Vec::new();
    let key = |key: &Spanned<std::borrow::Cow<'_, str>>, problems: &mut Vec<Problem>| {
        check_string(file, key.get_ref(), key.span(), problems)
    };
    for (k, v) in table.iter().rev() {
        key(k, problems);
        stack.push(v);
    }
    while let Some(value) = stack.pop() {
        match value.get_ref() {
            DeValue::String(s) => check_string(file, s, value.span(), problems),
            DeValue::Array(items) => stack.extend(items.iter().rev()),
            DeValue::Table(t) => {
                for (k, v) in t.iter().rev() {
                    key(k, problems);
                    stack.push(v);
                }
            }
            _ => {}
        }
    }
}

/// No record of the schema nests deeper than 3 levels (a convention's ratifications' fields); past this,
/// a record is refused before it is deserialized, whose recursion (and a copy's) a deep one would overflow.
const MAX_NESTING: usize = 32;

/// Whether a text's values nest deeper than any record takes (`MAX_NESTING`); false if it does not parse.
/// Runs on the caller's stack, which must be as large as `load`'s.
pub(crate) fn nests_too_deep(text: &str) -> bool {
    let (doc, _) = DeTable::parse_recoverable(text);
    let deep = doc.get_ref().iter().any(|(_, value)| too_deep(value).is_some());
    drop(doc);
    deep
}

/// Where a value first nests deeper than `MAX_NESTING`, found without recursion.
fn too_deep(value: &Spanned<DeValue<'_>>) -> Option<Range<usize>> {
    let mut stack = vec![(value, 0)];
    while let Some((value, depth)) = stack.pop() {
        if depth > MAX_NESTING {
            return Some(value.span());
        }
        match value.get_ref() {
            DeValue::Array(items) => stack.extend(items.iter().map(|v| (v, depth + 1))),
            DeValue::Table(t) => stack.extend(t.iter().map(|(_, v)| (v, depth + 1))),
            _ => {}
        }
    }
    None
}

fn check_string(file: &SourceFile, s: &str, span: Range<usize>, problems: &mut Vec<Problem>) {
    if text::is_placeholder(s) {
        let message = format!("fill in `{s}`: a placeholder of `ipec new`, still to be written");
        problems.push(file.problem(span.start, message));
    }
    if let Some(c) = s.chars().find(|&c| text::is_forbidden(c)) {
        problems.push(file.problem(
            span.start,
            format!("text contains the control character U+{:04X}; remove it", c as u32),
        ));
    }
}

/// Deserializes every record of one file, each on its own so one bad record does not hide the others.
fn read_records(
    kb: &mut KnowledgeBase,
    file_index: usize,
    file: &SourceFile,
    doc: &Spanned<DeTable<'_>>,
    problems: &mut Vec<Problem>,
    unreadable_ids: &mut HashSet<String>,
) {
    for (key, value) in doc.get_ref().iter() {
        let Some(kind) = Kind::from_key(key.get_ref()) else {
            let hint = text::did_you_mean_hint(key.get_ref(), &Kind::KEYS, |k| format!("[[{k}]]"));
            let kinds: Vec<String> = Kind::ALL.iter().map(|k| format!("[[{k}]]")).collect();
            let message = format!(
                "unknown kind `{}`: expected one of {}{hint}",
                key.get_ref(),
                kinds.join(", ")
            );
            problems.push(file.problem(key.span().start, message));
            continue;
        };
        let DeValue::Array(items) = value.get_ref() else {
            let message = format!("`{kind}` must be an array of tables: write each record as `[[{kind}]]`");
            problems.push(file.problem(key.span().start, message));
            continue;
        };
        for (index, item) in items.iter().enumerate() {
            let origin = Origin {
                file: file_index,
                index,
            };
            let id = item.get_ref().get("id").and_then(|v| v.get_ref().as_str());
            let what = || match id {
                Some(id) => format!("{kind} `{id}`"),
                None => format!("{kind} #{}", index + 1),
            };
            if let Some(deep) = too_deep(item) {
                unreadable_ids.extend(id.map(str::to_lowercase));
                let message = format!(
                    "{}: values nested more than {MAX_NESTING} levels deep; no field takes that",
                    what()
                );
                problems.push(file.problem(deep.start, message));
                continue;
            }
            let result = kb.load_item(kind, item, origin);
            if let Err(error) = result {
                unreadable_ids.extend(id.map(str::to_lowercase));
                // A placeholder where a number or a fixed value goes is reported as one (`check_text`).
                let at = error.span().and_then(|span| file.text.get(span));
                if at.is_some_and(|raw| text::is_placeholder(raw.trim_matches('"'))) {
                    continue;
                }
                let offset = error.span().unwrap_or_else(|| item.span()).start;
                let advice = advice::record_error(kind.key(), item, &file.text, error.message(), error.span());
                let message = format!("{}: {advice}", what());
                problems.push(file.problem(offset, message));
            }
        }
    }
}

/// Deserializes one record and appends it, remembering where it came from.
pub(super) fn push<T: super::parts::Stored>(
    records: &mut super::parts::Parts<T>,
    item: &Spanned<DeValue<'_>>,
    origin: Origin,
) -> Result<(), toml::de::Error> {
    let mut record = T::deserialize(ValueDeserializer::from(item.clone()))?;
    record.set_origin(origin);
    records.push(record);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Skipping clean blocks finds exactly what the byte-by-byte scan finds, wherever the escapes,
        /// controls and multi-byte characters fall against the blocks' edges.
        #[test]
        fn the_quick_scan_agrees_with_the_byte_by_byte_one(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "title = \"x\"\n", "\t", "\\\\", "\\b", "\\u0007", "\\n", "\u{7}", "\r",
                    "\u{7f}", "\u{85}", "é", "’", "\u{202e}", "\u{2069}", "\u{2028}", "ô", "°",
                ]),
                0..400,
            )
        ) {
            let text: String = pieces.concat();
            let slow = scan_for_forbidden(&text, usize::MAX);
            for block in [1, 2, 3, 7, 64] {
                proptest::prop_assert_eq!(scan_for_forbidden(&text, block), slow, "blocks of {}", block);
            }
        }
    }

    #[test]
    fn the_quick_scan_finds_a_control_after_clean_blocks() {
        let clean = "x".repeat(1000);
        assert!(!may_hold_forbidden(&clean));
        assert!(may_hold_forbidden(&format!("{clean}\u{1b}")));
        assert!(may_hold_forbidden(&format!("{clean}\\u001b")));
        assert!(may_hold_forbidden(&format!("{}\u{202e}", &clean[..63])));
    }
}
