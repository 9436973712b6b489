//! Whether the reader asked the system for reduced motion: then steps are shown without moving
//! packets (CSS handles transitions; this covers the SVG packet, which CSS cannot stop).

use yew::prelude::*;

/// True when `prefers-reduced-motion: reduce` matches; false outside a browser.
#[hook]
pub fn use_reduced_motion() -> bool {
    *use_state(prefers_reduced_motion)
}

fn prefers_reduced_motion() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|w| {
                w.match_media("(prefers-reduced-motion: reduce)")
                    .ok()
                    .flatten()
            })
            .is_some_and(|m| m.matches())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        false
    }
}
