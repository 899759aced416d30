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

/// One tab of the tab bar as drawn: its label, the column it starts at and its width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TabLabel {
    pub tab: Tab,
    pub text: String,
    pub x: u16,
    pub width: u16,
}

/// The tab bar at one width: the tabs shown and, when some are off the bar, the arrow on that side
/// (its column, and the tab just beyond it, which a click on the arrow goes to).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TabBar {
    pub labels: Vec<TabLabel>,
    pub more_left: Option<(u16, Tab)>,
    pub more_right: Option<(u16, Tab)>,
}

/// The arrows of a scrolling tab bar ("‹ " and " ›").
pub const MORE_LEFT: &str = "‹ ";
pub const MORE_RIGHT: &str = " ›";

/// Which of a tab's names a label uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Name {
    Title,
    Short,
    Tiny,
}

/// How the bar writes its labels: the name of the other tabs, that of the current one, the columns
/// between labels, and whether each label is padded with a space on either side.
struct Form {
    others: Name,
    current: Name,
    gap: u16,
    padded: bool,
}

/// The forms, most generous first: whole titles, short names, then three or four letters with the
/// current tab's short name. Every label keeps its digit.
const FORMS: [Form; 7] = [
    Form {
        others: Name::Title,
        current: Name::Title,
        gap: 0,
        padded: true,
    },
    Form {
        others: Name::Title,
        current: Name::Title,
        gap: 2,
        padded: false,
    },
    Form {
        others: Name::Short,
        current: Name::Short,
        gap: 2,
        padded: false,
    },
    Form {
        others: Name::Short,
        current: Name::Short,
        gap: 1,
        padded: false,
    },
    Form {
        others: Name::Tiny,
        current: Name::Short,
        gap: 2,
        padded: false,
    },
    Form {
        others: Name::Tiny,
        current: Name::Short,
        gap: 1,
        padded: false,
    },
    Form {
        others: Name::Tiny,
        current: Name::Tiny,
        gap: 1,
        padded: false,
    },
];

/// A tab's label in a form: "5 Countries", " 5 Countries ", "5 Ctry".
fn label(tab: Tab, current: Tab, form: &Form) -> String {
    let name = match if tab == current { form.current } else { form.others } {
        Name::Title => tab.title(),
        Name::Short => tab.short(),
        Name::Tiny => tab.tiny(),
    };
    let text = format!("{}{name}", digit_prefix(tab));
    if form.padded {
        format!(" {text} ")
    } else {
        text
    }
}

fn columns(text: &str) -> u16 {
    u16::try_from(unicode_width::UnicodeWidthStr::width(text)).unwrap_or(u16::MAX)
}

/// The tab bar: every tab in the most generous form that fits; below that, as many tabs as fit around
/// the current one (by name, the current one's short name), with an arrow on each side that has more.
pub fn tab_bar(width: u16, current: Tab) -> TabBar {
    let brand = brand_width(width);
    let room = width.saturating_sub(brand);
    let total = |form: &Form, current: Tab| {
        let labels = Tab::ALL.iter().map(|&t| columns(&label(t, current, form)));
        labels.sum::<u16>() + form.gap * (Tab::ALL.len() as u16 - 1)
    };
    for form in &FORMS {
        // A form fits whichever tab is current, so that the bar keeps its spacing from tab to tab.
        if Tab::ALL.iter().all(|&c| total(form, c) <= room) {
            let labels: Vec<String> = Tab::ALL.iter().map(|&t| label(t, current, form)).collect();
            return TabBar {
                labels: place(brand, Tab::ALL.iter().copied().zip(labels), form.gap),
                more_left: None,
                more_right: None,
            };
        }
    }
    scrolling(brand, room, current)
}

/// Labels one after the other from column `x`, `gap` apart.
fn place(mut x: u16, labels: impl Iterator<Item = (Tab, String)>, gap: u16) -> Vec<TabLabel> {
    labels
        .map(|(tab, text)| {
            let width = columns(&text);
            let label = TabLabel { tab, text, x, width };
            x = x.saturating_add(width + gap);
            label
        })
        .collect()
}

