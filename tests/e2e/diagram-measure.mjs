// How legible the network diagram is, measured in headless Chromium at several page widths:
// `cargo xtask bench diagram [--widths 360,720,1280]` builds and serves the release site, then runs
// this script. It prints figures and never fails on what it finds (a benchmark, not a test), and
// writes every finding to target/diagram-measure.json (the path in AKS_NETVIZ_MEASURE_OUT).
//
// For every width and every cell of the expected-outcomes table it measures the diagram at the
// cell's last step (the page's default) and at every earlier step, and counts text overlaps,
// lines crossing boxes or texts they do not join, elements outside the visible area, and the
// smallest rendered text.
//
// The conventions of the diagram's markup it relies on (a redesign keeps them or updates this file):
// - the picture is the SVG `[data-testid="network-diagram"]`, with a viewBox, inside a
//   container (`.diagram-scroll` when it scrolls sideways, else the SVG's parent);
// - a place is an element with `data-place` (its id; the API server is `apiserver`) whose box is a
//   `.spot-box` child; a network is an element with `data-area`; a place or network the scenario
//   does not have carries class `absent` (anything else hidden is recognised by display none,
//   visibility hidden or opacity 0 on it or an ancestor);
// - a drawn event is a `.event` element with `data-event` (its index), `data-from` and `data-to`
//   (the ids of the places it joins) and its kind among its classes (`tunnel`, `kubelet`,
//   `dns-query`...); its lines are `line`, `polyline` and `path` elements (paths may use any
//   command: M, L, H and V exactly, curves and arcs by their end points); arrowheads
//   (`.event-head`, polygons) and block marks (`.block-mark`) are not lines; the lines of tunnel
//   and kubelet events may continue to the API server;
// - a link between networks is a `.zone-link` with `data-link` and lines or paths;
// - a legend, if there is one, is a `.legend`;
// - a text is a `<text>`; its owner is the closest element with `data-place`, `data-area`,
//   `data-event` or `data-link`, or the `.legend`.
// The page is driven through its address bar (a cell's `fragment`, then `&step=N`); the number of
// events is the number of `li` in the timeline's `.event-list`, and `[data-testid="step-count"]`
// reads `Step N of M` once the page shows step N.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, openPage, outcomes, url } from './harness.mjs';

const widths = (process.env.AKS_NETVIZ_WIDTHS || '360,720,1280').split(',').map(Number);
const outFile = process.env.AKS_NETVIZ_MEASURE_OUT || 'target/diagram-measure.json';
const HEIGHT = 900;
const API_SERVER = 'apiserver';
// Kinds whose lines continue past the endpoint they enter to the API server behind it.
const THROUGH_KINDS = ['tunnel', 'kubelet'];
const TOP = 10;

// ---- In the page: Playwright sends these functions' source, so each stands alone ----

/** Sets the fragment and waits until the page shows it at `step` (the last step when null). */
export async function show({ fragment, step, cell }) {
  const hash = step === null ? fragment : `${fragment}&step=${step}`;
  if (window.location.hash.slice(1) !== hash) {
    // A different fragment always fires `hashchange`.
    await new Promise((resolve) => {
      window.addEventListener('hashchange', resolve, { once: true });
      window.location.hash = hash;
    });
  }
  const q = (t) => document.querySelector(`[data-testid="${t}"]`);
  const deadline = performance.now() + 3000;
  for (;;) {
    // The app renders after its own `hashchange` listener: look again at each frame until the
    // page shows the state (or 3 s have gone, which is reported as unsettled).
    await new Promise((r) => requestAnimationFrame(r));
    const steps = document.querySelectorAll('.event-list li').length;
    const at = step === null ? steps : step;
    const shown = q('step-count') && q('step-count').textContent.trim() === `Step ${at} of ${steps}`
      && q('outcome') && q('outcome').getAttribute('data-outcome') === cell.outcome
      && q('dns-answer') && q('dns-answer').textContent === cell.dns_answer;
    if (shown) return { steps, step: at, settled: true };
    if (performance.now() > deadline) return { steps, step: at, settled: false };
  }
}

