//! A scenario's diagram, routed: every line of its trace (and the zone links) as an orthogonal
//! route around the boxes, the current event's label where it collides with nothing, and a
//! legend, so a still image (prerender, export, screenshot) reads on its own.
//!
//! Routes are computed once for the whole trace, so a line keeps its lane while the animation
//! steps; only the label moves with the step.

use std::rc::Rc;

use crate::model::{Event, EventKind, Place, Trace, Verdict};
use crate::ui::diagram::metrics;
use crate::ui::diagram::router::{self, Router};
use crate::ui::geometry::{Point, Rect};
use crate::ui::network::{NetworkLayout, TextLine, TEXT_SIZE, TITLE_SIZE};

/// Height of the caption row (where a label goes when the picture has no room for it).
const CAPTION: f32 = 26.0;
/// Left margin of the caption and the legend.
const MARGIN: f32 = 16.0;

/// One event's line.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Route {
    /// From the event's first box to its last; empty for events that stay in one place.
    pub points: Vec<Point>,
    /// A node's established connection continues from the endpoint it enters to the API
    /// server behind it; empty otherwise.
    pub through: Vec<Point>,
}

/// A legend entry: a sample of the line style and its meaning.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    /// The CSS class of the sample (`legend-` and the kind of line it stands for).
    pub class: &'static str,
    pub from: Point,
    pub to: Point,
    pub text: TextLine,
}

/// The routed diagram.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    pub layout: NetworkLayout,
    /// One per trace event, same index.
    pub routes: Vec<Route>,
    /// One per zone link of the layout, same index.
    pub links: Vec<Vec<Point>>,
    pub legend: Vec<LegendEntry>,
    /// Baseline of the caption row.
    pub caption_y: f32,
    /// The whole drawing: picture, caption row and legend.
    pub canvas: Rect,
}

/// The places a line may touch: its ends, and the API server behind the endpoint a node's
/// established connection enters (it continues there).
pub fn ends(e: &Event) -> [Place; 3] {
    let through = continues_to_api(e);
    [
        e.from,
        e.to,
        if through { Place::ApiServer } else { e.from },
    ]
}

fn continues_to_api(e: &Event) -> bool {
    matches!(e.kind, EventKind::Tunnel | EventKind::Kubelet)
        && e.verdict == Verdict::Pass
        && e.to != Place::ApiServer
}

/// Everything no line may cross: present boxes and area titles.
fn obstacles(l: &NetworkLayout) -> Vec<Rect> {
    let mut out = Vec::new();
    for s in l.spots.iter().filter(|s| s.present) {
        out.push(s.rect);
    }
    for a in l.areas.iter().filter(|a| a.present) {
        for t in &a.title {
            out.push(t.rect());
        }
    }
    out
}

/// What a trace's lines depend on, one per event: the places it goes from and to, and whether
/// it continues from there to the API server. Traces with the same lines on the same layout route
/// the same, so the diagram routes again only when one of the two changes (typing a range, or
/// changing the egress of a private cluster, changes neither).
#[derive(Clone, Debug, PartialEq)]
pub struct Lines(Vec<(Place, Place, bool)>);

impl Lines {
    pub fn of(trace: &Trace) -> Lines {
        Lines(
            trace
                .events
                .iter()
                .map(|e| (e.from, e.to, continues_to_api(e)))
                .collect(),
        )
    }
}

/// The last routed scene, reused while the layout and the lines stay as they were (a typed range
/// changes neither): routing is most of what a change costs the diagram. The page keeps one per
/// diagram, and `benches/change.rs` one per measured change, so both route alike.
#[derive(Default)]
pub struct LastScene(Option<(Lines, Rc<Scene>)>);

impl LastScene {
    /// The scene of `lines` on `layout`: the last one when it is that, else routed now.
    pub fn scene(&mut self, layout: NetworkLayout, lines: Lines) -> Rc<Scene> {
        match &self.0 {
            Some((l, scene)) if *l == lines && scene.layout == layout => scene.clone(),
            _ => {
                let scene = Rc::new(routed(layout, &lines));
                self.0 = Some((lines, scene.clone()));
                scene
            }
        }
    }
}

/// Routes every line of `trace` on `layout`.
pub fn scene(layout: NetworkLayout, trace: &Trace) -> Scene {
    routed(layout, &Lines::of(trace))
}

