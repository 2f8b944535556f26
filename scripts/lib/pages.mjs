/**
 * Page objects: what a person does on each screen, so end-to-end tests (and `npm start`) read as
 * a walk through the product.
 * @typedef {import('puppeteer-core').Page} Page
 * @typedef {{ id: string, goal: string, script: string }} ShownTouch the next touch as the panel shows it
 * @typedef {{ provenance: Record<string, string>, fields: Array<{ label: string, value: string }> }} WhatWasRead
 *   "What Touchbook read": how each field was read ('field label · 80%'), and the label/value pairs
 */
import { waitForPage } from './browser-session.mjs';

export class OptionsPage {
  /** @param {Page} page */
  constructor(page) {
    this.page = page;
  }

  /** @param {string} origin */
  async enableSite(origin) {
    await this.page.locator('#site-origin').fill(origin);
    await this.page.locator('[data-testid="enable-site"]').click();
    await this.page.waitForFunction(
      (expected) =>
        [...document.querySelectorAll('[data-testid="site-origin"]')].some((node) => node.textContent === expected),
      { timeout: 10_000 },
      origin,
    );
  }

  /** @returns {Promise<string[]>} */
  enabledSites() {
    return this.page.$$eval('[data-testid="site-origin"]', (nodes) => nodes.map((node) => node.textContent ?? ''));
  }

  /** @param {string} origin */
  async disableSite(origin) {
    // A page just opened may not list its sites yet (a loaded machine): wait for the row, then click.
    await this.page.waitForFunction(
      (expected) => {
        const item = [...document.querySelectorAll('[data-testid="site-list"] li')].find(
          (node) => node.querySelector('[data-testid="site-origin"]')?.textContent === expected,
        );
        const button = item?.querySelector('button');
        button?.click();
        return Boolean(button);
      },
      { timeout: 10_000 },
      origin,
    );
    await this.page.waitForFunction(
      (expected) =>
        ![...document.querySelectorAll('[data-testid="site-origin"]')].some((node) => node.textContent === expected),
      { timeout: 10_000 },
      origin,
    );
  }

  /**
   * Writes the manager's own name and company in "You and your working time" and saves, as a new
   * user does first: the scripts say "{{manager.name}} from {{company.name}}".
   * @param {{ managerName: string, companyName: string }} profile
   */
  async setProfile({ managerName, companyName }) {
    const form = '[data-testid="profile-settings"]';
    await this.page.waitForSelector(`${form} input[name="managerName"]`);
    for (const [name, value] of Object.entries({ managerName, companyName })) {
      const field = this.page.locator(`${form} input[name="${name}"]`);
      await field.fill(value);
    }
    await this.page.locator(`${form} button[type="submit"]`).click();
    await this.page.waitForSelector(`${form} [role="status"]`, { timeout: 10_000 });
  }

  /**
   * Ticks exactly these roles (or every role the book names) in "You and your working time" and saves.
   * @param {string[] | 'all'} roleIds
   */
  async setRoles(roleIds) {
    await this.page.waitForSelector('[data-testid="profile-roles"] input[type="checkbox"]');
    await this.page.$$eval(
      '[data-testid="profile-roles"] input[type="checkbox"]',
      (boxes, wanted) => {
        for (const box of /** @type {HTMLInputElement[]} */ (boxes)) box.checked = wanted === 'all' || wanted.includes(box.name.replace(/^role-/, ''));
      },
      roleIds,
    );
    await this.page.locator('[data-testid="profile-settings"] button[type="submit"]').click();
    await this.page.waitForSelector('[data-testid="profile-settings"] [role="status"]', { timeout: 10_000 });
  }
}

/** The export buttons in the options page's data section. */
export class ExportsSection {
  /** @param {Page} page the options page */
  constructor(page) {
    this.page = page;
  }

  /**
   * Keeps every Blob the page turns into an object URL, from now on: what a download link
   * would save, read where the browser's own download cannot be seen.
   */
  async keepBlobs() {
    await this.page.evaluate(() => {
      const probe = /** @type {{ keptBlobs?: Blob[] }} */ (globalThis);
      if (probe.keptBlobs) return;
      probe.keptBlobs = [];
      const original = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (blob) => {
        if (blob instanceof Blob) probe.keptBlobs?.push(blob);
        return original(blob);
      };
    });
  }

  /**
   * The text and type of the Blobs kept since `keepBlobs`, in order.
   * @returns {Promise<Array<{ type: string, text: string }>>}
   */
  keptBlobs() {
    return this.page.evaluate(() =>
      Promise.all(
        (/** @type {{ keptBlobs?: Blob[] }} */ (globalThis).keptBlobs ?? []).map(async (blob) => ({
          type: blob.type,
          // Byte for byte as saved: `blob.text()` would drop a leading byte order mark.
          text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blob.arrayBuffer()),
        })),
      ),
    );
  }

  /**
   * Clicks "Export planned touches (.ics)" or "Export touches (.csv)" and returns what the page
   * says once it has made the file.
   * @param {'ics' | 'csv'} kind
   * @returns {Promise<string>}
   */
  async export(kind) {
    const before = await this.result();
    await this.page.locator(`[data-testid="export-${kind}"]`).click();
    await this.page.waitForFunction(
      (previous) => {
        const text = document.querySelector('[data-testid="export-result"]')?.textContent ?? '';
        return text !== '' && text !== previous;
      },
      { timeout: 10_000 },
      before,
    );
    return this.result();
  }

  /** @returns {Promise<string>} */
  result() {
    return this.page.evaluate(() => document.querySelector('[data-testid="export-result"]')?.textContent ?? '');
  }
}

/** The backup section of the options page: restore a file, save a backup, and what the progress showed. */
export class BackupSection {
  /** @param {Page} page the options page */
  constructor(page) {
    this.page = page;
  }

