//! The rules a knowledge base must satisfy beyond its schema: unique, well-formed ids, resolvable
//! references, values from the documented sets, real dates, finite numbers and totals that add up, sane
//! coordinates and links. Each problem points at the exact field.
//!
//! Every rule costs time linear in the knowledge base: suggestions for misspellings compare against names
//! folded once, within a budget, so a hostile file with 100,000 bad references is still checked at once.

use crate::kb::text::plain_number as number;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::dates::{parse_period, Date};
use super::fields::Rule;
use super::load::{Docs, SourceFile, Unloaded};
use super::model::FIGURE_TOPICS;
use super::problem::Problem;
use super::spelling::{self, CountryNames};
use super::{text, Kind, KnowledgeBase, RecordRef, Reference, Seg};

pub(crate) fn validate(
    kb: &KnowledgeBase,
    files: &[SourceFile],
    docs: &Docs<'_>,
    duplicates: &[(RecordRef, RecordRef)],
    unloaded: &Unloaded,
) -> Vec<Problem> {
    let mut check = Checker {
        kb,
        files,
        docs,
        problems: Vec::new(),
        suggestions: Suggestions::new(kb),
    };
    check.unique_ids(duplicates);
    check.references(unloaded);
    for r in kb.all_refs() {
        check.record(r);
    }
    check.country_spelling();
    check.problems
}

/// Suggestions compare a wrong id with every name of its kind; past this many, a hostile file with
/// thousands of bad references would make `check` quadratic, so the rest are reported without one.
const MAX_SUGGESTIONS: usize = 200;
/// And past this many name comparisons in all (a knowledge base with 100,000 countries, say).
const MAX_COMPARISONS: usize = 200_000;
/// The most words a slide's point may have: a line or two read from the back of a room.
const MAX_POINT_WORDS: usize = 40;

/// The texts of a record that may name a country, with their keys: its title (a partnership's or the
/// programme's name) and its summary. A country's own name is the spelling itself; a priority's
/// challenge and a figure's note are not summaries.
fn spelled_texts(kb: &KnowledgeBase, r: RecordRef) -> impl Iterator<Item = (&'static str, &str)> {
    let record = kb.record(r);
    let title_key = (r.kind != Kind::Country).then(|| record.fields().title_field());
    let summary = (record.fields().body_field() == Some("summary")).then(|| ("summary", record.body()));
    title_key.map(|key| (key, record.title())).into_iter().chain(summary)
}

/// What is wrong with one reference.
enum ReferenceIssue {
    /// The same field names the same record twice (which only a tour, a source list or a step may do).
    ListedTwice,
    /// The record it names is of this kind, not the one the field expects.
    OfKind(Kind),
    /// No record has this id (nor had one that failed to load).
    Unknown,
    /// The id is written in this file, which did not parse: the reference cannot be checked.
    InBrokenFile(usize),
}

