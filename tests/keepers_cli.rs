//! The commands keepers of the data use while editing it: `check`'s notes on files it does not read,
//! `schema`, `fmt` and `new`, through the real binary.

use std::path::Path;
use std::process::{Command, Output};

/// The tests' own cache, never the user's.
const TEST_CACHE: &str = concat!(env!("CARGO_TARGET_TMPDIR"), "/ipec-cache");

fn ipec(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ipec"))
        .env("IPEC_CACHE_DIR", TEST_CACHE)
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .expect("the ipec binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

/// A copy of a fixture folder in a temporary folder, and the copy's path as text.
fn copy_of(fixture: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("temporary folder");
    copy_dir(Path::new(fixture), dir.path());
    let path = dir.path().display().to_string();
    (dir, path)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create folder");
    for entry in std::fs::read_dir(from).expect("a fixture folder") {
        let path = entry.expect("an entry").path();
        let target = to.join(path.file_name().expect("a name"));
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("copy a file");
        }
    }
}

#[test]
fn check_names_the_files_it_does_not_read() {
    let (_dir, data) = copy_of("tests/fixtures/valid");
    std::fs::copy(format!("{data}/countries.toml"), format!("{data}/more.TOML")).expect("copy");
    std::fs::write(format!("{data}/notes.txt"), "to do\n").expect("write");
    std::fs::write(format!("{data}/.hidden.swp"), "").expect("write");
    let out = ipec(&["check", "--no-cache", "--data", &data]);
    assert!(out.status.success(), "notes are not problems: {}", text(&out.stdout));
    assert_eq!(
        text(&out.stderr),
        "ipec: note: `more.TOML` is not read: only names ending in `.toml`, in lower case, are; rename it `more.toml`\n\
         ipec: note: not read (only `.toml` files are): `notes.txt`\n"
    );
}

#[test]
fn schema_prints_the_json_schema_the_data_files_name() {
    let out = ipec(&["schema"]);
    assert!(out.status.success());
    let shipped = std::fs::read_to_string("data/schema/ipec.schema.json").expect("the shipped schema");
    assert_eq!(text(&out.stdout), shipped);
}
