// The release build, loaded as a reader loads it: the widget becomes interactive and draws the overview.
import { assert, openPage, outcomes, run, showCell, url } from './harness.mjs';

const PARTS = ['internet', 'laptop', 'azure', 'paas', 'control-plane', 'apiserver', 'subscription', 'vnet',
  'node-subnet', 'nsg', 'node-pool', 'load-balancer'];

async function loaded(browser, options) {
  const page = await openPage(browser, options);
  await page.goto(url());
  await page.waitForSelector('[data-testid="aks-netviz"][data-ready="true"]', { timeout: 20000 });
  return page;
}

await run('overview', [
  ['the release build becomes ready and draws the overview diagram', async (browser) => {
    const page = await loaded(browser);
    await page.click('.overview-details summary');
    const svg = await page.waitForSelector('[data-testid="aks-netviz"] svg[data-testid="overview-diagram"]', { timeout: 3000 });
    assert(svg, 'the overview SVG is in the page');
    const box = await svg.boundingBox();
    assert(box && box.width > 300 && box.height > 150, `the SVG is visible (box ${JSON.stringify(box)})`);
    for (const id of PARTS) {
      const name = await page.getAttribute(`[data-part="${id}"]`, 'aria-label');
      assert(name && name.length > 10, `part ${id} has an accessible name`);
    }
    assert(page.problems.length === 0, `no console or page errors: ${page.problems.join('; ')}`);
  }],
  ['the page declares a strict Content-Security-Policy and runs under it', async (browser) => {
    const page = await loaded(browser);
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert(csp && csp.includes("script-src 'self' 'wasm-unsafe-eval'") && csp.includes("style-src 'self'"), `policy: ${csp}`);
    assert(!csp.includes('unsafe-inline'), 'no unsafe-inline');
    await page.check('[data-setting="mode"] input[value="private"]');
    await page.click('[data-testid="step-prev"]');
    assert(page.problems.length === 0, `no CSP violation or error: ${page.problems.join('; ')}`);
  }],
  ['the page loads nothing from outside its own origin', async (browser) => {
    const page = await loaded(browser);
    const origin = new URL(url()).origin;
    const foreign = page.requests.filter((r) => !r.startsWith(origin));
    assert(foreign.length === 0, `requests left the origin: ${foreign.join(', ')}`);
  }],
  ['the built page has no inline script or style and only relative asset paths', async (browser) => {
    const page = await openPage(browser);
    const response = await page.request.get(url());
    const html = await response.text();
    assert(!/<script(?![^>]*\bsrc=)[^>]*>/i.test(html), 'every <script> has a src');
    assert(!/\sstyle=/i.test(html) && !/<style/i.test(html), 'no inline style');
    const absolute = [...html.matchAll(/\s(?:src|href)="(\/[^"]*)"/g)].map((m) => m[1]);
    assert(absolute.length === 0, `absolute asset paths: ${absolute.join(', ')}`);
  }],
  ['the widget fits a 360 px wide screen without horizontal scrolling', async (browser) => {
    const page = await loaded(browser, { viewport: { width: 360, height: 740 } });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  }],
  ...['light', 'dark'].map((scheme) => [`every cell of the outcomes table fits 360 px without horizontal scrolling (${scheme})`, async (browser) => {
    const page = await loaded(browser, { viewport: { width: 360, height: 740 }, colorScheme: scheme });
    const wide = [];
    for (const cell of outcomes) {
      await showCell(page, cell);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) wide.push(`${cell.fragment}: ${overflow}px`);
    }
    assert(wide.length === 0, `${wide.length} cells scroll sideways: ${wide.slice(0, 5).join('; ')}`);
  }]),
]);
