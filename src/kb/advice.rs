//! The TOML reader's messages in the keeper's words: what is wrong, and how to write it instead.
//!
//! The reader (serde and toml) speaks Rust: `invalid type: map, expected a string` for a date written
//! without quotes, `unexpected key or value` for `value = 11,000`, ``unknown field `label` `` for a
//! headline figure's field written without its `[[achievement.figures]]` line. Each message is rewritten
//! here from what the file says at the place of the mistake: the field, the value as written, the table it
//! is in. A message this module does not know passes through on one line.

use std::ops::Range;

use toml::de::DeValue;
use toml::Spanned;

use super::schema::field_order;
use super::text;

/// Where a mistake is inside one record: the fields and list positions from the record's table down to it,
/// and the value there.
struct Place<'a> {
    path: Vec<Seg<'a>>,
    value: Option<&'a Spanned<DeValue<'a>>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

impl Place<'_> {
    /// The field the mistake is in: the last key of the path.
    fn field(&self) -> Option<&str> {
        self.path.iter().rev().find_map(|seg| match seg {
            Seg::Key(key) => Some(*key),
            Seg::Index(_) => None,
        })
    }

    /// The table the field is in: the kind's (`achievement`), or a sub-table (`achievement.figures`).
    fn table(&self, kind: &str) -> String {
        let mut table = kind.to_string();
        let mut segs = self.path.iter().peekable();
        while let Some(seg) = segs.next() {
            if let (Seg::Key(key), Some(Seg::Index(_))) = (seg, segs.peek()) {
                if field_order(&format!("{table}.{key}")).is_some() {
                    table = format!("{table}.{key}");
                }
            }
        }
        table
    }
}

/// Finds the value (or key) at `span` inside a record, and the path to it.
fn place<'a>(item: &'a Spanned<DeValue<'a>>, span: &Range<usize>) -> Place<'a> {
    let mut path = Vec::new();
    let value = find(item, span, &mut path, 0);
    Place { path, value }
}

/// The records of the schema nest 3 levels; the loader refuses records deeper than 32.
const MAX_DEPTH: usize = 40;

fn find<'a>(
    value: &'a Spanned<DeValue<'a>>,
    span: &Range<usize>,
    path: &mut Vec<Seg<'a>>,
    depth: usize,
) -> Option<&'a Spanned<DeValue<'a>>> {
    if value.span() == *span {
        return Some(value);
    }
    if depth > MAX_DEPTH {
        return None;
    }
    match value.get_ref() {
        DeValue::Table(table) => {
            for (key, inner) in table.iter() {
                path.push(Seg::Key(key.get_ref()));
                if key.span() == *span {
                    return Some(inner);
                }
                // Not pruned by span: the span of a `[[table]]` item does not cover its fields.
                if let Some(found) = find(inner, span, path, depth + 1) {
                    return Some(found);
                }
                path.pop();
            }
            None
        }
        DeValue::Array(items) => {
            for (i, inner) in items.iter().enumerate() {
                path.push(Seg::Index(i));
                if let Some(found) = find(inner, span, path, depth + 1) {
                    return Some(found);
                }
                path.pop();
            }
            None
        }
        _ => None,
    }
}

/// How a table is named in a message: "an achievement", "a `[[achievement.figures]]` table".
fn table_name(table: &str) -> String {
    if table.contains('.') {
        format!("a `[[{table}]]` table")
    } else {
        let article = if table.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        format!("{article} {table}")
    }
}

/// A record that could not be read, in the keeper's words: `kind` is its table (`achievement`), `text` its
/// file's text, `message` and `span` the reader's error.
pub(crate) fn record_error(
    kind: &str,
    item: &Spanned<DeValue<'_>>,
    text: &str,
    message: &str,
    span: Option<Range<usize>>,
) -> String {
    let message = message.trim().replace('\n', " ");
    let place = match &span {
        Some(span) => place(item, span),
        None => Place {
            path: Vec::new(),
            value: None,
        },
    };
    let table = place.table(kind);
    let advice = if let Some(rest) = message.strip_prefix("unknown field `") {
        Some(unknown_field(&table, rest))
    } else if let Some(rest) = message.strip_prefix("unknown variant `") {
        Some(unknown_value(place.field(), rest))
    } else if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or_default();
        Some(format!("`{field}` is missing: {} needs one", table_name(&table)))
    } else if let Some(rest) = message.strip_prefix("invalid type: ") {
        wrong_type(&place, &table, text, rest)
    } else if let Some(rest) = message.strip_prefix("invalid value: ") {
        wrong_value(&place, rest)
    } else {
        None
    };
    advice.unwrap_or(message)
}

