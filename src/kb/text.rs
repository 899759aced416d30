//! Text helpers shared by validation, search and display: folding for comparison, suggestions for typos,
//! and making text from data files safe to print.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Lower-cases and strips diacritics and typographic quotes, so "Côte d’Ivoire" compares equal to
/// "cote d'ivoire" and "carnaúba" to "carnauba".
///
/// ```
/// assert_eq!(ipec::kb::text::fold("Côte d’Ivoire"), "cote d'ivoire");
/// ```
pub fn fold(text: &str) -> String {
    // Most text is plain ASCII: no decomposition needed, and lists of 100,000 rows fold at start-up.
    if text.is_ascii() {
        return text
            .chars()
            .map(|c| if c == '`' { '\'' } else { c.to_ascii_lowercase() })
            .collect();
    }
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' | '´' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Replaces control characters (escape sequences included) so that text from a data file can never
/// drive the terminal. Newlines and tabs are kept as layout; everything else becomes U+FFFD.
pub fn sanitize(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_forbidden) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| if is_forbidden(c) { '\u{FFFD}' } else { c })
        .collect::<String>()
        .into()
}

/// Characters a data file may not contain in its text: C0 and C1 controls other than newline and tab,
/// and DEL. (Bidirectional overrides are also refused: they can make text display other than it reads.)
pub fn is_forbidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The ids whose names are closest to `wanted`, best first, without duplicates; only reasonable matches.
/// `candidates` yields (a name people might type, the id it stands for).
pub fn closest(wanted: &str, candidates: impl Iterator<Item = (String, String)>, limit: usize) -> Vec<String> {
    let wanted = fold(wanted);
    let mut scored: Vec<(f64, String)> = candidates
        .map(|(name, id)| {
            let name = fold(&name);
            let mut score = strsim::jaro_winkler(&wanted, &name);
            if !wanted.is_empty() && (name.contains(&wanted) || wanted.contains(&name)) {
                score = score.max(0.9);
            }
            (score, id)
        })
        .filter(|(score, _)| *score >= 0.75)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    let mut ids: Vec<String> = Vec::new();
    for (_, id) in scored {
        if !ids.contains(&id) {
            ids.push(id);
        }
        if ids.len() == limit {
            break;
        }
    }
    ids
}

/// A number as people write it, without separators: no trailing `.0` ("4690", "2.1").
pub fn plain_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

/// Cuts text to `width` display columns, with an ellipsis when it had to cut. Never splits a character.
pub fn cut(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_ignores_case_diacritics_and_quote_style() {
        assert_eq!(fold("Côte d’Ivoire"), "cote d'ivoire");
        assert_eq!(fold("carnaúba"), "carnauba");
        assert_eq!(fold("Viet Nam"), "viet nam");
    }

    #[test]
    fn sanitize_removes_escape_sequences_but_keeps_layout() {
        assert_eq!(sanitize("a\u{1b}[31mb\nc\td"), "a\u{FFFD}[31mb\nc\td");
        assert_eq!(sanitize("plain"), "plain");
        assert_eq!(sanitize("x\u{202E}y"), "x\u{FFFD}y");
    }

    #[test]
    fn closest_finds_ids_by_name_and_typo() {
        let candidates = || {
            [
                ("GHA", "GHA"),
                ("Ghana", "GHA"),
                ("GIN", "GIN"),
                ("Guinea", "GIN"),
                ("Nepal", "NPL"),
            ]
            .into_iter()
            .map(|(n, i)| (n.to_string(), i.to_string()))
        };
        assert_eq!(closest("GHN", candidates(), 2)[0], "GHA");
        assert_eq!(closest("ghanna", candidates(), 1), vec!["GHA".to_string()]);
        assert!(closest("zzzzzz", candidates(), 3).is_empty());
    }
}
