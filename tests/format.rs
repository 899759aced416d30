//! `ipec fmt`'s canonical layout (`kb::format`) on every file the project has: the shipped data is in it
//! already (formatting changes nothing, byte for byte), and every fixture that parses reaches it in one
//! run and stays there (a second run changes nothing); values are never changed (checked inside
//! `canonical`, which refuses to return a layout that reads differently).

use std::path::{Path, PathBuf};

use ipec::kb::format::{canonical, FormatError};

/// Every `*.toml` file below a folder.
fn toml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("a readable folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            files.extend(toml_files(&path));
        } else if path.extension().is_some_and(|e| e == "toml") {
            files.push(path);
        }
    }
    files.sort();
    files
}

#[test]
fn the_shipped_data_is_in_the_canonical_layout() {
    let files = toml_files(Path::new("data"));
    assert!(files.len() > 20);
    for file in files {
        let text = std::fs::read_to_string(&file).expect("a shipped file");
        let formatted = canonical(&text, None).unwrap_or_else(|e| panic!("{}: {e:?}", file.display()));
        assert!(
            formatted == text,
            "{} is not in the canonical layout: run `ipec fmt --data data`",
            file.display()
        );
    }
}

#[test]
fn every_fixture_reaches_the_canonical_layout_in_one_run() {
    let mut formatted_some = 0;
    for file in toml_files(Path::new("tests/fixtures")) {
        let Ok(bytes) = std::fs::read(&file) else { continue };
        let Ok(text) = String::from_utf8(bytes) else { continue };
        let once = match canonical(&text, Some("#:schema ./schema/ipec.schema.json")) {
            Ok(once) => once,
            Err(FormatError::Syntax | FormatError::TooDeep) => continue,
            Err(FormatError::Changed) => panic!("{}: formatting would change a value", file.display()),
        };
        formatted_some += 1;
        let twice = canonical(&once, None).expect("a formatted file formats");
        assert!(
            once == twice,
            "{} changes again on a second run:\n{once}\n---\n{twice}",
            file.display()
        );
    }
    assert!(formatted_some > 50, "only {formatted_some} fixtures were formatted");
}