  /**
   * Records every state of the progress bar from now on (its step, done, total), as the manager
   * would see it.
   */
  async recordProgress() {
    await this.page.evaluate(() => {
      const probe = /** @type {{ backupProgress?: Array<[string, number, number, number]>, backupObserver?: MutationObserver }} */ (globalThis);
      probe.backupProgress = [];
      if (probe.backupObserver) return;
      probe.backupObserver = new MutationObserver(() => {
        const bar = /** @type {HTMLElement | null} */ (document.querySelector('[data-testid="backup-progress"]'));
        if (bar) probe.backupProgress?.push([bar.dataset.phase ?? '', Number(bar.dataset.done), Number(bar.dataset.total), Date.now()]);
      });
      probe.backupObserver.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-phase', 'data-done', 'data-total'] });
    });
  }

  /**
   * The furthest point each step reached, as [done, total], when each step was first and last
   * seen (ms, the page's clock), and whether a bar still shows.
   * @returns {Promise<{ reached: Record<string, [number, number]>, seen: Record<string, [number, number]>, stillShowing: boolean }>}
   */
  async progress() {
    return this.page.evaluate(() => {
      const samples = /** @type {{ backupProgress?: Array<[string, number, number, number]> }} */ (globalThis).backupProgress ?? [];
      /** @type {Record<string, [number, number]>} */
      const reached = {};
      /** @type {Record<string, [number, number]>} */
      const seen = {};
      for (const [phase, done, total, at] of samples) {
        if (!reached[phase] || done >= reached[phase][0]) reached[phase] = [done, total];
        seen[phase] = [seen[phase]?.[0] ?? at, at];
      }
      return { reached, seen, stillShowing: document.querySelector('[data-testid="backup-progress"]') !== null };
    });
  }

  /**
   * Restores `file` (a path on this machine) in `mode` and returns what the page said once the
   * progress was gone, with how far each step of the progress went.
   * @param {string} file
   * @param {'merge' | 'replace'} mode
   * @param {number} timeoutMs
   */
  async restore(file, mode, timeoutMs) {
    await this.startRestore(file, mode);
    return this.restoreResult(timeoutMs);
  }

  /**
   * Chooses `file` in "Restore from a file" and returns once the progress bar shows.
   * @param {string} file
   * @param {'merge' | 'replace'} mode
   */
  async startRestore(file, mode) {
    await this.recordProgress();
    // On a busy machine the page may still be rendering its sections when this is called.
    const input = await this.page.waitForSelector('[data-testid="backup-file"]', { timeout: 30_000 });
    if (!input) throw new Error('no backup file field');
    const radios = await this.page.$$('input[name="backup-mode"]');
    await radios[mode === 'merge' ? 0 : 1]?.click();
    await /** @type {import('puppeteer-core').ElementHandle<HTMLInputElement>} */ (input).uploadFile(file);
    // The old result goes as the restore starts.
    await this.page.waitForFunction(() => document.querySelector('[data-testid="backup-progress"]') !== null, { timeout: 30_000, polling: 100 });
  }

  /**
   * Waits for a started restore's result, with no bar left.
   * @param {number} timeoutMs
   */
  async restoreResult(timeoutMs) {
    await this.page.waitForFunction(
      () => document.querySelector('[data-testid="backup-progress"]') === null && (document.querySelector('[data-testid="backup-result"]')?.textContent ?? '') !== '',
      { timeout: timeoutMs, polling: 500 },
    );
    const result = await this.page.evaluate(() => document.querySelector('[data-testid="backup-result"]')?.textContent ?? '');
    return { result, ...(await this.progress()) };
  }

  /**
   * Waits until the progress bar shows `phase` ('upload', 'write', 'plan', 'export').
   * @param {string} phase
   * @param {number} [timeoutMs]
   */
  async waitForStep(phase, timeoutMs = 60_000) {
    await this.page.waitForFunction((wanted) => document.querySelector('[data-testid="backup-progress"]')?.getAttribute('data-phase') === wanted, { timeout: timeoutMs, polling: 50 }, phase);
  }

  /**
   * Clicks "Save a backup" and waits until the page has read the whole database (the bar is gone).
   * @param {number} timeoutMs
   */
  async save(timeoutMs) {
    await this.recordProgress();
    await this.page.locator('[data-testid="backup-export"]').click();
    await this.page.waitForFunction(
      () =>
        ((/** @type {{ backupProgress?: unknown[] }} */ (globalThis).backupProgress?.length ?? 0) > 0 || document.querySelector('[data-testid="backup-result"]') !== null) &&
        document.querySelector('[data-testid="backup-progress"]') === null,
      { timeout: timeoutMs, polling: 200 },
    );
    const result = await this.page.evaluate(() => document.querySelector('[data-testid="backup-result"]')?.textContent ?? '');
    return { result, ...(await this.progress()) };
  }
}

/** The sales-book section of the options page. */
export class BookSettingsPage {
  /** @param {Page} page */
  constructor(page) {
    this.page = page;
  }

  /**
   * The book's status as the page shows it, once it shows one (the page asks the worker for it
   * after it opens: on a busy machine the first look comes before the answer).
   * @returns {Promise<{ source: string, title: string, version: string, errors: string[] }>}
   */
  async status() {
    await this.page.waitForFunction(() => (document.querySelector('[data-testid="book-source"]')?.textContent ?? '') !== '', { timeout: 10_000 });
    return this.page.evaluate(() => {
      const text = (/** @type {string} */ selector) => document.querySelector(selector)?.textContent ?? '';
      return {
        source: text('[data-testid="book-source"]'),
        title: text('[data-testid="book-title"]'),
        version: text('[data-testid="book-version"]'),
        errors: [...document.querySelectorAll('[data-testid="book-last-error"] li, [data-testid="book-errors"] li')].map(
          (node) => node.textContent ?? '',
        ),
      };
    });
  }

  /** @param {string} url */
  async subscribe(url) {
    await this.page.locator('input[name="book-url"]').fill(url);
    await this.page.locator('[data-testid="book-subscribe"]').click();
    await this.waitForIdle();
  }

  async syncNow() {
    await this.page.locator('[data-testid="book-sync"]').click();
    await this.waitForIdle();
  }

  /** Waits until the form's buttons are enabled again (the action finished). */
  async waitForIdle() {
    await this.page.waitForFunction(() => {
      const button = document.querySelector('[data-testid="book-subscribe"]');
      return button instanceof HTMLButtonElement && !button.disabled;
    });
  }
}

