// `cargo xtask bench` (and `bench --check`): the page figures of BENCHMARKS.md, measured in one run
// of headless Chromium on loopback. Prints one `figure: NAME<TAB>VALUE` line per figure (bytes,
// ms, counts), which xtask gathers into its table and checks against the budgets, and a
// `browser: …` line. Figures, not a pass/fail test.
//
// The folder under AKS_NETVIZ_URL holds the release site (index.html), static.html (the widget's
// prerendered diagram as plain SVG: the floor) and mermaid.html (the same diagram drawn by
// Mermaid), served by the same server.
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { launch, url } from './harness.mjs';
import { DIAGRAM, figure, firstDiagram, median } from './measure.mjs';

const LOADS = Number(process.env.AKS_NETVIZ_LOADS || 10);
const SOAK = Number(process.env.AKS_NETVIZ_SOAK || 10000);
const PLAY_MS = 10000;
const IDLE_MS = 3000;
// Pastes of each size, each into a freshly loaded page: 10 like the loads above, but 3 of 20,000
// ranges, which take tens of seconds each.
const RANGE_COUNTS = [200, 2000, 20000];
const pastes = (n) => Number(process.env.AKS_NETVIZ_PASTES || (n > 2000 ? 3 : LOADS));
const THROTTLES = [1, 4];
const VIEWPORT = { width: 1280, height: 900 };
const PAGES = [['widget', 'index.html'], ['mermaid', 'mermaid.html'], ['static', 'static.html']];
// Mermaid writes inline styles, which the strict policy the server sends refuses: a host using
// Mermaid has to allow them, so its page is loaded with the policy bypassed.
const bypassCSP = (path) => path === 'mermaid.html';
const MODES = ['public', 'authorized', 'private', 'vnet'];
const CLIENTS = ['laptop', 'vm', 'peered', 'onprem', 'node', 'runcommand'];

const log = (line) => console.log(line);

/** A fresh page at `fragment` of the site, interactive, and its CDP session. */
async function widget(browser, fragment, throttle = 1) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(url(`index.html${fragment}`));
  await page.waitForSelector('[data-ready="true"]', { timeout: 60000 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  return { context, page, cdp };
}

// Transfer size: every response a load brings (cache disabled), each body gzipped here at the
// best level, as `cargo xtask size` counts files, summed.
async function transfer(browser, path) {
  const context = await browser.newContext({ viewport: VIEWPORT, bypassCSP: bypassCSP(path) });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const bodies = [];
  page.on('response', (r) => bodies.push(r.body()
    .then((b) => ({ url: r.url(), raw: b.length, gzip: gzipSync(b, { level: 9 }).length }))
    .catch(() => ({ url: r.url(), raw: 0, gzip: 0 }))));
  await page.goto(url(path));
  await page.waitForSelector(DIAGRAM, { timeout: 60000 });
  await page.waitForLoadState('networkidle');
  const files = await Promise.all(bodies);
  await context.close();
  for (const f of files) log(`  ${path}: ${f.url.replace(url(''), '')} ${f.raw} B, ${f.gzip} B gzipped`);
  return files.reduce((sum, f) => sum + f.gzip, 0);
}

async function firstPaint(browser) {
  for (const throttle of THROTTLES) {
    const samples = Object.fromEntries(PAGES.map(([name]) => [name, { diagram: [], ready: [] }]));
    for (let i = 0; i < LOADS; i += 1) {
      // Interleaved, so drift on the machine touches every page alike.
      for (const [name, path] of PAGES) {
        const t = await firstDiagram(browser, url(path), throttle, bypassCSP(path));
        samples[name].diagram.push(t.diagram);
        if (t.ready !== null) samples[name].ready.push(t.ready);
      }
    }
    for (const [name, s] of Object.entries(samples)) {
      figure(`first-diagram.${name}.${throttle}x`, median(s.diagram));
      if (s.ready.length) figure(`ready.${name}.${throttle}x`, median(s.ready));
    }
  }
}

/** CDP's cumulative task and script time (ms) of the page. */
async function cpuTime(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name) => 1000 * (metrics.find((m) => m.name === name)?.value ?? NaN);
  return { task: get('TaskDuration'), script: get('ScriptDuration') };
}

/** Task and script time per second of wall time over `IDLE_MS`. */
async function cpuOver(page, cdp) {
  const before = await cpuTime(cdp);
  await page.waitForTimeout(IDLE_MS);
  const after = await cpuTime(cdp);
  return { task: (after.task - before.task) / (IDLE_MS / 1000), script: (after.script - before.script) / (IDLE_MS / 1000) };
}

