//! The handout as a PDF: each page built as an SVG page (text set with the embedded font and wrapped by
//! its own measures, the steps' pictures from the scene layer) and written by the scene's PDF writer, so
//! that the text is text and the pictures are vectors. The tour's title and the page number head every
//! page; the cover shares its page with the first step, and every other step starts a page of its own.

use anyhow::Result;

use super::{pictures, stat_line, Handout, Step, Visual};
use crate::document::scene::chart::{chart_height, chart_svg};
use crate::document::scene::fonts;
use crate::document::scene::render::{self, Page};
use crate::document::scene::svg::{Anchor, Svg, TextStyle};
use crate::document::scene::Palette;
use crate::document::{left_out, Block, Document, Stat};

/// The paper a PDF handout is printed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    A4,
    Letter,
}

impl Paper {
    /// Width and height in points.
    pub fn points(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.0, 842.0),
            Paper::Letter => (612.0, 792.0),
        }
    }
}

/// Units of a page's SVG per point: two, so that the scene's pictures keep their own units.
const K: f64 = 2.0;
const SIDE: f64 = 46.0 * K;
const TOP: f64 = 58.0 * K;
const BOTTOM: f64 = 44.0 * K;
/// Where the running header's text sits.
const HEADER: f64 = 30.0 * K;
const INK: &str = Palette::PRINT.text;
const DIM: &str = Palette::PRINT.dim;
const ACCENT: &str = Palette::PRINT.accent;

/// A style of text on the page, its size in units.
#[derive(Debug, Clone, Copy)]
struct Font {
    size: f64,
    bold: bool,
    fill: &'static str,
}

impl Font {
    const fn new(points: f64, bold: bool, fill: &'static str) -> Font {
        Font {
            size: points * K,
            bold,
            fill,
        }
    }

    fn line(self) -> f64 {
        self.size * 1.35
    }

    fn style(self, anchor: Anchor) -> TextStyle<'static> {
        TextStyle {
            size: self.size,
            fill: self.fill,
            bold: self.bold,
            anchor,
        }
    }

    fn width(self, text: &str) -> f64 {
        fonts::width(text, self.size, self.bold)
    }
}

const TITLE: Font = Font::new(24.0, true, ACCENT);
const SUBTITLE: Font = Font::new(11.0, false, DIM);
const KICKER: Font = Font::new(8.5, true, DIM);
const HEADING: Font = Font::new(18.0, true, INK);
const BODY: Font = Font::new(11.0, false, INK);
const BODY_BOLD: Font = Font::new(11.0, true, INK);
const SMALL: Font = Font::new(9.0, false, DIM);
const SECTION: Font = Font::new(15.0, true, INK);
const RECORD: Font = Font::new(13.0, true, INK);
const TEXT: Font = Font::new(10.0, false, INK);
const TEXT_BOLD: Font = Font::new(10.0, true, INK);

/// The handout's PDF, on `paper`.
pub fn pdf(h: &Handout, paper: Paper) -> Result<Vec<u8>> {
    let mut pager = Pager::new(paper);
    cover(&mut pager, h);
    for (i, step) in h.steps.iter().enumerate() {
        if i > 0 {
            pager.new_page();
        }
        step_page(&mut pager, h, i, step);
    }
    if !h.appendix.is_empty() {
        pager.new_page();
        pager.lines("Appendix: the records in full", SECTION, 0.0);
        for doc in &h.appendix {
            pager.gap(14.0 * K);
            document(&mut pager, doc);
        }
    }
    sources(&mut pager, h);
    render::pdf(&pager.finish(&h.title, paper), &h.title)
}

/// Pages being filled top to bottom, a cursor on the last.
struct Pager {
    pages: Vec<Svg>,
    width: f64,
    height: f64,
    y: f64,
}

impl Pager {
    fn new(paper: Paper) -> Pager {
        let (w, h) = paper.points();
        let mut pager = Pager {
            pages: Vec::new(),
            width: f64::from(w) * K,
            height: f64::from(h) * K,
            y: TOP,
        };
        pager.new_page();
        pager
    }

