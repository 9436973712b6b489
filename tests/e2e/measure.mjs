// What the measurement scripts (`*-measure.mjs`, run by `cargo xtask bench`) share: statistics,
// the first-diagram probe and the printed figures. Figures, never pass/fail.

/** The median of `xs` (the mean of the two middle values for an even count). */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** The `p`th percentile of `xs` (nearest rank). */
export const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

/** One `figure: NAME<TAB>VALUE` line, which `cargo xtask bench` gathers into its table. */
export const figure = (name, value) => console.log(`figure: ${name}\t${value}`);

/** Selector of the diagram a page draws: the widget's (or its static copy's) or Mermaid's. */
export const DIAGRAM = 'svg[data-testid="network-diagram"], pre.mermaid svg';

/** Runs in a page before its own scripts (`addInitScript(FIRST_DIAGRAM_PROBE, DIAGRAM)`): notes
 * the first animation frame at which the diagram is in the page with a size (it is then painted
 * in that frame), and when the widget turns interactive. */
export const FIRST_DIAGRAM_PROBE = (selector) => {
  window.firstDiagram = null;
  window.readyAt = null;
  const look = () => {
    const svg = document.querySelector(selector);
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

/** Loads `path` in a fresh context at `throttle`x CPU, cache disabled, and returns when its
 * diagram first showed and when the widget turned ready (null for a page without a widget).
 * `bypassCSP` for a page that needs inline styles (Mermaid writes them). */
export async function firstDiagram(browser, target, throttle, bypassCSP = false) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.addInitScript(FIRST_DIAGRAM_PROBE, DIAGRAM);
  await page.goto(target);
  await page.waitForFunction(() => window.firstDiagram !== null, null, { timeout: 60000 });
  const hasWidget = await page.evaluate(() => !!document.querySelector('[data-ready]'));
  if (hasWidget) {
    await page.waitForFunction(() => window.readyAt !== null, null, { timeout: 60000 });
  }
  const t = await page.evaluate(() => ({ diagram: window.firstDiagram, ready: window.readyAt }));
  await context.close();
  return t;
}
