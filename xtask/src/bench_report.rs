//! What `cargo xtask bench` makes of the figures its measurements print: one table, the budgets'
//! verdict and the text of BENCHMARKS.md. Text in, text out, so it is tested here without a
//! browser.
//!
//! The measurements print `figure: NAME<TAB>VALUE` lines (ms, bytes, counts), except the native
//! change benchmark, whose `summary: native, …` lines carry their own budget.

use std::collections::BTreeMap;

/// The figures measured, by name.
pub type Figures = BTreeMap<String, f64>;

/// Every `figure: NAME<TAB>VALUE` line of `output` whose value is a finite number.
pub fn parse_figures(output: &str) -> Figures {
    output
        .lines()
        .filter_map(|l| l.strip_prefix("figure: "))
        .filter_map(|l| {
            let (name, value) = l.split_once('\t')?;
            let value = value.trim().parse::<f64>().ok().filter(|v| v.is_finite())?;
            Some((name.to_string(), value))
        })
        .collect()
}

/// How a figure is shown.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Unit {
    Bytes,
    Ms,
    Ratio,
    Count,
    Percent,
    /// CPU ms per second of wall time.
    MsPerS,
}

impl Unit {
    pub fn show(self, v: f64) -> String {
        match self {
            Unit::Bytes => format!("{} B", thousands(v.round() as i64)),
            Unit::Ms => format!("{v:.1} ms"),
            Unit::Ratio => format!("{v:.2}x"),
            Unit::Count => thousands(v.round() as i64),
            Unit::Percent => format!("{v:+.1} %"),
            Unit::MsPerS => format!("{v:.1} ms/s"),
        }
    }
}

/// `1234567` as `1,234,567`.
fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

/// A budget: the figure at most, or under, a limit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Budget {
    AtMost(f64),
    Under(f64),
}

impl Budget {
    fn holds(self, v: f64) -> bool {
        match self {
            Budget::AtMost(limit) => v <= limit,
            Budget::Under(limit) => v < limit,
        }
    }

    fn show(self, unit: Unit) -> String {
        match self {
            Budget::AtMost(limit) if limit == 0.0 && unit == Unit::Count => "none".into(),
            Budget::AtMost(limit) => format!("at most {}", unit.show(limit)),
            Budget::Under(limit) => format!("under {}", unit.show(limit)),
        }
    }
}

/// One line of the table: a figure (None when it was not measured) and its budget, if any.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub label: String,
    pub value: Option<f64>,
    pub unit: Unit,
    pub budget: Option<Budget>,
}

impl Row {
    /// `Some(true)` within its budget, `Some(false)` over it or not measured, None without one.
    pub fn within(&self) -> Option<bool> {
        let budget = self.budget?;
        Some(self.value.is_some_and(|v| budget.holds(v)))
    }

    fn figure(&self) -> String {
        self.value
            .map_or_else(|| "not measured".into(), |v| self.unit.show(v))
    }

    fn verdict(&self) -> &'static str {
        match self.within() {
            None => "",
            Some(true) => "within",
            Some(false) if self.value.is_none() => "NOT MEASURED",
            Some(false) => "OVER",
        }
    }
}

/// Builds rows from the figures.
struct Rows<'a> {
    figures: &'a Figures,
    rows: Vec<Row>,
}

impl Rows<'_> {
    fn push(&mut self, label: String, value: Option<f64>, unit: Unit, budget: Option<Budget>) {
        self.rows.push(Row {
            label,
            value,
            unit,
            budget,
        });
    }

    fn get(&self, name: &str) -> Option<f64> {
        self.figures.get(name).copied()
    }

    fn figure(&mut self, label: String, name: &str, unit: Unit, budget: Option<Budget>) {
        let value = self.get(name);
        self.push(label, value, unit, budget);
    }

    fn ratio(&mut self, label: String, a: &str, b: &str, budget: Option<Budget>) {
        let value = self
            .get(a)
            .zip(self.get(b))
            .filter(|(_, b)| *b > 0.0)
            .map(|(a, b)| a / b);
        self.push(label, value, Unit::Ratio, budget);
    }

    /// Growth from `before` to `after`, in percent of `before`.
    fn growth(&mut self, label: String, before: &str, after: &str, budget: Option<Budget>) {
        let value = self
            .get(before)
            .zip(self.get(after))
            .filter(|(b, _)| *b > 0.0)
            .map(|(b, a)| 100.0 * (a - b) / b);
        self.push(label, value, Unit::Percent, budget);
    }
}