    fn new_page(&mut self) {
        self.pages
            .push(Svg::new(self.width, self.height, Palette::PRINT.background));
        self.y = TOP;
    }

    fn svg(&mut self) -> &mut Svg {
        if self.pages.is_empty() {
            self.new_page();
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn column(&self) -> f64 {
        self.width - 2.0 * SIDE
    }

    fn room(&self) -> f64 {
        self.height - BOTTOM - self.y
    }

    /// A new page unless `height` fits on this one (or this one is still empty).
    fn ensure(&mut self, height: f64) {
        if self.room() < height && self.y > TOP {
            self.new_page();
        }
    }

    fn gap(&mut self, height: f64) {
        self.y += height;
    }

    /// One line of text at `x`, on this page or the next.
    fn line(&mut self, x: f64, text: &str, font: Font) {
        self.ensure(font.line());
        let baseline = self.y + font.size * 0.95;
        self.svg().text(x, baseline, text, font.style(Anchor::Start));
        self.y += font.line();
    }

    /// Text wrapped to the column, `indent` in from its left edge.
    fn lines(&mut self, text: &str, font: Font, indent: f64) {
        for line in wrap(text, font, self.column() - indent) {
            self.line(SIDE + indent, &line, font);
        }
    }

    /// A list entry: a bullet, and its text wrapped beside it.
    fn bullet(&mut self, text: &str, font: Font, indent: f64) {
        let hang = font.size * 1.1;
        for (i, line) in wrap(text, font, self.column() - indent - hang).iter().enumerate() {
            if i == 0 {
                self.ensure(font.line());
                let baseline = self.y + font.size * 0.95;
                self.svg().text(
                    SIDE + indent,
                    baseline,
                    "•",
                    Font { fill: ACCENT, ..font }.style(Anchor::Start),
                );
            }
            self.line(SIDE + indent + hang, line, font);
        }
    }

    /// A picture as wide as the column, or narrower and centred where the page has less room than its
    /// height; on the next page when less than half of it would fit.
    fn picture(&mut self, picture: &Svg, reserve: f64) {
        let natural = self.column() * picture.height / picture.width.max(1.0);
        if self.room() - reserve < natural * 0.5 {
            self.new_page();
        }
        let height = natural.min((self.room() - reserve).max(0.0));
        let width = height * picture.width / picture.height.max(1.0);
        let x = SIDE + (self.column() - width) / 2.0;
        let y = self.y;
        self.svg().embed_scaled(x, y, width, picture);
        self.y += height;
    }

    /// The pages, each with the running header: the title, and "Page 3 of 12".
    fn finish(self, title: &str, paper: Paper) -> Vec<Page> {
        let n = self.pages.len();
        let (width, side) = (self.width, SIDE);
        self.pages
            .into_iter()
            .enumerate()
            .map(|(i, mut svg)| {
                let number = format!("Page {} of {n}", i + 1);
                let room = width - 2.0 * side - SMALL.width(&number) - 20.0 * K;
                let head = fonts::wrap_at_most(title, SMALL.size, false, room, 1).join("");
                svg.text(side, HEADER, &head, SMALL.style(Anchor::Start));
                svg.text(width - side, HEADER, &number, SMALL.style(Anchor::End));
                svg.line(
                    side,
                    HEADER + 5.0 * K,
                    width - side,
                    HEADER + 5.0 * K,
                    "#d0d7de",
                    K * 0.6,
                );
                Page {
                    svg: svg.finish(),
                    size: paper.points(),
                }
            })
            .collect()
    }
}

/// Text wrapped by words to `max`, a word longer than a line (an address) cut where it must be.
fn wrap(text: &str, font: Font, max: f64) -> Vec<String> {
    let text = crate::kb::text::sanitize(text);
    let mut out = Vec::new();
    for line in fonts::wrap(&text, font.size, font.bold, max) {
        if font.width(&line) <= max {
            out.push(line);
            continue;
        }
        let mut piece = String::new();
        for c in line.chars() {
            piece.push(c);
            if font.width(&piece) > max {
                piece.pop();
                out.push(std::mem::replace(&mut piece, c.to_string()));
            }
        }
        out.push(piece);
    }
    out
}

fn cover(pager: &mut Pager, h: &Handout) {
    pager.line(SIDE, "IPEC+ · HANDOUT", KICKER);
    pager.gap(4.0 * K);
    pager.lines(&h.title, TITLE, 0.0);
    if !h.subtitle.is_empty() {
        pager.lines(&h.subtitle, SUBTITLE, 0.0);
    }
    if !h.summary.is_empty() {
        pager.gap(6.0 * K);
        pager.lines(&h.summary, BODY, 0.0);
    }
    pager.gap(10.0 * K);
    let (y, width) = (pager.y, pager.width);
    pager.svg().rect(SIDE, y, width - 2.0 * SIDE, 1.5 * K, ACCENT);
    pager.gap(18.0 * K);
}

fn step_page(pager: &mut Pager, h: &Handout, i: usize, step: &Step) {
    pager.line(SIDE, &format!("STEP {} OF {}", i + 1, h.steps.len()), KICKER);
    pager.gap(2.0 * K);
    pager.lines(&step.slide.heading, HEADING, 0.0);
    pager.gap(6.0 * K);
    for point in &step.slide.points {
        pager.bullet(point, BODY, 0.0);
        pager.gap(2.0 * K);
    }
    pager.gap(10.0 * K);
    let source = wrap(&step.slide.source, SMALL, pager.column());
    let reserve = source.len() as f64 * SMALL.line() + 12.0 * K;
    visual(pager, h, &step.visual, reserve);
    pager.gap(12.0 * K);
    for line in source {
        pager.line(SIDE, &line, SMALL);
    }
}

fn visual(pager: &mut Pager, h: &Handout, visual: &Visual, reserve: f64) {
    match visual {
        Visual::Numbers(stats) => numbers(pager, stats),
        Visual::Quote { title, said } => {
            pager.lines(title, RECORD, 0.0);
            if !said.is_empty() {
                pager.gap(4.0 * K);
                let top = pager.y;
                pager.lines(&format!("“{said}”"), BODY, 12.0 * K);
                let (y, bottom) = (top, pager.y);
                pager.svg().rect(SIDE, y, 2.5 * K, bottom - y, "#d0d7de");
            }
        }
        picture => {
            if let Visual::Chart { title, .. } = picture {
                pager.lines(title, BODY_BOLD, 0.0);
                pager.gap(6.0 * K);
            }
            if let Some(svg) = pictures::picture(h.kb, picture) {
                pager.picture(&svg, reserve);
            }
        }
    }
}

/// Headline numbers: the first in big type over its words, the others in a column of values.
fn numbers(pager: &mut Pager, stats: &[Stat]) {
    let Some((first, rest)) = stats.split_first() else {
        return;
    };
    let (big, words) = stat_line(first);
    let fits = pager.column() / Font::new(1.0, true, ACCENT).width(&big).max(0.1);
    let size = (40.0 * K).min(fits);
    let font = Font {
        size,
        bold: true,
        fill: ACCENT,
    };
    pager.line(SIDE, &big, font);
    pager.lines(&words, Font::new(13.0, false, INK), 0.0);
    pager.gap(8.0 * K);
    figure_rows(pager, rest, BODY_BOLD, BODY);
}

/// Numbers as rows: each value in bold, its words beside it, wrapped in their own column.
fn figure_rows(pager: &mut Pager, stats: &[Stat], value: Font, words: Font) {
    let lines: Vec<(String, String)> = stats.iter().map(stat_line).collect();
    let value_w = lines.iter().map(|(v, _)| value.width(v)).fold(0.0, f64::max) + 10.0 * K;
    let value_w = value_w.min(pager.column() * 0.4);
    for (v, w) in &lines {
        pager.ensure(value.line());
        let baseline = pager.y + value.size * 0.95;
        pager.svg().text(SIDE, baseline, v, value.style(Anchor::Start));
        pager.lines(w, words, value_w);
        pager.gap(3.0 * K);
    }
}

fn sources(pager: &mut Pager, h: &Handout) {
    pager.gap(24.0 * K);
    pager.ensure(SECTION.line() + 4.0 * BODY.line());
    pager.lines("Sources", SECTION, 0.0);
    pager.gap(4.0 * K);
    for s in &h.sources {
        let mut entry = format!("{}: {}, {}, {}.", s.short, s.title, s.publisher, s.year);
        if let Some(url) = &s.url {
            entry.push(' ');
            entry.push_str(url);
        }
        pager.bullet(&entry, TEXT, 0.0);
        pager.gap(2.0 * K);
    }
    if !h.web.is_empty() {
        pager.gap(8.0 * K);
        pager.lines("On the web", TEXT_BOLD, 0.0);
        pager.gap(2.0 * K);
        for (label, url) in &h.web {
            pager.bullet(&format!("{label}: {url}"), TEXT, 0.0);
        }
    }
}

/// A record's whole document, in the appendix.
fn document(pager: &mut Pager, doc: &Document) {
    pager.ensure(RECORD.line() * 2.0 + TEXT.line() * 3.0);
    pager.lines(&doc.title, RECORD, 0.0);
    let sub = if doc.subtitle.is_empty() {
        doc.kind.label().to_string()
    } else {
        format!("{} · {}", doc.kind.label(), doc.subtitle)
    };
    pager.lines(&sub, SMALL, 0.0);
    for block in &doc.blocks {
        pager.gap(5.0 * K);
        block_pdf(pager, block);
    }
}

fn block_pdf(pager: &mut Pager, block: &Block) {
    match block {
        Block::Figures { figures, more } => {
            figure_rows(pager, figures, TEXT_BOLD, TEXT);
            if let Some(line) = left_out(*more) {
                pager.lines(&line, TEXT, 0.0);
            }
        }
        Block::Heading { text } => {
            pager.gap(3.0 * K);
            pager.ensure(TEXT_BOLD.line() * 3.0);
            pager.lines(text, TEXT_BOLD, 0.0);
        }
        Block::Paragraph { text } | Block::Warning { text } => pager.lines(text, TEXT, 0.0),
        Block::Chart { chart } => {
            let svg = chart_svg(chart, 480.0, chart_height(chart, 480.0), Palette::PRINT);
            pager.picture(&svg, 0.0);
        }
        Block::Facts { facts } => {
            for (k, v) in facts {
                pager.lines(&format!("{k}: {v}"), TEXT, 0.0);
            }
        }
        Block::Tags { tags } => {
            let tags: Vec<String> = tags.iter().map(|t| format!("{}: {}", t.role, t.label)).collect();
            pager.lines(&tags.join(" · "), TEXT, 0.0);
        }
        Block::Items { items, more } => {
            for item in items {
                let line = match item.detail.as_str() {
                    "" => item.link.label.clone(),
                    detail => format!("{} · {detail}", item.link.label),
                };
                pager.bullet(&line, TEXT, 0.0);
            }
            if let Some(line) = left_out(*more) {
                pager.bullet(&line, TEXT, 0.0);
            }
        }
        Block::Web { links } => {
            for link in links {
                let url = link.url.as_deref().unwrap_or_default();
                pager.bullet(&format!("{}: {url}", link.label), TEXT, 0.0);
            }
        }
        Block::Citation { source, section, url } => {
            let mut line = format!("Source: {}", source.label);
            if !section.is_empty() {
                line.push_str(&format!(", “{section}”"));
            }
            if let Some(url) = url {
                line.push_str(&format!(". {url}"));
            }
            pager.lines(&line, SMALL, 0.0);
        }
    }
}
