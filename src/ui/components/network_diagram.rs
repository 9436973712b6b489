//! The living diagram: the scenario's networks and places, and the trace's events drawn up to the
//! current step along routed lines. Nothing here decides anything: `ui::network` lays out for the
//! width the diagram has, `ui::diagram::scene` routes and places labels, `ui::diagram::svg` draws
//! the elements (the same ones the SVG export writes), the model simulates.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::{Scenario, Trace};
use crate::ui::diagram::scene::{LastScene, Lines, Scene};
use crate::ui::diagram::svg::{backdrop, events, frame, legend, view_box};
use crate::ui::network::{layout, LayoutKind};
use crate::ui::svg_parts::{to_html, to_html_around, to_html_list};

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
    crate::ui::renders::rendered("network-diagram");
    let container = use_node_ref();
    let width = use_container_width(container.clone(), props.width);
    let kind = LayoutKind::for_width(width);
    let last = use_mut_ref(LastScene::default);
    let scene = use_memo(
        (props.scenario.clone(), props.trace.clone(), kind),
        move |(s, t, kind)| last.borrow_mut().scene(layout(s, *kind), Lines::of(t)),
    );
    let scene: Rc<Scene> = (*scene).clone();
    let shown = props.step.min(props.trace.events.len());
    {
        // Send the current event's packet along its line once the layer is in the page.
        let container = container.clone();
        let scene = scene.clone();
        let motion = props.motion;
        // The travel playing now, stopped when the next starts.
        let travelling = use_mut_ref(|| None::<wasm_bindgen::JsValue>);
        use_effect_with((props.step, props.trace.clone(), kind, motion), move |_| {
            #[cfg(target_arch = "wasm32")]
            if let Some(layer) = container
                .cast::<web_sys::Element>()
                .and_then(|el| el.query_selector(".packet-layer").ok().flatten())
            {
                let points = shown
                    .checked_sub(1)
                    .filter(|_| motion)
                    .and_then(|i| scene.routes.get(i))
                    .map(|r| r.points.as_slice())
                    .unwrap_or_default();
                let frames =
                    crate::ui::diagram::packet::keyframes(points, scene.canvas.w, scene.canvas.h);
                send_packet(&layer, &frames, &mut travelling.borrow_mut());
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (container, scene, shown, motion, travelling);
        });
    }
    // Only the events change from one step to the next: the rest is a component of its own,
    // which Yew skips while the scene is the same one, so an animation step rebuilds and compares
    // a few elements, not the hundreds of the whole drawing.
    let svg = to_html_around(
        &frame(&scene),
        [
            html! { <SceneLayer scene={SharedScene(scene.clone())} part={Part::Backdrop} /> },
            to_html(&events(&scene, &props.trace, shown)),
            html! { <SceneLayer scene={SharedScene(scene.clone())} part={Part::Legend} /> },
        ],
    );
    // The packet's layer: the drawing's size and viewBox, the dot at its origin, moved by a
    // transform (see `ui::diagram::packet`); hidden until it travels, and never sent with
    // reduced motion. Always there, so the drawing beside it keeps its element when motion
    // turns off after hydration (Yew matches unkeyed siblings from the end).
    html! {
        <div class="diagram-fit" ref={container}>
            { svg }
            <div class="packet-layer" aria-hidden="true">
                <svg viewBox={view_box(&scene)} focusable="false">
                    <circle class="packet" r="6" cx="0" cy="0" />
                </svg>
            </div>
        </div>
    }
}