/// One frame at 60 Hz.
const FRAME_MS: f64 = 1000.0 / 60.0;

/// The table's rows: the page figures of `figures` (see `tests/e2e/bench-measure.mjs` and
/// `mode-change-measure.mjs`) and the native per-change figures of the `summary: native, …`
/// lines of `output`, each with its budget where the project has one.
pub fn rows(figures: &Figures, output: &str) -> Vec<Row> {
    use Budget::{AtMost, Under};
    use Unit::{Bytes, Count, Ms, MsPerS};
    let mut r = Rows {
        figures,
        rows: Vec::new(),
    };
    let pages = [
        ("widget", "site"),
        ("mermaid", "Mermaid page"),
        ("static", "static SVG page"),
    ];
    for (key, name) in pages {
        r.figure(
            format!("transfer, {name} (gzip bytes of all it loads)"),
            &format!("transfer.{key}"),
            Bytes,
            None,
        );
    }
    r.ratio(
        "transfer, site / Mermaid".into(),
        "transfer.widget",
        "transfer.mermaid",
        Some(AtMost(0.2)),
    );
    r.ratio(
        "transfer, site / static".into(),
        "transfer.widget",
        "transfer.static",
        None,
    );
    for t in ["1x", "4x"] {
        for (key, name) in pages {
            r.figure(
                format!("first diagram, {name}, {t} CPU"),
                &format!("first-diagram.{key}.{t}"),
                Ms,
                None,
            );
        }
        r.figure(
            format!("ready (data-ready), site, {t} CPU"),
            &format!("ready.widget.{t}"),
            Ms,
            None,
        );
        r.ratio(
            format!("first diagram, site / static, {t} CPU"),
            &format!("first-diagram.widget.{t}"),
            &format!("first-diagram.static.{t}"),
            Some(AtMost(1.25)),
        );
        r.ratio(
            format!("first diagram, site / Mermaid, {t} CPU"),
            &format!("first-diagram.widget.{t}"),
            &format!("first-diagram.mermaid.{t}"),
            None,
        );
        r.ratio(
            format!("ready, site / Mermaid's first diagram, {t} CPU"),
            &format!("ready.widget.{t}"),
            &format!("first-diagram.mermaid.{t}"),
            Some(Under(0.5)),
        );
    }
    for t in ["1x", "4x"] {
        for p in ["p50", "p95"] {
            let budget = (t == "4x" && p == "p95").then_some(Under(FRAME_MS));
            r.figure(
                format!("mode change to painted frame, {p} of 200, {t} CPU"),
                &format!("mode-change.{p}.{t}"),
                Ms,
                budget,
            );
        }
        // The floor: a static page that only swaps each mode's SVG.
        for p in ["p50", "p95"] {
            r.figure(
                format!("mode change, static page swapping the SVG (floor), {p}, {t} CPU"),
                &format!("mode-change.floor.{p}.{t}"),
                Ms,
                None,
            );
        }
        r.ratio(
            format!("mode change p95, site / floor, {t} CPU"),
            &format!("mode-change.p95.{t}"),
            &format!("mode-change.floor.p95.{t}"),
            None,
        );
    }
    for t in ["1x", "4x"] {
        r.figure(
            format!("play 10 s, long tasks (over 50 ms), {t} CPU"),
            &format!("play.long-tasks.{t}"),
            Count,
            Some(AtMost(0.0)),
        );
        r.figure(
            format!("play 10 s, longest task, {t} CPU"),
            &format!("play.longest-task.{t}"),
            Ms,
            None,
        );
        r.figure(
            format!("play 10 s, frames over 16.7 ms, {t} CPU"),
            &format!("play.slow-frames.{t}"),
            Count,
            None,
        );
        r.figure(
            format!("play 10 s, longest frame, {t} CPU"),
            &format!("play.longest-frame.{t}"),
            Ms,
            None,
        );
    }
    for (key, name) in [
        ("playing", "playing"),
        ("paused", "paused"),
        ("hidden", "playing in a hidden tab"),
    ] {
        r.figure(
            format!("CPU (task time) while {name}, 1x CPU"),
            &format!("cpu.{key}.task"),
            MsPerS,
            None,
        );
        r.figure(
            format!("CPU (script time) while {name}, 1x CPU"),
            &format!("cpu.{key}.script"),
            MsPerS,
            None,
        );
    }
    for (key, name) in [("heap", "JS heap"), ("wasm", "wasm memory")] {
        r.figure(
            format!("{name} after the first scenario change"),
            &format!("memory.{key}.first"),
            Bytes,
            None,
        );
        r.figure(
            format!("{name} after 10,000 more"),
            &format!("memory.{key}.soak"),
            Bytes,
            None,
        );
        r.growth(
            format!("{name} growth over 10,000 changes"),
            &format!("memory.{key}.first"),
            &format!("memory.{key}.soak"),
            Some(AtMost(10.0)),
        );
    }
    for (key, name) in [
        ("import", "import box (az aks show JSON)"),
        ("ranges", "ranges editor"),
    ] {
        for n in [200, 2000, 20000] {
            let budget = match (key, n) {
                ("import", 2000) => Some(AtMost(100.0)),
                (_, 20000) => Some(AtMost(1000.0)),
                _ => None,
            };
            r.figure(
                format!(
                    "paste {} ranges into the {name} until painted, 1x CPU",
                    Count.show(f64::from(n))
                ),
                &format!("input.{key}.{n}"),
                Ms,
                budget,
            );
        }
        r.figure(
            format!("longest task of that 20,000-range paste ({key})"),
            &format!("input.{key}.20000.longest-task"),
            Ms,
            None,
        );
    }
    r.figure(
        "native `aks-netviz import` of a 10 MB az aks show JSON, wall time".into(),
        "native.import-10mb",
        Ms,
        None,
    );
    let mut rows = r.rows;
    rows.extend(native_rows(output));
    rows
}

