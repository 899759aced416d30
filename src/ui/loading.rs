//! The loading screen: what the explorer shows from its first frame until the knowledge base is loaded.
//! Drawn from a `Loading` value alone (what is loaded, how far, for how long), so that it can be drawn
//! before any `App` exists and tested without a loader.

use std::time::Duration;

use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, LineGauge, Paragraph};
use ratatui::Frame;

use crate::app::layout::{MIN_HEIGHT, MIN_WIDTH};
use crate::document::format::thousands;
use crate::progress::{Snapshot, Stage};

use super::{truncate, Theme};

/// What the loading screen shows.
#[derive(Debug, Clone)]
pub struct Loading {
    /// What is being loaded, as the user should read it: a folder's path (already made safe to print),
    /// or "the built-in knowledge base".
    pub what: String,
    pub progress: Snapshot,
    /// Since the explorer started.
    pub elapsed: Duration,
}

/// The widest the panel grows: wider, the bar would only be harder to follow across the screen.
const PANEL_WIDTH: u16 = 76;

/// Draws the loading screen over the whole frame, at any size: below the explorer's minimum size the
/// lines are drawn bare, as much of them as fits.
pub fn draw(frame: &mut Frame, loading: &Loading, theme: &Theme) {
    let area = frame.area();
    frame.buffer_mut().set_style(area, theme.base);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        draw_bare(frame, loading, theme, area);
        return;
    }
    let width = PANEL_WIDTH.min(area.width.saturating_sub(4));
    // Inside the border, a column of padding on either side.
    let text_width = usize::from(width.saturating_sub(4));
    let lines = stage_lines(loading, theme, text_width);
    // The lines, a blank, the bar, a blank, the hint.
    let inner_height = lines.len() as u16 + 4;
    let height = (inner_height + 2).min(area.height);
    // Placed as if every stage were listed, so that the panel grows downwards as stages finish instead
    // of creeping up the screen.
    let tallest = (Stage::ALL.len() as u16 + 1) + 4 + 2;
    let top = (area.height.saturating_sub(tallest) / 2).min(area.height - height);
    let panel = Rect::new(area.x + (area.width - width) / 2, area.y + top, width, height);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme.border)
        .title(Span::styled(" ipec ", theme.pane_title));
    let inner = block.inner(panel);
    frame.render_widget(block, panel);
    let inner = Rect::new(inner.x + 1, inner.y, inner.width.saturating_sub(2), inner.height);
    let lines_height = (lines.len() as u16).min(inner.height);
    frame.render_widget(
        Paragraph::new(lines),
        Rect {
            height: lines_height,
            ..inner
        },
    );
    let bar_row = inner.y + lines_height + 1;
    if bar_row < inner.bottom() {
        draw_bar(frame, loading, theme, Rect::new(inner.x, bar_row, inner.width, 1));
    }
    let hint_row = bar_row + 2;
    if hint_row < inner.bottom() {
        frame.render_widget(hint(theme), Rect::new(inner.x, hint_row, inner.width, 1));
    }
}

/// The heading, the stages done and the current one with the time so far.
fn stage_lines(loading: &Loading, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let mut lines = vec![heading(loading, theme, width), Line::default()];
    for stage in loading.progress.earlier() {
        lines.push(Line::from(vec![
            Span::styled("✓ ", theme.key),
            Span::styled(stage.doing().to_string(), theme.dim),
        ]));
    }
    lines.push(Line::from(vec![
        Span::styled("▸ ", theme.prompt),
        Span::styled(loading.progress.stage.doing().to_string(), theme.text),
        Span::styled(format!("  {:.1} s", loading.elapsed.as_secs_f64()), theme.count),
    ]));
    lines
}

/// "Loading /tmp/kb100k", the folder cut to fit.
fn heading(loading: &Loading, theme: &Theme, width: usize) -> Line<'static> {
    let lead = "Loading ";
    Line::from(vec![
        Span::styled(lead, theme.heading),
        Span::styled(
            truncate(&loading.what, width.saturating_sub(lead.len())),
            theme.doc_title,
        ),
    ])
}

