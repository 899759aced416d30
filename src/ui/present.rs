//! Present mode: one slide per screen, drawn to be read from the back of a room. Headline numbers in big
//! text at the biggest size that fits (never cut: bold text when nothing fits), a figure's rows as a
//! bar chart, the map, the timeline, the matrix; the step counter and the clock in a corner; the
//! citation at the foot of every slide that shows a record. The presenter view shows the notes and
//! what comes next instead.

use ratatui::layout::{Alignment, Direction, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Paragraph, Wrap};
use ratatui::Frame;
use tui_big_text::{BigText, PixelSize};
use unicode_width::UnicodeWidthStr;

use crate::app::present::{Screen, Show, Slide, SlideBody};
use crate::app::rows::RowKey;
use crate::app::App;
use crate::document::{self, Block as DocBlock, Chart, Document, Extent, Stat};
use crate::kb::{Kind, KnowledgeBase, RecordRef};
use crate::ui::{truncate, Theme};

pub fn draw(frame: &mut Frame, app: &App, show: &Show, theme: &Theme) {
    let area = frame.area();
    frame.buffer_mut().set_style(area, theme.base);
    if show.blank || area.width < 4 || area.height < 3 {
        return;
    }
    match show.screen {
        Screen::Projected => projected(frame, app, show, theme, area),
        Screen::Presenter => presenter(frame, app, show, theme, area),
    }
}

/// The audience's screen: the corner line, the heading, the slide, its text, and the notes when asked.
fn projected(frame: &mut Frame, app: &App, show: &Show, theme: &Theme, area: Rect) {
    corner(frame, show, theme, area);
    let Some(slide) = show.slide() else { return };
    let margin = (area.width / 20).min(6);
    let mut body = Rect::new(area.x + margin, area.y + 1, area.width - 2 * margin, area.height - 1);
    if show.notes {
        let h = (area.height / 3).max(4).min(body.height / 2);
        let notes = Rect::new(area.x, area.y + area.height - h, area.width, h);
        body.height -= h;
        draw_notes(frame, slide, theme, notes);
    }
    let heading = Paragraph::new(Line::styled(slide.heading.clone(), theme.heading))
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true });
    let heading_rows = wrapped_rows(&slide.heading, body.width).min(3);
    frame.render_widget(
        heading,
        Rect::new(body.x, body.y + 1, body.width, heading_rows.min(body.height)),
    );
    let top = 2 + heading_rows + 1;
    if body.height <= top {
        return;
    }
    let mut rest = Rect::new(body.x, body.y + top, body.width, body.height - top);
    if let Some(text) = &slide.text {
        let rows = wrapped_rows(text, rest.width).min(rest.height / 3);
        let para = Paragraph::new(Line::styled(text.clone(), theme.text))
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true });
        frame.render_widget(para, Rect::new(rest.x, rest.y, rest.width, rows));
        rest.y += rows + 1;
        rest.height = rest.height.saturating_sub(rows + 1);
    }
    body_of(frame, &app.kb, app, slide, theme, rest);
}

/// The trainer's screen: where we are, the notes, and the next slide.
fn presenter(frame: &mut Frame, app: &App, show: &Show, theme: &Theme, area: Rect) {
    corner(frame, show, theme, area);
    let Some(slide) = show.slide() else { return };
    let body = Rect::new(area.x, area.y + 1, area.width, area.height - 1);
    let left_w = if body.width >= 80 {
        body.width * 3 / 5
    } else {
        body.width
    };
    let now = Rect::new(body.x, body.y, left_w, body.height);
    let notes = if slide.notes.is_empty() {
        "No speaker notes for this step."
    } else {
        slide.notes.as_str()
    };
    let text = Text::from(vec![
        Line::styled(format!("Now {}: {}", show.counter(), slide.heading), theme.heading),
        Line::raw(""),
        Line::styled(notes.to_string(), theme.text),
    ]);
    let block = Block::bordered()
        .border_style(theme.border_focus)
        .title(Span::styled(" Speaker notes ", theme.pane_title));
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }).block(block), now);
    if left_w == body.width {
        return;
    }
    let next = Rect::new(body.x + left_w, body.y, body.width - left_w, body.height);
    let lines = match show.next_slide() {
        Some(n) => vec![
            Line::styled(n.heading.clone(), theme.heading),
            Line::styled(shows(&app.kb, n), theme.dim),
            Line::raw(""),
            Line::styled(n.text.clone().unwrap_or_default(), theme.text),
        ],
        None => vec![Line::styled("This is the last slide.", theme.dim)],
    };
    let block = Block::bordered()
        .border_style(theme.border)
        .title(Span::styled(" Next ", theme.pane_title));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }).block(block), next);
}