/// Plays `frames` on `layer` with the Web Animations API (a composited transform), after
/// stopping the last travel (`travelling`, which then holds this one); with no frames the dot
/// stays hidden. The last travel is kept rather than asked for with `getAnimations()`, which
/// brings the page's style up to date first: about 4 ms of every step. Called by name
/// ([`crate::ui::js_method`]), as web-sys would need two more features for two calls.
#[cfg(target_arch = "wasm32")]
fn send_packet(
    layer: &web_sys::Element,
    frames: &[crate::ui::diagram::packet::Keyframe],
    travelling: &mut Option<wasm_bindgen::JsValue>,
) {
    use crate::ui::js_method::{call0, method};
    use js_sys::{Array, Object, Reflect};
    use wasm_bindgen::JsValue;
    if let Some(last) = travelling.take() {
        call0(&last, "cancel");
    }
    let (Some(animate), false) = (method(layer, "animate"), frames.is_empty()) else {
        return;
    };
    let set = |o: &Object, k: &str, v: JsValue| {
        let _ = Reflect::set(o, &JsValue::from_str(k), &v);
    };
    let keyframes: Array = frames
        .iter()
        .map(|k| {
            let o = Object::new();
            set(&o, "offset", k.offset.into());
            set(&o, "transform", k.transform().into());
            set(&o, "opacity", 1.into());
            JsValue::from(o)
        })
        .collect();
    let options = Object::new();
    set(
        &options,
        "duration",
        crate::ui::diagram::packet::TRAVEL_MS.into(),
    );
    set(&options, "fill", "forwards".into());
    *travelling = animate.call2(layer, &keyframes, &options).ok();
}

/// A scene shared between renders: equal only to itself, so comparing props costs nothing.
#[derive(Clone)]
struct SharedScene(Rc<Scene>);

impl PartialEq for SharedScene {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The parts of the drawing that do not change with the step.
#[derive(Clone, Copy, PartialEq)]
enum Part {
    /// Areas, zone links and places, under the events.
    Backdrop,
    /// The legend, after them.
    Legend,
}

#[derive(Properties, PartialEq)]
struct SceneLayerProps {
    scene: SharedScene,
    part: Part,
}

#[function_component(SceneLayer)]
fn scene_layer(props: &SceneLayerProps) -> Html {
    let scene = &props.scene.0;
    match props.part {
        Part::Backdrop => to_html_list(&backdrop(scene)),
        Part::Legend => to_html(&legend(scene)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::simulate;
    use crate::ui::diagram::scene::scene;
    use crate::ui::diagram::svg::diagram;
    use crate::ui::svg_parts::Element;

    /// The `data-*` value of `attr` on each child of `e` that has it.
    fn ids<'a>(e: &'a Element, attr: &str) -> Vec<&'a str> {
        e.children
            .iter()
            .filter_map(|c| c.attrs.iter().find(|(k, _)| *k == attr))
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// Every scenario in every layout, with a long cluster name (the longest labels): each
    /// place is drawn once, the present boxes lie inside the canvas and apart from one another,
    /// every event's ends are present boxes, and at every step each event shown so far that
    /// travels between two places is drawn, in order, as the widget's nodes build.
    #[test]
    fn every_scenario_draws_its_places_apart_and_every_event_it_has_shown() {
        use crate::model::{ClientKind, DnsZone, Mode};
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
                        let at = format!("{mode:?}/{dns:?}/{client:?} {kind:?}");
                        let present: Vec<_> =
                            sc.layout.spots.iter().filter(|p| p.present).collect();
                        for (i, a) in present.iter().enumerate() {
                            assert!(sc.canvas.contains(&a.rect), "{at}: {} outside", a.place);
                            for b in &present[i + 1..] {
                                assert!(
                                    !a.rect.overlaps(&b.rect),
                                    "{at}: {} and {} overlap",
                                    a.place,
                                    b.place
                                );
                            }
                        }
                        for e in &trace.events {
                            for end in [e.from, e.to] {
                                assert!(
                                    sc.layout.spot(end).is_some_and(|p| p.present),
                                    "{at}: {end} is not drawn"
                                );
                            }
                        }
                        for shown in 0..=trace.events.len() {
                            let svg = diagram(&sc, &trace, shown);
                            let places = svg
                                .children
                                .iter()
                                .filter(|c| c.attrs.iter().any(|(k, _)| *k == "data-place"))
                                .count();
                            assert_eq!(places, sc.layout.spots.len(), "{at}: one group per place");
                            let events = svg
                                .children
                                .iter()
                                .find(|c| {
                                    c.attrs.iter().any(|(k, v)| *k == "class" && v == "events")
                                })
                                .expect("the events group");
                            let want: Vec<String> = trace.events[..shown]
                                .iter()
                                .enumerate()
                                .filter(|(_, e)| e.from != e.to)
                                .map(|(i, _)| i.to_string())
                                .collect();
                            assert_eq!(ids(events, "data-event"), want, "{at} step {shown}");
                            let _ = to_html(&svg);
                        }
                    }
                }
            }
        }
    }
}
