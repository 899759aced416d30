//! What each kind's fields mean to the code that treats every kind alike: its title and body, the source
//! it cites, its own link, the other names people type for it, the short labels and running text search
//! reads, the years `--year` compares and the region `--region` does. One `impl` per kind, in the order
//! of the `kinds!` table; what a record links to is in the table itself.
//!
//! `Record::fields()` gives any record as `&dyn Fields`; resolution, filters, search and validation
//! read records through it rather than matching every kind again.

use super::dates::{parse_period, year_of};
use super::model::*;
use super::Seg;
// "4690" for 4690.0, "2.1" for 2.1 (which the tokenizer makes "21", as it does the "2.1" in running
// text): a number as people type it.
use super::text::plain_number as number;

/// How a name of `Fields::other_names` is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Name {
    /// Another whole name, as good as the title everywhere (a country's aliases): `KnowledgeBase::names`.
    Alias,
    /// A whole name that search ranks as a name and `resolve` accepts (the programme's full name).
    Full,
    /// What people type that is not a name: a number, a code, a short title. `resolve` only.
    Typed,
}

/// A rule a kind's own fields follow, beyond those of every record (a title, a section, a web link,
/// references that resolve): what `Fields::rules` asks `ipec check` to hold, each reported at its field.
/// The last few are checks of their own in `validate.rs`, which look further than one field.
#[derive(Debug, Clone)]
pub enum Rule<'a> {
    /// A date (`2019`, `2019-06`, `2019-06-12`) in the field at this path.
    Date(Vec<Seg>, &'a str),
    /// A period (`2015-2018`) in `period`.
    Period(&'a str),
    /// A value of a field that must be one of the set `data/README.md` documents.
    OneOf(&'static str, &'a str, &'static [&'static str]),
    /// A number that must be finite.
    Finite(Vec<Seg>, f64),
    /// A mistake found in the record's own fields.
    Problem(Vec<Seg>, String),
    /// A result's sectors: lowercase, trimmed, each once.
    Sectors(&'a [String]),
    /// A convention's id is its ILO short name.
    ConventionId(&'a Convention),
    /// A country's code and coordinates.
    Country(&'a Country),
    /// A figure's topic, period, numbers and rows.
    Figure(&'a Figure),
    /// An event's dates, in order.
    Event(&'a Event),
    /// A tour's steps, each showing one thing.
    Tour(&'a Tour),
}

/// What a kind's fields are, for code that treats every kind alike. Only `title`, `body` and `citation`
/// must be written; the rest default to "none" (a kind without `rules` is checked by every record's).
pub trait Fields {
    /// The field the title is in, for messages: `title` or `name`.
    fn title_field(&self) -> &'static str {
        "title"
    }

    fn title(&self) -> &str;

    /// The field `body` is read from, if any: `summary`, a priority's `challenge`, a figure's `note`.
    fn body_field(&self) -> Option<&'static str> {
        Some("summary")
    }

    /// The main body text of the record ("" when it has none).
    fn body(&self) -> &str;

    /// The cited source id and section (a source cites itself, with no section; a tour nothing).
    fn citation(&self) -> Option<(&str, &str)>;

    /// The record's own link, where it has one.
    fn url(&self) -> Option<&str> {
        None
    }

    /// The names people use besides its id and title, in the order they are offered.
    fn other_names(&self) -> Vec<(Name, String)> {
        Vec::new()
    }

    /// Its own short labels for search (sectors, years, kinds, numbers), each given to `push`.
    fn labels(&self, push: &mut dyn FnMut(String)) {
        let _ = push;
    }

    /// Running text for search beyond `body` and the note: the rest of what `ipec show` displays.
    fn more_text(&self) -> Vec<String> {
        Vec::new()
    }

    /// The rules its own fields follow, in the order they are checked; none by default.
    fn rules(&self) -> Vec<Rule<'_>> {
        Vec::new()
    }

    /// Whether `--year` applies to the kind (whether or not a record gives a date).
    fn dated() -> bool
    where
        Self: Sized,
    {
        false
    }

    /// The years a record is dated by, each as a range.
    fn years(&self) -> Vec<(i32, i32)> {
        Vec::new()
    }

    /// Whether it is in an ILO region, where its own fields say; `None`: it is where all the countries
    /// it links to are (at least one). `country_in` says whether a country id is in the region.
    fn in_region(&self, region: Region, country_in: &dyn Fn(&str) -> bool) -> Option<bool> {
        let _ = (region, country_in);
        None
    }
}

/// A period ("2015-2018") as a range of years, when it is one.
fn period(p: &Option<String>) -> Vec<(i32, i32)> {
    p.as_deref().and_then(|p| parse_period(p).ok()).into_iter().collect()
}

impl Fields for Programme {
    fn rules(&self) -> Vec<Rule<'_>> {
        let date = self.country_count_as_of.as_deref();
        date.map(|date| Rule::Date(vec![Seg::Key("country_count_as_of")], date))
            .into_iter()
            .collect()
    }
    fn title_field(&self) -> &'static str {
        "name"
    }
    fn title(&self) -> &str {
        &self.name
    }
    fn body(&self) -> &str {
        &self.summary
    }
    fn citation(&self) -> Option<(&str, &str)> {
        Some((&self.source, &self.section))
    }
    fn other_names(&self) -> Vec<(Name, String)> {
        vec![(Name::Full, self.full_name.clone())]
    }
    fn labels(&self, push: &mut dyn FnMut(String)) {
        self.country_count.iter().for_each(|n| push(n.to_string()));
    }
    fn more_text(&self) -> Vec<String> {
        let mut v = self.goals.clone();
        v.extend([
            self.where_it_works.clone(),
            self.normative_framework.clone(),
            self.theory_of_change.clone(),
        ]);
        v
    }
    fn dated() -> bool {
        true
    }
    /// The date of its country count.
    fn years(&self) -> Vec<(i32, i32)> {
        let year = self.country_count_as_of.as_deref().and_then(year_of);
        year.map(|y| (y, y)).into_iter().collect()
    }
}

impl Fields for Priority {
    fn title(&self) -> &str {
        &self.title
    }
    fn body_field(&self) -> Option<&'static str> {
        Some("challenge")
    }
    fn body(&self) -> &str {
        &self.challenge
    }
    fn citation(&self) -> Option<(&str, &str)> {
        Some((&self.source, &self.section))
    }
    fn other_names(&self) -> Vec<(Name, String)> {
        vec![(Name::Typed, self.number.to_string())]
    }
    fn labels(&self, push: &mut dyn FnMut(String)) {
        push(self.number.to_string());
    }
    fn more_text(&self) -> Vec<String> {
        self.approach.iter().cloned().collect()
    }
}

