//! The authorized IP ranges editor: add, edit and remove entries, each checked as the az CLI checks
//! it while the reader types.

use std::collections::BTreeMap;
use std::rc::Rc;

use yew::prelude::*;

use crate::model::{Mode, ValidationMessage};
use crate::ui::bounded;
use crate::ui::state::Action;

/// Rows drawn before "Show more": enough for any list a reader types by hand.
const FIRST_ROWS: usize = 50;
/// Rows each "Show more" adds.
const MORE_ROWS: usize = 200;

#[derive(Properties, PartialEq)]
pub struct RangesEditorProps {
    /// The entries as typed, computed once per change (a 2,000-range list is 2,000 strings).
    pub entries: Rc<Vec<String>>,
    pub mode: Mode,
    pub private: bool,
    pub validation: Vec<ValidationMessage>,
    pub on_action: Callback<Action>,
}

/// A pasted list can hold far more entries than AKS accepts: the editor draws the first rows and
/// every refused entry (up to `bounded::ITEMS_SHOWN`), and says how many it does not draw. The
/// hidden entries stay in the scenario, the link and every export.
#[function_component(RangesEditor)]
pub fn ranges_editor(props: &RangesEditorProps) -> Html {
    crate::ui::renders::rendered("ranges-editor");
    let shown = use_state(|| FIRST_ROWS);
    let cb = &props.on_action;
    let hint = match props.mode {
        Mode::Authorized => "Only these source addresses reach the public endpoint.",
        Mode::Vnet if !props.private => "With VNet integration the filter is on only when ranges are given (up to 2,000).",
        _ if props.private => "Authorized ranges apply to the public endpoint only; private clusters refuse them.",
        _ => "A public cluster without ranges accepts any source; choose Authorized IP ranges to filter.",
    };
    let mut general: Vec<&ValidationMessage> = Vec::new();
    let mut problems: BTreeMap<usize, Vec<&ValidationMessage>> = BTreeMap::new();
    for v in props.validation.iter().filter(|v| v.key == "ranges") {
        match v.entry_index {
            Some(i) => problems.entry(i).or_default().push(v),
            None => general.push(v),
        }
    }
    let flagged: Vec<usize> = problems.keys().copied().collect();
    let total = props.entries.len();
    let (drawn, refused_unlisted) = bounded::rows(total, *shown, &flagged);
    let mut rows: Vec<Html> = Vec::with_capacity(drawn.len() + 1);
    for (n, &i) in drawn.iter().enumerate() {
        if n > 0 && drawn[n - 1] + 1 != i {
            rows.push(html! { <li class="range-gap" aria-hidden="true">{ "…" }</li> });
        }
        let entry = &props.entries[i];
        let oninput = {
            let cb = cb.clone();
            Callback::from(move |e: InputEvent| {
                if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                    cb.emit(Action::EditRange(i, input.value()));
                }
            })
        };
        let remove = {
            let cb = cb.clone();
            Callback::from(move |_: MouseEvent| cb.emit(Action::RemoveRange(i)))
        };
        let mine = problems.get(&i).map(Vec::as_slice).unwrap_or_default();
        let bad = !mine.is_empty();
        let length = entry.chars().count();
        // A pasted entry of kilobytes is shown by its start, read-only, with a button that
        // empties it; the whole entry stays in the settings and the link.
        let long = length > bounded::ENTRY_FIELD;
        let field = if long {
            html! {
                <input type="text" readonly=true spellcheck="false" aria-invalid={bad.then_some("true")}
                       value={entry.chars().take(bounded::ENTRY_FIELD).collect::<String>()} />
            }
        } else {
            html! {
                <input type="text" autocomplete="off" spellcheck="false" value={entry.clone()}
                       {oninput} aria-invalid={bad.then_some("true")} />
            }
        };
        let left_out = long.then(|| {
            let clear = {
                let cb = cb.clone();
                Callback::from(move |_: MouseEvent| cb.emit(Action::EditRange(i, String::new())))
            };
            html! {
                <p class="hint" data-testid="range-left-out">
                    { format!("This entry has {} characters; the field shows the first {}, read-only. ",
                              bounded::count(length), bounded::ENTRY_FIELD) }
                    <button type="button" class="button small" data-testid="range-clear" onclick={clear}
                            aria-label={format!("Clear range {}", i + 1)}>{ "Clear" }</button>
                </p>
            }
        });
        rows.push(html! {
            <li class={classes!("range", bad.then_some("invalid"))}>
                <label class="text-field">
                    <span class="field-label">{ format!("Range {}", bounded::count(i + 1)) }</span>
                    { field }
                </label>
                <button type="button" class="button small" onclick={remove}
                        aria-label={format!("Remove range {} ({})", i + 1, bounded::start(entry, 40))}>{ "Remove" }</button>
                { for left_out }
                if bad {
                    { for mine.iter().map(|p| html! {
                        <p class="message error"><span class="message-tag">{ "az: " }</span>{ p.message.clone() }</p>
                    }) }
                } else if !entry.trim().is_empty() {
                    <p class="message ok">{ "accepted" }</p>
                }
            </li>
        });
    }
    let unlisted = total - drawn.len();
    let left_out = (unlisted > 0).then(|| {
        let refused = if refused_unlisted > 0 {
            format!(
                "; {} of them are refused too (the first {} refused entries are listed)",
                bounded::count(refused_unlisted),
                bounded::count(bounded::ITEMS_SHOWN)
            )
        } else {
            String::new()
        };
        format!(
            "{} more ranges are not listed here but are part of the settings{refused}.",
            bounded::count(unlisted)
        )
    });
    let more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + MORE_ROWS))
    };
    let add = {
        let cb = cb.clone();
        Callback::from(move |_: MouseEvent| cb.emit(Action::AddRange))
    };
    html! {
        <fieldset class={classes!("setting", "ranges-editor", (!general.is_empty()).then_some("invalid"))} data-setting="ranges">
            <legend>{ "Authorized IP ranges" }</legend>
            <p class="hint">{ hint }</p>
            <ul class="ranges">{ for rows }</ul>
            if let Some(note) = left_out {
                <p class="hint" data-testid="ranges-left-out">{ note }</p>
                if *shown < total {
                    <button type="button" class="button small" data-testid="ranges-show-more" onclick={more}>
                        { format!("Show {} more", bounded::count(MORE_ROWS.min(total - *shown))) }
                    </button>
                }
            }
            <button type="button" class="button small add-range" onclick={add}>{ "Add range" }</button>
            { for general.iter().map(|m| html! {
                <p class="message error" role="alert"><span class="message-tag">{ "az: " }</span>{ m.message.clone() }</p>
            }) }
        </fieldset>
    }
}
