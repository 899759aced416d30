//! How long changing slide takes, big text and the map included: every slide of every shipped tour drawn
//! into a 300×80 (and a 200×55) buffer, as the terminal would get it, many times each.
//! `cargo run --release --example slide_latency` prints a Markdown table: p50, p95 and max per frame.

use std::time::{Duration, Instant};

use ipec::app::{Action, App};
use ipec::kb::{Kind, KnowledgeBase};
use ipec::ui::{self, Theme};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

const ROUNDS: usize = 30;

fn main() {
    let kb = KnowledgeBase::builtin().expect("the built-in knowledge base loads");
    println!("| size | frames | p50 | p95 | max | slowest slide |\n|---|---|---|---|---|---|");
    for (w, h) in [(300u16, 80u16), (200, 55), (80, 24)] {
        let mut times: Vec<(Duration, String)> = Vec::new();
        let tours: Vec<_> = kb.refs(Kind::Tour).collect();
        let mut app = App::new(kb.clone(), w, h);
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
        let theme = Theme::high_contrast();
        for &tour in &tours {
            app.present(tour);
            let n = app.show().map_or(0, |s| s.slides.len());
            for step in 0..n {
                for _ in 0..ROUNDS {
                    let start = Instant::now();
                    terminal.draw(|f| ui::draw(f, &app, &theme)).expect("draw");
                    times.push((start.elapsed(), format!("{} {}", kb.id(tour), step + 1)));
                }
                app.update(Action::Right);
            }
            app.update(Action::Back);
        }
        times.sort_by_key(|(d, _)| *d);
        let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize].0;
        let (max, slowest) = times.last().cloned().unwrap_or_default();
        println!(
            "| {w}×{h} | {} | {:.2} ms | {:.2} ms | {:.2} ms | {slowest} |",
            times.len(),
            ms(at(0.5)),
            ms(at(0.95)),
            ms(max)
        );
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
