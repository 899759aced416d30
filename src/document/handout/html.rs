//! The handout as one self-contained HTML file: inline style and SVG, nothing fetched from anywhere;
//! readable on a screen, and printed a step per page with the tour's title and the page number in the
//! page's margins.

use std::fmt::Write as _;

use super::{pictures, stat_line, Handout, Paper, Step, Visual};
use crate::document::scene::chart::{chart_height, chart_svg};
use crate::document::scene::Palette;
use crate::document::{left_out, Block, Document, Item};
use crate::kb::text::sanitize;

/// HTML text: `<`, `>`, `&` and quotes escaped, control characters shown, never passed through.
fn esc(text: &str) -> String {
    sanitize(text)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Text inside a CSS string: quotes, backslashes and anything that could end the style sheet escaped.
fn css_string(text: &str) -> String {
    sanitize(text)
        .chars()
        .map(|c| match c {
            '"' | '\\' | '<' | '>' | '&' => format!("\\{:X} ", u32::from(c)),
            c => c.to_string(),
        })
        .collect()
}

const STYLE: &str = "
:root { --ink: #1a1a1a; --dim: #5c5c5c; --accent: #0b4f8a; --rule: #d0d7de; }
body { font: 17px/1.5 'DejaVu Sans', Verdana, system-ui, sans-serif; color: var(--ink); background: #fff;
  max-width: 52rem; margin: 2rem auto; padding: 0 1.2rem; }
h1 { font-size: 2.1rem; line-height: 1.2; margin: 0 0 .3rem; color: var(--accent); }
h2 { font-size: 1.5rem; line-height: 1.25; margin: .2rem 0 .6rem; }
h3 { font-size: 1.15rem; margin: 1.2rem 0 .3rem; } h4 { font-size: 1rem; margin: 1rem 0 .2rem; }
.cover { border-bottom: 3px solid var(--accent); padding-bottom: .8rem; margin-bottom: 1.5rem; }
.kicker { text-transform: uppercase; letter-spacing: .06em; font-size: .8rem; color: var(--dim); margin: 0; }
.sub, .cite, .detail { color: var(--dim); } .cite { font-size: .85rem; margin-top: .8rem; }
section { padding: 1.2rem 0 1.6rem; border-bottom: 1px solid var(--rule); }
ul.points { padding-left: 1.3rem; margin: .4rem 0 1rem; } ul.points li { margin: .25rem 0; }
figure { margin: .8rem 0; } figcaption { font-weight: bold; margin-bottom: .4rem; }
figure svg { display: block; width: 100%; height: auto; }
.big { font-size: 3.2rem; font-weight: bold; color: var(--accent); line-height: 1.1; margin: 0; }
.label { font-size: 1.15rem; margin: .2rem 0 .6rem; } .more { color: var(--dim); margin: .2rem 0; }
blockquote { margin: .4rem 0; padding-left: .9rem; border-left: 4px solid var(--rule); font-style: italic; }
table { border-collapse: collapse; margin: .5rem 0; } td, th { border: 1px solid var(--rule); padding: .2rem .5rem; text-align: left; vertical-align: top; }
.figure { font-size: 1.6rem; font-weight: bold; color: var(--accent); margin: .3rem 0; } .figure small { font-size: 1rem; color: var(--ink); font-weight: normal; }
a { color: var(--accent); overflow-wrap: anywhere; }
@media print {
  body { font-size: 11pt; max-width: none; margin: 0; padding: 0; }
  section { border: 0; padding: 0; page-break-before: always; break-before: page; }
  .cover + section { page-break-before: auto; break-before: auto; }
  figure, table, tr, blockquote { break-inside: avoid; page-break-inside: avoid; }
  figure svg { max-height: 150mm; }
  .big { font-size: 30pt; }
  a { color: inherit; text-decoration: none; }
}
";

const MARGIN_TEXT: &str = "font: 8pt 'DejaVu Sans', Verdana, sans-serif; color: #5c5c5c;";

/// The page's margins: the tour's title at the head, the page number at the foot; its size when a
/// paper was asked for (else the browser's own).
fn page_style(title: &str, paper: Option<Paper>) -> String {
    let size = match paper {
        Some(Paper::A4) => " size: A4;",
        Some(Paper::Letter) => " size: letter;",
        None => "",
    };
    format!(
        "@page {{{size} margin: 16mm 15mm; @top-left {{ content: \"{}\"; {MARGIN_TEXT} }} @bottom-right {{ content: \"Page \" counter(page) \" of \" counter(pages); {MARGIN_TEXT} }} }}",
        css_string(title)
    )
}

/// The handout as one HTML page, printed a step per page (on `paper` when given).
pub fn html(h: &Handout, paper: Option<Paper>) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}{}\n</style>\n</head>\n<body>\n",
        esc(&h.title),
        page_style(&h.title, paper)
    );
    let _ = write!(
        out,
        "<header class=\"cover\">\n<p class=\"kicker\">IPEC+ · Handout</p>\n<h1>{}</h1>\n",
        esc(&h.title)
    );
    if !h.subtitle.is_empty() {
        let _ = writeln!(out, "<p class=\"sub\">{}</p>", esc(&h.subtitle));
    }
    if !h.summary.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", esc(&h.summary));
    }
    out.push_str("</header>\n");
    for (i, step) in h.steps.iter().enumerate() {
        out.push_str(&step_html(h, i, step));
    }
    if !h.appendix.is_empty() {
        out.push_str("<section class=\"appendix\">\n<h2>Appendix: the records in full</h2>\n");
        for doc in &h.appendix {
            let _ = write!(out, "<article>\n{}</article>\n", document_html(doc));
        }
        out.push_str("</section>\n");
    }
    out.push_str(&sources_html(h));
    out.push_str("</body>\n</html>\n");
    out
}

