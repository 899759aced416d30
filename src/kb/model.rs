//! The records of the knowledge base, exactly as `data/README.md` documents them.
//!
//! These types are plain data: serde reads them from TOML (rejecting unknown fields) and writes them as
//! JSON. Cross-record rules (references, unique ids, totals) live in `validate`, not here.

use schemars::JsonSchema;
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

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// A short lowercase kebab-case slug, unique across the knowledge base: `ipec-brochure-2024`.
    #[schemars(pattern(r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub id: String,
    /// The document's title, as it gives it.
    pub title: String,
    /// Optional: a compact citation for lists: "IPEC+ brochure, 2024".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_title: Option<String>,
    /// Who published it: "International Labour Organization".
    pub publisher: String,
    /// The year of publication.
    pub year: i32,
    /// What kind of document it is: brochure | report | event-listing.
    #[schemars(extend("enum" = SOURCE_KINDS))]
    pub kind: String,
    /// Optional: where the document is on the web (http:// or https://).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(pattern(r"^https?://\S+$"))]
    pub url: Option<String>,
    /// What the document is and covers.
    pub summary: String,
    /// Optional: caveats about the record (ambiguity in the extraction, approximations). A note that starts
    /// with `Ambiguous:` is shown as a warning. Never shown on a slide.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Programme {
    /// A short lowercase kebab-case slug: `ipec-plus`.
    #[schemars(pattern(r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub id: String,
    /// The programme's short name: "IPEC+".
    pub name: String,
    /// Its name in full.
    pub full_name: String,
    /// What the programme is, as the source says it.
    pub summary: String,
    /// Its goals, one sentence each.
    #[serde(default)]
    pub goals: Vec<String>,
    /// The ids of its thematic priorities (`[[priority]]`).
    #[serde(default)]
    pub focus: Vec<String>,
    /// Where it works, as the source says it.
    pub where_it_works: String,
    /// Optional: the number of countries it works in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_count: Option<u32>,
    /// Optional: the date of that count, in quotes: "2024-02" (YYYY, YYYY-MM or YYYY-MM-DD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(pattern(r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"))]
    pub country_count_as_of: Option<String>,
    /// The normative framework it rests on, as the source says it.
    pub normative_framework: String,
    /// The ids of the conventions and protocols it rests on (`[[convention]]`).
    #[serde(default)]
    pub conventions: Vec<String>,
    /// What the source says of its theory of change.
    pub theory_of_change: String,
    /// The id of the `[[source]]` document this comes from (`sources.toml`).
    pub source: String,
    /// The heading of the part of that document this comes from (free text, required).
    pub section: String,
    /// Optional: caveats about the record (ambiguity in the extraction, approximations). A note that starts
    /// with `Ambiguous:` is shown as a warning. Never shown on a slide.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Priority {
    /// A short lowercase kebab-case slug: `enterprises-supply-chains`, `rural-informal-economy`, `crisis-fragility`.
    #[schemars(pattern(r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub id: String,
    /// Its number in the source, from 1.
    pub number: u32,
    /// Its title: "Enterprises and supply chains".
    pub title: String,
    /// The challenge, as the source gives it.
    pub challenge: String,
    /// Optional: what IPEC+ does under this priority.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approach: Option<String>,
    /// The id of the `[[source]]` document this comes from (`sources.toml`).
    pub source: String,
    /// The heading of the part of that document this comes from (free text, required).
    pub section: String,
    /// Optional: caveats about the record (ambiguity in the extraction, approximations). A note that starts
    /// with `Ambiguous:` is shown as a warning. Never shown on a slide.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

/// One of the four categories of change of the theory of change.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// One of `public-policies-governance`, `partnerships-advocacy`, `empowerment-protection`, `knowledge-data`.
    #[schemars(pattern(r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub id: String,
    /// Its number in the theory of change, from 1.
    pub number: u32,
    /// Its title: "Knowledge and data".
    pub title: String,
    /// What the theory of change says of this category.
    pub summary: String,
    /// The id of the `[[source]]` document this comes from (`sources.toml`).
    pub source: String,
    /// The heading of the part of that document this comes from (free text, required).
    pub section: String,
    /// Optional: caveats about the record (ambiguity in the extraction, approximations). A note that starts
    /// with `Ambiguous:` is shown as a warning. Never shown on a slide.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

