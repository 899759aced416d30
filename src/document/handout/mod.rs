//! Handouts: a tour as a document to take away, every step with its facts and their citations, and the
//! sources at the end. Markdown for editing and mailing; HTML as one self-contained file (inline style
//! and SVG, nothing fetched from anywhere) that prints one step per page.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use super::render::{chart_markdown, document_markdown, markdown_cell as cell};
use super::{Block, Chart, Document};
use crate::kb::text::sanitize;
use crate::kb::theory::{placements, Axis};
use crate::kb::{Kind, KnowledgeBase, Record, RecordRef, Region, StepView, Tour, TourStep};

/// What one step of a handout holds, resolved from the knowledge base.
pub enum Content {
    Record(Document),
    Chart {
        title: String,
        chart: Chart,
        citation: String,
    },
    Map(Vec<Place>),
    Timeline(Vec<(String, String, Kind)>),
    Matrix {
        areas: Vec<String>,
        rows: Vec<(String, Vec<usize>)>,
    },
}

/// A country on the handout's map.
pub struct Place {
    pub name: String,
    pub region: Region,
    pub results: usize,
    pub lon: f64,
    pub lat: f64,
}

pub struct Step {
    pub heading: String,
    pub text: Option<String>,
    pub content: Content,
}

pub struct Handout {
    pub title: String,
    pub subtitle: String,
    pub summary: String,
    pub steps: Vec<Step>,
    /// Every source a fact of the handout comes from: (title, publisher and year, url).
    pub sources: Vec<(String, String, Option<String>)>,
}

impl Handout {
    pub fn new(kb: &KnowledgeBase, tour: &Tour) -> Handout {
        let mut cited: BTreeSet<RecordRef> = BTreeSet::new();
        let steps = tour.steps.iter().map(|s| step(kb, s, &mut cited)).collect();
        let sources = cited
            .into_iter()
            .filter_map(|r| match kb.record(r) {
                Record::Source(s) => Some((s.title.clone(), format!("{}, {}", s.publisher, s.year), s.url.clone())),
                _ => None,
            })
            .collect();
        Handout {
            title: tour.title.clone(),
            subtitle: format!(
                "{} · {} minutes · {} steps",
                tour.audience,
                tour.duration_minutes,
                tour.steps.len()
            ),
            summary: tour.summary.clone(),
            steps,
            sources,
        }
    }
}

/// The source a record cites, added to `cited`.
fn cite(kb: &KnowledgeBase, r: RecordRef, cited: &mut BTreeSet<RecordRef>) {
    if let Some(source) = kb
        .record(r)
        .citation()
        .and_then(|(id, _)| kb.find_kind(Kind::Source, id))
    {
        cited.insert(source);
    }
}

