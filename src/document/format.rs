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
