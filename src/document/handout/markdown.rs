//! The handout as Markdown: each step's heading, points, visual (as a list or a table) and source line;
//! the records in full when asked; the sources and their addresses at the end.

use std::fmt::Write as _;

use super::{pictures, stat_line, step_title, Handout, Step, Visual};
use crate::document::render::{chart_markdown, document_markdown, markdown_cell as cell, markdown_text as text};
use crate::document::scene::matrix::axis_name;
use crate::document::visual::chart::Scale;
use crate::document::visual::map::MarkSize;
use crate::document::visual::timeline::{Entry, Item};
use crate::document::{display_date, format, Chart, Document};
use crate::kb::theory::Matrix;
use crate::kb::{Kind, KnowledgeBase, Record, RecordRef, Region};

pub fn markdown(h: &Handout) -> String {
    let mut out = format!("# {}\n\n", text(&h.title));
    if !h.subtitle.is_empty() {
        let _ = writeln!(out, "*{}*\n", text(&h.subtitle));
    }
    if !h.summary.is_empty() {
        let _ = writeln!(out, "{}\n", text(&h.summary));
    }
    for (i, step) in h.steps.iter().enumerate() {
        out.push_str(&step_markdown(h.kb, i, step));
    }
    if !h.appendix.is_empty() {
        out.push_str("## Appendix: the records in full\n\n");
        for doc in &h.appendix {
            out.push_str(&appendix_markdown(doc));
            out.push('\n');
        }
    }
    out.push_str(&sources_markdown(h));
    out
}

fn step_markdown(kb: &KnowledgeBase, i: usize, step: &Step) -> String {
    let mut out = format!("## {}\n\n", text(&step_title(i, &step.slide)));
    for point in &step.slide.points {
        let _ = writeln!(out, "- {}", text(point));
    }
    if !step.slide.points.is_empty() {
        out.push('\n');
    }
    out.push_str(&visual_markdown(kb, &step.visual));
    if !step.slide.source.is_empty() {
        let _ = writeln!(out, "\n*{}*", text(&step.slide.source));
    }
    out.push('\n');
    out
}

fn visual_markdown(kb: &KnowledgeBase, visual: &Visual) -> String {
    match visual {
        // Paragraphs, not a list: a list right after the points would run on as theirs.
        Visual::Numbers(stats) => {
            stats
                .iter()
                .map(|s| {
                    let (big, rest) = stat_line(s);
                    format!("**{}** {}\n\n", text(&big), text(&rest))
                })
                .collect::<String>()
                .trim_end()
                .to_string()
                + "\n"
        }
        Visual::Quote { title, said } if said.is_empty() => format!("**{}**\n", text(title)),
        Visual::Quote { title, said } => format!("**{}**\n\n> “{}”\n", text(title), text(said)),
        Visual::Chart { title, chart } => chart_block(title, chart),
        Visual::Map { region, named } => map_list(kb, *region, named),
        Visual::Timeline { from, to } => timeline_table(kb, *from, *to),
        Visual::Matrix => matrix_table(kb),
    }
}

fn chart_block(title: &str, chart: &Chart) -> String {
    let mut out = format!("**{}**\n\n{}", text(title), chart_markdown(chart));
    // The table gives the total last, where the picture draws it first.
    let note = match Scale::of(chart) {
        Scale::Whole(_) => Some("The rows are parts of the total".to_string()),
        scale => scale.note(&chart.unit),
    };
    if let Some(note) = note {
        let _ = writeln!(out, "\n*{}*", text(&note));
    }
    out
}

/// The map as a list: the countries in view by the shade the map gives them, most results first (those
/// the step names in bold), then those the sources name without results.
fn map_list(kb: &KnowledgeBase, region: Option<Region>, named: &[RecordRef]) -> String {
    let mut countries: Vec<(RecordRef, usize)> = kb
        .refs(Kind::Country)
        .filter(|&c| region.is_none_or(|g| kb.countries[c.index].region == g))
        .map(|c| (c, kb.backlinks_of(c, Kind::Achievement).count()))
        .collect();
    countries.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| kb.title(a.0).cmp(kb.title(b.0))));
    let place = region.map_or("the world".to_string(), |g| g.to_string());
    let mut out = format!("**Countries and their results, {}**\n\n", text(&place));
    for size in MarkSize::ALL {
        let names: Vec<String> = countries
            .iter()
            .filter(|(_, n)| MarkSize::of(*n) == size)
            .map(|(c, n)| {
                let name = text(kb.title(*c));
                let name = if named.contains(c) { format!("**{name}**") } else { name };
                if *n == 0 {
                    name
                } else {
                    format!("{name} {n}")
                }
            })
            .collect();
        if !names.is_empty() {
            let _ = writeln!(out, "- {}: {}", shade(size), names.join(", "));
        }
    }
    out
}

