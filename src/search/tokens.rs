//! Splitting text into the folded words the index stores and queries look up.
//!
//! Both sides go through the same function, so whatever it does to "Côte d’Ivoire" or "4,690" it does to
//! the record and to the query alike: they meet on "cote", "d", "ivoire" and "4690".

use std::ops::Range;

use crate::kb::text;

/// One word of a text: folded (lower-case, no diacritics, digit groups joined) and the range of
/// *character* indices of the original text it came from, for highlighting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub text: String,
    pub chars: Range<usize>,
}

/// The folded words of `text`, in order.
///
/// A word is a run of letters and digits. A `,` or `.` between two digits is dropped rather than
/// splitting, so "4,690", "4.690" and "4690" are all the word "4690" (and "8.7" is "87" on both sides).
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    each_token(text, |word, chars| {
        out.push(Token {
            text: word.to_string(),
            chars,
        })
    });
    out
}

/// Calls `f` with each folded word and its character range, without allocating per word: the index
/// build runs this over every field of every record.
pub fn each_token(text: &str, mut f: impl FnMut(&str, Range<usize>)) {
    let chars: Vec<char> = text.chars().collect();
    let mut word = String::new();
    let mut start = 0;
    let mut folded = String::new();
    for (i, &c) in chars.iter().enumerate() {
        folded.clear();
        fold_char(c, &mut folded);
        let joins_digits = matches!(c, ',' | '.')
            && word.ends_with(|d: char| d.is_ascii_digit())
            && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
        if joins_digits {
            continue;
        }
        for fc in folded.chars() {
            if fc.is_alphanumeric() {
                if word.is_empty() {
                    start = i;
                }
                word.push(fc);
            } else if !word.is_empty() {
                f(&word, start..i);
                word.clear();
            }
        }
    }
    if !word.is_empty() {
        f(&word, start..chars.len());
    }
}

/// Folds one character like `text::fold`, with a fast path for ASCII, which is nearly all of the text.
fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        let mut buf = [0u8; 4];
        out.push_str(&text::fold(c.encode_utf8(&mut buf)));
    }
}

/// The query's words, folded; an empty list for a query of only spaces and punctuation.
pub fn query_words(query: &str) -> Vec<String> {
    tokens(query).into_iter().map(|t| t.text).collect()
}

/// Whether a word is (partly) a number: numbers are matched exactly or by prefix, never as typos,
/// because "4691" is a different figure from "4690", not a misspelling of it.
pub fn has_digit(word: &str) -> bool {
    word.bytes().any(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        query_words(text)
    }

    #[test]
    fn folds_case_diacritics_and_quotes() {
        assert_eq!(words("Côte d’Ivoire"), ["cote", "d", "ivoire"]);
        assert_eq!(words("CARNAÚBA"), ["carnauba"]);
    }

    #[test]
    fn joins_digit_groups_but_not_ranges() {
        assert_eq!(words("4,690 children"), ["4690", "children"]);
        assert_eq!(words("4690"), ["4690"]);
        assert_eq!(words("Alliance 8.7"), ["alliance", "87"]);
        assert_eq!(words("2004–2018"), ["2004", "2018"]);
        assert_eq!(words("in 2018. Then"), ["in", "2018", "then"]);
        assert_eq!(words("a, 5"), ["a", "5"]);
    }

    #[test]
    fn char_ranges_point_into_the_original() {
        let t = tokens("Côte d’Ivoire's 4,690");
        assert_eq!(t[0].chars, 0..4);
        assert_eq!(t[2].chars, 7..13);
        assert_eq!(t[4].text, "4690");
        assert_eq!(t[4].chars, 16..21);
    }

    #[test]
    fn punctuation_only_is_empty() {
        assert!(words("  ,.;- ").is_empty());
    }
}
