//! A tour as slides, resolved from the knowledge base: what each slide says (its heading, its points,
//! one visual and its source line), never a record's keepers' `note`. Present mode, the PDF of the
//! slides and the handout all render these.

use crate::document::{format, Block, Chart, Extent, Stat};
use crate::kb::{Kind, KnowledgeBase, Record, RecordRef, Region, Reveal, StepView, TourStep};

/// A tour's steps as slides, or one slide for any other record.
pub fn slides(kb: &KnowledgeBase, r: RecordRef) -> Vec<Slide> {
    match kb.record(r) {
        Record::Tour(tour) => tour.steps.iter().map(|s| slide(kb, s)).collect(),
        _ => vec![record_slide(kb, r)],
    }
}

/// What a slide shows under its heading and points: at most one visual.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SlideBody {
    /// A record's headline number in big text, or, when it has none, its title and the first sentence
    /// or two of its summary.
    Record(RecordRef),
    /// The world map, focused on a region or a country; `named` are the countries the step names,
    /// labelled whatever their size.
    Map {
        region: Option<Region>,
        country: Option<RecordRef>,
        named: Vec<RecordRef>,
    },
    /// Milestones and listings on a proportional axis of years, optionally a range of them.
    Timeline { from: Option<i32>, to: Option<i32> },
    /// The theory-of-change matrix.
    Matrix,
    /// A figure's rows as a bar chart.
    Chart(RecordRef),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slide {
    pub heading: String,
    /// The step's own words, in the order they show.
    pub points: Vec<String>,
    pub notes: String,
    pub body: SlideBody,
    /// What the presenter's key reveals before the next slide.
    pub reveal: Option<Reveal>,
    /// "Source: IPEC+ brochure, 2024, Enterprises and supply chains".
    pub source: String,
}

/// How much of a slide shows at one stage of its reveal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown {
    /// The visual (the headline number) shows.
    pub visual: bool,
    /// How many of the points show, from the first.
    pub points: usize,
}

impl Slide {
    /// How many presses of "next" reveal the whole slide.
    pub fn stages(&self) -> usize {
        match self.reveal {
            None => 0,
            Some(Reveal::Points) => self.points.len(),
            Some(Reveal::Number) => 1,
            Some(Reveal::All) => 1 + self.points.len(),
        }
    }

    /// What shows after `stage` presses.
    pub fn shown(&self, stage: usize) -> Shown {
        let all = self.points.len();
        match self.reveal {
            None => Shown {
                visual: true,
                points: all,
            },
            Some(Reveal::Points) => Shown {
                visual: true,
                points: stage.min(all),
            },
            Some(Reveal::Number) => Shown {
                visual: stage >= 1,
                points: all,
            },
            Some(Reveal::All) => Shown {
                visual: stage >= 1,
                points: stage.saturating_sub(1).min(all),
            },
        }
    }
}

/// What a record's slide shows under its points: its headline numbers, the first in big type, or else
/// its chart, or else its title and the first sentence or two of what it says. Never its keepers' note.
#[derive(Debug, Clone, PartialEq)]
pub enum Shows {
    Numbers(Vec<Stat>),
    Chart(Chart),
    Quote { title: String, said: String },
}

/// How many of a record's numbers its slide shows: the headline and the two after it.
pub const NUMBERS_SHOWN: usize = 3;

/// What the slide of record `r` shows (`SlideBody::Record`).
pub fn record_shows(kb: &KnowledgeBase, r: RecordRef) -> Shows {
    let doc = kb.document_with(r, Extent::SCREEN);
    let mut numbers: Vec<Stat> = Vec::new();
    let mut chart = None;
    for block in doc.blocks {
        match block {
            Block::Figures { figures, .. } if numbers.is_empty() => numbers = figures,
            Block::Chart { chart: c } if chart.is_none() => chart = Some(c),
            _ => {}
        }
    }
    if !numbers.is_empty() {
        numbers.truncate(NUMBERS_SHOWN);
        return Shows::Numbers(numbers);
    }
    if let Some(chart) = chart {
        return Shows::Chart(chart);
    }
    let said = match kb.record(r) {
        // A figure's body is its note, for keepers only.
        Record::Figure(_) | Record::Country(_) => String::new(),
        record => format::first_sentences(record.body(), 220),
    };
    Shows::Quote {
        title: kb.title(r).to_string(),
        said,
    }
}

/// The chart of a figure (`SlideBody::Chart`), if it has rows to draw.
pub fn chart_of(kb: &KnowledgeBase, r: RecordRef) -> Option<Chart> {
    kb.document_with(r, Extent::SCREEN)
        .blocks
        .into_iter()
        .find_map(|b| match b {
            Block::Chart { chart } => Some(chart),
            _ => None,
        })
}

