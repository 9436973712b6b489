//! The authorized IP ranges editor: add, edit and remove entries, each checked as the az CLI checks
//! it while the reader types.

use yew::prelude::*;

use crate::model::{Mode, ValidationMessage};
use crate::ui::state::Action;

#[derive(Properties, PartialEq)]
pub struct RangesEditorProps {
    pub entries: Vec<String>,
    pub mode: Mode,
    pub private: bool,
    pub validation: Vec<ValidationMessage>,
    pub on_action: Callback<Action>,
}

#[function_component(RangesEditor)]
pub fn ranges_editor(props: &RangesEditorProps) -> Html {
    crate::ui::renders::rendered("ranges-editor");
    let cb = &props.on_action;
    let hint = match props.mode {
        Mode::Authorized => "Only these source addresses reach the public endpoint.",
        Mode::Vnet if !props.private => "With VNet integration the filter is on only when ranges are given (up to 2,000).",
        _ if props.private => "Authorized ranges apply to the public endpoint only; private clusters refuse them.",
        _ => "A public cluster without ranges accepts any source; choose Authorized IP ranges to filter.",
    };
    let general: Vec<&ValidationMessage> = props
        .validation
        .iter()
        .filter(|v| v.key == "ranges" && v.entry_index.is_none())
        .collect();
    let rows: Html = props
        .entries
        .iter()
        .enumerate()
        .map(|(i, entry)| {
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
            let problems: Vec<&ValidationMessage> = props
                .validation
                .iter()
                .filter(|v| v.key == "ranges" && v.entry_index == Some(i))
                .collect();
            let bad = !problems.is_empty();
            html! {
                <li class={classes!("range", bad.then_some("invalid"))}>
                    <label class="text-field">
                        <span class="field-label">{ format!("Range {}", i + 1) }</span>
                        <input type="text" autocomplete="off" spellcheck="false" value={entry.clone()}
                               {oninput} aria-invalid={bad.then_some("true")} />
                    </label>
                    <button type="button" class="button small" onclick={remove}
                            aria-label={format!("Remove range {} ({})", i + 1, entry)}>{ "Remove" }</button>
                    if bad {
                        { for problems.iter().map(|p| html! {
                            <p class="message error"><span class="message-tag">{ "az: " }</span>{ p.message.clone() }</p>
                        }) }
                    } else if !entry.trim().is_empty() {
                        <p class="message ok">{ "accepted" }</p>
                    }
                </li>
            }
        })
        .collect();
    let add = {
        let cb = cb.clone();
        Callback::from(move |_: MouseEvent| cb.emit(Action::AddRange))
    };
    html! {
        <fieldset class={classes!("setting", "ranges-editor", (!general.is_empty()).then_some("invalid"))} data-setting="ranges">
            <legend>{ "Authorized IP ranges" }</legend>
            <p class="hint">{ hint }</p>
            <ul class="ranges">{ rows }</ul>
            <button type="button" class="button small add-range" onclick={add}>{ "Add range" }</button>
            { for general.iter().map(|m| html! {
                <p class="message error" role="alert"><span class="message-tag">{ "az: " }</span>{ m.message.clone() }</p>
            }) }
        </fieldset>
    }
}
