//! Handouts: a tour as participants take it away, each step as its slide shows it (its heading, its
//! points, its one visual and the source line of its facts), the records in full in an appendix only
//! when asked, and the sources at the end with their addresses on the web. Never a keepers' note.
//!
//! Three forms: Markdown for editing and mailing (each visual as a table or list), one self-contained
//! HTML file (inline style and SVG, nothing fetched) that prints a step per page, and a PDF with a running
//! header and page numbers. The pictures are the scene layer's, the same the slides show.

mod html;
mod markdown;
mod pdf;
mod pictures;

pub use html::html;
pub use markdown::markdown;
pub use pdf::{pdf, Paper};

use super::slides::{self, Shows, Slide, SlideBody};
use super::{Block, Chart, Document, Stat};
use crate::kb::{KnowledgeBase, Record, RecordRef, Region};

/// A tour resolved for a handout.
pub struct Handout<'a> {
    pub kb: &'a KnowledgeBase,
    pub title: String,
    /// "New staff, partners and workshop participants · 10 minutes · 11 steps".
    pub subtitle: String,
    pub summary: String,
    pub steps: Vec<Step>,
    /// With `--full`: each record a step shows, whole, its keepers' notes left out.
    pub appendix: Vec<Document>,
    /// The documents the facts come from, in the order of the sources file.
    pub sources: Vec<SourceEntry>,
    /// The pages on the web of what the steps show (a partnership's site, a convention's NORMLEX page),
    /// as (label, address), each once.
    pub web: Vec<(String, String)>,
}

pub struct Step {
    pub slide: Slide,
    pub visual: Visual,
}

/// A step's one visual, with what its Markdown form needs.
pub enum Visual {
    /// A record's headline numbers, the first in big type.
    Numbers(Vec<Stat>),
    /// A record without a number: its title and what it says first.
    Quote { title: String, said: String },
    /// A figure's rows as bars, under the figure's title.
    Chart { title: String, chart: Chart },
    /// The map of a region (or the world), labelling the countries the step names.
    Map {
        region: Option<Region>,
        named: Vec<RecordRef>,
    },
    /// The step's years.
    Timeline { from: Option<i32>, to: Option<i32> },
    /// The theory-of-change matrix.
    Matrix,
}

/// A source document as the sources list gives it.
pub struct SourceEntry {
    /// "IPEC+ brochure, 2024": what the source lines call it.
    pub short: String,
    pub title: String,
    pub publisher: String,
    pub year: i32,
    pub url: Option<String>,
}

