//! Present mode: one slide per screen, drawn to be read from the back of a room. Headline numbers in big
//! text at the biggest size that fits (never cut: bold text when nothing fits), a figure's rows as a
//! bar chart, the map, the timeline, the matrix; the step counter and the clock in a corner; the
//! citation at the foot of every slide that shows a record. The presenter view shows the notes and
//! what comes next instead.

use ratatui::layout::{Alignment, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use ratatui::Frame;
use tui_big_text::{BigText, PixelSize};
use unicode_width::UnicodeWidthStr;

use crate::app::present::{Screen, Show, Slide, SlideBody};
use crate::app::App;
use crate::document::slides::{self, Shows};
use crate::document::{self, format, Chart, Stat};
use crate::kb::{KnowledgeBase, RecordRef};
use crate::ui::{truncate, Theme};

pub fn draw(frame: &mut Frame, app: &App, show: &Show, theme: &Theme) {
    let area = frame.area();
    frame.buffer_mut().set_style(area, theme.base);
    if area.width < 4 || area.height < 3 {
        return;
    }
    match show.screen {
        Screen::Projected if show.asked_to_follow => already_presented(frame, show, theme, area),
        Screen::Projected if show.state.blank => {}
        Screen::Projected => projected(frame, app, show, theme, area),
        Screen::Presenter => super::console::draw(frame, app, show, theme, area),
    }
}

/// A second projector of a tour already on a projector: asked, not silently mirrored.
fn already_presented(frame: &mut Frame, show: &Show, theme: &Theme, area: Rect) {
    let width = usize::from(area.width.saturating_sub(4)).min(70);
    let mut lines: Vec<Line> = Vec::new();
    let said = format!("“{}” is already being presented in another window.", show.title);
    for line in format::wrap_lines(&said, width) {
        lines.push(Line::styled(line, theme.heading).alignment(Alignment::Center));
    }
    lines.push(Line::raw(""));
    for line in format::wrap_lines("Follow it here? y: follow the show · n or Esc: leave", width) {
        lines.push(Line::styled(line, theme.text).alignment(Alignment::Center));
    }
    let h = (lines.len() as u16).min(area.height);
    let top = area.y + area.height.saturating_sub(h) / 2;
    frame.render_widget(Paragraph::new(lines), Rect::new(area.x, top, area.width, h));
}

/// Where the parts of a slide go: a pure function of the slide and the screen's size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SlideLayout {
    pub heading: Rect,
    pub points: Rect,
    pub visual: Rect,
    pub source: Rect,
    pub notes: Option<Rect>,
}

/// The widest a column of text gets, however wide the screen: lines a room can follow.
const TEXT_WIDTH: u16 = 100;

impl SlideLayout {
    pub fn new(slide: &Slide, area: Rect, notes: bool) -> SlideLayout {
        let margin = (area.width / 20).min(6);
        let mut body = Rect::new(area.x + margin, area.y + 1, area.width - 2 * margin, area.height - 1);
        let notes = notes.then(|| {
            let h = (area.height / 3).max(4).min(body.height / 2);
            body.height -= h;
            Rect::new(area.x, area.y + area.height - h, area.width, h)
        });
        let text_w = body.width.min(TEXT_WIDTH);
        let text_x = body.x + (body.width - text_w) / 2;
        let source_rows = source_lines(&slide.source, body.width).len() as u16;
        let heading_rows = format::wrap_at_most(&slide.heading, usize::from(body.width), 2).len() as u16;
        let gap = u16::from(body.height >= 16);
        let heading = Rect::new(body.x, body.y + gap, body.width, heading_rows.min(body.height));
        let below_heading = heading.y + heading.height + 1;
        let end = body.y + body.height;
        let source_y = end.saturating_sub(source_rows).max(below_heading.min(end));
        let source = Rect::new(body.x, source_y, body.width, end - source_y);
        let room = source_y.saturating_sub(below_heading + 1);
        let wanted = point_lines(&slide.points, text_w, u16::MAX).len() as u16;
        // The points take what they need, but leave the visual at least half the room.
        let points_h = if matches!(slide.body, SlideBody::Record(_)) && wanted > 0 {
            wanted.min(room.saturating_sub(room / 2).max(room.min(wanted).min(room * 2 / 3)))
        } else {
            wanted.min(room / 2)
        };
        let points = Rect::new(text_x, below_heading, text_w, points_h);
        let visual_y = points.y + points_h + u16::from(points_h > 0);
        let visual = Rect::new(body.x, visual_y, body.width, source_y.saturating_sub(visual_y + 1));
        SlideLayout {
            heading,
            points,
            visual,
            source,
            notes,
        }
    }
}

