//! Text helpers shared by validation, search and display: folding for comparison, suggestions for typos,
//! and making text from data files safe to print.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `text.to_lowercase()`, borrowed when that changes nothing (ids, mostly): checking 100,000 records'
/// references should not allocate a string per reference.
///
/// ```
/// assert!(matches!(ipec::kb::text::lowercase("gha"), std::borrow::Cow::Borrowed("gha")));
/// assert_eq!(ipec::kb::text::lowercase("GHA"), "gha");
/// assert_eq!(ipec::kb::text::lowercase("CÔTE"), "côte");
/// ```
pub fn lowercase(text: &str) -> std::borrow::Cow<'_, str> {
    if text.is_ascii() && !text.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.to_lowercase())
    }
}

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

/// Escapes every character that could drive a terminal or change how a line reads, so that text from a
/// data file, a file name or a command line prints as one inert line: C0 and C1 controls (newline and tab
/// included), DEL, the bidirectional overrides, isolates and marks, and the Unicode line and paragraph
/// separators all become `\u{..}`, as Rust writes them.
///
/// ```
/// assert_eq!(ipec::kb::text::escape("a\u{1b}]0;x\u{7}\nb"), "a\\u{1b}]0;x\\u{7}\\u{a}b");
/// assert_eq!(ipec::kb::text::escape("Côte d’Ivoire"), "Côte d’Ivoire");
/// ```
pub fn escape(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return std::borrow::Cow::Borrowed(text);
    }
    use std::fmt::Write;
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if needs_escape(c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    out.into()
}

/// What `escape` escapes: anything `is_forbidden` refuses in data, plus newline, tab, the bidirectional
/// marks and the line and paragraph separators, which a one-line message must not contain either.
pub fn needs_escape(c: char) -> bool {
    c.is_control() || is_forbidden(c) || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{2028}' | '\u{2029}')
}

/// Characters a data file may not contain in its text: C0 and C1 controls other than newline and tab,
/// and DEL. (Bidirectional overrides are also refused: they can make text display other than it reads.)
pub fn is_forbidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Names and misspellings longer than this are not compared: ids and names are short, and comparing a
/// hostile megabyte-long reference with every name would cost more than everything else `check` does.
pub const MAX_SUGGEST_CHARS: usize = 64;

/// The ids whose names are closest to `wanted`, best first, without duplicates; only reasonable matches.
/// `candidates` yields (a name people might type, the id it stands for).
pub fn closest(wanted: &str, candidates: impl Iterator<Item = (String, String)>, limit: usize) -> Vec<String> {
    let folded: Vec<(String, String)> = candidates.map(|(name, id)| (fold(&name), id)).collect();
    closest_folded(
        wanted,
        folded.iter().map(|(name, id)| (name.as_str(), id.as_str())),
        limit,
    )
    .into_iter()
    .map(String::from)
    .collect()
}

/// The name among `names` that `wanted` most likely misspells ("afrika" for "Africa"), if one is close.
pub fn did_you_mean<'n>(wanted: &str, names: &[&'n str]) -> Option<&'n str> {
    let found = closest(wanted, names.iter().map(|n| (n.to_string(), n.to_string())), 1);
    let found = found.first()?;
    names.iter().copied().find(|n| n == found)
}

/// "; did you mean `best`?", the name of `names` closest to `wanted` shown by `show` (`[[achievement]]`
/// for a kind), or nothing when none is close: the hint of every "unknown ..." message of a file.
pub fn did_you_mean_hint(wanted: &str, names: &[&str], show: impl Fn(&str) -> String) -> String {
    did_you_mean(wanted, names)
        .map(|best| format!("; did you mean `{}`?", show(best)))
        .unwrap_or_default()
}

/// `closest`, over names already `fold`ed (so a caller asking many times folds each name once). Each
/// comparison is bounded: `wanted` and the names are cut at `MAX_SUGGEST_CHARS` characters (a longer
/// `wanted` gets no suggestion at all).
pub fn closest_folded<'c>(
    wanted: &str,
    candidates: impl Iterator<Item = (&'c str, &'c str)>,
    limit: usize,
) -> Vec<&'c str> {
    if wanted.chars().nth(MAX_SUGGEST_CHARS).is_some() {
        return Vec::new();
    }
    let wanted = fold(wanted);
    let mut scored: Vec<(f64, &str)> = candidates
        .map(|(name, id)| {
            let name = match name.char_indices().nth(MAX_SUGGEST_CHARS) {
                Some((cut, _)) => &name[..cut],
                None => name,
            };
            let mut score = strsim::jaro_winkler(&wanted, name);
            if !wanted.is_empty() && !name.is_empty() && (name.contains(wanted.as_str()) || wanted.contains(name)) {
                score = score.max(0.9);
            }
            (score, id)
        })
        .filter(|(score, _)| *score >= 0.75)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    let mut ids: Vec<&str> = Vec::new();
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

/// `text` in at most `width` columns, its middle left out ("https://normlex.ilo.org/dyn/…CODE:C182"): the
/// start and the end of a URL say most about where it goes.
pub fn shorten_middle(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    if width < 3 {
        return cut(text, width);
    }
    let room = width - 1;
    let (head_w, tail_w) = (room - room / 2, room / 2);
    let mut head = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > head_w {
            break;
        }
        head.push(c);
        used += w;
    }
    let mut tail: Vec<char> = Vec::new();
    used = 0;
    for c in text.chars().rev() {
        let w = c.width().unwrap_or(0);
        if used + w > tail_w {
            break;
        }
        tail.push(c);
        used += w;
    }
    let tail: String = tail.into_iter().rev().collect();
    format!("{head}…{tail}")
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

/// Whether a value is a placeholder of `ipec new` (`‹title›`), which the keeper must replace.
pub fn is_placeholder(value: &str) -> bool {
    value.starts_with('‹') && value.ends_with('›')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorten_middle_keeps_the_start_and_the_end() {
        let url = "https://normlex.ilo.org/dyn/normlex/en/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:C182";
        let short = shorten_middle(url, 40);
        assert_eq!(short.width(), 40);
        assert_eq!(short, "https://normlex.ilo.…12100_ILO_CODE:C182");
        assert_eq!(shorten_middle("short", 40), "short");
        assert_eq!(shorten_middle("日本語日本語", 5), "日…語");
    }

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
    fn escape_makes_every_control_visible_and_keeps_text() {
        assert_eq!(escape("\u{1b}[2J"), "\\u{1b}[2J");
        assert_eq!(escape("a\nb\tc\r"), "a\\u{a}b\\u{9}c\\u{d}");
        assert_eq!(escape("\u{85}\u{9b}\u{7f}"), "\\u{85}\\u{9b}\\u{7f}");
        assert_eq!(
            escape("abc\u{202E}fed\u{2066}\u{2028}"),
            "abc\\u{202e}fed\\u{2066}\\u{2028}"
        );
        assert_eq!(escape("naïve – “quoted”"), "naïve – “quoted”");
        // Escaping twice changes nothing more: the output has no character left to escape.
        let once = escape("x\u{1b}y").into_owned();
        assert_eq!(escape(&once), once);
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
