//! The timeline's layout: a proportional axis of years (a twelve-year gap looks like one), results
//! drawn over the years they span, milestones (results, conventions adopted, the programme's events)
//! apart from the long tail of listings, and only the years a step asks for.

use crate::kb::dates::Date;
use crate::kb::{Kind, KnowledgeBase, RecordRef};

/// What an entry on the timeline is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Entry {
    /// A result of the programme, over its period.
    Result,
    /// A convention or protocol adopted.
    Convention,
    /// An event of the programme: it names a convention, a partnership or a resource.
    Event,
    /// Any other item of an events listing.
    Listing,
}

impl Entry {
    pub fn is_milestone(self) -> bool {
        match self {
            Entry::Result | Entry::Convention | Entry::Event => true,
            Entry::Listing => false,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub record: RecordRef,
    pub entry: Entry,
    /// Fractional years: 2017.87 is mid-November 2017; a period ends at the end of its last year.
    pub start: f64,
    pub end: f64,
}

/// Every dated record, whatever the range.
pub fn items(kb: &KnowledgeBase) -> Vec<Item> {
    let mut items = Vec::new();
    // From the facts gathered once: the records of 100,000 results are not read again.
    for (r, fact) in kb.refs(Kind::Achievement).zip(kb.result_facts()) {
        if let Some(period) = fact.period() {
            items.push(Item {
                record: r,
                entry: Entry::Result,
                start: f64::from(period.first()),
                end: f64::from(period.last()) + 1.0,
            });
        }
    }
    for r in kb.refs(Kind::Convention) {
        if let Some(y) = kb.conventions[r.index].year {
            items.push(Item {
                record: r,
                entry: Entry::Convention,
                start: f64::from(y),
                end: f64::from(y),
            });
        }
    }
    for r in kb.refs(Kind::Event) {
        let e = &kb.events[r.index];
        let Ok(date) = Date::parse(&e.date) else { continue };
        let start = fractional(&date);
        let end = e
            .end_date
            .as_deref()
            .and_then(|d| Date::parse(d).ok())
            .map_or(start, |d| fractional(&d));
        let programme = !(e.conventions.is_empty() && e.partnerships.is_empty() && e.resources.is_empty());
        let entry = if programme { Entry::Event } else { Entry::Listing };
        items.push(Item {
            record: r,
            entry,
            start,
            end,
        });
    }
    items.sort_by(|a, b| a.start.total_cmp(&b.start).then(a.entry.cmp(&b.entry)));
    items
}

fn fractional(d: &Date) -> f64 {
    let month = f64::from(d.month.unwrap_or(1).saturating_sub(1));
    let day = f64::from(d.day.unwrap_or(1).saturating_sub(1));
    f64::from(d.year) + month / 12.0 + day / 365.0
}

/// The dated records that begin in the years `from` to `to` (either open).
pub fn in_range(kb: &KnowledgeBase, from: Option<i32>, to: Option<i32>) -> Vec<Item> {
    let (lo, hi) = bounds(from, to);
    items(kb)
        .into_iter()
        .filter(|i| i.start >= lo && i.start < hi)
        .collect()
}

/// How many results begun before `from` still run into it: counted, not drawn, so that the slide
/// shows only its own years.
pub fn running_into(kb: &KnowledgeBase, from: Option<i32>, to: Option<i32>) -> usize {
    let (lo, hi) = bounds(from, to);
    items(kb)
        .iter()
        .filter(|i| i.start < lo && i.end > lo && i.start < hi)
        .count()
}

fn bounds(from: Option<i32>, to: Option<i32>) -> (f64, f64) {
    (
        from.map_or(f64::MIN, f64::from),
        to.map_or(f64::MAX, |t| f64::from(t) + 1.0),
    )
}

/// One row of the drawn timeline: its entry from column `x0` to `x1` (inclusive), clipped to the axis
/// (`before`/`after`: it goes on past the edge), its label at `label_x`.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub item: Item,
    pub x0: u16,
    pub x1: u16,
    pub before: bool,
    pub after: bool,
    pub label_x: u16,
    pub label_width: u16,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TimelineLayout {
    pub from: i32,
    pub to: i32,
    /// (column, year) of each tick label on the axis, none overlapping.
    pub ticks: Vec<(u16, i32)>,
    pub rows: Vec<Row>,
    /// Milestones and listings in range that did not fit.
    pub hidden_milestones: usize,
    pub hidden_listings: usize,
    /// Results begun before the first year that run into it.
    pub running: usize,
}

impl TimelineLayout {
    /// The years `from`–`to` (or those of every dated record) on `width` columns, with at most
    /// `max_rows` rows: milestones first, then listings while there is room.
    pub fn new(kb: &KnowledgeBase, from: Option<i32>, to: Option<i32>, width: u16, max_rows: usize) -> TimelineLayout {
        let items = in_range(kb, from, to);
        let first = from.unwrap_or_else(|| items.iter().map(|i| i.start.floor() as i32).min().unwrap_or(2000));
        let last = to.unwrap_or_else(|| {
            items
                .iter()
                .map(|i| (i.end - 0.001).floor() as i32)
                .max()
                .unwrap_or(first)
        });
        let (lo, hi) = (f64::from(first), f64::from(last) + 1.0);
        let w = f64::from(width.saturating_sub(1).max(1));
        let column = |t: f64| (((t.clamp(lo, hi) - lo) / (hi - lo)) * w).round() as u16;
        let (milestones, listings): (Vec<Item>, Vec<Item>) = items.into_iter().partition(|i| i.entry.is_milestone());
        let shown_m = milestones.len().min(max_rows);
        let shown_l = listings.len().min(max_rows - shown_m);
        let mut chosen: Vec<Item> = milestones
            .iter()
            .take(shown_m)
            .chain(listings.iter().take(shown_l))
            .cloned()
            .collect();
        chosen.sort_by(|a, b| a.start.total_cmp(&b.start));
        let rows = chosen
            .into_iter()
            .map(|item| {
                let (x0, x1) = (column(item.start), column(item.end).max(column(item.start)));
                let (before, after) = (item.start < lo, item.end > hi);
                // The label after the bar where it fits, else before it.
                let after_room = width.saturating_sub(x1 + 2);
                let before_room = x0.saturating_sub(1);
                let (label_x, label_width) = if after_room >= 24 || (after_room >= before_room && after_room >= 12) {
                    (x1 + 2, after_room)
                } else if before_room >= 12 {
                    (0, before_room)
                } else {
                    // No room either side: on the bar itself.
                    (x0 + 2, (x1 - x0).saturating_sub(3).max(width.saturating_sub(x0 + 2)))
                };
                Row {
                    item,
                    x0,
                    x1,
                    before,
                    after,
                    label_x,
                    label_width,
                }
            })
            .collect();
        TimelineLayout {
            from: first,
            to: last,
            ticks: ticks(first, last, width, &column),
            rows,
            hidden_milestones: milestones.len() - shown_m,
            hidden_listings: listings.len() - shown_l,
            running: running_into(kb, from, to),
        }
    }
}

/// Tick years at their place on the axis, every year where there is room, else every 2, 5, 10...
fn ticks(first: i32, last: i32, width: u16, column: &dyn Fn(f64) -> u16) -> Vec<(u16, i32)> {
    for step in [1, 2, 5, 10, 20, 50] {
        let years: Vec<i32> = (first..=last).filter(|y| (y - first) % step == 0).collect();
        let placed: Vec<(u16, i32)> = years.iter().map(|&y| (column(f64::from(y)), y)).collect();
        let clear = placed.windows(2).all(|p| p[1].0 >= p[0].0 + 6) && placed.last().is_none_or(|p| p.0 + 4 <= width);
        if clear {
            return placed;
        }
    }
    vec![(0, first)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_range_shows_only_its_years_and_milestones_come_first() {
        let kb = KnowledgeBase::builtin().expect("built-in knowledge base");
        let layout = TimelineLayout::new(&kb, Some(2016), Some(2018), 100, 6);
        assert!(layout.ticks.iter().all(|&(_, y)| (2016..=2018).contains(&y)));
        assert_eq!(layout.ticks.len(), 3);
        let listed = layout.rows.iter().filter(|r| r.item.entry == Entry::Listing).count();
        assert!(
            listed == 0 || layout.hidden_milestones == 0,
            "a listing took a milestone's row"
        );
    }

    #[test]
    fn the_axis_is_proportional() {
        let kb = KnowledgeBase::builtin().expect("built-in knowledge base");
        let layout = TimelineLayout::new(&kb, Some(2000), Some(2019), 200, 0);
        let gaps: Vec<u16> = layout.ticks.windows(2).map(|t| t[1].0 - t[0].0).collect();
        assert!(
            gaps.iter().max().unwrap_or(&0) - gaps.iter().min().unwrap_or(&0) <= 1,
            "{gaps:?}"
        );
    }
}
