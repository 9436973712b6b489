// Pastes and links far larger than any cluster: the widget reads all of them, draws a bounded
// view (the first rows, every refused entry, the start of long texts), says what it left out, and
// loses nothing (the settings, Copy link and the import's Copy keep everything).
import { assert, axePath, axeViolations, openPage, run, url } from './harness.mjs';

/** `n` distinct public /24 ranges, with `refused` (index → entry) put in their places. */
const ranges = (n, refused = {}) => Array.from({ length: n }, (_, i) => refused[i]
  || `${20 + ((i >> 16) % 100)}.${(i >> 8) % 256}.${i % 256}.0/24`);
const azShow = (list) => JSON.stringify({
  name: 'aks-big', location: 'eastus',
  apiServerAccessProfile: { authorizedIpRanges: list, enablePrivateCluster: false },
});

async function open(browser, fragment = '') {
  const page = await openPage(browser, { viewport: { width: 1280, height: 900 }, bypassCSP: true });
  await page.addInitScript(() => {
    window.copied = [];
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: async (t) => { window.copied.push(t); } },
    });
  });
  await page.goto(url(fragment));
  await page.waitForSelector('[data-testid="aks-netviz"][data-ready="true"]', { timeout: 20000 });
  return page;
}

/** axe's findings on the page as it is, in the light and the dark theme. */
async function axe(page) {
  await page.addScriptTag({ path: axePath });
  const found = [];
  for (const theme of ['light', 'dark']) {
    await page.check(`[data-setting="theme"] input[value="${theme}"]`);
    found.push(...(await axeViolations(page)).map((v) => `${theme}: ${v}`));
  }
  return found;
}

/** Pastes `text` into the import field as a reader's paste would arrive. */
async function paste(page, text) {
  await page.evaluate((t) => {
    const area = document.querySelector('[data-testid="import-json"]');
    area.focus();
    const data = new DataTransfer();
    data.setData('text/plain', t);
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    if (area.dispatchEvent(event)) {
      // The browser's own paste, which the widget leaves to it for a short text.
      area.value = t;
      area.dispatchEvent(new InputEvent('input', { bubbles: true }));
    }
  }, text);
}

const rows = (page) => page.$$eval('[data-setting="ranges"] li.range .field-label', (els) => els.map((e) => e.textContent));
const text = (page, selector) => page.$eval(selector, (e) => e.textContent);

