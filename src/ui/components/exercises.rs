//! Workshop exercises in the widget: the list (full view), and the open exercise with its goals
//! checked live by the model on the widget's own scenario, hints one at a time, and the
//! explanation once solved. The exercises file is fetched from the site only when an exercise is
//! opened or the list is shown; solved exercises are remembered in this browser (localStorage)
//! and nothing leaves the page.

use std::rc::Rc;

use yew::prelude::*;

#[cfg(target_arch = "wasm32")]
use crate::exercise::parse_catalogue;
use crate::exercise::{check, shown_value, Exercise};
use crate::link::View;
use crate::model::Scenario;
use crate::ui::components::disclosure::on_toggle;
use crate::ui::state::Action;

/// Where solved exercise ids are kept, one JSON array for every widget of the site.
pub const PROGRESS_KEY: &str = "aks-netviz-exercises-done";

#[derive(Properties, PartialEq)]
pub struct ExercisesProps {
    /// `exercise` from the link.
    pub exercise: Option<String>,
    pub scenario: Rc<Scenario>,
    pub view: View,
    /// True when the link carried no setting besides the exercise: it opens at its start.
    pub fresh: bool,
    pub on_action: Callback<Action>,
}

/// The exercises file as fetched.
#[derive(Clone, PartialEq)]
enum Catalogue {
    NotAsked,
    Loading,
    Loaded(Rc<Vec<Exercise>>),
    Failed(String),
}

#[function_component(Exercises)]
pub fn exercises(props: &ExercisesProps) -> Html {
    let catalogue = use_state(|| Catalogue::NotAsked);
    let list_open = use_state(|| false);
    let done = use_state(read_progress);
    let hints = use_state(|| 0usize);
    let wanted = props.exercise.is_some() || *list_open;
    {
        let catalogue = catalogue.clone();
        use_effect_with(wanted, move |wanted| {
            if *wanted && *catalogue == Catalogue::NotAsked {
                catalogue.set(Catalogue::Loading);
                fetch_catalogue(catalogue);
            }
        });
    }
    let loaded = match &*catalogue {
        Catalogue::Loaded(list) => Some(list.clone()),
        _ => None,
    };
    let open = props
        .exercise
        .as_ref()
        .and_then(|id| loaded.as_ref()?.iter().find(|e| &e.id == id).cloned());
    // A link that only names the exercise opens it at its start, once the file is here (once
    // per exercise named, so settings that happen to return to the defaults are left alone).
    let arrived = use_mut_ref(|| None::<String>);
    {
        let on_action = props.on_action.clone();
        let start = open
            .as_ref()
            .filter(|e| props.fresh && arrived.borrow().as_ref() != Some(&e.id))
            .map(|e| (e.id.clone(), e.start.clone()));
        use_effect_with(start, move |start| {
            if let Some((id, start)) = start.clone() {
                *arrived.borrow_mut() = Some(id.clone());
                on_action.emit(Action::OpenExercise(id, start));
            }
        });
    }
    {
        let hints = hints.clone();
        use_effect_with(props.exercise.clone(), move |_| hints.set(0));
    }
    let result = open.as_ref().map(|e| check(e, &props.scenario));
    let solved = result.as_ref().is_some_and(|r| r.solved());
    {
        let done = done.clone();
        let id = props.exercise.clone().filter(|_| solved);
        use_effect_with(id, move |id| {
            if let Some(id) = id {
                if !done.contains(id) {
                    let mut next = (*done).clone();
                    next.push(id.clone());
                    write_progress(&next);
                    done.set(next);
                }
            }
        });
    }

    let open_exercise = |e: &Exercise| {
        let on_action = props.on_action.clone();
        let (id, start) = (e.id.clone(), e.start.clone());
        Callback::from(move |_: MouseEvent| {
            on_action.emit(Action::OpenExercise(id.clone(), start.clone()))
        })
    };
    let status = match &*catalogue {
        Catalogue::Failed(why) => {
            html! { <p class="message error" role="alert">{ why.clone() }</p> }
        }
        Catalogue::Loading | Catalogue::NotAsked if wanted => {
            html! { <p class="hint">{ "Loading the exercises…" }</p> }
        }
        _ => Html::default(),
    };

    if let (Some(id), Some(_)) = (&props.exercise, &loaded) {
        if open.is_none() {
            let close = close_callback(&props.on_action);
            return html! {
                <section class="exercise-panel" data-testid="exercise" data-exercise={id.clone()}>
                    <p class="message error" role="alert">
                        { format!("There is no exercise `{id}` on this site. The widget shows the link's settings; choose an exercise from the list instead.") }
                    </p>
                    <button type="button" class="button" onclick={close}>{ "Leave the exercise" }</button>
                </section>
            };
        }
    }
    if let (Some(e), Some(r)) = (&open, &result) {
        let goals = r.goals.iter().map(|g| {
            let mark = if g.met { "✓ met" } else { "✗ not yet" };
            html! {
                <li data-testid="exercise-goal" data-met={g.met.to_string()}>
                    <span class={classes!("goal-mark", g.met.then_some("met"))}>{ mark }</span>
                    { " " }{ g.goal.to_string() }
                    if !g.met {
                        <span class="goal-saw">{ format!(" (sees {})", g.saw) }</span>
                        if let Some(why) = &g.why {
                            <p class="goal-why">{ why.clone() }</p>
                        }
                    }
                </li>
            }
        });
        let kept = r.kept.iter().map(|k| {
            let text = if k.kept {
                format!("✓ {} stays {}", k.key, shown_value(&k.start))
            } else {
                format!(
                    "✗ {} must stay {} (now {})",
                    k.key,
                    shown_value(&k.start),
                    shown_value(&k.now)
                )
            };
            html! { <li data-testid="exercise-kept" data-kept={k.kept.to_string()}>{ text }</li> }
        });
        let met = r.goals_met();
        let verdict = if solved {
            "Solved: every goal is met.".to_string()
        } else {
            format!("Not solved yet: {met} of {} goals met.", r.goals.len())
        };
        let shown = (*hints).min(e.hints.len());
        let more_hint = {
            let hints = hints.clone();
            Callback::from(move |_: MouseEvent| hints.set(*hints + 1))
        };
        let title_id = format!("exercise-{}-title", e.id);
        return html! {
            <section class="exercise-panel" data-testid="exercise" data-exercise={e.id.clone()}
                     data-solved={solved.to_string()} aria-labelledby={title_id.clone()}>
                <h3 class="panel-title" id={title_id}>{ format!("Exercise: {}", e.title) }</h3>
                <p class="exercise-story">{ e.story.clone() }</p>
                <h4 class="exercise-heading">{ "Goals" }</h4>
                <ul class="exercise-goals">{ for goals }</ul>
                if !r.kept.is_empty() {
                    <h4 class="exercise-heading">{ "Keep" }</h4>
                    <ul class="exercise-kept">{ for kept }</ul>
                }
                <p class="exercise-verdict" role="status" data-testid="exercise-verdict">{ verdict }</p>
                if solved {
                    <p class="exercise-explanation" data-testid="exercise-explanation">{ e.explanation.clone() }</p>
                }
                if shown > 0 {
                    <ol class="exercise-hints">
                        { for e.hints[..shown].iter().map(|h| html! { <li>{ h.clone() }</li> }) }
                    </ol>
                }
                <div class="exercise-buttons">
                    if shown < e.hints.len() && !solved {
                        <button type="button" class="button small" data-testid="exercise-hint" onclick={more_hint}>
                            { format!("Show a hint ({} of {})", shown + 1, e.hints.len()) }
                        </button>
                    }
                    <button type="button" class="button small" data-testid="exercise-restart" onclick={open_exercise(e)}>
                        { "Start over" }
                    </button>
                    if props.view == View::Full {
                        <button type="button" class="button small" data-testid="exercise-close"
                                onclick={close_callback(&props.on_action)}>{ "All exercises" }</button>
                    }
                </div>
            </section>
        };
    }
    if props.exercise.is_some() || props.view != View::Full {
        return status;
    }
    let reset = {
        let done = done.clone();
        Callback::from(move |_: MouseEvent| {
            write_progress(&[]);
            done.set(Vec::new());
        })
    };
    let items = loaded.iter().flat_map(|list| list.iter()).map(|e| {
        let is_done = done.contains(&e.id);
        html! {
            <li data-exercise={e.id.clone()} data-done={is_done.to_string()}>
                <button type="button" class="link-button" onclick={open_exercise(e)}>{ e.title.clone() }</button>
                if is_done {
                    <span class="exercise-done">{ " ✓ solved" }</span>
                }
            </li>
        }
    });
    html! {
        <details class="exercises-details" data-testid="exercises" ontoggle={on_toggle(list_open.clone())}>
            <summary>{ "Workshop exercises: fix a cluster, checked by the model" }</summary>
            if *list_open {
                { status }
                <ol class="exercise-list">{ for items }</ol>
                <p class="hint">
                    { format!("{} solved in this browser (kept here only). ", done.len()) }
                    <button type="button" class="button small" data-testid="exercise-reset" onclick={reset}>
                        { "Reset progress" }
                    </button>
                </p>
            }
        </details>
    }
}

