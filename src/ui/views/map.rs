//! The Map tab: Natural Earth's countries (in braille, or filled by their results in half-blocks),
//! every country of the knowledge base marked at its coordinates, the more results the bigger the mark,
//! donors and partners without results hollow; the selected country named, and on wide screens the
//! countries with most results labelled, never over a mark or another label.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;
use ratatui::Frame;

use crate::app::rows::RowKey;
use crate::app::App;
use crate::document::format::count;
use crate::kb::{Kind, KnowledgeBase, RecordRef, Region};
use crate::ui::Theme;

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let selected = match app.detail_key() {
        Some(RowKey::Record(r)) if r.kind == Kind::Country => Some(r),
        _ => None,
    };
    let region = app.current().region();
    let title = match selected {
        Some(r) => format!(
            " {} · {} ",
            app.kb.title(r),
            count(app.kb.backlinks_of(r, Kind::Achievement).count(), "result")
        ),
        None => " Where the results are ".to_string(),
    };
    let block = Block::bordered()
        .border_style(theme.border)
        .title(Span::styled(title, theme.pane_title))
        .title_bottom(
            Line::styled(" ◉ 10+ results · ● 3–9 · • 1–2 · ○ none (donor or partner) ", theme.dim).right_aligned(),
        );
    draw_map(frame, &app.kb, theme, area, block, region, selected, area.width >= 60);
}

/// The map alone, in its block: `labels` names the countries with most results besides the selected.
#[allow(clippy::too_many_arguments)]
pub fn draw_map(
    frame: &mut Frame,
    kb: &KnowledgeBase,
    theme: &Theme,
    area: Rect,
    block: Block,
    region: Option<Region>,
    selected: Option<RecordRef>,
    labels: bool,
) {
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let named: Vec<RecordRef> = selected.into_iter().collect();
    let others = match (labels, inner.width) {
        (false, _) => 0,
        (true, 0..100) => 4,
        (true, _) => 8,
    };
    crate::ui::map_cells::draw(frame, kb, theme, inner, region, &named, others);
}
