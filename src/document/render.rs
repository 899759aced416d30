//! A document as plain text (`ipec show`, copying a record in the explorer) and as Markdown. Text from the
//! data passes through `sanitize`, so no control character from a data file reaches the terminal.

use unicode_width::UnicodeWidthStr;

use super::{left_out, Block, Document};
use crate::kb::text::sanitize;

/// A document as plain text for `ipec show`.
pub fn document_text(doc: &Document) -> String {
    let mut out = String::new();
    let title = sanitize(&doc.title);
    out.push_str(&format!("{title}\n{}\n", "=".repeat(title.width().max(3))));
    out.push_str(&format!("{} {}", doc.kind.label(), doc.id));
    if !doc.subtitle.is_empty() {
        out.push_str(&format!(" · {}", sanitize(&doc.subtitle)));
    }
    out.push('\n');
    for block in &doc.blocks {
        out.push('\n');
        match block {
            Block::Figures { figures, more } => {
                for f in figures {
                    out.push_str(&format!("  ▸ {}  {}\n", sanitize(&f.short()), sanitize(&f.label)));
                }
                out.extend(left_out(*more).map(|line| format!("  {line}\n")));
            }
            Block::Heading { text } => out.push_str(&format!("{}\n", sanitize(text))),
            Block::Paragraph { text } => out.push_str(&format!("{}\n", wrap(&sanitize(text), 100))),
            Block::Chart { chart } => out.push_str(&chart_text(chart)),
            Block::Facts { facts } => {
                let w = facts.iter().map(|(k, _)| k.width()).max().unwrap_or(0);
                for (k, v) in facts {
                    out.push_str(&format!(
                        "  {}{}  {}\n",
                        sanitize(k),
                        " ".repeat(w - k.width()),
                        sanitize(v)
                    ));
                }
            }
            Block::Tags { tags } => {
                let tags: Vec<String> = tags
                    .iter()
                    .map(|t| format!("{}: {}", t.role, sanitize(&t.label)))
                    .collect();
                out.push_str(&format!("  {}\n", tags.join(" · ")));
            }
            Block::Items { items, more } => {
                for item in items {
                    let id = item.link.id.as_deref().map(|id| format!(" [{id}]")).unwrap_or_default();
                    out.push_str(&format!("  • {}{}\n", sanitize(&item.link.label), sanitize(&id)));
                    if !item.detail.is_empty() {
                        out.push_str(&format!("      {}\n", sanitize(&item.detail)));
                    }
                }
                out.extend(left_out(*more).map(|line| format!("  {line}\n")));
            }
            Block::Web { links } => {
                out.push_str("Links\n");
                for link in links {
                    let url = link.url.as_deref().unwrap_or_default();
                    out.push_str(&format!("  {}\n    {}\n", sanitize(&link.label), sanitize(url)));
                }
            }
            Block::Warning { text } => out.push_str(&format!("Note: {}\n", wrap(&sanitize(text), 100))),
            Block::Citation { source, section, url } => {
                out.push_str(&format!("Source: {}", sanitize(&source.label)));
                if !section.is_empty() {
                    out.push_str(&format!(", “{}”", sanitize(section)));
                }
                out.push('\n');
                if let Some(url) = url {
                    out.push_str(&format!("        {}\n", sanitize(url)));
                }
            }
        }
    }
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

/// Wraps at word boundaries to `width` columns, keeping the text's own line breaks.
fn wrap(text: &str, width: usize) -> String {
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            if !line.is_empty() && line.width() + 1 + word.width() > width {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
    }
    lines.join("\n")
}

/// Bars as text: label, value and unit aligned, then a bar of `█` scaled to the largest value.
pub fn chart_text(chart: &super::Chart) -> String {
    const BAR: usize = 30;
    let label_w = chart
        .bars
        .iter()
        .map(|b| sanitize(&b.label).width())
        .max()
        .unwrap_or(0)
        .min(40);
    let value_w = chart.bars.iter().map(|b| b.text.width()).max().unwrap_or(0);
    let unit = sanitize(&chart.unit);
    let mut out = String::new();
    for bar in &chart.bars {
        let label = crate::kb::text::cut(&sanitize(&bar.label), label_w);
        out.push_str(&format!(
            "  {label}{}  {}{} {unit}  {}\n",
            " ".repeat(label_w.saturating_sub(label.width())),
            " ".repeat(value_w - bar.text.width()),
            bar.text,
            "█".repeat(chart.cells(bar.value, BAR)),
        ));
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
