//! Keeps the address bar's fragment and the widget in step: the fragment is read on load and on
//! `hashchange`, and rewritten (without a new history entry) whenever the widget changes, so the
//! address bar is always a share link.

use yew::prelude::*;

use crate::ui::state::Action;

/// The current `location.hash`, without the `#`; empty outside a browser.
pub fn current_fragment() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .map(|h| h.trim_start_matches('#').to_string())
            .unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        String::new()
    }
}

/// Writes `fragment` into the address bar when it differs, and dispatches `ApplyFragment` when the
/// reader edits the address bar. Does nothing when `enabled` is false (a widget with its own
/// fragment on a page that hosts several).
///
/// While `hold` is true (the animation playing) the address bar keeps its fragment, and the
/// newest one is written once `hold` ends: a write on every step would be a task of its own each
/// time, one the browser stretches past 50 ms on a slow device, and the link of a passing step
/// is not one a reader asked for.
///
/// The address bar is written once the frame showing the change is painted: `replaceState` costs
/// the main thread several milliseconds in Chromium, which would otherwise delay that frame. Only
/// the newest fragment is written when several changes come before a frame.
#[hook]
pub fn use_fragment_sync(enabled: bool, fragment: String, hold: bool, dispatch: Callback<Action>) {
    let newest = use_mut_ref(String::new);
    use_effect_with(
        (enabled, fragment, hold),
        move |(enabled, fragment, hold)| {
            if *enabled && !*hold {
                *newest.borrow_mut() = fragment.clone();
                write_after_paint(newest);
            }
        },
    );
    use_effect_with(enabled, move |enabled| {
        listen_for_hash_changes(*enabled, dispatch)
    });
}

/// Writes the newest fragment into the address bar after the next paint, unless it is there
/// already, unless it is longer than `bounded::ADDRESS_BAR` (the share panel says so), or unless the address bar changed in the meantime: a fragment the reader (or a
/// page's script) set since is theirs, and its `hashchange` brings the widget to it.
#[cfg(target_arch = "wasm32")]
fn write_after_paint(newest: std::rc::Rc<std::cell::RefCell<String>>) {
    let before = current_fragment();
    crate::ui::frame::after_next_paint(move || {
        let fragment = newest.borrow();
        let now = current_fragment();
        if now != before || now == *fragment || fragment.len() > crate::ui::bounded::ADDRESS_BAR {
            return;
        }
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let url = format!("#{fragment}");
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn write_after_paint(_newest: std::rc::Rc<std::cell::RefCell<String>>) {}

/// Subscribes to `hashchange` while the returned destructor lives.
#[cfg(target_arch = "wasm32")]
fn listen_for_hash_changes(enabled: bool, dispatch: Callback<Action>) -> impl FnOnce() {
    let listener = enabled.then(|| {
        web_sys::window().map(|w| {
            gloo_events::EventListener::new(&w, "hashchange", move |_| {
                dispatch.emit(Action::ApplyFragment(current_fragment()));
            })
        })
    });
    move || drop(listener)
}

#[cfg(not(target_arch = "wasm32"))]
fn listen_for_hash_changes(_enabled: bool, _dispatch: Callback<Action>) -> impl FnOnce() {
    || ()
}
