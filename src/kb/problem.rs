//! Problems found while loading a knowledge base, each pointing at a file, a line and a column.

use std::fmt;

/// One problem, printed as `FILE:LINE:COLUMN: message` (the form editors and terminals make clickable).
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
        Problem {
            file: file.into(),
            line,
            column,
            message: message.into(),
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
        write!(f, "{}:{}:{}: {}", self.file, line, column, self.message)
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

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for problem in &self.0 {
            writeln!(f, "{problem}")?;
        }
        let n = self.0.len();
        write!(f, "{n} problem{}", if n == 1 { "" } else { "s" })
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
    fn display_is_file_line_column_message() {
        let p = Problem::new("data/x.toml", 3, 7, "unknown country `GHN`");
        assert_eq!(p.to_string(), "data/x.toml:3:7: unknown country `GHN`");
    }
}