/// Routes `lines` on `layout`: [`scene`] for a trace's [`Lines`].
pub fn routed(layout: NetworkLayout, lines: &Lines) -> Scene {
    let picture = Rect::new(0.0, 0.0, layout.canvas.w, layout.bottom);
    let boxes: Vec<Rect> = layout
        .spots
        .iter()
        .filter(|s| s.present)
        .map(|s| s.rect)
        .chain(layout.zone_links.iter().map(|z| z.target))
        .collect();
    let mut router = Router::new(picture, &obstacles(&layout), &boxes);
    let rect = |p: Place| layout.spot(p).map(|s| s.rect);
    let mut links: Vec<Vec<Point>> = layout
        .zone_links
        .iter()
        .map(|z| {
            rect(Place::PrivateZone)
                .and_then(|from| router.route(from, z.target))
                .unwrap_or_default()
        })
        .collect();
    let mut routes: Vec<Route> = Vec::with_capacity(lines.0.len());
    for &(from_place, to_place, continues) in &lines.0 {
        let (Some(from), Some(to)) = (rect(from_place), rect(to_place)) else {
            routes.push(Route::default());
            continue;
        };
        if from_place == to_place {
            routes.push(Route::default());
            continue;
        }
        let points = router.route(from, to).unwrap_or_default();
        let through = match (continues, rect(Place::ApiServer)) {
            (true, Some(api)) => router.route(to, api).unwrap_or_default(),
            _ => Vec::new(),
        };
        routes.push(Route { points, through });
    }
    // Spread lines that share a lane, all of them together.
    let mut all: Vec<Vec<Point>> = std::mem::take(&mut links);
    let n_links = all.len();
    for r in &mut routes {
        all.push(std::mem::take(&mut r.points));
        all.push(std::mem::take(&mut r.through));
    }
    router::spread(&mut all);
    let mut it = all.into_iter();
    links = it.by_ref().take(n_links).collect();
    for r in &mut routes {
        r.points = it.next().unwrap_or_default();
        r.through = it.next().unwrap_or_default();
    }
    let w = layout.canvas.w;
    let caption_y = layout.bottom + CAPTION - 8.0;
    let (legend, legend_bottom) = legend(w, layout.bottom + CAPTION);
    let canvas = Rect::new(0.0, 0.0, w, legend_bottom + 12.0);
    Scene {
        layout,
        routes,
        links,
        legend,
        caption_y,
        canvas,
    }
}

/// The legend: samples of each line style with their meaning, flowing in rows.
fn legend(w: f32, top: f32) -> (Vec<LegendEntry>, f32) {
    const ENTRIES: [(&str, &str); 8] = [
        ("legend-dns-query", "DNS query"),
        ("legend-dns-answer", "DNS answer"),
        ("legend-packet", "traffic"),
        ("legend-nat", "source NAT"),
        ("legend-kubelet", "kubelet"),
        ("legend-tunnel", "konnectivity tunnel"),
        ("legend-zone-link", "private zone link"),
        ("legend-block", "blocked (✕)"),
    ];
    let mut out = Vec::new();
    let (mut x, mut y) = (MARGIN, top + TEXT_SIZE);
    for (class, text) in ENTRIES {
        let tw = metrics::text_width(text, TEXT_SIZE, false);
        let width = 28.0 + 6.0 + tw;
        if x + width > w - MARGIN && x > MARGIN {
            x = MARGIN;
            y += TEXT_SIZE * 1.8;
        }
        let mid = y - TEXT_SIZE * 0.35;
        out.push(LegendEntry {
            class,
            from: Point::new(x, mid),
            to: Point::new(x + 28.0, mid),
            text: TextLine {
                text: text.to_string(),
                x: x + 34.0,
                y,
                size: TEXT_SIZE,
                bold: false,
                centred: false,
                class: "legend-text",
            },
        });
        x += width + 18.0;
    }
    (out, y + TEXT_SIZE * 0.4)
}

impl Scene {
    /// Every segment drawn for the first `shown` events and the zone links, with the index of
    /// the event it belongs to (`None` for zone links).
    pub fn segments(&self, shown: usize) -> Vec<(Option<usize>, Point, Point)> {
        let mut out = Vec::new();
        for pts in &self.links {
            out.extend(pts.windows(2).map(|w| (None, w[0], w[1])));
        }
        for (i, r) in self.routes.iter().take(shown).enumerate() {
            for pts in [&r.points, &r.through] {
                out.extend(pts.windows(2).map(|w| (Some(i), w[0], w[1])));
            }
        }
        out
    }

