//! The import box: paste `az aks show` output (or an ARM resource, or its access profile) and the
//! widget shows that cluster. What is pasted is kept; a refusal says what was expected.

use yew::prelude::*;

use crate::ui::bounded;
use crate::ui::clipboard::copy_on_click;
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
    // A paste too long for the field is read from the clipboard event and never enters it.
    let onpaste = {
        let cb = props.on_action.clone();
        Callback::from(move |e: Event| {
            #[cfg(target_arch = "wasm32")]
            {
                use wasm_bindgen::JsCast;
                let text = e
                    .dyn_ref::<web_sys::ClipboardEvent>()
                    .and_then(|c| c.clipboard_data())
                    .and_then(|d| d.get_data("text/plain").ok());
                if let Some(text) = text.filter(|t| t.len() > bounded::FIELD_SHOWN) {
                    e.prevent_default();
                    cb.emit(Action::Import(text));
                }
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (e, &cb);
        })
    };
    let refused = matches!(props.status, ImportStatus::Refused(_));
    let (shown, left_out) = bounded::import_field(&props.text);
    let clear = {
        let cb = props.on_action.clone();
        Callback::from(move |_: MouseEvent| cb.emit(Action::Import(String::new())))
    };
    html! {
        <section class="import-box" aria-label="Import a cluster">
            <h3 class="panel-title">{ "Import a cluster" }</h3>
            <label class="text-field">
                <span class="field-label">{ "Paste the JSON of az aks show -n <name> -g <group>" }</span>
                <textarea data-testid="import-json" name={props.name.clone()} rows="6" spellcheck="false"
                          value={shown.to_string()} {oninput} {onpaste} readonly={left_out.is_some()}
                          aria-invalid={refused.then_some("true")}
                          placeholder="{ \"apiServerAccessProfile\": { \"enablePrivateCluster\": true, … } }" />
            </label>
            if let Some(note) = left_out {
                <p class="hint" data-testid="import-left-out">
                    { format!("The field shows the start of what was pasted, read-only: all of it was read. {note}") }
                </p>
                <div class="import-actions">
                    <button type="button" class="button small" onclick={copy_on_click(props.text.to_string())}>
                        { "Copy all of it" }
                    </button>
                    <button type="button" class="button small" data-testid="import-clear" onclick={clear}>
                        { "Clear" }
                    </button>
                </div>
            }
            { match &props.status {
                ImportStatus::Idle => html! {},
                ImportStatus::Imported(m) => html! { <p class="message ok" role="status">{ m.clone() }</p> },
                ImportStatus::Refused(m) => html! { <p class="message error" role="alert">{ m.clone() }</p> },
            } }
        </section>
    }
}
