// The site where readers are: served with a strict Content-Security-Policy header, talking to no
// other origin, published under a sub-path as GitHub Pages does, and the example blog post with
// two script-embedded widgets and one iframe.
import { execFileSync } from 'node:child_process';
import { assert, hashWith, openPage, run, settled, url } from './harness.mjs';

const subpathUrl = process.env.AKS_NETVIZ_SUBPATH_URL;
const READY = '[data-testid="aks-netviz"][data-ready="true"]';
const SERVED_POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";

/** A page that records Content-Security-Policy violations from its first script on. */
async function watchedPage(browser, options) {
  const page = await openPage(browser, options);
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.violations.push(`${e.violatedDirective} blocked ${e.blockedURI}`);
    });
  });
  return page;
}

async function noViolations(page, where) {
  for (const frame of page.frames()) {
    // A lazy iframe not scrolled into view has loaded no document yet: nothing ran to violate.
    if (frame !== page.mainFrame() && ['', 'about:blank'].includes(frame.url())) continue;
    const found = await frame.evaluate(() => window.violations);
    assert(Array.isArray(found), `${where}: ${frame.url()} was not watched for violations`);
    assert(found.length === 0, `${where}: ${found.join('; ')}`);
  }
  assert(page.problems.length === 0, `${where}: ${page.problems.join('; ')}`);
}

function sameOrigin(page, base) {
  const origin = new URL(base).origin;
  const others = page.requests.filter((r) => !r.startsWith(origin) && !r.startsWith('data:'));
  assert(others.length === 0, `requests to other origins: ${others.join(', ')}`);
}

/** What the model computes for `fragment` (the native command, the same model). */
const cell = (fragment) => JSON.parse(execFileSync(process.env.AKS_NETVIZ_CLI, ['scenario', fragment], { encoding: 'utf8' }));

await run('site', [
  ['every page is served with the strict policy as a header and runs under it without a violation', async (browser) => {
    for (const path of ['', 'blog.html', 'private-none-onprem.html']) {
      const page = await watchedPage(browser);
      const response = await page.goto(url(path));
      assert(response.headers()['content-security-policy'] === SERVED_POLICY, `${path || 'index.html'} is served with the policy: ${response.headers()['content-security-policy']}`);
      await page.waitForSelector(READY, { timeout: 20000 });
      await settled(page, () => document.body.outerHTML);
      await noViolations(page, path || 'index.html');
      sameOrigin(page, url(''));
    }
  }],
  ['nothing the reader types leaves the page', async (browser) => {
    const page = await watchedPage(browser);
    const sent = [];
    page.on('request', (r) => sent.push({ url: r.url(), method: r.method(), body: r.postData() || '' }));
    await page.goto(url('#mode=authorized'));
    await page.waitForSelector(READY, { timeout: 20000 });
    await page.waitForLoadState('networkidle');
    const before = sent.length;
    const typed = ['203.0.113.7/32', '198.51.100.0/24', 'secret-cluster'];
    const root = page.locator('[data-testid="aks-netviz"]');
    await root.locator('input[type="text"]').first().fill(typed[0]);
    await page.fill('[data-testid="import-json"]', `{"apiServerAccessProfile": {"authorizedIpRanges": ["${typed[1]}"]}, "name": "${typed[2]}"}`);
    await page.keyboard.press('Tab');
    await page.waitForFunction((name) => window.location.hash.includes(`cluster=${name}`), typed[2], { timeout: 5000 });
    // What is under test is that nothing goes out afterwards: a fixed window for a request to
    // show up in, since there is no event for "no request".
    await page.waitForTimeout(500);
    // The browser may still fetch the page's own icon; nothing else goes out, and nothing typed.
    const after = sent.slice(before);
    const leaks = after.filter((r) => r.method !== 'GET' || typed.some((t) => r.url.includes(t) || r.body.includes(t))
      || !/\/favicon-[0-9a-f]+\.svg$/.test(new URL(r.url).pathname));
    assert(leaks.length === 0, `typing sent requests: ${leaks.map((r) => `${r.method} ${r.url}`).join(', ')}`);
    sameOrigin(page, url(''));
    await noViolations(page, 'typing');
  }],
  ['the site built for a sub-path works there, loading everything from under it', async (browser) => {
    assert(subpathUrl && subpathUrl.endsWith('/aks-netviz/'), `the sub-path site is served: ${subpathUrl}`);
    for (const [path, expected] of [['', cell('mode=public&client=laptop')], ['private-none-onprem.html', cell('mode=private&dns=none&client=onprem')]]) {
      const page = await watchedPage(browser);
      await page.goto(subpathUrl + path);
      await page.waitForSelector(READY, { timeout: 20000 });
      const outcome = await page.getAttribute('[data-testid="outcome"]', 'data-outcome');
      assert(outcome === expected.outcome, `${path || 'index'} under the sub-path shows ${expected.outcome}: ${outcome}`);
      const outside = page.requests.filter((r) => !r.startsWith(subpathUrl));
      assert(outside.length === 0, `requests outside the sub-path: ${outside.join(', ')}`);
      await noViolations(page, `sub-path ${path || 'index'}`);
    }
    // A deep link page opened without a fragment keeps the state it was prerendered in and
    // writes it into the address bar.
    const page = await watchedPage(browser);
    await page.goto(subpathUrl + 'private-none-onprem.html');
    await page.waitForSelector(READY, { timeout: 20000 });
    const hash = await hashWith(page, 'client=onprem');
    assert(hash.includes('dns=none') && hash.includes('client=onprem'), `the address bar is a share link: ${hash}`);
  }],
  ['the example blog post shows three widgets in their own states, one of them in an iframe', async (browser) => {
    const page = await watchedPage(browser, { viewport: { width: 1000, height: 900 } });
    await page.goto(url('blog.html#untouched'));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="aks-netviz"][data-ready="true"]').length === 2, null, { timeout: 20000 });
    const own = await page.$$eval('[data-testid="outcome"]', (els) => els.map((e) => e.getAttribute('data-outcome')));
    const expected = [
      cell('mode=authorized&ranges=1.1.1.1/32&ip=81.56.12.7').outcome,
      cell('mode=private&client=vm').outcome,
    ];
    assert(JSON.stringify(own) === JSON.stringify(expected), `the embedded widgets: ${own} (expected ${expected})`);
    await page.locator('iframe').scrollIntoViewIfNeeded();
    const handle = await page.waitForSelector('iframe');
    const frame = await handle.contentFrame();
    await frame.waitForSelector(READY, { timeout: 20000 });
    const framed = await frame.getAttribute('[data-testid="outcome"]', 'data-outcome');
    assert(framed === cell('mode=private&dns=none&client=onprem').outcome, `the iframe's widget: ${framed}`);
    assert(await frame.$('.aks-netviz.view-embed'), 'the iframe shows the embed view');
    assert((await page.evaluate(() => window.location.hash)) === '#untouched', 'the post\'s address bar is untouched');
    await noViolations(page, 'blog.html');
  }],
]);
