//! The map's layout on a grid of cells: the part of the world in view (its aspect kept: a terminal
//! cell is about twice as tall as it is wide), a mark per country sized by its results, and labels that
//! never cover a mark or another label: the countries the step names first, then those with most
//! results.

use crate::kb::{Kind, KnowledgeBase, RecordRef, Region};

/// How a country is marked: by its number of results; none sets it apart (a donor or partner).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkSize {
    None,
    Few,
    Some,
    Many,
}

impl MarkSize {
    pub fn of(results: usize) -> MarkSize {
        match results {
            0 => MarkSize::None,
            1..=2 => MarkSize::Few,
            3..=9 => MarkSize::Some,
            _ => MarkSize::Many,
        }
    }

    pub fn glyph(self) -> char {
        match self {
            MarkSize::None => '○',
            MarkSize::Few => '•',
            MarkSize::Some => '●',
            MarkSize::Many => '◉',
        }
    }

    /// What the legend says of it.
    pub fn meaning(self) -> &'static str {
        match self {
            MarkSize::None => "no results (donor or partner)",
            MarkSize::Few => "1–2 results",
            MarkSize::Some => "3–9",
            MarkSize::Many => "10 or more",
        }
    }

    pub const ALL: [MarkSize; 4] = [MarkSize::Many, MarkSize::Some, MarkSize::Few, MarkSize::None];
}

