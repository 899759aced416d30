//! Natural Earth's country shapes at 1:110m (assets/natural-earth), decoded by build.rs into rings,
//! and filled onto a grid of dots: the land of a map, as a pure function of the view and the size.

use std::sync::OnceLock;

/// The shapes as build.rs wrote them.
static SHAPES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/world.bin"));

/// One ring of a country's outline, in degrees.
pub struct Ring {
    /// The country's ISO 3166-1 numeric code.
    pub country: u16,
    pub points: Vec<(f64, f64)>,
}

/// Antarctica's number: no programme works there, and it would only fill the bottom of every map.
const ANTARCTICA: u16 = 10;

/// Every ring of every country but Antarctica.
pub fn rings() -> &'static [Ring] {
    static RINGS: OnceLock<Vec<Ring>> = OnceLock::new();
    RINGS.get_or_init(|| decode(SHAPES).into_iter().filter(|r| r.country != ANTARCTICA).collect())
}

fn decode(mut bytes: &[u8]) -> Vec<Ring> {
    let mut rings = Vec::new();
    let take = |n: usize, bytes: &mut &[u8]| -> Option<Vec<u8>> {
        let (head, rest) = (bytes.get(..n)?.to_vec(), bytes.get(n..)?);
        *bytes = rest;
        Some(head)
    };
    while let Some(head) = take(6, &mut bytes) {
        let country = u16::from_le_bytes([head[0], head[1]]);
        let count = u32::from_le_bytes([head[2], head[3], head[4], head[5]]) as usize;
        let Some(body) = take(count * 4, &mut bytes) else { break };
        let points = body
            .chunks_exact(4)
            .map(|p| {
                let lon = i16::from_le_bytes([p[0], p[1]]);
                let lat = i16::from_le_bytes([p[2], p[3]]);
                (f64::from(lon) / 100.0, f64::from(lat) / 100.0)
            })
            .collect();
        rings.push(Ring { country, points });
    }
    rings
}

/// Which dots of a `dots_w` × `dots_h` grid covering `lon` × `lat` lie on land.
pub fn land(lon: [f64; 2], lat: [f64; 2], dots_w: usize, dots_h: usize) -> Vec<Vec<bool>> {
    shapes(lon, lat, dots_w, dots_h)
        .into_iter()
        .map(|row| row.into_iter().map(|c| c.is_some()).collect())
        .collect()
}

/// The country number under each dot of a `dots_w` × `dots_h` grid covering `lon` × `lat`: row by
/// row, each ring's crossings with the row's middle line, filled between pairs (even-odd).
pub fn shapes(lon: [f64; 2], lat: [f64; 2], dots_w: usize, dots_h: usize) -> Vec<Vec<Option<u16>>> {
    // The explorer redraws five times a second; the map only changes when its view or size does, and
    // filling every ring's rows takes milliseconds: the last grid is kept, per thread.
    type Last = Option<(([u64; 4], usize, usize), Vec<Vec<Option<u16>>>)>;
    thread_local! {
        static LAST: std::cell::RefCell<Last> = const { std::cell::RefCell::new(None) };
    }
    let key = (
        [lon[0].to_bits(), lon[1].to_bits(), lat[0].to_bits(), lat[1].to_bits()],
        dots_w,
        dots_h,
    );
    if let Some(grid) = LAST.with(|l| l.borrow().as_ref().filter(|(k, _)| *k == key).map(|(_, g)| g.clone())) {
        return grid;
    }
    let grid = fill_shapes(lon, lat, dots_w, dots_h);
    LAST.with(|l| *l.borrow_mut() = Some((key, grid.clone())));
    grid
}

fn fill_shapes(lon: [f64; 2], lat: [f64; 2], dots_w: usize, dots_h: usize) -> Vec<Vec<Option<u16>>> {
    let mut grid = vec![vec![None; dots_w]; dots_h];
    let per_x = (lon[1] - lon[0]) / dots_w.max(1) as f64;
    let per_y = (lat[1] - lat[0]) / dots_h.max(1) as f64;
    for (row, line) in grid.iter_mut().enumerate() {
        let y = lat[1] - (row as f64 + 0.5) * per_y;
        for ring in rings() {
            fill_row(line, ring, y, lon[0], per_x);
        }
    }
    grid
}

