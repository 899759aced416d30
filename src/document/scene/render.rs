//! A scene (SVG text) to what a reader gets: a raster image for a graphics terminal (resvg, with the
//! embedded fonts), or the pages of a PDF (svg2pdf: vector graphics, text as text).

use std::collections::HashMap;

use anyhow::{anyhow, Context as _, Result};
use resvg::usvg;

fn tree(svg: &str) -> Result<usvg::Tree> {
    let options = usvg::Options {
        fontdb: super::fonts::database(),
        font_family: "DejaVu Sans".into(),
        ..Default::default()
    };
    usvg::Tree::from_str(svg, &options).context("a picture could not be read back as SVG")
}

/// The picture as RGBA pixels, `width` × `height`, scaled to fit and centred.
pub fn pixmap(svg: &str, width: u32, height: u32) -> Result<tiny_skia::Pixmap> {
    let tree = tree(svg)?;
    let mut pixmap = tiny_skia::Pixmap::new(width.max(1), height.max(1)).ok_or_else(|| anyhow!("an empty image"))?;
    let size = tree.size();
    let scale = (width as f32 / size.width()).min(height as f32 / size.height());
    let dx = (width as f32 - size.width() * scale) / 2.0;
    let dy = (height as f32 - size.height() * scale) / 2.0;
    let transform = tiny_skia::Transform::from_scale(scale, scale).post_translate(dx, dy);
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    Ok(pixmap)
}

/// The picture as a PNG file's bytes.
pub fn png(svg: &str, width: u32, height: u32) -> Result<Vec<u8>> {
    pixmap(svg, width, height)?
        .encode_png()
        .context("the image could not be encoded as PNG")
}

/// A page of a PDF: its SVG, drawn to fill a page of `size` points.
pub struct Page {
    pub svg: String,
    pub size: (f32, f32),
}

/// A PDF of the pages, in order: each page's picture as vector graphics with its text as text.
pub fn pdf(pages: &[Page], title: &str) -> Result<Vec<u8>> {
    use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, TextStr};
    let mut alloc = Ref::new(1);
    let catalog = alloc.bump();
    let tree_id = alloc.bump();
    let info = alloc.bump();
    let mut page_ids = Vec::new();
    let mut chunks = Vec::new();
    for page in pages {
        let tree = tree(&page.svg)?;
        let (chunk, xobject) = svg2pdf::to_chunk(&tree, svg2pdf::ConversionOptions::default())
            .map_err(|e| anyhow!("a page could not be converted to PDF: {e}"))?;
        let mut map = HashMap::new();
        let chunk = chunk.renumber(|old| *map.entry(old).or_insert_with(|| alloc.bump()));
        let xobject = *map
            .get(&xobject)
            .ok_or_else(|| anyhow!("a page's picture went missing"))?;
        let (page_id, content_id) = (alloc.bump(), alloc.bump());
        page_ids.push(page_id);
        chunks.push((page_id, content_id, xobject, chunk, page.size));
    }
    let mut pdf = Pdf::new();
    pdf.catalog(catalog).pages(tree_id);
    pdf.pages(tree_id)
        .kids(page_ids.iter().copied())
        .count(page_ids.len() as i32);
    pdf.document_info(info).title(TextStr(title)).creator(TextStr("ipec"));
    for (page_id, content_id, xobject, chunk, (w, h)) in &chunks {
        let mut page = pdf.page(*page_id);
        page.media_box(Rect::new(0.0, 0.0, *w, *h));
        page.parent(tree_id);
        page.contents(*content_id);
        page.resources().x_objects().pair(Name(b"P"), *xobject);
        page.finish();
        let mut content = Content::new();
        content.transform([*w, 0.0, 0.0, *h, 0.0, 0.0]).x_object(Name(b"P"));
        pdf.stream(*content_id, &content.finish());
        pdf.extend(chunk);
    }
    Ok(pdf.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_picture_becomes_pixels_and_pages() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><rect width="100" height="50" fill="#ff0000"/><text x="5" y="30" font-size="20">Ghana</text></svg>"##;
        let image = pixmap(svg, 200, 100).expect("pixels");
        let red = image.pixel(1, 1).expect("a pixel");
        assert_eq!((red.red(), red.green(), red.blue()), (255, 0, 0));
        assert!(png(svg, 20, 10).expect("png").starts_with(b"\x89PNG"));
        let pages = [
            Page {
                svg: svg.to_string(),
                size: (200.0, 100.0),
            },
            Page {
                svg: svg.to_string(),
                size: (200.0, 100.0),
            },
        ];
        let pdf = pdf(&pages, "test").expect("pdf");
        assert!(pdf.starts_with(b"%PDF"));
        assert!(String::from_utf8_lossy(&pdf).contains("/Count 2"), "two pages");
    }
}
