//! Records as tables, for `--format csv` and `--format markdown`: one row per record, one column per
//! field, several values in one field joined with "; ".
//!
//! CSV has every column of the kind (for spreadsheets and scripts); Markdown, for handouts, only the
//! compact ones (no summaries or citations' sections). Text is one line per cell in both: runs of
//! whitespace, newlines included, become one space, so a record is one line of the file.

use std::io::{self, Write};

use super::format_number;
use crate::kb::links;
use crate::kb::text::{plain_number, sanitize};
use crate::kb::{Kind, KnowledgeBase, Qualifier, Record, RecordRef};

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
const JOIN: &str = "; ";

/// The columns of each kind, in order, each with whether the compact (Markdown) table keeps it.
fn columns(kind: Kind) -> &'static [(&'static str, bool)] {
    match kind {
        Kind::Achievement => &[
            ("id", true),
            ("title", true),
            ("countries", false),
            ("country_names", true),
            ("priority", false),
            ("area", false),
            ("sectors", true),
            ("conventions", false),
            ("partnerships", false),
            ("period", true),
            ("figures", true),
            ("links", false),
            ("source", false),
            ("section", false),
            ("summary", false),
            ("note", false),
        ],
        Kind::Country => &[
            ("id", true),
            ("name", true),
            ("aliases", false),
            ("region", true),
            ("results", true),
            ("lat", false),
            ("lon", false),
            ("links", true),
            ("source", false),
            ("section", false),
            ("note", false),
        ],
        Kind::Convention => &[
            ("id", true),
            ("number", false),
            ("instrument", false),
            ("title", true),
            ("year", true),
            ("subject", true),
            ("fundamental", false),
            ("ratifications", false),
            ("links", true),
            ("source", false),
            ("section", false),
            ("summary", false),
            ("note", false),
        ],
        Kind::Figure => &[
            ("id", true),
            ("title", true),
            ("topic", false),
            ("qualifier", true),
            ("value", true),
            ("total", true),
            ("unit", true),
            ("period", true),
            ("rows", false),
            ("links", false),
            ("source", false),
            ("section", false),
            ("note", false),
        ],
        Kind::Partnership => &[
            ("id", true),
            ("name", true),
            ("kind", true),
            ("countries", false),
            ("country_names", true),
            ("countries_role", false),
            ("components", false),
            ("links", true),
            ("source", false),
            ("section", false),
            ("summary", false),
            ("note", false),
        ],
        Kind::Event => &[
            ("id", true),
            ("title", true),
            ("date", true),
            ("end_date", false),
            ("listed", false),
            ("place", true),
            ("countries", false),
            ("country_names", true),
            ("about_countries", false),
            ("about_country_names", false),
            ("partnerships", false),
            ("conventions", false),
            ("resources", false),
            ("links", false),
            ("source", false),
            ("section", false),
            ("summary", false),
            ("note", false),
        ],
        Kind::Resource => &[
            ("id", true),
            ("title", true),
            ("year", true),
            ("kind", true),
            ("links", true),
            ("source", false),
            ("section", false),
            ("summary", false),
            ("note", false),
        ],
        Kind::Source => &[
            ("id", true),
            ("title", true),
            ("short_title", false),
            ("publisher", true),
            ("year", true),
            ("kind", true),
            ("links", true),
            ("summary", false),
            ("note", false),
        ],
        Kind::Priority => &[
            ("id", true),
            ("number", true),
            ("title", true),
            ("results", true),
            ("links", false),
            ("source", false),
            ("section", false),
            ("challenge", false),
            ("approach", false),
            ("note", false),
        ],
        Kind::Area => &[
            ("id", true),
            ("number", true),
            ("title", true),
            ("results", true),
            ("links", false),
            ("source", false),
            ("section", false),
            ("summary", false),
            ("note", false),
        ],
        Kind::Tour => &[
            ("id", true),
            ("title", true),
            ("audience", true),
            ("duration_minutes", true),
            ("steps", true),
            ("summary", false),
            ("note", false),
        ],
        Kind::Programme => &[
            ("id", true),
            ("name", true),
            ("full_name", true),
            ("country_count", true),
            ("country_count_as_of", false),
            ("focus", false),
            ("conventions", false),
            ("goals", false),
            ("links", false),
            ("source", false),
            ("section", false),
            ("summary", false),
            ("note", false),
        ],
    }
}