// Runs in the page: records long tasks and the interval between animation frames until
// `window.stopWatch()`, which returns them.
const WATCH = () => {
  const tasks = [];
  const frames = [];
  const observer = new PerformanceObserver((l) => l.getEntries().forEach((e) => tasks.push(e.duration)));
  observer.observe({ type: 'longtask' });
  let last = null;
  let on = true;
  const frame = (t) => {
    if (last !== null) frames.push(t - last);
    last = t;
    if (on) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  window.stopWatch = () => {
    on = false;
    observer.takeRecords().forEach((e) => tasks.push(e.duration));
    observer.disconnect();
    return { tasks, frames };
  };
};

// Animation: 10 s of Play from the first step (the default scenario's 9 steps at the normal
// speed last 11.7 s), and the CPU it costs playing (those 10 s), paused, and playing in a hidden
// tab.
async function animation(browser) {
  for (const throttle of THROTTLES) {
    const { context, page, cdp } = await widget(browser, '#mode=public', throttle);
    await cdp.send('Performance.enable');
    await page.evaluate(WATCH);
    const play = page.locator('[data-testid="play"]');
    const before = await cpuTime(cdp);
    await play.click();
    await page.waitForTimeout(PLAY_MS);
    const { tasks, frames } = await page.evaluate(() => window.stopWatch());
    const after = await cpuTime(cdp);
    if ((await play.getAttribute('aria-pressed')) !== 'true') throw new Error('the animation stopped before 10 s of play');
    figure(`play.long-tasks.${throttle}x`, tasks.length);
    figure(`play.longest-task.${throttle}x`, Math.max(0, ...tasks));
    // A frame over 16.7 ms shows as an interval of two vsyncs or more between animation frames.
    figure(`play.slow-frames.${throttle}x`, frames.filter((f) => f > 1.5 * (1000 / 60)).length);
    figure(`play.frames.${throttle}x`, frames.length);
    figure(`play.longest-frame.${throttle}x`, Math.max(0, ...frames));
    if (throttle === 1) {
      const seconds = PLAY_MS / 1000;
      const playing = { task: (after.task - before.task) / seconds, script: (after.script - before.script) / seconds };
      await play.click();
      await page.waitForSelector('[data-testid="play"][aria-pressed="false"]', { timeout: 10000 });
      const paused = await cpuOver(page, cdp);
      // Play from the last step starts again from the first, so the tab hides mid-animation.
      await page.evaluate(() => [...document.querySelectorAll('.event-jump')].pop().click());
      await play.click();
      await page.waitForSelector('[data-testid="play"][aria-pressed="true"]', { timeout: 10000 });
      // Headless Chromium keeps every tab visible (another tab in front, a minimised window and
      // CDP's lifecycle states leave visibilityState `visible`), so the tab is hidden as the page
      // tests hide it: visibilityState says `hidden` and a visibilitychange event tells the page.
      // The browser's own throttling of hidden tabs is not there: an upper bound.
      await page.evaluate(() => {
        Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
      });
      const hidden = await cpuOver(page, cdp);
      for (const [name, c] of [['playing', playing], ['paused', paused], ['hidden', hidden]]) {
        figure(`cpu.${name}.task`, c.task);
        figure(`cpu.${name}.script`, c.script);
      }
    }
    await context.close();
  }
}

// Memory: JS heap (after a forced GC) and the wasm linear memory, after the first scenario change
// and after SOAK more, each change a click on another mode or client radio, rendered before the
// next.
async function memory(browser) {
  const { context, page, cdp } = await widget(browser, '#mode=public');
  const measure = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    // The wasm-bindgen glue the page loaded: its init, called again, hands back the running
    // instance's exports, `memory` among them.
    const wasm = await page.evaluate(async () => {
      const glue = performance.getEntriesByType('resource').map((e) => e.name).find((n) => /aks-netviz-web-[^/]*\.js$/.test(n));
      const exports = await (await import(glue)).default();
      return exports.memory.buffer.byteLength;
    });
    return { heap: usedSize, wasm };
  };
  const changes = (from, count) => page.evaluate(async ([start, n, modes, clients]) => {
    for (let i = start; i < start + n; i += 1) {
      const [setting, values] = i % 2 ? ['client', clients] : ['mode', modes];
      const value = values[Math.floor(i / 2 + 1) % values.length];
      const input = document.querySelector(`[data-setting="${setting}"] input[value="${value}"]`);
      if (!input) throw new Error(`no ${setting} radio ${value}`);
      input.click();
      // A task later the widget has rendered the change (a microtask is not always enough).
      await new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = resolve;
        channel.port2.postMessage(0);
      });
    }
  }, [from, count, MODES, CLIENTS]);
  await changes(0, 1);
  await page.waitForTimeout(500);
  const first = await measure();
  const started = Date.now();
  for (let done = 1; done <= SOAK; done += 1000) await changes(done, Math.min(1000, SOAK + 1 - done));
  log(`  ${SOAK} scenario changes took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await page.waitForTimeout(500);
  const after = await measure();
  await context.close();
  figure('memory.heap.first', first.heap);
  figure('memory.heap.soak', after.heap);
  figure('memory.wasm.first', first.wasm);
  figure('memory.wasm.soak', after.wasm);
}

/** `n` distinct global /32 ranges (the last one the laptop's default address). */
const ranges = (n) => Array.from({ length: n }, (_, i) => (i + 1 === n ? '81.56.12.7/32'
  : `20.${10 + Math.floor(i / 250)}.${i % 250}.1/32`));

/** `az aks show` output of a public cluster with API server VNet integration (whose limit is
 * 2,000 ranges) and `n` authorized ranges, from the article's access profile. */
const azShow = (n) => {
  const profile = JSON.parse(readFileSync(new URL('../fixtures/az-aks-show-authorized-profile.json', import.meta.url), 'utf8'));
  return JSON.stringify({
    name: 'aks-ntwdemo1',
    apiServerAccessProfile: { ...profile, authorizedIpRanges: ranges(n), enableVnetIntegration: true },
  }, null, 2);
};

// Runs in the page: puts `text` into the field `kind` names as a paste would, and measures from
// that input event to the end of the first frame painted once the page shows the answer (the
// import: its status line, and the editor listing the `n` ranges unless the paste was refused;
// the editor: its `n` entries); long tasks meanwhile.
const PASTE = async ([kind, text, n]) => {
  // The editor draws the first rows and counts the others in a sentence ("1,950 more ranges are
  // not listed here…"): the entries it accounts for are both.
  const entries = () => {
    const note = document.querySelector('[data-testid="ranges-left-out"]');
    const left = note ? Number(note.textContent.split(' ')[0].replace(/,/g, '')) : 0;
    return document.querySelectorAll('[data-setting="ranges"] ul.ranges > li.range').length + left;
  };
  const shown = {
    import: () => {
      const status = document.querySelector('.import-box .message');
      return !!status && (status.classList.contains('error') || entries() === n);
    },
    ranges: () => entries() === n,
  }[kind];
  const field = document.querySelector({
    import: '[data-testid="import-json"]',
    ranges: '[data-setting="ranges"] ul.ranges input[type="text"]',
  }[kind]);
  const m = { input: null, shown: null, painted: null, tasks: [], done: false };
  window.paste = m;
  const observer = new PerformanceObserver((l) => l.getEntries().forEach((e) => m.tasks.push(e.duration)));
  observer.observe({ type: 'longtask' });
  const look = () => {
    if (m.input === null || m.shown !== null || !shown()) return;
    m.shown = performance.now();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        m.painted = performance.now();
        setTimeout(() => {
          observer.takeRecords().forEach((e) => m.tasks.push(e.duration));
          observer.disconnect();
          m.done = true;
        }, 100);
      };
      channel.port2.postMessage(0);
    });
  };
  new MutationObserver(look).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  // A reader's paste: the paste event first, then, unless the page took the text from it (the
  // import box does for a long one), the browser puts the text into the field and fires input.
  m.input = performance.now();
  const data = new DataTransfer();
  data.setData('text/plain', text);
  if (field.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))) {
    field.value = text;
    field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }
  look();
};

const INPUTS = {
  import: { fragment: '#mode=public', text: azShow },
  ranges: { fragment: '#mode=vnet&ranges=81.56.12.7/32', text: (n) => ranges(n).join(',') },
};

// Large inputs: a paste of `n` ranges into the import box (as az aks show JSON) and into the
// ranges editor's first entry (comma separated), at 1x CPU, from a freshly loaded page each time.
async function largeInputs(browser) {
  for (const [kind, input] of Object.entries(INPUTS)) {
    for (const n of RANGE_COUNTS) {
      const text = input.text(n);
      const times = [];
      let longest = 0;
      for (let i = 0; i < pastes(n); i += 1) {
        const { context, page } = await widget(browser, input.fragment);
        await page.evaluate(PASTE, [kind, text, n]);
        await page.waitForFunction(() => window.paste.done === true, null, { timeout: 300000, polling: 100 });
        const m = await page.evaluate(() => window.paste);
        const status = await page.evaluate(() => document.querySelector('.import-box .message')?.textContent ?? '');
        if (kind === 'import' && i === 0) log(`  import of ${n} ranges (${text.length} B): ${status.slice(0, 160)}`);
        await context.close();
        times.push(m.painted - m.input);
        longest = Math.max(longest, ...m.tasks);
      }
      figure(`input.${kind}.${n}`, median(times));
      figure(`input.${kind}.${n}.longest-task`, longest);
    }
  }
}

const browser = await launch();
log(`browser: Chromium ${browser.version()}`);
const only = (process.env.AKS_NETVIZ_ONLY || 'transfer,first-paint,animation,memory,inputs').split(',');
if (only.includes('transfer')) {
  for (const [name, path] of PAGES) figure(`transfer.${name}`, await transfer(browser, path));
}
if (only.includes('first-paint')) await firstPaint(browser);
if (only.includes('animation')) await animation(browser);
if (only.includes('memory')) await memory(browser);
if (only.includes('inputs')) await largeInputs(browser);
await browser.close();