export class CrmPage {
  /** @param {Page} page */
  constructor(page) {
    this.page = page;
  }

  /** @param {string} baseUrl @param {string} clientId */
  async openClient(baseUrl, clientId) {
    await this.page.goto(`${baseUrl}/clients/${clientId}`, { waitUntil: 'load' });
    await this.page.waitForSelector(`#record[data-record-id="${clientId}"]`);
  }

  /** Follows the card's "Next client" link: the demo CRM switches records with pushState only. */
  async goToNextClient() {
    const before = await this.recordId();
    await this.page.locator('a[rel="next"]').click();
    await this.page.waitForFunction(
      (previous) => document.querySelector('#record')?.getAttribute('data-record-id') !== previous,
      {},
      before,
    );
  }

  /** @returns {Promise<string | null>} */
  recordId() {
    return this.page.$eval('#record', (node) => node.getAttribute('data-record-id'));
  }

  /** The browser's Back button within the CRM (popstate), waiting for the card to change. */
  async goBack() {
    await this.#historyStep(-1);
  }

  async goForward() {
    await this.#historyStep(1);
  }

  /** @param {-1 | 1} step */
  async #historyStep(step) {
    const before = await this.recordId();
    await this.page.evaluate((delta) => history.go(delta), step);
    await this.page.waitForFunction(
      (previous) => {
        const id = document.querySelector('#record')?.getAttribute('data-record-id');
        return Boolean(id) && id !== previous;
      },
      {},
      before,
    );
  }

  /**
   * Opens a link of the page in a new background tab of the same window (Ctrl+click), as a
   * manager keeping this client open would; returns that tab once it shows a client card.
   * @param {string} selector
   */
  async openLinkInNewTab(selector) {
    const browser = this.page.browser();
    const href = await this.page.$eval(selector, (link) => (link instanceof HTMLAnchorElement ? link.href : ''));
    const before = new Set(await browser.pages());
    await this.page.bringToFront();
    await this.page.keyboard.down('Control');
    try {
      await this.page.locator(selector).click();
    } finally {
      await this.page.keyboard.up('Control');
    }
    const page = await waitForPage(browser, (url) => url === href, { exclude: before });
    await page.waitForSelector('#record[data-record-id]');
    return new CrmPage(page);
  }

  /** The value shown next to a field label on the card (e.g. 'Job title'), once it is loaded. */
  /** @param {string} label */
  async waitForFieldValue(label, timeoutMs = 5_000) {
    const handle = await this.page.waitForFunction(
      (expected) => {
        const term = [...document.querySelectorAll('#record .record-fields dt')].find((dt) => dt.textContent === expected);
        const value = term?.nextElementSibling;
        return value && !value.hasAttribute('aria-busy') ? value.textContent : false;
      },
      { timeout: timeoutMs },
      label,
    );
    return /** @type {string} */ (await handle.jsonValue());
  }

  // ---- "Teach a field": the picker lives in a closed shadow root, so it is driven as a person
  // would: by pointing at a value, then with the keyboard.

  /** @returns {Promise<boolean>} */
  pickerShown() {
    return this.page.evaluate(() => document.querySelector('touchbook-picker') !== null);
  }

  async waitForPicker(timeoutMs = 10_000) {
    await this.page.waitForSelector('touchbook-picker', { timeout: timeoutMs });
  }

  async waitForPickerGone(timeoutMs = 5_000) {
    await this.page.waitForFunction(() => document.querySelector('touchbook-picker') === null, { timeout: timeoutMs });
  }

  /**
   * Points at the value of a card field and says what it is: the picker's menu opens with the
   * focus on its first field button; Tab moves to the field at `fieldIndex`, Enter picks it.
   * @param {string} label the card's label of the value to click, e.g. 'Job title'
   * @param {number} fieldIndex the field's position in the picker's menu
   */
  async teachFieldValue(label, fieldIndex) {
    await this.page.bringToFront();
    const value = await this.page.waitForFunction(
      (expected) => {
        const term = [...document.querySelectorAll('#record .record-fields dt')].find((dt) => dt.textContent === expected);
        return term?.nextElementSibling ?? false;
      },
      {},
      label,
    );
    const element = /** @type {import('puppeteer-core').ElementHandle<Element>} */ (value.asElement());
    await element.click();
    // The menu takes the focus: keyboard input goes to the picker's shadow root from here on.
    await this.page.waitForFunction(() => document.activeElement?.localName === 'touchbook-picker');
    for (let index = 0; index < fieldIndex; index += 1) await this.page.keyboard.press('Tab');
    await this.page.keyboard.press('Enter');
  }

  async pressEscape() {
    await this.page.bringToFront();
    await this.page.keyboard.press('Escape');
  }
}

/**
 * The react-admin-shaped fixture CRM (test/fixtures/spa/admin-crm): hash routes changed with
 * pushState only, deal cards that are not links, a deal dialog, and a "people" view to teach on.
 */
export class AdminCrmPage {
  /** @param {Page} page */
  constructor(page) {
    this.page = page;
  }

  /** @param {string} appUrl the app's index URL @param {string} route e.g. '/contacts/1/show' */
  async open(appUrl, route) {
    await this.page.goto(`${appUrl}#${route}`, { waitUntil: 'load' });
    await this.page.waitForSelector('[data-view]');
  }

  /** Clicks an in-app element (a link, a card) and waits for the route to change, as a person would. */
  /** @param {string} selector */
  async click(selector) {
    await this.page.bringToFront();
    const before = await this.page.evaluate(() => location.hash);
    await this.page.locator(selector).click();
    await this.page.waitForFunction((previous) => location.hash !== previous, {}, before);
  }

  /** @returns {Promise<string>} */
  route() {
    return this.page.evaluate(() => location.hash);
  }

  /** Clicks the page element holding this exact text (the picker takes the click). */
  /** @param {string} text */
  async clickText(text) {
    await this.page.bringToFront();
    const handle = await this.page.waitForFunction(
      (wanted) => [...document.querySelectorAll('main *')].find((node) => node.children.length === 0 && node.textContent === wanted) ?? false,
      {},
      text,
    );
    await /** @type {import('puppeteer-core').ElementHandle<Element>} */ (handle.asElement()).click();
  }
}

