//! Problems found while loading a knowledge base, each pointing at a file, a line and a column.
//!
//! A problem's file name and message are text from outside (file names, ids, values, TOML keys): they are
//! escaped when the problem is made (`text::escape`), so every front end can print them as they are and a
//! problem is always one inert line.

use std::fmt;

use super::text::escape;

/// How many problems `Problems` prints before it summarises the rest as "and N more".
pub const MAX_SHOWN: usize = 200;

/// One problem, printed as `FILE:LINE:COLUMN: message` (the form editors and terminals make clickable).
/// `file` and `message` hold no control character, bidirectional override or line separator: those are
/// written as `\u{1b}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    /// 1-based; 0 when the problem concerns the file as a whole (it cannot be read).
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    pub message: String,
}

impl Problem {
    pub fn new(file: impl Into<String>, line: usize, column: usize, message: impl Into<String>) -> Problem {
        let (file, message) = (file.into(), message.into());
        Problem {
            file: escape(&file).into_owned(),
            line,
            column,
            message: escape(&message).into_owned(),
        }
    }

    /// A problem at a byte offset of a file's text.
    pub fn at_offset(file: &str, text: &str, offset: usize, message: impl Into<String>) -> Problem {
        let (line, column) = line_column(text, offset);
        Problem::new(file, line, column, message)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let line = self.line.max(1);
        let column = self.column.max(1);
        // Escaped again in case a caller filled the fields in by hand: a no-op for a `Problem::new`.
        write!(
            f,
            "{}:{}:{}: {}",
            escape(&self.file),
            line,
            column,
            escape(&self.message)
        )
    }
}

/// Every problem of one load, in file and line order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    pub fn sorted(mut self) -> Problems {
        self.0
            .sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
        self.0.dedup();
        self
    }
}

impl Problems {
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// "1 problem", "12 problems".
    pub fn count(&self) -> String {
        let n = self.0.len();
        format!("{n} problem{}", if n == 1 { "" } else { "s" })
    }
}

/// The first `MAX_SHOWN` problems, one a line, then "and N more" if there are more, then the count.
impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for problem in self.0.iter().take(MAX_SHOWN) {
            writeln!(f, "{problem}")?;
        }
        if self.0.len() > MAX_SHOWN {
            writeln!(f, "and {} more", self.0.len() - MAX_SHOWN)?;
        }
        f.write_str(&self.count())
    }
}

impl std::error::Error for Problems {}

/// The 1-based line and character column of a byte offset (clamped to the text, and to a char boundary).
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_column_counts_characters_not_bytes() {
        let text = "a = 1\nname = \"Côte\" x";
        let offset = text.find('x').expect("x is in the text");
        assert_eq!(line_column(text, offset), (2, 15));
    }

    #[test]
    fn line_column_clamps_past_the_end() {
        assert_eq!(line_column("ab\ncd", 99), (2, 3));
        assert_eq!(line_column("", 5), (1, 1));
    }

    #[test]
    fn file_names_and_messages_are_escaped_onto_one_line() {
        let p = Problem::new("a\u{1b}]0;x\u{7}.toml", 1, 2, "unknown country `G\nx.toml:1:1: fake`");
        assert_eq!(
            p.to_string(),
            "a\\u{1b}]0;x\\u{7}.toml:1:2: unknown country `G\\u{a}x.toml:1:1: fake`"
        );
        let by_hand = Problem {
            message: "\u{9b}31m".into(),
            ..p
        };
        assert!(by_hand.to_string().ends_with(": \\u{9b}31m"));
    }

    #[test]
    fn many_problems_print_the_first_ones_and_a_count() {
        let problems = Problems(
            (1..=MAX_SHOWN + 5)
                .map(|i| Problem::new("f.toml", i, 1, "bad"))
                .collect(),
        );
        let text = problems.to_string();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), MAX_SHOWN + 2);
        assert_eq!(lines[MAX_SHOWN], "and 5 more");
        assert_eq!(lines[MAX_SHOWN + 1], format!("{} problems", MAX_SHOWN + 5));
        assert_eq!(
            Problems(vec![Problem::new("f", 1, 1, "x")]).to_string(),
            "f:1:1: x\n1 problem"
        );
    }

    #[test]
    fn display_is_file_line_column_message() {
        let p = Problem::new("data/x.toml", 3, 7, "unknown country `GHN`");
        assert_eq!(p.to_string(), "data/x.toml:3:7: unknown country `GHN`");
    }
}
