//! The one canonical layout of a data file (`ipec fmt`), so that two keepers' edits diff cleanly.
//!
//! The file is edited in place with a format-preserving parser (`toml_edit`): comments stay where they
//! are, attached to the field or record they precede, and text stays broken over lines where its keeper
//! broke it. What changes is only layout, never a value:
//!
//! - the first line is the `#:schema` line that names the schema (when the folder has one);
//! - UTF-8 without a byte-order mark, lines ending in LF, one newline at the end;
//! - the fields of every record and sub-table in their canonical order (the record types', which the
//!   schema lists), one `key = value` a line, no indentation, one space each side of `=`;
//! - one blank line before each `[[record]]`, never two blank lines in a row;
//! - lists on one line when the line fits in 120 characters, else one item a line, indented by two
//!   spaces, with a comma after each; a slide's `points` always one a line;
//! - text over several lines (`"""`) starts right after its opening quotes, and a line that ends with
//!   ` \` (continued) is followed by a line without indentation, as data/README.md shows.
//!
//! Every result is checked to hold exactly the values of the original before it is returned.

use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, Value};

use super::schema::field_order;

/// The widest line a list is kept on.
pub const MAX_LINE: usize = 120;

/// Why a file cannot be put in the canonical layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    /// It is not valid TOML (`ipec check` says where).
    Syntax,
    /// The layout would have changed a value: a bug in the formatter, and the file is left alone.
    Changed,
    /// Its values nest deeper than any field takes (`ipec check` says where): a hostile file, not read.
    TooDeep,
}

/// A file's text in the canonical layout. `schema_line` is the `#:schema` line the file must start with
/// (none: the file's own, if it has one, is kept).
pub fn canonical(text: &str, schema_line: Option<&str>) -> Result<String, FormatError> {
    // On a large stack, as the loader reads: a hostile file nests thousands of levels.
    super::load::on_large_stack(|| {
        if super::load::nests_too_deep(text) {
            return Err(FormatError::TooDeep);
        }
        canonical_here(text, schema_line)
    })
}

fn canonical_here(text: &str, schema_line: Option<&str>) -> Result<String, FormatError> {
    let text = text.trim_start_matches('\u{FEFF}').replace("\r\n", "\n");
    let (own_line, body) = match text.split_once('\n') {
        Some((first, rest)) if first.starts_with("#:schema") => (Some(first.trim_end()), rest),
        None if text.starts_with("#:schema") => (Some(text.trim_end()), ""),
        _ => (None, text.as_str()),
    };
    let mut doc: DocumentMut = body.parse().map_err(|_| FormatError::Syntax)?;
    tidy_document(&mut doc);
    let mut out = String::new();
    if let Some(line) = schema_line.or(own_line) {
        out.push_str(line);
        out.push('\n');
    }
    let formatted = doc.to_string();
    let formatted = formatted.trim_start_matches('\n').trim_end();
    out.push_str(formatted);
    if !formatted.is_empty() {
        out.push('\n');
    }
    if same_values(body, &out) {
        Ok(out)
    } else {
        Err(FormatError::Changed)
    }
}

/// Whether two texts hold the same TOML values.
fn same_values(a: &str, b: &str) -> bool {
    match (a.parse::<toml::Table>(), b.parse::<toml::Table>()) {
        // NaN is not equal to itself: compared again as written out, `nan` both times.
        (Ok(a), Ok(b)) => a == b || a.to_string() == b.to_string(),
        _ => false,
    }
}

fn tidy_document(doc: &mut DocumentMut) {
    let first = first_position(doc.as_table());
    let trailing = tidy_lines(doc.trailing().as_str().unwrap_or_default(), false);
    doc.set_trailing(trailing);
    let root = doc.as_table_mut();
    tidy_values(root, None);
    for (key, item) in root.iter_mut() {
        let path = key.get().to_string();
        match item {
            Item::ArrayOfTables(tables) => tidy_tables(tables, &path, first),
            Item::Table(table) => tidy_table(table, &path, first),
            _ => {}
        }
    }
}

/// The position of the table that comes first in the file.
fn first_position(root: &Table) -> Option<isize> {
    root.iter()
        .filter_map(|(_, item)| match item {
            Item::ArrayOfTables(tables) => tables.iter().filter_map(Table::position).min(),
            Item::Table(table) => table.position(),
            _ => None,
        })
        .min()
}

fn tidy_tables(tables: &mut ArrayOfTables, path: &str, first: Option<isize>) {
    for table in tables.iter_mut() {
        tidy_table(table, path, first);
    }
}

