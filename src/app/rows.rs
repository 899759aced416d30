//! The rows of each tab's list, built once from the knowledge base (the tab table names the builder).

use crate::document::count;
use crate::document::format::thousands;
use crate::kb::dates::{parse_period, year_of};
use crate::kb::text::fold;
use crate::kb::{Kind, KnowledgeBase, RecordRef, Region};

use super::matrix::{placements, results_among, Axis, Cell};
use super::tabs::Tab;

/// What a row stands for; the detail pane shows its document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RowKey {
    Record(RecordRef),
    /// A priority × area cell of the theory of change (also the "no priority" group of Priorities).
    Cell(Cell),
    /// Every record of one kind (the Overview's map of the knowledge base, the Library's groups).
    Kind(Kind),
    Region(Region),
    /// A year of the timeline.
    Year(i32),
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
    /// Words the filter matches that the row does not show: a country's other names ("Ivory Coast").
    pub also: String,
    /// The row's text folded for filtering (case and accents ignored): folded the first time a filter
    /// asks, since folding 200,000 rows at start-up took a third of the explorer's start at 100,000.
    folded: std::sync::OnceLock<String>,
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
            also: String::new(),
            folded: std::sync::OnceLock::new(),
        }
    }

    /// The row's text as the list filter matches it: case and accents ignored.
    pub fn folded(&self) -> &str {
        self.folded
            .get_or_init(|| fold(&format!("{} {} {} {}", self.lead, self.label, self.detail, self.also)))
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

/// A row's key that survives a reload: records by kind and id (their positions may change).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StableKey {
    Record(Kind, String),
    Other(RowKey),
}

impl StableKey {
    pub fn of(kb: &KnowledgeBase, key: RowKey) -> StableKey {
        match key {
            RowKey::Record(r) => StableKey::Record(r.kind, kb.id(r).to_lowercase()),
            other => StableKey::Other(other),
        }
    }

    /// Its key in `kb`, if it is still there.
    pub fn key_in(&self, kb: &KnowledgeBase) -> Option<RowKey> {
        match self {
            StableKey::Record(kind, id) => Some(RowKey::Record(kb.find_kind(*kind, id)?)),
            StableKey::Other(key) => Some(*key),
        }
    }
}

/// The rows of a tab's list.
pub fn build(kb: &KnowledgeBase, tab: Tab) -> Vec<Row> {
    (tab.spec().rows)(kb)
}

/// For a view without a list (the theory-of-change matrix).
pub fn none(_: &KnowledgeBase) -> Vec<Row> {
    Vec::new()
}

pub fn conventions(kb: &KnowledgeBase) -> Vec<Row> {
    kb.refs(Kind::Convention)
        .map(|r| {
            let c = &kb.conventions[r.index];
            let n = kb.backlinks_of(r, Kind::Achievement).count();
            Row::new(RowKey::Record(r), &c.title, count(n, "result"), 0).lead(&c.id)
        })
        .collect()
}

pub fn partnerships(kb: &KnowledgeBase) -> Vec<Row> {
    records(kb, Kind::Partnership)
}

pub fn figures(kb: &KnowledgeBase) -> Vec<Row> {
    records(kb, Kind::Figure)
}

/// One row per record, with the record's brief (a partnership's kind, a figure's period) beside it.
fn records(kb: &KnowledgeBase, kind: Kind) -> Vec<Row> {
    kb.refs(kind)
        .map(|r| Row::new(RowKey::Record(r), kb.title(r), kb.brief(r), 0))
        .collect()
}

pub fn overview(kb: &KnowledgeBase) -> Vec<Row> {
    let mut rows: Vec<Row> = kb
        .refs(Kind::Programme)
        .map(|r| Row::new(RowKey::Record(r), format!("{} at a glance", kb.title(r)), "", 0))
        .collect();
    rows.extend(
        Kind::ALL
            .into_iter()
            .filter(|&k| k != Kind::Programme)
            .map(|k| Row::new(RowKey::Kind(k), k.heading(), thousands(kb.len(k)), 0)),
    );
    rows
}

/// Each priority, its areas with their result counts, and under each area its results; then the results
/// the source does not place under a priority.
pub fn priorities(kb: &KnowledgeBase) -> Vec<Row> {
    // Every result once, under a heading per priority and per cell: sized up front, since a vector
    // grown row by row kept up to a third of 100,000 rows' room unused.
    let headings = (kb.priorities.len() + 1) * (kb.areas.len() + 2);
    let mut rows = Vec::with_capacity(kb.len(Kind::Achievement) + headings);
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
            rows.push(Row::new(RowKey::Cell(cell), label, thousands(results.len()), 1));
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
pub fn countries(kb: &KnowledgeBase) -> Vec<Row> {
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
            row.also = kb.countries[r.index].aliases.join(" ");
            rows.push(row);
        }
    }
    rows
}