impl Fields for Area {
    fn title(&self) -> &str {
        &self.title
    }
    fn body(&self) -> &str {
        &self.summary
    }
    fn citation(&self) -> Option<(&str, &str)> {
        Some((&self.source, &self.section))
    }
    fn other_names(&self) -> Vec<(Name, String)> {
        vec![(Name::Typed, self.number.to_string())]
    }
    fn labels(&self, push: &mut dyn FnMut(String)) {
        push(self.number.to_string());
    }
}

impl Fields for Convention {
    fn rules(&self) -> Vec<Rule<'_>> {
        let mut rules = vec![
            Rule::ConventionId(self),
            Rule::OneOf("subject", &self.subject, CONVENTION_SUBJECTS),
        ];
        for (i, ratification) in self.ratifications.iter().enumerate() {
            let at = vec![Seg::Key("ratifications"), Seg::Index(i)];
            rules.push(Rule::Date(
                [&at[..], &[Seg::Key("as_of")]].concat(),
                &ratification.as_of,
            ));
            if ratification.count.is_none() && ratification.status.is_none() {
                let message = "a ratification needs a `count` or a `status` (\"universal ratification\")";
                rules.push(Rule::Problem(at, message.into()));
            }
        }
        rules
    }
    fn title(&self) -> &str {
        &self.title
    }
    fn body(&self) -> &str {
        &self.summary
    }
    fn citation(&self) -> Option<(&str, &str)> {
        Some((&self.source, &self.section))
    }
    /// Its NORMLEX code (`C029`) and its number ("182"; "29" names both C29 and P29).
    fn other_names(&self) -> Vec<(Name, String)> {
        vec![
            (Name::Typed, super::links::normlex_code(self)),
            (Name::Typed, self.number.to_string()),
        ]
    }
    fn labels(&self, push: &mut dyn FnMut(String)) {
        push(format!("No. {} {}", self.number, self.subject));
        self.year.iter().for_each(|y| push(y.to_string()));
        self.ratifications
            .iter()
            .filter_map(|x| x.count)
            .for_each(|n| push(n.to_string()));
    }
    fn dated() -> bool {
        true
    }
    /// Its adoption and its dated ratification counts.
    fn years(&self) -> Vec<(i32, i32)> {
        self.year
            .into_iter()
            .chain(self.ratifications.iter().filter_map(|r| year_of(&r.as_of)))
            .map(|y| (y, y))
            .collect()
    }
}