/// What a slide shows, in a few words, for the presenter's preview.
fn shows(kb: &KnowledgeBase, slide: &Slide) -> String {
    match &slide.body {
        SlideBody::Record(r) => format!("{} · {}", r.kind.label(), kb.title(*r)),
        SlideBody::Chart(r) => format!("Chart · {}", kb.title(*r)),
        SlideBody::Map { region, country } => match (country, region) {
            (Some(c), _) => format!("Map · {}", kb.title(*c)),
            (None, Some(r)) => format!("Map · {r}"),
            (None, None) => "Map of the world".into(),
        },
        SlideBody::Timeline { from, to } => match (from, to) {
            (Some(a), Some(b)) => format!("Timeline · {a}–{b}"),
            _ => "Timeline".into(),
        },
        SlideBody::Matrix => "Theory of change matrix".into(),
    }
}

/// The step counter and the clock, top right; the show's title, top left; a step number being typed.
fn corner(frame: &mut Frame, show: &Show, theme: &Theme, area: Rect) {
    let mut right = format!(" {} · {} ", show.counter(), show.clock());
    if !show.typed.is_empty() {
        right = format!(" go to {}_ ·{right}", show.typed);
    }
    let room = usize::from(area.width).saturating_sub(right.width() + 1);
    let left = truncate(&format!(" IPEC+ · {}", show.title), room);
    let gap = usize::from(area.width).saturating_sub(left.width() + right.width());
    let line = Line::from(vec![
        Span::styled(left, theme.dim),
        Span::raw(" ".repeat(gap)),
        Span::styled(right, theme.count),
    ]);
    frame.render_widget(line, Rect::new(area.x, area.y, area.width, 1));
}

fn draw_notes(frame: &mut Frame, slide: &Slide, theme: &Theme, area: Rect) {
    let notes = if slide.notes.is_empty() {
        "No speaker notes for this step."
    } else {
        slide.notes.as_str()
    };
    let block = Block::bordered()
        .border_style(theme.border)
        .title(Span::styled(" Notes ", theme.pane_title));
    frame.render_widget(
        Paragraph::new(notes.to_string())
            .style(theme.text)
            .wrap(Wrap { trim: true })
            .block(block),
        area,
    );
}

/// The slide's own content in `area`.
fn body_of(frame: &mut Frame, kb: &KnowledgeBase, app: &App, slide: &Slide, theme: &Theme, area: Rect) {
    match &slide.body {
        SlideBody::Record(r) => record(frame, kb, *r, theme, area),
        SlideBody::Chart(r) => {
            let doc = kb.document_with(*r, Extent::SCREEN);
            let (area, cite) = split_citation(area);
            if let Some(chart) = chart_of(&doc) {
                bar_chart(frame, &chart, theme, area);
            }
            citation(frame, &doc, theme, cite);
        }
        SlideBody::Map { region, country } => {
            let block = Block::default();
            let region = region.or_else(|| country.map(|c| kb.countries[c.index].region));
            super::views::map::draw_map(frame, kb, theme, area, block, region, *country, true);
        }
        SlideBody::Timeline { from, to } => timeline(frame, app, theme, area, (*from, *to)),
        SlideBody::Matrix => matrix(frame, app, theme, area),
    }
}

/// The last line of an area for the citation, the rest for the content.
fn split_citation(area: Rect) -> (Rect, Rect) {
    let h = area.height.saturating_sub(2);
    (
        Rect::new(area.x, area.y, area.width, h),
        Rect::new(area.x, area.y + h + 1, area.width, area.height.saturating_sub(h + 1)),
    )
}

