//! Orthogonal connector routing over the gutters between boxes: the idea of ELK's orthogonal
//! router, Graphviz `splines=ortho` and draw.io's orthogonal connectors, cut down to what a
//! diagram whose boxes are known needs.
//!
//! The candidate lanes are the lines one lane-width off every obstacle's edges plus the centre
//! lines of the boxes; their crossings form a grid. A route is the cheapest grid path from a side
//! of one box to a side of the other (length, plus a penalty per bend, plus a little for running
//! along a lane another route already uses), leaving and entering the boxes at right angles.
//! Routes that still share a lane are then spread apart so each stays visible.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use crate::ui::geometry::{Point, Rect};

/// Distance of a lane from the box it runs beside.
pub const LANE: f32 = 12.0;
/// The cost of a bend, in user units of length.
const BEND: f32 = 40.0;
/// Extra cost per unit of length along a lane another route uses.
const SHARED: f32 = 0.6;
/// Spacing of parallel routes in one lane.
const SPREAD: f32 = 4.0;

/// The grid and what is already routed on it.
pub struct Router {
    xs: Vec<f32>,
    ys: Vec<f32>,
    /// Obstacles (boxes and texts), slightly grown.
    obstacles: Vec<Rect>,
    /// Edge from node (i, j) to (i + 1, j) is free of obstacles.
    free_h: Vec<bool>,
    /// Edge from node (i, j) to (i, j + 1).
    free_v: Vec<bool>,
    used_h: Vec<u8>,
    used_v: Vec<u8>,
    /// The ports of each box routed so far: a box is the end of several lines.
    ports_of: Vec<(Rect, Vec<Port>)>,
}

/// A grid node just outside a box, the point on the box's border it connects to, and the
/// direction (0 right, 1 down, 2 left, 3 up) pointing away from the box.
type Port = (usize, Point, u8);

