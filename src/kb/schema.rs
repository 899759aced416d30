//! The JSON Schema of a knowledge-base file, generated from the record types themselves (`model`), so that
//! it cannot drift from what the loader reads: every field with the description of its doc comment, the
//! fixed sets as enums, ids, dates and periods as patterns, and each kind with the file it is kept in.
//! Editors read it through taplo (the `#:schema` line at the top of every data file) to complete field
//! names and flag mistakes as the keeper types; `ipec schema` prints it and `data/schema/` ships it.
//!
//! The order of the fields is the order of the record types, which is also the canonical order that
//! `ipec fmt` writes: the schema lists its properties in that order.

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde_json::{Map, Value};

use super::kind::FileRecords;
use super::model::{Component, FigureRow, HeadlineFigure, Ratification, TourStep};
use super::Kind;

/// Where the schema is kept in a knowledge-base folder, relative to it.
pub const SCHEMA_FILE: &str = "schema/ipec.schema.json";

/// The schema as printed and shipped: pretty JSON, properties in the records' field order, one newline at
/// the end.
pub fn schema_text() -> String {
    let mut out = String::new();
    write_json(&schema(), 0, None, &mut out);
    out.push('\n');
    out
}

/// The schema of one knowledge-base file (JSON Schema draft 7, which taplo reads).
pub fn schema() -> Value {
    let generator = schemars::generate::SchemaSettings::draft07().into_generator();
    let mut schema = generator.into_root_schema_for::<FileRecords>().to_value();
    without_null(&mut schema);
    if let Some(definitions) = schema.get_mut("definitions").and_then(Value::as_object_mut) {
        for definition in definitions.values_mut() {
            complete_with_required(definition);
        }
    }
    schema
}

/// TOML has no null: an optional field is one that is left out, so `"null"` is taken out of every type
/// schemars gives an `Option`.
fn without_null(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let single = types.remove(0);
                    map.insert("type".into(), single);
                }
            }
            for key in ["anyOf", "oneOf"] {
                if let Some(Value::Array(options)) = map.get_mut(key) {
                    options.retain(|o| o.get("type").is_none_or(|t| t != "null"));
                    if options.len() == 1 {
                        let single = options.remove(0);
                        map.remove(key);
                        merge(map, single);
                    }
                }
            }
            map.values_mut().for_each(without_null);
        }
        Value::Array(items) => items.iter_mut().for_each(without_null),
        _ => {}
    }
}

/// `from`'s keys into `into`, where `into` has none of its own: an `anyOf` of one option becomes the option.
fn merge(into: &mut Map<String, Value>, from: Value) {
    if let Value::Object(from) = from {
        for (key, value) in from {
            into.entry(key).or_insert(value);
        }
    }
}

/// taplo's completion of a new `[[kind]]` table fills in the required fields first.
fn complete_with_required(definition: &mut Value) {
    let Some(required) = definition.get("required").cloned() else {
        return;
    };
    if let Some(map) = definition.as_object_mut() {
        map.insert("x-taplo".into(), serde_json::json!({ "initKeys": required }));
    }
}

/// The fields of a record type as its TOML table takes them, in the order of the type.
pub fn fields_of<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    let mut names = FieldNames(&[]);
    let _ = T::deserialize(&mut names);
    names.0
}

/// The canonical order of the fields of a table: `achievement`, or a sub-table such as `achievement.figures`.
pub fn field_order(table: &str) -> Option<&'static [&'static str]> {
    let subtable = match table {
        "convention.ratifications" => fields_of::<Ratification>(),
        "achievement.figures" => fields_of::<HeadlineFigure>(),
        "figure.rows" => fields_of::<FigureRow>(),
        "partnership.components" => fields_of::<Component>(),
        "tour.step" => fields_of::<TourStep>(),
        kind => return Kind::from_key(kind).map(Kind::fields),
    };
    Some(subtable)
}

/// Every table's field order, for ordering the schema's properties.
fn all_field_orders() -> Vec<&'static [&'static str]> {
    let subtables = [
        "convention.ratifications",
        "achievement.figures",
        "figure.rows",
        "partnership.components",
        "tour.step",
    ];
    Kind::ALL
        .iter()
        .map(|k| k.fields())
        .chain(subtables.iter().filter_map(|t| field_order(t)))
        .collect()
}

