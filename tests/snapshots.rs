//! What every screen looks like, as text: each tab at 80×24 (stacked panes) and 120×40 (side by side), the
//! help overlay, the search palette and the "too small" screen. Review changes with `cargo insta review`.
//!
//! The tab bar is drawn on every screen but snapshotted once, in `tab_bar`: at every width with each tab
//! current, and in every theme. The other screens show a fixed line in its row (`render_view`), so that
//! adding a tab changes `tab_bar` (and the help, which lists the tabs), not every view's snapshot.

mod common;

use common::{app, press, render, render_view};
use ipec::app::tabs::Tab;
use ipec::app::Action;

fn tab_snapshots(width: u16, height: u16) {
    for tab in Tab::ALL {
        let mut app = app(width, height);
        app.update(Action::GoTab(tab.index()));
        // Named by the tab, not its position: adding a tab renames nothing.
        let name = format!("tab_{}_{width}x{height}", tab.slug());
        insta::assert_snapshot!(name, render_view(&app));
    }
}

#[test]
fn every_tab_at_80x24() {
    tab_snapshots(80, 24);
}

#[test]
fn every_tab_at_120x40() {
    tab_snapshots(120, 40);
}

#[test]
fn every_tab_at_200x55() {
    tab_snapshots(200, 55);
}

#[test]
fn help_overlay() {
    let mut app = app(120, 40);
    press(&mut app, "?");
    insta::assert_snapshot!("help_120x40", render_view(&app));
    let mut small = common::app(80, 24);
    press(&mut small, "?");
    insta::assert_snapshot!("help_80x24", render_view(&small));
}

#[test]
fn search_palette() {
    let mut app = app(120, 40);
    press(&mut app, "/");
    insta::assert_snapshot!("palette_empty_120x40", render_view(&app));
    press(&mut app, "ghana");
    insta::assert_snapshot!("palette_ghana_120x40", render_view(&app));
}

#[test]
fn search_palette_answers_questions() {
    let mut asked = app(120, 40);
    press(&mut asked, "/how many children are in child labour");
    insta::assert_snapshot!("palette_how_many_120x40", render_view(&asked));
    let mut partly = app(120, 40);
    press(&mut partly, "/mica mining madagascar children");
    insta::assert_snapshot!("palette_missing_word_120x40", render_view(&partly));
}

#[test]
fn too_small() {
    insta::assert_snapshot!("too_small_39x12", render_view(&app(39, 12)));
    insta::assert_snapshot!("too_small_20x5", render_view(&app(20, 5)));
}

#[test]
fn ghana_in_countries_with_its_results() {
    let mut app = app(120, 40);
    press(&mut app, "5fghana<Enter><Enter>");
    insta::assert_snapshot!("countries_ghana_120x40", render_view(&app));
}

#[test]
fn smallest_usable_screen() {
    let mut app = app(40, 12);
    press(&mut app, "5");
    insta::assert_snapshot!("countries_40x12", render_view(&app));
}

/// The loading screen, drawn from a fixed snapshot: two stages done, the third under way.
fn loading_screen(width: u16, height: u16) -> String {
    use ipec::progress::{Snapshot, Stage};
    use ipec::ui::loading::{self, Loading};
    let screen = Loading {
        what: "/srv/ipec/kb100k".to_string(),
        progress: Snapshot::new(Stage::Parsing, 12, 100, &[Stage::FindingFiles, Stage::ReadingFiles]),
        elapsed: std::time::Duration::from_millis(2345),
    };
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|frame| loading::draw(frame, &screen, &ipec::ui::Theme::dark()))
        .expect("draw");
    terminal.backend().to_string()
}

#[test]
fn loading_screen_at_80x24_and_200x55() {
    insta::assert_snapshot!("loading_80x24", loading_screen(80, 24));
    insta::assert_snapshot!("loading_200x55", loading_screen(200, 55));
    // Below the explorer's minimum size, the facts without the frame.
    insta::assert_snapshot!("loading_30x6", loading_screen(30, 6));
}

/// The tab bar alone, with each tab current in turn, one line each, at a width.
fn tab_bars(width: u16) -> String {
    let mut app = app(width, 24);
    let mut lines = Vec::new();
    for tab in Tab::ALL {
        app.update(Action::GoTab(tab.index()));
        let screen = render(&app);
        let bar = screen.lines().next().unwrap_or_default().to_string();
        lines.push(format!("{:<12}{}", tab.tiny(), bar.trim_end_matches(['"', ' '])));
    }
    lines.join("\n")
}

/// The tab bar in a theme, with its styles (`common::styled`), Countries current, at 100 columns.
fn styled_tab_bar(name: &str, theme: &ipec::ui::Theme) -> String {
    let mut app = app(100, 30);
    app.update(Action::GoTab(Tab::Countries.index()));
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).expect("test terminal");
    terminal.draw(|frame| ipec::ui::draw(frame, &app, theme)).expect("draw");
    let screen = common::styled(terminal.backend().buffer());
    format!("{name:<14}{}", screen.lines().next().unwrap_or_default().trim_end())
}

/// Every tab bar in one snapshot: adding a tab changes this one.
#[test]
fn the_tab_bar_from_40_to_200_columns() {
    use ipec::ui::Theme;
    let mut out = Vec::new();
    for width in [40, 48, 60, 70, 80, 90, 100, 110, 120, 140, 160, 200] {
        out.push(format!("── {width} columns, each tab current"));
        out.push(tab_bars(width));
    }
    out.push("── 100 columns in each theme, Countries current".to_string());
    for (name, theme) in [
        ("dark", Theme::dark()),
        ("light", Theme::light()),
        ("high_contrast", Theme::high_contrast()),
        ("mono", Theme::mono()),
    ] {
        out.push(styled_tab_bar(name, &theme));
    }
    insta::assert_snapshot!("tab_bar", out.join("\n"));
}

#[test]
fn the_tab_bar_names_the_current_tab_and_its_neighbours_at_every_width() {
    use ipec::app::layout::tab_bar;
    for width in 40..=200u16 {
        for current in Tab::ALL {
            let bar = tab_bar(width, current);
            let at = bar.labels.iter().position(|l| l.tab == current);
            let Some(at) = at else {
                panic!("{current:?} is not on the bar at {width}: {bar:?}");
            };
            let text = &bar.labels[at].text;
            let named = [current.tiny(), current.short(), current.title()];
            assert!(named.iter().any(|n| text.contains(n)), "{width}: {bar:?}");
            let named = bar.labels.len();
            assert!(named >= 4, "only {named} tabs at {width}");
            // Its neighbours by name, where it has them.
            let index = current.index();
            for neighbour in [index.checked_sub(1), Some(index + 1).filter(|&i| i < Tab::ALL.len())]
                .into_iter()
                .flatten()
            {
                let tab = Tab::ALL[neighbour];
                assert!(bar.labels.iter().any(|l| l.tab == tab), "{width}: {bar:?}");
            }
            let end = bar.labels.last().map_or(0, |l| l.x + l.width) + if bar.more_right.is_some() { 2 } else { 0 };
            assert!(end <= width, "{width}: the bar ends at {end}: {bar:?}");
            for pair in bar.labels.windows(2) {
                // Apart, or padded with a space each.
                let apart = pair[0].x + pair[0].width < pair[1].x || pair[1].text.starts_with(' ');
                assert!(
                    apart && pair[0].x + pair[0].width <= pair[1].x,
                    "{width}: labels touch: {bar:?}"
                );
            }
            for label in &bar.labels {
                assert_eq!(bar.tab_at(label.x), Some(label.tab), "a click on a label goes there");
            }
        }
    }
}
