// Soak: twenty widgets on one page, each given 1,000 random interactions (clicks, keys, typed and
// pasted garbage, a few address-bar changes), after which the page has reported no console error,
// no uncaught error (a Rust panic included) and every widget still answers: clicked into cells of
// the expected-outcomes table, each shows the values the table gives.
//
// The run is seeded: the seed is printed, and AKS_NETVIZ_SOAK_SEED=<seed> replays it (the same
// interactions, as far as the widgets' timers and the frames let the page be in the same state).
// Without it the run uses one fixed seed; AKS_NETVIZ_SOAK_SEED=random explores another path.
// A line per round of 1,000 interactions says how far the run is and how long the round took.
// AKS_NETVIZ_SOAK_TRACE=1 prints each interaction as it starts, with a clock in ms, and each
// batch's end: what a page that hangs was doing, and where the time goes.
import { readFileSync } from 'node:fs';
import { assert, openPage, outcomes, run, url, withBody } from './harness.mjs';
import { mulberry32, soakDriver } from './soak-driver.mjs';

const INTERACTIONS = 1000;
const BATCH = 50;
/** A batch of 50 takes about a second, several when a widget holds thousands of authorized
 * ranges; a page that does not answer in this long is stuck. */
const BATCH_TIMEOUT_MS = 180000;
const CELLS_PER_WIDGET = 3;

/** Every mode, client, DNS option and view among the twenty; one host follows the address bar
 * (empty), one shows the defaults (empty, after it), one opens an exercise, one a broken link. */
const HOSTS = [
  '',
  'mode=public&client=laptop',
  'mode=authorized&ranges=1.1.1.1/32&ip=81.56.12.7',
  'mode=private&dns=system&client=vm',
  'mode=private&dns=byo&client=peered&zonelink=on',
  'mode=private&dns=none&client=onprem',
  'mode=vnet&client=node&egress=natgw',
  'mode=vnet&private=on&client=runcommand',
  'mode=private&client=onprem&zonelink=on&forwarder=on&view=embed',
  'mode=authorized&ranges=81.56.12.7/32,20.81.96.14/32&egress=firewall&client=node&view=present',
  'mode=public&client=vm&theme=dark&step=0',
  'mode=private&publicfqdn=off&kubeconfig=public&client=laptop&theme=light',
  'mode=private&dns=none&runcommand=off&client=runcommand',
  'exercise=firewall-notready',
  'mode=vnet&ranges=10.0.0.0/8&client=laptop&view=embed',
  'mode=public&client=peered&cluster=aks-ntwdemo2&view=present',
  'mode=bogus&client=&step=-1&view=nope&%zz',
  'mode=authorized&ip=1.1.1.1&client=laptop',
  '',
  'mode=private&dns=byo&client=node&egress=firewall',
];
const ADDRESS_BAR = '#mode=vnet&private=on&client=node';
const TRACE = Boolean(process.env.AKS_NETVIZ_SOAK_TRACE);

/** The seed of a run that names none, so that `cargo xtask test` replays the same interactions
 * every time and a failure in CI is one a developer can replay. */
const DEFAULT_SEED = 4067918516;

/** The seed: AKS_NETVIZ_SOAK_SEED when set (an integer from 0 to 4294967295, or `random` for a
 * fresh one), else DEFAULT_SEED. */
function seed() {
  const given = process.env.AKS_NETVIZ_SOAK_SEED;
  if (given === undefined || given === '') return DEFAULT_SEED;
  if (given.trim() === 'random') return Math.floor(Math.random() * 2 ** 32);
  if (!/^\d{1,10}$/.test(given.trim()) || Number(given) >= 2 ** 32) {
    console.error(`AKS_NETVIZ_SOAK_SEED=${JSON.stringify(given)} is not a seed: give an integer from 0 to 4294967295 (the one a soak run printed), or random`);
    process.exit(2);
  }
  return Number(given);
}

