//! Watching a knowledge-base folder: on every change to it, the folder is loaded and validated again on a
//! thread of the watcher's own, and the result is sent to whoever watches (`ipec check --watch`, the
//! explorer).
//!
//! Every `*.toml` file at any depth counts, and so do folders: files and folders created, removed and
//! renamed, and editors that save by writing a new file and renaming it over the old one. Hidden entries
//! (`.git`, `.file.toml.swp`) and files that do not end in `.toml` are ignored, as the loader ignores them.
//! Reading the files (which the operating system reports as events too) is ignored as well.
//!
//! Events are debounced by `notify-debouncer-full`, then gathered: a burst of saves (an editor's save,
//! `git checkout`, a script rewriting every file) gives one reload, once no event has come for
//! `QUIET`. A folder removed or renamed away, even the watched folder itself, is just another change: the
//! reload reports it as a problem, and when the folder comes back it is watched again.
//!
//! ipec never writes into the watched folder.
//!
//! ```no_run
//! let (watcher, reloads) = ipec::watch::Watcher::spawn("my-data".into(), true)?;
//! watcher.reload_now();
//! for reload in reloads {
//!     match &reload.result {
//!         Ok(kb) => println!("{} ok, {} records", reload.clock(), kb.total_records()),
//!         Err(problems) => println!("{problems}"),
//!     }
//! }
//! # Ok::<(), anyhow::Error>(())
//! ```

use std::path::{Path, PathBuf};

use crate::cache::Need;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant, SystemTime};

