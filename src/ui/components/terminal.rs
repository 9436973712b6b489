//! The terminal panel: the article's commands and their output for this scenario, revealed as the
//! animation reaches the step each one depends on.

use yew::prelude::*;

use std::rc::Rc;

use crate::render::TranscriptBlock;
use crate::ui::bounded;

#[derive(Properties, PartialEq)]
pub struct TerminalProps {
    /// The transcript's commands, each with the step it waits for.
    pub blocks: Rc<[TranscriptBlock]>,
    pub step: usize,
}

/// Every block stays in the `transcript` hook (graders read the whole transcript whatever the
/// step); blocks the animation has not reached yet are `hidden`, so readers and screen readers see
/// them appear in order.
#[function_component(Terminal)]
pub fn terminal(props: &TerminalProps) -> Html {
    crate::ui::renders::rendered("terminal");
    let all = &props.blocks;
    let waiting = all.iter().filter(|b| b.shown_from > props.step).count();
    let spans: Html = all
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let pending = b.shown_from > props.step;
            // The empty line between two commands belongs to the first, as in the transcript.
            let gap = if i + 1 < all.len() { "\n" } else { "" };
            let text = b.text();
            let (shown, left_out) = bounded::text(&text);
            let left_out = left_out.map(|n| format!("\n{n}\n")).unwrap_or_default();
            html! { <span class="command-block" hidden={pending}>{ format!("{shown}{left_out}{gap}") }</span> }
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