fn citation(frame: &mut Frame, doc: &Document, theme: &Theme, area: Rect) {
    let Some(line) = doc.blocks.iter().find_map(|b| match b {
        DocBlock::Citation { source, section, .. } if section.is_empty() => Some(format!("Source: {}", source.label)),
        DocBlock::Citation { source, section, .. } => Some(format!("Source: {}, {section}", source.label)),
        _ => None,
    }) else {
        return;
    };
    let line = Line::styled(truncate(&line, usize::from(area.width)), theme.dim).alignment(Alignment::Center);
    frame.render_widget(line, area);
}

fn chart_of(doc: &Document) -> Option<Chart> {
    doc.blocks.iter().find_map(|b| match b {
        DocBlock::Chart { chart } => Some(chart.clone()),
        _ => None,
    })
}

/// A record: its headline figure big, the others beside it, its chart or its text, and its citation.
fn record(frame: &mut Frame, kb: &KnowledgeBase, r: RecordRef, theme: &Theme, area: Rect) {
    // Built on every frame: cut to what a screen shows, or a country of 100,000 results costs a tenth of
    // a second each time.
    let doc = kb.document_with(r, Extent::SCREEN);
    let (area, cite) = split_citation(area);
    citation(frame, &doc, theme, cite);
    let stats: Vec<&Stat> = doc
        .blocks
        .iter()
        .find_map(|b| match b {
            DocBlock::Figures { figures, .. } => Some(figures.iter().collect()),
            _ => None,
        })
        .unwrap_or_default();
    // On a tall screen the figure sits a little lower than the top, nearer the eye.
    let pad = if stats.is_empty() {
        0
    } else {
        area.height.saturating_sub(24) / 3
    };
    let mut rest = Rect::new(area.x, area.y + pad, area.width, area.height - pad);
    if let Some(first) = stats.first() {
        let used = big_figure(frame, first, theme, rest);
        rest.y += used;
        rest.height = rest.height.saturating_sub(used);
        let others: Vec<Line> = stats
            .iter()
            .skip(1)
            .take(4)
            .map(|s| {
                Line::from(vec![
                    Span::styled(s.short(), theme.figure_value),
                    Span::styled(format!("  {}", s.label), theme.figure_label),
                ])
                .alignment(Alignment::Center)
            })
            .collect();
        let h = (others.len() as u16).min(rest.height);
        frame.render_widget(Paragraph::new(others), Rect::new(rest.x, rest.y, rest.width, h));
        rest.y += h + u16::from(h > 0);
        rest.height = rest.height.saturating_sub(h + u16::from(h > 0));
    }
    if let Some(chart) = chart_of(&doc) {
        bar_chart(frame, &chart, theme, rest);
        return;
    }
    if stats.is_empty() {
        let mut lines = vec![
            Line::styled(doc.subtitle.clone(), theme.subtitle).alignment(Alignment::Center),
            Line::raw(""),
        ];
        lines.extend(doc.blocks.iter().filter_map(|b| match b {
            DocBlock::Paragraph { text } => Some(Line::styled(text.clone(), theme.text)),
            _ => None,
        }));
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), rest);
    } else if let Some(text) = doc.blocks.iter().find_map(|b| match b {
        DocBlock::Paragraph { text } => Some(text.clone()),
        _ => None,
    }) {
        let para = Paragraph::new(Line::styled(text, theme.text))
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true });
        frame.render_widget(para, rest);
    }
}

/// The pixel sizes tried for a big number, largest first, with the cells one glyph takes.
const SIZES: [(PixelSize, u16, u16); 3] = [
    (PixelSize::Full, 8, 8),
    (PixelSize::HalfHeight, 8, 4),
    (PixelSize::Quadrant, 4, 4),
];

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

/// The biggest size at which `text` fits in `area`, if any: (size, width, height) in cells.
pub fn fit(text: &str, area: Rect) -> Option<(PixelSize, u16, u16)> {
    let chars = text.chars().count() as u16;
    SIZES
        .iter()
        .map(|&(size, w, h)| (size, chars.saturating_mul(w), h))
        .find(|&(_, w, h)| w <= area.width && h + 2 <= area.height)
}

