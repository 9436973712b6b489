// The views of the `view` key and what travels with them: the embed view's minimal chrome, an
// iframe built from the embed snippet, the share buttons and their snippets, presenter mode's keys,
// and the animation pausing while the widget is off screen or its tab hidden.
import { assert, axePath, axeViolations, hashWith, openPage, run, url, openAllDetails, withBody } from './harness.mjs';

const HOOKS = ['outcome', 'dns-answer', 'kubectl-output', 'transcript', 'path', 'tunnel', 'node-status',
  'access-profile', 'az-command', 'validation', 'step-next', 'step-prev', 'play', 'import-json',
  'copy-link', 'copy-embed', 'embed-iframe-code', 'embed-script-code'];
const ONPREM = 'mode=private&dns=none&client=onprem';

async function ready(page, count = 1) {
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="aks-netviz"][data-ready="true"]').length >= n,
    count, { timeout: 20000 });
}

async function open(browser, fragment, options = {}) {
  const page = await openPage(browser, options);
  await page.goto(url(fragment));
  await ready(page);
  return page;
}

const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const visible = (page, selector) => page.locator(selector).first().isVisible();
const step = (page) => page.evaluate(() => Number(document.querySelector('[data-testid="step-count"]').textContent.split(' ')[1]));
/** Two frames and a moment: the widget has been told it is off screen or hidden (the observer
 * reports at a frame), and a tick already due has run. */
const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 300)))));
/** Whether the packet's layer has nothing running: its last travel (0.8 s) ended or was stopped. */
const packetStill = (page) => page.evaluate(() => document.querySelector('.packet-layer').getAnimations().every((a) => a.playState !== 'running'));

/** The release index.html with its body swapped for `body`, served at `/host.html` from the same
 * origin; with `document`, that whole document instead (a blog page of its own). */
async function hostPage(browser, body, options = {}, document = null) {
  const page = await openPage(browser, options);
  await page.route((u) => new URL(u).pathname === '/host.html', async (route) => {
    const response = await route.fetch({ url: url() });
    const html = await response.text();
    await route.fulfill({ response, body: document || withBody(html, body) });
  });
  return page;
}

async function axe(browser, options, fragment) {
  const page = await openPage(browser, { ...options, bypassCSP: true });
  await page.goto(url(fragment));
  await ready(page);
  await openAllDetails(page);
  // The embed code too.
  if (await page.$('[data-testid="copy-embed"]')) await page.click('[data-testid="copy-embed"]');
  await page.addScriptTag({ path: axePath });
  const found = await axeViolations(page);
  await page.context().close();
  return found;
}

