//! The inspector: the scenario as `az aks show` prints its access profile, as `az aks create` and
//! `az aks update` command lines, as Terraform and as Bicep; each with a copy button.

use yew::prelude::*;

use crate::ui::bounded;
use crate::ui::clipboard::copy_on_click;
use crate::ui::state::Texts;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Profile,
    Az,
    Terraform,
    Bicep,
}

impl Tab {
    const ALL: [Tab; 4] = [Tab::Profile, Tab::Az, Tab::Terraform, Tab::Bicep];

    fn label(self) -> &'static str {
        match self {
            Tab::Profile => "apiServerAccessProfile",
            Tab::Az => "az aks create / update",
            Tab::Terraform => "Terraform",
            Tab::Bicep => "Bicep",
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct InspectorProps {
    pub texts: std::rc::Rc<Texts>,
}

/// The az tab's text: the create command, then the update that gets here from the previous
/// settings (or why it cannot be done in place).
fn az_text(texts: &Texts) -> (String, String) {
    let update = &texts.update;
    let mut out = String::new();
    if update.is_empty() {
        out.push_str(
            "# Nothing to update: change a setting to see the az aks update that applies it.\n",
        );
    }
    for c in &update.commands {
        out.push_str(c);
        out.push('\n');
    }
    for r in &update.refused {
        out.push_str(&format!(
            "# cannot be updated in place ({}): {}\n",
            r.key, r.message
        ));
    }
    (texts.hooks.az_command.clone(), out)
}

#[function_component(Inspector)]
pub fn inspector(props: &InspectorProps) -> Html {
    crate::ui::renders::rendered("inspector");
    let tab = use_state(|| Tab::Profile);
    let t = &props.texts;
    // Terraform and Bicep are rendered for their own tab only: with 2,000 ranges each is 50 KB,
    // and no hook reads them. The inspector renders when the texts or the tab change, not on an
    // animation step.
    let iac = match *tab {
        Tab::Terraform => crate::render::terraform(&t.subject),
        Tab::Bicep => crate::render::bicep(&t.subject),
        Tab::Profile | Tab::Az => String::new(),
    };
    let profile = crate::render::profile_json(&t.hooks.access_profile);
    let (create, update) = az_text(t);
    let tabs: Html = Tab::ALL
        .iter()
        .map(|&which| {
            let set = {
                let tab = tab.clone();
                Callback::from(move |_: MouseEvent| tab.set(which))
            };
            html! {
                <button type="button" class={classes!("tab", (*tab == which).then_some("selected"))}
                        aria-pressed={(*tab == which).to_string()} onclick={set}>{ which.label() }</button>
            }
        })
        .collect();
    let code = |text: String, testid: Option<&'static str>, label: &'static str| {
        let (shown, left_out) = bounded::text(&text);
        html! {
            <div class="code-block">
                <pre class="terminal" data-testid={testid} tabindex="0" aria-label={label}>{ shown }</pre>
                if let Some(note) = left_out {
                    <p class="hint" data-testid="text-left-out">{ format!("{note} Copy copies all of it.") }</p>
                }
                <button type="button" class="button small copy" onclick={copy_on_click(text)}
                        aria-label={format!("Copy {label}")}>{ "Copy" }</button>
            </div>
        }
    };
    // Every hook stays in the page whichever tab is open; the others are hidden, not removed
    // (Terraform and Bicep, which have no hook, are left empty while hidden).
    html! {
        <section class="inspector" aria-label="Inspector">
            <h3 class="panel-title">{ "Inspector" }</h3>
            <div class="tabs" role="group" aria-label="Inspector views">{ tabs }</div>
            <div class="tab-panel" hidden={*tab != Tab::Profile}>
                { code(profile, Some("access-profile"), "apiServerAccessProfile JSON") }
            </div>
            <div class="tab-panel" hidden={*tab != Tab::Az}>
                { code(create, Some("az-command"), "az aks create command") }
                { code(update, None, "az aks update commands") }
            </div>
            <div class="tab-panel" hidden={*tab != Tab::Terraform}>
                if *tab == Tab::Terraform { { code(iac.clone(), None, "Terraform") } }
            </div>
            <div class="tab-panel" hidden={*tab != Tab::Bicep}>
                if *tab == Tab::Bicep { { code(iac.clone(), None, "Bicep") } }
            </div>
        </section>
    }
}
