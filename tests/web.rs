//! Browser tests: the components mounted in a real page (headless Chrome and Firefox).
#![cfg(target_arch = "wasm32")]

use aks_netviz::ui::app::AppProps;
use aks_netviz::ui::renders::renders;
use aks_netviz::ui::App;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app into a fresh container and waits for its first render and effects.
/// Each test widget gets its own fragment so tests never depend on the address bar.
async fn mount_app() -> web_sys::Element {
    mount_with("").await
}

async fn mount_with(fragment: &str) -> web_sys::Element {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let host = document.create_element("div").expect("a div");
    document
        .body()
        .expect("a body")
        .append_child(&host)
        .expect("attached");
    let props = AppProps {
        fragment: Some(fragment.to_string()),
        ..AppProps::default()
    };
    yew::Renderer::<App>::with_root_and_props(host.clone(), props).render();
    // Wait for the first render and its effects (a cold browser can take a while).
    for _ in 0..100 {
        settle().await;
        let ready = host
            .query_selector("[data-ready='true']")
            .ok()
            .flatten()
            .is_some();
        if ready {
            break;
        }
    }
    host
}

/// Waits until the page's markup has stopped changing: the same for three polls 10 ms apart
/// (renders, their effects and the renders those trigger have all run), or 5 s at most.
async fn settle() {
    let body = || {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.body())
            .map(|b| b.inner_html())
            .unwrap_or_default()
    };
    let mut last = body();
    let mut quiet = 0;
    for _ in 0..500 {
        yew::platform::time::sleep(std::time::Duration::from_millis(10)).await;
        let now = body();
        quiet = if now == last { quiet + 1 } else { 0 };
        if quiet == 3 {
            return;
        }
        last = now;
    }
}

fn one(root: &web_sys::Element, selector: &str) -> web_sys::Element {
    root.query_selector(selector)
        .expect("a valid selector")
        .unwrap_or_else(|| panic!("nothing matches `{selector}`"))
}

fn text(root: &web_sys::Element, selector: &str) -> String {
    one(root, selector).text_content().unwrap_or_default()
}

fn attr(root: &web_sys::Element, selector: &str, name: &str) -> String {
    one(root, selector).get_attribute(name).unwrap_or_default()
}

async fn click(root: &web_sys::Element, selector: &str) {
    use wasm_bindgen::JsCast;
    one(root, selector)
        .dyn_into::<web_sys::HtmlElement>()
        .expect("an HTML element")
        .click();
    settle().await;
}

/// Opens the `<details>` at `selector`, whose content is drawn once open, and waits for `drawn`.
async fn open_disclosure(root: &web_sys::Element, selector: &str, drawn: &str) {
    one(root, selector)
        .set_attribute("open", "")
        .expect("opened");
    for _ in 0..50 {
        settle().await;
        if root.query_selector(drawn).ok().flatten().is_some() {
            return;
        }
    }
    panic!("{drawn} is not drawn after opening {selector}");
}

async fn choose(root: &web_sys::Element, setting: &str, value: &str) {
    click(
        root,
        &format!("[data-setting='{setting}'] input[value='{value}']"),
    )
    .await;
}