/// The source line, on one line, shortened with "…" after a whole word rather than cut.
fn source_lines(source: &str, width: u16) -> Vec<String> {
    format::wrap_at_most(source, usize::from(width), 1)
}

/// The points as bulleted lines, wrapped under their bullet, at most `max` lines in all: a point that
/// does not fit whole ends with "…".
fn point_lines(points: &[String], width: u16, max: u16) -> Vec<(usize, String)> {
    let inner = usize::from(width.saturating_sub(2));
    let mut lines = Vec::new();
    for (i, point) in points.iter().enumerate() {
        let left = usize::from(max).saturating_sub(lines.len());
        if left == 0 {
            break;
        }
        for (j, line) in format::wrap_at_most(point, inner, left).into_iter().enumerate() {
            let bullet = if j == 0 { "• " } else { "  " };
            lines.push((i, format!("{bullet}{line}")));
        }
    }
    lines
}

/// The audience's screen: the corner line, the heading, the points shown so far, the visual, the
/// source; the speaker notes when asked.
fn projected(frame: &mut Frame, app: &App, show: &Show, theme: &Theme, area: Rect) {
    corner(frame, show, theme, area);
    let Some(slide) = show.slide() else { return };
    let layout = SlideLayout::new(slide, area, show.notes);
    let shown = show.shown();
    if let Some(notes) = layout.notes {
        draw_notes(frame, slide, theme, notes);
    }
    let heading: Vec<Line> = format::wrap_at_most(&slide.heading, usize::from(layout.heading.width), 2)
        .into_iter()
        .map(|l| Line::styled(l, theme.heading).alignment(Alignment::Center))
        .collect();
    frame.render_widget(Paragraph::new(heading), layout.heading);
    let points: Vec<Line> = point_lines(&slide.points, layout.points.width, layout.points.height)
        .into_iter()
        .filter(|(i, _)| *i < shown.points)
        .map(|(_, l)| Line::styled(l, theme.text))
        .collect();
    frame.render_widget(Paragraph::new(points), layout.points);
    if shown.visual && layout.visual.height >= 1 {
        body_of(frame, &app.kb, app, slide, theme, layout.visual);
    } else if !shown.visual && layout.visual.height >= 1 {
        let line = Line::styled("?", theme.figure_value.add_modifier(Modifier::BOLD)).alignment(Alignment::Center);
        let mid = layout.visual.y + layout.visual.height / 3;
        frame.render_widget(line, Rect::new(layout.visual.x, mid, layout.visual.width, 1));
    }
    let source: Vec<Line> = source_lines(&slide.source, layout.source.width)
        .into_iter()
        .map(|l| Line::styled(l, theme.dim).alignment(Alignment::Center))
        .collect();
    frame.render_widget(Paragraph::new(source), layout.source);
}

/// What a slide shows, in a few words, for the console's preview.
pub fn shows(kb: &KnowledgeBase, slide: &Slide) -> String {
    match &slide.body {
        SlideBody::Record(r) => format!("{} · {}", r.kind.label(), kb.title(*r)),
        SlideBody::Chart(r) => format!("Chart · {}", kb.title(*r)),
        SlideBody::Map { region, country, .. } => match (country, region) {
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
            if let Some(chart) = slides::chart_of(kb, *r) {
                bar_chart(frame, &chart, theme, area);
            }
        }
        SlideBody::Map { region, country, named } => {
            let region = region.or_else(|| country.map(|c| kb.countries[c.index].region));
            super::slide_map::draw(frame, kb, theme, area, region, named);
        }
        SlideBody::Timeline { from, to } => super::slide_timeline::draw(frame, kb, theme, area, (*from, *to)),
        SlideBody::Matrix => matrix(frame, app, theme, area),
    }
}

