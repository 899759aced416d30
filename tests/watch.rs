//! The watcher on a real folder, as an editor changes it: a save is reloaded within a second, a burst
//! of saves is one reload, editors that save by renaming, new and removed files and folders, the folder
//! itself removed and brought back, and the files nobody loads (hidden, not `.toml`) change nothing.
//! Then `ipec check --watch` itself, through a pipe.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

mod common;

use common::copy_dir;
use ipec::kb::Kind;
use ipec::watch::{Reload, Watcher};

/// The cache of the commands run here: the tests' own, never the user's (a test build's file would
/// replace the one the user's ipec wrote).
const TEST_CACHE: &str = concat!(env!("CARGO_TARGET_TMPDIR"), "/ipec-cache");

/// How long a test waits for a reload before it fails: generous, so that a loaded 2-core machine
/// running a debug build never fails a test that is right. How fast a reload comes is measured in
/// `cargo bench --bench reload` and `cargo run --release --example reload_latency`, not here.
const DEADLINE: Duration = Duration::from_secs(30);
/// Long enough to be sure no other reload is coming: the debounce, the quiet time and a load, several
/// times over on a loaded machine.
const SILENCE: Duration = Duration::from_secs(3);

/// A copy of the valid fixture in a temporary folder (inside `kb/`, so the folder itself can be removed).
fn kb() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path().join("kb");
    copy_dir(Path::new("tests/fixtures/valid"), &dir);
    (tmp, dir)
}

fn next(reloads: &Receiver<Reload>, within: Duration) -> Reload {
    reloads
        .recv_timeout(within)
        .unwrap_or_else(|e| panic!("no reload within {within:?}: {e}"))
}

fn assert_silent(reloads: &Receiver<Reload>) {
    if let Ok(reload) = reloads.recv_timeout(SILENCE) {
        panic!(
            "an extra reload: {:?}",
            reload.result.as_ref().map(|kb| kb.total_records())
        );
    }
}

fn events(kb: &Reload) -> usize {
    kb.result.as_ref().expect("valid").len(Kind::Event)
}

/// The events the fixture itself holds, before a test adds one.
fn fixture_events() -> usize {
    ipec::kb::KnowledgeBase::load(&ipec::kb::DataSource::Dir("tests/fixtures/valid".into()))
        .expect("the valid fixture loads")
        .len(Kind::Event)
}

const EVENT: &str = "\n[[event]]\nid = \"added\"\ntitle = \"Added\"\ndate = \"2024-01-01\"\nsummary = \"s\"\nsource = \"brochure\"\nsection = \"Events\"\n";

#[test]
fn a_save_is_reloaded_and_reading_the_files_is_not_a_change() {
    let (_tmp, dir) = kb();
    let (_watcher, reloads) = Watcher::spawn(dir.clone(), false).expect("watch");
    let before = std::fs::read_to_string(dir.join("events.toml")).expect("read");
    std::fs::write(dir.join("events.toml"), format!("{before}{EVENT}")).expect("save");
    let reload = next(&reloads, DEADLINE);
    assert_eq!(events(&reload), fixture_events() + 1, "the added event is loaded");
    // The loader opened every file: that must not look like a change.
    assert_silent(&reloads);
}

