//! `ipec new KIND`: a commented template of a new record, built from the schema (so that it has every
//! field the loader reads, described as the schema describes it), with the references the keeper gave
//! filled in, an id suggested from the title, and the file the record belongs in.
//!
//! What the keeper must still write is a placeholder in `‹ ›` (`title = "‹title›"`): `ipec check` reports
//! every placeholder left, so a template cannot pass for a record until it is filled in. Optional fields
//! are there too, commented out.

use std::collections::HashSet;

use serde_json::Value;

use super::load::SourceFile;
use super::schema::{field_order, schema};
use super::text;
use super::Kind;

/// What the keeper asked for.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub countries: Vec<String>,
    pub source: Option<String>,
    pub section: Option<String>,
    pub title: Option<String>,
}

/// A template and where it goes.
#[derive(Debug, Clone)]
pub struct Scaffold {
    /// The record, as TOML to paste or append.
    pub text: String,
    /// Which file it belongs in and why, for people (several lines).
    pub belongs: String,
    /// The file to append it to, when there is one clear answer.
    pub file: Option<String>,
}

/// A placeholder: what the keeper must write there.
pub fn placeholder(what: &str) -> String {
    format!("‹{what}›")
}

/// A new record of `kind`, knowing the files of the knowledge base it is for and its folder (`root`, as
/// the files' names begin with it).
pub fn scaffold(kind: Kind, request: &Request, files: &[SourceFile], root: &str) -> Scaffold {
    let ids = ids_in(files);
    let id = suggested_id(kind, request, &ids);
    let schema = schema();
    let mut out = String::new();
    record(&mut out, &schema, kind.key(), kind.key(), request, &id);
    if kind == Kind::Tour {
        for step in TOUR_STEPS {
            out.push('\n');
            out.push_str(step);
        }
    }
    let (belongs, file) = where_it_goes(kind, request, files, root, &id);
    Scaffold {
        text: out,
        belongs,
        file,
    }
}

/// One step of each kind: a record, the map, the timeline, the matrix, a chart.
const TOUR_STEPS: [&str; 5] = [
    "[[tour.step]]\nheading = \"‹a few words›\"\nrecord = \"‹the id of the record the slide shows›\"\n\
     # reveal = \"number\"  # points | number | all: what the next key reveals first\n\
     points = [\n  \"‹a point, at most 40 words›\",\n]\nnotes = \"‹what the trainer says›\"\n",
    "[[tour.step]]\nheading = \"‹a few words›\"\nview = \"map\"\n# region = \"Africa\"  # or country = \"GHA\": where to zoom\n\
     points = [\n  \"‹a point›\",\n]\nnotes = \"‹what the trainer says›\"\n",
    "[[tour.step]]\nheading = \"‹a few words›\"\nview = \"timeline\"\n# from = 2017  # the first and last year shown\n# to = 2024\n\
     points = [\n  \"‹a point›\",\n]\nnotes = \"‹what the trainer says›\"\n",
    "[[tour.step]]\nheading = \"‹a few words›\"\nview = \"matrix\"\npoints = [\n  \"‹a point›\",\n]\n\
     notes = \"‹what the trainer says›\"\n",
    "[[tour.step]]\nheading = \"‹a few words›\"\nview = \"chart\"\nfigure = \"‹the id of a figure with rows›\"\n\
     points = [\n  \"‹a point›\",\n]\nnotes = \"‹what the trainer says›\"\n",
];

/// The header and fields of one table (`table` is its path: `achievement`, `achievement.figures`), then
/// its sub-tables commented out.
fn record(out: &mut String, schema: &Value, table: &str, definition: &str, request: &Request, id: &str) {
    let Some(def) = definition_of(schema, definition) else {
        return;
    };
    let required: HashSet<&str> = def["required"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let commented = table.contains('.');
    let mark = if commented { "# " } else { "" };
    out.push_str(&format!("{mark}[[{table}]]\n"));
    let mut subtables = Vec::new();
    for field in field_order(table).unwrap_or_default() {
        let property = &def["properties"][*field];
        if let Some(sub) = subtable_of(schema, property) {
            subtables.push((format!("{table}.{field}"), sub));
            continue;
        }
        if *field == "approximate" {
            continue; // the older form of `qualifier`
        }
        let description = property["description"].as_str().unwrap_or_default();
        for line in wrap(description, 110) {
            out.push_str(&format!("# {line}\n"));
        }
        let value = value_for(schema, field, property, request, id);
        let optional = !required.contains(*field) && !filled_by_request(field, request);
        let off = if commented || optional { "# " } else { "" };
        out.push_str(&format!("{off}{field} = {value}\n"));
    }
    for (sub, definition) in subtables {
        if table == "tour" {
            continue; // its steps follow, one of each kind
        }
        out.push('\n');
        record(out, schema, &sub, &definition, request, id);
    }
}

/// Whether the keeper's flags give this optional field a value, so that it is written, not commented out.
fn filled_by_request(field: &str, request: &Request) -> bool {
    field == "countries" && !request.countries.is_empty()
}

/// A definition by its type's name (`FigureRow`), or a kind's by its table name (`achievement`).
fn definition_of<'a>(schema: &'a Value, name: &str) -> Option<&'a Value> {
    if let Some(definition) = schema["definitions"].get(name) {
        return Some(definition);
    }
    let reference = schema["properties"][name]["items"]["$ref"].as_str()?;
    schema["definitions"].get(reference.rsplit('/').next()?)
}

