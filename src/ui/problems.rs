//! The edited knowledge base's problems: a banner while the last good data is on screen, and an
//! overlay with every problem, one per line, as `FILE:LINE:COLUMN: message`. Problems are escaped when
//! they are made, so no control character reaches the terminal from here.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

use crate::app::{Action, App, Mode};
use crate::kb::Problem;

use super::{truncate, Theme};

/// "⚠ 2 problems: kb/usdol-results.toml:308:10: extra '=' · showing the last good data · ! all".
pub fn banner(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let Some(problems) = app.problems() else { return };
    let head = format!(
        " ⚠ {} in the edited data, showing the last good data · ",
        problems.count()
    );
    let tail = format!(" · {} shows all ", app.key_for(Action::ShowProblems));
    let room = usize::from(area.width).saturating_sub(head.width() + tail.width());
    let first = problems.0.first().map(|p| one_line(p, room)).unwrap_or_default();
    let line = Line::from(vec![
        Span::styled(head, theme.warning),
        Span::styled(first, theme.warning),
        Span::styled(tail, theme.warning),
    ]);
    frame.buffer_mut().set_style(area, theme.warning);
    frame.render_widget(line, area);
}

/// A problem in `width` columns: the message is cut first, then the path from its left, so the file
/// name and the line and column stay readable.
fn one_line(p: &Problem, width: usize) -> String {
    let place = format!("{}:{}:{}", p.file, p.line.max(1), p.column.max(1));
    let whole = format!("{place}: {}", p.message);
    if whole.width() <= width {
        return whole;
    }
    if place.width() + 12 <= width {
        return truncate(&whole, width);
    }
    let chars: Vec<char> = place.chars().collect();
    let keep = width.saturating_sub(1).min(chars.len());
    format!("…{}", chars[chars.len() - keep..].iter().collect::<String>())
}

pub fn overlay(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let (Some(problems), Mode::Problems { scroll }) = (app.problems(), &app.mode) else {
        return;
    };
    let width = area.width.saturating_sub(4);
    let height = area.height.saturating_sub(2);
    let overlay = Rect::new(area.x + (area.width - width) / 2, area.y + 1, width, height);
    frame.render_widget(Clear, overlay);
    let title = format!(" {} in the edited data ", problems.count());
    let block = Block::bordered()
        .border_style(theme.border_focus)
        .style(theme.base)
        .title(Span::styled(title, theme.pane_title))
        .title_bottom(Line::styled(
            " the last good data stays on screen until they are fixed ",
            theme.count,
        ));
    let inner = block.inner(overlay);
    frame.render_widget(block, overlay);
    let w = usize::from(inner.width);
    let lines: Vec<Line> = problems
        .0
        .iter()
        .skip(*scroll)
        .take(usize::from(inner.height))
        .map(|p| Line::styled(one_line(p, w), theme.text))
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_problem_keeps_its_file_line_and_column() {
        let p = Problem::new(
            "/tmp/some/long/folder/kb/achievements/usdol-results.toml",
            308,
            10,
            "extra '='",
        );
        assert_eq!(
            one_line(&p, 200),
            "/tmp/some/long/folder/kb/achievements/usdol-results.toml:308:10: extra '='"
        );
        let cut = one_line(&p, 40);
        assert!(cut.ends_with("usdol-results.toml:308:10"), "{cut}");
        assert!(cut.width() <= 40);
    }
}
