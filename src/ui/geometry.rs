//! Plain geometry for the SVG diagrams: rectangles, points and arrowheads, with no Yew in sight so that
//! layouts can be checked natively.

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

/// `format!("{v:.1}")`, the same text for every `f32`, without core's float formatting: that
/// code (several KB of the page's WebAssembly) is linked as soon as one float is formatted.
///
/// Ten times an `f32` is exact in `f64`, so rounding it half to even is what the exact
/// formatter does; from 2^23 up every `f32` is a whole number, and every whole `f32` fits a
/// `u128`.
pub fn tenths(v: f32) -> String {
    let mut out = String::new();
    push_tenths(&mut out, v);
    out
}

/// Appends [`tenths`]`(v)` to `out`.
pub fn push_tenths(out: &mut String, v: f32) {
    if v.is_nan() {
        out.push_str("NaN");
        return;
    }
    if v.is_sign_negative() {
        out.push('-');
    }
    let a = v.abs();
    if a.is_infinite() {
        out.push_str("inf");
    } else if a < 8_388_608.0 {
        let t = (f64::from(a) * 10.0).round_ties_even() as u32;
        out.push_str(&(t / 10).to_string());
        out.push('.');
        out.push(char::from(b'0' + (t % 10) as u8));
    } else {
        out.push_str(&(a as u128).to_string());
        out.push_str(".0");
    }
}

/// `format!("{v}")` for the whole and half numbers below 2^23 that fixed layouts (the overview,
/// the primer's view box) are made of: [`tenths`] without a trailing `.0`.
pub fn short(v: f32) -> String {
    let mut s = tenths(v);
    if s.ends_with(".0") {
        s.truncate(s.len() - 2);
    }
    s
}

/// One decimal is plenty for SVG coordinates. Not inlined: it is called at every coordinate.
#[inline(never)]
pub fn f(v: f32) -> String {
    tenths(v)
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
    fn tenths_prints_what_the_formatter_prints() {
        let mut values = vec![
            0.0,
            -0.0,
            0.05,
            0.15,
            0.25,
            -0.04,
            -0.25,
            1.45,
            2.5,
            99.95,
            8_388_607.5,
            8_388_608.0,
            1e10,
            f32::MAX,
            f32::MIN,
            f32::MIN_POSITIVE,
            f32::EPSILON,
            f32::INFINITY,
            f32::NEG_INFINITY,
            f32::NAN,
        ];
        // Every exponent, with a spread of mantissas, both signs.
        let mut bits: u32 = 0x9e37_79b9;
        for _ in 0..200_000 {
            bits = bits.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            values.push(f32::from_bits(bits));
        }
        for i in 0..20_000 {
            values.push(i as f32 * 0.05);
            values.push(i as f32 * 0.25 - 2_500.0);
        }
        for v in values {
            assert_eq!(tenths(v), format!("{v:.1}"), "{v:e}");
        }
    }

    #[test]
    fn short_prints_what_the_formatter_prints_for_whole_and_half_numbers() {
        for i in -40_000..40_000 {
            let v = i as f32 * 0.5;
            assert_eq!(short(v), format!("{v}"));
        }
        for v in [0.0, -0.0, 8_388_607.5, 8_388_607.0, 4_194_304.5] {
            assert_eq!(short(v), format!("{v}"));
        }
    }

    #[test]
    fn arrowhead_tip_is_the_target() {
        let head = arrowhead(Point::new(0.0, 0.0), Point::new(100.0, 0.0), 10.0);
        assert_eq!(head, "100.0,0.0 90.0,5.0 90.0,-5.0");
    }
}