/// Two rows (median; p95 against its budget) per `summary: native, …<TAB>MEDIAN<TAB>P95<TAB>BUDGET`
/// line, each figure written as `0.400 ms`.
fn native_rows(output: &str) -> Vec<Row> {
    let ms = |cell: &str| cell.trim().strip_suffix(" ms")?.trim().parse::<f64>().ok();
    output
        .lines()
        .filter_map(|l| l.strip_prefix("summary: native, "))
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('\t').collect();
            let [what, median, p95, budget] = cells[..] else {
                return None;
            };
            Some([
                Row {
                    label: format!("native {what}, median"),
                    value: ms(median),
                    unit: Unit::Ms,
                    budget: None,
                },
                Row {
                    label: format!("native {what}, p95"),
                    value: ms(p95),
                    unit: Unit::Ms,
                    budget: Some(Budget::AtMost(ms(budget)?)),
                },
            ])
        })
        .flatten()
        .collect()
}

/// The rows as a Markdown table (which also reads well as plain text).
pub fn table(rows: &[Row]) -> String {
    let mut out = String::from("| measurement | figure | budget | verdict |\n|---|--:|---|---|\n");
    for r in rows {
        let budget = r.budget.map(|b| b.show(r.unit)).unwrap_or_default();
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            r.label,
            r.figure(),
            budget,
            r.verdict()
        ));
    }
    out
}