fn step_html(h: &Handout, i: usize, step: &Step) -> String {
    let mut out = format!(
        "<section class=\"step\" id=\"step-{n}\">\n<p class=\"kicker\">Step {n} of {of}</p>\n<h2>{}</h2>\n",
        esc(&step.slide.heading),
        n = i + 1,
        of = h.steps.len()
    );
    if !step.slide.points.is_empty() {
        out.push_str("<ul class=\"points\">\n");
        for point in &step.slide.points {
            let _ = writeln!(out, "<li>{}</li>", esc(point));
        }
        out.push_str("</ul>\n");
    }
    out.push_str(&visual_html(h, &step.visual));
    if !step.slide.source.is_empty() {
        let _ = writeln!(out, "<p class=\"cite\">{}</p>", esc(&step.slide.source));
    }
    out.push_str("</section>\n");
    out
}

fn visual_html(h: &Handout, visual: &Visual) -> String {
    match visual {
        Visual::Numbers(stats) => {
            let mut out = String::from("<figure class=\"numbers\">\n");
            for (i, s) in stats.iter().enumerate() {
                let (big, rest) = stat_line(s);
                if i == 0 {
                    let _ = writeln!(
                        out,
                        "<p class=\"big\">{}</p>\n<p class=\"label\">{}</p>",
                        esc(&big),
                        esc(&rest)
                    );
                } else {
                    let _ = writeln!(
                        out,
                        "<p class=\"more\"><strong>{}</strong> {}</p>",
                        esc(&big),
                        esc(&rest)
                    );
                }
            }
            out.push_str("</figure>\n");
            out
        }
        Visual::Quote { title, said } => {
            let mut out = format!("<figure class=\"quote\">\n<figcaption>{}</figcaption>\n", esc(title));
            if !said.is_empty() {
                let _ = writeln!(out, "<blockquote>“{}”</blockquote>", esc(said));
            }
            out.push_str("</figure>\n");
            out
        }
        picture => {
            let caption = match picture {
                Visual::Chart { title, .. } => format!("<figcaption>{}</figcaption>\n", esc(title)),
                _ => String::new(),
            };
            let svg = pictures::picture(h.kb, picture).map_or(String::new(), |svg| svg.finish());
            format!("<figure class=\"picture\">\n{caption}{svg}\n</figure>\n")
        }
    }
}

