//! The rules a knowledge base must satisfy beyond its schema: unique ids, resolvable references, real
//! dates, totals that add up, sane coordinates and links. Each problem points at the exact field.

use crate::kb::text::plain_number as number;
use std::collections::HashSet;
use std::ops::Range;

use toml::de::DeTable;
use toml::Spanned;

use super::dates::{parse_period, Date};
use super::load::SourceFile;
use super::problem::Problem;
use super::spelling::{self, CountryNames};
use super::{text, Kind, KnowledgeBase, Record, RecordRef, Seg};

pub(crate) fn validate(
    kb: &KnowledgeBase,
    files: &[SourceFile],
    docs: &[Option<Spanned<DeTable<'_>>>],
    duplicates: &[(RecordRef, RecordRef)],
    unreadable_ids: &HashSet<String>,
) -> Vec<Problem> {
    let mut check = Checker {
        kb,
        files,
        docs,
        problems: Vec::new(),
        suggestions_left: MAX_SUGGESTIONS,
    };
    check.unique_ids(duplicates);
    check.references(unreadable_ids);
    for r in kb.all_refs() {
        check.record(r);
    }
    check.country_spelling();
    check.problems
}

/// Suggestions compare a wrong id with every name of its kind; past this many, a hostile file with
/// thousands of bad references would make `check` quadratic, so the rest are reported without one.
const MAX_SUGGESTIONS: usize = 200;

struct Checker<'a, 'd> {
    kb: &'a KnowledgeBase,
    files: &'a [SourceFile],
    docs: &'a [Option<Spanned<DeTable<'d>>>],
    problems: Vec<Problem>,
    suggestions_left: usize,
}

impl Checker<'_, '_> {
    /// Reports a problem at a field of a record (or at the record itself when the field is not written).
    fn report(&mut self, r: RecordRef, path: &[Seg], message: String) {
        let record = self.kb.record(r);
        let origin = record.origin();
        let file = &self.files[origin.file];
        let offset = self.span(r, path).start;
        let message = format!("{} `{}`: {message}", r.kind, record.id());
        self.problems.push(file.problem(offset, message));
    }

    /// The span of a field, walking the parsed document; stops at the deepest part that exists.
    fn span(&self, r: RecordRef, path: &[Seg]) -> Range<usize> {
        let origin = self.kb.record(r).origin();
        let Some(doc) = &self.docs[origin.file] else {
            return 0..0;
        };
        let Some(array) = doc.get_ref().get(r.kind.key()) else {
            return doc.span();
        };
        let Some(mut value) = array.get_ref().get(origin.index) else {
            return array.span();
        };
        for seg in path {
            let next = match seg {
                Seg::Key(key) => value.get_ref().get(*key),
                Seg::Index(i) => value.get_ref().get(*i),
            };
            match next {
                Some(next) => value = next,
                None => break,
            }
        }
        value.span()
    }

    /// Every title and summary that names a country in another form than its record writes it
    /// (`spelling`), reported at the mention itself.
    fn country_spelling(&mut self) {
        let names = CountryNames::new(&self.kb.countries);
        for r in self.kb.all_refs() {
            let record = self.kb.record(r);
            let title_key = match record {
                // A country's name is the spelling itself.
                Record::Country(_) => continue,
                Record::Partnership(_) | Record::Programme(_) => "name",
                _ => "title",
            };
            let summary = match record {
                // Their body is not a summary: a priority's challenge, a figure's note.
                Record::Priority(_) | Record::Figure(_) => None,
                other => Some(other.body()),
            };
            let texts = std::iter::once((title_key, record.title())).chain(summary.map(|s| ("summary", s)));
            for (key, text) in texts {
                for m in names.misspellings(text) {
                    let written = &text[m.start..m.end];
                    let country = &self.kb.countries[m.country];
                    let message = format!(
                        "{key} writes `{written}`: write `{}`, as country `{}` does",
                        m.expected, country.id
                    );
                    let span = self.span(r, &[Seg::Key(key)]);
                    let file = &self.files[record.origin().file];
                    let token = file.text.get(span.clone()).unwrap_or("");
                    let offset = span.start + spelling::raw_offset(token, m.start);
                    let message = format!("{} `{}`: {message}", r.kind, record.id());
                    self.problems.push(file.problem(offset, message));
                }
            }
        }
    }