fn step(kb: &KnowledgeBase, s: &TourStep, cited: &mut BTreeSet<RecordRef>) -> Step {
    let find = |id: &Option<String>| id.as_deref().and_then(|id| kb.find(id));
    let content = match (find(&s.record), s.view) {
        (Some(r), _) => {
            cite(kb, r, cited);
            Content::Record(kb.document(r))
        }
        (None, Some(StepView::Chart)) => match find(&s.figure) {
            Some(f) => {
                cite(kb, f, cited);
                match super::figure_chart(&kb.figures[f.index]) {
                    Some(chart) => Content::Chart {
                        title: kb.title(f).to_string(),
                        chart,
                        citation: kb.record(f).citation().map_or(String::new(), |(source, section)| {
                            let source = kb.find_kind(Kind::Source, source).map_or(source, |s| kb.title(s));
                            super::cited(source, section)
                        }),
                    },
                    None => Content::Record(kb.document(f)),
                }
            }
            None => Content::Timeline(Vec::new()),
        },
        (None, Some(StepView::Map)) => {
            let region = s
                .region
                .or_else(|| find(&s.country).map(|c| kb.countries[c.index].region));
            let mut places: Vec<Place> = kb
                .refs(Kind::Country)
                .filter(|r| region.is_none_or(|g| kb.countries[r.index].region == g))
                .map(|r| {
                    let c = &kb.countries[r.index];
                    let results: Vec<RecordRef> = kb.backlinks_of(r, Kind::Achievement).collect();
                    results.iter().for_each(|&a| cite(kb, a, cited));
                    Place {
                        name: c.name.clone(),
                        region: c.region,
                        results: results.len(),
                        lon: c.lon,
                        lat: c.lat,
                    }
                })
                .collect();
            places.sort_by(|a, b| b.results.cmp(&a.results).then(a.name.cmp(&b.name)));
            Content::Map(places)
        }
        (None, Some(StepView::Timeline)) => {
            let (from, to) = (s.from.unwrap_or(i32::MIN), s.to.unwrap_or(i32::MAX));
            let mut entries: Vec<(String, String, Kind)> = Vec::new();
            for r in kb.refs(Kind::Event) {
                let e = &kb.events[r.index];
                if crate::kb::dates::year_of(&e.date).is_some_and(|y| y >= from && y <= to) {
                    cite(kb, r, cited);
                    entries.push((e.date.clone(), e.title.clone(), Kind::Event));
                }
            }
            entries.sort();
            Content::Timeline(entries)
        }
        (None, Some(StepView::Matrix) | None) => {
            let placed = placements(kb);
            placed.iter().for_each(|(r, ..)| cite(kb, *r, cited));
            let areas = kb.areas.iter().map(|a| a.title.clone()).collect();
            let rows = kb
                .priorities
                .iter()
                .enumerate()
                .map(|(p, priority)| {
                    let counts = (0..kb.areas.len())
                        .map(|a| {
                            placed
                                .iter()
                                .filter(|(_, pp, aa)| *pp == Axis::Is(p) && *aa == Axis::Is(a))
                                .count()
                        })
                        .collect();
                    (priority.title.clone(), counts)
                })
                .collect();
            Content::Matrix { areas, rows }
        }
    };
    Step {
        heading: s.heading.clone(),
        text: s.text.clone(),
        content,
    }
}

pub fn markdown(h: &Handout) -> String {
    let mut out = format!(
        "# {}\n\n*{}*\n\n{}\n",
        cell(&h.title),
        cell(&h.subtitle),
        sanitize(&h.summary)
    );
    for (i, step) in h.steps.iter().enumerate() {
        let _ = write!(out, "\n## {}. {}\n\n", i + 1, cell(&step.heading));
        if let Some(text) = &step.text {
            let _ = writeln!(out, "{}\n", sanitize(text));
        }
        match &step.content {
            // The record's own document, its headings two levels down under the step's.
            Content::Record(doc) => {
                for line in document_markdown(doc).lines() {
                    match line.strip_prefix('#') {
                        Some(rest) if rest.starts_with(['#', ' ']) => {
                            let _ = writeln!(out, "###{rest}");
                        }
                        _ => {
                            let _ = writeln!(out, "{line}");
                        }
                    }
                }
            }
            Content::Chart { title, chart, citation } => {
                let _ = write!(
                    out,
                    "**{}**\n\n{}\n*Source: {}*\n",
                    cell(title),
                    chart_markdown(chart),
                    cell(citation)
                );
            }
            Content::Map(places) => {
                out.push_str("| Country | Region | Results |\n|---|---|---:|\n");
                for p in places {
                    let _ = writeln!(out, "| {} | {} | {} |", cell(&p.name), p.region, p.results);
                }
                out.push_str("\n*Results: the documented results of each country in the knowledge base.*\n");
            }
            Content::Timeline(entries) => {
                out.push_str("| Date | Event |\n|---|---|\n");
                for (date, title, _) in entries {
                    let _ = writeln!(out, "| {} | {} |", cell(date), cell(title));
                }
            }
            Content::Matrix { areas, rows } => {
                let _ = writeln!(
                    out,
                    "| Priority | {} |",
                    areas.iter().map(|a| cell(a)).collect::<Vec<_>>().join(" | ")
                );
                let _ = writeln!(out, "|---|{}", "---:|".repeat(areas.len()));
                for (priority, counts) in rows {
                    let counts: Vec<String> = counts.iter().map(|n| super::format::thousands(*n)).collect();
                    let _ = writeln!(out, "| {} | {} |", cell(priority), counts.join(" | "));
                }
                out.push_str(
                    "\n*Results placed by their sources under a priority and an area of the theory of change.*\n",
                );
            }
        }
    }
    out.push_str("\n## Sources\n\n");
    for (title, publisher, url) in &h.sources {
        let _ = write!(out, "- *{}*, {}", cell(title), cell(publisher));
        if let Some(url) = url {
            let _ = write!(out, ". <{}>", sanitize(url));
        }
        out.push('\n');
    }
    out
}

