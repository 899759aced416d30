//! `ipec new KIND`: a commented template of a new record (`kb::scaffold`) on standard output, or appended
//! to a file with `-o` (never overwriting anything), and on standard error the file it belongs in and why.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::kb::load::{read_files, DataSource};
use crate::kb::scaffold::{scaffold, Request};
use crate::kb::schema::SCHEMA_FILE;
use crate::kb::text::escape;
use crate::kb::Kind;

/// Prints or appends the template of a new record of `kind`.
pub fn run(
    source: &DataSource,
    kind: Kind,
    request: &Request,
    output: Option<&Path>,
    out: &mut impl Write,
) -> io::Result<ExitCode> {
    let (files, _) = read_files(source);
    for country in &request.countries {
        let header = files
            .iter()
            .any(|f| f.text.contains("[[country]]") && f.text.lines().any(|l| is_id_line(l, country)));
        if !header {
            eprintln!(
                "ipec: note: `{}` is not the id of a country of {}: `ipec check` will say so until it is",
                escape(country),
                source.describe()
            );
        }
    }
    let root = match source {
        DataSource::Embedded => "data".to_string(),
        DataSource::Dir(dir) => dir.display().to_string(),
    };
    let made = scaffold(kind, request, &files, root.trim_end_matches('/'));
    for (i, line) in made.belongs.lines().enumerate() {
        let lead = if i == 0 { "ipec: " } else { "" };
        eprintln!("{lead}{}", escape(line));
    }
    match output {
        None => {
            out.write_all(made.text.as_bytes())?;
            if let Some(file) = &made.file {
                eprintln!("ipec: append it there with -o {}", escape(file));
            }
        }
        Some(path) => match append(path, &made.text) {
            Ok(()) => eprintln!(
                "ipec: appended a new {kind} to {}: fill in every ‹placeholder›, then run `ipec check`",
                escape(&path.display().to_string())
            ),
            Err(e) => {
                eprintln!("ipec: cannot append to {}: {e}", escape(&path.display().to_string()));
                return Ok(ExitCode::FAILURE);
            }
        },
    }
    Ok(ExitCode::SUCCESS)
}

/// Whether a line is `id = "ID"`, in any case.
fn is_id_line(line: &str, id: &str) -> bool {
    let rest = line.trim_start().strip_prefix("id").map(str::trim_start);
    let value = rest.and_then(|r| r.strip_prefix('=')).map(str::trim);
    value.is_some_and(|v| v.trim_matches('"').eq_ignore_ascii_case(id))
}

/// Appends the template to a file, after one blank line; a new file starts with the `#:schema` line when
/// it is in a knowledge-base folder that has the schema. Nothing already in the file is touched.
fn append(path: &Path, text: &str) -> io::Result<()> {
    let existing = match std::fs::read(path) {
        Ok(bytes) => Some(bytes),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    let mut file = std::fs::OpenOptions::new().append(true).create(true).open(path)?;
    let mut addition = String::new();
    match &existing {
        Some(bytes) if bytes.is_empty() => {}
        Some(bytes) => {
            if !bytes.ends_with(b"\n") {
                addition.push('\n');
            }
            addition.push('\n');
        }
        None => {
            if let Some(line) = schema_line_for(path) {
                addition.push_str(&line);
                addition.push('\n');
            }
        }
    }
    addition.push_str(text);
    file.write_all(addition.as_bytes())
}

/// `#:schema ../schema/ipec.schema.json` for a new file, if a folder above it (up to three) has the schema.
fn schema_line_for(path: &Path) -> Option<String> {
    let folder = path.parent()?;
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    (0..3).find_map(|up| {
        let mut base = folder.to_path_buf();
        for _ in 0..up {
            base.push("..");
        }
        base.join(SCHEMA_FILE).is_file().then(|| {
            let prefix = if up == 0 { "./".to_string() } else { "../".repeat(up) };
            format!("#:schema {prefix}{SCHEMA_FILE}")
        })
    })
}
