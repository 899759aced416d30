//! Present mode: a tour (or one record) as full-screen slides, stepped through like a presentation
//! remote. The slides are built once from the knowledge base; the state is which one shows, whether the
//! screen is blanked, whether the speaker notes show, and a step number being typed.

use std::time::Duration;

use crate::kb::{Kind, KnowledgeBase, RecordRef, Region, StepView};

use super::{Action, App, Effect, Mode};

/// What a slide shows under its heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SlideBody {
    /// A record's document: its big figures, chart, text and citation.
    Record(RecordRef),
    /// The world map, focused on a region or a country.
    Map {
        region: Option<Region>,
        country: Option<RecordRef>,
    },
    /// Events and dated results on an axis of years, optionally a range of them.
    Timeline { from: Option<i32>, to: Option<i32> },
    /// The theory-of-change matrix.
    Matrix,
    /// A figure's rows as a bar chart.
    Chart(RecordRef),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slide {
    pub heading: String,
    pub text: Option<String>,
    pub notes: String,
    pub body: SlideBody,
}

/// Which screen of present mode: the slides for the audience, or the trainer's view of the notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Projected,
    /// `ipec present TOUR --notes`: the current step's notes, a preview of the next, the clock.
    Presenter,
}

#[derive(Debug, Clone)]
pub struct Show {
    pub title: String,
    pub slides: Vec<Slide>,
    pub current: usize,
    /// `b`: the screen is black, as with a presentation remote.
    pub blank: bool,
    /// `n`: the speaker notes show under the slide.
    pub notes: bool,
    /// Digits typed before Enter, to jump to that step.
    pub typed: String,
    /// Time since the show started, as the event loop last told it.
    pub elapsed: Duration,
    pub screen: Screen,
    /// Leaving ends the program (`ipec present`), instead of going back to the explorer.
    pub standalone: bool,
}

impl Show {
    /// A tour's steps as slides, or one slide for any other record.
    pub fn new(kb: &KnowledgeBase, r: RecordRef) -> Show {
        let slides = match kb.record(r) {
            crate::kb::Record::Tour(tour) => tour.steps.iter().map(|s| slide(kb, s)).collect(),
            _ => vec![Slide {
                heading: kb.title(r).to_string(),
                text: None,
                notes: String::new(),
                body: match r.kind {
                    Kind::Figure if !kb.figures[r.index].rows.is_empty() && kb.figures[r.index].value.is_none() => {
                        SlideBody::Chart(r)
                    }
                    _ => SlideBody::Record(r),
                },
            }],
        };
        Show {
            title: kb.title(r).to_string(),
            slides,
            current: 0,
            blank: false,
            notes: false,
            typed: String::new(),
            elapsed: Duration::ZERO,
            screen: Screen::Projected,
            standalone: false,
        }
    }

    pub fn slide(&self) -> Option<&Slide> {
        self.slides.get(self.current)
    }

    pub fn next_slide(&self) -> Option<&Slide> {
        self.slides.get(self.current + 1)
    }

    /// "3/11".
    pub fn counter(&self) -> String {
        format!("{}/{}", self.current + 1, self.slides.len())
    }

    /// "02:15", or "1:02:15" past the hour.
    pub fn clock(&self) -> String {
        let s = self.elapsed.as_secs();
        match s / 3600 {
            0 => format!("{:02}:{:02}", s / 60, s % 60),
            h => format!("{h}:{:02}:{:02}", s / 60 % 60, s % 60),
        }
    }

    fn last(&self) -> usize {
        self.slides.len().saturating_sub(1)
    }
}

