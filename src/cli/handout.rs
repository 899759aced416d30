//! `ipec handout TOUR`: the tour as Markdown or HTML, on standard output or into a new file.

use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use super::HandoutFormat;
use crate::document::handout::{self, Handout};
use crate::kb::{Kind, KnowledgeBase};

pub fn write(
    kb: &KnowledgeBase,
    tour: &str,
    format: HandoutFormat,
    output: Option<&Path>,
    force: bool,
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
    let h = Handout::new(kb, &kb.tours[r.index]);
    let text = match format {
        HandoutFormat::Markdown => handout::markdown(&h),
        HandoutFormat::Html => handout::html(&h),
    };
    let Some(path) = output else {
        out.write_all(text.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    };
    // create_new: the check for an existing file and the creation are one step, so nothing a user has
    // is overwritten, even by two runs at once.
    let mut options = OpenOptions::new();
    options.write(true);
    if force {
        options.create(true).truncate(true);
    } else {
        options.create_new(true);
    }
    match options.open(path) {
        Ok(mut file) => {
            file.write_all(text.as_bytes())?;
            eprintln!("ipec: wrote the handout to {}", path.display());
            Ok(ExitCode::SUCCESS)
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            eprintln!(
                "ipec: {} exists and was left as it is; choose another file, or add --force to replace it",
                path.display()
            );
            Ok(ExitCode::FAILURE)
        }
        Err(e) => {
            eprintln!("ipec: cannot write {}: {e}", path.display());
            Ok(ExitCode::FAILURE)
        }
    }
}
