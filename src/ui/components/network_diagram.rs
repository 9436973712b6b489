//! The living diagram: the scenario's networks and places, and the trace's events drawn up to the
//! current step. Nothing here decides anything; `ui::network` lays out, the model simulates.

use yew::prelude::*;

use crate::model::{Event, EventKind, Place, Trace, Tunnel, Verdict};
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
    // Answers run beside their query; the kubelet's line runs beside the tunnel (which keeps the
    // straight line, its way back on the other side), so both connections stay visible.
    let side = match e.kind {
        EventKind::DnsAnswer => 7.0,
        EventKind::Kubelet => -9.0,
        _ => return Some((a, b)),
    };
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len = (dx * dx + dy * dy).sqrt().max(1.0);
    let (ox, oy) = (-dy / len * side, dx / len * side);
    Some((
        Point::new(a.x + ox, a.y + oy),
        Point::new(b.x + ox, b.y + oy),
    ))
}

/// The segments an event's arrow is drawn as. Most events are one segment between two boxes; the
/// node's established connections (kubelet, tunnel) continue from the endpoint they enter to the
/// API server behind it, because that is where they really end.
fn segments(layout: &NetworkLayout, e: &Event) -> Vec<(Point, Point)> {
    let Some((a, b)) = ends(layout, e) else {
        return Vec::new();
    };
    let mut out = vec![(a, b)];
    let through = matches!(e.kind, EventKind::Tunnel | EventKind::Kubelet)
        && e.verdict == Verdict::Pass
        && e.to != Place::ApiServer;
    if let (true, Some(endpoint), Some(api)) =
        (through, layout.spot(e.to), layout.spot(Place::ApiServer))
    {
        let exit = endpoint.rect.edge_towards(api.rect.center());
        let enter = api.rect.edge_towards(endpoint.rect.center());
        // The kubelet's continuation runs beside the tunnel's, as its first leg does.
        let by = if e.kind == EventKind::Kubelet {
            let (dx, dy) = (enter.x - exit.x, enter.y - exit.y);
            let len = (dx * dx + dy * dy).sqrt().max(1.0);
            (dy / len * 9.0, -dx / len * 9.0)
        } else {
            (0.0, 0.0)
        };
        out.push((offset(exit, by), offset(enter, by)));
    }
    out
}

fn offset(p: Point, by: (f32, f32)) -> Point {
    Point::new(p.x + by.0, p.y + by.1)
}

/// The way back through an established konnectivity tunnel: the API server reaching kubelet on
/// 10250 (logs, exec, port-forward, webhooks) rides inside the connection the agent dialled out.
fn tunnel_return(segs: &[(Point, Point)]) -> Html {
    let lines: Html = segs
        .iter()
        .rev()
        .map(|&(a, b)| {
            let (dx, dy) = (b.x - a.x, b.y - a.y);
            let len = (dx * dx + dy * dy).sqrt().max(1.0);
            let by = (dy / len * 8.0, -dx / len * 8.0);
            let (from, to) = (offset(b, by), offset(a, by));
            html! {
                <>
                    <line class="event-line" x1={f(from.x)} y1={f(from.y)} x2={f(to.x)} y2={f(to.y)} />
                    <polygon class="event-head" points={arrowhead(from, to, 8.0)} />
                </>
            }
        })
        .collect();
    html! { <g class="tunnel-return">{ lines }</g> }
}

