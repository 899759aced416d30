//! Documents for what is not one record: a matrix cell, a region, a year, every record of a kind, and
//! the programme's overview with the shape of the knowledge base.

use super::format::{count, thousands};
use super::{Block, Document, Extent, Stat};
use crate::kb::theory::{results_in, Axis, Cell};
use crate::kb::{Kind, KnowledgeBase, RecordRef, Region};

/// Where a front end shows the records of a kind ("tab 5 Countries"), for the group documents to say.
pub type WhereShown<'a> = &'a dyn Fn(Kind) -> String;

/// Lists in assembled documents stop here, even whole (a copy): the tab itself has them all, and a copy
/// of 100,000 lines helps nobody.
const MAX_ITEMS: usize = 500;

fn blank(kind: Kind, title: String, subtitle: String) -> Document {
    Document {
        kind,
        id: String::new(),
        title,
        subtitle,
        blocks: Vec::new(),
    }
}

/// The programme's document, with the shape of the knowledge base added: how much it holds and where.
pub fn overview(kb: &KnowledgeBase, r: RecordRef, shown: WhereShown, extent: Extent) -> Document {
    let mut doc = kb.document_with(r, extent);
    let stat = |kind: Kind, label: &str| Stat {
        value: thousands(kb.len(kind)),
        unit: String::new(),
        label: label.to_string(),
    };
    let mut figures: Vec<Stat> = Vec::new();
    let mut rest: Vec<Block> = Vec::new();
    for block in std::mem::take(&mut doc.blocks) {
        match block {
            Block::Figures { figures: f, .. } => figures.extend(f),
            other => rest.push(other),
        }
    }
    // Headline figures first and in one column, the programme's own before the knowledge base's: they
    // are what a projector audience reads.
    figures.extend([
        stat(Kind::Achievement, "results documented, each cited to its source"),
        stat(Kind::Country, "countries named by the sources"),
        stat(Kind::Convention, "ILO conventions and protocols"),
        stat(Kind::Event, "events"),
    ]);
    doc.blocks = vec![Block::figures(figures)];
    doc.blocks.extend(rest);
    let citation = doc.blocks.pop();
    doc.blocks.push(Block::Heading {
        text: "How this knowledge base is organised".into(),
    });
    let facts = Kind::ALL
        .into_iter()
        .filter(|&k| k != Kind::Programme)
        .map(|k| (k.heading().to_string(), format!("{} · {}", kb.len(k), shown(k))))
        .collect();
    doc.blocks.push(Block::Facts { facts });
    doc.blocks.extend(citation);
    doc
}

fn axis_name(kb: &KnowledgeBase, axis: Axis, kind: Kind) -> String {
    match (axis, kind) {
        (Axis::Is(i), Kind::Priority) => kb.priorities.get(i).map_or(String::new(), |p| p.title.clone()),
        (Axis::Is(i), _) => kb.areas.get(i).map_or(String::new(), |a| a.title.clone()),
        (Axis::None, Kind::Priority) => "No priority given".into(),
        (Axis::None, _) => "No area given".into(),
        (Axis::All, Kind::Priority) => "All priorities".into(),
        (Axis::All, _) => "All areas".into(),
    }
}

/// A cell of the matrix. A whole row or column is the priority's or area's own document, its lists cut
/// to `extent`.
pub fn cell_document(kb: &KnowledgeBase, cell: Cell, extent: Extent) -> Document {
    match (cell.priority, cell.area) {
        (Axis::Is(p), Axis::All) if p < kb.priorities.len() => {
            return kb.document_with(
                RecordRef {
                    kind: Kind::Priority,
                    index: p,
                },
                extent,
            )
        }
        (Axis::All, Axis::Is(a)) if a < kb.areas.len() => {
            return kb.document_with(
                RecordRef {
                    kind: Kind::Area,
                    index: a,
                },
                extent,
            )
        }
        _ => {}
    }
    let results = results_in(kb, cell);
    let title = format!(
        "{} × {}",
        axis_name(kb, cell.priority, Kind::Priority),
        axis_name(kb, cell.area, Kind::Area)
    );
    let subtitle = format!("Theory of change · {}", count(results.len(), "result"));
    let mut doc = blank(Kind::Achievement, title, subtitle);
    if results.is_empty() {
        doc.blocks.push(Block::Paragraph {
            text: "The sources report no result in this cell.".into(),
        });
    } else {
        doc.blocks.push(Block::Heading {
            text: format!("Results ({})", results.len()),
        });
        push_items(kb, &mut doc, results.into_iter(), extent);
    }
    doc
}

pub fn kind_document(kb: &KnowledgeBase, kind: Kind, shown: WhereShown, extent: Extent) -> Document {
    let subtitle = format!(
        "{} in the knowledge base · browse them in {}",
        kb.len(kind),
        shown(kind)
    );
    let mut doc = blank(kind, kind.heading().to_string(), subtitle);
    push_items(kb, &mut doc, kb.refs(kind), extent);
    doc
}

pub fn region_document(kb: &KnowledgeBase, region: Region, extent: Extent) -> Document {
    let countries: Vec<RecordRef> = kb
        .refs(Kind::Country)
        .filter(|r| kb.countries[r.index].region == region)
        .collect();
    let results: usize = countries
        .iter()
        .map(|&c| kb.backlinks_of(c, Kind::Achievement).count())
        .sum();
    let subtitle = format!("ILO region · {}", count(countries.len(), "country"));
    let mut doc = blank(Kind::Country, region.name().to_string(), subtitle);
    doc.blocks.push(Block::figures(vec![
        Stat {
            value: thousands(countries.len()),
            unit: String::new(),
            label: "countries named by the sources".into(),
        },
        Stat {
            value: thousands(results),
            unit: String::new(),
            label: "country results (a result in two countries counts twice)".into(),
        },
    ]));
    doc.blocks.push(Block::Heading {
        text: "Countries".into(),
    });
    push_items(kb, &mut doc, countries.into_iter(), extent);
    doc
}

/// A year of the timeline: its events and the results the sources date to it.
pub fn year_document(kb: &KnowledgeBase, year: i32, records: Vec<RecordRef>, extent: Extent) -> Document {
    let subtitle = format!("Timeline · {}", count(records.len(), "entry"));
    let mut doc = blank(Kind::Event, year.to_string(), subtitle);
    let events = records.iter().filter(|r| r.kind == Kind::Event).count();
    doc.blocks.push(Block::figures(vec![
        Stat {
            value: thousands(events),
            unit: String::new(),
            label: "events".into(),
        },
        Stat {
            value: thousands(records.len() - events),
            unit: String::new(),
            label: "results dated to this year".into(),
        },
    ]));
    push_items(kb, &mut doc, records.into_iter(), extent);
    doc
}

/// The records as a list, as many as `extent` holds and never more than `MAX_ITEMS`; the list says how
/// many it left out.
fn push_items(kb: &KnowledgeBase, doc: &mut Document, refs: impl Iterator<Item = RecordRef>, extent: Extent) {
    let refs: Vec<RecordRef> = refs.collect();
    let shown = extent.of(refs.len()).min(MAX_ITEMS);
    let items = kb.items(&refs[..shown]);
    doc.blocks.push(Block::Items {
        items,
        more: refs.len() - shown,
    });
}