export class SidePanelPage {
  /** @param {Page} page */
  constructor(page) {
    this.page = page;
  }

  /** Waits until the panel shows a client with this name, and returns what it shows. */
  /** @param {string} name */
  async waitForClient(name, timeoutMs = 10_000) {
    await this.page.waitForFunction(
      (expected) => document.querySelector('[data-testid="client-name"]')?.textContent === expected,
      { timeout: timeoutMs },
      name,
    );
    return this.page.evaluate(() => ({
      name: document.querySelector('[data-testid="client-name"]')?.textContent ?? null,
      emails: [...document.querySelectorAll('[data-testid="client-email"]')].map((node) => node.textContent ?? ''),
      phones: [...document.querySelectorAll('[data-testid="client-phone"]')].map((node) => node.textContent ?? ''),
    }));
  }

  /** Waits until the panel's empty state (no client) shows this title. */
  /** @param {string} title */
  async waitForEmptyState(title, timeoutMs = 10_000) {
    await this.page.waitForFunction(
      (expected) => document.querySelector('[data-testid="empty-state"] h2')?.textContent === expected,
      { timeout: timeoutMs },
      title,
    );
  }

  /**
   * "Teach the name" (or the phone, the email) offered where a page was read with no client.
   * @param {'teach-name' | 'teach-phone' | 'teach-email'} testId
   */
  async teachOne(testId) {
    const button = await this.page.waitForSelector(`[data-testid="empty-state"] [data-testid="${testId}"]`, { visible: true });
    await button?.focus();
    await this.page.keyboard.press('Enter');
  }

  /** @returns {Promise<string | null>} */
  emptyStateText() {
    return this.page.$eval('[data-testid="empty-state"]', (node) => node.textContent).catch(() => null);
  }

  /**
   * Reloads the panel, as closing and opening it again would. Through the page itself: Firefox
   * does not let automation navigate (or reload) a moz-extension:// tab.
   */
  async reload() {
    await this.page.evaluate(() => {
      // @ts-expect-error: a marker the reloaded document will not have
      globalThis.__touchbookBeforeReload = true;
      setTimeout(() => location.reload(), 0);
    });
    await waitFor(
      () =>
        this.page.evaluate(
          // @ts-expect-error: see above
          () => !globalThis.__touchbookBeforeReload && document.readyState === 'complete',
        ),
      { what: 'the panel to reload' },
    );
    await this.page.bringToFront();
  }

  /** @param {'next' | 'offers' | 'questions' | 'objections' | 'book'} tab */
  async openTab(tab) {
    await this.page.locator(`[data-testid="tab-${tab}"]`).click();
    await this.page.waitForSelector(`#panel-${tab}[role="tabpanel"]`);
  }

  // ---- next touch

  /**
   * The next touch the panel shows, or null when it says none is planned (or is still loading).
   * @returns {Promise<ShownTouch | null>}
   */
  nextTouch() {
    return this.page.evaluate(() => {
      const card = document.querySelector('[data-testid="next-touch"] [data-touch-id]');
      if (!card) return null;
      return {
        id: card.getAttribute('data-touch-id') ?? '',
        goal: card.querySelector('[data-testid="touch-goal"]')?.textContent ?? '',
        script: card.querySelector('[data-testid="script"]')?.textContent ?? '',
      };
    });
  }

  /**
   * Waits until the next-touch section shows a touch that `accept` likes, or says none is
   * planned; returns the touch (null for none).
   * @param {(touch: ShownTouch) => boolean} [accept]
   * @param {{ allowNone?: boolean, timeoutMs?: number }} [options]
   * @returns {Promise<ShownTouch | null>}
   */
  async waitForNextTouch(accept = () => true, { allowNone = false, timeoutMs = 10_000 } = {}) {
    /** @type {ShownTouch | null} */
    let last = null;
    await waitFor(
      async () => {
        last = await this.nextTouch();
        if (last) return accept(last);
        return allowNone && (await this.page.$('[data-testid="no-touch"]')) !== null;
      },
      { timeoutMs, what: 'the next touch' },
    );
    return last;
  }

  /**
   * "Done" on the next touch, with an outcome and an optional note.
   * @param {'reached' | 'no-answer' | 'rescheduled' | 'not-interested'} [outcome]
   * @param {string} [note]
   */
  async markNextTouchDone(outcome = 'reached', note) {
    await this.page.locator('[data-testid="touch-done"]').click();
    await this.page.locator(`input[name="outcome"][value="${outcome}"]`).click();
    if (note) await this.page.locator('textarea[name="note"]').fill(note);
    await this.page.locator('[data-testid="touch-done-save"]').click();
  }

  /**
   * Records the client's second-purchase discount from the client header.
   * @param {string} amount e.g. "10%"
   * @param {string | null} until "YYYY-MM-DD"
   */
  async recordDiscount(amount, until) {
    await this.page.locator('[data-testid="discount-edit"]').click();
    await this.page.locator('[data-testid="discount-amount"]').fill(amount);
    // A date input's typing order depends on the browser's locale: set the value itself.
    await this.page.$eval('[data-testid="discount-until"]', (input, value) => {
      input.value = value;
    }, until ?? '');
    await this.page.locator('[data-testid="discount-save"]').click();
  }

  /**
   * "Record a purchase" under the next touch, with what it came to.
   * @param {{ product: string, date: string, amount?: string, currency?: string }} purchase date "YYYY-MM-DD"
   */
  async recordPurchase({ product, date, amount = '', currency = '' }) {
    await this.page.locator('[data-testid="purchase-toggle"]').click();
    await this.page.locator('input[name="product"]').fill(product);
    await this.page.$eval('input[name="date"]', (input, value) => {
      /** @type {HTMLInputElement} */ (input).value = value;
    }, date);
    if (amount) await this.page.locator('[data-testid="purchase-amount"]').fill(amount);
    if (currency) {
      await this.page.$eval('[data-testid="purchase-currency"]', (input) => {
        /** @type {HTMLInputElement} */ (input).value = '';
      });
      await this.page.locator('[data-testid="purchase-currency"]').fill(currency);
    }
    await this.page.$eval('input[name="product"]', (input) => /** @type {HTMLInputElement} */ (input).form?.requestSubmit());
  }

