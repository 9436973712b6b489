//! Browser-only painting of the request waterfall: the layout of `ui::waterfall` drawn on the
//! canvas's 2D context in colours read from the page's CSS custom properties, and repainted when
//! the window resizes or the system colour scheme changes.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::CanvasRenderingContext2d;
use yew::prelude::*;

use crate::model::timing::{Phase, PhaseKind, PhaseOutcome};
use crate::ui::waterfall::{
    waterfall_layout, Label, WaterfallLayout, BAR_H, DEFAULT_WIDTH, FONT_PX, TOP,
};

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

/// A label: vertically centred on its `y`, starting at its `x` or centred on it.
fn text(ctx: &CanvasRenderingContext2d, l: &Label, px: impl Fn(f64) -> f64, fg: &str) {
    ctx.set_text_baseline("middle");
    ctx.set_text_align(l.align.as_str());
    ctx.set_fill_style_str(fg);
    let _ = ctx.fill_text(&l.text, px(l.x), px(l.y));
}

fn draw(ctx: &CanvasRenderingContext2d, l: &WaterfallLayout, c: &Palette, dpr: f64) {
    let px = |v: f64| (v * dpr).round() as i32;
    let at = |v: f64| f64::from(px(v));
    // JavaScript prints a number from 1e-6 to 1e21 as Rust's `{}` does (shortest digits that
    // read back the same, no exponent), and the font size is in that range.
    let size: String = js_sys::Number::from(FONT_PX * dpr)
        .to_string_with_radix(10)
        .map_or_else(|_| "13".to_string(), String::from);
    ctx.set_font(&format!("normal {size}px sans-serif"));
    // Grid and axis.
    for t in &l.ticks {
        path(ctx, [(px(t.x), px(TOP)), (px(t.x), px(l.axis_y))], &c.muted);
        text(ctx, &t.label, at, &c.fg);
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
        text(ctx, &r.name, at, &c.fg);
        let (x0, x1) = (px(r.bar_x), px(r.bar_x + r.bar_w));
        let (y0, y1) = (px(r.bar_top()), px(r.bar_top() + BAR_H));
        rect(ctx, (x0, y0), (x1.max(x0 + 2), y1), colour, true);
        if r.outcome != PhaseOutcome::Ok {
            // A second cue besides colour: an outline and the result words.
            rect(ctx, (x0, y0 - 2), (x1.max(x0 + 2), y1 + 2), &c.fg, false);
        }
        text(ctx, &r.result, at, &c.fg);
    }
}