/// One record presented on its own: its title, its headline or chart, its source.
fn record_slide(kb: &KnowledgeBase, r: RecordRef) -> Slide {
    let body = match r.kind {
        Kind::Figure if !kb.figures[r.index].rows.is_empty() && kb.figures[r.index].value.is_none() => {
            SlideBody::Chart(r)
        }
        _ => SlideBody::Record(r),
    };
    Slide {
        heading: kb.title(r).to_string(),
        points: Vec::new(),
        notes: String::new(),
        source: cited(kb, r),
        body,
        reveal: None,
    }
}

/// A tour step as a slide; ids were checked when the knowledge base loaded.
pub fn slide(kb: &KnowledgeBase, step: &TourStep) -> Slide {
    let find = |id: &Option<String>| id.as_deref().and_then(|id| kb.find(id));
    let points = step.all_points();
    let body = match (find(&step.record), step.view) {
        (Some(r), _) => SlideBody::Record(r),
        (None, Some(StepView::Map)) => SlideBody::Map {
            region: step.region,
            country: find(&step.country),
            named: named_countries(kb, step),
        },
        (None, Some(StepView::Timeline)) => SlideBody::Timeline {
            from: step.from,
            to: step.to,
        },
        (None, Some(StepView::Chart)) => match find(&step.figure) {
            Some(f) => SlideBody::Chart(f),
            None => SlideBody::Matrix,
        },
        (None, Some(StepView::Matrix) | None) => SlideBody::Matrix,
    };
    Slide {
        heading: step.heading.clone(),
        points,
        notes: step.notes.clone(),
        source: source_line(kb, &body),
        body,
        reveal: step.reveal,
    }
}

/// The countries a map step names in its heading and points, by name or alias.
fn named_countries(kb: &KnowledgeBase, step: &TourStep) -> Vec<RecordRef> {
    let said = crate::kb::text::fold(&format!("{} {}", step.heading, step.all_points().join(" ")));
    let words = format!(
        " {} ",
        said.split(|c: char| !c.is_alphanumeric()).collect::<Vec<_>>().join(" ")
    );
    kb.refs(Kind::Country)
        .filter(|&c| {
            let name = crate::kb::text::fold(kb.title(c));
            let name = name.split(|c: char| !c.is_alphanumeric()).collect::<Vec<_>>().join(" ");
            words.contains(&format!(" {name} "))
        })
        .collect()
}

/// "Source: IPEC+ brochure, 2024, Results" for a record; for a view, the sources of what it counts.
fn source_line(kb: &KnowledgeBase, body: &SlideBody) -> String {
    let titles = || {
        let titles: Vec<String> = sources(kb, body).into_iter().map(|s| kb.short_title(s)).collect();
        titles.join("; ")
    };
    match body {
        SlideBody::Record(r) | SlideBody::Chart(r) => cited(kb, *r),
        SlideBody::Map { .. } => format!("Source: results by country, {}", titles()),
        SlideBody::Timeline { .. } => format!("Source: {}", titles()),
        SlideBody::Matrix => format!("Source: results by priority and area, {}", titles()),
    }
}

/// The source records what a slide shows comes from, each once, in the order of the sources file: a
/// record's own, or those of the results and dated records a view counts.
pub fn sources(kb: &KnowledgeBase, body: &SlideBody) -> Vec<RecordRef> {
    match body {
        SlideBody::Record(r) | SlideBody::Chart(r) => sources_of(kb, std::iter::once(*r)),
        SlideBody::Map { region, .. } => {
            let results = kb.refs(Kind::Achievement).filter(|&a| {
                region.is_none_or(|g| kb.achievements[a.index].countries.iter().any(|c| in_region(kb, c, g)))
            });
            sources_of(kb, results)
        }
        SlideBody::Timeline { from, to } => {
            let dated = crate::document::visual::timeline::in_range(kb, *from, *to);
            sources_of(kb, dated.into_iter().map(|i| i.record))
        }
        SlideBody::Matrix => sources_of(kb, kb.refs(Kind::Achievement)),
    }
}

fn in_region(kb: &KnowledgeBase, country: &str, region: Region) -> bool {
    kb.find_kind(Kind::Country, country)
        .is_some_and(|c| kb.countries[c.index].region == region)
}

/// The sources the records cite, each once, in the order of the sources file.
pub fn sources_of(kb: &KnowledgeBase, records: impl Iterator<Item = RecordRef>) -> Vec<RecordRef> {
    let mut cited: Vec<RecordRef> = records
        .filter_map(|r| kb.record(r).citation())
        .filter_map(|(source, _)| kb.find_kind(Kind::Source, source))
        .collect();
    cited.sort_by_key(|s| s.index);
    cited.dedup();
    cited
}

/// "Source: IPEC+ brochure, 2024, Results": a record's source and section.
fn cited(kb: &KnowledgeBase, r: RecordRef) -> String {
    let Some((source, section)) = kb.record(r).citation() else {
        return String::new();
    };
    let title = kb
        .find_kind(Kind::Source, source)
        .map_or_else(|| source.to_string(), |s| kb.short_title(s));
    match section.trim() {
        "" => format!("Source: {title}"),
        section => format!("Source: {title}, {section}"),
    }
}