/// A deserializer that reads nothing: it only records the field names a struct asks for.
struct FieldNames(&'static [&'static str]);

#[derive(Debug)]
struct Stop;

impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("field names read")
    }
}

impl std::error::Error for Stop {}

impl de::Error for Stop {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Stop
    }
}

impl<'de> Deserializer<'de> for &mut FieldNames {
    type Error = Stop;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        Err(Stop)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Stop> {
        self.0 = fields;
        Err(Stop)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
        unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
    }
}

/// Pretty JSON, two spaces a level, as `serde_json` writes it, but with every `properties` object in the
/// field order of the table it describes.
fn write_json(value: &Value, indent: usize, order: Option<&[&str]>, out: &mut String) {
    let pad = |n: usize| "  ".repeat(n);
    match value {
        Value::Object(map) if !map.is_empty() => {
            out.push_str("{\n");
            let keys = ordered_keys(map, order);
            for (i, key) in keys.iter().enumerate() {
                out.push_str(&pad(indent + 1));
                out.push_str(&Value::String((*key).to_string()).to_string());
                out.push_str(": ");
                let inner = (*key == "properties").then(|| properties_order(&map[*key])).flatten();
                write_json(&map[*key], indent + 1, inner, out);
                out.push_str(if i + 1 < keys.len() { ",\n" } else { "\n" });
            }
            out.push_str(&pad(indent));
            out.push('}');
        }
        Value::Array(items) if !items.is_empty() => {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                out.push_str(&pad(indent + 1));
                write_json(item, indent + 1, None, out);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
            out.push_str(&pad(indent));
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

/// The keys of an object: in `order` where it names them (a table's fields), else the schema's own
/// keywords in the order a reader wants them; the rest after them in their own order.
fn ordered_keys<'a>(map: &'a Map<String, Value>, order: Option<&[&str]>) -> Vec<&'a str> {
    let mut keys: Vec<&str> = map.keys().map(String::as_str).collect();
    let order = order.unwrap_or(KEYWORDS);
    keys.sort_by_key(|k| order.iter().position(|o| o == k).unwrap_or(usize::MAX));
    keys
}

/// The keywords of a schema object, in reading order: what it is, then what it holds.
const KEYWORDS: &[&str] = &[
    "$schema",
    "title",
    "description",
    "type",
    "enum",
    "const",
    "pattern",
    "format",
    "minimum",
    "default",
    "required",
    "x-taplo",
    "properties",
    "additionalProperties",
    "items",
    "$ref",
    "oneOf",
    "anyOf",
    "allOf",
    "definitions",
];

/// The field order of the table whose `properties` these are: the one with exactly these fields. The
/// top level (the kinds) is in the kinds' own order.
fn properties_order(properties: &Value) -> Option<&'static [&'static str]> {
    let map = properties.as_object()?;
    let same = |fields: &[&str]| fields.len() == map.len() && fields.iter().all(|f| map.contains_key(*f));
    all_field_orders().into_iter().find(|fields| same(fields)).or_else(|| {
        let kinds: &'static [&'static str] = KIND_KEYS;
        same(kinds).then_some(kinds)
    })
}

/// The kinds' table names, in the kinds' order.
const KIND_KEYS: &[&str] = &Kind::KEYS;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kind_keys_are_the_kinds() {
        let keys: Vec<&str> = Kind::ALL.iter().map(|k| k.key()).collect();
        assert_eq!(keys, KIND_KEYS);
    }

    #[test]
    fn field_orders_are_those_of_the_types() {
        assert_eq!(
            field_order("achievement.figures"),
            Some(&["value", "unit", "label", "qualifier", "approximate"][..])
        );
        let tour = field_order("tour").expect("tours have fields");
        assert_eq!(&tour[..3], ["id", "order", "title"]);
        assert!(tour.contains(&"step"), "a tour's steps are `[[tour.step]]`: {tour:?}");
        assert_eq!(field_order("nothing"), None);
    }
}