/// A record or sub-table: its header after one blank line, its fields in order, then its own sub-tables.
fn tidy_table(table: &mut Table, path: &str, first: Option<isize>) {
    let is_first = table.position().is_some() && table.position() == first;
    let prefix = table.decor().prefix().and_then(|p| p.as_str()).unwrap_or_default();
    let prefix = tidy_lines(prefix, !is_first);
    table.decor_mut().set_prefix(prefix);
    tidy_values(table, field_order(path));
    for (key, item) in table.iter_mut() {
        let sub = format!("{path}.{}", key.get());
        match item {
            Item::ArrayOfTables(tables) => tidy_tables(tables, &sub, first),
            Item::Table(inner) if !inner.is_dotted() => tidy_table(inner, &sub, first),
            _ => {}
        }
    }
}

/// The `key = value` lines of a table, in `order` (fields it does not name after those it does).
fn tidy_values(table: &mut Table, order: Option<&[&str]>) {
    if let Some(order) = order {
        let rank = |key: &str| order.iter().position(|o| *o == key).unwrap_or(usize::MAX);
        table.sort_values_by(|a, _, b, _| rank(a.get()).cmp(&rank(b.get())));
    }
    for (mut key, item) in table.iter_mut() {
        let Item::Value(value) = item else { continue };
        let prefix = key.leaf_decor().prefix().and_then(|p| p.as_str()).unwrap_or_default();
        let prefix = tidy_lines(prefix, false);
        key.leaf_decor_mut().set_prefix(prefix);
        key.leaf_decor_mut().set_suffix(" ");
        let name = key.get().to_string();
        tidy_value(&name, value);
    }
}

/// One value: a space before it, its own comment after it kept as written.
fn tidy_value(key: &str, value: &mut Value) {
    let suffix = value.decor().suffix().and_then(|s| s.as_str()).unwrap_or_default();
    let suffix = if suffix.contains('#') {
        suffix.trim_end().to_string()
    } else {
        String::new()
    };
    match value {
        Value::Array(array) => tidy_array(key, array),
        Value::String(_) => tidy_text(value),
        _ => {}
    }
    value.decor_mut().set_prefix(" ");
    value.decor_mut().set_suffix(suffix);
}

/// Comment lines as written, without indentation or trailing spaces, never two blank lines in a row; with
/// `blank_first`, one blank line first (before a record's header).
fn tidy_lines(raw: &str, blank_first: bool) -> String {
    let mut out = String::new();
    // Blank lines at the start are dropped, or made the one blank line before a record.
    let mut blank = true;
    if blank_first {
        out.push('\n');
    }
    for line in raw.lines() {
        let line = line.trim();
        if line.is_empty() {
            if !blank {
                out.push('\n');
            }
            blank = true;
        } else {
            out.push_str(line);
            out.push('\n');
            blank = false;
        }
    }
    out
}

/// A list on one line when it fits, else one item a line; a slide's `points` always one a line. A list
/// with comments inside is left as written.
fn tidy_array(key: &str, array: &mut Array) {
    let has_comment = |decor: &toml_edit::Decor| {
        [decor.prefix(), decor.suffix()]
            .into_iter()
            .flatten()
            .any(|raw| raw.as_str().unwrap_or("#").contains('#'))
    };
    let trailing_comment = array.trailing().as_str().unwrap_or("#").contains('#');
    if trailing_comment || array.iter().any(|v| has_comment(v.decor()) || v.is_inline_table()) {
        return;
    }
    let items: Vec<String> = array.iter().map(|v| v.to_string().trim().to_string()).collect();
    let one_line = format!("{key} = [{}]", items.join(", "));
    let multi =
        !items.is_empty() && (key == "points" || one_line.chars().count() > MAX_LINE || one_line.contains('\n'));
    for (i, item) in array.iter_mut().enumerate() {
        let prefix = match (multi, i) {
            (true, _) => "\n  ",
            (false, 0) => "",
            (false, _) => " ",
        };
        item.decor_mut().set_prefix(prefix);
        item.decor_mut().set_suffix("");
    }
    array.set_trailing_comma(multi);
    array.set_trailing(if multi { "\n" } else { "" });
}

