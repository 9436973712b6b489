// A tiny runner for the page-level tests: launches Debian's headless Chromium through playwright-core
// (installed by `cargo xtask` under xtask/node), runs named tests in order and prints one
// `N passed, N failed` line that `cargo xtask test` adds to its summary.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const modules = process.env.AKS_NETVIZ_NODE_MODULES;
const baseUrl = process.env.AKS_NETVIZ_URL;
if (!modules || !baseUrl) {
  console.error('run these through `cargo xtask test` (AKS_NETVIZ_URL and AKS_NETVIZ_NODE_MODULES are unset)');
  process.exit(2);
}
const require = createRequire(path.join(modules, 'noop.js'));
const { chromium } = require('playwright-core');

export const url = (fragment = '') => baseUrl + fragment;
export const axePath = path.join(modules, 'axe-core', 'axe.min.js');

/** The WCAG 2.2 AA rule tags the pages are checked against. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe (already added to `page` from `axePath`) over the document; one line per violation. */
export async function axeViolations(page) {
  return page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return r.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  }, WCAG_TAGS);
}

/** docs/model.md section 5, the one copy the native tests read too (tests/data/outcomes.json). */
export const outcomes = JSON.parse(readFileSync(new URL('../data/outcomes.json', import.meta.url), 'utf8')).cells;

/** Drives the page to `fragment` through the address bar and waits until it shows `cell`'s
 * values; throws, naming the cell and what the page shows instead, when it does not in 3 s. */
export async function showCell(page, cell) {
  await page.evaluate((f) => {
    // What the page's hooks show of the values an outcomes cell lists.
    window.aksNetvizShownCell = () => {
      const q = (t) => document.querySelector(`[data-testid="${t}"]`);
      return q('outcome') && q('dns-answer') && q('node-status') && q('tunnel') ? {
        outcome: q('outcome').getAttribute('data-outcome'),
        dns_answer: q('dns-answer').textContent,
        node: q('node-status').getAttribute('data-node'),
        tunnel: q('tunnel').getAttribute('data-tunnel'),
      } : null;
    };
    window.location.hash = f;
  }, cell.fragment);
  const want = { outcome: cell.outcome, dns_answer: cell.dns_answer, node: cell.node, tunnel: cell.tunnel };
  try {
    await page.waitForFunction((w) => {
      const got = window.aksNetvizShownCell();
      return got !== null && Object.keys(w).every((k) => got[k] === w[k]);
    }, want, { timeout: 3000 });
  } catch (e) {
    const got = await page.evaluate(() => window.aksNetvizShownCell());
    throw new Error(`${cell.fragment}: the page shows ${JSON.stringify(got)}, the table says ${JSON.stringify(want)} (${e.message.split('\n')[0]})`);
  }
}

/** Waits until what `read` (run in the page, returning a string) gives is the same over three
 * animation frames in a row and differs from `before` (when given): the page has drawn a change
 * and the effects that follow it (resize observer, reduced motion) have run. Returns the value. */
export async function settled(page, read, before = null, timeout = 10000) {
  await page.evaluate(() => { window.aksNetvizSettle = { last: null, same: 0 }; });
  const handle = await page.waitForFunction(([source, b]) => {
    const s = window.aksNetvizSettle;
    // Arguments reach the page as data, so `read` travels as its source (eslint: no-eval).
    const now = String((s.read ||= globalThis.eval(`(${source})`))());
    if (now !== s.last) {
      s.last = now;
      s.same = 0;
    } else {
      s.same += 1;
    }
    return s.same >= 3 && now !== b ? { now } : null;
  }, [read.toString(), before], { timeout });
  return (await handle.jsonValue()).now;
}

const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync',
  '--disable-quic',
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.AKS_NETVIZ_CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** Opens a page that records console errors, page errors and every requested URL. */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.problems = [];
  page.requests = [];
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
  page.on('request', (r) => page.requests.push(r.url()));
  return page;
}

/** The release index.html with its `<main class="page">` (the prerendered widget and its note)
 * replaced by `body`: a host page built from the site's own head. */
export function withBody(html, body) {
  return html.replace(/<main class="?page"?[^>]*>[\s\S]*?<\/main>/, body);
}

/** Opens every disclosure of the page and waits until what they hold is drawn. */
export async function openAllDetails(page) {
  await page.evaluate(async () => {
    const closed = [...document.querySelectorAll('details')].filter((d) => !d.open);
    const toggled = closed.map((d) => new Promise((resolve) => d.addEventListener('toggle', resolve, { once: true })));
    closed.forEach((d) => { d.open = true; });
    // The widget draws what a disclosure holds on its toggle event, and the frame after shows it.
    await Promise.all(toggled);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}

/** The address bar's fragment once it includes `text` (the widget writes it after the frame that
 * shows a change is painted), or as it is after 3 s; the caller asserts on what it gets. */
export async function hashWith(page, text) {
  await page.waitForFunction((t) => location.hash.includes(t), text, { timeout: 3000 }).catch(() => {});
  return page.evaluate(() => location.hash);
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

export async function run(name, tests) {
  const browser = await launch();
  let passed = 0;
  let failed = 0;
  for (const [title, fn] of tests) {
    try {
      await fn(browser);
      passed += 1;
      console.log(`ok - ${title}`);
    } catch (e) {
      failed += 1;
      console.log(`not ok - ${title}\n  ${String(e && e.stack || e).split('\n').join('\n  ')}`);
    }
  }
  await browser.close();
  console.log(`${name}: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}
