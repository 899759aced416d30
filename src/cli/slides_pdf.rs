//! `ipec present TOUR --pdf FILE`: the slides as a PDF, one 16:9 page per slide as projected (every
//! reveal made), the speaker notes under each with `--with-notes`.

use std::process::ExitCode;

use super::handout::write_new;
use super::PdfOut;
use crate::document::scene::{fonts, render, slide, svg, Palette};
use crate::document::slides::slides;
use crate::kb::{KnowledgeBase, RecordRef};
use crate::ui::theme::ThemeName;

/// A 16:9 page in points: 13.33 × 7.5 inches, a widescreen slide's size.
const PAGE: (f32, f32) = (960.0, 540.0);

pub fn write(kb: &KnowledgeBase, target: RecordRef, theme: ThemeName, out: &PdfOut) -> ExitCode {
    let palette = match theme {
        ThemeName::Light => Palette::PRINT,
        ThemeName::Dark | ThemeName::HighContrast => Palette::PROJECTOR,
    };
    let slides = slides(kb, target);
    let title = kb.title(target).to_string();
    let pages: Vec<render::Page> = slides
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let picture = slide::slide_svg(kb, &title, s, &format!("{}/{}", i + 1, slides.len()), palette);
            if out.with_notes {
                with_notes(picture, &s.notes)
            } else {
                render::Page {
                    svg: picture.finish(),
                    size: PAGE,
                }
            }
        })
        .collect();
    match render::pdf(&pages, &title) {
        Ok(bytes) => write_new(&out.path, &bytes, out.force, "the slides"),
        Err(e) => {
            eprintln!("ipec: the slides could not be written as PDF: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// The slide at the top of a taller page, its speaker notes under it.
fn with_notes(picture: svg::Svg, notes: &str) -> render::Page {
    let size = 26.0;
    let lines = fonts::wrap(
        if notes.is_empty() {
            "No speaker notes for this step."
        } else {
            notes
        },
        size,
        false,
        slide::WIDTH - 160.0,
    );
    let height = slide::HEIGHT + 60.0 + lines.len() as f64 * size * 1.4 + 40.0;
    let mut page = svg::Svg::new(slide::WIDTH, height, Palette::PRINT.background);
    page.embed(0.0, 0.0, &picture);
    let style = svg::TextStyle {
        size,
        fill: Palette::PRINT.text,
        bold: false,
        anchor: svg::Anchor::Start,
    };
    for (i, line) in lines.iter().enumerate() {
        page.text(80.0, slide::HEIGHT + 60.0 + i as f64 * size * 1.4, line, style);
    }
    let points = (PAGE.0, (height / slide::WIDTH * f64::from(PAGE.0)) as f32);
    render::Page {
        svg: page.finish(),
        size: points,
    }
}
