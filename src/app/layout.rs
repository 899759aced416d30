//! Where each pane goes on a screen of a given size. The views draw into these areas and mouse clicks are
//! resolved against the same ones, so a click always lands on what is drawn there.

use ratatui::layout::Rect;

use super::tabs::Tab;

/// Below this size the app shows a "terminal too small" message instead.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;
/// Narrower than this, the detail pane goes below the list instead of beside it.
pub const SIDE_BY_SIDE_WIDTH: u16 = 100;

/// From this width the layout uses the room: longer lists, names spelt out, charts beside numbers.
pub const WIDE: u16 = 160;

/// How a view divides the body of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A list and the selected record's detail.
    ListAndDetail,
    /// A list that needs room (the theory-of-change matrix and its legend), and the detail.
    WideList,
    /// A narrow list beside a picture that takes the detail pane's place (the map).
    Map,
    /// The search: its results get the room, the preview what is left.
    Search,
}

impl Shape {
    /// Whether the second pane is the detail pane (and takes clicks on links).
    pub fn has_detail(self) -> bool {
        match self {
            Shape::ListAndDetail | Shape::WideList | Shape::Search => true,
            Shape::Map => false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    pub tabs: Rect,
    /// The line above the footer that says the data on screen is not the edited one, when it is not.
    pub banner: Option<Rect>,
    pub list: Rect,
    pub detail: Rect,
    pub footer: Rect,
    pub stacked: bool,
}

impl Screen {
    /// `reading`: the detail pane has the focus; stacked, it then takes most of the height.
    /// `banner`: a line for the problems of an edited knowledge base.
    pub fn new(width: u16, height: u16, shape: Shape, reading: bool, banner: bool) -> Option<Screen> {
        if width < MIN_WIDTH || height < MIN_HEIGHT {
            return None;
        }
        let tabs = Rect::new(0, 0, width, 1);
        let footer = Rect::new(0, height - 1, width, 1);
        let banner_rows = u16::from(banner);
        let banner = banner.then(|| Rect::new(0, height - 2, width, 1));
        let body = Rect::new(0, 1, width, height - 2 - banner_rows);
        let stacked = width < SIDE_BY_SIDE_WIDTH;
        let (list, detail) = if stacked {
            let share = match (reading, shape) {
                (true, _) => 1,
                (false, Shape::WideList | Shape::Search) => 3,
                (false, Shape::ListAndDetail | Shape::Map) => 2,
            };
            let h = (body.height * share / 5).max(5);
            (
                Rect::new(0, body.y, width, h),
                Rect::new(0, body.y + h, width, body.height - h),
            )
        } else {
            let w = match shape {
                Shape::WideList if width >= WIDE => (width * 3 / 5).clamp(36, 140),
                Shape::WideList => (width * 11 / 20).clamp(36, 80),
                // Wide screens show whole titles rather than an empty detail pane.
                Shape::ListAndDetail if width >= WIDE => (width * 9 / 20).clamp(64, 100),
                Shape::ListAndDetail => (width * 2 / 5).clamp(36, 64),
                Shape::Map => (width / 4).clamp(30, 44),
                Shape::Search => (width / 2).clamp(36, 100),
            };
            (
                Rect::new(0, body.y, w, body.height),
                Rect::new(w, body.y, width - w, body.height),
            )
        };
        Some(Screen {
            tabs,
            banner,
            list,
            detail,
            footer,
            stacked,
        })
    }
}

/// The inside of a bordered pane.
pub fn inner(area: Rect) -> Rect {
    Rect::new(
        area.x.saturating_add(1),
        area.y.saturating_add(1),
        area.width.saturating_sub(2),
        area.height.saturating_sub(2),
    )
}

/// The rows of a list pane, below the filter line when there is one.
pub fn list_rows(list: Rect, filter_line: bool) -> Rect {
    let mut area = inner(list);
    if filter_line && area.height > 0 {
        area.y += 1;
        area.height -= 1;
    }
    area
}

/// The text of the detail pane: inside the border, one column of margin on the left and the scrollbar on
/// the right border.
pub fn detail_text(detail: Rect) -> Rect {
    let area = inner(detail);
    Rect::new(
        area.x.saturating_add(1),
        area.y,
        area.width.saturating_sub(2),
        area.height,
    )
}

/// The tab labels as drawn, with the column each starts at and its width: the most generous form that
/// fits, from numbered full titles down to bare numbers with only the current tab named.
pub fn tab_labels(width: u16, current: Tab) -> Vec<(Tab, String, u16, u16)> {
    type Form = fn(Tab, Tab) -> String;
    let forms: [(Form, u16); 8] = [
        (|t, _| format!(" {}{} ", digit_prefix(t), t.title()), 0),
        (|t, _| format!("{}{}", digit_prefix(t), t.title()), 2),
        (|t, _| format!("{}{}", digit_prefix(t), t.short()), 2),
        (|t, _| format!("{}{}", digit_prefix(t), t.short()), 1),
        (|t, _| format!(" {} ", t.title()), 0),
        (|t, _| format!(" {} ", t.short()), 0),
        (|t, _| t.short().to_string(), 1),
        (
            |t, current| match (t == current, t.digit()) {
                (true, _) => format!(" {}{} ", digit_prefix(t), t.short()),
                (false, Some(d)) => format!(" {d} "),
                (false, None) => format!(" {} ", t.short().chars().next().unwrap_or(' ')),
            },
            0,
        ),
    ];
    let brand = brand_width(width);
    let mut chosen = Vec::new();
    let mut chosen_gap = 0;
    for (form, gap) in forms {
        chosen = Tab::ALL.iter().map(|&t| (t, form(t, current))).collect::<Vec<_>>();
        chosen_gap = gap;
        let total: usize = chosen.iter().map(|(_, l)| l.chars().count() + usize::from(gap)).sum();
        if total.saturating_sub(usize::from(gap)) + usize::from(brand) <= usize::from(width) {
            break;
        }
    }
    let mut x = brand;
    chosen
        .into_iter()
        .map(|(t, label)| {
            let w = label.chars().count() as u16;
            let start = x;
            x = x.saturating_add(w + chosen_gap);
            (t, label, start, w)
        })
        .collect()
}

/// "5 " before a tab's title: the digit that selects it, if it has one.
fn digit_prefix(tab: Tab) -> String {
    tab.digit().map(|d| format!("{d} ")).unwrap_or_default()
}

/// The "IPEC+" brand at the left of the tab bar, when there is room for it.
pub fn brand_width(width: u16) -> u16 {
    if width >= 140 {
        8
    } else {
        0
    }
}
