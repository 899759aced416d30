//! A map slide: the land in braille, then the marks and labels where `MapLayout` put them, and a
//! legend of what the marks mean.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::Frame;

use crate::document::visual::map::MarkSize;
use crate::kb::{KnowledgeBase, RecordRef, Region};
use crate::ui::Theme;

pub fn draw(
    frame: &mut Frame,
    kb: &KnowledgeBase,
    theme: &Theme,
    area: Rect,
    region: Option<Region>,
    named: &[RecordRef],
) {
    if area.height < 3 || area.width < 10 {
        return;
    }
    let map_area = Rect::new(area.x, area.y, area.width, area.height - 1);
    let others = if area.width >= 100 { 6 } else { 3 };
    super::map_cells::draw(frame, kb, theme, map_area, region, named, others);
    legend(frame, theme, Rect::new(area.x, area.y + area.height - 1, area.width, 1));
}

/// "◉ 10 or more · ● 3–9 · • 1–2 results · ○ no results (donor or partner) · labels: results": as much as fits.
fn legend(frame: &mut Frame, theme: &Theme, area: Rect) {
    let mut spans = Vec::new();
    let mut used = 0;
    let parts: Vec<String> = MarkSize::ALL
        .iter()
        .map(|s| format!("{} {}", s.glyph(), s.meaning()))
        .chain(["the number after a name: its results".to_string()])
        .collect();
    for part in parts {
        let w = part.chars().count() + 3;
        if used + w > usize::from(area.width) {
            break;
        }
        used += w;
        spans.push(Span::styled(part, theme.dim));
        spans.push(Span::raw("   "));
    }
    frame.render_widget(Line::from(spans).centered(), area);
}
