//! A document laid out for the detail pane at a given width: wrapped lines of text segments, each with a
//! role the theme styles. Laying out here (not in the view) tells the state how long the text is and on
//! which line each link sits, so scrolling and link focus work without the terminal.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::document::{Block, Document, Link};
use crate::kb::text::sanitize;
use crate::kb::RecordRef;

/// What a piece of text is, for styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Title,
    Kind,
    Subtitle,
    FigureValue,
    FigureLabel,
    Heading,
    Text,
    FactKey,
    FactValue,
    /// A bar of a chart.
    Bar,
    /// The n-th followable link of the document (`Document::links` order).
    Link(usize),
    /// The URL of the n-th link, on the line below its label.
    LinkUrl(usize),
    /// A tag with no record to follow (a sector, a period).
    Tag,
    TagRole,
    Bullet,
    ItemDetail,
    Warning,
    Url,
    Dim,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seg {
    pub text: String,
    pub role: Role,
}

pub type Line = Vec<Seg>;

/// A laid-out document.
#[derive(Debug, Clone, Default)]
pub struct DocView {
    pub lines: Vec<Line>,
    /// For each link, the line it starts on.
    pub link_lines: Vec<usize>,
    /// For each link, the record it leads to.
    pub link_targets: Vec<LinkTarget>,
    /// Where each URL shown is, for the terminal to make it a hyperlink (OSC 8).
    pub hrefs: Vec<Href>,
}

/// A URL as laid out: one piece of it on one line (a URL shown whole may take several), and the whole
/// URL it stands for (a shortened one's too).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Href {
    pub line: usize,
    /// Its first column in the line, and its width.
    pub column: usize,
    pub width: usize,
    pub url: String,
    /// The link it belongs to, if it is one's.
    pub link: Option<usize>,
}

impl DocView {
    /// The last line the focused link takes, its URL included: what must be in view with it.
    pub fn link_end(&self, link: usize) -> Option<usize> {
        let start = *self.link_lines.get(link)?;
        let url = self.hrefs.iter().filter(|h| h.link == Some(link)).map(|h| h.line).max();
        Some(url.unwrap_or(start).max(start))
    }
}

/// Where a link of the detail pane goes: a record (Enter follows it) or a page on the web (Enter or o
/// opens it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    Record(RecordRef),
    Web(String),
}

impl DocView {
    /// The document laid out at `width`; the URL of the `focused` link is shown whole, the others
    /// shortened in the middle to one line.
    pub fn new(doc: &Document, width: u16, focused: Option<usize>) -> DocView {
        let mut w = Writer::new(usize::from(width).max(8));
        w.focused = focused;
        // Where the entries a list leaves out are: a record's whole lists in `ipec show`; a group's
        // (a year, a region, a cell) in the list beside the pane.
        w.elsewhere = if doc.id.is_empty() {
            "filter the list to find them".to_string()
        } else {
            format!("`ipec show {}` lists them all", doc.id)
        };
        w.header(doc);
        let mut after_heading = false;
        for block in &doc.blocks {
            if !after_heading {
                w.blank();
            }
            after_heading = matches!(block, Block::Heading { .. });
            w.block(block);
        }
        w.finish()
    }
}

/// The entries of one list the pane shows. A country of a 100,000-record knowledge base has thousands
/// of results and figures: laid out whole they took 0.15 s before the first frame that showed the
/// country, for a pane nobody scrolls that far. The documents the pane shows are built that short
/// (`Extent::AtMost`); a document built whole is cut here.
const LONGEST_LIST: usize = crate::document::SCREEN_LIST;

/// The first `LONGEST_LIST` entries, and how many are left out.
fn shown<T>(entries: &[T]) -> (&[T], usize) {
    let n = entries.len().min(LONGEST_LIST);
    (&entries[..n], entries.len() - n)
}

