//! Whether the reader asked the system for reduced motion: then steps are shown without moving
//! packets (CSS handles transitions; this covers the SVG packet, which CSS cannot stop).

use yew::prelude::*;

/// True when `prefers-reduced-motion: reduce` matches; false outside a browser.
#[hook]
pub fn use_reduced_motion() -> bool {
    *use_state(prefers_reduced_motion)
}

fn prefers_reduced_motion() -> bool {
    media_matches("(prefers-reduced-motion: reduce)")
}

/// True when the media `query` matches now; false outside a browser.
pub fn media_matches(query: &str) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|w| w.match_media(query).ok().flatten())
            .is_some_and(|m| m.matches())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = query;
        false
    }
}
