//! Pictures over the slides, on terminals that show images: after each frame, the visual of the slide
//! on the projector (map, chart, timeline, matrix) is rendered from its vector scene at the size of its
//! cells and written in the terminal's protocol; when the slide changes, the old picture goes.

use std::io::{self, Write};

use ratatui::layout::Rect;

use crate::app::present::{Screen, SlideBody};
use crate::app::App;
use crate::document::scene::{render, visual_svg, Palette};
use crate::graphics::{self, Graphics, Protocol};

/// What is on the screen now, to redraw or clear it only when it changes.
pub struct Images {
    protocol: Option<Protocol>,
    palette: Palette,
    shown: Option<String>,
    /// Pictures already encoded, by key: going back to a slide shows its picture at once.
    encoded: Vec<(String, Vec<u8>)>,
}

/// How many encoded pictures are kept (a tour has about a dozen slides).
const KEPT: usize = 24;

/// A picture the screen wants: what it is (as a key), where, and its scene.
struct Wanted {
    key: String,
    rect: Rect,
    svg: Box<dyn Fn(f64, f64) -> Option<String>>,
}

impl Images {
    pub fn new(graphics: Graphics, palette: Palette) -> Images {
        Images {
            protocol: graphics.protocol(),
            palette,
            shown: None,
            encoded: Vec::new(),
        }
    }

    /// Whether pictures are drawn at all.
    pub fn active(&self) -> bool {
        self.protocol.is_some()
    }

    /// After a frame: draws the picture the screen wants, if it is not the one shown. Returns whether
    /// the screen must be drawn again whole (a sixel or iTerm2 picture is gone only once the cells
    /// under it are written again).
    pub fn update(&mut self, out: &mut impl Write, app: &App, size: (u16, u16)) -> io::Result<bool> {
        let Some(protocol) = self.protocol else {
            return Ok(false);
        };
        let wanted = wanted(app, Rect::new(0, 0, size.0, size.1), self.palette);
        let key = wanted.as_ref().map(|w| w.key.clone());
        if key == self.shown {
            return Ok(false);
        }
        let repaint = self.shown.is_some() && protocol != Protocol::Kitty;
        if self.shown.is_some() && protocol == Protocol::Kitty {
            out.write_all(graphics::KITTY_CLEAR)?;
        }
        self.shown = key;
        if repaint {
            // The caller clears and redraws; the picture is drawn after that frame.
            self.shown = None;
            return Ok(true);
        }
        if let Some(w) = wanted {
            let bytes = match self.encoded.iter().position(|(k, _)| *k == w.key) {
                Some(i) => Some(self.encoded.remove(i).1),
                None => encode(protocol, &w),
            };
            if let Some(bytes) = bytes {
                crossterm::queue!(out, crossterm::cursor::MoveTo(w.rect.x, w.rect.y))?;
                out.write_all(&bytes)?;
                self.encoded.push((w.key, bytes));
                if self.encoded.len() > KEPT {
                    self.encoded.remove(0);
                }
            }
        }
        out.flush()?;
        Ok(false)
    }
}

/// The pixels of one cell: from the terminal when it says, else a common 10 × 20.
fn cell_pixels() -> (f64, f64) {
    match crossterm::terminal::window_size() {
        Ok(s) if s.width > 0 && s.height > 0 && s.columns > 0 && s.rows > 0 => (
            f64::from(s.width) / f64::from(s.columns),
            f64::from(s.height) / f64::from(s.rows),
        ),
        _ => (10.0, 20.0),
    }
}

/// The picture in the protocol's escape sequence, sized to its cells.
fn encode(protocol: Protocol, w: &Wanted) -> Option<Vec<u8>> {
    let (cw, ch) = cell_pixels();
    let (px_w, px_h) = (f64::from(w.rect.width) * cw, f64::from(w.rect.height) * ch);
    let svg = (w.svg)(px_w, px_h)?;
    let (iw, ih) = (px_w.round() as u32, px_h.round() as u32);
    let bytes = match protocol {
        Protocol::Kitty => render::png(&svg, iw, ih).map(|png| graphics::kitty(&png, w.rect.width, w.rect.height)),
        Protocol::Iterm2 => render::png(&svg, iw, ih).map(|png| graphics::iterm2(&png, w.rect.width, w.rect.height)),
        Protocol::Sixel => {
            render::pixmap(&svg, iw, ih).map(|p| graphics::sixel(p.data(), p.width() as usize, p.height() as usize))
        }
    };
    bytes.ok()
}

/// The picture of the projected slide's visual, when it has one that shows.
fn wanted(app: &App, area: Rect, palette: Palette) -> Option<Wanted> {
    let show = app.show()?;
    if show.screen != Screen::Projected || show.state.blank || show.asked_to_follow || !show.shown().visual {
        return None;
    }
    let slide = show.slide()?;
    let rect = crate::ui::present::SlideLayout::new(slide, area, show.notes).visual;
    if rect.width < 20 || rect.height < 6 {
        return None;
    }
    if matches!(slide.body, SlideBody::Record(_)) {
        return None;
    }
    let kb = std::sync::Arc::clone(&app.kb);
    let body = slide.body.clone();
    let key = format!("{}:{}:{:?}:{rect:?}", show.id, show.current(), body);
    let svg: Box<dyn Fn(f64, f64) -> Option<String>> =
        Box::new(move |w, h| visual_svg(&kb, &body, w, h, palette).map(|svg| svg.finish()));
    Some(Wanted { key, rect, svg })
}