/// Text over several lines: starting right after its opening `"""`, and a continued line (ending in `\`)
/// followed by a line without indentation. Whatever does not read back as the same text is left alone.
fn tidy_text(value: &mut Value) {
    let Value::String(text) = &*value else { return };
    let Some(raw) = text.as_repr().and_then(|r| r.as_raw().as_str()) else {
        return;
    };
    let Some(inner) = raw.strip_prefix("\"\"\"") else {
        return;
    };
    let inner = inner.strip_prefix('\n').unwrap_or(inner);
    let mut tidy = String::from("\"\"\"");
    let mut continued = false;
    for (i, line) in inner.split('\n').enumerate() {
        if i > 0 {
            tidy.push('\n');
        }
        let line = if continued { line.trim_start() } else { line };
        let kept = line.trim_end();
        continued = kept.ends_with('\\') && (kept.len() - kept.trim_end_matches('\\').len()) % 2 == 1;
        tidy.push_str(if continued { kept } else { line });
    }
    if tidy == raw {
        return;
    }
    if let Ok(new) = tidy.parse::<Value>() {
        if new.as_str() == value.as_str() {
            let decor = value.decor().clone();
            *value = new;
            *value.decor_mut() = decor;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCHEMA: Option<&str> = Some("#:schema ./schema/ipec.schema.json");

    #[test]
    fn fields_come_in_their_order_with_their_comments() {
        let text = "# Events.\n\n[[event]]\nend_date   =   \"2017-11-16\"  # the last day\n# when it began\n\
                    date=\"2017-11-14\"\n  id = \"x\"\n";
        let expected = "#:schema ./schema/ipec.schema.json\n# Events.\n\n[[event]]\nid = \"x\"\n\
                        # when it began\ndate = \"2017-11-14\"\nend_date = \"2017-11-16\"  # the last day\n";
        assert_eq!(canonical(text, SCHEMA).as_deref(), Ok(expected));
        assert_eq!(canonical(expected, SCHEMA).as_deref(), Ok(expected));
    }

    #[test]
    fn records_get_one_blank_line_before_them() {
        let text = "[[country]]\nid = \"GHA\"\n\n\n\n[[country]]\nid = \"CIV\"\n[[country]]\nid = \"NPL\"\n\n\n";
        let expected = "[[country]]\nid = \"GHA\"\n\n[[country]]\nid = \"CIV\"\n\n[[country]]\nid = \"NPL\"\n";
        assert_eq!(canonical(text, None).as_deref(), Ok(expected));
    }

    #[test]
    fn lists_fit_on_a_line_or_take_one_line_an_item() {
        let text = "[[event]]\ncountries = [ \"GHA\",\"CIV\", ]\n";
        assert_eq!(
            canonical(text, None).as_deref(),
            Ok("[[event]]\ncountries = [\"GHA\", \"CIV\"]\n")
        );
        let points = "[[tour]]\nid = \"t\"\n\n[[tour.step]]\nheading = \"h\"\npoints = [\"One\", \"Two\"]\n";
        assert_eq!(
            canonical(points, None).as_deref(),
            Ok("[[tour]]\nid = \"t\"\n\n[[tour.step]]\nheading = \"h\"\npoints = [\n  \"One\",\n  \"Two\",\n]\n")
        );
    }

    #[test]
    fn text_over_several_lines_loses_only_what_toml_ignores() {
        let text = "[[area]]\nsummary = \"\"\"\nOne line \\   \n    continued.\nA new line.\"\"\"\n";
        let expected = "[[area]]\nsummary = \"\"\"One line \\\ncontinued.\nA new line.\"\"\"\n";
        assert_eq!(canonical(text, None).as_deref(), Ok(expected));
    }

    #[test]
    fn byte_order_marks_and_windows_line_endings_go() {
        let text = "\u{FEFF}\u{FEFF}[[source]]\r\nid = \"a\"\r\n";
        assert_eq!(canonical(text, None).as_deref(), Ok("[[source]]\nid = \"a\"\n"));
    }

    proptest::proptest! {
        /// Whatever a keeper types into a file, formatting never panics, and what it gives is a fixed point.
        #[test]
        fn formatting_any_edit_is_safe_and_idempotent(
            cut in 0usize..2000,
            typed in "[ \\[\\]={}=\"'#\n,.a-z0-9]{0,16}",
        ) {
            let base = include_str!("../../tests/fixtures/valid/events.toml");
            let mut at = cut.min(base.len());
            while !base.is_char_boundary(at) {
                at -= 1;
            }
            let text = format!("{}{typed}{}", &base[..at], &base[at..]);
            if let Ok(once) = canonical(&text, None) {
                proptest::prop_assert_eq!(canonical(&once, None), Ok(once.clone()), "{}", text);
            }
        }
    }

    #[test]
    fn a_file_that_does_not_parse_is_not_formatted() {
        assert_eq!(canonical("[[source]\nid = 1", None), Err(FormatError::Syntax));
    }
}
