//! The JSON Schema that editors read (`data/schema/ipec.schema.json`, named by the `#:schema` line of every
//! data file): it is what `ipec schema` prints, generated from the record types, and taplo finds every
//! shipped file and valid fixture valid against it and flags the mistakes a schema can express.
//!
//! taplo is installed by `scripts/install-taplo.sh` (which `.ci/run` runs). Without it, the tests that
//! need it say so and check nothing else; under CI (`CI` set) its absence is a failure.

use std::path::{Path, PathBuf};
use std::process::Command;

use ipec::kb::schema::{schema_text, SCHEMA_FILE};

fn shipped_schema() -> PathBuf {
    Path::new("data").join(SCHEMA_FILE)
}

#[test]
fn the_shipped_schema_is_the_generated_one() {
    let generated = schema_text();
    let path = shipped_schema();
    let shipped = std::fs::read_to_string(&path).unwrap_or_default();
    if shipped != generated {
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("create data/schema");
        std::fs::write(&path, &generated).expect("write the schema");
        panic!(
            "{} was stale: it has been regenerated from the record types; review it and commit it",
            path.display()
        );
    }
}

#[test]
fn the_schema_describes_every_kind_and_field() {
    let schema: serde_json::Value = serde_json::from_str(&schema_text()).expect("the schema is JSON");
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    for kind in ipec::kb::Kind::ALL {
        let property = &schema["properties"][kind.key()];
        let description = property["description"].as_str().unwrap_or_default();
        assert!(description.contains(kind.file()), "{kind}: {description}");
    }
    // Every field of every record has a description, from its doc comment.
    let definitions = schema["definitions"].as_object().expect("definitions");
    for (name, definition) in definitions {
        for (field, property) in definition["properties"].as_object().into_iter().flatten() {
            assert!(
                property.get("description").is_some(),
                "{name}.{field} has no description"
            );
        }
    }
    assert_eq!(
        schema["definitions"]["Country"]["properties"]["id"]["pattern"],
        "^[A-Z]{3}$"
    );
    assert_eq!(
        schema["definitions"]["Source"]["properties"]["kind"]["enum"][2],
        "event-listing"
    );
}

#[test]
fn the_schema_lists_fields_in_their_canonical_order() {
    let text = schema_text();
    let at = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("{needle} not in the schema"))
    };
    // The tour's fields as the tours write them: its id, its order, then its title.
    let tour = at("\"Tour\": {");
    let id = tour + text[tour..].find("\"id\": {").expect("id");
    let order = tour + text[tour..].find("\"order\": {").expect("order");
    let title = tour + text[tour..].find("\"title\": {").expect("title");
    assert!(id < order && order < title, "tour fields out of order");
}

/// taplo, if it is installed; under CI its absence fails the test that asked.
fn taplo() -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join("taplo"))
            .find(|candidate| candidate.is_file())
    });
    if found.is_none() {
        let why = "taplo is not installed: run scripts/install-taplo.sh";
        assert!(std::env::var_os("CI").is_none(), "{why}");
        eprintln!("skipped: {why}");
    }
    found
}

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

/// `taplo check` on files, against the shipped schema: its exit status and what it printed.
fn taplo_check(taplo: &Path, files: &[PathBuf], with_schema: bool) -> (bool, String) {
    let mut command = Command::new(taplo);
    command.arg("check");
    if with_schema {
        let schema = std::fs::canonicalize(shipped_schema()).expect("the shipped schema");
        command.arg("--schema").arg(format!("file://{}", schema.display()));
    }
    let output = command
        .args(files)
        .env("RUST_LOG", "warn")
        .output()
        .expect("taplo runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.success(), text)
}

#[test]
#[cfg_attr(
    windows,
    ignore = "taplo is installed for the host, a Linux program the Windows build cannot run under Wine; the data files and the schema are the same on every platform, and the host run checks them"
)]
fn taplo_finds_every_shipped_file_valid_through_its_schema_line() {
    let Some(taplo) = taplo() else { return };
    let files = toml_files(Path::new("data"));
    assert!(files.len() > 20, "the shipped files: {files:?}");
    for file in &files {
        let text = std::fs::read_to_string(file).expect("a shipped file");
        let first = text.trim_start_matches('\u{feff}').lines().next().unwrap_or_default();
        // data/sources.toml names ./schema/..., data/achievements/x.toml ../schema/...
        let depth = file.components().count() - 2;
        let up = if depth == 0 {
            "./".to_string()
        } else {
            "../".repeat(depth)
        };
        assert_eq!(first, format!("#:schema {up}{SCHEMA_FILE}"), "{}", file.display());
    }
    let (ok, output) = taplo_check(&taplo, &files, false);
    assert!(ok, "taplo check on data/:\n{output}");
}

