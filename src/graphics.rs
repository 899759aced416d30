//! Pictures on the terminal: which way the terminal shows images (kitty's graphics protocol, iTerm2's
//! inline images, sixel), or none (coloured half-blocks, or braille); and the escape sequences that
//! carry an image in each protocol, written from the image's PNG or pixels.

use std::fmt::Write as _;

use base64::Engine as _;

/// How pictures reach the terminal: `--graphics` and the config's `graphics`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Graphics {
    /// The best the terminal is known to show: an image protocol, else half-blocks.
    #[default]
    Auto,
    /// kitty's graphics protocol (kitty, WezTerm, Ghostty, Konsole).
    Kitty,
    /// iTerm2's inline images (iTerm2, WezTerm, mintty).
    Iterm2,
    /// Sixel (foot, mlterm, xterm -ti vt340, Windows Terminal, WezTerm).
    Sixel,
    /// No images: country fills in coloured half-blocks.
    Halfblocks,
    /// No images, no colours beyond the theme's: the braille map.
    None,
}

/// What the terminal is told to show pictures with, once `Auto` is resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocol {
    Kitty,
    Iterm2,
    Sixel,
}

impl Graphics {
    /// `Auto` resolved from what the environment says of the terminal. Inside tmux or screen, and over
    /// SSH to a terminal that does not say what it is, images would be lost or garbled: half-blocks.
    pub fn resolve(self, env: &dyn Fn(&str) -> Option<String>) -> Graphics {
        if self != Graphics::Auto {
            return self;
        }
        let has = |key: &str| env(key).is_some_and(|v| !v.is_empty());
        let term = env("TERM").unwrap_or_default();
        let program = env("TERM_PROGRAM").unwrap_or_default();
        if has("TMUX") || term.starts_with("screen") || term.starts_with("tmux") {
            return Graphics::Halfblocks;
        }
        if has("KITTY_WINDOW_ID") || term == "xterm-kitty" || term == "xterm-ghostty" || program == "ghostty" {
            Graphics::Kitty
        } else if program == "iTerm.app" || program == "WezTerm" || has("WEZTERM_PANE") {
            Graphics::Iterm2
        } else if term.starts_with("foot") || term.contains("mlterm") || has("WT_SESSION") {
            Graphics::Sixel
        } else {
            Graphics::Halfblocks
        }
    }

    /// The name the config file and `--graphics` use.
    pub fn name(self) -> &'static str {
        match self {
            Graphics::Auto => "auto",
            Graphics::Kitty => "kitty",
            Graphics::Iterm2 => "iterm2",
            Graphics::Sixel => "sixel",
            Graphics::Halfblocks => "halfblocks",
            Graphics::None => "none",
        }
    }

    /// The image protocol to use, if any.
    pub fn protocol(self) -> Option<Protocol> {
        match self {
            Graphics::Kitty => Some(Protocol::Kitty),
            Graphics::Iterm2 => Some(Protocol::Iterm2),
            Graphics::Sixel => Some(Protocol::Sixel),
            Graphics::Auto | Graphics::Halfblocks | Graphics::None => None,
        }
    }
}

/// kitty: the PNG transmitted and shown at the cursor over `cols` × `rows` cells (a=T, f=100), in
/// chunks of at most 4096 base64 bytes (m=1 on all but the last), the cursor left where it was (C=1),
/// no reply asked for (q=2).
pub fn kitty(png: &[u8], cols: u16, rows: u16) -> Vec<u8> {
    let data = base64::engine::general_purpose::STANDARD.encode(png);
    let chunks: Vec<&[u8]> = data.as_bytes().chunks(4096).collect();
    let mut out = Vec::with_capacity(data.len() + 64 * chunks.len());
    for (i, chunk) in chunks.iter().enumerate() {
        let more = u8::from(i + 1 < chunks.len());
        if i == 0 {
            out.extend(format!("\x1b_Ga=T,f=100,t=d,C=1,q=2,c={cols},r={rows},m={more};").as_bytes());
        } else {
            out.extend(format!("\x1b_Gm={more};").as_bytes());
        }
        out.extend_from_slice(chunk);
        out.extend(b"\x1b\\");
    }
    out
}

/// kitty: every image deleted from the screen.
pub const KITTY_CLEAR: &[u8] = b"\x1b_Ga=d,q=2\x1b\\";

/// iTerm2: the PNG as an inline file, `cols` × `rows` cells, its aspect kept.
pub fn iterm2(png: &[u8], cols: u16, rows: u16) -> Vec<u8> {
    let data = base64::engine::general_purpose::STANDARD.encode(png);
    format!(
        "\x1b]1337;File=inline=1;size={};width={cols};height={rows};preserveAspectRatio=1;doNotMoveCursor=1:{data}\x07",
        png.len()
    )
    .into_bytes()
}

