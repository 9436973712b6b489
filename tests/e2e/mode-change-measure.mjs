// `cargo xtask bench mode-change [--changes N]`: how long a click on another mode takes to reach
// the screen in the release site, in headless Chromium on loopback at 1x and 4x CPU throttling,
// against one frame (16.7 ms). Figures, not a pass/fail test.
//
// Each change clicks the next mode radio (public, authorized, private, vnet, in turn) and
// measures from the radio's `input` event to the end of the first frame painted after the page
// shows that mode's values (a MutationObserver sees the DOM change; a requestAnimationFrame then
// a message posted from it land after that frame's paint).
import { launch, settled, url } from './harness.mjs';
import { figure, percentile } from './measure.mjs';

const CHANGES = Number(process.env.AKS_NETVIZ_CHANGES || 200);
const BUDGET_MS = 1000 / 60;
const MODES = ['public', 'authorized', 'private', 'vnet'];
// Ranges that every mode shows differently (ignored with a note, applied, invalid, applied with
// VNet integration), so each mode's values are told apart by the hooks below.
const START = '#mode=public&ranges=81.56.12.7/32';
const radio = (mode) => `[data-setting="mode"] input[value="${mode}"]`;

// Runs in the page once: notes the input event, the first DOM change that shows `expected` (what
// the reader sees of one state: the outcome and the texts a mode changes), and the end of the
// frame painted after it.
const PROBE = () => {
  const signature = () => ['outcome', 'validation', 'access-profile', 'az-command']
    .map((t) => {
      const e = document.querySelector(`[data-testid="${t}"]`);
      return e ? `${e.getAttribute('data-outcome') || ''}|${e.textContent}` : '-';
    }).join('\n');
  window.signature = signature;
  window.mc = { expected: null, input: null, shown: null, painted: null };
  const afterPaint = () => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { window.mc.painted = performance.now(); };
    channel.port2.postMessage(0);
  });
  const look = () => {
    const m = window.mc;
    if (m.input !== null && m.shown === null && signature() === m.expected) {
      m.shown = performance.now();
      afterPaint();
    }
  };
  document.addEventListener('input', (e) => {
    if (window.mc.input === null && e.target.closest('[data-setting="mode"]')) {
      window.mc.input = e.timeStamp;
      look();
    }
  }, true);
  new MutationObserver(look).observe(document, {
    subtree: true, childList: true, characterData: true, attributes: true,
  });
};

async function measure(browser, throttle) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(url(START));
  await page.waitForSelector('[data-ready="true"]', { timeout: 60000 });
  await page.evaluate(PROBE);
  // Each mode's values, read once the page has settled in it.
  const expected = {};
  for (const mode of [...MODES.slice(1), MODES[0]]) {
    const before = await page.evaluate(() => window.signature());
    await page.check(radio(mode));
    expected[mode] = await settled(page, () => window.signature(), before);
  }
  for (let i = 0; i < MODES.length; i += 1) {
    const [a, b] = [expected[MODES[i]], expected[MODES[(i + 1) % MODES.length]]];
    if (a === b) throw new Error(`modes ${MODES[i]} and the next one show the same values: nothing to measure`);
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const samples = [];
  for (let i = 0; i < CHANGES; i += 1) {
    const mode = MODES[(i + 1) % MODES.length];
    await page.evaluate((e) => { window.mc = { expected: e, input: null, shown: null, painted: null }; }, expected[mode]);
    await page.click(radio(mode));
    await page.waitForFunction(() => window.mc.painted !== null, null, { timeout: 10000 });
    samples.push(await page.evaluate(() => window.mc.painted - window.mc.input));
  }
  await context.close();
  return samples;
}

// The floor (AKS_NETVIZ_FLOOR names the page, built by `cargo xtask bench`): a static page that
// swaps each mode's SVG in on the radio's input event, measured the same way, from the input
// event to the end of the frame painted after it.
async function measureFloor(browser, path, throttle) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(url(path));
  await page.waitForSelector('#diagram svg');
  await page.evaluate(() => {
    window.mc = { input: null, painted: null };
    document.addEventListener('input', (e) => {
      window.mc.input = e.timeStamp;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => { window.mc.painted = performance.now(); };
        channel.port2.postMessage(0);
      });
    }, true);
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const samples = [];
  for (let i = 0; i < CHANGES; i += 1) {
    await page.evaluate(() => { window.mc = { input: null, painted: null }; });
    await page.click(`input[value="${MODES[(i + 1) % MODES.length]}"]`);
    await page.waitForFunction(() => window.mc.painted !== null, null, { timeout: 10000 });
    samples.push(await page.evaluate(() => window.mc.painted - window.mc.input));
  }
  await context.close();
  return samples;
}

const ms = (x) => `${x.toFixed(1)} ms`;

const browser = await launch();
const version = browser.version();
const rows = [];
for (const throttle of [1, 4]) {
  const samples = await measure(browser, throttle);
  rows.push([throttle, percentile(samples, 50), percentile(samples, 95)]);
}
const floor = [];
if (process.env.AKS_NETVIZ_FLOOR) {
  for (const throttle of [1, 4]) {
    const samples = await measureFloor(browser, process.env.AKS_NETVIZ_FLOOR, throttle);
    floor.push([throttle, percentile(samples, 50), percentile(samples, 95)]);
  }
}
await browser.close();

console.log(`mode change to painted frame, ${CHANGES} changes each (${MODES.join(' -> ')} in turn), headless Chromium ${version}, loopback, 1280x900`);
console.log(`${'CPU'.padEnd(8)}${'p50'.padStart(10)}${'p95'.padStart(10)}   budget ${ms(BUDGET_MS)} (one frame)`);
for (const [throttle, p50, p95] of rows) {
  console.log(`${`${throttle}x`.padEnd(8)}${ms(p50).padStart(10)}${ms(p95).padStart(10)}   ${p95 <= BUDGET_MS ? 'within' : 'OVER'}`);
}
for (const [throttle, p50, p95] of rows) {
  console.log(`summary: page, mode change painted, ${throttle}x CPU\t${ms(p50)}\t${ms(p95)}\t${ms(BUDGET_MS)}`);
  figure(`mode-change.p50.${throttle}x`, p50);
  figure(`mode-change.p95.${throttle}x`, p95);
}
for (const [throttle, p50, p95] of floor) {
  console.log(`floor: a static page swapping each mode's SVG, ${throttle}x CPU: p50 ${ms(p50)}, p95 ${ms(p95)}`);
  figure(`mode-change.floor.p50.${throttle}x`, p50);
  figure(`mode-change.floor.p95.${throttle}x`, p95);
}
