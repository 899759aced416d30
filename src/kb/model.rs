//! The records of the knowledge base, exactly as `data/README.md` documents them.
//!
//! These types are plain data: serde reads them from TOML (rejecting unknown fields) and writes them as
//! JSON. Cross-record rules (references, unique ids, totals) live in `validate`, not here.

use serde::{Deserialize, Serialize};

/// Where a record was read from: the file (an index into the loader's file list) and its position in
/// that file's array for its kind. Used to point problems at the right line; never serialized.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Origin {
    pub file: usize,
    pub index: usize,
}

/// A record that remembers where it was read from.
pub trait Located {
    fn set_origin(&mut self, origin: Origin);
}

/// The values `data/README.md` lists for `source.kind`.
pub const SOURCE_KINDS: &[&str] = &["brochure", "report", "event-listing"];
/// The values `data/README.md` lists for `resource.kind`.
pub const RESOURCE_KINDS: &[&str] = &["toolkit", "guide", "publication", "database", "brief", "website"];
/// The values `data/README.md` lists for `partnership.kind` (a component's `kind` is free text).
pub const PARTNERSHIP_KINDS: &[&str] = &["alliance", "initiative", "platform", "network", "lab", "funding"];
/// The values `data/README.md` lists for `figure.topic`.
pub const FIGURE_TOPICS: &[&str] = &["child labour", "forced labour", "partnership", "programme"];
/// The values `data/README.md` lists for `convention.subject`.
pub const CONVENTION_SUBJECTS: &[&str] = &[
    "child labour",
    "forced labour",
    "freedom of association",
    "discrimination",
    "occupational safety and health",
    "sectoral",
];

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    /// For compact citations in lists: "IPEC+ brochure, 2024".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_title: Option<String>,
    pub publisher: String,
    pub year: i32,
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub summary: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Programme {
    pub id: String,
    pub name: String,
    pub full_name: String,
    pub summary: String,
    #[serde(default)]
    pub goals: Vec<String>,
    /// Priority ids.
    #[serde(default)]
    pub focus: Vec<String>,
    pub where_it_works: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_count: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_count_as_of: Option<String>,
    pub normative_framework: String,
    /// Convention ids.
    #[serde(default)]
    pub conventions: Vec<String>,
    pub theory_of_change: String,
    pub source: String,
    pub section: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Priority {
    pub id: String,
    pub number: u32,
    pub title: String,
    pub challenge: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approach: Option<String>,
    pub source: String,
    pub section: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

/// One of the four categories of change of the theory of change.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub id: String,
    pub number: u32,
    pub title: String,
    pub summary: String,
    pub source: String,
    pub section: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Instrument {
    Convention,
    Protocol,
}

impl Instrument {
    /// The letter of its ILO short name: `C182`, `P29`.
    pub fn letter(self) -> char {
        match self {
            Instrument::Convention => 'C',
            Instrument::Protocol => 'P',
        }
    }

    /// As the data writes it: "convention", "protocol".
    pub fn key(self) -> &'static str {
        match self {
            Instrument::Convention => "convention",
            Instrument::Protocol => "protocol",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Convention {
    pub id: String,
    pub number: u32,
    pub instrument: Instrument,
    pub title: String,
    /// Year of adoption, when a source gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    pub subject: String,
    #[serde(default)]
    pub fundamental: bool,
    pub summary: String,
    #[serde(default)]
    pub ratifications: Vec<Ratification>,
    pub source: String,
    pub section: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

/// A ratification count as one source gives it on one date: sources disagree, so each is kept.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ratification {
    /// The number of ratifying countries, when the source gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// What the source says instead of, or besides, a number: "universal ratification".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    pub as_of: String,
    pub source: String,
    pub section: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The ILO's five regions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Region {
    Africa,
    Americas,
    #[serde(rename = "Arab States")]
    ArabStates,
    #[serde(rename = "Asia and the Pacific")]
    AsiaPacific,
    #[serde(rename = "Europe and Central Asia")]
    EuropeCentralAsia,
}

impl Region {
    pub const ALL: [Region; 5] = [
        Region::Africa,
        Region::Americas,
        Region::ArabStates,
        Region::AsiaPacific,
        Region::EuropeCentralAsia,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Region::Africa => "Africa",
            Region::Americas => "Americas",
            Region::ArabStates => "Arab States",
            Region::AsiaPacific => "Asia and the Pacific",
            Region::EuropeCentralAsia => "Europe and Central Asia",
        }
    }
}

impl std::fmt::Display for Region {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Country {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub region: Region,
    pub lat: f64,
    pub lon: f64,
    pub source: String,
    pub section: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

/// How a source words a number that is not exact: "about 80 per cent", "more than 100 projects". The set is
/// fixed so that every front end says it the same way; the source's own word maps onto it ("over" is
/// `MoreThan`, "almost" is `Nearly`, "approximately" is `About`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Qualifier {
    #[serde(rename = "about")]
    About,
    #[serde(rename = "more than")]
    MoreThan,
    #[serde(rename = "less than")]
    LessThan,
    #[serde(rename = "nearly")]
    Nearly,
    #[serde(rename = "some")]
    Some,
    #[serde(rename = "at least")]
    AtLeast,
    #[serde(rename = "up to")]
    UpTo,
}

impl Qualifier {
    pub const ALL: [Qualifier; 7] = [
        Qualifier::About,
        Qualifier::MoreThan,
        Qualifier::LessThan,
        Qualifier::Nearly,
        Qualifier::Some,
        Qualifier::AtLeast,
        Qualifier::UpTo,
    ];

    /// The words as written before the number, and in the data: "more than".
    pub fn words(self) -> &'static str {
        match self {
            Qualifier::About => "about",
            Qualifier::MoreThan => "more than",
            Qualifier::LessThan => "less than",
            Qualifier::Nearly => "nearly",
            Qualifier::Some => "some",
            Qualifier::AtLeast => "at least",
            Qualifier::UpTo => "up to",
        }
    }

    /// A formatted number with its qualifier, if any: "more than 100", or "100" as it was.
    pub fn apply(qualifier: Option<Qualifier>, number: String) -> String {
        match qualifier {
            Some(q) => format!("{} {number}", q.words()),
            None => number,
        }
    }
}

impl std::fmt::Display for Qualifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.words())
    }
}

