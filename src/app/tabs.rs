//! The tabs, and the rows of each tab's list, built once from the knowledge base.

use crate::kb::document::count;
use crate::kb::text::fold;
use crate::kb::{Kind, KnowledgeBase, Record, RecordRef, Region};

use super::matrix::{placements, results_among, Axis, Cell};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
    Overview,
    Priorities,
    Change,
    Conventions,
    Countries,
    Partnerships,
    Events,
    Figures,
    Library,
}

impl Tab {
    pub const ALL: [Tab; 9] = [
        Tab::Overview,
        Tab::Priorities,
        Tab::Change,
        Tab::Conventions,
        Tab::Countries,
        Tab::Partnerships,
        Tab::Events,
        Tab::Figures,
        Tab::Library,
    ];

    pub fn index(self) -> usize {
        Tab::ALL.iter().position(|&t| t == self).unwrap_or(0)
    }

    pub fn title(self) -> &'static str {
        match self {
            Tab::Overview => "Overview",
            Tab::Priorities => "Priorities",
            Tab::Change => "Theory of change",
            Tab::Conventions => "Conventions",
            Tab::Countries => "Countries",
            Tab::Partnerships => "Partnerships",
            Tab::Events => "Events",
            Tab::Figures => "Figures",
            Tab::Library => "Library",
        }
    }

    /// For narrow terminals.
    pub fn short(self) -> &'static str {
        match self {
            Tab::Overview => "Overview",
            Tab::Priorities => "Priorities",
            Tab::Change => "Change",
            Tab::Conventions => "Conventions",
            Tab::Countries => "Countries",
            Tab::Partnerships => "Partners",
            Tab::Events => "Events",
            Tab::Figures => "Figures",
            Tab::Library => "Library",
        }
    }

    /// The tab a record opens in when a link or a search result is followed.
    pub fn for_kind(kind: Kind) -> Tab {
        match kind {
            Kind::Programme => Tab::Overview,
            Kind::Priority | Kind::Achievement => Tab::Priorities,
            Kind::Area => Tab::Change,
            Kind::Convention => Tab::Conventions,
            Kind::Country => Tab::Countries,
            Kind::Partnership => Tab::Partnerships,
            Kind::Event => Tab::Events,
            Kind::Figure => Tab::Figures,
            Kind::Resource | Kind::Source => Tab::Library,
        }
    }
}

/// What a row stands for; the detail pane shows its document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RowKey {
    Record(RecordRef),
    /// A priority × area cell of the theory of change (also the "no priority" group of Priorities).
    Cell(Cell),
    /// Every record of one kind (the Overview's map of the knowledge base, the Library's groups).
    Kind(Kind),
    Region(Region),
}

#[derive(Debug, Clone)]
pub struct Row {
    pub key: RowKey,
    /// A short fixed column before the label: a convention's id, an event's date.
    pub lead: String,
    pub label: String,
    /// Dim text after the label: a region, a count.
    pub detail: String,
    /// Indentation level in a tree.
    pub depth: u8,
    /// For the Countries region filter.
    pub region: Option<Region>,
    /// The row's text folded for filtering (case and accents ignored).
    pub folded: String,
}

impl Row {
    fn new(key: RowKey, label: impl Into<String>, detail: impl Into<String>, depth: u8) -> Row {
        Row {
            key,
            lead: String::new(),
            label: label.into(),
            detail: detail.into(),
            depth,
            region: None,
            folded: String::new(),
        }
    }

    fn lead(mut self, lead: impl Into<String>) -> Row {
        self.lead = lead.into();
        self
    }

    /// Whether the row counts as a match of its own (headings show only as context of their matches).
    pub fn is_record(&self) -> bool {
        matches!(self.key, RowKey::Record(_))
    }
}

/// The rows of a tab's list (the theory-of-change tab has a matrix instead, and no rows).
pub fn rows(kb: &KnowledgeBase, tab: Tab) -> Vec<Row> {
    let mut rows = match tab {
        Tab::Overview => overview(kb),
        Tab::Priorities => priorities(kb),
        Tab::Change => Vec::new(),
        Tab::Conventions => kb
            .refs(Kind::Convention)
            .map(|r| {
                let c = &kb.conventions[r.index];
                let n = kb.backlinks_of(r, Kind::Achievement).count();
                Row::new(RowKey::Record(r), &c.title, count(n, "result"), 0).lead(&c.id)
            })
            .collect(),
        Tab::Countries => countries(kb),
        Tab::Partnerships => records(kb, Kind::Partnership),
        Tab::Events => events(kb),
        Tab::Figures => records(kb, Kind::Figure),
        Tab::Library => library(kb),
    };
    for row in &mut rows {
        row.folded = fold(&format!("{} {} {}", row.lead, row.label, row.detail));
    }
    rows
}

/// One row per record, with the record's brief (a partnership's kind, a figure's period) beside it.
fn records(kb: &KnowledgeBase, kind: Kind) -> Vec<Row> {
    kb.refs(kind)
        .map(|r| Row::new(RowKey::Record(r), kb.title(r), kb.brief(r), 0))
        .collect()
}

