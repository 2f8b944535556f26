/**
 * Page objects: what a person does on each screen, so end-to-end tests (and `npm start`) read as
 * a walk through the product.
 * @typedef {import('puppeteer-core').Page} Page
 */

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
    await this.page.$$eval(
      '[data-testid="site-list"] li',
      (items, expected) => {
        const item = items.find((node) => node.querySelector('[data-testid="site-origin"]')?.textContent === expected);
        item?.querySelector('button')?.click();
      },
      origin,
    );
    await this.page.waitForFunction(
      (expected) =>
        ![...document.querySelectorAll('[data-testid="site-origin"]')].some((node) => node.textContent === expected),
      { timeout: 10_000 },
      origin,
    );
  }
}

/** The sales-book section of the options page. */
export class BookSettingsPage {
  /** @param {Page} page */
  constructor(page) {
    this.page = page;
  }

  /** @returns {Promise<{ source: string, title: string, version: string, errors: string[] }>} */
  status() {
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

  /** @returns {Promise<string | null>} */
  emptyStateText() {
    return this.page.$eval('[data-testid="empty-state"]', (node) => node.textContent).catch(() => null);
  }
}

export class PopupPage {
  /** @param {Page} page */
  constructor(page) {
    this.page = page;
  }

  /** @returns {Promise<string[]>} */
  headings() {
    return this.page.$$eval('h2', (nodes) => nodes.map((node) => node.textContent ?? ''));
  }
}
