//! The living diagram: the scenario's networks and places, and the trace's events drawn up to the
//! current step. Nothing here decides anything; `ui::network` lays out, the model simulates.

use yew::prelude::*;

use crate::model::{Event, EventKind, Place, Trace, Verdict};
use crate::ui::geometry::{arrowhead, Point};
use crate::ui::network::{NetworkLayout, Spot, VIEW_BOX};

#[derive(Properties, PartialEq)]
pub struct NetworkDiagramProps {
    pub layout: NetworkLayout,
    pub trace: std::rc::Rc<Trace>,
    /// How many events are shown.
    pub step: usize,
    /// Draw the current event's packet travelling along its arrow (off for reduced motion).
    #[prop_or_default]
    pub motion: bool,
}

fn f(v: f32) -> String {
    format!("{v:.1}")
}

fn spot_view(spot: &Spot, filter_on: bool) -> Html {
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
    let filter = (spot.place == Place::PublicEndpoint && filter_on).then(|| {
        html! {
            <g class="filter-badge" aria-hidden="true">
                <rect x={f(r.x + 8.0)} y={f(r.y + r.h - 20.0)} width={f(r.w - 16.0)} height="16" rx="3" />
                <text x={f(r.x + r.w / 2.0)} y={f(r.y + r.h - 8.0)} text-anchor="middle">{ "authorized ranges filter" }</text>
            </g>
        }
    });
    let lines: Vec<&str> = if spot.sub.is_empty() {
        Vec::new()
    } else {
        spot.sub.split('\n').collect()
    };
    let extra = lines.len().saturating_sub(1) as f32 * 15.0;
    let (label_y, sub_y) = if filter.is_some() {
        (r.y + 20.0, r.y + 36.0)
    } else {
        (
            r.y + r.h / 2.0 - 3.0 - extra / 2.0,
            r.y + r.h / 2.0 + 15.0 - extra / 2.0,
        )
    };
    let sub: Html = lines
        .iter()
        .enumerate()
        .map(|(i, line)| html! {
            <text class="spot-sub" x={f(r.x + r.w / 2.0)} y={f(sub_y + i as f32 * 15.0)} text-anchor="middle" aria-hidden="true">{ *line }</text>
        })
        .collect();
    html! {
        <g class={classes} data-place={spot.place.as_str()} role={spot.present.then_some("img")}
           aria-label={spot.present.then_some(name)} aria-hidden={(!spot.present).then_some("true")}>
            <rect class="spot-box" x={f(r.x)} y={f(r.y)} width={f(r.w)} height={f(r.h)} rx="7" />
            <text class="spot-label" x={f(r.x + r.w / 2.0)} y={f(label_y)} text-anchor="middle" aria-hidden="true">{ spot.label }</text>
            { sub }
            { filter.unwrap_or_default() }
        </g>
    }
}

/// The two ends of an event's arrow, on the edges of its boxes; answers run alongside queries.
fn ends(layout: &NetworkLayout, e: &Event) -> Option<(Point, Point)> {
    let from = layout.spot(e.from)?.rect;
    let to = layout.spot(e.to)?.rect;
    let (a, b) = (
        from.edge_towards(to.center()),
        to.edge_towards(from.center()),
    );
    if e.kind != EventKind::DnsAnswer {
        return Some((a, b));
    }
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len = (dx * dx + dy * dy).sqrt().max(1.0);
    let (ox, oy) = (-dy / len * 7.0, dx / len * 7.0);
    Some((
        Point::new(a.x + ox, a.y + oy),
        Point::new(b.x + ox, b.y + oy),
    ))
}