  /** The discount line of the client header, as the manager reads it. */
  async discountText() {
    return this.page.$eval('[data-testid="discount-value"]', (node) => node.textContent ?? '');
  }

  // ---- what Touchbook read

  /**
   * Opens "What Touchbook read" and returns it: each field's origin ('field label · 80%') and the
   * label/value pairs read from the page.
   * @returns {Promise<WhatWasRead>}
   */
  async whatWasRead() {
    await this.#openWhatWasRead();
    return this.page.evaluate(() => {
      const lists = [...document.querySelectorAll('[data-testid="what-was-read"] dl')];
      /** @param {Element | undefined} list */
      const pairs = (list) =>
        [...(list?.querySelectorAll('dt') ?? [])].map((dt) => ({
          label: dt.textContent ?? '',
          value: dt.nextElementSibling?.textContent ?? '',
        }));
      return {
        provenance: Object.fromEntries(pairs(lists[0]).map(({ label, value }) => [label, value])),
        fields: pairs(lists[1]),
      };
    });
  }

  /**
   * Waits until "What Touchbook read" lists `field` (and `accept` likes how it was read).
   * @param {string} field a snapshot field, e.g. 'nextContact'
   * @param {(origin: string) => boolean} [accept]
   * @returns {Promise<WhatWasRead>}
   */
  async waitForReadField(field, accept = () => true, timeoutMs = 10_000) {
    /** @type {WhatWasRead | null} */
    let read = null;
    await waitFor(
      async () => {
        read = await this.whatWasRead();
        const origin = read.provenance[field];
        return origin !== undefined && accept(origin);
      },
      { timeoutMs, what: `"${field}" among the fields read` },
    );
    return /** @type {WhatWasRead} */ (/** @type {unknown} */ (read)); // set by the last poll
  }

  /** The card's value for a label (e.g. 'Job title'), or null. */
  /** @param {string} label */
  cardValue(label) {
    return this.page.evaluate((expected) => {
      const term = [...document.querySelectorAll('[data-testid="client-card"] dt')].find((dt) => dt.textContent === expected);
      return term?.nextElementSibling?.textContent ?? null;
    }, label);
  }

  /**
   * "Teach a field": starts the picker in the CRM tab the panel follows. Pressed with the
   * keyboard: the button sits below the lists of fields read, which grow when a lazily loaded
   * field arrives, so a click at coordinates measured a moment earlier can land elsewhere.
   */
  async startTeaching() {
    await this.#openWhatWasRead();
    const button = await this.page.waitForSelector('[data-testid="what-was-read"] [data-testid="teach-field"]', { visible: true });
    await button?.focus();
    await this.page.keyboard.press('Enter');
  }

  async #openWhatWasRead() {
    await this.page.waitForSelector('[data-testid="what-was-read"]');
    await this.page.$eval('[data-testid="what-was-read"]', (details) => {
      if (details instanceof HTMLDetailsElement) details.open = true;
    });
  }

  // ---- objections

  /**
   * Types what the client said into the objection search; returns the results once there are some.
   * @param {string} text
   */
  async searchObjections(text) {
    await this.page.locator('[data-testid="objection-search"]').fill(text);
    await this.page.waitForFunction(
      (typed) => {
        const input = document.querySelector('[data-testid="objection-search"]');
        return input instanceof HTMLInputElement && input.value === typed;
      },
      {},
      text,
    );
    await this.page.waitForSelector('[data-testid="objection-result"]', { timeout: 5_000 }).catch(() => undefined);
    return this.objectionResults();
  }

  /** @returns {Promise<Array<{ id: string, title: string, responses: string[] }>>} */
  objectionResults() {
    return this.page.$$eval('[data-testid="objection-result"]', (items) =>
      items.map((item) => ({
        id: item.getAttribute('data-objection-id') ?? '',
        title: item.querySelector('h3')?.textContent ?? '',
        responses: [...item.querySelectorAll('[data-testid="objection-response"]')].map((node) => (node.textContent ?? '').trim()),
      })),
    );
  }

  /**
   * Clicks "Copy" under a response of an objection; returns what the button says afterwards.
   * @param {string} objectionId
   */
  async copyObjectionResponse(objectionId, responseIndex = 0) {
    const selector = `[data-testid="objection-result"][data-objection-id="${objectionId}"] .tb-response:nth-of-type(${responseIndex + 1}) [data-testid="copy"]`;
    const label = await this.page.$eval(selector, (node) => node.textContent ?? '');
    await this.page.locator(selector).click();
    // It says so for a moment (1.5 s), then shows its label again.
    const handle = await this.page.waitForFunction(
      (target, copy) => {
        const text = document.querySelector(target)?.textContent ?? '';
        return text !== copy ? text : false;
      },
      { timeout: 1_000 },
      selector,
      label,
    );
    return /** @type {string} */ (await handle.jsonValue());
  }

  /** "Don't know the answer?": opens the steps and returns their titles. */
  async dontKnowSteps() {
    const shown = await this.page.$('[data-testid="dont-know-steps"]');
    if (!shown) await this.page.locator('[data-testid="dont-know"]').click();
    await this.page.waitForSelector('[data-testid="dont-know-steps"]');
    return this.page.$$eval('[data-testid="dont-know-steps"] > li', (items) =>
      items.map((item) => item.querySelector('strong')?.textContent ?? ''),
    );
  }

  // ---- questionnaire

  /**
   * The questionnaire's questions in order, with how each is answered: in words ('text', a number
   * too), a 1-5 'rating', one 'choice' from a list, or 'several' boxes to tick.
   * @returns {Promise<Array<{ id: string, kind: 'text' | 'rating' | 'choice' | 'several', text: string }>>}
   */
  questions() {
    return this.page.$$eval('[data-testid="questionnaire"] li.tb-question', (items) =>
      items.map((item) => ({
        id: item.getAttribute('data-question-id') ?? '',
        kind: item.querySelector('[role="radiogroup"]')
          ? 'rating'
          : item.querySelector('select')
            ? 'choice'
            : item.querySelector('input[type="checkbox"]')
              ? 'several'
              : 'text',
        text: item.querySelector('label')?.textContent ?? '',
      })),
    );
  }

  /** Types an answer and moves on (answers are saved when the field loses focus). */
  /** @param {string} questionId @param {string} text */
  async answerText(questionId, text) {
    await this.page.locator(`#q-${questionId}`).fill(text);
    await this.page.$eval(`#q-${questionId}`, (field) => field instanceof HTMLElement && field.blur());
  }

  /** @param {string} questionId @param {number} score 1-5 */
  async answerRating(questionId, score) {
    await this.page.waitForSelector(`li[data-question-id="${questionId}"] input[type="radio"]`);
    const radios = await this.page.$$(`li[data-question-id="${questionId}"] input[type="radio"]`);
    const radio = radios[score - 1];
    if (!radio) throw new Error(`question ${questionId} has no score ${score}`);
    await radio.click();
  }

  /**
   * What the questionnaire shows as the answer: the text, or the chosen score.
   * @param {string} questionId
   * @returns {Promise<string | number | null>}
   */
  answerOf(questionId) {
    return this.page.$eval(`li[data-question-id="${questionId}"]`, (item) => {
      const radios = [...item.querySelectorAll('input[type="radio"]')];
      if (radios.length > 0) {
        const index = radios.findIndex((radio) => radio instanceof HTMLInputElement && radio.checked);
        return index < 0 ? null : index + 1;
      }
      const field = item.querySelector('textarea, select');
      return field instanceof HTMLTextAreaElement || field instanceof HTMLSelectElement ? field.value || null : null;
    });
  }

  /** @returns {Promise<string>} e.g. 'Answered 2 of 12' */
  questionnaireProgress() {
    return this.page.$eval('[data-testid="questionnaire-progress"]', (node) => node.textContent ?? '');
  }

  /** @param {string} text */
  async waitForQuestionnaireProgress(text, timeoutMs = 5_000) {
    await this.page.waitForFunction(
      (expected) => document.querySelector('[data-testid="questionnaire-progress"]')?.textContent === expected,
      { timeout: timeoutMs },
      text,
    );
  }

  // ---- accessibility

  /**
   * Runs axe-core on the page and returns its violations.
   * @param {string} axeSource the text of axe-core's axe.min.js
   * @returns {Promise<Array<{ id: string, impact: string | null, help: string, targets: string[] }>>}
   */
  async accessibilityViolations(axeSource) {
    const loaded = await this.page.evaluate(() => 'axe' in globalThis);
    // Evaluated by the debugger rather than added as a <script>: extension pages forbid inline scripts.
    if (!loaded) await this.page.evaluate(axeSource);
    return this.page.evaluate(async () => {
      // @ts-expect-error: axe-core's global, injected above
      const result = /** @type {{ violations: Array<{ id: string, impact: string | null, help: string, nodes: Array<{ target: unknown[] }> }> }} */ (await globalThis.axe.run(document));
      return result.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
      }));
    });
  }
}