/// One line per budget not met: the row, its figure (or that it was not measured) and the limit.
pub fn over_budget(rows: &[Row]) -> Vec<String> {
    rows.iter()
        .filter(|r| r.within() == Some(false))
        .map(|r| {
            let budget = r.budget.map(|b| b.show(r.unit)).unwrap_or_default();
            format!("{}: {} (budget: {budget})", r.label, r.figure())
        })
        .collect()
}

/// `cargo xtask bench --check`'s verdict: Ok when every budget holds, else an error naming each
/// one over.
pub fn check(rows: &[Row]) -> Result<(), String> {
    let over = over_budget(rows);
    if over.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} of {} budgets not met:\n  {}",
            over.len(),
            rows.iter().filter(|r| r.budget.is_some()).count(),
            over.join("\n  ")
        ))
    }
}

/// Where and when the figures were taken.
pub struct Setting {
    pub date: String,
    pub machine: String,
    pub browser: String,
    pub load: String,
    pub minutes: f64,
}

/// The text of BENCHMARKS.md.
pub fn benchmarks_md(setting: &Setting, rows: &[Row]) -> String {
    let over = over_budget(rows);
    let budgets = rows.iter().filter(|r| r.budget.is_some()).count();
    let verdict = if over.is_empty() {
        format!("All {budgets} budgets are met.")
    } else {
        format!(
            "{} of {budgets} budgets are not met:\n\n{}",
            over.len(),
            over.iter()
                .map(|o| format!("- {o}"))
                .collect::<Vec<_>>()
                .join("\n")
        )
    };
    format!(
        "# Benchmarks\n\n\
         Written by `cargo xtask bench`; `cargo xtask bench --check` takes the same measurements and \
         exits non-zero naming every budget not met. Run it again rather than editing this file.\n\n\
         - date: {}\n- machine: {}\n- browser: {}, headless, pages served on loopback, 1280x900\n\
         - load average when the run began: {} (other work on the machine slows every figure)\n\
         - the whole run took {:.1} min\n\n{}\n{verdict}\n\n{HOW}",
        setting.date,
        setting.machine,
        setting.browser,
        setting.load,
        setting.minutes,
        table(rows)
    )
}

/// How each figure is taken, for the reader of BENCHMARKS.md.
const HOW: &str = "## How the figures are taken

- The three pages are served from one folder by the same server (`target/bench-pages`): the
  release site (`index.html`), `static.html` (the site's prerendered default diagram as a plain SVG
  with the stylesheet: the floor) and `mermaid.html` (`tests/e2e/peers/mermaid.html`: the same boxes
  and arrows as a Mermaid 11.17.2 flowchart, `mermaid.min.js`; loaded with the Content-Security-Policy
  bypassed, as Mermaid writes inline styles).
- Transfer: every response of one load with the cache disabled, each body gzipped (best level) by
  the measuring script, summed.