fn close_callback(on_action: &Callback<Action>) -> Callback<MouseEvent> {
    let on_action = on_action.clone();
    Callback::from(move |_: MouseEvent| on_action.emit(Action::CloseExercise))
}

/// The solved ids kept in this browser; none outside a browser or without storage.
fn read_progress() -> Vec<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let stored = web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .and_then(|s| s.get_item(PROGRESS_KEY).ok().flatten());
        stored
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Vec::new()
    }
}

fn write_progress(ids: &[String]) {
    #[cfg(target_arch = "wasm32")]
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        // Private browsing may refuse to store: progress then lasts until the page closes.
        let _ = match ids {
            [] => storage.remove_item(PROGRESS_KEY),
            _ => storage.set_item(
                PROGRESS_KEY,
                &serde_json::to_string(ids).unwrap_or_default(),
            ),
        };
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = ids;
}

/// Fetches `exercises.json` from the site (beside the loader), then parses it.
fn fetch_catalogue(into: UseStateHandle<Catalogue>) {
    #[cfg(target_arch = "wasm32")]
    wasm_bindgen_futures::spawn_local(async move {
        let url = format!(
            "{}exercises.json",
            crate::ui::components::share::site_base()
        );
        let result = fetch_text(&url)
            .await
            .map_err(|e| format!("The exercises could not be loaded from {url}: {e}"))
            .and_then(|text| parse_catalogue(&text));
        into.set(match result {
            Ok(list) => Catalogue::Loaded(Rc::new(list)),
            Err(e) => Catalogue::Failed(e),
        });
    });
    // Natively (the server renderer never runs effects; tests may): the same file, built in.
    #[cfg(not(target_arch = "wasm32"))]
    into.set(match crate::exercise::catalogue() {
        Ok(list) => Catalogue::Loaded(Rc::new(list.to_vec())),
        Err(e) => Catalogue::Failed(e.to_string()),
    });
}

#[cfg(target_arch = "wasm32")]
async fn fetch_text(url: &str) -> Result<String, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| "the network request failed".to_string())?
        .dyn_into::<web_sys::Response>()
        .map_err(|_| "not a response".to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = response
        .text()
        .map_err(|_| "the response has no text".to_string())?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| "the response has no text".to_string())
}
