//! A labelled group of radio buttons: native inputs, so arrow keys, Tab and screen readers work as
//! everywhere else on the web.

use yew::prelude::*;

/// One choice of a group.
#[derive(Clone, PartialEq)]
pub struct Choice {
    pub value: &'static str,
    pub label: AttrValue,
}

impl Choice {
    pub fn new(value: &'static str, label: impl Into<AttrValue>) -> Self {
        Choice {
            value,
            label: label.into(),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct RadioGroupProps {
    pub legend: AttrValue,
    /// The group's `name`: unique per widget instance so two widgets never share a group.
    pub name: AttrValue,
    /// The fragment key this setting writes (`data-setting`), so messages can point at it.
    pub setting: &'static str,
    pub choices: Vec<Choice>,
    pub selected: &'static str,
    pub on_select: Callback<&'static str>,
    /// A hint shown under the legend (when the setting applies).
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// Messages about this setting (validation), shown inside the group.
    #[prop_or_default]
    pub messages: Vec<String>,
}

#[function_component(RadioGroup)]
pub fn radio_group(props: &RadioGroupProps) -> Html {
    crate::ui::renders::rendered("radio-group");
    let choices: Html = props
        .choices
        .iter()
        .map(|c| {
            let on_select = props.on_select.clone();
            let value = c.value;
            let onchange = Callback::from(move |_: Event| on_select.emit(value));
            html! {
                <label class="choice">
                    <input type="radio" name={props.name.clone()} value={c.value}
                           checked={c.value == props.selected} {onchange} />
                    <span>{ c.label.clone() }</span>
                </label>
            }
        })
        .collect();
    let invalid = !props.messages.is_empty();
    html! {
        <fieldset class={classes!("setting", invalid.then_some("invalid"))} data-setting={props.setting}
                  aria-invalid={invalid.then_some("true")}>
            <legend>{ props.legend.clone() }</legend>
            if let Some(hint) = &props.hint {
                <p class="hint">{ hint.clone() }</p>
            }
            <div class="choices">{ choices }</div>
            { for props.messages.iter().map(|m| html! {
                <p class="message error" role="alert"><span class="message-tag">{ "az: " }</span>{ m.clone() }</p>
            }) }
        </fieldset>
    }
}