/// A headline number of an achievement, as the source writes it.
// Written through the same fields as read: the cache's positional format needs both ways to agree.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(try_from = "HeadlineFigureFields", into = "HeadlineFigureFields")]
pub struct HeadlineFigure {
    pub value: f64,
    pub unit: String,
    pub label: String,
    /// "more than", "about"...: how the source words the number, when it is not exact.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
}

/// A headline figure as written in TOML, where the old `approximate = true` still reads as
/// `qualifier = "about"`, so files written before qualifiers existed still load.
#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct HeadlineFigureFields {
    value: f64,
    unit: String,
    label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    qualifier: Option<Qualifier>,
    /// Read, never written: `qualifier` says it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    approximate: Option<bool>,
}

impl From<HeadlineFigure> for HeadlineFigureFields {
    fn from(f: HeadlineFigure) -> HeadlineFigureFields {
        HeadlineFigureFields {
            value: f.value,
            unit: f.unit,
            label: f.label,
            qualifier: f.qualifier,
            approximate: None,
        }
    }
}

impl TryFrom<HeadlineFigureFields> for HeadlineFigure {
    type Error = String;

    fn try_from(f: HeadlineFigureFields) -> Result<Self, Self::Error> {
        let qualifier = match (f.qualifier, f.approximate) {
            (Some(_), Some(_)) => {
                return Err("give `qualifier` or the older `approximate`, not both \
                     (`approximate = true` reads as qualifier = \"about\")"
                    .into())
            }
            (Some(q), None) => Some(q),
            (None, Some(true)) => Some(Qualifier::About),
            (None, _) => None,
        };
        Ok(HeadlineFigure {
            value: f.value,
            unit: f.unit,
            label: f.label,
            qualifier,
        })
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Achievement {
    pub id: String,
    pub title: String,
    pub summary: String,
    #[serde(default)]
    pub countries: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    #[serde(default)]
    pub conventions: Vec<String>,
    #[serde(default)]
    pub partnerships: Vec<String>,
    #[serde(default)]
    pub sectors: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    #[serde(default)]
    pub figures: Vec<HeadlineFigure>,
    pub source: String,
    pub section: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureRow {
    pub label: String,
    pub value: f64,
    /// How the source words this row's number, when it is not exact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub id: String,
    pub title: String,
    pub topic: String,
    pub unit: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// How the source words `value`, when it is not exact: "more than 100".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<f64>,
    /// When set, `value` is one of the programme's headline numbers, shown large on the overview with this
    /// text under it ("children in child labour, 2020").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<f64>,
    #[serde(default)]
    pub rows: Vec<FigureRow>,
    pub source: String,
    pub section: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Component {
    pub kind: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Partnership {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub summary: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default)]
    pub countries: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub countries_role: Option<String>,
    #[serde(default)]
    pub components: Vec<Component>,
    pub source: String,
    pub section: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: String,
    pub title: String,
    /// When it happened, where the listing says so; else the listing's own date.
    pub date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    /// The listing's own date, when the event happened on another day: a news item posted on
    /// 7 November about a conference held on 14-16 November has date 14 November and listed 7 November.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub listed: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Country ids: where the event took place, when the listing says so.
    #[serde(default)]
    pub countries: Vec<String>,
    /// Country ids: the countries the event is about (may repeat one of `countries`).
    #[serde(default)]
    pub about_countries: Vec<String>,
    /// Partnership ids: the initiatives, campaigns, platforms... the event is about.
    #[serde(default)]
    pub partnerships: Vec<String>,
    /// Convention ids the event is about.
    #[serde(default)]
    pub conventions: Vec<String>,
    /// Resource ids: the reports, papers, plans and declarations the event is about.
    #[serde(default)]
    pub resources: Vec<String>,
    pub summary: String,
    pub source: String,
    pub section: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resource {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    pub kind: String,
    pub summary: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub source: String,
    pub section: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

/// A prepared story for a workshop: ordered steps, each showing a record or a view, with speaker notes.
/// A tour cites nothing itself: every step shows records that carry their own citations.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tour {
    pub id: String,
    pub title: String,
    /// Who it is for (free text).
    pub audience: String,
    pub duration_minutes: u32,
    /// Where the tour comes in the tours' own order (1 first): `ipec present` with no tour starts the
    /// tour that comes first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<u32>,
    pub summary: String,
    /// `[[tour.step]]` in TOML; `steps` in JSON.
    #[serde(rename(deserialize = "step"), default)]
    pub steps: Vec<TourStep>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

/// One slide of a tour: a record (`record`) or a view (`view`), never both.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TourStep {
    pub heading: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub view: Option<StepView>,
    /// Map only: the region to focus.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
    /// Map only: the country to focus (its id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Timeline only: the first and last year shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<i32>,
    /// Chart only: the figure (with rows) to draw.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub figure: Option<String>,
    /// A few words on the slide, shown as its first point.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The slide's points, a short line or two each, in the order they are shown (after `text`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<String>,
    /// What the presenter's next key reveals before the next slide: the points one at a time, the
    /// headline number, or both (the number first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reveal: Option<Reveal>,
    /// What the trainer says; shown in the presenter view and with `n`.
    #[serde(default)]
    pub notes: String,
}

/// What a step holds back until the presenter reveals it, one key at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Reveal {
    /// Each point in turn; the visual shows from the start.
    Points,
    /// The headline number ("ask the room to guess"); the points show from the start.
    Number,
    /// The headline number, then each point in turn.
    All,
}

impl TourStep {
    /// Everything the slide says in words: `text`, then `points`.
    pub fn all_points(&self) -> Vec<String> {
        self.text
            .iter()
            .chain(&self.points)
            .map(|p| p.trim().to_string())
            .collect()
    }
}

/// The views a tour step can show instead of a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StepView {
    Map,
    Timeline,
    Matrix,
    Chart,
}