async fn type_into(root: &web_sys::Element, selector: &str, value: &str) {
    use wasm_bindgen::JsCast;
    let input: web_sys::HtmlInputElement = one(root, selector).dyn_into().expect("an input");
    input.set_value(value);
    let event = web_sys::InputEvent::new("input").expect("an input event");
    input.dispatch_event(&event).expect("dispatched");
    settle().await;
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
    open_disclosure(
        &host,
        ".overview-details",
        "[data-testid='overview-diagram']",
    )
    .await;
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
    open_disclosure(
        &host,
        ".overview-details",
        "[data-testid='overview-diagram']",
    )
    .await;
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

#[wasm_bindgen_test]
async fn choosing_a_mode_and_a_client_recomputes_the_outcome() {
    let host = mount_app().await;
    assert_eq!(
        attr(&host, "[data-testid='outcome']", "data-outcome"),
        "success"
    );
    assert_eq!(text(&host, "[data-testid='dns-answer']"), "52.226.4.150");
    choose(&host, "mode", "private").await;
    assert_eq!(
        attr(&host, "[data-testid='outcome']", "data-outcome"),
        "nxdomain"
    );
    assert!(text(&host, "[data-testid='kubectl-output']").contains("no such host"));
    assert!(
        !text(&host, "[data-testid='why']").is_empty(),
        "a failure says why"
    );
    choose(&host, "client", "vm").await;
    assert_eq!(
        attr(&host, "[data-testid='outcome']", "data-outcome"),
        "success"
    );
    assert_eq!(text(&host, "[data-testid='dns-answer']"), "10.224.0.4");
    assert!(text(&host, "[data-testid='kubectl-output']").contains("Ready"));
    choose(&host, "client", "node").await;
    assert_eq!(
        attr(&host, "[data-testid='tunnel']", "data-tunnel"),
        "konnectivity"
    );
    choose(&host, "mode", "vnet").await;
    assert_eq!(
        attr(&host, "[data-testid='tunnel']", "data-tunnel"),
        "direct"
    );
}

#[wasm_bindgen_test]
async fn the_path_list_marks_where_the_packet_is_blocked() {
    let host = mount_with("mode=authorized&ranges=1.1.1.1/32").await;
    assert_eq!(
        attr(&host, "[data-testid='outcome']", "data-outcome"),
        "timeout"
    );
    let blocked = all(&host, "[data-testid='path'] [data-verdict='block']");
    assert_eq!(blocked.len(), 1, "exactly one hop blocks");
    assert_eq!(
        blocked[0].get_attribute("data-hop").as_deref(),
        Some("authorized-ranges")
    );
    assert!(
        blocked[0]
            .text_content()
            .unwrap_or_default()
            .contains("blocked"),
        "not by colour alone"
    );
}

#[wasm_bindgen_test]
async fn the_timeline_steps_back_and_forth_through_the_events() {
    let host = mount_with("step=0").await;
    let count = all(&host, ".event-list li").len();
    assert!(count > 3, "the default scenario has several events");
    assert_eq!(
        text(&host, "[data-testid='step-count']"),
        format!("Step 0 of {count}")
    );
    assert!(
        all(&host, ".network .event").is_empty(),
        "nothing drawn at step 0"
    );
    click(&host, "[data-testid='step-next']").await;
    click(&host, "[data-testid='step-next']").await;
    assert_eq!(
        text(&host, "[data-testid='step-count']"),
        format!("Step 2 of {count}")
    );
    assert_eq!(
        attr(&host, ".network .event.current", "data-event"),
        "1",
        "the second event is current"
    );
    assert!(text(&host, "[data-testid='narration']").starts_with("Step 2 of"));
    click(&host, "[data-testid='step-prev']").await;
    assert!(
        all(&host, ".network [data-event='1']").is_empty(),
        "stepping back removes it"
    );
    click(&host, &format!(".event-list li:nth-child({count}) button")).await;
    assert_eq!(
        text(&host, "[data-testid='step-count']"),
        format!("Step {count} of {count}")
    );
    let next_disabled = one(&host, "[data-testid='step-next']").has_attribute("disabled");
    assert!(next_disabled, "no step past the end");
}

#[wasm_bindgen_test]
async fn play_and_pause_toggle_the_animation() {
    let host = mount_app().await;
    click(&host, "[data-testid='play']").await;
    assert_eq!(attr(&host, "[data-testid='play']", "aria-pressed"), "true");
    assert!(
        text(&host, "[data-testid='step-count']").starts_with("Step 0 of"),
        "play from the end restarts"
    );
    click(&host, "[data-testid='play']").await;
    assert_eq!(attr(&host, "[data-testid='play']", "aria-pressed"), "false");
}

#[wasm_bindgen_test]
async fn the_ranges_editor_validates_as_the_az_cli_does() {
    let host = mount_with("mode=authorized").await;
    assert_eq!(
        attr(&host, "[data-testid='outcome']", "data-outcome"),
        "success"
    );
    click(&host, ".ranges-editor .add-range").await;
    type_into(&host, ".ranges li:nth-child(2) input", "137.117.106.90/29").await;
    let message = text(&host, ".ranges li:nth-child(2) .message");
    assert!(
        message.contains("should be a list of IPv4 addresses or CIDRs"),
        "got `{message}`"
    );
    assert_eq!(
        attr(&host, "[data-testid='outcome']", "data-outcome"),
        "invalid"
    );
    assert!(text(&host, "[data-testid='validation']").contains("IPv4 addresses or CIDRs"));
    type_into(&host, ".ranges li:nth-child(2) input", "137.117.106.88/29").await;
    assert_eq!(
        attr(&host, "[data-testid='outcome']", "data-outcome"),
        "success"
    );
    assert!(all(&host, "[data-testid='validation'] li").is_empty());
    type_into(&host, ".ranges li:nth-child(1) input", "1.1.1.1/32").await;
    assert_eq!(
        attr(&host, "[data-testid='outcome']", "data-outcome"),
        "timeout",
        "the laptop left the list"
    );
    click(&host, ".ranges li:nth-child(1) button").await;
    assert_eq!(all(&host, ".ranges li").len(), 1);
}

#[wasm_bindgen_test]
async fn a_bad_laptop_ip_is_explained_and_the_widget_keeps_working() {
    let host = mount_with("mode=authorized").await;
    type_into(&host, "[data-setting='ip'] input", "81.56.12").await;
    let message = text(&host, "[data-setting='ip'] .message");
    assert!(message.contains("not an IPv4 address"), "got `{message}`");
    assert_eq!(
        attr(&host, "[data-testid='outcome']", "data-outcome"),
        "success",
        "the last good IP is used"
    );
    type_into(&host, "[data-setting='ip'] input", "20.1.2.3").await;
    assert_eq!(
        attr(&host, "[data-testid='outcome']", "data-outcome"),
        "timeout"
    );
}

#[wasm_bindgen_test]
async fn an_invalid_combination_shows_the_az_message_at_the_setting() {
    let host = mount_with("mode=private&dns=none&publicfqdn=off").await;
    assert_eq!(
        attr(&host, "[data-testid='outcome']", "data-outcome"),
        "invalid"
    );
    assert!(
        all(&host, ".network .event").is_empty(),
        "nothing is animated"
    );
    let at_setting = all(
        &host,
        "[data-setting='publicfqdn'] .message, [data-setting='dns'] .message",
    );
    assert!(
        !at_setting.is_empty(),
        "the message sits next to the setting to change"
    );
    assert!(text(&host, "[data-testid='validation']").contains("none"));
}

#[wasm_bindgen_test]
async fn a_bad_fragment_value_is_reported_and_the_rest_applies() {
    let host = mount_with("mode=private&client=toaster").await;
    let banner = text(&host, "[data-testid='fragment-errors']");
    assert!(
        banner.contains("client") && banner.contains("toaster") && banner.contains("laptop"),
        "got `{banner}`"
    );
    assert_eq!(
        attr(&host, "[data-setting='mode'] input:checked", "value"),
        "private"
    );
}

#[wasm_bindgen_test]
async fn what_the_diagram_draws_follows_the_mode() {
    let host = mount_app().await;
    assert!(one(&host, "[data-place='private-zone']")
        .class_list()
        .contains("absent"));
    choose(&host, "mode", "private").await;
    assert!(!one(&host, "[data-place='private-zone']")
        .class_list()
        .contains("absent"));
    assert!(one(&host, "[data-place='ilb']")
        .class_list()
        .contains("absent"));
    choose(&host, "mode", "vnet").await;
    assert!(!one(&host, "[data-place='ilb']")
        .class_list()
        .contains("absent"));
}

#[wasm_bindgen_test]
async fn the_theme_toggle_sets_the_widget_theme() {
    let host = mount_app().await;
    assert_eq!(
        attr(&host, "[data-testid='aks-netviz']", "data-theme"),
        "auto"
    );
    choose(&host, "theme", "dark").await;
    assert_eq!(
        attr(&host, "[data-testid='aks-netviz']", "data-theme"),
        "dark"
    );
}

async fn type_area(root: &web_sys::Element, selector: &str, value: &str) {
    use wasm_bindgen::JsCast;
    let area: web_sys::HtmlTextAreaElement = one(root, selector).dyn_into().expect("a textarea");
    area.set_value(value);
    let event = web_sys::InputEvent::new("input").expect("an input event");
    area.dispatch_event(&event).expect("dispatched");
    settle().await;
}

#[wasm_bindgen_test]
async fn pasting_az_aks_show_json_switches_to_that_cluster() {
    let host = mount_app().await;
    let article = include_str!("fixtures/az-aks-show-private-none-profile.json");
    type_area(&host, "[data-testid='import-json']", article).await;
    assert_eq!(
        attr(&host, "[data-setting='mode'] input:checked", "value"),
        "private"
    );
    assert_eq!(
        attr(&host, "[data-setting='dns'] input:checked", "value"),
        "none"
    );
    assert_eq!(
        attr(&host, "[data-testid='outcome']", "data-outcome"),
        "timeout",
        "the article's laptop times out on 10.224.0.4"
    );
    assert!(text(&host, ".import-box .message").contains("Imported"));
}

#[wasm_bindgen_test]
async fn pasted_garbage_is_refused_with_what_was_expected_and_nothing_is_lost() {
    let host = mount_with("mode=authorized").await;
    type_area(
        &host,
        "[data-testid='import-json']",
        "{\"apiServerAccessProfile\": 42",
    )
    .await;
    let message = text(&host, ".import-box .message");
    assert!(message.contains("expected"), "got `{message}`");
    let kept = one(&host, "[data-testid='import-json']");
    use wasm_bindgen::JsCast;
    let kept: web_sys::HtmlTextAreaElement = kept.dyn_into().expect("a textarea");
    assert_eq!(
        kept.value(),
        "{\"apiServerAccessProfile\": 42",
        "the pasted text stays"
    );
    assert_eq!(
        attr(&host, "[data-setting='mode'] input:checked", "value"),
        "authorized",
        "the cluster is unchanged"
    );
}

#[wasm_bindgen_test]
async fn the_terminal_reveals_commands_as_the_animation_reaches_them() {
    let host = mount_with("step=0").await;
    let visible = |host: &web_sys::Element| -> String {
        all(
            host,
            "[data-testid='transcript'] .command-block:not([hidden])",
        )
        .iter()
        .filter_map(|b| b.text_content())
        .collect()
    };
    let at_start = visible(&host);
    assert!(at_start.contains("az aks show -n aks-ntwdemo1 -g aksntwdemo -o table"));
    assert!(
        !at_start.contains("kubectl get nodes"),
        "kubectl waits for its step"
    );
    let hook = text(&host, "[data-testid='transcript']");
    assert!(
        hook.contains("kubectl get nodes"),
        "the hook keeps the whole transcript"
    );
    let count = all(&host, ".event-list li").len();
    click(&host, &format!(".event-list li:nth-child({count}) button")).await;
    let at_end = visible(&host);
    assert!(at_end.contains("nslookup aks-ntwdem-aksntwdemo-16e85b-6t70z79x.hcp.eastus.azmk8s.io"));
    assert!(at_end.contains("kubectl get nodes"));
    assert!(at_end.contains("aks-nodepool1-13348451-vmss000004   Ready"));
    assert_eq!(at_end, hook, "at the last step everything is shown");
}

#[wasm_bindgen_test]
async fn the_inspector_shows_every_view_of_the_scenario() {
    let host = mount_with("mode=private&dns=system").await;
    let profile = text(&host, "[data-testid='access-profile']");
    assert!(
        profile.contains("\"enablePrivateCluster\": true")
            && profile.contains("\"privateDnsZone\": \"system\""),
        "{profile}"
    );
    let create = text(&host, "[data-testid='az-command']");
    assert!(
        create
            .lines()
            .last()
            .is_some_and(|l| l.starts_with("az aks create"))
            && create.contains("--enable-private-cluster"),
        "{create}"
    );
    click(&host, ".inspector .tab:nth-child(3)").await;
    let visible: Vec<String> = all(&host, ".inspector .tab-panel:not([hidden]) pre")
        .iter()
        .filter_map(|p| p.text_content())
        .collect();
    assert!(
        visible
            .iter()
            .any(|t| t.contains("azurerm_kubernetes_cluster")
                && t.contains("private_cluster_enabled")),
        "{visible:?}"
    );
    click(&host, ".inspector .tab:nth-child(4)").await;
    let bicep = all(&host, ".inspector .tab-panel:not([hidden]) pre")
        .first()
        .and_then(|p| p.text_content())
        .unwrap_or_default();
    assert!(
        bicep.contains("Microsoft.ContainerService/managedClusters")
            && bicep.contains("enablePrivateCluster: true"),
        "{bicep}"
    );
    choose(&host, "publicfqdn", "off").await;
    click(&host, ".inspector .tab:nth-child(2)").await;
    let update = all(&host, ".inspector .tab-panel:not([hidden]) pre")
        .get(1)
        .and_then(|p| p.text_content())
        .unwrap_or_default();
    assert!(
        update.contains("az aks update") && update.contains("--disable-public-fqdn"),
        "{update}"
    );
}

#[wasm_bindgen_test]
async fn the_primer_shows_what_an_accept_list_and_vnet_rules_allow() {
    let host = mount_app().await;
    open_disclosure(&host, ".primer-details", "[data-testid='primer']").await;
    let outcome = || attr(&host, "[data-testid='primer']", "data-outcome");
    choose(&host, "primer-client", "vm").await;
    choose(&host, "primer-egress", "default").await;
    choose(&host, "primer-vnet-rule", "yes").await;
    assert_eq!(
        outcome(),
        "reached",
        "a VNet rule admits the VM on a generic PaaS"
    );
    choose(&host, "primer-service", "aks").await;
    assert_eq!(outcome(), "blocked", "AKS has no VNet rules");
    choose(&host, "primer-egress", "natgw").await;
    choose(&host, "primer-vm-listed", "yes").await;
    assert_eq!(
        outcome(),
        "reached",
        "a NAT gateway's known IP can be accept-listed"
    );
    choose(&host, "primer-egress", "default").await;
    assert_eq!(
        outcome(),
        "blocked",
        "a regional-pool address cannot be accept-listed"
    );
    assert!(
        all(&host, "[data-setting='primer-zone-link']").is_empty(),
        "the zone link matters only with a private endpoint"
    );
    choose(&host, "primer-access", "private-endpoint").await;
    assert_eq!(outcome(), "reached", "the peered VM, zone linked");
    choose(&host, "primer-zone-link", "no").await;
    assert_eq!(outcome(), "blocked", "no zone link: NXDOMAIN");
    assert_eq!(
        attr(&host, ".primer-path-step:last-child", "data-hop"),
        "private-zone"
    );
    choose(&host, "primer-service", "paas").await;
    assert_eq!(outcome(), "blocked", "public access is disabled");
    assert_eq!(
        attr(&host, ".primer-path-step:last-child", "data-hop"),
        "network-config"
    );
    choose(&host, "primer-zone-link", "yes").await;
    assert_eq!(
        outcome(),
        "reached",
        "the linked VNet resolves the private IP"
    );
}

#[wasm_bindgen_test]
async fn the_primers_aks_instance_is_the_widgets_cluster() {
    let host = mount_with("cluster=payments-prod").await;
    open_disclosure(&host, ".primer-details", "[data-testid='primer']").await;
    choose(&host, "primer-service", "aks").await;
    let instance = attr(
        &host,
        "[data-testid='primer'] [data-part='instance']",
        "aria-label",
    );
    assert!(instance.contains("payments-prod"), "{instance}");
}

#[wasm_bindgen_test]
async fn the_waterfall_gives_the_request_phases_as_a_table_and_a_named_canvas() {
    let host = mount_with("mode=authorized&ranges=1.1.1.1/32").await;
    assert_eq!(
        attr(&host, "[data-testid='waterfall']", "data-total-ms"),
        "30000",
        "kubectl's dial timeout"
    );
    let connect = all(&host, "[data-testid='waterfall'] tr[data-outcome='failed']");
    assert_eq!(connect.len(), 1, "the connect phase fails");
    let name = attr(&host, "[data-testid='waterfall'] canvas", "aria-label");
    assert!(!name.is_empty(), "the canvas has an accessible name");
    choose(&host, "mode", "public").await;
    let total: f64 = attr(&host, "[data-testid='waterfall']", "data-total-ms")
        .parse()
        .unwrap_or(f64::MAX);
    assert!(
        total < 1000.0,
        "a successful request takes milliseconds, got {total}"
    );
    assert!(
        all(&host, "[data-testid='waterfall'] tr[data-phase]").len() >= 4,
        "DNS, TCP, TLS, HTTP"
    );
}

/// Renders of each component counted since `before` (debug builds count, see `ui::renders`).
fn rendered_since(before: &[(&'static str, u32)]) -> Vec<(&'static str, u32)> {
    before
        .iter()
        .map(|&(name, n)| (name, renders(name) - n))
        .collect()
}

/// What an animation tick leaves alone: nothing they are given changes with the step.
const STILL_ON_A_TICK: [&str; 7] = [
    "controls",
    "radio-group",
    "ranges-editor",
    "import-box",
    "inspector",
    "waterfall",
    "outcome-panel",
];

/// What shows the step, so re-renders on a tick.
const MOVED_BY_A_TICK: [&str; 4] = ["app", "timeline", "terminal", "network-diagram"];

fn render_counts() -> Vec<(&'static str, u32)> {
    STILL_ON_A_TICK
        .iter()
        .chain(&MOVED_BY_A_TICK)
        .map(|&name| (name, renders(name)))
        .collect()
}

fn count_of(counts: &[(&'static str, u32)], name: &str) -> u32 {
    counts.iter().find(|c| c.0 == name).map_or(0, |c| c.1)
}

#[wasm_bindgen_test]
async fn an_animation_tick_re_renders_only_what_shows_the_step() {
    use wasm_bindgen::JsCast;
    let host = mount_with("mode=private&client=vm").await;
    // On screen, or the clock stops.
    host.scroll_into_view();
    let speed: web_sys::HtmlSelectElement =
        one(&host, ".speed select").dyn_into().expect("a select");
    speed.set_value("fast");
    let change = web_sys::Event::new("change").expect("a change event");
    speed.dispatch_event(&change).expect("dispatched");
    settle().await;
    click(&host, "[data-testid='play']").await;
    let before = render_counts();
    // Fast is a tick every 650 ms: wait for three.
    for _ in 0..150 {
        settle().await;
        if text(&host, "[data-testid='step-count']").starts_with("Step 3 of") {
            break;
        }
    }
    click(&host, "[data-testid='play']").await;
    let ticks = rendered_since(&before);
    console_log!("renders during three ticks: {ticks:?}");
    assert!(
        text(&host, "[data-testid='step-count']").starts_with("Step 3 of"),
        "three ticks have passed"
    );
    assert!(
        count_of(&ticks, "timeline") >= 3 && count_of(&ticks, "network-diagram") >= 3,
        "the timeline and the diagram show every step: {ticks:?}"
    );
    for still in STILL_ON_A_TICK {
        assert_eq!(
            count_of(&ticks, still),
            0,
            "{still} re-rendered on a tick: {ticks:?}"
        );
    }
    let before = render_counts();
    choose(&host, "egress", "natgw").await;
    let change = rendered_since(&before);
    assert_eq!(
        attr(&host, "[data-setting='egress'] input:checked", "value"),
        "natgw"
    );
    for moved in ["controls", "radio-group", "inspector"] {
        assert!(
            count_of(&change, moved) >= 1,
            "{moved} follows a setting: {change:?}"
        );
    }
}
