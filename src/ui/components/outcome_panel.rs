//! What happened: the outcome, the DNS answer, the node-to-control-plane leg, the path as a list,
//! and why it failed. Each value carries its contract test hook.

use yew::prelude::*;

use crate::model::{Outcome, Trace, Verdict};
use crate::ui::bounded;

#[derive(Properties, PartialEq)]
pub struct OutcomePanelProps {
    pub trace: std::rc::Rc<Trace>,
}

fn outcome_word(o: Outcome) -> &'static str {
    match o {
        Outcome::Success => "Success",
        Outcome::Timeout => "Timeout",
        Outcome::NxDomain => "Name not found",
        Outcome::Invalid => "Invalid cluster",
        Outcome::Denied => "Denied",
    }
}

#[function_component(OutcomePanel)]
pub fn outcome_panel(props: &OutcomePanelProps) -> Html {
    crate::ui::renders::rendered("outcome-panel");
    let t = &props.trace;
    let path: Html = t
        .path
        .iter()
        .map(|p| {
            let word = match p.verdict {
                Verdict::Pass => "pass",
                Verdict::Block => "blocked",
            };
            html! {
                <li data-hop={p.hop.as_str()} data-verdict={p.verdict.as_str()} class={classes!("hop", p.verdict.as_str())}>
                    <span class="hop-name">{ crate::model::simulate::hop_words(p.hop) }</span>
                    <span class={classes!("verdict", p.verdict.as_str())}>{ word }</span>
                </li>
            }
        })
        .collect();
    html! {
        <section class="outcome-panel" aria-label="Outcome">
            <p class={classes!("outcome", t.outcome.as_str())} data-testid="outcome" data-outcome={t.outcome.as_str()}>
                <strong class="outcome-word">{ outcome_word(t.outcome) }</strong>{ ": " }{ t.summary.clone() }
            </p>
            <dl class="facts">
                <div>
                    <dt>{ "DNS answer" }</dt>
                    <dd data-testid="dns-answer">{ t.dns_answer.to_string() }</dd>
                </div>
                <div>
                    <dt>{ "Node" }</dt>
                    <dd data-testid="node-status" data-node={t.node_status.node}>{ t.node_status.text.clone() }</dd>
                </div>
                <div>
                    <dt>{ "konnectivity tunnel" }</dt>
                    <dd data-testid="tunnel" data-tunnel={t.tunnel.as_str()}>{ t.tunnel.as_str() }</dd>
                </div>
            </dl>
            <h3 class="panel-title">{ "Path" }</h3>
            <ol class="path" data-testid="path">{ path }</ol>
            if let Some(why) = &t.why {
                <div class="why" data-testid="why">
                    <h3 class="panel-title">{ "Why, and the fix" }</h3>
                    <p>{ why.clone() }</p>
                </div>
            }
            <h3 class="panel-title">{ "kubectl get nodes" }</h3>
            // Focusable: a long line makes the box scroll sideways, and keyboard users must be
            // able to scroll it too. Empty (an invalid cluster), there is nothing to reach.
            <pre class="terminal small" data-testid="kubectl-output"
                 tabindex={(!t.kubectl_output.is_empty()).then_some("0")}
                 aria-label={(!t.kubectl_output.is_empty()).then_some("kubectl get nodes output")}>{ t.kubectl_output.clone() }</pre>
            if t.output_illustrative {
                <p class="illustrative" data-testid="output-illustrative">
                    { "Illustrative text: no published source gives the exact message az prints here; the outcome itself is what the model computes." }
                </p>
            }
            <ul class="notes" data-testid="notes" aria-label="Settings without effect here">
                { for t.notes.iter().map(|n| html! {
                    <li data-setting={n.key}><code>{ n.key }</code>{ ": " }{ n.message.clone() }</li>
                }) }
            </ul>
            <ul class="validation" data-testid="validation" aria-label="Validation messages">
                { for t.validation.iter().take(bounded::ITEMS_SHOWN).map(|v| html! {
                    <li data-setting={v.key}>{ v.message.clone() }</li>
                }) }
                if let Some(more) = bounded::more_items(t.validation.len(), "validation messages") {
                    <li class="more" data-testid="validation-more">{ more }</li>
                }
            </ul>
        </section>
    }
}
