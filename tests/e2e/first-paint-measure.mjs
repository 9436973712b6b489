// `cargo xtask bench first-paint`: time to first diagram of the release site, with and without
// its prerendered HTML, beside a static page showing the same diagram as plain SVG (the floor),
// in headless Chromium on loopback, at 1x and 4x CPU throttling. Figures, not a pass/fail test.
//
// The site under AKS_NETVIZ_URL holds index.html (prerendered), unprerendered.html (the same page
// before the prerender step) and static.html (the diagram's SVG and nothing else).
import { launch, url } from './harness.mjs';
import { firstDiagram, median } from './measure.mjs';

const LOADS = Number(process.env.AKS_NETVIZ_LOADS || 10);
const PAGES = [
  ['static SVG page', 'static.html'],
  ['prerendered (index.html)', 'index.html'],
  ['without prerendering', 'unprerendered.html'],
];

const ms = (x) => (x === null || Number.isNaN(x) ? '-' : `${Math.round(x)} ms`);

const browser = await launch();
const version = browser.version();
const results = {};
for (const throttle of [1, 4]) {
  const samples = Object.fromEntries(PAGES.map(([, p]) => [p, { diagram: [], ready: [] }]));
  for (let i = 0; i < LOADS; i += 1) {
    // Interleaved, so drift on the machine touches every page alike.
    for (const [, path] of PAGES) {
      const t = await firstDiagram(browser, url(path), throttle);
      samples[path].diagram.push(t.diagram);
      if (t.ready !== null) samples[path].ready.push(t.ready);
    }
  }
  results[throttle] = Object.fromEntries(Object.entries(samples).map(([p, s]) => [p, {
    diagram: median(s.diagram),
    ready: s.ready.length ? median(s.ready) : null,
  }]));
}
await browser.close();

console.log(`time to first diagram, median of ${LOADS} loads each, headless Chromium ${version}, loopback, 1280x900`);
console.log(`${'page'.padEnd(28)}${'1x CPU'.padStart(10)}${'4x CPU'.padStart(10)}   ratio to static (1x, 4x)   ready (1x, 4x)`);
const floor = { 1: results[1]['static.html'].diagram, 4: results[4]['static.html'].diagram };
for (const [name, path] of PAGES) {
  const a = results[1][path];
  const b = results[4][path];
  const ratio = `${(a.diagram / floor[1]).toFixed(2)}x, ${(b.diagram / floor[4]).toFixed(2)}x`;
  const ready = a.ready === null ? '' : `${ms(a.ready)}, ${ms(b.ready)}`;
  console.log(`${name.padEnd(28)}${ms(a.diagram).padStart(10)}${ms(b.diagram).padStart(10)}   ${ratio.padEnd(27)}${ready}`);
}
console.log('budget: the prerendered page at most 1.25x the static page at 1x and at 4x');
