//! The page: Yew components that render what the model computes.
//!
//! Components here also render natively (no browser calls outside `mount`), so the same tree can later
//! be prerendered on the server and hydrated in the browser.

pub mod app;
pub mod bounded;
pub mod clipboard;
pub mod components;
pub mod diagram;
#[cfg(target_arch = "wasm32")]
pub mod frame;
pub mod geometry;
pub mod hooks;
#[cfg(target_arch = "wasm32")]
pub mod js_method;
pub mod network;
pub mod overview;
pub mod primer_layout;
pub mod renders;
pub mod state;
pub mod svg_parts;
pub mod waterfall;

pub use app::App;

/// Mounts the app on every `[data-aks-netviz]` element of the page, or on `<body>` when there is none,
/// so one page can host several widgets without them sharing any element id. A host's attribute
/// value is that widget's own fragment (`data-aks-netviz="mode=private&client=vm"`); only the
/// first host without one follows the address bar, so two widgets never fight over it.
///
/// A host the build prerendered (it carries `data-prerendered`, the fragment its HTML shows) is
/// hydrated: the widget takes over the markup already on screen instead of drawing it again.
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
    let mut address_bar_taken = false;
    let Some(hosts) = hosts else { return };
    for i in 0..count {
        let Some(element) = hosts
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let own = element
            .get_attribute("data-aks-netviz")
            .map(|f| f.trim().trim_start_matches('#').to_string())
            .unwrap_or_default();
        let prerendered = element.get_attribute("data-prerendered");
        let props = app::AppProps {
            fragment: host_fragment(own, &mut address_bar_taken),
            uid: Some(host_uid(i as usize).into()),
            prerendered: prerendered.clone(),
        };
        let renderer = yew::Renderer::<App>::with_root_and_props(element, props);
        if prerendered.is_some() {
            renderer.hydrate();
        } else {
            renderer.render();
        }
    }
}

/// The `name` prefix of the widget in the page's `index`-th host (the prerenderer uses it too).
pub fn host_uid(index: usize) -> String {
    format!("aks-netviz-{index}")
}

/// The fragment a host's widget owns: its attribute's, or `None` (follow the address bar) for the
/// first host without one; later hosts without one show the defaults on their own.
pub fn host_fragment(own: String, address_bar_taken: &mut bool) -> Option<String> {
    if !own.is_empty() || *address_bar_taken {
        Some(own)
    } else {
        *address_bar_taken = true;
        None
    }
}

#[cfg(test)]
mod tests {
    use super::host_fragment;

    #[test]
    fn only_the_first_host_without_a_fragment_follows_the_address_bar() {
        let mut taken = false;
        assert_eq!(
            host_fragment("mode=private".into(), &mut taken),
            Some("mode=private".into())
        );
        assert!(
            !taken,
            "a host with its own fragment leaves the address bar alone"
        );
        assert_eq!(host_fragment(String::new(), &mut taken), None);
        assert_eq!(
            host_fragment(String::new(), &mut taken),
            Some(String::new())
        );
        assert_eq!(
            host_fragment("client=vm".into(), &mut taken),
            Some("client=vm".into())
        );
    }
}
