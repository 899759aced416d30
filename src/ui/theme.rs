//! Colours and emphasis. Three themes (dark, light, high contrast for projectors) and a monochrome one for
//! NO_COLOR, which keeps meaning with bold, underline and reverse video only.

use ratatui::style::{Color, Modifier, Style};

/// The themes a user can pick (`--theme`, the config file, `IPEC_THEME`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
    HighContrast,
}

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub base: Style,
    pub brand: Style,
    pub tab: Style,
    pub tab_active: Style,
    pub border: Style,
    pub border_focus: Style,
    pub pane_title: Style,
    pub lead: Style,
    pub item: Style,
    pub group: Style,
    pub detail: Style,
    pub selected: Style,
    pub selected_unfocused: Style,
    pub prompt: Style,
    pub count: Style,
    pub doc_title: Style,
    pub doc_kind: Style,
    pub subtitle: Style,
    pub figure_value: Style,
    /// The bars of a chart.
    pub bar: Style,
    pub figure_label: Style,
    pub heading: Style,
    pub text: Style,
    pub fact_key: Style,
    pub link: Style,
    pub link_focused: Style,
    pub tag: Style,
    pub dim: Style,
    pub warning: Style,
    pub url: Style,
    pub matched: Style,
    pub zero: Style,
    pub key: Style,
    pub status: Style,
    /// How maps are drawn: braille land, or country fills in coloured half-blocks.
    pub map: MapLook,
}

/// The map's colours, and whether countries are filled with them (half-blocks) or the land is drawn
/// in braille (the default, and always without colours).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MapLook {
    pub fill: bool,
    pub land: Color,
    /// Countries by their results, fewest first.
    pub shades: [Color; 3],
}

impl MapLook {
    const DARK: MapLook = MapLook {
        fill: false,
        land: Color::Rgb(70, 70, 70),
        shades: [
            Color::Rgb(135, 175, 215),
            Color::Rgb(95, 135, 255),
            Color::Rgb(255, 215, 95),
        ],
    };
    const LIGHT: MapLook = MapLook {
        fill: false,
        land: Color::Rgb(215, 215, 215),
        shades: [
            Color::Rgb(158, 202, 225),
            Color::Rgb(66, 146, 198),
            Color::Rgb(8, 81, 156),
        ],
    };
}

const B: Modifier = Modifier::BOLD;

/// The colours a theme is made of; every style of the theme is one of these, bold or underlined.
struct Palette {
    /// Text on the accent (the active tab, the selection).
    ink: Color,
    accent: Color,
    /// Headline numbers and chart bars.
    number: Color,
    /// The input prompt and the status line.
    prompt: Color,
    /// Borders and zeros: the least that still shows.
    faint: Color,
    /// Secondary text beside a row: its lead and detail.
    quiet: Color,
    /// Tabs not selected, counts, subtitles, field names.
    muted: Color,
    /// A document's title.
    strong: Color,
    link: Color,
    tag: Color,
    warning: Color,
    /// The selection of a pane without the focus.
    shade: Color,
}

fn fg(c: Color) -> Style {
    Style::new().fg(c)
}

impl Theme {
    /// The theme asked for, or the monochrome one when NO_COLOR is set (to anything non-empty).
    pub fn new(name: ThemeName, no_color: bool) -> Theme {
        if no_color {
            return Theme::mono();
        }
        match name {
            ThemeName::Dark => Theme::dark(),
            ThemeName::Light => Theme::light(),
            ThemeName::HighContrast => Theme::high_contrast(),
        }
    }

    /// Whether the environment asks for no colour (https://no-color.org).
    pub fn no_color_env() -> bool {
        std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
    }

    pub fn dark() -> Theme {
        Theme::from_palette(&Palette {
            ink: Color::Black,
            accent: Color::Cyan,
            number: Color::Yellow,
            prompt: Color::Yellow,
            faint: Color::DarkGray,
            quiet: Color::DarkGray,
            muted: Color::Gray,
            strong: Color::White,
            link: Color::LightBlue,
            tag: Color::Magenta,
            warning: Color::LightRed,
            shade: Color::Indexed(237),
        })
    }

    pub fn light() -> Theme {
        let theme = Theme::from_palette(&Palette {
            ink: Color::White,
            accent: Color::Blue,
            number: Color::Red,
            prompt: Color::Magenta,
            faint: Color::Gray,
            quiet: Color::DarkGray,
            muted: Color::DarkGray,
            strong: Color::Black,
            link: Color::Blue,
            tag: Color::Magenta,
            warning: Color::Red,
            shade: Color::Indexed(254),
        });
        Theme {
            map: MapLook::LIGHT,
            ..theme
        }
    }

