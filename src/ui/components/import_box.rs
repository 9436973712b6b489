//! The import box: paste `az aks show` output (or an ARM resource, or its access profile) and the
//! widget shows that cluster. What is pasted is kept; a refusal says what was expected.

use yew::prelude::*;

use crate::ui::state::{Action, ImportStatus};

#[derive(Properties, PartialEq)]
pub struct ImportBoxProps {
    pub text: AttrValue,
    pub status: ImportStatus,
    pub name: AttrValue,
    pub on_action: Callback<Action>,
}

#[function_component(ImportBox)]
pub fn import_box(props: &ImportBoxProps) -> Html {
    crate::ui::renders::rendered("import-box");
    let oninput = {
        let cb = props.on_action.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(area) = e.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
                cb.emit(Action::Import(area.value()));
            }
        })
    };
    let refused = matches!(props.status, ImportStatus::Refused(_));
    html! {
        <section class="import-box" aria-label="Import a cluster">
            <h3 class="panel-title">{ "Import a cluster" }</h3>
            <label class="text-field">
                <span class="field-label">{ "Paste the JSON of az aks show -n <name> -g <group>" }</span>
                <textarea data-testid="import-json" name={props.name.clone()} rows="6" spellcheck="false"
                          value={props.text.clone()} {oninput} aria-invalid={refused.then_some("true")}
                          placeholder="{ \"apiServerAccessProfile\": { \"enablePrivateCluster\": true, … } }" />
            </label>
            { match &props.status {
                ImportStatus::Idle => html! {},
                ImportStatus::Imported(m) => html! { <p class="message ok" role="status">{ m.clone() }</p> },
                ImportStatus::Refused(m) => html! { <p class="message error" role="alert">{ m.clone() }</p> },
            } }
        </section>
    }
}
