//! How text output fits where it goes: the width to wrap to, whether to colour, whether a header row
//! and hyperlinks are wanted. On a terminal the output is for a person (a header row, columns cut to
//! the width, colours, clickable links); piped, it is what it always was unless a flag asks otherwise.

use std::io::IsTerminal;

use clap::ValueEnum;
use unicode_width::UnicodeWidthStr;

use crate::kb::text::{cut, sanitize};

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too.
    #[default]
    Auto,
    Always,
    Never,
}

/// The width text is wrapped to when piped and COLUMNS does not say.
pub const PIPED_WIDTH: usize = 100;

/// How to write text output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// The columns to wrap or fit to.
    pub width: usize,
    /// Whether standard output is a terminal.
    pub terminal: bool,
    pub color: bool,
    /// A header row above a list.
    pub headers: bool,
    /// OSC 8 around URLs.
    pub hyperlinks: bool,
}

impl Style {
    /// The style for this process's standard output.
    pub fn detect(color: ColorChoice, no_headers: bool) -> Style {
        let terminal = std::io::stdout().is_terminal();
        let size = terminal
            .then(|| crossterm::terminal::size().ok().map(|(w, _)| w))
            .flatten();
        Style::from_env(|var| std::env::var(var).ok(), terminal, size, color, no_headers)
    }

    /// The style from an environment (`env` looks a variable up), whether the output is a terminal and
    /// of what width.
    pub fn from_env(
        env: impl Fn(&str) -> Option<String>,
        terminal: bool,
        terminal_width: Option<u16>,
        color: ColorChoice,
        no_headers: bool,
    ) -> Style {
        let set = |var: &str| env(var).is_some_and(|v| !v.is_empty());
        let width = env("COLUMNS")
            .and_then(|c| c.trim().parse::<usize>().ok())
            .filter(|&w| w > 0)
            .or(terminal_width.filter(|&w| w > 0).map(usize::from).filter(|_| terminal))
            .unwrap_or(PIPED_WIDTH)
            .max(20);
        let color = match color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto if set("NO_COLOR") => false,
            ColorChoice::Auto if set("CLICOLOR_FORCE") && env("CLICOLOR_FORCE").as_deref() != Some("0") => true,
            ColorChoice::Auto => terminal && env("TERM").as_deref() != Some("dumb"),
        };
        Style {
            width,
            terminal,
            color,
            headers: terminal && !no_headers,
            hyperlinks: terminal && crate::osc::hyperlinks_wanted(&env),
        }
    }

    /// `text` in SGR `code` when colouring ("1" bold, "36" cyan), else as it is.
    pub fn paint(&self, code: &str, text: &str) -> String {
        if self.color && !text.is_empty() {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

/// The SGR codes of the command line's few colours.
pub mod sgr {
    pub const ID: &str = "36";
    pub const MATCH: &str = "1;31";
    pub const DIM: &str = "2";
    pub const TITLE: &str = "1";
    pub const URL: &str = "34;4";
}

/// One cell of a table: its text and the characters to highlight in it (char indices).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub marks: Vec<usize>,
    /// The SGR code of the whole cell, if any.
    pub paint: Option<&'static str>,
}

impl Cell {
    pub fn plain(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            ..Cell::default()
        }
    }

    pub fn painted(text: impl Into<String>, paint: &'static str) -> Cell {
        Cell {
            text: text.into(),
            marks: Vec::new(),
            paint: Some(paint),
        }
    }
}

