//! The living diagram: the scenario's networks and places, and the trace's events drawn up to the
//! current step along routed lines. Nothing here decides anything: `ui::network` lays out for the
//! width the diagram has, `ui::diagram::scene` routes and places labels, the model simulates.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::{EventKind, Scenario, Trace, Verdict};
use crate::ui::diagram::scene::{scene, Scene};
use crate::ui::diagram::svg::{
    anchor, area_class, event_class, last_leg, spot_class, spot_name, translate, view_box,
    ARIA_LABEL, BLOCK_X, HEAD, LEGEND_X,
};
use crate::ui::geometry::{arrowhead, f, rounded_path, Point};
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

fn text_view(t: &TextLine) -> Html {
    html! {
        <text class={t.class} x={f(t.x)} y={f(t.y)} text-anchor={anchor(t)}>{ t.text.clone() }</text>
    }
}

fn spot_view(spot: &Spot) -> Html {
    let r = spot.rect;
    html! {
        <g class={spot_class(spot)} data-place={spot.place.as_str()} role={spot.present.then_some("img")}
           aria-label={spot.present.then(|| spot_name(spot))} aria-hidden={(!spot.present).then_some("true")}>
            <rect class="spot-box" x={f(r.x)} y={f(r.y)} width={f(r.w)} height={f(r.h)} rx="7" />
            { for spot.lines.iter().map(text_view) }
        </g>
    }
}

fn line_view(points: &[Point], class: &'static str) -> Html {
    let Some((a, b)) = last_leg(points) else {
        return Html::default();
    };
    html! {
        <g class={class}>
            <path class="event-line" d={rounded_path(points)} fill="none" />
            <polygon class="event-head" points={arrowhead(a, b, HEAD)} />
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
    let label = if current {
        s.label(trace, index, shown)
    } else {
        None
    };
    html! {
        <g class={event_class(e, current)} data-event={index.to_string()} data-from={e.from.as_str()} data-to={e.to.as_str()} aria-hidden="true">
            { line_view(&route.points, "route") }
            if !route.through.is_empty() {
                { line_view(&route.through, "route through") }
            }
            if let (EventKind::Tunnel, Verdict::Pass, [first, second, ..]) = (e.kind, e.verdict, route.points.as_slice()) {
                // The way back: API server → kubelet rides inside the connection the agent dialled.
                <polygon class="event-head tunnel-back" points={arrowhead(*second, *first, HEAD)} />
            }
            if e.verdict == Verdict::Block {
                <g class="block-mark" transform={translate(end)}>
                    <circle r="10" />
                    <path d={BLOCK_X} />
                </g>
            }
            if current && motion {
                // SMIL motion along the routed line: an SVG element, not a style, so it runs
                // under a strict CSP. It starts when the component begins it once in the page.
                <circle class="packet" r="6" cx="0" cy="0">
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
                        <path class="block-x" transform={translate(e.to)} d={LEGEND_X} />
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
                if let Ok(Some(a)) = el.query_selector(".event.current animateMotion") {
                    if let Ok(a) = a.dyn_into::<web_sys::SvgAnimationElement>() {
                        let _ = a.begin_element();
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
                <g class={area_class(a)}
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
    html! {
        <div class="diagram-fit" ref={container}>
            <svg class="diagram network" viewBox={view_box(s)} role="group" data-testid="network-diagram"
                 data-layout={kind.as_str()}
                 aria-label={ARIA_LABEL}>
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
