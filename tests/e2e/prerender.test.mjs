// The prerendered first paint: the release index.html carries the widget's HTML (diagram, path,
// outcome) before any wasm arrives; the wasm hydrates that markup in place, without console
// errors and without changing a pixel; readers without JavaScript or WebAssembly keep the still
// picture and a note saying the interactive version needs them.
import { assert, openPage, outcomes, run, settled, url } from './harness.mjs';

const READY = '[data-testid="aks-netviz"][data-ready="true"]';

/** What a reader sees of the widget before it is interactive. */
async function stillPicture(page) {
  return page.evaluate(() => {
    const q = (s) => document.querySelector(s);
    const visible = (el) => !!el && el.getBoundingClientRect().height > 0 && getComputedStyle(el).visibility !== 'hidden';
    return {
      diagram: visible(q('[data-testid="network-diagram"]')),
      boxes: document.querySelectorAll('[data-testid="network-diagram"] [data-place]').length,
      path: [...document.querySelectorAll('[data-testid="path"] [data-hop]')].map((li) => `${li.dataset.hop}:${li.dataset.verdict}`),
      pathVisible: visible(q('[data-testid="path"]')),
      outcome: q('[data-testid="outcome"]')?.getAttribute('data-outcome'),
      outcomeVisible: visible(q('[data-testid="outcome"]')),
      ready: q('[data-testid="aks-netviz"]')?.getAttribute('data-ready'),
    };
  });
}

/** Holds the wasm until `release()` is called, so the prerendered page can be looked at first. */
async function holdWasm(page) {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route('**/*.wasm', async (route) => { await released; await route.continue(); });
  return release;
}

const defaultCell = outcomes.find((c) => c.fragment === 'mode=public&client=laptop') || outcomes[0];

await run('prerender', [
  ['the default page shows the diagram, the path and the outcome before the wasm runs', async (browser) => {
    const page = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    const release = await holdWasm(page);
    await page.goto(url(''), { waitUntil: 'domcontentloaded' });
    const before = await stillPicture(page);
    assert(before.ready === 'false', `not interactive before the wasm: ${before.ready}`);
    assert(before.diagram && before.boxes >= 5, `the diagram is drawn: ${JSON.stringify(before)}`);
    assert(before.pathVisible && before.path.length >= 3 && before.path.at(-1).startsWith('apiserver'), `the path is listed: ${before.path}`);
    assert(before.outcomeVisible && before.outcome === 'success', `the outcome is shown: ${before.outcome}`);
    release();
    await page.waitForSelector(READY, { timeout: 20000 });
    const after = await stillPicture(page);
    assert(JSON.stringify(after.path) === JSON.stringify(before.path), 'hydration keeps the same path');
    assert(page.problems.length === 0, page.problems.join('; '));
    assert(defaultCell.outcome === after.outcome, `the model's outcome for the default cell: ${after.outcome}`);
  }],
  ['the wasm hydrates the prerendered markup: same elements, no console error, not a pixel moved', async (browser) => {
    // Reduced motion: with motion, the current step's packet (hidden in the still picture)
    // travels along its line once the widget runs, which is the animation, not a jump.
    const page = await openPage(browser, { viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    const release = await holdWasm(page);
    await page.goto(url(''), { waitUntil: 'load' });
    await page.evaluate(() => {
      window.prerendered = {
        svg: document.querySelector('[data-testid="network-diagram"]'),
        outcome: document.querySelector('[data-testid="outcome"]'),
      };
    });
    const frame = page.locator('.stage');
    const shotBefore = await frame.screenshot();
    release();
    await page.waitForSelector(READY, { timeout: 20000 });
    // Let effects (resize observer, reduced motion) settle before looking again.
    await settled(page, () => document.querySelector('.stage').outerHTML);
    const same = await page.evaluate(() => window.prerendered.svg === document.querySelector('[data-testid="network-diagram"]')
      && window.prerendered.outcome === document.querySelector('[data-testid="outcome"]'));
    assert(same, 'the widget took over the prerendered elements instead of drawing new ones');
    const shotAfter = await frame.screenshot();
    assert(shotBefore.equals(shotAfter), 'the diagram and the narration look the same before and after hydration');
    assert(page.problems.length === 0, page.problems.join('; '));
    // And it is interactive: stepping back changes what is drawn.
    await page.click('[data-testid="step-prev"]');
    await page.waitForFunction(() => !document.querySelector('[data-testid="narration"]').textContent.includes('Step 0 of')
      && document.querySelector('.event.current') !== null, null, { timeout: 3000 });
  }],
  ['a deep link in the address bar is applied after hydration and kept in the address bar', async (browser) => {
    const cell = outcomes.find((c) => c.fragment === 'mode=private&dns=none&client=onprem');
    assert(cell, 'the outcomes table has the on-prem cell');
    const page = await openPage(browser);
    await page.goto(url(`#${cell.fragment}`));
    await page.waitForSelector(READY, { timeout: 20000 });
    await page.waitForFunction((c) => document.querySelector('[data-testid="outcome"]').getAttribute('data-outcome') === c.outcome
      && document.querySelector('[data-testid="dns-answer"]').textContent === c.dns_answer, cell, { timeout: 3000 });
    const hash = await page.evaluate(() => window.location.hash);
    assert(hash.includes('mode=private') && hash.includes('client=onprem'), `the address bar keeps the link: ${hash}`);
    assert(page.problems.length === 0, page.problems.join('; '));
  }],
  ['with JavaScript disabled the prerendered diagram and path are visible, with the note', async (browser) => {
    const page = await openPage(browser, { javaScriptEnabled: false });
    await page.goto(url(''));
    const seen = await stillPicture(page);
    assert(seen.diagram && seen.boxes >= 5, `the diagram is drawn: ${JSON.stringify(seen)}`);
    assert(seen.pathVisible && seen.path.length >= 3, `the path is listed: ${seen.path}`);
    assert(seen.outcomeVisible && seen.outcome === 'success', `the outcome: ${seen.outcome}`);
    const note = page.locator('noscript p.noscript, p.noscript');
    assert(await note.first().isVisible(), 'the note says the interactive version needs JavaScript');
    assert((await note.first().textContent()).includes('JavaScript and'), 'it names JavaScript and WebAssembly');
  }],
  ['with WebAssembly blocked the prerendered content stays and a note says why it is still', async (browser) => {
    const page = await openPage(browser);
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto(url(''));
    await page.waitForSelector('[data-testid="static-note"]', { timeout: 10000 });
    const note = await page.textContent('[data-testid="static-note"]');
    assert(note.includes('WebAssembly'), `the note names WebAssembly: ${note}`);
    const seen = await stillPicture(page);
    assert(seen.diagram && seen.boxes >= 5 && seen.pathVisible && seen.outcome === 'success', `the still picture stays: ${JSON.stringify(seen)}`);
    assert(seen.ready === 'false', 'it never claims to be interactive');
  }],
]);
