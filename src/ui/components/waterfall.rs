//! The request waterfall: the phases of `kubectl get nodes` (`model::timing`) as horizontal bars
//! on a `<canvas>`, and the same data as a table.
//!
//! Why a log time axis: a healthy request is over in tens of milliseconds, a dropped one hangs
//! for 30 seconds. On a linear axis either the 1 ms DNS legs vanish or the timeout leaves the
//! page; on `log(1 + t)` both fit, zero stays at the origin, and every decade (1 ms, 10 ms,
//! 100 ms, 1 s, 10 s) gets the same width. Each bar also prints its duration and result in words,
//! so neither colour nor bar length is the only cue.
//!
//! Why the layout is plain data ([`waterfall_layout`]): it is checked natively, and the canvas
//! code (browser only) just paints it with the canvas's own calls (rectangles, lines, text); no
//! chart library: plotters' chart builder measures text by inserting a `style`-attributed element
//! into the page, which the project's no-inline-style rule (and a strict CSP) forbids, and its
//! bare primitives cost more WebAssembly than the few canvas calls they make.
//!
//! The table is the text alternative and is always rendered; the canvas has `role="img"` and a
//! label summarising the total time and the outcome. Natively (tests, prerendering) the canvas
//! element is rendered empty, so the markup is the same on both sides; only the painting, in an
//! effect, is browser-only.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::timing::{timeline, total_ms, Phase, PhaseKind, PhaseOutcome};
use crate::model::{Outcome, Trace};

/// Width used for the canvas before the browser reports the real one (and natively).
pub const DEFAULT_WIDTH: f64 = 720.0;
/// Height of one phase row, CSS pixels.
pub const ROW_H: f64 = 26.0;
/// Height of a bar inside its row.
pub const BAR_H: f64 = 14.0;
/// Space above the first row.
pub const TOP: f64 = 8.0;
/// Space for the time axis under the rows.
pub const AXIS_H: f64 = 30.0;
/// Width of the right-hand column (duration and result).
pub const RESULT_W: f64 = 160.0;
/// Font size of the labels, CSS pixels.
pub const FONT_PX: f64 = 13.0;
/// Rough width of one character at [`FONT_PX`], to shorten names that would not fit.
const CHAR_W: f64 = 7.2;

/// The "nice" axis ends: the first one at or above the total is used.
const AXIS_ENDS: [u32; 9] = [10, 30, 100, 300, 1_000, 3_000, 10_000, 30_000, 100_000];

/// One painted row.
#[derive(Clone, Debug, PartialEq)]
pub struct WaterfallRow {
    /// The phase's name, shortened to fit its column.
    pub name: String,
    /// Bar left edge.
    pub bar_x: f64,
    /// Bar width (at least 2 px so a 1 ms phase stays visible).
    pub bar_w: f64,
    /// Row centre line.
    pub y: f64,
    /// What kind of phase (bar colour).
    pub kind: PhaseKind,
    /// How it ended (bar colour, result words).
    pub outcome: PhaseOutcome,
    /// Duration and result in words (`16 ms ✓`, `29,964 ms ✕ failed`).
    pub result: String,
}

/// A tick of the time axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Where.
    pub x: f64,
    /// Printed value (`0`, `10 ms`, `1 s`).
    pub label: String,
}

/// Everything the canvas paints, in CSS pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct WaterfallLayout {
    /// Canvas width.
    pub width: f64,
    /// Canvas height.
    pub height: f64,
    /// Left edge of the plot (right of the names).
    pub plot_x0: f64,
    /// Right edge of the plot (left of the results).
    pub plot_x1: f64,
    /// The axis line's y.
    pub axis_y: f64,
    /// One row per phase.
    pub rows: Vec<WaterfallRow>,
    /// Axis ticks.
    pub ticks: Vec<Tick>,
}

/// Formats milliseconds with a thousands separator (`29,964 ms`).
pub fn format_ms(ms: u32) -> String {
    let digits = ms.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    format!("{out} ms")
}

fn tick_label(ms: u32) -> String {
    match ms {
        0 => "0".to_string(),
        m if m >= 1_000 => format!("{} s", m / 1_000),
        m => format!("{m} ms"),
    }
}

