//! The fonts every picture uses, inside the binary (assets/fonts), and how wide a text is in them.

use std::sync::{Arc, OnceLock};

pub const REGULAR: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
pub const BOLD: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");

/// The font database pictures are rendered with: the embedded fonts only, the same everywhere.
pub fn database() -> Arc<resvg::usvg::fontdb::Database> {
    static DB: OnceLock<Arc<resvg::usvg::fontdb::Database>> = OnceLock::new();
    Arc::clone(DB.get_or_init(|| {
        let mut db = resvg::usvg::fontdb::Database::new();
        db.load_font_data(REGULAR.to_vec());
        db.load_font_data(BOLD.to_vec());
        db.set_sans_serif_family("DejaVu Sans");
        Arc::new(db)
    }))
}

/// How wide `text` is at `size`, in the same units as `size`.
pub fn width(text: &str, size: f64, bold: bool) -> f64 {
    static FACES: OnceLock<Option<(ttf_parser::Face<'static>, ttf_parser::Face<'static>)>> = OnceLock::new();
    let faces = FACES.get_or_init(|| {
        Some((
            ttf_parser::Face::parse(REGULAR, 0).ok()?,
            ttf_parser::Face::parse(BOLD, 0).ok()?,
        ))
    });
    let Some((regular, bold_face)) = faces else {
        return text.chars().count() as f64 * size * 0.6;
    };
    let face = if bold { bold_face } else { regular };
    let per_unit = size / f64::from(face.units_per_em());
    text.chars()
        .map(|c| {
            face.glyph_index(c)
                .and_then(|g| face.glyph_hor_advance(g))
                .map_or(size * 0.6, |a| f64::from(a) * per_unit)
        })
        .sum()
}

/// Text wrapped by words to lines no wider than `max` at `size`.
pub fn wrap(text: &str, size: f64, bold: bool, max: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && width(&candidate, size, bold) > max {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// At most `max_lines` of `text` wrapped to `max`; the last ends with "…" when there was more.
pub fn wrap_at_most(text: &str, size: f64, bold: bool, max: f64, max_lines: usize) -> Vec<String> {
    let mut lines = wrap(text, size, bold, max);
    if lines.len() > max_lines {
        lines.truncate(max_lines.max(1));
        if let Some(last) = lines.last_mut() {
            while width(&format!("{last}…"), size, bold) > max {
                match last.rfind(' ') {
                    Some(i) => last.truncate(i),
                    None => break,
                }
            }
            let kept = last.trim_end_matches([',', ';', ':', '.']).len();
            last.truncate(kept);
            last.push('…');
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_come_from_the_font() {
        let narrow = width("iiii", 10.0, false);
        let wide = width("WWWW", 10.0, false);
        assert!(narrow < wide / 2.0, "{narrow} {wide}");
        assert!(width("Ghana", 10.0, true) > width("Ghana", 10.0, false));
        assert_eq!(
            wrap("one two three", 10.0, false, width("one two", 10.0, false) + 0.1),
            ["one two", "three"]
        );
    }
}