/// ``unknown field `label`, expected one of `id`, ...`` at a table: a field of one of its sub-tables written
/// without the sub-table's line, a field of the record written after a sub-table's line, or a misspelling.
fn unknown_field(table: &str, rest: &str) -> String {
    let wrong = rest.split('`').next().unwrap_or_default();
    let fields = field_order(table).unwrap_or_default();
    let subtable = fields
        .iter()
        .map(|f| format!("{table}.{f}"))
        .find(|sub| field_order(sub).is_some_and(|sub_fields| sub_fields.contains(&wrong)));
    if let Some(sub) = subtable {
        return format!(
            "`{wrong}` is a field of `[[{sub}]]`, not of the {table} itself: write a `[[{sub}]]` line above it, \
             after the {table}'s own fields"
        );
    }
    if let Some((parent, _)) = table.rsplit_once('.') {
        if field_order(parent).is_some_and(|parent_fields| parent_fields.contains(&wrong)) {
            return format!(
                "`{wrong}` is a field of the {parent}, but it comes after a `[[{table}]]` line, which starts a \
                 new table: move it above the {parent}'s first `[[{table}]]`"
            );
        }
    }
    let hint = text::did_you_mean_hint(wrong, fields, str::to_string);
    // A sub-table is written as its own `[[...]]` line, not as a field: listed so.
    let listed: Vec<String> = fields
        .iter()
        .map(|f| match field_order(&format!("{table}.{f}")) {
            Some(_) => format!("`[[{table}.{f}]]`"),
            None => format!("`{f}`"),
        })
        .collect();
    format!(
        "`{wrong}` is not a field of {}{hint} (its fields: {})",
        table_name(table),
        listed.join(", ")
    )
}

/// ``unknown variant `over`, expected one of `about`, ...`` at a field with a fixed set of values.
fn unknown_value(field: Option<&str>, rest: &str) -> String {
    let wrong = rest.split('`').next().unwrap_or_default();
    let expected: Vec<&str> = rest
        .split_once("expected ")
        .map(|(_, list)| list.split('`').skip(1).step_by(2).collect())
        .unwrap_or_default();
    let hint = text::did_you_mean_hint(wrong, &expected, str::to_string);
    let listed: Vec<String> = expected.iter().map(|e| format!("`{e}`")).collect();
    let field = field.map(|f| format!("`{f}`")).unwrap_or_else(|| "this field".into());
    format!(
        "`{wrong}` is not one of the values {field} takes: {}{hint}",
        listed.join(", ")
    )
}

/// What the reader's "invalid type: FOUND, expected WANTED" found, in the keeper's terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Found {
    Table,
    List,
    Text,
    WholeNumber,
    Number,
    TrueFalse,
    Other,
}

impl Found {
    fn parse(found: &str) -> Found {
        let starts = |p: &str| found.starts_with(p);
        if starts("map") {
            Found::Table
        } else if starts("sequence") {
            Found::List
        } else if starts("string") {
            Found::Text
        } else if starts("integer") {
            Found::WholeNumber
        } else if starts("floating point") {
            Found::Number
        } else if starts("boolean") {
            Found::TrueFalse
        } else {
            Found::Other
        }
    }
}

/// What a field expects, from the reader's "expected ...".
fn wanted(expected: &str) -> Found {
    match expected.trim() {
        "a string" => Found::Text,
        "a sequence" => Found::List,
        "a boolean" => Found::TrueFalse,
        "f64" | "f32" => Found::Number,
        e if e.starts_with('u') || e.starts_with('i') => Found::WholeNumber,
        e if e.starts_with("struct") || e.starts_with("a map") => Found::Table,
        _ => Found::Other,
    }
}

/// "invalid type: map, expected a string" and the like: a date without quotes, a list where one value is
/// expected and the reverse, a number or a truth value in quotes, text without quotes.
fn wrong_type(place: &Place<'_>, table: &str, text: &str, rest: &str) -> Option<String> {
    let (found_text, expected) = rest.split_once(", expected ")?;
    let (found, wanted) = (Found::parse(found_text), wanted(expected));
    let field = place.field()?;
    let value = place.value?;
    let raw = text.get(value.span())?.trim();
    let is_date = matches!(value.get_ref(), DeValue::Datetime(_));
    let subtable = format!("{table}.{field}");
    Some(match (found, wanted) {
        _ if is_date => format!("dates are written in quotes: `{field} = \"{raw}\"`"),
        _ if field_order(&subtable).is_some() => {
            format!("`{field}` is written as `[[{subtable}]]` tables, one per entry, after the {table}'s own fields")
        }
        (Found::List, _) => one_value(field, value, text),
        (_, Found::List) => format!("`{field}` takes a list, even of one value: `{field} = [{raw}]`"),
        (Found::Text, Found::Number | Found::WholeNumber) => {
            let plain = raw.trim_matches(['"', '\'']).replace([',', ' '], "");
            if plain.parse::<f64>().is_ok() {
                format!("`{field}` is a number: write it without quotes or separators: `{field} = {plain}`")
            } else {
                format!("`{field}` is a number, not text: `{field} = 42`")
            }
        }
        (Found::Number, Found::WholeNumber) => format!("`{field}` is a whole number, without a decimal point"),
        (Found::Text, Found::TrueFalse) => {
            format!(
                "`{field}` is true or false, without quotes: `{field} = {}`",
                raw.trim_matches('"')
            )
        }
        (Found::WholeNumber | Found::Number | Found::TrueFalse, Found::Text) => {
            format!("`{field}` is text: write it in quotes: `{field} = \"{raw}\"`")
        }
        (Found::Table, _) => format!("`{field}` takes a single value, not a table of fields"),
        _ => return None,
    })
}

