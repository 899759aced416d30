//! The map as a picture: Natural Earth's countries filled by their results (a choropleth), a mark per
//! country of the knowledge base sized by its results (hollow for a donor or partner without any),
//! labels exactly where `MapLayout` puts them on a grid of virtual cells, and a legend under the map.

use std::collections::HashMap;

use super::fonts;
use super::svg::{Anchor, Svg, TextStyle};
use super::Palette;
use crate::document::visual::map::{MapLayout, MarkSize};
use crate::document::visual::world::{results_by_shape, rings};
use crate::kb::{KnowledgeBase, RecordRef, Region};

/// The virtual cells the layout places marks and labels on: as a terminal's, twice as tall as wide,
/// between 60 and 140 across whatever the picture's size, so that labels keep their size relative to it.
#[derive(Debug, Clone, Copy)]
struct Grid {
    w: f64,
    h: f64,
    /// A label's font size: its characters fit its cells (0.55 em wide at most, one em tall).
    label: f64,
}

impl Grid {
    fn for_width(width: f64) -> Grid {
        let cols = (width / 10.0).clamp(60.0, 140.0);
        let w = width / cols;
        Grid {
            w,
            h: 2.0 * w,
            label: 1.6 * w,
        }
    }
}

/// The map of `region` (or the world), `width` × `height` units, legend included.
pub fn map_svg(
    kb: &KnowledgeBase,
    region: Option<Region>,
    named: &[RecordRef],
    width: f64,
    height: f64,
    palette: Palette,
) -> Svg {
    let grid = Grid::for_width(width);
    let legend_h = grid.label * 2.6;
    let cols = (width / grid.w).floor().max(4.0) as u16;
    let rows = ((height - legend_h) / grid.h).floor().max(3.0) as u16;
    let others = if cols >= 100 { 8 } else { 4 };
    let layout = MapLayout::new(kb, region, named, cols, rows, others);
    let (map_w, map_h) = (f64::from(cols) * grid.w, f64::from(rows) * grid.h);
    let mut svg = Svg::new(width, height, palette.background);
    svg.begin_clip(0.0, 0.0, map_w, map_h);
    countries(&mut svg, kb, &layout, (map_w, map_h), palette);
    svg.end_clip();
    marks(&mut svg, &layout, grid, palette);
    labels(&mut svg, &layout, grid, palette);
    legend(&mut svg, map_h + grid.label * 0.6, width, grid, palette);
    svg
}

/// Every country's shape, filled by the results of the country of the knowledge base it holds.
fn countries(svg: &mut Svg, kb: &KnowledgeBase, layout: &MapLayout, size: (f64, f64), palette: Palette) {
    let results = results_by_shape(kb);
    let project = |(lon, lat): (f64, f64)| {
        (
            (lon - layout.lon[0]) / (layout.lon[1] - layout.lon[0]) * size.0,
            (layout.lat[1] - lat) / (layout.lat[1] - layout.lat[0]) * size.1,
        )
    };
    let mut by_country: HashMap<u16, Vec<Vec<(f64, f64)>>> = HashMap::new();
    for ring in rings() {
        // A ring cut at the antimeridian jumps across the world: each side is drawn on its own.
        let mut piece: Vec<(f64, f64)> = Vec::new();
        let pieces = by_country.entry(ring.country).or_default();
        for pair in ring.points.windows(2) {
            if piece.is_empty() {
                piece.push(project(pair[0]));
            }
            if (pair[1].0 - pair[0].0).abs() > 180.0 {
                pieces.push(std::mem::take(&mut piece));
                piece.push(project(pair[1]));
            } else {
                piece.push(project(pair[1]));
            }
        }
        pieces.push(piece);
    }
    let mut ids: Vec<&u16> = by_country.keys().collect();
    ids.sort();
    for id in ids {
        let fill = match results.get(id).copied().map(MarkSize::of) {
            Some(MarkSize::Many) => palette.shades[2],
            Some(MarkSize::Some) => palette.shades[1],
            Some(MarkSize::Few) => palette.shades[0],
            Some(MarkSize::None) | None => palette.land,
        };
        svg.rings(&by_country[id], fill, palette.border);
    }
}

