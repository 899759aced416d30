//! Frames: drawn only when something on the screen changed, the app's URLs as hyperlinks, and the
//! slide's picture over its cells.

use std::io;
use std::sync::atomic::Ordering;

use ratatui::backend::Backend;
use ratatui::buffer::{Buffer, Cell};
use ratatui::{Frame, Terminal};

use crate::app::{App, Hyperlink};
use crate::images::Images;
use crate::ui::{self, ThemeName};

use super::{io_error, lock_output, set_mouse, Looks, ENTERED, MOUSE};

/// Renders a frame off screen and writes it only if it differs from the one on the terminal (cells or
/// hyperlinks); then makes `links` hyperlinks. Nothing is written once the terminal has been restored
/// (the loader panicked, a signal came). Returns whether a frame was written.
pub(super) fn draw_frame<B: Backend>(
    terminal: &mut Terminal<B>,
    render: impl FnOnce(&mut Frame),
    links: &[Hyperlink],
    looks: &mut Looks,
) -> io::Result<bool>
where
    B::Error: Send + Sync + 'static,
{
    let _output = lock_output();
    if looks.tty && !ENTERED.load(Ordering::SeqCst) {
        return Ok(false);
    }
    terminal.autoresize().map_err(io_error)?;
    render(&mut terminal.get_frame());
    let written = &mut looks.written;
    let buffer = terminal.current_buffer_mut();
    let same = written.frame.as_ref() == Some(&*buffer) && written.links_unchanged(buffer, links);
    if same {
        // The next frame is rendered from nothing, as ratatui's own draw does.
        buffer.reset();
        return Ok(false);
    }
    written.frame = Some(buffer.clone());
    let cells = {
        let frame = terminal.apply_buffer().map_err(io_error)?;
        hyperlink_cells(frame.buffer, links, written)
    };
    if let Some(cells) = cells {
        let backend = terminal.backend_mut();
        backend
            .draw(cells.iter().map(|(x, y, c)| (*x, *y, c)))
            .map_err(io_error)?;
        Backend::flush(backend).map_err(io_error)?;
    }
    Ok(true)
}

/// What is on the terminal as last written: the frame, and the hyperlinks with the cells they were
/// written over (the same again need not be written: ratatui leaves cells that did not change alone,
/// hyperlink and all).
#[derive(Default)]
pub(super) struct Written {
    frame: Option<Buffer>,
    shown: Vec<(Hyperlink, Vec<Cell>)>,
    size: (u16, u16),
}

impl Written {
    /// The screen was cleared (a resize, back from Ctrl-Z, a picture removed): everything must be
    /// written again.
    pub(super) fn forget(&mut self) {
        *self = Written::default();
    }

    /// Whether `links` over `buffer` are the hyperlinks already on the terminal.
    fn links_unchanged(&self, buffer: &Buffer, links: &[Hyperlink]) -> bool {
        let area = buffer.area;
        shown(buffer, links) == self.shown && (area.width, area.height) == self.size
    }
}

/// Each hyperlink on screen with the cells under it.
fn shown(buffer: &Buffer, links: &[Hyperlink]) -> Vec<(Hyperlink, Vec<Cell>)> {
    let area = buffer.area;
    links
        .iter()
        .filter(|l| l.y < area.height && l.x < area.width && l.width > 0)
        .map(|l| {
            let end = l.x.saturating_add(l.width).min(area.width);
            let cells = (l.x..end).filter_map(|x| buffer.cell((x, l.y)).cloned()).collect();
            (l.clone(), cells)
        })
        .collect()
}

/// The cells of each hyperlink as just drawn, to be drawn again with the OSC 8 sequence around them
/// (the first cell opens it, the last closes it), when they are not already on the terminal so.
fn hyperlink_cells(buffer: &Buffer, links: &[Hyperlink], written: &mut Written) -> Option<Vec<(u16, u16, Cell)>> {
    let area = buffer.area;
    let shown = shown(buffer, links);
    let size = (area.width, area.height);
    if shown == written.shown && size == written.size {
        return None;
    }
    written.shown = shown.clone();
    written.size = size;
    let mut out = Vec::new();
    for (link, mut cells) in shown {
        let last = cells.len().saturating_sub(1);
        if let Some(first) = cells.first_mut() {
            let symbol = format!("{}{}", crate::osc::hyperlink_open(&link.url, None), first.symbol());
            first.set_symbol(&symbol);
        }
        if let Some(end) = cells.get_mut(last) {
            let symbol = format!("{}{}", end.symbol(), crate::osc::HYPERLINK_CLOSE);
            end.set_symbol(&symbol);
        }
        out.extend(
            cells
                .into_iter()
                .enumerate()
                .map(|(i, c)| (link.x + i as u16, link.y, c)),
        );
    }
    // Nothing to write: no extra flush.
    (!out.is_empty()).then_some(out)
}

/// Draws the app if anything on its screen changed, its URLs as hyperlinks where the terminal takes
/// them, with the mouse the user's choice, but the terminal's while a link is shown for its own
/// selection to take. Returns whether a frame was written.
pub(super) fn draw_app<B: Backend>(terminal: &mut Terminal<B>, app: &App, looks: &mut Looks) -> io::Result<bool>
where
    B::Error: Send + Sync + 'static,
{
    let wanted = looks.mouse && !app.selecting_text();
    if looks.tty && wanted != MOUSE.load(Ordering::SeqCst) {
        set_mouse(wanted);
    }
    let links = if looks.hyperlinks { app.hyperlinks() } else { Vec::new() };
    let theme = looks.theme;
    draw_frame(terminal, |frame| ui::draw(frame, app, &theme), &links, looks)
}

/// The colours of pictures: paper's for the light theme, the projector's otherwise.
pub(super) fn picture_palette(name: ThemeName) -> crate::document::scene::Palette {
    match name {
        ThemeName::Light => crate::document::scene::Palette::PRINT,
        ThemeName::Dark | ThemeName::HighContrast => crate::document::scene::Palette::PROJECTOR,
    }
}

/// After a frame, the slide's picture on a terminal that shows images (written to standard output,
/// where the terminal's frames go too); a picture that must go is cleared by drawing the whole screen
/// again, and the new one drawn over it.
pub(super) fn draw_pictures<B: Backend>(
    terminal: &mut Terminal<B>,
    images: &mut Images,
    app: &App,
    looks: &mut Looks,
) -> io::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    if !looks.tty || !images.active() || !ENTERED.load(Ordering::SeqCst) {
        return Ok(());
    }
    let size = terminal.size().map_err(io_error)?;
    let repaint = {
        let _output = lock_output();
        images.update(&mut io::stdout(), app, (size.width, size.height))?
    };
    if repaint {
        clear_screen(terminal, looks)?;
        draw_app(terminal, app, looks)?;
        let _output = lock_output();
        images.update(&mut io::stdout(), app, (size.width, size.height))?;
    }
    Ok(())
}

/// Clears the screen, for the next frame to be written whole. Not with ratatui's `clear`, which asks
/// the terminal where its cursor is: the answer comes on the terminal's input, which the reader
/// thread holds, so the question would wait 2 s and fail. A resize to the same size clears without
/// asking.
pub(super) fn clear_screen<B: Backend>(terminal: &mut Terminal<B>, looks: &mut Looks) -> io::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let size = terminal.size().map_err(io_error)?;
    terminal
        .resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
        .map_err(io_error)?;
    looks.written.forget();
    Ok(())
}