/// A list written where a field takes one value.
fn one_value(field: &str, value: &Spanned<DeValue<'_>>, text: &str) -> String {
    match value.get_ref() {
        DeValue::Array(items) if items.len() == 1 => {
            let raw = text.get(items[0].span()).unwrap_or_default().trim();
            format!("`{field}` takes one value, not a list: `{field} = {raw}`")
        }
        _ => format!("`{field}` takes one value, not a list: keep one, without the brackets"),
    }
}

/// "invalid value: integer `-1`, expected u32": a number out of the field's range.
fn wrong_value(place: &Place<'_>, rest: &str) -> Option<String> {
    let (found, expected) = rest.split_once(", expected ")?;
    let field = place.field()?;
    let number = found.split('`').nth(1)?;
    let range = if expected.starts_with('u') {
        "a whole number of 0 or more"
    } else {
        "a whole number in range"
    };
    Some(format!("`{field}` must be {range}, not {number}"))
}

/// A syntax error, in the keeper's words, from the line it is on: curly quotes, a thousands separator, text
/// without quotes, a string without its closing quote, a header with one bracket missing, a field written
/// twice. `message` is the parser's, kept when nothing better can be said.
pub(crate) fn syntax_error(text: &str, offset: usize, message: &str) -> String {
    let message = message.trim().replace('\n', " ");
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    let line = text[start..end].trim_end_matches('\r');
    header_error(line, &message)
        .or_else(|| value_error(line, &message))
        .or_else(|| shape_error(line, &message, text[start..offset].trim().is_empty()))
        .unwrap_or_else(|| format!("this line is not valid TOML ({message})"))
}

/// The mistakes the parser names by what it expected next: a backslash in text, a field without `=` or
/// with a space in its name, a list without commas or without its `]` (the parser stops at the start of the
/// next line), text over several lines not closed.
fn shape_error(line: &str, message: &str, at_line_start: bool) -> Option<String> {
    let key = line.split('=').next().unwrap_or(line).trim();
    if message.contains("unicode") || message.contains("escape") {
        return Some(
            "a backslash in text starts an escape (`\\n`, `\\\"`): write `\\\\` for a backslash itself \
             (`C:\\\\Users`), or put the text between single quotes ('C:\\Users')"
                .to_string(),
        );
    }
    if message.contains("key with no value") {
        let words: Vec<&str> = key.split_whitespace().collect();
        return Some(if line.contains('=') && words.len() > 1 {
            format!("a field's name is one word: `{}`", words.join("_"))
        } else {
            let name = words.first().copied().unwrap_or("field");
            format!("a field and its value are joined by `=`: `{name} = ...`")
        });
    }
    if message.contains("between array elements") {
        return Some(if !at_line_start {
            "the items of a list are separated by commas: `[\"GHA\", \"CIV\"]`".to_string()
        } else {
            "a list above this line is not closed: end it with `]`".to_string()
        });
    }
    if message.contains("multi-line") {
        return Some("a text begun with `\"\"\"` is not closed: end it with `\"\"\"`".to_string());
    }
    None
}

/// A `[[kind]]` line with a bracket missing or extra.
fn header_error(line: &str, message: &str) -> Option<String> {
    let trimmed = line.trim();
    if !trimmed.starts_with('[') || trimmed.contains('=') {
        return None;
    }
    let name = trimmed.trim_matches(|c: char| c == '[' || c == ']' || c.is_whitespace());
    if name.is_empty() {
        return None;
    }
    if message.starts_with("duplicate key") {
        return Some(format!(
            "`{trimmed}` clashes with an earlier line that makes `{name}` something else: every record of a \
             kind starts with `[[{name}]]`, two brackets on each side; check the brackets of the lines above"
        ));
    }
    message
        .contains("table")
        .then(|| format!("a record starts with its kind between two brackets on each side: `[[{name}]]`"))
}