/// The definition of a sub-table's rows, when the property is a list of tables.
fn subtable_of(schema: &Value, property: &Value) -> Option<String> {
    let reference = property["items"]["$ref"].as_str()?;
    let name = reference.rsplit('/').next()?;
    let def = &schema["definitions"][name];
    def.get("properties").is_some().then(|| name.to_string())
}

/// What a field is written as in the template.
fn value_for(schema: &Value, field: &str, property: &Value, request: &Request, id: &str) -> String {
    let quoted = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
    match field {
        "id" => return quoted(id),
        "source" => return quoted(&request.source.clone().unwrap_or_else(|| placeholder("a source id"))),
        "section" => {
            return quoted(
                &request
                    .section
                    .clone()
                    .unwrap_or_else(|| placeholder("the heading it comes from")),
            )
        }
        "title" | "name" => {
            return quoted(&request.title.clone().unwrap_or_else(|| placeholder(field)));
        }
        "country" if !request.countries.is_empty() => return quoted(&request.countries[0]),
        "countries" if !request.countries.is_empty() => {
            let ids: Vec<String> = request.countries.iter().map(|c| quoted(c)).collect();
            return format!("[{}]", ids.join(", "));
        }
        _ => {}
    }
    let choices = enum_of(schema, property);
    if !choices.is_empty() {
        return quoted(&placeholder(&choices.join(" | ")));
    }
    let pattern = property["pattern"].as_str().unwrap_or_default();
    match property["type"].as_str().unwrap_or_default() {
        "array" => format!("[{}]", quoted(&placeholder(field))),
        "integer" => quoted(&placeholder("a whole number")),
        "number" => quoted(&placeholder("a number")),
        "boolean" => "false".to_string(),
        _ if pattern.contains("(0[1-9]") => quoted(&placeholder("YYYY-MM-DD")),
        _ if pattern.contains("(-[0-9]{4})") => quoted(&placeholder("YYYY or YYYY-YYYY")),
        _ => quoted(&placeholder(field)),
    }
}

/// The values of a field with a fixed set, written in the schema as `enum` or as a `$ref` to one.
fn enum_of(schema: &Value, property: &Value) -> Vec<String> {
    let target = property["$ref"]
        .as_str()
        .and_then(|r| r.rsplit('/').next())
        .map_or(property, |name| &schema["definitions"][name]);
    let listed = target["enum"].as_array().cloned().unwrap_or_else(|| {
        let options = target["oneOf"].as_array().into_iter().flatten();
        options.map(|o| o["const"].clone()).collect()
    });
    listed.iter().filter_map(|v| v.as_str().map(String::from)).collect()
}

/// A description as comment lines of at most `width` characters.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Every id the files write (in lower case), found line by line as `id = "..."`.
fn ids_in(files: &[SourceFile]) -> HashSet<String> {
    files
        .iter()
        .flat_map(|f| f.text.lines().filter_map(written_value("id")))
        .map(|id| text::lowercase(&id).into_owned())
        .collect()
}

/// The value of a `key = "value"` line, if the line is one.
fn written_value(key: &'static str) -> impl Fn(&str) -> Option<String> {
    move |line: &str| {
        let rest = line
            .trim_start()
            .strip_prefix(key)?
            .trim_start()
            .strip_prefix('=')?
            .trim_start();
        let inner = rest.strip_prefix('"')?;
        Some(inner[..inner.find('"')?].to_string())
    }
}