use anyhow::{anyhow, Context, Result};
use notify_debouncer_full::notify::event::{EventKind, RemoveKind};
use notify_debouncer_full::notify::{self, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{new_debouncer, DebounceEventResult, DebouncedEvent, Debouncer, RecommendedCache};

use crate::kb::{DataSource, KnowledgeBase, Problems};

/// How long the debouncer waits after an event before passing it on.
pub const DEBOUNCE: Duration = Duration::from_millis(150);
/// A burst of changes ends when none has come for this long; then the folder is reloaded.
pub const QUIET: Duration = Duration::from_millis(150);
/// A stream of changes that never pauses still gives a reload this often.
pub const MAX_WAIT: Duration = Duration::from_millis(750);
/// While the watched folder is missing, how often to look whether it is back.
const POLL: Duration = Duration::from_millis(500);

/// One load and validation of the watched folder, made after a change.
#[derive(Debug)]
pub struct Reload {
    /// The knowledge base, or every problem that stops it from loading.
    pub result: Result<KnowledgeBase, Problems>,
    /// Where to save it to the cache, for the next reload and the next start to parse only what changes
    /// (none without the cache, or when there is nothing new to save). Left to whoever receives the
    /// reload: the explorer saves it with the index it builds.
    pub store: Option<crate::cache::Store>,
    /// When the folder was read (the check started).
    pub checked_at: SystemTime,
    /// How long loading and validating took.
    pub took: Duration,
}

impl Reload {
    /// The time of the check as `14:02:31`, local time where the system says what that is.
    pub fn clock(&self) -> String {
        clock(self.checked_at)
    }
}

/// Watches a knowledge-base folder until dropped. The reloads come on the receiver `spawn` returns; it
/// ends (disconnects) when the watcher is dropped.
#[derive(Debug)]
pub struct Watcher {
    dir: PathBuf,
    signals: Sender<Signal>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Signal {
    /// Something in the folder changed.
    Changed,
    /// Reload at once, without waiting for a change.
    ReloadNow,
    /// The `Watcher` was dropped.
    Stop,
}

impl Watcher {
    /// Starts watching `dir`. Nothing is loaded until the first change, or `reload_now`: a caller that
    /// loads the folder itself should do so after `spawn`, so that no change is missed between the two.
    ///
    /// Fails, saying why, if `dir` is not a folder or cannot be watched (the system's limit on watches,
    /// say).
    /// With `use_cache`, each reload goes through the cache of loaded knowledge bases: only the files
    /// that changed since the last save are parsed again (the whole knowledge base is still validated).
    pub fn spawn(dir: PathBuf, use_cache: bool) -> Result<(Watcher, Receiver<Reload>)> {
        let shown = crate::kb::text::escape(&dir.display().to_string()).into_owned();
        if !dir.is_dir() {
            let why = if dir.exists() {
                "it is not a folder"
            } else {
                "it does not exist"
            };
            return Err(anyhow!("cannot watch {shown}: {why}"));
        }
        let (signals, inbox) = mpsc::channel();
        let to_loader = signals.clone();
        let root = dir.clone();
        let mut debouncer = new_debouncer(DEBOUNCE, None, move |result: DebounceEventResult| {
            let changed = match result {
                Ok(events) => events.iter().any(|event| relevant(event, &root)),
                // Lost events or a lost watch: a reload tells what the folder now holds.
                Err(_) => true,
            };
            if changed {
                let _ = to_loader.send(Signal::Changed);
            }
        })
        .map_err(|e| why_not(e, &shown))?;
        debouncer
            .watch(&dir, RecursiveMode::Recursive)
            .map_err(|e| why_not(e, &shown))?;
        let (reloads, receiver) = mpsc::channel();
        let loader = Loader {
            dir: dir.clone(),
            use_cache,
            inbox,
            reloads,
        };
        std::thread::Builder::new()
            .name("ipec-watch".into())
            .spawn(move || loader.run(debouncer))
            .with_context(|| format!("cannot watch {shown}: no thread to reload it on"))?;
        Ok((Watcher { dir, signals }, receiver))
    }

    /// The folder watched.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Asks for a reload now, whether or not anything changed (the first check of `ipec check --watch`).
    pub fn reload_now(&self) {
        let _ = self.signals.send(Signal::ReloadNow);
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        let _ = self.signals.send(Signal::Stop);
    }
}

/// A watch error as a sentence that says what to do.
fn why_not(error: notify::Error, shown: &str) -> anyhow::Error {
    let why = match &error.kind {
        notify::ErrorKind::MaxFilesWatch => "the system's limit on watched folders is reached \
             (on Linux, raise fs.inotify.max_user_watches)"
            .to_string(),
        notify::ErrorKind::Io(io) if matches!(io.raw_os_error(), Some(24) | Some(23)) => {
            "too many file watchers are open (on Linux, raise fs.inotify.max_user_instances)".to_string()
        }
        notify::ErrorKind::PathNotFound => "it does not exist".to_string(),
        notify::ErrorKind::Io(io) => io.to_string(),
        _ => error.to_string(),
    };
    anyhow!("cannot watch {shown}: {}", crate::kb::text::escape(&why))
}

/// Whether a debounced event can change what the loader reads.
fn relevant(event: &DebouncedEvent, root: &Path) -> bool {
    if event.need_rescan() {
        return true;
    }
    if matches!(event.kind, EventKind::Access(_)) {
        return false; // a file opened or closed, by the loader itself as often as not
    }
    let folder = matches!(event.kind, EventKind::Remove(RemoveKind::Folder));
    event.paths.iter().any(|path| relevant_path(path, root, folder))
}

/// A `.toml` file or a folder below `root`, outside hidden folders; `root` itself counts.
fn relevant_path(path: &Path, root: &Path, folder: bool) -> bool {
    let below = path.strip_prefix(root).unwrap_or(path);
    if below
        .components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
    {
        return false;
    }
    match path.extension() {
        Some(e) if e == "toml" => true,
        // `v1.2/` is a folder, `notes.md` is not: a removed path is no longer there to ask.
        Some(_) => folder || path.is_dir(),
        None => true,
    }
}

/// The watcher's thread: waits for a burst of changes to end, reloads, and sends the result.
struct Loader {
    dir: PathBuf,
    use_cache: bool,
    inbox: Receiver<Signal>,
    reloads: Sender<Reload>,
}

impl Loader {
    fn run(self, mut debouncer: Debouncer<RecommendedWatcher, RecommendedCache>) {
        let mut watching = true;
        loop {
            let signal = if watching {
                self.inbox.recv().map_err(|_| RecvTimeoutError::Disconnected)
            } else {
                self.inbox.recv_timeout(POLL)
            };
            match signal {
                Ok(Signal::Stop) | Err(RecvTimeoutError::Disconnected) => return,
                Ok(Signal::ReloadNow) => {}
                Ok(Signal::Changed) => {
                    if !self.settle() {
                        return;
                    }
                }
                Err(RecvTimeoutError::Timeout) => {
                    // The folder was gone: watch it again once it is back, and say what it now holds.
                    if !self.dir.is_dir() || debouncer.watch(&self.dir, RecursiveMode::Recursive).is_err() {
                        continue;
                    }
                    watching = true;
                }
            }
            let started = Instant::now();
            let checked_at = SystemTime::now();
            let source = DataSource::Dir(self.dir.clone());
            // A damaged cache file is only rebuilt: what a reload reports is the knowledge base.
            let (result, store) = match crate::cache::load(&source, self.use_cache, Need::SomeRecords) {
                Ok(loaded) => (Ok(loaded.kb), loaded.store),
                Err(problems) => (Err(problems), None),
            };
            let reload = Reload {
                result,
                store,
                checked_at,
                took: started.elapsed(),
            };
            if self.reloads.send(reload).is_err() {
                return; // nobody is listening any more
            }
            if !self.dir.is_dir() && watching {
                // Removed or renamed away: its watch is gone or follows it elsewhere. Poll for its return.
                let _ = debouncer.unwatch(&self.dir);
                watching = false;
            }
        }
    }

    /// Waits until no change has come for `QUIET` (at most `MAX_WAIT`); false if the watcher was dropped.
    fn settle(&self) -> bool {
        let first = Instant::now();
        loop {
            let left = MAX_WAIT.saturating_sub(first.elapsed());
            if left.is_zero() {
                return true;
            }
            match self.inbox.recv_timeout(QUIET.min(left)) {
                Ok(Signal::Changed) => continue,
                Ok(Signal::ReloadNow) | Err(RecvTimeoutError::Timeout) => return true,
                Ok(Signal::Stop) | Err(RecvTimeoutError::Disconnected) => return false,
            }
        }
    }
}

/// `HH:MM:SS` of a time, in local time on Unix and Windows, in UTC (marked so) where that fails.
pub fn clock(time: SystemTime) -> String {
    let secs = time.duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    #[cfg(unix)]
    if let Some(local) = unix_local_clock(secs) {
        return local;
    }
    #[cfg(windows)]
    if let Some(local) = windows_local_clock(secs) {
        return local;
    }
    let day = secs % 86_400;
    format!("{:02}:{:02}:{:02} UTC", day / 3600, day % 3600 / 60, day % 60)
}

/// `HH:MM:SS` in the local time zone, through the C library (`time_t` is left to libc to name: musl's
/// changed type in 1.2).
#[cfg(unix)]
fn unix_local_clock(secs: u64) -> Option<String> {
    let t = secs.try_into().ok()?;
    // SAFETY: localtime_r only writes the `tm` it is given; a zeroed `tm` is a valid value of it.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    // SAFETY: both pointers are to live values of the right types.
    let done = !unsafe { libc::localtime_r(&t, &mut tm) }.is_null();
    done.then(|| format!("{:02}:{:02}:{:02}", tm.tm_hour, tm.tm_min, tm.tm_sec))
}

/// `HH:MM:SS` in the local time zone, through Windows' own conversion (daylight saving included).
#[cfg(windows)]
fn windows_local_clock(secs: u64) -> Option<String> {
    use windows_sys::Win32::Foundation::{FILETIME, SYSTEMTIME};
    use windows_sys::Win32::System::Time::{FileTimeToSystemTime, SystemTimeToTzSpecificLocalTime};
    // FILETIME counts 100 ns from 1601-01-01, 11,644,473,600 s before the Unix epoch.
    let ticks = (secs + 11_644_473_600) * 10_000_000;
    let file = FILETIME {
        dwLowDateTime: ticks as u32,
        dwHighDateTime: (ticks >> 32) as u32,
    };
    // SAFETY: SYSTEMTIME is plain integers, valid when zeroed.
    let (mut utc, mut local): (SYSTEMTIME, SYSTEMTIME) = unsafe { std::mem::zeroed() };
    // SAFETY: each call reads and writes only the structures it is given; a null zone means the current one.
    let ok = unsafe {
        FileTimeToSystemTime(&file, &mut utc) != 0
            && SystemTimeToTzSpecificLocalTime(std::ptr::null(), &utc, &mut local) != 0
    };
    ok.then(|| format!("{:02}:{:02}:{:02}", local.wHour, local.wMinute, local.wSecond))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_toml_files_and_folders_outside_hidden_ones_count() {
        let root = Path::new("/kb");
        assert!(relevant_path(Path::new("/kb/achievements/x.toml"), root, false));
        assert!(relevant_path(Path::new("/kb/achievements"), root, false));
        assert!(relevant_path(Path::new("/kb"), root, false));
        assert!(relevant_path(Path::new("/kb/v1.2"), root, true));
        assert!(!relevant_path(Path::new("/kb/README.md"), root, false));
        assert!(!relevant_path(Path::new("/kb/x.toml~"), root, false));
        assert!(!relevant_path(Path::new("/kb/.x.toml.swp"), root, false));
        assert!(!relevant_path(Path::new("/kb/.git/x.toml"), root, false));
        // A hidden folder above the watched one does not hide it.
        assert!(relevant_path(
            Path::new("/home/.cfg/kb/x.toml"),
            Path::new("/home/.cfg/kb"),
            false
        ));
    }

    #[test]
    fn the_clock_reads_hours_minutes_seconds() {
        let text = clock(SystemTime::UNIX_EPOCH + Duration::from_secs(3 * 3600 + 4 * 60 + 5));
        let hms: Vec<&str> = text.split(' ').next().unwrap_or("").split(':').collect();
        assert_eq!(hms.len(), 3, "{text}");
        assert!(hms.iter().all(|n| n.len() == 2 && n.parse::<u8>().is_ok()), "{text}");
        assert_eq!(hms[2], "05", "{text}: time zones differ by whole minutes");
    }
}