/// Rows of cells in aligned columns, padded by display width ("Côte d'Ivoire" and wide characters line
/// up). On a terminal the header row comes first and each line is cut to the width, the last column
/// first, then the one before; piped, lines are whole, as scripts have always read them.
pub fn write_table(
    out: &mut impl std::io::Write,
    header: &[&str],
    rows: &[Vec<Cell>],
    style: &Style,
) -> std::io::Result<()> {
    // The id column is cut last: it is what is typed back into `ipec show`.
    let id = header.iter().position(|h| *h == "id");
    let columns = header.len();
    let clean: Vec<Vec<String>> = rows
        .iter()
        .map(|row| row.iter().map(|c| sanitize(&c.text).into_owned()).collect())
        .collect();
    let natural = |col: usize| {
        let cells = clean.iter().map(|r| r.get(col).map_or(0, |c| c.width()));
        let head = if style.headers {
            header.get(col).map_or(0, |h| h.width())
        } else {
            0
        };
        cells.max().unwrap_or(0).max(head)
    };
    let natural: Vec<usize> = (0..columns).map(natural).collect();
    let mut widths = natural.clone();
    // A long title does not push every other row's last column far to the right.
    if let Some(w) = widths.get_mut(columns.saturating_sub(2)).filter(|_| columns >= 3) {
        *w = (*w).min(70);
    }
    let mut shown: Vec<usize> = (0..columns).collect();
    if style.terminal {
        fit(&mut widths, style.width, id);
        // Too narrow for the name to read: the detail column gives way to it (`ipec show` has it all).
        let detail = header.iter().position(|h| *h == "detail");
        let name = header.iter().position(|h| *h == "name");
        if let (Some(detail), Some(name)) = (detail, name) {
            if widths[name] < natural[name].min(32) {
                shown.retain(|&c| c != detail);
                widths = natural.clone();
                widths[detail] = 0;
                fit(&mut widths, style.width + 2, id);
            }
        }
    }
    let pick = |cells: Vec<Cell>| -> Vec<Cell> {
        cells
            .into_iter()
            .enumerate()
            .filter(|(c, _)| shown.contains(c))
            .map(|(_, cell)| cell)
            .collect()
    };
    let widths: Vec<usize> = shown.iter().map(|&c| widths[c]).collect();
    if style.headers {
        // Plain capitals, as kubectl and docker write them: a colour would cling to the first word.
        let cells: Vec<Cell> = header.iter().map(|h| Cell::plain(h.to_uppercase())).collect();
        writeln!(out, "{}", line(&pick(cells), &widths, style, style.terminal))?;
    }
    for (row, texts) in rows.iter().zip(clean) {
        let cells: Vec<Cell> = row
            .iter()
            .zip(texts)
            .map(|(c, text)| Cell { text, ..c.clone() })
            .collect();
        writeln!(out, "{}", line(&pick(cells), &widths, style, style.terminal))?;
    }
    Ok(())
}

/// Narrows the columns until a line fits `width` (two spaces between columns): the widest first, each
/// down to a few columns; the `id` column last, since a cut id cannot be typed back into `ipec show`.
fn fit(widths: &mut [usize], width: usize, id: Option<usize>) {
    const LEAST: usize = 8;
    let gaps = 2 * widths.len().saturating_sub(1);
    let excess = |widths: &[usize]| (widths.iter().sum::<usize>() + gaps).saturating_sub(width);
    for protect in [true, false] {
        while excess(widths) > 0 {
            let widest = (0..widths.len())
                .filter(|&c| !(protect && Some(c) == id) && widths[c] > LEAST)
                .max_by_key(|&c| (widths[c], c));
            let Some(col) = widest else { break };
            widths[col] -= 1;
        }
    }
}

/// One line: each cell padded to its column (the last one not padded), cut when `cut_cells`.
fn line(cells: &[Cell], widths: &[usize], style: &Style, cut_cells: bool) -> String {
    let mut out = String::new();
    let last = cells.len().saturating_sub(1);
    for (i, cell) in cells.iter().enumerate() {
        let w = widths.get(i).copied().unwrap_or(0);
        let text = if cut_cells {
            cut(&cell.text, w)
        } else {
            cell.text.clone()
        };
        let shown = text.width();
        let marks: Vec<usize> = cell
            .marks
            .iter()
            .copied()
            .filter(|&m| m < text.chars().count())
            .collect();
        let body = match cell.paint {
            Some(code) => style.paint(code, &text),
            None => highlight(&text, &marks, style),
        };
        out.push_str(&body);
        if i < last {
            out.push_str(&" ".repeat(w.saturating_sub(shown) + 2));
        }
    }
    out.trim_end().to_string()
}