fn event_view(
    layout: &NetworkLayout,
    index: usize,
    e: &Event,
    current: bool,
    packet: Option<&NodeRef>,
) -> Html {
    let Some((a, b)) = ends(layout, e) else {
        return Html::default();
    };
    if a == b {
        return Html::default();
    }
    let blocked = e.verdict == Verdict::Block;
    let classes = classes!(
        "event",
        e.kind.as_str(),
        e.verdict.as_str(),
        if current { "current" } else { "past" }
    );
    let mid = Point::new((a.x + b.x) / 2.0, (a.y + b.y) / 2.0);
    html! {
        <g class={classes} data-event={index.to_string()} aria-hidden="true">
            <line class="event-line" x1={f(a.x)} y1={f(a.y)} x2={f(b.x)} y2={f(b.y)} />
            <polygon class="event-head" points={arrowhead(a, b, 9.0)} />
            if blocked {
                <g class="block-mark">
                    <circle cx={f(b.x)} cy={f(b.y)} r="11" />
                    <path d={format!("M{} {} L{} {} M{} {} L{} {}", f(b.x - 5.0), f(b.y - 5.0), f(b.x + 5.0), f(b.y + 5.0), f(b.x + 5.0), f(b.y - 5.0), f(b.x - 5.0), f(b.y + 5.0))} />
                </g>
            }
            if let (true, Some(packet)) = (current, packet) {
                // SMIL motion: an SVG element, not a style, so it runs under a strict CSP. It
                // waits (`indefinite`) until the component starts it once it is in the page.
                <circle class="packet" r="6" cx={f(a.x)} cy={f(a.y)}>
                    <animateMotion ref={packet.clone()} dur="0.7s" fill="freeze" begin="indefinite"
                        path={format!("M0 0 L{} {}", f(b.x - a.x), f(b.y - a.y))} />
                </circle>
            }
            if current {
                <text class="event-label" x={f(mid.x)} y={f(mid.y - 6.0)} text-anchor="middle">
                    { if blocked { format!("{} (blocked)", e.label) } else { e.label.clone() } }
                </text>
            }
        </g>
    }
}

#[function_component(NetworkDiagram)]
pub fn network_diagram(props: &NetworkDiagramProps) -> Html {
    let packet = use_node_ref();
    {
        let packet = packet.clone();
        use_effect_with((props.step, props.trace.clone()), move |_| {
            #[cfg(target_arch = "wasm32")]
            if let Some(animation) = packet.cast::<web_sys::SvgAnimationElement>() {
                let _ = animation.begin_element();
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = packet;
        });
    }
    let layout = &props.layout;
    let areas: Html = layout
        .areas
        .iter()
        .map(|a| {
            let r = a.rect;
            html! {
                <g class={classes!("area", format!("area-{}", a.id), (!a.present).then_some("absent"))}
                   data-area={a.id} aria-hidden="true">
                    <rect class="area-box" x={f(r.x)} y={f(r.y)} width={f(r.w)} height={f(r.h)} rx="10" />
                    { for a.label.split('\n').enumerate().map(|(i, line)| html! {
                        <text class="area-label" x={f(r.x + 10.0)} y={f(r.y + 19.0 + i as f32 * 15.0)}>{ line.to_string() }</text>
                    }) }
                </g>
            }
        })
        .collect();
    let links: Html = layout
        .zone_links
        .iter()
        .map(|l| {
            html! {
                <g class="zone-link" data-link={l.to_area} aria-hidden="true">
                    <line x1={f(l.from.x)} y1={f(l.from.y)} x2={f(l.to.x)} y2={f(l.to.y)} />
                    <text x={f((l.from.x + l.to.x) / 2.0 + 6.0)} y={f((l.from.y + l.to.y) / 2.0)}>{ l.label }</text>
                </g>
            }
        })
        .collect();
    let spots: Html = layout
        .spots
        .iter()
        .map(|s| spot_view(s, layout.filter_on))
        .collect();
    let shown = props.step.min(props.trace.events.len());
    let events: Html = props.trace.events[..shown]
        .iter()
        .enumerate()
        .map(|(i, e)| {
            event_view(
                layout,
                i,
                e,
                i + 1 == shown,
                props.motion.then_some(&packet),
            )
        })
        .collect();
    let view_box = format!(
        "{} {} {} {}",
        VIEW_BOX.x, VIEW_BOX.y, VIEW_BOX.w, VIEW_BOX.h
    );
    html! {
        <svg class="diagram network" viewBox={view_box} role="group" data-testid="network-diagram"
             aria-label="Network diagram: clients, resolvers, networks and the API server endpoints of this scenario">
            { areas }
            { links }
            { spots }
            <g class="events">{ events }</g>
        </svg>
    }
}
