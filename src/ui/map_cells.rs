//! A map on the terminal's cells, laid out by `MapLayout`: the land in braille, or (when the theme
//! fills maps) every country in coloured half-blocks by its results; then the marks and the labels.
//! The Map tab and the map slides both draw through here.

use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::Frame;

use crate::document::visual::map::{MapLayout, MarkSize};
use crate::document::visual::world;
use crate::kb::{KnowledgeBase, RecordRef, Region};
use crate::ui::Theme;

/// Draws the map of `region` (or the world) in `area`, labelling `named` and up to `others` more.
pub fn draw(
    frame: &mut Frame,
    kb: &KnowledgeBase,
    theme: &Theme,
    area: Rect,
    region: Option<Region>,
    named: &[RecordRef],
    others: usize,
) {
    if area.width < 4 || area.height < 2 {
        return;
    }
    let layout = MapLayout::new(kb, region, named, area.width, area.height, others);
    if theme.map.fill {
        fill(frame, kb, theme, area, &layout);
    } else {
        braille(frame, theme, area, &layout);
    }
    let buf = frame.buffer_mut();
    for m in &layout.marks {
        let style = match m.size {
            MarkSize::None => theme.dim,
            MarkSize::Few | MarkSize::Some | MarkSize::Many => theme.figure_value,
        };
        if let Some(cell) = buf.cell_mut((area.x + m.x, area.y + m.y)) {
            // The mark takes its colour; the country's fill stays around it.
            cell.set_symbol(&m.size.glyph().to_string());
            if let Some(fg) = style.fg {
                cell.set_fg(fg);
            }
            cell.modifier = style.add_modifier;
        }
    }
    for l in &layout.labels {
        let style = if named.contains(&l.country) {
            theme.selected
        } else {
            theme.text
        };
        // A blank either side, which never holds a mark, sets the label off the land.
        let (x, end) = (
            l.x.saturating_sub(1),
            (l.x + l.text.chars().count() as u16 + 1).min(area.width),
        );
        buf.set_string(area.x + x, area.y + l.y, " ".repeat(usize::from(end - x)), theme.base);
        buf.set_string(area.x + l.x, area.y + l.y, &l.text, style);
    }
}

/// Countries in half-blocks: two dots a cell, top and bottom, each its country's colour.
fn fill(frame: &mut Frame, kb: &KnowledgeBase, theme: &Theme, area: Rect, layout: &MapLayout) {
    let grid = world::shapes(
        layout.lon,
        layout.lat,
        usize::from(area.width),
        usize::from(area.height) * 2,
    );
    let results = world::results_by_shape(kb);
    let colour = |shape: Option<u16>| -> Option<Color> {
        let shape = shape?;
        Some(match results.get(&shape).copied().map(MarkSize::of) {
            Some(MarkSize::Many) => theme.map.shades[2],
            Some(MarkSize::Some) => theme.map.shades[1],
            Some(MarkSize::Few) => theme.map.shades[0],
            Some(MarkSize::None) | None => theme.map.land,
        })
    };
    let ocean = theme.base.bg.unwrap_or(Color::Reset);
    let buf = frame.buffer_mut();
    for y in 0..area.height {
        for x in 0..area.width {
            let (top, bottom) = (
                grid[usize::from(y) * 2][usize::from(x)],
                grid[usize::from(y) * 2 + 1][usize::from(x)],
            );
            let (top, bottom) = (colour(top), colour(bottom));
            if top.is_none() && bottom.is_none() {
                continue;
            }
            let style = Style::new().fg(top.unwrap_or(ocean)).bg(bottom.unwrap_or(ocean));
            buf.set_string(area.x + x, area.y + y, "▀", style);
        }
    }
}

/// The land in braille, two dots across and four down per cell.
fn braille(frame: &mut Frame, theme: &Theme, area: Rect, layout: &MapLayout) {
    const BITS: [[u32; 4]; 2] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]];
    let dots = world::land(
        layout.lon,
        layout.lat,
        usize::from(area.width) * 2,
        usize::from(area.height) * 4,
    );
    let buf = frame.buffer_mut();
    for (y, band) in dots.chunks(4).enumerate() {
        for x in 0..usize::from(area.width) {
            let mut bits = 0;
            for (dy, row) in band.iter().enumerate() {
                for (dx, column) in BITS.iter().enumerate() {
                    if row.get(x * 2 + dx).copied().unwrap_or(false) {
                        bits |= column[dy];
                    }
                }
            }
            if bits != 0 {
                let c = char::from_u32(0x2800 + bits).unwrap_or(' ');
                buf.set_string(area.x + x as u16, area.y + y as u16, c.to_string(), theme.border);
            }
        }
    }
}