fn overview(kb: &KnowledgeBase) -> Vec<Row> {
    let mut rows: Vec<Row> = kb
        .refs(Kind::Programme)
        .map(|r| Row::new(RowKey::Record(r), format!("{} at a glance", kb.title(r)), "", 0))
        .collect();
    rows.extend(
        Kind::ALL
            .into_iter()
            .filter(|&k| k != Kind::Programme)
            .map(|k| Row::new(RowKey::Kind(k), kind_title(k), kb.len(k).to_string(), 0)),
    );
    rows
}

/// "Results", "Countries"...: the kind as a heading.
pub fn kind_title(kind: Kind) -> &'static str {
    match kind {
        Kind::Programme => "Programme",
        Kind::Priority => "Thematic priorities",
        Kind::Area => "Theory-of-change areas",
        Kind::Convention => "Conventions and protocols",
        Kind::Country => "Countries",
        Kind::Achievement => "Results",
        Kind::Figure => "Figures and tables",
        Kind::Partnership => "Partnerships",
        Kind::Event => "Events",
        Kind::Resource => "Resources",
        Kind::Source => "Sources",
    }
}

/// Each priority, its areas with their result counts, and under each area its results; then the results
/// the source does not place under a priority.
fn priorities(kb: &KnowledgeBase) -> Vec<Row> {
    let mut rows = Vec::new();
    let placed = placements(kb);
    let groups = kb
        .refs(Kind::Priority)
        .map(|p| (Axis::Is(p.index), Some(p)))
        .chain([(Axis::None, None)]);
    for (priority, record) in groups {
        let all = results_among(
            &placed,
            Cell {
                priority,
                area: Axis::All,
            },
        );
        if record.is_none() && all.is_empty() {
            continue;
        }
        let key = match record {
            Some(p) => RowKey::Record(p),
            None => RowKey::Cell(Cell {
                priority,
                area: Axis::All,
            }),
        };
        let label = record.map_or("No priority given by the source".to_string(), |p| {
            kb.title(p).to_string()
        });
        rows.push(Row::new(key, label, count(all.len(), "result"), 0));
        let areas = (0..kb.areas.len()).map(Axis::Is).chain([Axis::None]);
        for area in areas {
            let cell = Cell { priority, area };
            let results = results_among(&placed, cell);
            if results.is_empty() {
                continue;
            }
            let label = match area {
                Axis::Is(a) => kb.areas[a].title.clone(),
                _ => "No area given".to_string(),
            };
            rows.push(Row::new(RowKey::Cell(cell), label, results.len().to_string(), 1));
            rows.extend(
                results
                    .into_iter()
                    .map(|r| Row::new(RowKey::Record(r), kb.title(r), "", 2)),
            );
        }
    }
    rows
}

/// Countries grouped by region, by name within a region.
fn countries(kb: &KnowledgeBase) -> Vec<Row> {
    let mut rows = Vec::new();
    for region in Region::ALL {
        let mut mine: Vec<RecordRef> = kb
            .refs(Kind::Country)
            .filter(|r| kb.countries[r.index].region == region)
            .collect();
        if mine.is_empty() {
            continue;
        }
        mine.sort_by_cached_key(|&r| fold(kb.title(r)));
        let mut header = Row::new(RowKey::Region(region), region.name(), count(mine.len(), "country"), 0);
        header.region = Some(region);
        rows.push(header);
        for r in mine {
            let n = kb.backlinks_of(r, Kind::Achievement).count();
            let mut row = Row::new(RowKey::Record(r), kb.title(r), count(n, "result"), 1).lead(kb.id(r));
            row.region = Some(region);
            rows.push(row);
        }
    }
    rows
}

/// Events in date order (dates are stored as sortable ISO strings).
fn events(kb: &KnowledgeBase) -> Vec<Row> {
    let mut refs: Vec<RecordRef> = kb.refs(Kind::Event).collect();
    refs.sort_by(|a, b| kb.events[a.index].date.cmp(&kb.events[b.index].date));
    refs.into_iter()
        .map(|r| {
            let e = &kb.events[r.index];
            Row::new(RowKey::Record(r), &e.title, e.place.clone().unwrap_or_default(), 0).lead(&e.date)
        })
        .collect()
}

fn library(kb: &KnowledgeBase) -> Vec<Row> {
    let mut rows = Vec::new();
    for kind in [Kind::Source, Kind::Resource] {
        rows.push(Row::new(
            RowKey::Kind(kind),
            kind_title(kind),
            kb.len(kind).to_string(),
            0,
        ));
        rows.extend(kb.refs(kind).map(|r| {
            let detail = match kb.record(r) {
                Record::Source(s) => s.year.to_string(),
                Record::Resource(res) => res.year.map(|y| y.to_string()).unwrap_or_default(),
                _ => String::new(),
            };
            Row::new(RowKey::Record(r), kb.title(r), detail, 1)
        }));
    }
    rows
}