export class PopupPage {
  /** @param {Page} page */
  constructor(page) {
    this.page = page;
  }

  /** The section headings, once the popup has rendered (it loads its data first). */
  /** @returns {Promise<string[]>} */
  async headings() {
    await this.page.waitForSelector('h2', { timeout: 10_000 });
    return this.page.$$eval('h2', (nodes) => nodes.map((node) => node.textContent ?? ''));
  }

  /** What the popup says about the tab it is about: "enabled on …", an offer to enable, or "cannot run". */
  /** @returns {Promise<string>} */
  async siteState() {
    const section = await this.page.waitForSelector('[data-testid="enabled-here"], [data-testid="enable-here"], [data-testid="cannot-run"]');
    return (await section?.evaluate((node) => node.textContent ?? '')) ?? '';
  }

  /** The due and overdue touches the popup lists, in order, once the list has loaded. */
  /** @returns {Promise<Array<{ client: string, goal: string }>>} */
  async dueTouches() {
    await this.page.waitForSelector('[data-testid="due-list"]');
    return this.page.$$eval('[data-testid="due-touch"]', (items) =>
      items.map((item) => ({
        client: item.querySelector('[data-testid="due-client"]')?.textContent ?? '',
        goal: item.querySelector('[data-testid="due-goal"]')?.textContent ?? '',
      })),
    );
  }

  /**
   * The due list as sections in page order: 'overdue', 'today', 'role:<id>' (another role's touches)
   * and 'handed-over', each touch with its client and goal.
   * @returns {Promise<Array<{ section: string, client: string, goal: string }>>}
   */
  async dueSections() {
    await this.page.waitForSelector('[data-testid="due-list"]');
    return this.page.$$eval('[data-testid="due-touch"]', (items) =>
      items.map((item) => {
        const section = /** @type {HTMLElement} */ (item.closest('section[data-testid^="due-"]'));
        const id = section.dataset.testid ?? '';
        return {
          section: id === 'due-role' ? `role:${section.dataset.roleId}` : id.replace(/^due-/, ''),
          client: item.querySelector('[data-testid="due-client"]')?.textContent ?? '',
          goal: item.querySelector('[data-testid="due-goal"]')?.textContent ?? '',
        };
      }),
    );
  }

  /**
   * "Copy as a task" on the first touch of `client` with `goal` under another role; waits until it
   * is listed as handed over and returns the task text the popup copied (and shows).
   * @param {{ client: string, goal: string }} touch
   */
  async handOver(touch) {
    await this.#clickIn('due-role', touch, 'due-hand-over');
    await this.#waitInSection('due-handed-over', touch);
    const text = await this.page.waitForSelector('[data-testid="hand-over-text"]');
    return /** @type {string} */ (await text?.evaluate((node) => /** @type {HTMLTextAreaElement} */ (node).value));
  }

