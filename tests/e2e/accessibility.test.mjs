// axe-core with the WCAG 2.2 AA rule tags, in light, dark and reduced-motion renderings.
import { assert, axePath, openPage, run, url } from './harness.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function violations(browser, options) {
  const page = await openPage(browser, options);
  await page.goto(url());
  await page.waitForSelector('[data-testid="aks-netviz"][data-ready="true"]', { timeout: 20000 });
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return r.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  }, TAGS);
  await page.context().close();
  return result;
}

const renderings = [
  ['light', { colorScheme: 'light' }],
  ['dark', { colorScheme: 'dark' }],
  ['reduced motion', { colorScheme: 'light', reducedMotion: 'reduce' }],
];

await run('accessibility', renderings.map(([name, options]) => [
  `axe reports no WCAG 2.2 AA violation in the ${name} rendering`,
  async (browser) => {
    const found = await violations(browser, options);
    assert(found.length === 0, `violations: ${found.join('; ')}`);
  },
]));
