//! Share and embed: "Copy link" copies the link to the current state; "Copy embed code" shows the
//! two ways to put this state in another page (an iframe, or a host element and the loader), each
//! in a read-only field with its own copy button. A polite status line says what was copied, or
//! that the clipboard is not available and the text is selected for copying by hand.

use yew::prelude::*;

use crate::render::embed;
use crate::ui::bounded;

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    /// The state's fragment as the widget shows it (no `#`).
    pub fragment: AttrValue,
    /// The same state in the full view: what the embed snippets and the full-explainer link show.
    pub full_fragment: AttrValue,
    /// Add a link that opens the state in the full view in a new tab (the embed view's way out).
    #[prop_or_default]
    pub open_full: bool,
}

/// The address share links and embed snippets start with: the site's folder, where the loader
/// (`boot.js`) that started this widget sits beside `index.html`, so a widget embedded in a blog
/// post still shares the site's links; the page's own address when no loader is found. Empty
/// outside a browser, which leaves the links relative.
pub fn site_base() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let document = web_sys::window().and_then(|w| w.document());
        let loader = document
            .as_ref()
            .and_then(|d| {
                d.query_selector("script[type=module][src$='boot.js']")
                    .ok()
                    .flatten()
            })
            .and_then(|s| s.dyn_into::<web_sys::HtmlScriptElement>().ok())
            .map(|s| s.src());
        match loader {
            Some(src) => embed::base_dir(&src).to_string(),
            None => web_sys::window()
                .and_then(|w| w.location().href().ok())
                .map(|href| embed::strip_fragment(&href).to_string())
                .unwrap_or_default(),
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        String::new()
    }
}

/// Writes `text` to the clipboard, then says so in `status`; when the clipboard is unavailable or
/// refuses, opens the panel and selects `field` so the reader can copy it by hand.
fn copy_text(
    text: &str,
    field: NodeRef,
    done: &'static str,
    status: UseStateSetter<AttrValue>,
    open: UseStateSetter<bool>,
) {
    #[cfg(target_arch = "wasm32")]
    {
        let said = status.clone();
        let whole = text.to_string();
        let fail = move || {
            open.set(true);
            status.set(AttrValue::Static(
                "The clipboard is not available here: the text is selected, copy it by hand.",
            ));
            // Once the panel is shown.
            crate::ui::frame::after_current_task(move || {
                if let Some(el) = field.cast::<web_sys::HtmlTextAreaElement>() {
                    // The field may show only the start of a long text: the reader copies all.
                    if el.value().len() != whole.len() {
                        el.set_value(&whole);
                    }
                    let _ = el.focus();
                    el.select();
                }
            });
        };
        let clipboard = web_sys::window()
            .map(|w| w.navigator().clipboard())
            .filter(|c| !c.is_undefined());
        match clipboard {
            None => fail(),
            Some(clipboard) => {
                let promise = clipboard.write_text(text);
                yew::platform::spawn_local(async move {
                    match wasm_bindgen_futures::JsFuture::from(promise).await {
                        Ok(_) => said.set(AttrValue::Static(done)),
                        Err(_) => fail(),
                    }
                });
            }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (text, field, done, status, open);
}

/// The most bytes a snippet field shows: the link of a valid cluster with a few hundred
/// authorized ranges fits whole.
const SNIPPET_SHOWN: usize = 16 * 1024;

/// The click handler of a copy button. Not inlined: the four buttons share this code.
/// The three texts the panel offers: the link, the iframe and the script snippet.
fn snippet(which: usize, base: &str, fragment: &str, full_fragment: &str) -> String {
    match which {
        0 => embed::page_link(base, fragment),
        1 => embed::iframe_snippet(base, full_fragment),
        _ => embed::script_snippet(base, full_fragment),
    }
}

/// A copy button's callback, which builds its text when clicked: the panel is closed most of the
/// time, and a pasted range list makes each text megabytes long. Not inlined: the three buttons
/// share this code.
#[inline(never)]
fn copy_button(
    which: usize,
    texts: (String, AttrValue, AttrValue),
    field: NodeRef,
    done: &'static str,
    status: UseStateSetter<AttrValue>,
    open: UseStateSetter<bool>,
) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| {
        let (base, fragment, full) = &texts;
        let text = snippet(which, base, fragment, full);
        copy_text(&text, field.clone(), done, status.clone(), open.clone())
    })
}

