//! A whole slide as a 16:9 picture, as projected: the show's title and the step counter, the heading,
//! the points, one visual and the source line. The PDF of the slides is these pages.

use super::fonts;
use super::svg::{Anchor, Svg, TextStyle};
use super::{chart::chart_svg, map::map_svg, matrix::matrix_svg, timeline::timeline_svg, Palette};
use crate::document::slides::{Slide, SlideBody};
use crate::document::{format, Block, Extent, Stat};
use crate::kb::{KnowledgeBase, Record, RecordRef};

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
        SlideBody::Chart(r) => match chart_of(kb, *r) {
            Some(chart) => chart_svg(&chart, w.min(1300.0), h, palette),
            None => return,
        },
        SlideBody::Map { region, country, named } => {
            let region = region.or_else(|| country.map(|c| kb.countries[c.index].region));
            map_svg(kb, region, named, w, h, palette)
        }
        SlideBody::Timeline { from, to } => timeline_svg(kb, *from, *to, w, h, palette),
        SlideBody::Matrix => matrix_svg(kb, w.min(1300.0), h, palette),
    };
    svg.embed(x + (w - inner.width) / 2.0, y, &inner);
}

fn chart_of(kb: &KnowledgeBase, r: RecordRef) -> Option<crate::document::Chart> {
    kb.document_with(r, Extent::SCREEN)
        .blocks
        .into_iter()
        .find_map(|b| match b {
            Block::Chart { chart } => Some(chart),
            _ => None,
        })
}

/// A record: its headline number big with its label, or its chart, or its title and first sentences.
fn record(svg: &mut Svg, kb: &KnowledgeBase, r: RecordRef, (x, y, w, h): (f64, f64, f64, f64), palette: Palette) {
    let doc = kb.document_with(r, Extent::SCREEN);
    let stats: Vec<Stat> = doc
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Figures { figures, .. } => Some(figures.clone()),
            _ => None,
        })
        .unwrap_or_default();
    let centre = x + w / 2.0;
    if let Some(first) = stats.first() {
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
        return;
    }
    if let Some(chart) = chart_of(kb, r) {
        let inner = chart_svg(&chart, w.min(1300.0), h, palette);
        svg.embed(x + (w - inner.width) / 2.0, y, &inner);
        return;
    }
    let said = match kb.record(r) {
        Record::Figure(_) | Record::Country(_) => String::new(),
        record => format::first_sentences(record.body(), 220),
    };
    let mut ly = y + 60.0;
    for line in fonts::wrap_at_most(kb.title(r), 34.0, true, w, 2) {
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