/// A record, as `slides::record_shows` says: its headline figure big and the next under it, or its
/// chart, or its title and the first sentence or two of its summary. Never its keepers' note.
fn record(frame: &mut Frame, kb: &KnowledgeBase, r: RecordRef, theme: &Theme, area: Rect) {
    // Built on every frame: cut to what a screen shows, or a country of 100,000 results costs a tenth of
    // a second each time.
    match slides::record_shows(kb, r) {
        Shows::Numbers(stats) => numbers(frame, &stats, theme, area),
        Shows::Chart(chart) => bar_chart(frame, &chart, theme, area),
        Shows::Quote { title, said } => quote(frame, &title, &said, theme, area),
    }
}

/// The first number big, the others under it.
fn numbers(frame: &mut Frame, stats: &[Stat], theme: &Theme, area: Rect) {
    let Some(first) = stats.first() else { return };
    // On a tall screen the figure sits a little lower than the top, nearer the eye.
    let pad = area.height.saturating_sub(24) / 4;
    let mut rest = Rect::new(area.x, area.y + pad, area.width, area.height - pad);
    let used = big_figure(frame, first, theme, rest);
    rest.y += used;
    rest.height = rest.height.saturating_sub(used);
    let others: Vec<Line> = stats
        .iter()
        .skip(1)
        .take(usize::from(rest.height))
        .map(|s| {
            let text = truncate(
                &format!("{} {}", s.value, format::unit_then_label(&s.unit, &s.label)),
                usize::from(rest.width),
            );
            Line::styled(text, theme.figure_label).alignment(Alignment::Center)
        })
        .collect();
    frame.render_widget(Paragraph::new(others), rest);
}

/// A record without a number: its title, and the first sentence or two of what it says.
fn quote(frame: &mut Frame, title: &str, said: &str, theme: &Theme, area: Rect) {
    let width = usize::from(area.width.min(TEXT_WIDTH));
    let mut lines: Vec<Line> = format::wrap_at_most(title, width, 2)
        .into_iter()
        .map(|l| Line::styled(l, theme.subtitle).alignment(Alignment::Center))
        .collect();
    let room = usize::from(area.height).saturating_sub(lines.len() + 1);
    if !said.is_empty() && room > 0 {
        lines.push(Line::raw(""));
        let quoted = format!("“{said}”");
        lines.extend(
            format::wrap_at_most(&quoted, width, room)
                .into_iter()
                .map(|l| Line::styled(l, theme.text).alignment(Alignment::Center)),
        );
    }
    let h = (lines.len() as u16).min(area.height);
    let top = area.y + area.height.saturating_sub(h) / 3;
    frame.render_widget(Paragraph::new(lines), Rect::new(area.x, top, area.width, h));
}

/// The pixel sizes tried for a big number, largest first, with the cells one glyph takes.
const SIZES: [(PixelSize, u16, u16); 3] = [
    (PixelSize::Full, 8, 8),
    (PixelSize::HalfHeight, 8, 4),
    (PixelSize::Quadrant, 4, 4),
];

pub use crate::document::big_words;

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
        format::unit_then_label(&unit, &stat.label)
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

/// A figure's rows as horizontal bars where `ChartLayout` put them: labels left, each value beside its
/// bar, the whole first when the rows are parts of it, and a foot saying the scale or what was left out.
fn bar_chart(frame: &mut Frame, chart: &Chart, theme: &Theme, area: Rect) {
    use crate::document::visual::chart::ChartLayout;
    let width = area.width.min(TEXT_WIDTH + 20);
    let x0 = area.x + (area.width - width) / 2;
    let layout = ChartLayout::new(chart, width, area.height);
    let mut lines: Vec<Line> = Vec::new();
    let lw = usize::from(layout.label_width);
    for (i, row) in layout.rows.iter().enumerate() {
        if i > 0 && layout.gap {
            lines.push(Line::raw(""));
        }
        let bar_style = if row.whole { theme.dim } else { theme.bar };
        let bar = "█".repeat(usize::from(row.cells));
        lines.push(Line::from(vec![
            Span::styled(format!("{:<lw$}  ", row.label[0]), theme.fact_key),
            Span::styled(bar, bar_style),
            Span::styled(format!(" {}", row.value), theme.figure_value),
        ]));
        for more in row.label.iter().skip(1) {
            lines.push(Line::styled(more.clone(), theme.fact_key));
        }
    }
    let foot = match layout.hidden {
        0 => layout.scale.note(&chart.unit),
        n => Some(format!(
            "and {} more rows: ipec show lists them all",
            document::format::thousands(n)
        )),
    };
    if let Some(foot) = foot {
        lines.push(Line::styled(truncate(&foot, usize::from(width)), theme.dim));
    }
    let h = (lines.len() as u16).min(area.height);
    let top = area.y + area.height.saturating_sub(h) / 3;
    frame.render_widget(Paragraph::new(lines), Rect::new(x0, top, width, h));
}

