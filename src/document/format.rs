//! How numbers, counts and dates are written for people, in every front end.

use crate::kb::dates::Date;

/// "1 result", "7 results", "2 countries", "7,462 results".
pub fn count(n: usize, what: &str) -> String {
    match (n, what.strip_suffix('y')) {
        (1, _) => format!("1 {what}"),
        (_, Some(stem)) => format!("{} {stem}ies", thousands(n)),
        _ => format!("{} {what}s", thousands(n)),
    }
}

/// A count with thousands separators: 25042 → "25,042".
pub fn thousands(n: usize) -> String {
    format_number(n as f64)
}

/// A stored date as people read it ("1 December 2023"); left as written if it does not parse.
pub fn display_date(text: &str) -> String {
    Date::parse(text).map_or_else(|_| text.to_string(), |d| d.to_string())
}

/// Thousands separators, no needless decimals: 4690 → "4,690", 21.6 → "21.6".
pub fn format_number(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let negative = value < 0.0;
    let value = value.abs();
    let text = if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value}")
    };
    let (int, frac) = text
        .split_once('.')
        .map_or((text.as_str(), None), |(i, f)| (i, Some(f)));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if negative { "-" } else { "" };
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_get_thousands_separators() {
        assert_eq!(format_number(4690.0), "4,690");
        assert_eq!(format_number(1234567.0), "1,234,567");
        assert_eq!(format_number(21.6), "21.6");
        assert_eq!(format_number(160.0), "160");
        assert_eq!(format_number(-1000.0), "-1,000");
    }

    #[test]
    fn counts_are_plural_and_grouped() {
        assert_eq!(count(1, "country"), "1 country");
        assert_eq!(count(2, "country"), "2 countries");
        assert_eq!(count(7462, "result"), "7,462 results");
    }
}

/// Text wrapped by words at `width` display columns: a word wider than a line is cut with "…".
pub fn wrap_lines(text: &str, width: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let word = crate::kb::text::cut(word, width);
        if !line.is_empty() && line.width() + 1 + word.width() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// At most `max` lines of `text` wrapped at `width`; when it takes more, the last ends with "…" after
/// a whole word, never inside one.
pub fn wrap_at_most(text: &str, width: usize, max: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    let mut lines = wrap_lines(text, width);
    if lines.len() <= max || max == 0 {
        lines.truncate(max.max(usize::from(max > 0)));
        return if max == 0 { Vec::new() } else { lines };
    }
    lines.truncate(max);
    let last = lines.last_mut().expect("max is at least 1");
    while last.width() + 1 > width.max(1) {
        match last.rfind(' ') {
            Some(i) => last.truncate(i),
            None => {
                *last = crate::kb::text::cut(last, width.saturating_sub(1));
                break;
            }
        }
    }
    let trimmed = last.trim_end_matches([',', ';', ':', '.', ' ', '…']).len();
    last.truncate(trimmed);
    last.push('…');
    lines
}

/// The first sentence or two of a text, at most `max_chars`, ended with "…" when cut (after a whole
/// word, never inside one).
pub fn first_sentences(text: &str, max_chars: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut end = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '.' | '!' | '?') && text[i + 1..].starts_with(' ') || i + c.len_utf8() == text.len() {
            let candidate = i + c.len_utf8();
            if text[..candidate].chars().count() > max_chars {
                break;
            }
            end = candidate;
        }
    }
    if end > 0 {
        return text[..end].to_string();
    }
    // The first sentence alone is too long: as many whole words as fit, and "…".
    let mut out = String::new();
    for word in text.split(' ') {
        if out.chars().count() + word.chars().count() + 2 > max_chars {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    let trimmed = out.trim_end_matches([',', ';', ':', '.']).len();
    out.truncate(trimmed);
    out.push('…');
    out
}

/// "people temporarily picking cotton": a number's unit, then its label, without saying the unit's
/// last word twice when the label starts with it.
pub fn unit_then_label(unit: &str, label: &str) -> String {
    let first = label.split_whitespace().next().unwrap_or("");
    let unit = match unit.trim().rsplit_once(' ') {
        Some((head, last)) if last.eq_ignore_ascii_case(first) => head,
        _ if unit.trim().eq_ignore_ascii_case(first) => "",
        _ => unit.trim(),
    };
    if unit.is_empty() {
        label.to_string()
    } else {
        format!("{unit} {label}")
    }
}

#[cfg(test)]
mod wrap_tests {
    use super::*;

    #[test]
    fn wrapping_keeps_words_whole_and_says_when_it_cut() {
        assert_eq!(wrap_lines("one two three", 7), ["one two", "three"]);
        assert_eq!(wrap_at_most("one two three four", 9, 1), ["one two…"]);
        assert_eq!(wrap_at_most("short", 9, 2), ["short"]);
    }

    #[test]
    fn first_sentences_end_at_a_sentence_or_with_an_ellipsis() {
        assert_eq!(first_sentences("One two. Three four. Five.", 12), "One two.");
        assert_eq!(first_sentences("One two three four five", 12), "One two…");
        assert_eq!(first_sentences("One. Two.", 100), "One. Two.");
    }
}