    /// Every text of the picture and the legend (not the event label), with its owner: a place,
    /// or `None` for area titles and the legend.
    pub fn texts(&self) -> Vec<(Option<Place>, &TextLine)> {
        let mut out = Vec::new();
        for s in self.layout.spots.iter().filter(|s| s.present) {
            for t in &s.lines {
                out.push((Some(s.place), t));
            }
        }
        for a in self.layout.areas.iter().filter(|a| a.present) {
            for t in &a.title {
                out.push((None, t));
            }
        }
        for e in &self.legend {
            out.push((None, &e.text));
        }
        out
    }

    /// The label of event `index` (the current one when `shown = index + 1`), placed along its
    /// line where it touches no box, text or line, else in the caption row under the picture.
    pub fn label(&self, trace: &Trace, index: usize, shown: usize) -> Option<TextLine> {
        let e = trace.events.get(index)?;
        let route = self.routes.get(index)?;
        if route.points.len() < 2 {
            return None;
        }
        let max = (self.canvas.w - 2.0 * MARGIN).min(320.0);
        let raw = if e.verdict == Verdict::Block {
            format!("{} (blocked)", e.label)
        } else {
            e.label.clone()
        };
        let text = metrics::fit(&raw, TITLE_SIZE, true, max);
        let line = |x: f32, y: f32, centred: bool| TextLine {
            text: text.clone(),
            x,
            y,
            size: TITLE_SIZE,
            bold: true,
            centred,
            class: "event-label",
        };
        let picture = Rect::new(0.0, 0.0, self.canvas.w, self.layout.bottom);
        let mut taken: Vec<Rect> = self.texts().iter().map(|(_, t)| t.rect()).collect();
        for s in self.layout.spots.iter().filter(|s| s.present) {
            taken.push(s.rect);
        }
        let segments = self.segments(shown);
        // Beside the middle of each leg: right of a vertical one, above a horizontal one.
        for w in route.points.windows(2) {
            let (a, b) = (w[0], w[1]);
            let m = a.midpoint(b);
            let t = if (a.x - b.x).abs() < 0.01 {
                line(m.x + 8.0, m.y + 4.0, false)
            } else {
                line(m.x, m.y - 7.0, true)
            };
            let r = t.rect().inflate(2.0);
            if picture.contains(&r)
                && !taken.iter().any(|o| o.overlaps(&r))
                && !segments.iter().any(|(_, a, b)| r.cut_by(*a, *b))
            {
                return Some(t);
            }
        }
        Some(line(MARGIN, self.caption_y, false))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{simulate, ClientKind, Mode, Scenario};
    use crate::ui::network::{layout, LayoutKind};

    /// The layout and the lines of `s`, the two things the diagram routes from.
    fn routed_from(s: &Scenario) -> (NetworkLayout, Lines) {
        (layout(s, LayoutKind::Wide), Lines::of(&simulate(s)))
    }

    #[test]
    fn typing_a_range_that_keeps_the_outcome_leaves_the_lines_to_route_as_they_were() {
        let with = |ranges: &str| Scenario {
            mode: Mode::Authorized,
            ranges: Some(ranges.into()),
            ..Scenario::default()
        };
        let before = with("81.56.12.7/32,20.10.0.1/32");
        let after = with("81.56.12.7/32,20.10.0.2/32");
        assert_eq!(routed_from(&before), routed_from(&after));
        assert_eq!(
            scene(layout(&after, LayoutKind::Wide), &simulate(&after)),
            routed(routed_from(&before).0, &routed_from(&before).1)
        );
        // Leaving the laptop out blocks it: its line ends at the filter, routed again.
        let refused = with("20.10.0.2/32");
        assert_ne!(routed_from(&before).1, routed_from(&refused).1);
    }

    #[test]
    fn another_client_is_another_set_of_lines() {
        let laptop = Scenario::default();
        let vm = Scenario {
            client: ClientKind::Vm,
            ..Scenario::default()
        };
        assert_ne!(routed_from(&laptop), routed_from(&vm));
    }
}
