//! The request waterfall: the layout of `ui::waterfall` painted on a `<canvas>` with the
//! canvas's own calls (rectangles, lines, text), and the same data as a table.
//!
//! No chart library: plotters' chart builder measures text by inserting a `style`-attributed
//! element into the page, which the project's no-inline-style rule (and a strict CSP) forbids,
//! and its bare primitives cost more WebAssembly than the few canvas calls made here.
//!
//! The table is the text alternative and is always rendered; the canvas has `role="img"` and a
//! label summarising the total time and the outcome. Natively (tests, prerendering) the canvas
//! element is rendered empty, so the markup is the same on both sides; only the painting, in an
//! effect, is browser-only.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::timing::{timeline, total_ms};
use crate::model::Trace;
#[cfg(target_arch = "wasm32")]
use crate::ui::components::waterfall_canvas;
use crate::ui::svg_parts::whole;
use crate::ui::waterfall::{format_ms, outcome_words, summary, waterfall_layout, DEFAULT_WIDTH};

/// Props of [`Waterfall`].
#[derive(Properties, PartialEq)]
pub struct WaterfallProps {
    /// The simulated request.
    pub trace: Rc<Trace>,
    /// The widget's theme id (`auto`, `light`, `dark`): not shown, but a change repaints the
    /// canvas with the new theme's colours (canvas pixels do not follow CSS by themselves).
    #[prop_or_default]
    pub theme: AttrValue,
}

/// The waterfall: canvas (painted in the browser) and table (always).
#[function_component(Waterfall)]
pub fn waterfall(props: &WaterfallProps) -> Html {
    crate::ui::renders::rendered("waterfall");
    let phases = {
        let trace = props.trace.clone();
        use_memo(trace, |t| timeline(t))
    };
    let canvas_ref = use_node_ref();
    // The canvas's size before the browser measures it. Laid out on each render, which only a
    // new trace or theme causes (the props compare equal on an animation tick).
    let layout = waterfall_layout(&phases, DEFAULT_WIDTH);

    #[cfg(target_arch = "wasm32")]
    {
        let repaint = use_reducer(waterfall_canvas::Repaint::default);
        {
            let repaint = repaint.clone();
            use_effect_with((), move |_| waterfall_canvas::listen(repaint));
        }
        let canvas_ref = canvas_ref.clone();
        use_effect_with(
            (phases.clone(), props.theme.clone(), repaint.0),
            move |(phases, _, _)| {
                // In the frame's own layout pass: the canvas's width is read without forcing a
                // layout in the middle of the change.
                let phases = phases.clone();
                crate::ui::frame::before_next_paint(move || {
                    waterfall_canvas::paint(&canvas_ref, &phases);
                });
            },
        );
    }

    let total = total_ms(&phases);
    let rows: Html = phases
        .iter()
        .map(|p| {
            html! {
                <tr data-phase={p.kind.as_str()} data-outcome={p.outcome.as_str()}>
                    <th scope="row">{ p.name.clone() }</th>
                    <td class="num">{ format_ms(p.start_ms) }</td>
                    <td class="num">{ format_ms(p.duration_ms) }</td>
                    <td><span class={classes!("phase-result", p.outcome.as_str())}>{ outcome_words(p.outcome) }</span></td>
                    <td class="phase-reason">{ p.reason.clone() }</td>
                </tr>
            }
        })
        .collect();
    let label = summary(&props.trace, &phases);
    html! {
        <section class="waterfall" data-testid="waterfall" data-total-ms={total.to_string()} aria-label="Request waterfall">
            <h3 class="panel-title">{ "Where the time goes" }</h3>
            <p class="waterfall-note">
                { "Illustrative timings: orders of magnitude for each kind of hop, not measurements. \
                   The time axis is logarithmic so that a 1 ms DNS answer and a 30 s timeout fit on one line." }
            </p>
            if phases.is_empty() {
                <p class="waterfall-empty">{ "No request is sent: this cluster cannot be created." }</p>
            } else {
                <div class="waterfall-scroll" tabindex="0" role="region" aria-label="Request waterfall chart (scrolls sideways on small screens)">
                    <canvas ref={canvas_ref} class="waterfall-canvas" role="img" aria-label={label.clone()}
                            width={whole(layout.width)} height={whole(layout.height)}>
                        { label }
                    </canvas>
                </div>
                <div class="waterfall-table-scroll" tabindex="0" role="region" aria-label="Request phases (table)">
                    <table class="waterfall-table">
                        <caption>{ format!("Phases of the request, {} in all", format_ms(total)) }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ "Phase" }</th>
                                <th scope="col">{ "Start" }</th>
                                <th scope="col">{ "Duration" }</th>
                                <th scope="col">{ "Result" }</th>
                                <th scope="col">{ "Why" }</th>
                            </tr>
                        </thead>
                        <tbody>{ rows }</tbody>
                    </table>
                </div>
            }
        </section>
    }
}
