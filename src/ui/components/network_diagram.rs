//! The living diagram: the scenario's networks and places, and the trace's events drawn up to the
//! current step along routed lines. Nothing here decides anything: `ui::network` lays out for the
//! width the diagram has, `ui::diagram::scene` routes and places labels, `ui::diagram::svg` draws
//! the elements (the same ones the SVG export writes), the model simulates.

use std::rc::Rc;

use yew::prelude::*;
use yew::virtual_dom::{VTag, VText};

use crate::model::{Scenario, Trace};
use crate::ui::diagram::scene::scene;
use crate::ui::diagram::svg::{diagram, Element};
use crate::ui::network::{layout, LayoutKind};

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

/// The drawing as Yew nodes: the same elements the export writes (`diagram::svg`).
fn node(e: &Element) -> Html {
    let mut tag = VTag::new(e.name);
    for (k, v) in &e.attrs {
        tag.add_attribute(k, v.clone());
    }
    if !e.text.is_empty() {
        tag.add_child(VText::new(e.text.clone()).into());
    }
    tag.add_children(e.children.iter().map(node));
    tag.into()
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
    html! {
        <div class="diagram-fit" ref={container}>
            { node(&diagram(&scene, &props.trace, shown, props.motion)) }
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
                            let _ = node(&diagram(&sc, &trace, i + 1, true));
                            drawn += 1;
                        }
                    }
                }
            }
        }
        assert!(drawn > 500, "the matrix draws many events ({drawn})");
    }
}
