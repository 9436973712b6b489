//! Browser tests: the components mounted in a real page (headless Chrome and Firefox).
#![cfg(target_arch = "wasm32")]

use aks_netviz::ui::App;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app into a fresh container and waits for its first render and effects.
async fn mount_app() -> web_sys::Element {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let host = document.create_element("div").expect("a div");
    document
        .body()
        .expect("a body")
        .append_child(&host)
        .expect("attached");
    yew::Renderer::<App>::with_root(host.clone()).render();
    yew::platform::time::sleep(std::time::Duration::from_millis(50)).await;
    host
}

fn all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    use wasm_bindgen::JsCast;
    let list = root.query_selector_all(selector).expect("a valid selector");
    (0..list.length())
        .filter_map(|i| {
            list.item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        })
        .collect()
}

#[wasm_bindgen_test]
async fn the_root_carries_the_contract_hooks_once_mounted() {
    let host = mount_app().await;
    let root = host
        .query_selector("[data-testid='aks-netviz']")
        .expect("a valid selector")
        .expect("the root hook");
    assert_eq!(root.get_attribute("data-ready").as_deref(), Some("true"));
    assert!(
        root.query_selector("svg").expect("selector").is_some(),
        "the diagram is drawn"
    );
}

#[wasm_bindgen_test]
async fn every_component_of_the_overview_is_drawn_labelled_and_named() {
    let host = mount_app().await;
    let expected = [
        ("internet", "Internet"),
        ("laptop", "Admin laptop"),
        ("azure", "Azure"),
        ("paas", "Azure PaaS"),
        ("control-plane", "Kubernetes control plane"),
        ("apiserver", "API server"),
        ("subscription", "Customer subscription"),
        ("vnet", "Cluster VNet"),
        ("node-subnet", "Node subnet"),
        ("nsg", "NSG"),
        ("node-pool", "Node pool"),
        ("load-balancer", "Load balancer"),
    ];
    for (id, label) in expected {
        let found = all(&host, &format!("[data-part='{id}']"));
        assert_eq!(found.len(), 1, "exactly one `{id}` part");
        let part = &found[0];
        let name = part.get_attribute("aria-label").unwrap_or_default();
        assert!(
            name.starts_with(label),
            "`{id}` is named `{name}`, expected it to start with `{label}`"
        );
        let shown = all(part, ".part-label")
            .first()
            .and_then(|t| t.text_content())
            .unwrap_or_default();
        assert_eq!(shown, label, "`{id}` shows its label");
    }
    // The API server box prints the public FQDN it sits behind.
    let api = all(&host, "[data-part='apiserver'] .part-sub");
    let sub = api
        .first()
        .and_then(|t| t.text_content())
        .unwrap_or_default();
    assert!(
        sub.contains(".hcp.eastus.azmk8s.io"),
        "API server shows its FQDN, got `{sub}`"
    );
}

#[wasm_bindgen_test]
async fn parts_nest_as_the_architecture_does() {
    let host = mount_app().await;
    for (child, parent) in [
        ("apiserver", "control-plane"),
        ("control-plane", "paas"),
        ("node-pool", "node-subnet"),
        ("nsg", "node-subnet"),
        ("node-subnet", "vnet"),
        ("vnet", "subscription"),
        ("load-balancer", "subscription"),
        ("laptop", "internet"),
    ] {
        let selector = format!("[data-part='{parent}'] [data-part='{child}']");
        assert_eq!(
            all(&host, &selector).len(),
            1,
            "`{child}` is inside `{parent}`"
        );
    }
}

#[wasm_bindgen_test]
async fn two_widgets_on_one_page_share_no_element_id() {
    let first = mount_app().await;
    let second = mount_app().await;
    for host in [&first, &second] {
        assert!(
            all(host, "[id]").is_empty(),
            "no element carries a page-wide id"
        );
        assert!(all(host, "[style]").is_empty(), "no inline style attribute");
    }
}