/// What a shade of the map stands for.
fn shade(size: MarkSize) -> &'static str {
    match size {
        MarkSize::Many => "10 or more results",
        MarkSize::Some => "3 to 9 results",
        MarkSize::Few => "1 or 2 results",
        MarkSize::None => "No results (donors and partners)",
    }
}

/// The timeline as a table of the entries its picture shows, in order of time.
fn timeline_table(kb: &KnowledgeBase, from: Option<i32>, to: Option<i32>) -> String {
    let layout = pictures::timeline_rows(kb, from, to);
    let years = if layout.from == layout.to {
        layout.from.to_string()
    } else {
        format!("{}–{}", layout.from, layout.to)
    };
    let mut out = format!("**{years}**\n\n| When | What |\n|---|---|\n");
    for row in &layout.rows {
        let what = cell(kb.title(row.item.record));
        let what = if row.item.entry.is_milestone() {
            format!("**{what}**")
        } else {
            what
        };
        let _ = writeln!(out, "| {} | {what} |", cell(&when(kb, &row.item)));
    }
    let mut foot = vec!["In bold: milestones (results, conventions adopted, the programme's events)".to_string()];
    let hidden = layout.hidden_milestones + layout.hidden_listings;
    if hidden > 0 {
        foot.push(format!(
            "{} more entries of these years are not shown",
            format::thousands(hidden)
        ));
    }
    if layout.running > 0 {
        foot.push(format!(
            "{} begun earlier still running",
            format::count(layout.running, "result")
        ));
    }
    let _ = writeln!(out, "\n*{}.*", text(&foot.join("; ")));
    out
}

/// When an entry of the timeline is: a result's period, a convention's year, an event's date.
fn when(kb: &KnowledgeBase, item: &Item) -> String {
    let r = item.record;
    match (item.entry, kb.record(r)) {
        (Entry::Result, Record::Achievement(a)) => a.period.clone().unwrap_or_default(),
        (Entry::Convention, Record::Convention(c)) => c.year.map_or(String::new(), |y| y.to_string()),
        (_, Record::Event(e)) => display_date(&e.date),
        _ => format!("{:.0}", item.start.floor()),
    }
}

/// The theory-of-change matrix as a table, its totals included.
fn matrix_table(kb: &KnowledgeBase) -> String {
    let m = Matrix::new(kb);
    let cols: Vec<String> = m.cols.iter().map(|a| cell(&axis_name(kb, a, false))).collect();
    let mut out = format!(
        "| Results by priority and area | {} |\n|---|{}\n",
        cols.join(" | "),
        "---:|".repeat(cols.len())
    );
    for (r, axis) in m.rows.iter().enumerate() {
        let counts: Vec<String> = (0..m.cols.len()).map(|c| format::thousands(m.count(r, c))).collect();
        let _ = writeln!(out, "| {} | {} |", cell(&axis_name(kb, axis, true)), counts.join(" | "));
    }
    out.push_str("\n*Each cell: the results placed under that priority and area.*\n");
    out
}

/// A record's whole document, its headings two levels down, under the appendix's.
fn appendix_markdown(doc: &Document) -> String {
    document_markdown(doc)
        .lines()
        .map(|line| {
            let hashes = line.len() - line.trim_start_matches('#').len();
            if hashes > 0 && line[hashes..].starts_with(' ') {
                format!("##{line}\n")
            } else {
                format!("{line}\n")
            }
        })
        .collect()
}

fn sources_markdown(h: &Handout) -> String {
    let mut out = String::from("## Sources\n\n");
    for s in &h.sources {
        let _ = write!(
            out,
            "- {}: *{}*, {}, {}",
            text(&s.short),
            text(&s.title),
            text(&s.publisher),
            s.year
        );
        match &s.url {
            Some(url) => {
                let _ = writeln!(out, ". <{}>", crate::kb::text::sanitize(url));
            }
            None => out.push_str(".\n"),
        }
    }
    if !h.web.is_empty() {
        out.push_str("\nOn the web:\n\n");
        for (label, url) in &h.web {
            let _ = writeln!(out, "- {}: <{}>", text(label), crate::kb::text::sanitize(url));
        }
    }
    out
}