await run('large-inputs', [
  ['20,000 pasted ranges: the editor lists the first 50 and every refused one, and says how many it leaves out', async (browser) => {
    const page = await open(browser, '#mode=authorized&ranges=81.56.12.7/32');
    const before = await page.evaluate(() => location.hash);
    const list = ranges(20000, { 15000: '10.1.0.0/16' });
    await paste(page, azShow(list));
    await page.waitForSelector('[data-testid="ranges-left-out"]', { timeout: 10000 });
    const labels = await rows(page);
    assert(labels.length === 51, `50 first rows and the refused one, not ${labels.length}`);
    assert(labels[0] === 'Range 1' && labels[49] === 'Range 50' && labels[50] === 'Range 15,001', `rows ${labels.slice(48)}`);
    assert(await page.$('[data-setting="ranges"] li.range.invalid input[aria-invalid="true"]'), 'the refused entry is marked');
    const note = await text(page, '[data-testid="ranges-left-out"]');
    assert(note.startsWith('19,949 more ranges are not listed here'), note);
    // The model saw all of them: AKS takes 200 without VNet integration.
    const validation = await text(page, '[data-testid="validation"]');
    assert(validation.includes('greater than the allowed value 200'), validation);
    // Show more adds rows, numbered where they belong.
    await page.click('[data-testid="ranges-show-more"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-setting="ranges"] li.range').length === 251);
    // Editing a row far down (the refused one, now after 250 rows) edits that entry.
    const row = page.locator('[data-setting="ranges"] li.range').nth(250);
    assert((await row.locator('.field-label').textContent()) === 'Range 15,001', 'the refused row follows the first 250');
    await row.locator('input').fill('52.160.10.9/32');
    await page.waitForFunction(() => !document.querySelector('[data-setting="ranges"] li.range.invalid'));
    // The link is too long for the address bar, which keeps the state it had; Copy link has it all.
    assert(await page.$('[data-testid="link-too-long"]'), 'the share panel says the link is too long');
    assert((await page.evaluate(() => location.hash)) === before, 'the address bar is left alone');
    await page.click('[data-testid="copy-link"]');
    await page.waitForFunction(() => window.copied.length === 1);
    const link = await page.evaluate(() => window.copied[0]);
    assert(link.includes(`,${list[19999]}`) && link.includes(',52.160.10.9/32,') && !link.includes('10.1.0.0/16'),
      'the copied link holds the last range and the edit');
    // The embed snippets show their start, say so, and their Copy buttons copy all of them.
    await page.click('[data-testid="copy-embed"]');
    const shown = await page.inputValue('[data-testid="embed-iframe-code"]');
    assert(shown.startsWith('<iframe src="') && shown.length <= 16384, `the iframe field shows ${shown.length} characters`);
    const notes = await page.$$eval('[data-testid="snippet-left-out"]', (ps) => ps.map((p) => p.textContent));
    assert(notes.length === 3 && notes.every((n) => /more characters are not shown here .*Copy copies all of it\.$/.test(n)), JSON.stringify(notes));
    await page.click('.share-field:nth-child(2) button');
    await page.waitForFunction(() => window.copied.length === 2);
    const iframe = await page.evaluate(() => window.copied[1]);
    assert(iframe.startsWith('<iframe src="') && iframe.endsWith('</iframe>') && iframe.includes(`,${list[19999]}`),
      `the copied iframe code is whole (${iframe.length} characters)`);
    assert(page.problems.length === 0, page.problems.join('; '));
  }],
  ['a paste too long for the field is read whole, shown by its start read-only, copied whole and cleared', async (browser) => {
    const page = await open(browser);
    const json = azShow(ranges(20000));
    await paste(page, json);
    await page.waitForSelector('[data-testid="import-left-out"]', { timeout: 10000 });
    const field = await page.$eval('[data-testid="import-json"]', (e) => ({ length: e.value.length, readOnly: e.readOnly }));
    // Longer than bounded::FIELD_SHOWN (16 KB): the field shows bounded::FIELD_PREVIEW (2 KB),
    // its start ending at a line's end.
    assert(field.readOnly && field.length <= 2048 && field.length > 1800, `the field holds the start: ${JSON.stringify(field)}`);
    assert(json.startsWith(await page.inputValue('[data-testid="import-json"]')), 'the start of the paste');
    const note = await text(page, '[data-testid="import-left-out"]');
    assert(note.includes(`the whole text has ${json.length.toLocaleString('en-US')}`), note);
    assert((await page.$eval('[data-testid="outcome"]', (e) => e.getAttribute('data-outcome'))) !== null, 'an outcome');
    const found = await axe(page);
    assert(found.length === 0, found.join('\n'));
    await page.getByRole('button', { name: 'Copy all of it' }).click();
    await page.waitForFunction(() => window.copied.length === 1);
    assert((await page.evaluate(() => window.copied[0])) === json, 'Copy copies the whole paste');
    await page.click('[data-testid="import-clear"]');
    await page.waitForFunction(() => !document.querySelector('[data-testid="import-json"]').readOnly);
    assert((await page.inputValue('[data-testid="import-json"]')) === '', 'the field is empty again');
    assert(page.problems.length === 0, page.problems.join('; '));
  }],
  ['a range entry of 30,000 characters: its field shows the start read-only, the link keeps it, Clear empties it', async (browser) => {
    const page = await open(browser, '#mode=authorized&ranges=81.56.12.7/32');
    const long = `${'1.2.3.4/32 🙂 שלום '.repeat(1600)}end`.slice(0, 30000);
    await page.fill('[data-setting="ranges"] li.range input', `81.56.12.7/32,${long}`);
    await page.waitForSelector('[data-testid="range-left-out"]', { timeout: 10000 });
    const field = await page.$eval('[data-setting="ranges"] li.range:nth-child(2) input', (e) => ({ value: e.value, readOnly: e.readOnly, invalid: e.getAttribute('aria-invalid') }));
    assert(field.readOnly && field.invalid === 'true', `a read-only field marked refused: ${JSON.stringify({ ...field, value: field.value.length })}`);
    assert([...field.value].length === 256 && long.startsWith(field.value), `the field holds the first 256 characters, not ${field.value.length} code units`);
    const note = await text(page, '[data-testid="range-left-out"]');
    assert(note.startsWith(`This entry has ${[...long].length.toLocaleString('en-US')} characters; the field shows the first 256, read-only.`), note);
    const remove = await page.$eval('[data-setting="ranges"] li.range:nth-child(2) > button', (b) => b.getAttribute('aria-label'));
    assert(remove.length < 120 && remove.startsWith('Remove range 2 (1.2.3.4/32'), `the Remove button's name quotes the start: ${remove.slice(0, 200)}`);
    assert((await text(page, '[data-testid="validation"]')).includes('should be a list of IPv4 addresses or CIDRs'), 'the entry is refused as az refuses it');
    await page.click('[data-testid="copy-link"]');
    await page.waitForFunction(() => window.copied.length === 1);
    const link = decodeURIComponent(await page.evaluate(() => window.copied[0]));
    assert(link.includes(long.replace(/ /g, '+')) || link.includes(long), 'the copied link holds the whole entry');
    const found = await axe(page);
    assert(found.length === 0, found.join('\n'));
    await page.click('[data-testid="range-clear"]');
    await page.waitForFunction(() => !document.querySelector('[data-testid="range-left-out"]'));
    const after = await page.$eval('[data-setting="ranges"] li.range:nth-child(2) input', (e) => ({ value: e.value, readOnly: e.readOnly }));
    assert(!after.readOnly && after.value === '', `the field is editable and empty again: ${JSON.stringify(after)}`);
    await page.fill('[data-setting="ranges"] li.range:nth-child(2) input', '20.81.96.14/32');
    await page.waitForFunction(() => (document.querySelector('[data-testid="access-profile"]')?.textContent || '').includes('20.81.96.14/32'));
    assert(page.problems.length === 0, page.problems.join('; '));
  }],
  ['2,000 ranges with VNet integration (the most AKS takes): all accepted, 50 listed, texts whole', async (browser) => {
    const list = ranges(2000);
    const page = await open(browser, `#mode=vnet&ranges=${list.join(',')}`);
    assert((await rows(page)).length === 50, 'the first 50 rows');
    const note = await text(page, '[data-testid="ranges-left-out"]');
    assert(note.startsWith('1,950 more ranges are not listed here'), note);
    assert((await text(page, '[data-testid="validation"]')).trim() === '', 'nothing refused');
    const profile = JSON.parse(await text(page, '[data-testid="access-profile"]'));
    assert(profile.authorizedIpRanges.length === 2000, 'the access profile lists all 2,000');
    assert(!(await page.$('[data-testid="text-left-out"]')), 'no text is cut for a valid cluster');
    assert((await page.evaluate(() => location.hash)).includes(list[1999]), 'the address bar holds the whole link');
    assert(page.problems.length === 0, page.problems.join('; '));
  }],
  ['a link with 50,000 refused entries: 50 messages listed and the rest counted, texts cut with a note', async (browser) => {
    const list = Array.from({ length: 50000 }, (_, i) => `10.${(i >> 8) % 256}.${i % 256}.0/24`);
    const page = await open(browser, `#mode=authorized&ranges=${list.join(',')}`);
    const items = await page.$$eval('[data-testid="validation"] li', (els) => els.map((e) => e.textContent));
    assert(items.length === 51, `50 messages and a count, not ${items.length}`);
    assert(/^… and [\d,]+ more validation messages, not listed here\.$/.test(items[50]), items[50]);
    const labels = await rows(page);
    assert(labels.length === 100 && labels[99] === 'Range 100', `the first 50 rows and 50 refused ones: ${labels.length}`);
    assert((await text(page, '[data-testid="ranges-left-out"]')).includes('49,900 of them are refused too'), 'the unlisted refused entries are counted');
    const cut = await page.$$eval('[data-testid="text-left-out"]', (els) => els.map((e) => e.textContent));
    assert(cut.length > 0 && cut.every((t) => /more characters are not shown here \(the whole text has [\d,]+\)\. Copy copies all of it\.$/.test(t)), cut.join(' | '));
    const found = await axe(page);
    assert(found.length === 0, found.join('\n'));
    assert(page.problems.length === 0, page.problems.join('; '));
  }],
]);
