//! The components rendered natively with Yew's server renderer, as the prerendered page will be at
//! build time: they must not need a browser, must not claim to be interactive before hydration,
//! and must carry the hooks, no page-wide ids and no inline styles.
#![cfg(not(target_arch = "wasm32"))]

use aks_netviz::ui::app::{App, AppProps};

fn render(fragment: &str) -> String {
    let props = AppProps {
        fragment: Some(fragment.to_string()),
        ..AppProps::default()
    };
    futures::executor::block_on(yew::LocalServerRenderer::<App>::with_props(props).render())
}

#[test]
fn the_page_renders_without_a_browser_with_its_hooks() {
    let html = render("mode=private&dns=none&client=laptop");
    assert!(html.contains(r#"data-testid="aks-netviz""#));
    assert!(
        html.contains(r#"data-ready="false""#),
        "not interactive until hydrated"
    );
    for hook in [
        "outcome",
        "dns-answer",
        "kubectl-output",
        "transcript",
        "path",
        "why",
        "tunnel",
        "access-profile",
        "az-command",
        "validation",
        "step-next",
        "step-prev",
        "play",
        "import-json",
    ] {
        assert!(
            html.contains(&format!(r#"data-testid="{hook}""#)),
            "hook {hook} is rendered"
        );
    }
    assert!(
        html.contains(r#"data-outcome="timeout""#),
        "the article's laptop times out on 10.224.0.4"
    );
    assert!(html.contains("<svg"), "the diagrams are in the markup");
}

#[test]
fn no_scenario_renders_a_page_wide_id_or_an_inline_style() {
    for fragment in [
        "",
        "mode=authorized&ranges=1.1.1.1/32,10.0.0.0/8",
        "mode=private&dns=system&client=peered&zonelink=on",
        "mode=vnet&private=on&client=node",
        "mode=private&dns=none&publicfqdn=off",
        "client=runcommand&runcommand=off&view=embed&theme=dark",
    ] {
        let html = render(fragment);
        assert!(!html.contains(" id=\""), "{fragment}: an id attribute");
        assert!(!html.contains(" style=\""), "{fragment}: an inline style");
    }
}
