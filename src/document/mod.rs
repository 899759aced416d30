//! One record as people read it: resolved, cross-linked and ordered for display.
//!
//! A `Document` is a neutral description (headline figures, paragraphs, facts, tags, linked lists,
//! citation) that every front end renders in its own way: the TUI's detail pane, and `ipec show` as
//! text or Markdown. Building it once here keeps what the app and the command line say identical.

pub mod format;
pub mod groups;
pub mod handout;
mod kinds;
pub mod render;
pub mod scene;
pub mod slides;
pub mod table;
pub mod visual;

use serde::Serialize;

use crate::kb::{Achievement, Kind, KnowledgeBase, Qualifier, Record, RecordRef};
pub use format::{count, display_date, format_number};

/// How much of its long lists (a country's results and their figures, a priority's results) a document
/// holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extent {
    /// Every entry: `ipec show`, exports, handouts.
    Whole,
    /// At most this many entries per list, and how many more there are: the explorer's detail pane,
    /// which at 100,000 results took a tenth of a second to build a priority's 25,000 entries for the
    /// few dozen it shows.
    AtMost(usize),
}

impl Extent {
    /// What a screen shows of each list (the explorer's detail pane, a slide).
    pub const SCREEN: Extent = Extent::AtMost(SCREEN_LIST);

    /// How many of `n` entries a list holds.
    pub(crate) fn of(self, n: usize) -> usize {
        match self {
            Extent::Whole => n,
            Extent::AtMost(most) => n.min(most),
        }
    }
}

/// The longest list a screen shows (the explorer's detail pane, a slide): more than anyone scrolls
/// through, and a country of a 100,000-result knowledge base has thousands of results.
pub const SCREEN_LIST: usize = 250;

/// What a list cut to an `Extent` says of the entries it left out; nothing when it left none.
pub fn left_out(more: usize) -> Option<String> {
    (more > 0).then(|| format!("… and {} more", format::thousands(more)))
}

impl Block {
    /// A list of figures, whole.
    pub fn figures(figures: Vec<Stat>) -> Block {
        Block::Figures { figures, more: 0 }
    }

