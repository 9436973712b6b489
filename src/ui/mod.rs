//! The page: Yew components that render what the model computes.
//!
//! Components here also render natively (no browser calls outside `mount`), so the same tree can later
//! be prerendered on the server and hydrated in the browser.

pub mod app;
pub mod components;
pub mod diagram;
pub mod geometry;
pub mod hooks;
pub mod network;
pub mod overview;
pub mod state;

pub use app::App;

/// Mounts the app on every `[data-aks-netviz]` element of the page, or on `<body>` when there is none,
/// so one page can host several widgets without them sharing any element id.
#[cfg(target_arch = "wasm32")]
pub fn mount() {
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let hosts = document.query_selector_all("[data-aks-netviz]").ok();
    let count = hosts.as_ref().map_or(0, |h| h.length());
    if count == 0 {
        if let Some(body) = document.body() {
            yew::Renderer::<App>::with_root(body.into()).render();
        }
        return;
    }
    if let Some(hosts) = hosts {
        for i in 0..count {
            if let Some(element) = hosts
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                yew::Renderer::<App>::with_root(element).render();
            }
        }
    }
}