/// The current stage's progress: a line gauge labelled "12/100 files parsed" when the stage counts its
/// work, else a short block sweeping across the track, so the screen never looks stuck.
fn draw_bar(frame: &mut Frame, loading: &Loading, theme: &Theme, area: Rect) {
    let progress = &loading.progress;
    match progress.ratio() {
        Some(ratio) => {
            let label = format!(
                "{}/{} {}",
                thousands(progress.done),
                thousands(progress.total),
                progress.stage.counted()
            );
            let gauge = LineGauge::default()
                .ratio(ratio.clamp(0.0, 1.0))
                .label(Span::styled(label, theme.count))
                // Heavy and light lines: the bar still reads without colours (NO_COLOR).
                .filled_symbol("━")
                .unfilled_symbol("─")
                .filled_style(theme.bar)
                .unfilled_style(theme.zero);
            frame.render_widget(gauge, area);
        }
        None => frame.render_widget(sweep(loading.elapsed, theme, area.width), area),
    }
}

/// A track with a block that crosses it about once a second, its position a function of the time.
fn sweep(elapsed: Duration, theme: &Theme, width: u16) -> Line<'static> {
    let width = usize::from(width);
    let block = (width / 6).max(1).min(width);
    let span = width - block + 1;
    let at = (elapsed.as_millis() / 40) as usize % span.max(1);
    Line::from(vec![
        Span::styled("─".repeat(at), theme.zero),
        Span::styled("━".repeat(block), theme.bar),
        Span::styled("─".repeat(width - block - at), theme.zero),
    ])
}

fn hint(theme: &Theme) -> Paragraph<'static> {
    Paragraph::new(Line::from(vec![
        Span::styled("Ctrl-C", theme.key),
        Span::styled(" cancels · what you type now is kept", theme.dim),
    ]))
    .alignment(Alignment::Left)
}

/// Below the explorer's minimum size: the same facts, one per line, without a frame.
fn draw_bare(frame: &mut Frame, loading: &Loading, theme: &Theme, area: Rect) {
    let progress = &loading.progress;
    let count = match progress.ratio() {
        Some(_) => format!(
            "{}/{} {}",
            thousands(progress.done),
            thousands(progress.total),
            progress.stage.counted()
        ),
        None => progress.stage.doing().to_string(),
    };
    let lines = vec![
        Line::styled("ipec: loading", theme.heading),
        Line::styled(loading.what.clone(), theme.doc_title),
        Line::styled(count, theme.text),
        Line::styled("Ctrl-C cancels", theme.dim),
    ];
    frame.render_widget(Paragraph::new(lines), area);
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::TestBackend;
    use ratatui::Terminal;

    fn loading() -> Loading {
        Loading {
            what: "/tmp/kb100k".to_string(),
            progress: Snapshot::new(Stage::Parsing, 12, 100, &[Stage::ReadingFiles]),
            elapsed: Duration::from_millis(1300),
        }
    }

    fn screen(width: u16, height: u16, loading: &Loading) -> String {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
        terminal
            .draw(|frame| draw(frame, loading, &Theme::dark()))
            .expect("draw");
        let buffer = terminal.backend().buffer();
        buffer.content().iter().map(|cell| cell.symbol()).collect()
    }

    #[test]
    fn tiny_and_odd_sizes_draw_without_panicking() {
        let counted = loading();
        let uncounted = Loading {
            progress: Snapshot::new(Stage::Checking, 0, 0, &[Stage::ReadingFiles, Stage::Parsing]),
            ..loading()
        };
        for loading in [&counted, &uncounted] {
            for (width, height) in [(0, 0), (1, 1), (5, 3), (0, 10), (10, 0), (39, 11), (40, 12), (41, 13)] {
                screen(width, height, loading);
            }
        }
    }

    #[test]
    fn a_counted_stage_shows_its_counts_and_bar() {
        let text = screen(80, 24, &loading());
        assert!(text.contains("12/100 files parsed"), "{text}");
        assert!(text.contains("✓ reading files"), "{text}");
        assert!(text.contains("▸ parsing files"), "{text}");
        assert!(text.contains("Loading /tmp/kb100k"), "{text}");
        assert!(text.contains("1.3 s"), "{text}");
    }

    #[test]
    fn a_long_folder_is_cut_to_fit_the_panel() {
        let long = Loading {
            what: format!("/{}", "very-long-folder-name/".repeat(20)),
            ..loading()
        };
        let text = screen(80, 24, &long);
        assert!(text.contains("…"), "{text}");
        assert!(text.contains("12/100 files parsed"), "{text}");
    }

    #[test]
    fn the_sweep_always_fills_its_width() {
        for width in 0..30u16 {
            for ms in [0, 39, 40, 500, 999, 10_000] {
                let line = sweep(Duration::from_millis(ms), &Theme::dark(), width);
                assert_eq!(line.width(), usize::from(width), "{width} {ms}");
            }
        }
    }
}
