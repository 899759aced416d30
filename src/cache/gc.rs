//! Keeping the cache folder small, as ccache and cargo do: a size cap (1 GiB unless `IPEC_CACHE_MAX` or
//! the config's `[cache] max_size` says otherwise), the least recently used files removed first after
//! each write, files of folders that no longer exist removed, a CACHEDIR.TAG so that backup tools skip
//! the folder, and `ipec cache list|prune`. Safe when several processes tidy at once: a file another
//! one removed first is simply gone.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::SystemTime;

/// The default cap: 1 GiB.
pub const DEFAULT_MAX: u64 = 1 << 30;

static MAX: AtomicU64 = AtomicU64::new(0);

/// Sets the cap for this run (the config file's `[cache] max_size`); `IPEC_CACHE_MAX` beats it.
pub fn set_max_size(bytes: u64) {
    MAX.store(bytes, Ordering::Relaxed);
}

/// The cap in force: `IPEC_CACHE_MAX`, else the config's, else 1 GiB.
pub fn max_size() -> u64 {
    if let Some(bytes) = std::env::var("IPEC_CACHE_MAX").ok().and_then(|v| parse_size(&v).ok()) {
        return bytes;
    }
    match MAX.load(Ordering::Relaxed) {
        0 => DEFAULT_MAX,
        n => n,
    }
}

/// "500M", "2G", "1.5GiB", "800000": bytes.
pub fn parse_size(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let digits = t.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(t.len());
    let (number, unit) = t.split_at(digits);
    let value: f64 = number
        .parse()
        .map_err(|_| format!("`{text}` is not a size: write 500M, 2G or a number of bytes"))?;
    let scale: u64 = match unit
        .trim()
        .to_ascii_lowercase()
        .trim_end_matches("ib")
        .trim_end_matches('b')
    {
        "" => 1,
        "k" => 1 << 10,
        "m" => 1 << 20,
        "g" => 1 << 30,
        "t" => 1 << 40,
        _ => return Err(format!("`{text}` is not a size: the unit is K, M, G or T")),
    };
    Ok((value * scale as f64) as u64)
}

/// One cache file, as `ipec cache list` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub path: PathBuf,
    pub bytes: u64,
    pub last_used: SystemTime,
    /// The knowledge-base folder it caches; `None` for the built-in knowledge base.
    pub folder: Option<PathBuf>,
}

impl Entry {
    /// Whether what it caches is still there (the built-in knowledge base always is).
    pub fn exists(&self) -> bool {
        self.folder.as_ref().is_none_or(|f| f.is_dir())
    }
}

/// The file beside a cache file that names the folder it caches.
pub fn folder_note(cache_file: &Path) -> PathBuf {
    cache_file.with_extension("ipec-folder")
}

/// Every cache file in `dir`, least recently used first.
pub fn list(dir: &Path) -> io::Result<Vec<Entry>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if !name.ends_with(".ipec-cache") {
            continue;
        }
        let Ok(meta) = entry.metadata() else { continue };
        let folder = (!name.starts_with("builtin"))
            .then(|| {
                std::fs::read_to_string(folder_note(&path))
                    .ok()
                    .map(|t| PathBuf::from(t.trim_end()))
            })
            .flatten();
        out.push(Entry {
            bytes: meta.len(),
            last_used: meta.modified().unwrap_or(SystemTime::UNIX_EPOCH),
            folder: folder.or_else(|| (!name.starts_with("builtin")).then(PathBuf::new)),
            path,
        });
    }
    out.sort_by_key(|e| e.last_used);
    Ok(out)
}

/// Marks a cache file as just used, so that eviction takes others first (quietly: a read-only cache
/// folder only means the order is by writing).
pub fn touch(path: &Path) {
    if let Ok(file) = std::fs::File::options().append(true).open(path) {
        let _ = file.set_modified(SystemTime::now());
    }
}