    /// A list of records, whole.
    pub fn items(items: Vec<Item>) -> Block {
        Block::Items { items, more: 0 }
    }
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    pub kind: Kind,
    pub id: String,
    pub title: String,
    pub subtitle: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// Headline numbers, shown first and emphasised.
    Figures {
        figures: Vec<Stat>,
        /// How many were left out (a document built for a screen: `Extent::AtMost`).
        #[serde(skip_serializing_if = "is_zero")]
        more: usize,
    },
    Heading {
        text: String,
    },
    Paragraph {
        text: String,
    },
    /// Label and value pairs: "Region: Africa".
    Facts {
        facts: Vec<(String, String)>,
    },
    /// Links to the records this one refers to, and plain tags (sectors, periods) with no record.
    Tags {
        tags: Vec<Link>,
    },
    /// A list of linked records, each with an optional one-line detail.
    Items {
        items: Vec<Item>,
        /// How many were left out (a document built for a screen: `Extent::AtMost`).
        #[serde(skip_serializing_if = "is_zero")]
        more: usize,
    },
    /// A figure's rows as bars: each row's length is its value against the largest, never a share of
    /// a whole unless the figure says the rows are one (`total`).
    Chart {
        chart: Chart,
    },
    /// Pages on the web: the record's authoritative page (NORMLEX, ILOSTAT), its own site.
    Web {
        links: Vec<Link>,
    },
    /// A caveat from the data: an ambiguity in the source, or an approximation.
    Warning {
        text: String,
    },
    Citation {
        source: Link,
        section: String,
        url: Option<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Chart {
    /// The unit of every value, as the figure gives it: "million", "%".
    pub unit: String,
    pub bars: Vec<Bar>,
    /// The stated total, formatted, when the figure gives one.
    pub total: Option<String>,
    /// The whole the rows are parts of (the figure's value or total), which the longest possible bar
    /// stands for; without one, the longest bar is the largest row.
    pub whole: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    /// Formatted for display: "21.6", "1,234".
    pub text: String,
}

impl Chart {
    /// The value the longest bar stands for: the whole when there is one, else the largest row.
    pub fn max(&self) -> f64 {
        let rows = self.bars.iter().map(|b| b.value).fold(0.0, f64::max);
        self.whole.filter(|w| w.is_finite()).map_or(rows, |w| w.max(rows))
    }

    /// How many of `width` cells a bar fills (at least one for any positive value).
    pub fn cells(&self, value: f64, width: usize) -> usize {
        let max = self.max();
        if max <= 0.0 || value <= 0.0 || !value.is_finite() || width == 0 {
            return 0;
        }
        ((value / max * width as f64).round() as usize).clamp(1, width)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stat {
    /// Formatted for display, with the source's qualifier: "4,690", "about 80", "more than 100".
    pub value: String,
    pub unit: String,
    pub label: String,
}

/// A reference to follow. `target` is `None` for plain tags such as a sector.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Link {
    pub label: String,
    /// What the tag is: "country", "sector", ...
    pub role: String,
    #[serde(skip)]
    pub target: Option<RecordRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// A page on the web to open, for a link that is not a record.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    pub link: Link,
    pub detail: String,
}

impl Document {
    /// Every followable link in reading order (tags, then list items, then the citation).
    pub fn links(&self) -> Vec<&Link> {
        let mut links = Vec::new();
        for block in &self.blocks {
            match block {
                Block::Tags { tags } => links.extend(tags.iter().filter(|t| t.target.is_some())),
                Block::Items { items, .. } => {
                    links.extend(items.iter().map(|i| &i.link).filter(|l| l.target.is_some()))
                }
                Block::Web { links: web } => links.extend(web.iter()),
                Block::Citation { source, .. } => links.extend(source.target.is_some().then_some(source)),
                _ => {}
            }
        }
        links
    }

    /// The link of the record's source document, if there is one.
    pub fn url(&self) -> Option<&str> {
        self.blocks.iter().find_map(|b| match b {
            Block::Citation { url, .. } => url.as_deref(),
            _ => None,
        })
    }
}

impl KnowledgeBase {
    /// The record as a document, every reference resolved, every list whole.
    pub fn document(&self, r: RecordRef) -> Document {
        self.document_with(r, Extent::Whole)
    }

    /// The record as a document, its long lists cut to `extent`.
    pub fn document_with(&self, r: RecordRef, extent: Extent) -> Document {
        let record = self.record(r);
        let mut doc = Document {
            kind: r.kind,
            id: record.id().to_string(),
            title: record.title().to_string(),
            subtitle: String::new(),
            blocks: Vec::new(),
        };
        crate::kb::for_record!(record, x => kinds::Shown::document(x, self, r, extent, &mut doc));
        self.push_ending(&mut doc, r);
        doc
    }

    /// What every record's document ends with: its note, its pages on the web, its citation.
    fn push_ending(&self, doc: &mut Document, r: RecordRef) {
        let record = self.record(r);
        // Only an ambiguity in the source is a warning (data/README.md); other notes are plain caveats.
        match record.note() {
            Some(note) if note.starts_with("Ambiguous:") => doc.blocks.push(Block::Warning { text: note.to_string() }),
            Some(note) => doc.blocks.push(Block::Paragraph {
                text: format!("Note: {note}"),
            }),
            None => {}
        }
        let citation = self.citation(record);
        let cited_url = citation.as_ref().and_then(|c| match c {
            Block::Citation { url, .. } => url.clone(),
            _ => None,
        });
        let web: Vec<Link> = crate::kb::links::links(self, r)
            .into_iter()
            .filter(|(_, url)| Some(url) != cited_url.as_ref())
            .map(|(label, url)| Link {
                label,
                role: "web".into(),
                target: None,
                id: None,
                url: Some(url),
            })
            .collect();
        if !web.is_empty() {
            doc.blocks.push(Block::Web { links: web });
        }
        doc.blocks.extend(citation);
    }

    /// "Ghana, Côte d'Ivoire · Enterprises and supply chains · 2019"
    pub fn achievement_context(&self, a: &Achievement) -> String {
        let mut parts: Vec<String> = Vec::new();
        let names: Vec<&str> = a
            .countries
            .iter()
            .map(|id| self.find_kind(Kind::Country, id).map_or(id.as_str(), |c| self.title(c)))
            .collect();
        if !names.is_empty() {
            parts.push(names.join(", "));
        }
        if let Some(p) = a.priority.as_deref().and_then(|id| self.find_kind(Kind::Priority, id)) {
            parts.push(self.title(p).to_string());
        }
        if let Some(period) = &a.period {
            parts.push(period.clone());
        }
        parts.join(" · ")
    }

    fn achievement_tags(&self, a: &Achievement) -> Vec<Link> {
        let mut tags: Vec<Link> = Vec::new();
        let mut add = |kind: Kind, role: &str, ids: &mut dyn Iterator<Item = &String>| {
            tags.extend(
                ids.filter_map(|id| self.find_kind(kind, id))
                    .map(|r| self.link(r, role)),
            );
        };
        add(Kind::Country, "country", &mut a.countries.iter());
        add(Kind::Priority, "priority", &mut a.priority.iter());
        add(Kind::Area, "area", &mut a.area.iter());
        add(Kind::Convention, "convention", &mut a.conventions.iter());
        add(Kind::Partnership, "partnership", &mut a.partnerships.iter());
        tags.extend(a.sectors.iter().map(|s| plain(s, "sector")));
        tags.extend(a.period.iter().map(|p| plain(p, "period")));
        tags
    }

    /// What an event links to: where it took place, the countries it is about, and the partnerships,
    /// conventions and resources it is about, each a link to follow.
    fn event_tags(&self, e: &crate::kb::Event) -> Vec<Link> {
        let mut tags: Vec<Link> = Vec::new();
        let lists: [(Kind, &str, &[String]); 5] = [
            (Kind::Country, "took place in", &e.countries),
            (Kind::Country, "about", &e.about_countries),
            (Kind::Partnership, "partnership", &e.partnerships),
            (Kind::Convention, "convention", &e.conventions),
            (Kind::Resource, "resource", &e.resources),
        ];
        for (kind, role, ids) in lists {
            tags.extend(
                ids.iter()
                    .filter_map(|id| self.find_kind(kind, id))
                    .map(|r| self.link(r, role)),
            );
        }
        tags
    }

    /// A source's short title for compact citations ("IPEC+ brochure, 2024"), or its title.
    pub fn short_title(&self, source: RecordRef) -> String {
        match self.record(source) {
            Record::Source(s) => s
                .short_title
                .clone()
                .unwrap_or_else(|| format!("{}, {}", s.title, s.year)),
            other => other.title().to_string(),
        }
    }

    /// One line that tells records of a kind apart in a list: "Africa · 7 results", "1999 · child labour".
    pub fn brief(&self, r: RecordRef) -> String {
        crate::kb::for_record!(self.record(r), x => kinds::Shown::brief(x, self, r))
    }

    /// The short line beside a record on a shelf of the Library: a source's year, a tour's length.
    pub fn shelf(&self, r: RecordRef) -> String {
        crate::kb::for_record!(self.record(r), x => kinds::Shown::shelf(x))
    }

    /// A tour step as an entry of the tour's list: "3. The global estimates", linked to its record.
    fn step_item(&self, i: usize, step: &crate::kb::TourStep) -> Item {
        let target = step.record.as_deref().and_then(|id| self.find(id));
        let shows = match (target, step.view) {
            (Some(r), _) => format!("{} · {}", r.kind.label(), self.title(r)),
            (None, Some(view)) => step_view_label(self, view, step),
            (None, None) => String::new(),
        };
        Item {
            link: Link {
                label: format!("{}. {}", i + 1, step.heading),
                role: "step".into(),
                target,
                id: target.map(|r| self.id(r).to_string()),
                url: None,
            },
            detail: shows,
        }
    }

    fn link(&self, r: RecordRef, role: &str) -> Link {
        self.link_to(r, role, self.record(r))
    }

    /// The link to `r`, whose record is `record` (read already).
    fn link_to(&self, r: RecordRef, role: &str, record: Record<'_>) -> Link {
        let label = match r.kind {
            Kind::Convention => format!("{} {}", record.id(), record.title()),
            _ => record.title().to_string(),
        };
        Link {
            label,
            role: role.into(),
            target: Some(r),
            id: Some(record.id().to_string()),
            url: None,
        }
    }

    /// Records as entries of a list (each its link, and the line that tells it apart), their parts
    /// read once each and not kept: a page lists up to 250 results from anywhere among 100,000. A ref
    /// out of range, which no list of the knowledge base holds, is left out.
    pub fn items(&self, refs: &[RecordRef]) -> Vec<Item> {
        let items = self.peek_many(refs, |r, record| Item {
            link: self.link_to(r, r.kind.key(), record),
            detail: crate::kb::for_record!(record, x => kinds::Shown::item_detail(x, self, r)),
        });
        items.into_iter().flatten().collect()
    }

    /// The records as a list, as many as `extent` holds (only those are resolved).
    fn push_items(&self, blocks: &mut Vec<Block>, refs: impl Iterator<Item = RecordRef>, extent: Extent) {
        let refs: Vec<RecordRef> = refs.collect();
        let total = refs.len();
        let items = self.items(&refs[..extent.of(total)]);
        if total > 0 {
            blocks.push(Block::Items {
                more: total - items.len(),
                items,
            });
        }
    }

    fn push_backlinks(&self, blocks: &mut Vec<Block>, r: RecordRef, kind: Kind, title: &str, extent: Extent) {
        let refs: Vec<RecordRef> = self.backlinks_of(r, kind).collect();
        if !refs.is_empty() {
            heading(blocks, &format!("{title} ({})", format::thousands(refs.len())));
            self.push_items(blocks, refs.into_iter(), extent);
        }
    }

    /// The achievements matching `keep`, grouped under each record of `group_by` (priority or area),
    /// then those the source does not place.
    fn push_results_by(
        &self,
        blocks: &mut Vec<Block>,
        keep: impl Fn(&Achievement) -> bool + Sync,
        group_by: Kind,
        extent: Extent,
    ) {
        let group_of = |a: &Achievement| {
            let id = match group_by {
                Kind::Area => a.area.as_deref(),
                _ => a.priority.as_deref(),
            };
            id.and_then(|id| self.find_kind(group_by, id)).map(|g| g.index)
        };
        // Gathered, not read for good: a priority's page at 100,000 results looks at every result once.
        let placed = self.achievements.gather(|a| keep(a).then(|| group_of(a)));
        let mine: Vec<(RecordRef, Option<usize>)> = self
            .refs(Kind::Achievement)
            .zip(placed)
            .filter_map(|(r, group)| Some((r, group?)))
            .collect();
        heading(blocks, &format!("Results ({})", format::thousands(mine.len())));
        let within = |group: Option<usize>| mine.iter().filter(move |m| m.1 == group).map(|m| m.0);
        for group in self.refs(group_by) {
            let in_group: Vec<RecordRef> = within(Some(group.index)).collect();
            if !in_group.is_empty() {
                heading(
                    blocks,
                    &format!("{} ({})", self.title(group), format::thousands(in_group.len())),
                );
                self.push_items(blocks, in_group.into_iter(), extent);
            }
        }
        let unplaced: Vec<RecordRef> = within(None).collect();
        if !unplaced.is_empty() {
            let what = if group_by == Kind::Area {
                "theory-of-change area"
            } else {
                "thematic priority"
            };
            heading(
                blocks,
                &format!("No {what} given by the source ({})", format::thousands(unplaced.len())),
            );
            self.push_items(blocks, unplaced.into_iter(), extent);
        }
    }

    fn citation(&self, record: Record<'_>) -> Option<Block> {
        let (source_id, section) = record.citation()?;
        let source = self.find_kind(Kind::Source, source_id);
        let url = record.url().or_else(|| source.and_then(|s| self.record(s).url()));
        // A section that only repeats the document's title (its opening pages) adds nothing.
        let section = match source {
            Some(s) if self.title(s).eq_ignore_ascii_case(section.trim()) => "",
            _ => section,
        };
        Some(Block::Citation {
            source: source.map_or_else(|| plain(source_id, "source"), |s| self.link(s, "source")),
            section: section.to_string(),
            url: url.map(String::from),
        })
    }
}

/// What a view step shows, by the names people read: "Map · Ghana", "Timeline · 2016–2018",
/// "Chart · Forced labour by region".
pub fn step_view_label(kb: &KnowledgeBase, view: crate::kb::StepView, step: &crate::kb::TourStep) -> String {
    use crate::kb::StepView;
    let title = |id: &str| kb.find(id).map_or(id.to_string(), |r| kb.title(r).to_string());
    match view {
        StepView::Map => match (&step.country, step.region) {
            (Some(c), _) => format!("Map · {}", title(c)),
            (None, Some(region)) => format!("Map · {region}"),
            (None, None) => "Map of the countries".into(),
        },
        StepView::Timeline => match (step.from, step.to) {
            (Some(a), Some(b)) => format!("Timeline · {a}–{b}"),
            (Some(a), None) => format!("Timeline · from {a}"),
            (None, Some(b)) => format!("Timeline · to {b}"),
            (None, None) => "Timeline".into(),
        },
        StepView::Matrix => "Theory of change matrix".into(),
        StepView::Chart => format!("Chart · {}", title(step.figure.as_deref().unwrap_or(""))),
    }
}

/// A figure's rows as a chart, if it has rows.
pub fn figure_chart(f: &crate::kb::Figure) -> Option<Chart> {
    if f.rows.is_empty() {
        return None;
    }
    let bars = f
        .rows
        .iter()
        .map(|row| Bar {
            label: row.label.clone(),
            value: row.value,
            text: Qualifier::apply(row.qualifier, format_number(row.value)),
        })
        .collect();
    Some(Chart {
        unit: f.unit.clone(),
        bars,
        total: f.total.map(format_number),
        whole: f.value.or(f.total),
    })
}

/// "186 ratifications as of 2019", "universal ratification as of February 2024".
fn ratification_label(rat: &crate::kb::Ratification) -> String {
    let what = match (rat.count, rat.status.as_deref()) {
        (Some(n), Some(status)) => format!("{n} ratifications ({status})"),
        (Some(n), None) => format!("{n} ratifications"),
        (None, Some(status)) => status.to_string(),
        (None, None) => "ratifications".to_string(),
    };
    format!("{what} as of {}", display_date(&rat.as_of))
}

/// "Title, section", or just the title when the section repeats it.
pub(crate) fn cited(title: &str, section: &str) -> String {
    if section.trim().is_empty() || title.eq_ignore_ascii_case(section.trim()) {
        title.to_string()
    } else {
        format!("{title}, {section}")
    }
}

impl Stat {
    /// "4,690 children".
    pub fn short(&self) -> String {
        if self.unit.is_empty() {
            self.value.clone()
        } else {
            format!("{} {}", self.value, self.unit)
        }
    }
}

fn stat(f: &crate::kb::HeadlineFigure) -> Stat {
    // "95 members of employers' organizations", not "95 members  members of employers'…".
    let repeats = !f.unit.is_empty() && crate::kb::text::fold(&f.label).starts_with(&crate::kb::text::fold(&f.unit));
    Stat {
        value: Qualifier::apply(f.qualifier, format_number(f.value)),
        unit: if repeats { String::new() } else { f.unit.clone() },
        label: f.label.clone(),
    }
}

/// "1999 · child labour", or just the subject when no source gives the year.
pub fn convention_detail(c: &crate::kb::Convention) -> String {
    match c.year {
        Some(year) => format!("{year} · {}", c.subject),
        None => c.subject.clone(),
    }
}

fn heading(blocks: &mut Vec<Block>, text: &str) {
    blocks.push(Block::Heading { text: text.to_string() });
}

fn plain(label: &str, role: &str) -> Link {
    Link {
        label: label.to_string(),
        role: role.to_string(),
        target: None,
        id: None,
        url: None,
    }
}

fn eq(a: &Option<String>, id: &str) -> bool {
    a.as_deref().is_some_and(|a| a.eq_ignore_ascii_case(id))
}

/// "action group" → "Action groups".
fn plural_heading(kind: &str) -> String {
    let mut chars = kind.chars();
    let first: String = chars.next().map(|c| c.to_uppercase().collect()).unwrap_or_default();
    let rest: String = chars.collect();
    if kind.ends_with('s') {
        format!("{first}{rest}")
    } else if let Some(stem) = rest.strip_suffix('y').filter(|s| !s.ends_with(['a', 'e', 'o', 'u'])) {
        format!("{first}{stem}ies")
    } else {
        format!("{first}{rest}s")
    }
}

/// What a number reads as in big text: its value and the scale word of its unit ("160 million").
pub fn big_words(stat: &Stat) -> (String, String) {
    let mut unit = stat.unit.split_whitespace();
    match unit.next() {
        Some(scale @ ("million" | "billion" | "%" | "per" | "thousand")) if scale != "per" => {
            let value = if scale == "%" {
                format!("{}%", stat.value)
            } else {
                format!("{} {scale}", stat.value)
            };
            (value, unit.collect::<Vec<_>>().join(" "))
        }
        _ => (stat.value.clone(), stat.unit.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each list's entries and how many it left out, in order.
    fn lists(doc: &Document) -> Vec<(usize, usize)> {
        doc.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Items { items, more } => Some((items.len(), *more)),
                Block::Figures { figures, more } => Some((figures.len(), *more)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_document_for_a_screen_holds_the_head_of_each_long_list_and_counts_the_rest() {
        let kb = KnowledgeBase::builtin().expect("the built-in knowledge base loads");
        let ghana = kb.find_kind(Kind::Country, "GHA").expect("Ghana");
        let priority = kb.refs(Kind::Priority).next().expect("a priority");
        for r in [ghana, priority] {
            let whole = kb.document(r);
            let cut = kb.document_with(r, Extent::AtMost(2));
            let (whole_lists, cut_lists) = (lists(&whole), lists(&cut));
            assert_eq!(whole_lists.len(), cut_lists.len(), "the same lists");
            assert!(whole_lists.iter().any(|&(n, _)| n > 2), "{} has a long list", kb.id(r));
            for (&(n, none), &(shown, more)) in whole_lists.iter().zip(&cut_lists) {
                assert_eq!(none, 0, "a whole document leaves nothing out");
                assert_eq!((shown, more), (n.min(2), n - n.min(2)));
            }
            // The head is the same entries, and the text says how many are left.
            assert_eq!(cut.blocks.len(), whole.blocks.len());
            let text = render::document_text(&cut);
            let left: usize = cut_lists.iter().map(|&(_, more)| more).sum();
            assert!(left > 0 && text.contains("… and "), "{text}");
        }
        // A group (a year of 600 entries): cut like a record's lists, and never past 500 even whole.
        let mut many = kb.clone();
        many.achievements.extend(crate::synth::achievements(&kb, 600, 1));
        let year: Vec<RecordRef> = many.refs(Kind::Achievement).skip(kb.len(Kind::Achievement)).collect();
        let of_year = |extent| lists(&groups::year_document(&many, 2020, year.clone(), extent));
        assert_eq!(of_year(Extent::AtMost(250)), [(2, 0), (250, 350)]);
        assert_eq!(of_year(Extent::Whole), [(2, 0), (500, 100)]);
        // JSON of a whole document has no `more`.
        let json = serde_json::to_string(&kb.document(ghana)).expect("serializes");
        assert!(!json.contains("\"more\""));
    }

    #[test]
    fn headings_are_plural() {
        assert_eq!(plural_heading("action group"), "Action groups");
        assert_eq!(plural_heading("pillars"), "Pillars");
        assert_eq!(plural_heading("strategy"), "Strategies");
        assert_eq!(plural_heading("survey"), "Surveys");
    }
}
