//! Records as tables, for `--format csv` and `--format markdown`: one row per record, one column per
//! field, several values in one field joined with "; ".
//!
//! CSV has every column of the kind (for spreadsheets and scripts); Markdown, for handouts, only the
//! compact ones (no summaries or citations' sections). Text is one line per cell in both: runs of
//! whitespace, newlines included, become one space, so a record is one line of the file.

use std::io::{self, Write};

use super::kinds::Shown;
use crate::kb::links;
use crate::kb::text::{plain_number, sanitize};
use crate::kb::{Kind, KnowledgeBase, RecordRef};

/// The CSV a program reads best.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvDialect {
    /// RFC 4180 with LF line ends, for scripts and most tools.
    Standard,
    /// Excel's: a UTF-8 byte-order mark first, so that "Côte d’Ivoire" opens as written, and CRLF.
    Excel,
}

/// A table: column names, and rows of as many cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub columns: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

/// Several values in one cell.
pub(crate) const JOIN: &str = "; ";

/// A column of a kind's table: its name, whether the compact (Markdown) table keeps it, and its cell
/// for a record. A kind's columns are one list of these (`Shown::COLUMNS` in `kinds.rs`), so a header
/// and its value cannot drift apart.
pub(crate) type Column<T> = (&'static str, bool, fn(&T, &Cells<'_>) -> String);

/// What a cell may need beyond the record itself: the knowledge base, and where the record is in it.
pub(crate) struct Cells<'a> {
    kb: &'a KnowledgeBase,
    r: RecordRef,
}

impl Cells<'_> {
    /// The names of the countries `ids` name (an id that names none, as it is).
    pub(crate) fn names(&self, ids: &[String]) -> String {
        ids.iter()
            .map(|id| {
                self.kb
                    .find_kind(Kind::Country, id)
                    .map_or(id.as_str(), |c| self.kb.title(c))
            })
            .collect::<Vec<_>>()
            .join(JOIN)
    }

    /// How many results cite the record.
    pub(crate) fn results(&self) -> String {
        self.kb.backlinks_of(self.r, Kind::Achievement).count().to_string()
    }

    /// Its pages on the web.
    pub(crate) fn web(&self) -> String {
        links::urls(self.kb, self.r).join(JOIN)
    }
}

pub(crate) fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_default()
}

pub(crate) fn list(v: &[String]) -> String {
    v.join(JOIN)
}

pub(crate) fn num(v: Option<f64>) -> String {
    v.map(plain_number).unwrap_or_default()
}

/// The columns of a kind, in order, each with whether the compact (Markdown) table keeps it.
fn columns(kind: Kind) -> Vec<(&'static str, bool)> {
    fn of<T: Shown>() -> Vec<(&'static str, bool)> {
        T::COLUMNS.iter().map(|&(name, compact, _)| (name, compact)).collect()
    }
    crate::kb::for_kind!(kind, of())
}

/// The cells of one record, in the order of `columns(r.kind)`.
fn values(kb: &KnowledgeBase, r: RecordRef) -> Vec<String> {
    fn of<T: Shown>(x: &T, cells: &Cells<'_>) -> Vec<String> {
        T::COLUMNS.iter().map(|(_, _, value)| value(x, cells)).collect()
    }
    crate::kb::for_record!(kb.record(r), x => of(x, &Cells { kb, r }))
}

impl Table {
    /// Records of one kind; `compact` keeps only the columns a handout needs.
    pub fn records(kb: &KnowledgeBase, kind: Kind, refs: &[RecordRef], compact: bool) -> Table {
        let cols = columns(kind);
        let keep: Vec<bool> = cols.iter().map(|&(_, short)| short || !compact).collect();
        let pick = |cells: Vec<String>| -> Vec<String> {
            cells
                .into_iter()
                .zip(&keep)
                .filter_map(|(cell, &k)| k.then_some(cell))
                .collect()
        };
        Table {
            columns: cols
                .iter()
                .zip(&keep)
                .filter_map(|(&(name, _), &k)| k.then_some(name))
                .collect(),
            rows: refs.iter().map(|&r| pick(values(kb, r))).collect(),
        }
    }

