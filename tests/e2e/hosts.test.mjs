// Several widgets on one page: each host element's `data-aks-netviz` fragment drives its own
// widget, and widgets that own a fragment leave the address bar alone. The host page is the
// release index.html with its body swapped for three hosts, as a blog post would embed them.
import { assert, openPage, run, url, withBody } from './harness.mjs';

const HOSTS = [
  ['mode=private&dns=none&client=onprem', 'success'],
  ['mode=authorized&ranges=1.1.1.1/32', 'timeout'],
  ['mode=private&client=laptop', 'nxdomain'],
];

async function hostPage(browser, hosts) {
  const page = await openPage(browser);
  await page.route((u) => new URL(u).pathname.endsWith('/') || new URL(u).pathname.endsWith('/index.html'), async (route) => {
    const response = await route.fetch();
    const html = await response.text();
    const body = hosts.map((f) => `<article><p>Some prose.</p><section class="page" data-aks-netviz="${f.replace(/&/g, '&amp;')}"></section></article>`).join('\n');
    await route.fulfill({ response, body: withBody(html, body) });
  });
  return page;
}

await run('hosts', [
  ['three widgets with their own fragments each show their own state and leave the address bar alone', async (browser) => {
    const page = await hostPage(browser, HOSTS.map(([f]) => f));
    await page.goto(url('#mode=public&client=vm'));
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="aks-netviz"][data-ready="true"]').length === n, HOSTS.length, { timeout: 20000 });
    const outcomes = await page.$$eval('[data-testid="outcome"]', (els) => els.map((e) => e.getAttribute('data-outcome')));
    assert(JSON.stringify(outcomes) === JSON.stringify(HOSTS.map(([, o]) => o)), `outcomes ${outcomes}`);
    // Changing one widget changes neither the others nor the address bar.
    await page.locator('[data-testid="aks-netviz"]').nth(1).locator('[data-setting="client"] input[value="vm"]').check();
    const after = await page.$$eval('[data-testid="outcome"]', (els) => els.map((e) => e.getAttribute('data-outcome')));
    assert(after[0] === 'success' && after[2] === 'nxdomain', `the others keep their state: ${after}`);
    assert((await page.evaluate(() => window.location.hash)) === '#mode=public&client=vm', 'the address bar is untouched');
    const names = await page.$$eval('input[type="radio"]', (els) => els.map((e) => e.name));
    const prefixes = new Set(names.map((n) => n.split('-').slice(0, 3).join('-')));
    assert(prefixes.size === HOSTS.length, `each widget names its controls apart: ${[...prefixes]}`);
    assert(page.problems.length === 0, page.problems.join('; '));
  }],
  ['a host without a fragment follows the address bar beside one that owns its own', async (browser) => {
    const page = await hostPage(browser, ['', 'mode=private&client=laptop']);
    await page.goto(url('#mode=private&dns=none&client=laptop'));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="aks-netviz"][data-ready="true"]').length === 2, null, { timeout: 20000 });
    let outcomes = await page.$$eval('[data-testid="outcome"]', (els) => els.map((e) => e.getAttribute('data-outcome')));
    assert(JSON.stringify(outcomes) === '["timeout","nxdomain"]', `outcomes ${outcomes}`);
    await page.evaluate(() => { window.location.hash = 'mode=public'; });
    await page.waitForFunction(() => document.querySelector('[data-testid="outcome"]').getAttribute('data-outcome') === 'success', null, { timeout: 3000 });
    outcomes = await page.$$eval('[data-testid="outcome"]', (els) => els.map((e) => e.getAttribute('data-outcome')));
    assert(JSON.stringify(outcomes) === '["success","nxdomain"]', `only the first follows the address bar: ${outcomes}`);
  }],
]);