/** Client-coordinate geometry of the diagram: visible texts, place boxes and event lines. */
export function collect() {
  const svg = document.querySelector('[data-testid="network-diagram"]');
  if (!svg) return null;
  const hiddenCache = new Map();
  const hidden = (el) => {
    if (!el || el === svg.parentElement) return false;
    if (hiddenCache.has(el)) return hiddenCache.get(el);
    const s = getComputedStyle(el);
    const h = (el.classList && el.classList.contains('absent')) || s.display === 'none'
      || s.visibility === 'hidden' || parseFloat(s.opacity) === 0 || hidden(el.parentElement);
    hiddenCache.set(el, h);
    return h;
  };
  const rect = (el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  };
  const ownerOf = (el) => {
    const o = el.closest('[data-place], [data-area], [data-event], [data-link], .legend');
    if (!o || !svg.contains(o)) return 'svg';
    for (const key of ['place', 'area', 'event', 'link']) {
      const v = o.getAttribute(`data-${key}`);
      if (v !== null) return `${key}:${v}`;
    }
    return 'legend';
  };
  const svgRect = rect(svg);
  const vb = svg.viewBox && svg.viewBox.baseVal;
  const scale = vb && vb.width && vb.height
    ? Math.min((svgRect.right - svgRect.left) / vb.width, (svgRect.bottom - svgRect.top) / vb.height)
    : 1;
  // What the reader sees of the picture without scrolling it: the SVG, inside its scrolling
  // container's client area (no border, no scrollbar), inside the viewport's width.
  const scroller = svg.closest('.diagram-scroll') || svg.parentElement;
  const sr = scroller.getBoundingClientRect();
  const left = sr.left + scroller.clientLeft;
  const top = sr.top + scroller.clientTop;
  const area = {
    left: Math.max(svgRect.left, left, 0),
    top: Math.max(svgRect.top, top),
    right: Math.min(svgRect.right, left + scroller.clientWidth, window.innerWidth),
    bottom: Math.min(svgRect.bottom, top + scroller.clientHeight),
  };
  // A text's box is where it paints: its client rect across, and from the top to the bottom of
  // its glyphs' ink around its baseline down (the rect's height is the font's whole line cell,
  // which makes stacked lines a line apart overlap whenever the picture is scaled up), grown by
  // half its stroke when it has a halo. A text of several `tspan` lines is measured line by line.
  const ink = document.createElement('canvas').getContext('2d');
  const textBox = (t, s) => {
    const r = rect(t);
    const m = t.getScreenCTM();
    if (!m || m.b !== 0 || m.c !== 0 || t.getNumberOfChars() === 0) return r;
    ink.font = `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
    const glyphs = ink.measureText(t.textContent);
    const baseline = t.getStartPositionOfChar(0).y;
    const halo = s.stroke && s.stroke !== 'none' ? (parseFloat(s.strokeWidth) || 0) / 2 : 0;
    const top = m.d * (baseline - glyphs.actualBoundingBoxAscent - halo) + m.f;
    const bottom = m.d * (baseline + glyphs.actualBoundingBoxDescent + halo) + m.f;
    // A baseline outside the cell means the text is laid out in a way this does not follow.
    if (!(top >= r.top - 1 - halo * m.d && bottom <= r.bottom + 1 + halo * m.d && bottom > top)) return r;
    return { left: r.left - halo * m.a, top, right: r.right + halo * m.a, bottom };
  };
  const texts = [];
  for (const el of svg.querySelectorAll('text')) {
    const lines = el.querySelectorAll(':scope > tspan');
    for (const t of lines.length > 1 ? lines : [el]) {
      const content = t.textContent.trim();
      if (!content || hidden(t)) continue;
      const s = getComputedStyle(t);
      const r = textBox(t, s);
      if (r.right - r.left <= 0 || r.bottom - r.top <= 0) continue;
      texts.push({ ...r, owner: ownerOf(t), text: content, px: parseFloat(s.fontSize) * scale });
    }
  }
  const boxes = [];
  for (const g of svg.querySelectorAll('[data-place]')) {
    const box = g.querySelector(':scope > .spot-box');
    if (!box || hidden(box)) continue;
    boxes.push({ ...rect(box), place: g.getAttribute('data-place') });
  }
  // Path data as polylines (user units): M, L, H, V, Z exactly, other commands by their end point.
  const ARGS = { M: 2, L: 2, H: 1, V: 1, C: 6, S: 4, Q: 4, T: 2, A: 7, Z: 0 };
  const polylines = (d) => {
    const tokens = d.match(/[a-zA-Z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g) || [];
    const out = [];
    let cur = null;
    let cmd = null;
    let [x, y, sx, sy] = [0, 0, 0, 0];
    let i = 0;
    while (i < tokens.length) {
      if (/^[a-zA-Z]$/.test(tokens[i])) cmd = tokens[i++];
      else if (cmd === null) break;
      const upper = cmd.toUpperCase();
      const rel = cmd !== upper;
      const n = ARGS[upper];
      if (n === undefined) break;
      if (upper === 'Z') {
        if (cur) cur.push([sx, sy]);
        [x, y, cur] = [sx, sy, null];
        continue;
      }
      const a = tokens.slice(i, i + n).map(Number);
      if (a.length < n || a.some(Number.isNaN)) break;
      i += n;
      let [nx, ny] = [x, y];
      if (upper === 'H') nx = rel ? x + a[0] : a[0];
      else if (upper === 'V') ny = rel ? y + a[0] : a[0];
      else [nx, ny] = rel ? [x + a[n - 2], y + a[n - 1]] : [a[n - 2], a[n - 1]];
      if (upper === 'M') {
        cur = [[nx, ny]];
        out.push(cur);
        [sx, sy] = [nx, ny];
        cmd = rel ? 'l' : 'L';
      } else {
        if (!cur) {
          cur = [[x, y]];
          out.push(cur);
        }
        cur.push([nx, ny]);
      }
      [x, y] = [nx, ny];
    }
    return out;
  };
  const userPolylines = (el) => {
    if (el.tagName === 'line') {
      const v = (k) => el[k].baseVal.value;
      return [[[v('x1'), v('y1')], [v('x2'), v('y2')]]];
    }
    if (el.tagName === 'polyline') return [[...el.points].map((p) => [p.x, p.y])];
    return polylines(el.getAttribute('d') || '');
  };
  const segments = [];
  const addLines = (group, info) => {
    for (const el of group.querySelectorAll('line, polyline, path')) {
      if (el.closest('.block-mark, .event-head, .packet, marker') || hidden(el)) continue;
      const m = el.getScreenCTM();
      if (!m) continue;
      const toClient = ([px, py]) => [m.a * px + m.c * py + m.e, m.b * px + m.d * py + m.f];
      for (const line of userPolylines(el)) {
        const pts = line.map(toClient);
        for (let k = 1; k < pts.length; k += 1) {
          const [[x0, y0], [x1, y1]] = [pts[k - 1], pts[k]];
          if (Math.hypot(x1 - x0, y1 - y0) > 0.5) segments.push({ x0, y0, x1, y1, ...info });
        }
      }
    }
  };
  const NOT_KINDS = ['event', 'current', 'past', 'pass', 'block'];
  for (const g of svg.querySelectorAll('.event[data-event]')) {
    if (hidden(g)) continue;
    const kind = g.getAttribute('data-kind') || [...g.classList].find((c) => !NOT_KINDS.includes(c)) || 'event';
    addLines(g, {
      owner: ownerOf(g), kind, from: g.getAttribute('data-from'), to: g.getAttribute('data-to'),
    });
  }
  for (const g of svg.querySelectorAll('.zone-link')) {
    if (!hidden(g)) addLines(g, { owner: ownerOf(g), kind: 'zone-link', from: null, to: null });
  }
  const root = document.documentElement;
  return {
    scale,
    area,
    texts,
    boxes,
    segments,
    pageScrolls: root.scrollWidth > root.clientWidth,
    diagramScrolls: scroller.scrollWidth > scroller.clientWidth,
  };
}

// ---- Geometry, in node ----

const shrink = (r, by) => ({ left: r.left + by, top: r.top + by, right: r.right - by, bottom: r.bottom - by });

/** Whether segment `s` runs through the open rectangle `r` (Liang–Barsky clipping). */
function segmentCrosses(s, r) {
  if (r.right <= r.left || r.bottom <= r.top) return false;
  const dx = s.x1 - s.x0;
  const dy = s.y1 - s.y0;
  const p = [-dx, dx, -dy, dy];
  const q = [s.x0 - r.left, r.right - s.x0, s.y0 - r.top, r.bottom - s.y0];
  let [t0, t1] = [0, 1];
  for (let k = 0; k < 4; k += 1) {
    if (p[k] === 0) {
      if (q[k] <= 0) return false;
    } else {
      const t = q[k] / p[k];
      if (p[k] < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 >= t1) return false;
    }
  }
  return true;
}

const overlap = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1
  && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;

const quote = (s) => JSON.stringify(s.length > 48 ? `${s.slice(0, 47)}…` : s);
const describeText = (t) => `text ${quote(t.text)}`;
const describeBox = (b) => `box ${b.place}`;
const describeSegment = (s) => (s.kind === 'zone-link' ? `zone link ${s.owner.replace(/^link:/, '')}`
  : `event ${s.kind} ${s.from}→${s.to}`);
const rounded = (r) => [r.left, r.top, r.right, r.bottom].map((v) => Math.round(v * 10) / 10);

/** The findings of one measured state. */
export function analyse(g) {
  const overlaps = [];
  for (let i = 0; i < g.texts.length; i += 1) {
    for (let j = i + 1; j < g.texts.length; j += 1) {
      const [a, b] = [g.texts[i], g.texts[j]];
      if (overlap(a, b)) {
        const pair = [describeText(a), describeText(b)].sort();
        overlaps.push({ pair: pair.join(' × '), a: { text: a.text, owner: a.owner, rect: rounded(a) }, b: { text: b.text, owner: b.owner, rect: rounded(b) } });
      }
    }
  }
  const crossings = [];
  for (const s of g.segments) {
    // The places the line joins, and the API server its continuation reaches.
    const ends = new Set([s.from, s.to].filter(Boolean));
    if (THROUGH_KINDS.includes(s.kind)) ends.add(API_SERVER);
    const seg = { owner: s.owner, line: [s.x0, s.y0, s.x1, s.y1].map((v) => Math.round(v * 10) / 10) };
    for (const b of g.boxes) {
      if (!ends.has(b.place) && segmentCrosses(s, shrink(b, 1))) {
        crossings.push({ pair: `${describeSegment(s)} × ${describeBox(b)}`, ...seg, box: b.place, rect: rounded(b) });
      }
    }
    for (const t of g.texts) {
      const ownEnd = t.owner.startsWith('place:') && ends.has(t.owner.slice('place:'.length));
      if (t.owner !== s.owner && !ownEnd && segmentCrosses(s, shrink(t, 1))) {
        crossings.push({ pair: `${describeSegment(s)} × ${describeText(t)}`, ...seg, text: t.text, rect: rounded(t) });
      }
    }
  }
  const a = g.area;
  const outside = (r) => r.left < a.left - 0.5 || r.right > a.right + 0.5 || r.top < a.top - 0.5 || r.bottom > a.bottom + 0.5;
  const clipped = [
    ...g.texts.filter(outside).map((t) => ({ what: describeText(t), owner: t.owner, rect: rounded(t) })),
    ...g.boxes.filter(outside).map((b) => ({ what: describeBox(b), rect: rounded(b) })),
  ];
  const smallest = g.texts.reduce((m, t) => Math.min(m, t.px), Infinity);
  return {
    overlaps, crossings, clipped, smallest_px: Number.isFinite(smallest) ? smallest : null,
    page_scrolls: g.pageScrolls, diagram_scrolls: g.diagramScrolls, scale: g.scale,
  };
}

// ---- Driving the page and reporting ----

/** Figures over a list of measured states. */
function summarise(states) {
  const sum = (f) => states.reduce((n, s) => n + f(s), 0);
  const clippedNames = new Set(states.flatMap((s) => s.clipped.map((c) => c.what)));
  return {
    states: states.length,
    unsettled: sum((s) => (s.settled ? 0 : 1)),
    affected: sum((s) => (s.overlaps.length + s.crossings.length > 0 ? 1 : 0)),
    overlaps: sum((s) => s.overlaps.length),
    crossings: sum((s) => s.crossings.length),
    crossings_box: sum((s) => s.crossings.filter((c) => c.box).length),
    crossings_text: sum((s) => s.crossings.filter((c) => c.text).length),
    clipped: sum((s) => s.clipped.length),
    clipped_states: sum((s) => (s.clipped.length > 0 ? 1 : 0)),
    clipped_distinct: clippedNames.size,
    page_scrolls: states.some((s) => s.page_scrolls),
    diagram_scrolls: states.some((s) => s.diagram_scrolls),
    smallest_px: states.reduce((m, s) => (s.smallest_px === null ? m : Math.min(m, s.smallest_px)), Infinity),
    scale: states.reduce((m, s) => Math.min(m, s.scale), Infinity),
  };
}

/** The offending pairs seen in the most states, most frequent first. */
function frequent(states) {
  const counts = new Map();
  for (const s of states) {
    const pairs = new Set([...s.overlaps, ...s.crossings].map((f) => f.pair));
    for (const p of pairs) counts.set(p, (counts.get(p) || 0) + 1);
  }
  return [...counts].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).slice(0, TOP)
    .map(([pair, states_]) => ({ pair, states: states_ }));
}

async function measureWidth(browser, width) {
  // Reduced motion: no fades or travelling packet, so every state is final when it renders.
  const page = await openPage(browser, { viewport: { width, height: HEIGHT }, reducedMotion: 'reduce' });
  await page.goto(url());
  await page.waitForSelector('[data-testid="aks-netviz"][data-ready="true"]', { timeout: 20000 });
  await page.evaluate(() => document.fonts.ready.then(() => true));
  const states = [];
  const visit = async (cell, index, step) => {
    const shown = await page.evaluate(show, { fragment: cell.fragment, step, cell });
    const geometry = await page.evaluate(collect);
    if (!geometry) throw new Error(`${cell.fragment}: no network diagram in the page`);
    states.push({
      cell: index, fragment: cell.fragment, step: shown.step, steps: shown.steps,
      last: step === null, settled: shown.settled, ...analyse(geometry),
    });
    return shown;
  };
  for (const [index, cell] of outcomes.entries()) {
    // The last step first (the page's default), then every earlier one.
    const { steps } = await visit(cell, index, null);
    for (let step = 1; step < steps; step += 1) await visit(cell, index, step);
  }
  if (page.problems.length > 0) console.log(`  page problems at ${width} px: ${page.problems.slice(0, 3).join('; ')}`);
  await page.context().close();
  const last = states.filter((s) => s.last);
  return { width, height: HEIGHT, last: summarise(last), every: summarise(states), top: frequent(states), states };
}

function report(r) {
  const rows = [
    ['states measured', (s) => s.states],
    ['states affected', (s) => s.affected],
    ['text overlaps', (s) => s.overlaps],
    ['crossings', (s) => `${s.crossings} (line×box ${s.crossings_box}, line×text ${s.crossings_text})`],
    ['clipped elements', (s) => `${s.clipped} in ${s.clipped_states} states (${s.clipped_distinct} distinct)`],
    ['sideways scrolling', (s) => `page ${s.page_scrolls ? 'yes' : 'no'}, diagram ${s.diagram_scrolls ? 'yes' : 'no'}`],
    ['smallest text', (s) => `${s.smallest_px.toFixed(1)} px`],
  ];
  const lines = [`width ${r.width} px (viewport ${r.width}×${r.height}, diagram scale ${r.every.scale.toFixed(3)})`];
  lines.push(`  ${''.padEnd(20)}${'last step'.padEnd(40)}every step`);
  for (const [name, f] of rows) lines.push(`  ${name.padEnd(20)}${String(f(r.last)).padEnd(40)}${f(r.every)}`);
  if (r.every.unsettled > 0) lines.push(`  (${r.every.unsettled} states did not show their step within 3 s; measured as they were)`);
  lines.push(`  most frequent offending pairs (states where they occur, of ${r.every.states}):`);
  if (r.top.length === 0) lines.push('    none');
  for (const t of r.top) lines.push(`    ${String(t.states).padStart(5)}  ${t.pair}`);
  return lines.join('\n');
}

// Run as a script (`cargo xtask bench diagram`); imported, it only lends its measuring functions.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = Date.now();
  const browser = await launch();
  const results = [];
  for (const width of widths) {
    const t0 = Date.now();
    const r = await measureWidth(browser, width);
    r.seconds = (Date.now() - t0) / 1000;
    results.push(r);
    console.log(`${report(r)}\n  measured in ${r.seconds.toFixed(0)} s\n`);
  }
  await browser.close();
  const seconds = (Date.now() - started) / 1000;
  console.log(`diagram-measure: ${outcomes.length} cells × ${widths.length} widths, every step of every cell, in ${seconds.toFixed(0)} s`);
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify({ cells: outcomes.length, seconds, widths: results }, null, 1));
  console.log(`diagram-measure: full detail in ${outFile}`);
}
