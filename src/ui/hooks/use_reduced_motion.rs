//! Whether the reader asked the system for reduced motion: then steps are shown without moving
//! packets (CSS handles transitions; this covers the SVG packet, which CSS cannot stop).

use yew::prelude::*;

/// True when `prefers-reduced-motion: reduce` matches; false outside a browser. Read after the
/// first render, so a hydrated widget's first render matches its prerendered HTML (the packet
/// it may draw then has not started moving).
#[hook]
pub fn use_reduced_motion() -> bool {
    let reduced = use_state(|| false);
    {
        let reduced = reduced.clone();
        use_effect_with((), move |_| reduced.set(prefers_reduced_motion()));
    }
    *reduced
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