/// The timeline: a heading per year, under it the events and dated results of that year, in date order.
/// A result dated by a period ("2009-2018") sits at the period's last year, when it was reported.
pub fn timeline(kb: &KnowledgeBase, newest_first: bool) -> Vec<Row> {
    // (year, date within the year, record, lead). A result sorts by its year alone, before the events
    // of that year, as the year's digits sort before any full date that starts with them. Borrowed,
    // not copied: at 100,000 results the copies were most of the time this took.
    let mut entries: Vec<(i32, &str, RecordRef, &str)> =
        Vec::with_capacity(kb.len(Kind::Event) + kb.len(Kind::Achievement));
    for r in kb.refs(Kind::Event) {
        let date = kb.events[r.index].date.as_str();
        if let Some(year) = year_of(date) {
            entries.push((year, date, r, date));
        }
    }
    for r in kb.refs(Kind::Achievement) {
        if let Some(period) = &kb.achievements[r.index].period {
            if let Ok((_, year)) = parse_period(period) {
                entries.push((year, "", r, period.as_str()));
            }
        }
    }
    entries.sort_unstable_by(|a, b| (a.0, a.1, a.2).cmp(&(b.0, b.1, b.2)));
    if newest_first {
        entries.reverse();
    }
    let mut rows = Vec::with_capacity(entries.len() + 64);
    let mut i = 0;
    while i < entries.len() {
        let year = entries[i].0;
        let n = entries[i..].iter().take_while(|e| e.0 == year).count();
        rows.push(Row::new(RowKey::Year(year), year.to_string(), count(n, "entry"), 0));
        rows.extend(
            entries[i..i + n]
                .iter()
                .map(|&(_, _, r, lead)| Row::new(RowKey::Record(r), kb.title(r), r.kind.label(), 1).lead(lead)),
        );
        i += n;
    }
    rows
}

/// The timeline in the other order, made from its rows: `timeline(kb, !newest_first)` without sorting
/// or building 100,000 rows again (the entries are in a total order, so the other order is this one
/// reversed, each year's heading put back before its entries).
pub fn timeline_reversed(rows: Vec<Row>) -> Vec<Row> {
    let mut reversed = Vec::with_capacity(rows.len());
    let mut entries = Vec::new();
    for row in rows.into_iter().rev() {
        match row.key {
            RowKey::Year(_) => {
                reversed.push(row);
                reversed.append(&mut entries);
            }
            _ => entries.push(row),
        }
    }
    reversed.append(&mut entries);
    reversed
}

pub fn timeline_oldest_first(kb: &KnowledgeBase) -> Vec<Row> {
    timeline(kb, false)
}

pub fn library(kb: &KnowledgeBase) -> Vec<Row> {
    let mut rows = Vec::new();
    for kind in [Kind::Tour, Kind::Source, Kind::Resource] {
        rows.push(Row::new(RowKey::Kind(kind), kind.heading(), thousands(kb.len(kind)), 0));
        rows.extend(
            kb.refs(kind)
                .map(|r| Row::new(RowKey::Record(r), kb.title(r), kb.shelf(r), 1)),
        );
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(rows: &[Row]) -> Vec<(RowKey, &str, &str, &str, u8)> {
        rows.iter()
            .map(|r| (r.key, r.lead.as_str(), r.label.as_str(), r.detail.as_str(), r.depth))
            .collect()
    }

    #[test]
    fn the_timeline_reversed_is_the_timeline_built_in_the_other_order() {
        let base = KnowledgeBase::builtin().expect("the built-in knowledge base loads");
        let mut kb = base.clone();
        // Many results in the same years, events among them: ties are where a reversal could differ.
        kb.achievements.extend(crate::synth::achievements(&base, 2_000, 7));
        for newest_first in [false, true] {
            let built = timeline(&kb, !newest_first);
            let reversed = timeline_reversed(timeline(&kb, newest_first));
            assert!(built.len() > 2_000);
            assert_eq!(shown(&reversed), shown(&built), "newest first: {}", !newest_first);
        }
        assert!(timeline_reversed(Vec::new()).is_empty());
    }
}