#[test]
#[cfg_attr(
    windows,
    ignore = "taplo is installed for the host, a Linux program the Windows build cannot run under Wine; the data files and the schema are the same on every platform, and the host run checks them"
)]
fn taplo_finds_every_valid_fixture_valid() {
    let Some(taplo) = taplo() else { return };
    // Not valid-bom: taplo reads a byte-order mark as a syntax error (ipec reads it; `ipec fmt` removes it).
    for dir in ["tests/fixtures/valid", "tests/fixtures/valid-crlf"] {
        let files = toml_files(Path::new(dir));
        let (ok, output) = taplo_check(&taplo, &files, true);
        assert!(ok, "taplo check on {dir}:\n{output}");
    }
}

/// The invalid fixtures whose mistake a schema can express: a misspelt field or kind, a value outside a
/// fixed set, a missing field, an id or a date of the wrong form.
const CAUGHT_BY_THE_SCHEMA: &[&str] = &[
    "unknown-field",
    "unknown-kind",
    "unknown-value",
    "missing-field",
    "many-problems",
    "figure-qualifier",
    "tour-unknown-view",
    "id-case",
    "hostile-text",
    "list-or-one-value",
    "wrong-header",
    "wrong-type",
    "more-wrong-types",
    "placeholder",
];

#[test]
#[cfg_attr(
    windows,
    ignore = "taplo is installed for the host, a Linux program the Windows build cannot run under Wine; the data files and the schema are the same on every platform, and the host run checks them"
)]
fn taplo_rejects_every_invalid_fixture_a_schema_can_catch() {
    let Some(taplo) = taplo() else { return };
    for name in CAUGHT_BY_THE_SCHEMA {
        let files = toml_files(&Path::new("tests/fixtures/invalid").join(name));
        let (ok, output) = taplo_check(&taplo, &files, true);
        assert!(!ok, "taplo finds tests/fixtures/invalid/{name} valid:\n{output}");
    }
}

/// A copy of `data/` in a temporary folder, to edit.
fn copy_of_data() -> tempfile::TempDir {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).expect("create folder");
        for entry in std::fs::read_dir(from).expect("a folder") {
            let path = entry.expect("an entry").path();
            let target = to.join(path.file_name().expect("a name"));
            if path.is_dir() {
                copy(&path, &target);
            } else {
                std::fs::copy(&path, &target).expect("copy");
            }
        }
    }
    let dir = tempfile::tempdir().expect("temporary folder");
    copy(Path::new("data"), dir.path());
    dir
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).expect("read");
    assert!(text.contains(from), "{} has no {from}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).expect("write");
}

#[test]
#[cfg_attr(
    windows,
    ignore = "taplo is installed for the host, a Linux program the Windows build cannot run under Wine; the data files and the schema are the same on every platform, and the host run checks them"
)]
fn taplo_flags_the_three_typical_mistakes_data_readme_shows() {
    let Some(taplo) = taplo() else { return };
    let dir = copy_of_data();
    let events = dir.path().join("events/events-2017.toml");
    let countries = dir.path().join("countries.toml");
    edit(&events, "end_date = \"2017-11-16\"", "end_dat = \"2017-11-16\"");
    edit(&events, "countries = [\"ARG\"]", "countries = \"ARG\"");
    edit(&countries, "region = \"Africa\"", "region = \"Afrika\"");
    // Through the #:schema line of each file, as an editor reads it.
    let (ok, output) = taplo_check(&taplo, &[events, countries], false);
    assert!(!ok, "taplo found the mistakes valid");
    for said in [
        "'end_dat' was unexpected",
        "\"ARG\" is not of type \"array\"",
        "\"Afrika\" is not one of",
    ] {
        assert!(output.contains(said), "taplo did not say {said}:\n{output}");
    }
}
