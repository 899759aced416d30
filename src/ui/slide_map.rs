//! A map slide: the land in braille, then the marks and labels where `MapLayout` put them, and a
//! legend of what the marks mean.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::Frame;

use crate::document::visual::map::{MapLayout, MarkSize};
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
    let layout = MapLayout::new(kb, region, named, map_area.width, map_area.height, others);
    let land = crate::document::visual::world::land(
        layout.lon,
        layout.lat,
        usize::from(map_area.width) * 2,
        usize::from(map_area.height) * 4,
    );
    let land_style = theme.border;
    let buf = frame.buffer_mut();
    for (y, row) in braille_rows(&land).into_iter().enumerate() {
        for (x, c) in row.into_iter().enumerate() {
            if c != '\u{2800}' {
                buf.set_string(map_area.x + x as u16, map_area.y + y as u16, c.to_string(), land_style);
            }
        }
    }
    for m in &layout.marks {
        let style = match m.size {
            MarkSize::None => theme.dim,
            MarkSize::Few | MarkSize::Some | MarkSize::Many => theme.figure_value,
        };
        buf.set_string(map_area.x + m.x, map_area.y + m.y, m.size.glyph().to_string(), style);
    }
    for l in &layout.labels {
        let style = if l.named { theme.selected } else { theme.text };
        // A blank either side, which never holds a mark, sets the label off the land.
        let (x, end) = (
            l.x.saturating_sub(1),
            (l.x + l.text.chars().count() as u16 + 1).min(map_area.width),
        );
        buf.set_string(
            map_area.x + x,
            map_area.y + l.y,
            " ".repeat(usize::from(end - x)),
            theme.base,
        );
        buf.set_string(map_area.x + l.x, map_area.y + l.y, &l.text, style);
    }
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

/// A grid of dots as rows of braille characters, two dots across and four down per character.
fn braille_rows(dots: &[Vec<bool>]) -> Vec<Vec<char>> {
    const BITS: [[u32; 4]; 2] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]];
    let width = dots.first().map_or(0, Vec::len).div_ceil(2);
    dots.chunks(4)
        .map(|band| {
            (0..width)
                .map(|x| {
                    let mut bits = 0;
                    for (dy, row) in band.iter().enumerate() {
                        for (dx, column) in BITS.iter().enumerate() {
                            if row.get(x * 2 + dx).copied().unwrap_or(false) {
                                bits |= column[dy];
                            }
                        }
                    }
                    char::from_u32(0x2800 + bits).unwrap_or(' ')
                })
                .collect()
        })
        .collect()
}