    fn location(&self, r: RecordRef) -> String {
        let origin = self.kb.record(r).origin();
        let file = &self.files[origin.file];
        let (line, column) = file.position(self.span(r, &[Seg::Key("id")]).start);
        format!("{}:{line}:{column}", file.name)
    }

    fn unique_ids(&mut self, duplicates: &[(RecordRef, RecordRef)]) {
        for r in self.kb.all_refs() {
            let id = self.kb.id(r);
            if id.trim().is_empty() {
                self.report(r, &[Seg::Key("id")], "id is empty".into());
            } else if id.chars().any(char::is_whitespace) {
                let message = format!("id `{id}` contains white space; use `-` between words");
                self.report(r, &[Seg::Key("id")], message);
            }
        }
        for &(r, first) in duplicates {
            if self.kb.id(r).trim().is_empty() {
                continue;
            }
            let at = self.location(first);
            let message = format!(
                "duplicate id (ids ignore case): already used by a {} at {at}",
                first.kind
            );
            self.report(r, &[Seg::Key("id")], message);
        }
    }

    fn references(&mut self, unreadable_ids: &HashSet<String>) {
        for r in self.kb.all_refs() {
            // Per field: an event may name a country both where it took place and among those it is about.
            let mut listed: HashSet<(&str, Option<Kind>, String)> = HashSet::new();
            // A tour may show one record in several steps; a list may not name one twice.
            let may_repeat = |k: Option<Kind>| matches!(k, None | Some(Kind::Source)) || r.kind == Kind::Tour;
            for reference in self.kb.record(r).references() {
                let key = reference.id.to_lowercase();
                let expected = reference.kind.map_or("record", |k| k.key());
                let field = match reference.path.first() {
                    Some(Seg::Key(field)) => *field,
                    _ => "",
                };
                if !listed.insert((field, reference.kind, key.clone())) && !may_repeat(reference.kind) {
                    self.report(
                        r,
                        &reference.path,
                        format!("{expected} `{}` is listed twice", reference.id),
                    );
                    continue;
                }
                match self.kb.find(reference.id).map(|found| found.kind) {
                    Some(kind) if reference.kind.is_none_or(|k| k == kind) => {}
                    // A record that failed to load still exists as far as references go: one mistake, one report.
                    _ if unreadable_ids.contains(&key) => {}
                    Some(kind) => {
                        let message = format!("`{}` is a {kind}, but a {expected} is expected here", reference.id);
                        self.report(r, &reference.path, message);
                    }
                    None => {
                        let hint = if self.suggestions_left > 0 {
                            self.suggestions_left -= 1;
                            suggestion(self.kb, reference.kind, reference.id)
                        } else {
                            String::new()
                        };
                        let message = format!("unknown {expected} `{}`{hint}", reference.id);
                        self.report(r, &reference.path, message);
                    }
                }
            }
        }
    }

    fn record(&mut self, r: RecordRef) {
        let record = self.kb.record(r);
        let section = record.citation().map_or("-", |(_, section)| section);
        if record.title().trim().is_empty() {
            let field = if matches!(
                record,
                Record::Country(_) | Record::Partnership(_) | Record::Programme(_)
            ) {
                "name"
            } else {
                "title"
            };
            self.report(r, &[Seg::Key(field)], format!("{field} is empty"));
        }
        if r.kind != Kind::Source && section.trim().is_empty() {
            self.report(
                r,
                &[Seg::Key("section")],
                "section is empty: name the part of the source this comes from".into(),
            );
        }
        if let Some(url) = record.url() {
            self.url(r, url);
        }
        match record {
            Record::Programme(p) => {
                if let Some(date) = &p.country_count_as_of {
                    self.date(r, &[Seg::Key("country_count_as_of")], date);
                }
            }
            Record::Convention(c) => {
                for (i, ratification) in c.ratifications.iter().enumerate() {
                    let at = [Seg::Key("ratifications"), Seg::Index(i)];
                    self.date(r, &[at[0], at[1], Seg::Key("as_of")], &ratification.as_of);
                    if ratification.count.is_none() && ratification.status.is_none() {
                        let message = "a ratification needs a `count` or a `status` (\"universal ratification\")";
                        self.report(r, &at, message.into());
                    }
                }
            }
            Record::Country(c) => self.country(r, c),
            Record::Achievement(a) => {
                if let Some(period) = &a.period {
                    self.period(r, period);
                }
                for (i, sector) in a.sectors.iter().enumerate() {
                    if sector.trim().is_empty() || *sector != sector.to_lowercase() {
                        let message = format!("sector `{sector}` must be lowercase and not empty");
                        self.report(r, &[Seg::Key("sectors"), Seg::Index(i)], message);
                    }
                }
                for (i, figure) in a.figures.iter().enumerate() {
                    if !figure.value.is_finite() {
                        self.report(
                            r,
                            &[Seg::Key("figures"), Seg::Index(i), Seg::Key("value")],
                            "value is not a number".into(),
                        );
                    }
                }
            }
            Record::Figure(f) => self.figure(r, f),
            Record::Event(e) => self.event(r, e),
            Record::Tour(t) => self.tour(r, t),
            // Nothing beyond the common rules and their references.
            Record::Priority(_)
            | Record::Area(_)
            | Record::Partnership(_)
            | Record::Resource(_)
            | Record::Source(_) => {}
        }
    }

