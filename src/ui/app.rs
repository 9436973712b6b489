//! The root component: one widget, its state, its edges (address bar, clock, viewport, keys) and
//! its panels, laid out for the view (`full`, `embed` or `present`).

use std::sync::atomic::{AtomicUsize, Ordering};

use yew::prelude::*;

use crate::link::{self, Theme, View};
use crate::model::Scenario;
use crate::ui::components::controls::Controls;
use crate::ui::components::disclosure::on_toggle;
use crate::ui::components::exercises::Exercises;
use crate::ui::components::export_buttons::ExportButtons;
use crate::ui::components::import_box::ImportBox;
use crate::ui::components::inspector::Inspector;
use crate::ui::components::network_diagram::NetworkDiagram;
use crate::ui::components::outcome_panel::OutcomePanel;
use crate::ui::components::overview_diagram::OverviewDiagram;
use crate::ui::components::primer::Primer;
use crate::ui::components::radio_group::{Choice, RadioGroup};
use crate::ui::components::share::Share;
use crate::ui::components::terminal::Terminal;
use crate::ui::components::timeline::Timeline;
use crate::ui::components::waterfall::Waterfall;
use crate::ui::hooks::use_fragment_sync::{current_fragment, use_fragment_sync};
use crate::ui::hooks::use_present_keys::use_present_keys;
use crate::ui::hooks::use_reduced_motion::use_reduced_motion;
use crate::ui::hooks::use_ticker::use_ticker;
use crate::ui::hooks::use_visibility::use_visibility;
use crate::ui::overview::OverviewFacts;
use crate::ui::state::{Action, State};

/// Gives every widget on a page its own prefix for `name` attributes.
static INSTANCES: AtomicUsize = AtomicUsize::new(0);

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The widget's own fragment (a page hosting several widgets gives each one). When `None`,
    /// the widget reads and writes the address bar's fragment.
    #[prop_or_default]
    pub fragment: Option<String>,
    /// The fragment the host's prerendered HTML shows. The first render uses it, so hydration
    /// finds exactly the markup it expects; an effect then applies the widget's own fragment
    /// (or the address bar's) when that differs.
    #[prop_or_default]
    pub prerendered: Option<String>,
    /// Prefix for the widget's `name` attributes. The page and the prerenderer both pass the
    /// host's position on the page, so the prerendered names match the hydrated ones.
    #[prop_or_default]
    pub uid: Option<AttrValue>,
}

