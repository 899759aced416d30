//! The trainer's console (`ipec present TOUR --notes`): where the show is and how long it has run
//! against the tour's duration, whether the projector is blank, the current step's notes (scrolled
//! with keys that leave the slide alone) and a preview of the next slide.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

use crate::app::present::{Show, Slide};
use crate::app::App;
use crate::document::format;
use crate::ui::{truncate, Theme};

pub fn draw(frame: &mut Frame, app: &App, show: &Show, theme: &Theme, area: Rect) {
    top_line(frame, show, theme, area);
    let Some(slide) = show.slide() else { return };
    let mut body = Rect::new(area.x, area.y + 1, area.width, area.height - 1);
    if show.state.blank && body.height > 2 {
        let line = Line::styled(
            truncate(
                " ■ The projector is BLANK · b, or the next key, brings the slide back ",
                usize::from(area.width),
            ),
            theme.warning,
        );
        frame.render_widget(line, Rect::new(body.x, body.y, body.width, 1));
        body.y += 1;
        body.height -= 1;
    }
    let (now, next) = if body.width >= 80 {
        let left = body.width * 3 / 5;
        (
            Rect::new(body.x, body.y, left, body.height),
            Rect::new(body.x + left, body.y, body.width - left, body.height),
        )
    } else {
        let h = (body.height / 3).max(3).min(body.height);
        (
            Rect::new(body.x, body.y, body.width, body.height - h),
            Rect::new(body.x, body.y + body.height - h, body.width, h),
        )
    };
    notes(frame, show, slide, theme, now);
    preview(frame, app, show, theme, next);
}

/// "3/11 · 02:15 elapsed · 07:45 left" on the right, the tour on the left; over time, in warning.
fn top_line(frame: &mut Frame, show: &Show, theme: &Theme, area: Rect) {
    let mut right = vec![Span::styled(
        format!(" {} · {} elapsed", show.counter(), show.clock()),
        theme.count,
    )];
    match show.left() {
        Some((left, false)) => right.push(Span::styled(format!(" · {left} left "), theme.count)),
        Some((over, true)) => right.push(Span::styled(format!(" · {over} OVER "), theme.warning)),
        None => right.push(Span::raw(" ")),
    }
    if !show.typed.is_empty() {
        right.insert(0, Span::styled(format!(" go to {}_ ·", show.typed), theme.count));
    }
    let right_w: usize = right.iter().map(|s| s.content.width()).sum();
    let room = usize::from(area.width).saturating_sub(right_w + 1);
    let left = truncate(&format!(" Console · {}", show.title), room);
    let gap = usize::from(area.width).saturating_sub(left.width() + right_w);
    let mut spans = vec![Span::styled(left, theme.dim), Span::raw(" ".repeat(gap))];
    spans.extend(right);
    frame.render_widget(Line::from(spans), Rect::new(area.x, area.y, area.width, 1));
}

/// The current step: its heading, how much is revealed, its notes from the scrolled line on.
fn notes(frame: &mut Frame, show: &Show, slide: &Slide, theme: &Theme, area: Rect) {
    let block = Block::bordered()
        .border_style(theme.border_focus)
        .title(Span::styled(" Now · speaker notes ", theme.pane_title));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let mut lines: Vec<Line> = format::wrap_lines(&slide.heading, width)
        .into_iter()
        .map(|l| Line::styled(l, theme.heading))
        .collect();
    let stages = slide.stages();
    if stages > 0 {
        let said = match show.state.reveal {
            n if n >= stages => "everything revealed".to_string(),
            n => format!("revealed {n} of {stages}: the next key reveals more"),
        };
        lines.push(Line::styled(truncate(&said, width), theme.dim));
    }
    lines.push(Line::raw(""));
    let text = if slide.notes.is_empty() {
        "No speaker notes for this step."
    } else {
        slide.notes.as_str()
    };
    let notes: Vec<String> = format::wrap_lines(text, width);
    let room = usize::from(inner.height).saturating_sub(lines.len());
    let scroll = usize::from(show.notes_scroll).min(notes.len().saturating_sub(room.max(1)));
    let more_below = notes.len() > scroll + room;
    let shown = room.saturating_sub(usize::from(more_below || scroll > 0));
    if scroll > 0 {
        lines.push(Line::styled(format!("↑ {scroll} lines above (k)"), theme.dim));
    }
    lines.extend(
        notes
            .iter()
            .skip(scroll)
            .take(shown)
            .map(|l| Line::styled(l.clone(), theme.text)),
    );
    if more_below {
        let below = notes.len() - scroll - shown;
        lines.push(Line::styled(format!("↓ {below} more lines (j)"), theme.dim));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The next slide: its heading, its points, what it shows.
fn preview(frame: &mut Frame, app: &App, show: &Show, theme: &Theme, area: Rect) {
    let block = Block::bordered()
        .border_style(theme.border)
        .title(Span::styled(" Next ", theme.pane_title));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let Some(next) = show.next_slide() else {
        let line = Line::styled("This is the last slide.", theme.dim);
        frame.render_widget(line, inner);
        return;
    };
    let mut lines: Vec<Line> = format::wrap_lines(&next.heading, width)
        .into_iter()
        .map(|l| Line::styled(l, theme.heading))
        .collect();
    lines.push(Line::styled(
        truncate(&super::present::shows(&app.kb, next), width),
        theme.dim,
    ));
    lines.push(Line::raw(""));
    for point in &next.points {
        for (i, line) in format::wrap_lines(point, width.saturating_sub(2))
            .into_iter()
            .enumerate()
        {
            let bullet = if i == 0 { "• " } else { "  " };
            lines.push(Line::styled(format!("{bullet}{line}"), theme.text));
        }
    }
    let room = usize::from(inner.height);
    if lines.len() > room && room > 0 {
        lines.truncate(room - 1);
        lines.push(Line::styled("…", theme.dim));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
