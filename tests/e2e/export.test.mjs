// The download buttons under the network diagram: each yields a file of the diagram as it is (the
// state, step, layout and theme shown), the SVG well-formed and the PNG a PNG, under the page's
// Content-Security-Policy; and `aks-netviz svg` draws the same boxes as the page at the same width.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { assert, openPage, run, url } from './harness.mjs';

const cli = process.env.AKS_NETVIZ_CLI;
const FRAGMENT = 'mode=private&dns=none&client=onprem';

async function open(browser, fragment, options) {
  const page = await openPage(browser, { reducedMotion: 'reduce', ...options });
  await page.goto(url(`#${fragment}`));
  await page.waitForSelector('[data-testid="aks-netviz"][data-ready="true"]', { timeout: 20000 });
  // SVG text is parsed in a blank page: parsing a <style> under the widget's policy is reported
  // as an inline style, though nothing applies it.
  page.blank = await page.context().newPage();
  return page;
}

/** Clicks a download button and returns the suggested file name and the file's bytes. */
async function download(page, testid) {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 10000 }),
    page.click(`[data-testid="${testid}"]`),
  ]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

/** Parses SVG text (in a blank page): parse errors, layout, theme, width and the boxes it draws. */
function inspect(text) {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const svg = doc.documentElement;
  const boxes = {};
  for (const g of doc.querySelectorAll('[data-place]')) {
    const r = g.querySelector('rect');
    boxes[g.getAttribute('data-place')] = ['x', 'y', 'width', 'height'].map((a) => r.getAttribute(a)).join(',');
  }
  return {
    error: doc.querySelector('parsererror') ? doc.querySelector('parsererror').textContent : null,
    layout: svg.getAttribute('data-layout'),
    theme: svg.getAttribute('data-theme'),
    width: Number(svg.getAttribute('width')),
    events: doc.querySelectorAll('[data-event]').length,
    boxes,
  };
}

/** The page's own diagram: its layout, width in CSS px and boxes. */
function shown() {
  const svg = document.querySelector('[data-testid="network-diagram"]');
  const text = new XMLSerializer().serializeToString(svg);
  return { text, width: svg.getBoundingClientRect().width };
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

await run('export', [
  ['Download SVG and Download PNG save the diagram shown, in the theme shown', async (browser) => {
    const page = await open(browser, `${FRAGMENT}&step=4&theme=dark`, { viewport: { width: 1280, height: 900 } });
    const here = await page.evaluate(shown);
    const mine = await page.blank.evaluate(inspect, here.text);
    const svg = await download(page, 'download-svg');
    assert(svg.name.startsWith('aks-netviz-') && svg.name.endsWith('.svg'), `name ${svg.name}`);
    const got = await page.blank.evaluate(inspect, svg.bytes.toString('utf8'));
    assert(got.error === null, `the SVG parses: ${got.error}`);
    assert(got.layout === mine.layout && got.layout === 'wide', `layout ${got.layout} vs ${mine.layout}`);
    assert(got.theme === 'dark', `theme ${got.theme}`);
    assert(got.events === mine.events && got.events > 0, `events ${got.events} vs ${mine.events}`);
    assert(JSON.stringify(got.boxes) === JSON.stringify(mine.boxes), 'the same boxes as the page');
    assert(Math.abs(got.width - here.width) < 0.1, `width ${got.width} vs ${here.width}`);

    const png = await download(page, 'download-png');
    assert(png.name.startsWith('aks-netviz-') && png.name.endsWith('.png'), `name ${png.name}`);
    assert(png.bytes.length > 1000, `PNG size ${png.bytes.length}`);
    assert(PNG.every((b, i) => png.bytes[i] === b), 'the PNG signature');
    const width = png.bytes.readUInt32BE(16);
    assert(Math.abs(width - 2 * here.width) <= 2, `PNG width ${width} for ${here.width} px`);
    assert(page.problems.length === 0, page.problems.join('; '));
  }],
  ['the System theme exports in the colour scheme the system asks for; the buttons work from the keyboard', async (browser) => {
    for (const scheme of ['dark', 'light']) {
      const page = await open(browser, FRAGMENT, { viewport: { width: 720, height: 900 }, colorScheme: scheme });
      await page.focus('[data-testid="download-svg"]');
      const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      const got = await page.blank.evaluate(inspect, readFileSync(await file.path(), 'utf8'));
      assert(got.error === null && got.theme === scheme, `${scheme}: ${got.theme} ${got.error}`);
      assert(got.layout === 'column', `layout ${got.layout}`);
      assert(page.problems.length === 0, page.problems.join('; '));
      await page.context().close();
    }
  }],
  ['`aks-netviz svg` at the page\'s width draws the same boxes as the page', async (browser) => {
    assert(cli, 'AKS_NETVIZ_CLI is set by cargo xtask');
    for (const [width, layout] of [[390, 'stacked'], [720, 'column'], [1280, 'wide']]) {
      const page = await open(browser, FRAGMENT, { viewport: { width, height: 900 } });
      const here = await page.evaluate(shown);
      const mine = await page.blank.evaluate(inspect, here.text);
      assert(mine.layout === layout, `page layout at ${width}: ${mine.layout}`);
      const out = execFileSync(cli, ['svg', FRAGMENT, '--width', String(here.width)], { encoding: 'utf8' });
      const got = await page.blank.evaluate(inspect, out);
      assert(got.error === null, `${width}: ${got.error}`);
      assert(got.layout === layout, `command layout at ${here.width}: ${got.layout}`);
      assert(Object.keys(got.boxes).length > 5, `${width}: boxes`);
      assert(JSON.stringify(got.boxes) === JSON.stringify(mine.boxes), `${width}: the same boxes`);
      await page.context().close();
    }
  }],
]);
