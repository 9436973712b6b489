//! Plain geometry for the SVG diagrams: rectangles, points and arrowheads, with no Yew in sight so that
//! layouts can be checked natively.

/// The attribute number formats, kept importable from here as before (they live with the other
/// shared SVG pieces in `ui::svg_parts`).
pub use crate::ui::svg_parts::number::{f, push_tenths, short, tenths};

/// An axis-aligned rectangle in SVG user units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Rect {
    pub const fn new(x: f32, y: f32, w: f32, h: f32) -> Self {
        Self { x, y, w, h }
    }

    /// True when `other` lies entirely inside `self`; layouts use it to prove nesting is drawn as nesting.
    pub fn contains(&self, other: &Rect) -> bool {
        other.x >= self.x
            && other.y >= self.y
            && other.x + other.w <= self.x + self.w
            && other.y + other.h <= self.y + self.h
    }

    pub fn center(&self) -> Point {
        Point::new(self.x + self.w / 2.0, self.y + self.h / 2.0)
    }
}

impl Rect {
    /// The rectangle grown by `by` on every side (shrunk when negative).
    pub fn inflate(&self, by: f32) -> Rect {
        Rect::new(
            self.x - by,
            self.y - by,
            self.w + 2.0 * by,
            self.h + 2.0 * by,
        )
    }

    pub fn right(&self) -> f32 {
        self.x + self.w
    }

    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }

    /// True when the interiors overlap (touching edges do not count).
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.right() && o.x < self.right() && self.y < o.bottom() && o.y < self.bottom()
    }

    /// True when the segment `a`–`b` passes through the interior (Liang–Barsky clipping).
    pub fn cut_by(&self, a: Point, b: Point) -> bool {
        let (dx, dy) = (b.x - a.x, b.y - a.y);
        let (mut t0, mut t1) = (0.0f32, 1.0f32);
        for (p, q) in [
            (-dx, a.x - self.x),
            (dx, self.right() - a.x),
            (-dy, a.y - self.y),
            (dy, self.bottom() - a.y),
        ] {
            if p == 0.0 {
                if q <= 0.0 {
                    return false;
                }
            } else {
                let t = q / p;
                if p < 0.0 {
                    t0 = t0.max(t);
                } else {
                    t1 = t1.min(t);
                }
            }
        }
        t1 - t0 > 1e-4
    }

    /// Where the ray from this rectangle's centre towards `toward` leaves the rectangle, so that
    /// arrows start and end on box edges rather than under the labels.
    pub fn edge_towards(&self, toward: Point) -> Point {
        let c = self.center();
        let (dx, dy) = (toward.x - c.x, toward.y - c.y);
        if dx == 0.0 && dy == 0.0 {
            return c;
        }
        let sx = if dx == 0.0 {
            f32::INFINITY
        } else {
            (self.w / 2.0) / dx.abs()
        };
        let sy = if dy == 0.0 {
            f32::INFINITY
        } else {
            (self.h / 2.0) / dy.abs()
        };
        let t = sx.min(sy).min(1.0);
        Point::new(c.x + dx * t, c.y + dy * t)
    }
}

/// A point in SVG user units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub x: f32,
    pub y: f32,
}

impl Point {
    pub const fn new(x: f32, y: f32) -> Self {
        Self { x, y }
    }

    /// Halfway to `to`: where a line's label or badge goes.
    pub fn midpoint(self, to: Point) -> Point {
        Point::new((self.x + to.x) / 2.0, (self.y + to.y) / 2.0)
    }
}

/// The three corners of an arrowhead pointing from `from` to `to`, as an SVG `points` string.
///
/// Drawn as a polygon rather than an SVG `<marker>` because markers need document-wide ids, and two
/// widgets on one page must never share an id.
pub fn arrowhead(from: Point, to: Point, size: f32) -> String {
    let (dx, dy) = (to.x - from.x, to.y - from.y);
    let len = (dx * dx + dy * dy).sqrt().max(f32::EPSILON);
    let (ux, uy) = (dx / len, dy / len);
    let base = Point::new(to.x - ux * size, to.y - uy * size);
    let (px, py) = (-uy * size * 0.5, ux * size * 0.5);
    let mut out = String::new();
    for (i, (x, y)) in [
        (to.x, to.y),
        (base.x + px, base.y + py),
        (base.x - px, base.y - py),
    ]
    .into_iter()
    .enumerate()
    {
        if i > 0 {
            out.push(' ');
        }
        push_tenths(&mut out, x);
        out.push(',');
        push_tenths(&mut out, y);
    }
    out
}

/// An SVG path through `points` with rounded corners.
pub fn rounded_path(points: &[Point]) -> String {
    let mut d = String::new();
    let Some(first) = points.first() else {
        return d;
    };
    d.push_str(&format!("M{} {}", f(first.x), f(first.y)));
    for i in 1..points.len() {
        let p = points[i];
        if let Some(&next) = points.get(i + 1) {
            let prev = points[i - 1];
            let len = |a: Point, b: Point| ((b.x - a.x).powi(2) + (b.y - a.y).powi(2)).sqrt();
            let r = 6.0f32.min(len(prev, p) / 2.0).min(len(p, next) / 2.0);
            let toward = |a: Point, b: Point, by: f32| {
                let l = len(a, b).max(f32::EPSILON);
                Point::new(a.x + (b.x - a.x) * by / l, a.y + (b.y - a.y) * by / l)
            };
            let before = toward(p, prev, r);
            let after = toward(p, next, r);
            d.push_str(&format!(
                " L{} {} Q{} {} {} {}",
                f(before.x),
                f(before.y),
                f(p.x),
                f(p.y),
                f(after.x),
                f(after.y)
            ));
        } else {
            d.push_str(&format!(" L{} {}", f(p.x), f(p.y)));
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corners_are_rounded_and_ends_exact() {
        let d = rounded_path(&[
            Point::new(0.0, 0.0),
            Point::new(100.0, 0.0),
            Point::new(100.0, 50.0),
        ]);
        assert_eq!(d, "M0.0 0.0 L94.0 0.0 Q100.0 0.0 100.0 6.0 L100.0 50.0");
        assert_eq!(rounded_path(&[]), "");
    }

    #[test]
    fn contains_is_strict_about_edges() {
        let outer = Rect::new(0.0, 0.0, 100.0, 50.0);
        assert!(outer.contains(&Rect::new(10.0, 10.0, 90.0, 40.0)));
        assert!(!outer.contains(&Rect::new(10.0, 10.0, 91.0, 40.0)));
        assert!(!outer.contains(&Rect::new(-1.0, 0.0, 10.0, 10.0)));
    }

    #[test]
    fn edge_towards_stops_on_the_border() {
        let r = Rect::new(0.0, 0.0, 100.0, 50.0);
        assert_eq!(
            r.edge_towards(Point::new(200.0, 25.0)),
            Point::new(100.0, 25.0)
        );
        assert_eq!(
            r.edge_towards(Point::new(50.0, -100.0)),
            Point::new(50.0, 0.0)
        );
    }

    #[test]
    fn arrowhead_tip_is_the_target() {
        let head = arrowhead(Point::new(0.0, 0.0), Point::new(100.0, 0.0), 10.0);
        assert_eq!(head, "100.0,0.0 90.0,5.0 90.0,-5.0");
    }
}