const SEED = seed();
const replay = `replay: AKS_NETVIZ_SOAK_SEED=${SEED} cargo xtask e2e soak`;
console.log(`soak: seed ${SEED} (${replay})`);

/** Rejects with `message()` when `promise` has not settled in `ms`. */
function within(ms, promise, message) {
  let timer;
  const late = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(message())), ms); });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

async function soakPage(browser) {
  const page = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  const exercises = JSON.parse(readFileSync(new URL('../../www/exercises.json', import.meta.url), 'utf8')).exercises.map((e) => e.id);
  await page.addInitScript({ content: `${mulberry32};(${soakDriver})(${JSON.stringify({ seed: SEED, exercises, trace: TRACE })});` });
  await page.route((u) => ['/', '/index.html'].some((end) => new URL(u).pathname.endsWith(end)), async (route) => {
    const response = await route.fetch();
    const html = await response.text();
    const body = HOSTS.map((f, i) => `<article><h2>Widget ${i}</h2><section class="page" data-aks-netviz="${f.replace(/&/g, '&amp;')}"></section></article>`).join('\n');
    await route.fulfill({ response, body: withBody(html, `<main>${body}</main>`) });
  });
  if (TRACE) page.on('console', (m) => { if (m.type() === 'debug') console.log(`${Date.now() % 1000000} ${m.text()}`); });
  await page.goto(url(ADDRESS_BAR));
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="aks-netviz"][data-ready="true"]').length === n,
    HOSTS.length, { timeout: 60000 });
  return page;
}

/** The failure message for `problem`, found while widget `w` ran `log[w]`. */
function failure(problem, log) {
  const at = problem.at;
  if (!at) return `soak (seed ${SEED}): ${problem.kind}: ${problem.message}\n  ${replay}`;
  const before = log[at.widget].slice(Math.max(0, at.n - 5), at.n).map((what, i) => `    ${at.n - Math.min(5, at.n) + i + 1}: ${what}`);
  return [
    `soak (seed ${SEED}): widget ${at.widget} (data-aks-netviz="${HOSTS[at.widget]}"), interaction ${at.n + 1} of ${INTERACTIONS}: ${at.what}`,
    `  ${problem.kind}: ${problem.message}`,
    ...(before.length > 0 ? ['  the interactions before it:', ...before] : []),
    `  ${replay}`,
  ].join('\n');
}

/** Three cells of the outcomes table per widget, drawn from the seed (60 of the table's cells). */
function cellsFor(w) {
  const r = mulberry32((SEED ^ Math.imul(w + 101, 0x85ebca6b)) >>> 0);
  const chosen = new Set();
  while (chosen.size < CELLS_PER_WIDGET) chosen.add(outcomes[Math.floor(r() * outcomes.length)]);
  return [...chosen];
}

