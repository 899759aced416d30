//! `ipec handout TOUR`: the tour as Markdown, HTML or PDF, on standard output or into a new file.

use std::fs::OpenOptions;
use std::io::{self, IsTerminal as _, Write};
use std::path::Path;
use std::process::ExitCode;

use super::{HandoutFormat, Paper};
use crate::document::handout::{self, Handout};
use crate::kb::{Kind, KnowledgeBase};

/// What kind of handout to write, and how.
#[derive(Debug, Clone, Copy)]
pub struct How {
    pub format: HandoutFormat,
    /// The records in full in an appendix.
    pub full: bool,
    /// The paper asked for: a PDF is on A4 without one.
    pub paper: Option<Paper>,
    /// Replace the output file if it exists.
    pub force: bool,
}

pub fn write(
    kb: &KnowledgeBase,
    tour: &str,
    how: How,
    output: Option<&Path>,
    out: &mut impl Write,
) -> io::Result<ExitCode> {
    let Some(r) = kb.find_kind(Kind::Tour, tour) else {
        let tours: Vec<&str> = kb.refs(Kind::Tour).map(|r| kb.id(r)).collect();
        let asked = crate::kb::text::escape(tour);
        let hint = match crate::kb::text::did_you_mean(&asked, &tours) {
            Some(id) => format!("did you mean {id}? The tours are"),
            None => "the tours are:".to_string(),
        };
        eprintln!("ipec: no tour has the id `{asked}`; {hint} {}", tours.join(", "));
        return Ok(ExitCode::FAILURE);
    };
    if how.format == HandoutFormat::Pdf && output.is_none() && io::stdout().is_terminal() {
        eprintln!("ipec: a PDF is not for the terminal; write it to a file with -o FILE (or pipe it)");
        return Ok(ExitCode::from(2));
    }
    if how.format == HandoutFormat::Markdown && how.paper.is_some() {
        eprintln!("ipec: --paper is for PDF and HTML handouts: Markdown has no pages");
        return Ok(ExitCode::from(2));
    }
    let h = Handout::new(kb, r, how.full);
    let bytes = match how.format {
        HandoutFormat::Markdown => handout::markdown(&h).into_bytes(),
        HandoutFormat::Html => handout::html(&h, how.paper.map(paper)).into_bytes(),
        HandoutFormat::Pdf => match handout::pdf(&h, paper(how.paper.unwrap_or(Paper::A4))) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("ipec: the handout could not be written as PDF: {e:#}");
                return Ok(ExitCode::FAILURE);
            }
        },
    };
    let Some(path) = output else {
        out.write_all(&bytes)?;
        return Ok(ExitCode::SUCCESS);
    };
    Ok(write_new(path, &bytes, how.force, "the handout"))
}

fn paper(paper: Paper) -> handout::Paper {
    match paper {
        Paper::A4 => handout::Paper::A4,
        Paper::Letter => handout::Paper::Letter,
    }
}

/// Writes a new file; an existing one is left as it is unless `force` (the check for an existing file
/// and the creation are one step, so nothing a user has is overwritten, even by two runs at once).
pub fn write_new(path: &Path, bytes: &[u8], force: bool, what: &str) -> ExitCode {
    let mut options = OpenOptions::new();
    options.write(true);
    if force {
        options.create(true).truncate(true);
    } else {
        options.create_new(true);
    }
    let written = options.open(path).and_then(|mut file| file.write_all(bytes));
    match written {
        Ok(()) => {
            eprintln!("ipec: wrote {what} to {}", path.display());
            ExitCode::SUCCESS
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            eprintln!(
                "ipec: {} exists and was left as it is; choose another file, or add --force to replace it",
                path.display()
            );
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("ipec: cannot write {}: {e}", path.display());
            ExitCode::FAILURE
        }
    }
}
