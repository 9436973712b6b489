// The in-page half of the soak test (tests/e2e/soak.test.mjs): a seeded random source, the garbage
// a careless or hostile reader types, one random interaction with a widget, and the clicks that
// put a widget in a known state afterwards. `soakDriver` runs inside the page (added before any
// page script, so the stubs are in place when the widgets start); interactions run there in
// batches, as a playwright round-trip per interaction would take far too long for 20,000 of them.

/** mulberry32: a small seeded PRNG, the same sequence in node and in the page. Returns floats in
 * [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Installs `window.aksNetvizSoak` in the page. `config.seed` seeds one PRNG per widget;
 * `config.exercises` are exercise ids the garbage fragments may name. Needs `mulberry32` defined
 * in the page too. Runs in the browser: it must not refer to anything of this module. */
export function soakDriver(config) {
  const soak = { problems: [], now: null, rngs: [], stubbed: { clipboard: 0, refused: 0, downloads: 0, navigations: 0, windows: 0, fullscreen: 0 } };
  window.aksNetvizSoak = soak;

  // What the reader's browser would report: console errors, uncaught errors (a Rust panic in the
  // release build, `panic = "abort"`, is a wasm `unreachable` trap thrown as `RuntimeError`) and
  // rejected promises nobody handles; each tied to the interaction running when it came.
  const note = (kind, message) => soak.problems.push({ kind, message: String(message).slice(0, 2000), at: soak.now });
  addEventListener('error', (e) => note('uncaught error', (e.error && e.error.stack) || e.message));
  addEventListener('unhandledrejection', (e) => note('unhandled rejection', (e.reason && (e.reason.stack || e.reason.message)) || e.reason));
  const consoleError = console.error;
  console.error = function error(...args) {
    note('console.error', args.map(String).join(' '));
    return consoleError.apply(this, args);
  };

  // Nothing leaves the page: the clipboard is a stub that refuses one write in three (so the
  // widget's "copy it by hand" path runs too), downloads and links go nowhere, no window opens,
  // and full screen (which needs a real user gesture) resolves without changing anything.
  let writes = 0;
  const write = () => {
    writes += 1;
    soak.stubbed.clipboard += 1;
    if (writes % 3 === 0) {
      soak.stubbed.refused += 1;
      return Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    }
    return Promise.resolve();
  };
  const clipboard = { writeText: write, write, readText: () => Promise.resolve(''), read: () => Promise.resolve([]) };
  Object.defineProperty(Navigator.prototype, 'clipboard', { configurable: true, get: () => clipboard });
  const anchorClick = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function click() {
    if (this.hasAttribute('download')) soak.stubbed.downloads += 1;
    else if (this.hasAttribute('href')) soak.stubbed.navigations += 1;
    else anchorClick.call(this);
  };
  addEventListener('click', (e) => {
    if (e.target instanceof Element && e.target.closest('a[href]')) {
      e.preventDefault();
      soak.stubbed.navigations += 1;
    }
  }, true);
  window.open = () => {
    soak.stubbed.windows += 1;
    return null;
  };
  Element.prototype.requestFullscreen = function requestFullscreen() {
    soak.stubbed.fullscreen += 1;
    return Promise.resolve();
  };

  const pick = (r, xs) => xs[Math.floor(r() * xs.length)];
  const int = (r, lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  const weighted = (r, table) => {
    let x = r() * table.reduce((sum, [w]) => sum + w, 0);
    for (const [w, value] of table) {
      x -= w;
      if (x < 0) return value;
    }
    return table[table.length - 1][1];
  };

  // ---- Garbage -------------------------------------------------------------------------------
  /** The longest text a field is given: the huge strings of the garbage, about 50 KB. */
  const MAX_TEXT = 50000;
  /** Just over the 200 authorized ranges AKS accepts without VNet integration, so the limit's
   * message shows. A widget holding thousands of garbage entries (each up to 50 KB) takes
   * seconds per change on a page of twenty, and the run would spend its time on that one widget:
   * lists of 2,000 and 20,000 entries are the large-inputs test's and the benchmark's. */
  const MAX_RANGES = 240;
  const CODE_POINTS = [[0x0, 0x1f], [0x20, 0x7e], [0x80, 0x2ff], [0x300, 0x36f], [0x590, 0x6ff], [0x200b, 0x200f],
    [0x2028, 0x202e], [0xd800, 0xdfff], [0xe000, 0xf8ff], [0xfdd0, 0xfdef], [0xfff0, 0xffff], [0x1f300, 0x1f64f],
    [0x10000, 0x10ffff]];
  const unicode = (r, n) => {
    let s = '';
    for (let i = 0; i < n; i += 1) {
      const [lo, hi] = pick(r, CODE_POINTS);
      const c = int(r, lo, hi);
      // Lone surrogates on purpose: JavaScript strings may hold them, Rust strings may not.
      s += c >= 0xd800 && c <= 0xdfff ? String.fromCharCode(c) : String.fromCodePoint(c);
    }
    return s;
  };
  const octet = (r) => pick(r, [0, 1, 10, 81, 127, 255, 256, 999, -1, int(r, 0, 300), '01', '0x1f', '', 'a']);
  const cidr = (r) => weighted(r, [
    [6, () => `${octet(r)}.${octet(r)}.${octet(r)}.${octet(r)}/${pick(r, [0, 8, 24, 29, 32, 33, -1, 128, '', '32.5', int(r, 0, 40)])}`],
    [2, () => `${octet(r)}.${octet(r)}.${octet(r)}.${octet(r)}`],
    [2, () => pick(r, ['81.56.12.7/32', '0.0.0.0/0', '::/0', '2001:db8::/32', '1.2.3', '1.2.3.4/', '/32', 'a.b.c.d/8',
      '137.117.106.90/29', '10.0.0.0/8', '255.255.255.255/32', ' 1.1.1.1/32 ', '1.1.1.1/32/32', '١.١.١.١/٣٢'])],
    [1, () => unicode(r, int(r, 1, 12))],
  ])();
  const cidrs = (r) => {
    const n = r() < 0.04 ? int(r, 190, MAX_RANGES) : int(r, 1, 6);
    return Array.from({ length: n }, () => cidr(r)).join(pick(r, [',', ',', ', ', ',,', ';', ' ', '\n']));
  };
  const deep = (r) => pick(r, ['[', '{"a":', '{"apiServerAccessProfile":']).repeat(int(r, 100, 2000));
  const JSON_BITS = [
    '{"apiServerAccessProfile": {"enablePrivateCluster": true, "privateDnsZone": "none", "enablePrivateClusterPublicFqdn": false}}',
    '{"apiServerAccessProfile": {"authorizedIpRanges": ["1.1.1.1/32", "300.1.1.1/8"]}}',
    '{"properties": {"apiServerAccessProfile": {"enableVnetIntegration": true, "enablePrivateCluster": true}, "networkProfile": {"outboundType": "userDefinedRouting"}}}',
    '{"type": "Microsoft.ContainerService/managedClusters", "name": "x", "properties": {}}',
    '{"apiServerAccessProfile": null}', '{"apiServerAccessProfile": []}', '{"apiServerAccessProfile": {"authorizedIpRanges": "1.1.1.1/32"}}',
    '{"apiServerAccessProfile": {"enablePrivateCluster": "yes", "privateDnsZone": 7}}', '{"name": "-bad-", "apiServerAccessProfile": {}}',
    '{"a": 1e999999}', '{"\\ud800": "\\udfff"}', '{"apiServerAccessProfile": {"privateDnsZone": "/subscriptions/x/resourceGroups/y/providers/Microsoft.Network/privateDnsZones/privatelink.eastus.azmk8s.io"}}',
    '{', '}', '[', ']', '"', '{"apiServerAccessProfile": ', 'null', 'true', '1', '-0', '[]', '{}', '{"": ""}',
  ];
  const PERCENT = ['%', '%%', '%zz', '%00', '%E2%82', '%F0%9F%98', '%25%', 'mode%3Dprivate', '%26client%3Dvm', '%C0%AF', '%ff%fe'];
  const ODD = ['', ' ', '\t\n', '\r\n', '81.56.12.7', 'aks-ntwdemo1', '-', '_', '1e999', 'NaN', 'null', 'undefined',
    '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '${x}', '{{x}}', '\\', '\u202e', '\ufeff', '\u0301'.repeat(50),
    'a'.repeat(64), 'a'.repeat(63), '🙂', 'Ω', 'ﷺ'];
  const KEYS = ['mode', 'dns', 'publicfqdn', 'private', 'ranges', 'egress', 'client', 'ip', 'zonelink', 'forwarder',
    'runcommand', 'kubeconfig', 'cluster', 'step', 'view', 'theme', 'exercise', 'bogus', '', '#', '=', 'mode '];
  const VALUES = {
    mode: ['public', 'authorized', 'private', 'vnet'], dns: ['system', 'byo', 'none'], publicfqdn: ['on', 'off'],
    private: ['on', 'off'], egress: ['lb', 'natgw', 'firewall'], client: ['laptop', 'vm', 'peered', 'onprem', 'node', 'runcommand'],
    zonelink: ['on', 'off'], forwarder: ['on', 'off'], runcommand: ['on', 'off'], kubeconfig: ['private', 'public'],
    view: ['full', 'embed', 'present'], theme: ['auto', 'light', 'dark'], exercise: config.exercises,
    step: ['0', '1', '3', '-1', '99999999999999999999999', '1e3', '0x10', ''], ip: ['81.56.12.7', '1.1.1.1', '256.1.1.1', '::1'],
    cluster: ['aks-ntwdemo2', 'aks-ntwdemo11', '-x', 'a'.repeat(64)],
  };
  const fragmentJunk = (r) => Array.from({ length: int(r, 1, 8) }, () => {
    const key = pick(r, KEYS);
    const value = key === 'ranges' ? cidrs(r) : r() < 0.7 && VALUES[key] ? pick(r, VALUES[key]) : pick(r, [...PERCENT, ...ODD]);
    return r() < 0.1 ? key : `${key}=${value}`;
  }).join(pick(r, ['&', '&', '&', '&&', ';', '&amp;']));
  const PIECES = [
    (r) => unicode(r, int(r, 1, 40)), (r) => cidrs(r), (r) => pick(r, JSON_BITS), (r) => deep(r), (r) => pick(r, PERCENT),
    (r) => '\0'.repeat(int(r, 1, 8)), (r) => fragmentJunk(r), (r) => pick(r, ODD),
  ];
  /** One to four pieces of junk; now and then blown up to 1 to 50 KB. */
  const garbage = (r) => {
    let s = '';
    for (let i = int(r, 1, 4); i > 0; i -= 1) s += pick(r, PIECES)(r);
    if (r() < 0.06) {
      const size = int(r, 1000, 50000);
      let big = s || 'x';
      while (big.length < size) big += big;
      s = big.slice(0, size);
    }
    return s.slice(0, MAX_TEXT);
  };

  // ---- The widget's controls -----------------------------------------------------------------
  const hosts = () => document.querySelectorAll('[data-aks-netviz]');
  const widget = (w) => hosts()[w] && hosts()[w].querySelector('[data-testid="aks-netviz"]');
  /** Whether a reader could reach `el`: not under `hidden`, and not inside a closed disclosure
   * (other than its summary). Attribute checks only, so no layout is forced. */
  const reachable = (el) => {
    if (el.closest('[hidden]')) return false;
    for (let d = el.closest('details'); d; d = d.parentElement && d.parentElement.closest('details')) {
      const summary = el.closest('summary');
      if (!d.open && !(summary && summary.parentElement === d)) return false;
    }
    return true;
  };
  const usable = (el) => !el.disabled && reachable(el);
  /** A random usable element of `selector`, or null: a few random draws first, as a widget given
   * thousands of authorized ranges has thousands of fields to filter. */
  const any = (r, root, selector) => {
    const all = root.querySelectorAll(selector);
    for (let i = 0; i < 8 && all.length > 0; i += 1) {
      const el = all[Math.floor(r() * all.length)];
      if (usable(el)) return el;
    }
    const left = [...all].filter(usable);
    return left.length > 0 ? pick(r, left) : null;
  };
  const TEXT = 'input[type="text"], input:not([type]), textarea';
  const TEXT_EDITABLE = 'input[type="text"]:not([readonly]), input:not([type]):not([readonly]), textarea:not([readonly])';
  const describe = (el) => {
    const tag = el.tagName.toLowerCase();
    const attrs = ['data-testid', 'type', 'name', 'value', 'data-exercise']
      .filter((a) => el.hasAttribute(a) && !(a === 'value' && el.type === 'text'))
      .map((a) => `[${a}=${el.getAttribute(a).slice(0, 40)}]`).join('');
    const range = el.closest('li.range');
    const where = range ? ` (range ${[...range.parentElement.children].indexOf(range) + 1})` : '';
    const text = ['button', 'summary'].includes(tag) ? ` "${el.textContent.trim().slice(0, 40)}"` : '';
    return `${tag}${attrs}${text}${where}`;
  };
  /** Garbage bound for `el`: in an authorized-range field, commas (each one a new entry) only
   * while the widget holds at most MAX_RANGES entries. A change of a widget holding thousands of
   * entries takes a second or more, which would stall the run on that one widget. */
  const bounded = (root, el, text) => {
    if (!el.closest('[data-setting="ranges"]')) return text;
    const entries = root.querySelectorAll('[data-setting="ranges"] li.range').length;
    const commas = text.split(',').length - 1;
    return entries + commas > MAX_RANGES ? text.replace(/,/g, ' ') : text;
  };
  const shortly = (s) => `${JSON.stringify(s.slice(0, 60))}${s.length > 60 ? '…' : ''} (${s.length} chars)`;

  // A macrotask without setTimeout's 4 ms clamp: the widget's scheduled renders (microtasks) and
  // the events they raise run before the next interaction.
  const channel = new MessageChannel();
  const waiting = [];
  channel.port1.onmessage = () => waiting.shift()();
  const tick = () => new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(0);
  });
  const frame = () => new Promise((resolve) => {
    requestAnimationFrame(() => resolve());
    setTimeout(resolve, 100);
  });

  const input = (el, data, inputType) => el.dispatchEvent(new InputEvent('input', { bubbles: true, data, inputType }));
  // No focus(): it brings the layout of the whole page (twenty widgets) up to date, once per
  // interaction; the widget's handlers do not depend on focus.
  const click = (el) => {
    if (typeof el.click === 'function') el.click();
    else el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
  };

  const KEY_NAMES = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', ' ', 'Enter', 'Escape', 'Home', 'End', 'PageUp',
    'PageDown', 'Backspace', 'Delete', 'Tab', 'a', 'z', 'Q', '0', '9', '/', '.', ',', 'é', 'Dead', 'F5', 'Unidentified'];

  /** What the browser itself would do after an uncancelled keydown, for the keys that act on the
   * widget's controls: Space and Enter press buttons and disclosures, Space ticks a radio, the
   * arrows move through a radio group, printable keys and Backspace edit a text field. */
  const keyDefault = (root, el, key) => {
    const tag = el.tagName;
    const type = el.type;
    if ((key === ' ' || key === 'Enter') && (tag === 'BUTTON' || tag === 'SUMMARY')) el.click();
    else if (key === ' ' && tag === 'INPUT' && (type === 'radio' || type === 'checkbox')) el.click();
    else if (key.startsWith('Arrow') && tag === 'INPUT' && type === 'radio') {
      const group = [...root.querySelectorAll('input[type="radio"]')].filter((x) => x.name === el.name);
      const forward = key === 'ArrowRight' || key === 'ArrowDown';
      const next = group[(group.indexOf(el) + (forward ? 1 : group.length - 1)) % group.length];
      next.click();
    } else if (el.matches(TEXT) && !el.readOnly && (key.length === 1 || key === 'Backspace')) {
      el.value = key === 'Backspace' ? el.value.slice(0, -1) : el.value + key;
      input(el, key.length === 1 ? key : null, key === 'Backspace' ? 'deleteContentBackward' : 'insertText');
    }
  };

  // ---- One interaction -----------------------------------------------------------------------
  // Each returns what it did in words, and sets `soak.now.what` before acting, so whatever the
  // page reports while it runs names it.
  const doing = (what) => {
    soak.now.what = what;
    if (config.trace) console.debug(`soak ${soak.now.widget} ${soak.now.n + 1} ${what.slice(0, 200)}`);
    return what;
  };
  const ACTIONS = {
    click(r, root) {
      const el = any(r, root, 'button, input[type="radio"], input[type="checkbox"], summary, select, label');
      if (!el) return ACTIONS.anywhere(r, root);
      const what = doing(`click ${describe(el)}`);
      click(el);
      return what;
    },
    anywhere(r, root) {
      // Any element of the widget, diagram and text included; links do not navigate (see above).
      const el = any(r, root, '*') || root;
      const what = doing(`click anywhere: ${describe(el)}`);
      el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
      return what;
    },
    key(r, root) {
      const el = (r() < 0.8 && any(r, root, 'button, input, select, textarea, summary')) || pick(r, [root, document.body]);
      const key = pick(r, KEY_NAMES);
      const mods = { shiftKey: r() < 0.1, ctrlKey: r() < 0.05, altKey: r() < 0.05, metaKey: r() < 0.02 };
      const what = doing(`key ${JSON.stringify(key)}${Object.keys(mods).filter((m) => mods[m]).map((m) => `+${m}`).join('')} on ${describe(el)}`);
      const init = { key, code: key.length === 1 ? `Key${key.toUpperCase()}` : key, bubbles: true, cancelable: true, ...mods };
      const down = new KeyboardEvent('keydown', init);
      el.dispatchEvent(down);
      if (!down.defaultPrevented && !mods.ctrlKey && !mods.altKey && !mods.metaKey) keyDefault(root, el, key);
      el.dispatchEvent(new KeyboardEvent('keyup', init));
      return what;
    },
    type(r, root) {
      const el = any(r, root, TEXT_EDITABLE);
      if (!el) return ACTIONS.click(r, root);
      const text = r() < 0.1 ? '' : bounded(root, el, garbage(r));
      const append = r() < 0.2;
      const what = doing(`type ${shortly(text)} ${append ? 'after the text in' : 'into'} ${describe(el)}`);
      el.value = (append ? el.value + text : text).slice(0, MAX_TEXT);
      input(el, text.slice(0, 100), 'insertText');
      el.dispatchEvent(new Event('change', { bubbles: true }));
      return what;
    },
    paste(r, root) {
      // The import box and the ranges editor first: pasting is how readers fill them. A browser
      // pastes nothing into a read-only field (the start of a long entry or paste).
      const el = any(r, root, '[data-testid="import-json"]:not([readonly]), [data-setting="ranges"] input[type="text"]:not([readonly])') || any(r, root, TEXT_EDITABLE);
      if (!el) return ACTIONS.click(r, root);
      const text = bounded(root, el, garbage(r));
      // Over the whole text, or at the caret while the field stays within MAX_TEXT.
      const replace = r() < 0.5 || el.value.length + text.length > MAX_TEXT;
      const what = doing(`paste ${shortly(text)} ${replace ? 'over' : 'into'} ${describe(el)}`);
      if (replace) el.select();
      const data = new DataTransfer();
      data.setData('text/plain', text);
      const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
      el.dispatchEvent(paste);
      if (!paste.defaultPrevented) {
        const end = el.value.length;
        el.setRangeText(text, el.selectionStart ?? end, el.selectionEnd ?? end, 'end');
        input(el, text.slice(0, 100), 'insertFromPaste');
      }
      return what;
    },
    choose(r, root) {
      const el = any(r, root, 'select');
      if (!el || el.options.length === 0) return ACTIONS.click(r, root);
      const index = int(r, 0, el.options.length - 1);
      const what = doing(`choose option ${index} (${el.options[index].value}) of ${describe(el)}`);
      el.selectedIndex = index;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
      return what;
    },
    scroll(r, root) {
      // Into view and away again: the widget stops its animation off screen and resumes on screen.
      const el = (r() < 0.5 && any(r, root, 'button, input, summary')) || root;
      const what = doing(`scroll ${describe(el)} into view`);
      el.scrollIntoView({ block: pick(r, ['start', 'center', 'end']) });
      return what;
    },
    hash(r) {
      // Only the widget without a fragment of its own follows the address bar.
      const hash = r() < 0.8 ? fragmentJunk(r) : garbage(r);
      const what = doing(`set location.hash to ${shortly(hash)}`);
      window.location.hash = hash;
      return what;
    },
  };
  const MIX = [[34, 'click'], [4, 'anywhere'], [22, 'key'], [18, 'type'], [10, 'paste'], [4, 'choose'], [4, 'scroll'], [0.3, 'hash']];

  /** Runs interactions `from` to `from + count - 1` of widget `w` (the `w`-th host of the page),
   * yielding to the event loop after each; stops at the first problem the page reports. Returns
   * what was done and the problems. */
  soak.batch = async (w, from, count) => {
    const r = (soak.rngs[w] ||= mulberry32((config.seed ^ Math.imul(w + 1, 0x9e3779b1)) >>> 0));
    const done = [];
    for (let n = from; n < from + count && soak.problems.length === 0; n += 1) {
      const root = widget(w);
      soak.now = { widget: w, n, what: '(choosing an interaction)' };
      if (!root) {
        note('widget gone', `host ${w} holds no widget root any more`);
        break;
      }
      try {
        done.push(ACTIONS[weighted(r, MIX)](r, root));
      } catch (e) {
        note('soak driver error', e.stack || e);
      }
      await tick();
    }
    await frame();
    return { done, problems: soak.problems.splice(0) };
  };

  // ---- A known state, by clicking --------------------------------------------------------------
  const PUBLIC_PROFILE = '{"apiServerAccessProfile": {"enablePrivateCluster": false}}';
  const DEFAULTS = { dns: 'system', publicfqdn: 'on', egress: 'lb', runcommand: 'on', zonelink: 'off', forwarder: 'off', kubeconfig: 'private' };
  const choose = async (root, key, value) => {
    const radio = root.querySelector(`[data-setting="${key}"] input[type="radio"][value="${value}"]`);
    if (!radio) throw new Error(`the widget shows no ${key}=${value} radio`);
    if (!radio.checked) click(radio);
    await tick();
  };
  const typeInto = async (el, text) => {
    el.value = text;
    input(el, text, 'insertText');
    await tick();
  };

  /** Makes widget `w`'s settings reachable: leaves an open exercise (which keeps some settings
   * as its starting point has them), leaves presenter mode, opens the embed view's disclosure.
   * Returns what it did. */
  soak.prepare = async (w) => {
    const root = widget(w);
    const did = [];
    const leave = root.querySelector('[data-testid="exercise-close"]');
    if (leave) {
      click(leave);
      did.push('left the exercise');
      await frame();
    }
    const exit = [...root.querySelectorAll('.present-bar button')].find((b) => b.textContent.includes('Exit presenter'));
    if (exit) {
      click(exit);
      did.push('left presenter mode');
      await frame();
    }
    const more = root.querySelector('details.embed-more');
    if (more && !more.open) {
      click(more.querySelector('summary'));
      did.push('opened the embed view\'s settings');
      await frame();
    }
    return did;
  };

  /** Clicks and types widget `w` into the state of an outcomes-table `fragment` (keys `mode`,
   * `private`, `dns`, `publicfqdn`, `ranges`, `egress`, `runcommand`, `client`, `zonelink`,
   * `forwarder`, `kubeconfig`); every other setting to its default. */
  soak.setCell = async (w, fragment) => {
    const root = widget(w);
    const want = Object.fromEntries(fragment.split('&').map((kv) => kv.split('=')));
    // The import box first: a public cluster's profile resets the access settings, the ranges
    // included, in one change (removing thousands of ranges one by one takes many minutes).
    await typeInto(root.querySelector('[data-testid="import-json"]'), PUBLIC_PROFILE);
    await typeInto(root.querySelector('[data-setting="ip"] input'), '81.56.12.7');
    await typeInto(root.querySelector('[data-setting="cluster"] input'), 'aks-ntwdemo1');
    await choose(root, 'mode', want.mode);
    if (want.mode === 'vnet') await choose(root, 'private', want.private || 'off');
    for (const [key, value] of Object.entries(DEFAULTS)) await choose(root, key, want[key] || value);
    await choose(root, 'client', want.client);
    if (want.ranges) {
      if (!root.querySelector('[data-setting="ranges"] li.range input')) {
        click(root.querySelector('[data-setting="ranges"] .add-range'));
        await tick();
        if (!root.querySelector('[data-setting="ranges"] li.range input')) throw new Error('"Add range" added no entry to the empty list');
      }
      // A list typed into one entry becomes one entry per comma.
      await typeInto(root.querySelector('[data-setting="ranges"] li.range input'), want.ranges);
    }
    await frame();
  };

  /** The hooks (and their attribute, else their text) of the values an outcomes-table cell lists. */
  const CELL_HOOKS = { outcome: ['outcome', 'data-outcome'], dns_answer: ['dns-answer', null], node: ['node-status', 'data-node'], tunnel: ['tunnel', 'data-tunnel'] };
  /** What widget `w` shows of those values, or null while a hook is missing. */
  soak.shown = (w) => {
    const root = widget(w);
    const got = {};
    for (const [key, [testid, attribute]] of Object.entries(CELL_HOOKS)) {
      const el = root && root.querySelector(`[data-testid="${testid}"]`);
      if (!el) return null;
      got[key] = attribute ? el.getAttribute(attribute) : el.textContent;
    }
    return got;
  };
}