/// The result word of a phase (also used by the table).
pub fn outcome_words(o: PhaseOutcome) -> &'static str {
    match o {
        PhaseOutcome::Ok => "ok",
        PhaseOutcome::Blocked => "blocked",
        PhaseOutcome::Failed => "failed (timeout)",
    }
}

fn shorten(name: &str, max_chars: usize) -> String {
    if name.chars().count() <= max_chars {
        name.to_string()
    } else {
        let kept: String = name.chars().take(max_chars.saturating_sub(1)).collect();
        format!("{}…", kept.trim_end())
    }
}

/// Lays the waterfall out for a canvas `width` CSS pixels wide.
pub fn waterfall_layout(phases: &[Phase], width: f64) -> WaterfallLayout {
    let width = width.max(360.0);
    let name_w = (width * 0.34).clamp(120.0, 280.0);
    let plot_x0 = name_w + 8.0;
    let plot_x1 = (width - RESULT_W).max(plot_x0 + 60.0);
    let total = total_ms(phases);
    let end = AXIS_ENDS
        .iter()
        .copied()
        .find(|&e| e >= total)
        .unwrap_or(total.max(1));
    let scale = (plot_x1 - plot_x0) / f64::from(end).ln_1p();
    let x_of = |ms: u32| plot_x0 + f64::from(ms).ln_1p() * scale;
    let max_chars = ((name_w - 8.0) / CHAR_W).floor() as usize;
    let rows = phases
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let bar_x = x_of(p.start_ms);
            let bar_w = (x_of(p.end_ms()) - bar_x).max(2.0);
            let mark = match p.outcome {
                PhaseOutcome::Ok => "✓",
                PhaseOutcome::Blocked => "✕ blocked",
                PhaseOutcome::Failed => "✕ failed",
            };
            WaterfallRow {
                name: shorten(&p.name, max_chars),
                bar_x,
                bar_w,
                y: TOP + ROW_H * (i as f64 + 0.5),
                kind: p.kind,
                outcome: p.outcome,
                result: format!("{} {mark}", format_ms(p.duration_ms)),
            }
        })
        .collect();
    let axis_y = TOP + ROW_H * phases.len() as f64 + 4.0;
    let mut ticks = vec![Tick {
        x: plot_x0,
        label: tick_label(0),
    }];
    let mut decade = 1u32;
    while decade < end {
        ticks.push(Tick {
            x: x_of(decade),
            label: tick_label(decade),
        });
        decade = decade.saturating_mul(10);
    }
    // The end, unless it is a decade already printed.
    if ticks.last().is_some_and(|t| (t.x - plot_x1).abs() > 1.0) {
        ticks.push(Tick {
            x: plot_x1,
            label: tick_label(end),
        });
    }
    WaterfallLayout {
        width,
        height: axis_y + AXIS_H,
        plot_x0,
        plot_x1,
        axis_y,
        rows,
        ticks,
    }
}

/// The canvas's accessible name: how many phases, the total, and how it ended.
pub fn summary(trace: &Trace, phases: &[Phase]) -> String {
    let total = format_ms(total_ms(phases));
    let n = phases.len();
    let end = match trace.outcome {
        Outcome::Success => "the API server answers".to_string(),
        Outcome::Timeout => {
            "the connection is never answered and kubectl gives up: i/o timeout".to_string()
        }
        Outcome::NxDomain => "the name does not resolve: no such host".to_string(),
        Outcome::Denied => "Azure Resource Manager refuses the run command".to_string(),
        Outcome::Invalid => "no request is sent".to_string(),
    };
    format!("Request waterfall, logarithmic time axis: {n} phases, {total} in all; {end}.")
}

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