/// Wraps text by display width (never by bytes), keeping track of links.
struct Writer {
    width: usize,
    lines: Vec<Line>,
    line: Line,
    used: usize,
    /// Indentation of continuation lines.
    indent: usize,
    link_lines: Vec<usize>,
    link_targets: Vec<LinkTarget>,
    /// Where the entries a list leaves out can be seen.
    elsewhere: String,
    /// The link whose URL is shown whole.
    focused: Option<usize>,
    hrefs: Vec<Href>,
}

impl Writer {
    fn new(width: usize) -> Writer {
        Writer {
            width,
            lines: Vec::new(),
            line: Vec::new(),
            used: 0,
            indent: 0,
            link_lines: Vec::new(),
            link_targets: Vec::new(),
            elsewhere: String::new(),
            focused: None,
            hrefs: Vec::new(),
        }
    }

    fn finish(mut self) -> DocView {
        self.end_line();
        // A link with an empty label never lands; keep the two lists aligned all the same.
        while self.link_lines.len() < self.link_targets.len() {
            self.link_lines.push(self.lines.len().saturating_sub(1));
        }
        while self.lines.last().is_some_and(|l| l.is_empty()) {
            self.lines.pop();
        }
        DocView {
            lines: self.lines,
            link_lines: self.link_lines,
            link_targets: self.link_targets,
            hrefs: self.hrefs,
        }
    }

    fn end_line(&mut self) {
        if !self.line.is_empty() {
            self.lines.push(std::mem::take(&mut self.line));
        }
        self.used = 0;
    }

    /// One empty line between blocks, never two.
    fn blank(&mut self) {
        self.end_line();
        if self.lines.last().is_some_and(|l| !l.is_empty()) {
            self.lines.push(Vec::new());
        }
    }

    fn push(&mut self, text: &str, role: Role) {
        if text.is_empty() {
            return;
        }
        if let Role::Link(i) = role {
            // A link's line is where its first word lands, after any wrapping.
            if self.link_lines.len() == i {
                self.link_lines.push(self.lines.len());
            }
        }
        self.used += text.width();
        match self.line.last_mut() {
            Some(last) if last.role == role => last.text.push_str(text),
            _ => self.line.push(Seg {
                text: text.to_string(),
                role,
            }),
        }
    }

    fn new_line(&mut self) {
        self.end_line();
        if self.indent > 0 {
            self.line.push(Seg {
                text: " ".repeat(self.indent),
                role: Role::Text,
            });
            self.used = self.indent;
        }
    }

    /// Words of `text`, wrapped; the text's own line breaks are kept.
    fn words(&mut self, text: &str, role: Role) {
        let clean = sanitize(text).replace('\t', " ");
        for (i, paragraph) in clean.lines().enumerate() {
            if i > 0 {
                self.new_line();
            }
            for word in paragraph.split_whitespace() {
                self.word(word, role);
            }
        }
    }

    fn word(&mut self, word: &str, role: Role) {
        let room = self.width.saturating_sub(self.used);
        let at_start = self.used <= self.indent;
        let needed = word.width() + usize::from(!at_start);
        if needed > room && !at_start {
            self.new_line();
        } else if !at_start {
            self.push(" ", role);
        }
        if word.width() <= self.width.saturating_sub(self.used) {
            self.push(word, role);
        } else {
            self.long_word(word, role);
        }
    }

    /// A word wider than the line (a URL): broken by characters, by display width.
    fn long_word(&mut self, word: &str, role: Role) {
        let mut piece = String::new();
        for c in word.chars() {
            let cw = c.width().unwrap_or(0);
            if self.used + piece.width() + cw > self.width && !piece.is_empty() {
                self.push(&piece, role);
                piece.clear();
                self.new_line();
            }
            piece.push(c);
        }
        self.push(&piece, role);
    }

    /// Segments kept together on one line when they fit (a tag chip).
    fn unit(&mut self, segs: &[(&str, Role)]) {
        let width: usize = segs.iter().map(|(t, _)| t.width()).sum::<usize>();
        let at_start = self.used <= self.indent;
        if !at_start && self.used + 2 + width > self.width {
            self.new_line();
        } else if !at_start {
            self.push("  ", Role::Text);
        }
        for (text, role) in segs {
            if width <= self.width.saturating_sub(self.used) {
                self.push(text, *role);
            } else {
                self.words(text, *role);
            }
        }
    }