/// The references of a record that are wrong, in the order they are written; nothing is allocated for
/// an id already in lower case.
fn reference_issues<'a>(
    kb: &'a KnowledgeBase,
    r: RecordRef,
    unloaded: &Unloaded,
) -> Vec<(Reference<'a>, ReferenceIssue)> {
    // Per field: an event may name a country both where it took place and among those it is about.
    let mut listed: foldhash::HashSet<(&str, Option<Kind>, Cow<'a, str>)> = foldhash::HashSetExt::new();
    // A tour may show one record in several steps, and a figure's rows may all be about one country (by
    // sex, by sector: `--country` finds the figure through them); a list may not name one record twice.
    let may_repeat =
        |k: Option<Kind>| matches!(k, None | Some(Kind::Source)) || matches!(r.kind, Kind::Tour | Kind::Figure);
    let mut issues = Vec::new();
    for reference in kb.record(r).references() {
        let field = match reference.path.first() {
            Some(Seg::Key(field)) => *field,
            _ => "",
        };
        if text::is_placeholder(reference.id) {
            continue; // reported as a placeholder to fill in
        }
        let key = text::lowercase(reference.id);
        let issue = if !listed.insert((field, reference.kind, key.clone())) && !may_repeat(reference.kind) {
            Some(ReferenceIssue::ListedTwice)
        } else {
            match kb.find(reference.id).map(|found| found.kind) {
                Some(kind) if reference.kind.is_none_or(|k| k == kind) => None,
                // A record that failed to load still exists as far as references go: one mistake, one report.
                _ if unloaded.records.contains(key.as_ref()) => None,
                Some(kind) => Some(ReferenceIssue::OfKind(kind)),
                None => match unloaded.broken.get(key.as_ref()) {
                    Some(&file) => Some(ReferenceIssue::InBrokenFile(file)),
                    None => Some(ReferenceIssue::Unknown),
                },
            }
        };
        issues.extend(issue.map(|issue| (reference, issue)));
    }
    issues
}

struct Checker<'a, 'd> {
    kb: &'a KnowledgeBase,
    files: &'a [SourceFile],
    docs: &'a Docs<'d>,
    problems: Vec<Problem>,
    suggestions: Suggestions<'a>,
}

/// The closest ids to misspelt references, from names folded once per kind, within the budgets above.
struct Suggestions<'a> {
    kb: &'a KnowledgeBase,
    /// Per kind (`None`: every kind, for a tour step): every (folded name, id) of its records.
    names: HashMap<Option<Kind>, Vec<(String, &'a str)>>,
    left: usize,
    comparisons_left: usize,
}

impl<'a> Suggestions<'a> {
    fn new(kb: &'a KnowledgeBase) -> Self {
        Suggestions {
            kb,
            names: HashMap::new(),
            left: MAX_SUGGESTIONS,
            comparisons_left: MAX_COMPARISONS,
        }
    }

    /// "; did you mean `GHA`?" when a close id, name or alias of the expected kind exists.
    fn hint(&mut self, kind: Option<Kind>, wanted: &str) -> String {
        let kb = self.kb;
        let names = self.names.entry(kind).or_insert_with(|| {
            let refs: Box<dyn Iterator<Item = RecordRef>> = match kind {
                Some(kind) => Box::new(kb.refs(kind)),
                None => Box::new(kb.all_refs()),
            };
            refs.flat_map(|r| {
                let id = kb.id(r);
                kb.names(r).into_iter().map(move |name| (text::fold(&name), id))
            })
            .collect()
        });
        if self.left == 0 || names.len() > self.comparisons_left {
            return String::new();
        }
        self.left -= 1;
        self.comparisons_left -= names.len();
        did_you_mean(&text::closest_folded(
            wanted,
            names.iter().map(|(name, id)| (name.as_str(), *id)),
            3,
        ))
    }
}

/// "; did you mean `a` or `b`?", or nothing when there is nothing to suggest.
fn did_you_mean(best: &[&str]) -> String {
    if best.is_empty() {
        String::new()
    } else {
        let quoted: Vec<String> = best.iter().map(|id| format!("`{id}`")).collect();
        format!("; did you mean {}?", quoted.join(" or "))
    }
}

impl Checker<'_, '_> {
    /// Reports a problem at a field of a record (or at the record itself when the field is not written).
    fn report(&mut self, r: RecordRef, path: &[Seg], message: String) {
        let offset = self.span(r, path).start;
        self.report_at(r, offset, message);
    }

    /// Reports a problem at a byte offset of the record's file, named by the record.
    fn report_at(&mut self, r: RecordRef, offset: usize, message: String) {
        let record = self.kb.record(r);
        let file = &self.files[record.origin().file];
        let message = format!("{} `{}`: {message}", r.kind, record.id());
        self.problems.push(file.problem(offset, message));
    }

    /// The span of a field, walking the parsed document; stops at the deepest part that exists.
    fn span(&self, r: RecordRef, path: &[Seg]) -> Range<usize> {
        let origin = self.kb.record(r).origin();
        let Some(doc) = self.docs.get(origin.file) else {
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
    /// (`spelling`), reported at the mention itself. The texts are scanned on every core: at 100,000
    /// results this rule alone was a fifth of a check.
    fn country_spelling(&mut self) {
        let names = CountryNames::new(&self.kb.countries);
        let kb = self.kb;
        let found = kb.on_every_core(|r| {
            spelled_texts(kb, r)
                .flat_map(|(key, text)| names.misspellings(text).into_iter().map(move |m| (key, text, m)))
                .map(move |(key, text, m)| (r, key, text, m))
        });
        for (r, key, text, m) in found {
            let written = &text[m.start..m.end];
            let country = &self.kb.countries[m.country];
            let message = format!(
                "{key} writes `{written}`: write `{}`, as country `{}` does",
                m.expected, country.id
            );
            let span = self.span(r, &[Seg::Key(key)]);
            let file = &self.files[self.kb.record(r).origin().file];
            let token = file.text.get(span.clone()).unwrap_or("");
            let offset = span.start + spelling::raw_offset(token, m.start);
            self.report_at(r, offset, message);
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
            if text::is_placeholder(id) {
                continue; // reported as a placeholder to fill in
            }
            if id.trim().is_empty() {
                self.report(r, &[Seg::Key("id")], "id is empty".into());
            } else if id.chars().any(char::is_whitespace) {
                let message = format!("id `{id}` contains white space; use `-` between words");
                self.report(r, &[Seg::Key("id")], message);
            } else if !matches!(r.kind, Kind::Country | Kind::Convention) && !is_kebab_case(id) {
                let kebab = kebab_case(id);
                let hint = if kebab.is_empty() {
                    String::new()
                } else {
                    did_you_mean(&[&kebab])
                };
                let message = format!(
                    "id `{id}` must be lowercase kebab-case: lowercase letters and digits, words joined by one `-`{hint}"
                );
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

    /// Every reference that is listed twice, names no record, or names one of the wrong kind. Found on
    /// every core (at 100,000 results this rule was a third of a check), reported here in order.
    fn references(&mut self, unloaded: &Unloaded) {
        let kb = self.kb;
        let found = kb.on_every_core(|r| {
            reference_issues(kb, r, unloaded)
                .into_iter()
                .map(move |(reference, issue)| (r, reference, issue))
        });
        // (referring file, file that did not parse): said once, at the first such reference.
        let mut not_checked = HashSet::new();
        for (r, reference, issue) in found {
            let expected = reference.kind.map_or("record", |k| k.key());
            let message = match issue {
                ReferenceIssue::ListedTwice => format!("{expected} `{}` is listed twice", reference.id),
                ReferenceIssue::OfKind(kind) => {
                    format!("`{}` is a {kind}, but a {expected} is expected here", reference.id)
                }
                ReferenceIssue::Unknown => {
                    let hint = self.suggestions.hint(reference.kind, reference.id);
                    format!("unknown {expected} `{}`{hint}", reference.id)
                }
                ReferenceIssue::InBrokenFile(broken) => {
                    let from = kb.record(r).origin().file;
                    if not_checked.insert((from, broken)) {
                        let offset = self.span(r, &reference.path).start;
                        let message = not_checked_message(&self.files[from].name, &self.files[broken].name);
                        self.problems.push(self.files[from].problem(offset, message));
                    }
                    continue;
                }
            };
            self.report(r, &reference.path, message);
        }
    }

    fn record(&mut self, r: RecordRef) {
        let record = self.kb.record(r);
        let section = record.citation().map_or("-", |(_, section)| section);
        if record.title().trim().is_empty() {
            let field = record.fields().title_field();
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
        for rule in record.fields().rules() {
            self.rule(r, rule);
        }
    }

    /// One rule of a kind's own fields (`Fields::rules`).
    fn rule(&mut self, r: RecordRef, rule: Rule<'_>) {
        match rule {
            Rule::Date(path, date) => {
                self.date(r, &path, date);
            }
            Rule::Period(period) => self.period(r, period),
            Rule::OneOf(field, value, allowed) => self.one_of(r, field, value, allowed),
            Rule::Finite(path, value) => {
                self.finite(r, &path, value);
            }
            Rule::Problem(path, message) => self.report(r, &path, message),
            Rule::Sectors(sectors) => self.sectors(r, sectors),
            Rule::ConventionId(c) => self.convention_id(r, c),
            Rule::Country(c) => self.country(r, c),
            Rule::Figure(f) => self.figure(r, f),
            Rule::Event(e) => self.event(r, e),
            Rule::Tour(t) => self.tour(r, t),
        }
    }

    /// A result's sectors: lowercase, without space around them, each once.
    fn sectors(&mut self, r: RecordRef, sectors: &[String]) {
        let mut listed = HashSet::new();
        for (i, sector) in sectors.iter().enumerate() {
            let at = [Seg::Key("sectors"), Seg::Index(i)];
            if sector.trim().is_empty() || *sector != sector.to_lowercase() {
                let message = format!("sector `{sector}` must be lowercase and not empty");
                self.report(r, &at, message);
            } else if sector.trim() != sector {
                let message = format!("sector `{sector}` has space around it; write `{}`", sector.trim());
                self.report(r, &at, message);
            } else if !listed.insert(sector.as_str()) {
                self.report(r, &at, format!("sector `{sector}` is listed twice"));
            }
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
            self.step_words(r, i, step);
        }
    }

    /// A step's points are short and not empty, and what it reveals is there to reveal.
    fn step_words(&mut self, r: RecordRef, i: usize, step: &super::TourStep) {
        use super::Reveal;
        let at = |field: &'static str| [Seg::Key("step"), Seg::Index(i), Seg::Key(field)];
        for (n, point) in step.points.iter().enumerate() {
            let words = point.split_whitespace().count();
            if words == 0 {
                let message = "a point is empty: write a few words or remove it".to_string();
                self.report(
                    r,
                    &[Seg::Key("step"), Seg::Index(i), Seg::Key("points"), Seg::Index(n)],
                    message,
                );
            } else if words > MAX_POINT_WORDS {
                let message = format!(
                    "a point of {words} words is too long for a slide (at most {MAX_POINT_WORDS}): split it, or move the rest to `notes`"
                );
                self.report(
                    r,
                    &[Seg::Key("step"), Seg::Index(i), Seg::Key("points"), Seg::Index(n)],
                    message,
                );
            }
        }
        let has_points = step.text.is_some() || !step.points.is_empty();
        match step.reveal {
            Some(Reveal::Points | Reveal::All) if !has_points => {
                let message = "reveal = \"points\" needs `points` to reveal".to_string();
                self.report(r, &at("reveal"), message);
            }
            Some(Reveal::Number | Reveal::All) if step.record.is_none() => {
                let message = "reveal = \"number\" needs a `record` whose headline number the slide shows".to_string();
                self.report(r, &at("reveal"), message);
            }
            Some(Reveal::Points | Reveal::Number | Reveal::All) | None => {}
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
        if self.finite(r, &[Seg::Key("lat")], c.lat) && !(-90.0..=90.0).contains(&c.lat) {
            self.report(r, &[Seg::Key("lat")], format!("latitude {} is outside -90..90", c.lat));
        }
        if self.finite(r, &[Seg::Key("lon")], c.lon) && !(-180.0..=180.0).contains(&c.lon) {
            self.report(
                r,
                &[Seg::Key("lon")],
                format!("longitude {} is outside -180..180", c.lon),
            );
        }
    }

    fn figure(&mut self, r: RecordRef, f: &super::Figure) {
        self.one_of(r, "topic", &f.topic, FIGURE_TOPICS);
        if let Some(period) = &f.period {
            self.period(r, period);
        }
        let mut finite = true;
        for (field, value) in [("value", f.value), ("total", f.total), ("tolerance", f.tolerance)] {
            if let Some(value) = value {
                finite &= self.finite(r, &[Seg::Key(field)], value);
            }
        }
        if f.tolerance.is_some_and(|t| t < 0.0 && t.is_finite()) {
            self.report(r, &[Seg::Key("tolerance")], "tolerance must not be negative".into());
        }
        for (i, row) in f.rows.iter().enumerate() {
            let at = [Seg::Key("rows"), Seg::Index(i)];
            finite &= self.finite(r, &[at[0], at[1], Seg::Key("value")], row.value);
            if row.region.is_some() && row.country.is_some() {
                let message = "a row names a region or a country, not both".to_string();
                self.report(r, &at, message);
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
        if !finite {
            return; // already reported: a sum with NaN or infinity in it says nothing more
        }
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

    /// Reports a NaN or an infinity; true when the number is finite.
    fn finite(&mut self, r: RecordRef, path: &[Seg], value: f64) -> bool {
        if value.is_finite() {
            return true;
        }
        let field = path.iter().rev().find_map(|seg| match seg {
            Seg::Key(key) => Some(*key),
            Seg::Index(_) => None,
        });
        let written = if value.is_nan() {
            "nan"
        } else if value > 0.0 {
            "inf"
        } else {
            "-inf"
        };
        let message = format!("{} must be a finite number, not {written}", field.unwrap_or("value"));
        self.report(r, path, message);
        false
    }

    /// Reports a value that is not one of the set `data/README.md` documents for its field, with the
    /// closest one.
    fn one_of(&mut self, r: RecordRef, field: &'static str, value: &str, allowed: &[&str]) {
        if allowed.contains(&value) || text::is_placeholder(value) {
            return;
        }
        let expected: Vec<String> = allowed.iter().map(|a| format!("`{a}`")).collect();
        let hint = text::did_you_mean_hint(value, allowed, str::to_string);
        let message = format!(
            "unknown {field} `{value}`, expected one of {}{hint}",
            expected.join(", ")
        );
        self.report(r, &[Seg::Key(field)], message);
    }

    /// A convention's id is its ILO short name: `C` for a convention or `P` for a protocol, then its number.
    fn convention_id(&mut self, r: RecordRef, c: &super::Convention) {
        let expected = format!("{}{}", c.instrument.letter(), c.number);
        if c.id != expected && !c.id.chars().any(char::is_whitespace) {
            let message = format!(
                "convention id `{}` must be its ILO short name, `{expected}`: `C` for a convention or `P` for a protocol, then its number",
                c.id
            );
            self.report(r, &[Seg::Key("id")], message);
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
        if text::is_placeholder(value) {
            return None;
        }
        Date::parse(value).map_err(|message| self.report(r, path, message)).ok()
    }

    fn period(&mut self, r: RecordRef, value: &str) {
        if text::is_placeholder(value) {
            return;
        }
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

/// "not checked: `tours/x.toml` refers to records in `achievements/y.toml`, which did not load", the two
/// files named from the folder they share.
fn not_checked_message(from: &str, broken: &str) -> String {
    let shared = from
        .char_indices()
        .zip(broken.chars())
        .take_while(|((_, a), b)| a == b)
        .filter(|((_, a), _)| *a == '/' || *a == std::path::MAIN_SEPARATOR)
        .last()
        .map_or(0, |((i, _), _)| i + 1);
    format!(
        "not checked: `{}` refers to records in `{}`, which did not load; fix that file first",
        &from[shared..],
        &broken[shared..]
    )
}

/// Lowercase letters and digits, in words joined by single hyphens: `gha-fishing-2023`.
fn is_kebab_case(id: &str) -> bool {
    id.split('-')
        .all(|word| !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// The kebab-case form of an id, for a suggestion: `Gha_Fishing` becomes `gha-fishing`.
fn kebab_case(id: &str) -> String {
    let folded = text::fold(id);
    let words: Vec<&str> = folded
        .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
        .filter(|w| !w.is_empty())
        .collect();
    words.join("-")
}
