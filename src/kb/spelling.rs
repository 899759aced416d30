//! One spelling per country name: a title or summary that names a country of the knowledge base in another
//! form than its `[[country]]` record writes it — "Cote d'Ivoire", "Côte d'Ivoire" with a straight
//! apostrophe, "Viet nam", "VietNam" — is found here, so that `check` can report it with the expected
//! spelling.
//!
//! A mention is a run of words that folds (case, accents, kind of apostrophe, see `text::fold`) to the
//! words of the country's name or of one of its aliases, or to those words written together ("Vietnam"
//! for "Viet Nam"). It is a problem when the text is not exactly the name or an alias. Only capitalised
//! mentions count ("guinea pig" is not a misspelt Guinea), and aliases written in capitals only (`US`,
//! `DRC`) are matched exactly, never folded ("Us" at the start of a sentence is no country).
//!
//! It runs on every `check`, at 100,000 records too, so the cost is one scan of the bytes of each text
//! (sixteen at a time where there is no capital and no accent), and a fold and a hash lookup only for a
//! capitalised word whose first letter and length can start a country's name: about 0.1 s of CPU for the
//! 100,000 results of `examples/synth`.

use std::collections::HashMap;

use super::text::fold;
use super::{Country, Parts};

/// The countries' names, indexed by the first folded word of each form.
pub(crate) struct CountryNames<'a> {
    countries: &'a Parts<Country>,
    by_first: HashMap<String, Vec<Form>>,
    /// For each ASCII letter, the lengths (bit n for n bytes, bit 31 for 31 or more) of the first words
    /// starting with it: most capitalised words ("The", "ILO") are passed over without folding or hashing.
    first_lengths: [u32; 26],
}

/// One way of writing a country, as folded words.
struct Form {
    country: usize,
    words: Vec<String>,
}

/// A country named in a text in a form its record does not write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Misspelling<'a> {
    /// Byte range of the mention in the text.
    pub start: usize,
    pub end: usize,
    /// Index of the country in the knowledge base's list.
    pub country: usize,
    /// The name its record gives it.
    pub expected: &'a str,
}

/// What may stand between the words of a name: spaces, apostrophes of any kind, hyphens.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\'' | '’' | '‘' | 'ʼ' | '`' | '´' | '-' | '‐' | '–')
}

/// The next word of `text` at or after byte `from` (a run of letters and digits), as a byte range. ASCII is
/// scanned byte by byte: this runs over every title and summary of the knowledge base.
fn next_word(text: &str, from: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let is_word_at = |i: usize| -> (bool, usize) {
        let b = bytes[i];
        if b < 0x80 {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.is_alphanumeric(), c.len_utf8())
        }
    };
    let mut i = from;
    while i < bytes.len() {
        let (word, len) = is_word_at(i);
        if word {
            break;
        }
        i += len;
    }
    if i >= bytes.len() {
        return None;
    }
    let start = i;
    while i < bytes.len() {
        let (word, len) = is_word_at(i);
        if !word {
            break;
        }
        i += len;
    }
    Some((start, i))
}

/// Bit `n` for a word of `n` bytes; bit 31 for any longer.
fn length_bit(len: usize) -> u32 {
    1 << len.min(31)
}

/// The byte offset of the next word at or after `from` that starts with a capital letter. Scans bytes:
/// an ASCII capital or the lead byte of a non-ASCII character, not preceded by a letter or digit.
fn next_capital(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from;
    let candidate = |b: u8| b.wrapping_sub(b'A') < 26 || b >= 0xC0;
    while i < bytes.len() {
        // Sixteen bytes at a time while there is no capital and no non-ASCII character (vectorised).
        if let Some(chunk) = bytes.get(i..i + 16) {
            if !chunk.iter().fold(false, |any, &b| any | candidate(b)) {
                i += 16;
                continue;
            }
        }
        let b = bytes[i];
        if !candidate(b) {
            i += 1;
            continue;
        }
        let after_word = text[..i].chars().next_back().is_some_and(char::is_alphanumeric);
        let c = text[i..].chars().next().unwrap_or(' ');
        if !after_word && c.is_uppercase() {
            return Some(i);
        }
        i += c.len_utf8();
    }
    None
}

/// A word folded into `out` (`text::fold`), without allocating for the common all-ASCII word.
fn fold_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        out.push_str(&fold(word));
    }
}

/// The words of a text, folded.
fn folded_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut pos = 0;
    while let Some((start, end)) = next_word(text, pos) {
        let mut word = String::new();
        fold_into(&text[start..end], &mut word);
        words.push(word);
        pos = end;
    }
    words
}