/// `format!("{v:.0}")` for the canvas size, a width and a height in CSS pixels (far from the
/// limits of `i64`), without linking core's float formatting into the page.
fn whole(v: f64) -> String {
    (v.round_ties_even() as i64).to_string()
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
    let layout = waterfall_layout(&phases, DEFAULT_WIDTH);

    #[cfg(target_arch = "wasm32")]
    {
        let repaint = use_reducer(paint::Repaint::default);
        {
            let repaint = repaint.clone();
            use_effect_with((), move |_| paint::listen(repaint));
        }
        let canvas_ref = canvas_ref.clone();
        use_effect_with(
            (phases.clone(), props.theme.clone(), repaint.0),
            move |(phases, _, _)| {
                paint::paint(&canvas_ref, phases);
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

/// Browser-only painting: colours from the page's CSS custom properties, drawn on the canvas's 2D
/// context, repainted when the window resizes or the system colour scheme changes.
#[cfg(target_arch = "wasm32")]
mod paint {
    use std::rc::Rc;

    use wasm_bindgen::JsCast;
    use web_sys::CanvasRenderingContext2d;
    use yew::prelude::*;

    use super::{waterfall_layout, WaterfallLayout, BAR_H, DEFAULT_WIDTH, FONT_PX};
    use crate::model::timing::{Phase, PhaseKind, PhaseOutcome};

    /// A counter whose change re-runs the paint effect.
    #[derive(Default, PartialEq)]
    pub struct Repaint(pub u32);

    impl Reducible for Repaint {
        type Action = ();
        fn reduce(self: Rc<Self>, _: ()) -> Rc<Self> {
            Rc::new(Repaint(self.0.wrapping_add(1)))
        }
    }

    /// Repaints on window resize and on a system colour-scheme change (theme `auto`); returns
    /// the effect's cleanup, which removes the listeners.
    pub fn listen(repaint: UseReducerHandle<Repaint>) -> impl FnOnce() {
        let mut listeners = Vec::new();
        if let Some(window) = web_sys::window() {
            let r = repaint.clone();
            listeners.push(gloo_events::EventListener::new(
                &window,
                "resize",
                move |_| r.dispatch(()),
            ));
            if let Ok(Some(mq)) = window.match_media("(prefers-color-scheme: dark)") {
                listeners.push(gloo_events::EventListener::new(&mq, "change", move |_| {
                    repaint.dispatch(())
                }));
            }
        }
        move || drop(listeners)
    }

    /// An opaque colour as the canvas takes it: `rgba(r,g,b,1)`.
    type Colour = String;

    fn rgb(r: u8, g: u8, b: u8) -> Colour {
        format!("rgba({r},{g},{b},1)")
    }

    /// Colours read from the canvas's computed style, so both themes apply.
    struct Palette {
        fg: Colour,
        muted: Colour,
        dns: Colour,
        arrow: Colour,
        tunnel: Colour,
        block: Colour,
    }

    /// `#rrggbb` or `#rgb`.
    fn parse_hex(v: &str) -> Option<Colour> {
        let h = v.trim().strip_prefix('#')?;
        let byte = |s: &str| u8::from_str_radix(s, 16).ok();
        match h.len() {
            6 => Some(rgb(byte(&h[0..2])?, byte(&h[2..4])?, byte(&h[4..6])?)),
            3 => {
                let d = |i: usize| byte(&h[i..i + 1]).map(|x| x * 17);
                Some(rgb(d(0)?, d(1)?, d(2)?))
            }
            _ => None,
        }
    }

    fn palette(canvas: &web_sys::HtmlCanvasElement) -> Palette {
        let style = web_sys::window().and_then(|w| w.get_computed_style(canvas).ok().flatten());
        // Fallbacks are the light theme's values (www/style.css).
        let var = |name: &str, (r, g, b): (u8, u8, u8)| {
            style
                .as_ref()
                .and_then(|s| s.get_property_value(name).ok())
                .and_then(|v| parse_hex(&v))
                .unwrap_or_else(|| rgb(r, g, b))
        };
        Palette {
            fg: var("--fg", (0x1b, 0x1f, 0x24)),
            muted: var("--muted", (0x4a, 0x53, 0x60)),
            dns: var("--dns", (0x7a, 0x3f, 0xb0)),
            arrow: var("--arrow", (0x1f, 0x5f, 0xa8)),
            tunnel: var("--tunnel", (0x0f, 0x6d, 0x6d)),
            block: var("--block", (0xb4, 0x23, 0x18)),
        }
    }

    /// Sizes the canvas to its displayed width (times the device pixel ratio) and paints.
    pub fn paint(canvas_ref: &NodeRef, phases: &[Phase]) {
        let Some(canvas) = canvas_ref.cast::<web_sys::HtmlCanvasElement>() else {
            return;
        };
        let css_w = match f64::from(canvas.client_width()) {
            w if w > 0.0 => w,
            _ => DEFAULT_WIDTH,
        };
        let dpr = web_sys::window()
            .map_or(1.0, |w| w.device_pixel_ratio())
            .max(1.0);
        let layout = waterfall_layout(phases, css_w);
        // Setting the size also clears the canvas.
        canvas.set_width((layout.width * dpr).round() as u32);
        canvas.set_height((layout.height * dpr).round() as u32);
        let colours = palette(&canvas);
        let Some(ctx) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        draw(&ctx, &layout, &colours, dpr);
    }

    /// A one-pixel line through `points` (device pixels).
    fn path(ctx: &CanvasRenderingContext2d, points: [(i32, i32); 2], colour: &str) {
        ctx.begin_path();
        ctx.set_stroke_style_str(colour);
        ctx.set_line_width(1.0);
        ctx.move_to(f64::from(points[0].0), f64::from(points[0].1));
        ctx.line_to(f64::from(points[1].0), f64::from(points[1].1));
        ctx.stroke();
    }

    /// A rectangle between two corners (device pixels), filled or outlined one pixel wide.
    fn rect(
        ctx: &CanvasRenderingContext2d,
        (x0, y0): (i32, i32),
        (x1, y1): (i32, i32),
        colour: &str,
        fill: bool,
    ) {
        let (x, y) = (f64::from(x0), f64::from(y0));
        let (w, h) = (f64::from(x1 - x0), f64::from(y1 - y0));
        if fill {
            ctx.set_fill_style_str(colour);
            ctx.fill_rect(x, y, w, h);
        } else {
            ctx.set_stroke_style_str(colour);
            ctx.set_line_width(1.0);
            ctx.stroke_rect(x, y, w, h);
        }
    }

    /// Text vertically centred on `y`, starting at `x` or centred on it.
    fn text(
        ctx: &CanvasRenderingContext2d,
        s: &str,
        (x, y): (i32, i32),
        align: &str,
        c: &Palette,
        font: &str,
    ) {
        ctx.set_text_baseline("middle");
        ctx.set_text_align(align);
        ctx.set_fill_style_str(&c.fg);
        ctx.set_font(font);
        let _ = ctx.fill_text(s, f64::from(x), f64::from(y));
    }

    fn draw(ctx: &CanvasRenderingContext2d, l: &WaterfallLayout, c: &Palette, dpr: f64) {
        let px = |v: f64| (v * dpr).round() as i32;
        // JavaScript prints a number from 1e-6 to 1e21 as Rust's `{}` does (shortest digits that
        // read back the same, no exponent), and the font size is in that range.
        let size: String = js_sys::Number::from(FONT_PX * dpr)
            .to_string_with_radix(10)
            .map_or_else(|_| "13".to_string(), String::from);
        let font = format!("normal {size}px sans-serif");
        // Grid and axis.
        for t in &l.ticks {
            path(
                ctx,
                [(px(t.x), px(super::TOP)), (px(t.x), px(l.axis_y))],
                &c.muted,
            );
            text(
                ctx,
                &t.label,
                (px(t.x), px(l.axis_y + 12.0)),
                "center",
                c,
                &font,
            );
        }
        path(
            ctx,
            [(px(l.plot_x0), px(l.axis_y)), (px(l.plot_x1), px(l.axis_y))],
            &c.fg,
        );
        for r in &l.rows {
            let colour = match (r.outcome, r.kind) {
                (PhaseOutcome::Blocked | PhaseOutcome::Failed, _) => &c.block,
                (_, PhaseKind::Dns) => &c.dns,
                (_, PhaseKind::Arm | PhaseKind::Command) => &c.tunnel,
                _ => &c.arrow,
            };
            text(ctx, &r.name, (px(4.0), px(r.y)), "start", c, &font);
            let (x0, x1) = (px(r.bar_x), px(r.bar_x + r.bar_w));
            let (y0, y1) = (px(r.y - BAR_H / 2.0), px(r.y + BAR_H / 2.0));
            rect(ctx, (x0, y0), (x1.max(x0 + 2), y1), colour, true);
            if r.outcome != PhaseOutcome::Ok {
                // A second cue besides colour: an outline and the result words.
                rect(ctx, (x0, y0 - 2), (x1.max(x0 + 2), y1 + 2), &c.fg, false);
            }
            text(
                ctx,
                &r.result,
                (px(l.plot_x1 + 8.0), px(r.y)),
                "start",
                c,
                &font,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{simulate, Mode, Scenario};

    fn phases(s: &Scenario) -> Vec<Phase> {
        timeline(&simulate(s))
    }

    #[test]
    fn one_ms_phases_stay_visible_next_to_a_timeout() {
        let s = Scenario {
            mode: Mode::Authorized,
            ranges: Some("1.1.1.1/32".to_string()),
            ..Scenario::default()
        };
        let p = phases(&s);
        let l = waterfall_layout(&p, 720.0);
        assert_eq!(l.rows.len(), p.len());
        for r in &l.rows {
            assert!(r.bar_w >= 2.0);
            assert!(
                r.bar_x >= l.plot_x0 - 0.01 && r.bar_x + r.bar_w <= l.plot_x1 + 2.01,
                "{r:?}"
            );
        }
        let last = l.rows.last().expect("rows");
        assert!(
            (last.bar_x + last.bar_w - l.plot_x1).abs() < 0.5,
            "the timeout ends at the axis end"
        );
        assert!(last.result.contains("✕ failed"));
        assert_eq!(l.ticks.last().map(|t| t.label.as_str()), Some("30 s"));
        // DNS (16 ms + 20 ms) takes a visible share of the axis.
        assert!(l.rows[0].bar_w > 20.0);
    }

    #[test]
    fn a_success_fits_a_sub_second_axis_with_contiguous_bars() {
        let p = phases(&Scenario::default());
        let l = waterfall_layout(&p, 720.0);
        assert_eq!(
            l.ticks.iter().map(|t| t.label.as_str()).collect::<Vec<_>>(),
            ["0", "1 ms", "10 ms", "100 ms", "300 ms"]
        );
        for w in l.rows.windows(2) {
            assert!((w[0].bar_x + w[0].bar_w - w[1].bar_x).abs() < 0.01 || w[0].bar_w == 2.0);
            assert!(w[1].y > w[0].y);
        }
        assert!(l.rows.iter().all(|r| r.result.ends_with('✓')));
    }

    #[test]
    fn names_are_shortened_to_their_column_and_narrow_canvases_still_work() {
        let s = Scenario {
            mode: Mode::Private,
            client: crate::model::ClientKind::OnPrem,
            forwarder: true,
            zone_link: true,
            ..Scenario::default()
        };
        let p = phases(&s);
        for width in [320.0, 480.0, 720.0, 1200.0] {
            let l = waterfall_layout(&p, width);
            assert!(l.plot_x1 > l.plot_x0 + 50.0);
            for r in &l.rows {
                assert!(
                    r.name.chars().count() as f64 * CHAR_W <= l.plot_x0,
                    "{} at {width}",
                    r.name
                );
            }
        }
    }

    #[test]
    fn milliseconds_print_with_separators_and_the_summary_names_the_end() {
        assert_eq!(format_ms(7), "7 ms");
        assert_eq!(format_ms(29_964), "29,964 ms");
        assert_eq!(format_ms(1_234_567), "1,234,567 ms");
        let s = Scenario {
            mode: Mode::Authorized,
            ranges: Some("1.1.1.1/32".to_string()),
            ..Scenario::default()
        };
        let t = simulate(&s);
        let text = summary(&t, &timeline(&t));
        assert!(
            text.contains("30,000 ms") && text.contains("i/o timeout"),
            "{text}"
        );
    }
}