await run('views', [
  ...[360, 720].map((width) => [`the embed view shows the diagram, timeline and outcome, the rest one click away, at ${width} px`, async (browser) => {
    const page = await open(browser, `#${ONPREM}&view=embed`, { viewport: { width, height: 800 } });
    for (const selector of ['[data-testid="network-diagram"]', '.timeline', '[data-testid="outcome"]', '[data-testid="copy-link"]']) {
      assert(await visible(page, selector), `${selector} is visible`);
    }
    assert((await page.getAttribute('[data-testid="outcome"]', 'data-outcome')) === 'success', 'the outcome of the fragment');
    const others = ['[data-setting="mode"]', '[data-setting="theme"]', '[data-testid="transcript"]', '[data-testid="access-profile"]',
      '[data-testid="import-json"]', '.waterfall', '.widget-title', '.primer-details', '.overview-details'];
    for (const selector of others) assert(!(await visible(page, selector)), `${selector} is hidden until asked for`);
    for (const hook of HOOKS) assert(await page.$(`[data-testid="${hook}"]`), `hook ${hook} is in the embed view`);
    assert((await overflow(page)) <= 0, `no sideways scrolling (closed): ${await overflow(page)} px`);
    await page.click('.embed-more > summary');
    for (const selector of ['[data-setting="mode"]', '[data-setting="theme"]', '[data-testid="transcript"]', '[data-testid="import-json"]']) {
      assert(await visible(page, selector), `${selector} is shown after one click`);
    }
    await openAllDetails(page);
    assert((await overflow(page)) <= 0, `no sideways scrolling (open): ${await overflow(page)} px`);
    const link = await page.getAttribute('a.open-full', 'href');
    assert(link === url(`#${ONPREM}`) && (await page.getAttribute('a.open-full', 'target')) === '_blank', `full explainer link ${link}`);
    assert(page.problems.length === 0, page.problems.join('; '));
  }]),
  ['an iframe made from the embed snippet shows the outcome of its fragment, at 360 and 720 px', async (browser) => {
    const page = await open(browser, '#mode=authorized&ranges=1.1.1.1/32');
    const snippet = await page.inputValue('[data-testid="embed-iframe-code"]');
    assert(snippet.includes('&amp;ranges=1.1.1.1/32&amp;view=embed"'), snippet);
    for (const width of [360, 720]) {
      // A blog page without the site's own policy (which allows no frames); its body's 8 px margins
      // leave the frame the width asked for.
      const blog = `<!DOCTYPE html><html lang="en"><head><title>A post</title></head><body><p>Some prose.</p>${snippet}</body></html>`;
      const host = await hostPage(browser, '', { viewport: { width: width + 16, height: 900 } }, blog);
      await host.goto(url('host.html'));
      const frame = host.frameLocator('iframe');
      await frame.locator('[data-testid="aks-netviz"][data-ready="true"].view-embed').waitFor({ timeout: 20000 });
      assert((await frame.locator('[data-testid="outcome"]').getAttribute('data-outcome')) === 'timeout', 'the frame shows its fragment');
      const box = await host.locator('iframe').boundingBox();
      const frameWidth = await host.frames()[1].evaluate(() => window.innerWidth);
      assert(frameWidth === width && box.height >= 640, `the frame is ${width} px wide: ${frameWidth} ${JSON.stringify(box)}`);
      const inner = await host.frames()[1].evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert(inner <= 0, `no sideways scrolling in the frame: ${inner} px`);
      await host.context().close();
    }
  }],
  ['Full screen in a frame that does not allow it leaves no unhandled error', async (browser) => {
    // The frame's policy refuses full screen (a same-origin frame would inherit the page's 'self'):
    // the browser rejects the request, and the widget must handle that answer.
    const blog = `<!DOCTYPE html><html lang="en"><head><title>A talk</title></head><body><iframe src="${url('#mode=public&view=present')}" title="Widget" width="900" height="640" allow="fullscreen 'none'"></iframe></body></html>`;
    const host = await hostPage(browser, '', { viewport: { width: 960, height: 800 } }, blog);
    await host.goto(url('host.html'));
    const frame = host.frameLocator('iframe');
    await frame.locator('[data-testid="aks-netviz"][data-ready="true"].view-present').waitFor({ timeout: 20000 });
    const inner = host.frames()[1];
    await inner.evaluate(() => {
      window.refusals = [];
      addEventListener('unhandledrejection', (e) => window.refusals.push(String(e.reason)));
    });
    await frame.locator('.present-bar button', { hasText: 'Full screen' }).click();
    await inner.waitForTimeout(500);
    const refusals = await inner.evaluate(() => window.refusals);
    assert(refusals.length === 0, `unhandled: ${refusals.join('; ')}`);
    assert(!(await inner.evaluate(() => document.fullscreenElement)), 'the frame is not full screen');
    await host.context().close();
  }],
  ['the copy buttons put the link and the snippets of the current state on the clipboard', async (browser) => {
    const page = await open(browser, '#mode=private&client=vm&step=2', { permissions: ['clipboard-read', 'clipboard-write'] });
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
    await page.click('[data-testid="copy-link"]');
    await page.waitForFunction(() => document.querySelector('.share-status').textContent.startsWith('Copied'));
    assert((await clipboard()) === url('#mode=private&client=vm&step=2'), `link ${await clipboard()}`);
    assert((await page.getAttribute('.share-status', 'role')) === 'status', 'announced politely');
    await page.click('[data-testid="copy-embed"]');
    assert(await visible(page, '[data-testid="embed-iframe-code"]'), 'the snippets are shown');
    const iframe = await page.inputValue('[data-testid="embed-iframe-code"]');
    assert(iframe === `<iframe src="${url('#mode=private&amp;client=vm&amp;step=2&amp;view=embed')}" title="How kubectl and the nodes reach the AKS API server" width="100%" height="640" loading="lazy" referrerpolicy="no-referrer"></iframe>`, iframe);
    const script = await page.inputValue('[data-testid="embed-script-code"]');
    assert(script === `<div data-aks-netviz="mode=private&amp;client=vm&amp;step=2"></div>\n<script type="module" src="${url('boot.js')}"></script>`, script);
    await page.click('.share-field:nth-child(2) button');
    await page.waitForFunction(() => document.querySelector('.share-status').textContent.includes('iframe'));
    assert((await clipboard()) === iframe, 'the iframe code is copied');
    await page.click('.share-field:nth-child(3) button');
    await page.waitForFunction(() => document.querySelector('.share-status').textContent.includes('script'));
    assert((await clipboard()) === script, 'the script code is copied');
    await page.click('[data-testid="step-next"]');
    assert((await page.inputValue('[data-testid="embed-script-code"]')).includes('step=3"'), 'the snippets follow the state');
    assert(page.problems.length === 0, page.problems.join('; '));
  }],
  ['without a clipboard the page says so and selects the text', async (browser) => {
    const page = await openPage(browser);
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
    await page.goto(url('#mode=vnet'));
    await ready(page);
    await page.click('[data-testid="copy-link"]');
    await page.waitForFunction(() => document.activeElement && document.activeElement.tagName === 'TEXTAREA');
    const status = await page.textContent('.share-status');
    assert(status.includes('not available'), status);
    const selected = await page.evaluate(() => { const t = document.activeElement; return t.value.slice(t.selectionStart, t.selectionEnd); });
    assert(selected === url('#mode=vnet'), `selected ${selected}`);
  }],
  ['a widget that owns its fragment copies the site address with that fragment', async (browser) => {
    const page = await hostPage(browser, '<main><section data-aks-netviz></section><section data-aks-netviz="mode=private&amp;client=vm"></section></main>',
      { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(url('host.html#mode=vnet'));
    await ready(page, 2);
    await page.locator('[data-testid="copy-link"]').nth(1).click();
    await page.waitForFunction(() => document.querySelectorAll('.share-status')[1].textContent.startsWith('Copied'));
    const text = await page.evaluate(() => navigator.clipboard.readText());
    // The site's address (where boot.js is), not the host page's: the link opens the explainer.
    assert(text === url('#mode=private&client=vm'), text);
  }],
  ['presenter mode fills the viewport; the keys step the trace, the counter and the narration follow', async (browser) => {
    const page = await open(browser, `#${ONPREM}&step=0&view=present`, { viewport: { width: 1280, height: 800 } });
    const counter = () => page.textContent('[data-testid="step-counter"]');
    const last = Number((await counter()).split(' of ')[1]);
    assert((await counter()) === `Step 0 of ${last}` && last > 3, await counter());
    const narrations = [];
    for (const [key, want] of [['ArrowRight', 1], ['Space', 2], ['PageDown', 3], ['ArrowLeft', 2], ['PageUp', 1],
      ['End', last], ['Backspace', last - 1], ['Home', 0], ['ArrowRight', 1]]) {
      await page.keyboard.press(key);
      assert((await counter()) === `Step ${want} of ${last}`, `${key}: ${await counter()}`);
      narrations.push(await page.textContent('[data-testid="narration"]'));
    }
    assert(new Set(narrations).size >= 4 && narrations.every((n) => n.length > 10), `the narration follows: ${narrations.slice(0, 3)}`);
    assert((await hashWith(page, 'step=1')).includes('step=1'), 'the address bar follows');
    const box = await page.locator('[data-testid="aks-netviz"]').boundingBox();
    assert(box.x === 0 && box.y === 0 && box.width === 1280 && box.height === 800, `fills the viewport ${JSON.stringify(box)}`);
    assert(await visible(page, '[data-testid="network-diagram"]'), 'the diagram');
    const diagram = await page.locator('[data-testid="network-diagram"]').boundingBox();
    const narration = await page.locator('[data-testid="narration"]').boundingBox();
    const counterBox = await page.locator('[data-testid="step-counter"]').boundingBox();
    assert(diagram.y >= 0 && diagram.y + diagram.height <= narration.y && narration.y + narration.height <= 800,
      `the diagram and the narration are in view ${JSON.stringify([diagram, narration])}`);
    assert(counterBox.y >= 0 && counterBox.y + counterBox.height <= 800, `the counter is in view ${JSON.stringify(counterBox)}`);
    for (const hidden of ['outcome', 'transcript', 'play', 'copy-link', 'import-json']) {
      assert(!(await page.$(`[data-testid="${hidden}"]`)), `${hidden} is not shown`);
    }
    await page.click('text=Full screen');
    await page.waitForFunction(() => document.fullscreenElement === document.querySelector('[data-testid="aks-netviz"]'), null, { timeout: 3000 });
    await page.keyboard.press('ArrowRight');
    assert((await counter()) === `Step 2 of ${last}`, `the keys step in full screen: ${await counter()}`);
    await page.evaluate(() => document.exitFullscreen());
    await page.click('text=Exit presenter mode');
    await page.waitForSelector('.view-full [data-testid="outcome"]');
    await page.waitForFunction(() => !location.hash.includes('view='), null, { timeout: 3000 }).catch(() => {});
    assert(!(await page.evaluate(() => window.location.hash)).includes('view='), 'back to the full view');
    await page.keyboard.press('ArrowRight');
    assert((await step(page)) === 2, 'the keys step only in presenter mode');
    assert(page.problems.length === 0, page.problems.join('; '));
  }],
  ['a playing widget scrolled off screen stops and resumes where it was', async (browser) => {
    const prose = '<p>Some prose.</p>'.repeat(150);
    const page = await hostPage(browser, `<main><section data-aks-netviz="${ONPREM.replace(/&/g, '&amp;')}&amp;step=0"></section>${prose}</main>`,
      { viewport: { width: 1280, height: 800 } });
    await page.goto(url('host.html'));
    await ready(page);
    await page.selectOption('select[name$="-speed"]', 'fast');
    await page.click('[data-testid="play"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="step-count"]').textContent.startsWith('Step 1 '));
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await settle(page);
    const before = await step(page);
    // Under test: nothing moves for a while off screen (there is no event for "did not move").
    await page.waitForTimeout(2000);
    assert((await step(page)) === before, `off screen it stays at step ${before}, not ${await step(page)}`);
    assert((await page.textContent('[data-testid="play"]')) === 'Pause', 'still playing');
    assert(await packetStill(page), 'the packet is not travelling');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForFunction((b) => Number(document.querySelector('[data-testid="step-count"]').textContent.split(' ')[1]) === b + 1,
      before, { timeout: 3000 });
  }],
  ['a playing widget in a hidden tab stops and resumes where it was', async (browser) => {
    const page = await open(browser, `#${ONPREM}&step=0`);
    await page.selectOption('select[name$="-speed"]', 'fast');
    await page.click('[data-testid="play"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="step-count"]').textContent.startsWith('Step 1 '));
    const visibility = (state) => page.evaluate((s) => {
      Object.defineProperty(document, 'visibilityState', { value: s, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    }, state);
    await visibility('hidden');
    await settle(page);
    const before = await step(page);
    // Under test: nothing moves for a while in a hidden tab (there is no event for "did not move").
    await page.waitForTimeout(2000);
    assert((await step(page)) === before, `hidden it stays at step ${before}, not ${await step(page)}`);
    assert(await packetStill(page), 'the packet is not travelling');
    await visibility('visible');
    await page.waitForFunction((b) => Number(document.querySelector('[data-testid="step-count"]').textContent.split(' ')[1]) === b + 1,
      before, { timeout: 3000 });
  }],
  ...['light', 'dark'].flatMap((scheme) => [`#${ONPREM}&view=embed`, '#mode=authorized&ranges=1.1.1.1/32&step=3&view=present'].map((fragment) => [
    `axe reports no WCAG 2.2 AA violation in ${fragment} (${scheme})`,
    async (browser) => {
      const found = await axe(browser, { colorScheme: scheme }, fragment);
      assert(found.length === 0, `violations: ${found.join('; ')}`);
    },
  ])),
]);
