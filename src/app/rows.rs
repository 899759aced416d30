//! The rows of each tab's list, built once from the knowledge base (the tab table names the builder).

use std::borrow::Cow;

use unicode_width::UnicodeWidthStr;

use crate::document::count;
use crate::document::format::thousands;
use crate::kb::dates::year_of;
use crate::kb::text::fold;
use crate::kb::{Kind, KnowledgeBase, Period, RecordRef, Region};

use super::matrix::{placements, Axis, Cell};
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

/// One row of a list. At 100,000 results most rows are a result's title, which is read from the record
/// when the row is drawn rather than copied: a list holds a key, a depth and what is beside the title
/// per result (48 bytes, `a_row_of_a_result_holds_no_words`), not its words.
#[derive(Debug, Clone)]
pub struct Row {
    pub key: RowKey,
    /// Written out when built: headings, and the rows of the kinds with few records. `None`: the
    /// record's title, and beside it what `beside` says, read from the record when asked.
    own: Option<Box<Own>>,
    beside: Beside,
    /// Indentation level in a tree.
    pub depth: u8,
}

/// What a row of a record's own title shows beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Beside {
    Nothing,
    /// A result in the timeline: its period before the title (from `KnowledgeBase::result_facts`),
    /// its kind after.
    Period,
}

#[derive(Debug, Clone, Default)]
struct Own {
    /// A short fixed column before the label: a convention's id, an event's date.
    lead: String,
    label: String,
    /// Dim text after the label: a region, a count.
    detail: String,
    /// For the Countries region filter.
    region: Option<Region>,
    /// Words the filter matches that the row does not show: a country's other names ("Ivory Coast").
    also: String,
    /// The row's text folded for filtering (case and accents ignored), the first time a filter asks.
    folded: std::sync::OnceLock<String>,
}

/// A row's words as drawn: borrowed from the row, or read from the record it shows (peeked at, so
/// that scrolling through 100,000 results does not keep them all).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Shown<'a> {
    pub lead: Cow<'a, str>,
    pub label: Cow<'a, str>,
    pub detail: Cow<'a, str>,
}

impl Row {
    fn new(key: RowKey, label: impl Into<String>, detail: impl Into<String>, depth: u8) -> Row {
        let own = Own {
            label: label.into(),
            detail: detail.into(),
            ..Own::default()
        };
        Row {
            key,
            own: Some(Box::new(own)),
            beside: Beside::Nothing,
            depth,
        }
    }

    /// A record's row that shows its title, read when drawn.
    fn title(r: RecordRef, beside: Beside, depth: u8) -> Row {
        Row {
            key: RowKey::Record(r),
            own: None,
            beside,
            depth,
        }
    }

    fn lead(mut self, lead: impl Into<String>) -> Row {
        if let Some(own) = &mut self.own {
            own.lead = lead.into();
        }
        self
    }

    fn in_region(mut self, region: Region, also: String) -> Row {
        if let Some(own) = &mut self.own {
            own.region = Some(region);
            own.also = also;
        }
        self
    }