/// A tour step as a slide; ids were checked when the knowledge base loaded.
fn slide(kb: &KnowledgeBase, step: &crate::kb::TourStep) -> Slide {
    let find = |id: &Option<String>| id.as_deref().and_then(|id| kb.find(id));
    let body = match (find(&step.record), step.view) {
        (Some(r), _) => SlideBody::Record(r),
        (None, Some(StepView::Map)) => SlideBody::Map {
            region: step.region,
            country: find(&step.country),
        },
        (None, Some(StepView::Timeline)) => SlideBody::Timeline {
            from: step.from,
            to: step.to,
        },
        (None, Some(StepView::Chart)) => match find(&step.figure) {
            Some(f) => SlideBody::Chart(f),
            None => SlideBody::Matrix,
        },
        (None, Some(StepView::Matrix) | None) => SlideBody::Matrix,
    };
    Slide {
        heading: step.heading.clone(),
        text: step.text.clone(),
        notes: step.notes.clone(),
        body,
    }
}

impl App {
    /// Presents a tour or a record; leaving comes back to the explorer as it was.
    pub fn present(&mut self, r: RecordRef) {
        self.mode = Mode::Present(Box::new(Show::new(&self.kb, r)));
    }

    /// The show is the whole program (`ipec present`): leaving ends it. `screen`: the slides, or the
    /// trainer's view.
    pub fn set_standalone_show(&mut self, screen: Screen) {
        if let Mode::Present(show) = &mut self.mode {
            show.standalone = true;
            show.screen = screen;
        }
    }

    /// The show, while presenting.
    pub fn show(&self) -> Option<&Show> {
        match &self.mode {
            Mode::Present(show) => Some(show),
            _ => None,
        }
    }

    /// `p` in the explorer: the tour or record in the detail pane.
    pub(super) fn present_current(&mut self) {
        match self.detail_key() {
            Some(super::rows::RowKey::Record(r)) => self.present(r),
            _ => self.status = Some("Select a tour or a record to present it".into()),
        }
    }

    pub(super) fn present_action(&mut self, action: Action) {
        let Mode::Present(show) = &mut self.mode else { return };
        let before = show.current;
        let last = show.last();
        match action {
            Action::Right | Action::Down | Action::PageDown => show.current = (show.current + 1).min(last),
            Action::Left | Action::Up | Action::PageUp => show.current = show.current.saturating_sub(1),
            Action::Top => show.current = 0,
            Action::Bottom => show.current = last,
            Action::Input(c) if c.is_ascii_digit() && show.typed.len() < 4 => show.typed.push(c),
            Action::Open => {
                if let Ok(n) = show.typed.parse::<usize>() {
                    show.current = n.clamp(1, last + 1) - 1;
                }
                show.typed.clear();
            }
            Action::Blank => show.blank = !show.blank,
            Action::ToggleNotes => show.notes = !show.notes,
            Action::Back if !show.typed.is_empty() => show.typed.clear(),
            Action::Back => {
                if show.standalone {
                    self.quit = true;
                } else {
                    self.mode = Mode::Browse;
                }
                return;
            }
            Action::ShowStep(n) => {
                // Another instance moved: follow it, without telling it back.
                show.current = n.min(last);
                return;
            }
            Action::Tick(elapsed) => {
                show.elapsed = elapsed;
                return;
            }
            _ => {}
        }
        if show.current != before {
            show.typed.clear();
            let step = show.current;
            self.effects.push(Effect::ShowStep(step));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_tour_becomes_its_slides() {
        let kb = KnowledgeBase::builtin().expect("built-in knowledge base");
        for r in kb.refs(Kind::Tour) {
            let show = Show::new(&kb, r);
            assert_eq!(show.slides.len(), kb.tours[r.index].steps.len());
        }
    }

    #[test]
    fn the_clock_reads_minutes_and_seconds() {
        let kb = KnowledgeBase::builtin().expect("built-in knowledge base");
        let mut show = Show::new(&kb, kb.find("ipec-plus").expect("the programme"));
        show.elapsed = Duration::from_secs(135);
        assert_eq!(show.clock(), "02:15");
        show.elapsed = Duration::from_secs(3725);
        assert_eq!(show.clock(), "1:02:05");
    }
}