#[derive(Debug, Clone, PartialEq)]
pub struct MapMark {
    pub country: RecordRef,
    pub x: u16,
    pub y: u16,
    pub results: usize,
    pub size: MarkSize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapLabel {
    pub country: RecordRef,
    pub x: u16,
    pub y: u16,
    pub text: String,
    /// The step names this country.
    pub named: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MapLayout {
    /// Longitudes and latitudes at the edges of the grid.
    pub lon: [f64; 2],
    pub lat: [f64; 2],
    pub marks: Vec<MapMark>,
    pub labels: Vec<MapLabel>,
    pub width: u16,
    pub height: u16,
}

/// How many times taller than wide a cell is.
pub const CELL_ASPECT: f64 = 2.0;

impl MapLayout {
    /// The map of `region` (or the world) on `width` × `height` cells, labelling the `named` countries
    /// and then up to `others` more, those with most results first.
    pub fn new(
        kb: &KnowledgeBase,
        region: Option<Region>,
        named: &[RecordRef],
        width: u16,
        height: u16,
        others: usize,
    ) -> MapLayout {
        let (lon, lat) = view(kb, region, width, height);
        let cell = |lon_: f64, lat_: f64| -> Option<(u16, u16)> {
            let x = (lon_ - lon[0]) / (lon[1] - lon[0]) * f64::from(width);
            let y = (lat[1] - lat_) / (lat[1] - lat[0]) * f64::from(height);
            (x >= 0.0 && y >= 0.0 && x < f64::from(width) && y < f64::from(height)).then_some((x as u16, y as u16))
        };
        let mut marks: Vec<MapMark> = kb
            .refs(Kind::Country)
            .filter_map(|r| {
                let c = &kb.countries[r.index];
                let (x, y) = cell(c.lon, c.lat)?;
                let results = kb.backlinks_of(r, Kind::Achievement).count();
                Some(MapMark {
                    country: r,
                    x,
                    y,
                    results,
                    size: MarkSize::of(results),
                })
            })
            .collect();
        // Most results first: they win a shared cell and are labelled first.
        marks.sort_by(|a, b| b.results.cmp(&a.results).then(a.country.cmp(&b.country)));
        let mut taken: Vec<(u16, u16)> = Vec::new();
        marks.retain(|m| {
            let free = !taken.contains(&(m.x, m.y));
            taken.push((m.x, m.y));
            free
        });
        let labels = place_labels(kb, &marks, named, region, width, height, others);
        MapLayout {
            lon,
            lat,
            marks,
            labels,
            width,
            height,
        }
    }
}

/// Labels: the named countries first, then the others with results, each where it covers no mark and
/// no other label, or not at all.
fn place_labels(
    kb: &KnowledgeBase,
    marks: &[MapMark],
    named: &[RecordRef],
    region: Option<Region>,
    width: u16,
    height: u16,
    others: usize,
) -> Vec<MapLabel> {
    let in_focus = |m: &MapMark| region.is_none_or(|g| kb.countries[m.country.index].region == g);
    let order = marks.iter().filter(|m| named.contains(&m.country)).chain(
        marks
            .iter()
            .filter(|m| !named.contains(&m.country) && m.results > 0 && in_focus(m))
            .take(others),
    );
    let mut labels: Vec<MapLabel> = Vec::new();
    for m in order {
        let text = match m.results {
            0 => kb.title(m.country).to_string(),
            n => format!("{} {n}", kb.title(m.country)),
        };
        let n = text.chars().count() as i32;
        let (x, y) = (i32::from(m.x), i32::from(m.y));
        let spots = [
            (x + 2, y),
            (x - n - 1, y),
            (x - n / 2, y - 1),
            (x - n / 2, y + 1),
            (x + 1, y - 1),
            (x + 1, y + 1),
            (x - n, y - 1),
            (x - n, y + 1),
            (x - n / 2, y - 2),
            (x - n / 2, y + 2),
        ];
        let fits = |&(lx, ly): &(i32, i32)| {
            lx >= 0
                && ly >= 0
                && lx + n <= i32::from(width)
                && ly < i32::from(height)
                && !marks
                    .iter()
                    .any(|o| i32::from(o.y) == ly && i32::from(o.x) >= lx - 1 && i32::from(o.x) <= lx + n)
                && !labels.iter().any(|l| {
                    let w = l.text.chars().count() as i32;
                    i32::from(l.y) == ly && lx <= i32::from(l.x) + w && i32::from(l.x) <= lx + n
                })
        };
        if let Some(&(lx, ly)) = spots.iter().find(|s| fits(s)) {
            labels.push(MapLabel {
                country: m.country,
                x: lx as u16,
                y: ly as u16,
                text,
                named: named.contains(&m.country),
            });
        }
    }
    labels
}

/// The longitudes and latitudes in view: the region's countries with a margin (or the world), widened
/// so that a degree is as long across as down on a grid of cells twice as tall as wide.
fn view(kb: &KnowledgeBase, region: Option<Region>, width: u16, height: u16) -> ([f64; 2], [f64; 2]) {
    let points: Vec<(f64, f64)> = kb
        .countries
        .iter()
        .filter(|c| region.is_some_and(|g| c.region == g))
        .map(|c| (c.lon, c.lat))
        .collect();
    let (mut x0, mut x1, mut y0, mut y1) = if points.is_empty() {
        (-170.0, 180.0, -58.0, 80.0)
    } else {
        let margin = 10.0;
        points
            .iter()
            .fold((180.0f64, -180.0f64, 90.0f64, -90.0f64), |(a, b, c, d), &(x, y)| {
                (
                    a.min(x - margin),
                    b.max(x + margin),
                    c.min(y - margin),
                    d.max(y + margin),
                )
            })
    };
    let (w, h) = (f64::from(width.max(1)), f64::from(height.max(1)) * CELL_ASPECT);
    let span_x = (x1 - x0).max((y1 - y0) * w / h);
    let span_y = span_x * h / w;
    let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    x0 = cx - span_x / 2.0;
    x1 = cx + span_x / 2.0;
    y0 = cy - span_y / 2.0;
    y1 = cy + span_y / 2.0;
    ([x0, x1], [y0, y1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_never_cover_a_mark_or_each_other_and_named_countries_come_first() {
        let kb = KnowledgeBase::builtin().expect("built-in knowledge base");
        let named: Vec<RecordRef> = ["GHA", "CIV", "MDG"].iter().filter_map(|id| kb.find(id)).collect();
        for (w, h) in [(40, 10), (72, 14), (110, 26), (190, 40)] {
            let layout = MapLayout::new(&kb, Some(Region::Africa), &named, w, h, 6);
            for l in &layout.labels {
                let end = l.x + l.text.chars().count() as u16;
                assert!(end <= w, "{} runs off the map", l.text);
                for m in &layout.marks {
                    assert!(!(m.y == l.y && m.x >= l.x && m.x < end), "{} covers a mark", l.text);
                }
                for o in &layout.labels {
                    let o_end = o.x + o.text.chars().count() as u16;
                    assert!(
                        o == l || o.y != l.y || o_end < l.x || end < o.x,
                        "{} meets {}",
                        l.text,
                        o.text
                    );
                }
            }
            if w >= 72 {
                for c in &named {
                    assert!(
                        layout.labels.iter().any(|l| l.country == *c),
                        "{} unlabelled at {w}x{h}",
                        kb.title(*c)
                    );
                }
            }
        }
    }

    #[test]
    fn a_region_keeps_its_aspect() {
        let kb = KnowledgeBase::builtin().expect("built-in knowledge base");
        let layout = MapLayout::new(&kb, Some(Region::Africa), &[], 120, 30, 0);
        let per_col = (layout.lon[1] - layout.lon[0]) / 120.0;
        let per_row = (layout.lat[1] - layout.lat[0]) / 30.0;
        assert!((per_row / per_col - CELL_ASPECT).abs() < 1e-9);
    }
}
