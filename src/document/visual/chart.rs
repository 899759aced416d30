//! A bar chart's layout: labels on the left wrapped on up to two lines, each value beside its bar, the
//! whole drawn first when the rows are parts of it (79 of 160), shares on a scale of 100 and rates on
//! their own scale, and the rows that do not fit counted, never dropped silently.

use crate::document::format::wrap_at_most;
use crate::document::Chart;

/// What the bars measure against.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scale {
    /// Parts of a whole the chart names: the whole is the first, longest bar.
    Whole(f64),
    /// Shares that add up to about 100 per cent.
    Shares,
    /// Values, or rates that are not shares of one whole: the largest is the longest bar.
    Largest(f64),
}

impl Scale {
    pub fn of(chart: &Chart) -> Scale {
        let largest = chart.bars.iter().map(|b| b.value).fold(0.0, f64::max);
        let percent = matches!(chart.unit.trim(), "%" | "per cent" | "percent");
        let sum: f64 = chart.bars.iter().map(|b| b.value).sum();
        // A whole of 100 per cent is the scale of shares, not a bar of its own.
        let whole = chart.whole.filter(|w| !(percent && (*w - 100.0).abs() < 1e-9));
        match whole.filter(|w| w.is_finite() && *w >= largest && *w > 0.0) {
            Some(whole) => Scale::Whole(whole),
            None if percent && (95.0..=105.0).contains(&sum) => Scale::Shares,
            None => Scale::Largest(largest),
        }
    }

    fn max(self) -> f64 {
        match self {
            Scale::Whole(w) => w,
            Scale::Shares => 100.0,
            Scale::Largest(m) => m,
        }
    }

    /// What the chart's foot says of its scale.
    pub fn note(self, unit: &str) -> Option<String> {
        match self {
            Scale::Whole(_) => Some("Each bar is part of the total above it".into()),
            Scale::Shares => Some("Shares of 100 per cent".into()),
            Scale::Largest(_) if matches!(unit.trim(), "%" | "per cent" | "percent") => {
                Some("Rates, each within its own group: not shares of one whole".into())
            }
            Scale::Largest(_) => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartRow {
    /// The label, on one or two lines.
    pub label: Vec<String>,
    /// How many cells the bar fills.
    pub cells: u16,
    /// "79 million", beside the bar.
    pub value: String,
    /// The row is the whole the others are parts of.
    pub whole: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChartLayout {
    pub label_width: u16,
    pub bar_width: u16,
    pub rows: Vec<ChartRow>,
    /// Rows left out for want of room.
    pub hidden: usize,
    pub scale: Scale,
    /// A blank line between rows.
    pub gap: bool,
}

impl ChartLayout {
    /// The chart on `width` × `height` cells, the foot line (scale note or hidden rows) included.
    pub fn new(chart: &Chart, width: u16, height: u16) -> ChartLayout {
        let scale = Scale::of(chart);
        let unit = chart.unit.trim();
        let value_text = |text: &str| {
            if unit.is_empty() {
                text.to_string()
            } else {
                format!("{text} {unit}")
            }
        };
        let mut entries: Vec<(String, f64, String, bool)> = Vec::new();
        if let Scale::Whole(whole) = scale {
            let text = chart
                .total
                .clone()
                .unwrap_or_else(|| crate::kb::text::plain_number(whole));
            entries.push(("Total".into(), whole, value_text(&text), true));
        }
        entries.extend(
            chart
                .bars
                .iter()
                .map(|b| (b.label.clone(), b.value, value_text(&b.text), false)),
        );
        let value_w = entries.iter().map(|e| e.2.chars().count()).max().unwrap_or(0) as u16;
        let longest_label = entries.iter().map(|e| e.0.chars().count()).max().unwrap_or(0) as u16;
        let label_width = longest_label.min(width * 2 / 5).max(8.min(width / 3));
        let bar_width = width.saturating_sub(label_width + 2 + value_w + 1).max(1);
        let rows: Vec<ChartRow> = entries
            .into_iter()
            .map(|(label, value, text, whole)| ChartRow {
                label: wrap_at_most(&label, usize::from(label_width), 2),
                cells: cells(value, scale.max(), bar_width),
                value: text,
                whole,
            })
            .collect();
        let room = usize::from(height.saturating_sub(1));
        let lines = |rows: &[ChartRow], gap: bool| -> usize {
            rows.iter().map(|r| r.label.len()).sum::<usize>() + if gap { rows.len().saturating_sub(1) } else { 0 }
        };
        let gap = lines(&rows, true) <= room;
        let mut shown = rows.len();
        while shown > 0 && lines(&rows[..shown], gap) > room.saturating_sub(usize::from(shown < rows.len())) {
            shown -= 1;
        }
        let hidden = rows.len() - shown;
        let rows = rows.into_iter().take(shown).collect();
        ChartLayout {
            label_width,
            bar_width,
            rows,
            hidden,
            scale,
            gap,
        }
    }
}

/// Cells of `width` a value fills on a scale to `max`: at least one for any positive value.
fn cells(value: f64, max: f64, width: u16) -> u16 {
    if max <= 0.0 || value <= 0.0 || !value.is_finite() {
        return 0;
    }
    ((value / max * f64::from(width)).round() as u16).clamp(1, width)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Bar;

    fn chart(unit: &str, rows: &[(&str, f64)], whole: Option<f64>) -> Chart {
        Chart {
            unit: unit.into(),
            bars: rows
                .iter()
                .map(|(l, v)| Bar {
                    label: (*l).into(),
                    value: *v,
                    text: crate::kb::text::plain_number(*v),
                })
                .collect(),
            total: None,
            whole,
        }
    }

    #[test]
    fn a_part_is_drawn_against_its_whole() {
        let c = chart("million", &[("In hazardous work", 79.0)], Some(160.0));
        let layout = ChartLayout::new(&c, 60, 10);
        assert_eq!(layout.rows.len(), 2, "the whole, then the part");
        assert!(layout.rows[0].whole);
        assert_eq!(layout.rows[0].cells, layout.bar_width);
        assert!(layout.rows[1].cells < layout.bar_width * 2 / 3);
        assert_eq!(layout.rows[1].value, "79 million");
    }

    #[test]
    fn rates_are_not_drawn_as_shares_and_shares_are() {
        let rates = chart("per cent", &[("Africa", 21.6), ("Asia", 5.6)], None);
        assert_eq!(Scale::of(&rates), Scale::Largest(21.6));
        let shares = chart("per cent", &[("Asia", 55.0), ("Europe", 45.0)], None);
        assert_eq!(Scale::of(&shares), Scale::Shares);
    }

    #[test]
    fn rows_that_do_not_fit_are_counted() {
        let rows: Vec<(&str, f64)> = vec![("a", 1.0), ("b", 2.0), ("c", 3.0), ("d", 4.0), ("e", 5.0)];
        let layout = ChartLayout::new(&chart("", &rows, None), 40, 4);
        assert_eq!(layout.rows.len() + layout.hidden, 5);
        assert!(layout.hidden > 0);
    }
}
