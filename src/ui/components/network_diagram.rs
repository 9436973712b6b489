//! The living diagram: the scenario's networks and places, and the trace's events drawn up to the
//! current step along routed lines. Nothing here decides anything: `ui::network` lays out for the
//! width the diagram has, `ui::diagram::scene` routes and places labels, the model simulates.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::{EventKind, Scenario, Trace, Verdict};
use crate::ui::diagram::scene::{scene, Scene};
use crate::ui::geometry::{arrowhead, Point};
use crate::ui::network::{layout, LayoutKind, Spot, TextLine};

#[derive(Properties, PartialEq)]
pub struct NetworkDiagramProps {
    pub scenario: Rc<Scenario>,
    pub trace: Rc<Trace>,
    /// How many events are shown.
    pub step: usize,
    /// Draw the current event's packet travelling along its line (off for reduced motion).
    #[prop_or_default]
    pub motion: bool,
    /// The width (CSS px) to lay out for before the browser measures the container: the
    /// prerendered page and exports pass theirs.
    #[prop_or(1000.0)]
    pub width: f32,
}

/// One decimal is plenty for SVG coordinates. Not inlined: it is called at every coordinate.
#[inline(never)]
fn f(v: f32) -> String {
    crate::ui::geometry::tenths(v)
}

fn text_view(t: &TextLine) -> Html {
    html! {
        <text class={t.class} x={f(t.x)} y={f(t.y)} text-anchor={if t.centred { "middle" } else { "start" }}>{ t.text.clone() }</text>
    }
}

fn spot_view(spot: &Spot) -> Html {
    let r = spot.rect;
    let classes = classes!(
        "spot",
        spot.active.then_some("active"),
        (!spot.present).then_some("absent")
    );
    let name = if spot.active {
        format!("{} (runs kubectl): {}", spot.label, spot.description)
    } else {
        format!("{}: {}", spot.label, spot.description)
    };
    html! {
        <g class={classes} data-place={spot.place.as_str()} role={spot.present.then_some("img")}
           aria-label={spot.present.then_some(name)} aria-hidden={(!spot.present).then_some("true")}>
            <rect class="spot-box" x={f(r.x)} y={f(r.y)} width={f(r.w)} height={f(r.h)} rx="7" />
            { for spot.lines.iter().map(text_view) }
        </g>
    }
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

fn line_view(points: &[Point], class: &'static str) -> Html {
    let (Some(&a), Some(&b)) = (points.get(points.len().wrapping_sub(2)), points.last()) else {
        return Html::default();
    };
    html! {
        <g class={class}>
            <path class="event-line" d={rounded_path(points)} fill="none" />
            <polygon class="event-head" points={arrowhead(a, b, 9.0)} />
        </g>
    }
}

fn event_view(s: &Scene, trace: &Trace, index: usize, shown: usize, motion: bool) -> Html {
    let (Some(e), Some(route)) = (trace.events.get(index), s.routes.get(index)) else {
        return Html::default();
    };
    let Some(&end) = route.points.last() else {
        return Html::default();
    };
    let current = index + 1 == shown;
    let classes = classes!(
        "event",
        e.kind.as_str(),
        e.verdict.as_str(),
        if current { "current" } else { "past" }
    );
    let label = if current {
        s.label(trace, index, shown)
    } else {
        None
    };
    html! {
        <g class={classes} data-event={index.to_string()} data-from={e.from.as_str()} data-to={e.to.as_str()} aria-hidden="true">
            { line_view(&route.points, "route") }
            if !route.through.is_empty() {
                { line_view(&route.through, "route through") }
            }
            if let (EventKind::Tunnel, Verdict::Pass, [first, second, ..]) = (e.kind, e.verdict, route.points.as_slice()) {
                // The way back: API server → kubelet rides inside the connection the agent dialled.
                <polygon class="event-head tunnel-back" points={arrowhead(*second, *first, 9.0)} />
            }
            if e.verdict == Verdict::Block {
                <g class="block-mark" transform={format!("translate({} {})", f(end.x), f(end.y))}>
                    <circle r="10" />
                    <path d="M-5 -5 L5 5 M5 -5 L-5 5" />
                </g>
            }
            if current && motion {
                // SMIL motion along the routed line: an SVG element, not a style, so it runs
                // under a strict CSP. It starts when the component begins it once in the page;
                // until then (a prerendered page) the packet is hidden, not left at the origin.
                <circle class="packet" r="6" cx="0" cy="0" visibility="hidden">
                    <set attributeName="visibility" to="visible" fill="freeze" begin="indefinite" />
                    <animateMotion dur="0.8s" fill="freeze" begin="indefinite" path={rounded_path(&route.points)} />
                </circle>
            }
            { label.as_ref().map(text_view).unwrap_or_default() }
        </g>
    }
}

fn legend_view(s: &Scene) -> Html {
    html! {
        <g class="legend" aria-hidden="true">
            { for s.legend.iter().map(|e| html! {
                <g class={classes!("legend-sample", e.class)}>
                    <line x1={f(e.from.x)} y1={f(e.from.y)} x2={f(e.to.x)} y2={f(e.to.y)} />
                    if e.class == "legend-block" {
                        <path class="block-x" transform={format!("translate({} {})", f(e.to.x), f(e.to.y))} d="M-4 -4 l8 8 m0 -8 l-8 8" />
                    }
                    { text_view(&e.text) }
                </g>
            }) }
        </g>
    }
}

/// The width of the element, once the browser has laid it out; follows it as it changes.
#[hook]
fn use_container_width(node: NodeRef, initial: f32) -> f32 {
    let width = use_state(|| initial);
    {
        let width = width.clone();
        use_effect_with(node, move |node| {
            #[cfg(target_arch = "wasm32")]
            {
                use wasm_bindgen::closure::Closure;
                use wasm_bindgen::JsCast;
                let observer = node.cast::<web_sys::Element>().and_then(|el| {
                    let on_resize =
                        Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
                            if let Ok(entry) =
                                entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>()
                            {
                                let w = entry.content_rect().width() as f32;
                                if w > 0.0 {
                                    width.set(w);
                                }
                            }
                        });
                    let observer =
                        web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
                    observer.observe(&el);
                    Some((observer, on_resize))
                });
                move || {
                    if let Some((observer, _closure)) = observer {
                        observer.disconnect();
                    }
                }
            }
            #[cfg(not(target_arch = "wasm32"))]
            {
                let _ = (node, width);
                || ()
            }
        });
    }
    *width
}

