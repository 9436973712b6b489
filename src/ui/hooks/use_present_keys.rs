//! Presenter mode's keys, listened to on the document while the widget is in `view=present`:
//! Arrow Right, Space and Page Down step forward; Arrow Left, Page Up and Backspace step back;
//! Home and End go to the first and the last step. Keys typed into a text field are left alone.

use yew::prelude::*;

use crate::ui::state::Action;

#[hook]
pub fn use_present_keys(enabled: bool, dispatch: Callback<Action>) {
    use_effect_with(enabled, move |enabled| listen(*enabled, dispatch));
}

#[cfg(target_arch = "wasm32")]
fn listen(enabled: bool, dispatch: Callback<Action>) -> impl FnOnce() {
    use gloo_events::{EventListener, EventListenerOptions};
    use wasm_bindgen::JsCast;
    let document = web_sys::window().and_then(|w| w.document());
    let listener = document.filter(|_| enabled).map(|document| {
        let options = EventListenerOptions::enable_prevent_default();
        EventListener::new_with_options(&document, "keydown", options, move |event| {
            // A keydown event is a KeyboardEvent.
            let e = event.unchecked_ref::<web_sys::KeyboardEvent>();
            if e.ctrl_key() || e.alt_key() || e.meta_key() {
                return;
            }
            let key = e.key();
            let tag = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .map(|t| t.tag_name())
                .unwrap_or_default();
            let typing = matches!(tag.as_str(), "INPUT" | "TEXTAREA" | "SELECT");
            // Space on a button or a link presses it, as it should.
            let pressing = key == " " && matches!(tag.as_str(), "BUTTON" | "A" | "SUMMARY");
            if typing || pressing {
                return;
            }
            if let Some(action) = crate::ui::state::present_key(&key) {
                e.prevent_default();
                dispatch.emit(action);
            }
        })
    });
    move || drop(listener)
}

#[cfg(not(target_arch = "wasm32"))]
fn listen(_enabled: bool, _dispatch: Callback<Action>) -> impl FnOnce() {
    || ()
}
