// axe-core with the WCAG 2.2 AA rule tags, in light, dark and reduced-motion renderings.
import { assert, axePath, axeViolations, openPage, outcomes, run, showCell, url, openAllDetails } from './harness.mjs';

async function violations(browser, options, fragment = '') {
  // axe is injected as a script of its own, which the page's Content-Security-Policy rightly
  // refuses; the test (not the page) bypasses it.
  const page = await openPage(browser, { ...options, bypassCSP: true });
  await page.goto(url(fragment));
  await page.waitForSelector('[data-testid="aks-netviz"][data-ready="true"]', { timeout: 20000 });
  // Check everything the reader can open, not only what is open by default.
  await openAllDetails(page);
  await page.addScriptTag({ path: axePath });
  const result = await axeViolations(page);
  await page.context().close();
  return result;
}

const renderings = [
  ['light', { colorScheme: 'light' }],
  ['dark', { colorScheme: 'dark' }],
  ['reduced motion', { colorScheme: 'light', reducedMotion: 'reduce' }],
];

// States that add content: a blocked path with its why, validation messages and a link error
// banner, the private-cluster diagram, a mid-animation step.
const states = [
  '',
  '#mode=authorized&ranges=1.1.1.1/32',
  '#mode=private&dns=none&publicfqdn=off&client=bogus',
  '#mode=private&client=onprem&zonelink=on&forwarder=on&step=4',
  '#mode=vnet&private=on&client=node&theme=dark',
];

// Every cell of the expected-outcomes table, in one page per colour scheme driven through the
// address bar (the widget re-renders each scenario in place, as it does for a reader).
async function everyCell(browser, options) {
  const page = await openPage(browser, { ...options, bypassCSP: true });
  await page.goto(url());
  await page.waitForSelector('[data-testid="aks-netviz"][data-ready="true"]', { timeout: 20000 });
  await page.addScriptTag({ path: axePath });
  const found = [];
  for (const cell of outcomes) {
    await showCell(page, cell);
    await openAllDetails(page);
    const v = await axeViolations(page);
    if (v.length) found.push(`${cell.fragment}: ${v.join('; ')}`);
  }
  await page.context().close();
  return found;
}

await run('accessibility', [
  ...renderings.flatMap(([name, options]) => states.map((fragment) => [
    `axe reports no WCAG 2.2 AA violation in the ${name} rendering of ${fragment || 'the default page'}`,
    async (browser) => {
      const found = await violations(browser, options, fragment);
      assert(found.length === 0, `violations: ${found.join('; ')}`);
    },
  ])),
  ...renderings.slice(0, 2).map(([name, options]) => [
    `axe reports no WCAG 2.2 AA violation in any of the ${outcomes.length} cells of the expected-outcomes table (${name})`,
    async (browser) => {
      const found = await everyCell(browser, options);
      assert(found.length === 0, `violations in ${found.length} cells: ${found.slice(0, 5).join('\n')}`);
    },
  ]),
]);
