//! Plain-text, Markdown and JSON output of the subcommands. Text from the data passes through
//! `sanitize`, so no control character from a data file reaches the terminal.

use std::io::{self, Write};

use serde_json::{json, Value};
use unicode_width::UnicodeWidthStr;

use crate::kb::document::{Block, Document};
use crate::kb::links;
use crate::kb::text::sanitize;
use crate::kb::{KnowledgeBase, RecordRef};

/// `ipec show ID --format json`: the full record, with what it links to and what links to it.
pub fn record_json(kb: &KnowledgeBase, r: RecordRef, out: &mut impl Write) -> io::Result<()> {
    let brief = |r: &RecordRef| json!({ "kind": r.kind.key(), "id": kb.id(*r), "title": kb.title(*r) });
    let value = json!({
        "kind": r.kind.key(),
        "id": kb.id(r),
        "title": kb.title(r),
        "record": record_value(kb, r),
        // The authoritative pages on the web (`kb::links`); the records this one points at are `links_to`.
        "links": links::urls(kb, r),
        "links_to": kb.links(r).iter().map(brief).collect::<Vec<_>>(),
        "linked_from": kb.backlinks(r).iter().map(brief).collect::<Vec<_>>(),
        "document": kb.document(r),
    });
    writeln!(out, "{}", pretty(&value))
}

pub(super) fn record_value(kb: &KnowledgeBase, r: RecordRef) -> Value {
    let value = crate::kb::on_each_kind!(kb.record(r), x => serde_json::to_value(x));
    // Plain data with string keys always serializes; Null keeps this infallible all the same.
    value.unwrap_or(Value::Null)
}

pub(super) fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|_| value.to_string())
}

/// Columns padded by display width, so "Côte d'Ivoire" and wide characters line up.
pub(super) fn write_aligned(out: &mut impl Write, rows: &[[String; 3]]) -> io::Result<()> {
    let width = |col: usize| rows.iter().map(|r| sanitize(&r[col]).width()).max().unwrap_or(0);
    let (w0, w1) = (width(0), width(1).min(70));
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| sanitize(c).into_owned()).collect();
        let pad = |text: &str, w: usize| " ".repeat(w.saturating_sub(text.width()));
        let line = format!(
            "{}{}  {}{}  {}",
            cells[0],
            pad(&cells[0], w0),
            cells[1],
            pad(&cells[1], w1),
            cells[2]
        );
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

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
            Block::Figures { figures } => {
                for f in figures {
                    out.push_str(&format!("  ▸ {}  {}\n", sanitize(&f.short()), sanitize(&f.label)));
                }
            }
            Block::Heading { text } => out.push_str(&format!("{}\n", sanitize(text))),
            Block::Paragraph { text } => out.push_str(&format!("{}\n", wrap(&sanitize(text), 100))),
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
            Block::Items { items } => {
                for item in items {
                    let id = item.link.id.as_deref().map(|id| format!(" [{id}]")).unwrap_or_default();
                    out.push_str(&format!("  • {}{}\n", sanitize(&item.link.label), sanitize(&id)));
                    if !item.detail.is_empty() {
                        out.push_str(&format!("      {}\n", sanitize(&item.detail)));
                    }
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

/// A document as Markdown, for handouts: `ipec show GHA --format markdown > ghana.md`.
pub fn document_markdown(doc: &Document) -> String {
    let esc = |s: &str| sanitize(s).replace('*', "\\*").replace('_', "\\_");
    let mut out = format!("# {}\n\n*{} `{}`", esc(&doc.title), doc.kind.label(), doc.id);
    if !doc.subtitle.is_empty() {
        out.push_str(&format!(" · {}", esc(&doc.subtitle)));
    }
    out.push_str("*\n");
    for block in &doc.blocks {
        out.push('\n');
        match block {
            Block::Figures { figures } => {
                for f in figures {
                    out.push_str(&format!("- **{}** {}\n", esc(&f.short()), esc(&f.label)));
                }
            }
            Block::Heading { text } => out.push_str(&format!("## {}\n", esc(text))),
            Block::Paragraph { text } => out.push_str(&format!("{}\n", esc(text))),
            Block::Facts { facts } => {
                out.push_str("| | |\n|---|---|\n");
                for (k, v) in facts {
                    out.push_str(&format!(
                        "| {} | {} |\n",
                        esc(k).replace('|', "\\|"),
                        esc(v).replace('|', "\\|")
                    ));
                }
            }
            Block::Tags { tags } => {
                let tags: Vec<String> = tags
                    .iter()
                    .map(|t| format!("{}: **{}**", t.role, esc(&t.label)))
                    .collect();
                out.push_str(&format!("{}\n", tags.join(" · ")));
            }
            Block::Items { items } => {
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