/// Whitespace runs made one space: a name broken over two lines is still the name.
fn one_spaced(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl<'a> CountryNames<'a> {
    pub fn new(countries: &'a Parts<Country>) -> CountryNames<'a> {
        let mut by_first: HashMap<String, Vec<Form>> = HashMap::new();
        for (index, country) in countries.iter().enumerate() {
            for name in std::iter::once(&country.name).chain(&country.aliases) {
                // An acronym is matched exactly or not at all.
                if !name.chars().any(char::is_lowercase) {
                    continue;
                }
                let folded = folded_words(name);
                if folded.is_empty() {
                    continue;
                }
                let mut forms = vec![folded.clone()];
                if folded.len() > 1 {
                    forms.push(vec![folded.concat()]);
                }
                for words in forms {
                    let slot = by_first.entry(words[0].clone()).or_default();
                    if !slot.iter().any(|f| f.country == index && f.words == words) {
                        slot.push(Form { country: index, words });
                    }
                }
            }
        }
        // Longest forms first, so "Democratic Republic of the Congo" is tried before a shorter form.
        for forms in by_first.values_mut() {
            forms.sort_by_key(|form| std::cmp::Reverse(form.words.len()));
        }
        let mut first_lengths = [0u32; 26];
        for word in by_first.keys() {
            if let Some(b) = word.bytes().next().filter(u8::is_ascii_lowercase) {
                first_lengths[usize::from(b - b'a')] |= length_bit(word.len());
            }
        }
        CountryNames {
            countries,
            by_first,
            first_lengths,
        }
    }

    /// Whether an all-ASCII word could be the first word of a form, by its first letter and length.
    fn may_start(&self, word: &str) -> bool {
        match word.bytes().next() {
            Some(b) if b.is_ascii_alphabetic() => {
                self.first_lengths[usize::from(b.to_ascii_lowercase() - b'a')] & length_bit(word.len()) != 0
            }
            _ => false,
        }
    }

    /// Every country the text names in a form its record does not write, in text order.
    pub fn misspellings(&self, text: &str) -> Vec<Misspelling<'a>> {
        let mut found = Vec::new();
        if self.by_first.is_empty() {
            return found;
        }
        let (mut key, mut scratch) = (String::new(), String::new());
        let mut pos = 0;
        while let Some(start) = next_capital(text, pos) {
            let Some((_, end)) = next_word(text, start) else { break };
            pos = end;
            let word = &text[start..end];
            if word.is_ascii() && !self.may_start(word) {
                continue;
            }
            fold_into(word, &mut key);
            let Some(forms) = self.by_first.get(key.as_str()) else {
                continue;
            };
            let Some((form, mention_end)) = forms
                .iter()
                .find_map(|form| Some((form, rest_matches(text, end, &form.words[1..], &mut scratch)?)))
            else {
                continue;
            };
            pos = mention_end;
            let country = &self.countries[form.country];
            let allowed = || std::iter::once(&country.name).chain(&country.aliases);
            // Nearly every mention is written exactly as its record writes it: no need to respace it.
            if allowed().any(|name| *name == text[start..mention_end]) {
                continue;
            }
            let written = one_spaced(&text[start..mention_end]);
            if !allowed().any(|name| one_spaced(name) == written) {
                found.push(Misspelling {
                    start,
                    end: mention_end,
                    country: form.country,
                    expected: &country.name,
                });
            }
        }
        found
    }
}

/// Where the mention ends, if the words after byte `from` are `rest` (each after a separator).
fn rest_matches(text: &str, mut from: usize, rest: &[String], scratch: &mut String) -> Option<usize> {
    for wanted in rest {
        let (start, end) = next_word(text, from)?;
        let gap = &text[from..start];
        if gap.is_empty() || !gap.chars().all(is_separator) {
            return None;
        }
        fold_into(&text[start..end], scratch);
        if scratch != wanted {
            return None;
        }
        from = end;
    }
    Some(from)
}

/// Where a byte offset of a TOML string's value falls in the string as written in the file (`token`,
/// quotes included): escapes and line-ending backslashes make the two differ. Offsets past the end give
/// the end of the token.
pub(crate) fn raw_offset(token: &str, decoded: usize) -> usize {
    let (quote, multiline) = if token.starts_with("\"\"\"") {
        ('"', true)
    } else if token.starts_with("'''") {
        ('\'', true)
    } else if token.starts_with('"') {
        ('"', false)
    } else if token.starts_with('\'') {
        ('\'', false)
    } else {
        return decoded.min(token.len());
    };
    let mut pos = if multiline { 3 } else { 1 };
    if multiline {
        // A newline right after the opening quotes is not part of the value.
        if token[pos..].starts_with("\r\n") {
            pos += 2;
        } else if token[pos..].starts_with('\n') {
            pos += 1;
        }
    }
    let mut count = 0;
    let bytes = token.as_bytes();
    while pos < token.len() {
        let escape = quote == '"' && bytes[pos] == b'\\';
        let next = if escape {
            token[pos + 1..].chars().next().unwrap_or(' ')
        } else {
            ' '
        };
        if escape && multiline && next.is_whitespace() {
            // A line-ending backslash: the newline and the white space after it are dropped.
            pos += 1;
            while let Some(c) = token[pos..].chars().next().filter(|c| c.is_whitespace()) {
                pos += c.len_utf8();
            }
            continue;
        }
        if count >= decoded {
            break;
        }
        if escape {
            if matches!(next, 'u' | 'U') {
                let digits = if next == 'u' { 4 } else { 8 };
                let hex = token.get(pos + 2..pos + 2 + digits).unwrap_or("");
                let c = u32::from_str_radix(hex, 16)
                    .ok()
                    .and_then(char::from_u32)
                    .unwrap_or('\u{FFFD}');
                count += c.len_utf8();
                pos += 2 + digits;
            } else {
                count += 1;
                pos += 2;
            }
        } else {
            let c = token[pos..].chars().next().unwrap_or(' ');
            count += c.len_utf8();
            pos += c.len_utf8();
        }
    }
    pos.min(token.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::Region;

    fn country(id: &str, name: &str, aliases: &[&str]) -> Country {
        Country {
            id: id.into(),
            name: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            region: Region::Africa,
            lat: 0.0,
            lon: 0.0,
            source: "s".into(),
            section: "s".into(),
            note: None,
            origin: Default::default(),
        }
    }

    fn found(countries: &Parts<Country>, text: &str) -> Vec<String> {
        let names = CountryNames::new(countries);
        names
            .misspellings(text)
            .into_iter()
            .map(|m| format!("{} -> {}", &text[m.start..m.end], m.expected))
            .collect()
    }

    fn countries() -> Parts<Country> {
        Parts::from(vec![
            country("CIV", "Côte d’Ivoire", &["Ivory Coast"]),
            country("VNM", "Viet Nam", &[]),
            country("USA", "United States", &["US", "America"]),
            country(
                "COD",
                "Democratic Republic of Congo",
                &["Democratic Republic of the Congo", "DRC"],
            ),
            country("GIN", "Guinea", &[]),
        ])
    }

    #[test]
    fn variants_of_a_name_are_found_with_the_expected_spelling() {
        let c = countries();
        assert_eq!(
            found(
                &c,
                "In Cote d'Ivoire and Côte d'Ivoire, and in Viet nam, VietNam or Ivory coast."
            ),
            [
                "Cote d'Ivoire -> Côte d’Ivoire",
                "Côte d'Ivoire -> Côte d’Ivoire",
                "Viet nam -> Viet Nam",
                "VietNam -> Viet Nam",
                "Ivory coast -> Côte d’Ivoire",
            ]
        );
    }

    #[test]
    fn names_and_aliases_as_written_pass() {
        let c = countries();
        let text = "Côte d’Ivoire’s cocoa, Ivory Coast, Viet Nam, the US and Latin America, the \
                    Democratic Republic of the Congo and the Democratic Republic of Congo, a guinea pig, \
                    Us and them, Papua New Guinea, Côte\nd’Ivoire.";
        assert_eq!(found(&c, text), Vec::<String>::new());
    }

    #[test]
    fn raw_offsets_follow_escapes_and_continuations() {
        // "a\"b" decodes to a"b: the b is at 2 in the value and at 4 in the token.
        assert_eq!(raw_offset(r#""a\"b""#, 2), 4);
        let token = "\"\"\"\nab \\\n   cd\"\"\"";
        // Value "ab cd": c is at 3; in the token, after the quotes, newline, "ab ", backslash, newline, spaces.
        assert_eq!(&token[raw_offset(token, 3)..raw_offset(token, 3) + 2], "cd");
        assert_eq!(raw_offset("'lit'", 2), 3);
        assert_eq!(raw_offset(r#""\u00F4x""#, 2), 7);
    }
}