/// Sorted, with values closer than `tol` merged.
fn lanes(mut v: Vec<f32>, tol: f32) -> Vec<f32> {
    // An insertion sort: a few hundred values, and no generic sort in the page's wasm.
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && v[j - 1] > v[j] {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
    let mut out: Vec<f32> = Vec::with_capacity(v.len());
    for x in v {
        if out.last().is_none_or(|&l| x - l > tol) {
            out.push(x);
        }
    }
    out
}

/// A search state as the queue holds it: the cost so far plus the least the rest can cost (the
/// order the search explores in: A*, which finds the same cheapest route as exploring by cost
/// alone while visiting far fewer nodes) in the high half, the state (node × 4 + heading) in
/// the low half. An estimate is never negative, so its bits order as its value: the queue
/// compares plain integers, and the cost so far is read back from the search's table.
fn queued(estimate: f32, state: usize) -> Reverse<u64> {
    Reverse((u64::from(estimate.to_bits()) << 32) | state as u64)
}

impl Router {
    /// A grid over `canvas` around `obstacles` (boxes and texts that no line may cross).
    /// `boxes` are the rectangles routes start and end at; their centre lines become lanes too.
    pub fn new(canvas: Rect, obstacles: &[Rect], boxes: &[Rect]) -> Router {
        let obstacles: Vec<Rect> = obstacles.iter().map(|r| r.inflate(2.0)).collect();
        let mut xs = vec![canvas.x + LANE, canvas.right() - LANE];
        let mut ys = vec![canvas.y + LANE, canvas.bottom() - LANE];
        for r in obstacles.iter().chain(boxes) {
            xs.extend([r.x - LANE, r.right() + LANE]);
            ys.extend([r.y - LANE, r.bottom() + LANE]);
        }
        for r in boxes {
            xs.push(r.center().x);
            ys.push(r.center().y);
        }
        let inside = |v: f32, lo: f32, hi: f32| v > lo && v < hi;
        xs.retain(|&x| inside(x, canvas.x, canvas.right()));
        ys.retain(|&y| inside(y, canvas.y, canvas.bottom()));
        let xs = lanes(xs, 3.0);
        let ys = lanes(ys, 3.0);
        let (nx, ny) = (xs.len(), ys.len());
        let mut free_h = vec![true; nx * ny];
        let mut free_v = vec![true; nx * ny];
        // Each obstacle can only cut the grid edges that overlap it: look at those alone.
        let span = |v: &[f32], lo: f32, hi: f32| {
            let first = v.partition_point(|&x| x < lo).saturating_sub(1);
            let last = v.partition_point(|&x| x <= hi).min(v.len());
            first..last
        };
        for r in &obstacles {
            let cols = span(&xs, r.x, r.right());
            let rows = span(&ys, r.y, r.bottom());
            for j in rows.clone() {
                for i in cols.clone() {
                    let p = Point::new(xs[i], ys[j]);
                    if i + 1 < nx && r.cut_by(p, Point::new(xs[i + 1], ys[j])) {
                        free_h[j * nx + i] = false;
                    }
                    if j + 1 < ny && r.cut_by(p, Point::new(xs[i], ys[j + 1])) {
                        free_v[j * nx + i] = false;
                    }
                }
            }
        }
        Router {
            xs,
            ys,
            free_h,
            free_v,
            used_h: vec![0; nx * ny],
            used_v: vec![0; nx * ny],
            obstacles,
            ports_of: Vec::new(),
        }
    }

    /// [`Router::ports`] of `r`, found once per box.
    fn ports_of(&mut self, r: Rect) -> Vec<Port> {
        if let Some((_, ports)) = self.ports_of.iter().find(|(b, _)| *b == r) {
            return ports.clone();
        }
        let ports = self.ports(r);
        self.ports_of.push((r, ports.clone()));
        ports
    }

    /// The grid nodes just outside `r`: where a line may leave or enter it at a right angle.
    fn ports(&self, r: Rect) -> Vec<Port> {
        let nx = self.xs.len();
        let mut out = Vec::new();
        // The stub is checked from a little outside the box, clear of its own grown outline.
        let clear = |a: Point, b: Point| {
            let (dx, dy) = ((b.x - a.x).signum() * 3.0, (b.y - a.y).signum() * 3.0);
            let a = Point::new(a.x + dx, a.y + dy);
            !self.obstacles.iter().any(|o| o.cut_by(a, b))
        };
        // Lanes strictly between `lo` and `hi`, and lanes within 3.5 of `want`.
        let between = |v: &[f32], lo: f32, hi: f32| {
            v.partition_point(|&x| x <= lo)..v.partition_point(|&x| x < hi)
        };
        let near = |v: &[f32], want: f32| between(v, want - 3.5, want + 3.5);
        // Above and below: (lane index, the border it leaves, direction), nearest side first
        // when one lane is near both.
        let sides = |v: &[f32], (lo, lo_dir): (f32, u8), (hi, hi_dir): (f32, u8)| {
            let low = near(v, lo - LANE);
            let high = near(v, hi + LANE);
            let low_side = low.clone().map(move |k| (k, lo, lo_dir));
            let high_side = high
                .filter(move |k| !low.contains(k))
                .map(move |k| (k, hi, hi_dir));
            low_side.chain(high_side).collect::<Vec<_>>()
        };
        let rows = sides(&self.ys, (r.y, 3), (r.bottom(), 1));
        for i in between(&self.xs, r.x + 4.0, r.right() - 4.0) {
            let x = self.xs[i];
            for &(j, edge, dir) in &rows {
                let (a, b) = (Point::new(x, edge), Point::new(x, self.ys[j]));
                if clear(a, b) {
                    out.push((j * nx + i, a, dir));
                }
            }
        }
        let cols = sides(&self.xs, (r.x, 2), (r.right(), 0));
        for j in between(&self.ys, r.y + 4.0, r.bottom() - 4.0) {
            let y = self.ys[j];
            for &(i, edge, dir) in &cols {
                let (a, b) = (Point::new(edge, y), Point::new(self.xs[i], y));
                if clear(a, b) {
                    out.push((j * nx + i, a, dir));
                }
            }
        }
        out
    }

    /// The route from box `from` to box `to`, as points from `from`'s border to `to`'s, and
    /// marks its lanes as used. `None` when no route exists (never for the diagram's layouts).
    pub fn route(&mut self, from: Rect, to: Rect) -> Option<Vec<Point>> {
        self.search(from, to, true).map(|(points, _)| points)
    }

    /// [`Router::route`] and its cost; `guided` false explores by cost alone (what the estimate
    /// of what is left must never change the cost of).
    fn search(&mut self, from: Rect, to: Rect, guided: bool) -> Option<(Vec<Point>, f32)> {
        let nx = self.xs.len();
        let n = nx * self.ys.len();
        let starts = self.ports_of(from);
        let ends = self.ports_of(to);
        if starts.is_empty() || ends.is_empty() {
            return None;
        }
        let node = |k: usize| Point::new(self.xs[k % nx], self.ys[k / nx]);
        // Every step costs at least its length, every end lies inside the ends' bounding box,
        // and reaching that box takes at least the bends its direction leaves no way around:
        // what is left is never overestimated.
        let (mut lo, mut hi) = (node(ends[0].0), node(ends[0].0));
        for &(e, _, _) in &ends {
            let q = node(e);
            lo = Point::new(lo.x.min(q.x), lo.y.min(q.y));
            hi = Point::new(hi.x.max(q.x), hi.y.max(q.y));
        }
        let rest = |p: Point, dir: u8| {
            let (dx, dy) = (gap(p.x, lo.x, hi.x), gap(p.y, lo.y, hi.y));
            let least = dx.abs() + dy.abs() + BEND * f32::from(bends_needed(dx, dy, dir));
            if guided {
                least
            } else {
                0.0
            }
        };
        let mut is_end = vec![false; n];
        for &(e, _, _) in &ends {
            is_end[e] = true;
        }
        let mut best = vec![f32::INFINITY; n * 4];
        let mut back: Vec<u32> = vec![u32::MAX; n * 4];
        let mut heap = BinaryHeap::new();
        for &(k, p, dir) in &starts {
            let q = node(k);
            let cost = (q.x - p.x).abs() + (q.y - p.y).abs();
            let s = k * 4 + dir as usize;
            if cost < best[s] {
                best[s] = cost;
                heap.push(queued(cost + rest(q, dir), s));
            }
        }
        let mut done: Option<(usize, f32)> = None;
        while let Some(Reverse(top)) = heap.pop() {
            let (estimate, s) = (f32::from_bits((top >> 32) as u32), top as u32 as usize);
            let (k, dir) = (s / 4, (s % 4) as u8);
            let (i, j) = (k % nx, k / nx);
            let (x, y) = (self.xs[i], self.ys[j]);
            let here = Point::new(x, y);
            let cost = best[s];
            // Reached more cheaply since this entry was queued: that entry comes (or came) first.
            if estimate > cost + rest(here, dir) {
                continue;
            }
            if let Some((_, c)) = done {
                if estimate >= c {
                    break;
                }
            }
            for &(e, p, edir) in ends.iter().filter(|_| is_end[k]) {
                if e == k {
                    // Arriving must enter the box head-on: the port's direction reversed.
                    let turn = if (edir + 2) % 4 == dir { 0.0 } else { BEND };
                    let total = cost + (x - p.x).abs() + (y - p.y).abs() + turn;
                    if done.is_none_or(|(_, c)| total < c) {
                        done = Some((s, total));
                    }
                }
            }
            for nd in 0..4u8 {
                let (next, free, used, to) = match nd {
                    0 if i + 1 < nx => (
                        k + 1,
                        self.free_h[k],
                        self.used_h[k],
                        Point::new(self.xs[i + 1], y),
                    ),
                    2 if i > 0 => (
                        k - 1,
                        self.free_h[k - 1],
                        self.used_h[k - 1],
                        Point::new(self.xs[i - 1], y),
                    ),
                    1 if j + 1 < self.ys.len() => (
                        k + nx,
                        self.free_v[k],
                        self.used_v[k],
                        Point::new(x, self.ys[j + 1]),
                    ),
                    3 if j > 0 => (
                        k - nx,
                        self.free_v[k - nx],
                        self.used_v[k - nx],
                        Point::new(x, self.ys[j - 1]),
                    ),
                    _ => continue,
                };
                let len = (to.x - x).abs() + (to.y - y).abs();
                if !free || nd == (dir + 2) % 4 {
                    continue;
                }
                let turn = if nd == dir { 0.0 } else { BEND };
                let c = cost + len * (1.0 + SHARED * f32::from(used)) + turn;
                let ns = next * 4 + nd as usize;
                if c < best[ns] {
                    best[ns] = c;
                    back[ns] = s as u32;
                    heap.push(queued(c + rest(to, nd), ns));
                }
            }
        }
        let (mut s, total) = done?;
        let mut nodes = vec![s / 4];
        while back[s] != u32::MAX {
            s = back[s] as usize;
            nodes.push(s / 4);
        }
        nodes.reverse();
        let first = starts.iter().find(|p| p.0 == nodes[0])?.1;
        let last_node = *nodes.last()?;
        let last = ends.iter().find(|p| p.0 == last_node)?.1;
        for w in nodes.windows(2) {
            let (a, b) = (w[0].min(w[1]), w[0].max(w[1]));
            if b == a + 1 {
                self.used_h[a] = self.used_h[a].saturating_add(1);
            } else {
                self.used_v[a] = self.used_v[a].saturating_add(1);
            }
        }
        let mut points = vec![first];
        points.extend(nodes.iter().map(|&k| node(k)));
        points.push(last);
        Some((simplify(points), total))
    }
}

/// How far `v` must move to get into `lo..=hi`: positive when it must grow, negative when it
/// must shrink, 0 inside.
fn gap(v: f32, lo: f32, hi: f32) -> f32 {
    if v < lo {
        lo - v
    } else if v > hi {
        hi - v
    } else {
        0.0
    }
}

/// The fewest bends a route heading `dir` (0 right, 1 down, 2 left, 3 up) needs to move by
/// `dx` and `dy` (signed, as [`gap`]): none straight ahead, one sideways or to change axis, two
/// to turn back.
fn bends_needed(dx: f32, dy: f32, dir: u8) -> u8 {
    // The directions that make progress: at most one per axis.
    let toward = |d: f32, plus: u8, minus: u8| match d {
        d if d > 0.0 => Some(plus),
        d if d < 0.0 => Some(minus),
        _ => None,
    };
    let wanted = [toward(dx, 0, 2), toward(dy, 1, 3)];
    let needed = wanted.iter().flatten().count() as u8;
    if needed == 0 {
        return 0;
    }
    let ahead = wanted.contains(&Some(dir));
    let back = wanted.contains(&Some((dir + 2) % 4));
    match (ahead, back) {
        (true, _) => needed - 1,
        (false, true) => 2,
        // Sideways: one bend onto a wanted direction, whose axis then has the other to do.
        (false, false) => needed.max(1),
    }
}

/// Drops repeated points and the middle of straight runs.
pub fn simplify(points: Vec<Point>) -> Vec<Point> {
    let mut out: Vec<Point> = Vec::with_capacity(points.len());
    for p in points {
        if out
            .last()
            .is_some_and(|l| (l.x - p.x).abs() < 0.01 && (l.y - p.y).abs() < 0.01)
        {
            continue;
        }
        if out.len() >= 2 {
            let (a, b) = (out[out.len() - 2], out[out.len() - 1]);
            let straight = ((a.x - b.x).abs() < 0.01 && (b.x - p.x).abs() < 0.01)
                || ((a.y - b.y).abs() < 0.01 && (b.y - p.y).abs() < 0.01);
            if straight {
                out.pop();
            }
        }
        out.push(p);
    }
    out
}

/// Spreads routes that run along the same lane: each shared stretch is shifted across its lane
/// by a few units per route, so parallel lines stay apart. Shifting a vertical segment moves only
/// x coordinates and a horizontal one only y, so corners stay square.
pub fn spread(routes: &mut [Vec<Point>]) {
    // (route, segment index, vertical, coordinate, from, to)
    let mut segs: Vec<(usize, usize, bool, f32, f32, f32)> = Vec::new();
    for (r, pts) in routes.iter().enumerate() {
        for (i, w) in pts.windows(2).enumerate() {
            let vertical = (w[0].x - w[1].x).abs() < 0.01;
            let (c, a, b) = if vertical {
                (w[0].x, w[0].y.min(w[1].y), w[0].y.max(w[1].y))
            } else {
                (w[0].y, w[0].x.min(w[1].x), w[0].x.max(w[1].x))
            };
            segs.push((r, i, vertical, c, a, b));
        }
    }
    let mut shift = vec![0.0f32; segs.len()];
    for (k, s) in segs.iter().enumerate() {
        // The routes with a segment on this lane overlapping this one (`segs` is in route
        // order, so a route's segments are consecutive), and how many come before this one's.
        let (mut before, mut total, mut last) = (0u16, 0u16, usize::MAX);
        for o in &segs {
            if o.2 == s.2
                && (o.3 - s.3).abs() < 0.5
                && o.4 < s.5 - 0.5
                && s.4 < o.5 - 0.5
                && o.0 != last
            {
                last = o.0;
                total += 1;
                before += u16::from(o.0 < s.0);
            }
        }
        if total > 1 {
            shift[k] = (f32::from(before) - f32::from(total - 1) / 2.0) * SPREAD;
        }
    }
    for (k, &(r, i, vertical, ..)) in segs.iter().enumerate() {
        if shift[k] == 0.0 {
            continue;
        }
        for p in [i, i + 1] {
            if vertical {
                routes[r][p].x += shift[k];
            } else {
                routes[r][p].y += shift[k];
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_route_goes_around_a_box_in_the_way() {
        let a = Rect::new(20.0, 100.0, 60.0, 40.0);
        let b = Rect::new(320.0, 100.0, 60.0, 40.0);
        let wall = Rect::new(150.0, 60.0, 80.0, 120.0);
        let mut r = Router::new(Rect::new(0.0, 0.0, 400.0, 300.0), &[a, b, wall], &[a, b]);
        let pts = r.route(a, b).expect("a route exists");
        assert!(pts.len() >= 4, "{pts:?}");
        for w in pts.windows(2) {
            assert!(!wall.cut_by(w[0], w[1]), "{pts:?} crosses the wall");
            assert!(
                (w[0].x - w[1].x).abs() < 0.01 || (w[0].y - w[1].y).abs() < 0.01,
                "orthogonal"
            );
        }
        assert!(
            (pts[0].x - a.right()).abs() < 0.01
                || (pts[0].y - a.y).abs() < 0.01
                || (pts[0].y - a.bottom()).abs() < 0.01
        );
    }

    #[test]
    fn parallel_routes_are_spread_apart() {
        let mut routes = vec![
            vec![Point::new(0.0, 10.0), Point::new(100.0, 10.0)],
            vec![Point::new(20.0, 10.0), Point::new(80.0, 10.0)],
        ];
        spread(&mut routes);
        assert!((routes[0][0].y - routes[1][0].y).abs() >= SPREAD - 0.01);
    }
}

#[cfg(test)]
mod grid_tests {
    use super::*;

    /// The grid's free edges, found obstacle by obstacle, are exactly the edges no obstacle cuts.
    #[test]
    fn free_edges_are_those_no_obstacle_cuts() {
        let mut seed = 7u32;
        let mut next = |n: u32| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            ((seed >> 8) % n) as f32
        };
        for _ in 0..40 {
            let obstacles: Vec<Rect> = (0..12)
                .map(|_| Rect::new(next(500), next(400), 4.0 + next(80), 4.0 + next(60)))
                .collect();
            let canvas = Rect::new(0.0, 0.0, 600.0, 480.0);
            let r = Router::new(canvas, &obstacles, &obstacles[..4]);
            let (nx, ny) = (r.xs.len(), r.ys.len());
            let mut blocked = 0;
            for j in 0..ny {
                for i in 0..nx {
                    let p = Point::new(r.xs[i], r.ys[j]);
                    if i + 1 < nx {
                        let q = Point::new(r.xs[i + 1], r.ys[j]);
                        let cut = r.obstacles.iter().any(|o| o.cut_by(p, q));
                        assert_eq!(r.free_h[j * nx + i], !cut, "horizontal edge {i},{j}");
                        blocked += usize::from(cut);
                    }
                    if j + 1 < ny {
                        let q = Point::new(r.xs[i], r.ys[j + 1]);
                        let cut = r.obstacles.iter().any(|o| o.cut_by(p, q));
                        assert_eq!(r.free_v[j * nx + i], !cut, "vertical edge {i},{j}");
                        blocked += usize::from(cut);
                    }
                }
            }
            assert!(blocked > 0, "the obstacles block some edges");
        }
    }

    /// The bends the search assumes are still to come are the fewest any route can make: none
    /// straight ahead, one to turn aside, two to turn back, one more for each axis to cover.
    #[test]
    fn the_bends_left_are_never_overestimated() {
        // (dx, dy, heading) -> bends; right 0, down 1, left 2, up 3; +dx is rightwards, +dy down.
        let cases = [
            ((0.0, 0.0, 2), 0),
            ((5.0, 0.0, 0), 0),
            ((5.0, 0.0, 1), 1),
            ((5.0, 0.0, 2), 2),
            ((0.0, -5.0, 3), 0),
            ((0.0, -5.0, 0), 1),
            ((0.0, -5.0, 1), 2),
            ((5.0, 5.0, 0), 1),
            ((5.0, 5.0, 1), 1),
            ((5.0, 5.0, 2), 2),
            ((5.0, 5.0, 3), 2),
        ];
        for ((dx, dy, dir), want) in cases {
            assert_eq!(
                bends_needed(dx, dy, dir),
                want,
                "dx {dx}, dy {dy}, heading {dir}"
            );
        }
        assert_eq!(gap(3.0, 5.0, 9.0), 2.0);
        assert_eq!(gap(7.0, 5.0, 9.0), 0.0);
        assert_eq!(gap(12.0, 5.0, 9.0), -3.0);
    }

    /// The estimate of what is left only speeds the search up: on random boards every guided
    /// route costs what the cheapest route found by cost alone costs.
    #[test]
    fn guided_routes_cost_what_the_cheapest_routes_cost() {
        let mut seed = 11u32;
        let mut next = |n: u32| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            ((seed >> 8) % n) as f32
        };
        let mut compared = 0;
        for _ in 0..60 {
            let boxes: Vec<Rect> = (0..10)
                .map(|_| Rect::new(next(900) + 20.0, next(700) + 20.0, next(80) + 40.0, 30.0))
                .collect();
            let canvas = Rect::new(0.0, 0.0, 1100.0, 850.0);
            for pair in boxes.windows(2) {
                if pair[0].inflate(LANE * 2.0).overlaps(&pair[1]) {
                    continue;
                }
                let fresh = || Router::new(canvas, &boxes, &boxes);
                let guided = fresh().search(pair[0], pair[1], true);
                let cheapest = fresh().search(pair[0], pair[1], false);
                match (guided, cheapest) {
                    (Some((_, g)), Some((_, c))) => {
                        assert!((g - c).abs() < 1e-3, "guided {g}, cheapest {c}");
                        compared += 1;
                    }
                    (g, c) => assert_eq!(g.is_some(), c.is_some()),
                }
            }
        }
        assert!(compared > 100, "only {compared} routes compared");
    }
}