    /// What the row shows, from `kb` for a record's title.
    pub fn shown<'a>(&'a self, kb: &KnowledgeBase) -> Shown<'a> {
        match (&self.own, self.key) {
            (Some(own), _) => Shown {
                lead: Cow::Borrowed(&own.lead),
                label: Cow::Borrowed(&own.label),
                detail: Cow::Borrowed(&own.detail),
            },
            (None, RowKey::Record(r)) => Shown {
                lead: Cow::Owned(
                    self.period(kb, r)
                        .map(|p| p.text().as_str().to_string())
                        .unwrap_or_default(),
                ),
                label: Cow::Owned(kb.peek(r, |record| record.title().to_string()).unwrap_or_default()),
                detail: Cow::Borrowed(match self.beside {
                    Beside::Nothing => "",
                    Beside::Period => r.kind.label(),
                }),
            },
            (None, RowKey::Cell(_) | RowKey::Kind(_) | RowKey::Region(_) | RowKey::Year(_)) => Shown::default(),
        }
    }

    /// The period a timeline's result shows before its title, from the facts gathered once.
    fn period(&self, kb: &KnowledgeBase, r: RecordRef) -> Option<Period> {
        match self.beside {
            Beside::Nothing => None,
            Beside::Period => kb
                .result_facts()
                .get(r.index)
                .filter(|_| r.kind == Kind::Achievement)?
                .period(),
        }
    }

    /// How wide its lead is, without reading the record.
    pub fn lead_width(&self, kb: &KnowledgeBase) -> usize {
        match (&self.own, self.key) {
            (Some(own), _) => own.lead.width(),
            (None, RowKey::Record(r)) => self.period(kb, r).map_or(0, Period::width),
            (None, RowKey::Cell(_) | RowKey::Kind(_) | RowKey::Region(_) | RowKey::Year(_)) => 0,
        }
    }

    /// The region a country's row belongs to (the Countries region filter).
    pub fn region(&self) -> Option<Region> {
        self.own.as_ref().and_then(|own| own.region)
    }

    /// Whether every folded word is in the row's text, case and accents ignored. A record's title is
    /// looked up, folded, in `titles`.
    pub fn matches(&self, words: &[String], titles: &FoldedTitles, kb: &KnowledgeBase) -> bool {
        match (&self.own, self.key) {
            (Some(own), _) => {
                let folded = own
                    .folded
                    .get_or_init(|| fold(&format!("{} {} {} {}", own.lead, own.label, own.detail, own.also)));
                words.iter().all(|w| folded.contains(w.as_str()))
            }
            (None, RowKey::Record(r)) => {
                // No allocation per row: a filter looks at 100,000 rows on every key.
                let title = titles.title(kb, r);
                let period = self.period(kb, r).map(Period::text);
                let period = period.as_ref().map_or("", |p| p.as_str());
                let label = match self.beside {
                    Beside::Nothing => "",
                    Beside::Period => titles.label(r.kind),
                };
                words
                    .iter()
                    .all(|w| [title, period, label].iter().any(|t| t.contains(w.as_str())))
            }
            (None, RowKey::Cell(_) | RowKey::Kind(_) | RowKey::Region(_) | RowKey::Year(_)) => false,
        }
    }

    /// Whether the row counts as a match of its own (headings show only as context of their matches).
    pub fn is_record(&self) -> bool {
        matches!(self.key, RowKey::Record(_))
    }
}

/// Every title of a kind, folded for the list filter, gathered the first time a filter looks at a
/// record of that kind: filtering 100,000 rows reads every record once, without keeping the records
/// (`Records::gather`), and then never again. With the kinds' labels folded.
#[derive(Debug, Default)]
pub struct FoldedTitles {
    titles: [std::sync::OnceLock<Vec<Box<str>>>; Kind::ALL.len()],
    labels: [std::sync::OnceLock<String>; Kind::ALL.len()],
}

