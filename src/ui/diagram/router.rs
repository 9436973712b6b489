//! Orthogonal connector routing over the gutters between boxes: the idea of ELK's orthogonal
//! router, Graphviz `splines=ortho` and draw.io's orthogonal connectors, cut down to what a
//! diagram whose boxes are known needs.
//!
//! The candidate lanes are the lines one lane-width off every obstacle's edges plus the centre
//! lines of the boxes; their crossings form a grid. A route is the cheapest grid path from a side
//! of one box to a side of the other (length, plus a penalty per bend, plus a little for running
//! along a lane another route already uses), leaving and entering the boxes at right angles.
//! Routes that still share a lane are then spread apart so each stays visible.

use std::cmp::Ordering;
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
}

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

/// A search state: the cost so far, and the cost so far plus the least the rest can cost (the
/// order the search explores in: A*, which finds the same cheapest route as exploring by cost
/// alone while visiting far fewer nodes).
#[derive(PartialEq)]
struct State {
    cost: f32,
    estimate: f32,
    node: usize,
    dir: u8,
}

impl Eq for State {}

impl Ord for State {
    fn cmp(&self, o: &Self) -> Ordering {
        o.estimate.total_cmp(&self.estimate)
    }
}

impl PartialOrd for State {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
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
        }
    }

    /// The grid nodes just outside `r`, each with the point on `r`'s border it connects to and
    /// the direction (0 right, 1 down, 2 left, 3 up) pointing away from `r`.
    fn ports(&self, r: Rect) -> Vec<(usize, Point, u8)> {
        let nx = self.xs.len();
        let mut out = Vec::new();
        let near = |v: f32, want: f32| (v - want).abs() < 3.5;
        // The stub is checked from a little outside the box, clear of its own grown outline.
        let clear = |a: Point, b: Point| {
            let (dx, dy) = ((b.x - a.x).signum() * 3.0, (b.y - a.y).signum() * 3.0);
            let a = Point::new(a.x + dx, a.y + dy);
            !self.obstacles.iter().any(|o| o.cut_by(a, b))
        };
        for (i, &x) in self.xs.iter().enumerate() {
            if x <= r.x + 4.0 || x >= r.right() - 4.0 {
                continue;
            }
            for (j, &y) in self.ys.iter().enumerate() {
                let (edge, dir) = if near(y, r.y - LANE) {
                    (r.y, 3)
                } else if near(y, r.bottom() + LANE) {
                    (r.bottom(), 1)
                } else {
                    continue;
                };
                let (a, b) = (Point::new(x, edge), Point::new(x, y));
                if clear(a, b) {
                    out.push((j * nx + i, a, dir));
                }
            }
        }
        for (j, &y) in self.ys.iter().enumerate() {
            if y <= r.y + 4.0 || y >= r.bottom() - 4.0 {
                continue;
            }
            for (i, &x) in self.xs.iter().enumerate() {
                let (edge, dir) = if near(x, r.x - LANE) {
                    (r.x, 2)
                } else if near(x, r.right() + LANE) {
                    (r.right(), 0)
                } else {
                    continue;
                };
                let (a, b) = (Point::new(edge, y), Point::new(x, y));
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
        let nx = self.xs.len();
        let n = nx * self.ys.len();
        let starts = self.ports(from);
        let ends = self.ports(to);
        if starts.is_empty() || ends.is_empty() {
            return None;
        }
        let node = |k: usize| Point::new(self.xs[k % nx], self.ys[k / nx]);
        // Every step costs at least its length, so the distance to the nearest end never
        // overestimates what is left.
        let end_points: Vec<Point> = ends.iter().map(|&(e, _, _)| node(e)).collect();
        let rest = |k: usize| {
            let p = node(k);
            end_points
                .iter()
                .map(|q| (q.x - p.x).abs() + (q.y - p.y).abs())
                .fold(f32::INFINITY, f32::min)
        };
        let mut best = vec![f32::INFINITY; n * 4];
        let mut back: Vec<u32> = vec![u32::MAX; n * 4];
        let mut heap = BinaryHeap::new();
        for &(k, p, dir) in &starts {
            let q = node(k);
            let cost = (q.x - p.x).abs() + (q.y - p.y).abs();
            let s = k * 4 + dir as usize;
            if cost < best[s] {
                best[s] = cost;
                heap.push(State {
                    cost,
                    estimate: cost + rest(k),
                    node: k,
                    dir,
                });
            }
        }
        let mut done: Option<(usize, f32)> = None;
        while let Some(State {
            cost,
            estimate,
            node: k,
            dir,
        }) = heap.pop()
        {
            let s = k * 4 + dir as usize;
            if cost > best[s] {
                continue;
            }
            if let Some((_, c)) = done {
                if estimate >= c {
                    break;
                }
            }
            for &(e, p, edir) in &ends {
                if e == k {
                    let q = node(k);
                    // Arriving must enter the box head-on: the port's direction reversed.
                    let turn = if (edir + 2) % 4 == dir { 0.0 } else { BEND };
                    let total = cost + (q.x - p.x).abs() + (q.y - p.y).abs() + turn;
                    if done.is_none_or(|(_, c)| total < c) {
                        done = Some((s, total));
                    }
                }
            }
            let (i, j) = (k % nx, k / nx);
            for nd in 0..4u8 {
                let (next, free, used, len) = match nd {
                    0 if i + 1 < nx => (
                        k + 1,
                        self.free_h[k],
                        self.used_h[k],
                        self.xs[i + 1] - self.xs[i],
                    ),
                    2 if i > 0 => (
                        k - 1,
                        self.free_h[k - 1],
                        self.used_h[k - 1],
                        self.xs[i] - self.xs[i - 1],
                    ),
                    1 if j + 1 < self.ys.len() => (
                        k + nx,
                        self.free_v[k],
                        self.used_v[k],
                        self.ys[j + 1] - self.ys[j],
                    ),
                    3 if j > 0 => (
                        k - nx,
                        self.free_v[k - nx],
                        self.used_v[k - nx],
                        self.ys[j] - self.ys[j - 1],
                    ),
                    _ => continue,
                };
                if !free || nd == (dir + 2) % 4 {
                    continue;
                }
                let turn = if nd == dir { 0.0 } else { BEND };
                let c = cost + len * (1.0 + SHARED * f32::from(used)) + turn;
                let ns = next * 4 + nd as usize;
                if c < best[ns] {
                    best[ns] = c;
                    back[ns] = s as u32;
                    heap.push(State {
                        cost: c,
                        estimate: c + rest(next),
                        node: next,
                        dir: nd,
                    });
                }
            }
        }
        let (mut s, _) = done?;
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
        Some(simplify(points))
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
}