/// The tabs around the current one that fit in `room`: the window grows to the right and to the left
/// in turn while the labels and the arrows it needs still fit.
fn scrolling(brand: u16, room: u16, current: Tab) -> TabBar {
    let form = &FORMS[FORMS.len() - 2];
    let labels: Vec<String> = Tab::ALL.iter().map(|&t| label(t, current, form)).collect();
    let last = labels.len() - 1;
    let width_of = |first: usize, end: usize| {
        let labels: u16 = labels[first..=end].iter().map(|l| columns(l)).sum();
        let gaps = form.gap * (end - first) as u16;
        let arrows = if first > 0 { columns(MORE_LEFT) } else { 0 } + if end < last { columns(MORE_RIGHT) } else { 0 };
        labels + gaps + arrows
    };
    let at = current.index();
    let (mut first, mut end) = (at, at);
    loop {
        let right = end < last && width_of(first, end + 1) <= room;
        if right {
            end += 1;
        }
        let left = first > 0 && width_of(first - 1, end) <= room;
        if left {
            first -= 1;
        }
        if !right && !left {
            break;
        }
    }
    let x = brand + if first > 0 { columns(MORE_LEFT) } else { 0 };
    let shown = (first..=end).map(|i| (Tab::ALL[i], labels[i].clone()));
    let placed = place(x, shown, form.gap);
    let right_x = placed.last().map_or(x, |l| l.x + l.width);
    TabBar {
        labels: placed,
        more_left: (first > 0).then(|| (brand, Tab::ALL[first - 1])),
        more_right: (end < last).then(|| (right_x, Tab::ALL[end + 1])),
    }
}

impl TabBar {
    /// The tab a click at `column` goes to: a label's, or the one beyond an arrow.
    pub fn tab_at(&self, column: u16) -> Option<Tab> {
        let on = |x: u16, text: &str| column >= x && column < x + columns(text);
        if let Some(label) = self.labels.iter().find(|l| column >= l.x && column < l.x + l.width) {
            return Some(label.tab);
        }
        match (self.more_left, self.more_right) {
            (Some((x, tab)), _) if on(x, MORE_LEFT) => Some(tab),
            (_, Some((x, tab))) if on(x, MORE_RIGHT) => Some(tab),
            _ => None,
        }
    }
}

/// "5 " before a tab's title: the key that selects it ("22 " for the twelfth).
fn digit_prefix(tab: Tab) -> String {
    format!("{} ", tab.key().label())
}

/// The "IPEC+" brand at the left of the tab bar, when there is room for it.
pub fn brand_width(width: u16) -> u16 {
    if width >= 140 {
        8
    } else {
        0
    }
}

/// The overlay of a link opened or copied, on a screen of a size: a band across the whole width, so
/// that the URL's lines start at the left edge with no border beside them, and a terminal's own
/// selection takes the URL alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkOverlay {
    /// The band, borders included (top and bottom only).
    pub area: Rect,
    /// What was done, wrapped, each line's area.
    pub said: Vec<(Rect, String)>,
    /// The URL, broken by characters at the screen's width, each piece's area.
    pub url: Vec<(Rect, String)>,
}

pub fn link_overlay(width: u16, height: u16, note: &super::LinkNote) -> LinkOverlay {
    use unicode_width::UnicodeWidthChar;
    let w = usize::from(width.max(1));
    let said: Vec<String> = crate::document::render::fill("", "", &note.said, w.saturating_sub(2).max(1))
        .lines()
        .map(String::from)
        .collect();
    let mut url = vec![String::new()];
    let mut used = 0;
    for c in note.url.chars().filter(|c| !c.is_control()) {
        let cw = c.width().unwrap_or(0);
        if used + cw > w {
            url.push(String::new());
            used = 0;
        }
        if let Some(last) = url.last_mut() {
            last.push(c);
        }
        used += cw;
    }
    // Borders, a blank line each side of the URL: 4 lines besides the text. What was said gives way
    // first on a short screen; the URL never does.
    let room = usize::from(height).saturating_sub(4 + url.len());
    let said: Vec<String> = said.into_iter().take(room).collect();
    let rows = (4 + said.len() + url.len()).min(usize::from(height)) as u16;
    let area = Rect::new(0, height.saturating_sub(rows) / 2, width, rows);
    let line = |y: u16, x: u16, text: String| {
        let columns = unicode_width::UnicodeWidthStr::width(text.as_str()) as u16;
        (Rect::new(x, y, columns.min(width.saturating_sub(x)), 1), text)
    };
    let said: Vec<(Rect, String)> = said
        .into_iter()
        .enumerate()
        .map(|(i, text)| line(area.y + 1 + i as u16, 1, text))
        .collect();
    let top = area.y + 2 + said.len() as u16;
    let url = url
        .into_iter()
        .enumerate()
        .map(|(i, text)| line(top + i as u16, 0, text))
        .filter(|(r, _)| r.y < area.y + area.height)
        .collect();
    LinkOverlay { area, said, url }
}
