//! Whether the widget is seen: on screen (an `IntersectionObserver` on its root) and in a visible
//! tab (`visibilitychange`). While it is not, the caller stops its clock, so a widget far down a
//! page or in a background tab resumes where it was (the packet's last travel, at most 0.8 s of a
//! composited animation, is left to the browser).

use yew::prelude::*;

/// True while the element behind `root` is on screen and its tab visible; true outside a browser
/// and until the browser says otherwise, so the first render needs no browser.
#[hook]
pub fn use_visibility(root: NodeRef) -> bool {
    let seen = use_state_eq(|| true);
    {
        let seen = seen.setter();
        use_effect_with(root, move |root| observe(root, seen));
    }
    *seen
}

#[cfg(target_arch = "wasm32")]
fn observe(root: &NodeRef, seen: UseStateSetter<bool>) -> impl FnOnce() {
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    // [on screen, tab visible]: seen when both hold.
    let flags = Rc::new(Cell::new([true, true]));
    let update = Rc::new(move |which: usize, value: bool| {
        let mut f = flags.get();
        f[which] = value;
        flags.set(f);
        seen.set(f[0] && f[1]);
    });
    let listener = web_sys::window()
        .and_then(|w| w.document())
        .map(|document| {
            let visible =
                |d: &web_sys::Document| d.visibility_state() != web_sys::VisibilityState::Hidden;
            update(1, visible(&document));
            let target = document.clone();
            let update = update.clone();
            gloo_events::EventListener::new(&target, "visibilitychange", move |_| {
                update(1, visible(&document))
            })
        });
    // Each widget observes its own root: nothing is shared between the widgets of a page.
    let observer = root.cast::<web_sys::Element>().and_then(|el| {
        let on_change = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
            // The last entry is the latest state of the one element observed.
            let entry = entries.pop();
            if !entry.is_undefined() {
                update(
                    0,
                    entry
                        .unchecked_into::<web_sys::IntersectionObserverEntry>()
                        .is_intersecting(),
                );
            }
        });
        let observer =
            web_sys::IntersectionObserver::new(on_change.as_ref().unchecked_ref()).ok()?;
        observer.observe(&el);
        Some((observer, on_change))
    });
    move || {
        drop(listener);
        if let Some((observer, _closure)) = observer {
            observer.disconnect();
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn observe(_root: &NodeRef, _seen: UseStateSetter<bool>) -> impl FnOnce() {
    || ()
}