    /// The line that says how many entries of a list were left out.
    fn more(&mut self, more: usize) {
        if more > 0 {
            self.indent = 2;
            self.push("  ", Role::Dim);
            let text = format!(
                "… and {} more, not shown here: {}",
                crate::document::format::thousands(more),
                self.elsewhere
            );
            self.words(&text, Role::Dim);
            self.end_line();
        }
    }

    /// A URL on a line of its own, indented by `indent`, that belongs to `link`: shortened in the middle
    /// to fit, unless that link is focused: then whole, broken by characters over as many lines as it
    /// takes. Each piece is recorded for the terminal's hyperlinks.
    fn url(&mut self, url: &str, link: Option<usize>, role: Role) {
        let url = sanitize(url).replace(char::is_whitespace, "%20");
        self.indent = self.indent.min(self.width / 2);
        self.new_line();
        self.url_here(&url, link, role);
    }

    /// The same from where the line is.
    fn url_here(&mut self, url: &str, link: Option<usize>, role: Role) {
        let room = self.width.saturating_sub(self.used).max(1);
        let whole = link.is_some() && link == self.focused;
        if !whole {
            let short = crate::kb::text::shorten_middle(url, room);
            self.href(&short, url, link);
            self.push(&short, role);
            self.end_line();
            return;
        }
        let mut piece = String::new();
        for c in url.chars() {
            let cw = c.width().unwrap_or(0);
            if self.used + piece.width() + cw > self.width && !piece.is_empty() {
                self.href(&piece, url, link);
                self.push(&piece, role);
                piece.clear();
                self.new_line();
            }
            piece.push(c);
        }
        self.href(&piece, url, link);
        self.push(&piece, role);
        self.end_line();
    }

    /// Records that `shown` (about to be pushed) is a piece of `url`.
    fn href(&mut self, shown: &str, url: &str, link: Option<usize>) {
        self.hrefs.push(Href {
            line: self.lines.len(),
            column: self.used,
            width: shown.width(),
            url: url.to_string(),
            link,
        });
    }

    fn link(&mut self, link: &Link) -> Role {
        let target = match (link.target, &link.url) {
            (Some(r), _) => LinkTarget::Record(r),
            (None, Some(url)) => LinkTarget::Web(url.clone()),
            (None, None) => return Role::Tag,
        };
        self.link_targets.push(target);
        Role::Link(self.link_targets.len() - 1)
    }

    fn header(&mut self, doc: &Document) {
        self.words(&doc.title, Role::Title);
        self.end_line();
        // A record is introduced by its kind and id; a group (a matrix cell, a region) by its subtitle alone,
        // since it is not one record of that kind.
        let record = !doc.id.is_empty();
        if record {
            self.words(doc.kind.label(), Role::Kind);
            self.words(&doc.id, Role::Dim);
        }
        if !doc.subtitle.is_empty() {
            if record {
                self.words("·", Role::Dim);
            }
            self.words(&doc.subtitle, Role::Subtitle);
        }
        self.end_line();
        // The record's own page on the web (its NORMLEX or ILOSTAT page, its site) under its name, as
        // an address bar shows it: in view however long the record is. Its link is further down.
        if let Some(url) = doc.blocks.iter().find_map(|b| match b {
            Block::Web { links } => links.first().and_then(|l| l.url.clone()),
            _ => None,
        }) {
            self.indent = 0;
            self.push("↗ ", Role::Dim);
            let url = sanitize(&url).replace(char::is_whitespace, "%20");
            self.url_here(&url, None, Role::Url);
        }
    }

    /// Spaces up to column `to` (at least one), or a new line when the line is full.
    fn pad_to(&mut self, to: usize) {
        if self.used + 1 >= self.width {
            self.new_line();
            return;
        }
        let n = to.saturating_sub(self.used).max(1).min(self.width - self.used - 1);
        self.push(&" ".repeat(n), Role::Text);
    }