/// Sixel: RGBA pixels (`width` × `height`, row by row) in 216 colours (a 6×6×6 cube), six pixel rows
/// per band, each colour's run-length-encoded line then `$`, each band ended with `-`.
pub fn sixel(rgba: &[u8], width: usize, height: usize) -> Vec<u8> {
    let level = |v: u8| (usize::from(v) * 5 + 127) / 255;
    let index: Vec<usize> = rgba
        .chunks_exact(4)
        .map(|p| level(p[0]) * 36 + level(p[1]) * 6 + level(p[2]))
        .collect();
    let mut out = String::new();
    let _ = write!(out, "\x1bP0;1;0q\"1;1;{width};{height}");
    let mut used = [false; 216];
    index.iter().for_each(|&i| used[i] = true);
    for (i, _) in used.iter().enumerate().filter(|(_, u)| **u) {
        let pct = |l: usize| l * 100 / 5;
        let _ = write!(out, "#{i};2;{};{};{}", pct(i / 36), pct(i / 6 % 6), pct(i % 6));
    }
    for band in 0..height.div_ceil(6) {
        band_lines(&mut out, &index, width, height, band);
        out.push('-');
    }
    out.push_str("\x1b\\");
    out.into_bytes()
}

/// One band of six pixel rows: a line per colour that appears in it.
fn band_lines(out: &mut String, index: &[usize], width: usize, height: usize, band: usize) {
    let rows = band * 6..((band + 1) * 6).min(height);
    let mut colours: Vec<usize> = rows
        .clone()
        .flat_map(|y| index[y * width..(y + 1) * width].iter().copied())
        .collect();
    colours.sort_unstable();
    colours.dedup();
    for colour in colours {
        let _ = write!(out, "#{colour}");
        let mut run: Option<(char, usize)> = None;
        for x in 0..width {
            let bits = rows.clone().enumerate().fold(0u8, |b, (bit, y)| {
                if index[y * width + x] == colour {
                    b | (1 << bit)
                } else {
                    b
                }
            });
            let c = char::from(63 + bits);
            run = match run {
                Some((r, n)) if r == c => Some((r, n + 1)),
                Some((r, n)) => {
                    push_run(out, r, n);
                    Some((c, 1))
                }
                None => Some((c, 1)),
            };
        }
        if let Some((r, n)) = run {
            push_run(out, r, n);
        }
        out.push('$');
    }
}

fn push_run(out: &mut String, c: char, n: usize) {
    if n > 3 {
        let _ = write!(out, "!{n}{c}");
    } else {
        (0..n).for_each(|_| out.push(c));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kitty_sends_the_png_in_chunks_and_shows_it() {
        let png = vec![7u8; 5000];
        let out = String::from_utf8(kitty(&png, 10, 4)).expect("ascii");
        assert!(out.starts_with("\x1b_Ga=T,f=100,t=d,C=1,q=2,c=10,r=4,m=1;"));
        assert_eq!(
            out.matches("\x1b\\").count(),
            2,
            "5000 bytes are 6668 in base64: two chunks"
        );
        assert!(out.contains("\x1b_Gm=0;"), "the last chunk says it is the last");
    }

    #[test]
    fn iterm2_sends_an_inline_file() {
        let out = String::from_utf8(iterm2(b"png", 3, 2)).expect("ascii");
        assert_eq!(
            out,
            "\x1b]1337;File=inline=1;size=3;width=3;height=2;preserveAspectRatio=1;doNotMoveCursor=1:cG5n\x07"
        );
    }

    #[test]
    fn sixel_writes_bands_of_six_rows_in_a_palette() {
        // 2×7 pixels: red on top, blue in the last row, so two bands.
        let mut rgba = Vec::new();
        for y in 0..7 {
            for _ in 0..2 {
                rgba.extend(if y < 6 { [255, 0, 0, 255] } else { [0, 0, 255, 255] });
            }
        }
        let out = String::from_utf8(sixel(&rgba, 2, 7)).expect("ascii");
        assert!(out.starts_with("\x1bP0;1;0q\"1;1;2;7"));
        assert!(out.contains("#180;2;100;0;0"), "red is colour 5*36 = 180: {out}");
        assert!(out.contains("#5;2;0;0;100"), "blue is colour 5: {out}");
        assert!(out.contains("#180~~$-"), "the first band is all red: {out}");
        assert!(
            out.ends_with("#5@@$-\x1b\\"),
            "the second band has blue in its top row: {out}"
        );
    }

    #[test]
    fn auto_falls_back_inside_tmux_and_on_unknown_terminals() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| pairs.iter().find(|(key, _)| *key == k).map(|(_, v)| v.to_string())
        };
        assert_eq!(
            Graphics::Auto.resolve(&env(&[("TERM", "xterm-kitty")])),
            Graphics::Kitty
        );
        assert_eq!(
            Graphics::Auto.resolve(&env(&[("TERM", "xterm-kitty"), ("TMUX", "/tmp/x")])),
            Graphics::Halfblocks
        );
        assert_eq!(
            Graphics::Auto.resolve(&env(&[("TERM_PROGRAM", "iTerm.app")])),
            Graphics::Iterm2
        );
        assert_eq!(Graphics::Auto.resolve(&env(&[("TERM", "foot")])), Graphics::Sixel);
        assert_eq!(
            Graphics::Auto.resolve(&env(&[("TERM", "xterm-256color")])),
            Graphics::Halfblocks
        );
        assert_eq!(
            Graphics::Sixel.resolve(&env(&[("TMUX", "x")])),
            Graphics::Sixel,
            "asked for is asked for"
        );
    }
}