    /// A step shows a record or a view, and takes only the options of what it shows.
    fn tour(&mut self, r: RecordRef, t: &super::Tour) {
        use super::StepView;
        if t.steps.is_empty() {
            self.report(
                r,
                &[Seg::Key("id")],
                "a tour needs steps: add `[[tour.step]]` tables".into(),
            );
        }
        if t.duration_minutes == 0 {
            let message = "duration_minutes must be at least 1".to_string();
            self.report(r, &[Seg::Key("duration_minutes")], message);
        }
        for (i, step) in t.steps.iter().enumerate() {
            let at = |field: &'static str| [Seg::Key("step"), Seg::Index(i), Seg::Key(field)];
            if step.heading.trim().is_empty() {
                self.report(r, &at("heading"), "heading is empty".into());
            }
            match (&step.record, step.view) {
                (Some(_), Some(_)) => {
                    let message = "a step shows a `record` or a `view`, not both".to_string();
                    self.report(r, &at("view"), message);
                }
                (None, None) => {
                    let message = "a step needs a `record` (an id) or a `view` (map, timeline, matrix, chart)";
                    self.report(r, &[Seg::Key("step"), Seg::Index(i)], message.into());
                }
                _ => {}
            }
            let view = step.view;
            let misplaced = [
                ("region", step.region.is_some(), view == Some(StepView::Map)),
                ("country", step.country.is_some(), view == Some(StepView::Map)),
                ("from", step.from.is_some(), view == Some(StepView::Timeline)),
                ("to", step.to.is_some(), view == Some(StepView::Timeline)),
                ("figure", step.figure.is_some(), view == Some(StepView::Chart)),
            ];
            for (field, given, allowed) in misplaced {
                if given && !allowed {
                    let wanted = match field {
                        "region" | "country" => "map",
                        "figure" => "chart",
                        _ => "timeline",
                    };
                    let message = format!("`{field}` belongs to a step with view = \"{wanted}\"");
                    self.report(r, &at(field), message);
                }
            }
            if view == Some(StepView::Chart) && step.figure.is_none() {
                let message = "a chart step names its `figure` (an id of a figure with rows)".to_string();
                self.report(r, &at("view"), message);
            }
            if let Some(figure) = step
                .figure
                .as_deref()
                .and_then(|id| self.kb.find_kind(super::Kind::Figure, id))
            {
                if self.kb.figures[figure.index].rows.is_empty() {
                    let message = format!("figure `{}` has no rows to chart", self.kb.id(figure));
                    self.report(r, &at("figure"), message);
                }
            }
            if let (Some(from), Some(to)) = (step.from, step.to) {
                if to < from {
                    self.report(r, &at("to"), format!("to {to} is before from {from}"));
                }
            }
        }
    }

    fn country(&mut self, r: RecordRef, c: &super::Country) {
        if !(c.id.len() == 3 && c.id.bytes().all(|b| b.is_ascii_uppercase())) {
            let message = format!(
                "country id `{}` must be an ISO 3166-1 alpha-3 code: three capital letters",
                c.id
            );
            self.report(r, &[Seg::Key("id")], message);
        }
        if !(-90.0..=90.0).contains(&c.lat) {
            self.report(r, &[Seg::Key("lat")], format!("latitude {} is outside -90..90", c.lat));
        }
        if !(-180.0..=180.0).contains(&c.lon) {
            self.report(
                r,
                &[Seg::Key("lon")],
                format!("longitude {} is outside -180..180", c.lon),
            );
        }
    }