    fn block(&mut self, block: &Block) {
        self.indent = 0;
        match block {
            Block::Figures { figures, more } => {
                let (figures, cut) = shown(figures);
                let more = more + cut;
                let col = figures
                    .iter()
                    .map(|f| sanitize(&f.short()).width())
                    .max()
                    .unwrap_or(0)
                    .min(self.width / 2);
                for f in figures {
                    let value = sanitize(&f.short()).into_owned();
                    self.indent = 2;
                    self.push("▌ ", Role::FigureValue);
                    self.words(&value, Role::FigureValue);
                    self.pad_to(col + 4);
                    self.indent = (col + 4).min(self.width / 2);
                    self.words(&f.label, Role::FigureLabel);
                    self.end_line();
                }
                self.more(more);
            }
            Block::Heading { text } => {
                self.words(text, Role::Heading);
                self.end_line();
            }
            Block::Paragraph { text } => {
                self.words(text, Role::Text);
                self.end_line();
            }
            Block::Facts { facts } => self.facts(facts),
            Block::Chart { chart } => self.chart(chart),
            Block::Tags { tags } => {
                for tag in tags {
                    let role = self.link(tag);
                    let label = sanitize(&tag.label).into_owned();
                    let name = format!("{} ", tag.role);
                    self.unit(&[(name.as_str(), Role::TagRole), (label.as_str(), role)]);
                }
                self.end_line();
            }
            Block::Items { items, more } => {
                let (items, cut) = shown(items);
                let more = more + cut;
                for item in items {
                    self.indent = 2;
                    self.push("• ", Role::Bullet);
                    let role = self.link(&item.link);
                    self.words(&item.link.label, role);
                    self.end_line();
                    if !item.detail.is_empty() {
                        self.indent = 2;
                        self.new_line();
                        self.words(&item.detail, Role::ItemDetail);
                        self.end_line();
                    }
                }
                self.more(more);
            }
            Block::Web { links } => self.web(links),
            Block::Warning { text } => {
                self.indent = 2;
                self.push("! ", Role::Warning);
                self.words(text, Role::Warning);
                self.end_line();
            }
            Block::Citation { source, section, url } => self.citation(source, section, url.as_deref()),
        }
        self.indent = 0;
    }

    /// The record's pages on the web: each link's label, its URL below it.
    fn web(&mut self, links: &[Link]) {
        for link in links {
            self.indent = 2;
            self.push("↗ ", Role::Bullet);
            let role = self.link(link);
            self.words(&link.label, role);
            self.end_line();
            if let (Some(url), Role::Link(i)) = (&link.url, role) {
                self.indent = 4;
                self.url(url, Some(i), Role::LinkUrl(i));
            }
        }
    }

    /// Where the record comes from: the source (a link to its record), the section, the source's page.
    fn citation(&mut self, source: &Link, section: &str, url: Option<&str>) {
        self.indent = 2;
        self.push("Source ", Role::FactKey);
        let role = self.link(source);
        self.words(&source.label, role);
        if !section.is_empty() {
            self.words(&format!("— “{section}”"), Role::Dim);
        }
        self.end_line();
        if let Some(url) = url {
            // The source's own page, whole while the source's link is focused.
            let source_link = match role {
                Role::Link(i) => Some(i),
                _ => None,
            };
            self.indent = 2;
            self.url(url, source_link, Role::Url);
        }
    }