/// A mark's radius: within its cell, bigger for more results.
fn radius(size: MarkSize, grid: Grid) -> f64 {
    grid.w
        * match size {
            MarkSize::Many => 0.85,
            MarkSize::Some => 0.7,
            MarkSize::Few | MarkSize::None => 0.5,
        }
}

fn marks(svg: &mut Svg, layout: &MapLayout, grid: Grid, palette: Palette) {
    for m in &layout.marks {
        let (cx, cy) = (
            f64::from(m.x) * grid.w + grid.w / 2.0,
            f64::from(m.y) * grid.h + grid.h / 2.0,
        );
        match m.size {
            MarkSize::None => svg.circle(cx, cy, radius(m.size, grid), palette.background, Some(palette.dim)),
            MarkSize::Few | MarkSize::Some | MarkSize::Many => {
                svg.circle(cx, cy, radius(m.size, grid), palette.accent, Some(palette.background))
            }
        }
    }
}

fn labels(svg: &mut Svg, layout: &MapLayout, grid: Grid, palette: Palette) {
    for l in &layout.labels {
        let style = TextStyle {
            size: grid.label,
            fill: palette.text,
            bold: l.named,
            anchor: Anchor::Start,
        };
        svg.halo_text(
            f64::from(l.x) * grid.w,
            f64::from(l.y) * grid.h + grid.h * 0.75,
            &l.text,
            style,
            palette.background,
        );
    }
}

/// "● 10 or more ● 3–9 ● 1–2 results ○ no results (donor or partner) · the number after a name: its results".
fn legend(svg: &mut Svg, y: f64, width: f64, grid: Grid, palette: Palette) {
    let size = grid.label;
    let mut x = 4.0;
    let parts = MarkSize::ALL.iter().map(|s| (Some(*s), s.meaning().to_string()));
    for (mark, text) in parts.chain([(None, "the number after a name: its results".to_string())]) {
        let w = legend_width(&text, size) + if mark.is_some() { size * 1.4 } else { 0.0 };
        if x + w > width {
            break;
        }
        if let Some(s) = mark {
            let fill = match s {
                MarkSize::None => palette.background,
                MarkSize::Few | MarkSize::Some | MarkSize::Many => palette.accent,
            };
            svg.circle(x + size / 2.0, y + size * 0.6, radius(s, grid), fill, Some(palette.dim));
            x += size * 1.4;
        }
        let style = TextStyle {
            size,
            fill: palette.dim,
            bold: false,
            anchor: Anchor::Start,
        };
        svg.text(x, y + size, &text, style);
        x += legend_width(&text, size) + size * 1.4;
    }
}

/// The room a legend's words take: their width in the embedded font, and never less than 0.55 em a
/// character, since a reader's font may be wider (a browser without DejaVu Sans draws the SVG of an HTML
/// handout in Verdana) and the next words must not run into them.
fn legend_width(text: &str, size: f64) -> f64 {
    fonts::width(text, size, false).max(0.55 * size * text.chars().count() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_map_is_country_shapes_with_marks_and_a_legend() {
        let kb = KnowledgeBase::builtin().expect("built-in knowledge base");
        let ghana = kb.find("GHA").expect("Ghana");
        let out = map_svg(&kb, Some(Region::Africa), &[ghana], 640.0, 400.0, Palette::PRINT).finish();
        assert!(out.matches("<path").count() >= 120, "country shapes");
        assert!(
            out.contains(">Ghana 7<") || out.contains(">Ghana "),
            "Ghana is labelled"
        );
        assert!(out.contains("no results (donor or partner)"));
        assert!(
            crate::document::visual::world::shape_at(-1.0, 7.9).is_some(),
            "Ghana's shape holds its coordinates"
        );
    }
}