/// The id to suggest: from the title (an achievement's prefixed by its first country), the first one free;
/// a placeholder without a title.
fn suggested_id(kind: Kind, request: &Request, ids: &HashSet<String>) -> String {
    if matches!(kind, Kind::Country | Kind::Convention) {
        return placeholder(if kind == Kind::Country {
            "ISO 3166-1 alpha-3 code, in capitals"
        } else {
            "C or P, then its number: C182"
        });
    }
    let Some(title) = &request.title else {
        let country = request.countries.first().map(|c| format!("{}-", c.to_lowercase()));
        return placeholder(&format!("{}a-few-words-in-kebab-case", country.unwrap_or_default()));
    };
    let words: Vec<String> = text::fold(title)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty() && !SMALL_WORDS.contains(w))
        .take(6)
        .map(String::from)
        .collect();
    let country = match (kind, request.countries.first()) {
        (Kind::Achievement, Some(c)) => vec![c.to_lowercase()],
        _ => Vec::new(),
    };
    let base = country.into_iter().chain(words).collect::<Vec<_>>().join("-");
    let base = if base.is_empty() { kind.key().to_string() } else { base };
    (1..)
        .map(|n| if n == 1 { base.clone() } else { format!("{base}-{n}") })
        .find(|id| !ids.contains(id))
        .unwrap_or(base)
}

/// Words an id leaves out.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "and", "for", "to", "with", "by", "at", "s",
];

/// Which file the record belongs in and why, and the file when there is one clear answer.
fn where_it_goes(
    kind: Kind,
    request: &Request,
    files: &[SourceFile],
    root: &str,
    id: &str,
) -> (String, Option<String>) {
    let folder = kind.file().split_once('/').map(|(folder, _)| folder);
    let Some(folder) = folder else {
        let file = files
            .iter()
            .find(|f| f.name.ends_with(kind.file()))
            .map(|f| f.name.clone());
        let name = file.clone().unwrap_or_else(|| format!("{root}/{}", kind.file()));
        return (format!("a new {kind} goes in {name}: {}", kind.layout()), file);
    };
    if kind == Kind::Tour {
        let name = format!("{root}/{folder}/{id}.toml");
        let file = (!text::is_placeholder(id)).then(|| name.clone());
        return (
            format!("a new tour goes in a file of its own, {name}: {}", kind.layout()),
            file,
        );
    }
    let header = format!("[[{kind}]]");
    let of_kind: Vec<&SourceFile> = files
        .iter()
        .filter(|f| f.name.contains(&format!("{folder}/")) && f.text.contains(&header))
        .collect();
    let citing: Vec<&SourceFile> = match &request.source {
        Some(source) => of_kind
            .iter()
            .copied()
            .filter(|f| f.text.lines().filter_map(written_value("source")).any(|s| s == *source))
            .collect(),
        None => of_kind.clone(),
    };
    let by_section = request.section.as_ref().and_then(|section| {
        citing.iter().find(|f| {
            f.text
                .lines()
                .filter_map(written_value("section"))
                .any(|s| s == *section)
        })
    });
    let why = format!("{folder}/*.toml: {}", kind.layout());
    match (by_section, citing.as_slice(), &request.source) {
        (Some(file), _, _) => (
            format!("a new {kind} goes in {}: it holds that section. ({why})", file.name),
            Some(file.name.clone()),
        ),
        (None, [file], Some(source)) => (
            format!(
                "a new {kind} goes in {}: the file of the {} that cite `{source}`. ({why})",
                file.name,
                kind.plural()
            ),
            Some(file.name.clone()),
        ),
        (None, [], Some(source)) => (
            format!(
                "a new {kind} from `{source}` goes in a new file, {root}/{folder}/{source}.toml: no file holds its {} \
                 yet. ({why})",
                kind.plural()
            ),
            Some(format!("{root}/{folder}/{source}.toml")),
        ),
        (None, candidates, _) => (candidates_text(kind, folder, candidates, &why), None),
    }
}

/// The files a record may go in, each with the sources and sections it holds.
fn candidates_text(kind: Kind, folder: &str, files: &[&SourceFile], why: &str) -> String {
    let mut text = format!(
        "a new {kind} goes in the {folder}/*.toml file of the source (and part of it) it comes from ({why}); \
         --source and --section tell which. The files:"
    );
    for file in files {
        let mut sections: Vec<String> = Vec::new();
        for section in file.text.lines().filter_map(written_value("section")) {
            let part = section.split(" — ").next().unwrap_or_default().to_string();
            if !sections.contains(&part) {
                sections.push(part);
            }
        }
        let mut sources: Vec<String> = Vec::new();
        for source in file.text.lines().filter_map(written_value("source")) {
            if !sources.contains(&source) {
                sources.push(source);
            }
        }
        let shown: Vec<String> = sections.iter().take(3).map(|s| format!("\"{s}\"")).collect();
        let more = if sections.len() > 3 { ", ..." } else { "" };
        text.push_str(&format!(
            "\n  {}: {} ({}{more})",
            file.name,
            sources.join(", "),
            shown.join(", ")
        ));
    }
    text
}
