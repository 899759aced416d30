//! The cache of loaded knowledge bases, through the real binary: it never serves stale data, survives
//! damage, works without a writable folder, and is not corrupted by processes starting at once.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn ipec(cache: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ipec"))
        .args(args)
        .env("NO_COLOR", "1")
        .env("IPEC_CACHE_DIR", cache)
        .output()
        .expect("the ipec binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

/// A copy of the valid fixture in a temporary folder.
fn data() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let data = dir.path().join("kb");
    std::fs::create_dir(&data).expect("a folder");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid");
    copy_folder(&fixture, &data);
    (dir, data)
}

fn copy_folder(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("the fixture") {
        let path = entry.expect("an entry").path();
        let target = to.join(path.file_name().expect("a name"));
        if path.is_dir() {
            std::fs::create_dir(&target).expect("a folder");
            copy_folder(&path, &target);
        } else {
            std::fs::copy(&path, target).expect("copied");
        }
    }
}

/// The cache files and any temporary left beside them (not the folder's CACHEDIR.TAG, nor the notes
/// that name each file's knowledge-base folder).
fn cache_files(cache: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(cache)
        .map(|entries| entries.map(|e| e.expect("an entry").path()).collect())
        .unwrap_or_default();
    files.retain(|p| {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        name != "CACHEDIR.TAG" && !name.ends_with(".ipec-folder")
    });
    files.sort();
    files
}

/// The first file with `needle` in it, at any depth.
fn file_with(data: &Path, needle: &str) -> Option<PathBuf> {
    std::fs::read_dir(data).expect("the folder").find_map(|e| {
        let path = e.expect("an entry").path();
        if path.is_dir() {
            file_with(&path, needle)
        } else {
            std::fs::read_to_string(&path)
                .is_ok_and(|t| t.contains(needle))
                .then_some(path)
        }
    })
}

#[test]
fn a_one_byte_change_of_the_same_size_and_time_is_seen() {
    let (dir, data) = data();
    let cache = dir.path().join("cache");
    let d = data.to_str().expect("a UTF-8 path");
    let first = ipec(&cache, &["--data", d, "list", "countries"]);
    assert!(first.status.success(), "{}", stderr(&first));
    let name = stdout(&first)
        .lines()
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .expect("a country name")
        .to_string();
    assert_eq!(cache_files(&cache).len(), 1, "the cache was written");
    // Served from the cache: the same.
    assert_eq!(
        stdout(&ipec(&cache, &["--data", d, "list", "countries"])),
        stdout(&first)
    );

    let file = file_with(&data, &format!("\"{name}\"")).expect("the file of the country");
    let meta = std::fs::metadata(&file).expect("metadata");
    let text = std::fs::read_to_string(&file).expect("text");
    let first_letter = &name[..1];
    let changed_letter = if first_letter == "Q" { "X" } else { "Q" };
    let changed = format!("{changed_letter}{}", &name[1..]);
    let edited = text.replacen(&format!("\"{name}\""), &format!("\"{changed}\""), 1);
    assert_eq!(edited.len(), text.len());
    std::fs::write(&file, edited).expect("written");
    let f = std::fs::File::options().write(true).open(&file).expect("opened");
    f.set_modified(meta.modified().expect("a time"))
        .expect("the time is put back");
    drop(f);
    let after = std::fs::metadata(&file).expect("metadata");
    assert_eq!((after.len(), after.modified().ok()), (meta.len(), meta.modified().ok()));

    let second = ipec(&cache, &["--data", d, "list", "countries"]);
    assert!(stdout(&second).contains(&changed), "{}", stdout(&second));
    assert!(!stdout(&second).contains(&format!(" {name} ")), "{}", stdout(&second));
    assert_eq!(stderr(&second), "");
}