#[test]
fn a_burst_of_saves_is_one_reload() {
    let (_tmp, dir) = kb();
    let (_watcher, reloads) = Watcher::spawn(dir.clone(), false).expect("watch");
    let files = [
        "events.toml",
        "areas.toml",
        "countries.toml",
        "figures.toml",
        "resources.toml",
    ];
    for round in 0..3 {
        for file in files {
            let path = dir.join(file);
            let text = std::fs::read_to_string(&path).expect("read");
            std::fs::write(&path, format!("{text}# save {round}\n")).expect("save");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
    // Fifteen saves are not fifteen reloads: one, or two should the machine stall mid-burst (a
    // stall longer than the debounce splits it).
    let mut seen = vec![next(&reloads, DEADLINE)];
    while let Ok(more) = reloads.recv_timeout(SILENCE) {
        seen.push(more);
    }
    assert!(seen.len() <= 2, "{} reloads for one burst of saves", seen.len());
    assert!(seen.iter().all(|r| r.result.is_ok()));
}

#[test]
fn an_editor_that_writes_a_new_file_and_renames_it_is_seen() {
    let (_tmp, dir) = kb();
    let (_watcher, reloads) = Watcher::spawn(dir.clone(), false).expect("watch");
    let before = std::fs::read_to_string(dir.join("events.toml")).expect("read");
    // As vim, VS Code or a script do: a hidden or temporary file, then a rename over the original.
    let temp = dir.join(".events.toml.swp");
    std::fs::write(&temp, format!("{before}{EVENT}")).expect("write the new file");
    std::fs::rename(&temp, dir.join("events.toml")).expect("rename");
    assert_eq!(events(&next(&reloads, DEADLINE)), fixture_events() + 1);
    assert_silent(&reloads);
}

#[test]
fn files_nobody_loads_do_not_reload() {
    let (_tmp, dir) = kb();
    let (_watcher, reloads) = Watcher::spawn(dir.clone(), false).expect("watch");
    std::fs::write(dir.join("README.md"), "notes").expect("write");
    std::fs::write(dir.join(".events.toml.swp"), "swap").expect("write");
    std::fs::write(dir.join("events.toml~"), "backup").expect("write");
    std::fs::create_dir_all(dir.join(".git")).expect("mkdir");
    std::fs::write(dir.join(".git/config.toml"), "x").expect("write");
    assert_silent(&reloads);
}

#[test]
fn files_and_folders_created_removed_and_renamed_are_reloaded() {
    let (_tmp, dir) = kb();
    let (_watcher, reloads) = Watcher::spawn(dir.clone(), false).expect("watch");

    // A new folder with a new file in it, two levels down.
    std::fs::create_dir_all(dir.join("more/events")).expect("mkdir");
    std::fs::write(dir.join("more/events/extra.toml"), EVENT).expect("write");
    assert_eq!(events(&next(&reloads, DEADLINE)), fixture_events() + 1);

    // That folder renamed away, out of the knowledge base.
    let away = dir.parent().expect("parent").join("away");
    std::fs::rename(dir.join("more"), &away).expect("rename away");
    assert_eq!(events(&next(&reloads, DEADLINE)), fixture_events());

    // And back in under another name: watched again, to its depth.
    std::fs::rename(&away, dir.join("back")).expect("rename back");
    assert_eq!(events(&next(&reloads, DEADLINE)), fixture_events() + 1);
    std::fs::write(dir.join("back/events/extra.toml"), "").expect("empty it");
    assert_eq!(events(&next(&reloads, DEADLINE)), fixture_events());

    // A file removed.
    std::fs::remove_file(dir.join("events.toml")).expect("remove");
    assert_eq!(events(&next(&reloads, DEADLINE)), 0);
}

#[cfg(unix)]
#[test]
fn a_sub_folder_made_unreadable_is_a_problem_until_it_is_readable_again() {
    // SAFETY: geteuid has no preconditions. Root reads any folder, so as root (as CI runs) the same
    // folder is watched by the real binary, `ipec check --watch`, run as the unprivileged user `nobody`.
    if unsafe { libc::geteuid() } == 0 {
        unreadable_sub_folder_as_nobody();
    } else {
        unreadable_sub_folder_in_process();
    }
}

/// The scenario for a user who cannot read what they lock: the watcher in this process.
#[cfg(unix)]
fn unreadable_sub_folder_in_process() {
    use std::os::unix::fs::PermissionsExt;
    let (_tmp, dir) = kb();
    let (_watcher, reloads) = Watcher::spawn(dir.clone(), false).expect("watch");
    let sub = dir.join("achievements");
    std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let locked = next(&reloads, DEADLINE)
        .result
        .expect_err("an unreadable folder is a problem");
    assert!(locked.to_string().contains("cannot read folder"), "{locked}");
    std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let mut latest = next(&reloads, DEADLINE);
    while let Ok(more) = reloads.recv_timeout(SILENCE) {
        latest = more;
    }
    assert!(latest.result.is_ok(), "readable again");
}

/// The same scenario as root: `ipec check --watch` run as `nobody` (uid 65534) with `setpriv` from
/// util-linux, the folder locked and unlocked by root under it; its verdicts say what it saw.
#[cfg(unix)]
fn unreadable_sub_folder_as_nobody() {
    use std::os::unix::fs::PermissionsExt;
    let (tmp, dir) = kb();
    // nobody must be able to reach the folder, and root's temporary folder is root's alone.
    std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let mut child = Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        .arg(env!("CARGO_BIN_EXE_ipec"))
        .args(["check", "--watch", "--no-cache", "--data"])
        .arg(&dir)
        .env("HOME", tmp.path())
        .env("XDG_CONFIG_HOME", tmp.path().join("config"))
        .env("IPEC_CACHE_DIR", tmp.path().join("cache"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("setpriv (util-linux) runs ipec as nobody");
    let lines = lines_of(child.stdout.take().expect("stdout"));
    let ok = " ok: 17 records";
    verdict(&lines, ok);
    let sub = dir.join("achievements");
    std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let locked = verdict(&lines, " problem");
    assert!(
        locked
            .iter()
            .any(|l| l.starts_with(&format!("{}:", sub.display())) && l.contains("cannot read folder")),
        "{locked:#?}"
    );
    std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    verdict(&lines, ok);
    // SAFETY: kill only sends a signal to the child this test started.
    unsafe {
        libc::kill(child.id() as i32, libc::SIGINT);
    }
    assert!(child.wait().expect("exits").success());
}

/// The lines a child prints, as they come.
fn lines_of(stdout: std::process::ChildStdout) -> Receiver<String> {
    let (lines_tx, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if lines_tx.send(line.expect("UTF-8")).is_err() {
                break;
            }
        }
    });
    lines
}

/// The lines of `ipec check --watch` up to the last line of a check with `wanted` in it: its time,
/// then its verdict.
fn verdict(lines: &Receiver<String>, wanted: &str) -> Vec<String> {
    let mut seen = Vec::new();
    loop {
        let line = lines
            .recv_timeout(DEADLINE)
            .unwrap_or_else(|_| panic!("no `{wanted}` line; saw {seen:#?}"));
        let is_verdict = line.len() > 10 && line.as_bytes()[2] == b':' && line.as_bytes()[5] == b':';
        seen.push(line.clone());
        if is_verdict && line.contains(wanted) {
            return seen;
        }
    }
}

/// Whether this Windows build runs under Wine, whose ntdll alone exports `wine_get_version`.
#[cfg(windows)]
fn under_wine() -> bool {
    #[link(name = "kernel32")]
    extern "system" {
        fn GetModuleHandleA(name: *const u8) -> *mut std::ffi::c_void;
        fn GetProcAddress(module: *mut std::ffi::c_void, name: *const u8) -> *mut std::ffi::c_void;
    }
    // SAFETY: both names are NUL-terminated, and ntdll is loaded in every Windows process.
    unsafe {
        let ntdll = GetModuleHandleA(c"ntdll.dll".as_ptr().cast());
        !ntdll.is_null() && !GetProcAddress(ntdll, c"wine_get_version".as_ptr().cast()).is_null()
    }
}

#[cfg(not(windows))]
fn under_wine() -> bool {
    false
}

#[test]
fn the_folder_removed_is_a_problem_and_its_return_is_watched_again() {
    if under_wine() {
        eprintln!(
            "skipped under Wine: its server loses track of a watched folder that is removed and made again \
             (\"no inode matches\") and can hang the process"
        );
        return;
    }
    let (tmp, dir) = kb();
    let (_watcher, reloads) = Watcher::spawn(dir.clone(), false).expect("watch");
    std::fs::remove_dir_all(&dir).expect("remove the folder");
    let gone = next(&reloads, DEADLINE);
    let problems = gone.result.expect_err("a missing folder does not load");
    // Windows removes a folder only once every handle to it is closed, the watcher's included: until
    // then it is there, and empty.
    let said = problems.to_string();
    assert!(
        said.contains("knowledge-base folder does not exist")
            || (cfg!(windows) && said.contains("no .toml files in this folder")),
        "{problems}"
    );
    // Any further reloads while it is gone say the same.
    while let Ok(again) = reloads.recv_timeout(SILENCE) {
        assert!(again.result.is_err());
    }

    copy_dir(Path::new("tests/fixtures/valid"), &dir);
    let back = next(&reloads, DEADLINE);
    let back = if back.result.is_err() {
        next(&reloads, DEADLINE)
    } else {
        back
    };
    assert!(back.result.is_ok(), "the folder is back");
    // And it is watched again, not just looked at once.
    let before = std::fs::read_to_string(dir.join("events.toml")).expect("read");
    std::fs::write(dir.join("events.toml"), format!("{before}{EVENT}")).expect("save");
    let mut latest = next(&reloads, DEADLINE);
    while let Ok(more) = reloads.recv_timeout(SILENCE) {
        latest = more;
    }
    assert_eq!(events(&latest), fixture_events() + 1);
    drop(tmp);
}

#[test]
fn reload_now_reloads_at_once_and_dropping_the_watcher_ends_the_reloads() {
    let (_tmp, dir) = kb();
    let (watcher, reloads) = Watcher::spawn(dir.clone(), false).expect("watch");
    assert_eq!(watcher.dir(), dir);
    watcher.reload_now();
    // At once: no file changed, so no debounce stands between the ask and the reload.
    let reload = next(&reloads, DEADLINE);
    assert!(reload.result.is_ok());
    assert!(reload.checked_at <= std::time::SystemTime::now());
    drop(watcher);
    let ended = reloads.recv_timeout(Duration::from_secs(2));
    assert!(matches!(ended, Err(mpsc::RecvTimeoutError::Disconnected)), "{ended:?}");
}

#[test]
fn a_folder_that_cannot_be_watched_is_an_error_that_says_why() {
    let missing = Watcher::spawn(PathBuf::from("tests/fixtures/does-not-exist"), false).expect_err("missing");
    assert_eq!(
        missing.to_string(),
        "cannot watch tests/fixtures/does-not-exist: it does not exist"
    );
    let file = Watcher::spawn(PathBuf::from("Cargo.toml"), false).expect_err("a file");
    assert_eq!(file.to_string(), "cannot watch Cargo.toml: it is not a folder");
}

/// A digest of every file below a folder: names, sizes and bytes.
fn digest(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut all = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                all.push((path.clone(), std::fs::read(&path).expect("read")));
            }
        }
    }
    all.sort();
    all
}