/// `text` with the characters at `marks` (char indices) in the match colour, when colouring.
pub fn highlight(text: &str, marks: &[usize], style: &Style) -> String {
    if !style.color || marks.is_empty() {
        return text.to_string();
    }
    let mut out = String::new();
    let mut run = String::new();
    let mut in_match = false;
    for (i, c) in text.chars().enumerate() {
        let m = marks.contains(&i);
        if m != in_match && !run.is_empty() {
            let run = std::mem::take(&mut run);
            out.push_str(&if in_match { style.paint(sgr::MATCH, &run) } else { run });
        }
        in_match = m;
        run.push(c);
    }
    out.push_str(&if in_match { style.paint(sgr::MATCH, &run) } else { run });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| vars.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string())
    }

    #[test]
    fn the_width_is_columns_then_the_terminal_then_a_hundred() {
        let auto = ColorChoice::Auto;
        assert_eq!(
            Style::from_env(env(&[("COLUMNS", "60")]), true, Some(120), auto, false).width,
            60
        );
        assert_eq!(Style::from_env(env(&[]), true, Some(120), auto, false).width, 120);
        assert_eq!(Style::from_env(env(&[]), false, None, auto, false).width, 100);
        assert_eq!(
            Style::from_env(env(&[("COLUMNS", "x")]), false, None, auto, false).width,
            100
        );
    }

    #[test]
    fn colour_follows_the_flag_then_no_color_then_clicolor_force_then_the_terminal() {
        let style = |vars: &[(&str, &str)], terminal, choice| Style::from_env(env(vars), terminal, None, choice, false);
        let term = [("TERM", "xterm")];
        assert!(style(&term, true, ColorChoice::Auto).color);
        assert!(!style(&term, false, ColorChoice::Auto).color);
        assert!(!style(&[("TERM", "xterm"), ("NO_COLOR", "1")], true, ColorChoice::Auto).color);
        assert!(style(&[("NO_COLOR", "1")], false, ColorChoice::Always).color);
        assert!(style(&[("CLICOLOR_FORCE", "1")], false, ColorChoice::Auto).color);
        assert!(!style(&[("CLICOLOR_FORCE", "0")], false, ColorChoice::Auto).color);
        assert!(!style(&term, true, ColorChoice::Never).color);
    }

    #[test]
    fn a_table_on_a_terminal_has_a_header_and_fits() {
        let style = Style::from_env(env(&[("COLUMNS", "30")]), true, None, ColorChoice::Never, false);
        let rows = vec![vec![
            Cell::plain("GHA"),
            Cell::plain("Ghana"),
            Cell::plain("Africa · 7 results in cocoa and fishing"),
        ]];
        let mut out = Vec::new();
        write_table(&mut out, &["id", "name", "about"], &rows, &style).expect("writes");
        let text = String::from_utf8(out).expect("UTF-8");
        assert_eq!(text, "ID   NAME   ABOUT\nGHA  Ghana  Africa · 7 result…\n");
        let piped = Style::from_env(env(&[]), false, None, ColorChoice::Never, false);
        let mut out = Vec::new();
        write_table(&mut out, &["id", "name", "about"], &rows, &piped).expect("writes");
        let text = String::from_utf8(out).expect("UTF-8");
        assert_eq!(text, "GHA  Ghana  Africa · 7 results in cocoa and fishing\n");
    }

    #[test]
    fn the_id_is_cut_last_and_the_detail_gives_way_to_the_name() {
        let style = Style::from_env(env(&[("COLUMNS", "60")]), true, None, ColorChoice::Never, false);
        let id = "civ-gha-cocoa-integrated-area-based-approach";
        let rows = vec![vec![
            Cell::plain(id),
            Cell::plain("Area-based approach in cocoa communities of Côte d’Ivoire and Ghana"),
            Cell::plain("Côte d’Ivoire, Ghana · Enterprises and supply chains"),
        ]];
        let mut out = Vec::new();
        write_table(&mut out, &["id", "name", "detail"], &rows, &style).expect("writes");
        let text = String::from_utf8(out).expect("UTF-8");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0].split_whitespace().collect::<Vec<_>>(), ["ID", "NAME"]);
        assert!(lines[1].starts_with(id) && lines[1].contains("Area-based"), "{text}");
        assert!(lines.iter().all(|l| l.width() <= 60), "{text}");
    }

    #[test]
    fn matches_are_painted_only_when_colouring() {
        let mut style = Style::from_env(env(&[]), false, None, ColorChoice::Always, false);
        assert_eq!(
            highlight("cocoa farms", &[0, 1, 2, 3, 4], &style),
            "\x1b[1;31mcocoa\x1b[0m farms"
        );
        style.color = false;
        assert_eq!(highlight("cocoa farms", &[0, 1], &style), "cocoa farms");
    }
}
