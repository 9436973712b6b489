// Workshop exercises in the page: an exercise link opens the exercise at its start, the goals are
// checked live by the model as the attendee changes settings, solved exercises are marked in the
// list and remembered across a reload until the reset, and an exercise link opens in embed view.
import { assert, axePath, axeViolations, hashWith, openPage, run, url } from './harness.mjs';

async function open(browser, fragment, options = {}) {
  const page = await openPage(browser, options);
  await page.goto(url(fragment));
  await page.waitForSelector('[data-testid="aks-netviz"][data-ready="true"]', { timeout: 20000 });
  return page;
}

const panel = (id) => `[data-testid="exercise"][data-exercise="${id}"]`;
const solved = (page, id) => page.getAttribute(panel(id), 'data-solved');

/** Opens the exercise from a link and waits for its goals, unmet. */
async function start(page, id) {
  await page.waitForSelector(`${panel(id)}[data-solved="false"]`, { timeout: 10000 });
  const met = await page.$$eval('[data-testid="exercise-goal"]', (goals) => goals.map((g) => g.getAttribute('data-met')));
  assert(met.length > 0 && met.includes('false'), `exercise ${id} starts with an unmet goal (goals: ${met})`);
}

async function solve(page, id, setting, value) {
  await page.check(`[data-setting="${setting}"] input[value="${value}"]`);
  await page.waitForSelector(`${panel(id)}[data-solved="true"]`, { timeout: 5000 });
  assert(await page.isVisible('[data-testid="exercise-explanation"]'), `${id}: the explanation shows once solved`);
}

/** The ids the list marks done, after opening the list. */
async function doneInList(page) {
  await page.click('[data-testid="exercises"] > summary');
  await page.waitForSelector('[data-testid="exercises"] li[data-exercise]', { timeout: 10000 });
  return page.$$eval('[data-testid="exercises"] li[data-done="true"]', (items) => items.map((i) => i.getAttribute('data-exercise')));
}

await run('exercises', [
  ['two exercises solved through the settings are marked done in the list, survive a reload, and the reset clears them', async (browser) => {
    const page = await open(browser, '#exercise=peered-zone-link');
    await start(page, 'peered-zone-link');
    // The link named the exercise only: the widget opened it at its start.
    assert((await page.getAttribute('[data-testid="outcome"]', 'data-outcome')) === 'nxdomain', 'the start: the hub VM gets NXDOMAIN');
    assert((await hashWith(page, 'client=peered')).includes('exercise=peered-zone-link'), 'the address bar keeps the exercise and its start');
    // A hint at a time.
    await page.click('[data-testid="exercise-hint"]');
    assert((await page.$$('.exercise-hints li')).length === 1, 'one hint shown');
    await solve(page, 'peered-zone-link', 'zonelink', 'on');

    await page.evaluate(() => { location.hash = 'exercise=runcommand-disabled'; });
    await start(page, 'runcommand-disabled');
    assert((await page.getAttribute('[data-testid="outcome"]', 'data-outcome')) === 'denied', 'the start: run command is refused');
    // A wrong move is checked too: a public cluster is not allowed by the exercise.
    await page.check('[data-setting="mode"] input[value="public"]');
    await page.waitForSelector('[data-testid="exercise-kept"][data-kept="false"]', { timeout: 5000 });
    assert((await solved(page, 'runcommand-disabled')) === 'false', 'changing a kept setting does not solve it');
    await page.check('[data-setting="mode"] input[value="private"]');
    await solve(page, 'runcommand-disabled', 'runcommand', 'on');

    await page.click('[data-testid="exercise-close"]');
    const done = await doneInList(page);
    assert(done.includes('peered-zone-link') && done.includes('runcommand-disabled') && done.length === 2,
      `both exercises are marked done: ${done}`);

    await page.reload();
    await page.waitForSelector('[data-testid="aks-netviz"][data-ready="true"]', { timeout: 20000 });
    // The reload keeps the attendee's settings in the link: the last exercise stays open, solved.
    if (await page.$('[data-testid="exercise-close"]')) await page.click('[data-testid="exercise-close"]');
    const kept = await doneInList(page);
    assert(kept.length === 2, `progress survives a reload: ${kept}`);

    await page.click('[data-testid="exercise-reset"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="exercises"] li[data-done="true"]').length === 0, null, { timeout: 5000 });
    assert((await page.evaluate(() => localStorage.getItem('aks-netviz-exercises-done'))) === null, 'the reset clears what the browser kept');
    assert(page.problems.length === 0, page.problems.join('\n'));
    await page.context().close();
  }],
  ['an exercise link opens in embed view, and in presenter mode', async (browser) => {
    const page = await open(browser, '#exercise=firewall-notready&view=embed', { viewport: { width: 390, height: 800 } });
    await start(page, 'firewall-notready');
    assert(await page.isVisible(panel('firewall-notready')), 'the exercise shows in the embed view');
    assert(await page.$('.aks-netviz.view-embed'), 'the widget is in embed view');
    assert((await page.getAttribute('[data-testid="node-status"]', 'data-node')) === 'NotReady', 'the start: the node is NotReady');
    assert(!(await page.$('[data-testid="exercises"]')), 'the embed view shows the exercise, not the list');
    await page.goto(url('#exercise=firewall-notready&view=present'));
    await page.reload();
    await page.waitForSelector('[data-testid="aks-netviz"][data-ready="true"]', { timeout: 20000 });
    await start(page, 'firewall-notready');
    assert(page.problems.length === 0, page.problems.join('\n'));
    await page.context().close();
  }],
  ['an unknown exercise says so and leaves the settings alone', async (browser) => {
    const page = await open(browser, '#exercise=no-such-exercise&mode=private');
    await page.waitForSelector(`${panel('no-such-exercise')} .message.error`, { timeout: 10000 });
    assert((await page.textContent(panel('no-such-exercise'))).includes('There is no exercise `no-such-exercise`'), 'the message names the id');
    assert((await page.getAttribute('[data-testid="outcome"]', 'data-outcome')) === 'nxdomain', 'the link\'s settings still apply');
    await page.context().close();
  }],
  ['when the exercises cannot be fetched the page says so and the widget keeps working', async (browser) => {
    const page = await openPage(browser);
    await page.route((u) => new URL(u).pathname.endsWith('/exercises.json'), (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(url('#exercise=peered-zone-link&mode=private&client=peered'));
    await page.waitForSelector('[data-testid="aks-netviz"][data-ready="true"]', { timeout: 20000 });
    await page.waitForSelector('.message.error:has-text("The exercises could not be loaded")', { timeout: 10000 });
    assert((await page.textContent('.message.error')).includes('HTTP 404'), 'the message says why');
    await page.check('[data-setting="zonelink"] input[value="on"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="outcome"]').getAttribute('data-outcome') === 'success', null, { timeout: 5000 });
    await page.context().close();
  }],
  ['an open exercise passes axe in both themes', async (browser) => {
    for (const theme of ['light', 'dark']) {
      const page = await open(browser, `#exercise=locked-out-at-home&theme=${theme}`, { bypassCSP: true });
      await start(page, 'locked-out-at-home');
      await page.click('[data-testid="exercise-hint"]');
      await page.addScriptTag({ path: axePath });
      const found = await axeViolations(page);
      assert(found.length === 0, `${theme}: ${found.join('\n')}`);
      await page.context().close();
    }
  }],
]);