#[test]
fn check_watch_reports_each_change_with_its_time_and_ends_on_ctrl_c() {
    let (tmp, dir) = kb();
    let mut child = Command::new(env!("CARGO_BIN_EXE_ipec"))
        .args(["check", "--watch", "--data"])
        .arg(&dir)
        .env("IPEC_CACHE_DIR", tmp.path().join("cache"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("ipec runs");
    let lines = lines_of(child.stdout.take().expect("stdout"));
    let verdict = |wanted: &str| verdict(&lines, wanted);
    let before = digest(&dir);
    let first = verdict(" ok: 17 records");
    assert!(first.iter().any(|l| l.ends_with(": ok, 17 records")), "{first:#?}");

    let events = dir.join("events.toml");
    let text = std::fs::read_to_string(&events).expect("read");
    std::fs::write(&events, format!("{text}\nbroken = = x\n")).expect("break it");
    let broken = verdict(" problem");
    assert!(
        broken.iter().any(|l| l.starts_with(&format!("{}:", events.display()))),
        "{broken:#?}"
    );
    std::fs::write(&events, &text).expect("fix it");
    verdict(" ok: 17 records");
    assert_eq!(digest(&dir), before, "ipec wrote into the folder it watches");

    // SAFETY: kill only sends a signal to the child this test started.
    #[cfg(unix)]
    unsafe {
        libc::kill(child.id() as i32, libc::SIGINT);
    }
    #[cfg(not(unix))]
    child.kill().expect("kill");
    let status = child.wait().expect("exits");
    // Windows has no signal one process can send another's console: there it is killed, not stopped.
    if cfg!(unix) {
        assert!(status.success(), "{status:?}");
        let rest: Vec<String> = lines.try_iter().collect();
        assert!(rest.iter().any(|l| l.starts_with("stopped watching")), "{rest:#?}");
    }
}

#[test]
fn check_watch_of_the_built_in_data_says_there_is_nothing_to_watch() {
    let out = Command::new(env!("CARGO_BIN_EXE_ipec"))
        .env("IPEC_CACHE_DIR", TEST_CACHE)
        .args(["check", "--watch"])
        .output()
        .expect("ipec runs");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("built-in knowledge base: ok"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing to watch"));
}

/// Through the cache (as the explorer and `check --watch` reload): a reload saved is the next one's
/// starting point, an edit after it is seen whole, and a broken edit is reported as ever.
#[test]
fn reloads_through_the_cache_see_every_edit() {
    let (_tmp, dir) = kb();
    let cache = tempfile::tempdir().expect("temporary folder");
    // Only this test of this file reads the variable: the others watch without the cache.
    std::env::set_var("IPEC_CACHE_DIR", cache.path());
    let (watcher, reloads) = Watcher::spawn(dir.clone(), true).expect("watch");
    watcher.reload_now();
    let first = next(&reloads, DEADLINE);
    let store = first.store.as_ref().expect("a reload from the files can be saved");
    store.save(first.result.as_ref().expect("valid"), None);
    let before = events(&first);
    let events_file = dir.join("events.toml");
    let text = std::fs::read_to_string(&events_file).expect("read");
    std::fs::write(&events_file, format!("{text}{EVENT}")).expect("written");
    let edited = next(&reloads, DEADLINE);
    assert_eq!(events(&edited), before + 1, "the edit is seen, the rest reused");
    std::fs::write(&events_file, format!("{text}{EVENT}{EVENT}")).expect("written");
    let broken = next(&reloads, DEADLINE);
    let problems = broken.result.expect_err("a duplicate id is a problem");
    assert!(problems.to_string().contains("added"), "{problems}");
}
