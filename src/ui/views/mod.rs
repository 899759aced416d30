//! The drawing of each kind of tab view, dispatched once on the view's type.

mod list;
pub(super) mod map;
pub(super) mod matrix;
pub(super) mod timeline;

use ratatui::Frame;

use crate::app::layout::Screen;
use crate::app::{App, View};

use super::{detail, Theme};

/// The current tab's view in its panes: the list (or matrix) and the detail pane, or the map.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, screen: &Screen) {
    match &app.current().view {
        View::List(_) => {
            list::draw(frame, app, theme, screen.list);
            detail::draw(frame, app, theme, screen.detail);
        }
        View::Matrix(_) => {
            matrix::draw(frame, app, theme, screen.list);
            detail::draw(frame, app, theme, screen.detail);
        }
        View::Map(_) => {
            list::draw(frame, app, theme, screen.list);
            map::draw(frame, app, theme, screen.detail);
        }
        View::Timeline(_) => {
            timeline::draw(frame, app, theme, screen.list);
            detail::draw(frame, app, theme, screen.detail);
        }
    }
}
