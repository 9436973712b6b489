//! Legibility of a drawn diagram, measured on its data: texts that overlap (each other or a box
//! they are not in), lines that cross a box or a text that is not theirs, anything outside the
//! canvas, and the smallest text in CSS pixels at the narrowest width the layout is used for.
//! The tests hold every scenario of the outcomes table to zero; `cargo xtask bench diagram`
//! prints the counts.

use crate::model::{Place, Trace};
use crate::ui::diagram::scene::{ends, Scene};
use crate::ui::network::TextLine;

/// What is wrong with one picture (one scenario, one step, one layout).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Report {
    /// Pairs of things that overlap, in words.
    pub overlaps: Vec<String>,
    /// Lines crossing a box or text that is not theirs, in words.
    pub crossings: Vec<String>,
    /// Things outside the canvas.
    pub outside: Vec<String>,
    /// The smallest text, in CSS px, at the narrowest container the layout is used for.
    pub min_text_px: f32,
}

impl Report {
    pub fn is_clean(&self) -> bool {
        self.overlaps.is_empty() && self.crossings.is_empty() && self.outside.is_empty()
    }
}

fn name(owner: Option<Place>, t: &TextLine) -> String {
    match owner {
        Some(p) => format!("text \"{}\" of {p}", t.text),
        None => format!("text \"{}\"", t.text),
    }
}

/// Checks the picture showing the first `shown` events of `trace`, the last one labelled.
pub fn check(scene: &Scene, trace: &Trace, shown: usize) -> Report {
    let mut r = Report::default();
    let label = shown
        .checked_sub(1)
        .and_then(|i| scene.label(trace, i, shown));
    let mut texts = scene.texts();
    if let Some(l) = &label {
        texts.push((None, l));
    }
    let boxes: Vec<_> = scene.layout.spots.iter().filter(|s| s.present).collect();
    for (i, (oa, a)) in texts.iter().enumerate() {
        let ra = a.rect();
        for (ob, b) in &texts[i + 1..] {
            if ra.inflate(-0.5).overlaps(&b.rect()) {
                r.overlaps
                    .push(format!("{} × {}", name(*oa, a), name(*ob, b)));
            }
        }
        for s in &boxes {
            if Some(s.place) != *oa && ra.inflate(-0.5).overlaps(&s.rect) {
                r.overlaps
                    .push(format!("{} × box {}", name(*oa, a), s.place));
            }
        }
        if !scene.canvas.contains(&ra) {
            r.outside.push(name(*oa, a));
        }
    }
    for (event, a, b) in scene.segments(shown) {
        let (own, what) = match event.and_then(|i| trace.events.get(i)) {
            Some(e) => (
                ends(e).to_vec(),
                format!(
                    "event {} ({} {}→{})",
                    event.unwrap_or(0),
                    e.kind,
                    e.from,
                    e.to
                ),
            ),
            None => (vec![Place::PrivateZone], "zone link".to_string()),
        };
        for s in &boxes {
            if !own.contains(&s.place) && s.rect.inflate(-1.0).cut_by(a, b) {
                r.crossings.push(format!("{what} × box {}", s.place));
            }
        }
        for (owner, t) in &texts {
            let mine = owner.is_some_and(|p| own.contains(&p));
            if !mine && t.rect().inflate(-0.5).cut_by(a, b) {
                r.crossings.push(format!("{what} × {}", name(*owner, t)));
            }
        }
        for p in [a, b] {
            if p.x < scene.canvas.x - 0.5
                || p.y < scene.canvas.y - 0.5
                || p.x > scene.canvas.right() + 0.5
                || p.y > scene.canvas.bottom() + 0.5
            {
                r.outside
                    .push(format!("{what} point ({:.0}, {:.0})", p.x, p.y));
            }
        }
    }
    for s in &boxes {
        if !scene.canvas.contains(&s.rect) {
            r.outside.push(format!("box {}", s.place));
        }
    }
    let kind = scene.layout.kind;
    let scale = kind.min_px() / kind.view_width();
    r.min_text_px = texts
        .iter()
        .map(|(_, t)| t.size * scale)
        .fold(f32::INFINITY, f32::min);
    r
}