    fn figure(&mut self, r: RecordRef, f: &super::Figure) {
        if let Some(period) = &f.period {
            self.period(r, period);
        }
        for (i, row) in f.rows.iter().enumerate() {
            if row.region.is_some() && row.country.is_some() {
                let message = "a row names a region or a country, not both".to_string();
                self.report(r, &[Seg::Key("rows"), Seg::Index(i)], message);
            }
        }
        if f.qualifier.is_some() && f.value.is_none() {
            self.report(
                r,
                &[Seg::Key("qualifier")],
                "a qualifier needs the `value` it qualifies".into(),
            );
        }
        if f.headline.is_some() && f.value.is_none() {
            self.report(
                r,
                &[Seg::Key("headline")],
                "a headline needs the `value` it presents".into(),
            );
        }
        let Some(total) = f.total else { return };
        if f.rows.is_empty() {
            self.report(
                r,
                &[Seg::Key("total")],
                "a total is given but there are no rows to add up".into(),
            );
            return;
        }
        let sum: f64 = f.rows.iter().map(|row| row.value).sum();
        let tolerance = f.tolerance.unwrap_or(0.0).abs() + 1e-9 * total.abs().max(1.0);
        if (sum - total).abs() > tolerance {
            let message = format!(
                "the rows add up to {}, not the stated total {}{}",
                number(sum),
                number(total),
                f.tolerance
                    .map(|t| format!(" (tolerance {})", number(t)))
                    .unwrap_or_default()
            );
            self.report(r, &[Seg::Key("total")], message);
        }
    }

    fn event(&mut self, r: RecordRef, e: &super::Event) {
        let start = self.date(r, &[Seg::Key("date")], &e.date);
        if let Some(listed_text) = &e.listed {
            let listed = self.date(r, &[Seg::Key("listed")], listed_text);
            if listed.is_some() && listed == start {
                let message = format!(
                    "listed {listed_text} is the event's date: give `listed` only when the listing's date \
                     differs from the day the event happened"
                );
                self.report(r, &[Seg::Key("listed")], message);
            }
        }
        let Some(end_text) = &e.end_date else { return };
        let end = self.date(r, &[Seg::Key("end_date")], end_text);
        if let (Some(start), Some(end)) = (start, end) {
            if end < start {
                let message = format!("end_date {end_text} is before date {}", e.date);
                self.report(r, &[Seg::Key("end_date")], message);
            }
        }
    }

    fn date(&mut self, r: RecordRef, path: &[Seg], value: &str) -> Option<Date> {
        Date::parse(value).map_err(|message| self.report(r, path, message)).ok()
    }

    fn period(&mut self, r: RecordRef, value: &str) {
        if let Err(message) = parse_period(value) {
            self.report(r, &[Seg::Key("period")], message);
        }
    }

    fn url(&mut self, r: RecordRef, url: &str) {
        if !(url.starts_with("https://") || url.starts_with("http://")) || url.contains(char::is_whitespace) {
            self.report(
                r,
                &[Seg::Key("url")],
                format!("`{url}` is not a web link (http:// or https://, no spaces)"),
            );
        }
    }
}

/// "; did you mean `GHA`?" when a close id, name or alias of the expected kind exists.
/// The closest ids of the kind expected (of any kind when `None`), as "; did you mean `a` or `b`?".
fn suggestion(kb: &KnowledgeBase, kind: Option<Kind>, wanted: &str) -> String {
    let refs: Box<dyn Iterator<Item = RecordRef>> = match kind {
        Some(kind) => Box::new(kb.refs(kind)),
        None => Box::new(kb.all_refs()),
    };
    let candidates = refs.flat_map(|r| {
        let id = kb.id(r).to_string();
        kb.names(r).into_iter().map(move |name| (name, id.clone()))
    });
    let best = text::closest(wanted, candidates, 3);
    if best.is_empty() {
        String::new()
    } else {
        let quoted: Vec<String> = best.iter().map(|id| format!("`{id}`")).collect();
        format!("; did you mean {}?", quoted.join(" or "))
    }
}
