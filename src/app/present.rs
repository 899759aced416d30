//! Present mode: a tour (or one record) as full-screen slides, stepped through like a presentation
//! remote. The slides are built once from the knowledge base: what each says (its heading, its points,
//! one visual and the source line), never a record's keeper's `note`. The state is which slide shows,
//! how much of it is revealed, whether the projector is blanked, and the show's one clock; instances of
//! the same show (the projector, the trainer's console) share that state over the presenter link.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

pub use crate::document::slides::{Shown, Slide, SlideBody};
use crate::kb::{KnowledgeBase, Record, RecordRef};

use super::{Action, App, Effect, Mode};

/// Which screen of present mode: the slides for the audience, or the trainer's console.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Projected,
    /// `ipec present TOUR --notes`: the current step's notes, a preview of the next, the clocks.
    Presenter,
}

/// The part of a show that every instance shares over the presenter link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShowState {
    pub step: usize,
    /// How many reveals of the step have been made.
    pub reveal: usize,
    /// The projector shows nothing.
    pub blank: bool,
    /// When the show's clock started, in milliseconds since 1970.
    pub started_ms: u64,
    /// Nobody has moved yet in this instance: a show already going takes precedence over it.
    pub fresh: bool,
}

/// Milliseconds since 1970 of a moment (0 before it).
pub fn millis(at: SystemTime) -> u64 {
    at.duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

#[derive(Debug, Clone)]
pub struct Show {
    /// The id of the tour or record shown: the name of the show on the presenter link.
    pub id: String,
    pub title: String,
    pub slides: Vec<Slide>,
    /// How long the tour is meant to take, when it says.
    pub duration: Option<Duration>,
    pub state: ShowState,
    /// `n`: the speaker notes show under the slide.
    pub notes: bool,
    /// The console's notes, scrolled down this many lines.
    pub notes_scroll: u16,
    /// Digits typed before Enter, to jump to that step.
    pub typed: String,
    /// The time now, as the event loop last told it.
    pub now: SystemTime,
    pub screen: Screen,
    /// Another projector already shows this tour: asked whether to follow it.
    pub asked_to_follow: bool,
    /// Leaving ends the program (`ipec present`), instead of going back to the explorer.
    pub standalone: bool,
}

impl Show {
    /// A tour's steps as slides, or one slide for any other record; its clock starts `now`.
    pub fn new(kb: &KnowledgeBase, r: RecordRef, now: SystemTime) -> Show {
        let slides = crate::document::slides::slides(kb, r);
        let duration = match kb.record(r) {
            Record::Tour(tour) => Some(Duration::from_secs(u64::from(tour.duration_minutes) * 60)),
            _ => None,
        };
        Show {
            id: kb.id(r).to_string(),
            title: kb.title(r).to_string(),
            slides,
            duration,
            state: ShowState {
                step: 0,
                reveal: 0,
                blank: false,
                started_ms: millis(now),
                fresh: true,
            },
            notes: false,
            notes_scroll: 0,
            typed: String::new(),
            now,
            screen: Screen::Projected,
            asked_to_follow: false,
            standalone: false,
        }
    }

    pub fn current(&self) -> usize {
        self.state.step
    }

    pub fn slide(&self) -> Option<&Slide> {
        self.slides.get(self.state.step)
    }

    pub fn next_slide(&self) -> Option<&Slide> {
        self.slides.get(self.state.step + 1)
    }

    /// What of the current slide shows.
    pub fn shown(&self) -> Shown {
        self.slide().map_or(
            Shown {
                visual: true,
                points: 0,
            },
            |s| s.shown(self.state.reveal),
        )
    }

    /// "3/11".
    pub fn counter(&self) -> String {
        format!("{}/{}", self.state.step + 1, self.slides.len())
    }

    /// Time since the show's clock started.
    pub fn elapsed(&self) -> Duration {
        Duration::from_millis(millis(self.now).saturating_sub(self.state.started_ms))
    }

    /// "02:15", or "1:02:15" past the hour.
    pub fn clock(&self) -> String {
        clock(self.elapsed())
    }

    /// The time left against the tour's duration, or how far over it the show is (`true`).
    pub fn left(&self) -> Option<(String, bool)> {
        let duration = self.duration?;
        let elapsed = self.elapsed();
        Some(match duration.checked_sub(elapsed) {
            Some(left) => (clock(left), false),
            None => (clock(elapsed - duration), true),
        })
    }

    fn last(&self) -> usize {
        self.slides.len().saturating_sub(1)
    }

    /// Next: the slide's next reveal, else the next slide.
    fn forward(&mut self) {
        let stages = self.slide().map_or(0, Slide::stages);
        if self.state.reveal < stages {
            self.state.reveal += 1;
        } else if self.state.step < self.last() {
            self.state.step += 1;
            self.state.reveal = 0;
        }
    }

    /// Previous: hides the last reveal, else the previous slide, whole.
    fn backward(&mut self) {
        if self.state.reveal > 0 {
            self.state.reveal -= 1;
        } else if self.state.step > 0 {
            self.state.step -= 1;
            self.state.reveal = self.slide().map_or(0, Slide::stages);
        }
    }

    fn go(&mut self, step: usize, whole: bool) {
        self.state.step = step.min(self.last());
        self.state.reveal = if whole {
            self.slide().map_or(0, Slide::stages)
        } else {
            0
        };
    }
}

/// "02:15", or "1:02:15" past the hour.
pub fn clock(d: Duration) -> String {
    let s = d.as_secs();
    match s / 3600 {
        0 => format!("{:02}:{:02}", s / 60, s % 60),
        h => format!("{h}:{:02}:{:02}", s / 60 % 60, s % 60),
    }
}

impl App {
    /// Presents a tour or a record; leaving comes back to the explorer as it was. The show joins the
    /// presenter link, so that a console already open follows it.
    pub fn present(&mut self, r: RecordRef) {
        let show = Show::new(&self.kb, r, self.now);
        self.effects.push(Effect::JoinShow {
            show: show.id.clone(),
            screen: show.screen,
            state: show.state,
        });
        self.mode = Mode::Present(Box::new(show));
    }

    /// The show is the whole program (`ipec present`): leaving ends it. `screen`: the slides, or the
    /// trainer's console.
    pub fn set_standalone_show(&mut self, screen: Screen) {
        if let Mode::Present(show) = &mut self.mode {
            show.standalone = true;
            show.screen = screen;
            for effect in &mut self.effects {
                if let Effect::JoinShow { screen: s, .. } = effect {
                    *s = screen;
                }
            }
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
        let before = show.state;
        match action {
            Action::Tick(now) => {
                show.now = now;
                return;
            }
            Action::Synced(state) => {
                // Another instance moved: follow it, without telling it back.
                let scrolled = state.step != show.state.step;
                show.state = ShowState { fresh: false, ..state };
                show.state.step = show.state.step.min(show.last());
                if scrolled {
                    show.notes_scroll = 0;
                }
                return;
            }
            // The show as it was when this instance joined: taken unless this one moved meanwhile,
            // in which case the others are told where it is.
            Action::Welcomed(_) if !show.state.fresh => {
                self.effects.push(Effect::SyncShow(show.state));
                return;
            }
            Action::Welcomed(state) => return self.present_action(Action::Synced(state)),
            Action::AlreadyPresented => {
                show.asked_to_follow = true;
                return;
            }
            Action::Follow if show.asked_to_follow => show.asked_to_follow = false,
            Action::Back if show.typed.is_empty() || show.asked_to_follow => {
                self.leave_show();
                return;
            }
            action => show_key(show, action),
        }
        if show.state != before {
            show.state.fresh = false;
            if show.state.step != before.step {
                show.typed.clear();
                show.notes_scroll = 0;
            }
            self.effects.push(Effect::SyncShow(show.state));
        }
    }

    fn leave_show(&mut self) {
        self.effects.push(Effect::LeaveShow);
        let standalone = matches!(&self.mode, Mode::Present(show) if show.standalone);
        if standalone {
            self.quit = true;
        } else {
            self.mode = Mode::Browse;
        }
    }
}

/// A key of the remote or the console, on the show's own state.
fn show_key(show: &mut Show, action: Action) {
    let console = show.screen == Screen::Presenter;
    match action {
        // On a blank projector, the remote's first key brings the slide back, where it was.
        Action::Right | Action::Left | Action::PageDown | Action::PageUp if show.state.blank => {
            show.state.blank = false
        }
        Action::Right | Action::PageDown => show.forward(),
        Action::Left | Action::PageUp => show.backward(),
        Action::Down if console => show.notes_scroll = show.notes_scroll.saturating_add(1),
        Action::Up if console => show.notes_scroll = show.notes_scroll.saturating_sub(1),
        Action::Down => show.forward(),
        Action::Up => show.backward(),
        Action::Top => show.go(0, false),
        Action::Bottom => show.go(usize::MAX, false),
        Action::Input(c) if c.is_ascii_digit() && show.typed.len() < 4 => show.typed.push(c),
        Action::Open => {
            if let Ok(n) = show.typed.parse::<usize>() {
                show.go(n.max(1) - 1, false);
            }
            show.typed.clear();
        }
        Action::Blank => show.state.blank = !show.state.blank,
        Action::ToggleNotes => show.notes = !show.notes,
        Action::Back => show.typed.clear(),
        // A digit past the four a step number can have, or not a digit.
        Action::Input(_) => {}
        // Not keys of the remote (`present_action` takes the show's own messages).
        Action::Quit
        | Action::NextTab
        | Action::PrevTab
        | Action::GoTab(_)
        | Action::HalfPageDown
        | Action::HalfPageUp
        | Action::FocusList
        | Action::ToggleHelp
        | Action::OpenSearch
        | Action::CloseSearch
        | Action::StartFilter
        | Action::AcceptFilter
        | Action::ClearFilter
        | Action::CycleRegion
        | Action::FlipOrder
        | Action::OpenSource
        | Action::Copy
        | Action::Paste(_)
        | Action::Edit(_)
        | Action::Resize(..)
        | Action::Mouse(_)
        | Action::Present
        | Action::ShowProblems
        | Action::Export(_)
        | Action::Synced(_)
        | Action::Welcomed(_)
        | Action::AlreadyPresented
        | Action::Follow
        | Action::Tick(_)
        | Action::Report(_)
        | Action::LinkShown { .. }
        | Action::CycleTheme
        | Action::ToggleMouse
        | Action::Suspend => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::{Kind, Reveal};

    fn kb() -> KnowledgeBase {
        KnowledgeBase::builtin().expect("built-in knowledge base")
    }

    #[test]
    fn every_shipped_tour_becomes_its_slides() {
        let kb = kb();
        for r in kb.refs(Kind::Tour) {
            let show = Show::new(&kb, r, UNIX_EPOCH);
            assert_eq!(show.slides.len(), kb.tours[r.index].steps.len());
            for slide in &show.slides {
                assert!(
                    slide.source.starts_with("Source: "),
                    "{}: {:?}",
                    slide.heading,
                    slide.source
                );
            }
        }
    }

    #[test]
    fn the_clock_reads_minutes_and_seconds_and_the_time_left() {
        let kb = kb();
        let tour = kb.find("ipec-in-ten-minutes").expect("the tour");
        let mut show = Show::new(&kb, tour, UNIX_EPOCH);
        show.now = UNIX_EPOCH + Duration::from_secs(135);
        assert_eq!(show.clock(), "02:15");
        assert_eq!(show.left(), Some(("07:45".into(), false)));
        show.now = UNIX_EPOCH + Duration::from_secs(3725);
        assert_eq!(show.clock(), "1:02:05");
        assert_eq!(show.left(), Some(("52:05".into(), true)));
    }

    #[test]
    fn reveals_go_forward_and_back_before_the_slide_changes() {
        let kb = kb();
        let tour = kb.find("ipec-in-ten-minutes").expect("the tour");
        let mut show = Show::new(&kb, tour, UNIX_EPOCH);
        show.slides[0].points = vec!["one".into(), "two".into()];
        show.slides[0].reveal = Some(Reveal::All);
        assert_eq!(
            show.shown(),
            Shown {
                visual: false,
                points: 0
            }
        );
        show.forward();
        assert_eq!(
            show.shown(),
            Shown {
                visual: true,
                points: 0
            }
        );
        show.forward();
        show.forward();
        assert_eq!(
            (show.current(), show.shown()),
            (
                0,
                Shown {
                    visual: true,
                    points: 2
                }
            )
        );
        show.forward();
        assert_eq!((show.current(), show.state.reveal), (1, 0));
        show.backward();
        assert_eq!(
            (show.current(), show.state.reveal),
            (0, 3),
            "back shows the previous slide whole"
        );
        show.backward();
        assert_eq!(
            show.shown(),
            Shown {
                visual: true,
                points: 1
            }
        );
    }
}
