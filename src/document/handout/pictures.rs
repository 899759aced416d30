//! A step's visual as the scene layer draws it, on a canvas sized for a page: small enough that its text
//! reads at about the size of the handout's own once the picture fills the column, and tall enough for
//! what it shows and no more.

use super::Visual;
use crate::document::scene::chart::{chart_height, chart_svg};
use crate::document::scene::map::map_svg;
use crate::document::scene::matrix::matrix_svg;
use crate::document::scene::svg::Svg;
use crate::document::scene::timeline::{timeline_height, timeline_svg};
use crate::document::scene::Palette;
use crate::document::visual::timeline::TimelineLayout;
use crate::kb::KnowledgeBase;

/// A chart's canvas: 80 columns of the chart's smallest cells.
const CHART_WIDTH: f64 = 480.0;
/// A timeline's canvas: 100 columns of its smallest cells.
const TIMELINE_WIDTH: f64 = 500.0;
/// At most this many entries on a timeline: its milestones first, then the listings while there is room.
pub const TIMELINE_ROWS: usize = 16;
/// The columns a timeline's rows are chosen for (which rows does not depend on it; where they go does).
const TIMELINE_COLUMNS: u16 = 100;
/// The matrix: its headings fit their columns from 700 units across (the scene sets their size by it).
const MATRIX: (f64, f64) = (700.0, 240.0);
/// A map's canvas: 100 cells across, where the scene labels eight countries besides those a step names;
/// a region's view is taller than the world's.
const MAP_WIDTH: f64 = 1000.0;
const MAP_WORLD_HEIGHT: f64 = 580.0;
const MAP_REGION_HEIGHT: f64 = 700.0;

/// The picture of a visual drawn as one (a chart, a map, a timeline, the matrix); numbers and quotes
/// are text.
pub fn picture(kb: &KnowledgeBase, visual: &Visual) -> Option<Svg> {
    let palette = Palette::PRINT;
    Some(match visual {
        Visual::Numbers(_) | Visual::Quote { .. } => return None,
        Visual::Chart { chart, .. } => chart_svg(chart, CHART_WIDTH, chart_height(chart, CHART_WIDTH), palette),
        Visual::Map { region, named } => {
            let height = if region.is_some() {
                MAP_REGION_HEIGHT
            } else {
                MAP_WORLD_HEIGHT
            };
            map_svg(kb, *region, named, MAP_WIDTH, height, palette)
        }
        Visual::Timeline { from, to } => {
            let rows = timeline_rows(kb, *from, *to).rows.len();
            timeline_svg(
                kb,
                *from,
                *to,
                TIMELINE_WIDTH,
                timeline_height(rows, TIMELINE_WIDTH),
                palette,
            )
        }
        Visual::Matrix => matrix_svg(kb, MATRIX.0, MATRIX.1, palette),
    })
}

/// The entries a handout's timeline shows, as its picture shows them.
pub fn timeline_rows(kb: &KnowledgeBase, from: Option<i32>, to: Option<i32>) -> TimelineLayout {
    TimelineLayout::new(kb, from, to, TIMELINE_COLUMNS, TIMELINE_ROWS)
}