/// What goes big and what goes under it: "160 million" big when it fits at the size the bare "160"
/// would have, else the bare number big and its whole unit under it.
fn split_big(stat: &Stat, area: Rect) -> (String, String) {
    let (with_scale, rest) = big_words(stat);
    let size = |text: &str| fit(text, area).map(|(_, _, h)| h);
    if size(&with_scale) >= size(&stat.value) {
        (with_scale, rest)
    } else {
        (stat.value.clone(), stat.unit.clone())
    }
}

/// A headline number in big text, its unit and label under it; returns the rows used.
fn big_figure(frame: &mut Frame, stat: &Stat, theme: &Theme, area: Rect) -> u16 {
    let (big, unit) = split_big(stat, area);
    let label = if unit.is_empty() {
        stat.label.clone()
    } else {
        format!("{unit} {}", stat.label)
    };
    let label_rows = wrapped_rows(&label, area.width).min(3);
    let number_area = Rect::new(area.x, area.y, area.width, area.height.saturating_sub(label_rows + 1));
    let height = match fit(&big, number_area) {
        Some((size, _, h)) => {
            let widget = BigText::builder()
                .pixel_size(size)
                .style(theme.figure_value)
                .lines(vec![Line::from(big.clone())])
                .centered()
                .build();
            frame.render_widget(widget, Rect::new(area.x, area.y, area.width, h));
            h
        }
        None => {
            // Too small for big text: the number whole, in bold, never cut.
            let line =
                Line::styled(big.clone(), theme.figure_value.add_modifier(Modifier::BOLD)).alignment(Alignment::Center);
            frame.render_widget(
                Paragraph::new(line).wrap(Wrap { trim: true }),
                Rect::new(area.x, area.y, area.width, 1.min(area.height)),
            );
            1
        }
    };
    let y = area.y + height + 1;
    if y < area.y + area.height {
        let h = label_rows.min(area.y + area.height - y);
        let para = Paragraph::new(Line::styled(label, theme.figure_label))
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true });
        frame.render_widget(para, Rect::new(area.x, y, area.width, h));
    }
    (height + 1 + label_rows + 1).min(area.height)
}

/// A figure's rows as horizontal bars, each with its value and unit; the total under them.
fn bar_chart(frame: &mut Frame, chart: &Chart, theme: &Theme, area: Rect) {
    let unit = &chart.unit;
    // Values are drawn to scale with one decimal; the text beside each bar is the value as written.
    let bars: Vec<Bar> = chart
        .bars
        .iter()
        .map(|b| {
            Bar::default()
                .value((b.value.max(0.0) * 10.0).round() as u64)
                .text_value(format!("{} {unit}", b.text))
                .label(Line::from(b.label.clone()))
                .style(theme.bar)
                .value_style(theme.selected)
        })
        .collect();
    let n = chart.bars.len() as u16;
    let gap = u16::from(area.height >= n * 2 + 2);
    let total_rows = u16::from(chart.total.is_some()) * 2;
    // Bars as long as a projector audience can follow, centred; rows centred too.
    let width = area.width.min(140).max(area.width * 4 / 5).min(area.width);
    let height = (n + gap * n.saturating_sub(1)).min(area.height.saturating_sub(total_rows));
    let top = area.y + (area.height.saturating_sub(height + total_rows)) / 3;
    let chart_area = Rect::new(area.x + (area.width - width) / 2, top, width, height);
    let widget = BarChart::default()
        .direction(Direction::Horizontal)
        .data(BarGroup::default().bars(&bars))
        .max((chart.max().max(0.0) * 10.0).round() as u64)
        .bar_width(1)
        .bar_gap(gap)
        .label_style(theme.fact_key);
    frame.render_widget(widget, chart_area);
    if let Some(total) = &chart.total {
        let line = Line::styled(format!("Total: {total} {unit}"), theme.figure_label).alignment(Alignment::Center);
        let y = (top + height + 1).min(area.y + area.height.saturating_sub(1));
        frame.render_widget(line, Rect::new(area.x, y, area.width, 1.min(area.height)));
    }
}

