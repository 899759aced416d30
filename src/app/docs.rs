//! The document shown for each row: a record's own `kb::document::Document`, or one assembled here for the
//! rows that are not records (a matrix cell, a region, every record of a kind) and for the Overview.

use crate::kb::document::count;
use crate::kb::document::{Block, Document, Stat};
use crate::kb::{Kind, KnowledgeBase, RecordRef, Region};

use super::matrix::{results_in, Axis, Cell};
use super::tabs::{kind_title, RowKey, Tab};

/// Lists in assembled documents stop here: the tab itself has them all, and a pane of 100,000 lines helps
/// nobody.
const MAX_ITEMS: usize = 500;

pub fn document(kb: &KnowledgeBase, key: RowKey) -> Document {
    match key {
        RowKey::Record(r) if r.kind == Kind::Programme => overview(kb, r),
        RowKey::Record(r) => kb.document(r),
        RowKey::Cell(cell) => cell_document(kb, cell),
        RowKey::Kind(kind) => kind_document(kb, kind),
        RowKey::Region(region) => region_document(kb, region),
    }
}

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
fn overview(kb: &KnowledgeBase, r: RecordRef) -> Document {
    let mut doc = kb.document(r);
    let stat = |kind: Kind, label: &str| Stat {
        value: kb.len(kind).to_string(),
        unit: String::new(),
        label: label.to_string(),
    };
    let mut figures: Vec<Stat> = Vec::new();
    let mut rest: Vec<Block> = Vec::new();
    for block in std::mem::take(&mut doc.blocks) {
        match block {
            Block::Figures { figures: f } => figures.extend(f),
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
    doc.blocks = vec![Block::Figures { figures }];
    doc.blocks.extend(rest);
    let citation = doc.blocks.pop();
    doc.blocks.push(Block::Heading {
        text: "How this knowledge base is organised".into(),
    });
    let facts = Kind::ALL
        .into_iter()
        .filter(|&k| k != Kind::Programme)
        .map(|k| {
            let tab = Tab::for_kind(k);
            let where_ = format!("{} · tab {} {}", kb.len(k), tab.index() + 1, tab.title());
            (kind_title(k).to_string(), where_)
        })
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

/// A cell of the matrix. A whole row or column is the priority's or area's own document.
pub fn cell_document(kb: &KnowledgeBase, cell: Cell) -> Document {
    match (cell.priority, cell.area) {
        (Axis::Is(p), Axis::All) if p < kb.priorities.len() => {
            return kb.document(RecordRef {
                kind: Kind::Priority,
                index: p,
            })
        }
        (Axis::All, Axis::Is(a)) if a < kb.areas.len() => {
            return kb.document(RecordRef {
                kind: Kind::Area,
                index: a,
            })
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
        push_items(kb, &mut doc, results.into_iter());
    }
    doc
}

fn kind_document(kb: &KnowledgeBase, kind: Kind) -> Document {
    let tab = Tab::for_kind(kind);
    let subtitle = format!(
        "{} in the knowledge base · browse them in tab {} {}",
        kb.len(kind),
        tab.index() + 1,
        tab.title()
    );
    let mut doc = blank(kind, kind_title(kind).to_string(), subtitle);
    push_items(kb, &mut doc, kb.refs(kind));
    doc
}

fn region_document(kb: &KnowledgeBase, region: Region) -> Document {
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
    doc.blocks.push(Block::Figures {
        figures: vec![
            Stat {
                value: countries.len().to_string(),
                unit: String::new(),
                label: "countries named by the sources".into(),
            },
            Stat {
                value: results.to_string(),
                unit: String::new(),
                label: "country results (a result in two countries counts twice)".into(),
            },
        ],
    });
    doc.blocks.push(Block::Heading {
        text: "Countries".into(),
    });
    push_items(kb, &mut doc, countries.into_iter());
    doc
}

fn push_items(kb: &KnowledgeBase, doc: &mut Document, refs: impl Iterator<Item = RecordRef>) {
    let refs: Vec<RecordRef> = refs.collect();
    let items = refs.iter().take(MAX_ITEMS).map(|&r| kb.item(r)).collect();
    doc.blocks.push(Block::Items { items });
    if refs.len() > MAX_ITEMS {
        doc.blocks.push(Block::Paragraph {
            text: format!("… and {} more: filter the list to find them.", refs.len() - MAX_ITEMS),
        });
    }
}
