//! A whole slide as a 16:9 picture, as projected: the show's title and the step counter, the heading,
//! the points, one visual and the source line. The PDF of the slides is these pages.

use super::fonts;
use super::svg::{Anchor, Svg, TextStyle};
use super::{chart::chart_svg, Palette};
use crate::document::slides::{record_shows, Shows, Slide, SlideBody};
use crate::document::{format, Stat};
use crate::kb::{KnowledgeBase, RecordRef};

pub const WIDTH: f64 = 1600.0;
pub const HEIGHT: f64 = 900.0;
const MARGIN: f64 = 80.0;

/// The slide whole (every reveal made), with `corner` ("3/11") at the top right.
pub fn slide_svg(kb: &KnowledgeBase, show: &str, slide: &Slide, corner: &str, palette: Palette) -> Svg {
    let mut svg = Svg::new(WIDTH, HEIGHT, palette.background);
    let small = |fill, anchor| TextStyle {
        size: 22.0,
        fill,
        bold: false,
        anchor,
    };
    svg.text(
        MARGIN,
        50.0,
        &format!("IPEC+ · {show}"),
        small(palette.dim, Anchor::Start),
    );
    svg.text(WIDTH - MARGIN, 50.0, corner, small(palette.dim, Anchor::End));
    let heading = TextStyle {
        size: 52.0,
        fill: palette.text,
        bold: true,
        anchor: Anchor::Middle,
    };
    let mut y = 140.0;
    for line in fonts::wrap_at_most(&slide.heading, 52.0, true, WIDTH - 2.0 * MARGIN, 2) {
        svg.text(WIDTH / 2.0, y, &line, heading);
        y += 62.0;
    }
    y += 10.0;
    let point = TextStyle {
        size: 30.0,
        fill: palette.text,
        bold: false,
        anchor: Anchor::Start,
    };
    for p in &slide.points {
        for (i, line) in fonts::wrap_at_most(p, 30.0, false, WIDTH - 2.0 * MARGIN - 160.0, 2)
            .iter()
            .enumerate()
        {
            let bullet = if i == 0 { "• " } else { "" };
            svg.text(
                MARGIN + 80.0 + if i == 0 { 0.0 } else { 26.0 },
                y,
                &format!("{bullet}{line}"),
                point,
            );
            y += 40.0;
        }
    }
    let source_y = HEIGHT - 36.0;
    let visual = (MARGIN, y + 10.0, WIDTH - 2.0 * MARGIN, source_y - 40.0 - (y + 10.0));
    if visual.3 > 80.0 {
        draw_visual(&mut svg, kb, slide, visual, palette);
    }
    let source = fonts::wrap_at_most(&slide.source, 20.0, false, WIDTH - 2.0 * MARGIN, 1).join("");
    svg.text(
        WIDTH / 2.0,
        source_y,
        &source,
        TextStyle {
            size: 20.0,
            fill: palette.dim,
            bold: false,
            anchor: Anchor::Middle,
        },
    );
    svg
}

/// The slide's one visual in the box (x, y, width, height).
fn draw_visual(svg: &mut Svg, kb: &KnowledgeBase, slide: &Slide, (x, y, w, h): (f64, f64, f64, f64), palette: Palette) {
    let inner = match &slide.body {
        SlideBody::Record(r) => return record(svg, kb, *r, (x, y, w, h), palette),
        // Charts and the matrix read best no wider than a projector's central field.
        body @ (SlideBody::Chart(_) | SlideBody::Matrix) => super::visual_svg(kb, body, w.min(1300.0), h, palette),
        body @ (SlideBody::Map { .. } | SlideBody::Timeline { .. }) => super::visual_svg(kb, body, w, h, palette),
    };
    if let Some(inner) = inner {
        svg.embed(x + (w - inner.width) / 2.0, y, &inner);
    }
}

/// A record, as `slides::record_shows` says: its headline number big with its label, or its chart, or
/// its title and first sentences.
fn record(svg: &mut Svg, kb: &KnowledgeBase, r: RecordRef, (x, y, w, h): (f64, f64, f64, f64), palette: Palette) {
    match record_shows(kb, r) {
        Shows::Numbers(stats) => numbers(svg, &stats, (x, y, w, h), palette),
        Shows::Chart(chart) => {
            let inner = chart_svg(&chart, w.min(1300.0), h, palette);
            svg.embed(x + (w - inner.width) / 2.0, y, &inner);
        }
        Shows::Quote { title, said } => quote(svg, &title, &said, (x + w / 2.0, y, w), palette),
    }
}

/// The first number big, its label under it, the next two smaller.
fn numbers(svg: &mut Svg, stats: &[Stat], (x, y, w, h): (f64, f64, f64, f64), palette: Palette) {
    let Some(first) = stats.first() else { return };
    let centre = x + w / 2.0;
    let (big, unit) = crate::document::big_words(first);
    let fits = w * 0.95 / fonts::width(&big, 1.0, true).max(0.1);
    let size = (h * 0.45).min(150.0).min(fits);
    let top = y + size;
    svg.text(
        centre,
        top,
        &big,
        TextStyle {
            size,
            fill: palette.accent,
            bold: true,
            anchor: Anchor::Middle,
        },
    );
    let label = format::unit_then_label(&unit, &first.label);
    let mut ly = top + 50.0;
    for line in fonts::wrap_at_most(&label, 30.0, false, w, 2) {
        svg.text(
            centre,
            ly,
            &line,
            TextStyle {
                size: 30.0,
                fill: palette.text,
                bold: false,
                anchor: Anchor::Middle,
            },
        );
        ly += 40.0;
    }
    for s in stats.iter().skip(1).take(2) {
        let text = format!("{} {}", s.value, format::unit_then_label(&s.unit, &s.label));
        let line = fonts::wrap_at_most(&text, 24.0, false, w, 1).join("");
        svg.text(
            centre,
            ly + 10.0,
            &line,
            TextStyle {
                size: 24.0,
                fill: palette.dim,
                bold: false,
                anchor: Anchor::Middle,
            },
        );
        ly += 34.0;
    }
}

/// A record's title and, quoted, the first sentence or two of what it says; `x` is the centre.
fn quote(svg: &mut Svg, title: &str, said: &str, (centre, y, w): (f64, f64, f64), palette: Palette) {
    let mut ly = y + 60.0;
    for line in fonts::wrap_at_most(title, 34.0, true, w, 2) {
        svg.text(
            centre,
            ly,
            &line,
            TextStyle {
                size: 34.0,
                fill: palette.text,
                bold: true,
                anchor: Anchor::Middle,
            },
        );
        ly += 46.0;
    }
    if !said.is_empty() {
        for line in fonts::wrap_at_most(&format!("“{said}”"), 28.0, false, w * 0.85, 4) {
            ly += 40.0;
            svg.text(
                centre,
                ly,
                &line,
                TextStyle {
                    size: 28.0,
                    fill: palette.text,
                    bold: false,
                    anchor: Anchor::Middle,
                },
            );
        }
    }
}
