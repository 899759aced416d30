//! A small SVG writer: shapes and text with the attributes pictures need, escaped, nothing else.

use std::fmt::Write as _;

/// Where a text's x is: its start, middle or end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    fn name(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// A text's style.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextStyle<'a> {
    pub size: f64,
    pub fill: &'a str,
    pub bold: bool,
    pub anchor: Anchor,
}

/// An SVG document being written, `width` × `height` user units.
pub struct Svg {
    out: String,
    pub width: f64,
    pub height: f64,
}

impl Svg {
    pub fn new(width: f64, height: f64, background: &str) -> Svg {
        let mut out = String::new();
        let _ = write!(
            out,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="DejaVu Sans, Verdana, sans-serif">"#,
            w = num(width),
            h = num(height)
        );
        let _ = write!(
            out,
            r#"<rect x="0" y="0" width="{}" height="{}" fill="{background}"/>"#,
            num(width),
            num(height)
        );
        Svg { out, width, height }
    }

    pub fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, fill: &str) {
        let _ = write!(
            self.out,
            r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{fill}"/>"#,
            num(x),
            num(y),
            num(w.max(0.0)),
            num(h.max(0.0))
        );
    }

    pub fn circle(&mut self, cx: f64, cy: f64, r: f64, fill: &str, stroke: Option<&str>) {
        let stroke = stroke.map_or(String::new(), |s| format!(r#" stroke="{s}" stroke-width="1""#));
        let _ = write!(
            self.out,
            r#"<circle cx="{}" cy="{}" r="{}" fill="{fill}"{stroke}/>"#,
            num(cx),
            num(cy),
            num(r)
        );
    }

    pub fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, stroke: &str, width: f64) {
        let _ = write!(
            self.out,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{stroke}" stroke-width="{}"/>"#,
            num(x1),
            num(y1),
            num(x2),
            num(y2),
            num(width)
        );
    }

    /// A filled path of closed rings (even-odd, so that holes stay holes).
    pub fn rings(&mut self, rings: &[Vec<(f64, f64)>], fill: &str, stroke: &str) {
        let mut d = String::new();
        for ring in rings.iter().filter(|r| r.len() >= 3) {
            for (i, (x, y)) in ring.iter().enumerate() {
                let _ = write!(d, "{}{} {}", if i == 0 { "M" } else { "L" }, num(*x), num(*y));
            }
            d.push('Z');
        }
        if !d.is_empty() {
            let _ = write!(
                self.out,
                r#"<path d="{d}" fill="{fill}" fill-rule="evenodd" stroke="{stroke}" stroke-width="0.4"/>"#
            );
        }
    }

    pub fn text(&mut self, x: f64, y: f64, text: &str, style: TextStyle) {
        let weight = if style.bold { r#" font-weight="bold""# } else { "" };
        let _ = write!(
            self.out,
            r#"<text x="{}" y="{}" font-size="{}" fill="{}" text-anchor="{}"{weight}>{}</text>"#,
            num(x),
            num(y),
            num(style.size),
            style.fill,
            style.anchor.name(),
            escape(text)
        );
    }

    /// What follows, up to `end_clip`, is drawn from (x, y) and only inside the box there. A clip path, not a
    /// nested `<svg>`: a picture stays one element that tools can cut out of an HTML page whole. Its id
    /// is the box's size, so pictures side by side in one page share it only where it is the same box.
    pub fn begin_clip(&mut self, x: f64, y: f64, w: f64, h: f64) {
        let id = format!("clip-{}x{}", num(w), num(h)).replace('.', "_");
        let _ = write!(
            self.out,
            r#"<defs><clipPath id="{id}"><rect x="0" y="0" width="{}" height="{}"/></clipPath></defs><g transform="translate({} {})" clip-path="url(#{id})">"#,
            num(w),
            num(h),
            num(x),
            num(y)
        );
    }

    pub fn end_clip(&mut self) {
        self.out.push_str("</g>");
    }

    /// Text with a halo of `halo` around its letters, readable over a map.
    pub fn halo_text(&mut self, x: f64, y: f64, text: &str, style: TextStyle, halo: &str) {
        let weight = if style.bold { r#" font-weight="bold""# } else { "" };
        let _ = write!(
            self.out,
            r#"<text x="{}" y="{}" font-size="{}" fill="{}" text-anchor="{}" stroke="{halo}" stroke-width="{}" paint-order="stroke" stroke-linejoin="round"{weight}>{}</text>"#,
            num(x),
            num(y),
            num(style.size),
            style.fill,
            style.anchor.name(),
            num(style.size / 5.0),
            escape(text)
        );
    }

    /// Another picture drawn into the box at (x, y), scaled to its width.
    pub fn embed(&mut self, x: f64, y: f64, inner: &Svg) {
        let body = inner.out.split_once('>').map_or("", |(_, rest)| rest);
        let _ = write!(
            self.out,
            r#"<svg x="{}" y="{}" width="{}" height="{}" viewBox="0 0 {} {}">{body}</svg>"#,
            num(x),
            num(y),
            num(inner.width),
            num(inner.height),
            num(inner.width),
            num(inner.height)
        );
    }

    /// Another picture drawn into the box at (x, y), `width` wide, its height in proportion: a picture
    /// built on a small canvas (so its text is large against it) grows to fill a page's column.
    pub fn embed_scaled(&mut self, x: f64, y: f64, width: f64, inner: &Svg) {
        let body = inner.out.split_once('>').map_or("", |(_, rest)| rest);
        let height = width * inner.height / inner.width.max(1.0);
        let _ = write!(
            self.out,
            r#"<svg x="{}" y="{}" width="{}" height="{}" viewBox="0 0 {} {}">{body}</svg>"#,
            num(x),
            num(y),
            num(width),
            num(height),
            num(inner.width),
            num(inner.height)
        );
    }

    pub fn finish(mut self) -> String {
        self.out.push_str("</svg>");
        self.out
    }
}

/// A number as SVG writes it: at most two decimals, no trailing zeros.
fn num(v: f64) -> String {
    let v = if v.is_finite() { v } else { 0.0 };
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Text as XML content.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_numbers_are_short() {
        let mut svg = Svg::new(100.0, 50.0, "#fff");
        let style = TextStyle {
            size: 10.0,
            fill: "#000",
            bold: false,
            anchor: Anchor::Start,
        };
        svg.text(1.5, 2.0, "Côte d’Ivoire <&>", style);
        let out = svg.finish();
        assert!(out.contains(r#"x="1.5" y="2""#), "{out}");
        assert!(out.contains("Côte d’Ivoire &lt;&amp;&gt;"), "{out}");
    }

    #[test]
    fn a_clip_and_a_scaled_picture_keep_one_svg_element_each() {
        let mut svg = Svg::new(100.0, 50.0, "#fff");
        svg.begin_clip(10.0, 5.0, 80.0, 40.0);
        svg.rect(0.0, 0.0, 200.0, 200.0, "#f00");
        svg.end_clip();
        let clipped = svg.finish();
        assert_eq!(clipped.matches("<svg").count(), 1, "{clipped}");
        assert!(clipped.contains(r#"<g transform="translate(10 5)" clip-path="url(#clip-80x40)">"#));
        let inner = Svg::new(200.0, 100.0, "#fff");
        let mut page = Svg::new(1000.0, 1000.0, "#fff");
        page.embed_scaled(50.0, 60.0, 500.0, &inner);
        let page = page.finish();
        assert!(
            page.contains(r#"<svg x="50" y="60" width="500" height="250" viewBox="0 0 200 100">"#),
            "{page}"
        );
    }
}