impl Fields for Country {
    fn rules(&self) -> Vec<Rule<'_>> {
        vec![Rule::Country(self)]
    }
    fn title_field(&self) -> &'static str {
        "name"
    }
    fn title(&self) -> &str {
        &self.name
    }
    fn body_field(&self) -> Option<&'static str> {
        None
    }
    fn body(&self) -> &str {
        ""
    }
    fn citation(&self) -> Option<(&str, &str)> {
        Some((&self.source, &self.section))
    }
    fn other_names(&self) -> Vec<(Name, String)> {
        self.aliases.iter().map(|a| (Name::Alias, a.clone())).collect()
    }
    fn labels(&self, push: &mut dyn FnMut(String)) {
        push(self.region.name().to_string());
    }
    fn in_region(&self, region: Region, _: &dyn Fn(&str) -> bool) -> Option<bool> {
        Some(self.region == region)
    }
}

impl Fields for Achievement {
    fn rules(&self) -> Vec<Rule<'_>> {
        let mut rules: Vec<Rule<'_>> = self.period.as_deref().map(Rule::Period).into_iter().collect();
        rules.push(Rule::Sectors(&self.sectors));
        rules.extend(self.figures.iter().enumerate().map(|(i, figure)| {
            Rule::Finite(
                vec![Seg::Key("figures"), Seg::Index(i), Seg::Key("value")],
                figure.value,
            )
        }));
        rules
    }
    fn title(&self) -> &str {
        &self.title
    }
    fn body(&self) -> &str {
        &self.summary
    }
    fn citation(&self) -> Option<(&str, &str)> {
        Some((&self.source, &self.section))
    }
    fn labels(&self, push: &mut dyn FnMut(String)) {
        self.sectors.iter().for_each(|s| push(s.clone()));
        self.period.iter().for_each(|p| push(p.clone()));
        self.figures.iter().for_each(|f| push(number(f.value)));
    }
    fn more_text(&self) -> Vec<String> {
        self.figures.iter().map(|f| f.label.clone()).collect()
    }
    fn dated() -> bool {
        true
    }
    fn years(&self) -> Vec<(i32, i32)> {
        period(&self.period)
    }
}

impl Fields for Figure {
    fn rules(&self) -> Vec<Rule<'_>> {
        vec![Rule::Figure(self)]
    }
    fn title(&self) -> &str {
        &self.title
    }
    fn body_field(&self) -> Option<&'static str> {
        Some("note")
    }
    fn body(&self) -> &str {
        self.note.as_deref().unwrap_or("")
    }
    fn citation(&self) -> Option<(&str, &str)> {
        Some((&self.source, &self.section))
    }
    fn labels(&self, push: &mut dyn FnMut(String)) {
        push(format!("{} {}", self.topic, self.unit));
        self.period.iter().for_each(|p| push(p.clone()));
        self.value.iter().chain(&self.total).for_each(|v| push(number(*v)));
        self.rows.iter().for_each(|row| push(number(row.value)));
    }
    fn more_text(&self) -> Vec<String> {
        self.rows.iter().map(|row| row.label.clone()).collect()
    }
    fn dated() -> bool {
        true
    }
    fn years(&self) -> Vec<(i32, i32)> {
        period(&self.period)
    }
    /// A breakdown: in a region when any of its rows is (by its region or its country).
    fn in_region(&self, region: Region, country_in: &dyn Fn(&str) -> bool) -> Option<bool> {
        Some(
            self.rows
                .iter()
                .any(|row| row.region == Some(region) || row.country.as_deref().is_some_and(country_in)),
        )
    }
}

