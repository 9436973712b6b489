// The instructor page (instructor.html): every exercise of www/exercises.json with the links to
// hand out, readable in both colour schemes, and no widget: the page loads no script and no wasm.
import { readFileSync } from 'node:fs';
import { assert, axePath, axeViolations, openPage, run, url } from './harness.mjs';

const exercises = JSON.parse(readFileSync(new URL('../../www/exercises.json', import.meta.url), 'utf8')).exercises;
const subpathUrl = process.env.AKS_NETVIZ_SUBPATH_URL;

/** Opens instructor.html at `base` and waits until everything it requests has arrived. */
async function instructorPage(browser, base = url(''), options = {}) {
  const page = await openPage(browser, options);
  const response = await page.goto(new URL('instructor.html', base).href);
  assert(response.ok(), `instructor.html is served: ${response.status()}`);
  await page.waitForLoadState('networkidle');
  return page;
}

function loadsNothingToRun(page) {
  const code = page.requests.filter((r) => /\.(wasm|js)(\?|$)/.test(new URL(r).pathname));
  assert(code.length === 0, `the page loads no script and no wasm: ${code.join(', ')}`);
}

await run('instructor', [
  ['the page loads without a console error, styled, and loads no script and no wasm', async (browser) => {
    const page = await instructorPage(browser);
    assert(page.problems.length === 0, page.problems.join('; '));
    assert((await page.title()) === 'aks-netviz: workshop exercises, instructor page', `title: ${await page.title()}`);
    assert(await page.$('main.page.instructor'), 'the page is a main.page.instructor');
    assert((await page.$$('script')).length === 0, 'the page has no script element');
    assert(!(await page.$('[data-aks-netviz]')), 'the page has no widget host');
    const css = page.requests.filter((r) => /\/style-[0-9a-f]+\.css$/.test(new URL(r).pathname));
    assert(css.length === 1, `the site's stylesheet is loaded: ${page.requests.join(', ')}`);
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert(csp && csp.includes("default-src 'none'"), `the page keeps the site's policy: ${csp}`);
    loadsNothingToRun(page);
  }],
  [`every one of the ${exercises.length} exercises is listed with its links`, async (browser) => {
    const page = await instructorPage(browser);
    const sections = await page.$$eval('section[data-exercise]', (els) => els.map((s) => ({
      id: s.id,
      exercise: s.getAttribute('data-exercise'),
      title: s.querySelector('h2').textContent,
      attendee: s.querySelector('a[data-link="attendee"]').getAttribute('href'),
      embed: s.querySelector('a[data-link="embed"]').getAttribute('href'),
      solution: s.querySelector('a[data-link="solution"]').getAttribute('href'),
      copy: [...s.querySelectorAll('.copy-text')].map((c) => c.textContent),
      goals: s.querySelectorAll('.instructor-goals li').length,
      hints: [...s.querySelectorAll('.instructor-hints li')].map((li) => li.textContent),
    })));
    assert(sections.length === exercises.length, `${sections.length} sections for ${exercises.length} exercises`);
    const toc = await page.$$eval('nav.instructor-contents a', (els) => els.map((a) => a.getAttribute('href')));
    assert(JSON.stringify(toc) === JSON.stringify(exercises.map((e) => `#${e.id}`)), `table of contents: ${toc}`);
    exercises.forEach((e, i) => {
      const s = sections[i];
      assert(s.id === e.id && s.exercise === e.id, `section ${i} is ${e.id}: ${s.id}`);
      assert(s.title === e.title, `${e.id}: title ${s.title}`);
      assert(s.attendee === `index.html#exercise=${e.id}`, `${e.id}: attendee link ${s.attendee}`);
      assert(s.embed === `index.html#exercise=${e.id}&view=embed`, `${e.id}: embed link ${s.embed}`);
      assert(s.solution.startsWith(`index.html#exercise=${e.id}&`), `${e.id}: solution link ${s.solution}`);
      assert(s.copy.includes(s.attendee) && s.copy.includes(s.embed), `${e.id}: copyable links ${s.copy}`);
      assert(s.copy.some((c) => c.startsWith(`aks-netviz exercise ${e.id} '`)), `${e.id}: grader command ${s.copy}`);
      assert(s.goals === e.goals.length, `${e.id}: ${s.goals} goals for ${e.goals.length}`);
      assert(JSON.stringify(s.hints) === JSON.stringify(e.hints), `${e.id}: hints in order`);
    });
    // The attendee links resolve next to the page, wherever the site is.
    const resolved = await page.$eval('a[data-link="attendee"]', (a) => a.href);
    assert(resolved === url(`index.html#exercise=${exercises[0].id}`), `resolved: ${resolved}`);
  }],
  ['an attendee link opens the widget page at that exercise', async (browser) => {
    const page = await instructorPage(browser);
    await page.click('a[data-link="attendee"]');
    await page.waitForSelector('[data-testid="aks-netviz"][data-ready="true"]', { timeout: 20000 });
    const hash = await page.evaluate(() => window.location.hash);
    assert(hash.includes(`exercise=${exercises[0].id}`), `the widget's address keeps the exercise: ${hash}`);
  }],
  ...[['light', { colorScheme: 'light' }], ['dark', { colorScheme: 'dark' }]].map(([name, options]) => [
    `axe reports no WCAG 2.2 AA violation in the ${name} rendering`,
    async (browser) => {
      // axe is injected as a script of its own, which the page's policy rightly refuses.
      const page = await instructorPage(browser, url(''), { ...options, bypassCSP: true });
      await page.addScriptTag({ path: axePath });
      const found = await axeViolations(page);
      assert(found.length === 0, `violations: ${found.join('; ')}`);
    },
  ]),
  ['the page built for a sub-path works there', async (browser) => {
    assert(subpathUrl && subpathUrl.endsWith('/aks-netviz/'), `the sub-path site is served: ${subpathUrl}`);
    const page = await instructorPage(browser, subpathUrl);
    assert(page.problems.length === 0, page.problems.join('; '));
    const outside = page.requests.filter((r) => !r.startsWith(subpathUrl));
    assert(outside.length === 0, `requests outside the sub-path: ${outside.join(', ')}`);
    loadsNothingToRun(page);
    const resolved = await page.$eval('a[data-link="attendee"]', (a) => a.href);
    assert(resolved === `${subpathUrl}index.html#exercise=${exercises[0].id}`, `resolved: ${resolved}`);
  }],
]);