fn sources_html(h: &Handout) -> String {
    let mut out = String::from("<section class=\"sources\">\n<h2>Sources</h2>\n<ul>\n");
    for s in &h.sources {
        let _ = write!(
            out,
            "<li>{}: <cite>{}</cite>, {}, {}",
            esc(&s.short),
            esc(&s.title),
            esc(&s.publisher),
            s.year
        );
        if let Some(url) = &s.url {
            let _ = write!(out, ". <a href=\"{u}\">{u}</a>", u = esc(url));
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
    if !h.web.is_empty() {
        out.push_str("<h3>On the web</h3>\n<ul>\n");
        for (label, url) in &h.web {
            let _ = writeln!(out, "<li>{}: <a href=\"{u}\">{u}</a></li>", esc(label), u = esc(url));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
    out
}

/// A record's whole document as HTML, for the appendix; a figure's rows as the scene's chart.
fn document_html(doc: &Document) -> String {
    let mut out = format!("<h3>{}</h3>\n<p class=\"sub\">{}", esc(&doc.title), doc.kind.label());
    if !doc.subtitle.is_empty() {
        let _ = write!(out, " · {}", esc(&doc.subtitle));
    }
    out.push_str("</p>\n");
    for block in &doc.blocks {
        out.push_str(&block_html(block));
    }
    out
}

fn block_html(block: &Block) -> String {
    let mut out = String::new();
    match block {
        Block::Figures { figures, more } => {
            for f in figures {
                let _ = writeln!(
                    out,
                    "<p class=\"figure\">{} <small>{}</small></p>",
                    esc(&f.short()),
                    esc(&f.label)
                );
            }
            if let Some(line) = left_out(*more) {
                let _ = writeln!(out, "<p>{}</p>", esc(&line));
            }
        }
        Block::Heading { text } => {
            let _ = writeln!(out, "<h4>{}</h4>", esc(text));
        }
        Block::Paragraph { text } => {
            let _ = writeln!(out, "<p>{}</p>", esc(text));
        }
        Block::Chart { chart } => {
            let svg = chart_svg(chart, 480.0, chart_height(chart, 480.0), Palette::PRINT);
            let _ = writeln!(out, "<figure>{}</figure>", svg.finish());
        }
        Block::Facts { facts } => {
            out.push_str("<table>\n");
            for (k, v) in facts {
                let _ = writeln!(out, "<tr><th>{}</th><td>{}</td></tr>", esc(k), esc(v));
            }
            out.push_str("</table>\n");
        }
        Block::Tags { tags } => {
            let tags: Vec<String> = tags
                .iter()
                .map(|t| format!("{}: <strong>{}</strong>", esc(&t.role), esc(&t.label)))
                .collect();
            let _ = writeln!(out, "<p>{}</p>", tags.join(" · "));
        }
        Block::Items { items, more } => out.push_str(&items_html(items, *more)),
        Block::Web { links } => {
            out.push_str("<ul>\n");
            for link in links {
                let url = esc(link.url.as_deref().unwrap_or_default());
                let _ = writeln!(out, "<li><a href=\"{url}\">{}</a></li>", esc(&link.label));
            }
            out.push_str("</ul>\n");
        }
        Block::Warning { text } => {
            let _ = writeln!(out, "<p>{}</p>", esc(text));
        }
        Block::Citation { source, section, url } => {
            let _ = write!(out, "<p class=\"cite\">Source: <cite>{}</cite>", esc(&source.label));
            if !section.is_empty() {
                let _ = write!(out, ", “{}”", esc(section));
            }
            if let Some(url) = url {
                let _ = write!(out, ". <a href=\"{u}\">{u}</a>", u = esc(url));
            }
            out.push_str("</p>\n");
        }
    }
    out
}

fn items_html(items: &[Item], more: usize) -> String {
    let mut out = String::from("<ul>\n");
    for item in items {
        let _ = writeln!(
            out,
            "<li>{} <span class=\"detail\">{}</span></li>",
            esc(&item.link.label),
            esc(&item.detail)
        );
    }
    if let Some(line) = left_out(more) {
        let _ = writeln!(out, "<li>{}</li>", esc(&line));
    }
    out.push_str("</ul>\n");
    out
}