/// The theory of change as a table of counts: every priority and area named in full on up to two
/// lines, with the row and column of results the source does not place, so that the totals add up
/// across and down; a legend says what a cell counts.
fn matrix(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    use crate::app::matrix::Axis;
    let m = &app.matrix;
    let kb = &app.kb;
    let name = |axis: &Axis, of_rows: bool| crate::document::scene::matrix::axis_name(kb, axis, of_rows);
    let ncols = m.cols.len() as u16;
    let label_w = (area.width / 4).clamp(12, 34);
    let col_w = (area.width.saturating_sub(label_w) / ncols.max(1)).clamp(5, 18);
    let table_w = label_w + col_w * ncols;
    let x0 = area.x + area.width.saturating_sub(table_w) / 2;
    let w = usize::from(col_w);
    let mut lines: Vec<Line> = Vec::new();
    // Areas named in full on two lines where they fit; else a letter each, spelt out under the table.
    let fits = m.cols.iter().all(|c| {
        let lines = format::wrap_lines(&name(c, false), w - 1);
        lines.len() <= 2 && !lines.iter().any(|l| l.ends_with('…'))
    });
    let letter = |i: usize| char::from(b'A' + (i % 26) as u8);
    let heads: Vec<Vec<String>> = m
        .cols
        .iter()
        .enumerate()
        .map(|(i, c)| match c {
            Axis::Is(_) if !fits => vec![format!("{}", letter(i))],
            _ => format::wrap_at_most(&name(c, false), w - 1, 2),
        })
        .collect();
    for row in 0..2 {
        let mut spans = vec![Span::raw(" ".repeat(usize::from(label_w)))];
        spans.extend(
            heads
                .iter()
                .map(|h| Span::styled(format!("{:^w$}", h.get(row).map_or("", String::as_str)), theme.fact_key)),
        );
        lines.push(Line::from(spans));
    }
    let roomy = usize::from(area.height) >= 3 + m.rows.len() * 3;
    lines.extend(matrix_rows(app, theme, usize::from(label_w), w, roomy));
    let room = usize::from(area.height);
    if !fits {
        let key: Vec<String> = m
            .cols
            .iter()
            .enumerate()
            .filter(|(_, c)| matches!(c, Axis::Is(_)))
            .map(|(i, c)| format!("{} {}", letter(i), name(c, false)))
            .collect();
        for line in format::wrap_lines(&key.join(" · "), usize::from(table_w)) {
            lines.push(Line::styled(line, theme.fact_key));
        }
    }
    if lines.len() + 2 <= room {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            truncate(
                "Each cell: the results placed under that priority and area.",
                usize::from(table_w),
            ),
            theme.dim,
        ));
    }
    lines.truncate(room);
    frame.render_widget(
        Paragraph::new(lines),
        Rect::new(x0, area.y, table_w.min(area.width), area.height),
    );
}

/// The matrix's rows: each priority named on up to two lines `label_w` wide, then its counts in
/// columns `w` wide; a blank line before each when `roomy`.
fn matrix_rows(app: &App, theme: &Theme, label_w: usize, w: usize, roomy: bool) -> Vec<Line<'static>> {
    use crate::app::matrix::Axis;
    let m = &app.matrix;
    let mut lines = Vec::new();
    for (r, axis) in m.rows.iter().enumerate() {
        let name = crate::document::scene::matrix::axis_name(&app.kb, axis, true);
        let label = format::wrap_at_most(&name, label_w - 1, 2);
        if roomy {
            lines.push(Line::raw(""));
        }
        let style = if *axis == Axis::All { theme.heading } else { theme.item };
        let first = label.first().map_or("", String::as_str);
        let mut spans = vec![Span::styled(format!("{first:<label_w$}"), style)];
        for c in 0..m.cols.len() {
            let n = m.count(r, c);
            let style = if n == 0 { theme.zero } else { theme.figure_value };
            spans.push(Span::styled(format!("{:^w$}", document::format::thousands(n)), style));
        }
        lines.push(Line::from(spans));
        if let Some(second) = label.get(1) {
            lines.push(Line::styled(second.clone(), style));
        }
    }
    lines
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
