// The network diagram in a real browser at a phone, a blog column and a desktop width, on a
// handful of busy states at every step: no two texts overlap, no line crosses a box or a text it
// does not join, nothing is clipped, nothing scrolls sideways, no text renders under 12 px. The
// same measuring code drives `cargo xtask bench diagram` over every cell.
import { assert, openPage, outcomes, run, url } from './harness.mjs';
import { analyse, collect, show } from './diagram-measure.mjs';

const STATES = [
  'mode=authorized&ranges=81.56.12.7/32&egress=natgw&client=node',
  'mode=authorized&ranges=81.56.12.7/32,20.81.96.14/32&egress=firewall&client=peered',
  'mode=private&dns=system&zonelink=on&forwarder=on&client=onprem',
  'mode=private&dns=none&client=laptop',
  'mode=vnet&private=on&zonelink=on&forwarder=on&client=peered',
  'mode=authorized&ranges=81.56.12.7/32&egress=natgw&client=runcommand',
].map((f) => outcomes.find((c) => c.fragment === f));

const WIDTHS = [[360, 'stacked'], [720, 'column'], [1280, 'wide']];

await run('diagram', WIDTHS.map(([width, layout]) => [
  `at ${width} px the diagram uses the ${layout} layout and stays legible at every step of ${STATES.length} busy states`,
  async (browser) => {
    assert(STATES.every(Boolean), 'every state is a cell of the outcomes table');
    const page = await openPage(browser, { viewport: { width, height: 900 }, reducedMotion: 'reduce' });
    await page.goto(url());
    await page.waitForSelector('[data-testid="aks-netviz"][data-ready="true"]', { timeout: 20000 });
    await page.evaluate(() => document.fonts.ready.then(() => true));
    const used = await page.getAttribute('[data-testid="network-diagram"]', 'data-layout');
    assert(used === layout, `layout at ${width} px: ${used}`);
    const problems = [];
    for (const cell of STATES) {
      const last = await page.evaluate(show, { fragment: cell.fragment, step: null, cell });
      assert(last.settled, `${cell.fragment}: the page did not show this state within 3 s`);
      for (let step = 1; step <= last.steps; step += 1) {
        const shown = await page.evaluate(show, { fragment: cell.fragment, step, cell });
        const where = `${cell.fragment} step ${shown.step}`;
        assert(shown.settled, `${where}: the page did not show this step within 3 s`);
        const r = analyse(await page.evaluate(collect));
        for (const o of r.overlaps) problems.push(`${where}: ${o.pair}`);
        for (const c of r.crossings) problems.push(`${where}: ${c.pair}`);
        for (const c of r.clipped) problems.push(`${where}: clipped ${c.what}`);
        if (r.page_scrolls || r.diagram_scrolls) problems.push(`${where}: scrolls sideways`);
        if (r.smallest_px < 12) problems.push(`${where}: text at ${r.smallest_px.toFixed(1)} px`);
      }
    }
    assert(problems.length === 0, `${problems.length} problems:\n${problems.slice(0, 12).join('\n')}`);
    assert(page.problems.length === 0, page.problems.join('; '));
  },
]));