/// The cells of one record, in the order of `columns(r.kind)`.
fn values(kb: &KnowledgeBase, r: RecordRef) -> Vec<String> {
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();
    let list = |v: &[String]| v.join(JOIN);
    let num = |v: Option<f64>| v.map(plain_number).unwrap_or_default();
    let names = |ids: &[String]| {
        ids.iter()
            .map(|id| kb.find_kind(Kind::Country, id).map_or(id.as_str(), |c| kb.title(c)))
            .collect::<Vec<_>>()
            .join(JOIN)
    };
    let results = || kb.backlinks_of(r, Kind::Achievement).count().to_string();
    let web = links::urls(kb, r).join(JOIN);
    match kb.record(r) {
        Record::Achievement(a) => vec![
            a.id.clone(),
            a.title.clone(),
            list(&a.countries),
            names(&a.countries),
            opt(&a.priority),
            opt(&a.area),
            list(&a.sectors),
            list(&a.conventions),
            list(&a.partnerships),
            opt(&a.period),
            a.figures
                .iter()
                .map(|f| {
                    let value = Qualifier::apply(f.qualifier, format_number(f.value));
                    format!("{value} {}: {}", f.unit, f.label)
                })
                .collect::<Vec<_>>()
                .join(JOIN),
            web,
            a.source.clone(),
            a.section.clone(),
            a.summary.clone(),
            opt(&a.note),
        ],
        Record::Tour(t) => vec![
            t.id.clone(),
            t.title.clone(),
            t.audience.clone(),
            t.duration_minutes.to_string(),
            t.steps.len().to_string(),
            t.summary.clone(),
            opt(&t.note),
        ],
        Record::Country(c) => vec![
            c.id.clone(),
            c.name.clone(),
            list(&c.aliases),
            c.region.name().to_string(),
            results(),
            c.lat.to_string(),
            c.lon.to_string(),
            web,
            c.source.clone(),
            c.section.clone(),
            opt(&c.note),
        ],
        Record::Convention(c) => vec![
            c.id.clone(),
            c.number.to_string(),
            c.instrument.key().to_string(),
            c.title.clone(),
            c.year.map(|y| y.to_string()).unwrap_or_default(),
            c.subject.clone(),
            c.fundamental.to_string(),
            c.ratifications
                .iter()
                .map(|x| {
                    let what = match (x.count, x.status.as_deref()) {
                        (Some(n), Some(status)) => format!("{n} ({status})"),
                        (Some(n), None) => n.to_string(),
                        (None, Some(status)) => status.to_string(),
                        (None, None) => "ratifications".to_string(),
                    };
                    format!("{what} as of {} ({})", x.as_of, x.source)
                })
                .collect::<Vec<_>>()
                .join(JOIN),
            web,
            c.source.clone(),
            c.section.clone(),
            c.summary.clone(),
            opt(&c.note),
        ],
        Record::Figure(f) => vec![
            f.id.clone(),
            f.title.clone(),
            f.topic.clone(),
            f.qualifier.map(|q| q.words().to_string()).unwrap_or_default(),
            num(f.value),
            num(f.total),
            f.unit.clone(),
            opt(&f.period),
            f.rows
                .iter()
                .map(|row| {
                    let value = Qualifier::apply(row.qualifier, plain_number(row.value));
                    format!("{}: {value}", row.label)
                })
                .collect::<Vec<_>>()
                .join(JOIN),
            web,
            f.source.clone(),
            f.section.clone(),
            opt(&f.note),
        ],
        Record::Partnership(p) => vec![
            p.id.clone(),
            p.name.clone(),
            p.kind.clone(),
            list(&p.countries),
            names(&p.countries),
            opt(&p.countries_role),
            p.components
                .iter()
                .map(|c| format!("{}: {}", c.kind, c.name))
                .collect::<Vec<_>>()
                .join(JOIN),
            web,
            p.source.clone(),
            p.section.clone(),
            p.summary.clone(),
            opt(&p.note),
        ],
        Record::Event(e) => vec![
            e.id.clone(),
            e.title.clone(),
            e.date.clone(),
            opt(&e.end_date),
            opt(&e.listed),
            opt(&e.place),
            list(&e.countries),
            names(&e.countries),
            list(&e.about_countries),
            names(&e.about_countries),
            list(&e.partnerships),
            list(&e.conventions),
            list(&e.resources),
            web,
            e.source.clone(),
            e.section.clone(),
            e.summary.clone(),
            opt(&e.note),
        ],
        Record::Resource(x) => vec![
            x.id.clone(),
            x.title.clone(),
            x.year.map(|y| y.to_string()).unwrap_or_default(),
            x.kind.clone(),
            web,
            x.source.clone(),
            x.section.clone(),
            x.summary.clone(),
            opt(&x.note),
        ],
        Record::Source(s) => vec![
            s.id.clone(),
            s.title.clone(),
            opt(&s.short_title),
            s.publisher.clone(),
            s.year.to_string(),
            s.kind.clone(),
            web,
            s.summary.clone(),
            opt(&s.note),
        ],
        Record::Priority(p) => vec![
            p.id.clone(),
            p.number.to_string(),
            p.title.clone(),
            results(),
            web,
            p.source.clone(),
            p.section.clone(),
            p.challenge.clone(),
            opt(&p.approach),
            opt(&p.note),
        ],
        Record::Area(a) => vec![
            a.id.clone(),
            a.number.to_string(),
            a.title.clone(),
            results(),
            web,
            a.source.clone(),
            a.section.clone(),
            a.summary.clone(),
            opt(&a.note),
        ],
        Record::Programme(p) => vec![
            p.id.clone(),
            p.name.clone(),
            p.full_name.clone(),
            p.country_count.map(|n| n.to_string()).unwrap_or_default(),
            opt(&p.country_count_as_of),
            list(&p.focus),
            list(&p.conventions),
            list(&p.goals),
            web,
            p.source.clone(),
            p.section.clone(),
            p.summary.clone(),
            opt(&p.note),
        ],
    }
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