  /** "Take back" on a handed-over touch; waits until it has left "Handed over". */
  /** @param {{ client: string, goal: string }} touch */
  async takeBack(touch) {
    await this.#clickIn('due-handed-over', touch, 'due-take-back');
    await this.page.waitForFunction(
      ({ client, goal }) =>
        ![...document.querySelectorAll('[data-testid="due-handed-over"] [data-testid="due-touch"]')].some(
          (item) => item.querySelector('[data-testid="due-client"]')?.textContent === client && item.querySelector('[data-testid="due-goal"]')?.textContent === goal,
        ),
      { timeout: 5_000 },
      touch,
    );
  }

  /** @param {string} section @param {{ client: string, goal: string }} touch @param {string} button */
  async #clickIn(section, touch, button) {
    // A real click (not element.click() from a script): the clipboard wants a user's gesture.
    const items = await this.page.$$(`[data-testid="${section}"] [data-testid="due-touch"]`);
    for (const item of items) {
      const matches = await item.evaluate(
        (node, { client, goal }) => node.querySelector('[data-testid="due-client"]')?.textContent === client && node.querySelector('[data-testid="due-goal"]')?.textContent === goal,
        touch,
      );
      const target = matches ? await item.$(`[data-testid="${button}"]`) : null;
      if (target) return target.click();
    }
    throw new Error(`no "${touch.goal}" for ${touch.client} in ${section}`);
  }

  /** @param {string} section @param {{ client: string, goal: string }} touch */
  async #waitInSection(section, touch) {
    await this.page.waitForFunction(
      ({ section, client, goal }) =>
        [...document.querySelectorAll(`[data-testid="${section}"] [data-testid="due-touch"]`)].some(
          (item) => item.querySelector('[data-testid="due-client"]')?.textContent === client && item.querySelector('[data-testid="due-goal"]')?.textContent === goal,
        ),
      { timeout: 5_000 },
      { section, ...touch },
    );
  }

  /**
   * "Done" on the due touch at `index`; waits until the list has been reloaded without it.
   * @returns {Promise<Array<{ client: string, goal: string }>>} the list afterwards
   */
  async markDone(index = 0) {
    const before = await this.dueTouches();
    const buttons = await this.page.$$('[data-testid="due-touch"] [data-testid="due-done"]');
    const button = buttons[index];
    if (!button) throw new Error(`the popup lists ${before.length} due touches, not ${index + 1}`);
    await button.click();
    await this.page.waitForFunction(
      (count) => document.querySelectorAll('[data-testid="due-touch"]').length !== count,
      { timeout: 5_000 },
      before.length,
    );
    return this.dueTouches();
  }
}

/** The Insights page: headline figures, charts with their tables, the range picker. */
export class InsightsPage {
  /** @param {Page} page */
  constructor(page) {
    this.page = page;
  }

  /** The headline figure `id` once shown (e.g. 'revenue', 'repeat-share', 'touches-done'). */
  /** @returns {Promise<string>} */
  async figure(id, timeoutMs = 10_000) {
    const node = await this.page.waitForSelector(`[data-testid="figure-${id}"] [data-testid="figure-value"]`, { timeout: timeoutMs });
    return (await node?.evaluate((element) => element.textContent ?? '')) ?? '';
  }

  /** Waits until the figure `id` reads something `accept` takes (it updates live); returns it. */
  /** @param {string} id @param {(text: string) => boolean} accept */
  async waitForFigure(id, accept, timeoutMs = 10_000) {
    const deadline = Date.now() + timeoutMs;
    let text = '';
    while (Date.now() < deadline) {
      text = await this.figure(id, timeoutMs).catch(() => '');
      if (accept(text)) return text;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`figure ${id} still reads ${JSON.stringify(text)}`);
  }

  /** The rows of the table behind a chart or a table section, as text cells. */
  /** @returns {Promise<string[][]>} */
  tableRows(id) {
    return this.page.$$eval(`[data-testid="table-${id}"] tbody tr`, (rows) =>
      rows.map((row) => Array.from(row.children).map((cell) => cell.textContent ?? '')),
    );
  }

  /** The whole headline `id` as read: label, value, comparison and note. */
  /** @returns {Promise<string>} */
  async figureText(id, timeoutMs = 10_000) {
    const node = await this.page.waitForSelector(`[data-testid="figure-${id}"]`, { timeout: timeoutMs });
    return (await node?.evaluate((element) => Array.from(element.children).map((child) => child.textContent ?? '').join(' | '))) ?? '';
  }

  /** The ids of the table sections and charts on the page, in order. */
  /** @returns {Promise<string[]>} */
  sections() {
    return this.page.$$eval('[data-testid^="section-"], [data-testid^="chart-"]', (nodes) => nodes.map((node) => node.getAttribute('data-testid') ?? ''));
  }

  /** Waits until the table `id` has rows `accept` takes (it updates live); returns them. */
  /** @param {string} id @param {(rows: string[][]) => boolean} accept */
  async waitForTable(id, accept, timeoutMs = 10_000) {
    const deadline = Date.now() + timeoutMs;
    let rows = /** @type {string[][]} */ ([]);
    while (Date.now() < deadline) {
      rows = await this.tableRows(id).catch(() => []);
      if (accept(rows)) return rows;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`table ${id} still reads ${JSON.stringify(rows)}`);
  }

  /** Whether the chart `id` has drawn a canvas. */
  async chartDrawn(id) {
    return this.page.$eval(`[data-testid="canvas-${id}"]`, (host) => host.querySelector('canvas') !== null).catch(() => false);
  }

  /** @param {string} preset e.g. 'thisMonth', 'last12Months' */
  async choosePreset(preset) {
    await this.page.select('[data-testid="range-preset"]', preset);
  }
}

/**
 * What tests ask the extension directly, from one of its pages: the toolbar badge, and the
 * background's messages (`ui/*`) for what no screen shows, such as moving the demo build's clock.
 */
export class ExtensionProbe {
  /** @param {Page} page any extension page (the side panel, the popup, the options page) */
  constructor(page) {
    this.page = page;
  }