#[test]
fn a_damaged_cache_file_is_rebuilt_with_a_warning() {
    let (dir, data) = data();
    let cache = dir.path().join("cache");
    let d = data.to_str().expect("a UTF-8 path");
    let good = ipec(&cache, &["--data", d, "search", "ghana"]);
    assert!(good.status.success(), "{}", stderr(&good));
    let [file] = &cache_files(&cache)[..] else {
        panic!("one cache file: {:?}", cache_files(&cache))
    };
    let mut bytes = std::fs::read(file).expect("read");
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0xFF;
    std::fs::write(file, &bytes).expect("written");

    let damaged = ipec(&cache, &["--data", d, "search", "ghana"]);
    assert!(damaged.status.success());
    assert_eq!(stdout(&damaged), stdout(&good));
    assert!(stderr(&damaged).contains("is damaged"), "{}", stderr(&damaged));
    assert!(stderr(&damaged).contains("rebuilding it"), "{}", stderr(&damaged));

    let rebuilt = ipec(&cache, &["--data", d, "search", "ghana"]);
    assert_eq!(stdout(&rebuilt), stdout(&good));
    assert_eq!(stderr(&rebuilt), "", "rebuilt, so no warning");

    std::fs::write(file, b"not a cache at all").expect("written");
    let garbage = ipec(&cache, &["--data", d, "search", "ghana"]);
    assert_eq!(stdout(&garbage), stdout(&good));
    assert!(stderr(&garbage).contains("is damaged"), "{}", stderr(&garbage));
}

#[test]
fn a_cache_written_by_another_build_is_rebuilt_with_a_warning() {
    let (dir, data) = data();
    let cache = dir.path().join("cache");
    let d = data.to_str().expect("a UTF-8 path");
    let good = ipec(&cache, &["--data", d, "check"]);
    let [file] = &cache_files(&cache)[..] else {
        panic!("one cache file")
    };
    let mut bytes = std::fs::read(file).expect("read");
    // The build identity starts after the magic, the format and its length: "ipec 0.1.0 ...".
    bytes[14 + 5] = b'9';
    std::fs::write(file, &bytes).expect("written");
    let other = ipec(&cache, &["--data", d, "check"]);
    assert_eq!(stdout(&other), stdout(&good));
    assert!(stderr(&other).contains("another build of ipec"), "{}", stderr(&other));
    assert_eq!(stderr(&ipec(&cache, &["--data", d, "check"])), "");
}