/// "2026-12-07 19:40" in UTC: when a cache file was last used.
pub fn utc_time(at: SystemTime) -> String {
    let secs = at.duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_secs()) as i64;
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Howard Hinnant's days-to-civil.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}",
        rest / 3600,
        rest % 3600 / 60
    )
}

/// Tags the folder as a cache (https://bford.info/cachedir/), so that backups skip it.
pub fn tag(dir: &Path) {
    let tag = dir.join("CACHEDIR.TAG");
    if !tag.exists() {
        let _ = std::fs::write(
            tag,
            "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache tag created by ipec.\n# For information about cache directory tags see https://bford.info/cachedir/\n",
        );
    }
}

/// What a prune removed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Pruned {
    pub files: usize,
    pub bytes: u64,
}

/// Removes the files of folders that no longer exist, then the least recently used until the rest fit
/// in `max` bytes; `keep` (the file just written) is never removed.
pub fn prune(dir: &Path, max: u64, keep: Option<&Path>) -> io::Result<Pruned> {
    let entries = list(dir)?;
    let mut total: u64 = entries.iter().map(|e| e.bytes).sum();
    let mut pruned = Pruned::default();
    for e in &entries {
        let kept = keep.is_some_and(|k| k == e.path);
        let gone = !e.exists() && e.folder.as_ref().is_some_and(|f| !f.as_os_str().is_empty());
        if kept || !(gone || total > max) {
            continue;
        }
        match std::fs::remove_file(&e.path) {
            Ok(()) => {
                let _ = std::fs::remove_file(folder_note(&e.path));
                total -= e.bytes;
                pruned.files += 1;
                pruned.bytes += e.bytes;
            }
            // Another ipec pruned it first.
            Err(err) if err.kind() == io::ErrorKind::NotFound => total -= e.bytes,
            Err(err) => return Err(err),
        }
    }
    Ok(pruned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn cache_file(dir: &Path, name: &str, bytes: usize, age_secs: u64, folder: Option<&Path>) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, vec![0u8; bytes]).expect("write");
        let when = SystemTime::now() - Duration::from_secs(age_secs);
        std::fs::File::options()
            .append(true)
            .open(&path)
            .expect("open")
            .set_modified(when)
            .expect("mtime");
        if let Some(f) = folder {
            std::fs::write(folder_note(&path), f.display().to_string()).expect("note");
        }
        path
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(parse_size("500M"), Ok(500 << 20));
        assert_eq!(parse_size("2 GiB"), Ok(2 << 30));
        assert_eq!(parse_size("1.5G"), Ok(3 << 29));
        assert_eq!(parse_size("800000"), Ok(800_000));
        assert!(parse_size("lots").is_err());
    }

    #[test]
    fn pruning_drops_gone_folders_then_the_least_recently_used() {
        let tmp = tempfile::tempdir().expect("temp");
        let dir = tmp.path();
        let alive = tmp.path().join("alive");
        std::fs::create_dir(&alive).expect("folder");
        let gone = tmp.path().join("gone");
        let old = cache_file(dir, "data-1.ipec-cache", 400, 300, Some(&alive));
        let orphan = cache_file(dir, "data-2.ipec-cache", 100, 10, Some(&gone));
        let recent = cache_file(dir, "data-3.ipec-cache", 400, 100, Some(&alive));
        let builtin = cache_file(dir, "builtin.ipec-cache", 300, 50, None);
        let pruned = prune(dir, 800, Some(&builtin)).expect("prune");
        assert!(!orphan.exists(), "the file of a folder that is gone goes");
        assert!(!old.exists(), "the least recently used goes until the rest fit");
        assert!(recent.exists() && builtin.exists());
        assert_eq!(pruned, Pruned { files: 2, bytes: 500 });
        assert!(!folder_note(&orphan).exists(), "and its note with it");
        let listed = list(dir).expect("list");
        assert_eq!(listed.len(), 2);
        assert!(listed.iter().all(Entry::exists));
    }
}
