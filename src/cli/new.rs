//! `ipec new KIND`: a commented template of a new record (`kb::scaffold`) on standard output, or appended
//! to a file with `-o` (never overwriting anything), and on standard error the file it belongs in and why.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::kb::load::{read_files, DataSource, SourceFile};
use crate::kb::scaffold::{scaffold, Request};
use crate::kb::schema::SCHEMA_FILE;
use crate::kb::text::{escape, fold};
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
    let request = Request {
        countries: request
            .countries
            .iter()
            .map(|c| country_id(&files, c, source))
            .collect(),
        ..request.clone()
    };
    let request = &request;
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
        Some(path) => match append(path, kind, &made.text) {
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

/// The id of a country given by its id or its name ("Ghana", "cote d'ivoire"), read from the files'
/// `[[country]]` records; as given, with a note, when no country has it.
fn country_id(files: &[SourceFile], given: &str, source: &DataSource) -> String {
    let wanted = fold(given);
    for file in files.iter().filter(|f| f.text.contains("[[country]]")) {
        let mut id = None;
        for line in file.text.lines() {
            if let Some(value) = value_of(line, "id") {
                if value.eq_ignore_ascii_case(given) {
                    return value;
                }
                id = Some(value);
            } else if value_of(line, "name").is_some_and(|name| fold(&name) == wanted) {
                if let Some(id) = id.take() {
                    eprintln!("ipec: note: `{}` is country `{id}`", escape(given));
                    return id;
                }
            }
        }
    }
    eprintln!(
        "ipec: note: `{}` is not a country of {}: `ipec check` will say so until it is",
        escape(given),
        source.describe()
    );
    given.to_string()
}

/// The text of a `key = "value"` line.
fn value_of(line: &str, key: &str) -> Option<String> {
    let rest = line
        .trim_start()
        .strip_prefix(key)?
        .trim_start()
        .strip_prefix('=')?
        .trim();
    Some(rest.strip_prefix('"')?.split('"').next()?.to_string())
}

/// Appends the template to a file, after one blank line; a new file starts with the `#:schema` line when
/// it is in a knowledge-base folder that has the schema. Nothing already in the file is touched.
fn append(path: &Path, kind: Kind, text: &str) -> io::Result<()> {
    let existing = match std::fs::read(path) {
        Ok(bytes) => Some(bytes),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    if let Some(bytes) = &existing {
        let holds = String::from_utf8_lossy(bytes);
        if holds.contains("[[") && !holds.contains(&format!("[[{kind}]]")) {
            eprintln!(
                "ipec: note: {} holds no `[[{kind}]]` records yet: is it the file this one belongs in?",
                escape(&path.display().to_string())
            );
        }
    }
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
