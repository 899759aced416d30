//! How long a slide's picture takes on a graphics terminal: building its vector scene, rasterising it
//! at the size of its cells (10 × 20 pixels a cell), and encoding it as PNG, for every picture of the
//! three tours at 300×80, 200×55 and 120×40 cells. A picture shown once is kept encoded, so going back
//! to a slide costs only writing it; this measures the first time.
//!
//! `cargo run --release --example picture_latency`

use std::time::{Duration, Instant};

use ipec::app::present::SlideBody;
use ipec::document::scene::{render, visual_svg, Palette};
use ipec::document::slides::slides;
use ipec::kb::{Kind, KnowledgeBase};
use ratatui::layout::Rect;

fn main() {
    let kb = KnowledgeBase::builtin().expect("the built-in knowledge base loads");
    for (cols, rows) in [(300u16, 80u16), (200, 55), (120, 40)] {
        let (mut scene, mut raster, mut png) = (Vec::new(), Vec::new(), Vec::new());
        for tour in kb.refs(Kind::Tour) {
            for slide in slides(&kb, tour) {
                let rect = ipec::ui::present::SlideLayout::new(&slide, Rect::new(0, 0, cols, rows), false).visual;
                let (w, h) = (f64::from(rect.width) * 10.0, f64::from(rect.height) * 20.0);
                let start = Instant::now();
                let Some(svg) = picture(&kb, &slide.body, w, h) else {
                    continue;
                };
                scene.push(start.elapsed());
                let start = Instant::now();
                let pixmap = render::pixmap(&svg, w as u32, h as u32).expect("rasterises");
                raster.push(start.elapsed());
                let start = Instant::now();
                let _ = pixmap.encode_png().expect("encodes");
                png.push(start.elapsed());
            }
        }
        println!("{cols}×{rows} cells, {} pictures:", scene.len());
        for (what, times) in [("scene", &mut scene), ("rasterise", &mut raster), ("PNG", &mut png)] {
            times.sort();
            println!(
                "  {what:<10} p50 {:>7.2} ms  p95 {:>7.2} ms  max {:>7.2} ms",
                ms(times, 50),
                ms(times, 95),
                ms(times, 100)
            );
        }
    }
}

fn ms(sorted: &[Duration], pct: usize) -> f64 {
    let i = (sorted.len().saturating_sub(1) * pct) / 100;
    sorted.get(i).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
}

fn picture(kb: &KnowledgeBase, body: &SlideBody, w: f64, h: f64) -> Option<String> {
    visual_svg(kb, body, w, h, Palette::PROJECTOR).map(|svg| svg.finish())
}