/// What an ILO instrument is: convention | protocol.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
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

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Convention {
    /// The ILO short name: `C` for a convention or `P` for a protocol, then its number: `C182`, `P29`.
    #[schemars(pattern(r"^[CP][0-9]+$"))]
    pub id: String,
    /// Its ILO number: 182.
    pub number: u32,
    /// convention | protocol.
    pub instrument: Instrument,
    /// Its title: "Worst Forms of Child Labour Convention".
    pub title: String,
    /// Optional: the year of adoption, when a source gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// What it is about: child labour | forced labour | freedom of association | discrimination |
    /// occupational safety and health | sectoral.
    #[schemars(extend("enum" = CONVENTION_SUBJECTS))]
    pub subject: String,
    /// Whether it is one of the ILO fundamental instruments (true or false, no quotes).
    #[serde(default)]
    pub fundamental: bool,
    /// What the sources say of it.
    pub summary: String,
    /// Ratification counts, each dated and cited: `[[convention.ratifications]]` tables, zero or more.
    #[serde(default)]
    pub ratifications: Vec<Ratification>,
    /// The id of the `[[source]]` document this comes from (`sources.toml`).
    pub source: String,
    /// The heading of the part of that document this comes from (free text, required).
    pub section: String,
    /// Optional: caveats about the record (ambiguity in the extraction, approximations). A note that starts
    /// with `Ambiguous:` is shown as a warning. Never shown on a slide.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

/// A ratification count as one source gives it on one date: sources disagree, so each is kept.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ratification {
    /// Optional: the number of ratifying countries, when the source gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// Optional: what the source says instead of, or besides, a count: "almost universal".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// The date of the count, in quotes: "2019" (YYYY, YYYY-MM or YYYY-MM-DD).
    #[schemars(pattern(r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"))]
    pub as_of: String,
    /// The id of the `[[source]]` document the count comes from.
    pub source: String,
    /// The heading of the part of that document the count comes from.
    pub section: String,
    /// Optional: caveats about this count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The ILO's five regions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
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

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Country {
    /// The ISO 3166-1 alpha-3 code, in capitals: `GHA`.
    #[schemars(pattern(r"^[A-Z]{3}$"))]
    pub id: String,
    /// The name as the sources write it, with a typographic apostrophe: "Côte d’Ivoire".
    pub name: String,
    /// Optional: other names search should find it by: ["Ivory Coast"].
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Its ILO region.
    pub region: Region,
    /// The latitude of its approximate centre, in degrees (-90 to 90), for the map.
    pub lat: f64,
    /// The longitude of its approximate centre, in degrees (-180 to 180), for the map.
    pub lon: f64,
    /// The id of the `[[source]]` document where the country is first named.
    pub source: String,
    /// The heading of the part of that document where it is first named.
    pub section: String,
    /// Optional: caveats about the record (ambiguity in the extraction, approximations). A note that starts
    /// with `Ambiguous:` is shown as a warning. Never shown on a slide.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

/// How a source words a number that is not exact: "about 80 per cent", "more than 100 projects". The set is
/// fixed so that every front end says it the same way; the source's own word maps onto it: "over" is
/// "more than", "almost" is "nearly", "approximately" and "around" are "about".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
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
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
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
#[derive(Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct HeadlineFigureFields {
    /// The number itself, without quotes or thousands separators: 4690.
    value: f64,
    /// What is counted: "children", "per cent".
    unit: String,
    /// What the number is, in a few words: "children in child labour identified across 10 mine sites".
    label: String,
    /// Optional: how the source words the number when it is not exact: about | more than | less than |
    /// nearly | some | at least | up to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    qualifier: Option<Qualifier>,
    /// The older form of `qualifier = "about"`: read, never written.
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

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Achievement {
    /// A short lowercase kebab-case slug, unique across the knowledge base: `gha-fishing-shipping-notices`.
    #[schemars(pattern(r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub id: String,
    /// The result in a few words.
    pub title: String,
    /// A faithful summary of what the source says.
    pub summary: String,
    /// The ids of the countries of the result (`[[country]]`): ["GHA"].
    #[serde(default)]
    pub countries: Vec<String>,
    /// Optional: the id of the thematic priority, only where the source places the result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<String>,
    /// Optional: the id of the area of the theory of change, only where the source places the result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    /// Optional: the ids of the conventions it cites.
    #[serde(default)]
    pub conventions: Vec<String>,
    /// Optional: the ids of the partnerships it belongs to.
    #[serde(default)]
    pub partnerships: Vec<String>,
    /// Optional: sectors, lowercase, each once: cocoa, cotton, mica, fishing... (free text).
    #[serde(default)]
    pub sectors: Vec<String>,
    /// Optional: a year or a range of years, in quotes: "2023", "2009-2018".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(pattern(r"^[0-9]{4}(-[0-9]{4})?$"))]
    pub period: Option<String>,
    /// Headline figures: `[[achievement.figures]]` tables, zero or more, after the achievement's own fields.
    #[serde(default)]
    pub figures: Vec<HeadlineFigure>,
    /// The id of the `[[source]]` document this comes from (`sources.toml`).
    pub source: String,
    /// The heading of the part of that document this comes from (free text, required).
    pub section: String,
    /// Optional: caveats about the record (ambiguity in the extraction, approximations). A note that starts
    /// with `Ambiguous:` is shown as a warning. Never shown on a slide.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FigureRow {
    /// What the row is: "Boys", "Africa".
    pub label: String,
    /// The row's number, without quotes or thousands separators.
    pub value: f64,
    /// Optional: how the source words this row's number, when it is not exact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    /// Optional: the ILO region the row is about (or `country`, not both).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
    /// Optional: the id of the country the row is about (or `region`, not both). Several rows may name
    /// the same country (by sex, by sector).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Optional: caveats about this row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// A short lowercase kebab-case slug: `child-labour-2020-by-sex`.
    #[schemars(pattern(r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub id: String,
    /// What the figure shows: "Children in child labour by sex, 2020".
    pub title: String,
    /// child labour | forced labour | partnership | programme.
    #[schemars(extend("enum" = FIGURE_TOPICS))]
    pub topic: String,
    /// What is counted (free text): "million children", "per cent", "projects".
    pub unit: String,
    /// Optional: a year or a range of years, in quotes: "2020", "2016-2020".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(pattern(r"^[0-9]{4}(-[0-9]{4})?$"))]
    pub period: Option<String>,
    /// Optional: the single number the figure stands for, without quotes or thousands separators.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// Optional: how the source words `value`, when it is not exact: "more than 100".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    /// Optional: the total the rows must add up to (within `tolerance`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<f64>,
    /// Optional: shows `value` large on the overview, with this text under it ("children in child labour,
    /// 2020"); needs `value`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
    /// Optional: how far the rows may add up away from `total`, for rounded figures (default 0, not negative).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<f64>,
    /// The rows of a table: `[[figure.rows]]` tables, zero or more, after the figure's own fields.
    #[serde(default)]
    pub rows: Vec<FigureRow>,
    /// The id of the `[[source]]` document this comes from (`sources.toml`).
    pub source: String,
    /// The heading of the part of that document this comes from (free text, required).
    pub section: String,
    /// Optional: caveats about the record (ambiguity in the extraction, approximations). A note that starts
    /// with `Ambiguous:` is shown as a warning. Never shown on a slide.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Component {
    /// What kind of part it is (free text): "action group", "pillar".
    pub kind: String,
    /// Its name: "Supply chains".
    pub name: String,
    /// Optional: what the source says of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Partnership {
    /// A short lowercase kebab-case slug: `alliance-8-7`.
    #[schemars(pattern(r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub id: String,
    /// Its name: "Alliance 8.7".
    pub name: String,
    /// alliance | initiative | platform | network | lab | funding (programmes, projects and campaigns are
    /// "initiative").
    #[schemars(extend("enum" = PARTNERSHIP_KINDS))]
    pub kind: String,
    /// What the sources say of it.
    pub summary: String,
    /// Optional: its web page (http:// or https://).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(pattern(r"^https?://\S+$"))]
    pub url: Option<String>,
    /// Optional: the ids of its countries.
    #[serde(default)]
    pub countries: Vec<String>,
    /// Optional: what the country list means: "Pathfinder countries".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub countries_role: Option<String>,
    /// Optional: its parts (action groups, pillars, factors): `[[partnership.components]]` tables.
    #[serde(default)]
    pub components: Vec<Component>,
    /// The id of the `[[source]]` document this comes from (`sources.toml`).
    pub source: String,
    /// The heading of the part of that document this comes from (free text, required).
    pub section: String,
    /// Optional: caveats about the record (ambiguity in the extraction, approximations). A note that starts
    /// with `Ambiguous:` is shown as a warning. Never shown on a slide.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// A short lowercase kebab-case slug: `argentina-iv-global-conference-announcement-2017`.
    #[schemars(pattern(r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub id: String,
    /// The item's title, as listed (shortened where long).
    pub title: String,
    /// When it happened, where the listing says so; else the listing's own date. In quotes: "2017-11-14".
    #[schemars(pattern(r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"))]
    pub date: String,
    /// Optional: the last day, in quotes: "2017-11-16".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(pattern(r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"))]
    pub end_date: Option<String>,
    /// Optional: the listing's own date, only when it differs from `date`: a news item posted on
    /// 7 November about a conference held on 14-16 November has date 14 November and listed 7 November.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(pattern(r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"))]
    pub listed: Option<String>,
    /// Optional: where it took place, only when the listing gives it: "Buenos Aires".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Optional: the ids of the countries where it took place, when the listing says so.
    #[serde(default)]
    pub countries: Vec<String>,
    /// Optional: the ids of the countries it is about (may repeat one of `countries`).
    #[serde(default)]
    pub about_countries: Vec<String>,
    /// Optional: the ids of the partnerships it is about: initiatives, campaigns, platforms.
    #[serde(default)]
    pub partnerships: Vec<String>,
    /// Optional: the ids of the conventions it is about.
    #[serde(default)]
    pub conventions: Vec<String>,
    /// Optional: the ids of the resources it is about: reports, papers, plans, declarations.
    #[serde(default)]
    pub resources: Vec<String>,
    /// What the listing says of it.
    pub summary: String,
    /// The id of the `[[source]]` document this comes from (`sources.toml`).
    pub source: String,
    /// The heading of the part of that document this comes from (free text, required).
    pub section: String,
    /// Optional: caveats about the record (ambiguity in the extraction, approximations). A note that starts
    /// with `Ambiguous:` is shown as a warning. Never shown on a slide.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Resource {
    /// A short lowercase kebab-case slug: `nap-child-labour-toolkit`.
    #[schemars(pattern(r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub id: String,
    /// Its title, as published.
    pub title: String,
    /// Optional: the year of publication.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// toolkit | guide | publication | database | brief | website.
    #[schemars(extend("enum" = RESOURCE_KINDS))]
    pub kind: String,
    /// What it is and who it is for.
    pub summary: String,
    /// Optional: where it is on the web (http:// or https://).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(pattern(r"^https?://\S+$"))]
    pub url: Option<String>,
    /// The id of the `[[source]]` document this comes from (`sources.toml`).
    pub source: String,
    /// The heading of the part of that document this comes from (free text, required).
    pub section: String,
    /// Optional: caveats about the record (ambiguity in the extraction, approximations). A note that starts
    /// with `Ambiguous:` is shown as a warning. Never shown on a slide.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

/// A prepared story for a workshop: ordered steps, each showing a record or a view, with speaker notes.
/// A tour cites nothing itself: every step shows records that carry their own citations.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tour {
    /// A short lowercase kebab-case slug: `ipec-in-ten-minutes`.
    #[schemars(pattern(r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub id: String,
    /// Optional: where the tour comes in the tours' own order (1 first): `ipec present` with no tour starts
    /// the tour that comes first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<u32>,
    /// The tour's title.
    pub title: String,
    /// Who it is for (free text).
    pub audience: String,
    /// How long it takes, in minutes (at least 1): the presenter's console counts the time left against it.
    pub duration_minutes: u32,
    /// What the tour tells, in a sentence or two.
    pub summary: String,
    /// The slides, in order: `[[tour.step]]` tables, at least one. `steps` in JSON.
    #[serde(rename(deserialize = "step"), default)]
    pub steps: Vec<TourStep>,
    /// Optional: caveats for the tour's keepers; never shown on a slide.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

/// One slide of a tour: a record (`record`) or a view (`view`), never both.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TourStep {
    /// The slide's title, a few words.
    pub heading: String,
    /// What the slide shows: a record's id (its headline number in big text, or its title and first
    /// sentences). Give `record` or `view`, never both.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<String>,
    /// What the slide shows instead of a record: map | timeline | matrix | chart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub view: Option<StepView>,
    /// Map only: the region to zoom to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
    /// Map only: the id of the country to zoom to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Timeline only: the first year shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<i32>,
    /// Timeline only: the last year shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<i32>,
    /// Chart only: the id of the figure (with rows) to draw.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub figure: Option<String>,
    /// Optional: what the presenter's next key reveals before the next slide: points (one at a time),
    /// number (the record's headline number, held back while the room guesses), all (the number, then
    /// each point). `number` and `all` need a `record`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reveal: Option<Reveal>,
    /// An older way to write one point; shown before `points`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The slide's points, at most 40 words each (a line or two read from the back of a room), one a line.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<String>,
    /// What the trainer says: shown on the presenter's console only (`ipec present TOUR --notes`).
    #[serde(default)]
    pub notes: String,
}

/// What a step holds back until the presenter reveals it, one key at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum StepView {
    Map,
    Timeline,
    Matrix,
    Chart,
}