    /// A theme for the terminal's own background, from a few colours. (The high-contrast theme paints
    /// its own background and the monochrome one has no colours: they are written out below.)
    fn from_palette(p: &Palette) -> Theme {
        let on_accent = Style::new().fg(p.ink).bg(p.accent);
        Theme {
            base: Style::new(),
            brand: on_accent.add_modifier(B),
            tab: fg(p.muted),
            tab_active: on_accent.add_modifier(B),
            border: fg(p.faint),
            border_focus: fg(p.accent),
            pane_title: fg(p.accent).add_modifier(B),
            lead: fg(p.quiet),
            item: Style::new(),
            group: fg(p.accent).add_modifier(B),
            detail: fg(p.quiet),
            selected: on_accent,
            selected_unfocused: Style::new().bg(p.shade),
            prompt: fg(p.prompt).add_modifier(B),
            count: fg(p.muted),
            doc_title: fg(p.strong).add_modifier(B),
            doc_kind: fg(p.accent).add_modifier(B),
            subtitle: fg(p.muted),
            figure_value: fg(p.number).add_modifier(B),
            bar: fg(p.number).add_modifier(B),
            figure_label: Style::new(),
            heading: fg(p.accent).add_modifier(B),
            text: Style::new(),
            fact_key: fg(p.muted).add_modifier(B),
            link: fg(p.link).add_modifier(Modifier::UNDERLINED),
            link_focused: Style::new().fg(p.ink).bg(p.link).add_modifier(B),
            tag: fg(p.tag),
            dim: fg(p.quiet),
            warning: fg(p.warning),
            url: fg(p.muted).add_modifier(Modifier::UNDERLINED),
            matched: fg(p.number).add_modifier(B | Modifier::UNDERLINED),
            zero: fg(p.faint),
            key: fg(p.accent).add_modifier(B),
            status: fg(p.prompt),
            map: MapLook::DARK,
        }
    }

    /// For projectors: white on black, bold, few colours, nothing grey that a projector washes out.
    pub fn high_contrast() -> Theme {
        let on = |c: Color| Style::new().fg(c).bg(Color::Black);
        let inverse = |c: Color| Style::new().fg(Color::Black).bg(c).add_modifier(B);
        Theme {
            base: on(Color::White),
            brand: inverse(Color::Yellow),
            tab: on(Color::White).add_modifier(B),
            tab_active: inverse(Color::Yellow),
            border: on(Color::White),
            border_focus: on(Color::Yellow).add_modifier(B),
            pane_title: on(Color::Yellow).add_modifier(B),
            lead: on(Color::White),
            item: on(Color::White),
            group: on(Color::Yellow).add_modifier(B),
            detail: on(Color::White),
            selected: inverse(Color::Yellow),
            selected_unfocused: inverse(Color::White),
            prompt: on(Color::Yellow).add_modifier(B),
            count: on(Color::White).add_modifier(B),
            doc_title: on(Color::White).add_modifier(B),
            doc_kind: on(Color::Yellow).add_modifier(B),
            subtitle: on(Color::White),
            figure_value: on(Color::Yellow).add_modifier(B),
            bar: fg(Color::Yellow).add_modifier(B),
            figure_label: on(Color::White).add_modifier(B),
            heading: on(Color::Yellow).add_modifier(B | Modifier::UNDERLINED),
            text: on(Color::White),
            fact_key: on(Color::White).add_modifier(B),
            link: on(Color::Cyan).add_modifier(B | Modifier::UNDERLINED),
            link_focused: inverse(Color::Cyan),
            tag: on(Color::White).add_modifier(Modifier::ITALIC),
            dim: on(Color::White),
            warning: on(Color::Yellow).add_modifier(B),
            url: on(Color::White).add_modifier(Modifier::UNDERLINED),
            matched: on(Color::Yellow).add_modifier(B | Modifier::UNDERLINED),
            zero: on(Color::White),
            key: on(Color::Yellow).add_modifier(B),
            status: on(Color::Yellow).add_modifier(B),
            map: MapLook::DARK,
        }
    }

    /// NO_COLOR: emphasis only.
    pub fn mono() -> Theme {
        let plain = Style::new();
        let bold = Style::new().add_modifier(B);
        let rev = Style::new().add_modifier(Modifier::REVERSED);
        let dim = Style::new().add_modifier(Modifier::DIM);
        let under = Style::new().add_modifier(Modifier::UNDERLINED);
        Theme {
            base: plain,
            brand: rev.add_modifier(B),
            tab: plain,
            tab_active: rev.add_modifier(B),
            border: plain,
            border_focus: bold,
            pane_title: bold,
            lead: dim,
            item: plain,
            group: bold,
            detail: dim,
            selected: rev,
            selected_unfocused: under,
            prompt: bold,
            count: plain,
            doc_title: bold,
            doc_kind: bold,
            subtitle: plain,
            figure_value: bold,
            bar: bold,
            figure_label: plain,
            heading: bold.add_modifier(Modifier::UNDERLINED),
            text: plain,
            fact_key: bold,
            link: under,
            link_focused: rev.add_modifier(B),
            tag: Style::new().add_modifier(Modifier::ITALIC),
            dim,
            warning: bold,
            url: under,
            matched: bold.add_modifier(Modifier::UNDERLINED),
            zero: dim,
            key: bold,
            status: bold,
            map: MapLook::DARK,
        }
    }
}
