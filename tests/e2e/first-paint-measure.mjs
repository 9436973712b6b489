// `cargo xtask bench first-paint`: time to first diagram of the release site, with and without
// its prerendered HTML, beside a static page showing the same diagram as plain SVG (the floor),
// in headless Chromium on loopback, at 1x and 4x CPU throttling. Figures, not a pass/fail test.
//
// The site under AKS_NETVIZ_URL holds index.html (prerendered), unprerendered.html (the same page
// before the prerender step) and static.html (the diagram's SVG and nothing else).
import { launch, url } from './harness.mjs';

const LOADS = Number(process.env.AKS_NETVIZ_LOADS || 10);
const PAGES = [
  ['static SVG page', 'static.html'],
  ['prerendered (index.html)', 'index.html'],
  ['without prerendering', 'unprerendered.html'],
];

// Runs in every page before its own scripts: notes the first animation frame at which the
// network diagram is in the page with a size (it is then painted in that frame), and when the
// widget turns interactive.
const PROBE = () => {
  window.firstDiagram = null;
  window.readyAt = null;
  const look = () => {
    const svg = document.querySelector('svg[data-testid="network-diagram"]');
    if (window.firstDiagram === null && svg && svg.getBoundingClientRect().height > 0) {
      window.firstDiagram = performance.now();
    }
    if (window.readyAt === null && document.querySelector('[data-ready="true"]')) {
      window.readyAt = performance.now();
    }
    if (window.firstDiagram === null || (window.readyAt === null && document.querySelector('[data-ready]'))) {
      requestAnimationFrame(look);
    }
  };
  requestAnimationFrame(look);
};

async function load(browser, path, throttle) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.addInitScript(PROBE);
  await page.goto(url(path));
  await page.waitForFunction(() => window.firstDiagram !== null, null, { timeout: 60000 });
  const hasWidget = await page.evaluate(() => !!document.querySelector('[data-ready]'));
  if (hasWidget) {
    await page.waitForFunction(() => window.readyAt !== null, null, { timeout: 60000 });
  }
  const t = await page.evaluate(() => ({ diagram: window.firstDiagram, ready: window.readyAt }));
  await context.close();
  return t;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => (x === null || Number.isNaN(x) ? '-' : `${Math.round(x)} ms`);

const browser = await launch();
const version = browser.version();
const results = {};
for (const throttle of [1, 4]) {
  const samples = Object.fromEntries(PAGES.map(([, p]) => [p, { diagram: [], ready: [] }]));
  for (let i = 0; i < LOADS; i += 1) {
    // Interleaved, so drift on the machine touches every page alike.
    for (const [, path] of PAGES) {
      const t = await load(browser, path, throttle);
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