fn event_view(
    layout: &NetworkLayout,
    index: usize,
    e: &Event,
    current: bool,
    packet: Option<&NodeRef>,
    tunnel: Tunnel,
) -> Html {
    let segs = segments(layout, e);
    let (Some(&(a, _)), Some(&(last_from, b))) = (segs.first(), segs.last()) else {
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
    // The label sits on the longest segment, where it has room.
    let (la, lb) = segs
        .iter()
        .copied()
        .max_by(|x, y| seg_len(*x).total_cmp(&seg_len(*y)))
        .unwrap_or((a, b));
    let text = if blocked {
        format!("{} (blocked)", e.label)
    } else {
        e.label.clone()
    };
    // Keep the label inside the picture: about 8.6 user units per character at 13 px bold.
    let half = text.chars().count() as f32 * 4.3 + 6.0;
    let mid = Point::new(label_x((la.x + lb.x) / 2.0, half), (la.y + lb.y) / 2.0);
    let lines: Html = segs
        .iter()
        .map(|&(p, q)| html! { <line class="event-line" x1={f(p.x)} y1={f(p.y)} x2={f(q.x)} y2={f(q.y)} /> })
        .collect();
    let motion: String = segs
        .iter()
        .enumerate()
        .map(|(i, &(p, q))| {
            let start = if i == 0 {
                format!("M{} {}", f(p.x - a.x), f(p.y - a.y))
            } else {
                format!(" L{} {}", f(p.x - a.x), f(p.y - a.y))
            };
            format!("{start} L{} {}", f(q.x - a.x), f(q.y - a.y))
        })
        .collect();
    html! {
        <g class={classes} data-event={index.to_string()} data-from={e.from.as_str()} data-to={e.to.as_str()} aria-hidden="true">
            { lines }
            <polygon class="event-head" points={arrowhead(last_from, b, 9.0)} />
            if e.kind == EventKind::Tunnel && tunnel == Tunnel::Konnectivity {
                { tunnel_return(&segs) }
            }
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
                    <animateMotion ref={packet.clone()} dur="0.7s" fill="freeze" begin="indefinite" path={motion} />
                </circle>
            }
            if current {
                <text class="event-label" x={f(mid.x)} y={f(mid.y - 8.0)} text-anchor="middle">
                    { text }
                </text>
            }
        </g>
    }
}

/// Where a label `half` units wide on each side goes so it stays inside the picture; a label wider
/// than the picture is centred on it.
fn label_x(x: f32, half: f32) -> f32 {
    let (lo, hi) = (VIEW_BOX.x + half, VIEW_BOX.x + VIEW_BOX.w - half);
    if lo <= hi {
        x.clamp(lo, hi)
    } else {
        VIEW_BOX.x + VIEW_BOX.w / 2.0
    }
}

fn seg_len((a, b): (Point, Point)) -> f32 {
    ((b.x - a.x).powi(2) + (b.y - a.y).powi(2)).sqrt()
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
                props.trace.tunnel,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_stay_inside_the_picture_whatever_their_length() {
        assert_eq!(label_x(10.0, 50.0), 50.0);
        assert_eq!(label_x(990.0, 50.0), 950.0);
        assert_eq!(label_x(400.0, 50.0), 400.0);
        assert_eq!(
            label_x(10.0, 600.0),
            500.0,
            "wider than the picture: centred, no panic"
        );
    }

    /// Draws every event of every client in every mode and zone as the current one, with a long
    /// cluster name, so no label, offset or motion path can panic the widget.
    #[test]
    fn every_event_of_every_scenario_draws_without_panicking() {
        use crate::model::{simulate, ClientKind, DnsZone, Mode, Scenario};
        use crate::ui::network::layout;
        let packet = NodeRef::default();
        let mut drawn = 0;
        for &mode in Mode::ALL {
            for &dns in DnsZone::ALL {
                for &client in ClientKind::ALL {
                    for private in [false, true] {
                        let mut s = Scenario {
                            mode,
                            client,
                            private,
                            ..Scenario::default()
                        };
                        s.dns = matches!(mode, Mode::Private).then_some(dns);
                        s.cluster.name =
                            "a-very-long-cluster-name-that-makes-every-fqdn-label-long".into();
                        let l = layout(&s);
                        let trace = simulate(&s);
                        for (i, e) in trace.events.iter().enumerate() {
                            let _ = event_view(&l, i, e, true, Some(&packet), trace.tunnel);
                            drawn += 1;
                        }
                    }
                }
            }
        }
        assert!(drawn > 500, "the matrix draws many events ({drawn})");
    }
}