  /**
   * Sends a `ui/*` message to the background and returns the reply's data (throws on `ok: false`).
   * @param {{ type: string } & Record<string, unknown>} message
   * @returns {Promise<any>}
   */
  async send(message) {
    const reply = await this.page.evaluate(async (sent) => {
      // @ts-expect-error: runs in the extension page, where `browser` or `chrome` exists
      const api = globalThis.browser ?? globalThis.chrome;
      // A plain copy: Firefox hands back nested objects of a reply that the automation protocol
      // cannot serialise (they arrive as undefined).
      return /** @type {{ ok: boolean, data?: unknown, error?: string }} */ (JSON.parse(JSON.stringify((await api.runtime.sendMessage(sent)) ?? null)));
    }, message);
    if (!reply?.ok) throw new Error(`${message.type} failed: ${reply?.error ?? 'no reply'}`);
    return reply.data;
  }

  /**
   * Starts keeping the record id of every snapshot a content script sends: they reach every
   * extension page as well as the background. Calling it again starts a new list.
   */
  async listenForSnapshots() {
    await this.page.evaluate(() => {
      // @ts-expect-error: runs in the extension page, where `browser` or `chrome` exists
      const api = globalThis.browser ?? globalThis.chrome;
      const probe = /** @type {{ snapshots?: string[], listening?: boolean }} */ (globalThis);
      probe.snapshots = [];
      if (probe.listening) return;
      probe.listening = true;
      api.runtime.onMessage.addListener((/** @type {any} */ message) => {
        // Each read of the page sends one digest (the worker reports its client itself since
        // issue 17's step 2): the record id is the demo CRM URL's last segment.
        if (message?.type === 'cs/digest') probe.snapshots?.push(String(message.digest?.url ?? '').split('/').pop() ?? '');
      });
    });
  }

  /**
   * The record ids of the pages read (digests sent) since `listenForSnapshots`, once none has come for
   * `quietMs` (a read, and a second one when a lazy field arrives, are over by then).
   * @returns {Promise<string[]>}
   */
  async snapshotsOnceQuiet(quietMs = 1_500, timeoutMs = 15_000) {
    const sent = () => this.page.evaluate(() => [.../** @type {{ snapshots?: string[] }} */ (globalThis).snapshots ?? []]);
    const deadline = Date.now() + timeoutMs;
    let last = await sent();
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, quietMs));
      const now = await sent();
      if (now.length === last.length) return now;
      last = now;
    }
    throw new Error(`snapshots kept coming for ${timeoutMs} ms (${last.length} so far): the page is read in a loop`);
  }

  /**
   * Injects an extension script into the open tabs matching `pattern`, as the background does
   * for tabs already open after an update.
   * @param {string} pattern @param {string} file
   */
  async injectIntoTabs(pattern, file) {
    await this.page.evaluate(
      async (urls, path) => {
        // @ts-expect-error: runs in the extension page, where `browser` or `chrome` exists
        const api = globalThis.browser ?? globalThis.chrome;
        const tabs = /** @type {Array<{ id: number }>} */ (await api.tabs.query({ url: urls }));
        await Promise.all(tabs.map((tab) => api.scripting.executeScript({ target: { tabId: tab.id }, files: [path] })));
      },
      pattern,
      `/${file}`,
    );
  }

  /** The toolbar badge's text ('' when it shows nothing). */
  /** @returns {Promise<string>} */
  badgeText() {
    return this.page.evaluate(async () => {
      // @ts-expect-error: runs in the extension page, where `browser` or `chrome` exists
      const api = globalThis.browser ?? globalThis.chrome;
      return /** @type {string} */ (await api.action.getBadgeText({}));
    });
  }

  /** Waits until the badge satisfies `accept`; returns its text. */
  /** @param {(text: string) => boolean} accept */
  async waitForBadge(accept, timeoutMs = 10_000) {
    let text = '';
    await waitFor(
      async () => accept((text = await this.badgeText())),
      { timeoutMs, what: () => `the badge (it shows "${text}")` },
    );
    return text;
  }

  /**
   * Demo builds only: moves the extension's clock to `Date.now() + offsetMs` and runs the
   * reminder check; returns the extension's new "now".
   * @param {number} offsetMs
   * @returns {Promise<number>}
   */
  async moveClock(offsetMs) {
    const { now } = await this.send({ type: 'ui/debug.clock', offsetMs: Math.round(offsetMs) });
    return now;
  }

  /**
   * What a panel not tied to a tab shows: the last CRM tab that showed a client.
   * @returns {Promise<{ state: 'client' | 'no-client', tabId: number | null, origin: string | null, client?: any }>}
   */
  focus() {
    return this.send({ type: 'ui/focus.get', tabId: null });
  }

  /**
   * A client's open touches (next first) and history.
   * @param {string} clientId
   * @returns {Promise<{ open: Array<{ id: string, programmeId: string, templateId: string, goal: string, dueAt: number, state: string, anchorEventId: string | null }>, history: Array<{ id: string, programmeId: string, templateId: string, goal: string, state: string, anchorEventId: string | null, skipReason: string | null }>, timeZone: string }>}
   */
  clientPlan(clientId) {
    return this.send({ type: 'ui/touches.client', clientId });
  }

  /** @returns {Promise<{ now: number, items: Array<{ touch: { id: string, goal: string, dueAt: number, roleId: string }, client: { id: string, name: string } }>, ownRoleIds: string[] }>} */
  dueList() {
    return this.send({ type: 'ui/touches.due' });
  }

  /**
   * The fields taught per enabled site.
   * @returns {Promise<Array<{ origin: string, mappings: Array<{ field: string, selector?: string, label?: string }> }>>}
   */
  mappings() {
    return this.send({ type: 'ui/mappings.list' });
  }
}

/**
 * Polls `condition` (in Node) until it holds; for conditions that need several round trips to
 * the browser. Throws with `what` in the message when time runs out.
 * @param {() => Promise<boolean> | boolean} condition
 * @param {{ timeoutMs?: number, intervalMs?: number, what?: string | (() => string) }} [options]
 */
export async function waitFor(condition, { timeoutMs = 10_000, intervalMs = 100, what = 'a condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  /** @type {unknown} */
  let lastError;
  while (Date.now() < deadline) {
    try {
      if (await condition()) return;
      lastError = undefined;
    } catch (error) {
      lastError = error; // e.g. a page that is reloading: try again
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  const described = typeof what === 'function' ? what() : what;
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${described}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
}