#[test]
fn a_missing_or_unwritable_cache_folder_still_works() {
    let (dir, data) = data();
    let d = data.to_str().expect("a UTF-8 path");
    let plain = ipec(&dir.path().join("c"), &["--data", d, "--no-cache", "search", "ghana"]);
    assert!(plain.status.success());
    assert!(
        cache_files(&dir.path().join("c")).is_empty(),
        "--no-cache writes nothing"
    );

    // A folder below a file can never be made, whoever runs this (root ignores permissions).
    let blocker = dir.path().join("a-file");
    std::fs::write(&blocker, "").expect("written");
    let unwritable = blocker.join("cache");
    for _ in 0..2 {
        let out = ipec(&unwritable, &["--data", d, "search", "ghana"]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(stdout(&out), stdout(&plain));
        assert_eq!(stderr(&out), "");
    }

    // A folder that does not exist yet is made.
    let missing = dir.path().join("not/yet/there");
    assert_eq!(
        stdout(&ipec(&missing, &["--data", d, "search", "ghana"])),
        stdout(&plain)
    );
    assert_eq!(cache_files(&missing).len(), 1);

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let read_only = dir.path().join("read-only");
        std::fs::create_dir(&read_only).expect("a folder");
        std::fs::set_permissions(&read_only, std::fs::Permissions::from_mode(0o555)).expect("chmod");
        let out = ipec(&read_only, &["--data", d, "search", "ghana"]);
        assert_eq!(stdout(&out), stdout(&plain));
        assert_eq!(stderr(&out), "");
        std::fs::set_permissions(&read_only, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
}

#[test]
fn processes_starting_at_once_do_not_corrupt_the_cache() {
    let (dir, data) = data();
    let cache = dir.path().join("cache");
    let d = data.to_str().expect("a UTF-8 path");
    let expected = stdout(&ipec(&cache, &["--data", d, "--no-cache", "search", "cocoa"]));
    for _round in 0..3 {
        let _ = std::fs::remove_dir_all(&cache);
        let children: Vec<_> = (0..8)
            .map(|_| {
                Command::new(env!("CARGO_BIN_EXE_ipec"))
                    .args(["--data", d, "search", "cocoa"])
                    .env("NO_COLOR", "1")
                    .env("IPEC_CACHE_DIR", &cache)
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .expect("started")
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().expect("finished");
            assert!(out.status.success());
            assert_eq!(stdout(&out), expected);
            assert_eq!(stderr(&out), "");
        }
        let files = cache_files(&cache);
        assert_eq!(files.len(), 1, "one file, no temporary left: {files:?}");
        let after = ipec(&cache, &["--data", d, "search", "cocoa"]);
        assert_eq!(stdout(&after), expected);
        assert_eq!(stderr(&after), "", "the file left is whole");
    }
}

#[test]
fn cache_path_and_clear() {
    let (dir, data) = data();
    let cache = dir.path().join("cache");
    let d = data.to_str().expect("a UTF-8 path");
    let path = ipec(&cache, &["cache", "path"]);
    assert_eq!(stdout(&path).trim(), cache.display().to_string());
    let with_data = stdout(&ipec(&cache, &["--data", d, "cache", "path"]));
    let file = with_data.lines().nth(1).expect("the folder's cache file").to_string();
    assert!(file.starts_with(&cache.display().to_string()) && file.ends_with(".ipec-cache"));
    ipec(&cache, &["--data", d, "check"]);
    ipec(&cache, &["check"]);
    assert_eq!(cache_files(&cache).len(), 2);
    assert!(cache_files(&cache).contains(&PathBuf::from(&file)));
    let cleared = ipec(&cache, &["cache", "clear"]);
    assert!(
        stdout(&cleared).starts_with("removed 2 cache files"),
        "{}",
        stdout(&cleared)
    );
    assert!(cache_files(&cache).is_empty());
}

#[test]
fn twenty_copies_stay_under_the_cap_and_a_deleted_folder_leaves_nothing_behind() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let cache = tmp.path().join("cache");
    let copies: Vec<PathBuf> = (0..20).map(|i| tmp.path().join(format!("copy-{i}"))).collect();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid");
    for copy in &copies {
        std::fs::create_dir(copy).expect("a folder");
        copy_folder(&fixture, copy);
    }
    let run = |args: &[&str], max: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_ipec"))
            .args(args)
            .env("IPEC_CACHE_DIR", &cache)
            .env("IPEC_CACHE_MAX", max)
            .output()
            .expect("ipec runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let one = {
        run(&["check", "--data", &copies[0].display().to_string()], "1G");
        std::fs::metadata(&cache_files(&cache)[0]).expect("a cache file").len()
    };
    // Room for five files: after each write the least recently used go.
    let cap = (one * 5 + one / 2).to_string();
    for copy in &copies[1..] {
        run(&["check", "--data", &copy.display().to_string()], &cap);
    }
    let files = cache_files(&cache);
    assert_eq!(files.len(), 5, "{files:?}");
    let total: u64 = files.iter().map(|f| std::fs::metadata(f).expect("size").len()).sum();
    assert!(total <= one * 5 + one / 2);
    assert!(cache.join("CACHEDIR.TAG").exists(), "backups skip the folder");
    // The newest five are kept, and list says which folders they are of.
    let listed = run(&["cache", "list"], &cap);
    let of = |name: &str| {
        let sep = std::path::MAIN_SEPARATOR;
        listed.lines().any(|l| l.ends_with(&format!("{sep}{name}")))
    };
    assert!(
        of("copy-19") && of("copy-15") && !of("copy-14") && !of("copy-0"),
        "{listed}"
    );
    // A folder removed: prune drops its file.
    std::fs::remove_dir_all(&copies[19]).expect("remove a copy");
    let pruned = run(&["cache", "prune"], &cap);
    assert!(pruned.starts_with("removed 1 cache file"), "{pruned}");
    assert_eq!(cache_files(&cache).len(), 4);
}