impl FoldedTitles {
    fn title<'a>(&'a self, kb: &KnowledgeBase, r: RecordRef) -> &'a str {
        let titles = self.titles[r.kind as usize]
            .get_or_init(|| kb.gather(r.kind, |record| fold(record.title()).into_boxed_str()));
        titles.get(r.index).map_or("", |t| t)
    }

    fn label(&self, kind: Kind) -> &str {
        self.labels[kind as usize].get_or_init(|| fold(kind.label()))
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
    // The results of a cell, counted and then listed from `placed`, never copied: at 100,000 results a
    // copy per cell was 3 MB more while the list was built.
    let among = |cell: Cell| {
        placed
            .iter()
            .filter(move |(_, p, a)| cell.priority.accepts(*p) && cell.area.accepts(*a))
            .map(|(r, ..)| *r)
    };
    for (priority, record) in groups {
        let whole = Cell {
            priority,
            area: Axis::All,
        };
        let all = among(whole).count();
        if record.is_none() && all == 0 {
            continue;
        }
        let key = record.map_or(RowKey::Cell(whole), RowKey::Record);
        let label = record.map_or("No priority given by the source".to_string(), |p| {
            kb.title(p).to_string()
        });
        rows.push(Row::new(key, label, count(all, "result"), 0));
        let areas = (0..kb.areas.len()).map(Axis::Is).chain([Axis::None]);
        for area in areas {
            let cell = Cell { priority, area };
            let results = among(cell).count();
            if results == 0 {
                continue;
            }
            let label = match area {
                Axis::Is(a) => kb.areas[a].title.clone(),
                _ => "No area given".to_string(),
            };
            rows.push(Row::new(RowKey::Cell(cell), label, thousands(results), 1));
            rows.extend(among(cell).map(|r| Row::title(r, Beside::Nothing, 2)));
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
        let header = Row::new(RowKey::Region(region), region.name(), count(mine.len(), "country"), 0);
        rows.push(header.in_region(region, String::new()));
        for r in mine {
            let n = kb.backlinks_of(r, Kind::Achievement).count();
            let also = kb.countries[r.index].aliases.join(" ");
            let row = Row::new(RowKey::Record(r), kb.title(r), count(n, "result"), 1).lead(kb.id(r));
            rows.push(row.in_region(region, also));
        }
    }
    rows
}

/// The timeline: a heading per year, under it the events and dated results of that year, in date order.
/// A result dated by a period ("2009-2018") sits at the period's last year, when it was reported.
pub fn timeline(kb: &KnowledgeBase, newest_first: bool) -> Vec<Row> {
    // (year, place within the year, record). A result sorts by its year alone, before the events of
    // that year; an event by its date, given as its rank among the events' dates (comparing 100,000
    // date strings, most of them empty, took 0.12 s of the 0.16 this list takes). A result's period
    // comes from the facts gathered once (`result_facts`): the records are not read again.
    let mut dated: Vec<(&str, RecordRef)> = kb
        .refs(Kind::Event)
        .map(|r| (kb.events[r.index].date.as_str(), r))
        .collect();
    dated.sort_unstable();
    let mut entries: Vec<(i32, usize, RecordRef)> = Vec::with_capacity(dated.len() + kb.len(Kind::Achievement));
    for (rank, &(date, r)) in dated.iter().enumerate() {
        if let Some(year) = year_of(date) {
            entries.push((year, rank + 1, r));
        }
    }
    let facts = kb.result_facts();
    for (r, fact) in kb.refs(Kind::Achievement).zip(facts) {
        if let Some(period) = fact.period() {
            entries.push((period.last(), 0, r));
        }
    }
    entries.sort_unstable();
    if newest_first {
        entries.reverse();
    }
    let row = |&(_, rank, r): &(i32, usize, RecordRef)| match rank {
        0 => Row::title(r, Beside::Period, 1),
        _ => {
            let date = rank.checked_sub(1).and_then(|d| dated.get(d)).map_or("", |d| d.0);
            Row::new(RowKey::Record(r), kb.title(r), r.kind.label(), 1).lead(date)
        }
    };
    let mut rows = Vec::with_capacity(entries.len() + 64);
    let mut i = 0;
    while i < entries.len() {
        let year = entries[i].0;
        let n = entries[i..].iter().take_while(|e| e.0 == year).count();
        rows.push(Row::new(RowKey::Year(year), year.to_string(), count(n, "entry"), 0));
        rows.extend(entries[i..i + n].iter().map(row));
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

    fn shown<'a>(kb: &'a KnowledgeBase, rows: &'a [Row]) -> Vec<(RowKey, Shown<'a>, u8)> {
        rows.iter().map(|r| (r.key, r.shown(kb), r.depth)).collect()
    }

    #[test]
    fn a_row_of_a_result_holds_no_words() {
        // 100,000 results are 200,000 rows (Priorities and the timeline): each byte here is 200 KB.
        assert!(std::mem::size_of::<Row>() <= 48, "{} bytes", std::mem::size_of::<Row>());
        let kb = KnowledgeBase::builtin().expect("the built-in knowledge base loads");
        let rows = timeline(&kb, false);
        let results = rows.iter().filter_map(|row| match row.key {
            RowKey::Record(r) if r.kind == Kind::Achievement => Some((row, r)),
            _ => None,
        });
        for (row, r) in results {
            assert!(row.own.is_none(), "a result's row copies nothing");
            let shown = row.shown(&kb);
            assert_eq!(shown.label, kb.title(r));
            assert_eq!(Some(shown.lead.as_ref()), kb.achievements[r.index].period.as_deref());
            assert_eq!(row.lead_width(&kb), shown.lead.width());
        }
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
            assert_eq!(
                shown(&kb, &reversed),
                shown(&kb, &built),
                "newest first: {}",
                !newest_first
            );
        }
        assert!(timeline_reversed(Vec::new()).is_empty());
    }
}
