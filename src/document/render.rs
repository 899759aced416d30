//! A document as plain text (`ipec show`, copying a record in the explorer) and as Markdown. Text from the
//! data passes through `sanitize`, so no control character from a data file reaches the terminal.

use unicode_width::UnicodeWidthStr;

use super::{left_out, Block, Document};
use crate::kb::text::sanitize;

/// How a document is written as text: the width to wrap to, and for a terminal, hyperlinks (OSC 8)
/// and colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextOptions {
    pub width: usize,
    pub hyperlinks: bool,
    pub color: bool,
}

impl Default for TextOptions {
    /// Plain text at 100 columns: what a pipe, a file and the clipboard get.
    fn default() -> TextOptions {
        TextOptions {
            width: 100,
            hyperlinks: false,
            color: false,
        }
    }
}

impl TextOptions {
    /// A line in SGR `code` (bold, ...) when colouring.
    fn paint(&self, code: &str, text: &str) -> String {
        if self.color && !text.is_empty() {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    /// A URL on a line of its own after `indent`, never broken (a terminal wraps it whole, so that it
    /// still copies as one), a hyperlink on a terminal that takes them.
    fn url_line(&self, indent: &str, url: &str) -> String {
        let url = sanitize(url);
        let text = self.paint("34;4", &url);
        let text = if self.hyperlinks {
            crate::osc::hyperlink(&url, &text)
        } else {
            text
        };
        format!("{indent}{text}\n")
    }
}

/// A document as plain text for `ipec show` and the clipboard, at 100 columns.
pub fn document_text(doc: &Document) -> String {
    document_text_with(doc, &TextOptions::default())
}

/// A document as text wrapped to `options.width` (every line fits, but for a word longer than the
/// line: a URL is never broken).
pub fn document_text_with(doc: &Document, options: &TextOptions) -> String {
    let width = options.width.max(20);
    let mut out = String::new();
    let title = sanitize(&doc.title);
    let heading = fill("", "", &title, width);
    let rule = "=".repeat(title.width().clamp(3, width));
    out.push_str(&format!("{}\n{rule}\n", options.paint("1", heading.trim_end())));
    let mut kind = format!("{} {}", doc.kind.label(), doc.id);
    if !doc.subtitle.is_empty() {
        kind.push_str(&format!(" · {}", sanitize(&doc.subtitle)));
    }
    out.push_str(&fill("", "", &kind, width));
    for block in &doc.blocks {
        out.push('\n');
        out.push_str(&block_text(block, options, width));
    }
    out
}

/// One block of a document as text.
fn block_text(block: &Block, options: &TextOptions, width: usize) -> String {
    let mut out = String::new();
    match block {
        Block::Figures { figures, more } => {
            for f in figures {
                let first = format!("  ▸ {}  ", sanitize(&f.short()));
                out.push_str(&fill(&first, "    ", &sanitize(&f.label), width));
            }
            out.extend(left_out(*more).map(|line| fill("  ", "  ", &line, width)));
        }
        Block::Heading { text } => {
            out.push_str(&options.paint("1", fill("", "", &sanitize(text), width).trim_end()));
            out.push('\n');
        }
        Block::Paragraph { text } => out.push_str(&fill("", "", &sanitize(text), width)),
        Block::Chart { chart } => out.push_str(&chart_text_in(chart, width)),
        Block::Facts { facts } => {
            let w = facts
                .iter()
                .map(|(k, _)| sanitize(k).width())
                .max()
                .unwrap_or(0)
                .min(width / 3);
            for (k, v) in facts {
                let k = sanitize(k);
                let rest = " ".repeat(w + 4);
                if k.width() > w {
                    out.push_str(&fill("  ", "  ", &k, width));
                    out.push_str(&fill(&rest, &rest, &sanitize(v), width));
                } else {
                    let first = format!("  {k}{}  ", " ".repeat(w - k.width()));
                    out.push_str(&fill(&first, &rest, &sanitize(v), width));
                }
            }
        }
        Block::Tags { tags } => {
            let tags: Vec<String> = tags
                .iter()
                .map(|t| format!("{}: {}", t.role, sanitize(&t.label)))
                .collect();
            out.push_str(&fill_units("  ", &tags, " · ", width));
        }
        Block::Items { items, more } => {
            for item in items {
                let id = item.link.id.as_deref().map(|id| format!(" [{id}]")).unwrap_or_default();
                let label = format!("{}{}", sanitize(&item.link.label), sanitize(&id));
                out.push_str(&fill("  • ", "    ", &label, width));
                if !item.detail.is_empty() {
                    out.push_str(&fill("      ", "      ", &sanitize(&item.detail), width));
                }
            }
            out.extend(left_out(*more).map(|line| fill("  ", "  ", &line, width)));
        }
        Block::Web { links } => {
            out.push_str(&options.paint("1", "Links"));
            out.push('\n');
            for link in links {
                out.push_str(&fill("  ", "    ", &sanitize(&link.label), width));
                out.push_str(&options.url_line("    ", link.url.as_deref().unwrap_or_default()));
            }
        }
        Block::Warning { text } => out.push_str(&fill("Note: ", "", &sanitize(text), width)),
        Block::Citation { source, section, url } => {
            let mut text = sanitize(&source.label).into_owned();
            if !section.is_empty() {
                text.push_str(&format!(", “{}”", sanitize(section)));
            }
            out.push_str(&fill("Source: ", "        ", &text, width));
            if let Some(url) = url {
                out.push_str(&options.url_line("        ", url));
            }
        }
    }
    out
}

/// Units (tags) joined by `separator` and wrapped between them, never inside one unless it is longer
/// than a line, each line after `indent`.
fn fill_units(indent: &str, units: &[String], separator: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for unit in units {
        if !line.is_empty() && indent.width() + line.width() + separator.width() + unit.width() > width {
            out.push_str(&fill(indent, indent, &line, width));
            line.clear();
        }
        if !line.is_empty() {
            line.push_str(separator);
        }
        line.push_str(unit);
    }
    if !line.is_empty() {
        out.push_str(&fill(indent, indent, &line, width));
    }
    out
}

/// `text` wrapped at word boundaries to `width` columns, `first` before its first line and `rest`
/// before the others; the text's own line breaks are kept, and each line ends with a newline. A word
/// longer than a line stays whole, on a line of its own.
pub fn fill(first: &str, rest: &str, text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = first.to_string();
    let mut empty = true;
    for (i, paragraph) in text.lines().enumerate() {
        if i > 0 {
            out.push_str(line.trim_end());
            out.push('\n');
            line = rest.to_string();
            empty = true;
        }
        for word in paragraph.split_whitespace() {
            if !empty && line.width() + 1 + word.width() > width {
                out.push_str(line.trim_end());
                out.push('\n');
                line = rest.to_string();
                empty = true;
            }
            if !empty {
                line.push(' ');
            }
            line.push_str(word);
            empty = false;
        }
    }
    out.push_str(line.trim_end());
    out.push('\n');
    out
}

/// Text from the data in Markdown: control characters shown, emphasis characters taken literally.
pub fn markdown_text(text: &str) -> String {
    sanitize(text).replace('*', "\\*").replace('_', "\\_")
}

/// The same in a table cell, where a pipe would end the cell.
pub fn markdown_cell(text: &str) -> String {
    markdown_text(text).replace('|', "\\|")
}

/// A document as Markdown, for handouts: `ipec show GHA --format markdown > ghana.md`.
pub fn document_markdown(doc: &Document) -> String {
    let esc = markdown_text;
    let mut out = format!("# {}\n\n*{} `{}`", esc(&doc.title), doc.kind.label(), doc.id);
    if !doc.subtitle.is_empty() {
        out.push_str(&format!(" · {}", esc(&doc.subtitle)));
    }
    out.push_str("*\n");
    for block in &doc.blocks {
        out.push('\n');
        match block {
            Block::Figures { figures, more } => {
                for f in figures {
                    out.push_str(&format!("- **{}** {}\n", esc(&f.short()), esc(&f.label)));
                }
                out.extend(left_out(*more).map(|line| format!("- {line}\n")));
            }
            Block::Heading { text } => out.push_str(&format!("## {}\n", esc(text))),
            Block::Paragraph { text } => out.push_str(&format!("{}\n", esc(text))),
            Block::Chart { chart } => out.push_str(&chart_markdown(chart)),
            Block::Facts { facts } => {
                out.push_str("| | |\n|---|---|\n");
                for (k, v) in facts {
                    out.push_str(&format!("| {} | {} |\n", markdown_cell(k), markdown_cell(v)));
                }
            }
            Block::Tags { tags } => {
                let tags: Vec<String> = tags
                    .iter()
                    .map(|t| format!("{}: **{}**", t.role, esc(&t.label)))
                    .collect();
                out.push_str(&format!("{}\n", tags.join(" · ")));
            }
            Block::Items { items, more } => {
                for item in items {
                    let id = item
                        .link
                        .id
                        .as_deref()
                        .map(|id| format!(" (`{id}`)"))
                        .unwrap_or_default();
                    out.push_str(&format!("- {}{}", esc(&item.link.label), id));
                    if !item.detail.is_empty() {
                        out.push_str(&format!(": {}", esc(&item.detail)));
                    }
                    out.push('\n');
                }
                out.extend(left_out(*more).map(|line| format!("- {line}\n")));
            }
            Block::Web { links } => {
                for link in links {
                    let url = link.url.as_deref().unwrap_or_default();
                    let label = esc(&link.label).replace(['[', ']'], "");
                    out.push_str(&format!("- [{label}](<{}>)\n", sanitize(url)));
                }
            }
            Block::Warning { text } => out.push_str(&format!("> **Note:** {}\n", esc(text))),
            Block::Citation { source, section, url } => {
                out.push_str(&format!("Source: *{}*", esc(&source.label)));
                if !section.is_empty() {
                    out.push_str(&format!(", “{}”", esc(section)));
                }
                if let Some(url) = url {
                    out.push_str(&format!(" <{}>", sanitize(url)));
                }
                out.push('\n');
            }
        }
    }
    out
}

/// Bars as text: label, value and unit aligned, then a bar of `█` scaled to the largest value.
pub fn chart_text(chart: &super::Chart) -> String {
    chart_text_in(chart, 100)
}

/// The same in `width` columns: the labels cut and the bars shortened to fit, left out when there is no
/// room for them.
pub fn chart_text_in(chart: &super::Chart, width: usize) -> String {
    let label_w = chart
        .bars
        .iter()
        .map(|b| sanitize(&b.label).width())
        .max()
        .unwrap_or(0)
        .min(40)
        .min(width / 3);
    let value_w = chart.bars.iter().map(|b| b.text.width()).max().unwrap_or(0);
    let unit = sanitize(&chart.unit);
    let room = width.saturating_sub(2 + label_w + 2 + value_w + 1 + unit.width() + 2);
    let bar_w = if room >= 4 { room.min(30) } else { 0 };
    let mut out = String::new();
    for bar in &chart.bars {
        let label = crate::kb::text::cut(&sanitize(&bar.label), label_w);
        let line = format!(
            "  {label}{}  {}{} {unit}  {}",
            " ".repeat(label_w.saturating_sub(label.width())),
            " ".repeat(value_w - bar.text.width()),
            bar.text,
            "█".repeat(chart.cells(bar.value, bar_w)),
        );
        out.push_str(line.trim_end());
        out.push('\n');
    }
    if let Some(total) = &chart.total {
        out.push_str(&format!(
            "  {}  {total} {unit}\n",
            pad("Total", label_w + value_w - total.width())
        ));
    }
    out
}

/// A chart as a Markdown table: one row per bar, and the total.
pub fn chart_markdown(chart: &super::Chart) -> String {
    let esc = markdown_cell;
    let unit = esc(&chart.unit);
    let mut out = format!(
        "| | {} |\n|---|---:|\n",
        if unit.is_empty() { "value".to_string() } else { unit }
    );
    for bar in &chart.bars {
        out.push_str(&format!("| {} | {} |\n", esc(&bar.label), bar.text));
    }
    if let Some(total) = &chart.total {
        out.push_str(&format!("| **Total** | **{total}** |\n"));
    }
    out
}

fn pad(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(text.width())))
}
