//! The travelling packet: where the dot is along the current event's routed line, as keyframes of
//! a CSS transform. The page plays them with the Web Animations API, which the browser's
//! compositor runs without the main thread; a SMIL motion in the drawing instead cost every frame
//! a style, layout and paint pass of the whole widget (about 150 ms of main-thread time per
//! second of play).

use crate::ui::geometry::Point;

/// How long the packet takes along its line, in milliseconds.
pub const TRAVEL_MS: f64 = 800.0;

/// The dot at one corner of the line: `offset` is the share of the travel time (0 to 1), `x`
/// and `y` its place in percent of the drawing's width and height, which is how a CSS translate
/// of a layer the drawing's size moves it, at any width the drawing is shown.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Keyframe {
    pub offset: f64,
    pub x: f64,
    pub y: f64,
}

impl Keyframe {
    /// The keyframe's CSS `transform`, to a thousandth of a percent (printed without core's
    /// float formatting, which would add several KB to the page's WebAssembly).
    pub fn transform(&self) -> String {
        format!(
            "translate({}%, {}%)",
            thousandths(self.x),
            thousandths(self.y)
        )
    }
}

/// `format!("{v:.3}")` for the finite values a keyframe holds, from whole thousandths.
fn thousandths(v: f64) -> String {
    let t = (v * 1000.0).round() as i64;
    let sign = if t < 0 { "-" } else { "" };
    let t = t.unsigned_abs();
    format!("{sign}{}.{:03}", t / 1000, t % 1000)
}

/// One keyframe per corner of `points` on a `width` × `height` canvas, each timed by the length
/// travelled so far, so the dot moves at one speed. Empty when there is no line to travel (no
/// point, or an empty canvas); a line of one point, or of no length, holds the dot there.
pub fn keyframes(points: &[Point], width: f32, height: f32) -> Vec<Keyframe> {
    if points.is_empty() || width <= 0.0 || height <= 0.0 {
        return Vec::new();
    }
    let mut travelled = vec![0.0f64];
    for pair in points.windows(2) {
        let (dx, dy) = (pair[1].x - pair[0].x, pair[1].y - pair[0].y);
        let last = travelled[travelled.len() - 1];
        travelled.push(last + f64::from(dx.hypot(dy)));
    }
    let total = travelled[travelled.len() - 1];
    let at = |p: &Point, offset: f64| Keyframe {
        offset,
        x: f64::from(p.x) * 100.0 / f64::from(width),
        y: f64::from(p.y) * 100.0 / f64::from(height),
    };
    if total <= 0.0 {
        return vec![at(&points[0], 0.0), at(&points[0], 1.0)];
    }
    points
        .iter()
        .zip(travelled)
        .map(|(p, d)| at(p, d / total))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corners_are_timed_by_the_length_travelled() {
        let line = [
            Point::new(0.0, 0.0),
            Point::new(300.0, 0.0),
            Point::new(300.0, 100.0),
        ];
        let k = keyframes(&line, 1000.0, 500.0);
        assert_eq!(k.len(), 3);
        assert_eq!((k[0].offset, k[1].offset, k[2].offset), (0.0, 0.75, 1.0));
        assert_eq!((k[1].x, k[1].y), (30.0, 0.0));
        assert_eq!((k[2].x, k[2].y), (30.0, 20.0));
        assert_eq!(k[2].transform(), "translate(30.000%, 20.000%)");
        assert_eq!(thousandths(12.3456), "12.346");
        assert_eq!(thousandths(-0.25), "-0.250");
        assert_eq!(thousandths(0.0004), "0.000");
    }

    #[test]
    fn a_line_without_length_holds_the_dot_and_no_line_has_no_frames() {
        let p = Point::new(50.0, 25.0);
        let k = keyframes(&[p, p], 100.0, 100.0);
        assert_eq!(k.len(), 2);
        assert!(k.iter().all(|k| (k.x, k.y) == (50.0, 25.0)));
        assert_eq!((k[0].offset, k[1].offset), (0.0, 1.0));
        assert!(keyframes(&[], 100.0, 100.0).is_empty());
        assert!(keyframes(&[p], 0.0, 100.0).is_empty());
    }
}