/// The years as bars (those of the range bright), then the events and results of the range.
fn timeline(frame: &mut Frame, app: &App, theme: &Theme, area: Rect, range: (Option<i32>, Option<i32>)) {
    let tab = crate::app::tabs::Tab::for_kind(Kind::Event);
    let years = app.year_counts(tab);
    let (from, to) = (range.0.unwrap_or(i32::MIN), range.1.unwrap_or(i32::MAX));
    let chart_h = (area.height / 2).clamp(3, 12).min(area.height);
    let bounded = range.0.is_some() || range.1.is_some();
    super::views::timeline::draw_years(
        frame,
        theme,
        Rect::new(area.x, area.y, area.width, chart_h),
        &years,
        bounded.then_some((from, to)),
    );
    let list = Rect::new(area.x, area.y + chart_h, area.width, area.height - chart_h);
    // Each entry under the year it is grouped by (a result dated 2009-2016 is a 2016 entry).
    let mut year = None;
    let lines: Vec<Line> = app
        .rows(tab)
        .iter()
        .filter(|r| {
            if let RowKey::Year(y) = r.key {
                year = Some(y);
            }
            r.depth == 1 && year.is_some_and(|y| y >= from && y <= to)
        })
        .take(usize::from(list.height))
        .map(|r| {
            Line::from(vec![
                Span::styled(format!("{:<12}", r.lead), theme.lead),
                Span::styled(
                    truncate(&r.label, usize::from(list.width).saturating_sub(13)),
                    theme.item,
                ),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}

/// The theory of change as a table of counts, areas spelt out.
fn matrix(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    use crate::app::matrix::Axis;
    let m = &app.matrix;
    let cols: Vec<(usize, String)> = m
        .cols
        .iter()
        .enumerate()
        .filter_map(|(i, a)| match a {
            Axis::Is(n) => app.kb.areas.get(*n).map(|x| (i, x.title.clone())),
            Axis::All => Some((i, "All areas".into())),
            Axis::None => None,
        })
        .collect();
    let label_w = (area.width / 4).max(12);
    let col_w = (area.width.saturating_sub(label_w) / cols.len().max(1) as u16).max(6);
    let w = usize::from(col_w);
    let names: Vec<(String, String)> = cols
        .iter()
        .map(|(_, t)| super::views::matrix::two_lines(t, w - 1))
        .collect();
    let heading = |pick: fn(&(String, String)) -> &String| {
        Line::from(
            std::iter::once(Span::raw(" ".repeat(usize::from(label_w))))
                .chain(
                    names
                        .iter()
                        .map(|n| Span::styled(format!("{:^w$}", truncate(pick(n), w - 1)), theme.fact_key)),
                )
                .collect::<Vec<_>>(),
        )
    };
    let mut lines = vec![heading(|n| &n.0), heading(|n| &n.1)];
    for (r, p) in m.rows.iter().enumerate() {
        let name = match p {
            Axis::Is(n) => app.kb.priorities.get(*n).map_or(String::new(), |x| x.title.clone()),
            Axis::All => "All priorities".into(),
            Axis::None => continue,
        };
        lines.push(Line::raw(""));
        let mut spans = vec![Span::styled(
            format!(
                "{:<w$}",
                truncate(&name, usize::from(label_w) - 1),
                w = usize::from(label_w)
            ),
            theme.item,
        )];
        for (c, _) in &cols {
            let n = m.count(r, *c);
            let style = if n == 0 { theme.zero } else { theme.figure_value };
            spans.push(Span::styled(
                format!("{:^w$}", document::format::thousands(n), w = usize::from(col_w)),
                style,
            ));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// Rows a text takes wrapped at `width` (roughly: by words).
fn wrapped_rows(text: &str, width: u16) -> u16 {
    let width = usize::from(width.max(1));
    let mut rows = 1;
    let mut used = 0;
    for word in text.split_whitespace() {
        let w = word.width();
        if used > 0 && used + 1 + w > width {
            rows += 1;
            used = w;
        } else {
            used += w + usize::from(used > 0);
        }
    }
    rows
}
