//! A timeline slide: the axis of years, then a row per entry where `TimelineLayout` put it, the
//! milestones bright, the listings dim, and what did not fit counted.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::Frame;

use crate::document::visual::timeline::{Entry, TimelineLayout};
use crate::kb::KnowledgeBase;
use crate::ui::{truncate, Theme};

pub fn draw(frame: &mut Frame, kb: &KnowledgeBase, theme: &Theme, area: Rect, range: (Option<i32>, Option<i32>)) {
    if area.height < 3 || area.width < 16 {
        return;
    }
    let rows = usize::from(area.height.saturating_sub(4));
    let layout = TimelineLayout::new(kb, range.0, range.1, area.width, rows);
    let buf = frame.buffer_mut();
    buf.set_string(area.x, area.y + 1, "─".repeat(usize::from(area.width)), theme.border);
    for &(x, year) in &layout.ticks {
        buf.set_string(area.x + x, area.y + 1, "┬", theme.border);
        let label = year.to_string();
        let lx = x.min(area.width.saturating_sub(label.len() as u16));
        buf.set_string(area.x + lx, area.y, label, theme.fact_key);
    }
    for (i, row) in layout.rows.iter().enumerate() {
        let y = area.y + 2 + i as u16;
        let style = match row.item.entry {
            Entry::Listing => theme.dim,
            Entry::Result | Entry::Convention | Entry::Event => theme.figure_value,
        };
        let bar: String = if row.x1 > row.x0 {
            let mut bar = "━".repeat(usize::from(row.x1 - row.x0 + 1));
            if row.before {
                bar.replace_range(..3, "◀");
            }
            bar
        } else {
            match row.item.entry {
                Entry::Listing => "·".into(),
                Entry::Result | Entry::Convention | Entry::Event => "◆".into(),
            }
        };
        buf.set_string(area.x + row.x0, y, bar, style);
        let label = truncate(kb.title(row.item.record), usize::from(row.label_width));
        let label_x = if row.label_x == 0 {
            row.x0.saturating_sub(1 + label.chars().count() as u16)
        } else {
            row.label_x
        };
        let text_style = match row.item.entry {
            Entry::Listing => theme.dim,
            Entry::Result | Entry::Convention | Entry::Event => theme.text,
        };
        let on_bar = label_x > row.x0 && label_x <= row.x1;
        let text = if on_bar { format!(" {label} ") } else { label };
        buf.set_string(area.x + label_x.saturating_sub(u16::from(on_bar)), y, text, text_style);
    }
    let legend = legend(&layout);
    let y = area.y + area.height - 1;
    frame.render_widget(
        Line::from(Span::styled(truncate(&legend, usize::from(area.width)), theme.dim)).centered(),
        Rect::new(area.x, y, area.width, 1),
    );
}

/// "◆ milestone · ━ a result over its years · · listing · 12 more listings".
fn legend(layout: &TimelineLayout) -> String {
    let mut parts = vec![
        "◆ milestone".to_string(),
        "━ a result over its years".into(),
        "· listing".into(),
    ];
    if layout.hidden_milestones > 0 {
        parts.push(format!("{} more milestones", layout.hidden_milestones));
    }
    if layout.hidden_listings > 0 {
        parts.push(format!("{} more listings", layout.hidden_listings));
    }
    if layout.running > 0 {
        parts.push(format!("{} results begun earlier still running", layout.running));
    }
    parts.join(" · ")
}
