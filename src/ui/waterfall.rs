//! The request waterfall as data: the phases of `kubectl get nodes` (`model::timing`) laid out
//! as bars, axis ticks and labels with their positions in CSS pixels, and the words the chart
//! and its table print. Pure and free of web types, so it is checked natively;
//! `components::waterfall` paints it on a canvas and renders the table.
//!
//! Why a log time axis: a healthy request is over in tens of milliseconds, a dropped one hangs
//! for 30 seconds. On a linear axis either the 1 ms DNS legs vanish or the timeout leaves the
//! page; on `log(1 + t)` both fit, zero stays at the origin, and every decade (1 ms, 10 ms,
//! 100 ms, 1 s, 10 s) gets the same width. Each bar also prints its duration and result in words,
//! so neither colour nor bar length is the only cue.

use crate::model::timing::{total_ms, Phase, PhaseKind, PhaseOutcome};
use crate::model::{Outcome, Trace};
use crate::ui::svg_parts::shorten;

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

/// Where the names start, left of the plot.
const NAME_X: f64 = 4.0;
/// Gap between the plot and the names or the results.
const GAP: f64 = 8.0;
/// How far under the axis line its labels are centred.
const TICK_LABEL_DY: f64 = 12.0;

/// The "nice" axis ends: the first one at or above the total is used.
const AXIS_ENDS: [u32; 9] = [10, 30, 100, 300, 1_000, 3_000, 10_000, 30_000, 100_000];

/// How a label sits on its point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// The text starts at the point.
    Start,
    /// The text is centred on the point.
    Centre,
}

impl Align {
    /// The canvas's `textAlign` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Align::Start => "start",
            Align::Centre => "center",
        }
    }
}

/// A text the canvas prints, vertically centred on `y`, at the font size [`FONT_PX`].
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub align: Align,
}

impl Label {
    fn start(text: String, x: f64, y: f64) -> Self {
        Label {
            text,
            x,
            y,
            align: Align::Start,
        }
    }
}

/// One painted row.
#[derive(Clone, Debug, PartialEq)]
pub struct WaterfallRow {
    /// The phase's name, shortened to fit its column, left of the plot.
    pub name: Label,
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
    /// Duration and result in words (`16 ms ✓`, `29,964 ms ✕ failed`), right of the plot.
    pub result: Label,
}

impl WaterfallRow {
    /// The bar's top edge.
    pub fn bar_top(&self) -> f64 {
        self.y - BAR_H / 2.0
    }
}

/// A tick of the time axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Where.
    pub x: f64,
    /// Printed value (`0`, `10 ms`, `1 s`), under the axis.
    pub label: Label,
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
    format!("{} ms", crate::ui::bounded::count(ms as usize))
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

/// Lays the waterfall out for a canvas `width` CSS pixels wide.
pub fn waterfall_layout(phases: &[Phase], width: f64) -> WaterfallLayout {
    let width = width.max(360.0);
    let name_w = (width * 0.34).clamp(120.0, 280.0);
    let plot_x0 = name_w + GAP;
    let plot_x1 = (width - RESULT_W).max(plot_x0 + 60.0);
    let total = total_ms(phases);
    let end = AXIS_ENDS
        .iter()
        .copied()
        .find(|&e| e >= total)
        .unwrap_or(total.max(1));
    let scale = (plot_x1 - plot_x0) / f64::from(end).ln_1p();
    let x_of = |ms: u32| plot_x0 + f64::from(ms).ln_1p() * scale;
    let max_chars = ((name_w - GAP) / CHAR_W).floor() as usize;
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
            let y = TOP + ROW_H * (i as f64 + 0.5);
            let result = format!("{} {mark}", format_ms(p.duration_ms));
            WaterfallRow {
                name: Label::start(shorten(&p.name, max_chars), NAME_X, y),
                bar_x,
                bar_w,
                y,
                kind: p.kind,
                outcome: p.outcome,
                result: Label::start(result, plot_x1 + GAP, y),
            }
        })
        .collect();
    let axis_y = TOP + ROW_H * phases.len() as f64 + 4.0;
    let tick = |x: f64, ms: u32| Tick {
        x,
        label: Label {
            text: tick_label(ms),
            x,
            y: axis_y + TICK_LABEL_DY,
            align: Align::Centre,
        },
    };
    let mut ticks = vec![tick(plot_x0, 0)];
    let mut decade = 1u32;
    while decade < end {
        ticks.push(tick(x_of(decade), decade));
        decade = decade.saturating_mul(10);
    }
    // The end, unless it is a decade already printed.
    if ticks.last().is_some_and(|t| (t.x - plot_x1).abs() > 1.0) {
        ticks.push(tick(plot_x1, end));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::timing::timeline;
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
        assert!(last.result.text.contains("✕ failed"));
        assert_eq!(l.ticks.last().map(|t| t.label.text.as_str()), Some("30 s"));
        // DNS (16 ms + 20 ms) takes a visible share of the axis.
        assert!(l.rows[0].bar_w > 20.0);
    }

    #[test]
    fn a_success_fits_a_sub_second_axis_with_contiguous_bars() {
        let p = phases(&Scenario::default());
        let l = waterfall_layout(&p, 720.0);
        assert_eq!(
            l.ticks
                .iter()
                .map(|t| t.label.text.as_str())
                .collect::<Vec<_>>(),
            ["0", "1 ms", "10 ms", "100 ms", "300 ms"]
        );
        for w in l.rows.windows(2) {
            assert!((w[0].bar_x + w[0].bar_w - w[1].bar_x).abs() < 0.01 || w[0].bar_w == 2.0);
            assert!(w[1].y > w[0].y);
        }
        assert!(l.rows.iter().all(|r| r.result.text.ends_with('✓')));
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
                    r.name.text.chars().count() as f64 * CHAR_W <= l.plot_x0,
                    "{} at {width}",
                    r.name.text
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

    /// The default scenario (five phases, 106 ms) on a 720 px canvas: names in the left 34 %
    /// (244.8 px, so 32 characters of 7.2 px), results 8 px right of the plot, which ends 160 px
    /// before the edge; rows 26 px apart from 8 px down; tick labels 12 px under the axis; the
    /// 1 ms tick at ln 2 / ln 301 of the 307.2 px plot.
    #[test]
    fn labels_and_bars_sit_where_the_canvas_paints_them() {
        let l = waterfall_layout(&phases(&Scenario::default()), 720.0);
        assert_eq!((l.width, l.height), (720.0, 172.0));
        assert_eq!((l.plot_x0, l.plot_x1, l.axis_y), (252.8, 560.0, 142.0));
        let first = &l.rows[0];
        assert_eq!(
            first.name,
            Label {
                text: "DNS: laptop → stub + ISP resolv…".into(),
                x: 4.0,
                y: 21.0,
                align: Align::Start
            }
        );
        assert_eq!(
            first.result,
            Label {
                text: "16 ms ✓".into(),
                x: 568.0,
                y: 21.0,
                align: Align::Start
            }
        );
        assert_eq!((first.bar_x, first.bar_top()), (252.8, 14.0));
        let ys: Vec<f64> = l.rows.iter().map(|r| r.name.y).collect();
        assert_eq!(ys, [21.0, 47.0, 73.0, 99.0, 125.0]);
        let one_ms = &l.ticks[1];
        assert!((one_ms.x - 290.11).abs() < 0.01, "{one_ms:?}");
        assert_eq!(one_ms.label.text, "1 ms");
        assert_eq!((one_ms.label.y, one_ms.label.align), (154.0, Align::Centre));
    }
}
