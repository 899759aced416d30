//! The detail pane: the laid-out document (`app::detail::DocView`) from the scroll position, the focused
//! link highlighted, a scrollbar and the position ("12–30 of 84") when it does not all fit.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;

use crate::app::detail::Role;
use crate::app::{layout, App, Focus};

use super::Theme;

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let focused = app.palette().is_none() && app.current().focus == Focus::Detail;
    let view = app.detail_view();
    let text = layout::detail_text(area);
    let height = usize::from(text.height);
    let scroll = app.detail_scroll();
    let total = view.lines.len();
    let title = if app.palette().is_some() {
        " Preview "
    } else {
        " Detail "
    };
    let mut block = Block::bordered()
        .border_style(if focused { theme.border_focus } else { theme.border })
        .title(Span::styled(title, theme.pane_title));
    if total > height {
        let last = (scroll + height).min(total);
        block = block
            .title_bottom(Line::styled(format!(" {}–{last} of {total} ", scroll + 1), theme.count).right_aligned());
    }
    frame.render_widget(block, area);
    let link = app.detail_link();
    let lines: Vec<Line> = view
        .lines
        .iter()
        .skip(scroll)
        .take(height)
        .map(|line| {
            Line::from(
                line.iter()
                    .map(|seg| Span::styled(seg.text.clone(), style(theme, seg.role, link, focused)))
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), text);
    super::scrollbar(frame, theme, area, total, height, scroll);
}

fn style(theme: &Theme, role: Role, link: Option<usize>, focused: bool) -> Style {
    match role {
        Role::Title => theme.doc_title,
        Role::Kind => theme.doc_kind,
        Role::Subtitle => theme.subtitle,
        Role::FigureValue => theme.figure_value,
        Role::FigureLabel => theme.figure_label,
        Role::Heading => theme.heading,
        Role::Text | Role::FactValue => theme.text,
        Role::Bar => theme.bar,
        Role::FactKey => theme.fact_key,
        Role::Link(i) if focused && link == Some(i) => theme.link_focused,
        Role::Link(_) => theme.link,
        Role::LinkUrl(i) if focused && link == Some(i) => theme.link_focused,
        Role::LinkUrl(_) => theme.url,
        Role::Tag => theme.tag,
        Role::TagRole | Role::ItemDetail | Role::Dim => theme.dim,
        Role::Bullet => theme.dim,
        Role::Warning => theme.warning,
        Role::Url => theme.url,
    }
}