    /// Each row: its label, a bar scaled to the largest value, then the value and the unit once.
    fn chart(&mut self, chart: &crate::document::Chart) {
        let label_w = chart.bars.iter().map(|b| sanitize(&b.label).width()).max().unwrap_or(0);
        let value_w = chart.bars.iter().map(|b| b.text.width()).max().unwrap_or(0);
        let unit = sanitize(&chart.unit).into_owned();
        let label_w = label_w.min(self.width / 3);
        let bar_w = self.width.saturating_sub(label_w + value_w + unit.width() + 5).min(40);
        if bar_w < 4 {
            // Too narrow for bars: the rows as label and value, wrapped like any facts.
            let mut facts: Vec<(String, String)> = chart
                .bars
                .iter()
                .map(|b| (b.label.clone(), format!("{} {unit}", b.text)))
                .collect();
            facts.extend(chart.total.iter().map(|t| ("Total".to_string(), format!("{t} {unit}"))));
            return self.facts(&facts);
        }
        for bar in &chart.bars {
            self.indent = 0;
            let label = crate::kb::text::cut(&sanitize(&bar.label), label_w);
            let cells = chart.cells(bar.value, bar_w);
            self.push(
                &format!("{label}{} ", " ".repeat(label_w - label.width())),
                Role::FactKey,
            );
            self.push(&"█".repeat(cells), Role::Bar);
            self.push(&" ".repeat(bar_w - cells + 1), Role::Text);
            let value = format!("{}{} {unit}", " ".repeat(value_w - bar.text.width()), bar.text);
            self.push(value.trim_end(), Role::FactValue);
            self.end_line();
        }
        if let Some(total) = &chart.total {
            self.indent = 0;
            let pad = " ".repeat((label_w + bar_w + 2 + value_w).saturating_sub(5 + total.width()));
            self.push(&format!("Total{pad}{total} {unit}"), Role::FactKey);
            self.end_line();
        }
    }

    fn facts(&mut self, facts: &[(String, String)]) {
        let col = facts
            .iter()
            .map(|(k, _)| sanitize(k).width())
            .max()
            .unwrap_or(0)
            .min(self.width / 3);
        for (key, value) in facts {
            self.indent = 0;
            self.words(key, Role::FactKey);
            self.pad_to(col + 2);
            self.indent = col + 2;
            self.words(value, Role::FactValue);
            self.end_line();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::KnowledgeBase;

    fn width_of(line: &Line) -> usize {
        line.iter().map(|s| s.text.width()).sum()
    }

    #[test]
    fn a_long_list_shows_its_first_entries_and_says_how_many_more() {
        let kb = KnowledgeBase::builtin().expect("built-in knowledge base");
        let r = kb.find("GHA").expect("Ghana");
        let item = |n: usize| crate::document::Item {
            link: Link {
                label: format!("Result {n}"),
                role: "result".into(),
                target: Some(r),
                id: None,
                url: None,
            },
            detail: String::new(),
        };
        let doc = Document {
            kind: r.kind,
            id: "GHA".into(),
            title: "Ghana".into(),
            subtitle: String::new(),
            // A list cut when the document was built (1,000 left out), and longer than the pane still.
            blocks: vec![Block::Items {
                items: (0..LONGEST_LIST + 234).map(item).collect(),
                more: 1000,
            }],
        };
        let view = DocView::new(&doc, 80, None);
        assert_eq!(
            view.link_targets.len(),
            LONGEST_LIST,
            "only the entries shown are links"
        );
        let text: Vec<String> = view
            .lines
            .iter()
            .map(|l| l.iter().map(|s| s.text.as_str()).collect())
            .collect();
        let last_shown = format!("• Result {}", LONGEST_LIST - 1);
        assert!(text.iter().any(|l| l.trim() == last_shown), "{text:?}");
        assert!(!text.iter().any(|l| l.trim() == format!("• Result {LONGEST_LIST}")));
        let last = text.last().map(String::as_str).unwrap_or_default();
        assert!(last.contains("… and 1,234 more"), "{last}");
    }

    #[test]
    fn every_line_fits_and_every_link_is_placed() {
        let kb = KnowledgeBase::builtin().expect("built-in knowledge base");
        for r in kb.all_refs() {
            let doc = kb.document(r);
            for width in [8u16, 20, 37, 80] {
                let view = DocView::new(&doc, width, None);
                for line in &view.lines {
                    assert!(width_of(line) <= usize::from(width), "{}: {line:?}", doc.id);
                }
                assert_eq!(view.link_targets.len(), doc.links().len(), "{}", doc.id);
                for (i, &at) in view.link_lines.iter().enumerate() {
                    let on_line = view.lines[at].iter().any(|s| s.role == Role::Link(i));
                    assert!(on_line, "{} link {i} not on line {at}", doc.id);
                }
            }
        }
    }
}
