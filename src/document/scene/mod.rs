//! Pictures: every visual built once as a vector scene (SVG text), from the same layouts the terminal
//! draws (`document::visual`). From a scene come the SVG of the HTML handout, the pages of a PDF and the
//! raster images shown on graphics terminals; the fonts travel inside the binary, so a picture looks the
//! same on every machine, and no browser is needed.

pub mod chart;
pub mod fonts;
pub mod map;
pub mod matrix;
pub mod render;
pub mod slide;
pub mod svg;
pub mod timeline;

/// The colours of a picture: for paper (dark on white) or for a projector (light on black).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub background: &'static str,
    pub text: &'static str,
    pub dim: &'static str,
    pub accent: &'static str,
    /// Land without results, and the whole behind a part.
    pub land: &'static str,
    pub border: &'static str,
    /// Bars and marks.
    pub bar: &'static str,
    /// Countries by their results, fewest first.
    pub shades: [&'static str; 3],
}

impl Palette {
    /// Print and handouts: ink on white, shades a colour-blind reader tells apart.
    pub const PRINT: Palette = Palette {
        background: "#ffffff",
        text: "#1a1a1a",
        dim: "#5c5c5c",
        accent: "#0b4f8a",
        land: "#e4e4e4",
        border: "#ffffff",
        bar: "#1f6fb2",
        shades: ["#9ecae1", "#4292c6", "#08519c"],
    };

    /// The projector: the high-contrast theme's light on black.
    pub const PROJECTOR: Palette = Palette {
        background: "#000000",
        text: "#ffffff",
        dim: "#c8c8c8",
        accent: "#ffd75f",
        land: "#3a3a3a",
        border: "#000000",
        bar: "#5fafff",
        shades: ["#87afd7", "#5f87ff", "#ffd75f"],
    };
}

/// The picture of a slide's visual that is a picture of its own (the map, a chart, the timeline, the
/// matrix), `width` × `height`; a record's number or quotation is drawn with the slide's text instead.
/// The one place that says which scene draws which visual, for the slides' PDF, the terminal's images
/// and the benchmarks alike.
pub fn visual_svg(
    kb: &crate::kb::KnowledgeBase,
    body: &crate::document::slides::SlideBody,
    width: f64,
    height: f64,
    palette: Palette,
) -> Option<svg::Svg> {
    use crate::document::slides::{chart_of, SlideBody};
    Some(match body {
        SlideBody::Map { region, country, named } => {
            let region = region.or_else(|| country.map(|c| kb.countries[c.index].region));
            map::map_svg(kb, region, named, width, height, palette)
        }
        SlideBody::Chart(r) => chart::chart_svg(&chart_of(kb, *r)?, width, height, palette),
        SlideBody::Timeline { from, to } => timeline::timeline_svg(kb, *from, *to, width, height, palette),
        SlideBody::Matrix => matrix::matrix_svg(kb, width, height, palette),
        SlideBody::Record(_) => return None,
    })
}