    /// RFC 4180 CSV with a header row (quoting by the `csv` crate).
    pub fn write_csv(&self, out: &mut impl Write) -> io::Result<()> {
        self.write_csv_as(out, CsvDialect::Standard, true)
    }

    /// CSV in a dialect, with or without its header row.
    pub fn write_csv_as(&self, out: &mut impl Write, dialect: CsvDialect, header: bool) -> io::Result<()> {
        let terminator = match dialect {
            CsvDialect::Standard => csv::Terminator::Any(b'\n'),
            CsvDialect::Excel => {
                // The byte-order mark is how Excel knows the file is UTF-8, not the ANSI code page.
                out.write_all("\u{feff}".as_bytes())?;
                csv::Terminator::CRLF
            }
        };
        let mut writer = csv::WriterBuilder::new().terminator(terminator).from_writer(out);
        if header {
            writer.write_record(&self.columns).map_err(csv_error)?;
        }
        for row in &self.rows {
            writer
                .write_record(row.iter().map(|cell| one_line(cell)))
                .map_err(csv_error)?;
        }
        writer.flush()
    }

    /// A GitHub-flavoured Markdown table.
    pub fn write_markdown(&self, out: &mut impl Write) -> io::Result<()> {
        let cell = |text: &str| one_line(text).replace('\\', "\\\\").replace('|', "\\|");
        let header: Vec<String> = self.columns.iter().map(|c| heading(c)).collect();
        writeln!(out, "| {} |", header.join(" | "))?;
        writeln!(out, "|{}|", vec!["---"; self.columns.len()].join("|"))?;
        for row in &self.rows {
            let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
            writeln!(out, "| {} |", cells.join(" | "))?;
        }
        Ok(())
    }
}

/// "country_names" → "Country names".
fn heading(column: &str) -> String {
    let text = column.replace('_', " ");
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The text with control characters replaced and every run of whitespace made one space.
fn one_line(text: &str) -> String {
    sanitize(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A CSV error as the I/O error it almost always is (a closed pipe must stay a closed pipe).
fn csv_error(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_cell_per_column() {
        let kb = KnowledgeBase::builtin().expect("loads");
        for kind in Kind::ALL {
            for r in kb.refs(kind) {
                assert_eq!(values(&kb, r).len(), columns(kind).len(), "{kind} {}", kb.id(r));
            }
        }
    }

    /// A column named after a field of the record holds that field (a list joined with "; "), so that
    /// two columns swapped in a kind's list fail here.
    #[test]
    fn a_column_named_after_a_field_holds_that_field() {
        use serde_json::Value;
        let kb = KnowledgeBase::builtin().expect("loads");
        let mut checked = 0;
        for kind in Kind::ALL {
            for r in kb.refs(kind) {
                let json = kb.record(r).to_json().expect("serializes");
                for (&(name, _), cell) in columns(kind).iter().zip(values(&kb, r)) {
                    let expected = match json.get(name) {
                        Some(Value::String(s)) => s.clone(),
                        // As a number: "-4" and -4.0 are one.
                        Some(Value::Number(n)) => {
                            let same = cell.parse::<f64>().ok() == n.as_f64();
                            assert!(same, "{kind} {} column {name}: {cell} is not {n}", kb.id(r));
                            checked += 1;
                            continue;
                        }
                        Some(Value::Bool(b)) => b.to_string(),
                        Some(Value::Array(items)) if items.iter().all(Value::is_string) => {
                            items.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(JOIN)
                        }
                        // An optional field left out is an empty cell.
                        None if kind.fields().contains(&name) => String::new(),
                        _ => continue,
                    };
                    assert_eq!(cell, expected, "{kind} {} column {name}", kb.id(r));
                    checked += 1;
                }
            }
        }
        assert!(checked > 1000, "{checked} cells checked");
    }

    #[test]
    fn markdown_escapes_pipes_and_keeps_one_line_per_row() {
        let table = Table {
            columns: vec!["id", "short_title"],
            rows: vec![vec!["a".into(), "x | y\nz".into()]],
        };
        let mut out = Vec::new();
        table.write_markdown(&mut out).expect("writes");
        assert_eq!(
            String::from_utf8(out).expect("utf-8"),
            "| Id | Short title |\n|---|---|\n| a | x \\| y z |\n"
        );
    }
}