/// One ring's spans on one row of dots.
fn fill_row(line: &mut [Option<u16>], ring: &Ring, y: f64, lon0: f64, per_x: f64) {
    let mut crossings: Vec<f64> = ring
        .points
        .windows(2)
        // An edge across the antimeridian (Fiji, Russia) is a jump, not a border.
        .filter(|e| (e[0].1 <= y) != (e[1].1 <= y) && (e[1].0 - e[0].0).abs() < 180.0)
        .map(|e| {
            let ((x0, y0), (x1, y1)) = (e[0], e[1]);
            x0 + (y - y0) / (y1 - y0) * (x1 - x0)
        })
        .collect();
    if crossings.len() % 2 == 1 {
        // A ring cut at the antimeridian: its row is left out rather than filled wrong.
        return;
    }
    crossings.sort_by(f64::total_cmp);
    let width = line.len();
    for pair in crossings.chunks_exact(2) {
        let from = ((pair[0] - lon0) / per_x - 0.5).ceil().max(0.0) as usize;
        let to = ((pair[1] - lon0) / per_x - 0.5).floor();
        if to < 0.0 {
            continue;
        }
        for dot in line.iter_mut().take((to as usize + 1).min(width)).skip(from) {
            *dot = Some(ring.country);
        }
    }
}

/// The results of the knowledge base's countries, by the number of the shape that holds each
/// country's coordinates.
pub fn results_by_shape(kb: &crate::kb::KnowledgeBase) -> std::collections::HashMap<u16, usize> {
    use crate::kb::Kind;
    let mut results = std::collections::HashMap::new();
    for c in kb.refs(Kind::Country) {
        let country = &kb.countries[c.index];
        if let Some(shape) = shape_at(country.lon, country.lat) {
            *results.entry(shape).or_insert(0) += kb.backlinks_of(c, Kind::Achievement).count();
        }
    }
    results
}

/// The country number of the shape under a point, if any (memoised: the shapes never change).
pub fn shape_at(lon: f64, lat: f64) -> Option<u16> {
    type Found = std::collections::HashMap<(i64, i64), Option<u16>>;
    static CACHE: OnceLock<std::sync::Mutex<Found>> = OnceLock::new();
    let key = ((lon * 100.0) as i64, (lat * 100.0) as i64);
    let cache = CACHE.get_or_init(Default::default);
    if let Some(found) = cache.lock().ok().and_then(|c| c.get(&key).copied()) {
        return found;
    }
    let found = rings().iter().find(|r| contains(r, lon, lat)).map(|r| r.country);
    if let Ok(mut c) = cache.lock() {
        c.insert(key, found);
    }
    found
}

/// Even-odd point in ring.
fn contains(ring: &Ring, x: f64, y: f64) -> bool {
    let mut inside = false;
    for e in ring.points.windows(2) {
        let ((x0, y0), (x1, y1)) = (e[0], e[1]);
        if (y0 > y) != (y1 > y) && x < x0 + (y - y0) / (y1 - y0) * (x1 - x0) {
            inside = !inside;
        }
    }
    inside
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shapes_are_there_and_land_is_where_it_should_be() {
        assert!(rings().len() > 200, "{} rings", rings().len());
        // A grid of one-degree dots: the middle of Africa is land, the middle of the Pacific is not.
        let grid = land([-180.0, 180.0], [-90.0, 90.0], 360, 180);
        let at = |lon: f64, lat: f64| grid[(90.0 - lat) as usize][(lon + 180.0) as usize];
        assert!(at(20.0, 5.0), "Central Africa");
        assert!(at(-100.0, 40.0), "North America");
        assert!(!at(-150.0, 0.0), "the Pacific");
        assert!(!at(-30.0, 0.0), "the Atlantic");
    }
}