/// A `key = value` line whose value is written as no TOML value is.
fn value_error(line: &str, message: &str) -> Option<String> {
    let (key, value) = line.split_once('=')?;
    let (key, value) = (key.trim(), value.trim());
    if message.starts_with("duplicate key") {
        return Some(format!(
            "`{key}` is given twice in one table: keep one (or a `[[...]]` line is missing above the second)"
        ));
    }
    if message.starts_with("extra `=`") {
        return Some(format!("one `=` between a field and its value: `{key} = ...`"));
    }
    let value = value.split(" #").next().unwrap_or(value).trim();
    if value.starts_with(['“', '”', '‘', '’', '„', '«']) {
        let straight: String = value.trim_matches(['“', '”', '‘', '’', '„', '«', '»']).to_string();
        return Some(format!(
            "text goes between straight quotes (\"), not curly ones (“ ”) that a word processor puts in: \
             `{key} = \"{straight}\"`"
        ));
    }
    if is_separated_number(value) {
        let plain = value.replace([',', '_', ' '], "");
        return Some(format!(
            "numbers are written without thousands separators: `{key} = {plain}`"
        ));
    }
    if value.starts_with('"') && message.contains("string") {
        return Some(
            "this text has no closing quote: end it with \" on the same line, or write text over several lines \
             between \"\"\" and \"\"\""
                .to_string(),
        );
    }
    let bare = value.chars().next().is_some_and(char::is_alphabetic);
    let keyword = ["true", "false", "inf", "nan"].contains(&value);
    if bare && !keyword {
        return Some(format!("text is written in quotes: `{key} = \"{value}\"`"));
    }
    None
}

/// `11,000`, `1,200.5`, `4 690`: digits with thousands separators.
fn is_separated_number(value: &str) -> bool {
    let groups: Vec<&str> = value.split([',', ' ']).collect();
    groups.len() > 1
        && groups[0].trim_start_matches('-').len() <= 3
        && groups
            .iter()
            .all(|g| !g.is_empty() && g.chars().all(|c| c.is_ascii_digit() || c == '.' || c == '-'))
        && groups[1..]
            .iter()
            .all(|g| g.split('.').next().is_some_and(|whole| whole.len() == 3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_the_parser_expected_next_is_said_as_what_to_write() {
        let text = "place = \"C:\\Users\"\nend place = \"x\"\nplace \"x\"\ncountries = [\"GHA\" \"CIV\"]\n";
        let at = |line: usize, column: usize| {
            text.split('\n').take(line - 1).map(|l| l.len() + 1).sum::<usize>() + column - 1
        };
        assert!(syntax_error(text, at(1, 12), "too few unicode value digits").contains("write `\\\\`"));
        assert_eq!(
            syntax_error(text, at(2, 5), "key with no value, expected `=`"),
            "a field's name is one word: `end_place`"
        );
        assert_eq!(
            syntax_error(text, at(3, 7), "key with no value, expected `=`"),
            "a field and its value are joined by `=`: `place = ...`"
        );
        assert!(syntax_error(text, at(4, 20), "missing comma between array elements").contains("separated by commas"));
        assert!(syntax_error(text, at(4, 1), "missing comma between array elements").contains("not closed"));
    }

    proptest::proptest! {
        /// Any text, any offset, any message: advice is given without a panic.
        #[test]
        fn syntax_advice_never_panics(text in "[ a-z=\"'\\[\\],\n“é\\\\]{0,40}", offset in 0usize..60, message in "[a-z `=]{0,30}") {
            let _ = syntax_error(&text, offset, &message);
        }
    }

    #[test]
    fn separated_numbers_are_recognised() {
        assert!(is_separated_number("11,000"));
        assert!(is_separated_number("1,200.5"));
        assert!(is_separated_number("4 690"));
        assert!(!is_separated_number("11000"));
        assert!(!is_separated_number("1,20"));
        assert!(!is_separated_number("\"a, b\""));
    }

    #[test]
    fn syntax_errors_say_how_to_write_the_value() {
        let advice = |line: &str| syntax_error(line, line.find('=').unwrap_or(0) + 2, "unexpected key or value");
        assert_eq!(
            advice("value = 11,000"),
            "numbers are written without thousands separators: `value = 11000`"
        );
        assert!(advice("place = “Buenos Aires”").contains("`place = \"Buenos Aires\"`"));
        assert_eq!(
            advice("place = Geneva"),
            "text is written in quotes: `place = \"Geneva\"`"
        );
        assert_eq!(
            syntax_error("[[achievement]\n", 14, "unclosed array table, expected `]`"),
            "a record starts with its kind between two brackets on each side: `[[achievement]]`"
        );
    }
}
