//! When browser work runs relative to the next painted frame. A settings change must reach the
//! screen in the frame after the click: work that reads layout waits for that frame's own layout
//! pass, and work the reader does not see (the address bar) waits until the frame is painted.

/// Runs `f` in the next frame's `requestAnimationFrame` phase, just before the browser lays out
/// and paints: a layout read there (a canvas's width) uses the layout the frame makes anyway,
/// instead of forcing one more in the middle of the DOM update. Runs `f` at once where there is
/// no window.
#[cfg(target_arch = "wasm32")]
pub fn before_next_paint(f: impl FnOnce() + 'static) {
    // requestAnimationFrame does not fail in a browser.
    schedule(f, |w, callback| {
        let _ = w.request_animation_frame(callback);
    });
}

/// Runs `f` once the next frame is painted (a task queued from that frame's
/// `requestAnimationFrame` callback runs after its paint): for work the reader does not see in
/// the page, which must not delay the frame that shows a change.
#[cfg(target_arch = "wasm32")]
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    before_next_paint(move || after_current_task(f));
}

/// Runs `f` in a task of its own, after the current one.
#[cfg(target_arch = "wasm32")]
pub fn after_current_task(f: impl FnOnce() + 'static) {
    // setTimeout does not fail in a browser.
    schedule(f, |w, callback| {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(callback, 0);
    });
}

/// Hands `f` to the browser through `register` as a callback that frees itself once called (a
/// forgotten `gloo_timers` timeout would leak its closure on every change); runs `f` at once
/// where there is no window.
#[cfg(target_arch = "wasm32")]
fn schedule(
    f: impl FnOnce() + 'static,
    register: impl FnOnce(&web_sys::Window, &js_sys::Function),
) {
    use wasm_bindgen::JsCast;

    let Some(window) = web_sys::window() else {
        f();
        return;
    };
    let callback = wasm_bindgen::closure::Closure::once_into_js(f);
    register(&window, callback.unchecked_ref());
}
