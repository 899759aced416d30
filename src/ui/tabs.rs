//! The tab bar: the brand when there is room, then the numbered tabs, and the arrows of a bar that
//! scrolls (see `layout::tab_bar`).

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::Frame;

use crate::app::layout::{brand_width, tab_bar, MORE_LEFT, MORE_RIGHT};
use crate::app::App;

use super::Theme;

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let mut spans = Vec::new();
    let brand = brand_width(area.width);
    if brand > 0 {
        spans.push(Span::styled(" IPEC+ ", theme.brand));
        spans.push(Span::raw(" ".repeat(usize::from(brand) - 7)));
    }
    let bar = tab_bar(area.width, app.tab);
    let mut x = brand;
    if bar.more_left.is_some() {
        spans.push(Span::styled(MORE_LEFT, theme.dim));
        x += 2;
    }
    for label in &bar.labels {
        if label.x > x {
            spans.push(Span::raw(" ".repeat(usize::from(label.x - x))));
        }
        if label.tab == app.tab {
            spans.push(Span::styled(label.text.clone(), theme.tab_active));
        } else {
            // The key in the colour of keys, so that each name reads apart from the next one.
            let (key, name) = label.text.split_at(key_end(&label.text));
            spans.push(Span::styled(key.to_string(), theme.key));
            spans.push(Span::styled(name.to_string(), theme.tab));
        }
        x = label.x + label.width;
    }
    if bar.more_right.is_some() {
        spans.push(Span::styled(MORE_RIGHT, theme.dim));
    }
    frame.render_widget(Line::from(spans), area);
}

/// Where a label's key ends: after its padding and digits (" 5 Countries " → " 5", "22 Tours" → "22").
fn key_end(text: &str) -> usize {
    let start = text.len() - text.trim_start().len();
    text[start..]
        .find(|c: char| !c.is_ascii_digit())
        .map_or(text.len(), |at| start + at)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_label_s_key_is_its_digits_however_many() {
        for (text, key) in [
            (" 5 Countries ", " 5"),
            ("5 Ctry", "5"),
            ("22 Tours", "22"),
            ("Over", ""),
        ] {
            assert_eq!(&text[..super::key_end(text)], key, "{text:?}");
        }
    }
}