impl<'a> Handout<'a> {
    /// The handout of tour `tour`; with `full`, the records' whole texts in an appendix.
    pub fn new(kb: &'a KnowledgeBase, tour: RecordRef, full: bool) -> Handout<'a> {
        let (title, subtitle, summary) = match kb.record(tour) {
            Record::Tour(t) => (
                t.title.clone(),
                format!(
                    "{} · {} minutes · {}",
                    t.audience,
                    t.duration_minutes,
                    super::count(t.steps.len(), "step")
                ),
                t.summary.clone(),
            ),
            _ => (kb.title(tour).to_string(), String::new(), String::new()),
        };
        let steps: Vec<Step> = slides::slides(kb, tour)
            .into_iter()
            .map(|slide| Step {
                visual: visual(kb, &slide.body),
                slide,
            })
            .collect();
        let shown: Vec<RecordRef> = steps.iter().filter_map(|s| shown_record(&s.slide.body)).collect();
        let appendix: Vec<Document> = if full {
            let mut whole: Vec<RecordRef> = Vec::new();
            for r in &shown {
                if !whole.contains(r) {
                    whole.push(*r);
                }
            }
            whole.into_iter().map(|r| without_notes(kb, r)).collect()
        } else {
            Vec::new()
        };
        let mut cited: Vec<RecordRef> = steps.iter().flat_map(|s| slides::sources(kb, &s.slide.body)).collect();
        for doc in &appendix {
            cited.extend(doc.blocks.iter().filter_map(|b| match b {
                Block::Citation { source, .. } => source.target,
                _ => None,
            }));
        }
        Handout {
            kb,
            title,
            subtitle,
            summary,
            web: web_links(kb, &steps),
            sources: source_entries(kb, cited),
            steps,
            appendix,
        }
    }
}

/// The record a step shows on its own, if it shows one.
fn shown_record(body: &SlideBody) -> Option<RecordRef> {
    match body {
        SlideBody::Record(r) | SlideBody::Chart(r) => Some(*r),
        SlideBody::Map { .. } | SlideBody::Timeline { .. } | SlideBody::Matrix => None,
    }
}

fn visual(kb: &KnowledgeBase, body: &SlideBody) -> Visual {
    let of_record = |r: RecordRef| match slides::record_shows(kb, r) {
        Shows::Numbers(stats) => Visual::Numbers(stats),
        Shows::Chart(chart) => Visual::Chart {
            title: kb.title(r).to_string(),
            chart,
        },
        Shows::Quote { title, said } => Visual::Quote { title, said },
    };
    match body {
        SlideBody::Record(r) => of_record(*r),
        SlideBody::Chart(r) => match slides::chart_of(kb, *r) {
            Some(chart) => Visual::Chart {
                title: kb.title(*r).to_string(),
                chart,
            },
            None => of_record(*r),
        },
        SlideBody::Map { region, country, named } => Visual::Map {
            region: region.or_else(|| country.map(|c| kb.countries[c.index].region)),
            named: named.clone(),
        },
        SlideBody::Timeline { from, to } => Visual::Timeline { from: *from, to: *to },
        SlideBody::Matrix => Visual::Matrix,
    }
}

/// The record as a document, every list whole, without what its keepers noted for each other (the
/// record's `note`, and a ratification count's).
pub fn without_notes(kb: &KnowledgeBase, r: RecordRef) -> Document {
    let mut doc = kb.document(r);
    let record = kb.record(r);
    if let Some(note) = record.note() {
        let noted = format!("Note: {note}");
        doc.blocks.retain(|b| match b {
            Block::Warning { text } => text != note,
            Block::Paragraph { text } => *text != noted,
            _ => true,
        });
    }
    if let Record::Convention(c) = record {
        let notes: Vec<String> = c
            .ratifications
            .iter()
            .filter_map(|rat| Some(format!(" ({})", rat.note.as_deref()?)))
            .collect();
        for block in &mut doc.blocks {
            if let Block::Items { items, .. } = block {
                for item in items {
                    for note in &notes {
                        if let Some(kept) = item.detail.strip_suffix(note.as_str()) {
                            item.detail = kept.to_string();
                        }
                    }
                }
            }
        }
    }
    doc
}

fn source_entries(kb: &KnowledgeBase, mut cited: Vec<RecordRef>) -> Vec<SourceEntry> {
    cited.sort_by_key(|s| s.index);
    cited.dedup();
    cited
        .into_iter()
        .filter_map(|r| match kb.record(r) {
            Record::Source(s) => Some(SourceEntry {
                short: kb.short_title(r),
                title: s.title.clone(),
                publisher: s.publisher.clone(),
                year: s.year,
                url: s.url.clone(),
            }),
            _ => None,
        })
        .collect()
}

/// The pages on the web of the records the steps show and the countries they name, each once.
fn web_links(kb: &KnowledgeBase, steps: &[Step]) -> Vec<(String, String)> {
    let mut records: Vec<RecordRef> = Vec::new();
    for step in steps {
        match &step.slide.body {
            SlideBody::Record(r) | SlideBody::Chart(r) => records.push(*r),
            SlideBody::Map { named, .. } => records.extend(named.iter().copied()),
            SlideBody::Timeline { .. } | SlideBody::Matrix => {}
        }
    }
    let mut links: Vec<(String, String)> = Vec::new();
    for r in records {
        for (label, url) in crate::kb::links::links(kb, r) {
            if links.iter().all(|(_, u)| *u != url) {
                let label = match label.as_str() {
                    "Website" => format!("{}: website", kb.title(r)),
                    _ => label,
                };
                links.push((label, url));
            }
        }
    }
    links
}

/// A step's number and heading as a title: "3. What IPEC+ is".
pub fn step_title(i: usize, slide: &Slide) -> String {
    format!("{}. {}", i + 1, slide.heading)
}

/// "160 million children in child labour in 2020": a number with its unit and label.
pub fn stat_line(s: &Stat) -> (String, String) {
    let (mut big, mut unit) = super::big_words(s);
    // "nearly 80 per cent" reads as one number; a page has the room a terminal's big digits lack.
    if let Some(rest) = unit.strip_prefix("per cent") {
        big = format!("{big} per cent");
        unit = rest.trim().to_string();
    }
    (big, super::format::unit_then_label(&unit, &s.label))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::Kind;

    #[test]
    fn no_record_in_full_keeps_its_keepers_notes() {
        let kb = KnowledgeBase::builtin().expect("the built-in knowledge base loads");
        let mut noted = 0;
        for kind in Kind::ALL {
            for r in kb.refs(kind) {
                let record = kb.record(r);
                let mut notes: Vec<&str> = record.note().into_iter().collect();
                if let Record::Convention(c) = record {
                    notes.extend(c.ratifications.iter().filter_map(|rat| rat.note.as_deref()));
                }
                noted += notes.len();
                let doc = without_notes(&kb, r);
                let text = crate::document::render::document_markdown(&doc);
                for note in notes {
                    assert!(!text.contains(note), "{}: {note}", kb.id(r));
                }
            }
        }
        assert!(noted > 100, "{noted} notes looked for");
    }

    #[test]
    fn a_handout_is_its_tours_slides_and_their_sources() {
        let kb = KnowledgeBase::builtin().expect("the built-in knowledge base loads");
        let tour = kb.find_kind(Kind::Tour, "forced-labour").expect("a tour");
        let h = Handout::new(&kb, tour, false);
        assert_eq!(h.steps.len(), kb.tours[tour.index].steps.len());
        assert!(h.appendix.is_empty());
        assert!(h.subtitle.ends_with("13 steps"), "{}", h.subtitle);
        assert!(h.sources.iter().any(|s| s.short == "IPEC+ brochure, 2024"));
        assert!(h.web.iter().any(|(_, url)| url.starts_with("https://normlex.ilo.org/")));
        let full = Handout::new(&kb, tour, true);
        assert!(full.appendix.len() >= 10, "{}", full.appendix.len());
    }
}