impl Fields for Partnership {
    fn rules(&self) -> Vec<Rule<'_>> {
        vec![Rule::OneOf("kind", &self.kind, PARTNERSHIP_KINDS)]
    }
    fn title_field(&self) -> &'static str {
        "name"
    }
    fn title(&self) -> &str {
        &self.name
    }
    fn body(&self) -> &str {
        &self.summary
    }
    fn citation(&self) -> Option<(&str, &str)> {
        Some((&self.source, &self.section))
    }
    fn url(&self) -> Option<&str> {
        self.url.as_deref()
    }
    fn labels(&self, push: &mut dyn FnMut(String)) {
        push(self.kind.clone());
        self.components.iter().for_each(|c| push(c.name.clone()));
    }
    fn more_text(&self) -> Vec<String> {
        let mut v: Vec<String> = self.components.iter().flat_map(|c| c.text.clone()).collect();
        v.extend(self.countries_role.clone());
        v
    }
}

impl Fields for Event {
    fn rules(&self) -> Vec<Rule<'_>> {
        vec![Rule::Event(self)]
    }
    fn title(&self) -> &str {
        &self.title
    }
    fn body(&self) -> &str {
        &self.summary
    }
    fn citation(&self) -> Option<(&str, &str)> {
        Some((&self.source, &self.section))
    }
    fn labels(&self, push: &mut dyn FnMut(String)) {
        push(self.date.clone());
        self.listed.iter().for_each(|d| push(d.clone()));
        self.place.iter().for_each(|p| push(p.clone()));
    }
    fn dated() -> bool {
        true
    }
    fn years(&self) -> Vec<(i32, i32)> {
        let start = year_of(&self.date);
        let end = self.end_date.as_deref().and_then(year_of).or(start);
        start.zip(end).into_iter().collect()
    }
}

impl Fields for Resource {
    fn rules(&self) -> Vec<Rule<'_>> {
        vec![Rule::OneOf("kind", &self.kind, RESOURCE_KINDS)]
    }
    fn title(&self) -> &str {
        &self.title
    }
    fn body(&self) -> &str {
        &self.summary
    }
    fn citation(&self) -> Option<(&str, &str)> {
        Some((&self.source, &self.section))
    }
    fn url(&self) -> Option<&str> {
        self.url.as_deref()
    }
    fn labels(&self, push: &mut dyn FnMut(String)) {
        push(self.kind.clone());
        self.year.iter().for_each(|y| push(y.to_string()));
    }
    fn dated() -> bool {
        true
    }
    fn years(&self) -> Vec<(i32, i32)> {
        self.year.map(|y| (y, y)).into_iter().collect()
    }
}

impl Fields for Source {
    fn rules(&self) -> Vec<Rule<'_>> {
        vec![Rule::OneOf("kind", &self.kind, SOURCE_KINDS)]
    }
    fn title(&self) -> &str {
        &self.title
    }
    fn body(&self) -> &str {
        &self.summary
    }
    fn citation(&self) -> Option<(&str, &str)> {
        Some((&self.id, ""))
    }
    fn url(&self) -> Option<&str> {
        self.url.as_deref()
    }
    fn other_names(&self) -> Vec<(Name, String)> {
        self.short_title.iter().map(|t| (Name::Typed, t.clone())).collect()
    }
    fn labels(&self, push: &mut dyn FnMut(String)) {
        push(format!("{} {} {}", self.publisher, self.year, self.kind));
    }
    fn dated() -> bool {
        true
    }
    fn years(&self) -> Vec<(i32, i32)> {
        vec![(self.year, self.year)]
    }
}

impl Fields for Tour {
    fn rules(&self) -> Vec<Rule<'_>> {
        vec![Rule::Tour(self)]
    }
    fn title(&self) -> &str {
        &self.title
    }
    fn body(&self) -> &str {
        &self.summary
    }
    /// A tour cites nothing itself: its steps show records that carry their own citations.
    fn citation(&self) -> Option<(&str, &str)> {
        None
    }
    fn labels(&self, push: &mut dyn FnMut(String)) {
        push(self.audience.clone());
        push("tour presentation workshop".into());
    }
    fn more_text(&self) -> Vec<String> {
        self.steps
            .iter()
            .flat_map(|s| [s.heading.clone()].into_iter().chain(s.text.clone()))
            .collect()
    }
}