#[function_component(NetworkDiagram)]
pub fn network_diagram(props: &NetworkDiagramProps) -> Html {
    let container = use_node_ref();
    let width = use_container_width(container.clone(), props.width);
    let kind = LayoutKind::for_width(width);
    let scene = use_memo(
        (props.scenario.clone(), props.trace.clone(), kind),
        |(s, t, kind)| scene(layout(s, *kind), t),
    );
    let shown = props.step.min(props.trace.events.len());
    {
        // Start the current packet once it is in the page (SMIL `begin="indefinite"`).
        let container = container.clone();
        use_effect_with((props.step, props.trace.clone(), kind), move |_| {
            #[cfg(target_arch = "wasm32")]
            if let Some(el) = container.cast::<web_sys::Element>() {
                use wasm_bindgen::JsCast;
                if let Ok(found) = el.query_selector_all(".event.current .packet > *") {
                    for i in 0..found.length() {
                        if let Some(Ok(a)) = found
                            .item(i)
                            .map(|n| n.dyn_into::<web_sys::SvgAnimationElement>())
                        {
                            let _ = a.begin_element();
                        }
                    }
                }
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = container;
        });
    }
    let s: &Scene = &scene;
    let l = &s.layout;
    let areas: Html = l
        .areas
        .iter()
        .map(|a| {
            let r = a.rect;
            html! {
                <g class={classes!("area", a.nested.then_some("subnet"), (!a.present).then_some("absent"))}
                   data-area={a.id} aria-hidden="true">
                    <rect class="area-box" x={f(r.x)} y={f(r.y)} width={f(r.w)} height={f(r.h)} rx="10" />
                    { for a.title.iter().map(text_view) }
                </g>
            }
        })
        .collect();
    let links: Html = l
        .zone_links
        .iter()
        .zip(&s.links)
        .map(|(z, pts)| {
            html! {
                <g class="zone-link" data-link={z.to_area} aria-hidden="true">
                    <path d={rounded_path(pts)} fill="none" />
                </g>
            }
        })
        .collect();
    let events: Html = (0..shown)
        .map(|i| event_view(s, &props.trace, i, shown, props.motion))
        .collect();
    let view_box = format!("0 0 {} {}", f(s.canvas.w), f(s.canvas.h));
    html! {
        <div class="diagram-fit" ref={container}>
            <svg class="diagram network" viewBox={view_box} role="group" data-testid="network-diagram"
                 data-layout={kind.as_str()}
                 aria-label="Network diagram: clients, resolvers, networks and the API server endpoints of this scenario">
                { areas }
                { links }
                { for l.spots.iter().map(spot_view) }
                <g class="events">{ events }</g>
                { legend_view(s) }
            </svg>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::simulate;

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

    /// Draws every event of every scenario in every layout as the current one, with a long
    /// cluster name, so no label, route or motion path can panic the widget.
    #[test]
    fn every_event_of_every_scenario_draws_without_panicking() {
        use crate::model::{ClientKind, DnsZone, Mode};
        let mut drawn = 0;
        for &mode in Mode::ALL {
            for &dns in DnsZone::ALL {
                for &client in ClientKind::ALL {
                    let mut s = Scenario {
                        mode,
                        client,
                        ..Scenario::default()
                    };
                    s.dns = matches!(mode, Mode::Private).then_some(dns);
                    s.cluster.name =
                        "a-very-long-cluster-name-that-makes-every-fqdn-label-long".into();
                    let trace = simulate(&s);
                    for kind in LayoutKind::ALL {
                        let sc = scene(layout(&s, kind), &trace);
                        for i in 0..trace.events.len() {
                            let _ = event_view(&sc, &trace, i, i + 1, true);
                            drawn += 1;
                        }
                    }
                }
            }
        }
        assert!(drawn > 500, "the matrix draws many events ({drawn})");
    }
}