await run('soak', [
  [`${HOSTS.length} widgets take ${INTERACTIONS} random interactions each without an error, then still answer`, async (browser) => {
    const started = Date.now();
    const page = await soakPage(browser);
    const loaded = Date.now();
    const log = HOSTS.map(() => []);
    for (let from = 0; from < INTERACTIONS; from += BATCH) {
      const round = Date.now();
      for (let w = 0; w < HOSTS.length; w += 1) {
        const batch = page.evaluate(([widget, first, count]) => window.aksNetvizSoak.batch(widget, first, count), [w, from, BATCH]);
        const result = await within(BATCH_TIMEOUT_MS, batch, () => `soak (seed ${SEED}): the page did not answer for ${BATCH_TIMEOUT_MS / 1000} s `
          + `during widget ${w}'s interactions ${from + 1} to ${from + BATCH} (data-aks-netviz="${HOSTS[w]}"); the last done before: `
          + `${log[w].slice(-3).join(' | ') || 'none'}\n  ${replay}`);
        log[w].push(...result.done);
        if (TRACE) console.log(`${Date.now() % 1000000} batch done: widget ${w}, interactions ${from + 1} to ${from + BATCH}`);
        if (result.problems.length > 0) throw new Error(result.problems.map((p) => failure(p, log)).join('\n'));
        assert(page.problems.length === 0, failure({ kind: 'reported by the browser', message: page.problems.join('; '),
          at: { widget: w, n: log[w].length - 1, what: `(within interactions ${from + 1} to ${from + BATCH}) ${log[w][log[w].length - 1]}` } }, log));
      }
      console.log(`soak: interactions ${from + 1} to ${from + BATCH} of each widget done in ${((Date.now() - round) / 1000).toFixed(1)} s`);
    }
    const soaked = Date.now();
    const total = log.reduce((sum, l) => sum + l.length, 0);
    assert(total === HOSTS.length * INTERACTIONS, `${total} interactions ran, not ${HOSTS.length * INTERACTIONS}`);
    const kinds = {};
    for (const what of log.flat()) kinds[what.split(' ')[0]] = (kinds[what.split(' ')[0]] || 0) + 1;
    const stubbed = await page.evaluate(() => window.aksNetvizSoak.stubbed);
    console.log(`soak: ${total} interactions (${Object.entries(kinds).map(([k, n]) => `${k} ${n}`).join(', ')}); `
      + `stubbed: ${Object.entries(stubbed).map(([k, n]) => `${k} ${n}`).join(', ')}`);

    // Every widget still answers: clicked into three cells of the table, it shows their values.
    const ready = await page.$$eval('[data-testid="aks-netviz"][data-ready="true"]', (els) => els.length);
    assert(ready === HOSTS.length, `${ready} of ${HOSTS.length} widgets are ready after the soak`);
    for (let w = 0; w < HOSTS.length; w += 1) {
      await page.evaluate((widget) => window.aksNetvizSoak.prepare(widget), w);
      for (const cell of cellsFor(w)) {
        const where = `after the soak, widget ${w} (data-aks-netviz="${HOSTS[w]}")`;
        await within(30000, page.evaluate(([widget, f]) => window.aksNetvizSoak.setCell(widget, f), [w, cell.fragment]),
          () => `${where} did not take ${cell.fragment} in 30 s`).catch((e) => {
          throw new Error(`soak (seed ${SEED}): ${where} could not be clicked into ${cell.fragment}: ${e.message.split('\n')[0]}\n  ${replay}`);
        });
        const want = { outcome: cell.outcome, dns_answer: cell.dns_answer, node: cell.node, tunnel: cell.tunnel };
        try {
          await page.waitForFunction(([widget, wanted]) => {
            const got = window.aksNetvizSoak.shown(widget);
            return got !== null && Object.keys(wanted).every((k) => got[k] === wanted[k]);
          }, [w, want], { timeout: 5000 });
        } catch (e) {
          const got = await page.evaluate((widget) => window.aksNetvizSoak.shown(widget), w);
          throw new Error(`soak (seed ${SEED}): ${where} clicked into ${cell.fragment} `
            + `shows ${JSON.stringify(got)}, the table says ${JSON.stringify(want)} (${e.message.split('\n')[0]})\n  ${replay}`);
        }
      }
    }
    const checked = Date.now();
    const late = await page.evaluate(() => window.aksNetvizSoak.problems.splice(0));
    assert(late.length === 0, late.map((p) => failure(p, log)).join('\n'));
    assert(page.problems.length === 0, `soak (seed ${SEED}): ${page.problems.join('; ')}\n  ${replay}`);
    const s = (a, b) => ((b - a) / 1000).toFixed(1);
    console.log(`soak: load ${s(started, loaded)} s, ${total} interactions ${s(loaded, soaked)} s `
      + `(${((soaked - loaded) / total).toFixed(2)} ms each), answer check ${s(soaked, checked)} s, total ${s(started, checked)} s`);
  }],
]);