- First diagram: the first animation frame at which the diagram's `<svg>` is in the page with a
  size (Mermaid's once it has rendered); ready: `data-ready=\"true\"`. Medians of 10 loads of each
  page, interleaved, with the CPU throttled by CDP.
- Mode change: `tests/e2e/mode-change-measure.mjs`, from the radio's input event to the end of the
  first frame painted with the new mode's values, 200 changes. Its floor, measured the same way:
  `static-modes.html`, the stylesheet, four mode radios and each mode's diagram as drawn by
  `aks-netviz svg`, swapped in from a `<template>` on the radio's input event.
- Play: 10 s from pressing Play (the default scenario's 9 steps at the normal speed); long tasks
  from a `longtask` PerformanceObserver, frames over 16.7 ms counted as animation-frame intervals
  over 25 ms (a vsync missed). CPU: CDP `Performance.getMetrics` TaskDuration and ScriptDuration
  per second of wall time, over those 10 s of play, then over 3 s paused, then over 3 s playing in
  a hidden tab. Headless Chromium keeps every tab visible, so the tab is hidden as the page tests
  hide it (`document.visibilityState` set to `hidden` and a `visibilitychange` event): the
  browser's own throttling of hidden tabs is missing, so that figure is an upper bound.
- Memory: after a forced GC (CDP `HeapProfiler.collectGarbage`), the JS heap (`Runtime.getHeapUsage`)
  and the wasm linear memory (`memory.buffer.byteLength` of the running instance's exports), after
  the first scenario change and after 10,000 more (mode and client radios in turn, each rendered
  before the next).
- Paste: the text put into the field and one input event, timed to the end of the first frame
  painted once the page shows the answer (the import: its status line and, unless it refused the
  paste, the editor listing every range; the editor: its entries); a fresh page each time, median
  of 10 pastes (3 of 20,000 ranges, which take seconds each). The import is `az aks show` JSON of
  a VNet-integrated public cluster (limit 2,000 ranges), the editor paste a comma-separated list
  into the first entry. The paste budget of one second is checked at 20,000 ranges.
- Native: `target/release/aks-netviz import` on a generated 10 MB `az aks show` JSON (median of 5
  runs); the per-change figures are `cargo bench --bench change`'s.
";

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(pairs: &[(&str, f64)]) -> Figures {
        pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    }

    fn row<'a>(rows: &'a [Row], label: &str) -> &'a Row {
        rows.iter()
            .find(|r| r.label == label)
            .unwrap_or_else(|| panic!("no row `{label}`"))
    }

    #[test]
    fn figures_are_the_finite_numbers_of_figure_lines() {
        let out = "browser: x\nfigure: transfer.widget\t372901\n  figure: indented\t1\n\
                   figure: first-diagram.static.1x\t41.25\nfigure: bad\tNaN\nfigure: none\n";
        assert_eq!(
            parse_figures(out),
            figures(&[
                ("transfer.widget", 372901.0),
                ("first-diagram.static.1x", 41.25)
            ])
        );
    }

    #[test]
    fn ratios_and_growth_are_computed_and_checked_against_their_budgets() {
        let f = figures(&[
            ("transfer.widget", 300_000.0),
            ("transfer.mermaid", 1_000_000.0),
            ("memory.heap.first", 2_000_000.0),
            ("memory.heap.soak", 2_100_000.0),
            ("memory.wasm.first", 1_000_000.0),
            ("memory.wasm.soak", 1_250_000.0),
            ("play.long-tasks.1x", 0.0),
            ("play.long-tasks.4x", 2.0),
            ("mode-change.p95.4x", 16.7),
        ]);
        let rows = rows(&f, "");
        let site = row(&rows, "transfer, site / Mermaid");
        assert_eq!(site.value, Some(0.3));
        assert_eq!(site.within(), Some(false));
        let heap = row(&rows, "JS heap growth over 10,000 changes");
        assert_eq!(heap.value, Some(5.0));
        assert_eq!(heap.within(), Some(true));
        let wasm = row(&rows, "wasm memory growth over 10,000 changes");
        assert_eq!(wasm.within(), Some(false));
        assert_eq!(
            row(&rows, "play 10 s, long tasks (over 50 ms), 1x CPU").within(),
            Some(true)
        );
        assert_eq!(
            row(&rows, "play 10 s, long tasks (over 50 ms), 4x CPU").within(),
            Some(false)
        );
        // Under one frame: 16.7 ms is 1000/60 rounded up, so it is over.
        assert_eq!(
            row(&rows, "mode change to painted frame, p95 of 200, 4x CPU").within(),
            Some(false)
        );
        let missing = row(&rows, "transfer, site / static");
        assert_eq!((missing.value, missing.within()), (None, None));
        assert_eq!(
            row(&rows, "first diagram, site / static, 1x CPU").within(),
            Some(false),
            "a budget whose figure was not measured is not met"
        );
    }

    #[test]
    fn native_summary_lines_become_a_median_and_a_checked_p95_row() {
        let out =
            "summary: native, one change: mode (public -> vnet)\t0.400 ms\t2.100 ms\t2.000 ms\n\
                   summary: native, broken\t1 ms\n\
                   summary: page, mode change painted, 4x CPU\t9.0 ms\t14.2 ms\t16.7 ms\n";
        let rows = native_rows(out);
        assert_eq!(rows.len(), 2);
        assert_eq!(
            rows[0].label,
            "native one change: mode (public -> vnet), median"
        );
        assert_eq!(rows[0].value, Some(0.4));
        assert_eq!(rows[1].budget, Some(Budget::AtMost(2.0)));
        assert_eq!(rows[1].within(), Some(false));
    }

    #[test]
    fn the_table_shows_units_budgets_and_verdicts() {
        let rows = [
            Row {
                label: "transfer, site".into(),
                value: Some(372_901.0),
                unit: Unit::Bytes,
                budget: None,
            },
            Row {
                label: "transfer, site / Mermaid".into(),
                value: Some(0.384),
                unit: Unit::Ratio,
                budget: Some(Budget::AtMost(0.2)),
            },
            Row {
                label: "long tasks".into(),
                value: Some(0.0),
                unit: Unit::Count,
                budget: Some(Budget::AtMost(0.0)),
            },
            Row {
                label: "mode change".into(),
                value: None,
                unit: Unit::Ms,
                budget: Some(Budget::Under(16.7)),
            },
            Row {
                label: "growth".into(),
                value: Some(-1.25),
                unit: Unit::Percent,
                budget: Some(Budget::AtMost(10.0)),
            },
        ];
        assert_eq!(
            table(&rows),
            "| measurement | figure | budget | verdict |\n|---|--:|---|---|\n\
             | transfer, site | 372,901 B |  |  |\n\
             | transfer, site / Mermaid | 0.38x | at most 0.20x | OVER |\n\
             | long tasks | 0 | none | within |\n\
             | mode change | not measured | under 16.7 ms | NOT MEASURED |\n\
             | growth | -1.2 % | at most +10.0 % | within |\n"
        );
        assert_eq!(
            check(&rows).unwrap_err(),
            "2 of 4 budgets not met:\n  \
             transfer, site / Mermaid: 0.38x (budget: at most 0.20x)\n  \
             mode change: not measured (budget: under 16.7 ms)"
        );
        assert_eq!(check(&rows[2..3]), Ok(()));
    }

    #[test]
    fn benchmarks_md_says_when_where_and_which_budgets_fail() {
        let setting = Setting {
            date: "2026-12-01 23:00 UTC".into(),
            machine: "Some CPU @ 2.0GHz, 2 cores, Debian GNU/Linux 12 (bookworm)".into(),
            browser: "Chromium 140.0.1".into(),
            load: "2.61".into(),
            minutes: 12.34,
        };
        let rows = [Row {
            label: "transfer, site / Mermaid".into(),
            value: Some(0.5),
            unit: Unit::Ratio,
            budget: Some(Budget::AtMost(0.2)),
        }];
        let md = benchmarks_md(&setting, &rows);
        assert!(
            md.starts_with("# Benchmarks\n\nWritten by `cargo xtask bench`"),
            "{md}"
        );
        assert!(md.contains("- date: 2026-12-01 23:00 UTC\n"), "{md}");
        assert!(
            md.contains("- machine: Some CPU @ 2.0GHz, 2 cores, Debian"),
            "{md}"
        );
        assert!(md.contains("- browser: Chromium 140.0.1, headless"), "{md}");
        assert!(md.contains("- the whole run took 12.3 min\n"), "{md}");
        assert!(md.contains("| transfer, site / Mermaid | 0.50x | at most 0.20x | OVER |"));
        assert!(md.contains(
            "1 of 1 budgets are not met:\n\n- transfer, site / Mermaid: 0.50x (budget: at most 0.20x)\n"
        ));
        assert!(md.contains("## How the figures are taken"));
        let met = benchmarks_md(&setting, &[]);
        assert!(met.contains("All 0 budgets are met."));
    }

    #[test]
    fn numbers_get_thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(-1234567), "-1,234,567");
    }
}
