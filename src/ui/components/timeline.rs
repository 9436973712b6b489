//! Timeline controls and the event list (Packet Tracer style): play, pause, step, speed, restart,
//! and every event as a button that jumps there.

use yew::prelude::*;

use crate::model::{Trace, Verdict};
use crate::ui::state::{Action, Speed};

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub trace: std::rc::Rc<Trace>,
    pub step: usize,
    pub playing: bool,
    pub speed: Speed,
    pub name: AttrValue,
    pub on_action: Callback<Action>,
}

fn send(cb: &Callback<Action>, action: Action) -> Callback<MouseEvent> {
    let cb = cb.clone();
    Callback::from(move |_| cb.emit(action.clone()))
}

/// Play's action, dispatched in a task of its own after the click's. The browser handles a click
/// in the task that then draws the next frame, and Play from the last step draws the heaviest
/// change of all (every event but the first goes): in the click's task that made one long task
/// of input, render and frame (85 ms at 4x CPU). From a task of its own, the render and the
/// frame are two shorter ones, one frame later (about 16 ms at 1x), which an animation's start
/// hides; the step buttons stay immediate.
fn send_in_own_task(cb: &Callback<Action>, action: Action) -> Callback<MouseEvent> {
    let cb = cb.clone();
    Callback::from(move |_| {
        let (cb, action) = (cb.clone(), action.clone());
        #[cfg(target_arch = "wasm32")]
        crate::ui::frame::after_current_task(move || cb.emit(action));
        #[cfg(not(target_arch = "wasm32"))]
        cb.emit(action);
    })
}

#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    crate::ui::renders::rendered("timeline");
    let last = props.trace.events.len();
    let on_speed = {
        let cb = props.on_action.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_dyn_into::<web_sys::HtmlSelectElement>()
                .map(|s| s.value())
                .unwrap_or_default();
            if let Some(speed) = Speed::ALL.into_iter().find(|s| s.label() == value) {
                cb.emit(Action::SetSpeed(speed));
            }
        })
    };
    let play = if props.playing {
        html! { <button type="button" class="button" data-testid="play" aria-pressed="true"
        onclick={send(&props.on_action, Action::Pause)}>{ "Pause" }</button> }
    } else {
        html! { <button type="button" class="button" data-testid="play" aria-pressed="false"
        onclick={send_in_own_task(&props.on_action, Action::Play)} disabled={last == 0}>{ "Play" }</button> }
    };
    let items: Html = props
        .trace
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let n = i + 1;
            let state = if n == props.step {
                "current"
            } else if n < props.step {
                "done"
            } else {
                "todo"
            };
            let verdict = match e.verdict {
                Verdict::Pass => "passes",
                Verdict::Block => "blocked",
            };
            html! {
                <li class={classes!("event-item", state, e.verdict.as_str())} data-event-index={n.to_string()}>
                    <button type="button" class="event-jump" aria-current={(n == props.step).then_some("step")}
                            onclick={send(&props.on_action, Action::StepTo(n))}>
                        <span class="event-number">{ n }</span>
                        <span class="event-text">{ e.label.clone() }</span>
                        <span class={classes!("verdict", e.verdict.as_str())}>{ verdict }</span>
                    </button>
                </li>
            }
        })
        .collect();
    html! {
        <section class="timeline" aria-label="Timeline">
            <div class="timeline-controls" role="toolbar" aria-label="Animation controls">
                <button type="button" class="button" onclick={send(&props.on_action, Action::Restart)}
                        disabled={last == 0}>{ "Restart" }</button>
                <button type="button" class="button" data-testid="step-prev"
                        onclick={send(&props.on_action, Action::StepPrev)} disabled={props.step == 0}>{ "Step back" }</button>
                { play }
                <button type="button" class="button" data-testid="step-next"
                        onclick={send(&props.on_action, Action::StepNext)} disabled={props.step >= last}>{ "Step forward" }</button>
                <label class="speed">
                    <span>{ "Speed" }</span>
                    <select name={props.name.clone()} onchange={on_speed}>
                        { for Speed::ALL.iter().map(|s| html! {
                            <option value={s.label()} selected={*s == props.speed}>{ s.label() }</option>
                        }) }
                    </select>
                </label>
                <span class="step-count" data-testid="step-count">{ format!("Step {} of {}", props.step, last) }</span>
            </div>
            if last == 0 {
                <p class="hint">{ "Nothing to animate: the cluster cannot be created with these settings." }</p>
            } else {
                <ol class="event-list" aria-label="Events">{ items }</ol>
            }
        </section>
    }
}