/// One read-only snippet with its label and its copy button. Not inlined: the three fields share
/// this code.
#[inline(never)]
fn field(
    label: &'static str,
    testid: Option<&'static str>,
    text: String,
    node: NodeRef,
    copy: Callback<MouseEvent>,
) -> Html {
    // A browser lays out the whole value of a field again whenever it changes: a pasted list
    // makes a link hundreds of kilobytes long, so the field shows its start and Copy the whole.
    let (shown, left_out) = bounded::text_within(&text, SNIPPET_SHOWN);
    html! {
        <div class="share-field">
            // The label wraps its field: a page hosting several widgets must not repeat an id.
            <label>
                <span>{ label }</span>
                <textarea class="share-code" readonly=true rows="3" ref={node} data-testid={testid} value={shown.to_string()} />
            </label>
            <button type="button" class="button small" onclick={copy}>{ "Copy" }</button>
            if let Some(note) = left_out {
                <p class="hint" data-testid="snippet-left-out">{ format!("{note} Copy copies all of it.") }</p>
            }
        </div>
    }
}

#[function_component(Share)]
pub fn share(props: &ShareProps) -> Html {
    crate::ui::renders::rendered("share");
    let base = use_state(String::new);
    {
        let base = base.setter();
        use_effect_with((), move |_| base.set(site_base()));
    }
    let open = use_state(|| false);
    let status = use_state(AttrValue::default);
    let refs = [use_node_ref(), use_node_ref(), use_node_ref()];
    // A link too long for the address bar is written into the fields only once the panel opens.
    let write = *open || props.fragment.len() <= bounded::ADDRESS_BAR;
    let text = |i: usize| {
        if write {
            snippet(i, &base, &props.fragment, &props.full_fragment)
        } else {
            String::new()
        }
    };
    let copy = |i: usize, done: &'static str| {
        copy_button(
            i,
            (
                (*base).clone(),
                props.fragment.clone(),
                props.full_fragment.clone(),
            ),
            refs[i].clone(),
            done,
            status.setter(),
            open.setter(),
        )
    };
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    html! {
        <section class="share" aria-label="Share and embed">
            <div class="share-buttons">
                <button type="button" class="button" data-testid="copy-link"
                        onclick={copy(0, "Copied the link.")}>{ "Copy link" }</button>
                <button type="button" class="button" data-testid="copy-embed" aria-expanded={open.to_string()}
                        onclick={toggle}>{ "Copy embed code" }</button>
                if props.open_full {
                    <a class="open-full" href={embed::page_link(&base, &props.full_fragment)} target="_blank"
                       rel="noopener">{ "Open full explainer" }</a>
                }
                <span class="share-status" role="status">{ (*status).clone() }</span>
            </div>
            if props.fragment.len() > bounded::ADDRESS_BAR {
                <p class="hint" data-testid="link-too-long">
                    { format!(
                        "This state's link has {} characters, too long for the address bar (the widget writes \
                         links of up to {} there). Copy link copies the whole link.",
                        bounded::count(props.fragment.chars().count() + 1),
                        bounded::count(bounded::ADDRESS_BAR)
                    ) }
                </p>
            }
            <div class="share-panel" hidden={!*open}>
                { field("Link to this state", None, text(0), refs[0].clone(), copy(0, "Copied the link.")) }
                { field("Embed in any page (iframe)", Some("embed-iframe-code"), text(1), refs[1].clone(),
                    copy(1, "Copied the iframe code.")) }
                { field("Embed with a script (the page must allow this site's script)", Some("embed-script-code"),
                    text(2), refs[2].clone(), copy(2, "Copied the script code.")) }
            </div>
        </section>
    }
}
