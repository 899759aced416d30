//! Every theme on one screen, with its styles: each run of text is written with the colours and emphasis
//! it is drawn in, so a theme that loses a style (a selection that no longer shows, a link that looks like
//! text) changes its snapshot. The tab bar's row stands in for the bar, whose styles in every theme are
//! in the `tab_bar` snapshot (`snapshots.rs`).

mod common;

use common::{app, mask_tab_bar, press, styled};
use ipec::ui::{self, Theme};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

#[test]
fn every_theme_on_ghana_with_its_links() {
    for (name, theme) in [
        ("dark", Theme::dark()),
        ("light", Theme::light()),
        ("high_contrast", Theme::high_contrast()),
        ("mono", Theme::mono()),
    ] {
        let mut app = app(100, 30);
        press(&mut app, "5fghana<Enter><Enter>j");
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("test terminal");
        terminal.draw(|frame| ui::draw(frame, &app, &theme)).expect("draw");
        let screen = mask_tab_bar(&app, &styled(terminal.backend().buffer()), ' ');
        insta::assert_snapshot!(format!("theme_{name}_100x30"), screen);
    }
}