/// `data-ready` turns `true` only once the component has mounted in a browser, so a prerendered
/// page (which never runs effects) never claims to be interactive.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    crate::ui::renders::rendered("app");
    let sync_url = props.fragment.is_none();
    let state = {
        let first = props.prerendered.clone().or_else(|| props.fragment.clone());
        use_reducer(move || {
            let (link, errors) = link::parse(&first.unwrap_or_else(current_fragment));
            State::from_link(link, errors)
        })
    };
    // After hydrating prerendered HTML: the fragment the widget really shows, when it differs.
    let pending = {
        let own = props.fragment.clone();
        let prerendered = props.prerendered.clone();
        use_state(move || {
            // A page prerendered for one deep link and opened without a fragment keeps its state.
            let wanted = own.unwrap_or_else(|| {
                Some(current_fragment())
                    .filter(|f| !f.is_empty())
                    .or_else(|| prerendered.clone())
                    .unwrap_or_default()
            });
            prerendered.filter(|p| *p != wanted).map(|_| wanted)
        })
    };
    let uid = use_state(|| match &props.uid {
        Some(uid) => uid.to_string(),
        None => format!("aks-netviz-{}", INSTANCES.fetch_add(1, Ordering::Relaxed)),
    });
    let ready = use_state(|| false);
    {
        let ready = ready.clone();
        use_effect_with((), move |_| ready.set(true));
    }
    // One callback for every change, built once: the reducer's dispatcher is the same on every
    // render, so children given this callback (or one built from it) keep equal props on an
    // animation tick and Yew skips them (`ui::renders` counts it in the browser tests).
    let dispatch = use_callback(state.dispatcher(), |a: Action, d| d.dispatch(a));
    {
        let dispatch = dispatch.clone();
        let pending = pending.clone();
        use_effect_with((), move |_| {
            if let Some(fragment) = (*pending).clone() {
                dispatch.emit(Action::ApplyFragment(fragment));
                pending.set(None);
            }
        });
    }
    // Printed once per render: the address bar and the share link show the same text.
    let fragment = state.fragment();
    use_fragment_sync(
        sync_url && pending.is_none(),
        fragment.clone(),
        state.playing,
        dispatch.clone(),
    );
    let root = use_node_ref();
    // Off screen or in a hidden tab, the clock stops; `playing` stays, so it resumes at this step.
    let seen = use_visibility(root.clone());
    use_ticker(
        state.playing && seen,
        state.speed.interval_ms(),
        dispatch.clone(),
    );
    let view = state.link.view;
    use_present_keys(view == View::Present, dispatch.clone());
    let motion = !use_reduced_motion();
    // The widget, not the page, fills the screen (Escape leaves, as everywhere).
    let full_screen = {
        let root = root.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(el) = root.cast::<web_sys::Element>() {
                request_fullscreen(&el);
            }
        })
    };
    let exit_present = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::SetView(View::Full)))
    };

    let scenario = &state.link.scenario;
    let drawn = state.drawn.clone();
    let trace = state.trace.clone();
    let current = state.step.checked_sub(1).and_then(|i| trace.events.get(i));
    let narration = match current {
        // Presenter mode shows the step counter beside it.
        Some(e) if view == View::Present => format!("{} {}", e.label, e.detail),
        Some(e) => format!(
            "Step {} of {}: {} {}",
            state.step,
            trace.events.len(),
            e.label,
            e.detail
        ),
        None if trace.events.is_empty() => trace.summary.clone(),
        None if view == View::Present => "Press the right arrow or Space to start.".to_string(),
        None => format!(
            "Step 0 of {}: press Play or Step forward to start.",
            trace.events.len()
        ),
    };
    let theme = state.link.theme;
    let on_theme = use_callback(dispatch.clone(), |v: &'static str, d| {
        if let Some(t) = Theme::from_id(v) {
            d.emit(Action::SetTheme(t));
        }
    });
    let theme_switch = html! {
        <div class="theme-switch">
            <RadioGroup legend="Theme" name={format!("{}-theme", *uid)} setting="theme"
                choices={vec![Choice::new("auto", "System"), Choice::new("light", "Light"), Choice::new("dark", "Dark")]}
                selected={theme.as_str()} on_select={on_theme} />
        </div>
    };
    let primer_open = use_state(|| false);
    let overview_open = use_state(|| false);
    let share = html! {
        <Share {fragment} full_fragment={state.fragment_in(View::Full)}
            open_full={view == View::Embed} />
    };
    // The closed disclosures render their content once opened: the prerendered page is smaller
    // and the diagram comes earlier in it.
    let primer = html! {
        <details class="primer-details" ontoggle={on_toggle(primer_open.clone())}>
            <summary>{ "First, how any Azure PaaS service is reached: accept lists, VNet rules, private endpoints" }</summary>
            if *primer_open {
                <Primer uid={(*uid).clone()} cluster={scenario.cluster.clone()} laptop_ip={scenario.laptop_ip} />
            }
        </details>
    };
    // Split once per change, not on every animation tick.
    let range_entries = use_memo((state.drawn.clone(), state.blank_range), |_| {
        state.range_entries()
    });
    let controls = html! {
        <Controls scenario={scenario.clone()} validation={trace.validation.clone()} uid={(*uid).clone()}
            range_entries={range_entries} laptop_ip_text={state.laptop_ip_text.clone()}
            laptop_ip_error={state.laptop_ip_error.clone()}
            cluster_name_text={state.cluster_name_text.clone()}
            cluster_name_error={state.cluster_name_error.clone()} on_action={dispatch.clone()} />
    };
    let timeline = html! {
        <Timeline trace={trace.clone()} step={state.step} playing={state.playing} speed={state.speed}
            name={format!("{}-speed", *uid)} on_action={dispatch.clone()} />
    };
    let details = html! {
        <>
            <Waterfall trace={trace.clone()} theme={theme.as_str()} />
            <Terminal blocks={state.texts.hooks.transcript_blocks.clone()} step={state.step} />
            <Inspector texts={state.texts.clone()} />
            <ImportBox text={state.import_text.clone()} status={state.import.clone()}
                name={format!("{}-import", *uid)} on_action={dispatch.clone()} />
        </>
    };
    let overview = html! {
        <details class="overview-details" ontoggle={on_toggle(overview_open.clone())}>
            <summary>{ "The AKS architecture in one picture" }</summary>
            if *overview_open {
            <figure class="overview-figure">
                <OverviewDiagram facts={OverviewFacts::for_scenario(&Scenario::default())} />
                <figcaption class="overview-caption">
                    { "The control plane, and with it the API server, lives in the Azure PaaS network and is \
                       managed by Microsoft. The worker nodes live in a virtual network of the customer's \
                       subscription and are managed by the control plane; control plane to kubelet traffic \
                       travels through the konnectivity tunnel that the nodes open." }
                </figcaption>
            </figure>
            }
        </details>
    };
    // In an element of its own: the exercises can render nothing (an open exercise's status, a
    // view other than the full page), and Yew 0.23 panics ("failed to insert node before next
    // sibling", yewstack/yew#4092) when, in one render, a component that renders nothing sits
    // between a sibling that appears (the full view's header) and one that goes (the link's
    // error banner), as when the address bar changes an embed link with a bad value into a
    // plain one. `display: contents` leaves the layout as it was.
    let exercises = html! {
        <div class="exercises-slot">
            <Exercises exercise={state.link.exercise.clone()} scenario={drawn.clone()} {view}
                fresh={*scenario == Scenario::default()} on_action={dispatch.clone()} />
        </div>
    };
    // What surrounds the diagram depends on the view: the full page, the embed view's minimal
    // chrome with the rest one click away, or presenter mode's diagram, narration and counter.
    let (above, below) = match view {
        View::Full => (
            html! {
                <>
                    <header class="widget-header">
                        <h2 class="widget-title">{ "How kubectl and the nodes reach the AKS API server" }</h2>
                        { theme_switch }
                    </header>
                    { share }
                    { primer }
                </>
            },
            html! {
                <>
                    <div class="workspace">
                        { controls }
                        <div class="results">
                            { timeline }
                            <OutcomePanel trace={trace.clone()} />
                            { details }
                        </div>
                    </div>
                    { overview }
                </>
            },
        ),
        View::Embed => (
            Html::default(),
            html! {
                <>
                    { timeline }
                    <OutcomePanel trace={trace.clone()} />
                    { share }
                    <details class="embed-more">
                        <summary>{ "Settings, terminal and details" }</summary>
                        { theme_switch }
                        { controls }
                        { details }
                        { primer }
                        { overview }
                    </details>
                </>
            },
        ),
        View::Present => (
            Html::default(),
            html! {
                <div class="present-bar">
                    <span class="step-counter" data-testid="step-counter">
                        { format!("Step {} of {}", state.step, trace.events.len()) }
                    </span>
                    <button type="button" class="button" onclick={full_screen}>{ "Full screen" }</button>
                    <button type="button" class="button" onclick={exit_present}>{ "Exit presenter mode" }</button>
                </div>
            },
        ),
    };
    html! {
        <div class={classes!("aks-netviz", format!("view-{}", view.as_str()))} ref={root.clone()}
             data-testid="aks-netviz" data-ready={ready.to_string()} data-theme={theme.as_str()}>
            { above }
            { exercises }
            if !state.fragment_errors.is_empty() {
                <div class="banner error" role="alert" data-testid="fragment-errors">
                    <p>{ "Some settings in the link were not understood; their defaults are shown instead:" }</p>
                    <ul>
                        { for state.fragment_errors.iter().map(|e| html! { <li>{ e.to_string() }</li> }) }
                    </ul>
                </div>
            }
            <div class="stage">
                <div class="diagram-frame" role="region" aria-label="Network diagram">
                    <NetworkDiagram scenario={drawn.clone()} trace={trace.clone()} step={state.step} {motion} />
                </div>
                if view != View::Present {
                    <ExportButtons scenario={drawn} trace={trace.clone()} step={state.step} {theme} />
                }
                <p class="narration" aria-live="polite" data-testid="narration">{ narration }</p>
            </div>
            { below }
        </div>
    }
}

/// Asks for full screen and handles the browser's answer: the promise is refused in an iframe
/// without `allow="fullscreen"`, and a refusal nobody handles is an error in the reader's console.
/// The button then does nothing, as the browser decided; Escape and the presenter keys still work.
fn request_fullscreen(el: &web_sys::Element) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let answer = crate::ui::js_method::call0(el, "requestFullscreen")
            .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
        if let Some(answer) = answer {
            wasm_bindgen_futures::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(answer).await;
            });
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = el;
}
