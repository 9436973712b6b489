//! Browser methods called by name: the few that web-sys would need another feature (and more
//! glue in every reader's download) to bind. A browser without one gives `None`, never a panic.

use js_sys::Function;
use wasm_bindgen::{JsCast, JsValue};

/// `target[name]`, when it is a function.
pub fn method(target: &JsValue, name: &str) -> Option<Function> {
    js_sys::Reflect::get(target, &JsValue::from_str(name))
        .ok()?
        .dyn_into::<Function>()
        .ok()
}

/// What `target[name]()` returns; `None` when there is no such method or it threw.
pub fn call0(target: &JsValue, name: &str) -> Option<JsValue> {
    method(target, name)?.call0(target).ok()
}