/// HTML text: `<`, `>`, `&` and quotes escaped, control characters shown, never passed through.
fn esc(text: &str) -> String {
    sanitize(text)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

const STYLE: &str = "
body { font: 16px/1.5 system-ui, sans-serif; max-width: 56rem; margin: 2rem auto; padding: 0 1rem; color: #111; }
h1 { font-size: 2rem; margin-bottom: .2rem; } h2 { border-bottom: 2px solid #1e2dbe; padding-bottom: .2rem; }
.sub, .cite { color: #555; } .cite { font-size: .85rem; }
.figure { font-size: 2.4rem; font-weight: 700; color: #1e2dbe; } .figure small { font-size: 1rem; color: #111; font-weight: 400; }
table { border-collapse: collapse; margin: .5rem 0; } td, th { border: 1px solid #ccc; padding: .2rem .5rem; text-align: left; }
td.n { text-align: right; } svg { max-width: 100%; height: auto; } .warn { border-left: 4px solid #c60; padding-left: .5rem; }
@media print { body { margin: 0; max-width: none; } section { page-break-before: always; break-before: page; } a { color: inherit; } }
";

pub fn html(h: &Handout) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n<p class=\"sub\">{}</p>\n<p>{}</p>\n</header>\n",
        esc(&h.title),
        esc(&h.title),
        esc(&h.subtitle),
        esc(&h.summary)
    );
    for (i, step) in h.steps.iter().enumerate() {
        let _ = write!(out, "<section>\n<h2>{}. {}</h2>\n", i + 1, esc(&step.heading));
        if let Some(text) = &step.text {
            let _ = writeln!(out, "<p><strong>{}</strong></p>", esc(text));
        }
        match &step.content {
            Content::Record(doc) => out.push_str(&document_html(doc)),
            Content::Chart { title, chart, citation } => {
                let _ = write!(
                    out,
                    "<h3>{}</h3>\n{}<p class=\"cite\">Source: {}</p>\n",
                    esc(title),
                    chart_svg(chart),
                    esc(citation)
                );
            }
            Content::Map(places) => {
                out.push_str(&map_svg(places));
                out.push_str("<table><tr><th>Country</th><th>Region</th><th>Results</th></tr>\n");
                for p in places.iter().filter(|p| p.results > 0) {
                    let _ = writeln!(
                        out,
                        "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td></tr>",
                        esc(&p.name),
                        p.region,
                        p.results
                    );
                }
                out.push_str("</table>\n");
            }
            Content::Timeline(entries) => {
                out.push_str("<table><tr><th>Date</th><th>Event</th></tr>\n");
                for (date, title, _) in entries {
                    let _ = writeln!(out, "<tr><td>{}</td><td>{}</td></tr>", esc(date), esc(title));
                }
                out.push_str("</table>\n");
            }
            Content::Matrix { areas, rows } => {
                out.push_str("<table><tr><th>Priority</th>");
                for a in areas {
                    let _ = write!(out, "<th>{}</th>", esc(a));
                }
                out.push_str("</tr>\n");
                for (priority, counts) in rows {
                    let _ = write!(out, "<tr><td>{}</td>", esc(priority));
                    for n in counts {
                        let _ = write!(out, "<td class=\"n\">{}</td>", super::format::thousands(*n));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</table>\n");
            }
        }
        out.push_str("</section>\n");
    }
    out.push_str("<section>\n<h2>Sources</h2>\n<ul>\n");
    for (title, publisher, url) in &h.sources {
        let _ = write!(out, "<li><cite>{}</cite>, {}", esc(title), esc(publisher));
        if let Some(url) = url {
            let _ = write!(out, ". <a href=\"{}\">{}</a>", esc(url), esc(url));
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n</section>\n</body>\n</html>\n");
    out
}

/// A document's blocks as HTML, figures with rows as SVG bar charts.
fn document_html(doc: &Document) -> String {
    let mut out = format!(
        "<h3>{}</h3>\n<p class=\"sub\">{} · {}</p>\n",
        esc(&doc.title),
        doc.kind.label(),
        esc(&doc.subtitle)
    );
    for block in &doc.blocks {
        match block {
            Block::Figures { figures, more } => {
                for f in figures {
                    let _ = writeln!(
                        out,
                        "<p class=\"figure\">{} <small>{}</small></p>",
                        esc(&f.short()),
                        esc(&f.label)
                    );
                }
                if let Some(line) = super::left_out(*more) {
                    let _ = writeln!(out, "<p>{}</p>", esc(&line));
                }
            }
            Block::Heading { text } => {
                let _ = writeln!(out, "<h4>{}</h4>", esc(text));
            }
            Block::Paragraph { text } => {
                let _ = writeln!(out, "<p>{}</p>", esc(text));
            }
            Block::Chart { chart } => out.push_str(&chart_svg(chart)),
            Block::Facts { facts } => {
                out.push_str("<table>\n");
                for (k, v) in facts {
                    let _ = writeln!(out, "<tr><th>{}</th><td>{}</td></tr>", esc(k), esc(v));
                }
                out.push_str("</table>\n");
            }
            Block::Tags { tags } => {
                let tags: Vec<String> = tags
                    .iter()
                    .map(|t| format!("{}: <strong>{}</strong>", esc(&t.role), esc(&t.label)))
                    .collect();
                let _ = writeln!(out, "<p>{}</p>", tags.join(" · "));
            }
            Block::Items { items, more } => {
                out.push_str("<ul>\n");
                for item in items {
                    let _ = writeln!(
                        out,
                        "<li>{} <span class=\"sub\">{}</span></li>",
                        esc(&item.link.label),
                        esc(&item.detail)
                    );
                }
                if let Some(line) = super::left_out(*more) {
                    let _ = writeln!(out, "<li>{}</li>", esc(&line));
                }
                out.push_str("</ul>\n");
            }
            Block::Web { links } => {
                out.push_str("<ul>\n");
                for link in links {
                    let url = esc(link.url.as_deref().unwrap_or_default());
                    let _ = writeln!(out, "<li><a href=\"{url}\">{}</a></li>", esc(&link.label));
                }
                out.push_str("</ul>\n");
            }
            Block::Warning { text } => {
                let _ = writeln!(out, "<p class=\"warn\">{}</p>", esc(text));
            }
            Block::Citation { source, section, url } => {
                let _ = write!(out, "<p class=\"cite\">Source: <cite>{}</cite>", esc(&source.label));
                if !section.is_empty() {
                    let _ = write!(out, ", “{}”", esc(section));
                }
                if let Some(url) = url {
                    let _ = write!(out, ". <a href=\"{}\">{}</a>", esc(url), esc(url));
                }
                out.push_str("</p>\n");
            }
        }
    }
    out
}

/// A horizontal bar chart as inline SVG: each bar to scale against the largest, its value and unit.
pub fn chart_svg(chart: &Chart) -> String {
    let (label_w, bar_w, row_h) = (260.0, 360.0, 28.0);
    let height = row_h * chart.bars.len() as f64 + if chart.total.is_some() { row_h } else { 0.0 } + 8.0;
    let max = chart.max();
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 760 {height}\" role=\"img\" font-family=\"sans-serif\" font-size=\"14\">\n"
    );
    for (i, bar) in chart.bars.iter().enumerate() {
        let y = 4.0 + i as f64 * row_h;
        let w = if max > 0.0 && bar.value > 0.0 {
            (bar.value / max * bar_w).max(1.0)
        } else {
            0.0
        };
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text><rect x=\"{label_w}\" y=\"{y}\" width=\"{w:.1}\" height=\"{}\" fill=\"#1e2dbe\"/><text x=\"{:.1}\" y=\"{}\">{} {}</text>",
            label_w - 8.0,
            y + 18.0,
            esc(&bar.label),
            row_h - 8.0,
            label_w + w + 6.0,
            y + 18.0,
            esc(&bar.text),
            esc(&chart.unit)
        );
    }
    if let Some(total) = &chart.total {
        let y = 4.0 + chart.bars.len() as f64 * row_h + 18.0;
        let _ = writeln!(out, "<text x=\"{}\" y=\"{y}\" text-anchor=\"end\" font-weight=\"bold\">Total</text><text x=\"{label_w}\" y=\"{y}\" font-weight=\"bold\">{} {}</text>", label_w - 8.0, esc(total), esc(&chart.unit));
    }
    out.push_str("</svg>\n");
    out
}

/// The world as inline SVG: the coastlines of ratatui's world map (drawn on an off-screen canvas in
/// braille, each dot a point of the outline), and a circle per country sized by its results.
pub fn map_svg(places: &[Place]) -> String {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::symbols::Marker;
    use ratatui::widgets::canvas::{Canvas, Map, MapResolution};
    use ratatui::widgets::Widget;
    let (cols, rows) = (180u16, 60u16);
    let (w, h) = (f64::from(cols) * 2.0, f64::from(rows) * 4.0);
    let mut buffer = Buffer::empty(Rect::new(0, 0, cols, rows));
    Canvas::default()
        .marker(Marker::Braille)
        .x_bounds([-180.0, 180.0])
        .y_bounds([-60.0, 85.0])
        .paint(|ctx| {
            ctx.draw(&Map {
                color: ratatui::style::Color::Reset,
                resolution: MapResolution::High,
            })
        })
        .render(buffer.area, &mut buffer);
    // Braille dot bits, in order, and where each sits in its 2×4 cell.
    const DOTS: [(u16, u16); 8] = [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2), (0, 3), (1, 3)];
    let mut path = String::new();
    for y in 0..rows {
        for x in 0..cols {
            let Some(c) = buffer.cell((x, y)).and_then(|c| c.symbol().chars().next()) else {
                continue;
            };
            let bits = u32::from(c).wrapping_sub(0x2800);
            if bits > 0xFF {
                continue;
            }
            for (bit, (dx, dy)) in DOTS.iter().enumerate() {
                if bits & (1 << bit) != 0 {
                    let _ = write!(path, "M{} {}h1v1h-1z", x * 2 + dx, y * 4 + dy);
                }
            }
        }
    }
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" role=\"img\" font-family=\"sans-serif\" font-size=\"5\">\n<rect width=\"{w}\" height=\"{h}\" fill=\"#f4f6fb\"/>\n<path d=\"{path}\" fill=\"#9aa3b5\"/>\n"
    );
    for (i, p) in places.iter().enumerate() {
        let x = (p.lon + 180.0) / 360.0 * w;
        let y = (85.0 - p.lat) / 145.0 * h;
        let r = 1.5 + (p.results as f64).sqrt() * 1.2;
        let _ = writeln!(out, "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\" fill=\"#1e2dbe\" fill-opacity=\"0.75\"><title>{}: {} results</title></circle>", esc(&p.name), p.results);
        if i < 8 && p.results > 0 {
            let _ = writeln!(
                out,
                "<text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
                x + r + 1.0,
                y + 2.0,
                esc(&p.name)
            );
        }
    }
    out.push_str("</svg>\n");
    out
}
