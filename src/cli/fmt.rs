//! `ipec fmt [--check]`: the data files of a folder in their one canonical layout (`kb::format`), so that
//! two keepers' edits diff cleanly. `--check` changes nothing: it names the files that would change and
//! exits 1, for CI and pre-commit.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::kb::format::{canonical, FormatError};
use crate::kb::load::data_files;
use crate::kb::schema::SCHEMA_FILE;
use crate::kb::text::escape;

/// What became of the files.
#[derive(Debug, Default)]
struct Tally {
    canonical: usize,
    changed: usize,
    failed: usize,
}

/// Formats (or with `check`, checks) every data file of `dir`.
pub fn run(dir: &Path, check: bool, out: &mut impl Write) -> io::Result<ExitCode> {
    let (files, problems) = data_files(dir);
    let mut tally = Tally {
        failed: problems.len(),
        ..Tally::default()
    };
    for problem in problems {
        eprintln!("{problem}");
    }
    let has_schema = dir.join(SCHEMA_FILE).is_file();
    for path in &files {
        let line = has_schema.then(|| schema_line(dir, path));
        file(path, line.as_deref(), check, &mut tally, out)?;
    }
    summary(dir, check, &tally);
    let ok = tally.failed == 0 && !(check && tally.changed > 0);
    Ok(if ok { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// One file: left as it is, named (`--check`), or rewritten.
fn file(path: &Path, line: Option<&str>, check: bool, tally: &mut Tally, out: &mut impl Write) -> io::Result<()> {
    let name = escape(&path.display().to_string()).into_owned();
    let text = match std::fs::read(path).map(String::from_utf8) {
        Ok(Ok(text)) => text,
        Ok(Err(_)) => {
            failed(tally, &name, "it is not UTF-8 text");
            return Ok(());
        }
        Err(e) => {
            failed(tally, &name, &format!("cannot read it: {e}"));
            return Ok(());
        }
    };
    match canonical(&text, line) {
        Ok(formatted) if formatted == text => tally.canonical += 1,
        Ok(_) if check => {
            writeln!(out, "{name}")?;
            tally.changed += 1;
        }
        Ok(formatted) => match replace(path, &formatted) {
            Ok(()) => {
                writeln!(out, "formatted {name}")?;
                tally.changed += 1;
            }
            Err(e) => failed(tally, &name, &format!("cannot write it: {e}")),
        },
        Err(FormatError::Syntax) => failed(tally, &name, "it is not valid TOML; `ipec check` says where"),
        Err(FormatError::TooDeep) => failed(
            tally,
            &name,
            "its values nest deeper than any field takes; `ipec check` says where",
        ),
        Err(FormatError::Changed) => failed(
            tally,
            &name,
            "its layout could not be changed without changing a value (a bug in ipec fmt: please report it)",
        ),
    }
    Ok(())
}

fn failed(tally: &mut Tally, name: &str, why: &str) {
    eprintln!("ipec: {name}: not formatted: {why}");
    tally.failed += 1;
}

/// The file's new text, written beside it and moved over it: a failure halfway leaves the old file whole.
fn replace(path: &Path, text: &str) -> io::Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // Hidden, so that a check running meanwhile does not read it.
    let temporary = path.with_file_name(format!(".{name}.ipec-fmt"));
    std::fs::write(&temporary, text)?;
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = std::fs::set_permissions(&temporary, meta.permissions());
    }
    std::fs::rename(&temporary, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&temporary);
    })
}

/// `#:schema ./schema/ipec.schema.json` for a file of the folder itself, `../schema/...` one folder down.
fn schema_line(dir: &Path, path: &Path) -> String {
    let depth = path
        .strip_prefix(dir)
        .map_or(0, |relative| relative.components().count().saturating_sub(1));
    let up = if depth == 0 {
        "./".to_string()
    } else {
        "../".repeat(depth)
    };
    format!("#:schema {up}{SCHEMA_FILE}")
}

fn summary(dir: &Path, check: bool, tally: &Tally) {
    let dir = escape(&dir.display().to_string()).into_owned();
    let files = |n: usize| format!("{n} file{}", if n == 1 { "" } else { "s" });
    if check && tally.changed > 0 {
        eprintln!(
            "ipec: {} not in the canonical layout (named above); `ipec fmt --data {dir}` rewrites them",
            files(tally.changed)
        );
    } else if !check {
        eprintln!(
            "ipec: {} formatted, {} already in the canonical layout",
            files(tally.changed),
            files(tally.canonical)
        );
    }
}
